"""Value mappings: a number fixed per value of another column ('monthly price which is 0 for free, 29 for pro
and 499 for enterprise', 'free costs 0, pro costs 29', 'fee 0 (free), 29 (pro), 499 (team)').

Three steps, one per stage: the clause stage keeps the comma pieces of one mapping together
(``join_value_maps``, ``map_spans`` for the 'and' splitter), the list reader takes the mapping out of its
column's words before the column is read (``split_value_map``), and the relations stage turns it into an
expression over the category column that holds those values (``link_value_maps``): CASE WHEN plan = 'free'
THEN 0 ... END, so every row's number matches its category.
"""

from __future__ import annotations

from dataclasses import dataclass
import re

from src.extraction import category_ranges as cr
from src.extraction.columns import resolve_field
from src.extraction.drafts import FieldDraft

# Words an expression cannot take as a bare column name.
SQL_WORDS = {"CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "NOT", "IN", "IS", "NULL", "BETWEEN", "LIKE",
             "SELECT", "FROM", "WHERE", "TRUE", "FALSE", "AS", "ORDER", "GROUP", "BY", "LIMIT", "TABLE", "INTERVAL",
             "DATE", "TIME", "TIMESTAMP", "USER", "DEFAULT", "KEY", "CHECK", "ALL", "ANY", "DISTINCT", "CAST", "IF"}

NUM = r"(?<![\w.,])[-−]?[$€£]?\s?(?<![\d])\d{1,12}(?:,\d{3}){0,4}(?:\.\d+)?(?:\s?(?:k|usd|eur|gbp|dollars?|euros?|pounds?|chf)\b)?"
VAL = r"(?<![\w])(?:the\s+)?(?!(?:and|or)\b)[A-Za-z][\w'&+-]*(?:\s(?!and\b|or\b|for\b|costs?\b|is\b|are\b)[A-Za-z][\w'&+-]*)?"
# Each way of pairing a number with a value: '29 for pro', 'pro costs 29', '29 (pro)'.
PAIR_FORMS = (
    rf"(?P<n>{NUM})\s+(?:for|per)\s+(?P<v>{VAL})",
    rf"(?P<v>{VAL})\s+(?:costs?|pays?|is|are|=|gets?|at|charged|priced\s+at)\s+(?P<n>{NUM})",
    rf"(?P<n>{NUM})\s*\((?:for\s+)?(?P<v>{VAL})\)",
)
SEP = r"(?:\s*[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
PAIR_RES = [re.compile(form, re.I) for form in PAIR_FORMS]
RUN_RES = [re.compile(rf"(?:{form})(?:{SEP}(?:{form}))+".replace("(?P<n>", "(?:").replace("(?P<v>", "(?:"), re.I)
           for form in PAIR_FORMS]
# Piece of a comma list that only continues a mapping: '29 for pro', 'and 499 for enterprise'.
PIECE_RES = [re.compile(rf"(?:and\s+|or\s+)?(?:{p})(?:{SEP}(?:{p}))*".replace("(?P<n>", "(?:").replace("(?P<v>", "(?:"),
                        re.I) for p in PAIR_FORMS]
TAIL_RES = [re.compile(rf"(?:{p})\s*$".replace("(?P<n>", "(?:").replace("(?P<v>", "(?:"), re.I) for p in PAIR_FORMS]
# Words that name a bound or a statistic, never a category: 'min is 5, max is 10' is a range.
NOT_VALUES = {"min", "max", "minimum", "maximum", "mean", "median", "average", "avg", "sd", "std", "low", "high",
              "lowest", "highest", "from", "to", "step", "default", "total", "range", "sigma", "spread", "mode"}
LEAD_RE = re.compile(r"(?:,\s*)?(?:(?:which|that)\s+)?(?:is|are|costs?|pays?|=|:)?\s*$", re.I)


@dataclass(frozen=True)
class ValueMap:
    pairs: tuple[tuple[str, float], ...]  # (category value as written, its number, or its range's low)
    words: str  # the words the mapping was read from
    tops: tuple[float, ...] = ()  # each range's high ('Books 5-50'); empty for fixed numbers
    cue: str | None = None  # the column the ranges depend on, as written ('depends on category')

    @property
    def integral(self) -> bool:
        return all(float(n).is_integer() for n in [n for _, n in self.pairs] + list(self.tops))


def _number(text: str) -> float:
    text = text.replace("−", "-").lower()
    scale = 1000 if re.search(r"\dk\b|\d\sk\b", text) else 1
    return float(re.sub(r"[^\d.-]", "", text.replace(",", ""))) * scale


def _read_pairs(run: str, pair_re: re.Pattern) -> list[tuple[str, float]]:
    pairs = []
    for m in pair_re.finditer(run):
        value = re.sub(r"^the\s+", "", m["v"].strip(), flags=re.I)
        value = re.sub(r"\s+(?:plan|tier|level|customers?|members?|users?|accounts?)$", "", value, flags=re.I) or value
        pairs.append((value, _number(m["n"])))
    return pairs


def find_value_map(text: str) -> tuple[int, int, ValueMap] | None:
    """The first mapping of two or more (value, number) pairs in ``text``: (start, end, mapping)."""
    best = None
    for run_re, pair_re in zip(RUN_RES, PAIR_RES):
        for m in run_re.finditer(text):
            pairs = _read_pairs(m.group(0), pair_re)
            values = [v.lower() for v, _ in pairs]
            if len(pairs) < 2 or len(set(values)) < len(values) or set(values) & NOT_VALUES:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), m.end(), ValueMap(tuple(pairs), m.group(0)))
            break
    ranged = cr.find_range_run(text)
    if ranged is not None and (best is None or ranged[0] < best[0]):
        start, end, ranges, cue = ranged
        best = (start, end, ValueMap(tuple((v, lo) for v, lo, _ in ranges), text[start:end],
                                     tuple(hi for _, _, hi in ranges), cue))
    return best


def map_spans(text: str) -> list[tuple[int, int]]:
    """Where mappings sit in ``text``: an 'and' inside one joins two pairs, not two columns."""
    found = find_value_map(text)
    return [found[:2]] if found else []


def join_value_maps(parts: list[str]) -> list[str]:
    """'monthly price which is 0 for free', '29 for pro and 499 for enterprise' -> one piece."""
    out: list[str] = []
    for part in parts:
        piece = part.strip()
        if out and (any(tail.search(out[-1]) and whole.fullmatch(piece) for tail, whole in zip(TAIL_RES, PIECE_RES))
                    or cr.continues_run(out[-1], piece)):
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(part)
    return out


def split_value_map(item: str) -> tuple[str, ValueMap | None]:
    """A column's words without its mapping, and the mapping ('price: 0 for free, 29 for pro' -> 'price')."""
    found = find_value_map(item)
    if found is None:
        return item, None
    start, end, mapping = found
    head = LEAD_RE.sub("", item[:start]).strip()
    rest = item[end:].strip(" ,;.")
    if mapping.tops:  # 'weight in kg depending on species (cats 2-6 kg, ...)': the label stops at the cue
        head = LEAD_RE.sub("", item[:cr.cue_start(item[:start])]).strip(" ,;:(")
        rest = rest.lstrip(") ,;.")
    if not re.search(r"[A-Za-z]", head):
        return item, None  # no label before the mapping: nothing to name the column
    return (f"{head}, {rest}" if rest else head), mapping


def link_value_maps(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """Each mapped column becomes CASE WHEN <category> = 'v' THEN n ... END over the column holding the values."""
    for draft in drafts:
        mapping: ValueMap | None = getattr(draft, "value_map", None)
        if mapping is None:
            continue
        if mapping.tops:
            _link_ranges(draft, mapping, drafts, warnings)
            continue
        wanted = {cr.norm_value(v) for v, _ in mapping.pairs}
        best, best_cover = cr.enum_covering(draft, drafts, wanted)
        if best is None or best_cover < max(2, len(wanted) - 1):
            _keep_as_numbers(draft, mapping, warnings)
            continue
        by_value = {cr.norm_value(str(v)): v for v in best.constraints["enum_values"]}
        numbers = [_render(n) for _, n in mapping.pairs]
        column = best.name if re.fullmatch(r"[a-z_][a-z0-9_]*", best.name) and best.name.upper() not in SQL_WORDS \
            else f"`{best.name}`"  # 'case' or 'end' as a column would not parse bare
        arms = [f"WHEN {column} = {_quote(by_value[cr.norm_value(v)])} THEN {num}"
                for (v, _), num in zip(mapping.pairs, numbers) if cr.norm_value(v) in by_value]
        unmapped = [v for v in best.constraints["enum_values"] if cr.norm_value(str(v)) not in wanted]
        if unmapped:
            warnings.append(f"'{draft.label}' gives no number for {', '.join(map(str, unmapped))} of '{best.name}'; "
                            "those rows leave it empty")
            draft.constraints["nullable"] = True
        draft.constraints["expression"] = "CASE " + " ".join(arms) + " END"
        _set_number_type(draft, mapping)
        draft.derived = True
        draft.formula_text = None


def _link_ranges(draft: FieldDraft, mapping: ValueMap, drafts: list[FieldDraft], warnings: list[str]) -> None:
    """Each row's number is drawn inside the range of its category's value."""
    ranges = [(v, lo, hi) for (v, lo), hi in zip(mapping.pairs, mapping.tops)]
    best = cr.category_column(draft, drafts, [v for v, _, _ in ranges], mapping.cue, resolve_field)
    kept = draft.type if draft.type in ("float", "decimal", "currency") else None  # 'weight in kg' keeps its decimals
    _set_number_type(draft, mapping)
    if kept and draft.type == "integer":
        draft.type = kept
        draft.constraints["decimals"] = draft.decimals if draft.decimals is not None else 2
    low, high = min(lo for _, lo, _ in ranges), max(hi for _, _, hi in ranges)
    if best is None:
        draft.constraints.update({"min_value": cr._tidy(low), "max_value": cr._tidy(high)})
        warnings.append(f"no column holds the values {', '.join(v for v, _, _ in ranges)} that '{draft.label}' "
                        f"has a range for; it spans {cr._tidy(low)}-{cr._tidy(high)} - add that column to tie them")
        return
    by_value = {cr.norm_value(str(v)): v for v in best.constraints["enum_values"]}
    column = best.name if re.fullmatch(r"[a-z_][a-z0-9_]*", best.name) and best.name.upper() not in SQL_WORDS \
        else f"`{best.name}`"
    decimals = 0 if draft.type == "integer" else draft.constraints.get("decimals", 2)
    expression = cr.ranged_expression(column, ranges, by_value, decimals, _quote)
    unmapped = [v for v in best.constraints["enum_values"] if cr.norm_value(str(v)) not in {cr.norm_value(v) for v, _, _ in ranges}]
    if unmapped:
        warnings.append(f"'{draft.label}' gives no range for {', '.join(map(str, unmapped))} of '{best.name}'; "
                        f"those rows take {cr._tidy(low)}-{cr._tidy(high)}")
        expression = expression[:-4] + f" ELSE round(uniform({cr._tidy(low)}, {cr._tidy(high)}), {decimals}) END"
    draft.constraints["expression"] = expression
    draft.derived = True
    draft.formula_text = None


def _keep_as_numbers(draft: FieldDraft, mapping: ValueMap, warnings: list[str]) -> None:
    """No column holds the mapping's values: the column takes those numbers, and the user is told."""
    _set_number_type(draft, mapping)
    draft.constraints["enum_values"] = [_tidy(n) for _, n in mapping.pairs]
    warnings.append(f"no column holds the values {', '.join(v for v, _ in mapping.pairs)} that '{draft.label}' "
                    "is given per value; it takes those numbers at random - add that column to tie them")


def _set_number_type(draft: FieldDraft, mapping: ValueMap) -> None:
    for key in ("min_value", "max_value", "distribution", "enum_values", "weights", "when", "cardinality"):
        draft.constraints.pop(key, None)
    if mapping.integral and draft.type not in ("decimal", "currency"):
        draft.type = "integer"
        draft.constraints.pop("decimals", None)
    elif draft.type not in ("decimal", "float", "currency"):
        draft.type = "decimal"
        draft.constraints["decimals"] = 2
    draft.condition_text = None


def _tidy(n: float) -> int | float:
    return int(n) if float(n).is_integer() else n


def _render(n: float) -> str:
    return str(_tidy(n))


def _quote(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"
