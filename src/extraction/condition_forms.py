"""Conditions written before their column, turned into the column-first form the field reader takes:
'if status is shipped then tracking number' -> 'tracking number, only if status is shipped'; 'If it was paid,
the paid date, otherwise leave it empty'; 'if the outcome is pending there's no closed date' -> 'closed date,
empty if the outcome is pending'; 'Records whose disposition is X shall have no discharge time' -> 'discharge
time, empty when disposition is X'; 'when the state is fixed, a repair cost of $20-$400'."""

from __future__ import annotations

import re

from src.extraction.conditions import OTHERWISE_RE

_COND = r"(?P<c>[^,;:]{3,80}?)"
_THEN = r"(?:\s*,\s*(?:then\s+)?|\s+then\s+|\s*[:;]\s*)"
# Verbs that only bring in the column after the condition: 'then add a tracking number', 'we record the paid date'.
_BRING = (r"(?:(?:we\s+)?(?:need|want|add|record|include|give|store|put|fill\s+in|show|track|have|keep|set|log)\s+|"
          r"(?:there\s+is|there's|there\s+should\s+be|it\s+has|it\s+gets|include)\s+)?")
_ARTICLE = r"(?:(?:a|an|the|its|their)\s+)?"
LEADING_IF_RE = re.compile(rf"^\s*(?:only\s+)?(?P<k>if|when|whenever|where|once)\s+{_COND}{_THEN}{_BRING}{_ARTICLE}"
                           rf"(?P<col>[a-z][^,;]*?)\s*(?P<tail>[,;].*)?$", re.I)
LEADING_NO_RE = re.compile(rf"^\s*(?P<k>if|when|whenever|where|once)\s+{_COND}\s*,?\s*(?:there\s+is|there's|there\s+are|"
                           rf"there\s+will\s+be|it\s+has|they\s+have|we\s+have|leave)\s+(?:no|out\s+the|empty\s+the)\s+"
                           rf"(?P<col>[a-z][^,;]*?)\s*(?P<tail>[,;].*)?$", re.I)
WHOSE_NO_RE = re.compile(r"^\s*(?:(?:the\s+)?(?:rows?|records?|entries|ones|items|cases|those)\s+)?(?:whose|where|with)\s+"
                         r"(?P<c>[^,;]{3,80}?)\s+(?:shall|must|should|will|may)?\s*(?:have|get|carry|show)\s+no\s+"
                         r"(?P<col>[a-z][^,;]*?)\s*(?P<tail>[,;].*)?$", re.I)
# A condition states something of a column: 'status is shipped', 'it was paid', 'progress = 100' ('if possible',
# 'when it rains' are no conditions on a column).
STATE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|equals?|reaches|exceeds|isn['’]t|wasn['’]t)\b|[=<>≥≤]", re.I)
# The rest of the sentence after the column: 'otherwise the closed date comes after the filing date' keeps its rule.
TAIL_RULE_RE = re.compile(r"^[,;]\s*(?:and\s+|but\s+)?(?:otherwise|else|for\s+the\s+others?)\s*,?\s*(?:the\s+|it\s+|its\s+)?"
                          r"(?:[a-z_ ]{0,40}?\s+)?(?:comes|is|falls|must\s+be|should\s+be|shall\s+be|lies)\s+(?P<rule>.+)$",
                          re.I)


def move_leading_conditions(items: list[str]) -> list[str]:
    """Each item whose condition comes before the column it governs, rewritten column first."""
    return [move_leading_condition(item) for item in items]


def move_leading_condition(item: str) -> str:
    text = item.strip().rstrip(".")
    for pattern, word in ((WHOSE_NO_RE, "empty when"), (LEADING_NO_RE, "empty {k}"), (LEADING_IF_RE, "only {k}")):
        m = pattern.match(text)
        if m is None or _is_not_a_column(m["col"]) or not STATE_RE.search(m["c"]):
            continue
        keyword = word.format(k=(m.groupdict().get("k") or "when").lower().replace("whenever", "when")
                              .replace("once", "when"))
        tail = (m["tail"] or "").strip()
        rule = TAIL_RULE_RE.match(tail)
        rest = f", {rule['rule']}" if rule else "" if OTHERWISE_RE.fullmatch(tail.strip(" ,;")) or not tail else f" {tail}"
        return f"{m['col'].strip()} ({keyword} {m['c'].strip()}){rest}"
    return item


def _is_not_a_column(words: str) -> bool:
    """'if possible', 'when needed': no column after the condition; a whole clause is no column either."""
    tokens = words.lower().split()
    return not tokens or len(tokens) > 6 or tokens[0] in ("it", "they", "we", "you", "this", "that", "possible",
                                                           "needed", "any", "so", "not", "is", "are")
