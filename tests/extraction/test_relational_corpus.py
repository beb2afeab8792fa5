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


def test_the_single_table_corpora_stay_one_table():
    import json
    from pathlib import Path

    from src.extraction.relational import extract_relational

    folder = Path(__file__).with_name("corpus")
    texts = [c["text"] for name in ("tuning.json", "heldout.json")
             for c in json.loads((folder / name).read_text(encoding="utf-8"))]
    # 'employees and their managers' is a hierarchy: one table with a self-reference, on purpose
    related = [t for t in texts if extract_relational(t) is not None and t != "employees and their managers"]
    assert len(texts) > 100 and related == []
