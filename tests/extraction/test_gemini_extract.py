"""Gemini schema extraction through the real SDK against the local stand-in."""

import asyncio
import json
import time

import pytest

from src.errors import LLMError, LLMUnavailableError
from src.extraction.gemini import build_response_schema, check_answer, extract_with_gemini
from src.llm.json_schema import GEMINI_SCHEMA_KEYWORDS
from tests.llm.gemini_stand_in import (  # noqa: F401  (fixtures)
    ScriptedReply,
    error_reply,
    gemini_settings,
    json_answer,
    make_settings,
    model_answer,
    stand_in,
)

DESCRIPTION = "1000 orders with quantity 1-10, unit price $5-500 and the total"
ORDERS = {"total_rows": 1000, "schema": {"fields": [
    {"name": "order_id", "type": "uuid"},
    {"name": "quantity", "type": "integer", "constraints": {"min_value": 1, "max_value": 10}},
    {"name": "unit_price", "type": "decimal",
     "constraints": {"min_value": 5, "max_value": 500, "decimals": 2}},
    {"name": "total", "type": "decimal",
     "constraints": {"expression": "quantity * unit_price", "decimals": 2}},
]}}


def extract(settings):
    return asyncio.run(extract_with_gemini(DESCRIPTION, settings))


def test_a_valid_answer_becomes_the_schema_and_row_count(stand_in, gemini_settings):
    stand_in.script(json_answer(ORDERS, prompt_tokens=900, output_tokens=100))

    run = extract(gemini_settings)

    answer = run.answer
    assert answer.total_rows == 1000
    assert answer.schema_.field_names() == ["order_id", "quantity", "unit_price", "total"]
    assert (run.llm_calls, run.tokens_used) == (1, 1000)
    [request] = stand_in.requests
    assert DESCRIPTION in request.prompt_text()
    config = request.body["generationConfig"]
    assert config["responseJsonSchema"] == build_response_schema()
    assert "llm_generated" in request.body["systemInstruction"]["parts"][0]["text"]


def test_the_response_schema_wraps_the_document_in_keywords_gemini_accepts():
    schema = build_response_schema()
    text = json.dumps(schema)
    assert "$ref" not in text and "$defs" not in text
    assert schema["required"] == ["schema"]
    assert schema["properties"]["total_rows"]["type"] == "integer"
    forms = [branch["properties"] for branch in schema["properties"]["schema"]["anyOf"]]
    assert ["fields" in f for f in forms] == [True, False] and ["tables" in f for f in forms] == [False, True]
    assert set(schema) <= GEMINI_SCHEMA_KEYWORDS


def test_an_invalid_schema_is_repaired_with_the_validation_errors(stand_in, gemini_settings):
    broken = json.loads(json.dumps(ORDERS))
    broken["schema"]["fields"][3]["constraints"]["expression"] = "quantity * price"
    stand_in.script(json_answer(broken), json_answer(ORDERS))

    run = extract(gemini_settings)

    assert run.answer.schema_.fields[3].constraints.expression == "quantity * unit_price"
    assert run.llm_calls == 2
    repair = stand_in.requests[1]
    roles = [turn["role"] for turn in repair.body["contents"]]
    assert roles == ["user", "model", "user"]
    assert "quantity * price" in repair.body["contents"][1]["parts"][0]["text"]
    assert "unknown field(s): price" in repair.body["contents"][2]["parts"][0]["text"]


def test_a_non_json_answer_is_repaired(stand_in, gemini_settings):
    stand_in.script(model_answer("Here is your schema: orders with a total."), json_answer(ORDERS))

    run = extract(gemini_settings)

    assert run.answer.total_rows == 1000 and run.llm_calls == 2
    assert "not JSON" in stand_in.requests[1].prompt_text()


def test_still_invalid_after_one_repair_is_a_clear_error(stand_in, gemini_settings):
    bad_type = {"schema": {"fields": [{"name": "x", "type": "banana"}]}}
    stand_in.script(json_answer(bad_type), model_answer("not json either"))

    with pytest.raises(LLMError, match="still invalid after one repair.*not JSON") as caught:
        extract(gemini_settings)
    assert not isinstance(caught.value, LLMUnavailableError)
    assert len(stand_in.requests) == 2


def test_gemini_failure_propagates_as_unavailable(stand_in):
    stand_in.script(error_reply(503, "down"), error_reply(503, "down"))

    with pytest.raises(LLMUnavailableError, match="503"):
        extract(make_settings(stand_in, gemini_max_retries=1))


@pytest.mark.parametrize("text", [
    "```json\n" + json.dumps(ORDERS) + "\n```",
    json.dumps(ORDERS["schema"]),  # a bare schema document, without the wrapper
])
def test_fenced_or_bare_answers_are_accepted(text):
    answer, problems = check_answer(text)
    assert problems == [] and answer.schema_.field_names()[0] == "order_id"


def test_the_repair_turn_shares_the_timeout(stand_in):
    # Wide margins on both sides, so a loaded machine cannot make it pass or fail by timing alone:
    # a shared budget ends at 8 s, a fresh budget for the repair would end at 7 + 8 = 15 s (3.5 s either side).
    settings = make_settings(stand_in, gemini_timeout=8.0)
    slow_garbage = model_answer("not json")
    slow_garbage.delay = 7.0
    stand_in.script(slow_garbage, ScriptedReply(body={}, delay=20.0))

    started = time.monotonic()
    with pytest.raises(LLMUnavailableError, match="GEMINI_TIMEOUT=8 s"):
        extract(settings)
    assert time.monotonic() - started < 11.5
    assert len(stand_in.requests) == 2


@pytest.mark.parametrize(("model", "thinking"), [
    ("gemini-3.8-flash", {"thinkingLevel": "LOW"}), ("gemini-3-flash-preview", {"thinkingLevel": "LOW"}),
    ("gemini-2.5-flash", None)])
def test_extraction_sends_default_temperature_and_low_thinking_to_gemini_3(stand_in, model, thinking):
    stand_in.script(json_answer(ORDERS))

    asyncio.run(extract_with_gemini(DESCRIPTION, make_settings(stand_in, gemini_model=model)))

    [request] = stand_in.requests
    assert request.path.endswith(f"/models/{model}:generateContent")
    config = request.body["generationConfig"]
    assert "temperature" not in config and "topP" not in config and "topK" not in config
    # the SDK writes this nested field in snake case; the API's JSON reader takes either spelling
    sent = config.get("thinkingConfig")
    assert (None if sent is None else {k.replace("_l", "L"): v for k, v in sent.items()}) == thinking


def test_the_default_model_is_a_stable_flash_model():
    from src.config import Settings

    model = Settings(_env_file=None).gemini_model
    assert "flash" in model and "preview" not in model and "exp" not in model
    assert model not in DEPRECATED_MODELS  # Google's deprecations page: shut down or announced to be


# Flash ids Google deprecated (shut down, or a shutdown date announced) by December 2026
DEPRECATED_MODELS = {"gemini-2.0-flash", "gemini-2.0-flash-001", "gemini-2.0-flash-lite", "gemini-2.5-flash",
                     "gemini-2.5-flash-lite", "gemini-3-flash-preview", "gemini-3.5-flash", "gemini-3.6-flash"}


def test_the_prompt_carries_the_domain_templates(stand_in, gemini_settings):
    from src.extraction.templates import load_templates

    stand_in.script(json_answer(ORDERS))
    extract(gemini_settings)
    instruction = stand_in.requests[0].body["systemInstruction"]["parts"][0]["text"]
    for template in load_templates():
        assert f"({template.key}): {template.columns[0]}" in instruction
