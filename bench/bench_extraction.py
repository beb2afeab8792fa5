"""Offline extraction latency: a 2,000-character description (target < 100 ms), beside a short peer.

    .venv/bin/python bench/bench_extraction.py            # 50 runs each
    .venv/bin/python bench/bench_extraction.py --runs 200

Times `extract_offline` in process (imports and the first run excluded; the spelling cache is cleared
before every run) on a mixed-layout
description of ~2,000 characters and, as the peer in the same run, on the brief's 300-character
customers example; prints p50/p95 in ms, characters per second and the ratio of the two per character.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from src.extraction.field_meaning import _closest_word  # noqa: E402
from src.extraction.offline import extract_offline  # noqa: E402

PEER = ("Generate 1000 customer records with:\n- Full name\n- Email address (valid format)\n- Phone number "
        "(US format)\n- Age between 18-80\n- Registration date from the last 2 years\n- Account status (active, "
        "inactive, suspended)\n- Account balance between $0-10000")

LONG = """We run a regional chain of bike rental shops and need roughly 3k rental records for testing our new
dashboard. Each rental belongs to one of 40 shops; the shop id looks like SHOP-001, and every rental is
written down by the staff at the counter when the bike leaves the shop.
Columns:
1. Rental ID (unique, format RNT-123456)
2. Customer full name, plus their email address built from the name
3. Phone number (US format)
4. Bike type: road, mountain, hybrid, electric or cargo (electric about 30%)
5. Pickup time within the last 6 months, every 15 minutes
6. Return time, always after the pickup time
7. Hours rented between 1 and 72
8. Hourly rate from $4 to $25, two decimals
9. Total cost = hours rented x hourly rate
10. Deposit paid (yes/no)
11. Damage fee between $0-500, only when the status is damaged
12. Status (returned, late, damaged, lost)
| Column | Rule |
|---|---|
| Helmet included | yes/no |
| Rating | 1-5 stars |
| Feedback | a short review |
Also track the customer's age (18-75), the city they rented in, a membership tier of bronze, silver,
gold or platinum, and the payment method, which should be card, cash or mobile wallet. The promo code is
present for about 20% of rentals and has 8 letters and digits. Distance ridden is 0.5-120 km with one decimal.
Weather at pickup: sunny, cloudy, rainy, windy. Notes should be a sentence written by staff.
Each rental also has a return shop id (one of the 40 shops), a bike serial number like BK-004512, the
battery level at return for electric bikes between 5 and 100 percent, and a late fee of $10 that only
applies when the status is late. The insurance option is none, basic or full, with most renters choosing
none (about 60%). Customer since is a date between January 2018 and December 2024. Loyalty points range
from 0 to 5000 and the discount percent is between 0 and 25. The deposit amount is $50 for
regular bikes and $150 for electric and cargo bikes. Finally, record the staff member name and
whether the customer signed the waiver (yes/no).
"""


def time_runs(text: str, runs: int) -> list[float]:
    extract_offline(text)  # warm: caches and compiled regexes, as in a running server
    out = []
    for _ in range(runs):
        _closest_word.cache_clear()  # every run reads its words afresh, as a new description would
        started = time.perf_counter()
        extract_offline(text)
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    fields = len(extract_offline(LONG).schema.fields)
    rows = []
    for label, text in (("2,000-char description", LONG), ("peer: brief's customers", PEER)):
        ms = sorted(time_runs(text, args.runs))
        p50, p95 = statistics.median(ms), ms[int(0.95 * (len(ms) - 1))]
        rows.append((label, len(text), p50, p95))
        print(f"{label:26s} {len(text):5d} chars  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
              f"{len(text) / (p50 / 1000):9.0f} chars/s")
    (_, n_long, long_p50, long_p95), (_, n_peer, peer_p50, _) = rows
    print(f"fields read from the long description: {fields}")
    print(f"ms per 1,000 chars, long / peer: {(long_p50 / n_long) / (peer_p50 / n_peer):.2f}")
    print(f"target < 100 ms for {n_long} chars: p95 {long_p95:.1f} ms -> {'met' if long_p95 < 100 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
