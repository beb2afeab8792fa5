import asyncio

import pytest

from src.errors import LLMUnavailableError
from src.llm.rate_limit import RateLimiter, get_rate_limiter
from tests.llm.gemini_stand_in import make_settings


class FakeClock:
    """A clock that only moves when the limiter sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def make_limiter(rpm: int, tpm: int) -> tuple[RateLimiter, FakeClock]:
    clock = FakeClock()
    return RateLimiter(rpm, tpm, clock=clock, sleep=clock.sleep), clock


def test_requests_beyond_the_limit_wait_for_the_window_to_slide():
    limiter, clock = make_limiter(rpm=2, tpm=1_000_000)

    async def scenario() -> list[float]:
        admitted = []
        for _ in range(3):
            await limiter.acquire()
            admitted.append(clock.now)
            clock.now += 1.0
        return admitted

    assert asyncio.run(scenario()) == [0.0, 1.0, 60.0]


def test_concurrent_callers_are_admitted_at_most_rpm_per_minute():
    limiter, clock = make_limiter(rpm=2, tpm=1_000_000)

    async def scenario() -> list[float]:
        async def one() -> float:
            await limiter.acquire()
            return clock.now
        return sorted(await asyncio.gather(*(one() for _ in range(5))))

    assert asyncio.run(scenario()) == [0.0, 0.0, 60.0, 60.0, 120.0]


def test_tokens_beyond_the_limit_wait_and_settling_frees_them():
    limiter, clock = make_limiter(rpm=100, tpm=100)

    async def scenario() -> None:
        first = await limiter.acquire(60)
        first.settle(10)  # the provider reported fewer tokens than estimated
        await limiter.acquire(60)
        assert clock.now == 0.0 and clock.sleeps == []
        clock.now = 5.0
        await limiter.acquire(60)  # 70 in the window: waits until the 60 admitted at t=0 expire
        assert clock.now == 60.0
        assert limiter.usage() == (1, 60)

    asyncio.run(scenario())


def test_a_call_larger_than_the_token_limit_runs_alone():
    limiter, clock = make_limiter(rpm=100, tpm=100)

    async def scenario() -> None:
        await limiter.acquire(500)
        assert clock.now == 0.0
        await limiter.acquire(1)
        assert clock.now == 60.0

    asyncio.run(scenario())


def test_max_wait_raises_instead_of_sleeping():
    limiter, clock = make_limiter(rpm=1, tpm=1_000_000)

    async def scenario() -> None:
        await limiter.acquire()
        with pytest.raises(LLMUnavailableError, match="RATE_LIMIT_REQUESTS_PER_MINUTE=1"):
            await limiter.acquire(max_wait=30.0)
        assert clock.sleeps == []
        await limiter.acquire(max_wait=60.0)
        assert clock.now == 60.0

    asyncio.run(scenario())


def test_one_limiter_per_process_for_the_same_limits():
    a = make_settings(rate_limit_requests_per_minute=7, rate_limit_tokens_per_minute=700)
    b = make_settings(rate_limit_requests_per_minute=7, rate_limit_tokens_per_minute=700, gemini_timeout=9)
    c = make_settings(rate_limit_requests_per_minute=8, rate_limit_tokens_per_minute=700)
    assert get_rate_limiter(a) is get_rate_limiter(b)
    assert get_rate_limiter(a) is not get_rate_limiter(c)
    assert get_rate_limiter(c).requests_per_minute == 8
