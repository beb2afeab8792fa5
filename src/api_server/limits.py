"""MAX_REQUEST_BYTES: a pure ASGI middleware that answers 413 before a too-large body is parsed.

A declared Content-Length above the limit is refused without reading a byte. A body without one
(chunked) is counted as it streams; once it passes the limit, reading stops and whatever the app
was about to answer is replaced by the 413.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from src.api_server.errors import build_error_response


class _BodyTooLarge(Exception):
    """Raised into the app's body read once the streamed body passes the limit."""


def describe_limit(limit: int) -> str:
    """The 413 message: the limit in bytes (and MB) and the setting that controls it."""
    size = f"{limit} bytes" + (f" = {limit / 1024 / 1024:g} MiB" if limit >= 1024 * 1024 else "")
    return f"request body is larger than MAX_REQUEST_BYTES ({size})"


class RequestSizeLimitMiddleware:
    """Refuse HTTP request bodies larger than ``max_bytes`` with a 413 in the API's error shape."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _read_content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._send_413(scope, receive, send)
            return

        received = 0
        exceeded = False
        response_started = False

        async def receive_limited() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    exceeded = True
                    raise _BodyTooLarge
            return message

        async def send_unless_exceeded(message: Message) -> None:
            nonlocal response_started
            if exceeded and not response_started:
                return  # the app's answer to a cut-off body (often a 400) gives way to the 413
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, receive_limited, send_unless_exceeded)
        except _BodyTooLarge:
            pass
        if exceeded and not response_started:
            await self._send_413(scope, receive, send)

    async def _send_413(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = build_error_response(413, "too_large", describe_limit(self.max_bytes))
        response.headers["Connection"] = "close"  # the rest of the body is not read
        await response(scope, receive, send)


def _read_content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
