"""Entity split of a layout with a section per table: markdown headings, 'Orders:' lines over bullets,
or 'Customers: name, email, country' lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from src.extraction.relational.counts import read_count
from src.extraction.comma_list import split_prose_items
from src.extraction.relational.links import read_links, read_orders
from src.extraction.relational.model import EntityDraft, entity_key, is_entity, table_name, trim_phrase
from src.extraction.relational.prose import link_by_known_pairs, read_rows_before
from src.extraction.relational.section_notes import place_notes, split_header_cells, split_table_column

BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦‣+]|\d{1,3}[.)])\s+")
HEADING_RE = re.compile(r"^\s*(?P<hash>#{1,6}\s*)?(?P<star>\*\*|__)?\s*(?:table|entity)?\s*[:\-–]?\s*"
                        r"(?P<title>[^:]*?)\s*(?:\*\*|__)?\s*(?::\s*(?P<inline>.*?))?\s*(?:\*\*|__)?\s*$", re.I)
TITLE_RE = re.compile(r"^(?P<rows>\d[\d,]*(?:\.\d+)?\s*(?:k|m|thousand|million)?\s+)?(?P<name>[A-Za-z][A-Za-z _-]*?)"
                      r"(?:\s+table)?\s*(?P<rest>(?:\(|[-–—,;]|\s\d|\s(?:each|with|per|belong|that|which|where|"
                      r"linked|related|child|references?)\b).*)?$", re.I)
LINK_LINE_RE = re.compile(r"\b(?:references?|refers\s+to|foreign\s+key|fk|->|→|links?\s+to|points?\s+to|"
                          r"belongs?\s+to|child\s+of|from)\s+(?:the\s+|a\s+|an\s+|one\s+)?(?P<t>[A-Za-z_]\w*)", re.I)


@dataclass
class Section:
    title: str
    name: str
    rest: str
    rows_text: str
    body: list[str] = field(default_factory=list)
    header_cells: bool = False  # the body is a header line's cells: 'meters: meter_id, customer_name, tariff'


def read_sections(text: str) -> list[Section] | None:
    """Two or more sections that each name an entity, or None."""
    sections: list[Section] = []
    lines = [line.rstrip() for line in text.strip().splitlines()]
    indent, preamble = None, 0
    notes: list[str] = []  # a paragraph after sections of header lines: notes on their columns
    gap = False
    for i, line in enumerate(lines):
        if not line.strip():
            gap = bool(sections)
            continue
        heading = _heading(line, lines[i + 1] if i + 1 < len(lines) else "")
        depth = len(line) - len(line.lstrip())
        if heading is not None and indent is not None and depth > indent:
            heading = None  # nested under the section above: one of its lines
        if heading is not None:
            indent = depth if indent is None else indent
        if heading is not None:
            sections.append(heading)
            gap = False
        elif sections and (gap or notes) and any(s.header_cells for s in sections) and not BULLET_RE.match(line) \
                and not line.lstrip().startswith("|"):
            notes.append(line.strip())
        elif sections:
            sections[-1].body.append(BULLET_RE.sub("", line).strip())
        elif preamble < MAX_PREAMBLE_LINES and not BULLET_RE.match(line):
            preamble += 1  # 'Excavation database with sites and finds.': a title or scene before the sections
        else:
            return None  # more prose (or a list) before the first section: not a section layout
    named = [s for s in sections if s.name]
    if notes:
        place_notes([s.body for s in named], notes)
    return named if len(named) >= 2 and len(named) == len(sections) else None



MAX_HEADING_CHARS = 200
MAX_PREAMBLE_LINES = 2


BOLD_TITLE_RE = re.compile(r"^(?P<lead>\s*(?:#{1,6}\s*)?)(?P<m>\*\*|__)(?P<title>[^*:]+?)(?P=m)\s*(?P<rest>[^:*]*)$")
# '**fields** (2-8 per farm)': a marked heading counted per another table names a table whatever its word
COUNTED_PER_RE = re.compile(r"\d\s*(?:-|–|to)\s*\d+\s+(?:per|each|for\s+each|for\s+every)\s+[A-Za-z]", re.I)


def _heading(line: str, next_line: str) -> Section | None:
    if len(line) > MAX_HEADING_CHARS:
        return None
    if BULLET_RE.match(line):
        if not _is_outer_bullet(line, next_line):
            return None
        line = BULLET_RE.sub("", line)  # '1. patients - ~250 rows' over indented bullets: a section's heading
    bold = BOLD_TITLE_RE.match(line)
    if bold and bold["rest"].strip():
        line = f"{bold['lead']}**{bold['title'].strip()} {bold['rest'].strip()}**"  # '**farms** (about 60)'
    m = HEADING_RE.match(line)
    if not m or not m["title"]:
        return None
    marked = bool(m["hash"] or m["star"])
    inline = (m["inline"] or "").strip()
    colon = ":" in line
    listed = bool(BULLET_RE.match(next_line))
    if not (marked or (colon and (inline or listed or next_line.startswith((" ", "\t")))) or (listed and not inline)):
        return None  # 'Patients' over a list of bullets is a section too
    t = TITLE_RE.match(m["title"].strip())
    if not t or len(m["title"].split()) > 8 or "." in m["title"]:
        return None
    name = trim_phrase(t["name"])
    if not name and marked and COUNTED_PER_RE.search(t["rest"] or "") and re.fullmatch(r"[A-Za-z]+s", t["name"].strip()):
        name = t["name"].strip().lower()
    elif not name or not (is_entity(name, subject=True) or is_entity(name) or re.search(r"\btable\b", line, re.I)):
        return None
    if inline and "," not in inline and not marked:
        return None  # 'Status: active' is one column, not a section
    section = Section(title=m["title"].strip(), name=name, rest=(t["rest"] or "").strip(), rows_text=t["rows"] or "")
    if inline:
        cells = split_header_cells(inline)
        section.body.extend(cells or [inline])
        section.header_cells = cells is not None
    return section


def _is_outer_bullet(line: str, next_line: str) -> bool:
    """A bullet with indented bullets under it: the outer one names a table, the inner ones its columns."""
    depth = len(line) - len(line.lstrip())
    return bool(BULLET_RE.match(next_line)) and len(next_line) - len(next_line.lstrip()) > depth


def split_sections(text: str) -> list[EntityDraft] | None:
    sections = read_sections(split_table_column(text) or text)  # '| table | column | rule |': a section per table
    if sections is None:
        return None
    drafts = [EntityDraft(key=entity_key(s.name), table=table_name(entity_key(s.name))) for s in sections]
    keys = {d.key for d in drafts}
    if len(keys) < len(drafts):
        return None
    for section, draft in zip(sections, drafts):
        _read_section(section, draft, keys)
    link_by_known_pairs(drafts)
    return drafts


def _read_section(section: Section, draft: EntityDraft, keys: set[str]) -> None:
    relation = section.rest
    body: list[str] = []
    for line in section.body:
        target = _link_target(line, keys - {draft.key})
        if target:
            _add_parent(draft, target)
            relation += " " + line
            continue
        if _names_parent_key(line, keys - {draft.key}):
            _add_parent(draft, _names_parent_key(line, keys - {draft.key}))
            continue
        reading = read_links(line, frozenset(keys))
        if any(link.child in (draft.key, "") for link in reading.links) or reading.pending:
            link_words, columns = _split_link_line(line)
            if columns:  # 'each customer has 1-5 orders, with order date ..., amount 10-500': columns after the link
                orders, columns = read_orders(columns, keys - {draft.key})
                draft.orders += [o for _, _, o in orders]
                body += [piece for piece in split_prose_items(columns) if piece.strip()]
            relation += " " + link_words
            for link in reading.links:
                if link.self_role:
                    draft.self_ref = link.self_role
            continue
        orders, line = read_orders(line, keys - {draft.key})
        draft.orders += [o for _, _, o in orders]
        body.append(line)
    reading = read_links(f"{section.name} {relation}", frozenset(keys))
    for link in reading.links:
        if link.self_role:
            draft.self_ref = link.self_role
        elif link.child == draft.key and link.parent in keys:
            _add_parent(draft, link.parent)
            draft.count = draft.count or link.count
    for _, parent, count in reading.pending:
        if parent in keys and parent != draft.key:
            _add_parent(draft, parent, first=True)
            draft.count = draft.count or count
    target = _link_target(relation, keys - {draft.key})
    if target:
        _add_parent(draft, target)
    if draft.parent is None:  # 'Finds (each site 10-60 finds)', 'Visits — each patient has 2 to 10'
        named = re.search(r"\b(?:per|each|every|for\s+each|for\s+every)\s+(?P<k>[A-Za-z][\w-]*)", relation, re.I)
        if named and entity_key(named["k"]) in keys - {draft.key}:
            _add_parent(draft, entity_key(named["k"]))
    if draft.parent and draft.count is None and re.search(r"\b(?:per|each|every)\b", relation, re.I):
        draft.count = read_count(relation)
    if draft.count is None:
        draft.rows = read_rows_before(section.rows_text) if section.rows_text else _bracketed_rows(section.rest)
    draft.has_columns = bool(body)
    # a markdown table's rows stay rows: the table reader reads them, not a bullet per row
    draft.text = f"{section.name}:\n" + "\n".join(line if line.startswith("|") else f"- {line}" for line in body) \
        if body else section.name


LINK_THEN_COLUMNS_RE = re.compile(r"^(?P<link>.*?\S)\s*[,;]?\s+(?:with|having|including|containing)\s+(?P<cols>\S.*)$", re.I)


def _split_link_line(line: str) -> tuple[str, str]:
    """A link line's own words and the columns it goes on to list after 'with', if any."""
    m = LINK_THEN_COLUMNS_RE.match(line)
    if m is None or "," not in m["cols"] and not re.search(r"\d|\(", m["cols"]):
        return line, ""
    return m["link"], m["cols"].strip(" .")


ROWS_AFTER_TITLE_RE = re.compile(r"^(?:\(|[-–—,:]\s*)\s*(?:about|around|roughly|approx\.?|approximately|~|n\s*=)?\s*"
                                r"(\d[\d,]*(?:\.\d+)?\s*(?:k|m|thousand|million)?)\s*(?:rows?|records?|of\s+them)?\s*\)?\s*\.?$", re.I)


def _bracketed_rows(rest: str) -> int | None:
    """'(n=500)', '(about 60)', '- ~250 rows': the section's own row count after its title."""
    m = re.search(r"\(\s*(?:n\s*=\s*)?(\d[\d,]*(?:\.\d+)?\s*(?:k|m|thousand|million)?)\s*(?:rows?|records?)?\s*\)", rest, re.I) \
        or ROWS_AFTER_TITLE_RE.match(rest.strip())
    return read_rows_before(m[1] + " rows ") if m else None


def _link_target(line: str, keys: set[str]) -> str | None:
    for m in LINK_LINE_RE.finditer(line):
        key = entity_key(m["t"].split("_")[0] if "." in line else m["t"])
        key = entity_key(re.sub(r"\..*", "", m["t"]))
        if key in keys:
            return key
    return None


def _names_parent_key(line: str, keys: set[str]) -> str | None:
    """'- customer id' under orders: the key of another section."""
    words = entity_key(re.sub(r"\(.*", "", line))
    for key in keys:
        if words in (f"{key} id", f"{key} key", f"{key.replace(' ', '')} id"):
            return key
    return None


def _add_parent(draft: EntityDraft, key: str, first: bool = False) -> None:
    if draft.parent is None:
        draft.parent = key
    elif first and draft.parent != key:
        draft.references.insert(0, draft.parent)
        draft.parent = key
    elif key != draft.parent and key not in draft.references:
        draft.references.append(key)
