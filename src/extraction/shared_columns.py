"""One clause naming several columns with one rule -> one clause per column (clause stage).

- numbered runs: 'q1..q5 each 1-5', 'Q1-Q5 (1-5 scale)', 'item1 to item4: yes/no' -> q1 .. q5, each with the rule;
- 'each': 'height and width each 10-200 cm', 'Height and width in centimetres, 10 to 400 each';
- a shared head after paired words: 'valid from / valid to dates in 2025', 'start and end dates in 2024'
  -> valid_from, valid_to, each a date in 2025.
"""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm

MAX_NUMBERED = 30
NUMBERED_RE = re.compile(r"^(?P<p>[A-Za-z][A-Za-z_]{0,15}?)_?(?P<a>\d{1,2})\s*(?P<sep>\.\.\.?|…|-|–|to|through|thru)\s*"
                         r"(?P<p2>[A-Za-z][A-Za-z_]{0,15}?)?_?(?P<b>\d{1,2})\b(?P<rest>.*)$", re.I)
NAME = r"(?:the\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,2}?"
JOIN = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)"
EACH_RE = re.compile(rf"^(?P<names>{NAME}(?:{JOIN}{NAME})+)\s*(?P<rest>(?:,\s*)?(?:\S.*)?\beach\b.*)$", re.I)
EACH_WORD_RE = re.compile(r"\s*,?\s*\beach\b\s*,?\s*", re.I)
HEADS = r"(?:dates?|times?|timestamps?|datetimes?|amounts?|prices?|counts?|scores?|ids?|codes?|names?)"
SHARED_HEAD_RE = re.compile(rf"^(?P<names>{NAME}(?:{JOIN}{NAME})+?)\s+(?P<head>{HEADS})\b(?P<rest>.*)$", re.I)
PREPOSITION_END_RE = re.compile(r"\s(?:from|to|until|till|since|on|at|by)$", re.I)


# 'mean of q1-q5', 'the sum of item1..item4': a run of numbered columns inside a rule, written out
INNER_RUN_RE = re.compile(r"(?P<lead>\b(?:of|over|across|among|sum|mean|average|avg|total|max|min)\s+(?:the\s+)?)"
                          r"(?P<p>[A-Za-z][A-Za-z_]{0,15}?)(?P<a>\d{1,2})\s*(?:\.\.\.?|…|-|–|to|through|thru)\s*"
                          r"(?P=p)(?P<b>\d{1,2})\b", re.I)


def expand_shared_columns(item: str) -> list[str]:
    """The clauses of each column an item names with one rule; [item] when it names one column."""
    spell = not NUMBERED_RE.match(item.strip()) and "=" not in item  # 'total = sum of t1 to t4': the formula reads runs
    text = INNER_RUN_RE.sub(_spell_run, item.strip()) if spell else item.strip()
    return _numbered(text) or _each(text) or _shared_head(text) or [text if text != item.strip() else item]


def _spell_run(m: re.Match) -> str:
    a, b = int(m["a"]), int(m["b"])
    if not a < b <= a + MAX_NUMBERED:
        return m.group(0)
    names = [f"{m['p']}{n}" for n in range(a, b + 1)]
    return m["lead"] + ", ".join(names[:-1]) + f" and {names[-1]}"  # 'gate A1 to A30' stays a code range


def _numbered(text: str) -> list[str] | None:
    m = NUMBERED_RE.match(text)
    if m is None or (m["p2"] and m["p2"].lower() != m["p"].lower()) or (not m["p2"] and m["sep"] in "-–"):
        return None  # 'q1-5' may be one column's range; 'q1-q5' and 'q1..5' are runs
    a, b = int(m["a"]), int(m["b"])
    if not a < b <= a + MAX_NUMBERED or re.match(r"\s*(?:[-–]|to)\s*\d", m["rest"]):
        return None  # 'age 18-65' has no prefix on both sides; 'q1-5 to 9' is no run
    rest = EACH_WORD_RE.sub(" ", m["rest"]).strip(" ,")
    sep = "_" if "_" in text[:m.start("a")] else ""
    return [_with_rule(f"{m['p']}{sep}{n}", rest) for n in range(a, b + 1)]


def _with_rule(name: str, rest: str) -> str:
    return f"{name}{rest}" if rest.startswith(":") else f"{name} {rest}".strip()


def _split_names(names: str) -> list[str]:
    parts = [re.sub(r"^the\s+", "", p.strip(), flags=re.I) for p in re.split(JOIN, names) if p.strip()]
    return [p for p in parts if p]


def _names_columns(names: list[str]) -> bool:
    return len(names) >= 2 and all(len(n.split()) <= 3 and ("_" in n or fm.classify_tokens(fm.tokenize(n)) is not None)
                                   for n in names)


# A clause naming a few columns with one rule is short; a longer text would cost EACH_RE cubic time on a miss.
MAX_SHARED_CLAUSE = 240


def _each(text: str) -> list[str] | None:
    if len(text) > MAX_SHARED_CLAUSE or not EACH_WORD_RE.search(text):
        return None
    m = EACH_RE.match(text)
    if m is None:
        return None
    names = _split_names(m["names"])
    if not _names_columns(names):
        return None
    rest = EACH_WORD_RE.sub(" ", m["rest"]).strip(" ,")
    return [_with_rule(name, rest) for name in names]


def _shared_head(text: str) -> list[str] | None:
    """'valid from / valid to dates in 2025': words that end in a preposition share the head after them."""
    m = SHARED_HEAD_RE.match(text) if len(text) <= MAX_SHARED_CLAUSE else None
    if m is None:
        return None
    names = _split_names(m["names"])
    if len(names) < 2 or not all(PREPOSITION_END_RE.search(" " + n) for n in names):
        return None
    head = re.sub(r"s$", "", m["head"].lower())
    return [f"{name.replace(' ', '_')} ({head}{m['rest']})" for name in names]
