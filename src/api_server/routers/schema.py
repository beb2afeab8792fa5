"""POST /schema/extract: description -> schema document."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field, field_validator

from src.api_server.deps import SettingsDep
from src.extraction import MAX_INPUT_CHARS, ExtractionResult, extract_schema

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
             responses={502: {"description": "The LLM answered something unusable."},
                        503: {"description": "The LLM is not configured, unreachable or rate limited."}})
async def extract(request: ExtractRequest, settings: SettingsDep) -> ExtractionResult:
    """Turn a description into a schema document the engine runs as is.

    Uses Gemini when configured (LLM_PROVIDER, GEMINI_API_KEY), else the offline extractor.
    """
    return await extract_schema(request.user_input, settings)


@router.get("/types")
async def list_types() -> list[dict]:
    """Every field type: its group, an example, the constraints it accepts, and (for `string` and
    numbers) the meanings a column name gives it."""
    from src.engine.catalog import type_catalog

    return type_catalog()
