"""Named pools in the scene: 'for 10 tickers (AAPL, MSFT, ...)', 'across the sites Mesa Verde, Sunridge and
Coyote Flats', 'for the campaigns Alpha, Beta and Gamma'. The opening text names the values of a column the
list names later (its values become that column's), or of a column it never lists (added, with a warning)."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.drafts import FieldDraft
from src.extraction.fields_label import draft_fields
from src.extraction.fields_values import NOT_ENTITY_WORDS

NAME = r"[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3}"
NAMED_LIST = rf"{NAME}(?:\s*,\s*{NAME})*\s*,?\s+(?:and|or)\s+{NAME}"
NAMED_POOL_RES = [
    # '10 tickers (AAPL, MSFT, GOOG)': a plural noun, its values in brackets
    re.compile(r"\b(?:\d[\d,]*\s+)?(?P<w>[a-z]+s)\s*\((?P<vals>[^()]{2,400}?,[^()]{1,400}?)\)"),
    # 'the sites Mesa Verde, Sunridge and Coyote Flats', 'three stores: North, South and East'
    re.compile(rf"\b(?:the|these|our|its|their|\d+|two|three|four|five|six)\s+(?P<w>[a-z]+s)\s*(?::\s*|\s+(?:called|named|"
               rf"namely)\s+|\s+)(?P<vals>{NAMED_LIST})"),
    # 'pizza orders, sizes S, M and L', 'parcels in colours Red, Blue or Green': a plural noun opening a phrase
    re.compile(rf"(?:^|[,;:(]\s*|\b(?:with|in)\s+)(?P<w>[a-z]+s)\s+(?P<vals>{NAMED_LIST})(?=\s*(?:$|[,;.)]))"),
    # 'stores such as North, South and East'
    re.compile(rf"\b(?P<w>[a-z]+s)\s*,?\s+(?:such\s+as|like|including|namely)\s+(?P<vals>{NAMED_LIST})"),
]
# Column kinds a named pool cannot be the values of.
NOT_POOLED_TYPES = {"boolean", "date", "datetime", "time", "integer", "float", "decimal", "uuid", "sequence", "email",
                    "sentence", "paragraph", "age", "date_of_birth", "latitude", "longitude"}
MAX_POOL_VALUES = 60


def find_named_pools(header: str) -> list[tuple[str, list[str], str]]:
    """(singular noun, values, the words) for each named pool in the scene text."""
    found: list[tuple[str, list[str], str]] = []
    taken: set[str] = set()
    for pattern in NAMED_POOL_RES:
        for m in pattern.finditer(header):
            noun = _singular_noun(m["w"])
            values = [v.strip() for v in re.split(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", m["vals"]) if v.strip()]
            if noun in taken or noun in NOT_ENTITY_WORDS or len(noun) < 3 or not 2 <= len(values) <= MAX_POOL_VALUES \
                    or any(len(v.split()) > 4 or re.fullmatch(r"[\d.,%$€£-]+", v) for v in values):
                continue
            taken.add(noun)
            found.append((noun, values, m.group(0)))
    return found


def _singular_noun(word: str) -> str:
    return fm.singular(word.lower())


def apply_named_pools(header: str, drafts: list[FieldDraft], subject: list[str], warnings: list[str]) -> list[FieldDraft]:
    """Give each named pool's values to the column it names; returns the columns added for pools no item names."""
    added: list[FieldDraft] = []
    for noun, values, words in find_named_pools(header):
        owner = next((d for d in drafts if noun in map(fm.singular, d.tokens)
                      and (_takes_pool(d) or _from_template(d))), None)  # the user's values beat a template's
        if owner is not None:
            _give_values(owner, values, warnings)
            continue
        if any(noun in map(fm.singular, d.tokens) for d in drafts + added) or noun in subject[-1:]:
            continue  # a column of that noun with values or numbers of its own, or what a row is
        column = draft_fields(f"{noun} ({', '.join(values)})", [])[0]
        column.source = words.strip()
        added.append(column)
        warnings.append(f"added a '{noun}' column for '{words.strip()[:80]}': each row has one of them")
    return added


def _takes_pool(draft: FieldDraft) -> bool:
    return not draft.enum_items and not draft.derived and draft.type not in NOT_POOLED_TYPES \
        and not draft.constraints.get("expression") and not draft.constraints.get("unique")


def _from_template(draft: FieldDraft) -> bool:
    return draft.source.startswith("template ") and draft.type in ("enum", "string") and not draft.derived


def _give_values(draft: FieldDraft, values: list[str], warnings: list[str]) -> None:
    """Re-read the column with the pool's values, keeping its name and where it came from."""
    written = draft.label if _from_template(draft) else draft.source or draft.label
    read = draft_fields(f"{written} ({', '.join(values)})", [])
    if not read or read[0].type != "enum":
        return
    name, source, label = draft.name, draft.source, draft.label
    draft.__dict__.update(read[0].__dict__)
    draft.name, draft.source, draft.label = name, source, label
    warnings[:] = [w for w in warnings if not w.startswith((f"no values listed for '{label}", f"could not understand '{label}'"))]
