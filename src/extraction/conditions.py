"""A column present only for some rows, in words: 'only when status is critical', 'given only to admitted
students', 'a late fee that's only there when the bill is not paid', 'only exists for dismissed, settled and
decided cases'. The qualifier reader keeps the words of the condition; ``relations`` resolves them against the
other columns once every column has its draft."""

from __future__ import annotations

import re

from src.extraction import phrases as ph
from src.extraction.drafts import FieldDraft


# Words after the condition keyword that are not a condition ('for each order', 'if any').
NOT_A_CONDITION = r"(?!(?:each|every|all|any|example|instance|now|the\s+(?:whole|entire)|applicable|needed|known)\b)"
# A value list the condition goes on with, closed by 'and'/'or': 'for dismissed, settled and decided cases'.
_ITEM = r"(?!(?:after|before|between|from|up\s+to|and\s+(?:a|an|the)\b)\b)[a-z][a-z' -]{0,30}?"
LIST_TAIL = rf"(?:(?:\s*,\s*{_ITEM})*?\s*,\s*(?:{_ITEM}\s)?(?:and|or)\s+{_ITEM})?"
CONDITION_RE = re.compile(
    rf"(?:\bonly\s+)?\b(?P<k>for|if|when|whenever|where|unless|except|to|on)\s+{NOT_A_CONDITION}"
    rf"(?P<c>[^,;()]+?{LIST_TAIL})(?:\s+only)?\s*(?=$|[,;()])", re.I)
# 'to' opens a condition only after 'given only', 'paid only', 'offered only': 'up to 500' is a range; 'on' only
# after 'only' ('revenue only on purchase events'), never 'on time' or 'on or after'.
ONLY_TO_RE = re.compile(r"\bonly\s+(?:given\s+|paid\s+|offered\s+|awarded\s+|issued\s+)?(?:to|on)\s+", re.I)
# 'admitted students only', 'refunds only': the words before 'only' are the condition.
TRAILING_ONLY_RE = re.compile(r"\b(?P<c2>[a-z][a-z ]*?)\s+only\b", re.I)
# Verbs of presence a condition follows ('appears only when', 'exists only for', "that's only there when").
PRESENCE_WORDS = {"s", "appears", "appear", "exists", "exist", "there", "present", "shown", "set", "filled",
                  "given", "recorded", "populated", "included", "available", "is", "are", "be", "it", "that"}
# 'true when', 'is set when' make a yes/no column; a bare 'set when' ('resolved at set when ...') is presence.
TRUE_WHEN_RE = re.compile(r"(?:\b(?:which|that)\s+)?(?:(?:\b(?:is|are|will\s+be|should\s+be|set\s+to)\s+)?"
                          r"\b(?:true|yes|flagged|on)|\b(?:is|are|will\s+be|should\s+be)\s+set)\s*$", re.I)
# Words of presence around a condition that say nothing more: 'present for', 'set only when', '(else blank)',
# 'empty otherwise', 'for the rest leave it empty'.
PRESENCE = r"(?:set|present|filled(?:\s+in)?|populated|recorded|given|shown|there|available|included|exists?|appears?)"
PRESENCE_BEFORE_RE = re.compile(rf"(?:\b(?:is|are|will\s+be|should\s+be|only)\s+)*\b{PRESENCE}(?:\s+only)?\s*$", re.I)
EMPTY = r"(?:empty|blank|null|none|missing|n/?a|nothing)"
OTHERWISE_RE = re.compile(rf"(?:\(\s*)?\b(?:(?:and\s+|but\s+)?(?:otherwise|else)\s*,?\s*(?:(?:leave|left|keep|kept|make|it|is|be|"
                          rf"should\s+be|stays?)\s+)*{EMPTY}(?:\s+otherwise)?|{EMPTY}\s+(?:otherwise|elsewhere|for\s+the\s+"
                          rf"(?:rest|others))|for\s+(?:the\s+)?(?:rest|others|other\s+rows)\s*,?\s*(?:(?:leave|left|keep|it|is|"
                          rf"should\s+be|stays?)\s+)*{EMPTY})\b(?:\s*\))?", re.I)
ABSENT_BEFORE_RE = re.compile(r"\b(?:null|empty|blank|missing|none|n/?a)\s*$", re.I)


def find_condition(text: str) -> re.Match | None:
    """The condition phrase of a column's qualifier text, keyword forms first ('s only when' is 'when')."""
    for m in CONDITION_RE.finditer(text):
        if m["k"].lower() not in ("to", "on") or ONLY_TO_RE.search(text[max(0, m.start() - 20): m.end("k") + 1]):
            return m
    trailing = TRAILING_ONLY_RE.search(text)
    if trailing and trailing["c2"].strip().lower().split()[-1] not in PRESENCE_WORDS:
        return trailing
    return None


def read_condition(draft: FieldDraft, text: str) -> str:
    """Take the condition words out of ``text`` into ``draft.condition_text`` and say when it is absent."""
    condition = find_condition(text)
    if condition is None:
        return text
    groups = condition.groupdict()
    keyword = (groups.get("k") or "").lower()
    draft.condition_text = (groups.get("c") or groups.get("c2") or "").strip()
    # 'unless deposit' and 'null if not shipped' state when the value is absent
    absent = bool(ABSENT_BEFORE_RE.search(text[: condition.start()]))
    draft.condition_negated = absent != (keyword in ("unless", "except"))
    before, after = text[: condition.start()], text[condition.end():]
    if absent:
        before = ABSENT_BEFORE_RE.sub(" ", before)  # 'empty when ...': said by the condition now
    truth = TRUE_WHEN_RE.search(before)
    if truth and keyword:
        draft.type_hint = "boolean"  # 'overdue: true if days outstanding > 30', '..., which is true when ...'
        before = before[: truth.start()]
    presence = PRESENCE_BEFORE_RE.search(before)
    if presence:  # 'present for shipped orders', 'set only when': the words only say the value is there
        before = before[: presence.start()]
    return OTHERWISE_RE.sub(" ", f"{before} {after}").strip()
