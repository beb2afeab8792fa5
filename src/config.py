"""Settings from the environment and `.env`, with the brief's names (pydantic-settings)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

UI_ORIGINS = ["http://localhost:8501", "http://127.0.0.1:8501"]


class Settings(BaseSettings):
    """Every knob of the service. `.env.example` lists each one."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Gemini (optional: without a key everything runs offline)
    gemini_api_key: str | None = Field(None, description="Enables Gemini for extraction and text pools.")
    gemini_model: str = "gemini-3.8-flash"  # the current stable (GA) Flash model; 3.5 Flash is deprecated
    gemini_base_url: str | None = Field(None, description="Proxy or local stand-in for the Gemini API.")
    gemini_max_retries: int = Field(3, ge=0, le=10, description="Retries on 429 and 5xx answers.")
    gemini_timeout: float = Field(60.0, gt=0, description="Seconds one LLM call may take, retries included.")
    llm_provider: Literal["auto", "offline", "gemini"] = "auto"

    # Rate limiting (one limiter per process)
    rate_limit_requests_per_minute: int = Field(60, ge=1)
    rate_limit_tokens_per_minute: int = Field(1_000_000, ge=1)

    # Jobs
    job_max_concurrent_jobs: int = Field(5, ge=1, le=64)
    job_cleanup_days: int = Field(7, ge=0)
    max_rows: int = Field(100_000_000, ge=1)
    max_chunk_size: int = Field(1_000_000, ge=1)
    job_segment_rows: int = Field(
        131_072, ge=1, description="Rows the job manager generates per engine call and stored file; "
        "small user chunks are grouped up to this size (progress still counts user chunks).")
    job_workers: int = Field(
        1, ge=0, le=64, description="Processes making a job's rows: 1 = in the job's own thread, 0 = one "
        "per usable core; the output is the same bytes for any count.")
    dask_scheduler_address: str | None = Field(
        None, description="tcp://host:8786: jobs' engine calls run as tasks on this Dask cluster.")
    dask_output_path: Path | None = Field(
        None, description="With DASK_SCHEDULER_ADDRESS: a folder the API and every Dask worker share; "
        "csv/json/jsonl/parquet jobs are then written there by the cluster as part files, <job id>/part-*.")
    dask_part_rows: int = Field(
        1_000_000, ge=1, description="Rows per part file of a job written on the cluster (rounded up to "
        "whole segments).")
    job_thread_nice: int = Field(
        0, ge=0, le=19, description="Nice value added to generation/writer threads (Linux) so the "
        "API answers promptly on a busy machine; 0 leaves them at normal priority.")
    job_segment_bytes: int = Field(
        32 * 2**20, ge=2**16, description="Estimated bytes per engine call and stored segment: wide "
        "rows make smaller segments, so memory stays bounded whatever the row width.")
    max_row_bytes: int = Field(64 * 2**10, ge=64, description="Largest estimated size of one row; "
                               "a schema past it is refused with a 422.")
    job_cleanup_interval_seconds: float = Field(3600.0, gt=0, description="How often old jobs are removed.")
    extract_timeout_seconds: float = Field(
        30.0, gt=0, description="Seconds POST /schema/extract may take before it answers 503.")
    extract_max_concurrent: int = Field(2, ge=1, le=16, description="Offline extractions run at once; "
                                        "more wait for a free slot (within the timeout).")

    # Where data lives: every path defaults to a place under DATA_DIR, resolved once to an absolute
    # path, so two instances started from different folders never share (or wipe) each other's files.
    data_dir: Path = Path("./data")
    database_path: Path | None = Field(None, description="Default: DATA_DIR/jobs.sqlite3.")
    database_busy_timeout_seconds: float = Field(
        5.0, ge=0, description="How long a write waits for a locked SQLite file before it fails.")
    job_max_queued_jobs: int = Field(
        100, ge=1, description="Jobs pending or generating at once; past it /jobs/create answers 429.")
    job_max_queued_rows: int = Field(
        1_000_000_000, ge=1, description="Rows still to generate over pending and generating jobs; "
        "past it /jobs/create answers 429.")

    # Storage
    storage_type: Literal["disk", "memory"] = "disk"
    temp_path: Path | None = Field(None, description="Default: DATA_DIR/temp.")
    output_path: Path | None = Field(None, description="Default: DATA_DIR/output.")
    memory_storage_max_bytes: int = Field(
        1 * 2**30, ge=2**20, description="STORAGE_TYPE=memory: most bytes of datasets held in RAM; a "
        "job that would pass it is refused before it starts (422), one that outgrows its estimate fails.")

    # Service
    api_host: str = "127.0.0.1"
    api_port: int = 8080
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(UI_ORIGINS),
        description="Browser origins allowed by CORS, comma-separated; default the UI's own origin.")
    max_request_bytes: int = Field(
        8 * 1024 * 1024, ge=1, description="Largest request body; larger ones get 413 before parsing.")

    # Access
    api_key: SecretStr | None = Field(
        None, description="One key or several, comma-separated; when set every route but /health "
        "needs X-API-Key or Authorization: Bearer. The UI sends it too.")
    download_link_secret: SecretStr | None = Field(
        None, description="Signs download links; default derived from API_KEY, else random per process.")
    download_link_ttl_seconds: int = Field(900, ge=1, le=7 * 24 * 3600,
                                           description="How long a signed download link works.")
    public_api_url: str | None = Field(
        None, description="The API's address as a browser reaches it (signed download links).")
    log_level: str = "INFO"
    log_dir: Path | None = Field(None, description="Default: DATA_DIR/logs.")
    gil_switch_interval: float = Field(
        0.001, gt=0, le=0.1, description="sys.setswitchinterval for the API process: keeps requests "
        "fast while generation threads run.")

    # Databases jobs may write into (src/databases): name -> URL, chosen by name in /jobs/create
    database_targets: Annotated[dict[str, str], NoDecode] = Field(
        default_factory=dict, description="Databases jobs may write into: a JSON object or "
        "name=url,name=url (postgresql://, sqlite:///, duckdb:///); ${VAR} in a URL is read from the "
        "environment, and PostgreSQL also takes PGPASSWORD/PGPASSFILE.")
    max_target_parent_rows: int = Field(
        100_000, ge=1, description="Most rows of a parent table only in a job's target that the job reads "
        "and stores for its children to point at; a larger table is refused (422 at target).")

    # UI
    api_base_url: str = "http://localhost:8080"
    ui_download_link_rows: int = Field(
        5_000_000, ge=1, description="Monitor Jobs: a file of more rows than this reaches the browser "
        "straight from the API (a signed link at PUBLIC_API_URL), never through the UI server.")

    # Tests only: holds every job's segments until the test releases them (src/jobs/gate.py).
    synthgen_test_gate_dir: Path | None = None

    @model_validator(mode="after")
    def _derive_paths(self) -> Settings:
        """Resolve DATA_DIR once and fill the paths that were not set on their own from it."""
        self.data_dir = self.data_dir.expanduser().resolve()
        defaults = {"database_path": "jobs.sqlite3", "temp_path": "temp", "output_path": "output",
                    "log_dir": "logs"}
        for name, leaf in defaults.items():
            value = getattr(self, name)
            setattr(self, name, (self.data_dir / leaf) if value is None else value.expanduser().resolve())
        return self

    @field_validator("cors_origins", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("database_targets", mode="before")
    @classmethod
    def split_targets(cls, value: object) -> object:
        if isinstance(value, str):
            from src.databases.settings import parse_targets_setting

            return parse_targets_setting(value)
        return value

    @property
    def api_keys(self) -> tuple[str, ...]:
        """The accepted API keys (empty: the API is open)."""
        if self.api_key is None:
            return ()
        return tuple(key.strip() for key in self.api_key.get_secret_value().split(",") if key.strip())


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
