"""Settings come from a real `.env` in the working directory, the environment wins over it, and
`.env.example` lists every setting (and only ones something reads) and loads unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from src.config import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]
ENV_NAMES = [name.upper() for name in Settings.model_fields]


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """A temp working directory and no setting in the environment."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_settings_read_a_dotenv_in_the_working_directory(clean_env):
    (clean_env / ".env").write_text(
        "# comment\nMAX_ROWS=1234\nSTORAGE_TYPE=memory\nLLM_PROVIDER=offline\nGEMINI_API_KEY=from-dotenv\n"
        "DATABASE_PATH=./db/jobs.sqlite3\nCORS_ORIGINS=http://ui.example,http://other.example\nGEMINI_TIMEOUT=2.5\n",
        encoding="utf-8")
    settings = Settings()
    assert settings.max_rows == 1234
    assert settings.storage_type == "memory" and settings.llm_provider == "offline"
    assert settings.gemini_api_key == "from-dotenv"
    assert settings.database_path == clean_env.resolve() / "db" / "jobs.sqlite3"  # resolved once, at start
    assert settings.cors_origins == ["http://ui.example", "http://other.example"] and settings.gemini_timeout == 2.5


def test_environment_overrides_dotenv(clean_env, monkeypatch):
    (clean_env / ".env").write_text("MAX_ROWS=1234\nJOB_MAX_CONCURRENT_JOBS=3\n", encoding="utf-8")
    monkeypatch.setenv("MAX_ROWS", "99")
    settings = Settings()
    assert settings.max_rows == 99 and settings.job_max_concurrent_jobs == 3


def test_without_dotenv_the_defaults_hold(clean_env):
    settings = Settings()
    assert settings.max_rows == Settings.model_fields["max_rows"].default
    assert settings.storage_type == "disk" and settings.gemini_api_key is None


def test_a_bad_value_in_dotenv_names_the_setting(clean_env):
    (clean_env / ".env").write_text("JOB_MAX_CONCURRENT_JOBS=0\nSTORAGE_TYPE=floppy\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Settings()
    assert {e["loc"][0] for e in info.value.errors()} == {"job_max_concurrent_jobs", "storage_type"}


def test_env_example_lists_every_setting_and_loads_as_a_dotenv(clean_env):
    example = (REPO_ROOT / ".env.example").read_text(encoding="utf-8")
    listed = {line.lstrip("# ").split("=", 1)[0] for line in example.splitlines()
              if "=" in line and line.lstrip("# ").split("=", 1)[0].isupper()}
    assert set(ENV_NAMES) <= listed
    start_sh = (REPO_ROOT / "start.sh").read_text(encoding="utf-8")
    for name in listed - set(ENV_NAMES):  # not a Settings field: then ./start.sh reads it
        assert name in start_sh, f"{name} is in .env.example but nothing reads it"
    (clean_env / ".env").write_text(example, encoding="utf-8")
    settings = Settings()
    assert settings.max_rows == 100_000_000 and settings.storage_type == "disk"
