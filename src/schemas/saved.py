"""Request and response bodies of /schemas: schema documents saved under a name, to load again later."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from src.schemas.api import DisplayName, SchemaDocument, UtcDatetime


class SavedSchemaRequest(BaseModel):
    """POST /schemas and PUT /schemas/{schema_id}."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    name: DisplayName = Field(..., description="What the schema is called in lists (1 to 200 characters, "
                                               "one line; names need not be unique).")
    schema_: SchemaDocument = Field(..., alias="schema", description="The schema document, checked as "
                                    "POST /jobs/create checks it: one table ({fields}) or several ({tables}).")


class SavedSchemaSummary(BaseModel):
    """One saved schema in GET /schemas: everything but the document itself."""

    id: str
    name: str
    table_count: int = Field(..., description="1 for a one-table document.")
    field_count: int = Field(..., description="Fields in all its tables together.")
    table_names: list[str] | None = Field(None, description="Multi-table documents: the tables, in order.")
    created_at: UtcDatetime
    updated_at: UtcDatetime


class SavedSchema(SavedSchemaSummary):
    """A saved schema with its document (POST, GET, PUT /schemas...)."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: dict[str, Any] = Field(..., alias="schema", serialization_alias="schema",
                                    description="The document as validated (defaults left out).")


class SavedSchemaListResponse(BaseModel):
    """GET /schemas: the most recently saved first (by updated_at)."""

    schemas: list[SavedSchemaSummary]
    count: int
