"""Notes under a section layout: 'meters: meter_id, customer_name, tariff' lines (one header line per table)
followed by a paragraph about their columns ('meter_id is MTR- followed by 6 digits. tariff: standard, economy7').
Each note goes to the table and column it names; the rest stays with the last table (links, counts)."""

from __future__ import annotations

import re

from src.extraction.header_line import mention_variants, note_chunks, note_segments
from src.extraction.sentences import split_sentences

CELL_RE = re.compile(r"[A-Za-z][\w]*(?:[ -][A-Za-z][\w]*){0,2}")


def split_header_cells(inline: str) -> list[str] | None:
    """'meter_id, customer_name, tariff, install_date': a header line of column names, one cell per column."""
    for sep in ("|", ";", ","):
        cells = [c.strip() for c in inline.split(sep) if c.strip()]
        if len(cells) >= 2:
            break
    else:
        return None
    if not all(CELL_RE.fullmatch(c) for c in cells) or not any("_" in c or re.search(r"[a-z][A-Z]", c) for c in cells):
        return None
    return cells


def place_notes(bodies: list[list[str]], notes: list[str]) -> None:
    """Add each note to the first body line (column) it names, as 'cell: note'; unnamed words stay with the
    last body, where the section reader finds links and counts in them."""
    owners: dict[str, tuple[int, int]] = {}
    for b, body in enumerate(bodies):
        for n, line in enumerate(body):
            cell = line.split(":")[0].strip()
            if CELL_RE.fullmatch(cell):
                owners.setdefault(cell, (b, n))
    variants = mention_variants(list(owners))
    rest: list[str] = []
    for sentence in (s for chunk in note_chunks(notes, variants) for s in split_sentences(chunk)):
        for cell, segment in note_segments(sentence.rstrip("."), variants):
            if cell is None:
                rest.append(segment)
                continue
            b, n = owners[cell]
            line = bodies[b][n]
            bodies[b][n] = f"{line}, {segment}" if ":" in line else f"{line}: {segment}"
    if rest and bodies:
        bodies[-1].append(". ".join(rest))
