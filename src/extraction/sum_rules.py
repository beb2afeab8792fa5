"""Columns that must add up to a total: 'carbs, protein and fat pct must sum to 100', 'the three shares add up
to 100'. The last column is the remainder (total minus the others) and the others are kept small enough
that the remainder never goes below zero, so the rule holds on every row."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.columns import is_numeric
from src.extraction.drafts import FieldDraft

SUM_TO_RE = re.compile(r"\b(?:(?:must|should|always|will|together|all|to)\s+)*(?:sum|add(?:s)?\s+up|adds?|total)\s+"
                       r"to\s+(?:exactly\s+)?(?P<t>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)?", re.I)
GROUP_RE = re.compile(r"^\s*(?:the\s+|all\s+|these\s+)*(?:(?P<n>two|three|four|five|six|\d)\s+)?(?P<w>[a-z][a-z-]*s)\s*$",
                      re.I)
PRONOUN_RE = re.compile(r"\s*(?:and\s+|which\s+|that\s+)?(?:they|these|all|together|all\s+of\s+them|them)?\s*", re.I)
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def link_sum_rules(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """Find each 'must sum to T' and make its last column T minus the others."""
    for draft in list(drafts):
        stated = SUM_TO_RE.search(draft.source or "")
        if stated is None or draft.constraints.get("expression"):
            continue
        total = float(stated["t"])
        before = draft.source[: stated.start()]
        group = GROUP_RE.match(before)
        index = drafts.index(draft)
        if PRONOUN_RE.fullmatch(before) and index > 0:  # 'housing, food, savings percent, all add up to 100'
            members = _listed_before(drafts[index - 1], drafts)
            if members is None:
                continue
            drafts.remove(draft)
        elif group:  # 'the three shares add up to 100': a statement, not a column
            members = _group_members(group, draft, drafts)
            if members is None:
                continue
            drafts.remove(draft)
        else:  # 'carbs pct, protein pct and fat pct must sum to 100': this one and the ones listed before it
            members = _listed_before(draft, drafts)
            if members is None:
                continue
        _make_remainder(members, total, warnings)


def _group_members(group: re.Match, draft: FieldDraft, drafts: list[FieldDraft]) -> list[FieldDraft] | None:
    word = fm.singular(group["w"].lower())
    named = [d for d in drafts if d is not draft and is_numeric(d) and not d.derived
             and any(fm.singular(t) == word for t in d.tokens)]
    n = group["n"] or ""
    wanted = int(n) if n.isdigit() else COUNT_WORDS.get(n.lower(), len(named))
    return named if len(named) == wanted >= 2 else None


def _listed_before(draft: FieldDraft, drafts: list[FieldDraft]) -> list[FieldDraft] | None:
    """The run of numeric columns just before this one that share a word with it ('... pct')."""
    if not is_numeric(draft) and not _untyped(draft):
        return None
    words = set(draft.tokens)
    members = [draft]
    for other in reversed(drafts[: drafts.index(draft)]):
        if not ((is_numeric(other) or _untyped(other)) and not other.derived and words & set(other.tokens)):
            break
        members.insert(0, other)
    return members if len(members) >= 2 else None


def _untyped(draft: FieldDraft) -> bool:
    """'sand fraction' read as text for want of a range: a number once it is one of a sum."""
    return draft.type == "string" and not draft.enum_items and not draft.meaning_known


def _make_remainder(members: list[FieldDraft], total: float, warnings: list[str]) -> None:
    for member in members:
        if _untyped(member):
            member.type, member.kind, member.meaning_known = "float", fm.FLOAT, True
            unknown = f"could not understand '{member.label}'; used a text column"
            warnings[:] = [w for w in warnings if w != unknown]
    *others, last = members
    whole = total.is_integer() and all(d.type == "integer" for d in others)
    share = total / len(others)
    for other in others:
        c = other.constraints
        top = c.get("max_value")
        bound = min(share, top) if isinstance(top, (int, float)) else share
        c["max_value"] = int(bound) if whole else round(bound - 0.005, 2) if round(bound, 2) > bound else round(bound, 2)
        low = c.get("min_value")
        c["min_value"] = low if isinstance(low, (int, float)) and 0 <= low <= c["max_value"] else 0
    decimals = 0 if whole else max([d.constraints.get("decimals", 2) for d in others] + [0])
    t = int(total) if total.is_integer() else total
    rest = " + ".join(d.name for d in others)
    c = last.constraints
    for key in ("min_value", "max_value", "distribution", "enum_values", "weights"):
        c.pop(key, None)
    last.derived, last.formula_text = True, None
    last.type, last.kind = ("integer", fm.INT) if whole else ("float", fm.FLOAT)
    c["expression"] = f"{t} - ({rest})" if whole else f"round({t} - ({rest}), {decimals})"
    if not whole:
        c["decimals"] = decimals
    names = ", ".join(d.name for d in members)
    ranges = ", ".join(f"{d.name} {d.constraints['min_value']}-{d.constraints['max_value']}" for d in others)
    warnings.append(f"{names} sum to {t} on every row: '{last.name}' is {t} minus the others, kept to {ranges} "
                    "so it never goes below 0")
