"""Qualifier readers of a column's formula: 'calculated as qty x price', '= a + b', 'rounded to cents'; and
'low / medium / high', which looks like one but lists values."""

from __future__ import annotations

import re

from src.extraction import phrases as ph
from src.extraction import shapes as sh
from src.extraction.drafts import FieldDraft
from src.extraction.fields_values import SLASH_LIST_OPERATOR_RE


DERIVED_RE = re.compile(r"\b(?:auto[- ]?)?(?:calculated|computed|derived|calculate|compute)\b|\bformula\b", re.I)
CONSTANT = r"[$€£¥]?\d+(?:\.\d+)?(?![\d.])"
# '2 uppercase letters + 6 digits' spells a code's shape, not a sum.
CODE_SHAPE_WORDS_RE = re.compile(r"\b(?:digits?|letters?|characters?|chars?|alphanumerics?)\b", re.I)
ROUNDING_RE = re.compile(r",?\s*\(?\brounded\s+(?:to|up\s+to|down\s+to)\s+(?:the\s+)?(?:nearest\s+)?"
                         r"(?P<what>cents?|pennies|penny|whole\s+\w+|integers?|units?|\d+\s*(?:decimals?|dp|decimal\s+places?))\)?",
                         re.I)


def read_formula(draft: FieldDraft, text: str) -> str:
    rounding = ROUNDING_RE.search(text)
    if rounding and (DERIVED_RE.search(text) or _looks_like_formula(text)):
        what = rounding["what"].lower()
        digits = re.match(r"\d+", what)
        draft.decimals = int(digits[0]) if digits else 2 if what.startswith(("cent", "penn")) else 0
        text = ph.cut(text, rounding)
    if DERIVED_RE.search(text):
        draft.derived = True
        draft.formula_text = _formula_text(text)
        text = DERIVED_RE.sub(" ", text)
    elif _looks_like_formula(text):
        formula_text = _formula_text(text)
        if formula_text and is_slash_value_list(formula_text):
            draft.slash_list_text = formula_text  # 'low / medium / high' lists values, unless it names columns
            draft.enum_items = [ph.ListItem(ph.as_list_value(part))
                                for part in re.split(r"\s*/\s*", formula_text.strip(" ,;()"))]
            return text.replace(formula_text, " ")
        draft.derived = True
        draft.formula_text = formula_text
    if draft.derived and draft.formula_text:
        text = text.replace(draft.formula_text, " ")
    return text



def _looks_like_formula(text: str) -> bool:
    text = sh.write_shape_counts(text)  # 'RA plus seven digits' spells a code, like 'RA plus 7 digits'
    operator = (r"[a-z]\s+(?:[*×x/+-]|times|multiplied\s+by|minus|plus|divided\s+by)\s+[a-z(]|"
                rf"{CONSTANT}\s+(?:plus|\+)\s+{CONSTANT}\s*(?:per|/|a|each)\s+[a-z]|"  # '3.20 plus 1.10 per km'
                rf"[a-z]\s+(?:times|x|multiplied\s+by|divided\s+by|plus|minus)\s+{CONSTANT}|"  # 'usage times 0.004'
                r"[a-z]\s*[*×/]\s*\(|\)\s*[*×/+-]\s*[a-z\d]|"  # 'water/(oil+water)*100'
                rf"{CONSTANT}\s+(?:times|multiplied\s+by)\s+[a-z]|"
                r"[a-z]\s*[*×]\s*[a-z(]|\d\s*%\s+of\s+[a-z]|\b(?:sum|product|average|mean)\s+of\s+[a-z]|"
                r"\b(?:difference|days|nights)\s+between\s+(?:the\s+)?[a-z]|"
                r"[a-z]\s+as\s+(?:a\s+)?(?:percent(?:age)?|share|fraction|proportion)\s+of\s+(?:the\s+)?[a-z]")
    if re.search(operator, text, re.I) and not re.search(r"\d\s*x\s*\d", text) \
            and not re.search(rf"\b(?:plus|\+)\s+{CONSTANT}\s+(?:digits?|letters?|characters?|chars?)\b", text, re.I):
        return True
    # '2.5 + 1.2 * distance_km', 'base fare + 1.20 * distance': constants next to column words
    constant = rf"[a-z_]\s*[*×/]\s*{CONSTANT}|{CONSTANT}\s*[*×]\s*[a-z_(]|[a-z_]\s+[+]\s+{CONSTANT}|{CONSTANT}\s+[+]\s+[a-z_(]"
    return bool(re.search(constant, text, re.I)) and not CODE_SHAPE_WORDS_RE.search(text)


def is_slash_value_list(text: str) -> bool:
    """'low / medium / high' or 'in transit / delivered': every part between the slashes is plain words."""
    parts = re.split(r"\s*/\s*", text.strip(" ,;()"))
    return len(parts) >= 2 and all(
        re.fullmatch(r"[A-Za-z][A-Za-z'_-]*(?:\s+[A-Za-z][A-Za-z'_-]*){0,3}", part)
        and not SLASH_LIST_OPERATOR_RE.search(part) for part in parts)


def _formula_text(text: str) -> str | None:
    """The formula part of 'calculated as quantity x unit price' or '(= price * qty)'."""
    grouping = re.search(r"\)\s*(?:[*/+^×-]|\*\*|(?:times|multiplied\s+by|divided\s+by|plus|minus)\b)|"
                         r"(?:[*/+×-]|\bx|\btimes|\bof)\s*\(", text, re.I)  # '(actual - target) / target': brackets group
    for segment in ([text] if grouping else []) + paren_segments(text):
        m = re.search(r"(?:=|\bas\b|\bfrom\b|\bby\b|:|\bof\b|\busing\b)\s*(?P<f>[^=:]+)$", segment, re.I)
        for candidate in (segment, m["f"] if m else ""):
            candidate = DERIVED_RE.sub(" ", candidate).strip(" ,;")
            candidate = re.sub(r"^(?:as|from|by|using|=|:)\s+", "", candidate, flags=re.I)
            if candidate and (_looks_like_formula(candidate) or re.search(
                    r"\b(?:sum|product|difference|average|mean|days|nights)\s+(?:of|between)\b", candidate, re.I)):
                return candidate
    return None


def paren_segments(rest: str) -> list[str]:
    """Parenthesized parts and the text around them, each read on its own."""
    inside = re.findall(r"\(([^()]*)\)", rest)
    outside = re.sub(r"\([^()]*\)", " , ", rest)
    return [s for s in inside + [outside] if s.strip()]
