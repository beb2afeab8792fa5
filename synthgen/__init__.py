"""synthgen's Python API: datasets that obey every rule, for tests, notebooks and pipelines.

    import synthgen
    table = synthgen.generate({"fields": [{"name": "id", "type": "uuid"}]}, rows=1000, seed=7)
    df = synthgen.generate_pandas("schema.json", rows=1000)
    for batch in synthgen.iter_batches(schema, rows=10_000_000, batch_size=100_000): ...
    synthgen.write(schema, 1_000_000, "customers.csv.gz")

A schema is a dict, a path to a JSON file, JSON text, or a ``synthgen.DatasetSchema``. Without a
seed (argument or the schema's ``seed``) a random one is drawn; ``synthgen.read_seed(table)`` (or
``.seed`` of what ``iter_batches``/``write`` return) gives it back, so any dataset can be reproduced.
"""

from src.errors import SchemaValidationError, SynthError
from src.schemas import DatasetSchema
from synthgen.files import FORMATS, OutputFormatError, WriteResult, resolve_output, write
from synthgen.generation import (
    Batches,
    draw_seed,
    generate,
    generate_pandas,
    iter_batches,
    load_schema,
    read_anchor,
    read_seed,
)

__all__ = [
    "FORMATS", "Batches", "DatasetSchema", "OutputFormatError", "SchemaValidationError", "SynthError",
    "WriteResult", "draw_seed", "generate", "generate_pandas", "iter_batches", "load_schema",
    "read_anchor", "read_seed", "resolve_output", "write",
]
