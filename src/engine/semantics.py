"""Meaning from names: label words -> the kind of a column.

LABEL_MEANINGS is the one table of what a name means, shared by the engine (the generator for a
generic `string` field) and the offline extractor (which adds defaults per kind). Each row lists the
label phrases it answers to; in a label the phrase ending latest wins (English puts the head noun
last: 'customer email' is an email, 'customer id' a code), then the longest, then the earlier row.
Numbers by meaning (the defaults of a numeric field without a range) are in numeric_meanings.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

# Label phrases (separated by '|') -> kind. Order matters only on ties.
LABEL_MEANINGS: tuple[tuple[str, str], ...] = (
    ("uuid|guid", "uuid"),
    ("id|identifier|ref|reference|reference number|reference code|confirmation number|"
     "confirmation code|order number|invoice number|booking reference|tracking number|ticket number|"
     "transaction number|serial number|record number|case number|claim number|policy number|"
     "booking number|reservation number|shipment number|po number|code|promo code|coupon code|"
     "discount code|voucher|voucher code|coupon|promo|license number|licence number|passport number|"
     "hash|token|api key|key",
     "code"),
    ("sku|product code|item code|part number|barcode|upc|ean", "code"),
    ("row number|index|row id|line number|sequence|seq", "sequence"),
    ("first name|given name|forename|firstname", "first_name"),
    ("last name|surname|family name|lastname", "last_name"),
    ("middle name", "first_name"),
    ("full name|name|person|fullname|customer|employee|patient|client|author|driver|passenger|guest|"
     "contact|owner|member|student|teacher|doctor|physician|nurse|agent|buyer|seller|applicant|"
     "candidate|recipient|sender|beneficiary|cardholder|holder|manager|supervisor|instructor|host|"
     "player|subscriber|technician|representative|rep|assignee|reporter|reviewer|speaker|artist|"
     "attendee|participant|volunteer|tenant|landlord|borrower|account holder|insured|user name full",
     "full_name"),
    ("username|user name|login|login name|handle|screen name|user handle", "username"),
    ("gender|sex", "gender"),
    ("date of birth|birth date|birthdate|birthday|dob|born", "date_of_birth"),
    ("age", "age"),
    ("email|email address|e mail|mail|email id", "email"),
    ("phone|phone number|telephone|mobile|cell|cell phone|mobile number|contact number|fax|msisdn|mdn|phone no|"
     "mobile no|caller number|callee number|dialled number|dialed number", "phone"),
    ("street|street address|address line|address line 1", "street_address"),
    ("address|home address|mailing address|shipping address|billing address|location address",
     "address"),
    ("city|city name|town name|town|municipality|origin city|destination city|location|place|origin|destination|hometown|"
     "birthplace|venue city",
     "city"),
    ("state|province|region|county|territory", "state"),
    ("zip|zip code|zipcode|postal|postal code|postcode|post code|pincode", "postal_code"),
    ("country|country of origin|country name", "country"),
    ("country code|iso country|country iso", "country_code"),
    ("latitude|lat", "latitude"),
    ("longitude|lng|lon|long", "longitude"),
    ("airport|airport code|iata|iata code|origin airport|destination airport|departure airport|"
     "arrival airport",
     "airport_code"),
    ("company|company name|employer|organization|organisation|business|business name|firm|merchant|"
     "merchant name|vendor|vendor name|supplier|supplier name|manufacturer|store|store name|"
     "shop|shop name|retailer|bank|bank name|publisher|agency|client company|"
     "institution|hospital|clinic|insurer|payee|payer|"
     "provider|insurance provider|insurance company|lender|broker|distributor|partner|sponsor|"
     "client company",
     "company"),
    ("job title|job|title job|occupation|position|job role|profession|designation", "job_title"),
    ("department|dept|division|team", "department"),
    ("product|product name|item|item name|article|product title|service|service name|model|course|"
     "menu item|dish",
     "product_name"),
    ("category|product category|item category|genre|segment|industry|sector", "product_category"),
    ("currency|currency code", "currency_code"),
    ("iban", "iban"),
    ("account number|account no|bank account|account|acct number|routing number", "account_number"),
    ("credit card|credit card number|card number|card|cc number|pan", "credit_card_number"),
    ("url|website|web site|link|homepage|web page|page url|landing page|profile url|image url|"
     "referrer|referrer url|uri",
     "url"),
    ("domain|domain name|hostname|host name", "domain"),
    ("ip|ip address|ipv4|ipv4 address|client ip|source ip|destination ip|server ip|remote ip", "ipv4"),
    ("ipv6|ipv6 address", "ipv6"),
    ("user agent|useragent|browser user agent|ua string", "user_agent"),
    ("mac|mac address", "mac_address"),
    ("description|comment|comments|note|notes|remark|remarks|message|summary|details|body|content|"
     "text|reason|explanation|memo|narrative|symptoms|diagnosis notes|bio|biography|about|"
     "cancellation reason|complaint|question|answer|response|instructions|purpose",
     "sentence"),
    ("review|review text|feedback|testimonial|customer review|product review|opinion", "review"),
    ("title|headline|subject|caption|tagline|slogan", "sentence"),
    ("paragraph|article body|essay|long description|story|post|blog post|cover letter|letter|"
     "statement|abstract|transcript|article|report",
     "paragraph"),
    ("color|colour", "color"),
    ("word|tag|tags|keyword|keywords|label", "word"),
    ("timestamp|datetime|date time|date and time|time stamp|created at|updated at|modified at|"
     "logged at|event time|occurred at|recorded at|login time|logout time|check in time|"
     "check out time|departure time|arrival time|start time|end time|pickup time|dropoff time|"
     "reading time|measurement time|sent at|received at|last login|last seen|last active|eta|"
     "estimated arrival|estimated delivery|estimated time of arrival",
     "datetime"),
    ("date|day|dt|expiry|expiry date|expiration|expiration date|valid until|expires|deadline|due date|"
     "anniversary",
     "date"),
    ("time|time of day|clock time", "time"),
    ("price|unit price|cost|unit cost|amount|total|total amount|subtotal|sub total|balance|"
     "account balance|salary|annual salary|income|annual income|revenue|fee|fees|fare|payment|"
     "payment amount|charge|spend|spending|budget|wage|wages|tax|tax amount|tip|discount amount|"
     "shipping cost|shipping fee|order total|order value|value|profit|loss|net worth|premium|"
     "deductible|rent|mortgage|loan amount|principal|credit limit|bonus|commission|refund|"
     "refund amount|donation|bid|sales|transaction amount|invoice amount|cost price|sale price|"
     "list price|msrp|market value|valuation|earnings|debt|claim amount|gross|net|pay",
     "decimal"),
    ("percentage|percent|pct|completion|completion percentage|rate|ratio|probability|humidity|battery|"
     "battery level|charge level|progress|utilization|utilisation|cpu usage|memory usage|disk usage|"
     "cpu|occupancy|conversion rate|click through rate|ctr|churn rate|bounce rate|interest rate|"
     "discount rate|discount|tax rate|growth rate|margin|accuracy|confidence|efficiency|"
     "attendance rate|load|saturation|oxygen saturation|spo2",
     "float"),
    ("temperature|temp", "float"),
    ("pressure|air pressure|barometric pressure", "float"),
    ("weight|mass", "float"),
    ("height|length|width|depth|size|thickness|diameter|radius|elevation|altitude", "float"),
    ("distance|mileage|range", "float"),
    ("speed|velocity|wind speed", "float"),
    ("voltage|current|power|energy|consumption|energy consumption|power consumption|usage|flow|"
     "flow rate|ph|concentration|measurement|bmi|gpa|latency|response time|duration|processing time|"
     "load time|elapsed time|wait time|lead time|delay|uptime|downtime|co2|noise|vibration|lux|light|"
     "rainfall|precipitation|area|square feet|sqft|score value|weight kg|height cm|exchange rate|"
     "yield|cholesterol|glucose|blood sugar|blood pressure",
     "float"),
    ("signal|signal strength|rssi|dbm", "integer"),
    ("wind direction|wind dir|wind bearing|wind direction deg|wind dir deg|wind deg|wind direction degrees|wind direction degree|wind degrees|heading|bearing|compass bearing",
     "integer"),
    ("heart rate|pulse|bpm|resting heart rate", "integer"),
    ("quantity|qty|count|number|units|unit count|items|item count|stock|stock level|inventory|visits|"
     "views|page views|clicks|impressions|likes|shares count|followers|following|downloads|installs|"
     "sessions|steps|nights|rooms|bedrooms|bathrooms|floors|seats|guests|passengers count|employees|"
     "headcount|children|dependents|attempts|retries|errors|orders|purchases|logins|calories|pages|"
     "votes|points|volume|trading volume|loyalty points|credits|tickets|beds|doors|cylinders|"
     "year built|tenure|experience|years of experience|years|months|days|hours|minutes|seconds|week|"
     "floor|room|room number|seat number|version|priority level|port|rank|position number",
     "integer"),
    ("rating|stars|star rating|satisfaction|nps|review score", "integer"),
    ("score|grade|mark|marks|test score|exam score|credit score", "integer"),
    ("year|model year|fiscal year|vintage", "integer"),
    ("month", "integer"),
    ("flag|is active|active|enabled|verified|is verified|subscribed|opted in|opt in|newsletter|"
     "is fraud|fraud|fraudulent|is fraudulent|churned|has children|premium member|is premium|married|"
     "smoker|is smoker|deleted|is deleted|archived|approved|is approved|completed flag|is paid|"
     "returned|is returned|vip|is vip|insured flag|remote|is remote|online flag|delayed|is delayed|"
     "cancelled flag|flagged|is flagged|refunded flag|has discount|discounted|in stock|available|"
     "is available",
     "boolean"),
)

# Kinds a generic `string` field takes from its name; a name meaning a number or a code stays a string.
STRING_KINDS = frozenset({
    "uuid", "full_name", "first_name", "last_name", "username", "gender", "email", "phone",
    "street_address", "address", "city", "state", "postal_code", "country", "country_code", "airport_code",
    "company", "job_title", "department", "product_name", "product_category", "currency_code", "iban",
    "account_number", "credit_card_number", "url", "domain", "ipv4", "ipv6", "user_agent", "mac_address",
    "word", "sentence", "paragraph", "review", "color", "date_of_birth", "date", "datetime", "time",
})

# A label phrase found in tokens: (end position, phrase length, -table rank, table value, phrase).
PhraseMatch = tuple[int, int, int, Any, str]

# Words that end a description's first noun phrase: 'City of residence', 'Name the user logs in with'.
_CLAUSE_BREAKS = {"of", "for", "where", "when", "which", "who", "whose", "that", "in", "at", "on", "by",
                  "from", "with", "to", "as", "is", "was", "the", "a", "an"}


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens: "Customer's E-mail" -> ['customer', 'e', 'mail'], 'orderDate' -> ['order', 'date'].

    Only words of five or more characters split at camelCase, so 'pH', 'SpO2' and 'iOS' stay whole.
    """
    text = re.sub(r"[A-Za-z0-9]{5,}", lambda m: re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", m.group(0)), text or "")
    text = text.replace("'s ", " ").replace("’s ", " ")
    return [t for t in re.split(r"[^a-z0-9]+", text.lower()) if t]


def singular(token: str) -> str:
    """A rough singular: 'payments' -> 'payment', 'categories' -> 'category', 'status' stays."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 4 and token.endswith(("sses", "xes", "ches", "shes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is", "os")):
        return token[:-1]
    return token


def find_phrases(tokens: list[str], table: Iterable[tuple[str, Any]], rank: int = 0) -> Iterator[PhraseMatch]:
    """Yield a PhraseMatch for each phrase of ``table`` found in ``tokens``, in table order.

    ``table`` rows are ('phrase|phrase', value); a phrase matches the tokens as written or singular.
    """
    index = _phrase_index(table if isinstance(table, tuple) else tuple(table))
    singular_tokens = [singular(t) for t in tokens]
    found = []
    for i, (token, single) in enumerate(zip(tokens, singular_tokens)):
        candidates = index.get(token, []) + (index.get(single, []) if single != token else [])
        for order, words, value, phrase in candidates:
            n = len(words)
            if tokens[i:i + n] == words or singular_tokens[i:i + n] == words:
                found.append((order, i, (i + n, n, -rank, value, phrase)))
    found.sort(key=lambda f: f[:2])
    for *_, match in found:
        yield match


_PHRASE_INDEXES: dict[tuple, dict[str, list]] = {}


def _phrase_index(table: tuple) -> dict[str, list]:
    """First word -> (table order, words, value, phrase) of each phrase starting with it, built once per table."""
    key: tuple | None = table
    try:
        index = _PHRASE_INDEXES.get(table)
    except TypeError:  # a table of unhashable values is indexed afresh
        index, key = None, None
    if index is None:
        index = {}
        order = 0
        for spec, value in table:
            for phrase in spec.split("|"):
                words = phrase.split()
                if words:
                    index.setdefault(words[0], []).append((order, words, value, phrase))
                order += 1
        if key is not None:
            if len(_PHRASE_INDEXES) > 64:
                _PHRASE_INDEXES.clear()
            _PHRASE_INDEXES[key] = index
    return index


def best_phrase(candidates: Iterable[PhraseMatch]) -> PhraseMatch | None:
    """The winning match: ending latest, then longest, then from the higher-ranked table or earlier row."""
    return max(candidates, key=lambda c: c[:3], default=None)


def _best_meaning(tokens: list[str]) -> PhraseMatch | None:
    """The winning phrase over the type table and the names-of-things table (the type table wins ties)."""
    return _best_meaning_of(tuple(tokens))


@lru_cache(maxsize=4096)
def _best_meaning_of(tokens: tuple[str, ...]) -> PhraseMatch | None:
    from src.engine.data.things import label_table

    words = list(tokens)
    found = [*find_phrases(words, LABEL_MEANINGS), *find_phrases(words, label_table(), rank=1)]
    best = best_phrase(found)
    if best is not None and best[4] == "name" and best[1] == 1:
        # 'department name', 'category name': the name of the thing the word before names, not a person's
        before = best_phrase(m for m in found if m[0] == best[0] - 1)
        if before is not None and before[3] not in PERSON_KINDS:
            return before
    return best


PERSON_KINDS = frozenset({"full_name", "first_name", "last_name", "username"})


def classify_name(tokens: list[str]) -> str | None:
    """The kind a label's tokens name: ['customer', 'email'] -> 'email', ['login', 'time'] -> 'datetime'.

    A name of a thing ('pet_name', 'breed', 'vin') is a 'string' (see classify_thing for which).
    """
    found = _best_meaning(tokens)
    if found is None:
        return None
    return "string" if found[2] == -1 else found[3]


def classify_thing(tokens: list[str]) -> str | None:
    """The name of a thing a label's tokens name ('pet_name' -> 'pet_name', 'dog_breed' -> 'dog_breed')."""
    found = _best_meaning(tokens)
    if found is not None and found[2] == 0 and found[3] == "code":
        return "short_code"  # a `string` named like a code ('code', 'item_code') gets the shape of one
    return found[3] if found and found[2] == -1 else None


def description_head(description: str) -> list[str]:
    """A description's first noun phrase: its words up to the first clause break ('of', 'for', ...)."""
    words = tokenize(description)
    head = next((i for i, w in enumerate(words) if i and w in _CLAUSE_BREAKS), len(words))
    return words[:head]


# A bare 'name' or 'title' says only that the column names something; its description says what.
_BARE_NAMES = {("name",), ("title",), ("label",)}


def _label_tokens(name: str, description: str) -> list[str]:
    tokens = tokenize(name)
    if tuple(tokens) in _BARE_NAMES and description:
        head = description_head(description)
        found = _best_meaning(head) if len(head) > 1 else None
        # 'the user's name' is still a person's name, not a username or an email
        if found is not None and found[3] not in PERSON_KINDS | {"email", "phone"}:
            return head
    return tokens


def infer_string_kind(name: str, description: str = "") -> str | None:
    """The generator for a `string` field, from its name first, then its description's first noun phrase."""
    kind = classify_name(_label_tokens(name, description))
    if kind is None:
        kind = classify_name(description_head(description))
    return kind if kind in STRING_KINDS else None


def infer_thing(name: str, description: str = "") -> str | None:
    """The name of a thing a `string` field holds (see src/engine/data/things.py), or None."""
    tokens = _label_tokens(name, description)
    if _best_meaning(tokens) is not None:
        return classify_thing(tokens)
    return classify_thing(description_head(description))
