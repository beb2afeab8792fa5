"""POST /schema/sample: a few rows of a schema document, made at once (no job), for editors."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, StrictInt

from src.api_server.openapi import error_responses
from src.errors import SchemaValidationError
from src.jobs.preview_fields import read_decimals
from src.schemas.fields import MAX_SEED
from src.schemas.api import SchemaDocument
from src.schemas.relational import RelationalSchema

router = APIRouter(prefix="/schema", tags=["schema"])

MIN_SAMPLE_ROWS = 3
MAX_SAMPLE_ROWS = 20


class SampleRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    schema_: SchemaDocument = Field(..., alias="schema", description="One table ({fields}) or several ({tables}).")
    rows: StrictInt = Field(MIN_SAMPLE_ROWS, ge=MIN_SAMPLE_ROWS, le=MAX_SAMPLE_ROWS,
                      description="Rows to make (of each table).")
    seed: StrictInt | None = Field(None, ge=0, le=MAX_SEED, description="Default: the schema's seed, else a "
                             "fixed one, so the same schema gives the same sample.")


class SampleResponse(BaseModel):
    rows: list[dict[str, Any]] = Field(..., description="The first rows (of the first table).")
    tables: dict[str, list[dict[str, Any]]] | None = Field(None, description="Multi-table documents: "
                                                           "the first rows of each table, parents first.")
    decimals: dict[str, int] = Field(default_factory=dict, description="Digits after the point of each "
                                     "decimal column, as files write them (JSON writes 1572.10 as 1572.1): "
                                     "by column name, or 'table.column' for multi-table documents.")


def make_sample(request: SampleRequest) -> SampleResponse:
    """The first ``rows`` rows of the document (each table's), as a job with the same seed makes them."""
    try:
        return _generate(request)
    except (ValueError, ArithmeticError, pa.ArrowException) as err:  # a rule the engine cannot make
        raise SchemaValidationError.single("schema", f"the schema compiles but its rows cannot be made: {err}") \
            from None


def _generate(request: SampleRequest) -> SampleResponse:
    from src.engine import compile_schema
    from src.engine.relational.compile import compile_relational

    doc = request.schema_
    if isinstance(doc, RelationalSchema):
        plan = compile_relational(doc, seed=request.seed, root_rows=request.rows)
        batches = {name: table.generate_chunk(0, min(request.rows, table.rows)) for name, table in plan.tables.items()}
        tables = {name: batch.to_pylist() for name, batch in batches.items()}
        decimals = {f"{name}.{column}": places for name, batch in batches.items()
                    for column, places in read_decimals(batch.schema).items()}
        return SampleResponse(rows=tables[doc.tables[0].name], tables=tables, decimals=decimals)
    batch = compile_schema(doc, seed=request.seed).generate_chunk(0, request.rows)
    return SampleResponse(rows=batch.to_pylist(), decimals=read_decimals(batch.schema))


@router.post("/sample", response_model=SampleResponse, response_model_exclude_none=True,
             responses=error_responses(413, 422))
async def sample(request: SampleRequest) -> SampleResponse:
    """A few rows of a schema, to check it while editing: every rule of the schema holds on them."""
    return await run_in_threadpool(make_sample, request)
