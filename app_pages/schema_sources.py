"""Where a schema comes from: a description (extracted), a template, or a sample file (inferred)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.saved_schemas import forget_saved
from app_pages.schema_state import NOTES_KEY, set_schema
from app_pages.schema_table import SchemaProblems, normalize_schema
from app_pages.ui_common import show_api_error
from src.api_client import ApiClient, ApiError

DESCRIPTION_PLACEHOLDER = (
    "e.g. 5,000 e-commerce orders with an order id, customer name, quantity between 1 and 10, "
    "unit price $10-500, total = quantity x unit price, order date in the last 90 days and a "
    "status of pending, shipped, delivered or cancelled"
)
PROVIDER_NAMES = {"offline": "the offline rules", "gemini": "Gemini", "sample": "the sample file"}
SAMPLE_TYPES = ["csv", "tsv", "parquet"]


def load_result(result: dict[str, Any], what: str) -> None:
    """Load an API answer of the /schema/extract shape (schema, total_rows, provider, warnings)."""
    raw = result.get("schema") or {"fields": []}
    warnings = list(result.get("warnings") or [])
    try:
        doc = normalize_schema(raw)
    except SchemaProblems as error:
        doc = raw  # shown with its problems listed, to fix in the editor
        warnings.append(f"The {what} needs fixing before use: see the problems under the schema "
                        f"({len(error.problems)}).")
    forget_saved()
    set_schema(doc, {"provider": result.get("provider"), "warnings": warnings})
    if result.get("total_rows"):
        st.session_state["rows_input"] = int(result["total_rows"])


def extract_from_description(client: ApiClient, description: str) -> None:
    """Ask the API for a schema and load it into the editor."""
    if not description.strip():
        st.warning("Write a description of the dataset first.")
        return
    try:
        with st.spinner("Extracting the schema…"):
            result = client.extract_schema(description)
    except ApiError as error:
        show_api_error(error, "extract a schema")
        return
    load_result(result, "extracted schema")


def pick_template(client: ApiClient) -> None:
    """'Start from a template': load one of the API's domain templates into the schema editor."""
    if "templates" not in st.session_state:
        try:
            st.session_state["templates"] = client.list_templates()
        except ApiError as error:  # a caption: the health line already says when the API is down
            st.caption(f"Templates are not available: {error}")
            return
    templates = {t["key"]: t for t in st.session_state["templates"]}
    pick_column, use_column = st.columns([4, 1], vertical_alignment="bottom")
    key = pick_column.selectbox("Or start from a template", list(templates), index=None, key="template_input",
                                format_func=lambda k: templates[k]["title"], placeholder="Choose a domain…")
    if use_column.button("Use template", icon=":material/dashboard_customize:", disabled=key is None,
                         width="stretch"):
        forget_saved()
        set_schema(normalize_schema(templates[key]["schema"]), {
            "provider": None, "warnings": [f"Started from the '{templates[key]['title']}' template; edit it below."]})


def show_describe_tab(client: ApiClient) -> None:
    description = st.text_area("Dataset description", key="description_input", height=110,
                               placeholder=DESCRIPTION_PLACEHOLDER, persist_state="session")
    if st.button("Extract schema", type="primary", icon=":material/auto_awesome:"):
        extract_from_description(client, description)
    pick_template(client)


def show_sample_tab(client: ApiClient) -> None:
    """'From a sample': upload a CSV/Parquet file; its inferred schema replaces the one being edited."""
    st.caption("Upload a CSV, TSV or Parquet export of real data. Only its shape is kept: types, ranges "
               "(rounded), share of blanks, frequent categories and code patterns, never personal values.")
    upload = st.file_uploader("Sample file", type=SAMPLE_TYPES, key="sample_file")
    if st.button("Infer schema", icon=":material/query_stats:", disabled=upload is None):
        try:
            with st.spinner(f"Reading {upload.name}…"):
                result = client.schema_from_sample(upload.getvalue(), upload.name)
        except ApiError as error:
            show_api_error(error, f"read {upload.name}")
            return
        load_result(result, "inferred schema")
        st.session_state[NOTES_KEY]["source"] = upload.name


def show_notes() -> None:
    notes = st.session_state.get(NOTES_KEY)
    if not notes:
        return
    warnings = notes.get("warnings") or []
    if len(warnings) == 1:
        st.warning(warnings[0], icon=":material/info:")
    elif warnings:
        st.warning("\n".join(f"- {warning}" for warning in warnings), icon=":material/info:")
    if notes.get("provider") == "sample":
        st.caption(f"Schema inferred from {notes.get('source') or 'the sample file'}. Check it below before "
                   "generating.")
    elif notes.get("provider"):
        provider = PROVIDER_NAMES.get(notes["provider"], notes["provider"])
        st.caption(f"Schema extracted by {provider}. Check it below before generating.")
