"""Lists of amounts: 'the fine, which is 45, 60, 95 or 250 dollars', '$95 or $250', 'either €50 or €100'.

Each amount is a value of the column (a category of numbers), never a range between the first and the last. The
clause stage keeps such a list in one clause (`join_amount_pieces`); the list reader takes it (`read_amount_list`).
"""

from __future__ import annotations

import re

from src.extraction import phrases as ph
from src.extraction.drafts import FieldDraft

# One amount as a list writes it: '$95', '€2.50', '250', '1,200'.
AMOUNT = r"[$€£¥₹]?\s?\d{1,3}(?:,\d{3})*(?:\.\d+)?|[$€£¥₹]?\s?\d+(?:\.\d+)?"
CURRENCY_TAIL = r"(?:dollars?|euros?|pounds?|bucks|usd|eur|gbp|chf|cad|aud|jpy|inr|yen|rupees?|francs?)"
AMOUNT_LIST_RE = re.compile(
    rf"^\s*\(?\s*(?:(?:which|that)\s+(?:is|are)\s+|(?:is|are)\s+|either\s+|one\s+of\s+|values?\s*:?\s*|:\s*)*"
    rf"(?P<list>(?:{AMOUNT})(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)(?:{AMOUNT}))+)"
    rf"\s*(?:(?P<tail>{CURRENCY_TAIL})|(?P<unit>[A-Za-z]{{1,12}}))?\s*(?:each)?\s*\)?\s*[.;,]?\s*$", re.I)


def read_amount_list(draft: FieldDraft, text: str) -> str | None:
    """'45, 60, 95 or 250 dollars', '$95 or $250', 'either €50 or €100': a few amounts, each a value of the column
    (a category of numbers, never a range between the first and the last)."""
    m = AMOUNT_LIST_RE.match(text)
    if m is None:
        return None
    values = [ph.parse_number(v) for v in re.split(r"\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)\s*", m["list"])
              if v.strip()]
    money = m["tail"] or re.search(r"[$€£¥₹]", m["list"])
    if len(values) < 2 or any(v is None for v in values) or not (money or len(values) >= 3 or " or " in m["list"]):
        return None  # '10 and 15 points' may be a range; '10, 12 and 15', '1 or 2 hrs' are values
    draft.enum_items = [ph.ListItem(int(v.value) if v.value.is_integer() and not v.decimals else v.value)
                        for v in values]
    return " "


# A clause piece that opens an amount list: 'the fine, which is 45', 'deposit either $50'.
OPENING_RE = re.compile(rf"(?:\b(?:is|are|be|either|of)|:)\s+(?:{AMOUNT})\s*$", re.I)
MIDDLE_RE = re.compile(rf"^\s*(?:{AMOUNT})\s*$")
CLOSING_RE = re.compile(rf"^\s*(?:or\s+|and\s+)?(?:{AMOUNT})(?:\s+(?:or|and)\s+(?:{AMOUNT}))?\s*(?:[A-Za-z]{{1,12}})?\s*$", re.I)


def join_amount_pieces(parts: list[str]) -> list[str]:
    """'the fine, which is 45', '60', '95 or 250 dollars' -> one clause: comma pieces of one amount list, closed
    by 'or'/'and' or a currency word, join the piece that opened the list."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        j = i + 1
        if OPENING_RE.search(parts[i]):
            while j < len(parts) and MIDDLE_RE.match(parts[j]):
                j += 1
            closes = j < len(parts) and CLOSING_RE.match(parts[j]) and (
                re.search(r"\b(?:or|and)\b", parts[j], re.I) or re.search(CURRENCY_TAIL + r"\s*$", parts[j], re.I))
            if closes:
                out.append(", ".join(p.strip() for p in parts[i:j + 1]))
                i = j + 1
                continue
        out.append(parts[i])
        i += 1
    return out
