"""Create Dataset: describe -> extract -> edit the schema -> choose the output -> preview -> start."""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any

import pandas as pd
import streamlit as st

from app_pages.schema_table import normalize_schema, schema_to_table, table_to_schema
from app_pages.ui_common import get_api_client, open_in_monitor, show_api_error
from src.api_client import OUTPUT_FORMATS, ApiClient, ApiError
from src.schemas import FIELD_TYPES

SAMPLE_ROWS = 20
SAMPLE_TIMEOUT_SECONDS = 30.0
DEFAULT_ROWS = 1_000
MIN_AUTO_CHUNK = 1_000
MAX_AUTO_CHUNK = 100_000
DESCRIPTION_PLACEHOLDER = (
    "e.g. 5,000 e-commerce orders with an order id, customer name, quantity between 1 and 10, "
    "unit price $10-500, total = quantity x unit price, order date in the last 90 days and a "
    "status of pending, shipped, delivered or cancelled"
)
PROVIDER_NAMES = {"offline": "the offline rules", "gemini": "Gemini"}
JSON_PLACEHOLDER = """{
  "fields": [
    {"name": "customer_id", "type": "uuid"},
    {"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 80}}
  ]
}"""


def set_schema(doc: dict[str, Any]) -> None:
    """Make `doc` the schema shown in the table, replacing any edits."""
    st.session_state["schema_base"] = doc
    st.session_state["schema_table_latest"] = schema_to_table(doc)
    st.session_state["schema_version"] = st.session_state.get("schema_version", 0) + 1
    if doc.get("seed") is not None:
        st.session_state["seed_input"] = doc["seed"]


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
    try:
        doc = normalize_schema(result.get("schema") or {})
    except ValueError as error:
        st.error(f"The extracted schema needs fixing before use:\n\n{error}")
        doc = result.get("schema") or {"fields": []}
    set_schema(doc)
    if result.get("total_rows"):
        st.session_state["rows_input"] = int(result["total_rows"])
    st.session_state["extraction_notes"] = {
        "provider": result.get("provider"), "warnings": list(result.get("warnings") or []),
    }


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
        set_schema(normalize_schema(templates[key]["schema"]))
        st.session_state["extraction_notes"] = {
            "provider": None, "warnings": [f"Started from the '{templates[key]['title']}' template; edit it below."]}


def show_extraction_notes() -> None:
    notes = st.session_state.get("extraction_notes")
    if not notes:
        return
    warnings = notes.get("warnings") or []
    if len(warnings) == 1:
        st.warning(warnings[0], icon=":material/info:")
    elif warnings:
        st.warning("\n".join(f"- {warning}" for warning in warnings), icon=":material/info:")
    if notes.get("provider"):
        provider = PROVIDER_NAMES.get(notes["provider"], notes["provider"])
        st.caption(f"Schema extracted by {provider}. Check it below before generating.")


def edit_schema_table(base_doc: dict[str, Any] | None) -> tuple[dict[str, Any] | None, str | None]:
    """Show the table editor; return the document it describes (None when invalid) and the problem."""
    if base_doc is None:
        st.info("No schema yet. Extract one from a description above, or paste one in the JSON tab.",
                icon=":material/table:")
        return None, None
    editor_key = f"schema_editor_{st.session_state.get('schema_version', 0)}"
    if editor_key not in st.session_state:
        # The editor's own state is dropped when the user visits another page; its last table is not.
        st.session_state["schema_table_input"] = st.session_state["schema_table_latest"]
    edited_table = st.data_editor(
        st.session_state["schema_table_input"],
        key=editor_key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn("Name", required=True, width="medium"),
            "type": st.column_config.SelectboxColumn("Type", options=list(FIELD_TYPES), required=True,
                                                     width="small"),
            "description": st.column_config.TextColumn("Description", width="medium"),
            "constraints": st.column_config.TextColumn(
                "Constraints (JSON)", width="large",
                help='JSON object, e.g. {"min_value": 18, "max_value": 80} or '
                     '{"enum_values": ["a", "b"], "weights": [3, 1]}'),
        },
    )
    st.session_state["schema_table_latest"] = edited_table
    try:
        doc = table_to_schema(pd.DataFrame(edited_table), base_doc)
    except ValueError as error:
        return None, str(error)
    st.session_state["schema_draft"] = doc
    if not doc["fields"]:
        return None, "The schema has no fields. Add at least one row."
    try:
        return normalize_schema(doc), None
    except ValueError as error:
        return None, str(error)


def edit_schema_json(current_doc: dict[str, Any] | None) -> None:
    """The JSON view: shows the current schema; Apply replaces the table with the pasted JSON."""
    current_text = json.dumps(current_doc, indent=2) if current_doc else ""
    text_key = "schema_json_" + hashlib.sha1(current_text.encode()).hexdigest()[:12]
    text = st.text_area("Schema JSON", value=current_text, key=text_key, height=360,
                        placeholder=JSON_PLACEHOLDER,
                        help="Paste or edit a schema document, then press Apply JSON.")
    if st.button("Apply JSON", icon=":material/check:"):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as error:
            st.error(f"That is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).")
            return
        if isinstance(doc, list):
            doc = {"fields": doc}
        if not isinstance(doc, dict):
            st.error('A schema is a JSON object such as {"fields": [...]}.')
            return
        try:
            set_schema(normalize_schema(doc))
        except ValueError as error:
            st.error(f"The schema has problems:\n\n{error}")
            return
        st.session_state.pop("extraction_notes", None)  # they described the replaced schema
        st.rerun()


def choose_chunk_size(total_rows: int) -> int:
    """About 50 progress steps, in chunks big enough to stay fast."""
    return max(MIN_AUTO_CHUNK, min(MAX_AUTO_CHUNK, total_rows // 50))


def choose_output() -> dict[str, Any]:
    """Rows, chunk size, format and seed."""
    rows_column, chunk_column, format_column, seed_column = st.columns(4)
    st.session_state.setdefault("rows_input", DEFAULT_ROWS)
    st.session_state.setdefault("seed_input", None)
    total_rows = rows_column.number_input("Rows", min_value=1, step=1_000, key="rows_input",
                                          persist_state="session")
    chunk_size = chunk_column.number_input(
        "Chunk size", min_value=1, step=1_000, value=None, key="chunk_input", persist_state="session",
        placeholder="auto",
        help="Rows generated per step; progress is reported after each chunk. "
             "Empty: about 50 chunks, between 1,000 and 100,000 rows each.")
    output_format = format_column.selectbox("Format", OUTPUT_FORMATS, key="format_input",
                                            persist_state="session")
    seed = seed_column.number_input("Seed", min_value=0, step=1, key="seed_input",
                                    placeholder="optional", persist_state="session",
                                    help="The same seed gives the same rows.")
    return {
        "total_rows": int(total_rows),
        "chunk_size": int(min(chunk_size or choose_chunk_size(int(total_rows)), total_rows)),
        "output_format": output_format,
        "seed": None if seed is None else int(seed),
    }


def generate_sample(client: ApiClient, doc: dict[str, Any], seed: int | None) -> list[dict[str, Any]]:
    """Run a tiny job with the same schema and seed, read its rows, then delete it."""
    job = client.create_job(doc, SAMPLE_ROWS, SAMPLE_ROWS, "jsonl", seed)
    job_id = job["job_id"]
    try:
        deadline = time.monotonic() + SAMPLE_TIMEOUT_SECONDS
        while True:
            status = client.get_job_status(job_id)
            if status["status"] == "completed":
                break
            if status["status"] in ("failed", "cancelled"):
                raise ApiError(None, status.get("error_message") or f"The sample job {status['status']}.")
            if time.monotonic() > deadline:
                raise ApiError(None, "The sample took too long to generate.")
            time.sleep(0.2)
        return list(client.get_preview(job_id, rows=SAMPLE_ROWS).get("data") or [])
    finally:
        try:
            client.delete_job(job_id)
        except ApiError:
            pass  # a leftover sample job is harmless


def preview_and_start(client: ApiClient, doc: dict[str, Any] | None, output: dict[str, Any]) -> None:
    sample_key = json.dumps([doc, output["seed"]], sort_keys=True)
    preview_column, start_column, _ = st.columns([1, 1, 4])
    wants_sample = preview_column.button("Preview sample", icon=":material/visibility:",
                                         disabled=doc is None, width="stretch")
    wants_start = start_column.button("Start generation", type="primary", icon=":material/play_arrow:",
                                      disabled=doc is None, width="stretch")
    if doc is None:
        st.caption("Preview and start become available once the schema is valid.")
        return
    if wants_start:
        try:
            job = client.create_job(doc, output["total_rows"], output["chunk_size"],
                                    output["output_format"], output["seed"])
        except ApiError as error:
            show_api_error(error, "start the job")
        else:
            open_in_monitor(job["job_id"])
    if wants_sample:
        try:
            with st.spinner("Generating a sample…"):
                rows = generate_sample(client, doc, output["seed"])
        except ApiError as error:
            show_api_error(error, "generate a sample")
        else:
            st.session_state["sample_preview"] = {"key": sample_key, "rows": rows}
    sample = st.session_state.get("sample_preview")
    if sample and sample["key"] == sample_key:
        st.caption(f"Sample of {len(sample['rows'])} rows with this schema and seed")
        st.dataframe(pd.DataFrame(sample["rows"]), hide_index=True, width="stretch")


def render_page() -> None:
    client = get_api_client()
    st.title("Create Dataset", anchor=False)
    st.caption("Describe the data you need, check the schema, then generate it.")

    st.subheader("Describe", anchor=False)
    description = st.text_area("Dataset description", key="description_input", height=110,
                               placeholder=DESCRIPTION_PLACEHOLDER, persist_state="session")
    if st.button("Extract schema", type="primary", icon=":material/auto_awesome:"):
        extract_from_description(client, description)
    pick_template(client)
    show_extraction_notes()

    st.subheader("Schema", anchor=False)
    table_tab, json_tab = st.tabs(["Table", "JSON"])
    with table_tab:
        doc, problem = edit_schema_table(st.session_state.get("schema_base"))
        if problem:
            st.error(problem)
    with json_tab:
        edit_schema_json(doc or st.session_state.get("schema_draft") or st.session_state.get("schema_base"))

    st.subheader("Output", anchor=False)
    output = choose_output()
    preview_and_start(client, doc, output)


render_page()
