"""Comma prose -> one item per column: 'name, email, age between 18 and 65, and status (active, banned)'.

The list stage's comma reader: pieces cut at top-level commas and 'and', joined back where a piece only
qualifies the column before it, continues its value list, or is one more number of a list (clause rules of
``clauses``; one rule for several columns from ``shared_columns``).
"""

from __future__ import annotations

import re

from src.extraction import chatty
from src.extraction import clauses as cl
from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction import value_maps as vm
from src.extraction.fields_label import is_joined_phrase
from src.extraction.frequency_words import continues_frequency_list
from src.extraction.sentences import depth_at
from src.extraction.shared_columns import expand_shared_columns

SHAPE_PIECE_RE = re.compile(
    r"(?:(?:a|an|then|and|followed\s+by)\s+)*(?:dash|hyphen|slash|space|underscore|dot|colon)"
    r"(?:\s*(?:,|and|then|followed\s+by)\s+(?:then\s+)?\d+\s+(?:digits?|letters?|characters?|chars?|numbers?))?|"
    r"(?:(?:a|an|then|and|followed\s+by)\s+)*\d+\s+(?:uppercase\s+|capital\s+|lowercase\s+)?(?:digits?|letters?|characters?|"
    r"chars?|numbers?)", re.I)
CODE_SHAPE_RE = re.compile(r"\d+\s+(?:uppercase\s+|capital\s+|lowercase\s+)?(?:digits?|letters?|characters?|chars?)\s*$", re.I)
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


RATIO_PIECE_RE = re.compile(r"(?:(?:roughly|about|around|approx\.?|approximately|~|split|like)\s*)?\d{1,2}(?:\s*/\s*\d{1,2})+"
                            r"(?:\s*(?:%|split))?", re.I)


def split_prose_items(body: str) -> list[str]:
    """Split 'name, email, age between 18 and 65, and status (active, banned).' into items."""
    body = re.sub(r"[.!]\s*$", "", body.strip())
    # 'desk (D-001 .. D-120)': a full stop inside brackets ends no sentence
    cuts = [m for m in re.finditer(r"\.\s+(?=[A-Z])", body) if depth_at(body, m.start()) == 0]
    ends = [m.start() for m in cuts] + [len(body)]
    later = [body[m.end():end] for m, end in zip(cuts, ends[1:])]
    body = body[:ends[0]]
    items: list[str] = []
    parts = [cl.name_whether(p) for joined in cl.join_value_lists(vm.join_value_maps(
        ph.split_top_level(cl.normalize_clauses(body), ",;")))
             for joined_piece in cl.split_joined_columns(joined) for p in cl.split_verbless_run(joined_piece)]
    for written in parts:
        part = cl.trim_relative_label(re.sub(r"^(?:and|&|plus|as\s+well\s+as)\s+", "", cl.strip_request_lead(written),
                                             flags=re.I))
        if items and CONNECTIVE_START_RE.match(part):
            items[-1] += ", " + written.strip()  # '..., and it must come after created at'
            continue
        shared = expand_shared_columns(part)  # 'height and width each 10-200 cm', 'q1..q5 each 1-5'
        for piece in map(cl.name_whether, shared if len(shared) > 1 else [part] if cl.OPERANDS_RE.search(part)
                         else _split_on_and(part)):
            if items and CONNECTIVE_START_RE.match(piece):
                items[-1] += " and " + piece
            elif items and not re.search(r"[A-Za-z]", piece.split("(")[0]):
                items[-1] += ", " + piece
            elif items and SHAPE_PIECE_RE.fullmatch(piece) and CODE_SHAPE_RE.search(items[-1]):
                items[-1] += ", " + piece  # 'made of 1 letter, a dash and 3 digits': one code shape
            elif items and (QUALIFIER_PIECE_RE.fullmatch(piece) or chatty.qualifies_previous(piece, items[-1])):
                items[-1] += ", " + piece  # 'points 0-12, integer': a qualifier, not a column
            elif items and RATIO_PIECE_RE.fullmatch(piece):
                items[-1] += ", " + piece  # 'walk, bike or car, about 50/30/20': the shares of the values before
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
