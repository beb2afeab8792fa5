"""Relations between columns stated in words, one class per test group, checked on generated rows: a column
present only for some values of another, a number bounded by another column (or by a share of it), a column
that is a multiple of another, weighted sums, and the schemas always compile."""

from __future__ import annotations

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate


# --- a column present only for some values of another -------------------------------------------------------

@pytest.mark.parametrize("text, column, flag, present", [
    ("Rentals: bike id, returned late (yes/no), and a penalty charge of $5-$40 that's only there when "
     "the rental is returned late", "penalty_charge", "returned_late", {"yes"}),
    ("Applicants:\n- outcome: hired, rejected or on hold\n- start bonus $500-$5000, given only to hired people",
     "start_bonus", "outcome", {"hired"}),
    ("Repairs:\n- state: open, fixed, scrapped or returned\n- closing note, only exists for fixed, scrapped and "
     "returned repairs", "closing_note", "state", {"fixed", "scrapped", "returned"}),
    ("Claims:\n- insured (yes/no)\n- insurer name appears only when insured", "insurer_name", "insured", {"yes"}),
])
def test_a_column_is_filled_exactly_for_the_values_the_words_name(text, column, flag, present):
    rows = generate(text)
    assert rows[column] and set(rows[flag]) > present  # some rows of each kind
    for value, kept in zip(rows[flag], rows[column]):
        assert (kept is not None) == (value in present), (value, kept)


def test_only_to_does_not_read_a_range_as_a_condition():
    fields = fields_of("Orders:\n- weight kg up to 30\n- express (yes/no)")
    assert fields["weight_kg"]["max_value"] == 30 and "when" not in fields["weight_kg"]


# --- a number bounded by another column ------------------------------------------------------------------------

@pytest.mark.parametrize("text, low, high", [
    ("Courses:\n- seats 20-200\n- seats taken, never more than seats", "seats_taken", "seats"),
    ("Budgets:\n- budget $1000-$90000\n- spent: 0 up to the budget", "spent", "budget"),
    ("Exams:\n- max points 50-100\n- points scored (at most max points)", "points_scored", "max_points"),
])
def test_a_number_kept_below_another_column_is_a_number_between_0_and_it(text, low, high):
    rows = generate(text)
    assert all(0 <= a <= b for a, b in zip(rows[low], rows[high]))
    assert isinstance(rows[low][0], (int, float)) and len(set(rows[low])) > 10


@pytest.mark.parametrize("text, part, whole, share, direction", [
    ("300 staff: name, salary 30000-120000 and a bonus (no more than 15% of salary)", "bonus", "salary", 0.15, "<="),
    ("Sales:\n- price $20-$900\n- discount: at most a tenth of the price", "discount", "price", 0.1, "<="),
    ("Bookings:\n- total cost $200-$3000\n- deposit: at least 20% of the total cost", "deposit", "total_cost", 0.2, ">="),
])
def test_a_share_of_another_column_holds_on_every_row_and_is_named(text, part, whole, share, direction):
    result = extract_offline(text)
    assert any(f"{part}_share_pct" in w for w in result.warnings)  # the added column is named
    rows = generate(text)
    for a, b in zip(rows[part], rows[whole]):
        assert (a <= share * b + 1e-9) if direction == "<=" else (a >= share * b - 1e-9), (a, b)
    assert len(set(rows[part])) > 50  # varies with the row, not one constant


# --- a column that is a multiple of another, weighted sums ------------------------------------------------------

@pytest.mark.parametrize("text, column, formula", [
    ("Flats:\n- rent $700-$3000\n- deposit equal to two months of rent", "deposit", lambda r, i: 2 * r["rent"][i]),
    ("Menu:\n- full price $4-$30\n- child price is half the full price", "child_price",
     lambda r, i: 0.5 * r["full_price"][i]),
    ("Leases:\n- rent $700-$3000\n- holding fee: the same as the rent", "holding_fee", lambda r, i: r["rent"][i]),
    ("Grades:\n- quiz 0-100\n- project 0-100\n- final mark: 30% quiz + 70% project, one decimal", "final_mark",
     lambda r, i: 0.3 * r["quiz"][i] + 0.7 * r["project"][i]),
    ("Clinics:\n- booked 10-80\n- attended, never more than booked\n- show rate = attended / booked x 100, "
     "one decimal", "show_rate", lambda r, i: r["attended"][i] / r["booked"][i] * 100),
])
def test_a_multiple_or_weighted_sum_in_words_is_computed(text, column, formula):
    rows = generate(text)
    assert all(abs(rows[column][i] - formula(rows, i)) <= 0.051 for i in range(len(rows[column])))


def test_one_decimal_after_a_formula_sets_its_decimals():
    fields = fields_of("Grades:\n- quiz 0-100\n- project 0-100\n- final mark: 30% quiz + 70% project, one decimal")
    assert fields["final_mark"]["decimals"] == 1


# --- counters -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, column, start, step", [
    ("Tickets:\n- ticket no: auto-increment starting at 5000\n- subject", "ticket_no", 5000, 1),
    ("Log lines: line number (sequential integer), message text", "line_number", 1, 1),
    ("Batches:\n- batch: running number from 100, counting up by 10\n- weight kg 1-20", "batch", 100, 10),
])
def test_a_counter_in_words_numbers_the_rows_from_its_start(text, column, start, step):
    rows = generate(text)
    assert rows[column][:4] == [start + i * step for i in range(4)]
    assert len(set(rows[column])) == len(rows[column])


def test_a_counter_per_group_says_it_counts_across_all_rows():
    result = extract_offline("Chapters:\n- book: 30 books\n- chapter number: counter per book starting at 1")
    field = next(f for f in result.schema.fields if f.name == "chapter_number")
    assert field.type == "sequence" and any("not again for each book" in w for w in result.warnings)


def test_a_value_list_of_numbers_is_no_counter():
    assert fields_of("Survey:\n- score: 1, 2, 3, 4 or 5")["score"]["type"] != "sequence"


# --- one date a bounded gap after another ---------------------------------------------------------------------

@pytest.mark.parametrize("text, later, earlier, low, high", [
    ("Parcels:\n- posted on (last 60 days)\n- arrives: 2-6 days after posting", "arrives", "posted_on", 2, 6),
    ("Returns:\n- bought on in 2025\n- returned on, within 30 days of the bought on date", "returned_on", "bought_on",
     0, 30),
    ("Visas:\n- issued (last 2 years)\n- expires 1 to 2 weeks after issued", "expires", "issued", 7, 14),
    ("Events:\n- event day in 2026\n- reminder: 3 to 10 days before the event day", "reminder", "event_day", -10, -3),
])
def test_a_bounded_gap_between_dates_holds_on_every_row(text, later, earlier, low, high):
    result = extract_offline(text)
    assert any(f"{later}_gap_days" in w for w in result.warnings)
    rows = generate(text)
    gaps = [(a - b).days for a, b in zip(rows[later], rows[earlier])]
    assert min(gaps) >= low and max(gaps) <= high and len(set(gaps)) > 2


# --- a yes/no column with a rule is computed; a plain flag stays a flag ------------------------------------------

@pytest.mark.parametrize("text, flag, rule, plain", [
    ("Members:\n- age 12-80\n- junior: yes when age is younger than 18\n- newsletter (yes/no)", "junior",
     lambda r, i: r["age"][i] < 18, "newsletter"),
    ("Drivers: age 16-90, senior flag set when age is 70 or older, licence checked (yes/no)", "senior_flag",
     lambda r, i: r["age"][i] >= 70, "licence_checked"),
    ("Quiz: mark 0-50, passed is true if mark >= 30, retake allowed true/false", "passed",
     lambda r, i: r["mark"][i] >= 30, "retake_allowed"),
])
def test_a_flag_with_a_rule_is_derived_and_a_plain_flag_is_drawn(text, flag, rule, plain):
    rows = generate(text)
    assert all(bool(rows[flag][i]) == rule(rows, i) for i in range(len(rows[flag])))
    assert "expression" not in fields_of(text).get(plain, {"expression": None})
    assert len(set(map(str, rows[plain]))) == 2


# --- rules that would read each other back never reach the engine -------------------------------------------------

def test_a_formula_never_reads_a_column_computed_from_it():
    text = ("Ads:\n- spend $10-$900\n- conversion rate = sales divided by spend\n"
            "- cost per sale = spend divided by conversion rate")
    result = extract_offline(text)
    from src.engine import compile_schema
    compile_schema(result.schema)  # accepted: no cycle between the two formulas
    rows = generate(text)
    assert len(rows["spend"]) == 400


def test_a_cycle_left_by_the_words_is_dropped_with_a_warning():
    from src.extraction.cycles import break_cycles
    from src.extraction.drafts import FieldDraft

    a = FieldDraft(label="a", name="a", constraints={"expression": "b + 1"})
    b = FieldDraft(label="b", name="b", constraints={"expression": "a * 2"})
    warnings: list[str] = []
    break_cycles([a, b], warnings)
    assert ("expression" in a.constraints) != ("expression" in b.constraints)
    assert len(warnings) == 1 and "reads it back" in warnings[0]


def test_a_rule_written_as_its_own_comma_piece_stays_with_its_column():
    fields = fields_of("800 rentals: rental id, picked up at (last 30 days), returned (yes/no), and dropped off at, "
                       "only if returned, after picked up at.")
    assert set(fields) == {"rental_id", "picked_up_at", "returned", "dropped_off_at"}
    assert fields["dropped_off_at"]["when"] == "returned = 'yes'"
    assert fields["dropped_off_at"]["after"] == "picked_up_at"
