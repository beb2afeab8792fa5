"""Phone numbers that follow the row's place: NANP numbers with an area code of the row's state or
province for the US and Canada, the regional leading digits of the row's state or region in Brazil,
France and Australia (data/dialing.py), the area code of the row's city in Germany, the UK, Japan and
India (data/area_codes.py), the country's own national and international formats elsewhere
(Faker's per-locale formats), unique by construction: a keyed permutation of the row index spells
the last seven digits. Every country's rows are filled in one template pass."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan
from src.engine.data import area_codes, dialing, nanp, national_phones, world
from src.engine.generators.templated import fill_templates
from src.engine.rng import permute_index, split_bits

US_CAPACITY = len(vocab.US_AREA_CODES) * 8_000_000
SERIAL_DIGITS = 7  # every format has at least this many digit slots
PLACE_CAPACITY = 8_000_000  # serials 2000000-9999999: the last 7 digits, first of them 2-9 (a NANP exchange)

_NANP_STYLES = {"paren": "({area}) %##-####", "dash": "{area}-%##-####", "e164": "+1{area}%######"}


@lru_cache(maxsize=8)
def format_tables(style: str = "paren", unique: bool = True) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """(formats, first, count): city c of the flat place tables takes formats[first[c]:first[c] + count[c]]
    (its state's or province's area codes in the US and Canada, its city's in DE/GB/JP/IN, its country's
    formats elsewhere). Unique phones keep only formats with room for the serial's seven digits."""
    layout = _NANP_STYLES.get(style, _NANP_STYLES["paren"])
    formats: list[str] = []
    ranges: dict[tuple, tuple[int, int]] = {}

    def add(key: tuple, make) -> tuple[int, int]:
        if key not in ranges:
            own = make()
            ranges[key] = (len(formats), len(own))
            formats.extend(own)
        return ranges[key]

    first, count = [], []
    for c in vocab.COUNTRIES:
        if c.code in nanp.AREA_CODES:
            spans = [add((c.code, region), lambda: [layout.format(area=a) for a in nanp.area_codes(c.code, region)])
                     for region in (city[1] for city in c.cities)]
        elif c.code in area_codes.AREA_CODES:
            min_digits = SERIAL_DIGITS if unique else 1
            spans = [add((c.code, city[0]), lambda: area_codes.city_formats(c.code, city[0], min_digits)
                         or _country_formats(c)) for city in c.cities]
        elif c.code in dialing.REGION_PREFIXES:
            spans = [add((c.code, region), lambda: _regional_formats(c, region)) for region in (city[1] for city in c.cities)]
        else:
            span = add((c.code,), lambda: _country_formats(c))
            spans = [span] * len(c.cities)
        first.extend(start for start, _ in spans)
        count.extend(size for _, size in spans)
    return tuple(formats), np.array(first), np.array(count)


def _country_formats(country) -> list[str]:
    """The country's own formats (national_phones' mobiles where Faker's are not real numbers, else
    Faker's per-locale formats) with room for a serial."""
    own = national_phones.FORMATS.get(country.code) or world.phone_formats(country.code)
    return [f for f in own if f.count("#") + f.count("%") >= SERIAL_DIGITS] \
        or [f"+{country.calling_code or '0'} ### ### ####"]


def _regional_formats(country, region: str) -> list[str]:
    """The country's formats with the national number starting as the region dials (data/dialing.py)."""
    own_formats, extra = world.phone_formats(country.code), dialing.EXTRA_FORMATS.get(country.code, ())
    base = [*own_formats, *extra]
    regional = dialing.prefixes(country.code, region, national=False)
    with_mobiles = dialing.prefixes(country.code, region)
    own = [dialing.with_prefix(f, country.calling_code, p)
           for f in base for p in (with_mobiles if f in own_formats else regional)]
    return list(dict.fromkeys(f for f in own if f and f.count("#") >= SERIAL_DIGITS)) or \
        [f for f in base if f.count("#") >= SERIAL_DIGITS]


def phone_capacity(fp: FieldPlan) -> int:
    """Distinct phones a unique field can reach."""
    if fp.options.get("from_country"):
        return PLACE_CAPACITY
    return US_CAPACITY


def gen_phone(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    if not (fp.options.get("from_country") or ctx.locale):
        return _us_phones(fp, ctx)
    loc = ctx.location()
    city = vocab.place_tables().city_offsets[loc.country] + loc.city
    formats, first, count = format_tables(fp.options.get("phone_style", "paren"), bool(fp.unique))
    rng = ctx.rng(fp, "intl")
    which = first[city] + (rng.bits(0) % count[city].astype(np.uint64)).astype(np.int64)
    serial = None
    if fp.unique:
        serial = permute_index(ctx.rows, PLACE_CAPACITY, fp.key).astype(np.uint64) + np.uint64(2_000_000)
    return fill_templates(formats, which, rng, serial=serial, serial_digits=SERIAL_DIGITS if fp.unique else 0,
                          nonzero_first=True)


def _us_phones(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """NANP numbers (real area codes) when the rows have no place."""
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
