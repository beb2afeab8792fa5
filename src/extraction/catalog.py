"""The template catalog as schema documents: what GET /schema/templates lists and the UI offers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from src.extraction.offline import extract_offline
from src.extraction.templates import Template, apply_template_rules, load_templates
from src.schemas import DatasetSchema


@dataclass(frozen=True)
class TemplateSchema:
    """One template: its key, title, the words that choose it, and its schema document."""

    key: str
    title: str
    words: tuple[str, ...]
    description: str
    schema: DatasetSchema


def build_template_schema(template: Template) -> TemplateSchema:
    """Read a template's columns with the offline extractor into a schema document."""
    result = extract_offline(template.as_description())
    schema = apply_template_rules(result.schema, {}, template)
    schema = schema.model_copy(update={"name": template.key, "description": template.title})
    return TemplateSchema(template.key, template.title, template.words, template.as_description(), schema)


@lru_cache(maxsize=1)
def list_template_schemas() -> tuple[TemplateSchema, ...]:
    """Every template of the catalog as a schema document, in catalog order (built once)."""
    return tuple(build_template_schema(t) for t in load_templates())
