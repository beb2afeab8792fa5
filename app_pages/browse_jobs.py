"""Browse Jobs: every job, newest first; filter by status; open one in the monitor or delete it
(after a confirmation that says what goes)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app_pages.charts import show_table
from app_pages.job_delete import confirm_deletion, show_delete_button
from app_pages.ui_common import (
    format_timestamp, get_api_client, name_job, open_in_monitor, show_api_error, shorten_job_id,
)
from src.api_client import JOB_STATUSES, ApiClient, ApiError

JOB_PAGE_SIZE = 50
PAGE_KEY = "browse_page"  # the page shown, from 0; back to 0 when the filter changes
PREVIEW_ROWS = 10
CONFIRM_KEY = "browse_confirm_delete"  # the id of the job whose deletion waits for a yes


def build_jobs_table(jobs: list[dict[str, Any]]) -> pd.DataFrame:
    """The overview table, newest first."""
    rows = [
        {
            "Job": shorten_job_id(str(job["job_id"])),
            "Name": job.get("name") or "",
            "Status": job.get("status", ""),
            "Progress": float(job.get("progress_percentage") or 0.0),
            "Rows": job.get("total_rows"),
            "Tables": len(job["tables"]) if job.get("tables") else 1,
            "Format": job.get("output_format") or "",
            "Created": format_timestamp(job.get("created_at")),
        }
        for job in jobs
    ]
    return pd.DataFrame(rows, columns=["Job", "Name", "Status", "Progress", "Rows", "Tables", "Format", "Created"])


def sort_newest_first(jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if all(job.get("created_at") for job in jobs):
        return sorted(jobs, key=lambda job: str(job["created_at"]), reverse=True)
    return jobs  # the API already lists newest first


def read_page(client: Any, status: str | None) -> dict[str, Any]:
    """The page of jobs the session is on; the last page instead when deletions emptied this one."""
    number = st.session_state.get(PAGE_KEY, 0)
    page = client.list_jobs_page(limit=JOB_PAGE_SIZE, offset=number * JOB_PAGE_SIZE, status=status)
    if not page["jobs"] and number > 0 and page["total"] > 0:
        st.session_state[PAGE_KEY] = (page["total"] - 1) // JOB_PAGE_SIZE
        page = client.list_jobs_page(limit=JOB_PAGE_SIZE, offset=st.session_state[PAGE_KEY] * JOB_PAGE_SIZE,
                                     status=status)
    return page


def describe_page(page: dict[str, Any]) -> str:
    """'3 jobs', or 'Jobs 51-100 of 312' when there is more than one page."""
    total, first = page["total"], page["offset"] + 1
    if total <= JOB_PAGE_SIZE and page["offset"] == 0:
        return f"{total} job{'s' if total != 1 else ''}"
    return f"Jobs {first}-{page['offset'] + page['count']} of {total}"


def show_page_buttons(page: dict[str, Any]) -> None:
    """Previous / Next under the table when the jobs fill more than one page."""
    number = page["offset"] // JOB_PAGE_SIZE
    has_next = page["offset"] + page["count"] < page["total"]
    if number == 0 and not has_next:
        return
    with st.container(horizontal=True, vertical_alignment="center"):
        if st.button("Previous", icon=":material/chevron_left:", disabled=number == 0, key="browse_previous"):
            st.session_state[PAGE_KEY] = number - 1
            st.rerun()
        st.markdown(f"Page {number + 1} of {(page['total'] - 1) // JOB_PAGE_SIZE + 1}")
        if st.button("Next", icon=":material/chevron_right:", disabled=not has_next, key="browse_next"):
            st.session_state[PAGE_KEY] = number + 1
            st.rerun()


def note_deletion(notice: str) -> None:
    """After a delete: the notice for the next run, and a fresh table (its selection pointed at the job)."""
    st.session_state["browse_notice"] = notice
    st.session_state["browse_table_version"] = st.session_state.get("browse_table_version", 0) + 1


def render_page() -> None:
    client = get_api_client()
    st.title("Browse Jobs", anchor=False)
    st.caption("All generation jobs, newest first. Select one to open it in the monitor or delete it.")
    if notice := st.session_state.pop("browse_notice", None):
        st.toast(notice, icon=":material/delete:")

    status_filter = st.pills("Filter by status", JOB_STATUSES, key="browse_status", persist_state="session",
                             on_change=lambda: st.session_state.update({PAGE_KEY: 0}))
    try:
        page = read_page(client, status_filter)
    except ApiError as error:
        show_api_error(error, "list the jobs")
        return
    jobs = sort_newest_first(page["jobs"])
    if not jobs:
        if status_filter:
            st.info(f"No {status_filter} jobs.", icon=":material/inbox:")
        else:
            st.info("No jobs yet. Start one on the Create Dataset page.", icon=":material/inbox:")
            st.page_link("app_pages/create_dataset.py", label="Create a dataset",
                         icon=":material/add_circle:")
        return

    table_key = f"browse_table_{st.session_state.get('browse_table_version', 0)}_{status_filter}"
    selection = st.dataframe(
        build_jobs_table(jobs), key=table_key, on_select="rerun", selection_mode="single-row",
        hide_index=True, width="stretch",
        column_config={
            "Progress": st.column_config.ProgressColumn("Progress", min_value=0, max_value=100,
                                                        format="%.0f%%"),
            "Rows": st.column_config.NumberColumn("Rows", format="localized"),
        },
    )
    show_page_buttons(page)
    selected_rows = selection.selection.rows
    if not selected_rows:
        st.caption(f"{describe_page(page)}. Select a row to act on it.")
        return
    job = jobs[selected_rows[0]]
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"Selected: **{name_job(job)}** `{job['job_id']}`")
        if st.button("Open in monitor", type="primary", icon=":material/monitoring:"):
            open_in_monitor(job["job_id"])
        show_delete_button(CONFIRM_KEY, job)
    confirm_deletion(client, job, CONFIRM_KEY, note_deletion)
    show_job_preview(client, job)


def show_job_preview(client: ApiClient, job: dict[str, Any]) -> None:
    """The selected job's first rows, formatted by its fields' types and decimals."""
    if not job.get("rows_generated"):
        st.caption("No rows yet to preview.")
        return
    try:
        preview = client.get_preview(job["job_id"], rows=PREVIEW_ROWS)
    except ApiError as error:
        st.caption(f"Preview not available: {error.message}")
        return
    rows = preview.get("data") or []
    table = preview.get("table")
    st.markdown(f"**Preview**{f' of {table}' if table else ''} · first {len(rows)} rows")
    show_table(rows, preview.get("fields") or [], preview.get("columns"), key=f"browse_preview_{job['job_id']}")


render_page()
