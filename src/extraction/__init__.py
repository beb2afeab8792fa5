"""Description -> schema document. (Placeholder: the extraction issue fills this in.)"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from src.config import Settings
from src.schemas import DatasetSchema


class ExtractionResult(BaseModel):
    """What POST /schema/extract answers."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: DatasetSchema = Field(..., alias="schema")
    total_rows: int | None = None
    provider: str = "offline"
    warnings: list[str] = Field(default_factory=list)


async def extract_schema(user_input: str, settings: Settings) -> ExtractionResult:
    """Turn a plain-English description into a schema document."""
    raise NotImplementedError
