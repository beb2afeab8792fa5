"""Type words: shapes of well-known codes stated in words ('three-letter country code', 'ISO alpha-3',
'two-letter state', 'hex colour', 'semver'), read by the column's label and its qualifier words together.

One table, one row per shape: the label's head (or any word, for shapes that name themselves), the words that
state the shape, and what the column becomes: real values (an enum) where the codes are a fixed set, else a
pattern. A qualifier reader of ``fields_qualifiers``; it takes the words it read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from src.engine.data.nanp import AREA_CODES
from src.extraction import phrases as ph
from src.engine.semantics import tokenize
from src.extraction.drafts import FieldDraft
from src.extraction.engine_meaning import engine_thing_span

# ISO 3166-1 alpha-3 codes of the countries most datasets name (real codes, not random letters).
ALPHA3_CODES = ("USA", "CAN", "MEX", "BRA", "ARG", "CHL", "COL", "PER", "GBR", "IRL", "FRA", "DEU", "ESP", "PRT",
                "ITA", "NLD", "BEL", "CHE", "AUT", "SWE", "NOR", "DNK", "FIN", "POL", "CZE", "GRC", "TUR", "ISR",
                "EGY", "NGA", "KEN", "ZAF", "SAU", "ARE", "IND", "PAK", "CHN", "JPN", "KOR", "SGP", "IDN", "PHL",
                "VNM", "THA", "MYS", "AUS", "NZL")
# ISO 639-1 codes of widely used languages.
LANGUAGE_CODES = ("en", "es", "fr", "de", "pt", "it", "nl", "sv", "pl", "ru", "tr", "ar", "hi", "zh", "ja", "ko")
US_STATE_CODES = tuple(sorted(AREA_CODES["US"]))

TWO = r"(?:two|2)[- ]?(?:letters?|char(?:acter)?s?)"
THREE = r"(?:three|3)[- ]?(?:letters?|char(?:acter)?s?)"


@dataclass(frozen=True)
class TypeWord:
    heads: str  # a regex the label must contain ('' = any label)
    words: str  # the words in the qualifiers (or the label) that state the shape
    values: tuple[str, ...] = ()
    pattern: str | None = None
    type_name: str | None = None  # an engine type that already writes this shape


TYPE_WORDS: tuple[TypeWord, ...] = (
    TypeWord(r"\bcountr(?:y|ies)\b|\bnationality\b", rf"\b{THREE}\b|\balpha[- ]?3\b|\biso[- ]?3166[- ]?(?:1\s*)?alpha[- ]?3\b",
             values=ALPHA3_CODES),
    TypeWord(r"\bcountr(?:y|ies)\b|\bnationality\b", rf"\b{TWO}\b|\balpha[- ]?2\b", type_name="country_code"),
    TypeWord(r"\bstates?\b", rf"\b{TWO}\b|\b(?:postal\s+)?abbreviat(?:ion|ed)s?\b|\bUSPS\b", values=US_STATE_CODES),
    TypeWord(r"\blanguages?\b|\blocale\b", rf"\b{TWO}\b|\biso[- ]?639\b", values=LANGUAGE_CODES),
    TypeWord("", r"\bhex(?:adecimal)?\s*(?:colou?r|code)s?\b|\bcolou?r\s+hex\b|#rrggbb\b", pattern=r"#[0-9A-F]{6}"),
    TypeWord("", r"\bsem(?:antic\s*)?ver(?:sion(?:ing)?)?\b|\bmajor\.minor\.patch\b",
             pattern=r"[1-9]\.\d{1,2}\.\d{1,2}"),
)


def read_type_words(draft: FieldDraft, text: str) -> str:
    """Set the column's values or pattern from a shape stated in words; the words read are taken out."""
    label = draft.label
    for row in TYPE_WORDS:
        if row.heads and not re.search(row.heads, label, re.I):
            continue
        found = re.search(row.words, text, re.I)
        if not found and not (not row.heads and re.search(row.words, label, re.I)):
            continue
        if not found and engine_thing_span(tokenize(label)):
            continue  # only the label says it ('hex color', 'semver'): the engine's meaning of the name makes it
        if found:
            text = ph.cut(text, found)
        if row.values:
            draft.enum_items = [ph.ListItem(value) for value in row.values]
            draft.type_hint = "enum"
        elif row.type_name:
            draft.type_hint = row.type_name
        else:
            draft.constraints["pattern"] = row.pattern
            draft.type_hint = "code"
        text = re.sub(r"\b(?:iso|code|format)\b", " ", text, flags=re.I) if row.heads else text
        return text
    return text
