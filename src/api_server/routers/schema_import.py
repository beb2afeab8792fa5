"""POST /schema/from-ddl and POST /schema/from-sample: a schema document from existing data.

Both answer the shape of /schema/extract (``schema``, ``total_rows``, ``provider``, ``warnings``).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, File, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, field_validator

from src.api_server.openapi import error_responses
from src.errors import SchemaValidationError
from src.importers.ddl import MAX_DDL_CHARS
from src.importers.model import DEFAULT_ROWS, ImportResult

router = APIRouter(prefix="/schema", tags=["schema"])

MAX_SAMPLE_BYTES = 50 * 1024 * 1024


class ImportedSchema(BaseModel):
    """A schema made from DDL (relational ``tables``) or a sample (``fields``), with what was not honoured."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: dict[str, Any] = Field(..., alias="schema")
    total_rows: int | None = None
    provider: str
    warnings: list[str] = Field(default_factory=list)


class DdlRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ddl: str = Field(..., min_length=1, max_length=MAX_DDL_CHARS, description="CREATE TABLE statements.")
    dialect: Literal["postgres", "mysql", "sqlite"] = Field("postgres", description="The DDL's SQL dialect.")
    rows: int = Field(DEFAULT_ROWS, gt=0, description="Rows of each table without a foreign key.")

    @field_validator("ddl")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the DDL is blank")
        return value


def _answer(result: ImportResult, provider: str) -> ImportedSchema:
    return ImportedSchema(schema=result.document, total_rows=result.total_rows, provider=provider,
                          warnings=result.warnings)


@router.post("/from-ddl", response_model=ImportedSchema, response_model_by_alias=True,
             responses=error_responses(413, 422))
async def from_ddl(request: DdlRequest) -> ImportedSchema:
    """CREATE TABLE statements -> a relational schema document; rules not honoured are in ``warnings``."""
    from src.importers.ddl import import_ddl

    result = await run_in_threadpool(import_ddl, request.ddl, request.dialect, rows=request.rows)
    return _answer(result, "ddl")


@router.post("/from-sample", response_model=ImportedSchema, response_model_by_alias=True,
             responses=error_responses(413, 422))
async def from_sample(file: UploadFile = File(..., description="A .csv, .tsv or .parquet sample.")) -> ImportedSchema:
    """A sample file -> a single-table schema; values are copied only as rounded bounds and frequent
    categories, never personal or free text."""
    from src.importers.sample import import_sample

    data = await file.read(MAX_SAMPLE_BYTES + 1)
    if len(data) > MAX_SAMPLE_BYTES:
        raise SchemaValidationError.single("file", f"the sample is larger than {MAX_SAMPLE_BYTES // 2**20} MiB")
    result = await run_in_threadpool(import_sample, data, file.filename or "sample.csv")
    return _answer(result, "sample")
