"""One date, time or number after another in every way of saying it: 'must not be earlier than', 'no earlier
than', 'cannot be before', 'at least 2 days after', 'within 30 minutes of'; every row keeps the order."""

from __future__ import annotations

import pytest

from tests.extraction.offline_helpers import as_date, fields_of, generate

LATER = [
    # (description, later column, earlier column)
    ("Dispatch log, 300 calls: call id, received timestamp within the last 60 days, dispatched timestamp that must "
     "not be earlier than the received timestamp", "dispatched_timestamp", "received_timestamp"),
    ("Shipments:\n- ordered at: datetime in the last 90 days\n- shipped at: no earlier than ordered at",
     "shipped_at", "ordered_at"),
    ("Loans:\n- loan date: in 2025\n- return date: cannot be before loan date", "return_date", "loan_date"),
    ("Gates:\n- boarding time: datetime in the last 30 days\n- takeoff time: should never be earlier than boarding time",
     "takeoff_time", "boarding_time"),
    ("Tickets:\n- opened: datetime in the last 14 days\n- resolved: must not come before opened",
     "resolved", "opened"),
    ("Flights:\n- departure: datetime in the next 30 days\n- arrival: within 30 minutes of departure",
     "arrival", "departure"),
    ("Jobs:\n- queued at: datetime in the last 7 days\n- started at: 5-90 minutes after queued at",
     "started_at", "queued_at"),
]


@pytest.mark.parametrize("text, later, earlier", LATER)
def test_the_later_column_is_never_before_the_earlier(text, later, earlier):
    fields = fields_of(text)
    assert fields[later].get("after") == earlier or earlier in fields[later].get("expression", "")
    rows = generate(text)
    assert all(b >= a for a, b in zip(rows[earlier], rows[later]) if a is not None and b is not None)


EARLIER = [
    ("Parcels:\n- delivered at: datetime in the last 30 days\n- packed at: must not be later than delivered at",
     "packed_at", "delivered_at"),
    ("Bills:\n- amount due: 10-500\n- amount paid: must not be more than amount due", "amount_paid", "amount_due"),
    ("Events:\n- event day: in 2026\n- booked on: cannot be after event day", "booked_on", "event_day"),
]


@pytest.mark.parametrize("text, lower, upper", EARLIER)
def test_the_earlier_column_is_never_after_the_later(text, lower, upper):
    assert fields_of(text)[lower].get("before") == upper
    rows = generate(text)
    assert all(a <= b for a, b in zip(rows[lower], rows[upper]))


AT_LEAST = [
    ("Orders:\n- order date: in 2025\n- delivery date: at least 2 days after order date", "delivery_date",
     "order_date", 2),
    ("Claims:\n- incident date: in the last year\n- claim date: a minimum of 3 days after the incident date",
     "claim_date", "incident_date", 3),
    ("Audits:\n- review date: in 2026\n- audit date: at least 1 week after review date", "audit_date",
     "review_date", 7),
    ("Rentals:\n- pickup date: in 2025\n- return date: no sooner than 5 days after pickup date", "return_date",
     "pickup_date", 5),
    ("Trials:\n- enrolled on: in 2024\n- followup on: at least 14 days after enrolled on", "followup_on",
     "enrolled_on", 14),
]


@pytest.mark.parametrize("text, later, earlier, days", AT_LEAST)
def test_at_least_n_days_after_keeps_the_gap_on_every_row(text, later, earlier, days):
    rows = generate(text)
    gaps = [(as_date(b) - as_date(a)).days for a, b in zip(rows[earlier], rows[later])]
    assert min(gaps) >= days and len(set(gaps)) > 3  # a bound, not one fixed distance
