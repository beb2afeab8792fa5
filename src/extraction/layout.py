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
from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction import sentence_forms as sf
from src.extraction.delimited_tables import rewrite_delimited_tables
from src.extraction.header_line import Layout, read_header_line, read_header_with_notes
from src.extraction.listing import DASH_LABEL_RE
from src.extraction.scene import find_row_count
from src.extraction.prose_sentences import SCENE_RE, read_sentence
from src.extraction.sentences import split_sentences

SEPARATOR_ROW_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
TABLE_LINE_RE = re.compile(r"^\s*\|.*\|\s*$|^[^|]+(?:\|[^|]+){2,}$")
BULLET_LINE_RE = re.compile(r"^\s*(?:[-*•·▪◦‣–—+]|\d{1,3}[.)])\s+\S")
# Header cells of a table that lists columns (one column per row), not example data.
SCHEMA_HEADS = {"column", "field", "name", "attribute", "type", "rule", "rules", "description", "constraint",
                "constraints", "values", "notes", "note", "format", "range", "example", "details", "detail",
                "meaning", "datatype", "kind", "property", "variable", "definition", "comment", "comments",
                "remarks", "data type", "column name", "field name", "variable name", "allowed values"}
NAME_HEADS = {"column", "field", "name", "attribute", "property", "variable", "column name", "field name",
              "variable name"}
TYPE_HEADS = {"type", "datatype", "kind", "data type"}
# A type cell that is only a storage type adds nothing the rule does not say better.
STORAGE_TYPES = {"str", "string", "text", "varchar", "char", "int", "integer", "bigint", "float", "double",
                 "number", "numeric", "bool", "boolean", "date", "datetime", "timestamp", "decimal", "enum",
                 "uuid", "time", "money", "category", "categorical", "num", "float64", "int64", "real"}
TYPE_CELL_WORDS = {"money": "decimal", "currency": "decimal", "price": "decimal", "bigint": "integer", "int": "integer",
                   "smallint": "integer", "int64": "integer", "num": "number", "float64": "float", "real": "float",
                   "bool": "boolean"}
KEEP_TYPES = {"uuid", "bool", "boolean", "datetime", "timestamp", "decimal", "money", "int", "integer", "float"}
@dataclass
class Block:
    """Consecutive lines of one layout: 'table', 'list' (bullets, with any intro line), or 'prose'."""

    kind: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


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
    if BULLET_LINE_RE.match(line) or _in_dash_label_run(lines, i):
        return "list"
    if line[:1].isspace():
        return "continued"  # an indented line under a list item
    return "prose"


def _in_dash_label_run(lines: list[str], i: int) -> bool:
    """A 'label — rule' line ('msisdn — US mobile number') beside another: one column per line, read as a list
    with no bullets."""
    m = DASH_LABEL_RE.match(lines[i])
    if m is None or VERB_WORDS_RE.search(m["label"]):
        return False
    return any(0 <= j < len(lines) and DASH_LABEL_RE.match(lines[j]) for j in (i - 1, i + 1))


def _next_is_separator(lines: list[str], i: int) -> bool:
    return i + 1 < len(lines) and bool(SEPARATOR_ROW_RE.match(lines[i + 1]))


def read_layout(text: str, read_list: Callable[[str], tuple[str, list[str]]]) -> Layout | None:
    """Header and items of a description that mixes layouts; None when it has one layout only.

    ``read_list`` is the list reader for one block of a single layout (title + list, or prose)."""
    text = rewrite_delimited_tables(text, _is_schema_head)  # tab-separated or space-aligned: a markdown table
    noted = read_header_with_notes(text)
    if noted is not None:
        return noted
    introduced = read_introduced_line(text, read_list)
    if introduced is not None:
        return introduced
    blocks = split_blocks(text)
    kinds = [b.kind for b in blocks if b.kind != "gap"]
    has_table = "table" in kinds
    first_list = next((i for i, k in enumerate(kinds) if k in ("list", "table")), None)
    prose_after = first_list is not None and "prose" in kinds[first_list + 1:]
    if not has_table and not prose_after:
        bare = read_header_line(text)
        if bare is not None:
            return bare
        if kinds and set(kinds) == {"prose"}:
            prose, titled = read_prose_layout(text, read_list), read_titled_run(text, read_list)
            return titled if titled and (prose is None or len(titled.items) > len(prose.items)
                                         or titled.header.split(",")[0] in prose.items[0]) else prose
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
            elif len(block.text.split()) <= 12 and find_row_count(block.text):
                header_parts.append(" ".join(block.lines))  # 'parking garage transactions. 6000.': the scene, after the list
            elif not _is_intro(block.text):
                unread.append(" ".join(block.lines))
        pending_intro = []
    return Layout(" ".join(header_parts).strip(), items, unread)


INTRO_END_RE = re.compile(r"(?:^|[.!?]\s+|\b)(?:the\s+)?(?:fields?|columns?|attributes?|properties)(?:\s+(?:are|needed|wanted))?\s*:\s*$",
                          re.I)


def read_introduced_line(text: str, read_list: Callable[[str], tuple[str, list[str]]]) -> Layout | None:
    """'Please generate 1000 policies. Fields:' then one line 'policy number (...), holder email, ...': that line
    is the column list; the text before it is the scene, a paragraph after it is named as unread."""
    lines = text.strip().splitlines()
    for i, line in enumerate(lines[:-1]):
        if not INTRO_END_RE.search(line) or i + 1 >= len(lines) or not lines[i + 1].strip():
            continue
        listed = lines[i + 1]
        if _is_column_line(lines[i + 2] if i + 2 < len(lines) else ""):
            return None  # 'Fields:' over one 'name (rules)' line per column: the list reader's layout
        if listed.count(",") < 2 or BULLET_LINE_RE.match(listed) or any(
                later.strip() and (BULLET_LINE_RE.match(later) or later.lstrip().startswith("|")) for later in lines[i + 2:]):
            return None
        header, items = read_list(f"Columns: {listed}")
        after = [later.strip() for later in lines[i + 2:] if later.strip()]
        scene = " ".join(part.strip() for part in lines[:i + 1] if part.strip())
        scene = INTRO_END_RE.sub("", scene).strip()
        return Layout(scene, items, after) if items else None
    return None


COLUMN_LINE_RE = re.compile(r"^\s*[A-Za-z][\w-]*(?:[ -][A-Za-z][\w-]*){0,3}\s*(?:\(.*\)|[:=\u2014\u2013-]\s*\S.*)?\s*$")


def _is_column_line(line: str) -> bool:
    """'race_date (date, 2023-03-01 to 2024-10-31)', 'jockey: full name', 'notes': a line naming one column, not
    a sentence of prose."""
    return bool(line.strip()) and not re.search(r"[.!?]\s*$|[.!?]\s+[A-Z]", line) and bool(COLUMN_LINE_RE.match(line))


VERB_WORDS_RE = re.compile(r"\b(?:we|i|you|our|my|it|they|is|are|was|were|be|has|have|had|will|would|should|must|need|"
                           r"want|please|thanks?)\b", re.I)


# 'employee engagement survey responses, 1.5k.', 'Prescriptions (3,000).': a title closed by its row count.
COUNT_CLOSING_RE = re.compile(r"^[^\d]*(?:,|\()\s*(?:~\s*|about\s+|around\s+|approx\.?\s+|roughly\s+)?\d[\d,.]*\s*[km]?"
                              r"(?:\s+(?:rows|records|entries))?\s*\)?\s*[.!]?\s*$", re.I)
ROWS_WORDS = r"\b(?:rows?|records?|entries|data|dataset|samples?)\b"


def _is_column_sentence(sentence: str) -> bool:
    """'well_id like W-0001.', 'uptime hrs 0-24.': a verbless sentence of one column and its rule."""
    words = sentence.rstrip(".!").split()
    if not 2 <= len(words) <= 8 or VERB_WORDS_RE.search(sentence) or SCENE_RE.match(sentence) \
            or re.search(ROWS_WORDS, sentence, re.I) or re.match(r"\s*(?:columns?|fields?|attributes?)\b", sentence, re.I) \
            or not re.search(r"\d|\blike\b|:", sentence) or COUNT_CLOSING_RE.match(sentence):
        return False
    head = re.split(r"\s+(?:like|from|between|[-~]?\d)|[:(]", sentence, maxsplit=1)[0].strip()
    ranged = bool(re.match(rf"{re.escape(head)}\s+(?:from\s+|between\s+)?[-~]?\d[\d.,]*\s*k?\s*(?:-|–|to|and)\s*-?\d",
                           sentence)) and len(head.split()) <= 3 and not re.search(ROWS_WORDS, head, re.I)
    return bool(head) and ("_" in head or ranged or fm.classify_tokens(fm.tokenize(head)) is not None)


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
    if len(rows) == 1 or not _is_schema_head(rows[0]):
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
        kind = TYPE_CELL_WORDS.get(kind.lower(), kind)  # '| refund | money | $5 - $800 |': a decimal amount
        if kind and (kind.lower() not in STORAGE_TYPES or (kind.lower() in KEEP_TYPES and not rules)):
            rules.insert(0, kind)
        elif kind.lower() in KEEP_TYPES and rules and not re.search(r"[a-z]{3,}", " ".join(rules), re.I):
            rules.insert(0, kind)  # '| amount | decimal | 5-500 |': the type says it has decimals
        items.append(f"{name} ({'; '.join(rules)})" if rules and not _has_list(rules) else
                     (f"{name}: {', '.join(rules)}" if rules else name))
    return items


# Header words that describe a column's contents: '| column | what it holds |', '| field | meaning |'.
CONTENT_HEAD_WORDS = {"what", "holds", "hold", "contains", "content", "contents", "means", "explanation", "spec",
                      "specification", "definition", "info", "rule", "rules", "description", "details", "notes"}


def _is_schema_head(cells: list[str]) -> bool:
    """Header cells of a table of columns ('Variable | Type | Definition'), not of example rows."""
    head = [" ".join(tokenize(c)) for c in cells]
    return sum(h in SCHEMA_HEADS for h in head) >= max(2, len(head) // 2) or _heads_a_schema(head)


def _heads_a_schema(head: list[str]) -> bool:
    """A table of columns headed by a name cell and a free-worded contents cell, not example data ('name | age')."""
    return len(head) >= 2 and (head[0] in NAME_HEADS - {"name"} or head[0] in ("column name", "field name")
                               or head[0] == "name" and any(set(h.split()) & CONTENT_HEAD_WORDS for h in head[1:]))


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


def read_prose_layout(text: str, read_list: Callable[[str], tuple[str, list[str]]]) -> Layout | None:
    """A paragraph of sentences where later ones add columns ('Each check-in has a member id ... Members also
    have a membership type, which is one of basic, premium or vip.'); None when the list reader does better."""
    flat = " ".join(text.split())
    if len(split_sentences(flat)) < 2 and not sf.list_before_summary(flat.rstrip(".!")):
        return None
    header, listed = read_list(text)
    scene: list[str] = []
    items: list[str] = []
    for sentence in split_sentences(flat):
        found = read_sentence(sentence, read_list) or ([sentence.rstrip(".!")] if _is_column_sentence(sentence) else [])
        if found:
            items.extend(found)
        else:
            scene.append(sentence)
    summarised = any(sf.list_before_summary(sentence.rstrip(".!")) for sentence in split_sentences(flat))
    if (len(items) < len(listed) and not summarised) or not items:
        return None
    return Layout(" ".join(scene), items)


# 'tattoo bookings 2k, artist ...', 'coffee roast log, about 400 batches. origin ...', 'cowork desk bookings, 5k-ish.':
# a title closed by its row count opens a run of columns written with no verb.
TITLED_COUNT_RE = re.compile(
    r"^\s*(?P<title>[A-Za-z][\w'&/-]*(?:\s+[A-Za-z][\w'&/-]*){0,5}?)(?:\s*,\s*|\s+|\s*[-–—:]\s*)"
    r"(?P<count>(?:(?:about|around|roughly|approx\.?|approximately|circa|ca\.|~)\s*)?\d[\d,.]*\s*"
    r"(?:k|m|thousand|million)?)(?P<ish>\s*-?\s*ish)?(?:\s+(?P<noun>[A-Za-z]+))?\s*(?:[.,;]\s+|\s+-\s+)", re.I)
REQUEST_WORDS_RE = re.compile(r"\b(?:generate|create|make|produce|give|build|simulate|synthesi[sz]e|output|need|want|"
                              r"include|add)\b", re.I)
DATASET_WORDS = {"log", "logs", "data", "dataset", "table", "list", "register", "sample", "export", "extract", "history",
                 "ledger", "roster", "journal", "sheet", "feed"}


def read_titled_run(text: str, read_list: Callable[[str], tuple[str, list[str]]]) -> Layout | None:
    """A title and its row count, then the columns: the title is the scene; each later sentence with no verb is a
    comma list of columns, a sentence with one is read as prose."""
    if "\n" in text.strip():
        return None  # lines under a title are the list reader's layout
    flat = " ".join(text.split())
    m = TITLED_COUNT_RE.match(flat)
    sentences = split_sentences(flat[m.end():]) if m else []
    if m is None or VERB_WORDS_RE.search(m["title"]) or REQUEST_WORDS_RE.match(m["title"]) or not sentences \
            or not _closes_with_count(m) \
            or VERB_WORDS_RE.search(sentences[0]) or REQUEST_WORDS_RE.search(sentences[0]) \
            or len(ph.split_top_level(sentences[0], ",")) < 3:
        return None  # a run of columns with no verb follows the title; prose has its own readers
    items: list[str] = []
    scene = [f"{m['title']}, {'about ' if m['ish'] else ''}{m['count']}{' ' + m['noun'] if m['noun'] else ''}"]
    for sentence in sentences:
        if VERB_WORDS_RE.search(sentence):
            found = read_sentence(sentence, read_list)
        else:
            listed = re.sub(r"^(?:the\s+)?(?:columns?|fields?|attributes?)\s*(?:are\s*)?:\s*", "", sentence, flags=re.I)
            found = read_list(f"Columns: {listed.rstrip('.!')}")[1]
        if found:
            items.extend(found)
        else:
            scene.append(sentence)
    return Layout(" ".join(scene), items) if len(items) >= 2 else None


def _closes_with_count(m: re.Match) -> bool:
    """'... bookings 2k', '... log, about 400 batches': the number counts rows (a multiplier, a word of
    approximation, a plural noun after it or a plural title), not a column's value ('deposit 50')."""
    noun = (m["noun"] or "").lower()
    if re.search(r"\b(?:for|of|over|in|from|across|last|past|next|with)$", m["title"], re.I) or re.fullmatch(
            r"(?:second|minute|hour|day|week|month|year|min|hr|yr)s?", noun):
        return False  # 'Hourly loads for 10 days': a span, not the row count
    if noun and not (noun.endswith("s") and not noun.endswith("ss") or re.fullmatch(ROWS_WORDS, noun)):
        return False
    rough = bool(re.search(r"[a-z~]", m["count"], re.I) or m["ish"])
    last = m["title"].split()[-1].lower()
    plural_title = (last.endswith("s") and not last.endswith("ss")) or last in DATASET_WORDS
    return bool(noun or rough or plural_title) and _row_count_of(m["count"]) >= 10


def _row_count_of(written: str) -> int:
    number = re.search(r"\d[\d,.]*\s*(?:k|m|thousand|million)?", written, re.I)
    return find_row_count(f"{number[0]} rows") or 0 if number else 0
