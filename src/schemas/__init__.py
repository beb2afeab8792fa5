"""Pydantic models shared by every layer: the schema document and API payloads."""

from src.schemas.fields import (
    DISTRIBUTION_KINDS,
    FIELD_TYPE_GROUPS,
    FIELD_TYPES,
    Constraints,
    DatasetSchema,
    Distribution,
    FieldSpec,
    normalize_type_name,
)

__all__ = [
    "DISTRIBUTION_KINDS", "FIELD_TYPE_GROUPS", "FIELD_TYPES", "Constraints", "DatasetSchema",
    "Distribution", "FieldSpec", "normalize_type_name",
]
