"""Create Dataset: describe, infer or load a schema -> edit it -> choose the output -> preview -> start."""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any

import streamlit as st

from app_pages.charts import show_preview
from app_pages.diagram import build_er_diagram
from app_pages.page_state import read_url, write_url
from app_pages.saved_schemas import (
    NOTICE_KEY, SAVED_DOC_KEY, SAVED_ID_KEY, forget_saved, remember_saved, show_import, show_resume_offer,
    show_save_bar, show_saved_list,
)
from app_pages.schema_sources import show_describe_tab, show_notes, show_sample_tab
from app_pages.schema_state import cache_sample, cached_sample, get_doc, set_schema, version
from app_pages.schema_table import (
    Problem, SchemaProblems, get_fields, locate_problem, normalize_schema, sample_columns, table_names,
)
from app_pages.table_actions import show_add_table, show_remove_table
from app_pages.table_editor import edit_table
from app_pages.type_picker import load_catalog
from app_pages.ui_common import get_api_client, open_in_monitor, show_api_error
from src.api_client import OUTPUT_FORMATS, ApiClient, ApiError
from src.config import get_settings

PREVIEW_ROWS = 500
FIELD_SAMPLES = 3
SAMPLE_TIMEOUT_SECONDS = 30.0
DEFAULT_ROWS = 1_000
MIN_AUTO_CHUNK = 1_000
MAX_AUTO_CHUNK = 100_000
JSON_PLACEHOLDER = """{
  "fields": [
    {"name": "customer_id", "type": "uuid"},
    {"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 80}}
  ]
}"""


def restore_from_url(client: ApiClient) -> None:
    """On a fresh session (a reload, a shared link): the saved schema and the draft the URL names."""
    if get_doc() is not None or st.session_state.get("url_restored"):
        return
    st.session_state["url_restored"] = True
    found = read_url()
    if found.get("schema"):
        try:
            record = client.get_schema(found["schema"])
        except ApiError as error:
            show_api_error(error, "load the saved schema this link names")
        else:
            remember_saved(record, record["schema"])
            set_schema(record["schema"])
    if found.get("draft"):
        set_schema(found["draft"])
    if found.get("rows"):
        st.session_state["rows_input"] = found["rows"]
    if found.get("description") and not st.session_state.get("description_input"):
        st.session_state["description_input"] = found["description"]


def fetch_sample(client: ApiClient, doc: dict[str, Any], rows: int = FIELD_SAMPLES) -> dict[str, Any]:
    """{"rows", "tables"?} from POST /schema/sample, or {"problems"} / {"error"}; cached per document."""
    key_doc = {"doc": doc, "rows": rows}
    found = cached_sample(key_doc)
    if found is None:
        try:
            found = client.sample_schema(doc, rows=rows)
        except ApiError as error:
            found = {"problems": [locate_problem(p["loc"], p["message"], doc) for p in error.problems]} \
                if error.problems else {"error": error.message}
        cache_sample(key_doc, found)
    return found


def show_problems(problems: list[Problem]) -> None:
    """Each problem on its own line, naming its table, field and rule."""
    if problems:
        head = "The schema has a problem:" if len(problems) == 1 else f"The schema has {len(problems)} problems:"
        st.error(head + "\n" + "\n".join(f"- {problem}" for problem in problems), icon=":material/rule:")


def edit_schema_json(current_doc: dict[str, Any] | None) -> None:
    """The JSON view of the whole document; Apply JSON replaces the schema with the text."""
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
            doc = normalize_schema(doc)
        except SchemaProblems as error:
            show_problems(error.problems)
            return
        set_schema(doc)
        st.rerun()


def edit_table_settings(doc: dict[str, Any], index: int) -> None:
    """A related table's row count: its own rows, or children per parent row."""
    from app_pages.schema_state import commit

    table = doc["tables"][index]
    rpp = table.get("rows_per_parent")
    key = f"tbl_{version()}_{index}"
    if rpp:
        low, high, how = st.columns(3)
        new = dict(rpp)
        new["min"] = low.number_input(f"Min per {rpp.get('parent')}", min_value=0, value=int(rpp.get("min", 0)),
                                      key=f"{key}_min")
        new["max"] = high.number_input(f"Max per {rpp.get('parent')}", min_value=0, value=int(rpp.get("max") or 0),
                                       key=f"{key}_max")
        kinds = ["uniform", "poisson", "zipf", "fixed"]
        drawn = how.selectbox("Children drawn", kinds, key=f"{key}_dist",
                              index=kinds.index(rpp.get("distribution", "uniform")))
        if drawn != rpp.get("distribution", "uniform"):  # the default is not written: showing is not editing
            new["distribution"] = drawn
        if new != rpp:
            changed = json.loads(json.dumps(doc))
            changed["tables"][index]["rows_per_parent"] = new
            commit(changed)
    elif index > 0:
        rows = st.number_input("Rows of this table", min_value=0, value=int(table.get("rows") or 0),
                               key=f"{key}_rows")
        if rows != table.get("rows"):
            changed = json.loads(json.dumps(doc))
            changed["tables"][index]["rows"] = int(rows)
            commit(changed)
    else:
        st.caption("Its row count is **Rows** under Output.")


def edit_schema(client: ApiClient, doc: dict[str, Any] | None) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The editor; answers the valid canonical document (None when it has problems) and the problems."""
    if doc is None:
        st.info("No schema yet. Describe the data above, infer it from a sample file, load a saved schema, "
                "or paste one in the JSON tab.", icon=":material/table:")
        edit_schema_json(None)
        return None, []
    try:
        valid, problems = normalize_schema(doc), []
    except SchemaProblems as error:
        valid, problems = None, error.problems
    sample = fetch_sample(client, valid) if valid is not None else {}
    if sample.get("problems"):
        problems = sample["problems"]
    catalog = load_catalog(client)
    names = table_names(doc)
    decimals = sample.get("decimals")
    samples_of = {name: sample_columns(rows, decimals, name) for name, rows in (sample.get("tables") or {}).items()}
    if "tables" not in doc:
        samples_of[""] = sample_columns(sample["rows"], decimals) if "rows" in sample else None

    def check(candidate: dict[str, Any]) -> list[Problem]:
        try:
            normalized = normalize_schema(candidate)
        except SchemaProblems as error:
            return error.problems
        return fetch_sample(client, normalized).get("problems") or []

    if "tables" in doc:
        st.caption("Tables and their keys (PK primary key, FK reference; edges read parent → children).")
        st.graphviz_chart(build_er_diagram(doc))
    show_add_table(doc)
    tabs = st.tabs([*(f"Table {n}" if n else "Table" for n in names), "JSON"])
    for index, name in enumerate(names):
        with tabs[index]:
            if "tables" in doc:
                edit_table_settings(doc, index)
            edit_table(doc, index, catalog, samples_of.get(name), check)
            if "tables" in doc:
                show_remove_table(doc, index)
    with tabs[-1]:
        edit_schema_json(doc)
    notice = st.session_state.pop("field_notice", None)
    if notice:
        st.info(notice, icon=":material/info:")
    if sample.get("error"):
        st.caption(f"Samples are not available: {sample['error']}")
    show_problems(problems)
    return (valid if not problems else None), problems


def choose_chunk_size(total_rows: int) -> int:
    """About 50 progress steps, in chunks big enough to stay fast."""
    return max(MIN_AUTO_CHUNK, min(MAX_AUTO_CHUNK, total_rows // 50))


def choose_output(doc: dict[str, Any] | None) -> dict[str, Any]:
    """Rows, chunk size, format, seed and the job's name."""
    rows_column, chunk_column, format_column, seed_column, name_column = st.columns(5)
    st.session_state.setdefault("rows_input", DEFAULT_ROWS)
    st.session_state.setdefault("seed_input", None)
    first = table_names(doc)[0] if doc and "tables" in doc else ""
    total_rows = rows_column.number_input(f"Rows of {first}" if first else "Rows", min_value=0, step=1_000,
                                          key="rows_input", persist_state="session")
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
    name = name_column.text_input("Job name", key="job_name_input", placeholder="optional",
                                  persist_state="session", help="Names the job and its download file.")
    total_rows = int(total_rows or 0)
    return {
        "total_rows": total_rows,
        "chunk_size": int(min(chunk_size or choose_chunk_size(total_rows), max(total_rows, 1))),
        "output_format": output_format,
        "seed": None if seed is None else int(seed),
        "name": name.strip() or None,
    }


def check_rows(total_rows: int) -> str | None:
    """Why this row count cannot start, or None."""
    max_rows = get_settings().max_rows
    if total_rows < 1:
        return "Rows must be at least 1."
    if total_rows > max_rows:
        return f"Rows must be at most {max_rows:,} (MAX_ROWS)."
    return None


def generate_preview(client: ApiClient, doc: dict[str, Any], seed: int | None) -> dict[str, Any]:
    """Run a small job with the same schema and seed, read its preview (rows, each column's type and
    decimals), then delete it."""
    job = client.create_job(doc, PREVIEW_ROWS, PREVIEW_ROWS, "jsonl", seed)
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
        return client.get_preview(job_id, rows=PREVIEW_ROWS)
    finally:
        try:
            client.delete_job(job_id)
        except ApiError:
            pass  # a leftover sample job is harmless


def preview_and_start(client: ApiClient, doc: dict[str, Any] | None, output: dict[str, Any]) -> None:
    rows_problem = check_rows(output["total_rows"])
    blocked = doc is None or rows_problem is not None
    preview_column, start_column, _ = st.columns([1, 1, 4])
    wants_sample = preview_column.button("Preview sample", icon=":material/visibility:",
                                         disabled=doc is None, width="stretch")
    wants_start = start_column.button("Start generation", type="primary", icon=":material/play_arrow:",
                                      disabled=blocked, width="stretch", help=rows_problem)
    if doc is None:
        st.caption("Preview and start become available once the schema is valid.")
        return
    if rows_problem:
        st.error(f"Cannot start: {rows_problem}", icon=":material/block:")
    if wants_start and not rows_problem:
        try:
            job = client.create_job(doc, output["total_rows"], output["chunk_size"], output["output_format"],
                                    output["seed"], name=output["name"])
        except ApiError as error:
            show_api_error(error, "start the job")
        else:
            open_in_monitor(job["job_id"])
    sample_key = json.dumps([doc, output["seed"]], sort_keys=True)
    if wants_sample:
        try:
            with st.spinner("Generating a sample…"):
                if "tables" in doc:
                    answer = client.sample_schema(doc, rows=20, seed=output["seed"])
                    tables, decimals = answer.get("tables") or {}, answer.get("decimals") or {}
                else:
                    preview = generate_preview(client, doc, output["seed"])
                    tables = {"": list(preview.get("data") or [])}
                    decimals = {f["name"]: f["decimals"] for f in preview.get("fields") or []
                                if f.get("decimals") is not None}
        except ApiError as error:
            show_api_error(error, "generate a sample")
        else:
            st.session_state["sample_preview"] = {"key": sample_key, "tables": tables, "decimals": decimals}
    sample = st.session_state.get("sample_preview")
    if sample and sample["key"] == sample_key:
        show_sample(doc, sample["tables"], sample.get("decimals") or {})


def show_sample(doc: dict[str, Any], tables: dict[str, list[dict[str, Any]]], decimals: dict[str, int]) -> None:
    """The sample's rows and charts, decimal columns with the digits the API says files get
    (``decimals`` by column, or by 'table.column' for a multi-table document)."""
    def with_decimals(index: int, prefix: str) -> list[dict[str, Any]]:
        return [{**f, "decimals": decimals[prefix + str(f.get("name"))]}
                if prefix + str(f.get("name")) in decimals else f for f in get_fields(doc, index)]

    names = list(tables)
    if names == [""]:
        st.caption(f"Sample of {len(tables[''])} rows with this schema and seed")
        show_preview(tables[""], with_decimals(0, ""), key="preview")
        return
    st.caption("Sample of the first rows of each table with this schema and seed")
    for index, (tab, name) in enumerate(zip(st.tabs(names), names)):
        with tab:
            show_preview(tables[name], with_decimals(table_names(doc).index(name), f"{name}."),
                         key=f"preview_{index}")


def render_page() -> None:
    from app_pages.snippets import show_snippets

    client = get_api_client()
    restore_from_url(client)
    st.title("Create Dataset", anchor=False)
    st.caption("Describe the data you need (or start from a sample or a saved schema), check the schema, "
               "then generate it.")

    describe_tab, sample_tab, saved_tab = st.tabs(["Describe", "From a sample", "Saved schemas"])
    with describe_tab:
        show_describe_tab(client)
    with sample_tab:
        show_sample_tab(client)
    with saved_tab:
        show_saved_list(client, load_saved)
        show_import(load_saved)
    show_notes()

    st.subheader("Schema", anchor=False)
    doc = get_doc()
    if doc is None:
        show_resume_offer(client, load_saved)
    valid, _ = edit_schema(client, doc)
    if doc is not None:
        show_save_bar(client, valid, doc)

    st.subheader("Output", anchor=False)
    output = choose_output(doc)
    preview_and_start(client, valid, output)
    show_snippets(client.public_url if hasattr(client, "public_url") else client.base_url, valid, output,
                  with_key=bool(get_settings().api_keys))
    write_url(get_doc(), st.session_state.get(SAVED_ID_KEY), st.session_state.get(SAVED_DOC_KEY),
              output["total_rows"] or None, st.session_state.get("description_input"))


def load_saved(doc: dict[str, Any], message: str) -> None:
    """Load a saved or imported schema into the editor."""
    forget_saved()
    set_schema(doc)
    st.session_state[NOTICE_KEY] = message


render_page()
