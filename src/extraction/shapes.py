"""Code shapes in words: '5-20 characters', '2 letters followed by 6 digits', '3 letters, a dash, then 5 digits',
and patterns from examples ('ORD-12345' -> 'ORD-\\d{5}')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from src.extraction.phrases import cut


@dataclass
class LengthRule:
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None


CHAR_CLASSES = [
    (r"(?:upper(?:\s*case|-case)?\s+)?(?:letters?|characters?|chars?)\s*(?:/|\bor\b|\band\b|&)\s*(?:digits?|numbers?)|"
     r"(?:digits?|numbers?)\s*(?:/|\bor\b|\band\b|&)\s*(?:upper(?:\s*case|-case)?\s+)?(?:letters?|characters?|chars?)",
     "[A-Z0-9]"),
    (r"lower(?:\s*case|-case)?\s+(?:letters?|characters?|chars?)\s*(?:/|\bor\b|\band\b|&)\s*(?:digits?|numbers?)",
     "[a-z0-9]"),
    (r"upper(?:\s*case|-case)?\s+(?:letters?|characters?|chars?)|capital\s+letters?", "[A-Z]"),
    (r"lower(?:\s*case|-case)?\s+(?:letters?|characters?|chars?)", "[a-z]"),
    (r"alpha\s*numeric\s+(?:characters?|chars?|symbols?)?|alphanumerics?", "[A-Z0-9]"),
    (r"hex(?:adecimal)?\s+(?:digits?|characters?|chars?)", "[0-9a-f]"),
    (r"digits?|numbers?|numeric\s+(?:characters?|chars?)", r"\d"),
    (r"letters?", "[A-Z]"),
]


def _quantifier(low: int, high: int) -> str:
    return f"{{{low}}}" if low == high else f"{{{low},{high}}}"


SEPARATOR_WORDS = [(r"\b(?:dash|hyphen|minus)\b|(?<![\w])-(?![\w])|^\s*-|-\s*$", "-"), (r"\bslash\b|/", "/"),
                   (r"\bunderscore\b|_", "_"), (r"\b(?:dot|period|full\s+stop)\b", r"\."), (r"\bcolon\b", ":"),
                   (r"\bspace\b", " ")]


def _separator(between: str) -> str:
    """The literal a shape names between two runs: 'a dash', '-', 'then a slash'; none for 'followed by'."""
    if len(between) > 40:
        return ""
    for pattern, literal in SEPARATOR_WORDS:
        if re.search(pattern, between, re.I):
            return literal
    return ""


SHAPE_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                      "ten": 10, "eleven": 11, "twelve": 12}
SHAPE_NUMBER_RE = re.compile(rf"\b(?P<w>{'|'.join(SHAPE_NUMBER_WORDS)})(?=[\s-]+(?:(?:upper|lower)(?:\s*case|-case)?\s+|"
                             r"capital\s+|random\s+)?(?:letters?|digits?|characters?|chars?|numbers?|alphanumerics?)\b)", re.I)
# '10-character uppercase alphanumeric' -> '10 alphanumeric characters'
COUNT_FIRST_RE = re.compile(r"\b(?P<n>\d+)[\s-]*(?:characters?|chars?)\s+(?:(?:upper|lower)(?:\s*case|-case)?\s+)?"
                            r"(?P<c>alpha\s*numeric|hex(?:adecimal)?)\b", re.I)


def write_shape_counts(text: str) -> str:
    """'four digits' -> '4 digits'; '10-character alphanumeric' -> '10 alphanumeric characters'."""
    text = SHAPE_NUMBER_RE.sub(lambda m: str(SHAPE_NUMBER_WORDS[m["w"].lower()]), text)
    return COUNT_FIRST_RE.sub(lambda m: f"{m['n']} {m['c']} characters", text)


def find_length(text: str) -> tuple[LengthRule | None, str]:
    """Find '5-20 characters', 'max 200 chars', '6 uppercase letters', '2 letters followed by 4 digits'."""
    text = write_shape_counts(text)
    count = r"(?P<a>\d+)(?:\s*(?:-|–|to)\s*(?P<b>\d+))?"
    pieces = []
    rest = text
    for _ in range(4):
        best = None
        for words, char_class in CHAR_CLASSES:
            m = re.search(rf"\b{count}[\s-]*(?:{words})\b", rest, re.I)
            if m and (best is None or m.start() < best[0].start()):
                best = (m, char_class)
        if best is None:
            break
        m, char_class = best
        low = int(m["a"])
        high = int(m["b"]) if m["b"] else low
        if "characters" in m.group(0).lower() and char_class == "[A-Z0-9]" and "alpha" not in m.group(0).lower():
            break
        pieces.append((m.start(), m.end(), char_class + _quantifier(low, high)))
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    if pieces:
        pieces.sort()
        pattern = pieces[0][2]
        for (_, end, _), (start, _, piece) in zip(pieces, pieces[1:]):
            between = text[end:start]
            pattern += _separator(between) + piece  # '3 letters, a dash, then 5 digits' -> [A-Z]{3}-\d{5}
            rest = rest[:end] + " " * len(between) + rest[start:]
        return LengthRule(pattern=pattern), re.sub(
            r"\b(?:followed\s+by|then|and)\b|\+", " ", rest).strip()
    m = re.search(rf"\b(?:between\s+)?{count}\s*(?:characters?|chars?|symbols?)(?:\s+long)?\b", text, re.I)
    if m:
        low, high = int(m["a"]), int(m["b"]) if m["b"] else None
        before = text[: m.start()].lower()
        if high is not None:
            return LengthRule(low, high), cut(text, m)
        upper = re.search(r"(?:up\s+to|max(?:imum)?(?:\s+of)?|at\s+most|no\s+more\s+than|under|less\s+than)\s*$", before)
        if upper:
            return LengthRule(1, low), (text[: upper.start()] + " " + text[m.end():]).strip()
        lower = re.search(r"(?:at\s+least|min(?:imum)?(?:\s+of)?)\s*$", before)
        if lower:
            return LengthRule(low, max(low * 2, low + 10)), (text[: lower.start()] + " " + text[m.end():]).strip()
        return LengthRule(low, low), cut(text, m)
    m = re.search(r"\b(?:max(?:imum)?|up\s+to|at\s+most)\s*(?:length\s*)?(?:of\s+)?(\d+)\b", text, re.I)
    if m and re.search(r"\b(?:length|long|chars?|characters)\b", text, re.I):
        return LengthRule(1, int(m[1])), cut(text, m)
    return None, text


def pattern_from_example(example: str) -> str | None:
    """Turn an example like 'ORD-12345' or 'XX-9999' into a pattern 'ORD-\\d{5}' / '[A-Z]{2}-\\d{4}'."""
    example = example.strip().strip("'\"`")
    if not re.fullmatch(r"[A-Za-z0-9#\-_/.:]{3,40}", example) or not re.search(r"[\d#X9]|xx", example):
        return None
    placeholder = re.fullmatch(r"[X9#A\-_/.:]+", example) and re.search(r"[X9#]", example)
    out = []
    runs = list(re.finditer(r"\d+|[A-Za-z]+|[^A-Za-z\d]+", example))
    for i, run in enumerate(runs):
        token = run.group(0)
        if token.isdigit() and _is_prefix_year(runs, i):
            out.append(token)  # 'RUN-2024-0001': the year after a prefix is part of the prefix
        elif token.isdigit():
            out.append(r"\d" + _quantifier(len(token), len(token)))
        elif i > 0 and re.fullmatch(r"x{2,}", token) and re.search(r"[A-Z]", example):
            out.append(r"\d" + _quantifier(len(token), len(token)))  # 'RB-xxxx': the x's stand for digits
        elif token.isalpha():
            if placeholder and set(token) <= {"X", "A"}:
                out.append("[A-Z]" + _quantifier(len(token), len(token)))
            else:
                out.append(token)
        else:
            for ch in token:
                out.append(r"\d" if ch == "#" else ("\\" + ch if ch in ".^$*+?()[]{}|\\" else ch))
    return "".join(out)


# A code written with no word saying it is an example: 'well id W-0001', 'batch no (RB-xxxx, 4 digits)'.
BARE_EXAMPLE_RE = re.compile(r"(?<![\w./-])(?P<x>[A-Z]{1,6}[-_/.]?(?:\d{2,}|x{2,}|X{2,}|#{2,})(?:[-_/.](?:\d+|x{2,}))*)"
                             r"(?![\w/-]|\.\w)")
ID_HEADS = {"id", "no", "nr", "num", "number", "code", "ref", "reference", "key", "tag", "serial"}


def find_bare_example(text: str, tokens: list[str], kind: str | None) -> re.Match | None:
    """The one code an identifier's rule shows with no 'like' or 'e.g.' before it ('W-0001', 'P-000123')."""
    if not tokens or (tokens[-1] not in ID_HEADS and kind != "id"):
        return None
    found = [m for m in BARE_EXAMPLE_RE.finditer(text) if re.search(r"[A-Z]", m["x"])]
    return found[0] if len(found) == 1 else None


def split_shown_code(head: str) -> tuple[str, int] | None:
    """'well id W-0001' -> ('well id', 9): an identifier's label followed straight by one code it shows."""
    m = re.search(r"\s(?=" + BARE_EXAMPLE_RE.pattern + ")", head)
    if m is None or not re.search(r"[A-Z]", head[m.end():m.end() + 8]):
        return None
    label = head[: m.start()].strip().lower().split()
    return (head[: m.start()], m.start()) if label and label[-1] in ID_HEADS else None


def _is_prefix_year(runs: list, i: int) -> bool:
    """'RUN-2024-0001', 'INV/2023/0042': a year right after a letter prefix and a separator, more digits after it."""
    token = runs[i].group(0)
    return bool(re.fullmatch(r"(?:19|20)\d\d", token)) and i >= 2 and runs[i - 2].group(0).isalpha() \
        and not runs[i - 1].group(0).isalnum() and i + 2 < len(runs) and runs[i + 2].group(0).isdigit()


def letter_range_prefix(pattern: str, text: str) -> str:
    """'A-01-01 (rows A-H)', 'section letter A-H, written like C-12-07': the example's one-letter part takes the
    stated letter range, or any capital when the words call it a letter."""
    m = re.match(r"([A-Z])(?=[-_/.]|\\[.])", pattern)
    if m is None:
        return pattern
    span = re.search(r"(?<![\w-])([A-Z])\s*(?:-|–|to|through|thru)\s*([A-Z])(?![\w-])", text)
    if span and span[1] < span[2]:
        return f"[{span[1]}-{span[2]}]" + pattern[1:]
    if re.search(r"\bletters?\b", text, re.I):
        return "[A-Z]" + pattern[1:]
    return pattern


# 'PUMP-001 to PUMP-060', 'WS001 .. WS050', 'L-01 through L-80': codes numbered over a range, the prefix repeated.
CODE_RANGE_RE = re.compile(
    r"(?<![\w-])(?P<p>[A-Z][A-Z0-9]*?[-_/#]?|[a-z]{2,6}[-_/#]?)(?P<a>\d{1,9})\s*(?:-|–|—|to|through|thru|till|until|"
    r"\.\.\.?|…)\s*(?P=p)(?P<b>\d{1,9})(?![\w-])"
    r"(?P<extra>(?:\s*(?:,|\bor\b|\band\b|/)\s*(?P=p)[A-Z]{1,2}(?![\w-]))*)")  # 'chr1..chr22 or chrX'

MAX_CODE_RANGE = 10**7


def find_code_range(text: str) -> tuple[str | None, int | None, str]:
    """'PUMP-001 to PUMP-060' -> ('PUMP-(?:0[0-5][1-9]|...)', 60, rest): a pattern of exactly those codes and how many."""
    m = CODE_RANGE_RE.search(text)
    if m is None:
        return None, None, text
    low, high = int(m["a"]), int(m["b"])
    if low > high or high - low + 1 > MAX_CODE_RANGE:
        return None, None, text
    padded = m["a"].startswith("0") or len(m["a"]) == len(m["b"])
    prefix = re.sub(r"([.^$*+?()\[\]{}|\\])", r"\\\1", m["p"])
    if padded:
        width = max(len(m["a"]), len(m["b"]))
        body = number_range_regex(str(low).zfill(width), str(high).zfill(width))
    else:
        body = "|".join(number_range_regex(str(max(low, 10 ** (w - 1) if w > 1 else 0)), str(min(high, 10 ** w - 1)))
                        for w in range(len(str(low)), len(str(high)) + 1))
    extras = re.findall(rf"{re.escape(m['p'])}([A-Z]{{1,2}})", m["extra"] or "")
    body = "|".join([body] + extras)
    return prefix + f"(?:{body})", high - low + 1 + len(extras), cut(text, m)


def number_range_regex(low: str, high: str) -> str:
    """A regex for the numbers low..high written with the same number of digits ('007'..'060')."""
    if low == high:
        return low
    if len(low) == 1:
        return f"[{low}-{high}]"
    rest = len(low) - 1
    if low[0] == high[0]:
        return low[0] + _group(number_range_regex(low[1:], high[1:]))
    parts, first, last = [], int(low[0]), int(high[0])
    if low[1:] != "0" * rest:
        parts.append(low[0] + _group(number_range_regex(low[1:], "9" * rest)))
        first += 1
    tail = None
    if high[1:] != "9" * rest:
        tail = high[0] + _group(number_range_regex("0" * rest, high[1:]))
        last -= 1
    if first <= last:
        digit = str(first) if first == last else f"[{first}-{last}]"
        parts.append(digit + rf"\d{{{rest}}}")
    if tail:
        parts.append(tail)
    return "|".join(parts)


def _group(regex: str) -> str:
    return f"(?:{regex})" if "|" in regex else regex


def count_after_prefix(body: str, literal: str, starts_with: bool) -> str:
    """'11 digits starting with 447': the count covers the whole code, so 8 digits follow the prefix
    ('PRE followed by 6 digits' counts only what follows)."""
    m = re.fullmatch(r"\\d\{(\d+)\}", body)
    if starts_with and m and literal.isdigit() and int(m[1]) > len(literal):
        return rf"\d{{{int(m[1]) - len(literal)}}}"
    return body


def widen_digits(pattern: str, rows: int, count) -> str | None:
    """'A-\\d{2}' for 400 unique rows -> 'A-\\d{4}': the last run of digits grows until the pattern holds at least
    ten times the rows (``count`` says how many values a pattern holds); None when it has no run of digits."""
    runs = list(re.finditer(r"\\d(?:\{(\d+)\})?", pattern))
    if not runs:
        return None
    last = runs[-1]
    width = int(last[1] or 1)
    for extra in range(1, 13):
        widened = pattern[: last.start()] + rf"\d{{{width + extra}}}" + pattern[last.end():]
        if count(widened) >= rows * 10:
            return widened
    return None

