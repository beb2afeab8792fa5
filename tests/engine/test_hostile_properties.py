"""Property: whatever document or expression arrives, the engine answers rows or SchemaValidationError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from src.engine import compile_schema
from src.errors import SchemaValidationError
from tests.engine.conftest import ANCHOR
from tests.input_strategies import rule_documents, schema_documents


HOSTILE = settings(max_examples=300, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def assert_rows_or_refused(doc: dict) -> None:
    """compile_schema + check_row_count + generate_chunk give 200 rows or SchemaValidationError, nothing else."""
    try:
        plan = compile_schema(doc, anchor=ANCHOR)
        plan.check_row_count(200)
        batch = plan.generate_chunk(0, 200)
    except SchemaValidationError as err:
        assert err.problems and all(p.message for p in err.problems)
        return
    assert batch.num_rows == 200


@HOSTILE
@given(schema_documents())
def test_any_document_compiles_generates_or_is_refused(doc):
    assert_rows_or_refused(doc)


@HOSTILE
@given(rule_documents())
def test_any_expression_condition_or_pattern_is_computed_or_refused(doc):
    assert_rows_or_refused(doc)
