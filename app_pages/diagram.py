"""The entity-relationship diagram of a multi-table document, as Graphviz DOT (drawn in the browser)."""

from __future__ import annotations

import html
from typing import Any

KEY_MARK = "PK"
REFERENCE_MARK = "FK"


def _split(ref: str) -> tuple[str, str] | None:
    table, dot, field = str(ref).partition(".")
    return (table, field) if dot and table and field else None


def _port(name: str) -> str:
    return "f_" + "".join(c if c.isalnum() else "_" for c in name)


def _label(table: dict[str, Any]) -> str:
    """An HTML-like table: the table's name and rows, then each field with its type and key marks."""
    composite = set(table.get("primary_key") or [])
    composite_refs = {name for fk in table.get("foreign_keys") or [] for name in fk.get("fields") or []}
    rows = table.get("rows")
    rpp = table.get("rows_per_parent") or {}
    size = f"{rows:,} rows" if isinstance(rows, int) else \
        (f"{rpp.get('min', 0)}–{rpp.get('max', '?')} per {rpp.get('parent')}" if rpp else "rows: the job's")
    cells = [f'<TR><TD BGCOLOR="#4F46E5" COLSPAN="3"><FONT COLOR="white"><B>{html.escape(str(table.get("name")))}'
             f'</B></FONT><BR/><FONT COLOR="white" POINT-SIZE="9">{html.escape(size)}</FONT></TD></TR>']
    for field in table.get("fields") or []:
        name = str(field.get("name", ""))
        constraints = field.get("constraints") or {}
        marks = []
        if constraints.get("primary_key") or name in composite:
            marks.append(KEY_MARK)
        if constraints.get("references") or name in composite_refs:
            marks.append(REFERENCE_MARK)
        cells.append(f'<TR><TD ALIGN="LEFT" PORT="{_port(name)}">{html.escape(name)}</TD>'
                     f'<TD ALIGN="LEFT"><FONT COLOR="#6B7280">{html.escape(str(field.get("type", "")))}</FONT></TD>'
                     f'<TD>{"<B>" + " ".join(marks) + "</B>" if marks else " "}</TD></TR>')
    return '<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">' + "".join(cells) + "</TABLE>>"


def build_er_diagram(doc: dict[str, Any]) -> str:
    """DOT text: one node per table, one edge per reference (child field -> parent key)."""
    tables = [t for t in doc.get("tables") or [] if isinstance(t, dict)]
    names = {str(t.get("name")) for t in tables}
    lines = ["digraph schema {", '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.4, ranksep=0.9];',
             '  node [shape=plain, fontname="Helvetica", fontsize=11];',
             '  edge [color="#6B7280", fontname="Helvetica", fontsize=9, arrowhead=crow, arrowtail=tee, dir=both];']
    for table in tables:
        lines.append(f'  "{table.get("name")}" [label={_label(table)}];')
    for table in tables:
        rpp = table.get("rows_per_parent") or {}
        for field in table.get("fields") or []:
            parts = _split((field.get("constraints") or {}).get("references") or "")
            if not parts or parts[0] not in names:
                continue
            counts = f"{rpp.get('min', 0)}..{rpp.get('max', '?')}" if rpp.get("parent") == parts[0] else "n"
            side = "e" if parts[0] == table.get("name") else "w"  # a self-reference loops on the right
            lines.append(f'  "{parts[0]}":{_port(parts[1])}:e -> "{table.get("name")}":{_port(str(field.get("name")))}'
                         f':{side} [label="{counts}"];')
        for fk in table.get("foreign_keys") or []:
            if fk.get("references") in names:
                lines.append(f'  "{fk["references"]}" -> "{table.get("name")}" '
                             f'[label="({", ".join(map(str, fk.get("fields") or []))})"];')
    lines.append("}")
    return "\n".join(lines)
