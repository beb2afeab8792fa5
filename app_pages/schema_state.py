"""The schema being edited, kept in the session: one document, a version that renews every editor
widget when it changes, and the field chosen in each table."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

DOC_KEY = "schema_doc"
VERSION_KEY = "schema_version"
EPOCH_KEY = "editor_epoch"
SELECTED_KEY = "selected_fields"
NOTES_KEY = "extraction_notes"
SAMPLES_KEY = "samples_cache"
MAX_CACHED_SAMPLES = 32


def get_doc() -> dict[str, Any] | None:
    return st.session_state.get(DOC_KEY)


def version() -> int:
    """Renews the grids (their edits are relative to the table they were given) on every change."""
    return int(st.session_state.get(VERSION_KEY, 0))


def epoch() -> int:
    """Renews the field editor's widgets, only when the document changed other than through them
    (so a user moving from one input to the next keeps the focus and what they typed)."""
    return int(st.session_state.get(EPOCH_KEY, 0))


def set_schema(doc: dict[str, Any], notes: dict[str, Any] | None = None) -> None:
    """Make ``doc`` the schema being edited (an extraction, a template, a file, a saved schema)."""
    st.session_state[DOC_KEY] = doc
    st.session_state[VERSION_KEY] = version() + 1
    st.session_state[EPOCH_KEY] = epoch() + 1
    st.session_state[SELECTED_KEY] = {}
    if notes is None:
        st.session_state.pop(NOTES_KEY, None)  # they described the replaced schema
    else:
        st.session_state[NOTES_KEY] = notes
    if doc.get("seed") is not None:
        st.session_state["seed_input"] = doc["seed"]
    first = (doc.get("tables") or [{}])[0] if "tables" in doc else None
    if first and isinstance(first.get("rows"), int) and first["rows"] > 0:
        st.session_state["rows_input"] = first["rows"]


def add_notice(text: str) -> None:
    """Say ``text`` above the schema on the next run, after any notice already waiting."""
    waiting = st.session_state.get("field_notice")
    st.session_state["field_notice"] = f"{waiting} {text}" if waiting else text


def commit(doc: dict[str, Any], renew_editor: bool = True) -> None:
    """Keep an edit of the current schema and draw the page again from it.

    ``renew_editor=False``: the edit came from the field editor's widgets, which already show it.
    """
    st.session_state[DOC_KEY] = doc
    st.session_state[VERSION_KEY] = version() + 1
    if renew_editor:
        st.session_state[EPOCH_KEY] = epoch() + 1
    st.rerun()


def selected_field(table: int, count: int) -> int:
    chosen = st.session_state.setdefault(SELECTED_KEY, {}).get(table, 0)
    return min(max(chosen, 0), max(count - 1, 0))


def select_field(table: int, index: int) -> None:
    st.session_state.setdefault(SELECTED_KEY, {})[table] = index


def doc_key(doc: Any) -> str:
    return json.dumps(doc, sort_keys=True, default=str)


def cached_sample(doc: dict[str, Any]) -> Any:
    return st.session_state.setdefault(SAMPLES_KEY, {}).get(doc_key(doc))


def cache_sample(doc: dict[str, Any], result: Any) -> None:
    cache = st.session_state.setdefault(SAMPLES_KEY, {})
    cache[doc_key(doc)] = result
    while len(cache) > MAX_CACHED_SAMPLES:
        cache.pop(next(iter(cache)))
