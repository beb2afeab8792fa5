"""Columns named by other words: a phrase of a rule ('the admission', 'unit price') -> the draft it means."""

from __future__ import annotations

from functools import lru_cache

from src.extraction import field_meaning as fm
from src.extraction.drafts import FieldDraft


NUMERIC_KINDS = (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT)
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
        if other is self_draft or (kinds and other.kind not in kinds and other.type not in ("age", "date_of_birth")):
            continue
        have = tokens_of(other) | ({"quantity"} if "qty" in tokens_of(other) else set())
        overlap = len(set(wanted) & have)
        if overlap == 0:
            continue
        score = (overlap == len(set(wanted)), overlap, -len(have))
        if best_score is None or score > best_score:
            best, best_score = other, score
    return best
