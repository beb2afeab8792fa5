"""Offline extraction end to end: description -> schema -> engine rows, checked value by value."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter


from src.engine import compile_schema
from src.extraction.offline import extract_offline


ROWS = 500
NOW = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

# The brief's five example descriptions, copied so the tests stand alone.
CUSTOMERS = """Generate 1000 customer records with:
- Full name
- Email address (valid format)
- Phone number (US format)
- Age between 18-80
- Registration date from the last 2 years
- Account status (active, inactive, suspended)
- Account balance between $0-10000"""

ORDERS = """Generate 5000 e-commerce orders with:
- Order ID
- Customer name
- Product name
- Quantity (1-10)
- Unit price ($10-500)
- Total amount (calculated)
- Order date (last 90 days)
- Status (pending, shipped, delivered, cancelled)
- Payment method (credit card, debit card, PayPal, crypto)"""

USER_PROFILES = """Create 10000 user profiles with:
- User ID (UUID)
- Username (unique, 5-20 characters)
- Email (valid format)
- First name and last name
- Date of birth (ages 18-80)
- Country (realistic distribution)
- Joined date (last 3 years)
- Account status (active, inactive, banned)
- Profile completion percentage (0-100)"""

IOT_SENSORS = """Generate 50000 IoT sensor readings with:
- Sensor ID (from 100 sensors)
- Timestamp (last 7 days, every 5 minutes)
- Temperature (-20 to 50 Celsius)
- Humidity (0-100%)
- Pressure (900-1100 hPa)
- Battery level (0-100%)
- Signal strength (RSSI: -100 to -30)
- Status (online, offline, error)"""

TRANSACTIONS = """Create 20000 financial transactions with:
- Transaction ID
- Account number
- Transaction type (deposit, withdrawal, transfer, payment)
- Amount ($1-10000)
- Currency (USD, EUR, GBP, JPY)
- Date and time (last 6 months)
- Merchant name (for payments)
- Status (pending, completed, failed, reversed)
- Description"""


def generate(text: str, rows: int = ROWS) -> tuple[dict[str, list], object]:
    result = extract_offline(text)
    batch = compile_schema(result.schema).generate_chunk(0, rows)
    return batch.to_pydict(), result


def column(table: dict[str, list], *words: str) -> list:
    """The column whose name holds all the words (shortest name wins)."""
    names = [n for n in table if all(w in n.split("_") for w in words)]
    assert names, f"no column with {words} in {list(table)}"
    return table[min(names, key=len)]


def as_datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime(value.year, value.month, value.day)


def assert_no_nulls(values: list) -> None:
    assert all(v is not None for v in values)


def assert_between(values: list, low: float, high: float, *, spread: float = 0.3) -> None:
    assert_no_nulls(values)
    assert min(values) >= low and max(values) <= high, (min(values), max(values))
    assert max(values) - min(values) >= spread * (high - low), "values bunch up in a corner of the range"


def assert_within_days(values: list, days_back: float, days_ahead: float = 0) -> None:
    assert_no_nulls(values)
    moments = [as_datetime(v) for v in values]
    assert min(moments) >= NOW - dt.timedelta(days=days_back + 1)
    assert max(moments) <= NOW + dt.timedelta(days=days_ahead + 1)


def assert_at_most_decimals(values: list, decimals: int) -> None:
    assert all(abs(round(v, decimals) - v) < 1e-9 for v in values if v is not None)


def assert_categories(values: list, allowed: set[str]) -> None:
    assert_no_nulls(values)
    seen = {str(v) for v in values}
    assert seen <= allowed, seen - allowed
    assert len(seen) >= min(2, len(allowed))


def is_person_name(value: str) -> bool:
    words = value.split()
    return len(words) >= 2 and all(re.fullmatch(r"[A-Z][A-Za-z'.\-]*", w) for w in words)


# ----------------------------------------------------------------------------- the five examples


def test_customers_example():
    table, result = generate(CUSTOMERS)
    assert result.total_rows == 1000
    names = column(table, "name")
    assert all(is_person_name(n) for n in names)
    emails = column(table, "email")
    assert all(re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", e) for e in emails)
    assert len(set(emails)) == len(emails)
    mentions = sum(any(part.lower() in e for part in n.split() if len(part) >= 3) for n, e in zip(names, emails))
    assert mentions >= 0.8 * ROWS, "emails should be made from the row's own name"
    assert all(len(re.sub(r"\D", "", p)) in (10, 11) for p in column(table, "phone"))
    ages = column(table, "age")
    assert all(isinstance(a, int) for a in ages)
    assert_between(ages, 18, 80)
    assert_within_days(column(table, "registration"), 731)
    assert_categories(column(table, "status"), {"active", "inactive", "suspended"})
    balance = column(table, "balance")
    assert_between(balance, 0, 10000)
    assert_at_most_decimals(balance, 2)


def test_orders_example():
    table, result = generate(ORDERS)
    assert result.total_rows == 5000
    order_ids = column(table, "order", "id")
    assert_no_nulls(order_ids)
    assert len(set(order_ids)) == len(order_ids)
    assert all(is_person_name(n) for n in column(table, "customer"))
    products = column(table, "product")
    assert all(re.search(r"[A-Za-z]{3,}", p) for p in products) and len(set(products)) >= 20
    quantity, price, total = column(table, "quantity"), column(table, "price"), column(table, "total")
    assert_between(quantity, 1, 10)
    assert all(isinstance(q, int) for q in quantity)
    assert_between(price, 10, 500)
    assert_at_most_decimals(price, 2)
    assert all(abs(t - q * p) <= 0.011 for q, p, t in zip(quantity, price, total))
    assert_within_days(column(table, "order", "date"), 90)
    assert_categories(column(table, "status"), {"pending", "shipped", "delivered", "cancelled"})
    assert_categories(column(table, "payment"), {"credit card", "debit card", "PayPal", "crypto"})


def test_user_profiles_example():
    table, result = generate(USER_PROFILES)
    assert result.total_rows == 10000
    user_ids = column(table, "user", "id")
    assert all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", u) for u in user_ids)
    assert len(set(user_ids)) == len(user_ids)
    usernames = column(table, "username")
    assert len(set(usernames)) == len(usernames)
    assert all(5 <= len(u) <= 20 for u in usernames)
    last_names = column(table, "last", "name")
    emails = column(table, "email")
    assert sum(ln.lower()[:3] in e.lower() for ln, e in zip(last_names, emails)) >= 0.8 * ROWS
    for words in (("first", "name"), ("last", "name")):
        values = column(table, *words)
        assert all(re.fullmatch(r"[A-Z][A-Za-z'\-.]+", v) for v in values) and len(set(values)) >= 20
    births = [as_datetime(b) for b in column(table, "birth")]
    assert min(births) >= NOW - dt.timedelta(days=81 * 365.25 + 1)
    assert max(births) <= NOW - dt.timedelta(days=18 * 365.25 - 1)
    countries = Counter(column(table, "country"))
    counts = sorted(countries.values(), reverse=True)
    assert len(counts) >= 5 and counts[0] >= 2 * counts[len(counts) // 2], "countries should be skewed"
    assert_within_days(column(table, "joined"), 3 * 365 + 1)
    assert_categories(column(table, "status"), {"active", "inactive", "banned"})
    assert_between(column(table, "completion"), 0, 100)


def test_iot_example():
    table, result = generate(IOT_SENSORS)
    assert result.total_rows == 50000
    sensors = column(table, "sensor")
    assert 2 <= len(set(sensors)) <= 100
    stamps = column(table, "timestamp")
    assert_within_days(stamps, 7)
    assert all(s.second == 0 and s.minute % 5 == 0 for s in stamps)
    assert_between(column(table, "temperature"), -20, 50)
    assert_between(column(table, "humidity"), 0, 100)
    assert_between(column(table, "pressure"), 900, 1100)
    assert_between(column(table, "battery"), 0, 100)
    assert_between(column(table, "signal"), -100, -30)
    assert_categories(column(table, "status"), {"online", "offline", "error"})


def test_transactions_example():
    table, result = generate(TRANSACTIONS)
    assert result.total_rows == 20000
    ids = column(table, "transaction", "id")
    assert len(set(ids)) == len(ids)
    assert all(a.isdigit() and 8 <= len(a) <= 17 for a in column(table, "account"))
    kinds = column(table, "type")
    assert_categories(kinds, {"deposit", "withdrawal", "transfer", "payment"})
    amount = column(table, "amount")
    assert_between(amount, 1, 10000)
    assert_at_most_decimals(amount, 2)
    assert_categories(column(table, "currency"), {"USD", "EUR", "GBP", "JPY"})
    moments = column(table, "date", "time")
    assert_within_days(moments, 184)
    assert sum((m.hour, m.minute, m.second) != (0, 0, 0) for m in moments) >= 0.5 * ROWS
    merchants = column(table, "merchant")
    assert all((m is not None) == (k == "payment") for m, k in zip(merchants, kinds))
    assert len({m for m in merchants if m}) >= 10
    descriptions = column(table, "description")
    assert sum(len(d) for d in descriptions) / ROWS >= 12 and all(" " in d.strip() for d in descriptions)


# ----------------------------------------------------------------------------- other descriptions


def test_prose_employees():
    table, result = generate("I need 500 employees with first name, last name, email, department (Sales, Engineering, "
                             "HR), salary between $40k and $150k, hire date in the last 5 years, and a unique "
                             "employee ID.")
    assert_categories(column(table, "department"), {"Sales", "Engineering", "HR"})
    assert_between(column(table, "salary"), 40_000, 150_000)
    assert_within_days(column(table, "hire"), 5 * 365 + 2)
    ids = column(table, "employee", "id")
    assert len(set(ids)) == len(ids)


def test_weighted_categories_follow_their_shares():
    table, _ = generate("Generate 2000 bookings:\n- Cabin class (economy 70%, business 20%, first 10%)", rows=2000)
    counts = Counter(column(table, "cabin"))
    assert abs(counts["economy"] / 2000 - 0.7) < 0.05
    assert abs(counts["first"] / 2000 - 0.1) < 0.05


def test_invoice_formulas_and_conditions():
    table, _ = generate("Create 500 invoices with:\n- Invoice number\n- Subtotal ($100 - $5000)\n"
                        "- Tax (8% of subtotal)\n- Total (calculated)\n- Issue date (last 12 months)\n"
                        "- Due date (after issue date)\n- Paid (yes/no)\n- Payment date (only if paid is yes)")
    subtotal, tax, total = column(table, "subtotal"), column(table, "tax"), column(table, "total")
    assert all(abs(t - 0.08 * s) <= 0.006 for s, t in zip(subtotal, tax))
    assert all(abs(x - (s + t)) <= 0.011 for s, t, x in zip(subtotal, tax, total))
    assert all(d >= i for i, d in zip(column(table, "issue"), column(table, "due")))
    paid, payment = column(table, "paid"), column(table, "payment", "date")
    assert all((p == "yes") == (d is not None) for p, d in zip(paid, payment))


def test_hospital_stays():
    table, _ = generate("Generate 300 hospital admissions:\n- Patient ID\n- Patient name\n"
                        "- Date of birth (aged 0 to 100)\n- Admission date (in 2024)\n"
                        "- Discharge date (after admission)\n- Heart rate (40-180 bpm)\n"
                        "- Body temperature (35.0 to 41.0)")
    admitted, discharged = column(table, "admission"), column(table, "discharge")
    assert all(a.year == 2024 for a in admitted)
    assert all(d >= a for a, d in zip(admitted, discharged))
    assert_between(column(table, "heart"), 40, 180)
    temperature = column(table, "temperature")
    assert_between(temperature, 35, 41)
    assert_at_most_decimals(temperature, 1)


def test_card_numbers_only_for_card_payments():
    table, _ = generate("Generate 500 payments:\n- Payment method (credit card, debit card, PayPal, bank transfer)\n"
                        "- Card number (only for card payments)\n- Amount (up to $2,500)")
    methods, cards = column(table, "payment", "method"), column(table, "card")
    assert all((c is not None) == (m in ("credit card", "debit card")) for m, c in zip(methods, cards))
    amount = column(table, "amount")
    assert max(amount) <= 2500 and min(amount) >= 0


def test_web_logs_in_prose():
    table, result = generate("Make 300 rows of web server logs with: timestamp (over the last 24 hours), IP address, "
                             "user agent, URL, HTTP method (GET, POST, PUT, DELETE), status code (200, 301, 404, 500)")
    assert result.total_rows == 300
    assert_within_days(column(table, "timestamp"), 1.05)
    assert all(re.fullmatch(r"(\d{1,3}\.){3}\d{1,3}", ip) for ip in column(table, "ip"))
    assert all(u.startswith("http") for u in column(table, "url"))
    assert_categories(column(table, "method"), {"GET", "POST", "PUT", "DELETE"})
    assert set(column(table, "status", "code")) <= {200, 301, 404, 500}


def test_patterns_pools_and_grids():
    table, _ = generate("Generate 1000 readings:\n- Station (from 25 stations)\n"
                        "- Reading time (hourly, last 30 days)\n- Coupon code (8 alphanumeric characters)\n"
                        "- Ticket ID (format TCK-000123)", rows=1000)
    assert 2 <= len(set(column(table, "station"))) <= 25
    assert all(t.minute == 0 and t.second == 0 for t in column(table, "reading"))
    assert all(re.fullmatch(r"[A-Z0-9]{8}", c) for c in column(table, "coupon"))
    assert all(re.fullmatch(r"TCK-\d{6}", t) for t in column(table, "ticket"))


def test_future_dates_and_order_of_stay():
    table, _ = generate("Create 300 hotel reservations with:\n- Check-in date (next 90 days)\n- Check-out date\n"
                        "- Nights (1-14)\n- Nightly rate ($80-$450)\n- Total cost (calculated)")
    check_in, check_out = column(table, "check", "in"), column(table, "check", "out")
    assert_within_days(check_in, 0, 90)
    assert all(o >= i for i, o in zip(check_in, check_out))
    nights, rate, total = column(table, "nights"), column(table, "rate"), column(table, "total")
    assert all(abs(t - n * r) <= 0.011 for n, r, t in zip(nights, rate, total))


def test_normal_distribution_centres_on_the_mean():
    table, _ = generate("Generate 1000 people with height normally distributed with mean 170 and std 10, "
                        "between 140 and 210", rows=1000)
    heights = column(table, "height")
    assert min(heights) >= 140 and max(heights) <= 210
    assert abs(sum(heights) / len(heights) - 170) < 2


def test_nullable_share():
    table, _ = generate("Generate 1000 rows:\n- Notes (30% empty)\n- Email", rows=1000)
    notes = column(table, "notes")
    assert 0.2 <= sum(n is None for n in notes) / 1000 <= 0.4


def test_numeric_order_holds_on_every_row():
    table, _ = generate("Generate 500 days:\n- Min temperature (-10 to 20)\n- Max temperature (0 to 40)\n"
                        "- List price ($20-200)\n- Sale price (less than list price)")
    assert all(hi >= lo for lo, hi in zip(column(table, "min", "temperature"), column(table, "max", "temperature")))
    assert all(s <= p for p, s in zip(column(table, "list", "price"), column(table, "sale", "price")))


def test_boolean_shares_and_prefixed_codes():
    table, _ = generate("Generate 2000 rows:\n- Is fraud (5% true)\n- Employee ID (EMP followed by 5 digits)", rows=2000)
    assert 0.02 <= sum(column(table, "fraud")) / 2000 <= 0.08
    assert all(re.fullmatch(r"EMP\d{5}", e) for e in column(table, "employee", "id"))


def test_survey_with_range_categories_and_yes_no_shares():
    table, _ = generate("Generate 2000 survey responses: respondent ID (UUID), age group (18-24, 25-34, 35-44, 45+), "
                        "satisfaction (1-10), would recommend (yes 80%, no 20%), comments (optional), "
                        "submitted at (last 2 weeks)", rows=2000)
    assert_categories(column(table, "age", "group"), {"18-24", "25-34", "35-44", "45+"})
    assert_between(column(table, "satisfaction"), 1, 10)
    assert abs(Counter(column(table, "recommend"))["yes"] / 2000 - 0.8) < 0.05
    assert_within_days(column(table, "submitted"), 14)


def test_absent_conditions_hold_on_every_row():
    table, _ = generate("Generate 500 orders:\n- Status (pending, shipped, cancelled)\n"
                        "- Tracking code (null if not shipped)\n- ETA (unless cancelled)")
    for status, code, eta in zip(column(table, "status"), column(table, "tracking"), column(table, "eta")):
        assert (code is not None) == (status == "shipped")
        assert (eta is not None) == (status != "cancelled")


def test_wide_unique_codes_still_generate_without_repeats():
    table, result = generate("Generate 1000 rows:\n- Token (32 alphanumeric characters, unique)\n- Password\n"
                             "- Tracking number", rows=1000)
    for words in (("token",), ("password",), ("tracking",)):
        values = column(table, *words)
        assert len(set(values)) == len(values)
    assert all(re.fullmatch(r"[A-Z0-9]{32}", t) for t in column(table, "token"))
