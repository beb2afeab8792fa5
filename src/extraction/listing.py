"""Listing: a description's text -> its header (the scene) and one text per intended column.

Bullets, numbered lines, 'name: rule' lines, 'a; b; c' segments, one short sentence per column, and
comma prose ('name, email, age between 18 and 65, and status (active, banned)') joined by the clause rules
of ``clauses``. ``layout`` calls ``split_description`` for every block it does not read itself. Comma prose is
read by ``comma_list``, one sentence per column by ``listing_sentences``.
"""

from __future__ import annotations

import re

from src.extraction import phrases as ph
from src.extraction.comma_list import split_prose_items
from src.extraction.fields_values import parse_value_list
from src.extraction.list_properties import fold_sub_bullets, join_properties, nested_properties
from src.extraction.listing_sentences import DASH_INTRO_RE, LIST_INTRO_RE, find_list_after_sentence, read_sentence_items
from src.extraction.scene import find_row_count
from src.extraction.sentences import depth_at


BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦‣–—+]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s*")
MIN_SEMICOLON_FIELDS = 3  # 'a; b; c': semicolons, not commas, separate the columns
LABEL_SEMICOLON_RE = re.compile(r"^(?P<label>[^,;:()]{1,60}?)\s*;\s+(?P<rest>[^;]+)$")



ARROW_LINE_RE = re.compile(r"^\s*(?:[-=]+>|→|⇒)\s*(?P<scene>.*)$")


def split_description(text: str) -> tuple[str, list[str]]:
    """Split a description into its header and one text per column; a line opened by an arrow ('-> 1,400 cows')
    says what the rows are, wherever it stands."""
    lines = text.strip().splitlines()
    arrows = [m["scene"].strip() for m in map(ARROW_LINE_RE.match, lines) if m]
    if not arrows or len(arrows) == len(lines):
        return _split_lines(text)
    header, items = _split_lines("\n".join(line for line in lines if not ARROW_LINE_RE.match(line)))
    return " ".join([*arrows, header]).strip(), items


def _split_lines(text: str) -> tuple[str, list[str]]:
    lines = [read_dash_label(read_semicolon_label(line.rstrip())) for raw in text.strip().splitlines() if raw.strip()
             for line in split_column_row(raw)]
    bullet_lines = [i for i, line in enumerate(lines) if BULLET_RE.match(line) and _is_bullet(line)]
    if bullet_lines:
        header = " ".join(lines[i] for i in range(len(lines)) if i < bullet_lines[0])
        bullet_lines, folded, children = fold_sub_bullets(lines, bullet_lines, BULLET_RE)
        nested = nested_properties(lines, bullet_lines)
        items = [folded.get(i) or join_properties(BULLET_RE.sub("", lines[i], count=1).strip(),
                                                  [lines[j] for j in nested.get(i, [])]) for i in bullet_lines]
        taken = set(bullet_lines) | {j for props in nested.values() for j in props} | children
        trailing = [lines[i] for i in range(bullet_lines[0], len(lines)) if i not in taken]
        return (header + " " + " ".join(trailing)).strip(), [i for i in items if i]
    if len(lines) > 1:
        intro_lines = 1
        while intro_lines < len(lines) - 1 and lines[intro_lines].rstrip().endswith(":"):
            intro_lines += 1  # 'Fields:' under the first line still introduces the list
        first, rest = " ".join(lines[:intro_lines]), lines[intro_lines:]
        if intro_lines == 1 and (_is_keyed_line(first) and sum(map(_is_keyed_line, rest)) >= 2 or _is_noted_line(first)
                                 and sum(map(_is_noted_line, rest)) >= max(2, len(rest) - 1)) \
                and not first.rstrip().endswith(".") and not find_row_count(first):
            # 'ticket_code: 10 characters' on the first line is a column too; a closing 'I need 5000 of these.'
            # that names no column is the scene
            scene = [line for line in rest if not _is_keyed_line(line) and find_row_count(line)]
            first, rest = " ".join(scene), [lines[0]] + [line for line in rest if line not in scene]
        if first.rstrip().endswith(":") or all(len(line.split()) <= 12 for line in rest) or (
                len(rest) >= 2 and all(_is_item_line(line) for line in rest)):
            items = []
            for line in rest:
                items.extend(split_prose_items(line) if "," in line and not re.search(r"[:=(?]", line)
                             else [line])
            return first, items
    flat = " ".join(lines)
    by_sentence = read_sentence_items(flat)
    if by_sentence:
        return by_sentence
    dashed = DASH_INTRO_RE.match(flat)
    if dashed and find_row_count(dashed["h"]) and len(ph.split_top_level(dashed["body"], ",;")) >= 3:
        return dashed["h"].strip(), split_prose_items(dashed["body"])  # 'Make 400 transactions - id, amount, ...'
    fields_by_semicolon = ph.split_top_level(flat, ";")
    listed_first = fields_by_semicolon and re.search(r"\b(?:columns?|fields?)\s*:\s*[^.;]+,[^.;]+,[^.;]+",
                                                     fields_by_semicolon[0], re.I)
    if len(fields_by_semicolon) >= MIN_SEMICOLON_FIELDS and not listed_first:
        return split_semicolon_fields(fields_by_semicolon)
    if len(fields_by_semicolon) == 2 and (find_row_count(fields_by_semicolon[0]) or re.search(
            r"\d[\d,.]*\s*k?\s+[A-Za-z]+\.?\s*$", fields_by_semicolon[0], re.I)) \
            and len(fields_by_semicolon[0].split()) <= 10 and not LIST_INTRO_RE.search(fields_by_semicolon[0]) \
            and len(ph.split_top_level(fields_by_semicolon[1], ",")) >= 3:
        return fields_by_semicolon[0].strip(), split_prose_items(fields_by_semicolon[1])  # 'beds ~ 5000 recs; ward, ...'

    # 'with 2000 orders including ...': the list starts after the intro that no count follows
    intro = next((m for m in LIST_INTRO_RE.finditer(flat)
                  if not re.match(r"\s*(?:about\s+|around\s+)?\d", flat[m.end():])
                  and depth_at(flat, m.start()) == 0), None)
    list_start = find_list_after_sentence(flat, intro.start() if intro else len(flat))
    if list_start is not None:
        return flat[:list_start].strip(), split_prose_items(flat[list_start:])
    if intro is None:
        return flat, []
    header, body = flat[: intro.start()], flat[intro.end():]
    return header, split_prose_items(body)



def split_column_row(line: str) -> list[str]:
    """'chat_id | agent name | customer email' or tab-separated labels: one column per cell.
    'status: a | b | c' stays one line: there the bars separate values."""
    for sep in ("|", "\t"):
        cells = [c.strip() for c in ph.split_top_level(line, sep)]
        cells = [c for c in cells if c]
        if len(cells) >= 3 and not re.search(r"[:=]", cells[0]) and not (
                sep == "|" and all(re.fullmatch(r"[\w'-]+(?:\s[\w'-]+)?", c) for c in cells[1:])
                and re.search(r"[:=]|\b(?:one\s+of|either)\b", line)):
            return cells
    return [line]


KEYED_LINE_RE = re.compile(r"^\s*(?P<k>[A-Za-z][\w/ -]{0,40}?)\s*[:=]\s+\S")
SCENE_KEYS = {"dataset", "data", "table", "name", "description", "subject", "title", "note", "notes", "context",
              "purpose", "domain", "locale", "format"}


def _is_keyed_line(line: str) -> bool:
    """'visit_date: every day from ...': a short key, then its rule."""
    m = KEYED_LINE_RE.match(line)
    return bool(m) and len(m["k"].split()) <= 4 and m["k"].strip().lower() not in SCENE_KEYS


NOTED_LINE_RE = re.compile(r"^\s*[A-Za-z][\w/-]*(?:\s[A-Za-z][\w/-]*){0,3}\s*\([^()]+\)\s*$")


def _is_noted_line(line: str) -> bool:
    """'cow_tag (text, unique)': a short label and its rules in brackets, one column a line."""
    return bool(NOTED_LINE_RE.match(line))


def _is_item_line(line: str) -> bool:
    """A line that reads as one column: short, or a short label (no 'Columns:' intro) then ':', '=' or ' - '."""
    if len(line.split()) <= 12:
        return True
    label = re.match(r"^([^:=()]{1,60}?)\s*(?:[:=]|\s[-–—]\s)", line)
    return bool(label) and len(label[1].split()) <= 6 and not LIST_INTRO_RE.search(label[1])


def read_semicolon_label(line: str) -> str:
    """'cabin class; economy 70%, business 20%' reads like 'cabin class: economy 70%, business 20%'."""
    m = LABEL_SEMICOLON_RE.match(line)
    if m and len(m["label"].split()) <= 6 and parse_value_list(m["rest"]):
        return f"{m['label']}: {m['rest']}"
    return line


DASH_LABEL_RE = re.compile(r"^\s*(?P<label>[A-Za-z][\w/'.]*(?:\s+[A-Za-z][\w/'.]*){0,3})\s+[-–—]{1,2}\s+(?P<rest>\S.*)$")


def read_dash_label(line: str) -> str:
    """'plan - Lite, Standard, Unlimited', 'msisdn – 10-digit phone number': a short label, a spaced dash, then its
    rule reads like 'plan: Lite, Standard, Unlimited'; the values after the dash stay one column."""
    m = DASH_LABEL_RE.match(line)
    if m is None or re.search(r"\b(?:we|i|you|need|want|please|generate|make|create|give)\b", m["label"], re.I):
        return line
    return f"{m['label']}: {m['rest']}"


def split_semicolon_fields(segments: list[str]) -> tuple[str, list[str]]:
    """'Events, 6000 rows. account id (uuid); event type: a, b, c; plan = ...': one column per segment."""
    lead, rest = segments[0], [re.sub(r"[.!]\s*$", "", s.strip()) for s in segments[1:]]
    cut_at = 0
    sentence_end = list(re.finditer(r"[.!?]\s+(?=\S)", lead))
    if sentence_end:
        cut_at = sentence_end[-1].end()
    intro = next((m for m in LIST_INTRO_RE.finditer(lead)
                  if not re.match(r"\s*(?:about\s+|around\s+)?\d", lead[m.end():])), None)
    if intro is not None:
        cut_at = max(cut_at, intro.end())
    header, first = lead[:cut_at].strip(), lead[cut_at:].strip()
    if not cut_at:
        header, first = lead.strip(), ""
    items: list[str] = []
    for segment in [first] + rest:
        if not segment:
            continue
        if re.search(r"[:=(]", segment):
            items.append(segment)  # 'event type: a, b, c' is one column with its values
        else:
            items.extend(split_prose_items(segment))
    return header, items


def _is_bullet(line: str) -> bool:
    # '-20 to 50' at the start of a line is a number, not a bullet; '-> 1,400 cows' an arrow to the scene.
    return not re.match(r"^\s*(?:[-–—]\d|[-=]+>)", line)
