"""A money field without a stated range is in the row's currency: '2.68 INR' was a dollar price
with a rupee code. Rates are rough and fixed; a range the user gives is theirs and kept."""

import numpy as np
import pytest

from tests.engine.conftest import generate

# Rough units per dollar (public rates, late 2025) and whether prices are written in whole units.
EXPECTED = {"hi_IN": ("INR", 83, True), "ru_RU": ("RUB", 90, True), "tr_TR": ("TRY", 32, False),
            "th_TH": ("THB", 35, True), "es_MX": ("MXN", 17, False), "pt_BR": ("BRL", 5, False),
            "pl_PL": ("PLN", 4, False), "sv_SE": ("SEK", 10, True), "zh_CN": ("CNY", 7, False),
            "ar_EG": ("EGP", 48, False), "uk_UA": ("UAH", 41, False), "cs_CZ": ("CZK", 23, True)}
FIELDS = [{"name": "currency", "type": "currency_code"}, {"name": "price", "type": "decimal"},
          {"name": "order_total", "type": "float"}]


def _median_in_dollars():
    return np.median(generate(FIELDS, rows=2000, locale="en_US")["price"])


@pytest.mark.parametrize("locale", sorted(EXPECTED))
def test_a_default_price_is_in_the_rows_currency(locale):
    currency, rate, whole = EXPECTED[locale]
    rows = generate(FIELDS, rows=2000, locale=locale)
    assert set(rows["currency"]) == {currency}
    ratio = np.median(rows["price"]) / _median_in_dollars()
    assert 0.7 * rate <= ratio <= 1.3 * rate, ratio
    assert np.median(rows["order_total"]) > 0.5 * rate * np.median(generate(FIELDS, rows=2000, locale="en_US")["order_total"])
    values = rows["price"] + rows["order_total"]
    if whole:
        assert all(v == int(v) for v in values)
    else:
        assert any(v != int(v) for v in values) and all(round(v, 2) == v for v in values)


@pytest.mark.parametrize("locale", ["hi_IN", "tr_TR", "sv_SE"])
def test_a_stated_range_or_decimals_is_the_users_own(locale):
    rows = generate([{"name": "price", "type": "decimal", "constraints": {"min_value": 1, "max_value": 20}},
                     {"name": "fee", "type": "decimal", "constraints": {"decimals": 2}}], rows=1000, locale=locale)
    assert 1 <= min(rows["price"]) and max(rows["price"]) <= 20
    assert any(v != int(v) for v in rows["fee"])


def test_dollar_and_euro_prices_are_not_scaled():
    usd = _median_in_dollars()
    for locale in ("de_DE", "fr_FR", "en_GB"):
        assert 0.5 * usd <= np.median(generate(FIELDS, rows=2000, locale=locale)["price"]) <= 2 * usd
