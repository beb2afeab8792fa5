"""Value lists in a column's words: '(active, inactive, suspended)', 'gold | silver (10/30/60)',
'economy 70%, business 20%', 'yes/no, mostly no'."""

from __future__ import annotations

import re

from src.extraction import phrases as ph
from src.extraction.frequency_words import read_frequency_list


QUALIFIER_WORDS = {
    "unique", "distinct", "optional", "nullable", "required", "format", "valid", "calculated", "computed",
    "derived", "realistic", "distribution", "random", "last", "past", "next", "every", "between", "from",
    "uuid", "guid", "only", "for", "if", "when", "unless", "after", "before", "since", "until", "characters",
    "chars", "digits", "letters", "decimal", "decimals", "normal", "normally", "skewed", "mostly", "mainly",
    "auto-generated", "auto-increment", "auto-incremented", "autoincrement", "generated", "automatically", "null",
    "empty", "missing", "default", "sequential",
}  # 'auto' alone is a value ('Claim type: auto, home, travel'); only 'auto-generated' qualifies
# Qualifier words that are values when a list of three or more names them alone ('low, normal, high').
SOFT_QUALIFIERS = {"normal", "default", "random", "missing", "empty", "last", "next", "past", "generated", "derived"}
LIST_PREFIX_RE = re.compile(
    r"^\s*(?:one\s+of|either|e\.g\.?|eg|i\.e\.?|such\s+as|like|values?|options?|choices?|categories|"
    r"can\s+be|could\s+be|must\s+be|is|are|including|includes|among|(?:a\s+)?(?:flat|fixed)(?:\s+(?:fee|rate|charge))?(?:\s+of)?)"
    r"(?![A-Za-z])\s*:?\s*", re.I)  # 'a flat 0, 15 or 35': the amounts


def parse_value_list(segment: str) -> list[ph.ListItem] | None:
    """Read '(active, inactive, banned)' / 'economy 70%, business 20%' / 'M/F' as listed values."""
    segment = LIST_PREFIX_RE.sub("", segment.strip()).strip(" :,;")
    segment = re.sub(r"^(?:a|an)\s+(?=(?:yes|y|true)\s*(?:/|\bor\b))", "", segment, flags=re.I)  # 'is a yes/no'
    if not segment or UNIT_RATIO_RE.fullmatch(segment):
        return None  # '(g/t)', '(km/h)': a unit, not two values
    segment = spread_each_share(segment)
    examples = re.search(r"\b(?:e\.g\.?|eg|such\s+as|for\s+example|for\s+instance|like|including)\s*:?\s+", segment, re.I)
    if examples and "," in segment[examples.end():]:
        segment = segment[examples.end():]  # 'real medication names e.g. amoxicillin, metformin, ...': the examples
    segment = re.sub(r"\s*(?:\.\.\.|…|etc\.?)\s*$", "", segment)
    if _is_code_shape_list(segment) or is_example_with_rules(segment):
        return None  # '(ADM, dash, 6 digits)' spells a code's shape, '(RB-xxxx, 4 digits, uniq)' shows one code
    paired = paired_weights(segment)
    if paired:
        return paired
    frequent = read_frequency_list(segment)  # '200 mostly, some 404 and 500': weighted values, never a range
    if frequent:
        return frequent
    most_of = MOST_OF_RE.search(segment)
    if most_of:  # 'blue, silver, gold or platinum, with most people in blue (around 60%)'
        items = parse_value_list(segment[: most_of.start()])
        share = float(most_of["w"]) if most_of["w"] and 50 < float(most_of["w"]) < 100 else MOSTLY_SHARE
        weighted = favour_value(items, most_of["v"], share) if items else None
        if weighted:
            return weighted
    favourite = MOSTLY_RE.search(segment)
    if favourite:
        rest = (segment[: favourite.start()] + " " + segment[favourite.end():]).strip(" ,;")
        rest = rest.replace(" , ", ", ").replace(" ,", ",")
        items = parse_value_list(rest) if rest else None
        wanted = (favourite["v"] or favourite["v2"] or "").strip().lower()
        if favourite["v2"]:  # 'card (mostly), cash': the value stays in the list
            wanted = re.split(r"[,;/|]", segment[: favourite.start()])[-1].strip().lower()
            items = parse_value_list(segment[: favourite.start()] + segment[favourite.end():])
        weighted = favour_value(items, wanted) if items else None
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
    if len(parts) < 2 or any(describes_column(p, len(parts)) and ph.parse_weighted_value(p) is None for p in parts):
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
        if not _is_plain_value(part) and not (len(parts) >= 3 and part.lower() in SOFT_QUALIFIERS):
            return None
        items.append(ph.ListItem(ph.as_list_value(part)))
    if sum(1 for i in items if i.weight is not None) not in (0, len(items)):
        return None
    return items


# A unit written as a ratio ('g/t', 'km/h', 'mg/l', 'm3/s'); 'm/f' and 'y/n' stay value lists.
UNIT_RATIO_RE = re.compile(r"\s*\(?\s*(?:µ?g|mg|kg|t|km|m[23]?|cm|mm|l|ml|kwh|w|mj|mol|ug|ppm|mi|ft|lbs?|oz)\s*/\s*"
                           r"(?:t|h|hr|s|sec|l|m[23]|kg|g|ha|yr|d|day|min|dl|km|mi|gal|ton|tonne)\s*\)?\s*", re.I)
# 'PUT and DELETE (5% each)', 'b, c or d (10% each)': one share for each of the values it follows.
EACH_SHARE_RE = re.compile(r"(?P<names>[A-Za-z][\w'-]*(?:\s*(?:,|\band\b|\bor\b|&)\s*[A-Za-z][\w'-]*(?: (?!and\b|or\b)[A-Za-z][\w'-]*)?)"
                           r"{1,8})\s*\(\s*"
                           r"(?:(?:about|around|roughly|~)\s*)?(?P<w>\d+(?:\.\d+)?)\s*%\s*each\s*\)", re.I)


def spread_each_share(segment: str) -> str:
    """'GET (70%), PUT and DELETE (5% each)' -> 'GET (70%), PUT (5%), DELETE (5%)'."""
    def each(m: re.Match) -> str:
        names = [n for n in re.split(r"\s*(?:,|\band\b|\bor\b|&)\s*", m["names"], flags=re.I) if n.strip()]
        return ", ".join(f"{n} ({m['w']}%)" for n in names)
    return EACH_SHARE_RE.sub(each, segment)


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


# One code written out ('RB-0001', 'MTR-123456', 'DH001-001', 'RB-xxxx'): letters and digits or placeholders.
CODE_EXAMPLE_RE = re.compile(r"[A-Z]{1,6}[-_/.]?(?:\d{2,}|[xX#]{2,})(?:[-_/.](?:\d+|[xX#]{2,}))*")
RULE_PIECE_RE = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:digits?|letters?|chars?|"
                           r"characters?|numbers?)(?:\s+each)?|uniq(?:ue)?|sequential|required|not\s+null|"
                           r"non[- ]?null|no\s+blanks|zero[- ]padded|padded|primary\s+key|pk", re.I)


def is_example_with_rules(segment: str) -> bool:
    """'RB-xxxx, 4 digits, uniq': one code shown by example and rules about it, no list of values."""
    parts = [p.strip() for p in re.split(r"[,;]", segment) if p.strip()]
    codes = [p for p in parts if CODE_EXAMPLE_RE.fullmatch(p)]
    return len(parts) >= 2 and len(codes) == 1 and all(p in codes or RULE_PIECE_RE.fullmatch(p) for p in parts)


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


# A list part that states a rule ('never the same as origin', 'about 15 staff', 'weekly cadence ...') or, in a
# two-part list, names what the column is ('IATA airport code', 'waiter first name', 'date'): no value list.
RULE_PART_RE = re.compile(
    r"^(?:never|always|must|should|only|about|around|roughly|approximately|approx|~|up\s+to|at\s+(?:least|most)|"
    r"how\s+(?:many|much)|with(?:out)?\s+(?:a|an|the|most|some|no)\b|(?:hourly|daily|weekly|monthly|yearly|quarterly)\s+"
    r"(?:cadence|schedule|frequency|intervals?|steps?|readings?)|(?:\d+|one|a)\s+(?:per|each|every)\b|"
    r"one\s+of\s+\d+|(?:from\s+)?a\s+pool\s+of|same\s+as|different\s+from|unique|distinct)\b(?=\s+\S)|"
    r"\b(?:\d+|a\s+few|several)\s+(?:staff|people|persons|employees|agents|distinct\s+\w+)$|"
    # how the numbers spread, not a value: 'lognormal, median 40, sd 30'
    r"^(?:log[- ]?normal|exponential|gaussian|(?:right[- ])?skewed|uniform|normally\s+distributed)$|"
    r"^(?:median|mean|sd|std|stdev|sigma|spread)\s*(?:of|=|:)?\s*[-$€£]?\d", re.I)
TYPE_NOUN_END_RE = re.compile(
    r"(?:^|\s)(?:code|codes|name|names|date|dates|timestamp|datetime|time|number|id|identifier|address|email|title|"
    r"titles|count|amount|integer|decimal|string|text)$", re.I)


def describes_column(part: str, parts: int) -> bool:
    """Whether a list part describes the column instead of being one of its values."""
    part = part.strip()
    if RULE_PART_RE.search(part):
        return True
    return parts == 2 and bool(TYPE_NOUN_END_RE.search(part)) and (len(part.split()) >= 2 or part.lower() in (
        "date", "timestamp", "datetime", "integer", "decimal", "string", "text"))


def favour_value(items: list[ph.ListItem], wanted: str, share: float = 0.0) -> list[ph.ListItem] | None:
    """Weights that make one listed value the usual one ('mostly no'): it gets ``share`` (MOSTLY_SHARE) percent."""
    share = share or MOSTLY_SHARE
    wanted = wanted.strip().lower()
    if len(items) < 2 or any(i.weight is not None for i in items) or \
            wanted not in [str(i.value).lower() for i in items]:
        return None
    others = round((100 - share) / (len(items) - 1), 2)
    return [ph.ListItem(i.value, share if str(i.value).lower() == wanted else others) for i in items]


# The weights after the values: '60/30/10', '50% | 30% | 20%', '(50/30/20)'; no two quantifiers compete for a space.
_WEIGHTS_RE = re.compile(r"(?P<w>\d+(?:\.\d+)?(?:\s*%)?(?:\s*[/|]\s*\d+(?:\.\d+)?(?:\s*%)?)+)\s*\)?")


def paired_weights(segment: str) -> list[ph.ListItem] | None:
    """'positive/neutral/negative 60/30/10', 'a | b | c (50/30/20)', 'email, phone, chat 50/30/20': values,
    then their weights in order.

    Read in one pass (values end at the first digit), not by one backtracking pattern: nested quantifiers
    over a long '|' list took seconds."""
    segment = segment.strip()
    first_digit = re.search(r"\d", segment)
    if first_digit is None:
        return None
    head, tail = segment[:first_digit.start()], segment[first_digit.start():]
    weights_match = _WEIGHTS_RE.fullmatch(tail)
    if weights_match is None:
        return None
    if "(" in head:  # only an opening bracket right before the weights
        head, after = head.split("(", 1)
        if after.strip():
            return None
    pieces = re.split(r"[/|,]", head)
    if len(pieces) < 2 or not all(pieces):
        return None
    values = [re.sub(r"^(?:or|and)\s+", "", v.strip()) for v in pieces if v.strip()]
    weights = [float(w.strip(" %")) for w in re.split(r"\s*[/|]\s*", weights_match["w"])]
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
            r"-?\d+(?:\.\d+)?|[A-Za-z]*\d+[A-Za-z+]*|\d+-?[A-Za-z]+|[$€£]?\d+[kK]?\s*[-–]\s*[$€£]?\d+[kK]?|[<>]\s*\d+|[$€£]?\d+[kK]?\+",
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
# 'yes/no, mostly no', '(mostly Double)', 'card (mostly)': one listed value is the usual one.
MOSTLY_RE = re.compile(r"[,;]?\s*\(?\b(?:mostly|mainly|usually|predominantly|primarily|largely|typically)\s+"
                       r"(?P<v>[A-Za-z][\w' -]{0,30}?)\s*\)?\s*$|(?P<v2>\s*\((?:mostly|mainly|usually|most\s+common|"
                       r"most\s+often|majority)\))", re.I)
MOSTLY_SHARE = 70.0
# 'with most people in blue (around 60%)', ', most of them are card', 'the majority choosing standard': a clause
# after the list naming the usual value, with its share when given.
MOST_OF_RE = re.compile(
    r"\s*[,;]\s*(?:with\s+|and\s+)?(?:most|the\s+majority)\s+(?:of\s+)?(?:[a-z]+\s+){0,2}?(?:in|are|is|on|being|as|"
    r"choosing|choose|picking|pick|paying\s+(?:by|with)|using|use|get|getting|with)\s+(?P<v>[A-Za-z][\w' -]{0,30}?)\s*"
    r"(?:\(?\s*(?:about|around|roughly|approximately|~)?\s*(?P<w>\d+(?:\.\d+)?)\s*%\s*\)?)?\s*$", re.I)
SLASH_LIST_OPERATOR_RE = re.compile(r"\b(?:x|times|plus|minus|divided|multiplied|sum|product|difference)\b", re.I)
UNIT_WORDS_RE = re.compile(
    r"\b(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|kg|kgs|g|grams?|mg|mcg|µg|lbs?|pounds|"
    r"km|kilometers?|miles?|m|meters?|metres?|cm|mm|celsius|fahrenheit|°c|°f|hpa|kpa|psi|bar|mph|km/h|kmh|"
    r"volts?|v|watts?|w|kw|kwh|amps?|db|dbm|bpm|mg/dl|mmhg|liters?|litres?|l|ml|gb|mb|kb|tb|bytes?|nights?|%|percent)\b",
    re.I)


# Nouns that count time or measures, not things a row belongs to.
NOT_ENTITY_WORDS = {"day", "week", "month", "year", "hour", "minute", "second", "quarter", "decade", "night", "row",
                    "record", "entry", "line", "item", "sample", "observation", "reading", "event", "column", "field",
                    "value", "point", "unit", "percent", "time", "date", "letter", "digit", "character", "step",
                    "mile", "meter", "metre", "kilometer", "km", "kg", "dollar", "euro", "pound", "cent", "level",
                    "decimal", "place", "option", "choice", "category", "type", "kind", "weekday", "weekend"}
