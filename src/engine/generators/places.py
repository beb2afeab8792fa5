"""Addresses and geography; a row's city, state, postal code and coordinates share its country."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan


@lru_cache(maxsize=1)
def _tables():
    countries = vocab.COUNTRIES
    offsets = np.cumsum([0] + [len(c.cities) for c in countries])
    flat = [city for c in countries for city in c.cities]
    return {
        "country": pa.array([c.name for c in countries]),
        "code": pa.array([c.code for c in countries]),
        "offsets": offsets,
        "city": pa.array([c[0] for c in flat]),
        "region": pa.array([c[1] for c in flat]),
        "lat": np.array([c[2] for c in flat]),
        "lon": np.array([c[3] for c in flat]),
    }


def _flat_city_index(ctx: ChunkContext) -> np.ndarray:
    loc = ctx.location()
    return _tables()["offsets"][loc.country] + loc.city


def gen_country(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return strings.take(_tables()["country"], ctx.location().country)


def gen_country_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return strings.take(_tables()["code"], ctx.location().country)


def gen_city(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return strings.take(_tables()["city"], _flat_city_index(ctx))


def gen_state(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return strings.take(_tables()["region"], _flat_city_index(ctx))


def gen_postal_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    country = ctx.location().country
    out = pa.nulls(ctx.n, pa.string())
    rng = ctx.rng(fp)
    for index in np.unique(country):
        pattern = _postal_pattern(vocab.COUNTRIES[index].postal)
        values = pattern.generate(rng)
        out = pc.if_else(pa.array(country == index), values, out)
    return out


@lru_cache(maxsize=64)
def _postal_pattern(regex: str):
    from src.engine.patterns import compile_pattern

    return compile_pattern(regex)


def _coordinate(fp: FieldPlan, ctx: ChunkContext, axis: str, lo: float, hi: float) -> pa.Array:
    decimals = fp.decimals if fp.decimals is not None else 6
    rng = ctx.rng(fp)
    if fp.options.get("near_city"):
        centre = _tables()[axis][_flat_city_index(ctx)]
        values = centre + (rng.uniform(0) - 0.5) * 0.3
    else:
        values = lo + rng.uniform(0) * (hi - lo)
    values = np.clip(values, lo, hi)
    return pa.array(np.round(values, decimals), pa.float64())


def gen_latitude(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return _coordinate(fp, ctx, "lat", float(fp.lo), float(fp.hi))


def gen_longitude(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return _coordinate(fp, ctx, "lon", float(fp.lo), float(fp.hi))


def gen_street_address(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    number = strings.int_strings(rng.integers(1, 9999, stream=0))
    names = pa.array(list(vocab.STREET_NAMES))
    suffixes = pa.array(list(vocab.STREET_SUFFIXES))
    name = strings.take(names, rng.choice(len(names), stream=1))
    suffix = strings.take(suffixes, rng.choice(len(suffixes), stream=2))
    return strings.join(number, name, suffix, sep=" ")


def gen_address(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    street = gen_street_address(fp, ctx)
    city = gen_city(fp, ctx)
    region = gen_state(fp, ctx)
    postal = gen_postal_code(fp, ctx)
    country = gen_country(fp, ctx)
    return strings.join(street, city, strings.join(region, postal, sep=" "), country, sep=", ")


def gen_airport_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    pool = pa.array(list(vocab.AIRPORT_CODES))
    return strings.take(pool, ctx.rng(fp).choice(len(pool)))


def gen_currency_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    if fp.options.get("from_country"):
        codes = pa.array([c.currency for c in vocab.COUNTRIES])
        return strings.take(codes, ctx.location().country)
    pool = pa.array(list(vocab.CURRENCY_CODES))
    return strings.take(pool, ctx.rng(fp).choice(len(pool), vocab.CURRENCY_WEIGHTS))
