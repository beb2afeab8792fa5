"""Deleting a job from Browse or Monitor: a Delete button, then a confirmation that says what goes
(its name, rows and files); only a second, explicit click deletes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from app_pages.ui_common import describe_deletion, name_job, show_api_error
from src.api_client import ApiClient, ApiError


def show_delete_button(confirm_key: str, job: dict[str, Any]) -> None:
    """The first click: only asks (the confirmation shows under it)."""
    if st.button("Delete", icon=":material/delete:", key=f"{confirm_key}_ask"):
        st.session_state[confirm_key] = job["job_id"]


def confirm_deletion(client: ApiClient, job: dict[str, Any], confirm_key: str,
                     on_deleted: Callable[[str], None]) -> None:
    """When the Delete button asked for this job: say what deleting it removes, then delete on
    'Delete permanently' (``on_deleted`` gets the notice to show) or forget the question on 'Keep it'."""
    if st.session_state.get(confirm_key) != job["job_id"]:
        return
    with st.container(border=True):
        st.warning(describe_deletion(job), icon=":material/warning:")
        with st.container(horizontal=True):
            if st.button("Delete permanently", type="primary", icon=":material/delete_forever:",
                         key=f"{confirm_key}_yes"):
                try:
                    client.delete_job(job["job_id"])
                except ApiError as error:
                    show_api_error(error, "delete the job")
                    return
                st.session_state.pop(confirm_key, None)
                on_deleted(f"Deleted {name_job(job)} and its files.")
                st.rerun()
            if st.button("Keep it", icon=":material/undo:", key=f"{confirm_key}_no"):
                st.session_state.pop(confirm_key, None)
                st.rerun()
