"""Sentences and product names in the row's language: curated sentence and product parts for the
languages of data/phrases.py, Faker's lorem words for other locales that have them, else None (the
caller writes English). Parts are loaded when a locale first asks for them."""

from __future__ import annotations

import re
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings

_SLOT = re.compile(r"\{(\w)\}")
_STREAM_OF = {"s": 0, "v": 1, "o": 2, "e": 3, "n": 0, "m": 1, "r": 2}
_LOREM_STREAMS = 1000  # lorem words draw streams past those of the curated parts (paragraphs use 10*i)
_LOREM_WORDS = (6, 10)  # words per lorem sentence, inclusive
_STRAY_ENGLISH = frozenset({"the", "and", "of", "with", "our", "for", "is", "to"})  # cs_CZ's list has 'the', 'and'


@lru_cache(maxsize=64)
def _parts(kind: str, locale: str | None) -> dict | None:
    from src.engine.data.phrases import SENTENCES, sentence_key

    key = sentence_key(locale)
    if key is None:
        return None
    if kind == "sentence":
        table = SENTENCES[key]
    else:
        from src.engine.data.products_local import PRODUCTS

        table = PRODUCTS[key]
    return {k: pa.array(list(v)) if isinstance(v, tuple) else v for k, v in table.items()}


def _fill(template: str, parts: dict, rng, base: int) -> pa.Array:
    """A template's literals and slots joined per row, each slot drawn on its own stream."""
    pieces = _SLOT.split(template)
    joined: list = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            if piece:
                joined.append(pa.scalar(piece))
            continue
        pool = parts[piece]
        joined.append(strings.take(pool, rng.choice(len(pool), stream=base + _STREAM_OF[piece])))
    return pc.binary_join_element_wise(*joined, "")


def local_sentence(locale: str | None, rng, base: int) -> pa.Array | None:
    """One sentence per row in the locale's language, or None where the engine has no words for it."""
    parts = _parts("sentence", locale)
    if parts is not None:
        return _fill(parts["template"], parts, rng, base)
    lorem = lorem_lists(locale)
    if lorem is None:
        return None
    words, connector, punctuation = lorem
    low, high = _LOREM_WORDS
    count = rng.integers(low, high, stream=_LOREM_STREAMS + base + high)
    drawn = [strings.take(words, rng.choice(len(words), stream=_LOREM_STREAMS + base + k)) for k in range(high)]
    drawn[0] = pc.utf8_capitalize(drawn[0])
    text = pc.binary_join_element_wise(*drawn[:low], connector)
    for k in range(low, high):
        longer = pc.binary_join_element_wise(text, drawn[k], connector)
        text = pc.if_else(pa.array(count > k), longer, text)
    return pc.binary_join_element_wise(text, pa.scalar(punctuation), "") if punctuation else text


def local_product(locale: str | None, rng) -> pa.Array | None:
    """Product names in the locale's language (curated languages only), else None."""
    parts = _parts("product", locale)
    if parts is None:
        return None
    with_material = pa.array(rng.bernoulli(0.6, stream=3))
    return pc.if_else(with_material, _fill(parts["material"], parts, rng, 0), _fill(parts["series"], parts, rng, 0))


@lru_cache(maxsize=64)
def lorem_lists(locale: str | None) -> tuple[pa.Array, str, str] | None:
    """Faker's lorem words of a non-English locale (or another of its language: ar_EG -> ar_AA) with
    its word connector and sentence punctuation, or None."""
    if not locale or locale.startswith("en") or locale == "la":
        return None
    from src.engine.vocab import faker_locales, faker_lists

    language = locale.split("_")[0]
    others = sorted(loc for loc in faker_locales() if loc.split("_")[0] == language and loc != locale)
    for loc in (locale, *others):
        lists = faker_lists("providers", "lorem", loc)
        words = lists.get("word_list") or lists.get("common_words")
        if isinstance(words, (tuple, list)) and len(words) >= 50:
            connector = lists.get("word_connector", " ")
            punctuation = str(lists.get("sentence_punctuation", ".")).strip()
            unique = sorted({w for w in words if isinstance(w, str) and w.strip() and w.lower() not in _STRAY_ENGLISH})
            return pa.array(unique), str(connector), punctuation
    return None


def text_language(locale: str | None) -> str:
    """How `sentence`/`paragraph`/`product_name` read in a locale: 'curated', 'lorem' or 'english'."""
    if _parts("sentence", locale) is not None:
        return "curated"
    return "lorem" if lorem_lists(locale) is not None else "english"
