"""Tables pasted from a spreadsheet or a terminal -> markdown tables, before the layout stage reads them.

A run of two or more lines whose cells are separated by tabs ('field<TAB>type<TAB>notes', as a spreadsheet
copies them), or by runs of two or more spaces under a header of schema words ('column   type   rule'), is
rewritten as a markdown table with its separator row, so one table reader serves every way a table is pasted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

TAB_SPLIT_RE = re.compile(r"\t+")
SPACES_SPLIT_RE = re.compile(r"\s{2,}|\t+")
BULLET_RE = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s")


def _tab_cells(line: str) -> list[str] | None:
    body = line.strip()
    if "\t" not in body or BULLET_RE.match(line) or body.startswith("|"):
        return None
    cells = [c.strip() for c in TAB_SPLIT_RE.split(body)]
    return cells if len(cells) >= 2 and cells[0] else None


def _spaced_cells(line: str) -> list[str] | None:
    body = line.strip()
    if BULLET_RE.match(line) or body.startswith("|") or not re.search(r"\S\s{2,}\S", body):
        return None
    cells = [c.strip() for c in SPACES_SPLIT_RE.split(body)]
    return cells if len(cells) >= 2 and cells[0] else None


def _as_markdown(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    return [lines[0], "|" + "---|" * width, *lines[1:]]


def rewrite_delimited_tables(text: str, is_schema_head: Callable[[list[str]], bool]) -> str:
    """``text`` with each tab-separated run of lines, and each space-aligned run headed by schema words
    (``is_schema_head`` of the first line's cells), as a markdown table; other lines unchanged."""
    if "\t" not in text and not re.search(r"\S {2,}\S", text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        run = _run(lines, i, _tab_cells)
        if len(run) < 2:
            run = _run(lines, i, _spaced_cells)
            if len(run) < 2 or not is_schema_head(run[0]):
                run = []
        if run:
            out.extend(_as_markdown(run))
            i += len(run)
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def _run(lines: list[str], start: int, cells_of: Callable[[str], list[str] | None]) -> list[list[str]]:
    rows: list[list[str]] = []
    for line in lines[start:]:
        cells = cells_of(line)
        if cells is None:
            break
        rows.append(cells)
    return rows
