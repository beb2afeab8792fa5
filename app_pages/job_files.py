"""A finished job's files on the Monitor page: one download, or per table plus the zip; big files
as signed links that the browser fetches from the API (PUBLIC_API_URL), never through this server."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app_pages.ui_common import format_count, show_api_error
from src.api_client import OUTPUT_FORMATS, ApiClient, ApiError
from src.config import get_settings

# From this size on, a caption also names the direct link (the button passes the file through here).
LARGE_DOWNLOAD_ROWS = 1_000_000


def name_download(job: dict[str, Any], table: str | None = None) -> str:
    """The file name the API gives the download (status' ``file_name``), or a stand-in."""
    if table is not None:
        named = ((job.get("tables") or {}).get(table) or {}).get("file_name")
        return named or f"{table}.{job.get('output_format') or 'dat'}"
    if job.get("file_name"):
        return str(job["file_name"])
    extension = "zip" if job.get("tables") else job.get("output_format")
    return f"synthetic_{job['job_id']}" + (f".{extension}" if extension in (*OUTPUT_FORMATS, "zip") else "")


def create_signed_link(client: ApiClient, job_id: str, table: str | None = None) -> str | None:
    """A download URL the browser opens without the API key (it expires); None after showing why not."""
    try:
        return client.create_download_link(job_id, table)["url"]
    except ApiError as error:
        show_api_error(error, "make a download link")
        return None


def show_file_button(client: ApiClient, job: dict[str, Any], label: str, rows: int, table: str | None = None,
                     primary: bool = False) -> bool:
    """One file's download: through this server when small, else a signed link to the API (True)."""
    job_id, file_name = job["job_id"], name_download(job, table)
    kind = "primary" if primary else "secondary"
    if rows > get_settings().ui_download_link_rows:
        link = create_signed_link(client, job_id, table)
        if link:
            st.link_button(label, link, type=kind, icon=":material/download:", help=file_name)
        return True
    st.download_button(label, data=lambda: client.download(job_id, table).content, file_name=file_name,
                       type=kind, icon=":material/download:", on_click="ignore", help=file_name,
                       key=f"download_{job_id}_{table or 'all'}")
    return False


def show_downloads(client: ApiClient, job: dict[str, Any]) -> None:
    """The finished job's downloads: the file, or the zip and one button per table."""
    tables = job.get("tables") or {}
    total = int(job.get("total_rows") or 0)
    with st.container(horizontal=True, vertical_alignment="center"):  # wraps on a narrow screen
        if not tables:
            linked = show_file_button(client, job, "Download dataset", total, primary=True)
        else:
            linked = show_file_button(client, job, f"All {len(tables)} tables (zip)", total, primary=True)
            for table, progress in tables.items():
                linked |= show_file_button(client, job, table, int(progress.get("rows") or 0), table=table)
    caption = f"Saved as `{name_download(job)}`" + (" · or one table's file" if tables else "")
    if linked:
        caption += (" · large files download straight from the API (each link expires; reload the page "
                    "for a new one)")
    st.caption(caption)
    if not tables and LARGE_DOWNLOAD_ROWS <= total <= get_settings().ui_download_link_rows:
        link = create_signed_link(client, job["job_id"])
        if link:
            st.caption(f"Large file: you can also fetch it straight from the API at {link} "
                       "(the link expires; reload the page for a new one)")


def show_tables_progress(job: dict[str, Any]) -> None:
    """Rows per table of a multi-table job, parents first."""
    tables = job.get("tables") or {}
    if not tables:
        return
    rows = [{"Table": name, "Rows": progress.get("rows"), "Generated": progress.get("rows_generated"),
             "Progress": 100.0 * (progress.get("rows_generated") or 0) / (progress.get("rows") or 1)}
            for name, progress in tables.items()]
    st.dataframe(
        pd.DataFrame(rows), hide_index=True, width="stretch",
        column_config={
            "Rows": st.column_config.NumberColumn("Rows", format="localized"),
            "Generated": st.column_config.NumberColumn("Generated", format="localized"),
            "Progress": st.column_config.ProgressColumn("Progress", min_value=0, max_value=100, format="%.0f%%"),
        })
    st.caption(f"{len(tables)} tables · {format_count(job.get('total_rows'))} rows in all")
