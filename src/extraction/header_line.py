"""Header lines: 'order_id, customer_email, amount' (a bare line of column names), and such a line followed by
prose notes that name its columns ('signup_date in the last year. price 25-450.')."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from src.extraction import field_meaning as fm
from src.extraction.sentences import split_sentences


@dataclass
class Layout:
    """The scene (what a row is, how many), the column items in order, and blocks that gave nothing."""

    header: str
    items: list[str]
    unread: list[str] = field(default_factory=list)


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


# Header-line abbreviations the label table does not know (extractor-only synonyms).
HEADER_ABBREVIATIONS = {"ts": "timestamp", "dt": "datetime", "tstamp": "timestamp"}
UNIT_SUFFIXES = {"c", "f", "pct", "percent", "kmh", "mph", "km", "mi", "m", "cm", "mm", "kg", "g", "lb", "v", "ms", "s",
                 "sec", "min", "usd", "eur", "gbp", "kwh", "w", "hz", "db", "at", "on", "id", "level", "count"}
CLAUSE_START_RE = re.compile(r"(?:^|[.;:,(]\s*|\s(?:and|so|while|but|with|plus)\s+)$", re.I)


def _header_cells(line: str) -> list[str] | None:
    line = HEADER_INTRO_RE.sub("", line.strip())
    for sep in ("|", "\t", ";", ","):
        cells = [c.strip() for c in line.strip(sep + " ").split(sep) if c.strip()]
        if len(cells) >= 3:
            break
    else:
        return None
    if not all(re.fullmatch(r"[A-Za-z][\w]*", c) for c in cells):
        return None
    if not any(re.search(r"_|[a-z][A-Z]", c) for c in cells) and len(cells) < 4:
        return None
    return cells


def read_header_with_notes(text: str) -> Layout | None:
    """'id, name, email, signup_date' then prose about the columns ('signup_date in the last year'): the
    header line gives the columns in order, each note goes to the column it names, the rest sets the scene."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    cells = _header_cells(lines[0])
    if cells is None:
        return None
    notes: dict[str, list[str]] = {c: [] for c in cells}
    scene: list[str] = []
    variants = mention_variants(cells)
    for sentence in (s for chunk in note_chunks(lines[1:], variants) for s in split_sentences(chunk)):
        for cell, segment in note_segments(sentence.rstrip("."), variants):
            (notes[cell].append(segment) if cell else scene.append(segment))
    ohlc = {"open", "high", "low", "close"} <= {c.lower() for c in cells}
    for cell in cells:
        hint = HEADER_ABBREVIATIONS.get(cell.lower()) or ("price" if ohlc and cell.lower() in
                                                             ("open", "high", "low", "close") else None)
        if hint and not notes[cell]:
            notes[cell].append(hint)
    items = [f"{c}: {', '.join(n)}" if n else c for c, n in notes.items()]
    return Layout(". ".join(scene), items)


COUNT_LINE_RE = re.compile(r"^(?:about\s+|around\s+|roughly\s+|~)?\d[\d,.]*\s*k?\s+[A-Za-z]+\.?$", re.I)


def note_chunks(lines: list[str], variants: list[tuple[str, str]]) -> list[str]:
    """The note lines as runs of text: a line that opens with a column's name ('pos 10000 - 240000000') starts a
    note of its own even without a full stop before it; any other line continues the one before."""
    chunks: list[str] = []
    for line in (line.strip() for line in lines):
        opens = any(re.match(rf"{re.escape(words)}\b", line, re.I) for words, _ in variants) \
            or bool(COUNT_LINE_RE.match(line))  # '20000 variants': the row count, a note of its own
        if chunks and not opens and not re.search(r"[.!?:]$", chunks[-1]):
            chunks[-1] += " " + line
        else:
            chunks.append(line)
    return chunks


def mention_variants(cells: list[str]) -> list[tuple[str, str]]:
    """(words as written in prose, column): 'signup date' and 'signup_date' -> signup_date, 'temp' -> temp_c."""
    out: list[tuple[str, str]] = []
    firsts = [c.lower().split("_")[0] for c in cells]
    for cell in cells:
        words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", cell).lower().split("_")
        out += [(cell.lower(), cell), (" ".join(words), cell)]
        corrected = fm.correct_spelling(words)[0]  # 'categories: ...' names the misspelt 'catagory' column
        out += [(" ".join(corrected[:-1] + [_plural(corrected[-1])]), cell)] if words[-1] not in UNIT_SUFFIXES else []
        trimmed = list(words)
        while len(trimmed) > 1 and trimmed[-1] in UNIT_SUFFIXES:
            trimmed.pop()
            out.append((" ".join(trimmed), cell))
        if len(words) > 1 and firsts.count(words[0]) == 1 and len(words[0]) >= 4:
            out.append((words[0], cell))
    return sorted(set(out), key=lambda v: -len(v[0]))


def _plural(word: str) -> str:
    return word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + ("es" if re.search(r"(?:s|x|ch|sh)$", word) else "s")


def note_segments(sentence: str, variants: list[tuple[str, str]]) -> list[tuple[str | None, str]]:
    """Cut a sentence where a clause starts with a column's name; each piece goes to that column."""
    starts: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for words, cell in variants:
        for m in re.finditer(rf"(?<![\w]){re.escape(words)}(?![\w])", sentence, re.I):
            if any(i in taken for i in range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            if CLAUSE_START_RE.search(sentence[:m.start()]):
                starts.append((m.start(), m.end(), cell))
    starts.sort()
    pieces: list[tuple[str | None, str]] = []
    head = sentence[:starts[0][0]] if starts else sentence
    head = re.sub(r"[,;:\s]+(?:and|so|while|but|with|plus)?\s*$", "", head).strip()
    if head:
        pieces.append((None, head))
    for n, (start, end, cell) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(sentence)
        rest = re.sub(r"[,;:\s]+(?:and|so|while|but|with|plus)?\s*$", "", sentence[end:stop]).strip(" ,;:")
        rest = re.sub(r"^(?:is|are|should\s+be|must\s+be|will\s+be|=)\s+", lambda m: "= " if "=" in m.group(0) else "",
                      rest, flags=re.I)
        if rest:
            pieces.append((cell, rest))
    return pieces
