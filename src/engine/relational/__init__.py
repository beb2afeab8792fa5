"""Multi-table datasets on top of the single-table engine: keys computed, never joined."""

from src.engine.relational.compile import RelationalPlan, TablePlan, compile_relational, table_seed

__all__ = ["RelationalPlan", "TablePlan", "compile_relational", "table_seed"]
