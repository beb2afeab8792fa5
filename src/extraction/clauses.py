"""Clauses: the comma pieces of a prose list -> one clause per intended column.

A comma does not always end a column: 'a membership tier of bronze, silver, gold or platinum' is one
column whose values a preposition introduces, 'the payment method, which should be card, cash or wallet'
gives its values in a relative clause, and 'full name, plus their email' joins two columns with 'plus'.
Each rule here is one small function over the pieces; the list reader calls ``join_value_lists`` first.
"""

from __future__ import annotations

import re

from src.extraction import chatty
from src.extraction import field_meaning as fm
from src.extraction.amount_lists import join_amount_pieces
from src.extraction.sentences import depth_at

# Words that introduce a column's values right after its label.
VALUE_INTRO = (r"(?:(?:,\s*|\s+)(?:which|that)\s+(?:is|are|(?:should|must|shall|can|could|will|would|may|might)\s+be)"
               r"(?:\s+(?:one\s+of|either|any\s+of))?|"
               r"\s+(?:is|are|(?:should|must|shall|can|could|will|would)\s+be)(?:\s+(?:one\s+of|either|any\s+of))?|"
               r"\s+(?:of|like|such\s+as|including|either|among|one\s+of|by|via|in|with\s+values?|"
               r"being|taking|from\s+among|out\s+of|(?:chosen|picked|selected|drawn|taken)\s+from|one\s+from|from)|:)")
INTRO_LIST_RE = re.compile(rf"^(?P<label>.*?[A-Za-z]){VALUE_INTRO}\s+(?P<first>{{word}})$".replace(
    "{word}", r"[A-Za-z][\w'&/-]*(?:\s[A-Za-z][\w'&/-]*)?"), re.I)
VALUE_PIECE_RE = re.compile(r"^[A-Za-z][\w'&/-]*(?:\s[A-Za-z][\w'&/-]*)?$")
CLOSING_PIECE_RE = re.compile(
    r"^(?:(?:or|and)\s+)?(?P<a>[A-Za-z][\w'&/-]*(?:\s[A-Za-z][\w'&/-]*)?)"
    r"(?:\s+(?:or|and)\s+(?P<b>[A-Za-z][\w'&/-]*(?:\s[A-Za-z][\w'&/-]*)?))?$", re.I)
# After 'which is one of' a value may take four words: 'judgment for plaintiff', 'rehab facility'.
LONG_VALUE_RE = re.compile(r"^[A-Za-z][\w'&/-]*(?:\s[A-Za-z][\w'&/-]*){0,4}$")
LONG_CLOSING_RE = re.compile(
    r"^(?:(?:or|and)\s+)(?P<a>[A-Za-z][\w'&/-]*(?:\s[A-Za-z][\w'&/-]*){0,4})"
    r"(?:\s+(?:or|and)\s+(?P<b>[A-Za-z][\w'&/-]*(?:\s[A-Za-z][\w'&/-]*){0,3}))?$", re.I)
MAX_VALUES = 30
# A label that ends in one of these names a count or a span, and 'of' after it starts no value list.
MEASURE_HEADS = {"number", "count", "amount", "quantity", "total", "percentage", "share", "rate", "list",
                 "date", "time", "name", "length", "duration", "value", "price", "cost"}
# Labels whose values may follow with no word between: 'species dog, cat or rabbit', 'plan free, pro or team'.
BARE_LIST_RE = re.compile(
    r"^(?P<label>(?:[A-Za-z][\w'-]*\s+){0,2}(?:species|status|state|stage|type|kind|class|category|tier|level|plan|"
    r"grade|gender|sex|colou?r|size|breed|mode|method|channel|segment|priority|severity|role|region|flavou?r|"
    r"condition|outcome|result|platform|device|genre|cuisine|language|currency|carrier|format))\s+"
    r"(?P<first>[A-Za-z][\w'&/-]*)$", re.I)


# 'Arms and Armor or Natural History': the last two values, the first of them written with 'and'.
CLOSING_AND_VALUE_RE = re.compile(
    r"^(?:or\s+)?(?P<a>[A-Za-z][\w'&/-]*\s+and\s+[A-Za-z][\w'&/-]*)\s+or\s+(?P<b>[A-Za-z][\w'&/-]*(?:\s[A-Za-z][\w'&/-]*)?)$",
    re.I)


LAST_VALUE_THEN_COLUMN_RE = re.compile(
    r"^(?P<v>[A-Za-z][\w'&/-]*(?:\s[A-Za-z][\w'&/-]*)?)\s+(?:and|or)\s+(?:(?:a|an|the|its|their)\s+)?(?P<rest>[A-Za-z].*)$",
    re.I)


# 'the sum of a, b and c', 'the average of x and y': the 'and' joins operands, not columns
OPERANDS_RE = re.compile(r"\b(?:sum|average|mean|product)\s+of\b|\b(?:the|a|is|=)\s+total\s+of\s+(?!\d|about|around)", re.I)
OPERAND_LIST_RE = re.compile(r"\b(?:sum|total|average|mean|product)\s+of\s+(?:the\s+)?[A-Za-z][\w -]*$", re.I)
OPERAND_PIECE_RE = re.compile(r"^\s*(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}\s*$")
OPERAND_LAST_RE = re.compile(r"^\s*(?:(?:and|&)\s+)?(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}\s+(?:and|&)\s+"
                             r"(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}(?:\s*,?\s*(?:rounded|to)\b.*)?$|"
                             r"^\s*(?:and|&)\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}\s*$", re.I)


def join_operand_lists(parts: list[str]) -> list[str]:
    """'annual sales is the sum of q1', 'q2', 'q3 and q4' -> one clause: the columns a sum or an average reads."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        piece, j = parts[i], i + 1
        if OPERAND_LIST_RE.search(piece):
            while j < len(parts) and OPERAND_PIECE_RE.match(parts[j]) and not OPERAND_LAST_RE.match(parts[j]):
                j += 1
            if j < len(parts) and OPERAND_LAST_RE.match(parts[j]):
                piece, j = ", ".join(p.strip() for p in parts[i:j + 1]), j + 1
            else:
                j = i + 1
        out.append(piece)
        i = j
    return out


# 'whether the route was hilly and the weather', 'which is sunny': a yes/no column, then the next column's list
WHETHER_AND_RE = re.compile(r"^(?P<whether>whether\s.+?)\s+and\s+(?P<next>(?:the|a|an|its|their)\s+[\w -]+)$", re.I)


def split_whether_and(parts: list[str]) -> list[str]:
    """Cut 'whether X and the Y' before 'which is ...' into its two columns before value lists are joined."""
    out: list[str] = []
    for i, part in enumerate(parts):
        m = WHETHER_AND_RE.match(part.strip())
        follows = parts[i + 1].strip() if i + 1 < len(parts) else ""
        out.extend([m["whether"], m["next"]] if m and re.match(r"(?:which|that)\s", follows, re.I) else [part])
    return out


def join_value_lists(parts: list[str]) -> list[str]:
    """Join the comma pieces of one value list: 'tier of bronze', 'silver', 'gold or platinum' ->
    'tier: bronze, silver, gold, platinum'. A run joins only when a piece closes it with 'or'/'and'."""
    out: list[str] = []
    parts = split_whether_and(join_operand_lists(join_amount_pieces(list(parts))))  # a piece may lose the last value of the list before it
    i = 0
    while i < len(parts):
        joined = _join_from(parts, i)
        if joined is None:
            out.append(parts[i])
            i += 1
        else:
            text, i = joined
            out.append(text)
    return out


def _join_from(parts: list[str], start: int) -> tuple[str, int] | None:
    first = parts[start].strip()
    if start + 1 < len(parts) and re.match(r"(?:which|that)\s", parts[start + 1].strip(), re.I):
        first, start = f"{first}, {parts[start + 1].strip()}", start + 1  # 'method, which should be card'
    m = INTRO_LIST_RE.match(first) or BARE_LIST_RE.match(first)
    if m is None or _is_column(m["first"]):
        return None
    label = m["label"].strip()
    if label.lower().startswith("whether "):
        return None  # 'whether it is on display, a yes or no': a yes/no column, named by name_whether
    if not label or (label.split()[-1].lower() in MEASURE_HEADS and " of " in parts[start]):
        return None
    strong = bool(re.search(r"\b(?:which|that|be|one\s+of|either|such\s+as|like|any\s+of|among|out\s+of)\s+"
                            + re.escape(m["first"]) + "$", first, re.I))
    values = [m["first"]]
    for j in range(start + 1, min(len(parts), start + MAX_VALUES)):
        piece = parts[j].strip()
        note = re.search(r"\s*\([^()]*\)$", piece)  # 'or aggressive (mostly calm, 70%)': the list's note
        bare = piece[:note.start()] if note else piece
        closing = CLOSING_PIECE_RE.match(bare) or CLOSING_AND_VALUE_RE.match(bare) or \
            (LONG_CLOSING_RE.match(bare) if strong else None)
        if closing and re.match(r"(?:or|and)\s", bare, re.I) or (closing and closing["b"]):
            more = [v for v in (closing["a"], closing["b"]) if v]
            if not strong and any(_is_column(v) for v in more):
                return None
            return f"{label}: {', '.join(values + more)}" + (note.group(0) if note else ""), j + 1
        if strong and len(values) >= 2 and re.match(r"(?:and|or)\s", piece, re.I):
            return f"{label}: {', '.join(values)}", j  # '..., biography, and a publication year from 1950': the next column
        last = LAST_VALUE_THEN_COLUMN_RE.match(piece)
        if strong and last and not _is_column(last["v"]) and (_is_column(last["rest"]) or re.search(r"\d", last["rest"])):
            parts[j] = last["rest"]  # 'one of books, toys, garden and price between 5 and 50': the list ends at 'and'
            return f"{label}: {', '.join(values + [last['v']])}", j
        if not (VALUE_PIECE_RE.match(piece) or strong and LONG_VALUE_RE.match(piece)) or (not strong and _is_column(piece)):
            return None
        values.append(piece)
        if strong and j == len(parts) - 1 and len(values) >= 3 and not any(_names_column(v) for v in values):
            return f"{label}: {', '.join(values)}", j + 1  # 'lab must be one of ALS, SGS, Bureau Veritas.': to the end
    return None


def _names_column(words: str) -> bool:
    """A value that is a column's name even in one word ('email', 'price'): no list runs through it."""
    tokens = fm.tokenize(words)
    found = fm.classify_tokens(tokens)
    return found is not None and found.meaning.type not in ("boolean", "enum") and found.phrase == " ".join(tokens)


def _is_column(words: str) -> bool:
    """Words that name a column of their own ('email', 'signup date'), not a value ('gold', 'card')."""
    found = fm.classify_tokens(fm.tokenize(words))
    return found is not None and found.meaning.type not in ("boolean", "enum") and len(words.split()) > 1


PLUS_RE = re.compile(r",?\s+(?:plus|as\s+well\s+as|along\s+with|together\s+with|and\s+also)\s+", re.I)


# A 'plus' after these words is arithmetic: 'total is subtotal plus tax', 'fare: 3.20 plus 1.10 per km'.
FORMULA_LEAD_RE = re.compile(r"(?:\b(?:is|are|equals?|equal\s+to|times|minus|multiplied\s+by|divided\s+by|sum\s+of|"
                             r"calculated\s+as|computed\s+as)\b|[=*×+:/-]|\d)[^,;]*$", re.I)


def _split_plus(text: str) -> list[str]:
    pieces: list[str] = []
    last = 0
    for m in PLUS_RE.finditer(text):
        if m.group(0).strip(", ").lower() == "plus" and FORMULA_LEAD_RE.search(text[last:m.start()]):
            continue
        pieces.append(text[last:m.start()])
        last = m.end()
    pieces.append(text[last:])
    return pieces


def split_joined_columns(part: str) -> list[str]:
    """'full name, plus their email' / 'name as well as an email': two columns, unless inside brackets."""
    if "(" in part:
        head, bracket, tail = part.partition("(")
        pieces = _split_plus(head)
        pieces[-1] = pieces[-1] + bracket + tail
    else:
        pieces = _split_plus(part)
    pieces = [re.sub(r"^(?:their|its|his|her|the|a|an)\s+", "", p.strip(), flags=re.I) for p in pieces]
    return [p for p in pieces if p]


RELATIVE_LABEL_RE = re.compile(
    r"^(?P<head>(?:[A-Za-z][\w'-]*\s+){0,3}?[A-Za-z][\w'-]*)\s+(?:they|he|she|we|you|it|i)\s+"
    r"(?:[a-z]+ed|[a-z]+|are|is|was|were)\b.*$", re.I)


def trim_relative_label(item: str) -> str:
    """'the city they rented in' -> 'the city': a pronoun clause after the label describes, it names nothing."""
    passive = chatty.name_passive(item)  # 'the year it was made' -> 'year made'
    if passive:
        return passive
    if re.search(r"[:=(]", item):
        return item
    m = RELATIVE_LABEL_RE.match(item.strip())
    if m and fm.classify_tokens(fm.tokenize(m["head"])) is not None:
        return m["head"]
    return item


MODIFIERS = (r"first|last|given|family|middle|start|end|pickup|pick-up|dropoff|drop-off|check-in|check-out|checkin|"
             r"checkout|home|away|origin|destination|departure|arrival|min|max|minimum|maximum|open|close|opening|"
             r"closing|billing|shipping|birth|hire|due|high|low|buy|sell|bid|ask|source|target|sender|recipient")
SHARED_HEAD_RE = re.compile(rf"\b(?P<a>{MODIFIERS})\s*(?:\s(?:and|&|/)\s|\+)\s*(?P<b>{MODIFIERS})\s+(?P<head>names?|dates?|"
                            r"times?|timestamps?|city|cities|teams?|airports?|prices?|scores?|codes?|addresses|address)\b"
                            r"(?P<rule>(?:[^,;()]|\([^()]*\))*)", re.I)
WHETHER_RE = re.compile(r"^whether\s+(?:or\s+not\s+)?(?:they|he|she|it|the\s+\w+)\s+\w+\s+(?:the\s+|a\s+|an\s+)?"
                        r"(?P<label>.+)$", re.I)


REQUEST_LEAD_RE = re.compile(
    rf"^(?:(?:and|but|plus|also)\s+)?(?:we|i|you)(?:'d|\s+would)?\s+(?:also\s+|additionally\s+)?{chatty.REQUEST_VERB}"
    r"\s+(?:to\s+(?:track|record|store|keep|have|see|know)\s+)?(?:(?:a|an|the|their|its)\s+)?"
    r"(?!(?:about|around|roughly|approximately|maybe|~)?\s*\d)(?=[A-Za-z])", re.I)


def strip_request_lead(piece: str) -> str:
    """'and we also track the refund reason' -> 'refund reason': a request inside a list names one more column."""
    return REQUEST_LEAD_RE.sub("", piece.strip())


def normalize_clauses(body: str) -> str:
    """Rewrites before a prose list is cut at its commas: 'first and last name' -> 'first name and last name',
    'October 31, 2024' keeps its comma out of the list."""
    body = re.sub(r"\b(\d{1,2}),\s+(\d{4})\b", r"\1 \2", body)
    return SHARED_HEAD_RE.sub(_share_head, body)


def _share_head(m: re.Match) -> str:
    """'start + end timestamps in Q1 2026' -> 'start timestamps in Q1 2026, end timestamps in Q1 2026': the head
    and the rule after it belong to both columns."""
    if m["a"].lower() in ("date", "time"):
        return m.group(0)
    rule = m["rule"].rstrip()
    if not re.search(r"[\w(]", rule) or re.match(r"\s*(?:and|or|&|plus)\b", rule, re.I):
        return f"{m['a']} {m['head']} and {m['b']} {m['head']}{m['rule']}"
    head = m["head"] if m["head"].lower() in ("address", "addresses") else re.sub(r"(?<=[a-z])s$", "", m["head"])
    head = "address" if head.lower() == "addresses" else "city" if head.lower() == "cities" else head
    return f"{m['a']} {head}{rule}, {m['b']} {head}{m['rule']}"


WHETHER_PASSIVE_RE = re.compile(r"^whether\s+(?:or\s+not\s+)?(?:the|a|an|their|its)\s+(?P<noun>[a-z]+)\s+"
                                r"(?:was|is|were|are|has\s+been|had\s+been|got|gets)\s+(?P<verb>[a-z]+)(?P<rest>\s*\(.*)?$", re.I)
# 'a yes/no for whether ...', 'a flag saying if ...': the yes/no column is named by what follows.
YES_NO_FOR_RE = re.compile(r"^(?:a|an|one)?\s*(?:yes/no|yes\s+or\s+no|y/n|true/false|boolean|flag)(?:\s+(?:flag|column|field))?"
                           r"\s+(?:for|on|of|saying|showing|indicating|to\s+say|to\s+show)\s+(?P<rest>(?:whether|if)\s+.+)$", re.I)


def name_whether(piece: str) -> str:
    """'whether they used the loyalty app (yes/no)' -> 'loyalty app (yes/no)': a yes/no column named by its noun;
    'whether the queen was seen' -> 'queen seen'; 'a yes/no for whether the bill was paid' -> 'bill paid (yes/no)'."""
    flagged = YES_NO_FOR_RE.match(piece.strip())
    if flagged:
        named = name_whether(re.sub(r"^if\s", "whether ", flagged["rest"], flags=re.I))
        return named if named.endswith("(yes/no)") else f"{named} (yes/no)"
    passive = WHETHER_PASSIVE_RE.match(piece.strip())
    if passive:
        return f"{passive['noun']} {passive['verb']}{passive['rest'] or ' (yes/no)'}"
    m = WHETHER_RE.match(piece.strip())
    return chatty.name_whether(piece) or (m["label"] if m else piece)


NUMBER = r"[-$€£]?\d[\d.,]*"
# 'the fine, which is 45, 60, 95 or 250 dollars': a relative clause giving a list of numbers is the column's values,
# the unit after the last one is every value's.
RELATIVE_NUMBERS_RE = re.compile(
    rf"^(?P<label>[^,:=()]{{1,40}}?),?\s+(?:which|that)\s+(?:is|are|(?:can|should|must|will)\s+be)\s+(?:(?:one\s+of|either)\s+)?"
    rf"(?P<vals>{NUMBER}(?:\s*,\s*{NUMBER})*\s*,?\s+(?:or|and)\s+{NUMBER})\s*(?P<unit>[A-Za-z%]{{0,12}})\s*$", re.I)
NUMBER_LIST_UNIT_RE = re.compile(rf"^(?P<head>[^:=()]{{1,40}}:\s*{NUMBER}(?:\s*,\s*{NUMBER})*\s*,?\s+(?:or|and)\s+\d[\d.]*)"
                                 r"\s+(?P<unit>[A-Za-z]{2,12})\s*$", re.I)


ONE_OF_NUMBERS_RE = re.compile(rf"^(?P<head>[^:=()]{{1,40}}:\s*)(?:one\s+of|either)\s+"
                               rf"(?={NUMBER}(?:\s*,\s*{NUMBER})*\s*,?\s+(?:or|and)\s+{NUMBER})", re.I)


def read_number_list(item: str) -> str:
    """'fine, which is 45, 60 or 95 dollars' and 'fine: 45, 60 or 95 dollars' -> 'fine: 45, 60 or 95 (dollars)'."""
    item = ONE_OF_NUMBERS_RE.sub(r"\g<head>", item.strip())  # 'term: one of 12, 24 or 36' is no pool of 12
    m = RELATIVE_NUMBERS_RE.match(item)
    if m:
        item = f"{m['label'].strip()}: {m['vals']}" + (f" {m['unit']}" if m["unit"] else "")
    unit = NUMBER_LIST_UNIT_RE.match(item.strip())
    return f"{unit['head']} ({unit['unit']})" if unit else spread_ratio(item)


# 'bike type: classic or electric, roughly 70/30': one share per value, in the order the values are written
RATIO_RE = re.compile(r"^(?P<label>[^:()]{1,40}):\s*(?P<vals>[^,:()\d]+?(?:(?:,|\s+or|\s+and|/)\s*[^,:()\d]+?)+)\s*,?\s+"
                      r"(?:(?:roughly|about|around|approx\.?|approximately|~|split|like|at)\s*)?"
                      r"(?P<shares>\d{1,2}(?:\s*/\s*\d{1,2})+)\s*(?:%|percent|split)?\s*$", re.I)


def spread_ratio(item: str) -> str:
    """'mode: walk or bike, about 60/40' -> 'mode: walk 60%, bike 40%'; the item as written when the shares do not
    match the values one to one or do not add up to 100."""
    m = RATIO_RE.match(item.strip())
    if m is None:
        return item
    values = [v.strip() for v in re.split(r"\s*(?:,|\bor\b|\band\b|/)\s*", m["vals"]) if v.strip()
              and not re.fullmatch(r"roughly|about|around|approx\.?|approximately|~|split|like|at", v.strip(), re.I)]
    shares = [int(n) for n in re.split(r"\s*/\s*", m["shares"])]
    if len(values) != len(shares) or not 99 <= sum(shares) <= 101:
        return item
    return f"{m['label'].strip()}: " + ", ".join(f"{v} {n}%" for v, n in zip(values, shares))


# 'item (taco, burrito) qty 1-6 price 2-40', 'bolt length 10-120 mm weight 1-50 g': after a bracket or a number
# (and its unit) at the top level, a column's label and its number start the next column.
RUN_CUT_RE = re.compile(r"(?:\)|(?<![A-Za-z_\d.])\d[\d.,]*%?(?:\s*[A-Za-z%£$€/²³]{1,5}\d?)?)(?P<gap>\s+)(?=(?P<label>[A-Za-z][\w'-]*"
                        r"(?:\s+[A-Za-z][\w'-]*){0,2}?)\s+(?:approx\.?\s+|~\s*|about\s+|around\s+)?[-$€£]?\d(?![\d.,]*\s*(?:%|pct\b|percent\b)))", re.I)
NOT_RUN_LABELS = {"and", "or", "to", "from", "between", "per", "each", "every", "approx", "about", "around", "up", "at",
                  "with", "in", "of", "on", "by", "for", "last", "next", "past", "top", "mostly", "some", "rarely",
                  "usually", "than", "over", "under", "above", "below", "roughly", "x", "times", "plus", "minus",
                  "then", "after", "before", "within", "min", "max", "until", "since", "the", "a", "an", "is", "are"}


def split_verbless_run(piece: str) -> list[str]:
    """One comma piece naming several columns with no comma between them -> one piece per column."""
    if re.search(r"[:=]", piece):
        return [piece]
    cuts = []
    for m in RUN_CUT_RE.finditer(piece):
        words = m["label"].split()
        if depth_at(piece, m.start("gap")) or words[0].lower() in NOT_RUN_LABELS \
                or any(w.lower() in NOT_RUN_LABELS for w in words) \
                or fm.classify_tokens(fm.tokenize(m["label"])) is None:
            continue
        cuts.append((m.start("gap"), m.end("gap")))
    if not cuts or not re.match(r"\s*[A-Za-z]", piece):
        return [piece]
    pieces, last = [], 0
    for start, end in cuts:
        pieces.append(piece[last:start].strip())
        last = end
    pieces.append(piece[last:].strip())
    return [p for p in pieces if p]
