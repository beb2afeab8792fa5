"""Tables pasted from spreadsheets and wikis: tab-separated, space-aligned, headed 'Variable | Type | Definition'."""

from __future__ import annotations

import pytest

from src.extraction.delimited_tables import rewrite_delimited_tables
from src.extraction.layout import _is_schema_head
from tests.extraction.offline_helpers import extract, fields_of

TAB_SPEC = ("Inventory spec (tab separated). 500 rows.\n\n"
            "field\ttype\tnotes\n"
            "item_code\tstring\tunique\n"
            "category\tstring\ttools, garden, paint\n"
            "unit_cost\tdecimal\t0.50 - 300.00\n"
            "on_hand\tint\t0-2000\n"
            "discontinued\tbool\t\n"
            "received_on\tdate\t2024-01-01 .. 2025-06-30\n")


def test_a_tab_separated_data_dictionary_gives_one_column_per_row():
    fields = fields_of(TAB_SPEC)
    assert list(fields) == ["item_code", "category", "unit_cost", "on_hand", "discontinued", "received_on"]
    assert fields["category"]["enum_values"] == ["tools", "garden", "paint"]
    assert (fields["unit_cost"]["min_value"], fields["unit_cost"]["max_value"]) == (0.5, 300)
    assert fields["on_hand"]["type"] == "integer" and fields["on_hand"]["max_value"] == 2000
    assert fields["discontinued"]["type"] == "boolean"
    assert fields["received_on"]["min_value"] == "2024-01-01"
    assert extract(TAB_SPEC).total_rows == 500


@pytest.mark.parametrize("head", ["Variable | Type | Definition", "Column name | Data type | Comments",
                                  "Field name | Type | Remarks", "Variable name | Definition"])
def test_a_wiki_table_of_columns_is_read_by_its_rows_whatever_its_header_says(head):
    cells = head.split(" | ")
    rows = [["visit_no", "int", "1-12"], ["ward", "char", "A, B, C"], ["discharged", "bool", ""]]
    rows = [[r[0], r[2]] if len(cells) == 2 else r for r in rows]
    table = "\n".join(["| " + " | ".join(cells) + " |", "|" + "---|" * len(cells),
                       *("| " + " | ".join(r) + " |" for r in rows)])
    fields = fields_of("Ward visits, 300 rows.\n\n" + table)
    assert list(fields)[:3] == ["visit_no", "ward", "discharged"]
    assert fields["visit_no"]["min_value"] == 1 and fields["visit_no"]["max_value"] == 12
    assert fields["ward"]["enum_values"] == ["A", "B", "C"]


def test_a_space_aligned_table_is_read_only_under_a_header_of_schema_words():
    spaced = "column      type     rule\nbatch_no    int      1-90\nline        text     L1, L2, L3\n"
    assert rewrite_delimited_tables(spaced, _is_schema_head).startswith("| column | type | rule |\n|---|")
    prose = "We  have  two spaces  here\nand   here too  by accident\n"
    assert rewrite_delimited_tables(prose, _is_schema_head) == prose
    fields = fields_of("Batches, 90 rows.\n\n" + spaced)
    assert fields["batch_no"]["max_value"] == 90 and fields["line"]["enum_values"] == ["L1", "L2", "L3"]


def test_a_tab_indented_bullet_list_is_not_a_table():
    text = "Orders, 200 rows:\n\t- order id\n\t- amount 5-50\n"
    assert rewrite_delimited_tables(text, _is_schema_head) == text


@pytest.mark.parametrize("title, rows", [("Trial ABC-301 participant table. 240 participants.", 240),
                                         ("Plant B-12 shift log, 90 shifts.", 90),
                                         ("Study #204 survey answers: 150 answers.", 150)])
def test_a_number_inside_a_code_of_the_title_is_not_the_row_count(title, rows):
    assert extract(title + "\n- answer id\n- score 1-5").total_rows == rows


@pytest.mark.parametrize("indent, dash", [("", "—"), ("  ", "—"), ("    ", "–"), ("", "-"), ("\t", "--")])
def test_label_dash_rule_lines_with_no_bullets_are_one_column_each(indent, dash):
    text = (f"Please make 600 subscriber rows.\n\nFields we need:\n"
            f"{indent}plan {dash} Prepaid 15, Unlimited Basic, Unlimited Plus\n"
            f"{indent}activation date {dash} within the last 5 years\n"
            f"{indent}dropped calls {dash} 0 to 40\n"
            f"{indent}autopay {dash} yes/no\n")
    fields = fields_of(text)
    assert fields["plan"]["enum_values"] == ["Prepaid 15", "Unlimited Basic", "Unlimited Plus"]
    assert fields["activation_date"]["min_value"] == "-5y"
    assert fields["dropped_calls"]["max_value"] == 40
    assert fields["autopay"]["enum_values"] == ["yes", "no"]
    assert len(fields) == 4
