"""Formulas whose operands are written as a comma list or in brackets: 'total = sum of subtotal, tax and
shipping', '(OG minus FG) times 131.25', 'cost minus discount percent of cost'; every row holds the formula."""

from __future__ import annotations

import pytest

from tests.extraction.offline_helpers import fields_of, generate

LISTED = [
    # (description, derived column, the columns it combines, how: sum | product)
    ("Orders: order id, subtotal 10-500, tax 0-50, shipping 0-20, total = sum of subtotal, tax and shipping.",
     "total", ["subtotal", "tax", "shipping"], "sum"),
    ("- q1 sales: 100-900\n- q2 sales: 100-900\n- q3 sales: 100-900\n- annual sales: sum of q1 sales, q2 sales, "
     "q3 sales", "annual_sales", ["q1_sales", "q2_sales", "q3_sales"], "sum"),
    ("Payroll, 200 rows: base pay 2000-5000, overtime pay 0-800, bonus 0-1000, gross pay = the total of base pay, "
     "overtime pay and bonus", "gross_pay", ["base_pay", "overtime_pay", "bonus"], "sum"),
    ("Boxes: length 10-50, width 10-50, height 5-30, volume is the product of length, width and height",
     "volume", ["length", "width", "height"], "product"),
    ("Match stats:\n- goals: 0-5\n- assists: 0-5\n- saves: 0-10\n- involvement: sum of goals, assists and saves",
     "involvement", ["goals", "assists", "saves"], "sum"),
]


@pytest.mark.parametrize("text, derived, parts, how", LISTED)
def test_a_listed_formula_combines_every_column_named(text, derived, parts, how):
    fields = fields_of(text)
    assert "enum_values" not in fields[derived] and fields[derived]["type"] != "enum"
    rows = generate(text)
    for i, value in enumerate(rows[derived]):
        operands = [rows[p][i] for p in parts]
        expected = sum(operands) if how == "sum" else operands[0] * operands[1] * operands[2]
        assert value == pytest.approx(expected, abs=0.011)


WORDED = [
    ("Brewing log: original gravity 1.040-1.090, final gravity 1.005-1.020, ABV is (OG minus FG) times 131.25, "
     "rounded to one decimal", "abv", lambda r, i: (r["original_gravity"][i] - r["final_gravity"][i]) * 131.25, 0.051),
    ("Cloud bill:\n- cost: 10-900\n- discount: 0-15 %\n- net cost: cost minus discount percent of cost",
     "net_cost", lambda r, i: r["cost"][i] * (1 - r["discount"][i] / 100), 0.011),
    ("Sales: price 5-200, quantity 1-10, margin is (price minus 4) times quantity", "margin",
     lambda r, i: (r["price"][i] - 4) * r["quantity"][i], 0.011),
    ("Taxi rides:\n- fare: 5-80\n- tip: 0-25 %\n- charged: fare plus tip percent of fare",
     "charged", lambda r, i: r["fare"][i] * (1 + r["tip"][i] / 100), 0.011),
    ("Grades: coursework 0-100, exam 0-100, weighted is (coursework plus exam) divided by 2", "weighted",
     lambda r, i: (r["coursework"][i] + r["exam"][i]) / 2, 0.011),
]


@pytest.mark.parametrize("text, derived, formula, tolerance", WORDED)
def test_a_formula_in_words_and_brackets_holds_on_every_row(text, derived, formula, tolerance):
    rows = generate(text)
    for i, value in enumerate(rows[derived]):
        assert value == pytest.approx(formula(rows, i), abs=tolerance)
