"""Layout: a description's text -> blocks (markdown tables, lists, prose runs) -> the scene and column items.

Most descriptions have one layout (a title then a list, or one prose paragraph) and go straight to the
list reader. This stage separates the layouts a description mixes: a markdown table (with its
separator row), a bare header line of column names, and prose that adds columns after a list. Each
block is read on its own and its items keep their order; a block nothing could be read from is named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from src.engine.semantics import tokenize

SEPARATOR_ROW_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
TABLE_LINE_RE = re.compile(r"^\s*\|.*\|\s*$|^[^|]+(?:\|[^|]+){2,}$")
BULLET_LINE_RE = re.compile(r"^\s*(?:[-*•·▪◦‣–—+]|\d{1,3}[.)])\s+\S")
# Header cells of a table that lists columns (one column per row), not example data.
SCHEMA_HEADS = {"column", "field", "name", "attribute", "type", "rule", "rules", "description", "constraint",
                "constraints", "values", "notes", "note", "format", "range", "example", "details", "detail",
                "meaning", "datatype", "kind", "property"}
NAME_HEADS = {"column", "field", "name", "attribute", "property"}
TYPE_HEADS = {"type", "datatype", "kind"}
# A type cell that is only a storage type adds nothing the rule does not say better.
STORAGE_TYPES = {"str", "string", "text", "varchar", "char", "int", "integer", "bigint", "float", "double",
                 "number", "numeric", "bool", "boolean", "date", "datetime", "timestamp", "decimal", "enum",
                 "uuid", "time", "money", "category", "categorical"}
KEEP_TYPES = {"uuid", "bool", "boolean", "datetime", "timestamp", "decimal", "money", "int", "integer", "float"}
PROSE_LEADS_RE = re.compile(
    r"^(?:and\s+|also\s+|plus\s+|additionally,?\s+|finally,?\s+|then\s+|oh,?\s+and\s+)*"
    r"(?:(?:we|i|you)\s+(?:also\s+)?(?:want|need|would\s+like|track|record|store|keep|capture|include|log)\s+"
    r"(?:to\s+(?:track|record|store|keep|capture|see|know|have)\s+)?|"
    r"(?:please\s+)?(?:also\s+)?(?:track|include|add|record|store|capture|keep|log|give\s+(?:each|every)\s+\w+)\s+|"
    r"(?:each|every)\s+(?:[\w-]+\s+){1,2}?(?:also\s+)?(?:has|have|gets|carries|includes|records|needs)\s+|"
    r"(?:they|it|he|she|[a-z]+s)\s+(?:also\s+|should\s+|must\s+)?(?:have|has|get|gets|need|needs|carry|include)\s+|"
    r"there\s+(?:should|must|will)\s+(?:also\s+)?be\s+|it\s+should\s+(?:also\s+)?(?:have|include)\s+|"
    r"(?:it|they)\s+(?:should|must)\s+(?:also\s+)?(?:have|include|carry)\s+)", re.I)
COPULAR_RE = re.compile(
    r"^(?:the\s+|a\s+|an\s+|each\s+|every\s+)?(?P<label>[A-Za-z][\w' -]{1,40}?)\s+"
    r"(?:is|are|should\s+be|must\s+be|will\s+be|can\s+be|ranges?|goes|runs|lies|falls)\s+(?P<rest>.+)$", re.I)


@dataclass
class Block:
    """Consecutive lines of one layout: 'table', 'list' (bullets, with any intro line), or 'prose'."""

    kind: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Layout:
    """The scene (what a row is, how many), the column items in order, and blocks that gave nothing."""

    header: str
    items: list[str]
    unread: list[str] = field(default_factory=list)


def split_blocks(text: str) -> list[Block]:
    """Lines grouped by layout; a blank line ends a prose block, a change of layout ends any block."""
    blocks: list[Block] = []
    lines = text.strip().splitlines()
    for i, line in enumerate(lines):
        if not line.strip():
            if blocks and blocks[-1].kind == "prose":
                blocks.append(Block("gap"))
            continue
        kind = _line_kind(line, lines, i)
        if kind == "continued" and blocks and blocks[-1].kind == "list":
            blocks[-1].lines.append(line)
            continue
        kind = "prose" if kind == "continued" else kind
        if blocks and blocks[-1].kind == kind:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block(kind, [line]))
    return [b for b in blocks if b.lines]


def _line_kind(line: str, lines: list[str], i: int) -> str:
    if SEPARATOR_ROW_RE.match(line) and "-" in line:
        return "table"
    if line.lstrip().startswith("|") or (TABLE_LINE_RE.match(line) and _next_is_separator(lines, i)):
        return "table"
    if BULLET_LINE_RE.match(line):
        return "list"
    if line[:1].isspace():
        return "continued"  # an indented line under a list item
    return "prose"


def _next_is_separator(lines: list[str], i: int) -> bool:
    return i + 1 < len(lines) and bool(SEPARATOR_ROW_RE.match(lines[i + 1]))


def read_layout(text: str, read_list: Callable[[str], tuple[str, list[str]]]) -> Layout | None:
    """Header and items of a description that mixes layouts; None when it has one layout only.

    ``read_list`` is the list reader for one block of a single layout (title + list, or prose)."""
    blocks = split_blocks(text)
    kinds = [b.kind for b in blocks if b.kind != "gap"]
    has_table = "table" in kinds
    first_list = next((i for i, k in enumerate(kinds) if k in ("list", "table")), None)
    prose_after = first_list is not None and "prose" in kinds[first_list + 1:]
    if not has_table and not prose_after:
        bare = read_header_line(text)
        if bare is not None:
            return bare
        if kinds == ["prose"]:
            return read_prose_layout(text, read_list)
        return None
    header_parts: list[str] = []
    items: list[str] = []
    unread: list[str] = []
    pending_intro: list[str] = []
    seen_columns = False
    for block in blocks:
        if block.kind == "gap":
            continue
        if block.kind == "table":
            items.extend(read_table(block.lines))
            seen_columns = True
        elif block.kind == "list":
            header, listed = read_list("\n".join(pending_intro + block.lines))
            if header and not seen_columns:
                header_parts.append(header)
            items.extend(listed)
            seen_columns = True
        elif not seen_columns:
            header_parts.append(" ".join(block.lines))
            continue
        else:
            found = read_prose_items(" ".join(block.lines), read_list)
            if found:
                items.extend(found)
            elif not _is_intro(block.text):
                unread.append(" ".join(block.lines))
        pending_intro = []
    return Layout(" ".join(header_parts).strip(), items, unread)


def _is_intro(text: str) -> bool:
    return text.rstrip().endswith(":") and len(text.split()) <= 8


def read_table(lines: list[str]) -> list[str]:
    """A markdown table -> column items. A table of columns (headed 'Column | Type | Rule') gives one item
    per row; a table of example rows gives one item per header cell."""
    rows = [_cells(line) for line in lines if not SEPARATOR_ROW_RE.match(line)]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    head = [" ".join(tokenize(c)) for c in rows[0]]
    if len(rows) == 1 or not sum(h in SCHEMA_HEADS for h in head) >= max(2, len(head) // 2):
        return [c for c in rows[0] if c]
    name_at = next((i for i, h in enumerate(head) if h in NAME_HEADS), 0)
    type_at = next((i for i, h in enumerate(head) if h in TYPE_HEADS), None)
    items = []
    for row in rows[1:]:
        if name_at >= len(row) or not row[name_at]:
            continue
        name = row[name_at]
        rules = [c for i, c in enumerate(row) if i not in (name_at, type_at) and c and c not in ("-", "—")]
        kind = row[type_at].strip() if type_at is not None and type_at < len(row) else ""
        if kind and (kind.lower() not in STORAGE_TYPES or (kind.lower() in KEEP_TYPES and not rules)):
            rules.insert(0, kind)
        elif kind.lower() in KEEP_TYPES and rules and not re.search(r"[a-z]{3,}", " ".join(rules), re.I):
            rules.insert(0, kind)  # '| amount | decimal | 5-500 |': the type says it has decimals
        items.append(f"{name} ({'; '.join(rules)})" if rules and not _has_list(rules) else
                     (f"{name}: {', '.join(rules)}" if rules else name))
    return items


def _has_list(rules: list[str]) -> bool:
    return any("," in r or " or " in r for r in rules) and len(rules) == 1


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip().strip("`") for c in line.split("|")]


def read_prose_items(paragraph: str, read_list: Callable[[str], tuple[str, list[str]]]) -> list[str]:
    """Columns that sentences add: 'Also track the customer's age (18-75) and the city.', 'Notes should be
    a sentence.', 'Weather at pickup: sunny, cloudy, rainy.'"""
    items: list[str] = []
    for sentence in split_sentences(paragraph):
        items.extend(read_sentence(sentence, read_list))
    return items


def read_sentence(sentence: str, read_list: Callable[[str], tuple[str, list[str]]]) -> list[str]:
    """One sentence -> the column items it names (none for a sentence that only sets the scene)."""
    sentence = sentence.strip().rstrip(".!")
    lead = PROSE_LEADS_RE.match(sentence)
    if lead:
        body = sentence[lead.end():]
        body = re.sub(r"^(?:a|an|the|their|its|his|her)\s+", "", body, flags=re.I)
        body = re.sub(r",?\s+(?:too|as\s+well)(?=,|$)", "", body, flags=re.I)
        return read_list(f"Columns: {body}")[1]
    if re.match(r"^[^:]{1,40}:\s*\S", sentence):
        return [sentence]
    copular = COPULAR_RE.match(sentence)
    if copular and len(copular["label"].split()) <= 4:
        return [f"{copular['label']}: {copular['rest']}"]
    return []


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; a full stop inside brackets, a number or 'e.g.' ends none."""
    out, depth, last = [], 0, 0
    for i, ch in enumerate(paragraph):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in ".!?" and depth == 0 and (i + 1 == len(paragraph) or paragraph[i + 1].isspace()):
            word = re.search(r"(\w+)$", paragraph[last:i])
            if word and word[1].lower() in {"e", "g", "i", "eg", "ie", "etc", "vs", "approx", "incl", "dr", "mr"}:
                continue
            out.append(paragraph[last:i + 1].strip())
            last = i + 1
    out.append(paragraph[last:].strip())
    return [s for s in out if s]


HEADER_INTRO_RE = re.compile(r"^\s*(?:columns?|fields?|headers?|attributes?|schema)\s*[:=-]\s*", re.I)


def read_header_line(text: str) -> Layout | None:
    """'order_id, customer_email, amount, order_date' or 'Columns: id | name | email': a bare header line
    of column names (an optional title line above it sets the scene)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines or len(lines) > 2:
        return None
    title, line = (lines[0], lines[1]) if len(lines) == 2 else ("", lines[0])
    line = HEADER_INTRO_RE.sub("", line)
    for sep in ("|", "\t", ";", ","):
        cells = [c.strip() for c in line.split(sep) if c.strip()]
        if len(cells) >= 3:
            break
    else:
        return None
    named = [c for c in cells if re.fullmatch(r"[A-Za-z][\w]*(?:[ -][A-Za-z][\w]*){0,2}", c)]
    code_like = [c for c in cells if re.search(r"_|[a-z][A-Z]", c)]
    if len(named) != len(cells) or (not code_like and len(lines) == 1 and not HEADER_INTRO_RE.match(lines[-1])):
        return None
    return Layout(title, cells)


def read_prose_layout(text: str, read_list: Callable[[str], tuple[str, list[str]]]) -> Layout | None:
    """A paragraph of sentences where later ones add columns ('Each check-in has a member id ... Members also
    have a membership type, which is one of basic, premium or vip.'); None when the list reader does better."""
    flat = " ".join(text.split())
    header, listed = read_list(text)
    scene: list[str] = []
    items: list[str] = []
    for sentence in split_sentences(flat):
        found = read_sentence(sentence, read_list)
        if found:
            items.extend(found)
        else:
            scene.append(sentence)
    if len(items) <= len(listed) or len(listed) >= 3:
        return None
    return Layout(" ".join(scene), items)
