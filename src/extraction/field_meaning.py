"""What a column's label means: label words -> field type, value kind and default constraints.

Which kind a label names comes from the engine's table (src.engine.semantics.LABEL_MEANINGS); this
module adds what only extraction needs: how each kind behaves as a column (money, int, percent) and
its default ranges, categories, code patterns and entity prefixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from src.engine.semantics import LABEL_MEANINGS, best_phrase, find_phrases
from src.extraction.engine_meaning import THING, engine_thing_span, engine_wins
# Re-exported: the extractor reads labels with the engine's tokenizer.
from src.engine.semantics import singular as singular, tokenize as tokenize


@dataclass(frozen=True)
class Meaning:
    """A column kind: field type, how numbers behave ('money', 'int', 'float', 'percent'), defaults."""

    type: str
    kind: str = "text"
    constraints: dict[str, Any] = field(default_factory=dict)


def _m(type_: str, kind: str = "text", **constraints: Any) -> Meaning:
    return Meaning(type_, kind, constraints)


MONEY = "money"
INT = "int"
FLOAT = "float"
PERCENT = "percent"
ID = "id"
TEMPORAL = "temporal"

# How a kind of the engine's LABEL_MEANINGS behaves as a column ('text' when not listed).
KIND_DETAILS: dict[str, Meaning] = {
    "uuid": _m("uuid", ID), "code": _m("code", ID), "sequence": _m("sequence", ID),
    "email": _m("email", unique=True),
    "date_of_birth": _m("date_of_birth", TEMPORAL), "datetime": _m("datetime", TEMPORAL),
    "date": _m("date", TEMPORAL), "time": _m("time", TEMPORAL),
    "age": _m("age", INT, min_value=18, max_value=90),
    "latitude": _m("latitude", FLOAT), "longitude": _m("longitude", FLOAT),
    "decimal": _m("decimal", MONEY), "boolean": _m("boolean", "bool"),
}

# Rows whose defaults depend on the row, not just the kind; keyed by the row's first phrase.
ROW_DETAILS: dict[str, Meaning] = {
    "sku": _m("code", ID, pattern=r"SKU-[A-Z0-9]{8}"),
    "percentage": _m("float", PERCENT, min_value=0, max_value=100, decimals=1),
    "temperature": _m("float", FLOAT, min_value=-10, max_value=40, decimals=1),
    "pressure": _m("float", FLOAT, min_value=950, max_value=1050, decimals=1),
    "weight": _m("float", FLOAT, min_value=1, max_value=100, decimals=1),
    "height": _m("float", FLOAT, min_value=1, max_value=200, decimals=1),
    "distance": _m("float", FLOAT, min_value=0, max_value=1000, decimals=1),
    "speed": _m("float", FLOAT, min_value=0, max_value=120, decimals=1),
    "voltage": _m("float", FLOAT, min_value=0, max_value=100, decimals=2),
    "signal": _m("integer", INT, min_value=-100, max_value=-30),
    "heart rate": _m("integer", INT, min_value=50, max_value=120),
    "quantity": _m("integer", INT, min_value=1, max_value=100),
    "rating": _m("integer", INT, min_value=1, max_value=5),
    "score": _m("integer", INT, min_value=0, max_value=100),
    "year": _m("integer", INT, min_value=2000, max_value=2025),
    "month": _m("integer", INT, min_value=1, max_value=12),
}


def _meaning_of_row(spec: str, kind: str) -> Meaning:
    first_phrase = spec.split("|", 1)[0]
    return ROW_DETAILS.get(first_phrase) or KIND_DETAILS.get(kind) or Meaning(kind)


# The engine's table with this layer's defaults: label phrases -> meaning.
MEANING_TABLE: list[tuple[str, Meaning]] = [(spec, _meaning_of_row(spec, kind)) for spec, kind in LABEL_MEANINGS]

# Typical ranges for numeric columns given without one (money in the currency's main unit).
DEFAULT_RANGES: list[tuple[str, tuple[float, float]]] = [
    ("salary|annual salary|income|annual income|wage|wages|earnings|pay", (30000, 200000)),
    ("price|unit price|cost|unit cost|sale price|list price|msrp|cost price|fare", (1, 1000)),
    ("amount|payment|payment amount|transaction amount|total|total amount|order total|order value|"
     "invoice amount|charge|spend|spending|refund|refund amount|claim amount|value", (1, 5000)),
    ("balance|account balance", (0, 10000)),
    ("fee|fees|tip|tax|tax amount|shipping cost|shipping fee|discount amount", (0, 100)),
    ("revenue|sales|profit|budget|gross|net|earnings|market value|valuation|net worth", (1000, 1000000)),
    ("loan amount|principal|mortgage|credit limit|debt", (1000, 500000)),
    ("rent|premium|bonus|commission|donation|bid|deductible", (50, 5000)),
    ("quantity|qty|units|items|item count", (1, 10)),
    ("stock|stock level|inventory", (0, 1000)),
    ("visits|views|page views|clicks|impressions|likes|followers|downloads|installs|steps|calories|points|"
     "loyalty points|votes|bytes|bytes sent|size bytes", (0, 10000)),
    ("nights|rooms|bedrooms|bathrooms|floors|children|dependents|guests|seats|attempts|retries|errors",
     (0, 10)),
    ("employees|headcount", (1, 5000)),
    ("years of experience|experience|tenure", (0, 40)),
    ("response time|latency|processing time|load time|duration|elapsed time|wait time|delay", (1, 1000)),
    ("distance|mileage", (0, 500)),
    ("weight|mass", (1, 120)),
    ("height", (140, 200)),
    ("gpa", (0, 4)),
    ("bmi", (16, 40)),
    ("ph", (0, 14)),
    ("exchange rate", (0.5, 2)),
]

# Default categories for category-like labels given without a list of values.
DEFAULT_CATEGORIES: list[tuple[str, list[str]]] = [
    ("payment method|payment type|payment mode", ["credit card", "debit card", "paypal", "bank transfer"]),
    ("order status|shipping status|delivery status", ["pending", "shipped", "delivered", "cancelled"]),
    ("payment status|transaction status", ["pending", "completed", "failed"]),
    ("account status|user status|membership status|subscription status", ["active", "inactive", "suspended"]),
    ("status|state of", ["active", "inactive", "pending"]),
    ("priority|severity|urgency", ["low", "medium", "high", "critical"]),
    ("blood type|blood group", ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"]),
    ("marital status", ["single", "married", "divorced", "widowed"]),
    ("education|education level|highest degree|degree level", ["high school", "bachelor", "master", "phd"]),
    ("device|device type|platform", ["mobile", "desktop", "tablet"]),
    ("browser", ["Chrome", "Safari", "Firefox", "Edge"]),
    ("operating system|os", ["Windows", "macOS", "Linux", "iOS", "Android"]),
    ("channel|source|traffic source|acquisition channel", ["organic", "paid", "social", "email", "referral"]),
    ("plan|subscription plan|subscription tier|tier|membership tier|membership level|membership",
     ["free", "basic", "premium"]),
    ("shipping method|delivery method", ["standard", "express", "overnight"]),
    ("transaction type", ["deposit", "withdrawal", "transfer", "payment"]),
    ("type|kind|class", ["A", "B", "C"]),
    ("size", ["S", "M", "L", "XL"]),
    ("level|difficulty", ["beginner", "intermediate", "advanced"]),
    ("language", ["English", "Spanish", "French", "German", "Chinese"]),
    ("weekday|day of week|day of the week", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                             "Saturday", "Sunday"]),
    ("season", ["spring", "summer", "autumn", "winter"]),
    ("sentiment", ["positive", "neutral", "negative"]),
    ("role|user role", ["admin", "editor", "viewer"]),
    ("log level|severity level", ["DEBUG", "INFO", "WARNING", "ERROR"]),
    ("http method|method", ["GET", "POST", "PUT", "DELETE"]),
    ("http status|status code|response code", [200, 201, 301, 400, 404, 500]),
    ("event|event type|action|activity", ["view", "click", "purchase", "signup"]),
    ("cabin class|travel class|seat class|fare class", ["economy", "premium economy", "business", "first"]),
    ("room type", ["single", "double", "suite"]),
    ("vehicle type|car type", ["sedan", "suv", "truck", "hatchback"]),
    ("fuel type", ["petrol", "diesel", "electric", "hybrid"]),
    ("timezone|time zone|tz", ["UTC", "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Tokyo"]),
    ("continent", ["Europe", "Asia", "North America", "South America", "Africa", "Oceania"]),
    ("make|car make|vehicle make|manufacturer brand", ["Toyota", "Ford", "Honda", "BMW", "Volkswagen"]),
]

# Code patterns for well-known identifiers.
CODE_PATTERNS: list[tuple[str, str]] = [
    ("ssn|social security number|social security", r"\d{3}-\d{2}-\d{4}"),
    # Kept under 2**63 combinations: the engine cannot make wider patterns unique.
    ("vin|vehicle identification number", r"1HG[A-HJ-NPR-Z0-9]{8}\d{6}"),
    ("license plate|licence plate|plate number|registration number|number plate", r"[A-Z]{3}-\d{4}"),
    ("flight number|flight|flight no", r"[A-Z]{2}\d{3,4}"),
    ("isbn", r"978-\d{10}"),
    ("tracking number|tracking id|tracking code", r"1Z[A-Z0-9]{6}\d{8}"),
    ("seat|seat number", r"\d{1,2}[A-F]"),
    ("postal code uk", r"[A-Z]{2}\d{1,2} \d[A-Z]{2}"),
    ("swift|bic|swift code", r"[A-Z]{6}[A-Z0-9]{2}"),
    ("routing number", r"\d{9}"),
    ("npi", r"\d{10}"),
    ("mrn|medical record number", r"MRN-\d{8}"),
    ("stock ticker|ticker|symbol|ticker symbol", r"[A-Z]{3,4}"),
    ("hex color|hex code|color code", r"#[0-9A-F]{6}"),
    ("password|passcode|secret", r"[A-Za-z0-9]{12}"),
    ("zip4", r"\d{5}-\d{4}"),
]

# Short, readable prefixes for entity codes ('Order ID' -> 'ORD-\d{8}').
ENTITY_PREFIXES = {
    "order": "ORD", "transaction": "TXN", "invoice": "INV", "customer": "CUST", "user": "USR",
    "employee": "EMP", "product": "PRD", "sensor": "SENSOR", "device": "DEV", "patient": "PAT",
    "account": "ACC", "ticket": "TKT", "booking": "BKG", "reservation": "RES", "shipment": "SHP",
    "session": "SES", "payment": "PAY", "store": "STR", "item": "ITM", "event": "EVT",
    "claim": "CLM", "policy": "POL", "case": "CASE", "vehicle": "VEH", "flight": "FLT",
    "student": "STU", "course": "CRS", "driver": "DRV", "trip": "TRP", "ride": "RIDE", "request": "REQ",
    "merchant": "MER", "supplier": "SUP", "vendor": "VEN", "warehouse": "WH", "machine": "MCH",
    "meter": "MTR", "station": "STN", "campaign": "CMP", "lead": "LEAD", "contract": "CTR",
    "project": "PRJ", "task": "TASK", "issue": "ISS", "incident": "INC", "visit": "VIS", "message": "MSG",
    "loan": "LN", "card": "CRD", "asset": "AST", "subscription": "SUB", "review": "REV", "log": "LOG",
    "doctor": "DR", "appointment": "APT", "encounter": "ENC", "admission": "ADM", "member": "MBR",
}

STOP_TOKENS = {"the", "a", "an", "its", "their", "his", "her", "each", "every", "valid", "realistic",
               "random", "some", "unique"}


@dataclass(frozen=True)
class Classification:
    meaning: Meaning
    phrase: str
    start: int


def classify_tokens(tokens: list[str]) -> Classification | None:
    """The meaning of a label. English puts the head noun last, so the phrase ending latest wins,
    then the longest; 'customer email' is an email, 'account status' a status, 'unit price' a price.
    Ties go to the higher table (code patterns, then meanings, then categories), then the earlier row."""
    singular_tokens = [singular(t) for t in tokens]
    best: tuple[int, int, int, int] | None = None
    found: _IndexedPhrase | None = None
    for i in range(len(tokens)):
        for entry in _candidates(tokens[i], singular_tokens[i]):
            n = len(entry.words)
            if tokens[i:i + n] == entry.words or singular_tokens[i:i + n] == entry.words:
                key = (i + n, n, -entry.rank, -entry.order)
                if best is None or key > best:
                    best, found = key, entry
    thing = engine_thing_span(tokens)
    if thing is not None and (best is None or engine_wins(thing, best[0], best[1])):
        return Classification(Meaning("string", THING), thing[3], thing[0] - thing[1])
    if found is None or best is None:
        return None
    return Classification(found.make(), found.phrase, best[0] - best[1])


@dataclass(frozen=True)
class _IndexedPhrase:
    words: list[str]
    rank: int
    order: int
    phrase: str
    make: Any  # () -> Meaning: a fresh one for rows whose defaults a caller may change


def _build_phrase_index() -> dict[str, list[_IndexedPhrase]]:
    """The three label tables by each phrase's first word, so a label is read in one pass over its words."""
    rows: list[tuple[int, str, Any]] = [
        *((0, k, lambda p=p: Meaning("code", ID, {"pattern": p})) for k, p in CODE_PATTERNS),
        *((1, k, lambda m=m: m) for k, m in MEANING_TABLE),
        *((2, k, lambda v=v: Meaning("enum", "enum", {"enum_values": list(v)})) for k, v in DEFAULT_CATEGORIES),
    ]
    index: dict[str, list[_IndexedPhrase]] = {}
    for order, (rank, spec, make) in enumerate(rows):
        for phrase in spec.split("|"):
            words = phrase.split()
            if words:
                index.setdefault(words[0], []).append(_IndexedPhrase(words, rank, order, phrase, make))
    return index


_PHRASE_INDEX = _build_phrase_index()


def _candidates(token: str, singular_token: str) -> list[_IndexedPhrase]:
    found = _PHRASE_INDEX.get(token, [])
    if singular_token != token:
        found = found + _PHRASE_INDEX.get(singular_token, [])
    return found


def default_range(tokens: list[str]) -> tuple[float, float] | None:
    """A typical (min, max) for a numeric label given without a range."""
    found = best_phrase(find_phrases(tokens, DEFAULT_RANGES))
    return found[3] if found else None


def entity_prefix(entity: str) -> str:
    """'order' -> 'ORD'; unknown entities -> their first letters ('gateway' -> 'GATE')."""
    entity = singular(entity.lower())
    if entity in ENTITY_PREFIXES:
        return ENTITY_PREFIXES[entity]
    letters = re.sub(r"[^a-z]", "", entity).upper()
    return letters[:4] or "ID"


# ----------------------------------------------------------------------------- misspelt label words
MIN_FUZZY_LENGTH = 5  # shorter words stay exact: 'rate' never becomes 'date', 'wage' never 'age'
# Real words one edit from a table word: a label that says them means them ('contract no' is no 'contact').
KNOWN_WORDS = frozenset({
    "contract", "contest", "context", "content", "career", "carrier", "scale", "sales", "lease", "least", "crate",
    "grate", "grade", "trade", "trader", "tracer", "tracker", "filler", "folder", "holder", "header", "leader",
    "loader", "border", "boarder", "barrier", "batch", "match", "patch", "watch", "latch", "pitch", "tariff",
    "parcel", "partner", "painter", "planet", "plant", "pilot", "plot", "route", "router", "rooter", "sender",
    "tender", "render", "vendor", "lender", "lender", "founder", "funder", "hunter", "counter", "courier",
    "auction", "caution", "nation", "station", "portion", "potion", "lotion", "motion", "option", "notion", "fraction",
    "traction", "reaction", "faction", "session", "mission", "version", "cation", "ration", "rotation",
})


def _vocabulary() -> frozenset[str]:
    return frozenset(w for words in _PHRASE_INDEX.values() for entry in words for w in entry.words
                     if len(w) >= MIN_FUZZY_LENGTH and w.isalpha())


_VOCABULARY = _vocabulary()
_BY_FIRST_LETTER: dict[str, tuple[str, ...]] = {
    letter: tuple(sorted(w for w in _VOCABULARY if w[0] == letter)) for letter in {w[0] for w in _VOCABULARY}}


def correct_spelling(tokens: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Label tokens with misspelt words replaced by the meaning table's word one or two edits away
    ('catagory' -> 'category', 'emial' -> 'email'); returns the tokens and the (written, read) pairs."""
    out, fixes = [], []
    for token in tokens:
        fixed = _closest_word(token) or _swapped_short_word(token)
        out.append(fixed or token)
        if fixed:
            fixes.append((token, fixed))
    return out, fixes


@lru_cache(maxsize=8192)
def _closest_word(token: str) -> str | None:
    if len(token) < MIN_FUZZY_LENGTH or not token.isalpha() or token in _VOCABULARY or singular(token) in _VOCABULARY \
            or token in KNOWN_WORDS or singular(token) in KNOWN_WORDS:
        return None
    limit = 1 if len(token) < 9 else 2
    # a short word one letter off another ('stage'/'state') is a word of its own: only a dropped, added or
    # swapped letter counts as a typo there
    best = [w for w in _BY_FIRST_LETTER.get(token[0], ()) if abs(len(w) - len(token)) <= limit
            and _edit_distance(token, w, limit) <= limit
            and (len(token) >= 8 or len(w) != len(token) or sorted(w) == sorted(token))
            # two letters changed in place ('violation'/'vibration') make another word, not a typo
            and not (len(w) == len(token) and sorted(w) != sorted(token) and _edit_distance(token, w, limit) == 2)]
    if len(best) > 1:  # 'gendre': 'gender' (two letters swapped) rather than 'genre' (a letter added)
        best = [w for w in best if sorted(w) == sorted(token)]
    return best[0] if len(best) == 1 and not _is_inflection(token, best[0]) else None


# Four-letter words a label may swap two letters of ('ctiy', 'nmae'); any other edit of a short word makes
# another word ('rate'/'date', 'wage'/'age'), and these real words stay as written.
SHORT_REAL_WORDS = frozenset({"from", "form", "fro", "sale", "seal", "lien", "line", "slit", "silt", "tops", "spot",
                              "unit", "unti", "poin", "coin", "diet", "edit", "tide", "mate", "meat", "team"})
_SHORT_WORDS = frozenset(w for words in _PHRASE_INDEX.values() for entry in words for w in entry.words
                         if len(w) == 4 and w.isalpha())


@lru_cache(maxsize=4096)
def _swapped_short_word(token: str) -> str | None:
    """'ctiy' -> 'city', 'nmae' -> 'name': two neighbouring letters after the first swapped, nothing else."""
    if len(token) != 4 or not token.isalpha() or token in _SHORT_WORDS or token in SHORT_REAL_WORDS:
        return None
    found = {token[:i] + token[i + 1] + token[i] + token[i + 2:] for i in range(1, 3)} & _SHORT_WORDS
    return found.pop() if len(found) == 1 else None


INFLECTION_TAILS = {"", "s", "es", "d", "ed", "r", "er", "ers", "ing", "e", "y", "ies", "ion", "al"}


def _is_inflection(token: str, word: str) -> bool:
    """'borrowed'/'borrower', 'purchased'/'purchases', 'point'/'points': the same stem with another English
    ending is a different word, not a typo of the table's word."""
    stem = 0
    while stem < min(len(token), len(word)) and token[stem] == word[stem]:
        stem += 1
    return stem >= 4 and token[stem:] in INFLECTION_TAILS and word[stem:] in INFLECTION_TAILS


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two letters is one edit), cut off past ``limit``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
