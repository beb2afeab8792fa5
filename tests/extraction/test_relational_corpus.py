"""The relational corpus: every description is read into the tables, links and counts it states, and text
about one entity stays one table."""

from __future__ import annotations

import pytest

from tests.extraction.relational_corpus import check_case, load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_the_corpus_case_is_read_as_stated(case):
    assert check_case(case) == []


def test_the_corpus_holds_both_kinds():
    assert sum(bool(c.get("one_table")) for c in CASES) >= 8
    assert sum(not c.get("one_table") for c in CASES) >= 20
