"""A range per value of another column ('price depends on category: Electronics 100-2000, Books 5-50',
'weight depending on species (cats 2-6 kg, dogs 5-40 kg)', 'salary by level: junior 40-60k, senior 90-140k').

``value_maps`` finds and joins these like its fixed numbers; this module holds the forms and the expression
over the category column: CASE WHEN category = 'Electronics' THEN round(uniform(100, 2000), 2) ... END.
A bare 'name 1-10' list is a list of columns, so a range run counts only after a cue that says what it
depends on ('depends on', 'depending on', 'by', 'per', 'varies with', 'based on', 'according to').
"""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.columns import NUMBER_TYPES, NUMERIC_KINDS
from src.extraction.drafts import FieldDraft

NUM = r"(?<![\w.,])[$€£]?\s?\d{1,12}(?:,\d{3}){0,4}(?:\.\d+)?(?:\s?k\b)?"
VAL = r"(?<![\w])(?:the\s+)?(?!(?:and|or|from|between)\b)[A-Za-z][\w'&+-]*(?:\s(?!and\b|or\b|from\b)[A-Za-z][\w'&+-]*)?"
UNIT = r"(?:\s?(?:%|kg|g|lbs?|cm|mm|m|km|ml|l|years?|yrs?|months?|days?|hours?|hrs?|minutes?|mins?|h|usd|eur|gbp|" \
       r"dollars?|euros?|pounds?)\b)?"
RANGE = rf"(?P<lo>{NUM})\s*(?:-|–|to)\s*(?P<hi>{NUM}){UNIT}"
RANGE_FORMS = (
    rf"(?P<v>{VAL})\s*(?::|=|is|are|costs?|at|between|from)?\s*{RANGE}",
    rf"{RANGE}\s+(?:for|per)\s+(?P<v>{VAL})",
)
SEP = r"(?:\s*[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"


def _bare(form: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", form)


PAIR_RES = [re.compile(form, re.I) for form in RANGE_FORMS]
RUN_RES = [re.compile(rf"(?:{_bare(f)})(?:{SEP}(?:{_bare(f)}))+", re.I) for f in RANGE_FORMS]
PIECE_RES = [re.compile(rf"(?:and\s+|or\s+)?(?:{_bare(f)})(?:{SEP}(?:{_bare(f)}))*\)?", re.I) for f in RANGE_FORMS]
TAIL_RES = [re.compile(rf"(?:{_bare(f)})\s*$", re.I) for f in RANGE_FORMS]
CUE_RE = re.compile(r"\b(?:depend(?:s|ing|ent)?\s+(?:up)?on|by|per|based\s+on|var(?:y|ies|ying)\s+(?:by|with)|"
                    r"according\s+to|for\s+each)\s+(?:the\s+|its\s+|their\s+)?(?P<col>[a-z][a-z_]*(?:\s[a-z][a-z_]*)?)"
                    r"\s*(?::|\(|,|;|-|–|$)", re.I)
NOT_VALUES = {"min", "max", "minimum", "maximum", "mean", "median", "average", "avg", "range", "from", "to",
              "between", "typically", "usually", "mostly", "about", "around", "roughly"}


def _number(text: str) -> float:
    scale = 1000 if re.search(r"\d\s?k\b", text, re.I) else 1
    return float(re.sub(r"[^\d.]", "", text.replace(",", ""))) * scale


def _read(run: str, pair_re: re.Pattern) -> list[tuple[str, float, float]]:
    out = []
    for m in pair_re.finditer(run):
        value = re.sub(r"^the\s+", "", m["v"].strip(), flags=re.I)
        lo, hi = _number(m["lo"]), _number(m["hi"])
        if re.search(r"\dk\b|\d\sk\b", m["hi"], re.I) and not re.search(r"k\b", m["lo"], re.I) and lo * 1000 <= hi:
            lo *= 1000  # '40-60k': both ends in thousands
        out.append((value, min(lo, hi), max(lo, hi)))
    return out


def find_range_run(text: str) -> tuple[int, int, list[tuple[str, float, float]], str] | None:
    """The first run of two or more (value, low, high) after a cue: (start, end, ranges, the cued column's words)."""
    cue = CUE_RE.search(text)
    if cue is None:
        return None
    best = None
    for run_re, pair_re in zip(RUN_RES, PAIR_RES):
        m = run_re.search(text, cue.end())
        if m is None:
            continue
        ranges = _read(m.group(0), pair_re)
        values = [v.lower() for v, _, _ in ranges]
        if len(ranges) < 2 or len(set(values)) < len(values) or set(values) & NOT_VALUES:
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), m.end(), ranges, cue["col"])
    if best is None:
        return None
    return best[0], best[1], best[2], best[3]


def cue_start(text: str) -> int:
    """Where the cue begins: the label is what comes before it ('price depends on category:' -> 'price')."""
    cue = CUE_RE.search(text)
    return cue.start() if cue else len(text)


def continues_run(previous: str, piece: str) -> bool:
    """'salary by level: junior 40-60k', 'senior 90-140k': the piece only continues the ranges before it."""
    if not CUE_RE.search(previous):
        return False
    return any(tail.search(previous) and whole.fullmatch(piece.strip()) for tail, whole in zip(TAIL_RES, PIECE_RES))


def norm_value(value: str) -> str:
    """A listed value as compared across columns: singular words, case and punctuation dropped."""
    return " ".join(fm.singular(t) for t in fm.tokenize(value))


def enum_covering(draft: FieldDraft, drafts: list[FieldDraft], wanted: set[str]) -> tuple[FieldDraft | None, int]:
    """The enum column (not ``draft``) holding most of the ``wanted`` values, and how many it holds."""
    best, best_cover = None, 0
    for other in drafts:
        held = other.constraints.get("enum_values") or []
        if other is draft or other.type != "enum" or not held:
            continue
        cover = len(wanted & {norm_value(str(v)) for v in held})
        if cover > best_cover:
            best, best_cover = other, cover
    return best, best_cover


def category_column(draft: FieldDraft, drafts: list[FieldDraft], values: list[str], cue: str | None,
                    resolve) -> FieldDraft | None:
    """The column holding the values: the enum covering most of them, else the column the cue names (which
    then becomes an enum of those values)."""
    wanted = {norm_value(v) for v in values}
    best, best_cover = enum_covering(draft, drafts, wanted)
    named = resolve(cue, draft, drafts) if cue else None
    if best is not None and (best_cover >= max(2, len(wanted) - 1) or best is named):
        chosen = best
    elif named is not None and not named.derived and named.kind not in (fm.TEMPORAL, fm.ID, *NUMERIC_KINDS) \
            and named.type not in ("boolean", *NUMBER_TYPES):  # 'category' read as a product category
        chosen = named
    else:
        return None
    held = list(chosen.constraints.get("enum_values") or []) if chosen.type == "enum" else []
    have = {norm_value(str(v)) for v in held}
    added = [v for v in values if norm_value(v) not in have]
    if added or chosen.type != "enum":  # 'depends on category: Electronics ..., Garden ...': the text names those categories
        chosen.type, chosen.kind, chosen.meaning_known = "enum", "enum", True
        chosen.constraints["enum_values"] = held + added
        for key in ("weights", "pattern", "min_length", "max_length", "cardinality"):
            chosen.constraints.pop(key, None)
    return chosen


def ranged_expression(column: str, ranges: list[tuple[str, float, float]], by_value: dict[str, object],
                      decimals: int, quote) -> str:
    """CASE WHEN column = 'v' THEN round(uniform(lo, hi), d) ... END, each row inside its value's range."""
    def draw(lo: float, hi: float) -> str:
        return f"round(uniform({_tidy(lo)}, {_tidy(hi)}), {decimals})"
    arms = [f"WHEN {column} = {quote(by_value[norm_value(v)])} THEN {draw(lo, hi)}"
            for v, lo, hi in ranges if norm_value(v) in by_value]
    return "CASE " + " ".join(arms) + " END"


def _tidy(n: float) -> int | float:
    return int(n) if float(n).is_integer() else n
