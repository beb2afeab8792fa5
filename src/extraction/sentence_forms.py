"""Sentence forms that carry columns in other words, rewritten or read before the clause rules of ``layout``.

'Generate 700 entries where the work date is ...' (a scene opening the clauses), 'the door through which a
visitor entered is ...' (a relative clause between a column and its verb), 'A, B and C: that's what each book
needs' (the list before its summary), 'An ISBN too, unique' (one column added in passing), and
'Garage occupancy: a reading every 15 minutes ...' (a title then the rows' scene, no column).
"""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph


SCENE_WHERE_RE = re.compile(r"^(?:please\s+)?(?:generate|create|make|simulate|give\s+me|produce)\b[^,;:]{0,80}?\s"
                            r"(?:where|in\s+which|such\s+that|so\s+that)\s+(?=(?:the|each|every|a|an)\s)", re.I)


# A relative clause between a column and its verb: 'the channel through which it arrived is email or chat',
# 'Customer satisfaction, which we only know for some tickets, is a score from 1 to 5'.
INNER_RELATIVE_RE = re.compile(
    r"\s+(?:through|by|in|from|with|for|to|at|on)\s+which\s+[^,;]{1,50}?\s+(?=(?:is|are|was|were|should\s+be|must\s+be)\b)|"
    r",\s*(?P<rel>(?:which|that|who)\s+[^,;]{1,80}?),\s*(?=(?:is|are|should\s+be|must\s+be|will\s+be)\b)", re.I)
SOME_ROWS_RE = re.compile(r"\b(?:only\s+(?:\w+\s+)*?for\s+some|for\s+some|not\s+(?:always|all)|sometimes)\b", re.I)


def move_relative_clauses(sentence: str) -> str:
    """Take the relative clause out; one saying the value is known for some rows only leaves 'optional'."""
    optional = False
    def drop(m: re.Match) -> str:
        nonlocal optional
        optional = optional or bool(m["rel"] and SOME_ROWS_RE.search(m["rel"]))
        return " "
    sentence = INNER_RELATIVE_RE.sub(drop, sentence)
    return f"{sentence} (optional)" if optional else sentence


def rewrite_sentence(sentence: str) -> str:
    """The sentence with a scene opening its clauses and relative clauses inside them taken out."""
    return move_relative_clauses(SCENE_WHERE_RE.sub("", sentence))


SUMMARY_RE = re.compile(r"^(?P<list>.+?)\s*(?::|[-–—]{1,2})\s*(?:that'?s|that\s+is|this\s+is|these\s+are|those\s+are|is)\s+"
                        r"(?:what|everything|all)\b.*$", re.I)


def list_before_summary(sentence: str) -> str | None:
    """'Prices between 5 and 60, a title and an author: that's what each book needs' -> the list."""
    m = SUMMARY_RE.match(sentence)
    return m["list"] if m and len(ph.split_top_level(m["list"], ",;")) >= 2 else None


TOO_RE = re.compile(r"^(?:and\s+)?(?:(?:a|an|the)\s+)?(?P<label>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3})\s+"
                    r"(?:too|as\s+well|also)\b\s*,?\s*(?P<rest>.*)$", re.I)


def column_with_too(sentence: str) -> str | None:
    """'An ISBN-13 too, unique' -> 'ISBN-13 (unique)'."""
    m = TOO_RE.match(sentence)
    if m is None:
        return None
    return f"{m['label']} ({m['rest']})" if m["rest"].strip() else m["label"]


ROWS_SCENE_RE = re.compile(r"^[^:]{1,40}:\s*(?:(?:a|an|one)\s+(?:new\s+)?(?:reading|record|row|entry|line|sample|snapshot|"
                           r"event|measurement|observation|transaction|log\s+line)s?|(?:readings|records|rows|entries|samples|"
                           r"snapshots|events|measurements|observations)|(?:about\s+|around\s+|~)?\d[\d,.]*k?\s+(?:rows|records|"
                           r"entries|readings|samples|lines)\b|(?:about\s+|around\s+|~)?\d[\d,.]*k?\s+(?:[a-z-]+\s+){0,2}[a-z]+s\s*$)",
                           re.I)


def describes_rows(clause: str) -> bool:
    """'Garage occupancy: a reading every 15 minutes for 6 levels' sets the scene; it names no column."""
    return bool(ROWS_SCENE_RE.match(clause))


# A part that carries its column's rule without a digit: 'total = qty x price', 'item (taco, burrito)', 'paid y/n'.
RULED_PART_RE = re.compile(r"^[A-Za-z][\w' -]{0,30}?\s*=\s*\S|\([^()]*,[^()]*\)|\b\w+/\w+(?:/\w+)*\b")


def is_column_run(sentence: str) -> bool:
    """A verbless run of three or more comma parts, each short: 'Occupied spaces 0-250, chargers 0 to 12, and a flag'."""
    parts = ph.split_top_level(sentence, ",;")
    if re.match(r"(?:the\s+)?(?:columns?|fields?|attributes?)\b", sentence, re.I):
        return False  # 'Columns -> a, b, c': the list reader's own intro
    numbered = [p for p in parts if re.search(r"\d", p) or RULED_PART_RE.search(p)]
    named = all(re.search(r"\d", p) or RULED_PART_RE.search(p) or fm.classify_tokens(fm.tokenize(p)) is not None
                for p in parts)
    return len(parts) >= 3 and 2 * len(numbered) >= len(parts) and named and all(len(re.sub(r"\([^()]*\)", "", p).split()) <= 7 for p in parts) \
        and not re.search(
        r"\b(?:we|i|you|our|my|is|are|was|were|be|has|have|will|would|should|must)\b", sentence, re.I)


# 'Each ticket is assigned to one of 15 agents', 'each record belongs to one of 30 fields and one crop: a, b':
# the row's link to other things names those things' columns, not a column of the row's own noun.
BELONGS_RE = re.compile(
    r"^(?:each|every|the|a|an)?\s*[a-z]+\s+(?:(?:is|are|gets?|get)\s+)?(?:assigned|allocated|belongs?|linked|attached)\s+to\s+"
    r"(?P<rest>(?:one\s+of|a|an|one)\s+.+)$|"
    r"^(?:each|every|the|a|an)?\s*[a-z]+\s+(?:is|are)\s+(?:handled|served|managed|owned|run|taught)\s+by\s+"
    r"(?P<rest2>(?:one\s+of|a|an|one)\s+.+)$", re.I)
LINKED_THING_RE = re.compile(
    r"^(?:one\s+of\s+(?:the\s+)?(?P<n>\d[\d,]*|\w+)\s+(?P<w>[a-z]+s)\b|(?:a|an|one)\s+(?P<w1>[a-z]+)\b)(?P<rest>.*)$", re.I)


def read_belonging(clause: str) -> list[str] | None:
    """'Each ticket is assigned to one of 15 agents' -> ['agent (one of 15 agents)']; None for other clauses."""
    m = BELONGS_RE.match(clause.strip().rstrip("."))
    if m is None:
        return None
    items: list[str] = []
    for part in re.split(r"\s+and\s+(?=(?:one\s+of|a|an|one)\s)", m["rest"] or m["rest2"], flags=re.I):
        thing = LINKED_THING_RE.match(part.strip())
        if thing is None:
            return None
        rest = thing["rest"].strip(" ,")
        if thing["w"]:
            noun, pool = fm.singular(thing["w"].lower()), f"one of {thing['n']} {thing['w']}"
            named = re.fullmatch(r"\(\s*(?P<label>[A-Za-z][\w ]{0,30}?)\s+(?P<shape>(?:like|such\s+as|e\.g\.?)\s+[^()]+)\)", rest)
            if named and noun in map(fm.singular, fm.tokenize(named["label"])):  # '(field codes like F-07)'
                items.append(f"{fm.singular(named['label'].lower())} {named['shape']} ({pool})")
            else:
                items.append(f"{noun} ({pool})" + (f" {rest}" if rest else ""))
        else:
            items.append(f"{thing['w1']}{' ' + rest if rest else ''}")
    return items or None
