"""Engine primitives against their usual peers, in one run: code patterns, row formulas, plan compile.

    .venv/bin/python bench/bench_primitives.py [--rows 1000000] [--faker-rows 100000] [--only compile]

Codes: `compile_pattern(regex).generate` for a million rows against Faker's `bothify`/`numerify`
one row at a time. Formulas: the engine's expression `round(quantity * unit_price, 2)` over Arrow
columns against pandas `DataFrame.eval` on the same columns. Compile: `compile_schema` of a schema
with 20 derived/conditional fields (every expression parsed afresh) against the same schema with those
fields plain, and of bench/shop.json. Prints rows/s or milliseconds (best of three) and ratios.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from src.engine.expressions import parse_expression  # noqa: E402
from src.engine.patterns import compile_pattern  # noqa: E402
from src.engine.rng import RowRandom  # noqa: E402

CODES = {r"INV-\d{6}": "INV-######", r"[A-Z]{3}-[0-9]{4}": "???-####"}


def best_rate(rows: int, run) -> float:
    """Rows per second of the fastest of three runs."""
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return rows / min(timings)


def bench_codes(rows: int, faker_rows: int) -> None:
    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(1)
    for regex, faker_format in CODES.items():
        pattern = compile_pattern(regex)
        engine = best_rate(rows, lambda: pattern.generate(RowRandom(9, 0, rows)))
        upper = faker_format.replace("?", "@")

        def run_faker() -> None:
            for _ in range(faker_rows):
                fake.bothify(upper, letters="ABCDEFGHIJKLMNOPQRSTUVWXYZ").replace("@", "A")

        peer = best_rate(faker_rows, run_faker)
        print(f"codes {regex:<20} engine {engine:>14,.0f} rows/s   Faker bothify {peer:>12,.0f} rows/s"
              f"   ratio {engine / peer:,.0f}x")


def bench_formula(rows: int) -> None:
    import pandas as pd

    rng = np.random.default_rng(1)
    quantity, unit_price = rng.integers(1, 100, rows), rng.random(rows) * 100
    columns = {"quantity": pa.array(quantity), "unit_price": pa.array(unit_price)}
    expression = parse_expression("round(quantity * unit_price, 2)")
    engine = best_rate(rows, lambda: expression.evaluate(columns, rows))
    frame = pd.DataFrame({"quantity": quantity, "unit_price": unit_price})
    peer = best_rate(rows, lambda: (frame.eval("quantity * unit_price")).round(2))
    print(f"formula round(quantity * unit_price, 2)  engine {engine:>14,.0f} rows/s   pandas eval {peer:>14,.0f}"
          f" rows/s   ratio {engine / peer:.2f}x")


EXPRESSIONS = [
    "round(quantity * unit_price, 2)", "round(quantity * unit_price * (1 - discount), 2)",
    "CASE WHEN quantity > 50 THEN 'bulk' WHEN quantity > 10 THEN 'pack' ELSE 'single' END",
    "status IN ('shipped', 'delivered') AND quantity > 0", "date_add(ordered_on, 3)",
    "days_between(ordered_on, date_add(ordered_on, quantity))", "concat(upper(status), '-', quantity)",
    "coalesce(discount, 0) * 100", "IF(discount > 0.2, 'deal', 'list')", "quantity BETWEEN 5 AND 20",
    "greatest(quantity, 10) - least(quantity, 10)", "abs(unit_price - 50) / 50", "year(ordered_on) * 100 + month(ordered_on)",
    "status = 'returned' OR discount IS NULL", "length(status) + quantity % 7", "sqrt(unit_price) + ln(quantity)",
    "substr(status, 1, 3) || '/' || quantity", "NOT (status = 'new') AND unit_price >= 10",
    "round(pow(unit_price, 2) / 100, 1)", "case status when 'new' then 1 when 'shipped' then 2 else 3 end",
]
COMPILE_BASE = [
    {"name": "quantity", "type": "integer", "constraints": {"min_value": 1, "max_value": 99}},
    {"name": "unit_price", "type": "float", "constraints": {"min_value": 1, "max_value": 500}},
    {"name": "discount", "type": "float", "constraints": {"min_value": 0, "max_value": 0.5, "nullable": True}},
    {"name": "status", "type": "enum", "constraints": {"enum_values": ["new", "shipped", "delivered", "returned"]}},
    {"name": "ordered_on", "type": "date", "constraints": {"min_value": "2024-01-01", "max_value": "2024-12-31"}},
]


def compile_schemas() -> tuple[dict, dict]:
    """(20 fields with expressions, the same 20 fields plain) over COMPILE_BASE."""
    from src.engine.expressions import parse_expression

    types = {"string": "string", "bool": "boolean", "int64": "integer", "double": "float", "date32[day]": "date"}
    column_types = {"quantity": pa.int64(), "unit_price": pa.float64(), "discount": pa.float64(),
                    "status": pa.string(), "ordered_on": pa.date32()}
    derived, plain = [], []
    for i, text in enumerate(EXPRESSIONS):
        kind = types[str(parse_expression(text).infer_type(column_types))]
        derived.append({"name": f"d{i}", "type": kind, "constraints": {"expression": text}})
        plain.append({"name": f"d{i}", "type": kind})
    derived.append({"name": "note", "type": "string", "constraints": {"when": "status = 'returned'"}})
    plain.append({"name": "note", "type": "string"})
    return {"fields": COMPILE_BASE + derived}, {"fields": COMPILE_BASE + plain}


def best_ms(run, repeat: int = 20) -> float:
    """Milliseconds of the fastest of ``repeat`` runs (the expression cache cleared before each)."""
    from src.engine import expressions

    clear = getattr(expressions, "clear_cache", None)
    timings = []
    for _ in range(repeat):
        if clear is not None:
            clear()
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings) * 1000


def bench_compile() -> None:
    import json

    from src.engine import compile_schema
    from src.engine.relational import compile_relational

    with_rules, plain = compile_schemas()
    ms_rules = best_ms(lambda: compile_schema(with_rules, seed=1))
    ms_plain = best_ms(lambda: compile_schema(plain, seed=1))
    print(f"compile 20 expressions + 1 when  {ms_rules:8.2f} ms   same fields plain {ms_plain:8.2f} ms"
          f"   expressions add {ms_rules - ms_plain:6.2f} ms")
    shop = json.loads((Path(__file__).parent / "shop.json").read_text())
    ms_shop = best_ms(lambda: compile_relational(shop, seed=7))
    print(f"compile bench/shop.json          {ms_shop:8.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--faker-rows", type=int, default=100_000)
    parser.add_argument("--only", choices=["codes", "formula", "compile"])
    args = parser.parse_args()
    if args.only in (None, "codes"):
        bench_codes(args.rows, args.faker_rows)
    if args.only in (None, "formula"):
        bench_formula(args.rows)
    if args.only in (None, "compile"):
        bench_compile()


if __name__ == "__main__":
    main()
