"""LLM-written value pools for free-text fields (``constraints.llm_generated``).

A few batched requests write a fixed number of distinct texts per field (per category value when
``condition_on`` names an enum field); the engine then draws every row's text from the pool, so the
number of LLM calls does not grow with the row count. Without Gemini no pools are written and the
engine falls back to its own template text.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
from dataclasses import dataclass, field
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from src.config import Settings
from src.errors import LLMError, LLMUnavailableError
from src.llm.provider import gemini_enabled, gemini_required
from src.schemas import DatasetSchema, FieldSpec
from src.schemas.relational import RelationalSchema, is_relational

if TYPE_CHECKING:
    from src.llm.gemini_client import GeminiClient

logger = logging.getLogger(__name__)

POOL_SIZE = 200                # distinct texts for a field that depends on no category
TEXTS_PER_CATEGORY = 25        # distinct texts for each value of a condition_on field
TEXTS_PER_CALL = 50            # texts one request asks for
MAX_CATEGORIES = 100           # a condition_on field with more values gets one shared pool
MAX_CONCURRENT_CALLS = 4

TEXT_KIND_BY_TYPE = {
    "review": "a customer review of 1 to 4 sentences",
    "sentence": "one sentence",
    "paragraph": "a paragraph of 3 to 6 sentences",
    "word": "a single word",
}

# Each batch gets its own angle so separate requests do not write the same texts.
BATCH_ANGLES = (
    "plain and typical", "detailed and specific", "short and to the point", "unusual but plausible",
    "mixed or nuanced in tone", "written by different kinds of people", "concrete, with small details",
    "casual and conversational",
)


@dataclass
class TextPools:
    """Pools keyed by field name: a list of texts, or {category value: list of texts}."""

    pools: dict[str, list[str] | dict[str, list[str]]] = field(default_factory=dict)
    llm_calls: int = 0
    tokens_used: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PoolBatch:
    """One request: ``count`` texts for each of ``categories`` (or for the whole field when None)."""

    field_name: str
    categories: tuple[str, ...] | None
    count: int
    index: int
    of: int


async def build_text_pools(schema: DatasetSchema, settings: Settings, *,
                           client: GeminiClient | None = None) -> TextPools:
    """Write value pools for fields marked ``llm_generated``; empty when none are or no key is set.

    With LLM_PROVIDER=gemini a failure raises LLMError; with auto it leaves the field to the
    engine's template text and says so in ``warnings``.
    """
    targets = [f for f in schema.fields if f.constraints.llm_generated]
    if not targets or not gemini_enabled(settings):
        return TextPools()
    result = TextPools()
    async with _counted_client(settings, client, result) as client:
        plans = {f.name: plan_batches(f, schema, result.warnings) for f in targets}
        gate = asyncio.Semaphore(MAX_CONCURRENT_CALLS)
        outage: list[LLMUnavailableError] = []

        async def run(spec: FieldSpec, batch: PoolBatch) -> dict[str, list[str]] | LLMError:
            async with gate:
                if outage:  # Gemini is down or out of quota: do not queue more timeouts behind it
                    return outage[0]
                try:
                    return await write_batch(client, spec, schema, batch)
                except LLMUnavailableError as exc:
                    outage.append(exc)
                    return exc
                except LLMError as exc:
                    return exc

        jobs = [(spec, batch) for spec in targets for batch in plans[spec.name]]
        answers = await asyncio.gather(*(run(spec, batch) for spec, batch in jobs))
        collected: dict[str, dict[str, list[str]]] = {f.name: {} for f in targets}
        failures: dict[str, LLMError] = {}
        for (spec, batch), answer in zip(jobs, answers):
            if isinstance(answer, LLMError):
                failures.setdefault(spec.name, answer)
                continue
            for key, texts in answer.items():
                collected[spec.name].setdefault(key, []).extend(texts)
        for spec in targets:
            _store_pool(result, spec, plans[spec.name], collected[spec.name], failures.get(spec.name),
                        strict=gemini_required(settings))
        for warning in result.warnings:
            logger.warning("text pools: %s", warning)
    return result


@contextlib.asynccontextmanager
async def _counted_client(settings: Settings, client: GeminiClient | None,
                          result: TextPools) -> AsyncIterator[GeminiClient]:
    """The given client or a new one (closed after); its usage is recorded in ``result`` however it ends."""
    from src.llm.gemini_client import GeminiClient  # google-genai takes ~1.5 s to import

    owns_client = client is None
    client = client or GeminiClient(settings)
    try:
        yield client
    finally:
        result.llm_calls = client.usage.calls
        result.tokens_used = client.usage.total_tokens
        if owns_client:
            await client.aclose()


def needs_text_pools(schema: dict[str, Any]) -> bool:
    """Whether a job's document (one table, or several) has a field marked ``llm_generated``."""
    tables = schema.get("tables") if is_relational(schema) else [schema]
    return any((f.get("constraints") or {}).get("llm_generated")
               for table in tables or [] for f in table.get("fields") or [])


async def build_job_text_pools(schema: dict[str, Any], settings: Settings, *,
                               client: GeminiClient | None = None) -> TextPools:
    """Pools for a job's document, written once per job: ``{field: pool}`` for one table, and
    ``{table: {field: pool}}`` for several (what ``compile_relational(text_pools=...)`` takes)."""
    if not is_relational(schema):
        one_table = DatasetSchema.model_validate(schema)
        return await (build_text_pools(one_table, settings) if client is None
                      else build_text_pools(one_table, settings, client=client))
    doc = RelationalSchema.model_validate(schema)
    tables = [t for t in doc.tables if any(f.constraints.llm_generated for f in t.fields)]
    if not tables or not gemini_enabled(settings):
        return TextPools()
    result = TextPools()
    async with _counted_client(settings, client, result) as client:  # one client: its usage counts the job's calls
        for table in tables:
            part = await build_text_pools(table.to_dataset(doc), settings, client=client)
            if part.pools:
                result.pools[table.name] = part.pools
            result.warnings += [f"table '{table.name}': {w}" for w in part.warnings]
    return result


def plan_batches(spec: FieldSpec, schema: DatasetSchema, warnings: list[str]) -> list[PoolBatch]:
    """The requests that fill one field's pool; their number depends only on the schema."""
    categories = category_values(spec, schema, warnings)
    if categories is None:
        calls = math.ceil(POOL_SIZE / TEXTS_PER_CALL)
        return [PoolBatch(spec.name, None, math.ceil(POOL_SIZE / calls), i, calls) for i in range(calls)]
    per_call = max(1, TEXTS_PER_CALL // TEXTS_PER_CATEGORY)
    groups = [tuple(categories[i:i + per_call]) for i in range(0, len(categories), per_call)]
    return [PoolBatch(spec.name, group, TEXTS_PER_CATEGORY, i, len(groups)) for i, group in enumerate(groups)]


def category_values(spec: FieldSpec, schema: DatasetSchema, warnings: list[str]) -> list[str] | None:
    """The condition_on field's values as pool keys, or None for one shared pool."""
    name = spec.constraints.condition_on
    if not name:
        return None
    by_name = {f.name: f for f in schema.fields}
    condition = by_name.get(name)
    values = condition.constraints.enum_values if condition else None
    if not values:
        warnings.append(f"{spec.name}: condition_on {name!r} names no field with enum_values; "
                        "its texts do not depend on a category")
        return None
    if len(values) > MAX_CATEGORIES:
        warnings.append(f"{spec.name}: {name!r} has {len(values)} values (more than {MAX_CATEGORIES}); "
                        "its texts do not depend on a category")
        return None
    return list(dict.fromkeys(pool_key(v) for v in values))


def pool_key(value: str | int | float | bool) -> str:
    """A category value as a pool key: JSON spelling for booleans, str() otherwise."""
    return json.dumps(value) if isinstance(value, bool) else str(value)


async def write_batch(client: GeminiClient, spec: FieldSpec, schema: DatasetSchema,
                      batch: PoolBatch) -> dict[str, list[str]]:
    """One request; returns texts by pool key (``""`` for a field without categories)."""
    keys = batch.categories or ("",)
    item_schema: dict[str, Any] = {"type": "array", "items": {"type": "string"},
                                   "minItems": 1, "maxItems": batch.count}
    if batch.categories is None:
        response_schema = {"type": "object", "properties": {"texts": item_schema}, "required": ["texts"]}
    else:
        response_schema = {"type": "object", "properties": {k: item_schema for k in keys},
                           "required": list(keys), "propertyOrdering": list(keys)}
    reply = await client.generate_json(
        build_pool_prompt(spec, schema, batch), response_json_schema=response_schema,
        system_instruction="You write realistic sample text for synthetic datasets. "
                           "Answer only with the JSON the response schema describes.")
    try:
        data = json.loads(reply.text)
    except json.JSONDecodeError as exc:
        raise LLMError(f"the texts for {spec.name} were not JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise LLMError(f"the texts for {spec.name} were not a JSON object")
    if batch.categories is None:
        return {"": _clean_texts(data.get("texts"), spec)}
    return {k: _clean_texts(data.get(k), spec) for k in keys}


def build_pool_prompt(spec: FieldSpec, schema: DatasetSchema, batch: PoolBatch) -> str:
    kind = TEXT_KIND_BY_TYPE.get(spec.type, "a short text")
    about = f"'{spec.name}'" + (f" ({spec.description})" if spec.description else "")
    lines = [f"Write distinct values for the column {about} of a dataset"
             + (f" called {schema.name!r}" if schema.name else "") + "."]
    if schema.description:
        lines.append(f"The dataset: {schema.description}")
    lines.append("Other columns: " + ", ".join(f.name for f in schema.fields if f.name != spec.name) + ".")
    lines.append(f"Each value is {kind}.")
    limits = _length_limits(spec)
    if limits:
        lines.append(f"Each value is {limits}.")
    if schema.locale:
        lines.append(f"Write in the language of locale {schema.locale}.")
    angle = BATCH_ANGLES[batch.index % len(BATCH_ANGLES)]
    lines.append(f"This is batch {batch.index + 1} of {batch.of}; make this batch {angle}. "
                 "No numbering, no placeholders, no two values alike.")
    if batch.categories is None:
        lines.append(f'Answer {{"texts": [...]}} with {batch.count} values.')
    else:
        lines.append(f"The text depends on the column {spec.constraints.condition_on!r}. For each of its "
                     f"values below, write {batch.count} texts that fit that value; answer an object "
                     "keyed by the value:")
        lines.extend(f"- {key}" for key in batch.categories)
    return "\n".join(lines)


def _store_pool(result: TextPools, spec: FieldSpec, batches: list[PoolBatch], texts: dict[str, list[str]],
                failure: LLMError | None, *, strict: bool) -> None:
    if failure is not None and strict:
        raise LLMError(f"could not write texts for {spec.name}: {failure}") from failure
    expected_keys = [k for b in batches for k in (b.categories or ("",))]
    distinct = {k: list(dict.fromkeys(texts.get(k, []))) for k in expected_keys}
    missing = [k for k in expected_keys if not distinct[k]]
    reason = f" ({failure})" if failure else ""
    if len(missing) == len(expected_keys):
        message = f"{spec.name}: Gemini wrote no texts{reason}; the engine writes template text instead"
        if strict:
            raise LLMError(message)
        result.warnings.append(message)
        return
    if missing:
        # The engine draws rows of a category without texts from the other categories' texts.
        result.warnings.append(f"{spec.name}: no texts for {', '.join(map(repr, missing))}{reason}; "
                               "those rows reuse the other categories' texts")
    elif failure is not None:
        result.warnings.append(f"{spec.name}: some texts could not be written{reason}; the pool is smaller")
    if batches[0].categories is None:
        result.pools[spec.name] = distinct[""]
    else:
        result.pools[spec.name] = {k: v for k, v in distinct.items() if v}


def _clean_texts(raw: Any, spec: FieldSpec) -> list[str]:
    """Strings only, trimmed, within the field's length limits."""
    if not isinstance(raw, list):
        return []
    low = spec.constraints.min_length or 0
    high = spec.constraints.max_length
    texts = []
    for item in raw:
        if isinstance(item, str):
            text = " ".join(item.split())
            if text and len(text) >= low and (high is None or len(text) <= high):
                texts.append(text)
    return texts


def _length_limits(spec: FieldSpec) -> str:
    low, high = spec.constraints.min_length, spec.constraints.max_length
    if low and high:
        return f"between {low} and {high} characters long"
    if high:
        return f"at most {high} characters long"
    if low:
        return f"at least {low} characters long"
    return ""
