"""Pydantic models shared by every layer: the schema document and API payloads."""

from src.schemas.fields import (
    FIELD_TYPE_GROUPS,
    FIELD_TYPES,
    Constraints,
    DatasetSchema,
    Distribution,
    FieldSpec,
    normalize_type_name,
)

__all__ = [
    "FIELD_TYPE_GROUPS", "FIELD_TYPES", "Constraints", "DatasetSchema",
    "Distribution", "FieldSpec", "normalize_type_name",
]
