"""Process-wide request and token limits for LLM calls (sliding one-minute window).

Each call reserves one request and an estimate of its tokens before it is sent, then settles the
reservation with the tokens the provider reports. The clock and sleep are injectable so tests can
drive the window without waiting.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from src.config import Settings
from src.errors import LLMUnavailableError

WINDOW_SECONDS = 60.0

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


@dataclass
class Reservation:
    """One admitted call in the window; ``settle`` replaces its token estimate with the real count."""

    at: float
    tokens: int

    def settle(self, tokens_used: int) -> None:
        self.tokens = max(0, int(tokens_used))


class RateLimiter:
    """At most ``requests_per_minute`` calls and ``tokens_per_minute`` tokens in any 60 s window."""

    def __init__(self, requests_per_minute: int, tokens_per_minute: int, *,
                 clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        if requests_per_minute < 1 or tokens_per_minute < 1:
            raise ValueError("rate limits must be at least 1")
        self.requests_per_minute = requests_per_minute
        self.tokens_per_minute = tokens_per_minute
        self._clock = clock
        self._sleep = sleep
        self._window: deque[Reservation] = deque()
        # A thread lock, not an asyncio one: the critical section never awaits, and callers may
        # run on different event loops (one per worker thread or test).
        self._lock = threading.Lock()

    async def acquire(self, estimated_tokens: int = 0, *, max_wait: float | None = None) -> Reservation:
        """Wait until the call fits in the window and reserve it.

        Raises LLMUnavailableError when it would have to wait longer than ``max_wait`` seconds.
        """
        tokens = max(0, int(estimated_tokens))
        deadline = None if max_wait is None else self._clock() + max_wait
        while True:
            with self._lock:
                now = self._clock()
                wait = self._wait_needed(now, tokens)
                if wait <= 0:
                    reservation = Reservation(at=now, tokens=tokens)
                    self._window.append(reservation)
                    return reservation
            if deadline is not None and now + wait > deadline:
                raise LLMUnavailableError(
                    f"the local LLM rate limit (RATE_LIMIT_REQUESTS_PER_MINUTE={self.requests_per_minute}, "
                    f"RATE_LIMIT_TOKENS_PER_MINUTE={self.tokens_per_minute}) is used up for the next "
                    f"{wait:.0f} s")
            await self._sleep(wait)

    def usage(self) -> tuple[int, int]:
        """Requests and tokens inside the current window."""
        with self._lock:
            self._drop_expired(self._clock())
            return len(self._window), sum(r.tokens for r in self._window)

    def _wait_needed(self, now: float, tokens: int) -> float:
        """Seconds until a call of ``tokens`` fits; 0 when it fits now."""
        self._drop_expired(now)
        if not self._window:
            return 0.0  # an empty window admits any call, even one larger than the token limit
        waits = [0.0]
        if len(self._window) >= self.requests_per_minute:
            oldest_needed = self._window[len(self._window) - self.requests_per_minute]
            waits.append(oldest_needed.at + WINDOW_SECONDS - now)
        used = sum(r.tokens for r in self._window)
        if used + tokens > self.tokens_per_minute:
            freed = 0
            for reservation in self._window:
                freed += reservation.tokens
                if used - freed + tokens <= self.tokens_per_minute:
                    waits.append(reservation.at + WINDOW_SECONDS - now)
                    break
            else:
                waits.append(self._window[-1].at + WINDOW_SECONDS - now)
        return max(waits)

    def _drop_expired(self, now: float) -> None:
        while self._window and self._window[0].at + WINDOW_SECONDS <= now:
            self._window.popleft()


_limiters: dict[tuple[int, int], RateLimiter] = {}
_limiters_lock = threading.Lock()


def get_rate_limiter(settings: Settings) -> RateLimiter:
    """The process's limiter for these limits (one per distinct pair of settings)."""
    key = (settings.rate_limit_requests_per_minute, settings.rate_limit_tokens_per_minute)
    with _limiters_lock:
        limiter = _limiters.get(key)
        if limiter is None:
            limiter = _limiters[key] = RateLimiter(*key)
        return limiter
