"""A thin async wrapper over google-genai: pinned API version, one deadline, retries, rate limit, usage.

Everything the SDK or its HTTP stack can raise is turned into LLMError / LLMUnavailableError here,
so callers only ever see the project's own errors.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import httpx
import tenacity
from google import genai
from google.genai import errors as genai_errors
from google.genai import types as genai_types

from src.config import Settings
from src.errors import LLMError, LLMUnavailableError
from src.llm.rate_limit import RateLimiter, Sleep, get_rate_limiter

logger = logging.getLogger(__name__)

API_VERSION = "v1beta"
RETRYABLE_STATUS_CODES = frozenset({408, 429, 500, 502, 503, 504})
BACKOFF_INITIAL_SECONDS = 0.5
BACKOFF_MAX_SECONDS = 8.0
MAX_ERROR_MESSAGE_CHARS = 300

try:  # google-genai sends requests through httpx2 when it is installed, else httpx
    import httpx2
    _TRANSPORT_ERRORS: tuple[type[Exception], ...] = (httpx.TransportError, httpx2.TransportError)
    _TIMEOUT_ERRORS: tuple[type[Exception], ...] = (httpx.TimeoutException, httpx2.TimeoutException,
                                                    TimeoutError)
except ImportError:  # pragma: no cover - depends on the installed SDK extras
    _TRANSPORT_ERRORS = (httpx.TransportError,)
    _TIMEOUT_ERRORS = (httpx.TimeoutException, TimeoutError)

Turn = tuple[Literal["user", "model"], str]


@dataclass
class LLMUsage:
    """What this client has spent: HTTP requests sent (retries included) and tokens reported."""

    calls: int = 0
    prompt_tokens: int = 0
    output_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.output_tokens


@dataclass(frozen=True)
class LLMReply:
    text: str
    tokens_used: int


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends_at = time.monotonic() + seconds

    def remaining(self) -> float:
        return self._ends_at - time.monotonic()


class GeminiClient:
    """Sends generateContent requests; each call, retries included, finishes within GEMINI_TIMEOUT."""

    def __init__(self, settings: Settings, *, limiter: RateLimiter | None = None,
                 sleep: Sleep = asyncio.sleep) -> None:
        if not settings.gemini_api_key:
            raise LLMUnavailableError("Gemini is not configured: set GEMINI_API_KEY")
        self.model = settings.gemini_model
        self.timeout = settings.gemini_timeout
        self.max_retries = settings.gemini_max_retries
        self.usage = LLMUsage()
        self._limiter = limiter or get_rate_limiter(settings)
        self._sleep = sleep
        self._where = settings.gemini_base_url or "the Gemini API"
        self._client = genai.Client(
            vertexai=False,
            api_key=settings.gemini_api_key,
            http_options=genai_types.HttpOptions(
                base_url=settings.gemini_base_url,
                api_version=API_VERSION,
                timeout=_to_milliseconds(settings.gemini_timeout),
                # Retries happen here, with the limiter and the deadline; the SDK must not multiply them.
                retry_options=genai_types.HttpRetryOptions(attempts=1),
            ),
        )

    async def __aenter__(self) -> GeminiClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aio.aclose()
        self._client.close()

    async def generate_json(
        self,
        turns: str | Sequence[Turn],
        *,
        response_json_schema: dict[str, Any],
        system_instruction: str | None = None,
        temperature: float | None = None,
        thinking_level: str | None = None,
        max_output_tokens: int | None = None,
        timeout: float | None = None,
    ) -> LLMReply:
        """Ask for a JSON answer shaped by ``response_json_schema``; returns its raw text.

        ``timeout`` (default GEMINI_TIMEOUT) bounds the whole call: rate-limit waits, retries, delays.
        ``temperature`` stays unset unless given: Gemini 3 models loop and degrade below their default.
        ``thinking_level`` ('minimal', 'low', ...) is sent to models that take one (Gemini 3 and later).
        Raises LLMUnavailableError (unreachable, rate limited, timed out, misconfigured) or LLMError
        (rejected request, unusable answer).
        """
        contents = _to_contents([("user", turns)] if isinstance(turns, str) else turns)
        config = genai_types.GenerateContentConfig(
            system_instruction=system_instruction,
            response_mime_type="application/json",
            response_json_schema=response_json_schema,
            temperature=temperature,
            thinking_config=(genai_types.ThinkingConfig(thinking_level=thinking_level.upper())
                             if thinking_level and takes_thinking_level(self.model) else None),
            max_output_tokens=max_output_tokens,
        )
        estimate = _estimate_tokens(contents, system_instruction, max_output_tokens)
        budget = self.timeout if timeout is None else min(timeout, self.timeout)
        deadline = _Deadline(budget)
        retrying = tenacity.AsyncRetrying(
            stop=tenacity.stop_after_attempt(self.max_retries + 1) | _stop_past(deadline),
            retry=tenacity.retry_if_exception(_is_retryable),
            wait=_wait_for_server_or_backoff,
            sleep=self._sleep,
            before_sleep=_log_retry,
            reraise=True,
        )
        try:
            response = await retrying(self._send_once, contents, config, estimate, deadline)
        except genai_errors.APIError as exc:
            raise self._translate_api_error(exc) from exc
        except _TIMEOUT_ERRORS as exc:
            raise LLMUnavailableError(
                f"Gemini did not answer in time (GEMINI_TIMEOUT={self.timeout:g} s)") from exc
        except _TRANSPORT_ERRORS as exc:
            raise LLMUnavailableError(f"cannot reach {self._where}: {exc or type(exc).__name__}") from exc
        except ValueError as exc:  # the body was not JSON, or not shaped like a response
            raise LLMError("Gemini answered with something that is not a generateContent response") from exc
        return self._read_reply(response)

    async def _send_once(self, contents: list[genai_types.Content], config: genai_types.GenerateContentConfig,
                         estimate: int, deadline: _Deadline) -> genai_types.GenerateContentResponse:
        reservation = await self._limiter.acquire(estimate, max_wait=max(0.0, deadline.remaining()))
        remaining = deadline.remaining()
        if remaining <= 0:
            raise TimeoutError("deadline passed before the request was sent")
        attempt_config = config.model_copy(update={
            "http_options": genai_types.HttpOptions(timeout=_to_milliseconds(remaining))})
        self.usage.calls += 1
        try:
            # The SDK's timeout covers the HTTP exchange; this one is a backstop around everything.
            async with asyncio.timeout(remaining + 0.25):
                response = await self._client.aio.models.generate_content(
                    model=self.model, contents=contents, config=attempt_config)
        except BaseException:
            reservation.settle(0)  # a failed request spends no tokens
            raise
        usage = response.usage_metadata
        prompt_tokens = (usage.prompt_token_count or 0) if usage else 0
        total = (usage.total_token_count or 0) if usage else 0
        self.usage.prompt_tokens += prompt_tokens
        self.usage.output_tokens += max(0, total - prompt_tokens)
        reservation.settle(total)
        return response

    def _read_reply(self, response: genai_types.GenerateContentResponse) -> LLMReply:
        text = _first_text(response)
        if not text or not text.strip():
            reasons = []
            if response.prompt_feedback and response.prompt_feedback.block_reason:
                reasons.append(f"prompt blocked: {response.prompt_feedback.block_reason}")
            if response.candidates and response.candidates[0].finish_reason:
                reasons.append(f"finish reason {response.candidates[0].finish_reason}")
            detail = f" ({'; '.join(reasons)})" if reasons else ""
            raise LLMError(f"Gemini returned no text{detail}")
        usage = response.usage_metadata
        return LLMReply(text=text, tokens_used=(usage.total_token_count or 0) if usage else 0)

    def _translate_api_error(self, exc: genai_errors.APIError) -> LLMError:
        message = " ".join(str(exc.message or "").split())
        if len(message) > MAX_ERROR_MESSAGE_CHARS:  # e.g. a proxy's whole HTML error page
            message = message[:MAX_ERROR_MESSAGE_CHARS] + "..."
        said = f"{exc.code} {exc.status or ''}".strip() + (f": {message}" if message else "")
        if exc.code == 429:
            delay = server_retry_delay(exc)
            after = f"; retry after {delay:g} s" if delay else ""
            return LLMUnavailableError(f"Gemini rate limit or quota exhausted ({said}){after}")
        if exc.code in (401, 403):
            return LLMUnavailableError(f"Gemini rejected the credentials ({said}); check GEMINI_API_KEY")
        if exc.code == 404:
            return LLMUnavailableError(f"Gemini has no model {self.model!r} ({said}); check GEMINI_MODEL")
        if exc.code >= 500 or exc.code == 408:
            return LLMUnavailableError(f"Gemini is unavailable ({said})")
        return LLMError(f"Gemini rejected the request ({said})")


def takes_thinking_level(model: str) -> bool:
    """Gemini 3 and later take a thinking level; 2.x models take a token budget instead."""
    match = re.search(r"gemini-(\d+)", model)
    return match is not None and int(match.group(1)) >= 3


def server_retry_delay(exc: BaseException) -> float | None:
    """The wait the server asked for: RetryInfo.retryDelay in the error body, else Retry-After."""
    if not isinstance(exc, genai_errors.APIError):
        return None
    body = exc.details.get("error", exc.details) if isinstance(exc.details, dict) else None
    for detail in (body.get("details") or []) if isinstance(body, dict) else []:
        if isinstance(detail, dict) and str(detail.get("@type", "")).endswith("google.rpc.RetryInfo"):
            seconds = _parse_duration(detail.get("retryDelay"))
            if seconds is not None:
                return seconds
    headers = getattr(getattr(exc, "response", None), "headers", None)
    if headers is not None:
        return _parse_retry_after(headers.get("retry-after"))
    return None


def _parse_duration(value: Any) -> float | None:
    """A protobuf Duration in JSON: '1.5s'."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)s\s*", str(value or ""))
    return float(match.group(1)) if match else None


def _parse_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds or as an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, genai_errors.APIError):
        return exc.code in RETRYABLE_STATUS_CODES
    timed_out = isinstance(exc, _TIMEOUT_ERRORS)
    return isinstance(exc, _TRANSPORT_ERRORS) and not timed_out  # a timeout has used the whole budget


def _wait_for_server_or_backoff(retry_state: tenacity.RetryCallState) -> float:
    exc = retry_state.outcome.exception() if retry_state.outcome else None
    delay = server_retry_delay(exc) if exc else None
    if delay is not None:
        return delay
    backoff = BACKOFF_INITIAL_SECONDS * 2 ** (retry_state.attempt_number - 1)
    return min(BACKOFF_MAX_SECONDS, backoff)


def _stop_past(deadline: _Deadline) -> tenacity.stop.stop_base:
    class _StopPastDeadline(tenacity.stop.stop_base):
        def __call__(self, retry_state: tenacity.RetryCallState) -> bool:
            return (retry_state.upcoming_sleep or 0.0) >= deadline.remaining()

    return _StopPastDeadline()


def _log_retry(retry_state: tenacity.RetryCallState) -> None:
    exc = retry_state.outcome.exception() if retry_state.outcome else None
    logger.info("Gemini attempt %d failed (%s); retrying in %.2f s", retry_state.attempt_number,
                exc, retry_state.upcoming_sleep)


def _to_contents(turns: Sequence[Turn]) -> list[genai_types.Content]:
    return [genai_types.Content(role=role, parts=[genai_types.Part(text=text)]) for role, text in turns]


def _first_text(response: genai_types.GenerateContentResponse) -> str | None:
    if not response.candidates or not response.candidates[0].content:
        return None
    parts = response.candidates[0].content.parts or []
    texts = [p.text for p in parts if p.text and not p.thought]
    return "".join(texts) if texts else None


def _estimate_tokens(contents: list[genai_types.Content], system_instruction: str | None,
                     max_output_tokens: int | None) -> int:
    """A rough count (4 characters a token) to reserve before the provider reports the real one."""
    chars = len(system_instruction or "") + sum(len(p.text or "") for c in contents for p in c.parts or [])
    return chars // 4 + (max_output_tokens or 1024)


def _to_milliseconds(seconds: float) -> int:
    return max(1, int(seconds * 1000))
