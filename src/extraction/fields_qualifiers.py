"""Qualifier readers: each takes what it understands out of a column's qualifier text (flags, formulas,
formats, examples, periods, code shapes, order, value lists, conditions, ranges) and returns the rest,
so a later reader never sees the same words."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import periods as pe
from src.extraction import phrases as ph
from src.extraction import shapes as sh
from src.extraction.bounds import read_column_bound
from src.extraction.conditions import read_condition
from src.extraction.counters import read_counter
from src.extraction.drafts import FieldDraft
from src.extraction.type_words import read_type_words
from src.extraction.fields_lists import read_plain_list, take_partial_weights
from src.extraction.fields_numbers import counts_things, find_distribution
from src.extraction.frequency_words import read_frequency_list
from src.extraction.gaps import read_date_gap
from src.extraction.fields_meaning import SELF_FORMATTED_TYPES, names_a_day
from src.extraction.fields_values import (LIST_PREFIX_RE, MOSTLY_RE, NOT_ENTITY_WORDS, SLASH_LIST_OPERATOR_RE,
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
DERIVED_RE = re.compile(r"\b(?:auto[- ]?)?(?:calculated|computed|derived|calculate|compute)\b|\bformula\b", re.I)
UNIQUE_RE = re.compile(r"\b(?:unique|distinct|no\s+duplicates?|non[- ]repeating)\b", re.I)
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
PREFIX_RE = re.compile(
    r"(?:\bstart(?:s|ing)?\s+with|\bprefix(?:ed)?(?:\s+(?:with|by))?|\bbegins?\s+with|\bbeginning\s+with)\s*:?\s*"
    r"['\"`]?(?P<p>[A-Za-z0-9#_-]+?)['\"`]?(?=\s|$|,|\))|"
    r"(?<![\w-])(?P<p2>[A-Z][A-Z0-9]*(?:[-_/][A-Z0-9]+)*[-_/]?)\s+(?=followed\s+by\s+(?:an?\s+)?(?:\d|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|number|digits?|letters?|characters?)\b)|"
    r"(?:^|(?<=[\s(]))(?P<p3>[A-Z]{1,6}[-_]?)\s*(?:\+|then|and\s+then|plus|and)\s*(?=(?:\d+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten)\s*(?:digits?|numbers?|letters?|characters?|chars?|alphanumerics?)\b)")
# "'LN' + 7 digits": a quoted literal joined to the shape of the rest.
QUOTED_PREFIX_RE = re.compile(
    r"['\"`‘’“”](?P<p>[A-Za-z0-9#_-]{1,12})['\"`‘’“”]\s*(?:\+|followed\s+by|then)\s*"
    r"(?=\d|one|two|three|four|five|six|seven|eight|nine|ten)", re.I)
UUID_RE = re.compile(r"\b(?:uuid|guid)s?(?:\s*v?4)?\b", re.I)
EXAMPLE_RE = re.compile(
    r"(?:e\.g\.?|eg|(?:format|formatted|looks?)\s+like|like|format|such\s+as|example|pattern)\s*:?\s*['\"`]?(?P<x>[A-Z0-9#][A-Za-z0-9\-_/#.]*[A-Za-z0-9#])['\"`]?",
    re.I)
# 'in INV-00001 format', 'XX-9999 style': the example before the word that says it is one.
EXAMPLE_AFTER_RE = re.compile(r"(?<![\w-])['\"`]?(?P<x>[A-Z][A-Za-z0-9\-_/#.]*[0-9#X])['\"`]?\s+(?:format|style|pattern|shape)\b")
WITH_TIME_RE = re.compile(r"\b(?:with|including|incl\.?|plus)\s+(?:a\s+|the\s+)?(?:time(?:\s+of\s+day)?|timestamps?|"
                          r"seconds|(?:hours?\s+and\s+)?minutes)\b",
                          re.I)
CONSTANT = r"[$€£¥]?\d+(?:\.\d+)?(?![\d.])"
# '2 uppercase letters + 6 digits' spells a code's shape, not a sum.
CODE_SHAPE_WORDS_RE = re.compile(r"\b(?:digits?|letters?|characters?|chars?|alphanumerics?)\b", re.I)
ROUNDING_RE = re.compile(r",?\s*\(?\brounded\s+(?:to|up\s+to|down\s+to)\s+(?:the\s+)?(?:nearest\s+)?"
                         r"(?P<what>cents?|pennies|penny|whole\s+\w+|integers?|units?|\d+\s*(?:decimals?|dp|decimal\s+places?))\)?",
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


def _segments(rest: str) -> list[str]:
    """Parenthesized parts and the text around them, each read on its own."""
    inside = re.findall(r"\(([^()]*)\)", rest)
    outside = re.sub(r"\([^()]*\)", " , ", rest)
    return [s for s in inside + [outside] if s.strip()]


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


def read_formula(draft: FieldDraft, text: str) -> str:
    rounding = ROUNDING_RE.search(text)
    if rounding and (DERIVED_RE.search(text) or _looks_like_formula(text)):
        what = rounding["what"].lower()
        digits = re.match(r"\d+", what)
        draft.decimals = int(digits[0]) if digits else 2 if what.startswith(("cent", "penn")) else 0
        text = ph.cut(text, rounding)
    if DERIVED_RE.search(text):
        draft.derived = True
        draft.formula_text = _formula_text(text)
        text = DERIVED_RE.sub(" ", text)
    elif _looks_like_formula(text):
        formula_text = _formula_text(text)
        if formula_text and is_slash_value_list(formula_text):
            draft.slash_list_text = formula_text  # 'low / medium / high' lists values, unless it names columns
            draft.enum_items = [ph.ListItem(ph.as_list_value(part))
                                for part in re.split(r"\s*/\s*", formula_text.strip(" ,;()"))]
            return text.replace(formula_text, " ")
        draft.derived = True
        draft.formula_text = formula_text
    if draft.derived and draft.formula_text:
        text = text.replace(draft.formula_text, " ")
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


def read_example(draft: FieldDraft, text: str) -> str:
    example = next((m for m in EXAMPLE_RE.finditer(text) if re.search(r"\d|[X#]{2}", m["x"])), None)
    example = example or next((m for m in EXAMPLE_AFTER_RE.finditer(text) if re.search(r"\d|[X#]{2}", m["x"])), None)
    found = fm.classify_tokens(draft.tokens)
    example = example or sh.find_bare_example(text, draft.tokens, found.meaning.kind if found else None)
    if found and found.meaning.type in SELF_FORMATTED_TYPES:
        return text  # a phone or date example describes a format the engine already writes
    if example and re.search(r"\d|[X#]{2}|xx", example["x"]):
        pattern = sh.pattern_from_example(example["x"])
        pattern = sh.letter_range_prefix(pattern, text) if pattern else None
        if pattern:
            draft.constraints["pattern"] = pattern
            draft.example = example["x"]
            text = ph.cut(text, example)
    return text


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


WHOLE_RE = re.compile(
    r"\b(?:in\s+)?whole\s+(?:numbers?|euros?|dollars?|pounds?|units?|amounts?|values?|[a-z]+s)\b|\bintegers?(?:\s+only)?\b|"
    r"\bno\s+(?:decimals?|decimal\s+places|cents|pence|fractions?)\b|\bwithout\s+(?:decimals?|cents|pence)\b|"
    r"\brounded\s+to\s+(?:the\s+)?(?:nearest\s+)?(?:whole|integer|unit|euro|dollar|pound)\b", re.I)


def read_code_shape(draft: FieldDraft, text: str) -> str:
    numbered, count, text = sh.find_code_range(text)
    if numbered:  # 'PUMP-001 to PUMP-060': exactly those codes, as many distinct values as the range holds
        draft.constraints["pattern"] = numbered
        draft.pool = draft.pool or count
    prefix = PREFIX_RE.search(text) or QUOTED_PREFIX_RE.search(text)
    any_number = None
    if prefix:
        text = ph.cut(text, prefix)
        any_number = re.search(r"\bfollowed\s+by\s+(?:an?\s+)?(?:number|serial|counter)\b", text, re.I)
        if any_number:  # 'PROJ- followed by a number': digits of any width, not a quantity
            text = ph.cut(text, any_number)
    draft.length, text = sh.find_length(text)
    if draft.length and draft.length.pattern and draft.example and not prefix \
            and re.fullmatch(draft.length.pattern, draft.example):
        draft.constraints["pattern"] = draft.length.pattern  # '2 letters + 6 digits (e.g. CA482913)': the rule, not CA
    elif draft.length and draft.length.pattern and "[A-Z]" in draft.length.pattern and draft.example and not prefix \
            and re.fullmatch(r"[A-Z]+[-_/]\d+", draft.example):
        letters, sep, digits = re.fullmatch(r"([A-Z]+)([-_/])(\d+)", draft.example).groups()
        draft.constraints["pattern"] = f"[A-Z]{{{len(letters)}}}{re.escape(sep)}\\d{{{len(digits)}}}"  # 'ABC-12345'
    if prefix:
        literal = re.sub(r"([.^$*+?()\[\]{}|\\])", r"\\\1", prefix["p"] or prefix["p2"] or prefix["p3"])
        body = draft.length.pattern if draft.length and draft.length.pattern else r"\d{1,6}" if any_number else r"\d{6}"
        draft.constraints["pattern"] = literal + sh.count_after_prefix(body, literal, bool(prefix["p"]))
    decimals, text = ph.find_decimals(text)
    if decimals is not None or not draft.derived:
        draft.decimals = decimals
    whole = WHOLE_RE.search(text)
    if whole and draft.decimals is None:
        draft.decimals = 0  # 'whole euros', 'whole number', 'integer'
        draft.type_hint = draft.type_hint or "integer"
        text = ph.cut(text, whole)
    return text


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
        shares = take_partial_weights(draft.enum_items, text)  # 'normal, high, critical (critical about 2%)'
        if shares:
            draft.enum_items, text = shares
        return text
    whole = re.sub(r"^\s*\((.*)\)\s*$", r"\1", text.strip()) if text.count("(") == 1 else text
    if favourite or MOST_OF_RE.search(whole) or paired_weights(LIST_PREFIX_RE.sub("", whole.strip())) \
            or read_frequency_list(LIST_PREFIX_RE.sub("", whole.strip())):
        values = parse_value_list(whole)  # 'gold | silver | bronze (10/30/60)', 'yes/no, mostly no'
        if values:
            draft.enum_items = values
            return " "
    segments = _segments(text)
    lists = [(seg, parse_value_list(seg)) for seg in segments]
    plain = [(seg, v) for seg, v in lists if v and all(i.weight is None for i in v)]
    weighted = [(seg, v) for seg, v in lists if v and all(i.weight is not None for i in v)]
    if plain and weighted and {str(i.value).lower() for i in weighted[0][1]} < {str(i.value).lower() for i in plain[0][1]}:
        segments = [plain[0][0]]  # 'free or pro or team (pro 25%, team 5%)': shares for some of the values
    for segment in segments:
        values = parse_value_list(segment)
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


def _looks_like_formula(text: str) -> bool:
    text = sh.write_shape_counts(text)  # 'RA plus seven digits' spells a code, like 'RA plus 7 digits'
    operator = (r"[a-z]\s+(?:[*×x/+-]|times|multiplied\s+by|minus|plus|divided\s+by)\s+[a-z(]|"
                rf"{CONSTANT}\s+(?:plus|\+)\s+{CONSTANT}\s*(?:per|/|a|each)\s+[a-z]|"  # '3.20 plus 1.10 per km'
                rf"[a-z]\s+(?:times|x|multiplied\s+by|divided\s+by|plus|minus)\s+{CONSTANT}|"  # 'usage times 0.004'
                r"[a-z]\s*[*×/]\s*\(|\)\s*[*×/+-]\s*[a-z\d]|"  # 'water/(oil+water)*100'
                rf"{CONSTANT}\s+(?:times|multiplied\s+by)\s+[a-z]|"
                r"[a-z]\s*[*×]\s*[a-z(]|\d\s*%\s+of\s+[a-z]|\b(?:sum|product|average|mean)\s+of\s+[a-z]|"
                r"\b(?:difference|days|nights)\s+between\s+(?:the\s+)?[a-z]|"
                r"[a-z]\s+as\s+(?:a\s+)?(?:percent(?:age)?|share|fraction|proportion)\s+of\s+(?:the\s+)?[a-z]")
    if re.search(operator, text, re.I) and not re.search(r"\d\s*x\s*\d", text) \
            and not re.search(rf"\b(?:plus|\+)\s+{CONSTANT}\s+(?:digits?|letters?|characters?|chars?)\b", text, re.I):
        return True
    # '2.5 + 1.2 * distance_km', 'base fare + 1.20 * distance': constants next to column words
    constant = rf"[a-z_]\s*[*×/]\s*{CONSTANT}|{CONSTANT}\s*[*×]\s*[a-z_(]|[a-z_]\s+[+]\s+{CONSTANT}|{CONSTANT}\s+[+]\s+[a-z_(]"
    return bool(re.search(constant, text, re.I)) and not CODE_SHAPE_WORDS_RE.search(text)


def is_slash_value_list(text: str) -> bool:
    """'low / medium / high' or 'in transit / delivered': every part between the slashes is plain words."""
    parts = re.split(r"\s*/\s*", text.strip(" ,;()"))
    return len(parts) >= 2 and all(
        re.fullmatch(r"[A-Za-z][A-Za-z'_-]*(?:\s+[A-Za-z][A-Za-z'_-]*){0,3}", part)
        and not SLASH_LIST_OPERATOR_RE.search(part) for part in parts)


def _formula_text(text: str) -> str | None:
    """The formula part of 'calculated as quantity x unit price' or '(= price * qty)'."""
    grouping = re.search(r"\)\s*(?:[*/+^×-]|\*\*|(?:times|multiplied\s+by|divided\s+by|plus|minus)\b)|"
                         r"(?:[*/+×-]|\bx|\btimes|\bof)\s*\(", text, re.I)  # '(actual - target) / target': brackets group
    for segment in ([text] if grouping else []) + _segments(text):
        m = re.search(r"(?:=|\bas\b|\bfrom\b|\bby\b|:|\bof\b|\busing\b)\s*(?P<f>[^=:]+)$", segment, re.I)
        for candidate in (segment, m["f"] if m else ""):
            candidate = DERIVED_RE.sub(" ", candidate).strip(" ,;")
            candidate = re.sub(r"^(?:as|from|by|using|=|:)\s+", "", candidate, flags=re.I)
            if candidate and (_looks_like_formula(candidate) or re.search(
                    r"\b(?:sum|product|difference|average|mean|days|nights)\s+(?:of|between)\b", candidate, re.I)):
                return candidate
    return None
