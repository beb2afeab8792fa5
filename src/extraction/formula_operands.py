"""Operands of a formula written short: a letter or short name introduced with a column ('start % (s)'), or
the first letters of a column ('m * f / 100' over milk kg and fat pct, 's - e' over start and end), and numbered
ranges of columns ('mean of q1-q5', 'sum of score_1 to score_4')."""

from __future__ import annotations

import re

from src.extraction.columns import is_numeric
from src.extraction.drafts import FieldDraft

SHORT_NAME_RE = re.compile(r"[a-z]{1,3}")
# A short name given with a column: 'start % (s)', 'milk kg [m]', 'fat (f) 3-5 %'.
ALIAS_RE = re.compile(r"[(\[]\s*(?:[a-z]+\s*=\s*)?(?P<a>[a-z]{1,3})\s*[)\]]", re.I)
NUMBERED_RANGE_RE = re.compile(r"\b(?P<p>[a-z][a-z_]*?)_?(?P<a>\d{1,2})\s*(?:-|–|\.\.\.?|to|through|thru)\s*"
                               r"(?:(?P=p)_?)?(?P<b>\d{1,2})\b", re.I)


def expand_numbered_ranges(text: str, drafts: list[FieldDraft]) -> str:
    """'q1-q5' -> 'q1, q2, q3, q4, q5' when each of those columns exists (else the text is left as written)."""
    names = {d.name for d in drafts}

    def expand(m: re.Match) -> str:
        low, high = int(m["a"]), int(m["b"])
        if not 0 <= low < high <= low + 30:
            return m.group(0)
        prefix = m["p"].lower()
        found = []
        for i in range(low, high + 1):
            name = next((n for n in (f"{prefix}{i}", f"{prefix}_{i}") if n in names), None)
            if name is None:
                return m.group(0)
            found.append(name)
        return ", ".join(found[:-1]) + " and " + found[-1]
    return NUMBERED_RANGE_RE.sub(expand, text)


def alias_of(draft: FieldDraft) -> str | None:
    """The short name a column was introduced with: 'start % (s) 60-100' -> 's'."""
    head = draft.source[: len(draft.label) + 12] if draft.source else ""
    m = ALIAS_RE.search(head)
    return m["a"].lower() if m else None


def resolve_short_name(piece: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> FieldDraft | None:
    """The one numeric column a letter or short name stands for: its alias, else the column whose name (or one
    of whose words) starts with it; nothing when that is ambiguous."""
    if not SHORT_NAME_RE.fullmatch(piece):
        return None
    numeric = [d for d in drafts if d is not self_draft and is_numeric(d)]
    aliased = [d for d in numeric if alias_of(d) == piece]
    if len(aliased) == 1:
        return aliased[0]
    for starts in (lambda d: d.name.startswith(piece),
                   lambda d: "".join(t[0] for t in d.name.split("_") if t) == piece,
                   lambda d: any(t.startswith(piece) for t in d.name.split("_"))):
        found = [d for d in numeric if starts(d)]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


NUMBERED_LABEL_RE = re.compile(r"(?P<p>[a-z]+)(?P<sep>_?)(?P<a>\d{1,2})\s*(?:-|–|\.\.\.?|to|through|thru)\s*(?:(?P=p)_?)?"
                               r"(?P<b>\d{1,2})(?:\s+(?:each|all|every\s+one))?", re.I)


def split_numbered_label(label: str) -> list[str] | None:
    """'q1..q5 each' -> ['q1', ..., 'q5']: one column per number of the range, each with the rules after it."""
    m = NUMBERED_LABEL_RE.fullmatch(label.strip())
    if m is None or not 0 <= int(m["a"]) < int(m["b"]) <= int(m["a"]) + 30:
        return None
    return [f"{m['p']}{m['sep']}{i}" for i in range(int(m["a"]), int(m["b"]) + 1)]


def group_operands(phrase: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> list[str] | None:
    """'the candidate votes', 'all the scores' -> every numeric column named with those words (two or more)."""
    from src.extraction import field_meaning as fm  # the label table loads once the extractor runs
    from src.extraction.columns import FILLER, tokens_of

    words = {fm.singular(t) for t in fm.tokenize(phrase) if t not in FILLER | {"all", "every", "each", "other"}}
    if not words:
        return None
    head = [fm.singular(t) for t in fm.tokenize(phrase)][-1:]
    for wanted in (words, set(head)):  # 'the candidate votes' over 'alice votes', 'bob votes': the head word
        named = [d.name for d in drafts if d is not self_draft and is_numeric(d) and not d.derived
                 and wanted and wanted <= tokens_of(d)]
        if len(named) >= 2:
            return named
    return None


# Words the expression dialect keeps as keywords: a column named 'end' or 'case' is written `end` in a rule.
SQL_KEYWORDS = {"and", "or", "not", "in", "between", "is", "null", "true", "false", "case", "when", "then", "else",
                "end"}
_TOKEN_RE = re.compile(r"'(?:[^']|'')*'|`[^`]*`|\b[a-z_][a-z0-9_]*\b")


def quote_keyword_names(drafts: list[FieldDraft]) -> None:
    """Column names that are keywords, in backticks wherever an expression or condition of another column
    reads them (the rules' own keywords are written in capitals)."""
    names = {d.name for d in drafts if d.name in SQL_KEYWORDS}
    if not names:
        return

    def quote(m: re.Match) -> str:
        return f"`{m.group(0)}`" if m.group(0) in names else m.group(0)
    for draft in drafts:
        for key in ("expression", "when"):
            rule = draft.constraints.get(key)
            if isinstance(rule, str):
                draft.constraints[key] = _TOKEN_RE.sub(quote, rule)
