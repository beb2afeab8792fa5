"""An amount beside a currency column has that currency's minor units (ISO 4217): a JPY or KRW row's
`decimals: 2` price is written '1500.00', never '1500.37'; the column still writes two digits."""

import io

from tests.engine.conftest import generate

ZERO_DECIMALS = {"JPY", "KRW", "VND", "CLP", "ISK", "PYG", "UGX"}
FIELDS = [{"name": "country", "type": "country"}, {"name": "currency_code", "type": "currency_code"},
          {"name": "amount", "type": "decimal", "constraints": {"decimals": 2, "min_value": 1, "max_value": 5000}},
          {"name": "total_usd", "type": "decimal", "constraints": {"decimals": 2, "min_value": 1, "max_value": 5000}},
          {"name": "weight", "type": "float", "constraints": {"decimals": 2}}]


def _cents(value: float) -> int:
    return round(value * 100) % 100


def test_amounts_of_zero_decimal_currencies_are_whole_and_others_keep_their_cents():
    rows = generate(FIELDS, rows=4000)
    whole = [a for cur, a in zip(rows["currency_code"], rows["amount"]) if cur in ZERO_DECIMALS]
    others = [a for cur, a in zip(rows["currency_code"], rows["amount"]) if cur not in ZERO_DECIMALS]
    assert len(whole) > 50 and all(_cents(a) == 0 for a in whole)
    assert sum(_cents(a) != 0 for a in others) > 0.9 * len(others)
    assert all(1 <= a <= 5000 for a in rows["amount"])
    # an amount naming its own currency and a number that is not money keep their cents everywhere
    for name in ("total_usd", "weight"):
        mine = [v for cur, v in zip(rows["currency_code"], rows[name]) if cur in ZERO_DECIMALS]
        assert sum(_cents(v) != 0 for v in mine) > 0.8 * len(mine), name


def test_the_text_still_has_the_digits_the_field_asks():
    from src.engine import compile_schema
    from src.engine.writers import open_writer

    plan = compile_schema({"fields": FIELDS[1:3]}, seed=5)
    out = io.BytesIO()
    with open_writer("csv", out, plan.arrow_schema) as writer:
        writer.write(plan.generate_chunk(0, 2000))
    lines = [line.split(",") for line in out.getvalue().decode().splitlines()[1:]]
    yen = [amount for cur, amount in lines if cur.strip('"') in ZERO_DECIMALS]
    assert yen and all(amount.endswith(".00") for amount in yen)
    assert all(len(amount.split(".")[1]) == 2 for _, amount in lines)


def test_an_enum_of_currency_codes_is_the_rows_currency_too():
    fields = [{"name": "currency", "type": "enum", "constraints": {"enum_values": ["USD", "JPY", "KWD"]}},
              {"name": "price", "type": "price", "constraints": {"decimals": 3, "min_value": 1, "max_value": 900}}]
    rows = generate(fields, rows=3000)
    by = {cur: [round(p * 1000) % 1000 for c, p in zip(rows["currency"], rows["price"]) if c == cur]
          for cur in ("USD", "JPY", "KWD")}
    assert all(m == 0 for m in by["JPY"])  # yen: no minor unit
    assert all(m % 10 == 0 for m in by["USD"]) and any(m for m in by["USD"])  # cents: two of three digits
    assert sum(m % 10 != 0 for m in by["KWD"]) > 0.8 * len(by["KWD"])  # fils: all three
