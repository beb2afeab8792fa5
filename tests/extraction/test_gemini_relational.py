"""Related tables through Gemini: the real google-genai SDK against the local stand-in. The prompt and the
response schema offer the multi-table form; answers are checked by parse_relational/compile_relational,
with one repair turn naming the problems."""

from __future__ import annotations

import asyncio
import copy
import json

import pytest

from src.errors import LLMError
from src.extraction import extract_schema
from src.extraction.gemini import build_response_schema, check_answer
from src.llm.json_schema import GEMINI_SCHEMA_KEYWORDS
from tests.llm.gemini_stand_in import gemini_settings, json_answer, make_settings, stand_in  # noqa: F401

TEXT = "300 customers and their orders (1 to 5 per customer), order date after the customer's signup"
SHOP = {"total_rows": 300, "schema": {"tables": [
    {"name": "customers", "rows": 300, "fields": [
        {"name": "customer_id", "type": "uuid", "constraints": {"primary_key": True}},
        {"name": "full_name", "type": "full_name"},
        {"name": "signup_date", "type": "date", "constraints": {"min_value": "-2y", "max_value": "now"}}]},
    {"name": "orders", "rows_per_parent": {"parent": "customers", "min": 1, "max": 5},
     "fields": [
        {"name": "order_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "customer_id", "type": "reference", "constraints": {"references": "customers.customer_id"}},
        {"name": "order_date", "type": "date",
         "constraints": {"after": "customers.signup_date", "max_value": "now"}}]}]}}


def _walk_keywords(node, found: set[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_keywords(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key == "properties":
                for sub in value.values():
                    _walk_keywords(sub, found)
            else:
                _walk_keywords(value, found)


def test_the_response_schema_offers_related_tables_in_keywords_gemini_accepts():
    schema = build_response_schema()
    document = schema["properties"]["schema"]
    tables = next(b for b in document["anyOf"] if "tables" in b["properties"])
    table = tables["properties"]["tables"]["items"]["properties"]
    assert {"name", "rows", "rows_per_parent", "fields", "primary_key", "foreign_keys"} <= set(table)
    assert set(table["rows_per_parent"]["properties"]["distribution"]["enum"]) == {"uniform", "poisson", "zipf",
                                                                                   "fixed"}
    found: set[str] = set()
    _walk_keywords(schema, found)
    assert found <= GEMINI_SCHEMA_KEYWORDS and "oneOf" not in found


def test_a_related_answer_comes_back_as_tables(stand_in, gemini_settings):
    stand_in.script(json_answer(SHOP, prompt_tokens=800, output_tokens=200))

    result = asyncio.run(extract_schema(TEXT, gemini_settings))

    assert result.provider == "gemini" and result.total_rows == 300
    dumped = result.model_dump(by_alias=True, mode="json")
    assert [t["name"] for t in dumped["schema"]["tables"]] == ["customers", "orders"]
    assert dumped["schema"]["tables"][1]["rows_per_parent"] == {"parent": "customers", "min": 1, "max": 5}
    assert (result.llm_calls, result.tokens_used) == (1, 1000)
    [request] = stand_in.requests
    instruction = request.body["systemInstruction"]["parts"][0]["text"]
    assert "rows_per_parent" in instruction and "customers.signup_date" in instruction
    assert request.body["generationConfig"]["responseJsonSchema"] == build_response_schema()


@pytest.mark.parametrize("break_it, named", [
    (lambda d: d["schema"]["tables"][1]["fields"][1]["constraints"].update(references="clients.customer_id"),
     "unknown table 'clients'"),
    (lambda d: d["schema"]["tables"][1]["fields"][1]["constraints"].update(references="customers.full_name"),
     "'customers.full_name' is not a key"),
    (lambda d: d["schema"]["tables"][1].pop("rows_per_parent"), "give rows (a row count) or rows_per_parent"),
    (lambda d: d["schema"]["tables"][1]["fields"][2]["constraints"].update(after="customers.signed_up"),
     "'signed_up' is not a field of table 'customers'"),
])
def test_a_broken_related_answer_is_repaired_naming_the_problem(stand_in, gemini_settings, break_it, named):
    broken = copy.deepcopy(SHOP)
    break_it(broken)
    stand_in.script(json_answer(broken), json_answer(SHOP))

    result = asyncio.run(extract_schema(TEXT, gemini_settings))

    assert result.llm_calls == 2 and [t.name for t in result.schema_.tables] == ["customers", "orders"]
    repair = stand_in.requests[1].body["contents"]
    assert [turn["role"] for turn in repair] == ["user", "model", "user"]
    assert named in repair[2]["parts"][0]["text"]


def test_a_related_answer_still_broken_after_the_repair_is_an_error(stand_in):
    broken = copy.deepcopy(SHOP)
    broken["schema"]["tables"][0]["fields"][0]["constraints"] = {}  # customers has no key any more
    stand_in.script(json_answer(broken), json_answer(broken))

    with pytest.raises(LLMError, match="still invalid after one repair.*not a key"):
        asyncio.run(extract_schema(TEXT, make_settings(stand_in, llm_provider="gemini")))


def test_a_bare_tables_document_is_accepted():
    answer, problems = check_answer(json.dumps(SHOP["schema"]))
    assert problems == [] and [t.name for t in answer.schema_.tables] == ["customers", "orders"]
