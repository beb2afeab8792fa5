"""'Use it elsewhere': the current schema as a ready curl command, synthgen CLI call and Python code."""

from __future__ import annotations

import json
import pprint
import shlex
from typing import Any

import streamlit as st

SCHEMA_FILE = "schema.json"


def job_payload(doc: dict[str, Any], output: dict[str, Any]) -> dict[str, Any]:
    """The POST /jobs/create body the Start button sends."""
    payload: dict[str, Any] = {"schema": doc, "total_rows": output["total_rows"],
                               "chunk_size": output["chunk_size"], "output_format": output["output_format"]}
    if output.get("seed") is not None:
        payload["seed"] = output["seed"]
    if output.get("name"):
        payload["name"] = output["name"]
    return payload


def curl_snippet(api_url: str, doc: dict[str, Any], output: dict[str, Any], with_key: bool) -> str:
    body = json.dumps(job_payload(doc, output), indent=2)
    key = ' \\\n  -H "X-API-Key: $API_KEY"' if with_key else ""
    return (f"curl -s -X POST {shlex.quote(api_url.rstrip('/') + '/jobs/create')} \\\n"
            f'  -H "Content-Type: application/json"{key} \\\n'
            f"  -d @- <<'JSON'\n{body}\nJSON")


def output_name(doc: dict[str, Any], output: dict[str, Any]) -> str:
    if "tables" in doc:
        return "out/"
    return f"{output.get('name') or doc.get('name') or 'data'}.{output['output_format']}"


def cli_snippet(doc: dict[str, Any], output: dict[str, Any]) -> str:
    schema = json.dumps(doc, indent=2)
    seed = f" --seed {output['seed']}" if output.get("seed") is not None else ""
    return (f"cat > {SCHEMA_FILE} <<'JSON'\n{schema}\nJSON\n"
            f"synthgen generate --schema {SCHEMA_FILE} --rows {output['total_rows']} "
            f"--format {output['output_format']}{seed} --output {shlex.quote(output_name(doc, output))}")


def python_snippet(api_url: str, doc: dict[str, Any], output: dict[str, Any], with_key: bool) -> str:
    schema = pprint.pformat(doc, sort_dicts=False, width=100)
    seed = f", seed={output['seed']}" if output.get("seed") is not None else ""
    if "tables" not in doc:
        return (f"import synthgen\n\nschema = {schema}\n"
                f"synthgen.write(schema, {output['total_rows']}, {output_name(doc, output)!r}{seed})\n")
    # The Python API makes one table; related tables go through the service.
    headers = ', headers={"X-API-Key": os.environ["API_KEY"]}' if with_key else ""
    body = pprint.pformat(job_payload(doc, output), sort_dicts=False, width=100)
    return (f"import os\n\nimport httpx\n\nbody = {body}\n"
            f"job = httpx.post({api_url.rstrip('/') + '/jobs/create'!r}, json=body{headers}).json()\n"
            "print(job['job_id'])\n")


def show_snippets(api_url: str, doc: dict[str, Any] | None, output: dict[str, Any], with_key: bool) -> None:
    """The three snippets, one under the other, each in a code block with a copy button."""
    st.subheader("Use it elsewhere", anchor=False)
    if doc is None:
        st.caption("The snippets appear once the schema is valid.")
        return
    st.caption("The same dataset from a terminal or a program: copy a block with its button (top right).")
    st.markdown("**curl** (the API)")
    # Long lines wrap (a phone shows the whole command); the copy button copies the text as written.
    st.code(curl_snippet(api_url, doc, output, with_key), language="bash", height=220, wrap_lines=True)
    st.markdown("**synthgen CLI**")
    st.code(cli_snippet(doc, output), language="bash", height=220, wrap_lines=True)
    st.markdown("**Python**" + (" (the API, for related tables)" if "tables" in doc else " (`import synthgen`)"))
    st.code(python_snippet(api_url, doc, output, with_key), language="python", height=220, wrap_lines=True)
