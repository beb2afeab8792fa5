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

from src.engine.semantics import singular, tokenize
from src.extraction import field_meaning as fm
from src.extraction import sentence_forms as sf
from src.extraction.fields_label import trailing_value_list
from src.extraction.notes import split_shared_rule
from src.extraction.header_line import Layout, read_header_line, read_header_with_notes
from src.extraction.scene import find_row_count
from src.extraction.sentences import depth_at, split_sentences

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
TYPE_CELL_WORDS = {"money": "decimal", "currency": "decimal", "price": "decimal", "bigint": "integer", "int": "integer",
                   "smallint": "integer"}
KEEP_TYPES = {"uuid", "bool", "boolean", "datetime", "timestamp", "decimal", "money", "int", "integer", "float"}
PROSE_LEADS_RE = re.compile(
    r"^(?:and\s+|also\s+|plus\s+|additionally,?\s+|finally,?\s+|then\s+|oh,?\s+and\s+|please\s+)*"
    r"(?:(?:we|i|you)\s+(?:also\s+)?(?:want|need|would\s+like|track|record|store|keep|capture|include|log)\s+"
    r"(?:to\s+(?:track|record|store|keep|capture|see|know|have)\s+)?|"
    r"(?:also\s+)?(?:track|include|add|record|store|capture|keep|log|give\s+(?:each|every)\s+\w+)\s+|"
    r"(?:each|every|a|an|the|one)\s+(?:[\w-]+\s+){1,2}?(?:also\s+)?(?:should\s+have|must\s+have|has|have|gets|get|carries|"
    r"includes|records|needs|comes?\s+with|contains|holds|lists|shows|stores|tracks)\s+|"
    r"(?:they|it|he|she|[a-z]+s)\s+(?:also\s+|should\s+|must\s+)?(?:have|has|get|gets|need|needs|carry|include|"
    r"comes?\s+with)\s+|"
    r"(?:[a-z]+s|they|you|users?|customers?)\s+can\s+(?:also\s+)?(?:add|have|choose|pick|leave|give|get)\s+|"
    r"there(?:'s|\s+is|\s+are)\s+(?:also\s+)?(?=a\s|an\s|one\s)|"
    r"there\s+(?:should|must|will)\s+(?:also\s+)?be\s+|it\s+should\s+(?:also\s+)?(?:have|include)\s+|"
    r"(?:it|they)\s+(?:should|must)\s+(?:also\s+)?(?:have|include|carry)\s+)", re.I)
COPULA = (r"(?:(?:(?:is|are|shall\s+be|should\s+be|must\s+be|will\s+be)\s+)?(?:calculated|computed|derived|worked\s+out)\s+"
          r"(?:as|from)|is|are|should\s+be|must\s+be|will\s+be|can\s+be|could\s+be|may\s+be|has\s+to\s+be|shall\s+be|"
          r"ranges?|goes|go|runs|run|lies|lie|falls?|stays?|equals?|comes?\s+from|looks?\s+like|appears?|exists?|"
          r"varies|vary|takes?|uses?|follows?|were|was)")
COPULAR_RE = re.compile(
    rf"^(?:the\s+|a\s+|an\s+|each\s+|every\s+|their\s+|its\s+)?(?P<label>[A-Za-z][\w' -]{{0,40}}?)\s+"
    rf"(?P<verb>{COPULA})\b\s*(?P<rest>.*)$", re.I)
RELATION_VERB = (r"(?:never|always|cannot|can't|must\s+not|should\s+not|doesn't|don't|won't)\s+"
                 r"(?:exceeds?|outnumbers?|be\s+(?:more|less|greater|higher|lower|above|below|earlier|later)|go\s+(?:above|below)|"
                 r"(?:comes?|falls?)\s+(?:before|after))\b")
# Where a sentence starts a new column's clause: ', and the lease end is', ' and quantity is'.
CLAUSE_CUT_RE = re.compile(
    rf"(?:,\s*(?:and\s+|while\s+|but\s+|so\s+)?|\s+(?:and|while|but|so)\s+)(?=(?:the\s+|a\s+|an\s+|their\s+)?"
    rf"[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,3}}\s+{COPULA}\b)|"
    # 'bedrooms go from 1 to 6 and bathrooms from 1 to 4': the second column's verb is left out
    rf"(?:,\s*and\s+|\s+and\s+)(?=(?:the\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,2}}\s+(?:from|between)\s+[-$€£]?\d)|"
    # 'impressions run from 1,000 to 100,000 and clicks never exceed impressions': a rule clause of its own column
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:the\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,2}}\s+{RELATION_VERB})",
    re.I)
# 'We need the id, name and email': a request that lists columns, though it opens like a scene sentence.
WANT_LIST_RE = re.compile(r"^(?:we|i|you)\s+(?:also\s+)?(?:want|need|would\s+like)\s+(?!to\b)[^,]+(?:,|\s+and\s+)", re.I)
# Scene words: a sentence about the whole dataset names no column.
SCENE_RE = re.compile(r"^(?:this|it|we|i|our|my|hello|hi|thanks|please\s+(?:generate|make|create)|nothing\s+else|"
                      r"no\s+other\s+(?:columns?|fields?)|that'?s\s+(?:all|it|everything)|"
                      r"generate|create|make|simulate|give\s+me|let'?s\s+say|there\s+(?:are|were|is))\b", re.I)


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
        if listed.count(",") < 2 or BULLET_LINE_RE.match(listed) or any(
                later.strip() and (BULLET_LINE_RE.match(later) or later.lstrip().startswith("|")) for later in lines[i + 2:]):
            return None
        header, items = read_list(f"Columns: {listed}")
        after = [later.strip() for later in lines[i + 2:] if later.strip()]
        scene = " ".join(part.strip() for part in lines[:i + 1] if part.strip())
        scene = INTRO_END_RE.sub("", scene).strip()
        return Layout(scene, items, after) if items else None
    return None


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
    if len(rows) == 1 or not (sum(h in SCHEMA_HEADS for h in head) >= max(2, len(head) // 2) or _heads_a_schema(head)):
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


def read_sentence(sentence: str, read_list: Callable[[str], tuple[str, list[str]]]) -> list[str]:
    """One sentence -> the column items it names (none for a sentence that only sets the scene)."""
    sentence = sentence.strip().rstrip(".!")
    lead = PROSE_LEADS_RE.match(sentence)
    if lead and (not SCENE_RE.match(sentence) or WANT_LIST_RE.match(sentence)):
        body = sentence[lead.end():]
        body = re.sub(r"^(?:a|an|the|their|its|his|her)\s+", "", body, flags=re.I)
        body = re.sub(r",?\s+(?:too|as\s+well)(?=,|$)", "", body, flags=re.I)
        return read_list(f"Columns: {body}")[1]
    listed = sf.list_before_summary(sentence) or sf.column_with_too(sentence)
    if listed:
        return read_list(f"Columns: {listed}")[1]
    if sf.is_column_run(sentence) and not SCENE_RE.match(sentence):
        return read_list(f"Columns: {sentence}")[1]  # 'Occupied spaces 0-250, chargers in use 0 to 12, and a full flag'
    shared = split_shared_rule(sentence)
    if shared:
        return shared  # 'Office phone and mobile phone are optional': one rule for each column
    items: list[str] = []
    for clause in split_clauses(sf.rewrite_sentence(sentence)):
        linked = sf.read_belonging(clause)
        if linked:
            items.extend(linked)  # 'Each ticket is assigned to one of 15 agents': an agent column
            continue
        item = read_clause(clause)
        if item:
            items.append(item)
    return items


def split_clauses(sentence: str) -> list[str]:
    """'Size can be small or large and the price should be under $9' -> its two column clauses."""
    cuts = [m for m in CLAUSE_CUT_RE.finditer(sentence) if depth_at(sentence, m.start()) == 0]
    cuts += [m for m in re.finditer(r";\s*", sentence) if depth_at(sentence, m.start()) == 0]  # 'a is x; b is y'
    cuts.sort(key=lambda m: m.start())
    pieces, last = [], 0
    for m in cuts:
        pieces.append(sentence[last:m.start()])
        last = m.end()
    pieces.append(sentence[last:])
    return [p.strip() for p in pieces if p.strip()]


def read_clause(clause: str) -> str | None:
    """'Tier is blue, silver or gold' -> 'Tier: blue, silver or gold'; 'Filed date between 2022 and 2024'
    stays as written; a clause with no column label gives None."""
    if SCENE_RE.match(clause):
        return None
    if re.match(r"^[^:]{1,40}:\s*\S", clause):
        return None if sf.describes_rows(clause) else clause
    copular = COPULAR_RE.match(clause)
    if copular and len(copular["label"].split()) <= 4 and copular["label"].split()[0].lower() not in _NOT_LABELS:
        verb = copular["verb"].lower()
        rest = re.sub(r"^(?:one\s+(?:of|from)(?!\s+\d)|either|any\s+of)\s*:?\s*", "", copular["rest"], flags=re.I)
        if re.match(r"ranges?", verb):
            rest = re.sub(r"^(?:over|across|among)\s+(?=[A-Za-z])", "", rest, flags=re.I)  # 'ranges over P1, P2, P3
        label = re.sub(r"(?:\s+(?:only|always|usually|never|also|typically|generally))+$", "", copular["label"], flags=re.I)
        label = label if counts_things(label, rest) else singular_label(label)
        if re.match(r"(?:looks?\s+like|follows?)", verb):
            rest = "like " + rest
        elif re.match(r"(?:comes?\s+from)", verb):
            rest = "from " + rest
        elif re.search(r"calculated|computed|derived|worked", verb):
            rest = "calculated as " + rest  # 'load factor shall be computed as sold divided by offered'
        elif re.match(r"(?:equals?)", verb):
            rest = "= " + rest
        elif re.match(r"(?:ranges?|goes|go|runs|varies|vary)", verb) and not rest.lower().startswith(("from", "between")):
            rest = "from " + rest if re.match(r"[-$€£]?\d", rest) else rest
        return f"{label}: {rest}" if rest else label
    if re.match(rf"^(?:the\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,2}}\s+{RELATION_VERB}", clause, re.I):
        return clause  # 'clicks never exceed impressions': a column and its rule
    listed = trailing_value_list(clause)
    if listed and len(listed[0].split()) <= 3:
        return f"{listed[0]}: {listed[1]}"  # 'Risk level high/medium/low'
    words = clause.split()
    if 2 <= len(words) <= 14 and not re.match(r"(?:about\s+|around\s+|~)?\d", clause) and re.search(r"\b(?:between|from|within|in\s+the\s+(?:last|next|past)|last|next|"
                                           r"yes\s+or\s+no|yes/no|true/false)\b|\([^()]*[A-Za-z][^()]*\)", clause):
        return clause
    return None


# Plural units stay plural: 'lifetime miles', 'hours worked'.
UNIT_PLURALS = {"miles", "hours", "minutes", "seconds", "days", "weeks", "months", "years", "points", "kg", "lbs",
                "units", "tonnes", "tons", "liters", "litres", "gallons", "dollars", "euros", "nights", "steps",
                "calories", "views", "likes", "clicks", "impressions", "sales", "goals", "assists", "wins", "losses",
                "notes", "comments", "tags", "remarks", "details", "keywords", "symptoms", "skills", "allergies",
                "ingredients", "features", "instructions", "credits", "savings", "earnings", "orders", "items"}


def counts_things(label: str, rest: str) -> bool:
    """'violations range 0 to 15': a plural no meaning names, given a whole-number range, counts those things."""
    words = label.split()
    plural = fm.classify_tokens(tokenize(label))
    return bool(words) and words[-1].lower().endswith("s") and (plural is None or plural.meaning.type == "integer") \
        and fm.classify_tokens([singular(t) for t in tokenize(label)]) is None \
        and bool(re.match(r"(?:from\s+|between\s+)?\d+\s*(?:-|–|to|and)\s*\d+\b(?![.,]\d)", rest, re.I))


def singular_label(label: str) -> str:
    """'Case numbers' -> 'Case number': a sentence's plural subject names one value per row."""
    words = label.split()
    if words and words[-1].lower() not in UNIT_PLURALS:
        words[-1] = words[-1][:len(singular(words[-1].lower()))] if singular(words[-1].lower()) != words[-1].lower() \
            else words[-1]
    return " ".join(words)


_NOT_LABELS = {"it", "this", "that", "there", "which", "who", "they", "we", "i", "you", "he", "she", "so", "but"}


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
        found = read_sentence(sentence, read_list)
        if found:
            items.extend(found)
        else:
            scene.append(sentence)
    summarised = any(sf.list_before_summary(sentence.rstrip(".!")) for sentence in split_sentences(flat))
    if (len(items) < len(listed) and not summarised) or not items:
        return None
    return Layout(" ".join(scene), items)
