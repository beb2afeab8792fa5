"""Description -> schema document with Gemini structured output, validated, with one repair turn."""

from __future__ import annotations

import copy
import json
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from src.config import Settings
from src.errors import LLMError, LLMUnavailableError, SchemaValidationError
from src.extraction.templates import load_templates
from src.llm.gemini_client import GeminiClient, Turn
from src.llm.json_schema import to_gemini_json_schema
from src.schemas import FIELD_TYPE_GROUPS, DatasetSchema
from src.schemas.api import SchemaDocument
from src.schemas.relational import RelationalSchema, is_relational


class GeminiExtraction(BaseModel):
    """The answer Gemini is asked for: a row count (when the user gave one) and the schema."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    total_rows: int | None = Field(
        None, ge=1, description="How many rows the user asked for (for related tables: the first table's); "
        "left out when the text names no count.")
    schema_: SchemaDocument = Field(..., alias="schema", description="The dataset schema document: one table "
                                    "({fields}), or related tables ({tables}) when the user describes several "
                                    "entities and how they relate.")


@dataclass(frozen=True)
class GeminiExtractionRun:
    """A usable answer and what it cost (repair turn and retries included)."""

    answer: GeminiExtraction
    llm_calls: int
    tokens_used: int


SYSTEM_INSTRUCTION = """\
You design datasets for a synthetic data generator. Turn the user's description into a JSON object
{"total_rows": <int>, "schema": <schema document>} that follows the response schema exactly.

Rules for the schema document:
- One field per column the user asks for, in their order; names in snake_case. Add a leading
  identifier field (uuid or sequence) only when the user describes records and names no identifier.
- Pick the most specific type from this list (group: types):
{type_list}
  Use "enum" with constraints.enum_values for a fixed set of categories (and weights for
  frequencies); "string" only when nothing more specific fits, and then say what it holds in
  "description".
- Put every rule in constraints; the generator enforces them on every row:
  min_value/max_value (numbers; dates as ISO values or relative '-2y', '-90d', 'now'),
  decimals (money: 2), unique, nullable with null_probability, pattern for codes ('INV-\\d{6}'),
  cardinality ("from 100 sensors"), step for time grids ("every 5 minutes" -> '5m'),
  distribution (normal/lognormal/exponential) when the user describes a spread,
  expression for derived columns ('quantity * unit_price'), when for values that exist only on some
  rows ("merchant for payments" -> when: "transaction_type = 'payment'"), after/before to order
  two date fields ("shipped after ordered").
- Free text a person would write (reviews, comments, descriptions, bios) gets type review, sentence
  or paragraph with constraints.llm_generated = true; when the text depends on a category column,
  also set constraints.condition_on to that column's name.
- Only reference fields that exist in the schema. Leave out constraints that do not apply.
- total_rows is the number of rows the user asks for; leave it out when they give none.
- When the user names an entity but few columns ("1000 orders"), start from the matching domain
  template below, keep every column the user names, and adapt the rest.

Related tables: when the user describes two or more entities and how they relate ("customers and their
orders (1 to 5 per customer)", "invoices with 2-10 line items each", "a blog with authors, posts and
comments", "each order belongs to a customer") or a hierarchy ("employees with their manager"), answer
{"tables": [...]} instead of {"fields": [...]}; text about one entity ("customers with their order
count") stays one table.
- Each table: {"name": plural snake_case, "fields": [...]} and either "rows" (its row count; the first
  table, a parent, may leave it out when the user gives none) or "rows_per_parent": {"parent": <table>,
  "min", "max", "distribution": uniform|poisson|zipf|fixed, "mean" (poisson), "count" (fixed)} for a child
  table: every parent row gets min..max children. List parents before their children.
- Every table has one key field with constraints.primary_key = true (a uuid or sequence id).
- A child links to its parent with a field of type "reference" and constraints.references =
  "<parent table>.<parent key>" (the rows_per_parent parent's reference first). A hierarchy is a
  reference to the table's own key with nullable = true (roots are null), e.g. manager_id.
- A field reads the parent row's value with "<table>.<field>" in after/before/expression/when, only for a
  table it references directly: "order date after the customer's signup" -> order_date with after
  "customers.signup_date"; a customer's name copied onto orders -> expression "customers.full_name".
- total_rows is then the first table's row count.

Domain templates (entity: its usual columns, with typical rules):
{templates}
"""
# Extraction wants a quick, direct answer: low thinking keeps latency down (Gemini 3 models).
THINKING_LEVEL = "low"

REPAIR_REQUEST = """\
That answer cannot be used:
{problems}
Answer again with the whole corrected JSON object, following the response schema."""


@lru_cache(maxsize=1)
def build_system_instruction() -> str:
    type_list = "\n".join(f"    {group}: {', '.join(types)}" for group, types in FIELD_TYPE_GROUPS.items())
    templates = "\n".join(f"- {t.title} ({t.key}): {'; '.join(t.columns)}" for t in load_templates())
    return SYSTEM_INSTRUCTION.replace("{type_list}", type_list).replace("{templates}", templates)


def build_response_schema() -> dict[str, Any]:
    """The JSON Schema Gemini's answer must follow, in the subset Gemini accepts."""
    return copy.deepcopy(_response_schema())


@lru_cache(maxsize=1)
def _response_schema() -> dict[str, Any]:
    schema = to_gemini_json_schema(GeminiExtraction.model_json_schema(by_alias=True))
    document = schema["properties"]["schema"]
    if "oneOf" in document:  # one table or several: Gemini documents anyOf for alternatives
        document["anyOf"] = document.pop("oneOf")
    schema["propertyOrdering"] = ["total_rows", "schema"]
    schema["required"] = ["schema"]
    return schema


async def extract_with_gemini(user_input: str, settings: Settings,
                              client: GeminiClient | None = None) -> GeminiExtractionRun:
    """Ask Gemini for the schema document and row count, all within GEMINI_TIMEOUT.

    Raises LLMError when the answer is still unusable after one repair turn, and
    LLMError/LLMUnavailableError from the client when Gemini fails.
    """
    owns_client = client is None
    client = client or GeminiClient(settings)
    ends_at = time.monotonic() + settings.gemini_timeout
    try:
        turns: list[Turn] = [("user", f"Dataset description:\n{user_input.strip()}")]
        problems: list[str] = []
        for attempt in range(2):
            time_left = ends_at - time.monotonic()
            if time_left <= 0:
                raise LLMUnavailableError(
                    f"GEMINI_TIMEOUT ({settings.gemini_timeout:g} s) ran out before Gemini's answer "
                    "could be repaired: " + "; ".join(problems[:5]))
            reply = await client.generate_json(
                turns, system_instruction=build_system_instruction(),
                response_json_schema=build_response_schema(), thinking_level=THINKING_LEVEL,
                timeout=time_left)
            answer, problems = check_answer(reply.text)
            if answer is not None:
                return GeminiExtractionRun(answer, client.usage.calls, client.usage.total_tokens)
            if attempt == 0:
                turns += [("model", reply.text),
                          ("user", REPAIR_REQUEST.format(problems=_bullets(problems)))]
        raise LLMError("Gemini's schema was still invalid after one repair: " + "; ".join(problems[:10]))
    finally:
        if owns_client:
            await client.aclose()


def check_answer(text: str) -> tuple[GeminiExtraction | None, list[str]]:
    """Parse and validate one answer; returns (answer, []) or (None, problems found)."""
    try:
        data = json.loads(_strip_code_fence(text))
    except json.JSONDecodeError as exc:
        return None, [f"the answer is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"]
    if not isinstance(data, dict):
        return None, ["the answer must be a JSON object with total_rows and schema"]
    if "schema" not in data and ("fields" in data or "tables" in data):
        data = {"total_rows": None, "schema": data}  # a bare schema document is fine too
    try:
        answer = GeminiExtraction.model_validate(data)
    except ValidationError as exc:
        return None, [str(p) for p in SchemaValidationError.from_pydantic(exc).problems]
    engine_problems = _compile_problems(answer.schema_)
    if engine_problems:
        return None, engine_problems
    return answer, []


def _compile_problems(schema: DatasetSchema | RelationalSchema) -> list[str]:
    """Rules only the engine checks (expressions, patterns, references; for several tables keys, links and
    cycles via parse_relational/compile_relational): problems, or none."""
    try:
        from src.engine import compile_schema
        from src.engine.relational import compile_relational
    except ImportError:  # the engine is optional here: pydantic has already checked the structure
        return []
    try:
        if is_relational(schema):
            first_rows = schema.tables[0].rows
            compile_relational(schema, seed=0, root_rows=None if first_rows else 10)
        else:
            compile_schema(schema)
    except SchemaValidationError as exc:
        return [f"schema.{p}" if p.loc else str(p) for p in exc.problems]
    return []


def _strip_code_fence(text: str) -> str:
    match = re.fullmatch(r"\s*```(?:json)?\s*(.*?)\s*```\s*", text, flags=re.DOTALL)
    return match.group(1) if match else text


def _bullets(problems: list[str]) -> str:
    return "\n".join(f"- {p}" for p in problems[:30])
