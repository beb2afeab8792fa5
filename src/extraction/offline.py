"""Offline schema extractor: a plain-English description -> schema document, with no network or LLM.

Runs the stages in one direction: layout (``layout``, ``listing``) -> the scene (``scene``: row count,
subject, locale, pools and grids the opening text states) -> one draft per column (``fields_label``,
``fields_qualifiers``, ``fields_values``, ``fields_type``) -> links between columns (``relations``) ->
templates for requests that name few columns -> the validated schema document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re

from pydantic import ValidationError

from src.extraction import chatty
from src.extraction import field_meaning as fm
from src.extraction import layout as ly
from src.extraction import templates as tp
from src.extraction import value_maps as vm
from src.extraction.condition_forms import move_leading_conditions
from src.extraction.drafts import FieldDraft
from src.extraction.fields_label import draft_fields
from src.extraction.fields_type import PATTERN_TYPES
from src.extraction.letter import strip_letter
from src.extraction.listing import split_description
from src.extraction.notes import fold_notes
from src.extraction.scene_pieces import split_scene_pieces
from src.extraction.shorthand import expand_shorthand
from src.extraction.scene_pools import apply_named_pools
from src.extraction.relations import link_fields
from src.extraction.scene import (apply_header_details, find_count_of_things, find_locale, find_row_count,
                                  find_subject, split_count_items)
from src.schemas import DatasetSchema, FieldSpec


@dataclass
class OfflineExtraction:
    schema: DatasetSchema
    total_rows: int | None
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # field name -> the words it was read from


MAX_ITEMS = 500  # the schema document's limit on fields
ORDER_BY_RE = re.compile(r"^\s*(?:(?:and\s+)?(?:rows\s+)?(?:sorted|ordered|order|sort)\s+(?:by|on)\b)", re.I)


def extract_offline(text: str) -> OfflineExtraction:
    """Turn a plain-English description into a schema document, a row count and warnings."""
    warnings: list[str] = []
    text, framing = strip_letter(expand_shorthand(text))
    warnings.extend(f"read '{words[:80]}' as the letter's greeting or sign-off, not a column" for words in framing)
    layout = ly.read_layout(text, split_description)
    header, items = (layout.header, layout.items) if layout else split_description(text)
    for unread in layout.unread if layout else []:
        warnings.append(f"no column could be read from '{unread[:100]}'; add it in the editor if it names one")
    counted, items = split_count_items(items)  # 'rows: ~12k', '- 7,500 enrollments': the row count, not columns
    scene_pieces, items = split_scene_pieces(items, warnings)  # 'data for ~40 wells', 'last 90 days': the scene
    header = " ".join([header, *scene_pieces]).strip()
    # 'if X then Y' -> 'Y (only if X)'; 'Status values: a, b', 'The last two are optional'
    items = fold_notes(move_leading_conditions(items[:MAX_ITEMS]), warnings)
    total_rows = find_row_count(header[:2000], header_only=True) or counted or find_row_count(text[:20000]) \
        or find_count_of_things(header[:2000])
    subject = find_subject(header)
    locale = find_locale(header, text)
    drafts: list[FieldDraft] = []
    for item in items[:MAX_ITEMS]:
        if ORDER_BY_RE.match(item):
            warnings.append(f"rows are not kept in any order; ignored '{item[:80]}'")
            continue
        read_item, value_map = vm.split_value_map(chatty.tidy_item(item))  # '0 for free, 29 for pro': linked per value later
        try:
            read = draft_fields(read_item, warnings)
        except Exception:  # noqa: BLE001 - one unreadable item must not lose the whole description
            warnings.append(f"could not understand '{item[:80]}'; used a text column")
            read = [FieldDraft(label=item[:60], type="string", description=item[:300],
                               tokens=fm.tokenize(item)[:6])]
        for draft in read:
            draft.source = item.strip()[:300]
        if value_map is not None and read:
            read[-1].value_map = value_map
        drafts.extend(read)
    drafts = chatty.drop_function_labels(drafts, warnings)  # 'we', 'per case': no column
    name_drafts(drafts)
    if not drafts or (len(drafts) < tp.FEW_COLUMNS and not is_listed(text)
                      and not chatty.names_columns_at_length(text, len(drafts))):
        drafts = complete_from_template(header if items else text, drafts, warnings)
        name_drafts(drafts)
    implied = apply_header_details(header, total_rows, drafts, subject, warnings)
    implied += apply_named_pools(header, drafts + implied, subject, warnings)  # 'for 10 tickers (AAPL, ...)'
    if implied:
        name_drafts(drafts + implied)  # the named columns keep their names
        drafts = implied + drafts
    try:
        link_fields(drafts, subject, total_rows, warnings, text)
    except Exception as err:  # noqa: BLE001 - columns stay usable without their links
        warnings.append(f"could not link columns to each other: {err}")
    schema = build_schema(drafts, locale, subject, text, warnings)
    sources = {d.name: d.source for d in drafts if d.source}
    schema = tp.apply_template_rules(schema, sources)  # what a template's words cannot say
    return OfflineExtraction(schema=schema, total_rows=total_rows, warnings=warnings, sources=sources)


def is_listed(text: str) -> bool:
    """Columns written as a list (lines, bullets, 'with: a, b') are all the user wants; a one-line request
    ('1000 orders with a coupon code') names its entity and only the columns it cares about."""
    return "\n" in text.strip() or bool(re.search(r"[:=]\s*\S", text))


def complete_from_template(entity_text: str, named: list[FieldDraft], warnings: list[str]) -> list[FieldDraft]:
    """A request naming few columns: its entity's template merged with the columns it names."""
    match = tp.find_template(entity_text)
    if match is not None and chatty.is_qualified_container(match.phrase, entity_text):
        match = None  # 'hive inspection logs' are inspections, not web logs
    else:
        match = match or tp.find_near_template(entity_text)
    if match is None:
        if named:
            return named
        warnings.append("the description names no columns and no entity this extractor knows; used the "
                        "generic 'records' template - list the columns you need, or start from a template "
                        "(GET /schema/templates)")
        return read_template_drafts(tp.GENERIC_TEMPLATE)
    template_drafts = read_template_drafts(match.template)
    child = tp.row_per_parent_child(entity_text)
    if child and not named and not any(fm.singular(t) in {fm.singular(c) for c in fm.tokenize(child)}
                                       for d in template_drafts for t in d.name.split("_")):
        named = draft_fields(" ".join(fm.singular(t) for t in fm.tokenize(child)), [])  # the parent's rows carry it
        for draft in named:
            draft.source = child
    kept = [d.label for d in named]
    warnings.append(f"the description names {len(named) or 'no'} column{'s' if len(named) != 1 else ''}; "
                    f"completed it from the '{match.template.key}' template (chosen by '{match.phrase}')"
                    + (f", keeping {', '.join(kept)}" if kept else ""))
    return tp.merge_template_drafts(template_drafts, named)


def read_template_drafts(template: tp.Template) -> list[FieldDraft]:
    """A template's columns read like a user's bullet list, each noting the template it came from."""
    drafts: list[FieldDraft] = []
    for column in template.columns:
        for draft in draft_fields(column, []):
            draft.source = f"template '{template.key}': {column}"
            drafts.append(draft)
    name_drafts(drafts)
    return drafts


BARE_PREPOSITIONS = {"from", "to", "until", "till", "since", "on", "at", "by", "in", "of"}


def snake_case(label: str) -> str:
    tokens = [t for t in fm.tokenize(label) if t not in fm.STOP_TOKENS and t not in ("and", "s")]
    if tokens and set(tokens) <= BARE_PREPOSITIONS | {"through"}:  # 'valid from', 'valid to': the stop word is the name's head
        tokens = [t for t in fm.tokenize(label) if t not in ("the", "a", "an", "and", "s")]
    name = "_".join(tokens[:6]) or "field"
    if not re.match(r"[a-z_]", name):
        name = "f_" + name
    return name[:64]


def name_drafts(drafts: list[FieldDraft]) -> None:
    """Give each draft a unique snake_case name from its label ('Unit price' -> unit_price)."""
    used: set[str] = set()
    for draft in drafts:
        base = draft.name or snake_case(draft.label)
        name, counter = base, 1
        while name in used:
            counter += 1
            name = f"{base}_{counter}"
        used.add(name)
        draft.name = name


def build_schema(drafts: list[FieldDraft], locale: str | None, subject: list[str], text: str,
                 warnings: list[str]) -> DatasetSchema:
    """Validate each draft into a FieldSpec; a draft whose constraints do not validate loses them."""
    fields = []
    for draft in drafts:
        constraints = {k: v for k, v in draft.constraints.items() if v is not None}
        if draft.type not in PATTERN_TYPES:
            constraints.pop("pattern", None)  # 'airport code (3-letter IATA code)': the type formats itself
        spec = {"name": draft.name, "type": draft.type, "description": draft.description,
                "constraints": constraints}
        try:
            fields.append(FieldSpec.model_validate(spec))
        except ValidationError as err:
            warnings.append(f"dropped the constraints of '{draft.label}': {err.errors()[0]['msg']}")
            fields.append(FieldSpec.model_validate({**spec, "constraints": {}}))
    name = "_".join(subject[-3:])[:200] or None
    return DatasetSchema(fields=fields, locale=locale, name=name, description=text.strip()[:5000] or None)
