"""The scene: what the opening text says about the whole dataset (row count, subject, locale, pools, grids)."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import periods as pe
from src.extraction import phrases as ph
from src.extraction.drafts import FieldDraft
from src.extraction.fields_label import draft_fields
from src.extraction.fields_type import apply_temporal
from src.extraction.fields_values import NOT_ENTITY_WORDS


ROW_WORDS = (r"(?:rows?|records?|entries|entry|samples?|items?|lines?|examples?|data\s*points?|"
             r"observations?|instances?)")
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
# 'from 50 meters' in the header: how many distinct things the rows come from.
HEADER_POOL_RE = re.compile(
    r"(?:\b(?:from|across|among|over|for)\s+|(?<![\w.,-])(?<!about\s)(?<!around\s)(?<!roughly\s)(?<!~)"
    r"(?=\d[\d,]*k?\s+(?:[a-z]+\s+){0,2}?[a-z]+s\b(?!\s+(?:per|a|an|each|every|daily|weekly|monthly|hourly)\b)))"
    r"(?P<n>\d[\d,]*k?)\s+(?:unique\s+|distinct\s+|different\s+)?"
    r"(?P<adj>(?:[a-z]+\s+){0,2}?)(?P<w>[a-z]+s)\b",
    re.I)
# A time grid the header states outright ('one reading every 15 minutes'), not '50 orders per day'.
HEADER_STEP_RE = re.compile(r"\bevery\b|\bintervals?\b|\bincrements?\b|\bgranularity\b|\bhourly\b|\bfrequency\b|"
                            r"\bonce\s+(?:a|an|per)\s+(?:day|hour|minute|week)\b|"
                            r"\bdaily\b(?=.*\b(?:one\s+(?:row|record|entry)\s+per|for\s+the\s+(?:last|past)\s+\d))|"
                            # 'daily for a year', 'weekly sales over two years': an adverb grid with its span
                            r"\b(?:daily|weekly|monthly)\b(?=.*\b(?:for|over|across)\s+(?:the\s+(?:last|past)\s+)?"
                            r"(?:\d+|a|an|one|two|three|four|five|six|ten|twelve)\s+(?:days?|weeks?|months?|years?)\b)", re.I)


SECTION_NUMBER_RE = re.compile(r"(?m)^\s*(?:§\s*)?\d{1,2}(?:\.\d{1,2})+\.?(?=\s+[A-Z])")


# A count written with its multiplier, 'k' or a word: '1.5k', '40k', '2 thousand'.
APPROX_NUMBER = r"(?<![\w.,-])(?P<n2>\d+(?:\.\d+)?)\s*(?P<s2>k|K|thousand)\b"


ROUGHLY = r"(?:approx\.?|approximately|about|around|roughly|circa|ca\.|maybe|perhaps|say|some|est\.?|~)"


def find_row_count(text: str, header_only: bool = False) -> int | None:
    """The number of rows asked for: 'Generate 5000 orders', '10k users', '1.5 million rows'."""
    text = re.sub(r"\d{16,}", " ", text)  # no row count is that long; long digit runs slow the regexes
    text = SECTION_NUMBER_RE.sub(" ", text)  # '2.1 Permit register.': a section of a spec, not 2 rows
    # 'machines: 15' under a YAML title counts machines, not rows ('rows: 500' and 'users: 100' at the start still do)
    text = KEYED_COUNT_RE.sub(lambda m: m.group(0) if m.start() == 0 or re.fullmatch(
        r"rows|records|entries|samples|lines", m["w"], re.I) else " ", text)
    number = r"(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<s>k|K|m|M|mm|thousand|million|mil)?\b"
    skip = (r"(?!\s*(?:%|percent|-\s*\d|to\s+\d|(?:years?|days?|months?|weeks?|hours?|minutes?|letters?|digits?|"
            r"characters?|chars?)\b|(?:rows?|records?|entry|entries|lines?|readings?)\s+(?:per|for\s+each|each|a)\b))")
    patterns = [
        rf"\b(?:generate|create|make|produce|give\s+me|build|need|want|simulate|synthesize|output)\b[^.\n\d]{{0,30}}?"
        rf"(?<!\bfrom\s)(?<!\bfor\s)(?<!\bacross\s)(?<!\bamong\s){number}{skip}",  # 'readings from 25 pumps': a pool
        rf"{number}{skip}\s+(?:[\w-]+\s+){{0,4}}?{ROW_WORDS}\b",
        rf"^\s*{number}{skip}\s+[A-Za-z]",
        rf"\b(?:total|count|rows|records|row\s+count)\s*(?:of|:|=)\s*(?:~|about\s+|around\s+|roughly\s+|approx\.?\s+)?{number}{skip}",
        rf"{number}{skip}\s+of\s+(?:them|these|those)\b",
        rf"^\s*[A-Za-z][A-Za-z ]{{0,40}}?(?:\s*[:=]|\s+[-–—]{{1,2}})\s*{number}{skip}\s*(?:[.;\n]|$)",  # 'Users: 100.'
        rf"[A-Za-z)]\s+(?:x|×)\s*{number}{skip}(?!\s*(?:x|×|\*|\d))",
        rf"(?:^|[.!?]\s+){number}{skip}\s*[.!]?\s*$",  # 'parking garage transactions. 6000.'
        rf"\b(?:i'?d|we'?d|would)\s+like\s+(?:about\s+|around\s+|roughly\s+|~\s*)?{number}{skip}",  # "I'd like about 1000"
        rf"(?<!\bfor\s)\b(?:each|every\s+one|all)\s+of\s+(?:the|these|those|our)\s+{number}{skip}\s+[A-Za-z]",  # 'each of the 1,800 books'
        # "That's for 1,000 admissions.", a closing '(2,500 reviews)': the count said after the columns
        rf"\b(?:that'?s|that\s+is|this\s+is|it'?s)\s+(?:for\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?{number}{skip}\s+[A-Za-z]",
        rf"(?:^|\n)\s*\(\s*(?:about\s+|around\s+|roughly\s+|~\s*)?{number}{skip}\s+[A-Za-z][\w-]*\s*\)\s*\.?\s*$",
    ]
    # 'Pharmacy prescriptions (3,000). Each: ...', 'App crash reports (7000):' - a count in brackets after the title
    bracketed = (rf"^[^(\n]{{0,80}}?[A-Za-z]\s*\(\s*(?:n\s*=\s*|{ROUGHLY}\s*)?{number}{skip}\s*(?:{ROW_WORDS}|of\s+them)?"
                 rf"\s*\)")
    if header_only:
        patterns.insert(1, bracketed)
        # 'restaurant inspections - approx 2k.', 'survey responses, 1.5k.', 'ab test evts ~ 40k.': a rough count
        # closing the title's phrase (a word of approximation or a multiplier says it is a count)
        patterns.append(rf"(?:[,;:]|\s[-–—]{{1,2}}|\s)\s*(?:{ROUGHLY}\s*{number}{skip}|{APPROX_NUMBER}{skip})\s*(?:[.!;\n]|$)")
        # 'students, 300': a short title, a comma, then only its count
        patterns.append(rf"^\s*[A-Za-z][A-Za-z' -]{{0,60}},\s*{number}{skip}\s*[.!]?\s*$")
        # 'for 12 devices', 'across 35 machines': a pool the rows come from, not the row count
        patterns.append(rf"(?<!\bfor\s)(?<!\bfrom\s)(?<!\bacross\s)(?<!\bamong\s)(?<!\bat\s)(?<!\bthe\s)(?<![A-Za-z])"
                        rf"(?<![\d,.])(?<![-/#_]){number}{skip}\s+[A-Za-z]")  # 'Trial ABC-301 participant table': a code
    for pattern in patterns:
        m = re.search(pattern, text, re.I)
        if m:
            raw = (m["n"] or m.groupdict().get("n2") or "").replace(",", "")
            suffix = m["s"] or m.groupdict().get("s2") or ""
            multiplier = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "mil": 1e6}.get(
                suffix.lower(), 1)
            count = int(round(float(raw) * multiplier))
            if 0 < count <= 10**12:
                return count
    m = re.search(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty)\s+"
                  r"(hundred|thousand|million)\b", text, re.I)
    if m:
        scale = {"hundred": 100, "thousand": 1000, "million": 1_000_000}[m[2].lower()]
        return ph.NUMBER_WORDS[m[1].lower()] * scale
    return None


# An item that only states the row count ('n: 5000', 'number_of_rows: 4000', '- 7,500 enrollments') or only
# opens a nested list ('columns:'): the scene's, never a column.
COUNT_ITEM_RE = re.compile(
    r"^\s*(?:(?:n|total|count|size|rows|records|entries|row[\s_]+count|total[\s_]+(?:rows|records)|n[\s_]+rows|num[\s_]+rows|"
    r"(?:number|num|no)[\s_]+of[\s_]+(?:rows|records|entries))\s*[:=]\s*"
    r"(?:~|about\s+|around\s+|roughly\s+|approx\.?\s+)?\d[\d,.]*\s*(?:k|m|thousand|million)?\s*(?:rows|records)?|"
    r"(?:~|about\s+|around\s+|roughly\s+)?\d[\d,.]*\s*(?:k|m|thousand|million)?\s+(?:[a-z]+\s+)?[a-z]+s)\s*\.?\s*$", re.I)
SECTION_ITEM_RE = re.compile(r"^\s*(?:the\s+)?(?:columns?|fields?|attributes?|properties|schema|cols)\s*:?\s*$", re.I)


def split_count_items(items: list[str]) -> tuple[int | None, list[str]]:
    """Items -> (the row count they state, the column items); section openers are dropped."""
    counts = [item for item in items if COUNT_ITEM_RE.match(item)]
    kept = [item for item in items if item not in counts and not SECTION_ITEM_RE.match(item)]
    for item in counts:
        number = re.search(r"\d[\d,.]*\s*(?:k|m|thousand|million)?(?![a-z])", item, re.I)
        count = find_row_count(f"{number[0]} rows") if number else None
        if count:
            return count, kept
    return None, kept


def find_count_of_things(header: str) -> int | None:
    """'Exam results for 1200 students', 'Fake data for 50 employees': with no other count, the things the
    rows are about give the row count."""
    m = re.search(r"\b(?:for|of)\s+(?P<n>\d[\d,]*k?)\s+(?:[a-z]+\s+){0,2}?(?P<w>[a-z]+s)\b", header, re.I)
    if m is None or fm.singular(m["w"].lower()) in NOT_ENTITY_WORDS:
        return None
    return ph.parse_count(m["n"])


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


# Kinds of column a pool stated for the whole dataset can bound: things named or coded, not amounts or times.
POOLED_TYPES_EXCLUDED = {"boolean", "date", "datetime", "time", "integer", "float", "decimal", "enum", "uuid", "sequence",
                         "email", "sentence", "paragraph", "age", "date_of_birth"}


def is_pooled_thing(draft: FieldDraft) -> bool:
    """'from 12 stores and 40 baristas' -> the store and barista columns hold 12 and 40 distinct values."""
    return not draft.pool and not draft.derived and draft.type not in POOLED_TYPES_EXCLUDED \
        and not draft.constraints.get("unique") and not draft.constraints.get("expression")


def apply_header_details(header: str, total_rows: int | None, drafts: list[FieldDraft], subject: list[str],
                         warnings: list[str]) -> list[FieldDraft]:
    """Details the prose gives before the column list: 'from 50 meters', 'every 15 minutes over the last 3 days'.
    Returns the columns the scene implies that no item names ('greenhouses: 8' -> greenhouse id), unnamed yet."""
    if not header:
        return []
    # 'every 15 minutes for 12 gauges': in a time series the things measured are a pool, whatever count was read
    series = bool(HEADER_STEP_RE.search(header) and pe.find_step(header)[0])
    if total_rows:  # '2000 orders' is a row count, not the year 2000
        spellings = {str(total_rows), f"{total_rows:,}"}
        pool_ahead = rf"(?=\s+(?:[a-z]+\s+){{0,2}}?(?!{ROW_WORDS})[a-z]+s\b)" if series else r"(?!)"
        header = re.sub("|".join(rf"(?<![\w.,]){re.escape(n)}(?![\w.,])(?!{pool_ahead})" for n in spellings), " ", header)
    header = KEYED_COUNT_RE.sub(r"\g<n> \g<w>,", header)  # 'inverters: 24' (a YAML key) -> '24 inverters'
    header = re.sub(r"\b(?:for\s+)?each\s+of\s+(?:the|these|those|our)\s+(?=\d)", "for ", header, flags=re.I)  # 'for each of the 6 levels'
    added = apply_header_pools(header, total_rows, drafts, subject, warnings, series)
    return added + apply_header_grid(header, drafts + added, warnings)


KEYED_COUNT_RE = re.compile(r"\b(?P<w>[a-z]+s)\s*:\s*~?(?P<n>\d[\d,]*k?)\b(?![,.]\d)(?=\s*(?:$|[,;.]|[A-Za-z_]+\s*:))", re.I)
def singular_noun(word: str) -> str:
    """'stores' -> 'store'; 'SKUs', 'VINs' (an acronym's plural) -> 'sku', 'vin'."""
    return word[:-1].lower() if re.fullmatch(r"[A-Z]{2,}s", word) else fm.singular(word.lower())


def apply_header_pools(header: str, total_rows: int | None, drafts: list[FieldDraft], subject: list[str],
                       warnings: list[str], series: bool = False) -> list[FieldDraft]:
    """``series``: the rows are a time grid, so a count of things equal to the row count read is their pool (the
    row count was read from it)."""
    added: list[FieldDraft] = []
    for m in HEADER_POOL_RE.finditer(header):
        size = ph.parse_count(m["n"])
        pooled = series and size == total_rows and not re.fullmatch(ROW_WORDS, m["w"], re.I)
        if size == total_rows and not re.match(r"[a-z]", m.group(0), re.I) and not pooled:
            continue  # '5k customers' is the row count written another way, not a pool
        if not size or size < 2 or (total_rows is not None and size >= total_rows and not pooled):
            continue
        # '200 parking spots' -> spot id; '12 retail store locations' -> store id when no location id exists
        nouns = [singular_noun(m["w"])] + [fm.singular(w) for w in reversed(m["adj"].lower().split())]
        owner = next((d for noun in nouns for d in drafts
                      if d.kind == fm.ID and not d.pool and noun in map(fm.singular, d.tokens)), None) or next(
            (d for noun in nouns[:1] for d in drafts if is_pooled_thing(d) and noun in map(fm.singular, d.tokens)), None)
        if owner is not None:
            owner.pool = size
            owner.constraints["cardinality"] = size
            owner.constraints.pop("unique", None)
            continue
        noun = nouns[0]
        named = any(noun in map(fm.singular, d.tokens) for d in drafts + added)
        if named or noun in NOT_ENTITY_WORDS or len(noun) < 3 or m["adj"].strip():
            continue
        column = draft_fields(f"{noun} id", [])[0]
        column.pool, column.source = size, m.group(0).strip()
        column.constraints["cardinality"] = size
        column.constraints.pop("unique", None)
        added.append(column)
        warnings.append(f"added a '{noun} id' column for '{m.group(0).strip()}': each row belongs to one of them")
    return added


SPAN_RE = re.compile(r"\b(?:for|over|covering|spanning|across)\s+(?:the\s+(?:last|past)\s+)?(?P<n>\d+|a|an|one|two|three|four|five|"
                     r"six|seven|eight|nine|ten|twelve|fourteen|thirty)\s+(?P<u>days?|weeks?|months?|years?|hours?)\b", re.I)


def apply_header_grid(header: str, drafts: list[FieldDraft], warnings: list[str]) -> list[FieldDraft]:
    added: list[FieldDraft] = []
    temporal = [d for d in drafts if d.type in ("date", "datetime") and not d.derived]
    if not temporal and HEADER_STEP_RE.search(header):
        clocks = [d for d in drafts if d.type == "time" and not d.derived and d.tokens in (["time"], ["timestamp"])]
        if len(clocks) == 1:  # 'readings every 15 minutes. Columns: station id, time': a timestamp
            clocks[0].type = "datetime"
            temporal = clocks
    if not temporal and not any(d.type == "time" for d in drafts) and HEADER_STEP_RE.search(header) \
            and pe.find_step(header)[0]:
        daily = re.fullmatch(r"\d+d", pe.find_step(header)[0] or "")
        # 'frequency: every 20 minutes' or 'once a day' with no time column: one is implied
        column = draft_fields("date" if daily else "timestamp", [])[0]
        column.source = "the time grid of: " + header[:200]
        added.append(column)
        temporal = [column]
        warnings.append(f"added a '{column.label}' column for the time grid the description states")
    if len(temporal) != 1 or temporal[0].order_refs:
        return added
    timestamp = temporal[0]
    step, rest = pe.find_step(header) if HEADER_STEP_RE.search(header) else (None, header)
    if step:  # 'hourly prices for 30 days': a grid over the span that ends now
        rest = SPAN_RE.sub(lambda m: f"over the last {m['n']} {m['u']}", rest)
    period, _ = pe.find_period(rest)
    from_template = timestamp.source.startswith("template")  # the request's own words win over a template's
    if step and (not timestamp.step or from_template):
        timestamp.step, timestamp.type = step, "datetime"
    if period and (not timestamp.period or from_template):
        timestamp.period = period
    if step or period:
        apply_temporal(timestamp)
    return added
