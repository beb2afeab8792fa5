"""OUTPUT_VERSION: which seeded output this engine makes.

Bump it whenever the same (schema, seed, anchor) would give different bytes (CSV, JSON, JSONL) or
values (Parquet); `tests/golden` fails until you do, and README's "Output versions" table lists
every version. Jobs record it; a job resumed under a different version is regenerated from row 0.
"""

OUTPUT_VERSION = 10
