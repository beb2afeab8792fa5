"""One column's text -> its label and the qualifier words after it -> a draft (``draft_fields``)."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import shapes as sh
from src.extraction.drafts import FieldDraft
from src.extraction.formula_operands import split_numbered_label
from src.extraction.fields_label_words import clean_label, label_meaning, label_words, meaning_tokens
from src.extraction.fields_qualifiers import QUALIFIER_READERS
from src.extraction.fields_type import choose_type
from src.extraction.fields_values import parse_value_list
from src.extraction.shapes import CODE_RANGE_RE


MAX_ITEM_CHARS = 400  # one column's description; bounds the time regexes take
# Words that end a label: what follows them qualifies the column.
LABEL_STOP_RE = re.compile(
    r"\s(?:between|from|in|within|over|during|ranging|range|up\s+to|at\s+least|at\s+most|for|only|if|"
    r"when|where|unless|after|before|since(?=\s+\d)|until|every|with|optional|nullable|e\.g\.|eg|i\.e\.|like|such\s+as|as|is|are|"
    r"never|appears?(?=\s+only)|exists?(?=\s+only)|"
    # 'tracking number present for ...', 'completed_at set only when ...': presence words before a condition
    r"(?:set|present|filled|populated|recorded|empty|blank|null)(?=\s+(?:only\s+)?(?:when|if|for|unless|on)\s)|cannot|can['’]t|can\s+not|may\s+not|(?:does|do|will|shall)\s+not|"
    r"doesn['’]t|don['’]t|won['’]t|shall|on(?=\s+or\s+(?:after|before)\b)|"
    r"should|must|which|that|being|having|containing|including|starting|under|below|above|max|min|equals?|exactly|"
    r"(?:a|an|one|two|three|four|five|six|seven|ten|twelve)(?=\s+(?:days?|weeks?|months?|years?)\s+"
    r"(?:after|before|later|from|following|prior))|"
    r"(?:built|made|derived|generated|constructed|composed|taken)(?=\s+(?:from|out\s+of|of|using))|"
    # a code's shape or a counter after its label: 'tag number consisting of ten digits', 'lot identified by LOT-',
    # 'request number of the form SR-...', 'batch number just counts up', 'lesson id uniq'
    r"consisting|comprising|(?:identified|denoted|prefixed)(?=\s+(?:by|with))|of(?=\s+(?:the\s+)?(?:form|format|shape|pattern)\b)|"
    r"(?:just\s+|simply\s+)?(?:counts?|goes|runs?)(?=\s+up\b)|(?:just\s+|simply\s+)?(?:increments?|increases?)(?=\s+(?:by|from))|"
    r"uniq(?:ue)?(?=\s*(?:$|[,;(]))|"
    r"maximum|minimum|no\s+more|less\s+than|more\s+than|greater\s+than|one\s+of|either|according|"
    r"following|using|normally|distributed|averaging|average|mean|median|"
    # a distribution's name ends the label: 'response time log-normal, median 120'
    r"(?:log[- ]?normal(?:ly)?|exponential(?:ly)?|gaussian|(?:(?:right|left|positively|negatively)[- ])?skewed|"
    r"long[- ]tail(?:ed)?|uniform(?:ly|(?=\s+(?:distributed|distribution|between|from|over|spread)|\s*(?:,|$))))"
    r"(?:\s*,)?|(?:last|past|next)\s+(?=\d|\w+\s+(?:days?|weeks?|months?|years?|hours?))|"
    r"(?:last|past|next)(?=\s+(?:day|week|fortnight|month|quarter|year|hour|decade)\b)|out\s+of(?=\s+\d)|"
    r"(?=[-−]?[$€£¥]?\d)|(?=[-−–]\s?\d)|~|,|;|=)(?=\s|$|\d|[$€£¥-])", re.I)
# 'from'/'to' closing the label of one of a pair of columns ('valid from', 'depth to'): what follows is a rule.
PAIR_END_RE = re.compile(r"\s*(?:from|to|until|till|through)(?=\s*(?:$|[(:=,;]|(?:in|after|before|between|within|on|during|"
                         r"is|are|must|should|shall|never|not|no)\b))", re.I)
PAIR_LABEL_RE = re.compile(r"^(?:valid|effective|depth|date|period|coverage|active|available|open|interval|range|"
                           r"[a-z]+(?:\s+[a-z]+)?\s+(?:date|time|depth|km|mile|point|stop))\s+(?:from|to|until|till|through)$",
                           re.I)
# One label that names several columns.
EXPANSIONS = {
    ("coordinates",): ["latitude", "longitude"], ("gps",): ["latitude", "longitude"],
    ("gps", "coordinates"): ["latitude", "longitude"], ("geo", "coordinates"): ["latitude", "longitude"],
    ("lat", "long"): ["latitude", "longitude"], ("lat", "lng"): ["latitude", "longitude"],
    ("location", "coordinates"): ["latitude", "longitude"], ("geolocation",): ["latitude", "longitude"],
    ("first", "last", "name"): ["first_name", "last_name"],
}


def label_of(item: str) -> tuple[str, str]:
    """Split an item into its label and the qualifying rest: 'Age between 18-80' -> ('Age', 'between 18-80')."""
    item = item.strip().strip(".").strip()
    item = re.sub(r"^([^():?]{1,60}?)\?(?=\s|$)", r"\1:", item)  # 'defaulted? yes/no': a question labels a flag
    colon = re.match(r"^([^():<>!≤≥]{1,60}?)\s*[:=]\s+(.*)$", item)  # 'passed if score >= 60': no label
    if colon and len(colon[1].split()) <= 6:
        condition = re.search(r"\s(?:only\s+)?(?:when|if|unless|where)\s", colon[1], re.I)
        if condition and condition.start() > 0:  # 'note only when status is open: call back, waiting, escalated'
            return colon[1][: condition.start()].strip(), f"{colon[1][condition.start():].strip()}: {colon[2].strip()}"
        return colon[1].strip(), colon[2].strip()
    dash = re.match(r"^([^()]{1,60}?)\s+(?:[-–—]{1,2})\s+(.*)$", item)
    if dash and len(dash[1].split()) <= 6 and not re.match(r"^[-−]?\d", dash[1]) \
            and not (re.search(r"\d\s*$", dash[1]) and re.match(r"[-−]?[$€£¥]?\d", dash[2])):  # 'points 0 - 100k'
        return dash[1].strip(), dash[2].strip()
    paren = item.find("(")
    head = item if paren < 0 else item[:paren]
    stop = LABEL_STOP_RE.search(" " + head)
    numbered = CODE_RANGE_RE.search(head)  # 'gate A1 to A30', 'locker L-01 through L-80'
    if numbered and numbered.start() > 0 and (stop is None or stop.start() > numbered.start()):
        return head[: numbered.start()].strip(), (head[numbered.start():] + " " + item[len(head):]).strip()
    shown = sh.split_shown_code(head)  # 'well id W-0001', 'hole id DH001-001, unique': the label, then its example
    if shown and (stop is None or stop.start() >= shown[1]):
        return head[: shown[1]].strip(), (head[shown[1]:] + " " + item[len(head):]).strip()
    first_word = re.match(r"\s*\S+", head)
    if stop and stop.start() == 0 and first_word and re.match(r"[A-Za-z]", head.strip()):
        # 'minimum level 20-200', 'max speed 0-180': the label opens with a rule word; its own rule comes later
        stop = LABEL_STOP_RE.search(" " + head, first_word.end() + 1)
    if stop and stop.start() > 0:
        cut_at = stop.start()
        pair_end = PAIR_END_RE.match(head[cut_at:])
        if pair_end:  # 'valid from in 2024', 'depth from (m): 0-600': 'from' ends the label of one of a pair
            cut_at += pair_end.end()
        label, rest = head[:cut_at].strip().rstrip(",;").strip(), (head[cut_at:] + " " + item[len(head):]).strip()
        found = fm.classify_tokens(fm.tokenize(label))
        if re.match(r"since\b", rest, re.I) and (found is None or found.meaning.kind != fm.TEMPORAL):
            label += " since"  # 'Active since 2020' names a date
        moved = weighted_list_start(label, rest)
        if moved:
            return moved
        listed = trailing_value_list(label) or trailing_code_list(label)
        if listed:  # 'customer type member or guest, with about 40% members': the values come before the rule
            return listed[0], f"{listed[1]}, {rest}"
        before, comma, after = re.split(r"([,;])", label, maxsplit=1) if re.search(r"[,;]", label) else (label, "", "")
        listed = comma and (trailing_value_list(before.strip()) or trailing_code_list(before.strip()))
        if listed:  # 'payment cash/card/app, card like 55%': the values, then the share of one of them
            return listed[0], f"{listed[1]}, {after.strip()} {rest}"
        return label, rest
    listed = trailing_value_list(head.strip()) or trailing_code_list(head.strip())
    if listed:
        return listed[0], (listed[1] + " " + item[len(head):]).strip()
    return head.strip(), item[len(head):].strip()


# 'status active or inactive', 'car class economy or compact or suv', 'condition sunny/cloudy/rainy':
# a label with its values written straight after it, no colon.
TRAILING_LIST_RE = re.compile(r"^(?P<label>\S.*?)\s+(?P<vals>[A-Za-z][\w'-]*(?:\s*(?:,\s*)?(?:\bor\b|/)\s*[A-Za-z][\w'-]*)+)$",
                              re.I)


def trailing_value_list(head: str) -> tuple[str, str] | None:
    m = TRAILING_LIST_RE.match(head)
    if not m or len(m["label"].split()) > 4:
        return None
    values = [v for v in re.split(r"\s*(?:,\s*)?(?:\bor\b|/)\s*", m["vals"], flags=re.I) if v]
    if len(values) == 2 and {v.lower() for v in values} in ({"yes", "no"}, {"true", "false"}, {"y", "n"}):
        return m["label"].strip(), m["vals"].strip()  # 'paid yes/no': a flag
    whole = fm.classify_tokens(fm.tokenize(head))
    if len(values) < 2 or (whole is not None and re.search(r"\s(?:or|/)\s", f" {whole.phrase} ")):
        return None  # 'date or time' names one column
    label_found = label_meaning(m["label"])
    enum_head = bool(ENUM_HEAD_RE.search(label_words(m["label"])))  # 'roast lvl', 'paymnt': abbreviated, misspelt
    if label_found is not None and label_found.meaning.type not in ("enum", "boolean") and not enum_head \
            and not (len(values) >= 3 or all(re.fullmatch(r"[A-Z0-9]{2,5}", v) for v in values)):
        return None  # 'contact email or phone' is not a list of values for 'contact'
    value_kinds = [fm.classify_tokens(fm.tokenize(v)) for v in values]
    names_columns = [k for k in value_kinds if k is not None and k.meaning.type != "boolean"]
    label_is_enum = label_found is not None or enum_head
    if enum_head:  # 'customer type member or guest': kinds of people are values of a type
        names_columns = [k for k in names_columns if k.meaning.type not in ("full_name", "first_name", "last_name")]
    if names_columns and not (label_is_enum and len(names_columns) < len(values)):
        return None  # 'user email or phone': columns, not values
    if not label_is_enum and len(values) < 3 and len(m["label"].split()) > 1:
        return None
    return m["label"].strip(), m["vals"].strip()


ENUM_HEAD_RE = re.compile(r"\b(?:status|state|stage|step|type|kind|class|category|tier|level|grade|condition|mode|method|"
                          r"channel|segment|plan|group|source|outcome|result|stage|phase|priority|severity|"
                          r"gender|sex|side|size|colou?r|role|region|species|breed|flavou?r|"
                          # a choice among kinds: 'payment cash or card', 'meal chicken/fish/veg', 'rsvp yes/no/maybe'
                          r"payment|handedness|meal|diet|fuel|rsvp|answer|response|decision|verdict|shift|format|style|"
                          r"genre|position|orientation|surface|weather)s?$", re.I)


# 'zone A, B, C or D', 'line L1, L2 or L3': a label followed by a list of short codes, no colon.
TRAILING_CODES_RE = re.compile(r"^(?P<label>[A-Za-z][\w ]*?[a-z])\s+(?P<vals>[A-Z][A-Z0-9]{0,2}(?:\s*(?:,|/)\s*(?:(?:or|and)\s+)?"
                               r"[A-Z][A-Z0-9]{0,2}|\s+(?:or|and)\s+[A-Z][A-Z0-9]{0,2})+)$")


def trailing_code_list(head: str) -> tuple[str, str] | None:
    m = TRAILING_CODES_RE.match(head)
    if not m or len(m["label"].split()) > 4:
        return None
    return m["label"].strip(), m["vals"].strip()


def weighted_list_start(label: str, rest: str) -> tuple[str, str] | None:
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


# 'Each ticket is assigned to one of 15 agents', 'orders are handled by one of 8 warehouses': the row's link to
# one of a pool of things is a column named by the thing.
ASSIGNED_POOL_RE = re.compile(
    r"^(?:(?:each|every|the|a|an)\s+)?[A-Za-z]+(?:\s+[A-Za-z]+)?\s+(?:is|are|gets?|goes|go)?\s*(?:assigned|allocated|"
    r"handled|served|routed|attached|linked|tied|given|sent|shipped|sold|owned|managed|taught|seen|treated|placed|booked|"
    r"recorded|made|logged)\s+(?:to|by|at|in|from|with|through|via)\s+(?P<pool>one\s+of\s+(?:the\s+|our\s+)?"
    r"(?P<n>\d[\d,]*)\s+(?P<w>[A-Za-z]+s)\b)(?P<rest>.*)$", re.I)


# 'country of issue, two letters': a shape in words qualifies the label before it, it names no column.
SHAPE_WORDS_RE = re.compile(r"(?:a\s+|an\s+)?(?:two|three|four|five|six|\d{1,2})[- ]?(?:letters?|digits?|characters?|chars?)"
                            r"(?:\s+\w+)?", re.I)


def draft_fields(item: str, warnings: list[str]) -> list[FieldDraft]:
    """Drafts for one item; 'First name and last name' or 'City, state, zip' give several."""
    assigned = ASSIGNED_POOL_RE.match(item.strip().rstrip("."))
    if assigned and fm.singular(assigned["w"].lower()) not in ("row", "record", "day", "hour", "minute"):
        item = f"{fm.singular(assigned['w'].lower())}: {assigned['pool']}{assigned['rest']}"
    label, rest = label_of(item[:MAX_ITEM_CHARS])
    expansion = EXPANSIONS.get(tuple(fm.tokenize(label))) or split_numbered_label(label)  # 'q1..q5 each 1-5'
    if expansion:
        return [draft_field(part.replace("_", " "), rest, warnings) for part in expansion]
    head, comma, tail = label.rpartition(",")
    if comma and SHAPE_WORDS_RE.fullmatch(tail.strip()):
        label, rest = head.strip(), f"{tail.strip()} {rest}".strip()
    parts = [p for p in re.split(r"\s*(?:,|/|\band\b|&|\+)\s*", label) if p.strip()]
    if len(parts) > 1 and not is_joined_phrase(label):
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


def draft_field(label: str, rest: str, warnings: list[str]) -> FieldDraft:
    """Read one column's label and qualifiers into a draft."""
    draft = start_draft(label, rest)
    correct_label_spelling(draft, warnings)
    text = re.sub(r"(?<![\w/])w/o(?![\w/])", "without", re.sub(r"(?<![\w/])w/(?=\s|[a-z])", "with ", rest, flags=re.I),
                  flags=re.I)  # 'w/ time', 'w/o tax': shorthand, not a slash list
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
    if after is None or (before is not None and len(after.phrase.split()) <= len(before.phrase.split())
                         and not (_ends_label(after, corrected) and not _ends_label(before, draft.tokens))):
        return  # 'Emial address' reads better as 'email address' than as an address; 'contact emial' is an email
    for written, read in fixes:
        draft.label = re.sub(rf"(?i)(?<![a-z]){re.escape(written)}(?![a-z])", read, draft.label)
        warnings.append(f"read '{written}' as '{read}'")
    draft.tokens = corrected


def _ends_label(found, tokens: list[str]) -> bool:
    """Whether the meaning's phrase is the label's last words, its head ('contact email': 'email')."""
    return found.start + len(found.phrase.split()) == len(tokens)


def start_draft(label: str, rest: str) -> FieldDraft:
    """A draft holding the cleaned label: no article, no 'unique', no trailing 'field' or 'of'."""
    label = re.sub(r"^(?:a|an|the|each|their|his|her|its)\s+", "", label.strip(), flags=re.I)
    label, said_unique = clean_label(label)
    draft = FieldDraft(label=label, description=describe(label, rest)[:300])
    if said_unique:
        draft.constraints["unique"] = True
    if re.match(r"^unique\s+", label, re.I):
        draft.constraints["unique"] = True
        label = re.sub(r"^unique\s+", "", label, flags=re.I)
    label = re.sub(r"\s+(?:field|column|col)s?$", "", label, flags=re.I) or label  # 'stock value' keeps its value
    if not PAIR_LABEL_RE.search(label):  # 'valid to', 'depth from' keep the word that pairs them
        label = re.sub(r"(?:\s+(?:of|with|for|to|and|or|the|a|an|in|from|between|having|goes|go|ranges|runs|varies|"
                       r"lies|sits|falls|spans))+$", "", label, flags=re.I) or label  # 'balance goes from 0 up to 1.5m'
    draft.label = label
    draft.tokens = meaning_tokens([PLURAL_ABBREVIATIONS.get(t, t) for t in fm.tokenize(label)])
    return draft


# Plurals the engine's singular() leaves alone (too short, or an abbreviation): 'Student IDs' names an id.
PLURAL_ABBREVIATIONS = {"ids": "id", "skus": "sku", "uuids": "uuid", "guids": "guid", "urls": "url", "ips": "ip"}


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


def is_joined_phrase(text: str) -> bool:
    """'date and time' names one column: its meaning phrase spans the 'and'."""
    tokens = fm.tokenize(label_of(text)[0])
    found = fm.classify_tokens(tokens)
    return found is not None and " and " in f" {found.phrase} "
