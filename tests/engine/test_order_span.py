"""`after`/`before` between dates with no stated bound: a plausible gap that stays inside the field's
default span (never past the job's anchor), on 100% of rows; a stated range still allows the future."""

from __future__ import annotations

import datetime as dt

from src.engine import compile_schema

ANCHOR = dt.datetime(2026, 1, 1, 12, 0, 0)


def make(fields: list[dict], rows: int = 20_000) -> dict:
    return compile_schema({"fields": fields}, seed=5, anchor=ANCHOR).generate_chunk(0, rows).to_pydict()


def test_a_ship_date_after_the_order_is_never_past_the_anchor():
    rows = make([{"name": "order_date", "type": "date"},
                 {"name": "ship_date", "type": "date", "constraints": {"after": "order_date"}},
                 {"name": "created_at", "type": "datetime"},
                 {"name": "closed_at", "type": "datetime", "constraints": {"after": "created_at"}}])
    pairs = list(zip(rows["order_date"], rows["ship_date"]))
    assert all(order <= ship <= ANCHOR.date() for order, ship in pairs)
    assert all((ship - order).days <= 30 for order, ship in pairs)
    assert sum(ship > order for order, ship in pairs) > 0.9 * len(pairs)  # a gap, not a copy
    assert all(a <= b <= ANCHOR for a, b in zip(rows["created_at"], rows["closed_at"]))


def test_before_stays_inside_the_default_span_too():
    rows = make([{"name": "shipped", "type": "date"},
                 {"name": "ordered", "type": "date", "constraints": {"before": "shipped"}}])
    low = min(rows["shipped"])
    assert all(low - dt.timedelta(days=1) <= o <= s for o, s in zip(rows["ordered"], rows["shipped"]))


def test_a_stated_max_still_allows_the_future():
    rows = make([{"name": "order_date", "type": "date"},
                 {"name": "due", "type": "date", "constraints": {"after": "order_date", "max_value": "+60d"}}])
    assert all(o <= d <= (ANCHOR + dt.timedelta(days=60)).date() for o, d in zip(rows["order_date"], rows["due"]))
    assert max(rows["due"]) > ANCHOR.date()


def test_an_other_field_past_the_default_span_still_gets_a_gap_not_a_copy():
    rows = make([{"name": "starts_at", "type": "datetime", "constraints": {"min_value": "+1d", "max_value": "+90d"}},
                 {"name": "ends_at", "type": "datetime", "constraints": {"after": "starts_at"}},
                 {"name": "due_date", "type": "date", "constraints": {"min_value": "-400d", "max_value": "-380d"}},
                 {"name": "reminded", "type": "date", "constraints": {"before": "due_date"}}], rows=2000)
    ends = list(zip(rows["starts_at"], rows["ends_at"]))
    assert all(s <= e for s, e in ends) and sum(e > s for s, e in ends) > 0.9 * len(ends)
    early = list(zip(rows["reminded"], rows["due_date"]))
    assert all(r <= d for r, d in early) and sum(r < d for r, d in early) > 0.9 * len(early)
