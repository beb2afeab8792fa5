"""Signed download links: an HMAC token that lets one job's file be fetched without a key until it expires.

A token is ``<expiry as unix seconds>.<base64url HMAC-SHA256 of "download:<job id>:<expiry>">``. The
signing secret is DOWNLOAD_LINK_SECRET when set, else derived from the API keys (so every process with
the same keys accepts the same links), else random for this process (links end with it).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from src.config import Settings
from src.errors import AuthenticationError

_PROCESS_SECRET = secrets.token_bytes(32)


def derive_link_secret(settings: Settings) -> bytes:
    """The key download tokens are signed with (see the module docstring for where it comes from)."""
    if settings.download_link_secret is not None and settings.download_link_secret.get_secret_value():
        return settings.download_link_secret.get_secret_value().encode()
    if settings.api_keys:
        material = "\n".join(sorted(settings.api_keys)).encode()
        return hmac.new(material, b"synthgen download links v1", hashlib.sha256).digest()
    return _PROCESS_SECRET


def _sign(secret: bytes, job_id: str, expires: int) -> str:
    digest = hmac.new(secret, f"download:{job_id}:{expires}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def create_download_token(secret: bytes, job_id: str, ttl_seconds: int,
                          now: datetime | None = None) -> tuple[str, datetime]:
    """A token for ``job_id`` and the zone-aware UTC time it stops working."""
    now = now or datetime.now(UTC)
    expires = int(now.timestamp()) + ttl_seconds
    return f"{expires}.{_sign(secret, job_id, expires)}", datetime.fromtimestamp(expires, UTC)


def verify_download_token(secret: bytes, job_id: str, token: str, now: datetime | None = None) -> None:
    """Return when ``token`` is a live link for ``job_id``; AuthenticationError otherwise."""
    expires_text, _, signature = token.partition(".")
    if not expires_text.isdigit() or not signature:
        raise AuthenticationError("download link token is malformed")
    expires = int(expires_text)
    if not hmac.compare_digest(signature.encode(), _sign(secret, job_id, expires).encode()):
        raise AuthenticationError("download link token is invalid for this job")
    now = now or datetime.now(UTC)
    if now.timestamp() >= expires:
        ended = datetime.fromtimestamp(expires, UTC)
        raise AuthenticationError(f"download link expired at {ended.isoformat()}; ask for a new one")
