"""Qualifier readers: each takes what it understands out of a column's qualifier text (flags, formats, periods,
pools, order, value lists, conditions, ranges; formulas in ``fields_formula_text``, code shapes in ``fields_codes``)
and returns the rest, so a later reader never sees the same words; ``QUALIFIER_READERS`` runs them in order."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import periods as pe
from src.extraction import phrases as ph
from src.extraction.bounds import read_column_bound
from src.extraction.conditions import read_condition
from src.extraction.counters import read_counter
from src.extraction.drafts import FieldDraft
from src.extraction.type_words import read_type_words
from src.extraction.fields_lists import take_ordered_weights, read_plain_list, take_partial_weights
from src.extraction.fields_numbers import counts_things, find_distribution
from src.extraction.frequency_words import read_frequency_list
from src.extraction.gaps import read_date_gap
from src.extraction.fields_codes import read_code_shape, read_example
from src.extraction.fields_formula_text import is_slash_value_list, paren_segments, read_formula
from src.extraction.fields_meaning import names_a_day
from src.extraction.fields_values import (LIST_PREFIX_RE, MOSTLY_RE, NOT_ENTITY_WORDS,
                                          UNIT_WORDS_RE, MOST_OF_RE, favour_value, paired_weights, parse_value_list)


NULL_RE = re.compile(
    r"(?P<p>\d+(?:\.\d+)?)\s*%\s*(?:of\s+(?:the\s+)?(?:values|rows|records)\s+)?(?:are\s+|is\s+|be\s+)?"
    r"(?:null|missing|empty|blank|nulls|none)|(?:null|missing|empty|blank)\s*(?:rate|share)?\s*:?\s*(?P<q>\d+(?:\.\d+)?)\s*%|"
    r"\b(?:optional|nullable|may\s+be\s+(?:empty|null|missing|blank)|can\s+be\s+(?:empty|null|missing|blank)|"
    r"if\s+(?:any|applicable)|sometimes\s+(?:empty|missing|null)|not\s+always\s+present)\b", re.I)
NULL_SHARE_RE = re.compile(
    r"(?:(?:about|around|roughly|approximately|approx\.?|~)\s*)?(?P<p>\d+(?:\.\d+)?)\s*%\s*(?:of\s+(?:the\s+)?(?:values|rows|records)\s+)?"
    r"(?:are\s+|is\s+|be\s+)?(?:null|missing|empty|blank|nulls|none)|"
    r"(?:null|missing|empty|blank)\s*(?:rate|share)?\s*:?\s*(?:(?:about|around|roughly|~)\s*)?(?P<q>\d+(?:\.\d+)?)\s*%|"
    r"\b(?:null|missing|empty|blank)\s+(?:for|in|on)\s+(?:(?:about|around|roughly|~)\s*)?(?P<r>\d+(?:\.\d+)?)\s*%"
    r"(?:\s+of\s+(?:the\s+)?(?:values|rows|records))?", re.I)
# 'which must be unique', 'that is always distinct': the words that say it go with the flag
UNIQUE_RE = re.compile(r"(?:(?:\b(?:which|that)\s+)?(?:\b(?:must|should|shall|will|has\s+to|have\s+to)\s+)?"
                       r"\b(?:be|is|are)\s+(?:always\s+|all\s+)?)?"
                       r"\b(?:unique|distinct|no\s+duplicates?|non[- ]repeating)\b", re.I)
ORDER_RE = re.compile(
    r"\b(?P<neg>(?:(?:must|should|shall|can|may|will|could|does|do|is|are)\s+)?(?:no|not|never|cannot|can't|won't|"
    r"mustn't|shouldn't|isn't)\s+(?:(?:be|come|happen|occur|fall|start|end|arrive)\s+)?)?"
    r"(?P<dir>after|later\s+than|on\s+or\s+after|following|before|earlier\s+than|on\s+or\s+before|"
    r"prior\s+to|(?:greater|more|higher|larger|bigger|less|lower|smaller)\s+than(?:\s+or\s+equal\s+to)?|"
    r"at\s+least|at\s+most|above|below|under|over|exceeds?|not\s+(?:more|less)\s+than|>=?|<=?|≥|≤)\s+"
    r"(?:the\s+)?(?P<ref>[a-z][a-z _'-]*?)\s*(?=$|[,;)]|\s+(?:by|within|and)\b)", re.I)
# '14 days after the loan date': a fixed distance from another date.
DATE_OFFSET_RE = re.compile(
    r"(?<!within\s)(?<!up\sto\s)(?<!at\sleast\s)(?<!at\smost\s)\b(?P<n>\d{1,4}|a|an|one|two|three|four|five|six|seven|ten|twelve)\s*"
    r"(?P<u>days?|weeks?|months?|years?)\s+(?P<dir>after|later\s+than|from|following|"
    r"before|prior\s+to|earlier\s+than)\s+(?:the\s+)?(?P<ref>[a-z][a-z _'-]*?)\s*(?=$|[,;)])", re.I)
UUID_RE = re.compile(r"\b(?:uuid|guid)s?(?:\s*v?4)?\b", re.I)
WITH_TIME_RE = re.compile(r"\b(?:with|including|incl\.?|plus)\s+(?:a\s+|the\s+)?(?:time(?:\s+of\s+day)?|timestamps?|"
                          r"seconds|(?:hours?\s+and\s+)?minutes)\b",
                          re.I)
CURRENCY_WORDS = {"USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "INR", "DOLLARS", "EUROS", "POUNDS"}
TYPE_WORDS = {  # the first word found wins: 'sequential integer' is a sequence
    "auto-increment": "sequence", "auto-incremented": "sequence", "autoincrement": "sequence", "sequential": "sequence",
    "serial": "sequence", "incrementing": "sequence",
    "integer": "integer", "int": "integer", "whole number": "integer", "float": "float", "decimal": "decimal",
    "double": "float", "number": "float", "numeric": "float", "string": "string", "text": "sentence",
    "boolean": "boolean", "bool": "boolean", "true/false": "boolean", "date": "date", "datetime": "datetime",
    "timestamp": "datetime", "time": "time", "email": "email", "url": "url", "uuid": "uuid",
}


def read_flags(draft: FieldDraft, text: str) -> str:
    if UNIQUE_RE.search(text):
        draft.constraints["unique"] = True
        text = UNIQUE_RE.sub(" ", text)
    null_match = NULL_SHARE_RE.search(text) or NULL_RE.search(text)  # 'optional, about 30% empty': the share
    if null_match:
        share = null_match["p"] or null_match["q"] or null_match.groupdict().get("r")
        draft.constraints["nullable"] = True
        draft.constraints["null_probability"] = round(float(share) / 100, 4) if share else 0.2
        text = ph.cut(text, null_match)
        other = NULL_RE.search(text)
        if other and not (other["p"] or other["q"]):
            text = ph.cut(text, other)  # the 'optional' beside the share says the same
    return text


def read_format_hints(draft: FieldDraft, text: str) -> str:
    if UUID_RE.search(text) or (UUID_RE.search(draft.label) and len(draft.tokens) > 1):
        draft.type_hint = "uuid"
        text = UUID_RE.sub(" ", text)
    with_time = WITH_TIME_RE.search(text)
    if with_time:
        draft.type_hint = draft.type_hint or "datetime"  # 'past 5 days, with time' is a date and a time
        text = ph.cut(text, with_time)
    free_text = re.search(r"\bfree[- ]?(?:form\s+)?text\b|\bfree[- ]?form\b|\bopen[- ]ended\b", text, re.I)
    if free_text:
        draft.type_hint = draft.type_hint or "sentence"
        text = ph.cut(text, free_text)
    text = re.sub(r"\brealistic(?:ally)?\s+(?:distribution|distributed|spread|mix|values?)\b|\brealistic\b",
                  " ", text, flags=re.I)
    return re.sub(r"\b(?:valid|proper|correct|standard)\s+(?:format|formatting|address(?:es)?|emails?)\b|"
                  r"\b(?:US|UK|international|E\.164|local)\s+(?:format|style|numbers?)\b|\bformatted\b",
                  " ", text, flags=re.I)


def read_time_phrases(draft: FieldDraft, text: str) -> str:
    # 'last day of each month in 2026': which day of the month, not 'the last 1 day'. The engine has no
    # month-end grid, so the dates spread over the period.
    text = re.sub(r"\b(?:on\s+)?(?:the\s+)?(?:last|final|first|1st|15th)\s+(?:calendar\s+|business\s+|working\s+)?day\s+of\s+"
                  r"(?:each|every|the|a)\s+(?:calendar\s+)?month\b", " ", text, flags=re.I)
    draft.ages, text = pe.find_ages(text)
    draft.step, text = pe.find_step(text)
    draft.pool, text = ph.find_pool(text)
    if draft.pool is None:
        draft.pool, text = find_own_pool(draft, text)
    early = fm.classify_tokens(draft.tokens)
    # 'Enrollment year (2018-2024)' is a number range, not a period.
    if early is None or early.meaning.kind not in (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT) or draft.step \
            or names_a_day(draft.tokens):
        draft.period, text = pe.find_period(text)
    return text


OWN_POOL_RE = re.compile(r"(?<![\w.,-])(?:(?:about|around|roughly|approximately|some|~)\s*)?(?P<n>\d[\d,]*k?)\s+"
                         r"(?:unique\s+|distinct\s+|different\s+)?(?P<w>[A-Za-z]+)\b(?:\s+(?:in\s+)?total\b)?")
# 'one of 50 people', 'from a pool of 18 inspectors': how many distinct values, whatever the noun
ANY_POOL_RE = re.compile(r"\b(?:one\s+of|(?:from\s+|out\s+of\s+)?a\s+(?:pool|set|list|group|roster|team)\s+of)\s+"
                         r"(?:(?:about|around|roughly|~)\s*)?(?P<n>\d[\d,]*)\s+(?P<w>[A-Za-z]+s|people|staff)\b", re.I)


# 'waiter first name, about 15 staff': a count of people is how many distinct people a non-numeric column holds.
PEOPLE_POOL_RE = re.compile(r"(?<![\w.,-])(?:(?:about|around|roughly|approximately|some|~)\s*)?(?P<n>\d[\d,]*)\s+"
                            r"(?:different\s+|distinct\s+)?(?:staff(?:\s+members)?|people|persons|employees|workers)\b",
                            re.I)


def find_own_pool(draft: FieldDraft, text: str) -> tuple[int | None, str]:
    """'school: 8 schools', 'picker: 40 pickers', 'store (we have 14 stores)': a count of the column's own noun
    is how many distinct values it holds."""
    own = {fm.singular(t) for t in draft.tokens}
    named = ANY_POOL_RE.search(text)
    if named and fm.singular(named["w"].lower()) not in NOT_ENTITY_WORDS and (ph.parse_count(named["n"]) or 0) > 1:
        return ph.parse_count(named["n"]), ph.cut(text, named)
    people = PEOPLE_POOL_RE.search(text)
    label = fm.classify_tokens(draft.tokens)
    if people and (ph.parse_count(people["n"]) or 0) > 1 and (label is None or label.meaning.kind not in (
            fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT)):
        return ph.parse_count(people["n"]), ph.cut(text, people)
    for m in OWN_POOL_RE.finditer(text):
        word = m["w"].lower()
        if word != fm.singular(word) and fm.singular(word) in own and fm.singular(word) not in NOT_ENTITY_WORDS:
            size = ph.parse_count(m["n"])
            if size and size > 1:
                return size, ph.cut(text, m)
    return None, text


def read_order(draft: FieldDraft, text: str) -> str:
    shifted = DATE_OFFSET_RE.search(text)
    span = re.search(r"\d+\s*(?:-|–|to|and|or)\s*$", text[: shifted.start()], re.I) if shifted else None
    if shifted and span:  # '2 to 5 days after created at' spans days: an order, not one fixed distance
        if shifted["dir"].lower() in ("after", "later than", "following", "from"):
            draft.order_refs.append(("after", shifted["ref"].strip()))
        else:
            draft.order_refs.append(("before", shifted["ref"].strip()))
        text = (text[: span.start()] + " " + text[shifted.end():]).strip()
        shifted = None
    if shifted and not re.match(r"\d", shifted["ref"]):
        count = int(shifted["n"]) if shifted["n"].isdigit() else ph.NUMBER_WORDS.get(shifted["n"].lower(), 1)
        days = count * {"w": 7, "m": 30, "y": 365}.get(shifted["u"][0].lower(), 1)  # 'one year after start'
        sign = -1 if re.match(r"before|prior|earlier", shifted["dir"], re.I) else 1
        draft.date_offset = (sign * days, shifted["ref"].strip())  # '14 days after the loan date'
        text = ph.cut(text, shifted)
    order = ORDER_RE.search(text)
    if order and re.search(r"\b(?:when|if|whenever|unless|where|only\s+for)\b[^,;()]*$", text[: order.start()], re.I):
        order = None  # 'true when stock is below the reorder point', 'empty when it is under review': the condition's
    if order and order["ref"].strip().lower() in ("once", "twice", "ever", "usual", "normal", "average", "expected"):
        order = None  # 'a donor can give more than once' says how often, it names no column
    if order and not re.match(r"\d", order["ref"]):
        before = re.match(r"before|earlier|on\s+or\s+before|prior|<|≤|less|lower|smaller|at\s+most|below|under|"
                          r"not\s+more", order["dir"], re.I)
        if order["neg"] and not re.match(r"not\s+(?:more|less)", order["dir"], re.I):
            before = not before  # 'no more than sent' stays below it, 'never before the loan date' after it
        draft.order_refs.append(("before" if before else "after", order["ref"].strip()))
        text = ph.cut(text, order)
    draft.distribution, text = find_distribution(text)
    return text


def read_value_list(draft: FieldDraft, text: str) -> str:
    favourite = MOSTLY_RE.search(text)
    if draft.enum_items:
        if favourite and favourite["v"]:  # 'Single / Double / Suite (mostly Double)'
            weighted = favour_value(draft.enum_items, favourite["v"])
            if weighted:
                draft.enum_items = weighted
                text = ph.cut(text, favourite)
        shares = take_partial_weights(draft.enum_items, text) or take_ordered_weights(draft.enum_items, text)
        if shares:  # 'normal, high, critical (critical about 2%)', 'basic, plus, premium (60 / 30 / 10)'
            draft.enum_items, text = shares
        return text
    whole = re.sub(r"^\s*\((.*)\)\s*$", r"\1", text.strip()) if text.count("(") == 1 else text
    every = parse_value_list(text) if text.count("%") >= 2 else None
    if every and all(i.weight is not None and not re.search(r"[()~]", str(i.value)) for i in every):
        draft.enum_items = every  # 'GET (70%), POST (20%), PUT and DELETE (5% each)': a share in each bracket
        return " "
    if favourite or MOST_OF_RE.search(whole) or paired_weights(LIST_PREFIX_RE.sub("", whole.strip())) \
            or read_frequency_list(LIST_PREFIX_RE.sub("", whole.strip())):
        values = parse_value_list(whole)  # 'gold | silver | bronze (10/30/60)', 'yes/no, mostly no'
        if values:
            draft.enum_items = values
            return " "
    segments = paren_segments(text)
    lists = [(seg, parse_value_list(seg)) for seg in segments]
    plain = [(seg, v) for seg, v in lists if v and all(i.weight is None for i in v)]
    weighted = [(seg, v) for seg, v in lists if v and all(i.weight is not None for i in v)]
    if plain and weighted and {str(i.value).lower() for i in weighted[0][1]} < {str(i.value).lower() for i in plain[0][1]}:
        segments = [plain[0][0]]  # 'free or pro or team (pro 25%, team 5%)': shares for some of the values
    for segment in segments:
        values = parse_value_list(segment)
        head = re.match(r"\s*([^,;]+?)\s*[,;]", segment)
        if not values and head and (is_slash_value_list(head[1]) or re.search(r"\s(?:or|\|)\s", head[1])):
            listed = parse_value_list(head[1])  # 'cash/card/app, card like 55%': the list, then one value's share
            if listed and take_partial_weights(listed, text.replace(head[1], " ")):
                segment, values = head[1], listed
        if values:
            rest = text.replace(segment, " ")
            weighted = take_partial_weights(values, rest)
            draft.enum_items = weighted[0] if weighted else values
            return weighted[1] if weighted else rest
    return text




def read_range_and_rest(draft: FieldDraft, text: str) -> str:
    whole_text = text
    text = re.sub(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|\b\d{1,2}:\d{2}(?::\d{2})?\b", " ", text)
    text = re.sub(r"\bout\s+of\s+(\d+(?:\.\d+)?)(?![\d.%-])", r"0 to \1", text)  # 'score out of 100'
    draft.numeric_range, text = ph.find_numeric_range(text)
    constant = re.fullmatch(rf"\s*(?P<n>[$€£¥]?\s?\d+(?:\.\d+)?[$€£¥]?)\s*(?P<u>%|[A-Za-z]{{1,12}})?\s*", text)
    if draft.numeric_range is None and constant and not draft.enum_items and not draft.derived and (
            constant["u"] is None or UNIT_WORDS_RE.fullmatch(constant["u"]) or constant["u"].upper() in CURRENCY_WORDS):
        number = ph.parse_number(constant["n"].strip("$€£¥") if constant["n"][-1] in "$€£¥" else constant["n"])
        if number is not None:  # 'base fare €2.50': one fixed value
            number.is_money = number.is_money or bool(re.search(r"[$€£¥]", constant["n"])) or bool(
                constant["u"] and constant["u"].upper() in CURRENCY_WORDS)
            draft.numeric_range = ph.NumericRange(number, ph.ParsedNumber(number.value, number.is_money, number.decimals),
                                                  is_percent=constant["u"] == "%")
            text = text.replace(constant["n"], " ", 1)
    draft.units = [u.lower() for u in UNIT_WORDS_RE.findall(text)]
    draft.counts_things = draft.counts_things or counts_things(f"{draft.label} {whole_text}")
    draft.rest_text = text
    draft.leftover = re.sub(r"[^\w\s'-]", " ", text).strip()
    for word, type_name in TYPE_WORDS.items():
        if type_name in ("float", "integer", "decimal") and draft.length is not None and draft.length.pattern:
            continue  # 'unique 8-digit number' is a code of 8 digits, not a quantity
        if re.search(rf"(?:^|[\s(,{{\[:]){re.escape(word)}(?:$|[\s),}}\];])", text, re.I):  # '{type: boolean}'
            draft.type_hint = type_name if type_name == "sequence" else draft.type_hint or type_name
            break
    return text


QUALIFIER_READERS = (read_plain_list, read_flags, read_counter, read_date_gap, read_column_bound, read_formula,
                     read_format_hints, read_type_words, read_example, read_time_phrases, read_code_shape,
                     read_order, read_value_list, read_condition, read_range_and_rest)


