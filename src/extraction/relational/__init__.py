"""Relational extraction, offline: text naming several entities and how they relate -> a multi-table document.

Stages, one direction: entity split (``sections.py`` for a section per table, ``prose.py`` with the link
words of ``links.py`` and child counts of ``counts.py``) -> each table's fields from the single-table reader
(``extract_offline``) -> keys and links (``keys.py``) -> the document, checked by the engine (``document.py``).
Text about one entity answers None: the single-table reader's answer stands.
"""

from __future__ import annotations

import logging

from src.extraction.relations import ONE_ROW_PER_RE
from src.extraction.relational.document import RelationalExtraction, build_document
from src.extraction.relational.prose import split_prose
from src.extraction.relational.sections import split_sections

logger = logging.getLogger(__name__)

__all__ = ["RelationalExtraction", "extract_relational"]

MAX_EXTRACTED_TABLES = 20  # more entities than this is no description of a database: read as one table


def extract_relational(text: str) -> RelationalExtraction | None:
    """The related tables the text describes, or None when it describes one table."""
    if ONE_ROW_PER_RE.search(text):
        return None  # 'students and their grades, one row per student': one table of that entity
    drafts = split_sections(text) or split_prose(text)
    if not drafts or len(drafts) > MAX_EXTRACTED_TABLES:
        return None
    linked = any(d.parent or d.self_ref for d in drafts)
    if len(drafts) < 2 and not linked:
        return None
    return build_document(drafts)
