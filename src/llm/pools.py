"""LLM-written value pools for free-text fields. (Placeholder: the extraction issue fills this in.)"""

from __future__ import annotations

from dataclasses import dataclass, field

from src.config import Settings
from src.schemas import DatasetSchema


@dataclass
class TextPools:
    """Pools keyed by field name: a list of texts, or {category value: list of texts}."""

    pools: dict[str, list[str] | dict[str, list[str]]] = field(default_factory=dict)
    llm_calls: int = 0
    tokens_used: int = 0
    warnings: list[str] = field(default_factory=list)


async def build_text_pools(schema: DatasetSchema, settings: Settings) -> TextPools:
    """Write value pools for fields marked ``llm_generated``; empty when none are or no key is set."""
    return TextPools()
