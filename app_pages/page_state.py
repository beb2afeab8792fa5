"""The Create page in its URL, so a browser reload restores it: the saved schema's id, or the draft itself.

`?schema=<id>` names a saved schema (loaded from the API on reload); `?draft=<text>` holds the schema
being edited, compressed (zlib, URL-safe base64), so unsaved work survives a reload without a server.
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import streamlit as st

DRAFT_PARAM = "draft"
SCHEMA_PARAM = "schema"
ROWS_PARAM = "rows"
MAX_DRAFT_CHARS = 200_000  # browsers keep URLs of a few MB; beyond this the draft is left out


def encode_draft(doc: dict[str, Any]) -> str:
    raw = json.dumps(doc, separators=(",", ":"), sort_keys=False).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def decode_draft(text: str) -> dict[str, Any] | None:
    """The document in a draft parameter; None when it is not one (a truncated or edited URL)."""
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        doc = json.loads(raw)
    except (ValueError, zlib.error):
        return None
    return doc if isinstance(doc, dict) else None


def read_url() -> dict[str, Any]:
    """What the URL says: {"draft": doc?, "schema": id?, "rows": n?}."""
    params = st.query_params
    found: dict[str, Any] = {}
    if params.get(DRAFT_PARAM):
        found["draft"] = decode_draft(params[DRAFT_PARAM])
    if params.get(SCHEMA_PARAM):
        found["schema"] = params[SCHEMA_PARAM]
    rows = params.get(ROWS_PARAM)
    if rows and rows.isdigit():
        found["rows"] = int(rows)
    return found


def write_url(doc: dict[str, Any] | None, saved_id: str | None, saved_doc: dict[str, Any] | None,
              rows: int | None) -> None:
    """Keep the URL in step: the saved id, and the draft when it differs from the saved document."""
    wanted: dict[str, str] = {}
    if saved_id:
        wanted[SCHEMA_PARAM] = saved_id
    if doc is not None and doc != saved_doc:
        draft = encode_draft(doc)
        if len(draft) <= MAX_DRAFT_CHARS:
            wanted[DRAFT_PARAM] = draft
    if rows:
        wanted[ROWS_PARAM] = str(rows)
    current = {name: st.query_params.get(name) for name in (SCHEMA_PARAM, DRAFT_PARAM, ROWS_PARAM)}
    if {k: v for k, v in current.items() if v} != wanted:
        for name in (SCHEMA_PARAM, DRAFT_PARAM, ROWS_PARAM):
            if name in wanted:
                st.query_params[name] = wanted[name]
            elif name in st.query_params:
                del st.query_params[name]
