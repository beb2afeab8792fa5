"""People and contact details; every field of a row comes from that row's one person."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan
from src.engine.generators import name_parts
from src.engine.rng import permute_index, pick_weighted, split_bits


def gen_first_name(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return ctx.person(fp.options.get("person", "")).first


def gen_last_name(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    entity = fp.options.get("person", "")
    return name_parts.surnames(ctx, ctx.person(entity), entity)


def gen_full_name(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    entity = fp.options.get("person", "")
    person = ctx.person(entity)
    last = name_parts.surnames(ctx, person, entity)
    if person.pools.family_first:  # 佐藤 健 / 王伟 / Nguyễn Văn An: family name first, as the locale writes it
        middle = name_parts.middle_names(ctx, person, entity)
        if middle is not None:
            return strings.join(last, middle, person.first, sep=person.pools.joiner)
        return strings.join(last, person.first, sep=person.pools.joiner)
    return strings.join(person.first, last, sep=" ")


def gen_gender(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    female = pa.array(ctx.person(fp.options.get("person", "")).female)
    labels = fp.enum_values or ["Male", "Female"]
    female_label = next((v for v in labels if str(v).lower().startswith(("f", "w"))), None)
    male_label = next((v for v in labels if str(v).lower().startswith("m")), None)
    if female_label is None or male_label is None or len(labels) > 2:
        from src.engine.generators.numeric import gen_enum

        return gen_enum(fp, ctx)
    return pc.if_else(female, pa.scalar(str(female_label)), pa.scalar(str(male_label)))


def _unique_suffix(ctx: ChunkContext) -> pa.Array:
    # The row index in digits: letters-only bases plus distinct digit tails never collide.
    return strings.int_strings(ctx.rows.astype(np.int64) + 1)


def _distinct_handle(person, rng, stream: int) -> pa.Array:
    """'first.last' or 'first_last' from the row's person. Unique fields draw people with distinct
    (first, last) slug pairs (ChunkContext._distinct_names) and slugs are letters only, so distinct
    pairs give distinct handles: no row numbers needed."""
    pools = person.pools
    sep = strings.take(pa.array(list(_HANDLE_SEPARATORS)), rng.choice(3, stream=stream))
    return strings.join(pools.first_slug.take(pa.array(person.first_idx)), sep,
                        pools.last_slug.take(pa.array(person.last_idx)))


def pair_capacity(fp: FieldPlan) -> int:
    """Distinct people a unique full name, email or username can reach with the locale's names."""
    pools = vocab.name_pools(fp.options.get("locale"))
    lasts = pools.distinct_last
    if pools.female_last_weights is not None:
        lasts = lasts[: min(int((lasts < pools.n_male_last).sum()), int((lasts >= pools.n_male_last).sum()))]
    return len(pools.distinct_first) * len(lasts)


def first_capacity(fp: FieldPlan) -> int:
    return len(vocab.name_pools(fp.options.get("locale")).distinct_first)


def last_capacity(fp: FieldPlan) -> int:
    return len(vocab.name_pools(fp.options.get("locale")).distinct_last)


_SEPARATORS = (".", "", "_")
_HANDLE_SEPARATORS = (".", "_", ".")


@lru_cache(maxsize=64)
def _email_pools(pools) -> tuple[pa.Array, pa.Array]:
    """Unique emails' parts made once per locale: first-name slug + separator (3 per name, in
    _HANDLE_SEPARATORS order) and last-name slug + '@domain' (one per domain)."""
    first = pools.first_slug.to_pylist()
    heads = pa.array([f + sep for f in first for sep in _HANDLE_SEPARATORS])
    tails = pa.array([last + "@" + d for last in pools.last_slug.to_pylist() for d in vocab.EMAIL_DOMAINS])
    return heads, tails


@lru_cache(maxsize=64)
def _layout_pools(pools, layouts: tuple[tuple[str, int, str], ...]):
    """Per layout: one pool of heads with their separator attached, and the tail pool offsets."""
    parts = {"first": pools.first_slug, "initial": pc.utf8_slice_codeunits(pools.first_slug, 0, 1),
             "last": pools.last_slug}
    heads, head_offsets, tail_offsets, offset = [], [], [], 0
    for head, sep, _ in layouts:
        heads.append(pc.binary_join_element_wise(parts[head], _SEPARATORS[sep], ""))
        head_offsets.append(offset)
        offset += len(parts[head])
    tails = [parts["first"], parts["initial"], parts["last"]]
    tail_base = {"first": 0, "initial": len(parts["first"]), "last": 2 * len(parts["first"])}
    tail_offsets = [tail_base[t] for _, _, t in layouts]
    head_pool = pa.concat_arrays(heads)
    tail_pool = pa.concat_arrays(tails)
    return (head_pool, strings.lengths_of(head_pool), np.array(head_offsets),
            np.array([h == "last" for h, _, _ in layouts]),
            tail_pool, strings.lengths_of(tail_pool), np.array(tail_offsets),
            np.array([t == "last" for _, _, t in layouts]))


def _name_parts(person, style: np.ndarray, layouts: tuple[tuple[str, int, str], ...]):
    """Per-row (head with separator, tail) name slugs for each row's layout, and their total length.

    A layout is (head part, separator index, tail part) with parts 'first', 'initial' or 'last';
    every string comes from pools built once, so a column is two `take`s.
    """
    (head_pool, head_len, head_off, head_last,
     tail_pool, tail_len, tail_off, tail_last) = _layout_pools(person.pools, layouts)
    head_idx = head_off[style] + np.where(head_last[style], person.last_idx, person.first_idx)
    tail_idx = tail_off[style] + np.where(tail_last[style], person.last_idx, person.first_idx)
    total = head_len[head_idx] + tail_len[tail_idx]
    return strings.take(head_pool, head_idx), strings.take(tail_pool, tail_idx), total


_EMAIL_LAYOUTS = (("first", 0, "last"), ("initial", 1, "last"), ("first", 2, "last"), ("first", 1, "last"),
                  ("last", 0, "first"))
_USERNAME_LAYOUTS = (("first", 1, "last"), ("initial", 1, "last"), ("first", 2, "last"), ("last", 1, "initial"))
_AT_DOMAINS = pa.array(["@" + d for d in vocab.EMAIL_DOMAINS])


def gen_email(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    person = ctx.person(fp.options.get("person", ""))
    rng = ctx.rng(fp)
    draw = rng.bits(0)
    if fp.unique and person.pools.has_slugs:
        domain_idx = pick_weighted(draw << np.uint64(16), vocab.EMAIL_DOMAIN_WEIGHTS)
        past = _rows_past(ctx, pair_capacity(fp))
        if isinstance(past, pa.Scalar):  # every row inside the distinct-name space: two takes, one join
            heads, tails = _email_pools(person.pools)
            sep = rng.choice(3, stream=3)
            return strings.join(strings.take(heads, person.first_idx * 3 + sep),
                                strings.take(tails, person.last_idx * len(vocab.EMAIL_DOMAINS) + domain_idx))
        return strings.join(_distinct_handle(person, rng, 3), past, strings.take(_AT_DOMAINS, domain_idx))
    domain = strings.take(_AT_DOMAINS, pick_weighted(draw << np.uint64(16), vocab.EMAIL_DOMAIN_WEIGHTS))
    style = pick_weighted(draw, [40, 20, 15, 15, 10])
    head, tail, _ = _name_parts(person, style, _EMAIL_LAYOUTS)
    if fp.unique:
        number = _unique_suffix(ctx)
    else:
        with_number = pa.array((draw & np.uint64(1023)) < np.uint64(307))  # about 30% of rows
        number = pc.if_else(with_number, strings.int_strings(person.number), pa.scalar(""))
    return strings.join(head, tail, number, domain)


def gen_username(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    person = ctx.person(fp.options.get("person", ""))
    rng = ctx.rng(fp)
    style = rng.choice(len(_USERNAME_LAYOUTS), [35, 30, 20, 15], stream=0)
    head, tail_name, base_len = _name_parts(person, style, _USERNAME_LAYOUTS)
    min_len = fp.c.min_length or 3
    max_len = fp.c.max_length or 20
    if fp.unique and not person.pools.has_slugs:
        digits = _unique_suffix(ctx)
    elif fp.unique:
        handle = strings.join(_distinct_handle(person, rng, 3), _rows_past(ctx, pair_capacity(fp)))
        fits = pc.less_equal(pc.utf8_length(handle), max_len)
        if pc.all(fits).as_py() and pc.all(pc.greater_equal(pc.utf8_length(handle), min_len)).as_py():
            return handle
        digits = _unique_suffix(ctx)  # too long or short for the limits: letters cut, row digits kept
        cut = _cut_username(head, tail_name, base_len, digits, min_len, max_len)
        return pc.if_else(fits, handle, cut)
    else:
        digits = pc.if_else(pa.array(rng.bernoulli(0.6, stream=1)),
                            strings.int_strings(rng.integers(1, 9999, stream=2)), pa.scalar(""))
    return _cut_username(head, tail_name, base_len, digits, min_len, max_len)


def _rows_past(ctx: ChunkContext, capacity: int) -> pa.Array:
    """'' for rows inside the distinct-name space; past it, a lap number keeps values distinct."""
    lap = ctx.rows.astype(np.int64) // max(capacity, 1)
    if not lap.any():
        return pa.scalar("")
    return pc.if_else(pa.array(lap > 0), strings.int_strings(lap), "")


def _cut_username(head, tail_name, base_len, digits, min_len: int, max_len: int) -> pa.Array:
    digit_len = strings.lengths_of(digits)
    room = np.maximum(max_len - digit_len, 1)
    # Letters are cut to fit max_length, or padded with letters up to min_length; the digits stay
    # whole, so distinct digit tails keep usernames distinct.
    keep = np.clip(base_len, np.minimum(np.maximum(min_len - digit_len, 1), room), room)
    base = strings.slice_prefix(strings.join(head, tail_name, "xuserxuserxuserxuser"), keep)
    return strings.join(base, digits)


def gen_department(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    pool = pa.array(list(vocab.DEPARTMENTS))
    return strings.take(pool, ctx.rng(fp).choice(len(pool)))


def gen_company(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    from src.engine.generators.company import localized_company

    rng = ctx.rng(fp)
    local = localized_company(ctx, rng)
    if local is not None:
        return local
    words = pa.array(list(vocab.COMPANY_WORDS))
    trades = pa.array(list(vocab.COMPANY_TRADES))
    suffixes = pa.array(list(vocab.COMPANY_SUFFIXES))
    _, _, last_names = vocab.person_names(ctx.locale)
    last_a = last_names.words.take(pa.array(rng.choice(len(last_names), stream=0)))
    last_b = last_names.words.take(pa.array(rng.choice(len(last_names), stream=1)))
    word = strings.take(words, rng.choice(len(words), stream=2))
    trade = strings.take(trades, rng.choice(len(trades), stream=3))
    suffix = strings.take(suffixes, rng.choice(len(suffixes), stream=4))
    style = rng.choice(4, [35, 25, 25, 15], stream=5)
    return pc.case_when(
        pa.StructArray.from_arrays([pa.array(style == i) for i in range(3)], names=list("abc")),
        strings.join(word, trade, sep=" "),
        strings.join(last_a, suffix, sep=" "),
        strings.join(word, trade, suffix, sep=" "),
        strings.join(strings.join(last_a, last_b, sep=" & "), trade, sep=" "),
    )
