"""A non-nullable `iban` in a row of a country without IBANs holds that country's own account form
(it was a German or French IBAN beside 'United States'); a nullable one leaves those rows empty."""

import re

from tests.engine.conftest import generate

FIELDS = [{"name": "country", "type": "country_code"}, {"name": "iban", "type": "iban"}]
# Each country's account layout, written from the banks' published forms, not from the engine's table.
LAYOUTS = {"US": r"\d{9} \d{10}", "CA": r"\d{5}-\d{3}-\d{7}", "JP": r"\d{4}-\d{3}-\d{7}", "CN": r"62\d{17}",
           "IN": r"[A-Z]{4}0\d{6} \d{11,16}", "MX": r"\d{18}", "AU": r"\d{3}-\d{3} \d{8,9}",
           "KR": r"\d{3}-[\d-]{9,13}"}


def _aba_ok(routing: str) -> bool:
    d = [int(c) for c in routing]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def _luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        v = int(ch) * (2 if i % 2 else 1)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


def _clabe_ok(clabe: str) -> bool:
    total = sum(int(c) * w % 10 for c, w in zip(clabe[:17], [3, 7, 1] * 6))
    return (10 - total % 10) % 10 == int(clabe[17])


def test_rows_of_countries_without_ibans_get_their_own_account_form():
    rows = generate(FIELDS, rows=6000)
    seen = {code: [] for code in LAYOUTS}
    for code, account in zip(rows["country"], rows["iban"]):
        if code in seen:
            seen[code].append(account)
    for code, accounts in seen.items():
        assert accounts, code
        assert all(re.fullmatch(LAYOUTS[code], a) for a in accounts), (code, accounts[:3])
    assert all(_aba_ok(a[:9]) and 1 <= int(a[:2]) <= 12 for a in seen["US"])  # a Federal Reserve district
    assert all(_luhn_ok(a) for a in seen["CN"])
    assert all(_clabe_ok(a) for a in seen["MX"])
    assert len(set(seen["US"])) == len(seen["US"])


def test_a_nullable_iban_leaves_those_rows_empty_and_keeps_ibans_elsewhere():
    rows = generate([FIELDS[0], {"name": "iban", "type": "iban", "constraints": {"nullable": True}}], rows=2000)
    european = [(code, iban) for code, iban in zip(rows["country"], rows["iban"]) if code in ("DE", "FR", "GB")]
    assert all(iban is None for code, iban in zip(rows["country"], rows["iban"]) if code in LAYOUTS)
    assert sum(iban is not None for _, iban in european) > 50  # only the field's own share of nulls
    assert all(iban is None or iban.startswith(code) for code, iban in european)
