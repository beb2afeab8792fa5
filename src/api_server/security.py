"""Who may call the API: API keys (X-API-Key or Authorization: Bearer) and signed download links.

``require_access`` is a router dependency, so FastAPI lists both schemes in the OpenAPI document and
Swagger UI's Authorize button works. Keys are compared in constant time and never logged or echoed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import uuid
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from src.api_server.deps import get_app_settings
from src.errors import AuthenticationError
from src.jobs.signing import verify_download_token

# Routes whose `?token=` (from POST /jobs/{id}/download-link) stands in for a key.
SIGNED_LINK_ROUTES = frozenset({"download_job"})

api_key_header = APIKeyHeader(name="X-API-Key", scheme_name="ApiKeyHeader", auto_error=False,
                              description="One of the keys in API_KEY.")
bearer_token = HTTPBearer(scheme_name="BearerToken", auto_error=False,
                          description="`Authorization: Bearer <key>` with one of the keys in API_KEY.")


_TOKEN_IN_QUERY = re.compile(r"(?<=[?&]token=)[^&\s]+")


class RedactTokenFilter(logging.Filter):
    """Hides download-link tokens in uvicorn's access log lines (they open a file while they live)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(a, str) and "token=" in a for a in record.args):
            record.args = tuple(_TOKEN_IN_QUERY.sub("<redacted>", a) if isinstance(a, str) else a
                                for a in record.args)
        return True


def install_token_redaction() -> None:
    """Add the filter to uvicorn's access logger once per process."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactTokenFilter) for f in access.filters):
        access.addFilter(RedactTokenFilter())


def match_api_key(presented: str, keys: tuple[str, ...]) -> bool:
    """True when ``presented`` is one of ``keys``; time does not depend on where they differ."""
    presented_digest = hashlib.sha256(presented.encode()).digest()
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(presented_digest, hashlib.sha256(key.encode()).digest())
    return matched


async def require_access(
    request: Request,
    header_key: Annotated[str | None, Security(api_key_header)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_token)],
) -> None:
    """Let the request through with a valid key, or a valid signed link on a download route."""
    token = request.query_params.get("token")
    route = request.scope.get("route")
    if token is not None and getattr(route, "name", None) in SIGNED_LINK_ROUTES:
        verify_download_token(request.app.state.link_secret, _canonical_job_id(request), token)
        return
    keys = get_app_settings(request).api_keys
    if not keys:
        return
    presented = header_key or (bearer.credentials if bearer is not None else None)
    if not presented:
        raise AuthenticationError("API key required: send `X-API-Key: <key>` or "
                                  "`Authorization: Bearer <key>` (see API_KEY)")
    if not match_api_key(presented, keys):
        raise AuthenticationError("API key not accepted")


def _canonical_job_id(request: Request) -> str:
    try:
        return str(uuid.UUID(str(request.path_params.get("job_id", ""))))
    except ValueError:
        raise AuthenticationError("download link token is invalid for this job") from None
