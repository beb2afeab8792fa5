"""Offline schema extractor: a plain-English description -> schema document, with no network or LLM.

The description is split into a header ("Generate 5000 orders with:") and one item per column
(bullets, lines, or comma-separated prose). Each item gives a label ("Unit price") and qualifiers
("$10-500", "last 90 days", "(active, inactive)", "for payments"). The label's meaning comes from
the tables in ``field_meaning``; qualifiers come from the parsers in ``phrases``. A last pass links
columns to each other: formulas for calculated columns, conditions, and date order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from src.extraction import field_meaning as fm
from src.extraction import clauses as cl
from src.extraction import layout as ly
from src.extraction import phrases as ph
from src.extraction import templates as tp
from src.extraction.relations import link_fields
from src.extraction.drafts import FieldDraft
from src.schemas import DatasetSchema, FieldSpec


@dataclass
class OfflineExtraction:
    schema: DatasetSchema
    total_rows: int | None
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # field name -> the words it was read from


MAX_ITEMS = 500  # the schema document's limit on fields
MAX_ITEM_CHARS = 400  # one column's description; bounds the time regexes take
BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦‣–—+]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s*")
LIST_INTRO_RE = re.compile(
    r"(?::|\b(?:with|containing|including|includes?|having|(?:that|which|each(?:\s+\w+)?|every\s+\w+|it|they)\s+"
    r"(?:has|have|includes?|contains?|should\s+(?:have|include|contain))|consisting\s+of|comprising|"
    r"made\s+up\s+of|(?:fields?|columns?|attributes?|properties)(?:\s+(?:are|is|will\s+be|should\s+be)(?=\s*:))?)\b"
    r"\s*(?::|->|→|=>)?)", re.I)
ROW_WORDS = (r"(?:rows?|records?|entries|entry|samples?|items?|lines?|examples?|data\s*points?|"
             r"observations?|instances?)")
MIN_SEMICOLON_FIELDS = 3  # 'a; b; c': semicolons, not commas, separate the columns
LABEL_SEMICOLON_RE = re.compile(r"^(?P<label>[^,;:()]{1,60}?)\s*;\s+(?P<rest>[^;]+)$")
# Locale from a format named anywhere ('Phone number (US format)')...
FORMAT_LOCALES = [
    (r"\b(?:US|U\.S\.|USA|American)\b(?=\s*(?:format|style|based|phone|address|number|customers?))|"
     r"\bin\s+the\s+(?:US|USA|United\s+States)\b", "en_US"),
    (r"\b(?:UK|British|United\s+Kingdom)\b(?=\s*(?:format|style|based|phone|address|number|customers?))", "en_GB"),
    (r"\b(?:German|French|Spanish|Italian|Indian|Japanese)\s+(?=format|style|phone|address)", None),
]
# ... or from the people the header describes ('Generate 500 German customers'); a value list of
# languages further down says nothing about the locale.
HEADER_LOCALES = [
    (r"\bGerman(?:y)?\b", "de_DE"), (r"\b(?:French|France)\b", "fr_FR"), (r"\b(?:Spanish|Spain)\b", "es_ES"),
    (r"\b(?:Italian|Italy)\b", "it_IT"), (r"\bIndian?\b", "en_IN"), (r"\bJapan(?:ese)?\b", "ja_JP"),
    (r"\b(?:British|UK)\b", "en_GB"), (r"\b(?:American|US|USA)\b", "en_US"),
]
# Words that end a label: what follows them qualifies the column.
LABEL_STOP_RE = re.compile(
    r"\s(?:between|from|in|within|over|during|ranging|range|up\s+to|at\s+least|at\s+most|for|only|if|"
    r"when|where|unless|after|before|since(?=\s+\d)|until|every|with|optional|nullable|e\.g\.|eg|i\.e\.|like|such\s+as|as|is|are|"
    r"should|must|which|that|being|having|containing|including|starting|under|below|above|max|min|"
    r"maximum|minimum|no\s+more|less\s+than|more\s+than|greater\s+than|one\s+of|either|according|"
    r"following|using|normally|distributed|averaging|average|mean|(?:last|past|next)\s+(?=\d|\w+\s+(?:days?|weeks?|months?|years?|hours?))|"
    r"(?:last|past|next)(?=\s+(?:day|week|fortnight|month|quarter|year|hour|decade)\b)|out\s+of(?=\s+\d)|"
    r"(?=[-−]?[$€£¥]?\d)|(?=[-−–]\s?\d)|~|,|;|=)(?=\s|$|\d|[$€£¥-])", re.I)
QUALIFIER_WORDS = {
    "unique", "distinct", "optional", "nullable", "required", "format", "valid", "calculated", "computed",
    "derived", "realistic", "distribution", "random", "last", "past", "next", "every", "between", "from",
    "uuid", "guid", "only", "for", "if", "when", "unless", "after", "before", "since", "until", "characters",
    "chars", "digits", "letters", "decimal", "decimals", "normal", "normally", "skewed", "mostly", "mainly",
    "auto-generated", "auto-increment", "auto-incremented", "autoincrement", "generated", "automatically", "null",
    "empty", "missing", "default", "sequential",
}  # 'auto' alone is a value ('Claim type: auto, home, travel'); only 'auto-generated' qualifies
LIST_PREFIX_RE = re.compile(
    r"^\s*(?:one\s+of|either|e\.g\.?|eg|i\.e\.?|such\s+as|like|values?|options?|choices?|categories|"
    r"can\s+be|could\s+be|must\s+be|is|are|including|includes|among)\s*:?\s*", re.I)
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
CONDITION_RE = re.compile(
    r"(?:\bonly\s+)?\b(?P<k>for|if|when|where|unless|except)\s+(?!(?:each|every|all|any|example|instance|now|the\s+(?:whole|entire))\b)"
    r"(?P<c>[^,;()]+?)(?:\s+only)?\s*(?=$|[,;()])|"
    r"\b(?P<c2>[a-z][a-z ]*?)\s+only\b", re.I)
ORDER_RE = re.compile(
    r"\b(?P<neg>(?:no|not|never)\s+)?(?P<dir>after|later\s+than|on\s+or\s+after|following|before|earlier\s+than|on\s+or\s+before|"
    r"prior\s+to|(?:greater|more|higher|larger|bigger|less|lower|smaller)\s+than(?:\s+or\s+equal\s+to)?|"
    r"at\s+least|at\s+most|above|below|under|over|exceeds?|not\s+(?:more|less)\s+than|>=?|<=?|≥|≤)\s+"
    r"(?:the\s+)?(?P<ref>[a-z][a-z _'-]*?)\s*(?=$|[,;)]|\s+(?:by|within|and)\b)", re.I)
# '14 days after the loan date': a fixed distance from another date.
DATE_OFFSET_RE = re.compile(
    r"(?<!within\s)(?<!up\sto\s)\b(?P<n>\d{1,4})\s*(?P<u>days?|weeks?)\s+(?P<dir>after|later\s+than|from|following|"
    r"before|prior\s+to|earlier\s+than)\s+(?:the\s+)?(?P<ref>[a-z][a-z _'-]*?)\s*(?=$|[,;)])", re.I)
PREFIX_RE = re.compile(
    r"(?:\bstart(?:s|ing)?\s+with|\bprefix(?:ed)?(?:\s+(?:with|by))?|\bbegins?\s+with|\bbeginning\s+with)\s*:?\s*"
    r"['\"`]?(?P<p>[A-Za-z0-9#_-]+?)['\"`]?(?=\s|$|,|\))|\b(?P<p2>[A-Z]{2,}[-_]?)\s+(?=followed\s+by\b)")
# "'LN' + 7 digits": a quoted literal joined to the shape of the rest.
QUOTED_PREFIX_RE = re.compile(
    r"['\"`‘’“”](?P<p>[A-Za-z0-9#_-]{1,12})['\"`‘’“”]\s*(?:\+|followed\s+by|then)\s*"
    r"(?=\d|one|two|three|four|five|six|seven|eight|nine|ten)", re.I)
UUID_RE = re.compile(r"\b(?:uuid|guid)s?(?:\s*v?4)?\b", re.I)
EXAMPLE_RE = re.compile(
    r"(?:e\.g\.?|eg|(?:format|formatted|looks?)\s+like|like|format|such\s+as|example|pattern)\s*:?\s*['\"`]?(?P<x>[A-Z0-9#][A-Za-z0-9\-_/#.]*[A-Za-z0-9#])['\"`]?",
    re.I)
WITH_TIME_RE = re.compile(r"\b(?:with|including|incl\.?|plus)\s+(?:a\s+|the\s+)?(?:time(?:\s+of\s+day)?|timestamps?)\b",
                          re.I)
CONSTANT = r"[$€£¥]?\d+(?:\.\d+)?(?![\d.])"
# '2 uppercase letters + 6 digits' spells a code's shape, not a sum.
CODE_SHAPE_WORDS_RE = re.compile(r"\b(?:digits?|letters?|characters?|chars?|alphanumerics?)\b", re.I)
ROUNDING_RE = re.compile(r",?\s*\(?\brounded\s+(?:to|up\s+to|down\s+to)\s+(?:the\s+)?(?:nearest\s+)?"
                         r"(?P<what>cents?|pennies|penny|whole\s+\w+|integers?|units?|\d+\s*(?:decimals?|dp|decimal\s+places?))\)?",
                         re.I)
# 'yes/no, mostly no', '(mostly Double)', 'card (mostly)': one listed value is the usual one.
MOSTLY_RE = re.compile(r"[,;]?\s*\(?\b(?:mostly|mainly|usually|predominantly|primarily|largely|typically)\s+"
                       r"(?P<v>[A-Za-z][\w' -]{0,30}?)\s*\)?\s*$|(?P<v2>\s*\((?:mostly|mainly|usually|most\s+common|"
                       r"most\s+often|majority)\))", re.I)
MOSTLY_SHARE = 70.0
CURRENCY_WORDS = {"USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "INR", "DOLLARS", "EUROS", "POUNDS"}
SLASH_LIST_OPERATOR_RE = re.compile(r"\b(?:x|times|plus|minus|divided|multiplied|sum|product|difference)\b", re.I)
NUMERIC_KINDS = (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT)
SELF_FORMATTED_TYPES = {"phone", "email", "url", "ipv4", "ipv6", "iban", "credit_card_number", "date", "datetime",
                        "time", "date_of_birth", "uuid", "mac_address", "domain", "user_agent"}
# Types whose values an explicit '5 digits' or '8 alphanumeric characters' may replace by a code pattern.
CODE_LIKE_TYPES = {"postal_code", "account_number", "phone", "string", "integer", "code", "sequence", "word"}
# Units that count whole things: 'length of stay in days (1 to 30)' is a whole number of days.
WHOLE_NUMBER_UNITS = {"byte", "bytes", "day", "days", "night", "nights", "ms", "millisecond", "milliseconds"}
# Types that may carry a 'pattern' constraint; other semantic types format their own values.
PATTERN_TYPES = {"string", "code"}
# Words that open a clause about the previous column, never a column of their own ('..., and it must ...').
CONNECTIVE_START_RE = re.compile(
    r"^(?:it|its|it's|they|them|their|this|that|these|those|which|who|whose|must|should|always|never|but|so|"
    r"mostly|mainly|usually|predominantly|primarily|largely|typically|"
    r"then|also|otherwise|else|except|with\s+(?:a\s+|the\s+)?time(?:\s+of\s+day)?$)\b", re.I)
# A comma piece that only qualifies the column before it ('points 0-12, integer, email').
QUALIFIER_PIECE_RE = re.compile(
    r"integers?|whole\s+numbers?|(?:\d+|one|two|three|four)\s+(?:decimals?|decimal\s+places|dp)|no\s+decimals|"
    r"unique|optional|nullable|required|not\s+null|"
    r"(?:between|from|ranging\s+from|in\s+the\s+range|within|up\s+to|at\s+least|at\s+most)\s+[-$€£]?\d.*|"
    r"as\s+(?:a|an)\s+[\w-]+(?:\s+[\w-]+){0,3}", re.I)
# 'from 50 meters' in the header: how many distinct things the rows come from.
HEADER_POOL_RE = re.compile(
    r"(?:\b(?:from|across|among|over|for)\s+|(?<![\w.,-])(?<!about\s)(?<!around\s)(?<!roughly\s)(?<!~)"
    r"(?=\d[\d,]*k?\s+(?:[a-z]+\s+){0,2}?[a-z]+s\b(?!\s+(?:per|a|an|each|every|daily|weekly|monthly|hourly)\b)))"
    r"(?P<n>\d[\d,]*k?)\s+(?:unique\s+|distinct\s+|different\s+)?"
    r"(?P<adj>(?:[a-z]+\s+){0,2}?)(?P<w>[a-z]+s)\b",
    re.I)
# A time grid the header states outright ('one reading every 15 minutes'), not '50 orders per day'.
HEADER_STEP_RE = re.compile(r"\bevery\b|\bintervals?\b|\bincrements?\b|\bgranularity\b|\bhourly\b", re.I)
# Nouns for people by their role: a 'Referee' or 'Cashier' column holds a person's name.
ROLE_NOUNS = {
    "referee", "umpire", "coach", "cashier", "inspector", "pilot", "captain", "tutor", "trainer", "mechanic",
    "courier", "waiter", "waitress", "clerk", "officer", "judge", "lawyer", "attorney", "surgeon", "pharmacist",
    "therapist", "consultant", "recruiter", "auditor", "examiner", "dispatcher", "approver", "requester", "chef",
    "stylist", "realtor", "mentor", "caregiver", "salesperson", "dentist", "veterinarian", "vet", "nanny",
    "cleaner", "plumber", "electrician", "guard", "steward", "stewardess", "bartender", "barista", "cook",
    "accountant", "architect", "interviewer", "interviewee", "moderator", "presenter", "speaker", "organizer",
    "organiser", "preparer", "signatory", "witness", "beneficiary", "guarantor", "borrower", "lender", "sender",
    "recipient", "receiver", "payee", "payer", "landlady", "homeowner", "occupant", "resident", "visitor",
    "attendee", "participant", "player", "athlete", "runner", "rider", "caller", "operator", "analyst",
    "developer", "designer", "engineer", "scientist", "researcher", "professor", "lecturer", "picker", "packer",
    "handler", "advisor", "adviser", "counselor", "counsellor", "adjuster", "underwriter", "banker", "teller",
    "paramedic", "midwife", "director", "producer", "composer", "narrator", "conductor", "curator",
    "photographer", "screenwriter", "illustrator", "translator", "instructor", "supervisor", "reviewer",
}
FIRST_NAME_ONLY_RE = re.compile(r"\b(?:first|given)[\s-]+names?(?:\s+only)?\b|\bonly\s+(?:the\s+)?(?:first|given)\s+names?\b",
                                re.I)
# Label endings that name a day: 'pay period end', 'contract start', 'pay date'.
DAY_HEADS = {"date", "day", "deadline", "payday"}
SPAN_WORDS = {"period", "month", "week", "quarter", "year", "term", "contract", "trial", "shift", "billing", "fiscal",
              "cycle", "season", "semester", "lease", "subscription", "campaign", "promotion", "sprint", "coverage"}
BOOLEAN_LEADS = {"is", "has", "have", "was", "were", "can", "does", "did", "should", "allows", "needs", "uses"}
# One label that names several columns.
EXPANSIONS = {
    ("coordinates",): ["latitude", "longitude"], ("gps",): ["latitude", "longitude"],
    ("gps", "coordinates"): ["latitude", "longitude"], ("geo", "coordinates"): ["latitude", "longitude"],
    ("lat", "long"): ["latitude", "longitude"], ("lat", "lng"): ["latitude", "longitude"],
    ("location", "coordinates"): ["latitude", "longitude"], ("geolocation",): ["latitude", "longitude"],
    ("first", "last", "name"): ["first_name", "last_name"],
}
TYPE_WORDS = {
    "integer": "integer", "int": "integer", "whole number": "integer", "float": "float", "decimal": "decimal",
    "double": "float", "number": "float", "numeric": "float", "string": "string", "text": "sentence",
    "boolean": "boolean", "bool": "boolean", "true/false": "boolean", "date": "date", "datetime": "datetime",
    "timestamp": "datetime", "time": "time", "email": "email", "url": "url", "uuid": "uuid",
}
UNIT_WORDS_RE = re.compile(
    r"\b(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|kg|kgs|g|grams?|mg|mcg|µg|lbs?|pounds|"
    r"km|kilometers?|miles?|m|meters?|metres?|cm|mm|celsius|fahrenheit|°c|°f|hpa|kpa|psi|bar|mph|km/h|kmh|"
    r"volts?|v|watts?|w|kw|kwh|amps?|db|dbm|bpm|mg/dl|mmhg|liters?|litres?|l|ml|gb|mb|kb|tb|bytes?|nights?|%|percent)\b",
    re.I)


ORDER_BY_RE = re.compile(r"^\s*(?:(?:and\s+)?(?:rows\s+)?(?:sorted|ordered|order|sort)\s+(?:by|on)\b)", re.I)


def extract_offline(text: str) -> OfflineExtraction:
    """Turn a plain-English description into a schema document, a row count and warnings."""
    warnings: list[str] = []
    layout = ly.read_layout(text, split_description)
    header, items = (layout.header, layout.items) if layout else split_description(text)
    for unread in layout.unread if layout else []:
        warnings.append(f"no column could be read from '{unread[:100]}'; add it in the editor if it names one")
    total_rows = find_row_count(header[:2000], header_only=True) or find_row_count(text[:20000])
    subject = find_subject(header)
    locale = find_locale(header, text)
    drafts: list[FieldDraft] = []
    for item in items[:MAX_ITEMS]:
        if ORDER_BY_RE.match(item):
            warnings.append(f"rows are not kept in any order; ignored '{item[:80]}'")
            continue
        try:
            read = draft_fields(item, warnings)
        except Exception:  # noqa: BLE001 - one unreadable item must not lose the whole description
            warnings.append(f"could not understand '{item[:80]}'; used a text column")
            read = [FieldDraft(label=item[:60], type="string", description=item[:300],
                               tokens=fm.tokenize(item)[:6])]
        for draft in read:
            draft.source = item.strip()[:300]
        drafts.extend(read)
    name_drafts(drafts)
    if not drafts or (len(drafts) < tp.FEW_COLUMNS and not is_listed(text)):
        drafts = complete_from_template(header if items else text, drafts, warnings)
        name_drafts(drafts)
    apply_header_details(header, total_rows, drafts)
    try:
        link_fields(drafts, subject, total_rows, warnings)
    except Exception as err:  # noqa: BLE001 - columns stay usable without their links
        warnings.append(f"could not link columns to each other: {err}")
    schema = build_schema(drafts, locale, subject, text, warnings)
    sources = {d.name: d.source for d in drafts if d.source}
    return OfflineExtraction(schema=schema, total_rows=total_rows, warnings=warnings, sources=sources)


def is_listed(text: str) -> bool:
    """Columns written as a list (lines, bullets, 'with: a, b') are all the user wants; a one-line request
    ('1000 orders with a coupon code') names its entity and only the columns it cares about."""
    return "\n" in text.strip() or bool(re.search(r"[:=]\s*\S", text))


def complete_from_template(entity_text: str, named: list[FieldDraft], warnings: list[str]) -> list[FieldDraft]:
    """A request naming few columns: its entity's template merged with the columns it names."""
    match = tp.find_template(entity_text) or tp.find_near_template(entity_text)
    if match is None:
        if named:
            return named
        warnings.append("the description names no columns and no entity this extractor knows; used the "
                        "generic 'records' template - list the columns you need, or start from a template "
                        "(GET /schema/templates)")
        return read_template_drafts(tp.GENERIC_TEMPLATE)
    template_drafts = read_template_drafts(match.template)
    kept = [d.label for d in named]
    warnings.append(f"the description names {len(named) or 'no'} column{'s' if len(named) != 1 else ''}; "
                    f"completed it from the '{match.template.key}' template (chosen by '{match.phrase}')"
                    + (f", keeping {', '.join(kept)}" if kept else ""))
    return tp.merge_template_drafts(template_drafts, named)


def read_template_drafts(template: tp.Template) -> list[FieldDraft]:
    """A template's columns read like a user's bullet list, each noting the template it came from."""
    drafts: list[FieldDraft] = []
    for column in template.columns:
        for draft in draft_fields(column, []):
            draft.source = f"template '{template.key}': {column}"
            drafts.append(draft)
    name_drafts(drafts)
    return drafts


# ----------------------------------------------------------------------------- splitting the text


def split_description(text: str) -> tuple[str, list[str]]:
    """Split a description into its header and one text per column."""
    lines = [read_semicolon_label(line.rstrip()) for raw in text.strip().splitlines() if raw.strip()
             for line in split_column_row(raw)]
    bullet_lines = [i for i, line in enumerate(lines) if BULLET_RE.match(line) and _is_bullet(line)]
    if bullet_lines:
        header = " ".join(lines[i] for i in range(len(lines)) if i < bullet_lines[0])
        items = [BULLET_RE.sub("", lines[i], count=1).strip() for i in bullet_lines]
        trailing = [lines[i] for i in range(bullet_lines[0], len(lines)) if i not in set(bullet_lines)]
        return (header + " " + " ".join(trailing)).strip(), [i for i in items if i]
    if len(lines) > 1:
        intro_lines = 1
        while intro_lines < len(lines) - 1 and lines[intro_lines].rstrip().endswith(":"):
            intro_lines += 1  # 'Fields:' under the first line still introduces the list
        first, rest = " ".join(lines[:intro_lines]), lines[intro_lines:]
        if first.rstrip().endswith(":") or all(len(line.split()) <= 12 for line in rest) or (
                len(rest) >= 2 and all(_is_item_line(line) for line in rest)):
            items = []
            for line in rest:
                items.extend(split_prose_items(line) if "," in line and not re.search(r"[:=(?]", line)
                             else [line])
            return first, items
    flat = " ".join(lines)
    by_sentence = _sentence_items(flat)
    if by_sentence:
        return by_sentence
    dashed = DASH_INTRO_RE.match(flat)
    if dashed and find_row_count(dashed["h"]) and len(ph.split_top_level(dashed["body"], ",;")) >= 3:
        return dashed["h"].strip(), split_prose_items(dashed["body"])  # 'Make 400 transactions - id, amount, ...'
    fields_by_semicolon = ph.split_top_level(flat, ";")
    if len(fields_by_semicolon) >= MIN_SEMICOLON_FIELDS:
        return split_semicolon_fields(fields_by_semicolon)
    # 'with 2000 orders including ...': the list starts after the intro that no count follows
    intro = next((m for m in LIST_INTRO_RE.finditer(flat)
                  if not re.match(r"\s*(?:about\s+|around\s+)?\d", flat[m.end():])
                  and _depth_at(flat, m.start()) == 0), None)
    list_start = _list_after_sentence(flat, intro.start() if intro else len(flat))
    if list_start is not None:
        return flat[:list_start].strip(), split_prose_items(flat[list_start:])
    if intro is None:
        return flat, []
    header, body = flat[: intro.start()], flat[intro.end():]
    return header, split_prose_items(body)


def _depth_at(text: str, index: int) -> int:
    """How many parentheses are open at ``index``: an intro word inside '(..., with time)' starts no list."""
    depth = 0
    for ch in text[:index]:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
    return depth


def _list_after_sentence(flat: str, before: int) -> int | None:
    """'Match results: 380 matches. Match ID, Home Team, Away Team, ...': a sentence that is a bare comma
    list of columns (at least three, the first a short label with no intro of its own) is the field list."""
    for end in re.finditer(r"[.!]\s+(?=[A-Za-z0-9])", flat[:before]):
        if _depth_at(flat, end.start()):
            continue
        sentence = re.split(r"[.!]\s+(?=[A-Z])", flat[end.end():])[0]
        parts = ph.split_top_level(sentence, ",;")
        if len(parts) >= 3 and len(parts[0].split()) <= 6 and not LIST_INTRO_RE.search(parts[0]) \
                and not re.match(r"\d", parts[0]) \
                and sum(_label_words(p) <= 6 for p in parts) >= 0.6 * len(parts):
            return end.end()
    return None


ABBREVIATIONS = {"e.g", "i.e", "eg", "ie", "etc", "vs", "approx", "dr", "mr", "mrs", "ms", "st", "no", "incl", "min",
                 "max", "avg", "ca", "jr", "sr", "nr", "inc", "ltd", "co"}
SENTENCE_STOP_WORDS_RE = re.compile(
    r"^(?:fields?|columns?|attributes?|properties|each|every|all|it|its|they|their|the|this|these|those|there|"
    r"make|use|please|include|includes|including|ensure|no|not|should|must|also|and|but|so|with|rows?|"
    r"records?|data|generate|create|i|we|you)\b", re.I)


def _sentences(flat: str) -> list[str]:
    """'Staff, 300 rows. Employee name. department: sales, ops. Salary 30k-90k.' -> its sentences;
    a full stop inside brackets, in a number or after 'e.g'/'Dr' ends none."""
    out, last = [], 0
    for m in re.finditer(r"[.!]\s+(?=\S)", flat):
        if _depth_at(flat, m.start()):
            continue
        word = re.search(r"([\w.]+)$", flat[last:m.start()])
        if word and word[1].lower() in ABBREVIATIONS:
            continue
        out.append(flat[last:m.start()].strip())
        last = m.end()
    out.append(re.sub(r"[.!]\s*$", "", flat[last:].strip()))
    return [s for s in out if s]


DASH_INTRO_RE = re.compile(r"^(?P<h>[^:()\-–—]{3,80}?)\s+(?:[-–—]{1,2}|:-)\s+(?P<body>.+)$", re.S)


def _label_then_values(sentence: str) -> str | None:
    """'stage applied, screened, interviewed, hired' -> 'stage: applied, screened, interviewed, hired'."""
    if re.search(r"[:=()\d]", sentence):
        return None
    parts = ph.split_top_level(sentence, ",")
    if len(parts) < 3:
        return None
    parts[-1] = re.sub(r"^(?:and|or)\s+", "", parts[-1], flags=re.I)
    words = parts[0].split()
    if len(words) < 2 or len(words) > 4:
        return None
    label, values = " ".join(words[:-1]), [words[-1]] + parts[1:]
    found = fm.classify_tokens(fm.tokenize(label))
    if not ((found is not None and found.meaning.type == "enum") or ENUM_HEAD_RE.search(label)):
        return None
    for value in values:
        kind = fm.classify_tokens(fm.tokenize(value))
        if len(value.split()) > 2 or (kind is not None and kind.meaning.type != "boolean"):
            return None
    return f"{label}: {', '.join(values)}"


def _sentence_items(flat: str) -> tuple[str, list[str]] | None:
    """One short sentence per column after a header sentence: 'Staff roster, 300 rows. Employee name.
    department: sales, ops, hr. Salary 30k-90k. Hire date between 2015 and 2025.'"""
    sentences = _sentences(flat)
    if len(sentences) < 4:
        return None
    header, rest = sentences[0], [_label_then_values(s) or s for s in sentences[1:]]
    for sentence in rest:
        label = label_of(sentence)[0]
        if _label_words(sentence) > 8 or len(label.split()) > 4 or SENTENCE_STOP_WORDS_RE.match(sentence) \
                or re.search(r"\b(?:fields?|columns?|attributes?|properties)\b", sentence, re.I):
            return None
    items: list[str] = []
    intro = next((m for m in LIST_INTRO_RE.finditer(header)
                  if not re.match(r"\s*(?:about\s+|around\s+)?\d", header[m.end():]) and _depth_at(header, m.start()) == 0),
                 None)
    if intro is not None and header[intro.end():].strip():
        items.extend(split_prose_items(header[intro.end():]))
        header = header[:intro.start()]
    for sentence in rest:
        if re.search(r"[:=(]", sentence) or not re.search(r",", sentence):
            items.append(sentence)
        else:
            items.extend(split_prose_items(sentence))
    return header.strip(), items


def _label_words(part: str) -> int:
    """Words that name or describe a column, not its bracketed notes, numbers or 'or'/'/' between values."""
    words = re.sub(r"\([^()]*\)", " ", part).replace("/", " ").split()
    return sum(1 for w in words if not re.fullmatch(r"(?:or|[-~<>$€£]*\d[\d.,%kKmM-]*)", w, re.I))


def split_column_row(line: str) -> list[str]:
    """'chat_id | agent name | customer email' or tab-separated labels: one column per cell.
    'status: a | b | c' stays one line: there the bars separate values."""
    for sep in ("|", "\t"):
        cells = [c.strip() for c in ph.split_top_level(line, sep)]
        cells = [c for c in cells if c]
        if len(cells) >= 3 and not re.search(r"[:=]", cells[0]) and not (
                sep == "|" and all(re.fullmatch(r"[\w'-]+(?:\s[\w'-]+)?", c) for c in cells[1:])
                and re.search(r"[:=]|\b(?:one\s+of|either)\b", line)):
            return cells
    return [line]


def _is_item_line(line: str) -> bool:
    """A line that reads as one column: short, or a short label (no 'Columns:' intro) then ':', '=' or ' - '."""
    if len(line.split()) <= 12:
        return True
    label = re.match(r"^([^:=()]{1,60}?)\s*(?:[:=]|\s[-–—]\s)", line)
    return bool(label) and len(label[1].split()) <= 6 and not LIST_INTRO_RE.search(label[1])


def read_semicolon_label(line: str) -> str:
    """'cabin class; economy 70%, business 20%' reads like 'cabin class: economy 70%, business 20%'."""
    m = LABEL_SEMICOLON_RE.match(line)
    if m and len(m["label"].split()) <= 6 and parse_value_list(m["rest"]):
        return f"{m['label']}: {m['rest']}"
    return line


def split_semicolon_fields(segments: list[str]) -> tuple[str, list[str]]:
    """'Events, 6000 rows. account id (uuid); event type: a, b, c; plan = ...': one column per segment."""
    lead, rest = segments[0], [re.sub(r"[.!]\s*$", "", s.strip()) for s in segments[1:]]
    cut_at = 0
    sentence_end = list(re.finditer(r"[.!?]\s+(?=\S)", lead))
    if sentence_end:
        cut_at = sentence_end[-1].end()
    intro = next((m for m in LIST_INTRO_RE.finditer(lead)
                  if not re.match(r"\s*(?:about\s+|around\s+)?\d", lead[m.end():])), None)
    if intro is not None:
        cut_at = max(cut_at, intro.end())
    header, first = lead[:cut_at].strip(), lead[cut_at:].strip()
    if not cut_at:
        header, first = lead.strip(), ""
    items: list[str] = []
    for segment in [first] + rest:
        if not segment:
            continue
        if re.search(r"[:=(]", segment):
            items.append(segment)  # 'event type: a, b, c' is one column with its values
        else:
            items.extend(split_prose_items(segment))
    return header, items


def _is_bullet(line: str) -> bool:
    # '-20 to 50' at the start of a line is a number, not a bullet.
    return not re.match(r"^\s*[-–—]\d", line)


def split_prose_items(body: str) -> list[str]:
    """Split 'name, email, age between 18 and 65, and status (active, banned).' into items."""
    body = re.sub(r"[.!]\s*$", "", body.strip())
    body = re.split(r"\.\s+(?=[A-Z])", body)[0] if re.search(r"\.\s+[A-Z]", body) else body
    items: list[str] = []
    parts = [cl.name_whether(p) for joined in cl.join_value_lists(ph.split_top_level(cl.normalize_clauses(body), ",;"))
             for p in cl.split_joined_columns(joined)]
    for written in parts:
        part = cl.trim_relative_label(re.sub(r"^(?:and|&|plus|as\s+well\s+as)\s+", "", written.strip(), flags=re.I))
        if items and CONNECTIVE_START_RE.match(part):
            items[-1] += ", " + written.strip()  # '..., and it must come after created at'
            continue
        for piece in map(cl.name_whether, _split_on_and(part)):
            if items and CONNECTIVE_START_RE.match(piece):
                items[-1] += " and " + piece
            elif items and not re.search(r"[A-Za-z]", piece.split("(")[0]):
                items[-1] += ", " + piece
            elif items and QUALIFIER_PIECE_RE.fullmatch(piece):
                items[-1] += ", " + piece  # 'points 0-12, integer': a qualifier, not a column
            elif items and _continues_value_list(items[-1], piece):
                items[-1] += ", " + piece  # '..., and a cuisine: Italian, Thai, Mexican': values, not columns
            elif items and re.fullmatch(r"(?:or\s+|and\s+)?[-$€£]?\d[\d.]*\s*(?:(?:or|and)\s+[-$€£]?\d[\d.]*\s*)?[A-Za-z%]{0,12}",
                                        piece) and re.search(r"[:=]\s*[-$€£]?\d[\d.]*(?:,\s*[-$€£]?\d[\d.]*)*$", items[-1]):
                items[-1] += ", " + piece  # 'term: 10, 15, 20, 25 or 30 years' inside a comma list
            elif piece:
                items.append(piece)
    return items


def _continues_value_list(item: str, piece: str) -> bool:
    """'cuisine: Italian' then 'Thai': a short word written like the values after the label's colon, that names
    no column of its own, is one more value."""
    m = re.match(r"^[^:=()]{1,40}[:=]\s*(?P<vals>[^:=()]+)$", item)
    if not m:
        return False
    values = [v.strip() for v in re.split(r",|\band\b|\bor\b|/", m["vals"]) if v.strip()]
    if not values or any(len(v.split()) > 2 or re.search(r"\d", v) for v in values):
        return False
    more = [v.strip() for v in re.split(r"\s+(?:or|and)\s+|/", piece) if v.strip()]
    if not more or re.search(r"[\d:=()%]", piece) or any(
            len(v.split()) > 2 or fm.classify_tokens(fm.tokenize(v)) is not None for v in more):
        return False
    return piece[:1].isupper() == values[0][:1].isupper()


def _split_on_and(text: str) -> list[str]:
    """Split on a top-level ' and ' that joins two columns, not 'between 18 and 65' or 'date and time'."""
    depth, cuts = 0, []
    for m in re.finditer(r"[()]|\s+(?:and|&)\s+", text):
        token = m.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            before, after = text[: m.start()], text[m.end():]
            if re.match(r"[-−$€£]?\d|(?:std|sd|standard|mean|average|max|min|maximum|minimum|up\s+to|at\s+least|"
                        r"between|every|last|next|past|unique|optional|decimals?|no\s+more)\b", after, re.I) \
                    or (re.search(r"\bbetween\s+\S+$", before, re.I)
                        and not re.search(r"\bbetween\s+\S*\d\s*[-–]\s*\S*\d\S*$", before, re.I)):
                continue
            cuts.append((m.start(), m.end()))
    if not cuts:
        return [text.strip()]
    pieces, last = [], 0
    for start, end in cuts:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    merged: list[str] = []
    for piece in pieces:
        joined = (merged[-1] + " and " + piece) if merged else None
        if joined and _is_joined_phrase(joined):
            merged[-1] = joined
        else:
            merged.append(piece.strip())
    return [p for p in merged if p]


def _is_joined_phrase(text: str) -> bool:
    """'date and time' names one column: its meaning phrase spans the 'and'."""
    tokens = fm.tokenize(label_of(text)[0])
    found = fm.classify_tokens(tokens)
    return found is not None and " and " in f" {found.phrase} "


def find_row_count(text: str, header_only: bool = False) -> int | None:
    """The number of rows asked for: 'Generate 5000 orders', '10k users', '1.5 million rows'."""
    text = re.sub(r"\d{16,}", " ", text)  # no row count is that long; long digit runs slow the regexes
    number = r"(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<s>k|K|m|M|mm|thousand|million|mil)?\b"
    skip = (r"(?!\s*(?:%|percent|-\s*\d|to\s+\d|(?:years?|days?|months?|weeks?|hours?|minutes?|letters?|digits?|"
            r"characters?|chars?)\b))")
    patterns = [
        rf"\b(?:generate|create|make|produce|give\s+me|build|need|want|simulate|synthesize|output)\b[^.\n\d]{{0,30}}?{number}{skip}",
        rf"{number}{skip}\s+(?:[\w-]+\s+){{0,4}}?{ROW_WORDS}\b",
        rf"^\s*{number}{skip}\s+[A-Za-z]",
        rf"\b(?:total|count|rows|records)\s*(?:of|:|=)\s*{number}{skip}",
        rf"{number}{skip}\s+of\s+(?:them|these|those)\b",
        rf"^\s*[A-Za-z][A-Za-z ]{{0,40}}?(?:\s*[:=]|\s+[-–—]{{1,2}})\s*{number}{skip}\s*(?:[.;\n]|$)",  # 'Users: 100.'
        rf"[A-Za-z)]\s+(?:x|×)\s*{number}{skip}(?!\s*(?:x|×|\*|\d))",
    ]
    # 'Pharmacy prescriptions (3,000). Each: ...', 'App crash reports (7000):' - a count in brackets after the title
    bracketed = rf"^[^(\n]{{0,80}}?[A-Za-z]\s*\(\s*(?:n\s*=\s*)?{number}{skip}\s*(?:{ROW_WORDS}|of\s+them)?\s*\)"
    if header_only:
        patterns.insert(1, bracketed)
        # 'for 12 devices', 'across 35 machines': a pool the rows come from, not the row count
        patterns.append(rf"(?<!\bfor\s)(?<!\bfrom\s)(?<!\bacross\s)(?<!\bamong\s)(?<!\bat\s)"
                        rf"(?<![\d,.]){number}{skip}\s+[A-Za-z]")
    for pattern in patterns:
        m = re.search(pattern, text, re.I)
        if m:
            raw = m["n"].replace(",", "")
            multiplier = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "mil": 1e6}.get(
                (m["s"] or "").lower(), 1)
            count = int(round(float(raw) * multiplier))
            if 0 < count <= 10**12:
                return count
    m = re.search(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty)\s+"
                  r"(hundred|thousand|million)\b", text, re.I)
    if m:
        scale = {"hundred": 100, "thousand": 1000, "million": 1_000_000}[m[2].lower()]
        return ph.NUMBER_WORDS[m[1].lower()] * scale
    return None


def find_subject(header: str) -> list[str]:
    """Singular words naming what a row is: 'Generate 5000 e-commerce orders with:' -> ['commerce', 'order']."""
    words = fm.tokenize(header)
    generic = {"generate", "create", "make", "produce", "give", "me", "build", "need", "want", "i",
               "please", "a", "an", "the", "of", "for", "with", "some", "dataset", "data", "set", "records",
               "record", "rows", "row", "entries", "entry", "list", "table", "synthetic", "fake", "sample",
               "k", "m", "thousand", "million", "e", "realistic", "random", "containing", "that", "has", "csv",
               "json", "parquet", "file", "field", "column", "attribute", "following", "each", "should", "have", "x",
               "them", "columns", "fields"}
    return [fm.singular(w) for w in words if w not in generic and not w.isdigit()]


def find_locale(header: str, text: str) -> str | None:
    """A Faker-style locale when the description names one: 'US format', 'German customers'."""
    for pattern, locale in FORMAT_LOCALES:
        m = re.search(pattern, text)
        if m:
            return locale or find_locale(m.group(0), "")
    for pattern, locale in HEADER_LOCALES:
        if re.search(pattern, header):
            return locale
    return None


def apply_header_details(header: str, total_rows: int | None, drafts: list[FieldDraft]) -> None:
    """Details the prose gives before the column list: 'from 50 meters', 'every 15 minutes over the last 3 days'."""
    if not header:
        return
    if total_rows:  # '2000 orders' is a row count, not the year 2000
        spellings = {str(total_rows), f"{total_rows:,}"}
        header = re.sub("|".join(rf"(?<![\w.,]){re.escape(n)}(?![\w.,])" for n in spellings), " ", header)
    for m in HEADER_POOL_RE.finditer(header):
        size = ph.parse_count(m["n"])
        if size == total_rows and not re.match(r"[a-z]", m.group(0), re.I):
            continue  # '5k customers' is the row count written another way, not a pool
        # '200 parking spots' -> spot id; '12 retail store locations' -> store id when no location id exists
        nouns = [fm.singular(m["w"].lower())] + [fm.singular(w) for w in reversed(m["adj"].lower().split())]
        owner = next((d for noun in nouns for d in drafts
                      if d.kind == fm.ID and not d.pool and noun in map(fm.singular, d.tokens)), None)
        if owner is not None and size and size > 1:
            owner.pool = size
            owner.constraints["cardinality"] = size
            owner.constraints.pop("unique", None)
    temporal = [d for d in drafts if d.type in ("date", "datetime") and not d.derived]
    if not temporal and HEADER_STEP_RE.search(header):
        clocks = [d for d in drafts if d.type == "time" and not d.derived and d.tokens in (["time"], ["timestamp"])]
        if len(clocks) == 1:  # 'readings every 15 minutes. Columns: station id, time': a timestamp
            clocks[0].type = "datetime"
            temporal = clocks
    if len(temporal) != 1 or temporal[0].order_refs:
        return
    timestamp = temporal[0]
    step, rest = ph.find_step(header) if HEADER_STEP_RE.search(header) else (None, header)
    period, _ = ph.find_period(rest)
    from_template = timestamp.source.startswith("template")  # the request's own words win over a template's
    if step and (not timestamp.step or from_template):
        timestamp.step, timestamp.type = step, "datetime"
    if period and (not timestamp.period or from_template):
        timestamp.period = period
    if step or period:
        _apply_temporal(timestamp)


# ----------------------------------------------------------------------------- one item -> drafts


def label_of(item: str) -> tuple[str, str]:
    """Split an item into its label and the qualifying rest: 'Age between 18-80' -> ('Age', 'between 18-80')."""
    item = item.strip().strip(".").strip()
    item = re.sub(r"^([^():?]{1,60}?)\?(?=\s|$)", r"\1:", item)  # 'defaulted? yes/no': a question labels a flag
    colon = re.match(r"^([^():]{1,60}?)\s*[:=]\s+(.*)$", item)
    if colon and len(colon[1].split()) <= 6:
        return colon[1].strip(), colon[2].strip()
    dash = re.match(r"^([^()]{1,60}?)\s+(?:[-–—]{1,2})\s+(.*)$", item)
    if dash and len(dash[1].split()) <= 6 and not re.match(r"^[-−]?\d", dash[1]) \
            and not (re.search(r"\d\s*$", dash[1]) and re.match(r"[-−]?[$€£¥]?\d", dash[2])):  # 'points 0 - 100k'
        return dash[1].strip(), dash[2].strip()
    paren = item.find("(")
    head = item if paren < 0 else item[:paren]
    stop = LABEL_STOP_RE.search(" " + head)
    if stop and stop.start() > 0:
        cut_at = stop.start()
        label, rest = head[:cut_at].strip(), (head[cut_at:] + " " + item[len(head):]).strip()
        found = fm.classify_tokens(fm.tokenize(label))
        if re.match(r"since\b", rest, re.I) and (found is None or found.meaning.kind != fm.TEMPORAL):
            label += " since"  # 'Active since 2020' names a date
        moved = _weighted_list_start(label, rest)
        if moved:
            return moved
        return label, rest
    listed = _trailing_value_list(head.strip())
    if listed:
        return listed[0], (listed[1] + " " + item[len(head):]).strip()
    return head.strip(), item[len(head):].strip()


# 'status active or inactive', 'car class economy or compact or suv', 'condition sunny/cloudy/rainy':
# a label with its values written straight after it, no colon.
TRAILING_LIST_RE = re.compile(r"^(?P<label>\S.*?)\s+(?P<vals>[A-Za-z][\w'-]*(?:\s*(?:,\s*)?(?:\bor\b|/)\s*[A-Za-z][\w'-]*)+)$",
                              re.I)


def _trailing_value_list(head: str) -> tuple[str, str] | None:
    m = TRAILING_LIST_RE.match(head)
    if not m or len(m["label"].split()) > 4:
        return None
    values = [v for v in re.split(r"\s*(?:,\s*)?(?:\bor\b|/)\s*", m["vals"], flags=re.I) if v]
    if len(values) == 2 and {v.lower() for v in values} in ({"yes", "no"}, {"true", "false"}, {"y", "n"}):
        return m["label"].strip(), m["vals"].strip()  # 'paid yes/no': a flag
    whole = fm.classify_tokens(fm.tokenize(head))
    if len(values) < 2 or (whole is not None and re.search(r"\s(?:or|/)\s", f" {whole.phrase} ")):
        return None  # 'date or time' names one column
    label_found = fm.classify_tokens(fm.tokenize(m["label"]))
    if label_found is not None and label_found.meaning.type not in ("enum", "boolean") \
            and not ENUM_HEAD_RE.search(m["label"]) \
            and not (len(values) >= 3 or all(re.fullmatch(r"[A-Z0-9]{2,5}", v) for v in values)):
        return None  # 'contact email or phone' is not a list of values for 'contact'
    value_kinds = [fm.classify_tokens(fm.tokenize(v)) for v in values]
    names_columns = [k for k in value_kinds if k is not None and k.meaning.type != "boolean"]
    label_is_enum = label_found is not None or bool(ENUM_HEAD_RE.search(m["label"]))
    if names_columns and not (label_is_enum and len(names_columns) < len(values)):
        return None  # 'user email or phone': columns, not values
    if not label_is_enum and len(values) < 3 and len(m["label"].split()) > 1:
        return None
    return m["label"].strip(), m["vals"].strip()


ENUM_HEAD_RE = re.compile(r"\b(?:status|state|stage|step|type|kind|class|category|tier|level|grade|condition|mode|method|"
                          r"channel|segment|plan|group|source|outcome|result|stage|phase|priority|severity|"
                          r"gender|sex|side|size|colou?r|role|region|species|breed|flavou?r)s?$", re.I)


def _weighted_list_start(label: str, rest: str) -> tuple[str, str] | None:
    """'status scheduled 70% / cancelled 20%': the label's last word is the list's first value."""
    words = label.split()
    if len(words) < 2 or not re.match(r"\d[\d.]*\s*%", rest):
        return None
    listed = f"{words[-1]} {rest}"
    items = parse_value_list(listed)
    if not items or len(items) < 2:  # 'device mobile 60% desktop 35% tablet 5%': no separators between values
        listed = re.sub(r"(?<=%)\s+(?=[A-Za-z])", ", ", listed)
        items = parse_value_list(listed)
    if not items or len(items) < 2 or any(i.weight is None for i in items) or items[0].value != words[-1]:
        return None
    return " ".join(words[:-1]), listed


def draft_fields(item: str, warnings: list[str]) -> list[FieldDraft]:
    """Drafts for one item; 'First name and last name' or 'City, state, zip' give several."""
    label, rest = label_of(item[:MAX_ITEM_CHARS])
    expansion = EXPANSIONS.get(tuple(fm.tokenize(label)))
    if expansion:
        return [draft_field(part.replace("_", " "), rest, warnings) for part in expansion]
    parts = [p for p in re.split(r"\s*(?:,|/|\band\b|&|\+)\s*", label) if p.strip()]
    if len(parts) > 1 and not _is_joined_phrase(label):
        classified = [fm.classify_tokens(fm.tokenize(p)) for p in parts]
        if all(c is not None and c.meaning.type not in ("enum",) for c in classified):
            drafts = [draft_field(p, "", warnings) for p in parts[:-1]]
            drafts.append(draft_field(parts[-1], rest, warnings))
            return drafts
    head, comma, tail = label.partition(",")
    if comma and fm.classify_tokens(fm.tokenize(head)) is not None and tail.strip() \
            and fm.classify_tokens(fm.tokenize(tail)) is None:
        return [draft_field(head, (tail + " " + rest).strip(), warnings)]  # 'app version, semantic versioning'
    return [draft_field(label, rest, warnings)]


def _segments(rest: str) -> list[str]:
    """Parenthesized parts and the text around them, each read on its own."""
    inside = re.findall(r"\(([^()]*)\)", rest)
    outside = re.sub(r"\([^()]*\)", " , ", rest)
    return [s for s in inside + [outside] if s.strip()]


def draft_field(label: str, rest: str, warnings: list[str]) -> FieldDraft:
    """Read one column's label and qualifiers into a draft."""
    draft = start_draft(label, rest)
    correct_label_spelling(draft, warnings)
    text = rest
    text = re.sub(r"^\s*(?:one\s+of|either)\s*:?\s+(?=\S+(?:\s+\S+){0,3}\s*[/|]\s*\S)", "", text, flags=re.I)
    for read in QUALIFIER_READERS:
        text = read(draft, text)
    choose_type(draft, warnings)
    return draft


def correct_label_spelling(draft: FieldDraft, warnings: list[str]) -> None:
    """'Catagory' -> 'Category' when only the corrected words have a meaning; the user is told."""
    if not draft.tokens:
        return
    corrected, fixes = fm.correct_spelling(draft.tokens)
    if not fixes:
        return
    before, after = fm.classify_tokens(draft.tokens), fm.classify_tokens(corrected)
    if after is None or (before is not None and len(after.phrase.split()) <= len(before.phrase.split())):
        return  # 'Emial address' reads better as 'email address' than as an address
    for written, read in fixes:
        draft.label = re.sub(rf"(?i)(?<![a-z]){re.escape(written)}(?![a-z])", read, draft.label)
        warnings.append(f"read '{written}' as '{read}'")
    draft.tokens = corrected


def start_draft(label: str, rest: str) -> FieldDraft:
    """A draft holding the cleaned label: no article, no 'unique', no trailing 'field' or 'of'."""
    label = re.sub(r"^(?:a|an|the|each|their|his|her|its)\s+", "", label.strip(), flags=re.I)
    draft = FieldDraft(label=label, description=describe(label, rest)[:300])
    if re.match(r"^unique\s+", label, re.I):
        draft.constraints["unique"] = True
        label = re.sub(r"^unique\s+", "", label, flags=re.I)
    label = re.sub(r"\s+(?:field|column|col|value)s?$", "", label, flags=re.I) or label
    label = re.sub(r"(?:\s+(?:of|with|for|to|and|or|the|a|an|in|from|between|having))+$", "", label,
                   flags=re.I) or label
    draft.label = label
    draft.tokens = fm.tokenize(label)
    return draft


DOUBLE_BRACKET_RE = re.compile(r"\(\s*\(([^()]*)\)\s*\)")


def describe(label: str, rest: str) -> str:
    """'age' + '(18-80)' -> 'age (18-80)', not 'age ((18-80))'; 'age' + 'between 18-80' -> 'age (between 18-80)'."""
    rest = rest.strip()
    if rest and not _is_one_group(rest):
        rest = re.sub(r"^[,;\s]+", "", re.sub(r"\s*\(([^()]*)\)", r", \1", rest))  # '1-10 (integer)' -> '1-10, integer'
        rest = f"({rest})"
    text = re.sub(r"\s+", " ", f"{label.strip()} {rest}").strip()
    while DOUBLE_BRACKET_RE.search(text):
        text = DOUBLE_BRACKET_RE.sub(r"(\1)", text)
    return text


def _is_one_group(text: str) -> bool:
    """'(18-80)' or '((18-80))' is one bracketed group; '(a) or (b)' is not."""
    if not text.startswith("("):
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return i == len(text) - 1
    return False


# Each reader takes what it understands out of the qualifier text and returns the rest, so a later
# reader never sees the same words: flags carry words ('unique') that are no list values, and lists
# come before numeric ranges because "(economy 70%, business 20%)" holds numbers.


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
    found = fm.classify_tokens(draft.tokens)
    if found and found.meaning.type in SELF_FORMATTED_TYPES:
        return text  # a phone or date example describes a format the engine already writes
    if example and re.search(r"\d|[X#]{2}", example["x"]):
        pattern = ph.pattern_from_example(example["x"])
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
    draft.ages, text = ph.find_ages(text)
    draft.step, text = ph.find_step(text)
    draft.pool, text = ph.find_pool(text)
    early = fm.classify_tokens(draft.tokens)
    # 'Enrollment year (2018-2024)' is a number range, not a period.
    if early is None or early.meaning.kind not in (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT) or draft.step \
            or _names_a_day(draft.tokens):
        draft.period, text = ph.find_period(text)
    return text


WHOLE_RE = re.compile(
    r"\b(?:in\s+)?whole\s+(?:numbers?|euros?|dollars?|pounds?|units?|amounts?|values?|[a-z]+s)\b|\bintegers?(?:\s+only)?\b|"
    r"\bno\s+(?:decimals?|decimal\s+places|cents|pence|fractions?)\b|\bwithout\s+(?:decimals?|cents|pence)\b|"
    r"\brounded\s+to\s+(?:the\s+)?(?:nearest\s+)?(?:whole|integer|unit|euro|dollar|pound)\b", re.I)


def read_code_shape(draft: FieldDraft, text: str) -> str:
    prefix = PREFIX_RE.search(text) or QUOTED_PREFIX_RE.search(text)
    if prefix:
        text = ph.cut(text, prefix)
    draft.length, text = ph.find_length(text)
    if draft.length and draft.length.pattern and draft.example and not prefix \
            and re.fullmatch(draft.length.pattern, draft.example):
        draft.constraints["pattern"] = draft.length.pattern  # '2 letters + 6 digits (e.g. CA482913)': the rule, not CA
    elif draft.length and draft.length.pattern and "[A-Z]" in draft.length.pattern and draft.example and not prefix \
            and re.fullmatch(r"[A-Z]+[-_/]\d+", draft.example):
        letters, sep, digits = re.fullmatch(r"([A-Z]+)([-_/])(\d+)", draft.example).groups()
        draft.constraints["pattern"] = f"[A-Z]{{{len(letters)}}}{re.escape(sep)}\\d{{{len(digits)}}}"  # 'ABC-12345'
    if prefix:
        literal = re.sub(r"([.^$*+?()\[\]{}|\\])", r"\\\1", prefix["p"] or prefix["p2"])
        body = draft.length.pattern if draft.length and draft.length.pattern else r"\d{6}"
        draft.constraints["pattern"] = literal + body
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
        days = int(shifted["n"]) * (7 if shifted["u"].lower().startswith("w") else 1)
        sign = -1 if re.match(r"before|prior|earlier", shifted["dir"], re.I) else 1
        draft.date_offset = (sign * days, shifted["ref"].strip())  # '14 days after the loan date'
        text = ph.cut(text, shifted)
    order = ORDER_RE.search(text)
    if order and not re.match(r"\d", order["ref"]):
        before = re.match(r"before|earlier|on\s+or\s+before|prior|<|≤|less|lower|smaller|at\s+most|below|under|"
                          r"not\s+more", order["dir"], re.I)
        if order["neg"] and not re.match(r"not\s+(?:more|less)", order["dir"], re.I):
            before = not before  # 'no more than sent' stays below it, 'never before the loan date' after it
        draft.order_refs.append(("before" if before else "after", order["ref"].strip()))
        text = ph.cut(text, order)
    draft.distribution, text = _find_distribution(text)
    return text


def read_value_list(draft: FieldDraft, text: str) -> str:
    favourite = MOSTLY_RE.search(text)
    if draft.enum_items:
        if favourite and favourite["v"]:  # 'Single / Double / Suite (mostly Double)'
            weighted = _favour(draft.enum_items, favourite["v"])
            if weighted:
                draft.enum_items = weighted
                text = ph.cut(text, favourite)
        return text
    whole = re.sub(r"^\s*\((.*)\)\s*$", r"\1", text.strip()) if text.count("(") == 1 else text
    if favourite or _paired_weights(LIST_PREFIX_RE.sub("", whole.strip())):
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
            weighted = _partial_weights(values, rest)
            draft.enum_items = weighted[0] if weighted else values
            return weighted[1] if weighted else rest
    return text


def _partial_weights(items: list[ph.ListItem], text: str) -> tuple[list[ph.ListItem], str] | None:
    """'free or pro (pro 25%)': shares given for some listed values; the others split what is left."""
    if len(items) < 2 or any(i.weight is not None for i in items):
        return None
    names = {str(i.value).lower(): i.value for i in items}
    given: dict[str, float] = {}
    for m in re.finditer(r"(?P<v>[A-Za-z][\w' -]{0,30}?)\s*[:=]?\s*(?P<w>\d+(?:\.\d+)?)\s*%", text):
        value = m["v"].strip().lower()
        if value in names:
            given[value] = float(m["w"])
            text = text.replace(m.group(0), " ", 1)
    left = [k for k in names if k not in given]
    if not given or not left or sum(given.values()) >= 100:
        return None
    share = round((100 - sum(given.values())) / len(left), 2)
    return [ph.ListItem(i.value, given.get(str(i.value).lower(), share)) for i in items], text


def read_condition(draft: FieldDraft, text: str) -> str:
    condition = CONDITION_RE.search(text)
    if condition:
        draft.condition_text = (condition["c"] or condition["c2"] or "").strip()
        # 'unless deposit' and 'null if not shipped' state when the value is absent
        absent = bool(re.search(r"\b(?:null|empty|blank|missing|none|n/?a)\s*$", text[: condition.start()], re.I))
        draft.condition_negated = absent != ((condition["k"] or "").lower() in ("unless", "except"))
        text = ph.cut(text, condition)
    return text


def read_range_and_rest(draft: FieldDraft, text: str) -> str:
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
    draft.rest_text = text
    draft.leftover = re.sub(r"[^\w\s'-]", " ", text).strip()
    for word, type_name in TYPE_WORDS.items():
        if type_name in ("float", "integer", "decimal") and draft.length is not None and draft.length.pattern:
            continue  # 'unique 8-digit number' is a code of 8 digits, not a quantity
        if re.search(rf"(?:^|[\s(,]){re.escape(word)}(?:$|[\s),])", text, re.I):
            draft.type_hint = draft.type_hint or type_name
            break
    return text


QUALIFIER_READERS = (read_flags, read_formula, read_format_hints, read_example, read_time_phrases, read_code_shape,
                     read_order, read_value_list, read_condition, read_range_and_rest)


def _find_distribution(text: str) -> tuple[dict[str, Any] | None, str]:
    """Find 'normally distributed with mean 40 and std 5', 'log-normal', 'exponential'."""
    kind = None
    if re.search(r"\bnormal(?:ly)?\b|\bbell[- ]curve\b|\bgaussian\b", text, re.I):
        kind = "normal"
    elif re.search(r"\blog[- ]?normal\b|\bright[- ]skewed\b|\blong[- ]tail", text, re.I):
        kind = "lognormal"
    elif re.search(r"\bexponential", text, re.I):
        kind = "exponential"
    mean = re.search(rf"\b(?:mean|average|avg|centered\s+(?:at|on|around)|around|about|approximately|roughly)"
                     rf"\s*(?:of|=|:)?\s*(?P<n>{ph.NUMBER})(?![\d.,]*\s*%)", text, re.I)  # 'about 70% zero' is a share
    std = re.search(rf"\b(?:std|sd|standard\s+deviation|stdev)\s*(?:of|=|:)?\s*(?P<n>{ph.NUMBER})", text, re.I)
    if kind is None and mean is None:
        return None, text
    found: dict[str, Any] = {"kind": kind or "normal"}
    if mean and found["kind"] == "normal":
        found["mean"] = ph.parse_number(mean["n"]).value
    if std and found["kind"] == "normal" and ph.parse_number(std["n"]).value > 0:
        found["std"] = ph.parse_number(std["n"]).value
    if mean and found["kind"] == "lognormal" and ph.parse_number(mean["n"]).value > 0:
        found["median"] = ph.parse_number(mean["n"]).value
    for match in (std, mean):
        if match:
            text = text.replace(match.group(0), " ")
    return found, text


def _looks_like_formula(text: str) -> bool:
    operator = (r"[a-z]\s+(?:[*×x/+-]|times|multiplied\s+by|minus|plus|divided\s+by)\s+[a-z(]|"
                r"[a-z]\s*[*×]\s*[a-z(]|\d\s*%\s+of\s+[a-z]|\b(?:sum|product)\s+of\s+[a-z]|\bdifference\s+between\s+[a-z]")
    if re.search(operator, text, re.I) and not re.search(r"\d\s*x\s*\d", text):
        return True
    # '2.5 + 1.2 * distance_km', 'base fare + 1.20 * distance': constants next to column words
    constant = rf"[a-z_]\s*[*×]\s*{CONSTANT}|{CONSTANT}\s*[*×]\s*[a-z_(]|[a-z_]\s+[+]\s+{CONSTANT}|{CONSTANT}\s+[+]\s+[a-z_(]"
    return bool(re.search(constant, text, re.I)) and not CODE_SHAPE_WORDS_RE.search(text)


def is_slash_value_list(text: str) -> bool:
    """'low / medium / high' or 'in transit / delivered': every part between the slashes is plain words."""
    parts = re.split(r"\s*/\s*", text.strip(" ,;()"))
    return len(parts) >= 2 and all(
        re.fullmatch(r"[A-Za-z][A-Za-z'_-]*(?:\s+[A-Za-z][A-Za-z'_-]*){0,3}", part)
        and not SLASH_LIST_OPERATOR_RE.search(part) for part in parts)


def _formula_text(text: str) -> str | None:
    """The formula part of 'calculated as quantity x unit price' or '(= price * qty)'."""
    for segment in _segments(text):
        m = re.search(r"(?:=|\bas\b|\bfrom\b|\bby\b|:|\bof\b|\busing\b)\s*(?P<f>[^=:]+)$", segment, re.I)
        for candidate in (segment, m["f"] if m else ""):
            candidate = DERIVED_RE.sub(" ", candidate).strip(" ,;")
            candidate = re.sub(r"^(?:as|from|by|using|=|:)\s+", "", candidate, flags=re.I)
            if candidate and (_looks_like_formula(candidate) or re.search(
                    r"\b(?:sum|product|difference)\s+(?:of|between)\b", candidate, re.I)):
                return candidate
    return None


def parse_value_list(segment: str) -> list[ph.ListItem] | None:
    """Read '(active, inactive, banned)' / 'economy 70%, business 20%' / 'M/F' as listed values."""
    segment = LIST_PREFIX_RE.sub("", segment.strip()).strip(" :,;")
    if not segment:
        return None
    examples = re.search(r"\b(?:e\.g\.?|eg|such\s+as|for\s+example|for\s+instance|like|including)\s*:?\s+", segment, re.I)
    if examples and "," in segment[examples.end():]:
        segment = segment[examples.end():]  # 'real medication names e.g. amoxicillin, metformin, ...': the examples
    segment = re.sub(r"\s*(?:\.\.\.|…|etc\.?)\s*$", "", segment)
    if _is_code_shape_list(segment):
        return None  # '(ADM, dash, 6 digits)' spells a code's shape, it lists no values
    paired = _paired_weights(segment)
    if paired:
        return paired
    favourite = MOSTLY_RE.search(segment)
    if favourite:
        rest = (segment[: favourite.start()] + " " + segment[favourite.end():]).strip(" ,;")
        rest = rest.replace(" , ", ", ").replace(" ,", ",")
        items = parse_value_list(rest) if rest else None
        wanted = (favourite["v"] or favourite["v2"] or "").strip().lower()
        if favourite["v2"]:  # 'card (mostly), cash': the value stays in the list
            wanted = re.split(r"[,;/|]", segment[: favourite.start()])[-1].strip().lower()
            items = parse_value_list(segment[: favourite.start()] + segment[favourite.end():])
        weighted = _favour(items, wanted) if items else None
        if weighted:
            return weighted
    parts = ph.split_top_level(segment, ",;")
    if len(parts) == 1:
        parts = [p for p in re.split(r"\s*(?:/|\||\bor\b)\s*", segment) if p.strip()]
    elif parts:
        last = re.sub(r"^(?:and|or)\s+", "", parts[-1], flags=re.I)
        tail = [p for p in re.split(r"\s+(?:and|or)\s+", last) if p.strip()]
        parts = parts[:-1] + tail
    parts = [p.strip().strip(".") for p in parts if p.strip().strip(".")]
    if len(parts) < 2:
        return None
    parts = _without_shared_unit(parts)
    if _is_format_list(parts):
        return None  # '(0-100, whole number)' and '(annual, two decimals)' qualify a number, they list nothing
    items = []
    for part in parts:
        weighted = ph.parse_weighted_value(part)
        if weighted is not None:
            items.append(ph.ListItem(ph.as_list_value(str(weighted.value)), weighted.weight))
            continue
        if not _is_plain_value(part):
            return None
        items.append(ph.ListItem(ph.as_list_value(part)))
    if sum(1 for i in items if i.weight is not None) not in (0, len(items)):
        return None
    return items


FORMAT_PART_RE = re.compile(
    r"(?:whole|round|rounded)\s+(?:numbers?|\w+)|integers?|int|decimals?|(?:\d+|one|two|three|four)\s*(?:decimal(?:\s+places?|s)?|dp)|"
    r"no\s+decimals|annual(?:ly)?|per\s+(?:year|annum|month)|p\.?a\.?|yearly|monthly|net|gross|approx(?:imately|\.)?|"
    r"rounded|uniform(?:ly)?|random|positive|non[- ]negative|in\s+\w+|"
    r"(?:(?:about|around|roughly|approx\.?|~)\s*)?\d+(?:\.\d+)?\s*%\s*(?:are\s+)?(?:zeros?|empty|null|missing|blank|none)", re.I)
NUMERIC_PART_RE = re.compile(r"[<>~]?\s*[-−]?[$€£¥]?\d[\d,]*(?:\.\d+)?[kKmM]?\s*%?"
                             r"(?:\s*(?:-|–|to|\.\.)\s*[-−]?[$€£¥]?\d[\d,]*(?:\.\d+)?[kKmM]?\s*%?)?\+?")


LIST_UNIT_RE = re.compile(r"(?:%|months?|weeks?|years?|yrs?|tablets?|pills?|capsules?|pcs|pieces|units?|items?|"
                         r"seats?|people|persons?|guests?|doors?|gears?|inches|in|ft|feet|gb|tb|mp|x)", re.I)


CODE_SHAPE_PART_RE = re.compile(
    r"(?:(?:then|followed\s+by|and|plus)\s+)?(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:(?:upper|lower)(?:\s*case|-case)?\s+|capital\s+)?"
    r"(?:letters?|digits?|numbers?|characters?|chars?|alphanumerics?)|dash(?:es)?|hyphens?|underscores?|"
    r"slash(?:es)?|dots?|spaces?|colons?|[A-Z]{1,6}|(?:the\s+)?year|prefix(?:ed)?(?:\s+[A-Z]{1,6})?", re.I)


def _is_code_shape_list(segment: str) -> bool:
    parts = [p.strip() for p in re.split(r",|\bthen\b|\bfollowed\s+by\b|\+", segment) if p.strip()]
    return len(parts) >= 2 and all(CODE_SHAPE_PART_RE.fullmatch(p) for p in parts) and bool(
        re.search(r"\b(?:letters?|digits?|dash|hyphen|characters?)\b", segment, re.I))


def _is_format_list(parts: list[str]) -> bool:
    """Parts that are a range, a format word or a unit describe one number: no value list."""
    numeric = [p for p in parts if NUMERIC_PART_RE.fullmatch(p.strip())]
    wordy = [p for p in parts if p not in numeric]
    if not numeric or not wordy:
        return False
    return all(FORMAT_PART_RE.fullmatch(p.strip()) or UNIT_WORDS_RE.fullmatch(p.strip()) for p in wordy)


def _without_shared_unit(parts: list[str]) -> list[str]:
    """'12, 24, 36 or 60 months' and '5, 10, 20 mg' list numbers; the unit after the last one is no value."""
    last = re.fullmatch(r"(?P<n>-?\d+(?:\.\d+)?)\s*(?P<u>[A-Za-z%°/]{1,12})", parts[-1].strip())
    if not last or not (UNIT_WORDS_RE.fullmatch(last["u"]) or LIST_UNIT_RE.fullmatch(last["u"])):
        return parts
    others = [re.sub(rf"\s*{re.escape(last['u'])}$", "", p.strip(), flags=re.I) for p in parts[:-1]]
    if all(re.fullmatch(r"-?\d+(?:\.\d+)?", p) for p in others):
        return others + [last["n"]]
    return parts


def _favour(items: list[ph.ListItem], wanted: str) -> list[ph.ListItem] | None:
    """Weights that make one listed value the usual one ('mostly no'): it gets MOSTLY_SHARE percent."""
    wanted = wanted.strip().lower()
    if len(items) < 2 or any(i.weight is not None for i in items) or \
            wanted not in [str(i.value).lower() for i in items]:
        return None
    others = round((100 - MOSTLY_SHARE) / (len(items) - 1), 2)
    return [ph.ListItem(i.value, MOSTLY_SHARE if str(i.value).lower() == wanted else others) for i in items]


def _paired_weights(segment: str) -> list[ph.ListItem] | None:
    """'positive/neutral/negative 60/30/10', 'a | b | c (50/30/20)', 'email, phone, chat 50/30/20': values,
    then their weights in order."""
    m = re.fullmatch(r"(?P<v>[^\d/|,(]+(?:\s*[/|,]\s*(?:(?:or|and)\s+)?[^\d/|,(]+)+?)\s*[:(\-–]?\s*"
                     r"(?P<w>\d+(?:\.\d+)?\s*%?(?:\s*[/|]\s*\d+(?:\.\d+)?\s*%?)+)\s*\)?", segment.strip())
    if not m:
        return None
    values = [re.sub(r"^(?:or|and)\s+", "", v.strip()) for v in re.split(r"\s*[/|,]\s*", m["v"]) if v.strip()]
    weights = [float(w.strip(" %")) for w in re.split(r"\s*[/|]\s*", m["w"])]
    if len(values) != len(weights) or len(values) < 2 or not all(_is_plain_value(v) for v in values):
        return None
    return [ph.ListItem(ph.as_list_value(v), w) for v, w in zip(values, weights)]


def _is_plain_value(part: str) -> bool:
    words = part.lower().split()
    if not words or len(words) > 5 or len(part) > 48:
        return False
    if any(w.strip("()") in QUALIFIER_WORDS for w in words):
        return False
    if re.search(r"\d", part) and not re.fullmatch(
            r"-?\d+(?:\.\d+)?|[A-Za-z]*\d+[A-Za-z+]*|\d+[A-Za-z]+|[$€£]?\d+[kK]?\s*[-–]\s*[$€£]?\d+[kK]?|[<>]\s*\d+|[$€£]?\d+[kK]?\+",
            part) and not _is_numbered_name(part):
        return False
    return True


NUMBERED_NAME_RE = re.compile(r"[A-Za-z][\w'&-]*(?:\s+[A-Za-z][\w'&-]*){0,2}\s+\d{1,3}[A-Za-z]?")
RANGE_LEAD_WORDS = {"min", "max", "minimum", "maximum", "mean", "avg", "average", "median", "std", "sd", "about",
                    "around", "approx", "approximately", "over", "under", "above", "below", "up", "at", "least",
                    "most", "between", "from", "to", "than", "less", "more", "top", "last", "past", "next", "every",
                    "within", "each", "per", "age", "aged", "mostly", "mainly", "usually", "step", "by", "range"}


def _is_numbered_name(part: str) -> bool:
    """'Algebra 1', 'Zone 3', 'iPhone 15': a name with a number is a value, 'max 10' or 'last 30' is not."""
    words = part.lower().split()
    return bool(NUMBERED_NAME_RE.fullmatch(part.strip())) and not set(words) & RANGE_LEAD_WORDS \
        and not any(w in UNIT_LIKE_WORDS for w in words)


UNIT_LIKE_WORDS = {"kg", "g", "lb", "lbs", "cm", "mm", "m", "km", "mi", "miles", "days", "day", "hours", "hour",
                   "minutes", "mins", "min", "seconds", "secs", "years", "year", "months", "month", "weeks", "week",
                   "digits", "digit", "letters", "chars", "characters", "decimals", "decimal", "dp", "percent", "usd",
                   "eur", "gbp", "dollars", "euros", "pounds", "items", "units", "pcs"}


# ----------------------------------------------------------------------------- choosing the type


def find_draft_meaning(draft: FieldDraft) -> fm.Meaning | None:
    """What the column is, from its label, corrected by what the qualifiers said."""
    found = fm.classify_tokens(draft.tokens)
    leftover_tokens = fm.tokenize(draft.leftover)
    if found is None and 0 < len(leftover_tokens) <= 3:
        found = fm.classify_tokens(leftover_tokens)  # 'Pickup spot (city)'
    meaning = found.meaning if found else None
    if found and found.phrase in ("name", "title") and found.start > 0:
        meaning = _meaning_of_named_thing(draft.tokens[: found.start], meaning)
    last = draft.tokens[-1] if draft.tokens else ""
    if meaning and meaning.type == "integer" and found.phrase in ("number", "no") and last in ("number", "no") \
            and len(draft.tokens) > 1 and "of" not in draft.tokens:
        meaning = fm.Meaning("code", fm.ID)  # 'Customer number' names someone, 'Number of items' counts
    if (meaning is None or meaning.kind != fm.TEMPORAL) and _names_a_day(draft.tokens) and not draft.enum_items:
        meaning = fm.Meaning("date", fm.TEMPORAL)  # 'Pay period end', 'Billing cycle start', 'Payday'
    if last in ("at", "on", "since") and len(draft.tokens) > 1 and (meaning is None or meaning.kind != fm.TEMPORAL):
        meaning = fm.Meaning("datetime" if last == "at" else "date", fm.TEMPORAL)
    if draft.tokens[:1] and draft.tokens[0] in BOOLEAN_LEADS and len(draft.tokens) > 1 and not draft.enum_items:
        meaning = fm.Meaning("boolean", "bool")  # 'Is refund', 'Has children'
    if meaning is None and last in ROLE_NOUNS and not draft.numeric_range and not draft.enum_items:
        meaning = fm.Meaning("full_name")  # 'Referee', 'Prescribing cashier': a person
    if meaning is not None and meaning.type == "full_name" and FIRST_NAME_ONLY_RE.search(draft.description):
        meaning = fm.Meaning("first_name")  # 'inspector (first name only)'
        if draft.condition_text and FIRST_NAME_ONLY_RE.search(draft.condition_text + " only"):
            draft.condition_text = None
    if meaning is None and draft.pool and not draft.numeric_range:
        meaning = fm.Meaning("code", fm.ID)  # 'Station (from 25 stations)'
    if draft.length and draft.length.pattern and (meaning is None or meaning.type in CODE_LIKE_TYPES):
        draft.constraints.setdefault("pattern", draft.length.pattern)  # 'Zip code (5 digits)'
    if meaning is not None and meaning.kind != fm.ID and draft.constraints.get("pattern"):
        meaning = fm.Meaning("code", "text")
    if draft.enum_items and {str(i.value).lower() for i in draft.enum_items} == {"true", "false"}:
        if all(i.weight is not None for i in draft.enum_items):  # 'true/false, mostly false'
            weights = {str(i.value).lower(): i.weight for i in draft.enum_items}
            draft.constraints["enum_values"] = [True, False]
            draft.constraints["weights"] = [weights["true"], weights["false"]]
        draft.enum_items, meaning = None, fm.Meaning("boolean", "bool")
    if last in ("no", "nr", "num", "ref") and len(draft.tokens) > 1 and (meaning is None or (
            meaning.kind != fm.ID and meaning.type not in SELF_FORMATTED_TYPES and meaning.kind == "text")):
        meaning = fm.Meaning("code", fm.ID)  # 'Invoice no', 'Student no'
    if meaning is not None and meaning.type == "boolean" and draft.numeric_range is not None \
            and draft.numeric_range.is_money:
        meaning = fm.Meaning("decimal", fm.MONEY)  # 'flag fall $3.00' is an amount
    if "%" in draft.label or (draft.tokens and draft.tokens[-1] in ("percent", "pct", "percentage")):
        if meaning is None or meaning.kind in (fm.MONEY, fm.INT, fm.FLOAT):
            meaning = fm.Meaning("float", fm.PERCENT, {"min_value": 0, "max_value": 100})  # 'tip % (0-30)'
    return meaning


def _names_a_day(tokens: list[str]) -> bool:
    """'Pay period end' is a date: the label ends with a day word, or a span word then 'end'/'start'."""
    if len(tokens) < 2:
        return False
    if tokens[-1] in DAY_HEADS:
        return True
    return tokens[-1] in ("end", "start", "begin", "close", "open", "ending", "starting") and tokens[-2] in SPAN_WORDS


def choose_type(draft: FieldDraft, warnings: list[str]) -> None:
    """Decide the draft's type and constraints from its label meaning and qualifiers."""
    meaning = find_draft_meaning(draft)
    if (meaning is None or meaning.kind == "text") and not draft.enum_items and TRUE_SHARE_ONLY_RE.fullmatch(draft.rest_text):
        meaning = fm.Meaning("boolean", "bool")  # 'billable - yes 75%': a flag with its share of yes
    draft.meaning_known = meaning is not None
    c = draft.constraints
    if meaning:
        draft.type, draft.kind = meaning.type, meaning.kind
        defaults = dict(meaning.constraints)
    else:
        draft.type, draft.kind, defaults = "string", "text", {}
    if draft.type_hint and draft.type_hint not in ("string",):
        _apply_type_hint(draft, defaults)

    if draft.enum_items:
        _apply_enum(draft)
        values = c.get("enum_values") or []
        if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            draft.kind = fm.INT if all(isinstance(v, int) for v in values) else fm.FLOAT  # usable in formulas
        return
    if draft.derived:
        draft.kind = draft.kind if draft.kind in (fm.MONEY, fm.FLOAT, fm.PERCENT, fm.INT) else fm.MONEY
        return
    if draft.type == "date_of_birth" or (draft.ages and draft.type in ("date", "string")):
        draft.type = "date_of_birth"
        if draft.period and not draft.ages and re.match(r"\d{4}-", draft.period.start):
            c["min_value"], c["max_value"] = draft.period.start, draft.period.end  # 'born 1950-2005'
        else:
            c["min_value"], c["max_value"] = draft.ages or _ages_from_range(draft.numeric_range)
        return
    if draft.type == "age" and draft.ages:
        c["min_value"], c["max_value"] = draft.ages
        return
    numeric_range = draft.numeric_range
    if draft.kind == fm.TEMPORAL or (draft.period and draft.kind in ("text",) and not draft.meaning_known):
        if _is_years_range(numeric_range) and draft.period is None:
            low, high = int(numeric_range.low.value), int(numeric_range.high.value)
            draft.period = ph.Period(f"{low:04d}-01-01", f"{high:04d}-12-31")
            numeric_range = None
        if numeric_range is None and (draft.period or draft.step or draft.kind == fm.TEMPORAL):
            _apply_temporal(draft)
            return
        if numeric_range is not None or draft.units:
            whole = not numeric_range or numeric_range.decimals == 0
            draft.type, draft.kind = ("integer", fm.INT) if whole else ("float", fm.FLOAT)
            defaults = {"min_value": 0, "max_value": 100} if numeric_range is None else {}
    if draft.step and draft.kind == "text" and not draft.meaning_known:
        draft.type, draft.kind = "datetime", fm.TEMPORAL
        _apply_temporal(draft)
        return
    if draft.kind == fm.ID or draft.type in ("code", "uuid", "sequence"):
        _apply_identifier(draft, defaults)
        return
    if draft.type == "boolean":
        _apply_true_share(draft)
        return
    if draft.type == "enum" and (numeric_range is not None or draft.units):
        draft.type, draft.kind, defaults = "integer", fm.INT, {}  # 'Level (1-10)' counts, it lists nothing
    if draft.type == "enum":
        values = defaults.get("enum_values") or ["A", "B", "C"]
        draft.enum_items = [ph.ListItem(v) for v in values]
        _apply_enum(draft)
        warnings.append(f"no values listed for '{draft.label}'; used {', '.join(map(str, values))}")
        return
    if numeric_range is not None or draft.kind in NUMERIC_KINDS or draft.decimals is not None:
        _apply_number(draft, defaults, numeric_range)
        return
    if draft.length is not None:
        _apply_length(draft)
    if draft.pool:
        c["cardinality"] = draft.pool
    if draft.type == "string":
        if c.get("pattern"):
            draft.type = "code"
        elif draft.period:
            draft.type = "date"
            _apply_temporal(draft)
        else:
            warnings.append(f"could not understand '{draft.label}'; used a text column")
    for key, value in defaults.items():
        c.setdefault(key, value)


def _ages_from_range(numeric_range: ph.NumericRange | None) -> tuple[int, int]:
    """'Date of birth (18+)' or '(21-65)': the range is in years of age; adults by default."""
    low = int(numeric_range.low.value) if numeric_range and numeric_range.low else 18
    high = int(numeric_range.high.value) if numeric_range and numeric_range.high else max(80, low + 30)
    return (low, high) if 0 <= low <= high <= 120 else (18, 80)


TRUE_SHARE_ONLY_RE = re.compile(
    r"[\s(,]*(?:(?:yes|true|no|false)\s*[:=(]?\s*\d+(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*%\s*(?:are\s+|is\s+)?(?:yes|true|no|false))"
    r"[\s),]*", re.I)


def _apply_true_share(draft: FieldDraft) -> None:
    """'Is fraud (2% true)' -> true on 2% of rows; 'billable - no 25%' -> true on 75%."""
    before = re.search(r"\b(true|yes|false|no)\s*[:=(]?\s*(\d+(?:\.\d+)?)\s*%", draft.rest_text, re.I)
    if before and float(before[2]) <= 100:
        p_true = float(before[2]) if before[1].lower() in ("true", "yes") else 100 - float(before[2])
        draft.constraints["enum_values"], draft.constraints["weights"] = [True, False], [p_true, 100 - p_true]
        return
    share = re.search(r"(\d+(?:\.\d+)?)\s*%\s*(?:(?:are|is|of\s+\w+)\s+)?(true|yes|false|no)?", draft.rest_text, re.I)
    if share and float(share[1]) <= 100:
        p_true = float(share[1]) if (share[2] or "true").lower() in ("true", "yes") else 100 - float(share[1])
        draft.constraints["enum_values"], draft.constraints["weights"] = [True, False], [p_true, 100 - p_true]


def _meaning_of_named_thing(before: list[str], name_meaning: fm.Meaning | None) -> fm.Meaning | None:
    """'Team name' is a department, 'Customer name' a person, 'Project name' a generic text."""
    found = fm.classify_tokens(before)
    if found is None:
        return None if before and before[-1] not in ("full", "person", "contact", "display") else name_meaning
    if found.meaning.type in ("full_name", "first_name", "last_name", "username"):
        return name_meaning
    if found.meaning.type in ("company", "product_name", "department", "city", "country", "state",
                              "job_title", "product_category", "airport_code", "currency_code", "color"):
        return found.meaning
    return name_meaning if found.meaning.kind == fm.ID else None


def _apply_type_hint(draft: FieldDraft, defaults: dict[str, Any]) -> None:
    hint = draft.type_hint
    if hint == "uuid":
        draft.type, draft.kind = "uuid", fm.ID
    elif hint in ("integer", "float", "decimal") and draft.kind not in (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT):
        draft.type, draft.kind = hint, {"integer": fm.INT, "float": fm.FLOAT, "decimal": fm.MONEY}[hint]
    elif hint in ("date", "datetime", "time") and draft.kind != fm.TEMPORAL:
        draft.type, draft.kind = hint, fm.TEMPORAL
    elif hint == "datetime" and draft.type == "date":
        draft.type = "datetime"  # 'Created on (with time)'
    elif hint == "boolean":
        draft.type, draft.kind = "boolean", "bool"
    elif hint in ("email", "url") or (hint == "sentence" and not draft.meaning_known):
        draft.type, draft.kind = hint, "text"


def _is_years_range(numeric_range: ph.NumericRange | None) -> bool:
    return bool(numeric_range and numeric_range.low and numeric_range.high
                and all(n.is_integer and 1900 <= n.value <= 2100 for n in (numeric_range.low, numeric_range.high)))


def _apply_enum(draft: FieldDraft) -> None:
    c = draft.constraints
    values = [item.value for item in draft.enum_items]
    seen, unique_values, weights = set(), [], []
    for item in draft.enum_items:
        key = str(item.value).lower()
        if key in seen:
            continue
        seen.add(key)
        unique_values.append(item.value)
        weights.append(item.weight)
    c["enum_values"] = unique_values
    if all(w is not None for w in weights) and sum(weights) > 0:
        c["weights"] = [float(w) for w in weights]
    if c.get("unique") and len(values) < 1000:
        c.pop("unique")
    draft.type, draft.kind = "enum", "enum"


def _apply_temporal(draft: FieldDraft) -> None:
    """Date/datetime bounds from the period (default: the last year) and the time grid."""
    c = draft.constraints
    if draft.type == "string" or (draft.type == "date" and draft.step and re.search(r"[smh]$", draft.step)):
        draft.type = "datetime" if draft.step else "date"
    if draft.type not in ("date", "datetime", "time"):
        draft.type = "datetime"
    draft.kind = fm.TEMPORAL
    if draft.type == "time":
        return
    if draft.period:
        start, end = draft.period.start, draft.period.end
        if draft.type == "datetime" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end):
            end += "T23:59:59"  # 'in 2024' includes the whole last day
        c["min_value"], c["max_value"] = start, end
    elif "min_value" not in c:
        c["min_value"], c["max_value"] = "-1y", "now"
    if draft.step:
        c["step"] = draft.step


def _apply_identifier(draft: FieldDraft, defaults: dict[str, Any]) -> None:
    c = draft.constraints
    if draft.type == "sequence":
        c["unique"] = True
        return
    if draft.type == "uuid" or draft.type_hint == "uuid":
        draft.type = "uuid"
        return
    if draft.numeric_range is not None and draft.numeric_range.low and draft.numeric_range.high:
        draft.type, draft.kind = "integer", fm.ID
        c["min_value"], c["max_value"] = int(draft.numeric_range.low.value), int(draft.numeric_range.high.value)
        if draft.pool:
            c["cardinality"] = draft.pool
        return
    draft.type = "code"
    if "pattern" in c:
        pass
    elif draft.length is not None and draft.length.pattern:
        c["pattern"] = draft.length.pattern
    elif draft.length is not None and draft.length.min_length:
        size = draft.length.max_length or draft.length.min_length
        c["pattern"] = rf"[A-Z0-9]{{{size}}}"
    if "pattern" not in c and "pattern" in defaults:
        c["pattern"] = defaults["pattern"]
    if draft.pool:
        c["cardinality"] = draft.pool
    draft.needs_id_pattern = "pattern" not in c


def _apply_length(draft: FieldDraft) -> None:
    c = draft.constraints
    rule = draft.length
    if rule.pattern:
        if draft.type in PATTERN_TYPES:
            c.setdefault("pattern", rule.pattern)
        return
    if rule.min_length is not None:
        c["min_length"] = rule.min_length
    if rule.max_length is not None:
        c["max_length"] = rule.max_length


def _apply_number(draft: FieldDraft, defaults: dict[str, Any], numeric_range: ph.NumericRange | None) -> None:
    c = draft.constraints
    kind = draft.kind
    if numeric_range is not None:
        if numeric_range.is_money:
            kind = fm.MONEY
        elif kind not in (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT):
            if numeric_range.is_percent or "%" in draft.units or "percent" in draft.units:
                kind = fm.PERCENT
            elif numeric_range.decimals > 0 or draft.units:
                kind = fm.FLOAT if (numeric_range.decimals > 0 or _is_measure_unit(draft.units)) else fm.INT
            else:
                kind = fm.INT
        elif kind == fm.INT and (numeric_range.decimals > 0 or draft.decimals):
            kind = fm.FLOAT
        if kind == fm.FLOAT and _counts_whole_units(draft, numeric_range):
            kind = fm.INT  # 'length of stay in days (1 to 30)', 'size in bytes'
    elif draft.decimals is not None and kind not in (fm.MONEY, fm.FLOAT, fm.PERCENT):
        kind = fm.FLOAT
    if draft.decimals == 0 and kind in (fm.FLOAT, fm.PERCENT):
        kind = fm.INT  # 'progress % (0-100, whole number)'
    if draft.decimals == 0 and kind == fm.INT and draft.type in ("float", "percentage"):
        draft.type = "integer"
    typical = fm.default_range(draft.tokens)
    if typical:
        defaults = {**defaults, "min_value": typical[0], "max_value": typical[1]}
    low = numeric_range.low.value if numeric_range and numeric_range.low else None
    high = numeric_range.high.value if numeric_range and numeric_range.high else None
    if low is None:
        low = defaults.get("min_value", 0)
        if high is not None and low > high:
            low = 0 if high > 0 else high - 100
    if high is None:
        high = defaults.get("max_value")
        if high is None or high <= low:
            high = max(low * 10, low + 100) if low >= 0 else low + 100
    draft.kind = kind
    if draft.type == "age":
        pass  # keeps its type: the engine makes it agree with a date of birth
    elif kind == fm.MONEY:
        draft.type = "decimal"
    elif kind == fm.INT and not (draft.type == "integer"):
        draft.type = "integer"
    elif kind in (fm.FLOAT, fm.PERCENT) and draft.type not in ("float", "latitude", "longitude"):
        draft.type = "float"
    if draft.type in ("latitude", "longitude") and numeric_range is None:
        return
    if draft.type in ("integer", "age"):
        low, high = int(low), int(high)
        if low > high:
            low, high = high, low
        c["min_value"], c["max_value"] = low, high
    else:
        c["min_value"], c["max_value"] = _tidy(low), _tidy(high)
        if kind == fm.MONEY:
            c["decimals"] = draft.decimals if draft.decimals is not None else 2
        else:
            from_range = numeric_range.decimals if numeric_range else 0
            c["decimals"] = draft.decimals if draft.decimals is not None else (
                from_range or defaults.get("decimals", 2 if kind == fm.FLOAT else 1))
            if draft.decimals is None and abs(high - low) <= 1:
                c["decimals"] = max(c["decimals"], 2)  # '0.0-1.0' needs more than one digit to spread
    if draft.distribution:
        c["distribution"] = draft.distribution
    if draft.pool:
        c["cardinality"] = draft.pool


def _counts_whole_units(draft: FieldDraft, numeric_range: ph.NumericRange) -> bool:
    return bool(set(draft.units) & WHOLE_NUMBER_UNITS) and numeric_range.decimals == 0 and draft.decimals is None \
        and all(n is None or n.is_integer for n in (numeric_range.low, numeric_range.high))


def _is_measure_unit(units: list[str]) -> bool:
    return any(u not in ("days", "day", "hours", "hour", "minutes", "minute", "seconds", "second", "ms")
               for u in units)


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# ----------------------------------------------------------------------------- names and schema


def snake_case(label: str) -> str:
    tokens = [t for t in fm.tokenize(label) if t not in fm.STOP_TOKENS and t not in ("and", "s")]
    name = "_".join(tokens[:6]) or "field"
    if not re.match(r"[a-z_]", name):
        name = "f_" + name
    return name[:64]


def name_drafts(drafts: list[FieldDraft]) -> None:
    """Give each draft a unique snake_case name from its label ('Unit price' -> unit_price)."""
    used: set[str] = set()
    for draft in drafts:
        base = draft.name or snake_case(draft.label)
        name, counter = base, 1
        while name in used:
            counter += 1
            name = f"{base}_{counter}"
        used.add(name)
        draft.name = name


def build_schema(drafts: list[FieldDraft], locale: str | None, subject: list[str], text: str,
                 warnings: list[str]) -> DatasetSchema:
    """Validate each draft into a FieldSpec; a draft whose constraints do not validate loses them."""
    fields = []
    for draft in drafts:
        constraints = {k: v for k, v in draft.constraints.items() if v is not None}
        if draft.type not in PATTERN_TYPES:
            constraints.pop("pattern", None)  # 'airport code (3-letter IATA code)': the type formats itself
        spec = {"name": draft.name, "type": draft.type, "description": draft.description,
                "constraints": constraints}
        try:
            fields.append(FieldSpec.model_validate(spec))
        except ValidationError as err:
            warnings.append(f"dropped the constraints of '{draft.label}': {err.errors()[0]['msg']}")
            fields.append(FieldSpec.model_validate({**spec, "constraints": {}}))
    name = "_".join(subject[-3:])[:200] or None
    return DatasetSchema(fields=fields, locale=locale, name=name, description=text.strip()[:5000] or None)
