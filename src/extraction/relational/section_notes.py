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


TABLE_HEADS = {"table", "entity", "tables", "entities"}


def split_table_column(text: str) -> str | None:
    """One markdown table of columns headed '| table | column | rule |': rewritten as a section per table
    ('**artists**' over its own rows); the lines outside the table stay, before the sections."""
    lines = text.strip().splitlines()
    rows = [i for i, line in enumerate(lines) if line.strip().startswith("|")]
    if len(rows) < 3:
        return None
    cells = [[c.strip() for c in lines[i].strip().strip("|").split("|")] for i in rows]
    head = [c.lower() for c in cells[0]]
    at = next((n for n, h in enumerate(head) if h in TABLE_HEADS), None)
    if at is None or len(head) < 3:
        return None
    body = [r for r in cells[1:] if not all(re.fullmatch(r":?-{2,}:?", c) for c in r if c)]
    tables: dict[str, list[list[str]]] = {}
    for row in body:
        if len(row) == len(head) and row[at]:
            tables.setdefault(row[at], []).append([c for n, c in enumerate(row) if n != at])
    if len(tables) < 2:
        return None
    rest = [line.strip() for i, line in enumerate(lines) if i not in rows and line.strip()]
    heads = "| " + " | ".join(c for n, c in enumerate(cells[0]) if n != at) + " |"
    rule = "|" + "---|" * (len(head) - 1)
    parts = [" ".join(rest)] if rest else []
    words = " ".join(rest + [c for r in body for c in r])
    for name, table_rows in tables.items():
        count = _count_of(name, words)
        parts.append(f"**{name}**" + (f" ({count})" if count else "") + f"\n\n{heads}\n{rule}\n"
                     + "\n".join("| " + " | ".join(r) + " |" for r in table_rows))
    return "\n\n".join(parts)


def _count_of(name: str, words: str) -> str | None:
    """'5-30 tracks per artist' or 'About 150 artists' anywhere in the text: that table's count."""
    word = re.escape(name.rstrip("s"))
    per = re.search(rf"(\d[\d,]*\s*(?:-|–|to)\s*\d[\d,]*)\s+{word}s?\s+(per|each|for\s+each)\s+([A-Za-z]+)", words, re.I)
    if per:
        return f"{per[1]} per {per[3]}"
    rows = re.search(rf"(?:about|around|roughly|~)?\s*(\d[\d,]*\s*k?)\s+{word}s?\b(?!\s+(?:per|each))", words, re.I)
    return rows[1].strip() if rows else None
