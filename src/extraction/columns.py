"""Columns named by other words: a phrase of a rule ('the admission', 'unit price') -> the draft it means."""

from __future__ import annotations

from functools import lru_cache

from src.extraction import field_meaning as fm
from src.extraction.drafts import FieldDraft


NUMERIC_KINDS = (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT)
NUMBER_TYPES = ("integer", "float", "decimal", "percentage")


def is_numeric(draft: FieldDraft) -> bool:
    """A number by its meaning or by the type the rules gave it ('seats sold' between 0 and 330)."""
    return draft.kind in NUMERIC_KINDS or draft.type in NUMBER_TYPES
ID_WORDS = {"id", "identifier", "number", "no", "code", "ref", "reference", "key", "uuid", "guid"}
FILLER = {"the", "a", "an", "of", "is", "are", "was", "be", "only", "for", "if", "when", "where", "rows",
          "row", "records", "record", "with", "has", "have", "equal", "equals", "to", "set", "its", "their",
          "value", "type", "s", "were", "does", "do", "did", "had"}


def tokens_of(draft: FieldDraft) -> set[str]:
    """The singular words of a column's label and name."""
    return set(_words_of(tuple(draft.tokens), draft.name))


@lru_cache(maxsize=4096)
def _words_of(tokens: tuple[str, ...], name: str) -> frozenset[str]:
    return frozenset(fm.singular(t) for t in tokens + tuple(fm.tokenize(name.replace("_", " "))))


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A word without its inflection, to match 'attempts' with 'attempted': long words only."""
    for suffix in ("ies", "ied", "ing", "ed", "es", "s", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def entity_of(draft: FieldDraft) -> str:
    words = [t for t in draft.tokens if t not in ID_WORDS]
    return fm.singular(words[-1]) if words else ""


def resolve_field(phrase: str, self_draft: FieldDraft, drafts: list[FieldDraft],
                  kinds: tuple[str, ...] | None = None) -> FieldDraft | None:
    """The column a phrase names: 'unit price' -> unit_price, 'admission' -> admission_date."""
    wanted = [fm.singular(t) for t in fm.tokenize(phrase) if t not in FILLER]
    wanted = [{"qty": "quantity"}.get(t, t) for t in wanted]
    if not wanted:
        return None
    best, best_score = None, None
    for other in drafts:
        if other is self_draft or (kinds and other.kind not in kinds and other.type not in ("age", "date_of_birth")
                                   and not (other.type in NUMBER_TYPES and set(kinds) & set(NUMERIC_KINDS))):
            continue  # a 'seats sold' count typed a number counts as one, whatever its label first meant
        have = tokens_of(other) | ({"quantity"} if "qty" in tokens_of(other) else set())
        overlap = len(set(wanted) & have)
        if overlap == 0:  # 'attempts' names 'field goals attempted', 'deliveries' 'delivered'
            overlap = len({stem(w) for w in wanted} & {stem(h) for h in have})
        if overlap == 0:
            continue
        score = (overlap == len(set(wanted)), overlap, -len(have))
        if best_score is None or score > best_score:
            best, best_score = other, score
    return best
