"""Every setting is in .env.example; every access setting and limit is in the README too."""

from pathlib import Path

from src.config import Settings

ROOT = Path(__file__).parents[1]
ACCESS_AND_LIMITS = ("API_KEY", "DOWNLOAD_LINK_SECRET", "DOWNLOAD_LINK_TTL_SECONDS", "PUBLIC_API_URL",
                     "CORS_ORIGINS", "MAX_REQUEST_BYTES", "JOB_MAX_QUEUED_JOBS", "JOB_MAX_QUEUED_ROWS",
                     "MAX_ROWS", "MAX_CHUNK_SIZE")


def test_every_setting_is_in_env_example():
    names = {line.lstrip("# ").split("=", 1)[0] for line in (ROOT / ".env.example").read_text().splitlines()
             if "=" in line}
    missing = [n.upper() for n in Settings.model_fields if n.upper() not in names]
    assert not missing, f".env.example lacks {missing}"


def test_access_settings_and_limits_are_in_the_readme_with_their_defaults():
    readme = (ROOT / "README.md").read_text()
    assert [n for n in ACCESS_AND_LIMITS if f"`{n}`" not in readme] == []
    defaults = Settings(_env_file=None)
    for name in ("max_request_bytes", "job_max_queued_jobs", "job_max_queued_rows"):
        assert f"| `{name.upper()}` | {getattr(defaults, name)}" in readme, name
    assert "default 900 = 15 minutes" in readme and defaults.download_link_ttl_seconds == 900
