"""Settings from the environment and `.env`, with the brief's names (pydantic-settings)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the service. `.env.example` lists each one."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Gemini (optional: without a key everything runs offline)
    gemini_api_key: str | None = Field(None, description="Enables Gemini for extraction and text pools.")
    gemini_model: str = "gemini-3.5-flash"  # a current stable flash model (Gemini API model list)
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
    job_thread_nice: int = Field(
        0, ge=0, le=19, description="Nice value added to generation/writer threads (Linux) so the "
        "API answers promptly on a busy machine; 0 leaves them at normal priority.")
    job_cleanup_interval_seconds: float = Field(3600.0, gt=0, description="How often old jobs are removed.")
    database_path: Path = Path("./data/jobs.sqlite3")

    # Storage
    storage_type: Literal["disk", "memory"] = "disk"
    temp_path: Path = Path("./temp")
    output_path: Path = Path("./output")

    # Service
    api_host: str = "127.0.0.1"
    api_port: int = 8080
    cors_origins: list[str] = ["*"]
    log_level: str = "INFO"
    log_dir: Path = Path("./logs")
    gil_switch_interval: float = Field(
        0.001, gt=0, le=0.1, description="sys.setswitchinterval for the API process: keeps requests "
        "fast while generation threads run.")

    # UI
    api_base_url: str = "http://localhost:8080"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
