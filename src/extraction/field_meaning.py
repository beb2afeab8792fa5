"""What a column's label means: label words -> field type, value kind and default constraints.

The table is data: each row lists the label phrases it answers to ('unit price', 'price') and what
such a column is. The longest phrase found in a label wins, so 'unit price' beats 'price' and
'product name' beats 'name'; on a tie the earlier row wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


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

# Label phrases (separated by '|') -> meaning. Order matters only on ties of phrase length.
MEANING_TABLE: list[tuple[str, Meaning]] = [
    # identifiers
    ("uuid|guid", _m("uuid", ID)),
    ("id|identifier|ref|reference|reference number|reference code|confirmation number|"
     "confirmation code|order number|invoice number|booking reference|tracking number|ticket number|"
     "transaction number|serial number|record number|case number|claim number|policy number|"
     "booking number|reservation number|shipment number|po number|code|promo code|coupon code|discount code|"
     "voucher|voucher code|coupon|promo|license number|licence number|passport number|hash|token|"
     "api key|key", _m("code", ID)),
    ("sku|product code|item code|part number|barcode|upc|ean", _m("code", ID, pattern=r"SKU-[A-Z0-9]{8}")),
    ("row number|index|row id|line number|sequence|seq", _m("sequence", ID)),
    # person
    ("first name|given name|forename|firstname", _m("first_name")),
    ("last name|surname|family name|lastname", _m("last_name")),
    ("middle name", _m("first_name")),
    ("full name|name|person|fullname|customer|employee|patient|client|author|driver|passenger|guest|"
     "contact|owner|member|student|teacher|doctor|physician|nurse|agent|buyer|seller|applicant|"
     "candidate|recipient|sender|beneficiary|cardholder|holder|manager|supervisor|instructor|host|"
     "player|subscriber|technician|representative|rep|assignee|reporter|reviewer|speaker|artist|"
     "attendee|participant|volunteer|tenant|landlord|borrower|account holder|insured|user name full",
     _m("full_name")),
    ("username|user name|login|handle|screen name|nickname|user handle", _m("username")),
    ("gender|sex", _m("gender")),
    ("date of birth|birth date|birthdate|birthday|dob|born", _m("date_of_birth", TEMPORAL)),
    ("age", _m("age", INT, min_value=18, max_value=90)),
    # contact
    ("email|email address|e mail|mail|email id", _m("email", unique=True)),
    ("phone|phone number|telephone|mobile|cell|cell phone|mobile number|contact number|fax", _m("phone")),
    # address
    ("street|street address|address line|address line 1", _m("street_address")),
    ("address|home address|mailing address|shipping address|billing address|location address",
     _m("address")),
    ("city|town|municipality|origin city|destination city|location|place|origin|destination|"
     "hometown|birthplace|venue city", _m("city")),
    ("state|province|region|county|territory", _m("state")),
    ("zip|zip code|zipcode|postal code|postcode|post code|pincode", _m("postal_code")),
    ("country|nationality|country of origin|country name", _m("country")),
    ("country code|iso country|country iso", _m("country_code")),
    ("latitude|lat", _m("latitude", FLOAT)),
    ("longitude|lng|lon|long", _m("longitude", FLOAT)),
    ("airport|airport code|iata|iata code|origin airport|destination airport|departure airport|"
     "arrival airport", _m("airport_code")),
    # company / commerce
    ("company|company name|employer|organization|organisation|business|business name|firm|merchant|"
     "merchant name|vendor|vendor name|supplier|supplier name|brand|manufacturer|store|store name|"
     "shop|shop name|retailer|carrier|airline|bank|bank name|publisher|agency|client company|"
     "institution|hospital|clinic|school|university|restaurant|hotel|hotel name|insurer|payee|payer|"
     "provider|insurance provider|insurance company|lender|broker|distributor|partner|sponsor|client company",
     _m("company")),
    ("job title|job|title job|occupation|position|job role|profession|designation", _m("job_title")),
    ("department|dept|division|team", _m("department")),
    ("product|product name|item|item name|article|product title|service|service name|model|course|"
     "course name|menu item|dish|book title|drug|medication|medicine", _m("product_name")),
    ("category|product category|item category|genre|segment|industry|sector", _m("product_category")),
    ("currency|currency code", _m("currency_code")),
    # finance
    ("iban", _m("iban")),
    ("account number|account no|bank account|account|acct number|routing number", _m("account_number")),
    ("credit card|credit card number|card number|card|cc number|pan", _m("credit_card_number")),
    # internet
    ("url|website|web site|link|homepage|web page|page url|landing page|profile url|image url|"
     "referrer|referrer url|uri", _m("url")),
    ("domain|domain name|hostname|host name", _m("domain")),
    ("ip|ip address|ipv4|ipv4 address|client ip|source ip|destination ip|server ip|remote ip",
     _m("ipv4")),
    ("ipv6|ipv6 address", _m("ipv6")),
    ("user agent|useragent|browser user agent|ua string", _m("user_agent")),
    ("mac|mac address", _m("mac_address")),
    # text
    ("description|comment|comments|note|notes|remark|remarks|message|summary|details|body|content|"
     "text|reason|explanation|memo|narrative|symptoms|diagnosis notes|bio|biography|about|"
     "cancellation reason|complaint|question|answer|response|instructions|purpose", _m("sentence")),
    ("review|review text|feedback|testimonial|customer review|product review|opinion", _m("review")),
    ("title|headline|subject|caption|tagline|slogan", _m("sentence")),
    ("paragraph|article body|essay|long description|story|post|blog post|cover letter|letter|statement|"
     "abstract|transcript|article|report", _m("paragraph")),
    ("color|colour", _m("color")),
    ("word|tag|tags|keyword|keywords|label|hashtag", _m("word")),
    # time
    ("timestamp|datetime|date time|date and time|time stamp|created at|updated at|modified at|"
     "logged at|event time|occurred at|recorded at|login time|logout time|check in time|"
     "check out time|departure time|arrival time|start time|end time|pickup time|dropoff time|"
     "reading time|measurement time|sent at|received at|last login|last seen|last active|eta|"
     "estimated arrival|estimated delivery|estimated time of arrival",
     _m("datetime", TEMPORAL)),
    ("date|day|dt|expiry|expiry date|expiration|expiration date|valid until|expires|deadline|"
     "due date|anniversary", _m("date", TEMPORAL)),
    ("time|time of day|clock time", _m("time", TEMPORAL)),
    # numbers: money
    ("price|unit price|cost|unit cost|amount|total|total amount|subtotal|sub total|balance|"
     "account balance|salary|annual salary|income|annual income|revenue|fee|fees|fare|payment|"
     "payment amount|charge|spend|spending|budget|wage|wages|tax|tax amount|tip|discount amount|"
     "shipping cost|shipping fee|order total|order value|value|profit|loss|net worth|premium|"
     "deductible|rent|mortgage|loan amount|principal|credit limit|bonus|commission|refund|"
     "refund amount|donation|bid|sales|transaction amount|invoice amount|cost price|sale price|"
     "list price|msrp|market value|valuation|earnings|debt|claim amount|gross|net|pay",
     _m("decimal", MONEY)),
    # numbers: percentages and measurements (floats)
    ("percentage|percent|pct|completion|completion percentage|rate|ratio|probability|"
     "humidity|battery|battery level|charge level|progress|utilization|utilisation|cpu usage|"
     "memory usage|disk usage|cpu|occupancy|conversion rate|click through rate|ctr|churn rate|"
     "bounce rate|interest rate|discount rate|discount|tax rate|growth rate|margin|accuracy|"
     "confidence|efficiency|attendance rate|load|saturation|oxygen saturation|spo2",
     _m("float", PERCENT, min_value=0, max_value=100, decimals=1)),
    ("temperature|temp", _m("float", FLOAT, min_value=-10, max_value=40, decimals=1)),
    ("pressure|air pressure|barometric pressure", _m("float", FLOAT, min_value=950, max_value=1050,
                                                       decimals=1)),
    ("weight|mass", _m("float", FLOAT, min_value=1, max_value=100, decimals=1)),
    ("height|length|width|depth|size|thickness|diameter|radius|elevation|altitude",
     _m("float", FLOAT, min_value=1, max_value=200, decimals=1)),
    ("distance|mileage|range", _m("float", FLOAT, min_value=0, max_value=1000, decimals=1)),
    ("speed|velocity|wind speed", _m("float", FLOAT, min_value=0, max_value=120, decimals=1)),
    ("voltage|current|power|energy|consumption|energy consumption|power consumption|usage|"
     "flow|flow rate|ph|concentration|measurement|bmi|gpa|"
     "latency|response time|duration|processing time|load time|elapsed time|wait time|"
     "lead time|delay|uptime|downtime|co2|noise|vibration|lux|light|rainfall|precipitation|"
     "area|square feet|sqft|score value|weight kg|height cm|exchange rate|yield|"
     "cholesterol|glucose|blood sugar|blood pressure",
     _m("float", FLOAT, min_value=0, max_value=100, decimals=2)),
    ("signal|signal strength|rssi|dbm", _m("integer", INT, min_value=-100, max_value=-30)),
    ("heart rate|pulse|bpm|resting heart rate", _m("integer", INT, min_value=50, max_value=120)),
    # numbers: counts and small integers
    ("quantity|qty|count|number|units|unit count|items|item count|stock|stock level|inventory|"
     "visits|views|page views|clicks|impressions|likes|shares count|followers|following|downloads|"
     "installs|sessions|steps|nights|rooms|bedrooms|bathrooms|floors|seats|guests|passengers count|"
     "employees|headcount|children|dependents|attempts|retries|errors|orders|purchases|logins|"
     "calories|pages|votes|points|volume|trading volume|loyalty points|credits|tickets|beds|doors|cylinders|year built|"
     "tenure|experience|years of experience|years|months|days|hours|minutes|seconds|"
     "week|floor|room|room number|seat number|version|priority level|port|rank|position number",
     _m("integer", INT, min_value=1, max_value=100)),
    ("rating|stars|star rating|satisfaction|nps|review score", _m("integer", INT, min_value=1, max_value=5)),
    ("score|grade|mark|marks|test score|exam score|credit score", _m("integer", INT, min_value=0,
                                                                      max_value=100)),
    ("year|model year|fiscal year", _m("integer", INT, min_value=2000, max_value=2025)),
    ("month", _m("integer", INT, min_value=1, max_value=12)),
    # booleans
    ("flag|is active|active|enabled|verified|is verified|subscribed|opted in|opt in|newsletter|"
     "is fraud|fraud|fraudulent|is fraudulent|churned|has children|premium member|is premium|"
     "married|smoker|is smoker|deleted|is deleted|archived|approved|is approved|completed flag|"
     "is paid|returned|is returned|vip|is vip|insured flag|remote|is remote|online flag|delayed|is delayed|"
     "cancelled flag|flagged|is flagged|refunded flag|has discount|discounted|in stock|available|is available",
     _m("boolean", "bool")),
]

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


def tokenize(label: str) -> list[str]:
    """Lower-case word tokens of a label: "Customer's E-mail" -> ['customer', 'e', 'mail']."""
    label = re.sub(r"[A-Za-z0-9]{5,}", lambda m: re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", m.group(0)), label)
    label = label.replace("'s ", " ").replace("’s ", " ")
    return [t for t in re.split(r"[^a-z0-9]+", label.lower()) if t]


def singular(token: str) -> str:
    """A rough singular: 'payments' -> 'payment', 'categories' -> 'category', 'status' stays."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 4 and token.endswith(("sses", "xes", "ches", "shes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is", "os")):
        return token[:-1]
    return token


def _phrases(spec: str) -> list[list[str]]:
    return [p.split() for p in spec.split("|")]


def _matches(tokens: list[str], table: list[tuple[str, Any]], rank: int):
    """Yield (end position, phrase length, -rank, value, phrase) for each phrase of the table in tokens."""
    singular_tokens = [singular(t) for t in tokens]
    for spec, value in table:
        for phrase in _phrases(spec):
            n = len(phrase)
            for i in range(len(tokens) - n + 1):
                if tokens[i:i + n] == phrase or singular_tokens[i:i + n] == phrase:
                    yield (i + n, n, -rank, value, " ".join(phrase))


@dataclass(frozen=True)
class Classification:
    meaning: Meaning
    phrase: str
    start: int


def classify_tokens(tokens: list[str]) -> Classification | None:
    """The meaning of a label. English puts the head noun last, so the phrase ending latest wins,
    then the longest; 'customer email' is an email, 'account status' a status, 'unit price' a price."""
    candidates = list(_matches(tokens, [(k, Meaning("code", ID, {"pattern": p})) for k, p in CODE_PATTERNS], 0))
    candidates += _matches(tokens, MEANING_TABLE, 1)
    candidates += _matches(tokens, [(k, Meaning("enum", "enum", {"enum_values": list(v)}))
                                    for k, v in DEFAULT_CATEGORIES], 2)
    if not candidates:
        return None
    end, length, _, meaning, phrase = max(candidates, key=lambda c: c[:3])
    return Classification(meaning, phrase, end - length)


def default_range(tokens: list[str]) -> tuple[float, float] | None:
    """A typical (min, max) for a numeric label given without a range."""
    candidates = list(_matches(tokens, DEFAULT_RANGES, 0))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[:3])[3]


def entity_prefix(entity: str) -> str:
    """'order' -> 'ORD'; unknown entities -> their first letters ('gateway' -> 'GATE')."""
    entity = singular(entity.lower())
    if entity in ENTITY_PREFIXES:
        return ENTITY_PREFIXES[entity]
    letters = re.sub(r"[^a-z]", "", entity).upper()
    return letters[:4] or "ID"
