"""Notes: column items that qualify columns listed before them, folded into those columns' items.

Runs on the layout's items, before any field is read. People list their columns, then add notes:
'Status values: open, closed, pending' or 'clicks never exceed impressions' (a rule for a column already
listed: the same label again), 'All amounts are in USD with 2 decimals' / 'both dates in 2024' (a rule for
a kind of column), 'The last three are optional' (a rule for columns by position), 'phone and email are
optional' (a rule for columns named together), and 'order_id / invoice_id: 5-digit codes' (one rule for
several new columns). A bullet naming several columns with their ranges ('systolic 80-200, diastolic 40-120,
systolic above diastolic') is split first. Each fold is named in ``warnings``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction.chatty import name_either_or
from src.extraction.clauses import spread_ratio
from src.extraction.shared_columns import expand_shared_columns
from src.extraction.drafts import FieldDraft
from src.extraction.fields_label import draft_fields, is_joined_phrase, label_of
from src.extraction.comma_list import split_prose_items

# Words that only say the rest is about the column: 'status values', 'priority options', 'date format'.
NOTE_WORDS = {"value", "values", "option", "options", "choice", "choices", "format", "formats", "rule", "rules",
              "allowed", "possible", "valid", "column", "field", "range", "ranges"}
# What may follow a column's label when a note gives it a rule: 'clicks never exceed', 'systolic always above'.
RULE_LEAD_RE = re.compile(
    r"^(?:(?:is|are|must|should|will|can|may|has\s+to|have\s+to)\s+)?(?:(?:always|never|not|only|usually|strictly)\s+)?"
    r"(?:(?:be|is|are|stays?|remains?)\s+)?"
    r"(?:exceeds?|(?:higher|lower|greater|less|more|fewer|smaller|larger|bigger|earlier|later|above|below|under|"
    r"over|after|before|at\s+(?:least|most))\b|[<>≤≥]=?)", re.I)
# A note about a kind of column: 'All amounts are in USD', 'both dates in 2024', 'every id is unique'.
GROUP_NOTE_RE = re.compile(
    r"^(?:and\s+)?(?:(?:all|both|every|each)\s+(?:of\s+)?(?:the\s+)?(?:two\s+)?|the\s+two\s+)"
    r"(?P<group>[a-z]+(?:\s+(?:amounts?|values|columns|fields|prices|dates|times|timestamps|ids|codes|numbers))?)\s*(?:(?:are|is|should\s+be|must\s+be|will\s+be|stay|have|has|:)\s+)?(?P<rest>\S.*)$",
    re.I)
# A note on the two columns just listed: 'both in half hour steps', 'both optional', 'both rounded to cents'.
BOTH_NOTE_RE = re.compile(r"^(?:and\s+)?(?:both|each)\s*(?:,\s*)?(?P<rest>(?:(?:are|is|should\s+be|must\s+be|will\s+be)\s+)?"
                          r"(?:in|on|at|with|within|between|from|during|to|rounded|optional|required|unique|nullable|"
                          r"whole|integers?|positive|picked|drawn|chosen|taken|selected|one\s+of|out\s+of|[-$€£]?\d)\b.*)$", re.I)
# A note about columns by position: 'The last three are optional', 'the first 2 columns are unique'.
POSITION_NOTE_RE = re.compile(
    r"^(?:and\s+)?(?:the\s+)?(?P<end>last|first|final)\s+(?P<n>two|three|four|five|six|\d)(?:\s+(?:columns?|fields?|"
    r"ones?|items?|attributes?))?\s*(?::|\s(?:are|is|should\s+be|must\s+be|will\s+be|can\s+be|may\s+be|stay)\b)\s*"
    r"(?P<rest>\S.*)$", re.I)
# A note naming several columns, then one rule: 'phone and email are optional', 'order_id / invoice_id: 5 digits'.
NAMED_NOTE_RE = re.compile(
    r"^(?P<names>[A-Za-z][\w' -]*?(?:\s*(?:,|/|&|\band\b)\s*[A-Za-z][\w' -]*?)+)\s*"
    r"(?::|\s(?:are|should\s+be|must\s+be|will\s+be|can\s+be|may\s+be|both|all)\b(?:\s+(?:both|all))?)\s*(?P<rest>\S.*)$",
    re.I)
NAME_SPLIT_RE = re.compile(r"\s*(?:,|/|&|\band\b)\s*", re.I)


def _is_money(d: FieldDraft) -> bool:
    return d.kind == fm.MONEY or d.type == "decimal"


# Kinds of column a plural noun names ('amounts', 'dates'); any other noun names the columns it appears in.
GROUPS: dict[str, Callable[[FieldDraft], bool]] = {
    "amount": _is_money, "money": _is_money, "price": _is_money, "cost": _is_money, "fee": _is_money,
    "monetary": _is_money, "currency": _is_money, "total": _is_money,
    "date": lambda d: d.type in ("date", "datetime"),
    "timestamp": lambda d: d.type in ("datetime", "time"), "time": lambda d: d.type in ("datetime", "time"),
    "datetime": lambda d: d.type == "datetime",
    "id": lambda d: d.kind == fm.ID or d.type in ("uuid", "sequence", "code"),
    "identifier": lambda d: d.kind == fm.ID or d.type in ("uuid", "sequence", "code"),
    "percentage": lambda d: d.kind == fm.PERCENT, "percent": lambda d: d.kind == fm.PERCENT,
    "count": lambda d: d.type == "integer", "integer": lambda d: d.type == "integer",
}


class Listed:
    """The column items read so far, with each one's label and comparable key (worked out once)."""

    def __init__(self, items: list[str] | None = None) -> None:
        self.items: list[str] = []
        self.labels: list[str] = []
        self.keys: list[tuple[str, ...]] = []
        for item in items or []:
            self.append(item)

    def append(self, item: str) -> None:
        self.items.append(item)
        self.labels.append(label_of(item)[0])
        self.keys.append(label_key(self.labels[-1]))

    def __len__(self) -> int:
        return len(self.items)


def is_note(sentence: str, earlier: list[str]) -> bool:
    """Whether a sentence after a column list only qualifies columns of it ('Both dates in 2024.')."""
    return bool(_note_targets(sentence, Listed(earlier))[0])


def fold_notes(items: list[str], warnings: list[str]) -> list[str]:
    """The items with each note folded into the columns it qualifies (notes name no column of their own)."""
    split = [piece for item in items for shared in expand_shared_columns(item) for piece in split_ranged_columns(shared)]
    out = Listed()
    for item in split:
        targets, rest = _note_targets(item, out)
        if targets:
            for at in targets:
                out.items[at] = _with_note(out.items[at], rest)
            names = ", ".join(f"'{out.labels[at]}'" for at in targets)
            warnings.append(f"read '{item.strip()[:80]}' as a note on {names}, not a column")
            continue
        for piece in split_named_columns(item):
            # 'whether the rider is a member or casual' in a bullet; 'channel: web or store, 80/20'
            out.append(spread_ratio(name_either_or(piece) or piece))
    return out.items


def _with_note(item: str, note: str) -> str:
    return f"{item} ({note.strip().rstrip('.')})"


def _note_targets(item: str, earlier: Listed) -> tuple[list[int], str]:
    """Which earlier items a note qualifies, and its rule words; ([], '') for an item that is a column."""
    if not len(earlier):
        return [], ""
    text = item.strip().rstrip(".")
    m = POSITION_NOTE_RE.match(text)
    if m:
        n = ph.NUMBER_WORDS.get(m["n"].lower()) if not m["n"].isdigit() else int(m["n"])
        if n and n <= len(earlier):
            span = range(len(earlier) - n, len(earlier)) if m["end"].lower() != "first" else range(n)
            return list(span), m["rest"]
    m = BOTH_NOTE_RE.match(text)
    if m and len(earlier) >= 2:
        return [len(earlier) - 2, len(earlier) - 1], m["rest"]  # 'start and end times, both in 30-minute steps'
    m = GROUP_NOTE_RE.match(text)
    if m:
        targets = _group_members(m["group"], text, earlier.items)
        if targets:
            return targets, m["rest"]
    m = NAMED_NOTE_RE.match(text)
    if m:
        targets = [_find_label(name, earlier) for name in NAME_SPLIT_RE.split(m["names"]) if name.strip()]
        if len(targets) >= 2 and None not in targets:
            return sorted(set(t for t in targets if t is not None)), m["rest"]
    return _same_label(text, earlier)


def _same_label(text: str, earlier: Listed) -> tuple[list[int], str]:
    """'Status values: open, closed' after 'status'; 'systolic always higher than diastolic' after 'systolic BP'."""
    label, rest = label_of(text)
    at = _find_label(label, earlier)
    if at is not None and rest:
        return [at], rest
    firsts: list[str] = []  # the labels' first words, listed when a label of several words asks
    seen = set()
    for at, written in enumerate(earlier.labels):
        if written in seen:
            continue  # the first item of a label answers for all: a long list of one label stays linear
        seen.add(written)
        words = written.split()
        if len(words) > 1 and len(words[0]) >= 3 and not firsts:
            firsts = [lb.split()[0].lower() if lb.split() else "" for lb in earlier.labels]
        spellings = [written] + ([words[0]] if len(words) > 1 and len(words[0]) >= 3
                                 and firsts.count(words[0].lower()) == 1 else [])  # 'systolic' for 'systolic BP'
        for spelling in spellings:
            if text.isascii() and text[:len(spelling)].lower() != spelling.lower():
                continue  # the pattern below could not match: skip compiling it (long lists made this quadratic)
            m = re.match(rf"{re.escape(spelling)}\b\s*(?P<rest>.+)$", text, re.I)
            if m and RULE_LEAD_RE.match(m["rest"]):
                return [at], m["rest"]
    return [], ""


def label_key(label: str) -> tuple[str, ...]:
    """A label's words as a comparable key: spelling corrected, singular, without note words."""
    tokens, _ = fm.correct_spelling(fm.tokenize(label))
    return tuple(fm.singular(t) for t in tokens if t not in fm.STOP_TOKENS and t not in NOTE_WORDS)


def _find_label(label: str, earlier: Listed) -> int | None:
    key = label_key(label)
    if not key:
        return None
    return next((at for at, other in enumerate(earlier.keys) if other == key), None)


def _group_members(group: str, text: str, earlier: list[str]) -> list[int]:
    words = [fm.singular(w) for w in group.lower().split()]
    if words[-1] in NOTE_WORDS and len(words) > 1:
        words = words[:-1]
    if not group.lower().split()[-1].endswith("s") and not re.match(r"(?:and\s+)?(?:all|both)\b", text, re.I):
        return []  # 'every order has ...' is a scene sentence, not a note on orders' columns
    test = GROUPS.get(words[-1])
    members = []
    for at, item in enumerate(earlier):
        drafts = draft_fields(item, [])
        if not drafts:
            continue
        draft = drafts[0]
        if (test is not None and test(draft)) or (test is None and words[-1] in map(fm.singular, draft.tokens)):
            members.append(at)
    return members


def split_named_columns(item: str) -> list[str]:
    """'order_id / invoice_id: 5-digit codes' -> one item per column, each with the rule."""
    m = NAMED_NOTE_RE.match(item.strip())
    if m is None or not re.match(rf"{re.escape(m['names'])}\s*:", item.strip()):
        return [item]
    names = [n.strip() for n in NAME_SPLIT_RE.split(m["names"]) if n.strip()]
    if len(names) < 2 or is_joined_phrase(m["names"]) or not all(_names_column(n) for n in names):
        return [item]
    return [f"{name}: {m['rest']}" for name in names]


SHARED_RULE_RE = re.compile(r"^(?:and\s+)?(?:the\s+)?(?P<names>[A-Za-z][\w' -]*?(?:\s*(?:,|&|\band\b)\s*(?:the\s+)?[A-Za-z][\w' -]*?)+)"
                            r"\s+(?:are|should\s+be|must\s+be|will\s+be|can\s+be|may\s+be)(?:\s+(?:both|all))?\s+(?P<rest>\S.*)$",
                            re.I)


def split_shared_rule(sentence: str) -> list[str] | None:
    """'Office phone and mobile phone are optional' -> one clause per column, each with the rule (None when
    the subject is not several columns)."""
    m = SHARED_RULE_RE.match(sentence.strip().rstrip("."))
    if m is None:
        return None
    names = [re.sub(r"^the\s+", "", n.strip(), flags=re.I) for n in NAME_SPLIT_RE.split(m["names"]) if n.strip()]
    if len(names) < 2 or is_joined_phrase(m["names"]) or not all(_names_column(n) for n in names):
        return None
    return [f"{name}: {m['rest']}" for name in names]


def _names_column(words: str) -> bool:
    return "_" in words or (len(words.split()) <= 4 and fm.classify_tokens(fm.tokenize(words)) is not None)


RANGED_PIECE_RE = re.compile(r"^[A-Za-z][\w' ]{0,40}?\s+(?:from\s+|between\s+)?[-$€£]?\d[\d.,]*\s*(?:-|–|to|and)\s*[-$€£]?\d")


def split_ranged_columns(item: str) -> list[str]:
    """'systolic BP 80-200, diastolic BP 40-120, systolic always higher than diastolic': one item per column
    (the last piece a note, folded by ``fold_notes``). Only when two pieces or more each name a ranged column."""
    if re.search(r"[:=(]", item) or "," not in item:
        return [item]
    pieces = split_prose_items(item)
    ranged = [p for p in pieces if RANGED_PIECE_RE.match(p)]
    if len(pieces) < 2 or len(ranged) < 2 or pieces[0] not in ranged:
        return [item]
    listed = Listed(ranged)
    for piece in pieces:
        if piece not in ranged and not _same_label(piece, listed)[0]:
            return [item]  # a piece that is neither a ranged column nor a note on one: keep the item whole
    return pieces
