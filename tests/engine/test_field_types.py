"""Values of each type have the shape a user relies on (valid checksums, formats, ranges)."""

import datetime as dt
import ipaddress
import re
import uuid

from tests.engine.conftest import ANCHOR, generate


def _luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def _iban_ok(iban: str) -> bool:
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def test_uuids_are_version_4_and_distinct():
    values = generate([{"name": "id", "type": "uuid"}], rows=5000)["id"]
    assert all(uuid.UUID(v).version == 4 for v in values)
    assert len(set(values)) == len(values)


def test_credit_card_numbers_pass_luhn_and_have_brand_prefixes():
    values = generate([{"name": "card", "type": "credit_card_number"}], rows=2000)["card"]
    assert all(_luhn_ok(v) for v in values)
    assert all(v[0] in "345" and len(v) in (15, 16) for v in values)
    assert {v[0] for v in values} == {"3", "4", "5"}


def test_ibans_have_valid_mod97_check_digits():
    values = generate([{"name": "iban", "type": "iban"}], rows=2000)["iban"]
    assert all(_iban_ok(v) for v in values)
    assert len({v[:2] for v in values}) >= 4


def test_us_phone_numbers_have_ten_digits():
    values = generate([{"name": "phone", "type": "phone"}], rows=1000)["phone"]
    assert all(re.fullmatch(r"\(\d{3}\) \d{3}-\d{4}", v) for v in values)


def test_internet_values_parse():
    cols = generate([{"name": "ip", "type": "ipv4"}, {"name": "ip6", "type": "ipv6"},
                     {"name": "url", "type": "url"}, {"name": "mac", "type": "mac_address"},
                     {"name": "domain", "type": "domain"}], rows=500)
    assert all(isinstance(ipaddress.ip_address(v), ipaddress.IPv4Address) for v in cols["ip"])
    assert all(isinstance(ipaddress.ip_address(v), ipaddress.IPv6Address) for v in cols["ip6"])
    assert all(re.fullmatch(r"https://[a-z0-9.]+\.[a-z]{2,}(/[a-z]*)?", v) for v in cols["url"])
    assert all(re.fullmatch(r"([0-9A-F]{2}:){5}[0-9A-F]{2}", v) for v in cols["mac"])
    assert all(re.fullmatch(r"[a-z]+\.[a-z]{2,}", v) for v in cols["domain"])


def test_emails_are_valid_addresses():
    values = generate([{"name": "email", "type": "email"}], rows=2000)["email"]
    assert all(re.fullmatch(r"[a-z._]+[0-9]*@[a-z]+(\.[a-z]+)+", v) for v in values)


def test_account_numbers_are_digit_strings_of_the_asked_length():
    values = generate([{"name": "acct", "type": "account_number",
                        "constraints": {"min_length": 8, "max_length": 12}}], rows=1000)["acct"]
    assert all(v.isdigit() and 8 <= len(v) <= 12 and v[0] != "0" for v in values)
    assert {len(v) for v in values} == set(range(8, 13))


def test_text_reads_as_sentences():
    cols = generate([{"name": "s", "type": "sentence"}, {"name": "p", "type": "paragraph"},
                     {"name": "r", "type": "review"}], rows=300)
    for value in cols["s"]:
        assert value[0].isupper() and value.endswith(".") and len(value.split()) >= 5
    assert all(value.count(".") >= 3 for value in cols["p"])
    assert len(set(cols["r"])) > 100


def test_time_types_default_to_the_last_year_and_a_whole_day():
    cols = generate([{"name": "d", "type": "date"}, {"name": "ts", "type": "datetime"},
                     {"name": "t", "type": "time"}], rows=1000)
    assert all(ANCHOR.date() - dt.timedelta(days=366) <= d <= ANCHOR.date() for d in cols["d"])
    assert all(ANCHOR - dt.timedelta(days=366) <= t <= ANCHOR for t in cols["ts"])
    hours = {t.hour for t in cols["t"]}
    assert len(hours) == 24


def test_generic_string_gets_meaning_from_its_name_and_description():
    cols = generate([{"name": "full_name", "type": "string", "description": "Customer full name"},
                     {"name": "home_city", "type": "string"},
                     {"name": "notes", "type": "string"},
                     {"name": "widget_flavour", "type": "string"}], rows=300)
    assert all(len(v.split()) >= 2 and v.split()[0][0].isupper() for v in cols["full_name"])
    from src.engine.vocab import COUNTRIES

    cities = {c[0] for country in COUNTRIES for c in country.cities}
    assert set(cols["home_city"]) <= cities
    assert all(v.endswith(".") for v in cols["notes"])
    # Unknown meaning: readable words, never random junk.
    assert all(re.fullmatch(r"[A-Z][a-z]+( [a-z]+){1,2}", v) for v in cols["widget_flavour"])


def test_country_has_a_realistic_skewed_distribution():
    values = generate([{"name": "country", "type": "country"}], rows=5000)["country"]
    counts = sorted((values.count(v) for v in set(values)), reverse=True)
    assert len(counts) >= 10
    assert counts[0] >= 3 * counts[len(counts) // 2]


def test_string_named_product_category_gets_categories_not_product_names():
    from src.engine.vocab import PRODUCT_CATEGORIES, PRODUCT_NOUNS

    cols = generate([{"name": "product_category", "type": "string"},
                     {"name": "ProductCategory", "type": "string"}], rows=200)
    assert set(cols["product_category"]) <= set(PRODUCT_CATEGORIES)
    assert set(cols["ProductCategory"]) <= set(PRODUCT_CATEGORIES)
    assert not any(v.endswith(PRODUCT_NOUNS) for v in cols["product_category"])


def test_string_named_for_a_moment_gets_times_not_usernames():
    cols = generate([{"name": "login_time", "type": "string"}, {"name": "created_at", "type": "string"},
                     {"name": "signup_date", "type": "string"}], rows=200)
    assert all(isinstance(v, dt.datetime) for v in cols["login_time"] + cols["created_at"])
    assert all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in cols["signup_date"])
    assert all(ANCHOR - dt.timedelta(days=366) <= v <= ANCHOR for v in cols["login_time"])


def test_string_name_meaning_follows_the_head_noun():
    from src.engine.semantics import infer_string_kind

    assert infer_string_kind("login_name") == "username"
    assert infer_string_kind("customer_email") == "email"
    assert infer_string_kind("customerEmail") == "email"
    assert infer_string_kind("home_city") == "city"
    assert infer_string_kind("postal") == "postal_code"
    # A name meaning a code, number or flag keeps the plain string generator.
    assert infer_string_kind("customer_id") is None
    assert infer_string_kind("customer_count") is None
    assert infer_string_kind("email_verified") is None
    # The description's first noun phrase is read when the name says nothing.
    assert infer_string_kind("x", "City of residence") == "city"
    assert infer_string_kind("x", "The city where the customer lives") == "city"


def test_every_kind_a_string_can_take_has_a_generator():
    from src.engine.registry import create_default_registry
    from src.engine.semantics import LABEL_MEANINGS, STRING_KINDS

    registry = create_default_registry()
    assert all(kind in registry for kind in STRING_KINDS)
    assert STRING_KINDS <= {kind for _, kind in LABEL_MEANINGS}


def test_user_agents_are_real_browsers_with_varied_versions():
    values = generate([{"name": "ua", "type": "user_agent"}], rows=1000)["ua"]
    assert all(re.fullmatch(r"Mozilla/5\.0 \([^)]+\) .+", v) for v in values)
    assert len(set(values)) > 150  # browsers freeze OS tokens now (macOS 10_15_7, Android 10; K)


def test_user_agents_send_only_real_platform_tokens_and_current_versions():
    """Windows 11 reports 'Windows NT 10.0' (there is no NT 11.0); Firefox's rv: and Firefox/ agree,
    Edge's Chrome/ and Edg/ agree; browsers are of the last two years."""
    values = generate([{"name": "ua", "type": "user_agent"}], rows=3000)["ua"]
    assert not any("Windows NT 11" in v for v in values)
    assert {m for v in values for m in re.findall(r"Windows NT [\d.]+", v)} == {"Windows NT 10.0"}
    firefox = [v for v in values if "Firefox/" in v]
    assert firefox and all(re.search(r"rv:(\d+)\.0\).*Firefox/\1\.0$", v) for v in firefox)
    edge = [v for v in values if "Edg/" in v]
    assert edge and all(re.search(r"Chrome/(\d+)\.0\.0\.0 .*Edg/\1\.0\.0\.0$", v) for v in edge)
    chrome = [int(m) for v in values for m in re.findall(r"Chrome/(\d+)", v)]
    assert min(chrome) >= 124
    safari = {int(m) for v in values for m in re.findall(r"Version/(\d+)", v)}
    assert safari == {17, 18, 26}
    assert {m for v in values for m in re.findall(r"Mac OS X ([\d_.]+)", v)} == {"10_15_7", "10.15"}
