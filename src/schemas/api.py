"""Request and response bodies of the REST API (the brief's paths, fields and status names)."""

from __future__ import annotations

import enum
from datetime import datetime, timezone
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator

from src.schemas.fields import MAX_SEED, DatasetSchema
from src.schemas.relational import RelationalSchema, is_relational


def _document_kind(value: Any) -> str:
    return "document[tables]" if is_relational(value) else "document[fields]"


# One table ({"fields": [...]}) or several ({"tables": [...]}). The tags hold "[" so error locations
# skip them (schema.tables[1].rows, not schema.document[tables].tables[1].rows).
SchemaDocument = Annotated[
    Union[Annotated[DatasetSchema, Tag("document[fields]")], Annotated[RelationalSchema, Tag("document[tables]")]],
    Discriminator(_document_kind),
]


def _with_utc_zone(moment: datetime) -> datetime:
    """Stored times are UTC; a naive one gets its zone so the answer is a valid RFC 3339 date-time."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


UtcDatetime = Annotated[datetime, AfterValidator(_with_utc_zone)]


def _check_display_name(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be blank")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError("must be one line of text (no control characters)")
    return value


# A name a person gives a job or a saved schema: one line, trimmed, 1 to 200 characters.
DisplayName = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_check_display_name)]
OutputFormat = Literal["csv", "json", "jsonl", "parquet", "sql"]
SqlDialect = Literal["postgres", "mysql", "sqlite", "duckdb"]
ControlAction = Literal["pause", "resume", "cancel"]


class JobStatus(str, enum.Enum):
    """The life cycle of a generation job (the brief's status names)."""

    PENDING = "pending"
    GENERATING = "generating"
    PAUSED = "paused"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in (JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED)


class JobCreateRequest(BaseModel):
    """POST /jobs/create."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    schema_: SchemaDocument = Field(..., alias="schema", description="The schema document: one table "
                                    "({fields}) or several related tables ({tables}).")
    total_rows: int | None = Field(None, gt=0, description="Rows to generate (at most MAX_ROWS); for "
                                   "several tables the first table's row count (optional when it gives rows).")
    chunk_size: int = Field(1000, gt=0, description="Rows per chunk (at most MAX_CHUNK_SIZE).")
    output_format: OutputFormat = Field("csv", description="csv, json, jsonl, parquet or sql (CREATE TABLE "
                                        "+ INSERTs in sql_dialect).")
    sql_dialect: SqlDialect = Field("postgres", description="output_format sql: the SQL dialect.")
    target: str | None = Field(None, max_length=64, description="Also write the rows into this database: "
                               "a name from the DATABASE_TARGETS setting (never a URL). Parent tables the "
                               "schema references but does not hold are read from it (their keys and the "
                               "columns rules read), never written.")
    seed: int | None = Field(None, ge=0, le=MAX_SEED, description="Overrides the schema's seed.")
    csv_formula_guard: bool = Field(
        False, description="CSV/JSON/JSONL: prefix text cells starting with = + - @ (or tab, CR) with ' "
        "so spreadsheets do not run them as formulas. Off: values stay exact.")
    name: DisplayName | None = Field(None, description="A name for the job (shown in lists; the download "
                                     "is called <name>_<creation date>.<ext>).")


class JobCreateResponse(BaseModel):
    job_id: str
    status: JobStatus
    message: str


class JobStatusResponse(BaseModel):
    """GET /jobs/{job_id}/status and each item of GET /jobs/."""

    job_id: str
    name: str | None = Field(None, description="The name given at creation, if any.")
    status: JobStatus
    rows_generated: int
    total_rows: int
    chunks_completed: int
    total_chunks: int
    progress_percentage: float
    chunk_size: int
    output_format: OutputFormat
    seed: int = Field(..., description="The seed the rows come from (drawn at random when none was "
                                       "given): the same schema, seed and row count give the same data.")
    rows_per_second: float | None = Field(None, description="Rows generated per second of active run "
                                          "time (active_seconds); none while paused or pending.")
    active_seconds: float = Field(0.0, description="Time the job has spent generating (paused and queued "
                                  "time excluded), up to now while it runs.")
    eta_seconds: float | None = Field(None, description="Estimated seconds left while generating.")
    error_message: str | None = Field(None, description="Why a failed job failed.")
    tables: dict[str, TableProgress] | None = Field(None, description="Multi-table jobs: rows per table, "
                                                    "parents first (total_rows is their sum).")
    llm_calls: int = 0
    tokens_used: int = 0
    created_at: UtcDatetime
    updated_at: UtcDatetime
    started_at: UtcDatetime | None = None
    completed_at: UtcDatetime | None = None
    output_version: int = Field(..., description="Engine output version the rows were made with: "
                                                 "seed + output_version identify a dataset.")
    csv_formula_guard: bool = False
    warnings: list[str] = Field(default_factory=list,
                                description="Notes on the run, e.g. a restart after an output version change.")
    sql_dialect: str | None = Field(None, description="output_format sql: the SQL dialect of the file.")
    target: str | None = Field(None, description="The DATABASE_TARGETS name the rows are also written "
                                                 "into (its name only, never its URL).")
    file_name: str = Field(..., description="What GET /jobs/{job_id}/download calls the file "
                                            "(<name>_<creation date>.<ext> for a named job; a zip for several tables).")


class TableProgress(BaseModel):
    """One table of a multi-table job."""

    rows: int
    rows_generated: int
    file_name: str = Field(..., description="What the download of this table alone (?table=) is called.")


class JobListResponse(BaseModel):
    """GET /jobs/: newest first, one page of ``limit`` jobs after the first ``offset``."""

    jobs: list[JobStatusResponse]
    count: int = Field(description="Jobs on this page.")
    total: int = Field(description="Jobs in the whole listing (of the status asked for, if any).")
    offset: int = Field(description="Jobs skipped before this page.")
    limit: int = Field(description="The page size asked for.")


class PreviewField(BaseModel):
    """How to show one preview column: JSON writes 1572.10 as 1572.1, so the decimals are said here."""

    name: str
    type: str = Field(..., description="The field's type in the job's schema (price, date, ...).")
    decimals: int | None = Field(None, description="Digits after the point its values are written with "
                                                   "(none for columns that are not decimal numbers).")


class JobPreviewResponse(BaseModel):
    """GET /jobs/{job_id}/preview: the first rows generated so far."""

    job_id: str
    status: JobStatus
    total_rows: int
    preview_rows: int
    table: str | None = Field(None, description="Multi-table jobs: the table shown.")
    tables: list[str] | None = Field(None, description="Multi-table jobs: every table, parents first.")
    columns: list[str]
    fields: list[PreviewField] = Field(default_factory=list, description="Each column's type and decimals, "
                                       "in column order, so a client can format the values.")
    data: list[dict[str, Any]]


class JobControlRequest(BaseModel):
    """POST /jobs/{job_id}/control. ``job_id`` may be left out; when given it must match the path."""

    model_config = ConfigDict(extra="forbid")

    job_id: str | None = None
    action: ControlAction


class JobControlResponse(BaseModel):
    job_id: str
    action: ControlAction
    status: JobStatus
    message: str


class JobDeleteResponse(BaseModel):
    job_id: str
    deleted: bool = True
    message: str


class HealthResponse(BaseModel):
    status: Literal["healthy"] = "healthy"
    version: str
    storage_type: str
    running_jobs: int
    pending_jobs: int
    max_concurrent_jobs: int
    database: str = Field("ok", description='"ok", or "error: ..." after the job database failed a write.')


class ProblemDetail(BaseModel):
    loc: str
    message: str


class ErrorResponse(BaseModel):
    """Every error answer: a machine-readable code, a sentence, and for 422 the list of problems."""

    error: str
    detail: str
    problems: list[ProblemDetail] = Field(default_factory=list)


class DownloadLinkResponse(BaseModel):
    """POST /jobs/{job_id}/download-link: a URL that downloads the file without a key until it expires."""

    job_id: str
    url: str = Field(..., description="GET this URL (no key needed) to download the finished file.")
    expires_at: datetime = Field(..., description="When the link stops working (UTC, zone-aware).")
