"""Vectorized generators, one function per field type: (FieldPlan, ChunkContext) -> pyarrow.Array."""
