"""Rules that point at each other: 'clicks divided by impressions' beside 'cost per click is spend divided by
clicks' with no clicks column must not make a cycle the engine refuses. The last rule that closes a cycle is
dropped, with a warning naming it, so the schema is always accepted."""

from __future__ import annotations

import re

from src.extraction.drafts import FieldDraft

REFERENCE_RULES = ("expression", "when", "after", "before")


def references_of(draft: FieldDraft) -> set[str]:
    """The column names a draft's rules read."""
    names: set[str] = set()
    for rule in REFERENCE_RULES:
        value = draft.constraints.get(rule)
        if isinstance(value, str):
            names |= references_of_rule(value)
    return names


def depends_on_draft(draft: FieldDraft, target: FieldDraft, drafts: list[FieldDraft]) -> bool:
    """Whether ``draft``'s rules read ``target``, directly or through other columns."""
    by_name = {d.name: d for d in drafts}
    seen, stack = set(), [draft]
    while stack:
        current = stack.pop()
        for name in references_of(current):
            if name == target.name:
                return True
            if name not in seen and name in by_name:
                seen.add(name)
                stack.append(by_name[name])
    return False


def break_cycles(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """Drop the rule that closes each cycle of references (the engine would refuse the schema)."""
    for draft in drafts:
        for rule in REFERENCE_RULES:
            value = draft.constraints.get(rule)
            if not isinstance(value, str):
                continue
            readers = [d for d in drafts if d.name in references_of_rule(value) and d is not draft]
            if any(d is draft for d in readers) or any(depends_on_draft(d, draft, drafts) for d in readers):
                draft.constraints.pop(rule)
                if rule == "expression":
                    draft.derived = False
                warnings.append(f"dropped the rule {rule} = '{value}' of '{draft.label}': it reads a column that "
                                "reads it back; check which columns it should use")


def references_of_rule(value: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", re.sub(r"'[^']*'", " ", value)))
