"""Which LLM provider a setting picks (LLM_PROVIDER: auto | offline | gemini)."""

from __future__ import annotations

from src.config import Settings
from src.errors import LLMUnavailableError


def gemini_enabled(settings: Settings) -> bool:
    """True when Gemini should be used: LLM_PROVIDER=gemini, or auto with GEMINI_API_KEY set.

    Raises LLMUnavailableError for LLM_PROVIDER=gemini without a key.
    """
    if settings.llm_provider == "gemini":
        if not settings.gemini_api_key:
            raise LLMUnavailableError("LLM_PROVIDER=gemini but GEMINI_API_KEY is not set")
        return True
    return settings.llm_provider == "auto" and bool(settings.gemini_api_key)


def gemini_required(settings: Settings) -> bool:
    """True when a Gemini failure must surface as an error rather than fall back to offline output."""
    return settings.llm_provider == "gemini"
