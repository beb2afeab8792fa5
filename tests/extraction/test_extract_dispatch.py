"""extract_schema and POST /schema/extract: which extractor runs, fallbacks, and HTTP errors."""

import asyncio
import time

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import src.extraction.offline  # noqa: F401  (loaded up front: timings below measure Gemini, not imports)
from src.api_server.errors import install_error_handlers
from src.api_server.routers.schema import router
from src.errors import LLMError, LLMUnavailableError, SchemaValidationError
from src.extraction import MAX_INPUT_CHARS, choose_provider, extract_schema
from tests.llm.gemini_stand_in import (  # noqa: F401  (fixtures)
    ScriptedReply,
    error_reply,
    gemini_settings,
    json_answer,
    make_settings,
    model_answer,
    stand_in,
)

DESCRIPTION = "Generate 500 customers with full name, email and age between 18 and 80"
CUSTOMERS = {"total_rows": 500, "schema": {"fields": [
    {"name": "full_name", "type": "full_name"},
    {"name": "email", "type": "email"},
    {"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 80}},
]}}


def extract(text, settings):
    return asyncio.run(extract_schema(text, settings))


def make_client(settings) -> TestClient:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(router)
    app.state.settings = settings
    return TestClient(app)


@pytest.mark.parametrize(("provider", "key", "expected"), [
    ("auto", None, "offline"), ("auto", "k", "gemini"),
    ("offline", "k", "offline"), ("gemini", "k", "gemini"),
])
def test_provider_choice(provider, key, expected):
    assert choose_provider(make_settings(None, llm_provider=provider, gemini_api_key=key)) == expected


def test_gemini_provider_without_a_key_is_unavailable():
    with pytest.raises(LLMUnavailableError, match="GEMINI_API_KEY"):
        extract(DESCRIPTION, make_settings(None, llm_provider="gemini"))


def test_gemini_answer_is_returned_with_usage(stand_in, gemini_settings):
    stand_in.script(json_answer(CUSTOMERS, prompt_tokens=50, output_tokens=25))

    result = extract(DESCRIPTION, gemini_settings)

    assert (result.provider, result.total_rows, result.warnings) == ("gemini", 500, [])
    assert result.schema_.field_names() == ["full_name", "email", "age"]
    assert (result.llm_calls, result.tokens_used) == (1, 75)


def test_gemini_provider_raises_when_gemini_is_down(stand_in):
    stand_in.responder = lambda request: error_reply(503, "down")

    with pytest.raises(LLMUnavailableError, match="503"):
        extract(DESCRIPTION, make_settings(stand_in, llm_provider="gemini", gemini_max_retries=0))


def test_gemini_provider_raises_on_garbage(stand_in):
    stand_in.responder = lambda request: model_answer("I am not JSON")

    with pytest.raises(LLMError, match="still invalid"):
        extract(DESCRIPTION, make_settings(stand_in, llm_provider="gemini"))


def test_auto_falls_back_to_offline_with_a_warning(stand_in):
    stand_in.responder = lambda request: error_reply(503, "down")

    result = extract(DESCRIPTION, make_settings(stand_in, gemini_max_retries=0))

    assert result.provider == "offline"
    assert "Gemini could not extract the schema" in result.warnings[0] and "503" in result.warnings[0]
    assert result.schema_.fields


def test_auto_falls_back_within_the_timeout_when_gemini_hangs(stand_in):
    # Gemini would answer after 30 s; the 2 s budget ends the wait long before (margins wide enough
    # that a loaded machine's offline extraction cannot reach 30 s).
    stand_in.responder = lambda request: ScriptedReply(body={}, delay=30.0)

    started = time.monotonic()
    result = extract(DESCRIPTION, make_settings(stand_in, gemini_timeout=2.0))

    assert time.monotonic() - started < 15
    assert result.provider == "offline" and "GEMINI_TIMEOUT" in result.warnings[0]


def test_offline_provider_never_calls_gemini(stand_in):
    result = extract(DESCRIPTION, make_settings(stand_in, llm_provider="offline"))

    assert result.provider == "offline" and result.llm_calls == 0
    assert stand_in.requests == []


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_blank_input_is_a_validation_error(text):
    with pytest.raises(SchemaValidationError) as caught:
        extract(text, make_settings(None))
    assert caught.value.problems[0].loc == "user_input"


# POST /schema/extract

@pytest.mark.parametrize("body", [{}, {"user_input": ""}, {"user_input": "  "},
                                  {"user_input": "x" * (MAX_INPUT_CHARS + 1)}])
def test_http_bad_input_is_422_naming_user_input(body):
    with make_client(make_settings(None)) as client:
        response = client.post("/schema/extract", json=body)
    assert response.status_code == 422
    assert [p["loc"] for p in response.json()["problems"]] == ["user_input"]


def test_http_success_answers_the_schema_document(stand_in):
    stand_in.script(json_answer(CUSTOMERS))
    with make_client(make_settings(stand_in, llm_provider="gemini")) as client:
        response = client.post("/schema/extract", json={"user_input": DESCRIPTION})
    assert response.status_code == 200
    body = response.json()
    assert body["provider"] == "gemini" and body["total_rows"] == 500 and body["warnings"] == []
    assert body["schema"]["fields"][2]["constraints"]["max_value"] == 80


def test_http_gemini_down_is_503(stand_in):
    stand_in.responder = lambda request: error_reply(503, "down")
    with make_client(make_settings(stand_in, llm_provider="gemini", gemini_max_retries=0)) as client:
        response = client.post("/schema/extract", json={"user_input": DESCRIPTION})
    assert response.status_code == 503
    assert response.json()["error"] == "llm_unavailable" and "503" in response.json()["detail"]


def test_http_gemini_garbage_is_502(stand_in):
    stand_in.responder = lambda request: model_answer("I am not JSON")
    with make_client(make_settings(stand_in, llm_provider="gemini")) as client:
        response = client.post("/schema/extract", json={"user_input": DESCRIPTION})
    assert response.status_code == 502
    assert "still invalid after one repair" in response.json()["detail"]


def test_http_gemini_without_key_is_503():
    with make_client(make_settings(None, llm_provider="gemini")) as client:
        response = client.post("/schema/extract", json={"user_input": DESCRIPTION})
    assert response.status_code == 503 and "GEMINI_API_KEY" in response.json()["detail"]


def test_offline_extraction_warns_when_the_row_count_exceeds_max_rows():
    from src.config import Settings
    from src.extraction import extract_schema

    settings = Settings(llm_provider="offline", max_rows=1000, _env_file=None)
    result = asyncio.run(extract_schema("Generate 5000 orders with order id, quantity (1-10)", settings))
    assert result.total_rows == 5000
    assert any("MAX_ROWS" in w for w in result.warnings)


def test_a_column_gemini_dropped_is_added_back_with_a_warning(stand_in, gemini_settings):
    without_age = {"total_rows": 500, "schema": {"fields": CUSTOMERS["schema"]["fields"][:2]}}
    stand_in.script(json_answer(without_age))

    result = extract(DESCRIPTION, gemini_settings)

    assert result.provider == "gemini"
    assert result.schema_.field_names() == ["full_name", "email", "age"]
    age = result.schema_.fields[2].constraints
    assert (age.min_value, age.max_value) == (18, 80)
    assert result.sources["age"] == "age between 18 and 80"
    assert any("left out the column 'age'" in w for w in result.warnings)
    from src.engine import compile_schema
    compile_schema(result.schema_).check_row_count(500)


def test_gemini_names_for_the_same_columns_are_not_doubled(stand_in, gemini_settings):
    renamed = {"total_rows": 500, "schema": {"fields": [
        {"name": "customer_full_name", "type": "full_name"},
        {"name": "email_address", "type": "email"},
        {"name": "age_years", "type": "integer", "constraints": {"min_value": 18, "max_value": 80}}]}}
    stand_in.script(json_answer(renamed))

    result = extract(DESCRIPTION, gemini_settings)

    assert result.schema_.field_names() == ["customer_full_name", "email_address", "age_years"]
    assert result.warnings == []
