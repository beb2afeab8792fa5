"""Qualifier readers of a code's shape: an example ('like INV-00001'), a prefix ('SR- followed by 8 digits'),
a length, decimals and whole numbers."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction import shapes as sh
from src.extraction.drafts import FieldDraft
from src.extraction.fields_meaning import SELF_FORMATTED_TYPES


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
EXAMPLE_RE = re.compile(
    r"(?:e\.g\.?|eg|(?:format|formatted|looks?)\s+like|like|format|such\s+as|example|pattern)\s*:?\s*['\"`]?(?P<x>[A-Z0-9#][A-Za-z0-9\-_/#.]*[A-Za-z0-9#])['\"`]?",
    re.I)
# 'in INV-00001 format', 'XX-9999 style': the example before the word that says it is one.
EXAMPLE_AFTER_RE = re.compile(r"(?<![\w-])['\"`]?(?P<x>[A-Z][A-Za-z0-9\-_/#.]*[0-9#X])['\"`]?\s+(?:format|style|pattern|shape)\b")


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
    text = re.sub(r"\b(?:exactly|precisely|always)\s+(?=\d+\s*(?:digits?|letters?|characters?|chars?)\b)", "",
                  sh.write_shape_counts(text), flags=re.I)  # 'consisting of exactly ten digits'
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


