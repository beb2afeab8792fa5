"""A local HTTP server that speaks Gemini's REST protocol, scripted per test.

The real google-genai SDK talks to it through GEMINI_BASE_URL, so tests exercise the SDK's request
building, error raising and response parsing, not a mock of them.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

import pytest

from src.config import Settings


@dataclass
class ScriptedReply:
    """One HTTP answer: status, body (a dict is sent as JSON), extra headers, delay before it."""

    status: int = 200
    body: dict | str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class RecordedRequest:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    received_at: float

    def prompt_text(self) -> str:
        """Every text part of every turn, joined; what the model was asked."""
        parts = [p.get("text", "") for c in self.body.get("contents", []) for p in c.get("parts", [])]
        return "\n".join(parts)


def model_answer(text: str, *, prompt_tokens: int = 10, output_tokens: int = 20) -> ScriptedReply:
    """A successful generateContent answer whose first candidate says ``text``."""
    return ScriptedReply(body={
        "candidates": [{
            "content": {"role": "model", "parts": [{"text": text}]},
            "finishReason": "STOP",
            "index": 0,
        }],
        "usageMetadata": {
            "promptTokenCount": prompt_tokens,
            "candidatesTokenCount": output_tokens,
            "totalTokenCount": prompt_tokens + output_tokens,
        },
        "modelVersion": "stand-in",
    })


def json_answer(value: Any, **kwargs: Any) -> ScriptedReply:
    return model_answer(json.dumps(value), **kwargs)


def error_reply(status: int, message: str, *, retry_delay: str | None = None,
                headers: dict[str, str] | None = None) -> ScriptedReply:
    """A google.rpc-style error body, optionally carrying RetryInfo.retryDelay (e.g. '0.2s')."""
    status_names = {429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE", 400: "INVALID_ARGUMENT",
                    403: "PERMISSION_DENIED", 404: "NOT_FOUND"}
    error: dict[str, Any] = {"code": status, "message": message,
                             "status": status_names.get(status, "UNKNOWN")}
    if retry_delay is not None:
        error["details"] = [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": retry_delay}]
    return ScriptedReply(status=status, body={"error": error}, headers=headers or {})


class GeminiStandIn:
    """Serves scripted replies in order on 127.0.0.1; a responder function may answer instead."""

    def __init__(self) -> None:
        self.replies: list[ScriptedReply] = []
        self.responder: Callable[[RecordedRequest], ScriptedReply] | None = None
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, *replies: ScriptedReply) -> None:
        with self._lock:
            self.replies.extend(replies)

    def start(self) -> GeminiStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next_reply(self, request: RecordedRequest) -> ScriptedReply:
        with self._lock:
            self.requests.append(request)
            if self.replies:
                return self.replies.pop(0)
        if self.responder is not None:
            return self.responder(request)
        return error_reply(500, "stand-in has no scripted reply left")

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                request = RecordedRequest(
                    path=self.path, headers={k.lower(): v for k, v in self.headers.items()},
                    body=json.loads(raw or b"{}"), received_at=time.monotonic())
                reply = stand_in._next_reply(request)
                if reply.delay:
                    time.sleep(reply.delay)
                payload = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                data = payload.encode("utf-8")
                try:
                    self.send_response(reply.status)
                    content_type = "text/html" if isinstance(reply.body, str) else "application/json"
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test); nothing to answer

        return Handler


# Fixtures, imported by the test modules that talk to the stand-in.


@pytest.fixture
def stand_in():
    server = GeminiStandIn().start()
    yield server
    server.stop()


def make_settings(stand_in: GeminiStandIn | None = None, **overrides: Any) -> Settings:
    """Settings for tests: no .env, quick limits; Gemini pointed at the stand-in. The timeout is generous
    (a loaded machine must not turn a normal answer into a timeout); timeout tests set their own."""
    values: dict[str, Any] = {
        "gemini_api_key": "test-key" if stand_in else None,
        "gemini_base_url": stand_in.base_url if stand_in else None,
        "gemini_model": "gemini-test",
        "gemini_timeout": 20.0,
        "gemini_max_retries": 2,
        "llm_provider": "auto",
        "rate_limit_requests_per_minute": 10_000,
        "rate_limit_tokens_per_minute": 100_000_000,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def gemini_settings(stand_in: GeminiStandIn) -> Settings:
    return make_settings(stand_in)
