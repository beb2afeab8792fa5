"""Text that reads naturally without an LLM, products, and LLM-written pools when given."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan


def _pick(pool: tuple[str, ...], rng, stream: int) -> pa.Array:
    return strings.take(pa.array(list(pool)), rng.choice(len(pool), stream=stream))


def _sentence(rng, base_stream: int, locale: str | None = None) -> pa.Array:
    """A sentence in the locale's language where the engine has words for it, else in English."""
    if locale and not locale.startswith("en"):
        from src.engine.generators.local_text import local_sentence

        local = local_sentence(locale, rng, base_stream)
        if local is not None:
            return local
    return strings.join(
        strings.join(_pick(vocab.SENTENCE_SUBJECTS, rng, base_stream),
                     _pick(vocab.SENTENCE_VERBS, rng, base_stream + 1),
                     _pick(vocab.SENTENCE_OBJECTS, rng, base_stream + 2),
                     _pick(vocab.SENTENCE_ENDINGS, rng, base_stream + 3), sep=" "),
        ".")


def gen_sentence(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return _fit_length(fp, _sentence(ctx.rng(fp), 0, ctx.locale))


def gen_paragraph(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    count = rng.integers(3, 5, stream=99)
    parts = [_sentence(rng, 10 * i, ctx.locale) for i in range(5)]
    text = strings.join(*parts[:3], sep=" ")
    text = pc.if_else(pa.array(count >= 4), strings.join(text, parts[3], sep=" "), text)
    text = pc.if_else(pa.array(count >= 5), strings.join(text, parts[4], sep=" "), text)
    return _fit_length(fp, text)


def gen_word(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    words = vocab.lorem_words()
    return _fit_length(fp, strings.take(words, ctx.rng(fp).choice(len(words))))


def _distinct_words(rng) -> list[pa.Array]:
    """Three words per row from Faker's word list, never the same word twice in a row."""
    words = vocab.lorem_words()
    n = len(words)
    a = rng.choice(n, stream=0)
    b = (a + 1 + rng.choice(n - 1, stream=1)) % n
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    c = rng.choice(n - 2, stream=3)  # the c-th word left after removing a and b
    c = c + (c >= lo)
    c = c + (c >= hi)
    return [strings.take(words, k) for k in (a, b, c)]


def gen_string(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """Readable words for a string of unknown meaning (two or three, none repeated); a string named
    for a thing (pet_name, breed, vin) gets that thing."""
    if "thing" in fp.options:
        from src.engine.generators.things import gen_thing

        return gen_thing(fp, ctx)
    rng = ctx.rng(fp)
    first, second, third = _distinct_words(rng)
    words = strings.join(first, second, sep=" ")
    three = pa.array(rng.bernoulli(0.4, stream=5))
    words = pc.if_else(three, strings.join(words, third, sep=" "), words)
    values = _fit_length(fp, pc.utf8_capitalize(words))
    if fp.unique:  # no natural unique form: the row number keeps values distinct
        values = strings.join(values, strings.int_strings(ctx.rows.astype(np.int64) + 1), sep=" #")
    return values


def string_capacity(fp: FieldPlan) -> int | None:
    """Distinct values of a `string` field (None: unbounded)."""
    if "thing" in fp.options:
        from src.engine.generators.things import thing_capacity

        return thing_capacity(fp)
    return None


def gen_product_name(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    if ctx.locale and not ctx.locale.startswith("en"):
        from src.engine.generators.local_text import local_product

        local = local_product(ctx.locale, rng)
        if local is not None:
            return local
    adjective = _pick(vocab.PRODUCT_ADJECTIVES, rng, 0)
    material = _pick(vocab.PRODUCT_MATERIALS, rng, 1)
    noun = _pick(vocab.PRODUCT_NOUNS, rng, 2)
    with_material = pa.array(rng.bernoulli(0.6, stream=3))
    return pc.if_else(with_material, strings.join(adjective, material, noun, sep=" "),
                      strings.join(adjective, noun, sep=" "))


def gen_product_category(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return _pick(vocab.PRODUCT_CATEGORIES, ctx.rng(fp), 0)


def gen_from_pool(fp: FieldPlan, ctx: ChunkContext, pool) -> pa.Array:
    """Values from an LLM-written pool; a dict pool is keyed by the row's category value."""
    rng = ctx.rng(fp, "pool")
    if isinstance(pool, dict):
        category = ctx.columns.get(fp.c.condition_on)
        fallback = [text for texts in pool.values() for text in texts]
        out = strings.take(pa.array(fallback, pa.string()), rng.choice(len(fallback), stream=0))
        if category is None:
            return out
        keys = pc.cast(category, pa.string())
        for value, texts in pool.items():
            if not texts:
                continue
            picked = strings.take(pa.array(list(texts), pa.string()), rng.choice(len(texts), stream=1))
            out = pc.if_else(pc.fill_null(pc.equal(keys, str(value)), False), picked, out)
        return out
    return strings.take(pa.array(list(pool), pa.string()), rng.choice(len(pool), stream=0))


def _fit_length(fp: FieldPlan, values: pa.Array) -> pa.Array:
    """Apply min_length/max_length to free text: cut long values at a word, pad short ones."""
    c = fp.c
    if c.max_length:
        values = strings.cut_at_word(values, c.max_length)
    if c.min_length:
        filler = " " + " ".join(vocab.LOREM_WORDS)
        while filler and len(filler) < c.min_length:
            filler += filler
        # Pad with whole words up to max_length (or a few words past min_length), then drop the word the
        # cut split, as long as the text stays at min_length; an exact cut only when no word fits.
        limit = c.max_length or c.min_length + 30
        padded = pc.utf8_slice_codeunits(pc.binary_join_element_wise(values, filler, ""), 0, max(limit, 1))
        whole = pc.utf8_rtrim(pc.replace_substring_regex(padded, r"\s+\S*$", ""), characters=" ")
        exact = pc.utf8_slice_codeunits(padded, 0, max(c.min_length, 1))
        padded = pc.if_else(pc.greater_equal(pc.utf8_length(whole), c.min_length), whole, exact)
        short = pc.less(pc.utf8_length(values), c.min_length)
        values = pc.if_else(short, padded, values)
        if c.max_length:
            values = pc.utf8_slice_codeunits(values, 0, c.max_length)
    return values
