"""Two engine primitives against their usual peers, in one run: code patterns and row formulas.

    .venv/bin/python bench/bench_primitives.py [--rows 1000000] [--faker-rows 100000]

Codes: `compile_pattern(regex).generate` for a million rows against Faker's `bothify`/`numerify`
one row at a time. Formulas: the engine's expression `round(quantity * unit_price, 2)` over Arrow
columns against pandas `DataFrame.eval` on the same columns. Prints rows/s (best of three) and ratios.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--faker-rows", type=int, default=100_000)
    args = parser.parse_args()
    bench_codes(args.rows, args.faker_rows)
    bench_formula(args.rows)


if __name__ == "__main__":
    main()
