"""The words of a column's label: abbreviations read as their words for meaning ('roast lvl' is a level,
'paymnt' a payment) while the user's short name is kept, and rule words that name no column ('uniq',
'shall reference', 'records whose') taken out of the label."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.chatty import MODAL, SOME_ROWS_RE

# Short forms the label table does not hold; 'no' is a number only after a noun ('member no').
ABBREVIATIONS = {
    "lvl": "level", "amt": "amount", "num": "number", "nbr": "number", "hrs": "hours", "hr": "hour", "yrs": "years",
    "yr": "year", "mins": "minutes", "secs": "seconds", "pmt": "payment", "txn": "transaction", "acct": "account",
    "addr": "address", "desc": "description", "wt": "weight", "ht": "height", "dur": "duration", "dir": "direction",
    "deg": "degrees", "cnt": "count", "avg": "average", "tot": "total", "loc": "location", "ts": "timestamp",
    "cust": "customer", "emp": "employee", "dept": "department", "mgr": "manager", "pct": "percent",
}
AFTER_NOUN = {"no": "number"}

# 'shall reference a policy number', 'must carry a unique id': the verb of a spec sentence before the column.
SPEC_VERB_RE = re.compile(rf"^(?:(?:each|every)\s+\w+\s+)?(?:{MODAL}|to)\s+(?:also\s+)?(?:have|carry|reference|include|"
                          r"contain|hold|record|store|show|list|get|bear|be\s+given)\s+(?:(?:a|an|the|its|their|one)\s+)?",
                          re.I)
# 'records whose discharge disposition', 'rows where status': the rows a condition picks, not the column's name.
ROWS_WHOSE_RE = re.compile(SOME_ROWS_RE.pattern + r"\s+(?:(?:the|a|an|its|their)\s+)?", re.I)
# 'lesson id uniq', 'sku unique': a flag written after the label.
TRAILING_UNIQUE_RE = re.compile(r"\s+(?:uniq|unique|uniquely|distinct)\.?$", re.I)


def meaning_tokens(tokens: list[str]) -> list[str]:
    """Label tokens with short forms read as their words: ['roast', 'lvl'] -> ['roast', 'level']."""
    out = []
    for i, token in enumerate(tokens):
        word = ABBREVIATIONS.get(token) or (AFTER_NOUN.get(token) if i > 0 else None)
        out.append(word if word and fm.classify_tokens([token]) is None else token)
    return out


def clean_label(label: str) -> tuple[str, bool]:
    """The label without a spec sentence's verb, a condition's rows or a trailing 'uniq'; and whether it said
    unique: 'shall reference a production lot' -> ('production lot', False), 'lesson id uniq' -> ('lesson id', True)."""
    label = SPEC_VERB_RE.sub("", label.strip()) or label
    label = ROWS_WHOSE_RE.sub("", label) or label
    unique = TRAILING_UNIQUE_RE.search(label)
    if unique and unique.start() > 0:
        return label[: unique.start()].strip(), True
    return label, False


def label_meaning(label: str) -> fm.Classification | None:
    """What a label means, its abbreviations and misspelt words read: 'paymnt' -> a payment."""
    tokens = meaning_tokens(fm.tokenize(label))
    return fm.classify_tokens(tokens) or fm.classify_tokens(fm.correct_spelling(tokens)[0])


def label_words(label: str) -> str:
    """The label's words as read for meaning, joined: 'roast lvl' -> 'roast level', 'paymnt' -> 'payment'."""
    return " ".join(fm.correct_spelling(meaning_tokens(fm.tokenize(label)))[0])
