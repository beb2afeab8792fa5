"""Description -> schema document: offline rules, or Gemini when configured (LLM_PROVIDER)."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from src.config import Settings
from src.errors import LLMError, OperationTimeoutError, SchemaValidationError
from src.llm.provider import gemini_enabled, gemini_required
from src.schemas import DatasetSchema
from src.schemas.api import SchemaDocument
from src.schemas.relational import RelationalSchema

logger = logging.getLogger(__name__)

MAX_INPUT_CHARS = 20_000


class ExtractionResult(BaseModel):
    """What POST /schema/extract answers."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: SchemaDocument = Field(..., alias="schema", description="One table ({fields}), or several related "
                                    "tables ({tables}) when the text names entities and how they relate.")
    total_rows: int | None = Field(None, description="Rows the text asks for; for several tables the first "
                                   "(root) table's rows.")
    provider: str = "offline"
    warnings: list[str] = Field(default_factory=list)
    sources: dict[str, str] = Field(
        default_factory=dict, description="Each field's name ('table.field' for several tables) -> the words of "
        "the description it was read from (or the template column it came from).")
    llm_calls: int = Field(0, description="Requests sent to the LLM (retries included).")
    tokens_used: int = Field(0, description="Tokens the LLM reported for those requests.")

    @field_serializer("schema_")
    def _compact_schema(self, schema: DatasetSchema | RelationalSchema) -> dict:
        # Only the rules that were set, as a person would write the document.
        return schema.model_dump(mode="json", exclude_defaults=True)


def choose_provider(settings: Settings) -> Literal["offline", "gemini"]:
    """Which extractor runs: LLM_PROVIDER, where auto means Gemini exactly when a key is set."""
    return "gemini" if gemini_enabled(settings) else "offline"


async def extract_schema(user_input: str, settings: Settings) -> ExtractionResult:
    """Turn a plain-English description into a schema document.

    With LLM_PROVIDER=auto a Gemini failure falls back to the offline extractor with a warning;
    with LLM_PROVIDER=gemini it raises LLMError / LLMUnavailableError.
    """
    text = user_input.strip()
    if not text:
        raise SchemaValidationError.single("user_input", "describe the dataset; the text is empty")
    if len(text) > MAX_INPUT_CHARS:
        raise SchemaValidationError.single(
            "user_input", f"the description has {len(text)} characters; the limit is {MAX_INPUT_CHARS}")
    if choose_provider(settings) == "offline":
        result = await run_offline_bounded(text, settings)
    else:
        try:
            result = await extract_gemini_result(text, settings)
        except LLMError as exc:
            if gemini_required(settings):
                raise
            logger.warning("Gemini extraction failed, using the offline extractor: %s", exc)
            result = await run_offline_bounded(text, settings)
            result.warnings.insert(0, f"Gemini could not extract the schema ({exc}); this schema comes "
                                      "from the offline extractor instead.")
    if result.total_rows is not None and result.total_rows > settings.max_rows:
        result.warnings.append(f"the description asks for {result.total_rows} rows; this service "
                               f"allows at most {settings.max_rows} (MAX_ROWS)")
    return result


_offline_pools: dict[int, ThreadPoolExecutor] = {}


async def run_offline_bounded(text: str, settings: Settings) -> ExtractionResult:
    """The offline extractor (CPU-bound Python) on a worker thread, off the event loop, at most
    EXTRACT_MAX_CONCURRENT at once, answered within EXTRACT_TIMEOUT_SECONDS (queueing included)."""
    size = settings.extract_max_concurrent
    pool = _offline_pools.get(size) or _offline_pools.setdefault(
        size, ThreadPoolExecutor(size, thread_name_prefix="synthgen-extract"))
    future = pool.submit(extract_offline_result, text)
    try:
        return await asyncio.wait_for(asyncio.wrap_future(future), settings.extract_timeout_seconds)
    except TimeoutError:
        future.cancel()  # still queued: never runs; already running: ends on its own, bounded by the input limit
        raise OperationTimeoutError(
            f"reading the description took more than EXTRACT_TIMEOUT_SECONDS "
            f"({settings.extract_timeout_seconds:g} s); try again or shorten it") from None


def extract_offline_result(text: str) -> ExtractionResult:
    from src.extraction.acceptable import accept_result
    from src.extraction.offline import extract_offline  # written alongside; imported when needed
    from src.extraction.relational import extract_relational
    from src.extraction.shorthand import expand_shorthand

    text = expand_shorthand(text)  # 'b/w', 'w/': for the relational reader too

    def one_table():
        offline = extract_offline(text)
        return offline.schema, offline.total_rows, list(offline.warnings), dict(offline.sources)

    related = extract_relational(text)
    read = (related.schema, related.total_rows, list(related.warnings), dict(related.sources)) \
        if related is not None else one_table()
    schema, total_rows, warnings, sources = accept_result(*read, one_table=one_table)
    return ExtractionResult(schema=schema, total_rows=total_rows, provider="offline", warnings=warnings,
                            sources=sources)


async def extract_gemini_result(text: str, settings: Settings) -> ExtractionResult:
    from src.extraction.gemini import extract_with_gemini  # google-genai takes ~1.5 s to import

    from src.extraction.acceptable import make_acceptable
    from src.extraction.crosscheck import restore_dropped_columns
    from src.extraction.offline import extract_offline

    run = await extract_with_gemini(text, settings)
    if isinstance(run.answer.schema_, RelationalSchema):  # related tables: already checked by the engine
        return ExtractionResult(schema=run.answer.schema_, total_rows=run.answer.total_rows, provider="gemini",
                                llm_calls=run.llm_calls, tokens_used=run.tokens_used)
    checked = restore_dropped_columns(run.answer.schema_, extract_offline(text))
    schema = make_acceptable(checked.schema, run.answer.total_rows, checked.warnings, checked.sources)
    return ExtractionResult(schema=schema, total_rows=run.answer.total_rows, provider="gemini",
                            warnings=checked.warnings, sources=checked.sources,
                            llm_calls=run.llm_calls, tokens_used=run.tokens_used)
