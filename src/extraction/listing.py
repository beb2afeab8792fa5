"""Listing: a description's text -> its header (the scene) and one text per intended column.

Bullets, numbered lines, 'name: rule' lines, 'a; b; c' segments, one short sentence per column, and
comma prose ('name, email, age between 18 and 65, and status (active, banned)') joined by the clause rules
of ``clauses``. ``layout`` calls ``split_description`` for every block it does not read itself.
"""

from __future__ import annotations

import re

from src.extraction import chatty
from src.extraction import clauses as cl
from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction import value_maps as vm
from src.extraction.fields_label import ENUM_HEAD_RE, is_joined_phrase, label_of
from src.extraction.fields_values import parse_value_list
from src.extraction.frequency_words import continues_frequency_list
from src.extraction.list_properties import fold_sub_bullets, join_properties, nested_properties
from src.extraction.scene import find_row_count
from src.extraction.sentences import depth_at


BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦‣–—+]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s*")
LIST_INTRO_RE = re.compile(
    r"(?::|\b(?:with|containing|including|includes?|having|(?:that|which|each(?:\s+\w+)?|every\s+\w+|it|they)\s+"
    r"(?:has|have|includes?|contains?|should\s+(?:have|include|contain))|consisting\s+of|comprising|"
    r"made\s+up\s+of|(?:fields?|columns?|attributes?|properties)(?:\s+(?:are|is|will\s+be|should\s+be)(?=\s*:))?)\b"
    r"\s*(?::|->|→|=>)?)", re.I)
SHAPE_PIECE_RE = re.compile(
    r"(?:(?:a|an|then|and|followed\s+by)\s+)*(?:dash|hyphen|slash|space|underscore|dot|colon)"
    r"(?:\s*(?:,|and|then|followed\s+by)\s+(?:then\s+)?\d+\s+(?:digits?|letters?|characters?|chars?|numbers?))?|"
    r"(?:(?:a|an|then|and|followed\s+by)\s+)*\d+\s+(?:uppercase\s+|capital\s+|lowercase\s+)?(?:digits?|letters?|characters?|"
    r"chars?|numbers?)", re.I)
CODE_SHAPE_RE = re.compile(r"\d+\s+(?:uppercase\s+|capital\s+|lowercase\s+)?(?:digits?|letters?|characters?|chars?)\s*$", re.I)
MIN_SEMICOLON_FIELDS = 3  # 'a; b; c': semicolons, not commas, separate the columns
LABEL_SEMICOLON_RE = re.compile(r"^(?P<label>[^,;:()]{1,60}?)\s*;\s+(?P<rest>[^;]+)$")
# Words that open a clause about the previous column, never a column of their own ('..., and it must ...').
CONNECTIVE_START_RE = re.compile(
    r"^(?:it|its|it's|they|them|their|this|that|these|those|which|who|whose|must|should|always|never|but|so|"
    r"mostly|mainly|usually|predominantly|primarily|largely|typically|"
    r"then|also|otherwise|else|except|with\s+(?:a\s+|the\s+)?time(?:\s+of\s+day)?$|"
    # a rule about the column before: '..., only if refunded', '..., after purchased at'
    r"only(?=\s+(?:if|when|for|where|to)\b)|if|when|whenever|unless|after(?=\s)|before(?=\s)|"
    r"no\s+(?:earlier|later|more|less)\s+than|at\s+(?:least|most)\s+(?:the|its|their)(?=\s)|"
    # how the column before is rounded or shown: '..., rounded to one decimal', '..., expressed as a percentage'
    r"(?:and\s+)?(?:rounded|round(?=\s+to)|expressed\s+as|shown\s+as|given\s+as|as\s+a\s+percent(?:age)?|in\s+percent|"
    r"to\s+(?:\d+|one|two|three|four)\s+decimal))\b", re.I)
# A comma piece that only qualifies the column before it ('points 0-12, integer, email').
QUALIFIER_PIECE_RE = re.compile(
    r"integers?|whole\s+numbers?|(?:\d+|one|two|three|four)\s+(?:decimals?|decimal\s+places|dp)|no\s+decimals|"
    r"unique|optional|nullable|required|not\s+null|(?:(?:as\s+)?(?:a|an)\s+)?(?:(?:two|three|four|five|six|seven|eight|\d{1,2})"
    r"[- ]?(?:letters?|digits?|characters?|chars?)(?:\s+(?:iso\s+)?(?:code|pin|abbreviation|number))?|(?:iso\s+)?alpha[- ]?[23]|"
    r"semver|semantic\s+version(?:ing)?|(?:usps\s+|postal\s+)?abbreviation)|(?:a\s+)?(?:yes\s*(?:/|or)\s*no|true\s*(?:/|or)\s*false)(?:\s+flag)?|"
    r"(?:between|from|ranging\s+from|in\s+the\s+range|within|up\s+to|at\s+least|at\s+most)\s+[-$€£]?\d.*|"
    r"as\s+(?:a|an)\s+[\w-]+(?:\s+[\w-]+){0,3}|"
    # how the values spread: 'log-normal', 'median 120', 'sd 15', 'normally distributed'
    r"(?:(?:with\s+)?(?:a|an|the)\s+)?(?:mean|median|average|avg|sd|std|stdev|standard\s+deviation|spread|sigma)"
    r"\s*(?:of|=|:|is|around|about)?\s*[-$€£]?\d[\d.,]*\s*[A-Za-z%]{0,12}|"
    r"(?:log[- ]?normal(?:ly)?|normal(?:ly)?|exponential(?:ly)?|uniform(?:ly)?|gaussian|skewed|right[- ]skewed|"
    r"long[- ]tail(?:ed)?|bell[- ]?(?:curve|shaped))(?:\s+distributed|\s+distribution)?", re.I)


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
    lines = [read_semicolon_label(line.rstrip()) for raw in text.strip().splitlines() if raw.strip()
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
    by_sentence = _sentence_items(flat)
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
    list_start = _list_after_sentence(flat, intro.start() if intro else len(flat))
    if list_start is not None:
        return flat[:list_start].strip(), split_prose_items(flat[list_start:])
    if intro is None:
        return flat, []
    header, body = flat[: intro.start()], flat[intro.end():]
    return header, split_prose_items(body)


def _list_after_sentence(flat: str, before: int) -> int | None:
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


def _sentence_items(flat: str) -> tuple[str, list[str]] | None:
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


def split_prose_items(body: str) -> list[str]:
    """Split 'name, email, age between 18 and 65, and status (active, banned).' into items."""
    body = re.sub(r"[.!]\s*$", "", body.strip())
    later: list[str] = []
    if re.search(r"\.\s+[A-Z]", body):
        body, *later = re.split(r"\.\s+(?=[A-Z])", body)
    items: list[str] = []
    parts = [cl.name_whether(p) for joined in cl.join_value_lists(vm.join_value_maps(
        ph.split_top_level(cl.normalize_clauses(body), ",;")))
             for p in cl.split_joined_columns(joined)]
    for written in parts:
        part = cl.trim_relative_label(re.sub(r"^(?:and|&|plus|as\s+well\s+as)\s+", "", cl.strip_request_lead(written),
                                             flags=re.I))
        if items and CONNECTIVE_START_RE.match(part):
            items[-1] += ", " + written.strip()  # '..., and it must come after created at'
            continue
        for piece in map(cl.name_whether, [part] if cl.OPERANDS_RE.search(part) else _split_on_and(part)):
            if items and CONNECTIVE_START_RE.match(piece):
                items[-1] += " and " + piece
            elif items and not re.search(r"[A-Za-z]", piece.split("(")[0]):
                items[-1] += ", " + piece
            elif items and SHAPE_PIECE_RE.fullmatch(piece) and CODE_SHAPE_RE.search(items[-1]):
                items[-1] += ", " + piece  # 'made of 1 letter, a dash and 3 digits': one code shape
            elif items and (QUALIFIER_PIECE_RE.fullmatch(piece) or chatty.qualifies_previous(piece, items[-1])):
                items[-1] += ", " + piece  # 'points 0-12, integer': a qualifier, not a column
            elif items and continues_frequency_list(items[-1], piece):
                items[-1] += ", " + piece  # 'beds: mostly 2, sometimes 1, rarely 3': one weighted list
            elif items and _continues_value_list(items[-1], piece):
                items[-1] += ", " + piece  # '..., and a cuisine: Italian, Thai, Mexican': values, not columns
            elif items and re.fullmatch(r"(?:or\s+|and\s+)?[-$€£]?\d[\d.]*\s*(?:(?:or|and)\s+[-$€£]?\d[\d.]*\s*)?[A-Za-z%]{0,12}",
                                        piece) and re.search(r"(?:[:=]|\b(?:is|are|be|either|of)\b)\s*[-$€£]?\d[\d.]*(?:,\s*[-$€£]?\d[\d.]*)*$", items[-1]):
                items[-1] += ", " + piece  # 'term: 10, 15, 20, 25 or 30 years' inside a comma list
            elif piece:
                items.append(piece)
    from src.extraction.notes import is_note  # notes reads items this module makes
    items = [cl.read_number_list(item) for item in items]
    return items + [sentence for sentence in later if is_note(sentence, items)]  # 'Both dates in 2024.'


def _continues_value_list(item: str, piece: str) -> bool:
    """'cuisine: Italian' then 'Thai': a short word written like the values after the label's colon, that names
    no column of its own, is one more value."""
    m = re.match(r"^[^:=()]{1,40}[:=]\s*(?P<vals>[^:=()]+)$", item)
    if not m:
        return False
    values = [v.strip() for v in re.split(r",|\band\b|\bor\b|/", m["vals"]) if v.strip()]
    if not values or any(len(v.split()) > 2 or re.search(r"\d", v) for v in values):
        return False
    more = [v.strip() for v in re.split(r"\s+(?:or|and)\s+|/", piece) if v.strip()]
    if not more or re.search(r"[\d:=()%]", piece) or any(
            len(v.split()) > 2 or fm.classify_tokens(fm.tokenize(v)) is not None for v in more):
        return False
    return piece[:1].isupper() == values[0][:1].isupper()


def _split_on_and(text: str) -> list[str]:
    """Split on a top-level ' and ' that joins two columns, not 'between 18 and 65' or 'date and time'."""
    depth, cuts = 0, []
    spans = vm.map_spans(text)  # '29 for pro and 499 for team': one mapping
    for m in re.finditer(r"[()]|\s+(?:and|&)\s+", text):
        token = m.group(0)
        if any(start <= m.start() < end for start, end in spans):
            continue
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            before, after = text[: m.start()], text[m.end():]
            if re.match(r"[-−$€£]?\d|(?:std|sd|standard|mean|average|max|min|maximum|minimum|up\s+to|at\s+least|"
                        r"between|every|last|next|past|unique|optional|decimals?|no\s+more)\b", after, re.I) \
                    or (re.search(r"\bbetween\s+(?:(?!and\b)\S+\s+){0,2}(?!and\b)\S+$", before, re.I)
                        and not re.search(r"\bbetween\s+\S*\d\s*[-–]\s*\S*\d\S*$", before, re.I)):
                continue
            cuts.append((m.start(), m.end()))
    if not cuts:
        return [text.strip()]
    pieces, last = [], 0
    for start, end in cuts:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    merged: list[str] = []
    for piece in pieces:
        joined = (merged[-1] + " and " + piece) if merged else None
        if joined and is_joined_phrase(joined):
            merged[-1] = joined
        else:
            merged.append(piece.strip())
    return [p for p in merged if p]
