"""Saved schemas (/schemas): save the current one, load, duplicate, rename, delete; JSON file in and out."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import streamlit as st

from app_pages.schema_table import SchemaProblems, normalize_schema
from app_pages.ui_common import format_timestamp, show_api_error
from src.api_client import ApiClient, ApiError

SAVED_ID_KEY = "saved_schema_id"
SAVED_NAME_KEY = "saved_schema_name"
SAVED_DOC_KEY = "saved_schema_doc"  # the saved schema as loaded or saved: a draft is what differs
CONFIRM_DELETE_KEY = "confirm_delete_schema"
NOTICE_KEY = "saved_schema_notice"  # shown in the saved schemas' tab
SAVE_NOTICE_KEY = "save_bar_notice"  # shown under the schema, where Save is
PICK_KEY = "saved_pick"
PICK_NEXT_KEY = "saved_pick_next"  # set by an action, becomes the picker's choice on the next run

Loader = Callable[[dict[str, Any], str], None]


def describe_saved(record: dict[str, Any]) -> str:
    tables = record.get("table_count") or 1
    size = f"{record.get('field_count', '?')} fields" + (f" in {tables} tables" if tables > 1 else "")
    return f"{record.get('name')} · {size} · {format_timestamp(record.get('updated_at'))}"


def file_name_for(name: str | None) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", (name or "schema").strip()).strip("_.") or "schema"
    return f"{stem}.json"


def remember_saved(record: dict[str, Any], doc: dict[str, Any] | None = None) -> None:
    st.session_state[SAVED_ID_KEY] = record["id"]
    st.session_state[SAVED_NAME_KEY] = record["name"]
    if doc is not None:
        st.session_state[SAVED_DOC_KEY] = doc


def forget_saved() -> None:
    for key in (SAVED_ID_KEY, SAVED_NAME_KEY, SAVED_DOC_KEY):
        st.session_state.pop(key, None)


def show_notice(key: str = NOTICE_KEY) -> None:
    notice = st.session_state.pop(key, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")


def show_saved_list(client: ApiClient, load: Loader) -> None:
    """The saved schemas with Load, Duplicate, Rename and Delete (which asks first)."""
    show_notice()
    try:
        saved = client.list_schemas()
    except ApiError as error:  # a caption: the health line already says when the API is down
        st.caption(f"Saved schemas are not available: {error}")
        return
    if not saved:
        st.info("No saved schemas yet. Save the one you are editing with **Save** under the schema.",
                icon=":material/bookmark:")
        return
    by_id = {record["id"]: record for record in saved}
    ids = list(by_id)
    current = st.session_state.get(SAVED_ID_KEY)
    wanted = st.session_state.pop(PICK_NEXT_KEY, None) or st.session_state.get(PICK_KEY)
    st.session_state[PICK_KEY] = wanted if wanted in ids else (current if current in ids else ids[0])
    chosen = st.selectbox("Saved schema", ids, format_func=lambda i: describe_saved(by_id[i]), key=PICK_KEY)
    record = by_id[chosen]
    load_column, copy_column, delete_column, _ = st.columns([1, 1, 1, 3])
    if load_column.button("Load", icon=":material/download:", width="stretch", key="saved_load"):
        _load(client, chosen, load)
    if copy_column.button("Duplicate", icon=":material/content_copy:", width="stretch", key="saved_copy"):
        _duplicate(client, record)
    if delete_column.button("Delete", icon=":material/delete:", width="stretch", key="saved_delete"):
        st.session_state[CONFIRM_DELETE_KEY] = chosen
    rename_column, rename_button = st.columns([3, 1], vertical_alignment="bottom")
    new_name = rename_column.text_input("New name", value=record["name"], key=f"saved_rename_{chosen}")
    if rename_button.button("Rename", icon=":material/edit:", width="stretch", key="saved_rename",
                            disabled=not new_name.strip() or new_name.strip() == record["name"]):
        _rename(client, chosen, new_name.strip())
    if st.session_state.get(CONFIRM_DELETE_KEY) == chosen:
        _confirm_delete(client, record)


def show_resume_offer(client: ApiClient, load: Loader) -> None:
    """With no schema yet (a new tab, a reload of another page): the newest saved schema, one click away."""
    try:
        newest = client.list_schemas(limit=1)
    except ApiError:
        return  # the health line already says when the API is down
    if not newest:
        return
    record = newest[0]
    text_column, button_column = st.columns([4, 1], vertical_alignment="center")
    text_column.info(f"Continue where you left off? Your last saved schema: {describe_saved(record)}",
                     icon=":material/history:")
    if button_column.button("Continue with it", icon=":material/restore:", key="resume_saved", width="stretch"):
        _load(client, record["id"], load)


def _load(client: ApiClient, schema_id: str, load: Loader) -> None:
    try:
        record = client.get_schema(schema_id)
    except ApiError as error:
        show_api_error(error, "load the schema")
        return
    load(record["schema"], f"Loaded the saved schema '{record['name']}'.")
    remember_saved(record, record["schema"])
    st.rerun()


def _duplicate(client: ApiClient, summary: dict[str, Any]) -> None:
    try:
        record = client.get_schema(summary["id"])
        copy = client.save_schema(f"{record['name']} (copy)", record["schema"])
    except ApiError as error:
        show_api_error(error, "duplicate the schema")
        return
    st.session_state[NOTICE_KEY] = f"Saved a copy as '{copy['name']}'."
    st.session_state[PICK_NEXT_KEY] = copy["id"]
    st.rerun()


def _rename(client: ApiClient, schema_id: str, name: str) -> None:
    try:
        record = client.get_schema(schema_id)
        renamed = client.update_schema(schema_id, name, record["schema"])
    except ApiError as error:
        show_api_error(error, "rename the schema")
        return
    if st.session_state.get(SAVED_ID_KEY) == schema_id:
        remember_saved(renamed)
    st.session_state[NOTICE_KEY] = f"Renamed to '{renamed['name']}'."
    st.rerun()


def _confirm_delete(client: ApiClient, record: dict[str, Any]) -> None:
    with st.container(border=True):
        st.warning(f"Delete the saved schema **{record['name']}**? Only the saved schema is removed: "
                   "jobs made from it and the schema you are editing stay.", icon=":material/warning:")
        yes, no, _ = st.columns([1, 1, 4])
        if yes.button("Delete it", type="primary", key="saved_delete_yes", width="stretch"):
            try:
                client.delete_schema(record["id"])
            except ApiError as error:
                show_api_error(error, "delete the schema")
                return
            st.session_state.pop(CONFIRM_DELETE_KEY, None)
            if st.session_state.get(SAVED_ID_KEY) == record["id"]:
                forget_saved()
            st.session_state[NOTICE_KEY] = f"Deleted '{record['name']}'."
            st.rerun()
        if no.button("Keep it", key="saved_delete_no", width="stretch"):
            st.session_state.pop(CONFIRM_DELETE_KEY, None)
            st.rerun()


IMPORT_KEY = "schema_import_file"
IMPORT_DONE_KEY = "schema_import_done"  # the file id last imported, or refused with its message


def read_schema_file(name: str, content: bytes) -> dict[str, Any]:
    """The schema document in a JSON file (a document, a list of fields, or a saved record / job body).

    Raises ValueError with one line naming the file and what is wrong with it.
    """
    try:
        doc = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValueError(f"{name} is not valid JSON: it is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"{name} is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).") \
            from None
    if isinstance(doc, dict) and isinstance(doc.get("schema"), dict):
        doc = doc["schema"]  # an exported record or a /jobs/create body
    if isinstance(doc, list):
        doc = {"fields": doc}
    if not isinstance(doc, dict):
        raise ValueError(f'{name} is not a schema: a schema is a JSON object such as {{"fields": [...]}}.')
    try:
        return normalize_schema(doc)
    except SchemaProblems as error:
        raise ValueError(f"{name} is not a valid schema: " + "; ".join(map(str, error.problems))) from None


def show_import(load: Loader) -> None:
    """Load a schema from a JSON file; a file that is not one is refused and the current schema stays."""
    upload = st.file_uploader("Import a schema (JSON file)", type=["json"], key=IMPORT_KEY)
    if upload is None:
        st.session_state.pop(IMPORT_DONE_KEY, None)
        return
    done = st.session_state.get(IMPORT_DONE_KEY)
    if done and done[0] == upload.file_id:
        if done[1]:
            st.error(done[1], icon=":material/error:")  # while that file stays chosen
        return
    try:
        doc = read_schema_file(upload.name, upload.getvalue())
    except ValueError as error:
        st.session_state[IMPORT_DONE_KEY] = (upload.file_id, str(error))
        st.error(str(error), icon=":material/error:")
        return
    st.session_state[IMPORT_DONE_KEY] = (upload.file_id, None)
    load(doc, f"Imported {upload.name}.")
    st.rerun()


def show_save_bar(client: ApiClient, doc: dict[str, Any] | None, draft: dict[str, Any] | None) -> None:
    """Name, Save (replaces the loaded saved schema), Save as new, and Export as a JSON file."""
    saved_id = st.session_state.get(SAVED_ID_KEY)
    default_name = st.session_state.get(SAVED_NAME_KEY) or (draft or {}).get("name") or ""
    name_column, save_column, new_column, export_column = st.columns([3, 1, 1, 1], vertical_alignment="bottom")
    name = name_column.text_input("Schema name", value=default_name, key=f"save_name_{saved_id}",
                                  placeholder="e.g. customers")
    ready = doc is not None and bool(name.strip())
    help_text = None if doc is not None else "Fix the schema's problems first."
    if save_column.button("Save", icon=":material/save:", width="stretch", disabled=not ready, help=help_text,
                          key="save_schema"):
        _save(client, doc, name.strip(), saved_id)
    if new_column.button("Save as new", icon=":material/library_add:", width="stretch", key="save_new",
                         disabled=not ready or saved_id is None):
        _save(client, doc, name.strip(), None)
    export_column.download_button("Export JSON", json.dumps(doc or draft or {}, indent=2),
                                  file_name=file_name_for(name or None), mime="application/json",
                                  icon=":material/file_download:", width="stretch",
                                  disabled=(doc or draft) is None, key="export_schema")
    if saved_id:
        st.caption(f"Editing the saved schema '{st.session_state.get(SAVED_NAME_KEY)}': **Save** replaces it.")
    show_notice(SAVE_NOTICE_KEY)


def _save(client: ApiClient, doc: dict[str, Any], name: str, saved_id: str | None) -> None:
    try:
        record = client.update_schema(saved_id, name, doc) if saved_id else client.save_schema(name, doc)
    except ApiError as error:
        show_api_error(error, "save the schema")
        return
    remember_saved(record, doc)
    st.session_state[SAVE_NOTICE_KEY] = f"Saved '{record['name']}'."
    st.rerun()
