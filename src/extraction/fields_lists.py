"""Value lists read before any other qualifier reader, so that a listed value is never taken for a rule.

'decision: approved, denied, under review' lists 'under review' (not an order 'below the column review');
'priority: low, normal, high' lists 'normal' (not a normal distribution); 'ticket type: adult, child, senior'
lists 'adult' (not an age range). A list written with a value's own note in brackets,
'room type (single, double, suite (with sea view), family)', lists four values, not the note.
"""

from __future__ import annotations

import re

from src.extraction import phrases as ph
from src.extraction.amount_lists import read_amount_list
from src.extraction.drafts import FieldDraft
from src.extraction.shapes import CODE_RANGE_RE
from src.extraction.fields_values import MOST_OF_RE, MOSTLY_RE, parse_value_list

# A list opened by words inside the rule: 'only when status is critical, one of E101, E205, E310'.
LIST_OPENER_RE = re.compile(r"(?:^|[,;]\s*|\s)(?:one\s+of|any\s+of|either|values?\s*:|options?\s*:|choices?\s*:)\s*:?\s+|"
                            r"(?<=[a-z0-9])\s*:\s+", re.I)  # 'only when result is fail: underfill, loose cap, ...'
PLAIN_PIECE_RE = re.compile(r"[A-Za-z][\w'&.+/-]*(?:\s+[A-Za-z0-9][\w'&.+/-]*){0,3}")
# Pieces that state a rule, not a value.
RULE_START_RE = re.compile(
    r"^(?:only|when|if|where|unless|between|from|after|before|since|until|prior|later|earlier|never|always|must|should|like|mostly|mainly|usually|with|without|"
    r"within|in|last|next|past|every|e\.g|eg|i\.e|up|at|no|not|any|one|either|each|per|all|same|unique|optional|"
    r"nullable|required|realistic|random|free[- ]?(?:text|form)|auto|starting|rounded|whole|integer|decimal|null|empty|format|"
    r"formatted|calculated|computed|derived|sequential|increasing|sorted|weighted|skewed|uniform|normally|"
    r"log[- ]?normal|exponential|gaussian|median|mean|sd|std|stdev|sigma|spread)\b", re.I)


def flatten_nested_notes(text: str) -> str:
    """'(single, double, suite (with sea view), family)' -> '(single, double, suite, family)': a bracket inside a
    bracketed list is one value's note."""
    out, depth, skip_from = [], 0, None
    for ch in text:
        if ch == "(":
            depth += 1
            if depth == 2 and skip_from is None:
                skip_from = len(out)
        if skip_from is None:
            out.append(ch)
        if ch == ")":
            if depth == 2 and skip_from is not None:
                while out and out[-1] == " ":
                    out.pop()
                skip_from = None
            depth = max(0, depth - 1)
    return "".join(out)


def plain_list_span(text: str) -> tuple[int, int] | None:
    """Where a list of three or more plain values sits in a column's rule: the whole text outside brackets,
    or the text after 'one of' to its end."""
    outside_end = text.find("(") if "(" in text else len(text)
    starts = [0] + [m.end() for m in LIST_OPENER_RE.finditer(text[:outside_end])]
    for start in starts:
        body = text[start:outside_end]
        closed = re.match(r"[^;]*\b(?:or|and)\s+[^;,]+(?=;)", body, re.I) if ";" in body else None
        if closed and body.count(",", 0, closed.end()) >= 1:
            body = closed.group(0)  # 'none, watch or warning; warning should be rare': the list ends at ';'
        pieces = list_pieces(body)
        if body.count(",") < 1 or len(pieces) < 3:
            continue
        if all(PLAIN_PIECE_RE.fullmatch(p.strip()) and not RULE_START_RE.match(p.strip()) for p in pieces):
            return start, start + len(body)
        end = _end_before_rule(body)
        if end is not None:
            return start, start + end
    return None


def _end_before_rule(body: str) -> int | None:
    """'weather, technical or crew, only if cancelled': the plain values before the first piece that states
    a rule (three or more values, or two joined by 'or')."""
    for comma in re.finditer(r"[,;]", body):
        after = body[comma.end():].strip()
        if not RULE_START_RE.match(after):
            continue
        if MOST_OF_RE.search(body[comma.start():]) or MOSTLY_RE.search(body[comma.start():]):
            return None  # 'with most people on basic (around 65%)' weights the list: the list reader takes it whole
        head = body[: comma.start()]
        pieces = list_pieces(head)
        enough = len(pieces) >= 3 or (len(pieces) == 2 and re.search(r"\bor\b", head, re.I))
        if enough and all(PLAIN_PIECE_RE.fullmatch(p.strip()) and not RULE_START_RE.match(p.strip()) for p in pieces):
            return comma.start()
        return None
    return None


def list_pieces(body: str) -> list[str]:
    """'a, b and c, d or e' -> its values: commas split, 'and'/'or' only in the last part."""
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*", body.strip(" ,;.")) if p.strip()]
    if not parts:
        return []
    last = re.sub(r"^(?:and|or)\s+", "", parts[-1], flags=re.I)
    return parts[:-1] + [p.strip() for p in re.split(r"\s+(?:and|or)\s+", last, flags=re.I) if p.strip()]


def _items(body: str) -> list[ph.ListItem] | None:
    items = parse_value_list(body)  # the list reader's own rules first; the vetted pieces when it refuses a word
    return items if items else [ph.ListItem(ph.as_list_value(p)) for p in list_pieces(body)]


# 'member or casual, about 70% members': a share given after the list, naming its value in the plural
SHARE_AFTER_RE = re.compile(
    r"^\s*(?P<list>[A-Za-z][^,();%]*?(?:\s+or\s+|\s*/\s*)[^,();%]+?)\s*[,;]\s*(?:with\s+)?(?:about|around|roughly|"
    r"approximately|~)?\s*(?P<w>\d+(?:\.\d+)?)\s*%\s+(?:of\s+(?:them|rows|records)\s+)?(?:are\s+|being\s+)?"
    r"(?P<v>[A-Za-z][\w-]*)\s*$", re.I)


def read_share_after_list(draft: FieldDraft, text: str) -> str | None:
    m = SHARE_AFTER_RE.match(text)
    if m is None:
        return None
    values = [v.strip() for v in re.split(r"\s+or\s+|\s*/\s*", m["list"]) if v.strip()]
    named = next((v for v in values if m["v"].lower() in (v.lower(), v.lower() + "s", v.lower() + "es")), None)
    if named is None or len(values) < 2 or not all(PLAIN_PIECE_RE.fullmatch(v) for v in values):
        return None
    shares = take_partial_weights([ph.ListItem(ph.as_list_value(v)) for v in values], f"{named} {m['w']}%")
    if shares is None:
        return None
    draft.enum_items = shares[0]
    return " "


# 'yes/no but only filled for tests', 'true/false)', 'Y/N, mostly Y', 'is a yes/no field': a yes/no pair opening
# the rule, more words after ('yes/no/maybe' is a list of three)
LEADING_PAIR_RE = re.compile(r"^\s*(?:(?:is|are)\s+)?(?:(?:a|an)\s+)?\(?\s*(?P<a>yes|y|true)\s*(?:/|\bor\b)\s*"
                             r"(?P<b>no|n|false)\b(?!\s*(?:/|\bor\b))\s*\)?(?P<rest>[^%]*)$", re.I)


def read_leading_pair(draft: FieldDraft, text: str) -> str | None:
    """The yes/no pair is the column's values; the words after it are left for the other readers."""
    m = LEADING_PAIR_RE.match(text)
    if m is None or not m["rest"].strip(" ,;.()") or re.match(r"\s*[,;]?\s*(?:mostly|mainly|usually|\d)", m["rest"], re.I):
        return None  # a bare 'yes/no' and a weighted one are the list reader's
    draft.enum_items = [ph.ListItem(m["a"]), ph.ListItem(m["b"])]
    return m["rest"].strip(" ,;)") or " "


# 'placebo, low, high — about a third each', 'S, M, L, roughly equal', 'a, b or c (evenly split)': equal shares, which
# a list has with no weights; a bare 'equal' stays a value ('less, equal, greater').
EQUAL_SHARES_RE = re.compile(
    r"(?:\s*[,;]\s*|\s+[—–-]{1,2}\s+|\s*\(\s*)(?:(?:about|roughly|approximately|around|~)\s*)?(?:(?:a|one)\s+(?:third|quarter|"
    r"fifth)\s+each|half\s+each|(?<=about )equal(?:ly)?|(?<=roughly )equal(?:ly)?|(?<=approximately )equal(?:ly)?|"
    r"equal(?:ly)?\s+(?:split|shares?|weights?|likely|distributed|proportions?|frequency|mix)|(?:in\s+)?equal\s+(?:numbers|parts)|"
    r"even(?:ly)?\s+(?:split|spread|distributed|mix)|(?:split|distributed|spread)\s+(?:evenly|equally)|"
    r"uniformly(?:\s+distributed)?)\s*\)?\s*[.;]?\s*$", re.I)
# 'a, b, c — mostly a': a note after a spaced dash is the list's bracketed note.
DASH_NOTE_RE = re.compile(r"^(?P<list>[^—–()]*,[^—–()]*?)\s+(?:—|–|--?)\s+(?P<note>[^—–()]+?)\s*$")


def strip_list_notes(text: str) -> str:
    """Equal shares dropped (they are the default), a note after a spaced dash put in brackets."""
    text = EQUAL_SHARES_RE.sub("", text) if "," in text or " or " in text else text
    return DASH_NOTE_RE.sub(r"\g<list> (\g<note>)", text)


def read_plain_list(draft: FieldDraft, text: str) -> str:
    """Take a plain value list out of the rule first; a bracketed note after it stays for the other readers."""
    if draft.enum_items:
        return text
    text = strip_list_notes(text)
    amounts = read_amount_list(draft, text) or read_leading_pair(draft, text)
    if amounts is not None:
        return amounts
    if CODE_RANGE_RE.search(text):
        return text  # 'chr1 to chr22, chrX or chrY': a numbered run of codes, read by the code shape reader
    shared = read_share_after_list(draft, text)
    if shared is not None:
        return shared
    text = re.sub(r"^\s*\[(?P<b>[^\[\]]*)\]\s*$", r"(\g<b>)", text)  # '[GH1, GH2, GH3]' as a YAML list writes it
    flat = flatten_nested_notes(text)
    inner = re.fullmatch(r"\s*\((?P<body>[^()]*)\)\s*", flat)
    if inner:  # 'room type (single, double, suite (with sea view), family)'
        span = plain_list_span(inner["body"])
        if span == (0, len(inner["body"])):
            items = _items(inner["body"])
            if items and all(i.weight is None for i in items):
                draft.enum_items = items
                return " "
        return text
    span = plain_list_span(flat)
    if span is None:
        return text
    items = _items(flat[span[0]:span[1]])
    if not items or len(items) < 3 or any(i.weight is not None for i in items):
        return text
    draft.enum_items = items
    return (flat[:span[0]] + " " + flat[span[1]:]).strip() or " "


ORDERED_WEIGHTS_RE = re.compile(r"\s*\(?\s*(?P<w>\d+(?:\.\d+)?\s*%?(?:\s*[/|:]\s*\d+(?:\.\d+)?\s*%?)+)\s*\)?\s*[.;]?\s*")


def take_ordered_weights(items: list[ph.ListItem], text: str) -> tuple[list[ph.ListItem], str] | None:
    """'basic, plus, premium (60 / 30 / 10)': the list taken first, then one share per value in order."""
    m = ORDERED_WEIGHTS_RE.fullmatch(text)
    if m is None or any(i.weight is not None for i in items):
        return None
    weights = [float(w.strip(" %")) for w in re.split(r"\s*[/|:]\s*", m["w"])]
    if len(weights) != len(items) or not 99 <= sum(weights) <= 101:
        return None
    return [ph.ListItem(i.value, w) for i, w in zip(items, weights)], " "


# 'warning should be rare (about 5%)': the words between a value and its share say how common it is.
RARITY_WORDS_RE = re.compile(r"\s+(?:(?:should|must|will|would|shall|can)\s+be|is|are)\s+(?:quite\s+|very\s+|fairly\s+)?"
                             r"(?:rare|uncommon|common|frequent|unusual|occasional)\b\s*\(?", re.I)


def take_partial_weights(items: list[ph.ListItem], text: str) -> tuple[list[ph.ListItem], str] | None:
    """'free or pro (pro 25%)', 'normal, high, low, critical (critical about 2%)': shares given for some listed
    values; the others split what is left."""
    if len(items) < 2 or any(i.weight is not None for i in items):
        return None
    names = {str(i.value).lower(): i.value for i in items}
    given: dict[str, float] = {}
    text = re.sub(r"(?<=\d)\s*(?:pct|percent|per\s*cent)\b", "%", text, flags=re.I)  # 'card like 55 pct'
    text = RARITY_WORDS_RE.sub(" ", text)
    for m in re.finditer(r"(?P<v>[A-Za-z][\w' -]{0,30}?)\s*[:=]?\s*(?:(?:about|around|roughly|approximately|approx\.?|"
                         r"like|~)\s*)?"
                         r"(?P<w>\d+(?:\.\d+)?)\s*%", text):
        value = m["v"].strip().lower()
        if value in names:
            given[value] = float(m["w"])
            text = text.replace(m.group(0), " ", 1)
    for m in re.finditer(r"(?P<w>\d+(?:\.\d+)?)\s*%\s*(?:(?:are|is|of\s+(?:them|rows))\s+)?(?P<v>[A-Za-z][\w'.-]*(?:\s+[A-Za-z][\w'.-]*)?)",
                         text):  # 'pass or fail (about 95% pass)', '35% Booking.com'
        written = m["v"].rstrip(".")
        value = next((v for v in (written.lower(), written.split()[0].lower()) if v in names), None)
        if value and value not in given:
            given[value] = float(m["w"])
            text = text.replace(m.group(0), " ", 1)
    left = [k for k in names if k not in given]
    total = sum(given.values())
    if not given or (left and total >= 100) or (not left and not 99 <= total <= 101):
        return None  # shares for every value must add up: '50% direct, 35% Booking.com and 15% Expedia'
    share = round((100 - total) / len(left), 2) if left else 0.0
    return [ph.ListItem(i.value, given.get(str(i.value).lower(), share)) for i in items], text
