"""The one place domain errors become HTTP answers. Every error body is an ErrorResponse."""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from src.errors import (
    AuthenticationError,
    InvalidJobTransitionError,
    JobNotFoundError,
    LLMError,
    LLMUnavailableError,
    OperationTimeoutError,
    QuotaExceededError,
    SavedSchemaNotFoundError,
    SchemaValidationError,
    StorageError,
    SynthError,
)
from src.jobs.store import JobStoreError
from src.schemas.api import ErrorResponse, ProblemDetail
from src.schemas.key_hints import explain_unknown_key

logger = logging.getLogger("synthgen.api")

# Most specific first: the first matching class decides.
_STATUS_BY_ERROR: list[tuple[type[SynthError], int, str]] = [
    (SchemaValidationError, 422, "validation_error"),
    (AuthenticationError, 401, "unauthorized"),
    (QuotaExceededError, 429, "quota_exceeded"),
    (JobNotFoundError, 404, "not_found"),
    (SavedSchemaNotFoundError, 404, "not_found"),
    (InvalidJobTransitionError, 409, "invalid_transition"),
    (LLMUnavailableError, 503, "llm_unavailable"),
    (LLMError, 502, "llm_error"),
    (OperationTimeoutError, 503, "timeout"),
    (JobStoreError, 503, "database_error"),
    (StorageError, 500, "storage_error"),
]

_UNION_MEMBER_TAGS = {"str", "int", "float", "bool", "list", "dict", "none"}

_ERROR_CODE_BY_STATUS = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
                         409: "invalid_transition", 413: "too_large", 422: "validation_error",
                         429: "quota_exceeded"}


def build_error_response(status_code: int, error: str, detail: str,
                   problems: list[ProblemDetail] | None = None) -> JSONResponse:
    """A JSON error answer in the API's one error shape."""
    body = ErrorResponse(error=error, detail=detail, problems=problems or [])
    return JSONResponse(status_code=status_code, content=body.model_dump())


def format_loc(loc: tuple | list) -> str:
    """``("body", "schema", "fields", 0, "type")`` -> ``schema.fields[0].type``."""
    parts: list[str] = []
    for item in loc:
        if item == "body" and not parts:
            continue
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def _describe_validation_error(err: dict) -> ProblemDetail:
    loc = list(err.get("loc", ()))
    # Pydantic puts a field-type union member (e.g. "function-after[...]") in the path; drop those.
    loc = [p for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function-")))]
    if len(loc) > 1 and loc[-1] in _UNION_MEMBER_TAGS and err.get("type") != "extra_forbidden":
        loc = loc[:-1]  # "min_value.float": one member of a union; the problem is min_value's
    message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
    if err.get("type") == "extra_forbidden":
        message = explain_unknown_key(loc) or message
    if err.get("type") == "json_invalid":
        ctx = err.get("ctx") or {}
        return ProblemDetail(loc="body", message=f"malformed JSON: {ctx.get('error', message)}")
    return ProblemDetail(loc=format_loc(loc) or "body", message=message)


async def _handle_request_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    messages: dict[str, list[str]] = {}
    for error in exc.errors():  # a union's members each report; one problem per place reads better
        problem = _describe_validation_error(error)
        if problem.message not in messages.setdefault(problem.loc, []):
            messages[problem.loc].append(problem.message)
    problems = [ProblemDetail(loc=loc, message=" or ".join(found)) for loc, found in messages.items()]
    detail = "; ".join(f"{p.loc}: {p.message}" for p in problems) or "invalid request"
    return build_error_response(422, "validation_error", detail, problems)


async def _handle_synth_error(request: Request, exc: SynthError) -> JSONResponse:
    for error_type, status_code, code in _STATUS_BY_ERROR:
        if isinstance(exc, error_type):
            break
    else:
        status_code, code = 500, "internal_error"
    problems = None
    if isinstance(exc, SchemaValidationError):
        problems = [ProblemDetail(loc=p.loc, message=p.message) for p in exc.problems]
    if status_code >= 500:
        logger.error("%s %s failed: %s", request.method, request.url.path, exc, exc_info=exc)
    response = build_error_response(status_code, code, str(exc), problems)
    if status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="synthgen"'
    return response


async def _handle_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    if exc.status_code == 400:
        # FastAPI answers 400 when a body cannot be parsed other than by JSONDecodeError (bytes that
        # are not UTF-8, nesting deeper than Python's stack, a broken multipart form): malformed input
        # like any other, so a 422 at `body`.
        if request.headers.get("content-type", "").startswith("multipart/"):
            message = "malformed multipart form: send the file as a form field named 'file'"
        else:
            message = f"malformed JSON: {_describe_body_error(exc.__cause__)}"
        problem = ProblemDetail(loc="body", message=message)
        return build_error_response(422, "validation_error", f"body: {problem.message}", [problem])
    code = _ERROR_CODE_BY_STATUS.get(exc.status_code, "http_error")
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
    response = build_error_response(exc.status_code, code, detail)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


def _describe_body_error(cause: BaseException) -> str:
    if isinstance(cause, UnicodeDecodeError):
        return f"the body is not UTF-8 text (byte 0x{cause.object[cause.start]:02x} at position {cause.start})"
    if isinstance(cause, RecursionError):
        return "the body nests arrays or objects too deeply"
    return "the body cannot be read as JSON"


async def _handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return build_error_response(500, "internal_error", "internal server error; see logs/api.log")


def install_error_handlers(app: FastAPI) -> None:
    """Register every handler: domain errors, request validation, HTTP errors and a catch-all."""
    app.add_exception_handler(RequestValidationError, _handle_request_validation)
    app.add_exception_handler(SynthError, _handle_synth_error)
    app.add_exception_handler(StarletteHTTPException, _handle_http_error)
    app.add_exception_handler(Exception, _handle_unexpected)
