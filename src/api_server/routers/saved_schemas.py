"""/schemas: schema documents saved under a name (in the job database), to list, load, replace, delete."""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from src.api_server.deps import SavedSchemaStoreDep
from src.api_server.openapi import error_responses
from src.jobs.saved_schemas import SavedSchemaRecord, check_document
from src.schemas.saved import SavedSchema, SavedSchemaListResponse, SavedSchemaRequest, SavedSchemaSummary

router = APIRouter(prefix="/schemas", tags=["saved schemas"])

_NOT_FOUND = {404: {**error_responses(404)[404], "description": "No saved schema has this id."}}


async def _read_document(request: SavedSchemaRequest) -> dict:
    """The request's document as stored (defaults left out), once it compiles as a job's would."""
    document = request.schema_.model_dump(mode="json", by_alias=True, exclude_unset=True)
    await asyncio.to_thread(check_document, document)
    return document


def _to_saved(record: SavedSchemaRecord) -> SavedSchema:
    return SavedSchema(schema=record.schema, **_summary_fields(record))


def _summary_fields(record: SavedSchemaRecord) -> dict:
    return {"id": record.id, "name": record.name, "table_count": record.table_count,
            "field_count": record.field_count, "table_names": record.table_names,
            "created_at": record.created_at, "updated_at": record.updated_at}


@router.post("", response_model=SavedSchema, status_code=201, responses=error_responses(413, 422))
async def save_schema(request: SavedSchemaRequest, store: SavedSchemaStoreDep) -> SavedSchema:
    """Save a schema document under a name; answers the stored record with its new `id`."""
    return _to_saved(store.create(request.name, await _read_document(request)))


@router.get("", response_model=SavedSchemaListResponse, responses=error_responses(422))
async def list_saved_schemas(
    store: SavedSchemaStoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> SavedSchemaListResponse:
    """Saved schemas, the most recently saved (created or replaced) first; each without its document
    (its table and field counts instead): GET /schemas/{schema_id} gives the document."""
    schemas = [SavedSchemaSummary(**_summary_fields(r)) for r in store.list(limit=limit)]
    return SavedSchemaListResponse(schemas=schemas, count=len(schemas))


@router.get("/{schema_id}", response_model=SavedSchema, responses={**_NOT_FOUND, **error_responses(422)})
async def get_saved_schema(schema_id: uuid.UUID, store: SavedSchemaStoreDep) -> SavedSchema:
    """One saved schema with its document."""
    return _to_saved(store.get(str(schema_id)))


@router.put("/{schema_id}", response_model=SavedSchema,
            responses={**_NOT_FOUND, **error_responses(413, 422)})
async def replace_saved_schema(schema_id: uuid.UUID, request: SavedSchemaRequest,
                               store: SavedSchemaStoreDep) -> SavedSchema:
    """Replace a saved schema's name and document (a rename sends the same document)."""
    store.get(str(schema_id))  # 404 before the document is compiled
    return _to_saved(store.replace(str(schema_id), request.name, await _read_document(request)))


@router.delete("/{schema_id}", status_code=204, response_class=Response,
               responses={**_NOT_FOUND, **error_responses(422)})
async def delete_saved_schema(schema_id: uuid.UUID, store: SavedSchemaStoreDep) -> Response:
    """Remove a saved schema (jobs made from it are not touched)."""
    store.delete(str(schema_id))
    return Response(status_code=204)
