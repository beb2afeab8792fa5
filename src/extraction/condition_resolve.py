"""A condition in words -> the `when` of the column it governs: 'payments' -> "transaction_type = 'payment'",
'the status is cancelled' -> "status = 'cancelled'", 'progress is 100' -> 'progress = 100', 'referral source is
given' -> 'referral_source IS NOT NULL'. The condition column is found by a fuzzy match of its label."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.columns import FILLER, NUMERIC_KINDS, resolve_field, tokens_of
from src.extraction.drafts import FieldDraft


# 'isn't' -> 'is not', so a condition reads its negation.
NEGATED_CONTRACTION_RE = re.compile(r"\b(is|are|was|were|does|do|did|has|have|had|ca|wo)n['’]t\b", re.I)
TRUTHY_WORDS = {"yes", "y", "true", "t", "1"}
FALSY_WORDS = {"no", "n", "false", "f", "0"}


def _quote(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


N = r"-?\$?\d+(?:\.\d+)?"
# Comparisons in words -> operators: 'the score is 50 or more' -> 'the score >= 50'.
COMPARISON_WORDS = [
    (r"≥", ">="), (r"≤", "<="),
    (r"\s+(?:is\s+|are\s+)?(?:at\s+least|no\s+less\s+than|not\s+less\s+than|greater\s+than\s+or\s+equal\s+to|"
     r"equal\s+to\s+or\s+(?:more|greater)\s+than|reaches|hits)\s+", " >= "),
    (r"\s+(?:is\s+|are\s+)?(?:at\s+most|no\s+more\s+than|not\s+more\s+than|less\s+than\s+or\s+equal\s+to)\s+", " <= "),
    (rf"\s+(?:is\s+|are\s+|of\s+)?({N})\s*(?:or|and)\s+(?:more|above|higher|greater|over|up|beyond|older|later|"
     r"longer|bigger|larger)\b", r" >= \1"),
    (rf"\s+(?:is\s+|are\s+|of\s+)?({N})\s*(?:or|and)\s+(?:less|fewer|below|lower|under|younger|earlier|shorter|"
     r"smaller)\b", r" <= \1"),
    (r"\s+(?:is\s+|are\s+)?(?:older|longer|later)\s+than\s+", " > "),
    (r"\s+(?:is\s+|are\s+)?(?:younger|shorter|earlier)\s+than\s+", " < "),
    (r"\s+(?:is\s+|are\s+)?(?:exceeds?|exceeding|tops?)\s+", " > "),
    (r"\s+(?:is\s+|are\s+|falls\s+|drops\s+)?(?:below|under|less\s+than|lower\s+than|smaller\s+than)\s+", " < "),
    (r"\s+(?:is\s+|are\s+|goes\s+|rises\s+)?(?:above|over|more\s+than|greater\s+than|higher\s+than|larger\s+than)\s+",
     " > "),
]


# 'X is given' / 'X is missing': the condition is whether the other column holds a value.
PRESENT_WORDS = {"given", "set", "known", "present", "filled", "recorded", "provided", "available", "entered",
                 "populated", "specified", "stated"}
ABSENT_WORDS = {"missing", "empty", "blank", "null", "unknown", "absent", "unset", "none"}
EMPTINESS_RE = re.compile(rf"(?:the\s+)?(?P<f>[a-z][a-z0-9 ]*?)\s+(?:is|are|was|has\s+been)\s+(?P<no>not\s+)?"
                          rf"(?P<w>{'|'.join(sorted(PRESENT_WORDS | ABSENT_WORDS))})")
NEGATED_OPERATORS = {"=": "!=", "!=": "=", ">": "<=", "<": ">=", ">=": "<", "<=": ">"}


def resolve_condition(text: str, self_draft: FieldDraft, drafts: list[FieldDraft], negated: bool = False) -> str | None:
    """'payments' -> "transaction_type = 'payment'"; 'status is cancelled' -> "status = 'cancelled'"."""
    text = NEGATED_CONTRACTION_RE.sub(r"\1 not", text.strip().lower())
    as_written = re.sub(r"[_'\"‘’“”]", " ", text)  # enum values are matched on the words, before 'under review' -> '< review'
    emptiness = EMPTINESS_RE.fullmatch(as_written.strip())
    if emptiness:  # 'referral source is given', 'the due date is missing'
        other = resolve_field(emptiness["f"], self_draft, drafts)
        if other is not None:
            absent = bool(emptiness["no"]) != (emptiness["w"] in ABSENT_WORDS)
            return f"{other.name} {'IS NOT NULL' if absent == negated else 'IS NULL'}"
    for pattern, written in COMPARISON_WORDS:
        text = re.sub(pattern, written, text)
    numeric = re.match(r"(?P<f>[a-z][a-z _]*?)\s*(?P<op>>=|<=|!=|>|<|==|=|(?:is\s+)?equals?(?:\s+to)?|is\s+exactly|is|"
                       r"is\s+(?:over|above|greater\s+than|more\s+than|below|under|less\s+than))\s*"
                       r"(?P<n>-?\$?\d+(?:\.\d+)?)\s*%?\s*$", text)
    if numeric:
        other = resolve_field(numeric["f"], self_draft, drafts, kinds=NUMERIC_KINDS)
        if other is not None:
            op = numeric["op"]
            op = ">" if re.search(r"over|above|greater|more", op) else "<" if re.search(r"below|under|less", op) \
                else "=" if re.fullmatch(r"==|is|(?:is\s+)?equals?(?:\s+to)?|is\s+exactly", op) else op
            if negated:  # 'empty unless progress is 100'
                op = NEGATED_OPERATORS[op]
            return f"{other.name} {op} {numeric['n'].lstrip('$')}"
    paired = re.match(r"(?P<f>[a-z][a-z _]*?)\s*(?P<op>>=|<=|!=|>|<|=)\s*(?:the\s+)?(?P<g>[a-z][a-z _]*?)\s*$", text)
    if paired:  # 'stock on hand < the reorder point'
        left = resolve_field(paired["f"], self_draft, drafts, kinds=NUMERIC_KINDS + (fm.TEMPORAL,))
        right = resolve_field(paired["g"], self_draft, drafts, kinds=NUMERIC_KINDS + (fm.TEMPORAL,))
        if left is not None and right is not None and left is not right:
            return f"{left.name} {NEGATED_OPERATORS[paired['op']] if negated else paired['op']} {right.name}"
    negated = negated != bool(re.search(r"\b(?:not|non|unless|except)\b", text))
    words = {fm.singular(t) for t in fm.tokenize(as_written) if t not in FILLER | {"not", "non", "unless", "except"}}
    if not words:
        return None
    best_field, best_values, best_score = None, [], 0
    for other in drafts:
        if other is self_draft or other.type != "enum":
            continue
        values = other.constraints.get("enum_values") or []
        field_bonus = 2 if words & tokens_of(other) else 0
        strong, partial = [], []
        for value in values:
            value_words = {fm.singular(t) for t in fm.tokenize(str(value))}
            if value_words and value_words <= words:
                strong.append(value)
            elif value_words & (words - tokens_of(other)):
                partial.append(value)
        written = 0 if other.values_assumed else 1  # values the user wrote beat a meaning's defaults
        chosen, score = (strong, 10 + field_bonus + written) if strong else \
            (partial, 5 + field_bonus + written) if partial else ([], 0)
        if chosen and score > best_score:
            best_field, best_values, best_score = other, chosen, score
    if best_field is not None:
        name = best_field.name
        if len(best_values) == 1:
            clause = f"{name} {'!=' if negated else '='} {_quote(best_values[0])}"
        else:
            clause = f"{name} {'NOT IN' if negated else 'IN'} ({', '.join(_quote(v) for v in best_values)})"
        return clause
    for other in drafts:
        if other is self_draft or not words & (tokens_of(other) - {"is", "has"}):
            continue
        if other.type == "boolean":
            return f"{other.name} = {'FALSE' if negated else 'TRUE'}"
        # 'only if paid' over a yes/no column means paid = 'yes'
        values = other.constraints.get("enum_values") or [] if other.type == "enum" else []
        wanted = FALSY_WORDS if negated else TRUTHY_WORDS
        flag = next((v for v in values if str(v).lower() in wanted), None)
        if flag is not None:
            return f"{other.name} = {_quote(flag)}"
    return None


def keep_equality_reachable(when: str, drafts: list[FieldDraft]) -> None:
    """'only when progress is 100' over a progress of 0-100 with no stated decimals: whole numbers, so rows reach 100."""
    m = re.fullmatch(r"(?P<f>[a-z_][a-z0-9_]*) (?:=|!=) (?P<n>-?\d+)", when)
    other = next((d for d in drafts if m and d.name == m["f"]), None)
    if other is not None and other.type == "float" and other.decimals is None and not other.derived:
        other.type, other.kind = "integer", fm.INT
        other.constraints.pop("decimals", None)
