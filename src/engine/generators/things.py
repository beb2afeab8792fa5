"""Values for the names of things (src/engine/data/things.py): pools, and codes with real rules
(VIN check digit, ISBN-13 check digit, per-locale license plates and SSNs, file names, paths)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan
from src.engine.data import things
from src.engine.data.title_parts import combined_pool
from src.engine.generators.nicknames import CODE_CAPACITY, gen_nickname, gen_short_code
from src.engine.generators.templated import fill_templates
from src.engine.rng import permute_index

_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_VALUES = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
               **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_WMI = ("1HG", "1FA", "1G1", "2T1", "3VW", "4T1", "5YJ", "JHM", "JTD", "KMH", "KNA", "SAL", "WAU", "WBA",
        "WDB", "WVW", "VF1", "ZFA", "YV1", "SCC")
_LETTERS = np.frombuffer(b"ABCDEFGHJKLMNPRSTUVWXYZ", dtype=np.uint8)


@lru_cache(maxsize=128)
def pool_of(meaning: str) -> pa.Array:
    source = things.MEANINGS[meaning][1]
    if source.startswith("faker:"):
        values = things.faker_pool(source.split(":", 1)[1])
    else:  # curated values first (a repeat is a weight), then names combined from parts (title_parts.py)
        curated = things.POOLS.get(meaning, ())
        seen = set(curated)
        values = curated + tuple(v for v in combined_pool(meaning) if v not in seen)
    return pa.array(list(values) or [meaning])


def thing_pool(fp: FieldPlan) -> pa.Array | None:
    """The values a name of a thing is drawn from (None for one made per row: VIN, ISBN, codes)."""
    meaning = fp.options["thing"]
    if meaning in _CODES:
        return None
    return _GENERATED_POOLS[meaning]() if meaning in _GENERATED_POOLS else pool_of(meaning)


def thing_capacity(fp: FieldPlan) -> int | None:
    meaning = fp.options["thing"]
    if meaning == "short_code":
        return CODE_CAPACITY  # a 6-digit serial spelled in every unique code
    return None  # codes are made per row; a pool's unique values past its size take their row's ' #<row>' tail


def gen_thing(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    meaning = fp.options["thing"]
    if meaning in _CODES:
        return _CODES[meaning](fp, ctx)
    pool = thing_pool(fp)
    if fp.unique:
        picked = strings.take(pool, permute_index(ctx.rows, len(pool), fp.key).astype(np.int64))
        past = ctx.rows >= len(pool)  # the pool is used up: the row's own tail keeps the value unique
        if past.any():
            tails = strings.join(picked, strings.int_strings(ctx.rows + 1), sep=" #")
            picked = pc.if_else(pa.array(past), tails, picked)
        return picked
    return strings.take(pool, ctx.rng(fp).choice(len(pool)))


def _chars(pool: np.ndarray, bits: np.ndarray, count: int) -> np.ndarray:
    """(n, count) random characters from ``pool`` (8 bits of ``bits`` per character, count <= 8)."""
    shifts = np.arange(count, dtype=np.uint64) * np.uint64(8)
    picks = ((bits[:, None] >> shifts) & np.uint64(255)).astype(np.int64) * len(pool) >> 8
    return pool[picks]


def gen_vin(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """17-character VINs: a real maker prefix (WMI), random VDS/VIS, and the ISO 3779 check digit."""
    rng = ctx.rng(fp)
    chars = np.frombuffer(_VIN_CHARS.encode(), dtype=np.uint8)
    wmi = np.array([np.frombuffer(w.encode(), dtype=np.uint8) for w in _WMI])[rng.choice(len(_WMI), stream=0)]
    body = np.concatenate([_chars(chars, rng.bits(1), 5), np.zeros((ctx.n, 1), np.uint8),
                           _chars(chars, rng.bits(2), 8)], axis=1)
    if fp.unique:  # the last 6 (serial) positions spell the row's slot
        serial = permute_index(ctx.rows, 10 ** 6, fp.key)
        body[:, 8:] = strings.digit_matrix(serial, 6)
    mat = np.concatenate([wmi, body], axis=1)
    value_of = np.zeros(256, dtype=np.int64)
    for ch, v in _VIN_VALUES.items():
        value_of[ord(ch)] = v
    total = (value_of[mat] * np.array(_VIN_WEIGHTS)).sum(axis=1) % 11
    mat[:, 8] = np.where(total == 10, ord("X"), total + ord("0"))
    return strings.strings_from_byte_matrix(mat)


def gen_isbn(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """ISBN-13 '978-1-23456-789-7' with its check digit."""
    rng = ctx.rng(fp)
    body = permute_index(ctx.rows, 10 ** 9, fp.key) if fp.unique else rng.integers(0, 10 ** 9 - 1)
    prefix = np.where(rng.bernoulli(0.85, stream=1), 978, 979)
    digits = np.concatenate([strings.digit_matrix(prefix, 3), strings.digit_matrix(body, 9)], axis=1) - ord("0")
    check = (10 - (digits * np.array([1, 3] * 6)).sum(axis=1) % 10) % 10
    text = strings.digit_matrix(body, 9)
    dash = strings.literal_matrix("-", ctx.n)
    return strings.strings_from_byte_matrix(strings.concat_matrices(
        strings.digit_matrix(prefix, 3), dash, text[:, :1], dash, text[:, 1:5], dash, text[:, 5:9], dash,
        strings.digit_matrix(check, 1)))


_PLATE_CHARS = set("#%?@!- ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _plate_templates(formats) -> tuple[str, ...]:
    """Faker plate formats as fill_templates templates: '?' a letter, and Faker's optional digits
    ('@' 1-9 or none, '!' 0-9 or none) spelled out as one template per count ('%@@@' -> '%', '%#', ...)."""
    out = []  # a format Faker lists twice stays twice: its weight
    for f in formats:
        if not set(f) <= _PLATE_CHARS:
            continue
        optional = sum(f.count(c) for c in "@!")
        variants = []
        for keep in range(optional + 1):
            seen, text = 0, []
            for ch in f:
                if ch in "@!":
                    seen += 1
                    text.append(("%" if ch == "@" else "#") if seen <= keep else "")
                else:
                    text.append("@" if ch == "?" else ch)
            variants.append("".join(text))
        out.extend(dict.fromkeys(variants))
    return tuple(out)


@lru_cache(maxsize=32)
def _plate_formats(locale: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(district prefixes, templates): a locale's Faker plates, either whole templates
    (`license_formats`) or a district prefix + a template (`license_plate_prefix`/`_suffix`: de_DE,
    de_AT, ro_RO, sk_SK); locales whose plates Faker builds in code fall back to en_US."""
    for loc in (locale or "en_US", "en_US"):
        lists = vocab.faker_lists("providers", "automotive", loc)
        prefixes, suffixes = lists.get("license_plate_prefix"), lists.get("license_plate_suffix")
        if isinstance(prefixes, (tuple, list)) and isinstance(suffixes, (tuple, list)) and prefixes and suffixes:
            templates = _plate_templates(suffixes)
            if templates:
                return tuple(str(p) for p in prefixes), templates
        formats = lists.get("license_formats")
        if isinstance(formats, (tuple, list)) and formats:
            templates = _plate_templates(formats)
            if templates:
                return ("",), templates
    return ("",), ("@@@-####",)


def gen_license_plate(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    prefixes, formats = _plate_formats(ctx.locale)
    rng = ctx.rng(fp)
    plates = fill_templates(formats, rng.choice(len(formats), stream=0), rng)
    if len(prefixes) == 1 and not prefixes[0]:
        return plates
    return strings.join(strings.take(pa.array(list(prefixes)), rng.choice(len(prefixes), stream=7)), plates)


def gen_ssn(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """US SSNs with valid groups (area 001-665, 667-899; group and serial not zero); other
    locales use their Faker `ssn_formats` where it has them."""
    rng = ctx.rng(fp)
    if ctx.locale and not ctx.locale.endswith("_US"):
        formats = vocab.faker_lists("providers", "ssn", ctx.locale).get("ssn_formats")
        if isinstance(formats, (tuple, list)) and formats and all(isinstance(f, str) for f in formats):
            formats = tuple(f.replace("?", "@") for f in formats)
            return fill_templates(formats, rng.choice(len(formats), stream=0), rng)
    if fp.unique:
        k = permute_index(ctx.rows, 898 * 99 * 9999, fp.key).astype(np.int64)
        area, group, serial = k // (99 * 9999), (k // 9999) % 99, k % 9999
    else:
        area, group, serial = rng.integers(0, 897, 0), rng.integers(0, 98, 1), rng.integers(0, 9998, 2)
    area = area + 1
    area = np.where(area >= 666, area + 1, area)
    dash = strings.literal_matrix("-", ctx.n)
    return strings.strings_from_byte_matrix(strings.concat_matrices(
        strings.digit_matrix(area, 3), dash, strings.digit_matrix(group + 1, 2), dash,
        strings.digit_matrix(serial + 1, 4)))


@lru_cache(maxsize=1)
def _extensions() -> pa.Array:
    lists = vocab.faker_lists("providers", "file")
    out = [e for key, v in lists.items() if key.endswith("_file_extensions") for e in v]
    return pa.array(sorted(set(out)) or ["txt"])


@lru_cache(maxsize=1)
def _mime_types() -> pa.Array:
    """Faker's MIME types that name a file format in use (one Python's `mimetypes` maps to an
    extension): 'application/pdf', 'image/png'; not 'application/EDI-X12' or 'model/example'."""
    import mimetypes

    known = set(mimetypes.types_map.values()) | set(mimetypes.common_types.values())
    lists = vocab.faker_lists("providers", "file")
    faker = {m for key, v in lists.items() if key.endswith("_mime_types") for m in v}
    return pa.array(sorted(faker & known or faker))


def _words(ctx: ChunkContext, fp: FieldPlan, stream: int) -> pa.Array:
    words = vocab.lorem_words()
    return strings.take(words, ctx.rng(fp).choice(len(words), stream=stream))


def gen_file_name(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """'quarterly_report_2024.pdf'-like names: words, a separator, an extension (Faker's lists)."""
    rng = ctx.rng(fp)
    ext = strings.take(_extensions(), rng.choice(len(_extensions()), stream=3))
    sep = strings.take(pa.array(["_", "-", ""]), rng.choice(3, stream=4))
    number = pc.if_else(pa.array(rng.bernoulli(0.3, stream=5)),
                        strings.join("_", strings.int_strings(rng.integers(1, 999, stream=6))), "")
    if fp.unique:
        number = strings.join("_", strings.int_strings(ctx.rows.astype(np.int64) + 1))
    return strings.join(pc.utf8_lower(_words(ctx, fp, 1)), sep, pc.utf8_lower(_words(ctx, fp, 2)), number, ".", ext)


def gen_file_extension(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return strings.take(_extensions(), ctx.rng(fp).choice(len(_extensions())))


def gen_mime_type(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return strings.take(_mime_types(), ctx.rng(fp).choice(len(_mime_types())))


def gen_http_path(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """'/api/v2/orders/1234'-like paths from Faker's URI paths and pages."""
    lists = vocab.faker_lists("providers", "internet")
    paths = pa.array(list(lists.get("uri_paths") or ("app",)))
    pages = pa.array(list(lists.get("uri_pages") or ("home",)))
    rng = ctx.rng(fp)
    head = strings.take(paths, rng.choice(len(paths), stream=0))
    page = strings.take(pages, rng.choice(len(pages), stream=1))
    number = strings.int_strings(rng.integers(1, 99999, stream=2))
    style = rng.choice(3, stream=3)
    made = [strings.join("/", head, "/", page), strings.join("/api/v", strings.int_strings(1 + style), "/", page),
            strings.join("/", head, "/", page, "/", number)]
    return pc.case_when(pa.StructArray.from_arrays([pa.array(style == i) for i in range(2)], names=["a", "b"]),
                        *made)


def gen_error_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    prefixes = pa.array(["E", "ERR-", "ERR_", "E"])
    return strings.join(strings.take(prefixes, rng.choice(4, stream=0)), strings.digits(rng.integers(1000, 9999, 1), 4))


def gen_semantic_version(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    return strings.join(strings.int_strings(rng.integers(0, 6, 0)), strings.int_strings(rng.integers(0, 24, 1)),
                        strings.int_strings(rng.integers(0, 15, 2)), sep=".")


def gen_hex_color(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    bits = ctx.rng(fp).bits(0)
    return strings.join("#", strings.strings_from_byte_matrix(strings.hex_matrix(bits, 6, upper=True)))


def gen_swift_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """BIC: bank (4 letters), the row's country code, location (2), sometimes a branch (3)."""
    rng = ctx.rng(fp)
    country = strings.take(vocab.place_tables().code, ctx.location().country)
    bank = strings.strings_from_byte_matrix(_chars(_LETTERS, rng.bits(0), 4))
    loc = strings.strings_from_byte_matrix(_chars(_LETTERS, rng.bits(1), 2))
    branch = pc.if_else(pa.array(rng.bernoulli(0.4, stream=2)), "XXX", "")
    return strings.join(bank, country, loc, branch)


@lru_cache(maxsize=1)
def _timezones() -> pa.Array:
    coords = vocab.faker_lists("providers", "geo").get("land_coords") or ()
    return pa.array(sorted({c[4] for c in coords}) or ["UTC"])


def _continents() -> pa.Array:
    return pa.array(["Africa", "Antarctica", "Asia", "Europe", "North America", "Oceania", "South America"])


def _calling_codes() -> pa.Array:
    return pa.array(sorted({"+" + c.calling_code for c in vocab.COUNTRIES}))


def _locale_codes() -> pa.Array:
    from src.engine.data.names import supported_locales

    return pa.array(supported_locales())


def gen_place_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """Time zone, continent or calling code of the row's country when rows have places."""
    meaning = fp.options["thing"]
    country = ctx.location().country
    if meaning == "calling_code":
        return strings.join("+", strings.take(pa.array([c.calling_code for c in vocab.COUNTRIES]), country))
    if meaning == "continent":
        names = {"AF": "Africa", "AN": "Antarctica", "AS": "Asia", "EU": "Europe", "NA": "North America",
                 "OC": "Oceania", "SA": "South America"}
        return strings.take(pa.array([names.get(c.continent, "Asia") for c in vocab.COUNTRIES]), country)
    return gen_thing_pool(fp, ctx, _timezones())


def gen_thing_pool(fp: FieldPlan, ctx: ChunkContext, pool: pa.Array) -> pa.Array:
    return strings.take(pool, ctx.rng(fp).choice(len(pool)))


_CODES = {"vin": gen_vin, "isbn": gen_isbn, "license_plate": gen_license_plate, "ssn": gen_ssn,
          "file_name": gen_file_name, "http_path": gen_http_path, "error_code": gen_error_code,
          "semantic_version": gen_semantic_version, "hex_color": gen_hex_color, "swift_code": gen_swift_code,
          "continent": gen_place_code, "calling_code": gen_place_code, "nickname": gen_nickname,
          "short_code": gen_short_code}
_GENERATED_POOLS = {"file_extension": _extensions, "mime_type": _mime_types, "timezone": _timezones,
                    "locale_code": _locale_codes}
