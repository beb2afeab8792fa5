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
DESCRIPTION_PARAM = "describe"  # the description typed on the Describe tab (compressed like the draft)
MAX_DESCRIPTION_CHARS = 20_000
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
    if params.get(DESCRIPTION_PARAM):
        text = decode_draft(params[DESCRIPTION_PARAM])
        if text is not None and isinstance(text.get("text"), str):
            found["description"] = text["text"][:MAX_DESCRIPTION_CHARS]
    return found


def write_url(doc: dict[str, Any] | None, saved_id: str | None, saved_doc: dict[str, Any] | None,
              rows: int | None, description: str | None = None) -> None:
    """Keep the URL in step: the saved id, the draft when it differs from the saved document, and the
    description being typed (so a reload keeps it too)."""
    wanted: dict[str, str] = {}
    if description and description.strip() and len(description) <= MAX_DESCRIPTION_CHARS:
        wanted[DESCRIPTION_PARAM] = encode_draft({"text": description})
    if saved_id:
        wanted[SCHEMA_PARAM] = saved_id
    if doc is not None and doc != saved_doc:
        draft = encode_draft(doc)
        if len(draft) <= MAX_DRAFT_CHARS:
            wanted[DRAFT_PARAM] = draft
    if rows:
        wanted[ROWS_PARAM] = str(rows)
    names = (SCHEMA_PARAM, DRAFT_PARAM, ROWS_PARAM, DESCRIPTION_PARAM)
    current = {name: st.query_params.get(name) for name in names}
    if {k: v for k, v in current.items() if v} != wanted:
        for name in names:
            if name in wanted:
                st.query_params[name] = wanted[name]
            elif name in st.query_params:
                del st.query_params[name]
