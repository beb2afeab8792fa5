"""Download-link tokens: bound to one job and one expiry, signed with the configured secret."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from src.config import Settings
from src.errors import AuthenticationError
from src.jobs.signing import create_download_token, derive_link_secret, verify_download_token

JOB = "3f2b8a4e-0c1d-4e5f-8a9b-0c1d2e3f4a5b"
OTHER = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_token_works_for_its_job_until_it_expires():
    token, expires_at = create_download_token(b"s", JOB, 900, now=NOW)
    assert expires_at == NOW + timedelta(seconds=900) and expires_at.tzinfo is UTC
    verify_download_token(b"s", JOB, token, now=NOW + timedelta(seconds=899))
    with pytest.raises(AuthenticationError, match="expired at 2026-12-01T12:15:00\\+00:00"):
        verify_download_token(b"s", JOB, token, now=NOW + timedelta(seconds=900))
    for secret, job, bad in ((b"s", OTHER, token), (b"other", JOB, token),
                             (b"s", JOB, token.replace(token.split(".")[0], str(int(token.split(".")[0]) + 1)))):
        with pytest.raises(AuthenticationError, match="invalid for this job"):
            verify_download_token(secret, job, bad, now=NOW)
    for malformed in ("", "abc", "123.", ".sig", "12a.sig"):
        with pytest.raises(AuthenticationError, match="malformed"):
            verify_download_token(b"s", JOB, malformed, now=NOW)


def test_secret_comes_from_the_setting_then_the_keys_then_the_process():
    base = {"_env_file": None}
    explicit = Settings(**base, download_link_secret="chosen", api_key="k1")
    assert derive_link_secret(explicit) == b"chosen"
    from_keys = derive_link_secret(Settings(**base, api_key="k1,k2"))
    assert from_keys == derive_link_secret(Settings(**base, api_key=" k2 , k1"))  # order and spaces
    assert from_keys != derive_link_secret(Settings(**base, api_key="k1"))
    assert b"k1" not in from_keys  # the key itself is not the secret
    open_api = derive_link_secret(Settings(**base))
    assert open_api == derive_link_secret(Settings(**base, download_link_secret=""))  # same process
    assert len(open_api) == 32 and open_api not in (from_keys,)
