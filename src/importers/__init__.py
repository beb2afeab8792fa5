"""Schemas in: a schema document from SQL DDL, a live database or a sample file.

``ddl.import_ddl``, ``database.import_database`` and ``sample.import_sample`` each return an
``ImportResult``: the document plus every rule that could not be honoured, as warnings.
"""

from src.importers.model import ImportResult

__all__ = ["ImportResult"]
