"""The generation engine: schema document in, Arrow record batches out, column at a time."""

from src.engine.compiler import compile_schema
from src.engine.plan import DatasetPlan, draw_seed
from src.engine.registry import GeneratorRegistry, create_default_registry

__all__ = ["DatasetPlan", "GeneratorRegistry", "compile_schema", "create_default_registry", "draw_seed"]
