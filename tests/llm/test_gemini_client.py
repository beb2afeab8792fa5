"""The client against a local Gemini stand-in, through the real google-genai SDK."""

import asyncio
import socket
import time

import pytest

from src.errors import LLMError, LLMUnavailableError
from src.llm.gemini_client import API_VERSION, GeminiClient
from src.llm.rate_limit import RateLimiter
from tests.llm.gemini_stand_in import (
    ScriptedReply,
    error_reply,
    json_answer,
    make_settings,
    model_answer,
)

SCHEMA = {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}


def ask(settings, prompt="hello", **kwargs):
    async def run():
        async with GeminiClient(settings, **kwargs) as client:
            try:
                reply = await client.generate_json(prompt, response_json_schema=SCHEMA,
                                                   system_instruction="be brief")
            finally:
                ask.usage = client.usage
            return reply
    return asyncio.run(run())


def test_success_sends_a_v1beta_structured_request_and_counts_usage(stand_in, gemini_settings):
    stand_in.script(json_answer({"ok": True}, prompt_tokens=12, output_tokens=30))

    reply = ask(gemini_settings)

    assert reply.text == '{"ok": true}'
    assert reply.tokens_used == 42
    assert (ask.usage.calls, ask.usage.prompt_tokens, ask.usage.output_tokens) == (1, 12, 30)
    [request] = stand_in.requests
    assert request.path == f"/{API_VERSION}/models/gemini-test:generateContent"
    assert request.headers["x-goog-api-key"] == "test-key"
    config = request.body["generationConfig"]
    assert config["responseMimeType"] == "application/json"
    assert config["responseJsonSchema"] == SCHEMA
    assert request.body["systemInstruction"]["parts"][0]["text"] == "be brief"
    assert request.prompt_text() == "hello"


def test_429_is_retried_after_the_delay_in_retry_info(stand_in, gemini_settings):
    stand_in.script(error_reply(429, "slow down", retry_delay="0.9s"), json_answer({"ok": True}))

    reply = ask(gemini_settings)

    assert reply.text == '{"ok": true}'
    first, second = stand_in.requests
    assert second.received_at - first.received_at >= 0.9  # backoff alone would wait 0.5 s
    assert ask.usage.calls == 2


def test_retry_after_header_is_honoured(stand_in, gemini_settings):
    stand_in.script(error_reply(503, "busy", headers={"Retry-After": "0.8"}), json_answer({"ok": True}))

    ask(gemini_settings)

    first, second = stand_in.requests
    assert second.received_at - first.received_at >= 0.8


def test_503_every_time_gives_up_after_max_retries(stand_in):
    settings = make_settings(stand_in, gemini_max_retries=1)
    stand_in.responder = lambda request: error_reply(503, "overloaded", retry_delay="0.05s")

    with pytest.raises(LLMUnavailableError, match="Gemini is unavailable.*503.*overloaded"):
        ask(settings)
    assert len(stand_in.requests) == 2  # our one retry; the SDK's own retries are off


def test_sdk_does_not_retry_on_its_own(stand_in):
    settings = make_settings(stand_in, gemini_max_retries=0)
    stand_in.responder = lambda request: error_reply(500, "boom")

    with pytest.raises(LLMUnavailableError):
        ask(settings)
    assert len(stand_in.requests) == 1


def test_server_delay_longer_than_the_budget_fails_at_once(stand_in, gemini_settings):
    stand_in.script(error_reply(429, "quota", retry_delay="120s"))

    started = time.monotonic()
    with pytest.raises(LLMUnavailableError, match="rate limit or quota.*retry after 120 s"):
        ask(gemini_settings)
    assert time.monotonic() - started < 10  # waiting would take 120 s; the budget is 20 s
    assert len(stand_in.requests) == 1


def test_timeout_gives_a_clear_error_within_the_timeout(stand_in):
    settings = make_settings(stand_in, gemini_timeout=0.6)
    stand_in.script(ScriptedReply(body={}, delay=3.0))

    started = time.monotonic()
    with pytest.raises(LLMUnavailableError, match=r"did not answer in time \(GEMINI_TIMEOUT=0.6 s\)"):
        ask(settings)
    assert time.monotonic() - started < 0.6 + 0.6
    assert len(stand_in.requests) == 1


def test_a_body_that_is_not_json_is_an_llm_error(stand_in, gemini_settings):
    stand_in.script(ScriptedReply(body="<html>proxy error page</html>"))

    with pytest.raises(LLMError, match="not a generateContent response") as caught:
        ask(gemini_settings)
    assert not isinstance(caught.value, LLMUnavailableError)


def test_a_rejected_request_is_not_retried(stand_in, gemini_settings):
    stand_in.script(error_reply(400, "bad schema"))

    with pytest.raises(LLMError, match="rejected the request.*400.*bad schema") as caught:
        ask(gemini_settings)
    assert not isinstance(caught.value, LLMUnavailableError)
    assert len(stand_in.requests) == 1


@pytest.mark.parametrize(("status", "hint"), [(403, "GEMINI_API_KEY"), (404, "GEMINI_MODEL")])
def test_configuration_errors_name_the_setting(stand_in, gemini_settings, status, hint):
    stand_in.script(error_reply(status, "nope"))

    with pytest.raises(LLMUnavailableError, match=hint):
        ask(gemini_settings)


def test_an_answer_without_text_is_an_llm_error(stand_in, gemini_settings):
    blocked = model_answer("")
    blocked.body["candidates"][0]["content"]["parts"] = []
    blocked.body["candidates"][0]["finishReason"] = "SAFETY"
    stand_in.script(blocked)

    with pytest.raises(LLMError, match="no text.*SAFETY"):
        ask(gemini_settings)


def test_unreachable_server_is_unavailable():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the client connects
    settings = make_settings(None, gemini_api_key="k", gemini_base_url=f"http://127.0.0.1:{port}",
                             gemini_max_retries=0)

    with pytest.raises(LLMUnavailableError, match="cannot reach"):
        ask(settings)


def test_missing_key_is_unavailable():
    with pytest.raises(LLMUnavailableError, match="GEMINI_API_KEY"):
        GeminiClient(make_settings(None))


def test_limiter_is_applied_and_settled_with_reported_tokens(stand_in, gemini_settings):
    limiter = RateLimiter(1, 1_000_000)
    stand_in.script(json_answer({"ok": True}, prompt_tokens=5, output_tokens=7))

    ask(gemini_settings, limiter=limiter)
    assert limiter.usage() == (1, 12)

    with pytest.raises(LLMUnavailableError, match="RATE_LIMIT_REQUESTS_PER_MINUTE=1"):
        ask(gemini_settings, limiter=limiter)  # the next slot is ~60 s away, past the 20 s budget
    assert len(stand_in.requests) == 1
