"""Phone numbers that follow the row's country: NANP numbers with real area codes for the US and
Canada, the country's own national and international formats elsewhere (Faker's per-locale
formats), unique by construction: a keyed permutation of the row index spells the last digits."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan
from src.engine.data import world
from src.engine.generators.templated import fill_templates
from src.engine.rng import permute_index, split_bits

_NANP = ("US", "CA")
US_CAPACITY = len(vocab.US_AREA_CODES) * 8_000_000
MIXED_SERIAL_DIGITS = 7  # every non-NANP format has at least this many digit slots


_NANP_STYLES = {"paren": "({area}) %##-####", "dash": "{area}-%##-####", "e164": "+1{area}%######"}


@lru_cache(maxsize=4)
def _format_tables(style: str = "paren"):
    """All countries' formats in one tuple, with each country's [first, last) range in it; NANP
    countries get one format per real area code (exchange codes 2-9, as the plan allows)."""
    formats, starts = [], [0]
    for c in vocab.COUNTRIES:
        if c.code in _NANP:
            own = [_NANP_STYLES.get(style, _NANP_STYLES["paren"]).format(area=a) for a in vocab.US_AREA_CODES]
        else:
            own = [f for f in world.phone_formats(c.code) if f.count("#") >= MIXED_SERIAL_DIGITS]
        formats.extend(own or [f"+{c.calling_code or '0'} ### ### ####"])
        starts.append(len(formats))
    nanp = np.array([c.code in _NANP for c in vocab.COUNTRIES])
    return tuple(formats), np.array(starts), nanp


def phone_capacity(fp: FieldPlan) -> int:
    """Distinct phones a unique field can reach."""
    if fp.options.get("from_country"):
        return 10 ** MIXED_SERIAL_DIGITS
    return US_CAPACITY


def gen_phone(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    if not (fp.options.get("from_country") or ctx.locale):
        return _us_phones(fp, ctx, None)
    country = ctx.location().country
    style = fp.options.get("phone_style", "paren")
    formats, starts, nanp = _format_tables(style)
    is_nanp = nanp[country]
    if fp.unique and is_nanp.all():
        return _us_phones(fp, ctx, None)
    rng = ctx.rng(fp, "intl")
    # Unique rows of the US and Canada keep the NANP serial space; every other row is one template pass.
    rows = np.flatnonzero(~is_nanp) if fp.unique else None
    c = country if rows is None else country[rows]
    count = starts[c + 1] - starts[c]
    u = rng.uniform(0) if rows is None else rng.uniform(0)[rows]
    which = starts[c] + np.floor(u * count).astype(np.int64)
    serial = permute_index(ctx.rows, 10 ** MIXED_SERIAL_DIGITS, fp.key)[rows] if fp.unique else None
    made = fill_templates(formats, which, rng, serial=serial, serial_digits=MIXED_SERIAL_DIGITS if fp.unique else 0,
                          rows=rows, nonzero_first=True)
    if rows is None or not is_nanp.any():
        return made
    us_rows = np.flatnonzero(is_nanp)
    us = _us_phones(fp, ctx, us_rows)
    inverse = np.empty(ctx.n, dtype=np.int64)
    inverse[np.concatenate([rows, us_rows])] = np.arange(ctx.n)
    return pa.concat_arrays([made, us]).take(pa.array(inverse))


def _us_phones(fp: FieldPlan, ctx: ChunkContext, rows: np.ndarray | None) -> pa.Array:
    """NANP numbers (real area codes) for the chunk, or only for ``rows`` of it."""
    rng = ctx.rng(fp)
    n = ctx.n
    if fp.unique:
        serial = permute_index(ctx.rows, len(vocab.US_AREA_CODES) * 8_000_000, fp.key)
        area = np.asarray(vocab.US_AREA_CODES)[(serial // 8_000_000).astype(np.int64)]
        rest = (serial % 8_000_000).astype(np.int64)
        exchange, line = 200 + rest // 10_000, rest % 10_000
    else:
        area_pick, exchange, line = split_bits(rng.bits(0), 16, 16, 32)
        area = np.asarray(vocab.US_AREA_CODES)[area_pick % len(vocab.US_AREA_CODES)]
        exchange = 200 + exchange % 800
        line = line % 10_000
    if rows is not None:
        area, exchange, line, n = area[rows], exchange[rows], line[rows], len(rows)
    style = fp.options.get("phone_style", "paren")
    if style == "e164":
        parts = [strings.literal_matrix("+1", n), strings.digit_matrix(area, 3),
                 strings.digit_matrix(exchange, 3), strings.digit_matrix(line, 4)]
    elif style == "dash":
        parts = [strings.digit_matrix(area, 3), strings.literal_matrix("-", n), strings.digit_matrix(exchange, 3),
                 strings.literal_matrix("-", n), strings.digit_matrix(line, 4)]
    else:
        parts = [strings.literal_matrix("(", n), strings.digit_matrix(area, 3), strings.literal_matrix(") ", n),
                 strings.digit_matrix(exchange, 3), strings.literal_matrix("-", n), strings.digit_matrix(line, 4)]
    return strings.strings_from_byte_matrix(strings.concat_matrices(*parts))


