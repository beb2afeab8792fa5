"""Check an LLM's schema against the offline reading of the same text: a column the text names that the
LLM dropped is added back (with a warning), so no named column is lost on either path."""

from __future__ import annotations

from dataclasses import dataclass, field

from src.engine.semantics import classify_name, singular, tokenize
from src.errors import SchemaValidationError
from src.extraction.offline import OfflineExtraction
from src.schemas import DatasetSchema, FieldSpec

# Reference constraints point at other fields by name; an added field keeps them only if they still compile.
REFERENCE_RULES = ("expression", "when", "after", "before", "condition_on")
# Types that say little on their own: matching them is no sign two fields are the same column.
WEAK_TYPES = {"string", "integer", "float", "decimal", "enum", "date", "datetime", "time", "boolean",
              "percentage", "code", "sequence", "uuid", "word", "sentence", "paragraph"}


@dataclass
class CrossCheck:
    schema: DatasetSchema
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


def restore_dropped_columns(llm_schema: DatasetSchema, offline: OfflineExtraction) -> CrossCheck:
    """Add back each column the user's own words name (not a template's) that the LLM's schema lacks."""
    fields = list(llm_schema.fields)
    result = CrossCheck(llm_schema)
    for spec in offline.schema.fields:
        source = offline.sources.get(spec.name, "")
        if not source or source.startswith("template ") or any(_same_column(spec, f) for f in fields) \
                or not _sure_of(spec):
            continue
        added = _addable(spec, fields)
        if added is None:
            result.warnings.append(f"Gemini left out '{spec.name}' (from '{source[:80]}') and it could not be "
                                   "added back; add it in the editor")
            continue
        fields.append(added)
        result.sources[added.name] = source
        result.warnings.append(f"Gemini left out the column '{added.name}' that the description names "
                               f"('{source[:80]}'); added it back from the offline reading")
    result.schema = llm_schema.model_copy(update={"fields": fields})
    return result


# Words no column's name is made of: a label holding one is a fragment of a sentence ('think_about', 'only').
FRAGMENT_WORDS = {"whether", "or", "and", "only", "about", "think", "if", "then", "which", "who", "also", "maybe",
                  "just", "should", "would", "could", "must", "will", "want", "need", "please", "each", "every",
                  "some", "any", "not", "is", "are", "be", "we", "our", "you", "your", "they", "it", "this"}
# Rules a clause gives a column of its own (a type's defaults are not among them).
OWN_RULES = ("enum_values", "pattern", "expression", "min_value", "max_value", "values_from", "true_ratio")


def _sure_of(spec: FieldSpec) -> bool:
    """Whether the offline reader is sure of a column: a name the meaning tables know, or a rule of its own."""
    tokens = tokenize(spec.name)
    if not tokens or FRAGMENT_WORDS & set(tokens):
        return False
    rules = spec.constraints.model_dump(exclude_none=True)
    return classify_name(tokens) is not None or any(rules.get(rule) not in (None, [], "") for rule in OWN_RULES)


def _tokens(spec: FieldSpec) -> set[str]:
    return {singular(t) for t in tokenize(spec.name)}


def _same_column(offline: FieldSpec, llm: FieldSpec) -> bool:
    a, b = _tokens(offline), _tokens(llm)
    if offline.name == llm.name or (a and (a <= b or b <= a)):
        return True
    return offline.type == llm.type and offline.type not in WEAK_TYPES


def _addable(spec: FieldSpec, fields: list[FieldSpec]) -> FieldSpec | None:
    """The field as it compiles next to the LLM's fields: with its references if they resolve, else without."""
    from src.engine import compile_schema  # the engine is heavy; only the Gemini path needs it here

    plain = spec.model_copy(update={"constraints": spec.constraints.model_copy(
        update={rule: None for rule in REFERENCE_RULES})})
    for candidate in (spec, plain):
        try:
            compile_schema(DatasetSchema(fields=[*fields, candidate]))
        except (SchemaValidationError, ValueError):
            continue
        return candidate
    return None
