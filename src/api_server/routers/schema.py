"""POST /schema/extract: description -> schema document."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from src.config import get_settings
from src.extraction import ExtractionResult, extract_schema

router = APIRouter(prefix="/schema", tags=["schema"])


class ExtractRequest(BaseModel):
    user_input: str = Field(..., min_length=1, max_length=20_000)


@router.post("/extract", response_model=ExtractionResult, response_model_by_alias=True)
async def extract(request: ExtractRequest) -> ExtractionResult:
    return await extract_schema(request.user_input, get_settings())
