"""POST /schema/extract: description -> schema document; GET /schema/templates: the domain templates."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field, field_validator

from src.api_server.deps import SettingsDep
from src.api_server.openapi import error_responses
from src.extraction import MAX_INPUT_CHARS, ExtractionResult, extract_schema
from src.extraction.catalog import list_template_schemas
from src.schemas import DatasetSchema

router = APIRouter(prefix="/schema", tags=["schema"])


class ExtractRequest(BaseModel):
    user_input: str = Field(..., min_length=1, max_length=MAX_INPUT_CHARS,
                            description="Plain-English description of the dataset.")

    @field_validator("user_input")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("describe the dataset; the text is blank")
        return value


@router.post("/extract", response_model=ExtractionResult, response_model_by_alias=True,
             responses=error_responses(413, 422, 502, 503))
async def extract(request: ExtractRequest, settings: SettingsDep) -> ExtractionResult:
    """Turn a description into a schema document the engine runs as is.

    Uses Gemini when configured (LLM_PROVIDER, GEMINI_API_KEY), else the offline extractor.
    """
    return await extract_schema(request.user_input, settings)


class TemplateInfo(BaseModel):
    key: str = Field(..., description="Stable identifier of the template.")
    title: str
    words: list[str] = Field(..., description="Words in a request that choose this template.")
    description: str = Field(..., description="The template's columns as a description; editable, and "
                             "POST /schema/extract reads it back into the same schema.")
    schema_: DatasetSchema = Field(..., alias="schema")


class TemplateList(BaseModel):
    templates: list[TemplateInfo]


@router.get("/templates", response_model=TemplateList, response_model_by_alias=True,
            response_model_exclude_defaults=True)
def templates() -> TemplateList:
    """The domain templates the offline extractor completes short requests from ("1000 orders")."""
    return TemplateList(templates=[
        TemplateInfo(key=t.key, title=t.title, words=list(t.words), description=t.description, schema=t.schema)
        for t in list_template_schemas()])


@router.get("/types")
async def list_types() -> list[dict]:
    """Every field type: its group, an example, the constraints it accepts, and (for `string` and
    numbers) the meanings a column name gives it."""
    from src.engine.catalog import type_catalog

    return type_catalog()
