"""Sentences of a list: one short sentence per column after a header sentence ('Staff roster, 300 rows. Employee
name. department: sales, ops. Salary 30k-90k.'), and a sentence that is a bare comma list of columns."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction.comma_list import split_prose_items
from src.extraction.fields_label import ENUM_HEAD_RE, label_of
from src.extraction.sentences import depth_at

LIST_INTRO_RE = re.compile(
    r"(?::|\b(?:with|containing|including|includes?|having|(?:that|which|each(?:\s+\w+)?|every\s+\w+|it|they)\s+"
    r"(?:has|have|includes?|contains?|should\s+(?:have|include|contain))|consisting\s+of|comprising|"
    r"made\s+up\s+of|(?:fields?|columns?|attributes?|properties)(?:\s+(?:are|is|will\s+be|should\s+be)(?=\s*:))?)\b"
    r"\s*(?::|->|→|=>)?)", re.I)


def find_list_after_sentence(flat: str, before: int) -> int | None:
    """'Match results: 380 matches. Match ID, Home Team, Away Team, ...': a sentence that is a bare comma
    list of columns (at least three, the first a short label with no intro of its own) is the field list."""
    for end in re.finditer(r"[.!]\s+(?=[A-Za-z0-9])", flat[:before]):
        if depth_at(flat, end.start()):
            continue
        sentence = re.split(r"[.!]\s+(?=[A-Z])", flat[end.end():])[0]
        parts = ph.split_top_level(sentence, ",;")
        if len(parts) >= 3 and len(parts[0].split()) <= 6 and not LIST_INTRO_RE.search(parts[0]) \
                and not re.match(r"\d", parts[0]) \
                and sum(_label_words(p) <= 6 for p in parts) >= 0.6 * len(parts):
            return end.end()
    return None


ABBREVIATIONS = {"e.g", "i.e", "eg", "ie", "etc", "vs", "approx", "dr", "mr", "mrs", "ms", "st", "no", "incl", "min",
                 "max", "avg", "ca", "jr", "sr", "nr", "inc", "ltd", "co"}
SENTENCE_STOP_WORDS_RE = re.compile(
    r"^(?:fields?|columns?|attributes?|properties|each|every|all|it|its|they|their|the|this|these|those|there|"
    r"make|use|please|include|includes|including|ensure|no|not|should|must|also|and|but|so|with|rows?|"
    r"records?|data|generate|create|i|we|you)\b", re.I)


def _sentences(flat: str) -> list[str]:
    """'Staff, 300 rows. Employee name. department: sales, ops. Salary 30k-90k.' -> its sentences;
    a full stop inside brackets, in a number or after 'e.g'/'Dr' ends none."""
    out, last = [], 0
    for m in re.finditer(r"[.!]\s+(?=\S)", flat):
        if depth_at(flat, m.start()):
            continue
        word = re.search(r"([\w.]+)$", flat[last:m.start()])
        if word and word[1].lower() in ABBREVIATIONS:
            continue
        out.append(flat[last:m.start()].strip())
        last = m.end()
    out.append(re.sub(r"[.!]\s*$", "", flat[last:].strip()))
    return [s for s in out if s]


DASH_INTRO_RE = re.compile(r"^(?P<h>[^:()\-–—]{3,80}?)\s+(?:[-–—]{1,2}|:-)\s+(?P<body>.+)$", re.S)


def _label_then_values(sentence: str) -> str | None:
    """'stage applied, screened, interviewed, hired' -> 'stage: applied, screened, interviewed, hired'."""
    if re.search(r"[:=()\d]", sentence):
        return None
    parts = ph.split_top_level(sentence, ",")
    if len(parts) < 3:
        return None
    parts[-1] = re.sub(r"^(?:and|or)\s+", "", parts[-1], flags=re.I)
    words = parts[0].split()
    if len(words) < 2 or len(words) > 4:
        return None
    label, values = " ".join(words[:-1]), [words[-1]] + parts[1:]
    found = fm.classify_tokens(fm.tokenize(label))
    if not ((found is not None and found.meaning.type == "enum") or ENUM_HEAD_RE.search(label)):
        return None
    for value in values:
        kind = fm.classify_tokens(fm.tokenize(value))
        if len(value.split()) > 2 or (kind is not None and kind.meaning.type != "boolean"):
            return None
    return f"{label}: {', '.join(values)}"


def read_sentence_items(flat: str) -> tuple[str, list[str]] | None:
    """One short sentence per column after a header sentence: 'Staff roster, 300 rows. Employee name.
    department: sales, ops, hr. Salary 30k-90k. Hire date between 2015 and 2025.'"""
    sentences = _sentences(flat)
    if len(sentences) < 4:
        return None
    header, rest = sentences[0], [_label_then_values(s) or s for s in sentences[1:]]
    for sentence in rest:
        label = label_of(sentence)[0]
        if _label_words(sentence) > 8 or len(label.split()) > 4 or SENTENCE_STOP_WORDS_RE.match(sentence) \
                or re.search(r"\b(?:fields?|columns?|attributes?|properties)\b", sentence, re.I):
            return None
    items: list[str] = []
    intro = next((m for m in LIST_INTRO_RE.finditer(header)
                  if not re.match(r"\s*(?:about\s+|around\s+)?\d", header[m.end():]) and depth_at(header, m.start()) == 0),
                 None)
    if intro is not None and header[intro.end():].strip():
        items.extend(split_prose_items(header[intro.end():]))
        header = header[:intro.start()]
    for sentence in rest:
        if re.search(r"[:=(]", sentence) or not re.search(r",", sentence):
            items.append(sentence)
        else:
            items.extend(split_prose_items(sentence))
    return header.strip(), items


def _label_words(part: str) -> int:
    """Words that name or describe a column, not its bracketed notes, numbers or 'or'/'/' between values."""
    words = re.sub(r"\([^()]*\)", " ", part).replace("/", " ").split()
    return sum(1 for w in words if not re.fullmatch(r"(?:or|[-~<>$€£]*\d[\d.,%kKmM-]*)", w, re.I))
