"""`string` columns named like a status, a code or a nickname get values of that meaning, never word
salad; the engine, the extractor's label table and `synthgen types` read each name the same way."""

from __future__ import annotations

import re

import pytest

from src.engine import compile_schema
from src.engine.catalog import type_catalog
from src.engine.data.things import POOLS
from src.engine.generators.nicknames import DIMINUTIVES
from src.engine.semantics import classify_name, infer_thing, tokenize

STATUS_NAMES = ["status", "order_status", "account_status", "ticket_status", "stage", "phase", "workflow_state"]
CODE_NAMES = ["code", "item_code", "short_code", "reference_code", "internal_code"]
NICK_NAMES = ["nickname", "nick", "nick_name", "preferred_name"]


def _rows(fields: list[dict], n: int = 3000, seed: int = 5) -> dict:
    plan = compile_schema({"fields": fields}, seed=seed)
    plan.check_row_count(n)
    return plan.generate_chunk(0, n).to_pydict()


@pytest.mark.parametrize("name", STATUS_NAMES)
def test_status_columns_take_a_small_set_of_realistic_statuses(name):
    values = _rows([{"name": name, "type": "string"}])[name]
    assert set(values) <= set(POOLS["status"]) and len(set(values)) >= 6
    assert values.count("Active") > values.count("Cancelled")  # the common states most often


@pytest.mark.parametrize("name", CODE_NAMES)
def test_code_columns_are_uppercase_codes(name):
    values = _rows([{"name": name, "type": "string"}])[name]
    assert all(re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)?", v) and re.search("[A-Z]", v) and re.search("[0-9]", v)
               for v in values), values[:5]
    assert len(set(values)) > 2900


def test_unique_codes_are_distinct_by_construction_in_any_split():
    plan = compile_schema({"fields": [{"name": "promo_code", "type": "string", "constraints": {"unique": True}}]},
                          seed=2)
    plan.check_row_count(20000)
    values = plan.generate_chunk(0, 20000).column(0).to_pylist()
    assert len(set(values)) == 20000 and all(re.fullmatch(r"[A-Z]{2,3}-?[0-9]{6}", v) for v in values)
    assert plan.generate_chunk(7000, 500).column(0).to_pylist() == values[7000:7500]


@pytest.mark.parametrize("name", NICK_NAMES)
def test_a_nickname_comes_from_the_rows_own_first_name(name):
    rows = _rows([{"name": "first_name", "type": "first_name"}, {"name": "full_name", "type": "full_name"},
                  {"name": name, "type": "string"}])
    clipped = 0
    for first, full, nick in zip(rows["first_name"], rows["full_name"], rows[name]):
        assert full.startswith(first + " ")
        assert nick and " " not in nick and nick[0].isupper()
        clipped += nick != first
        # the row's own first name: itself, its first syllable, or its usual diminutive (Robert -> Bob)
        assert nick == first or (first.startswith(nick) and len(nick) >= 3) or DIMINUTIVES.get(first) == nick, \
            (first, nick)
    assert clipped > 300  # many long names are shortened, not copied


@pytest.mark.parametrize("name, meaning", [*((n, "status") for n in STATUS_NAMES),
                                           *((n, "short_code") for n in CODE_NAMES),
                                           *((n, "nickname") for n in NICK_NAMES)])
def test_the_engine_the_extractor_and_the_catalog_agree(name, meaning):
    assert infer_thing(name) == meaning
    assert classify_name(tokenize(name)) in ("string", "code")  # the extractor: a string (or a code) column
    string = next(t for t in type_catalog() if t["type"] == "string")
    meanings = {m["meaning"]: m for m in string["meanings"]}
    assert meanings[meaning]["example"] and name.replace("_", " ") in meanings[meaning]["names"] + [meaning.replace("_", " ")]


def test_a_handle_stays_a_username():
    values = _rows([{"name": "handle", "type": "string"}], n=200)["handle"]
    assert all(re.fullmatch(r"[a-z0-9._]+", v) for v in values)
