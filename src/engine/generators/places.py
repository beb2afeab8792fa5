"""Addresses and geography: one place per row (country, city, region), and the street and postal
code of that place shared by every field of the row, each in its country's own layout."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan
from src.engine.data import local_streets, romanized_streets, world
from src.engine.generators import address_layouts
from src.engine.generators.templated import fill_templates


def _flat_city_index(ctx: ChunkContext) -> np.ndarray:
    loc = ctx.location()
    return vocab.place_tables().city_offsets[loc.country] + loc.city


def gen_country(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """The row's country in the locale's language (ISO codes stay codes: gen_country_code)."""
    return strings.take(vocab.country_names(ctx.locale), ctx.location().country)


def gen_country_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return strings.take(vocab.place_tables().code, ctx.location().country)


def gen_city(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return strings.take(vocab.city_names(ctx.locale), _flat_city_index(ctx))


def gen_state(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return strings.take(vocab.region_names(ctx.locale), _flat_city_index(ctx))


@lru_cache(maxsize=1)
def _postal_tables():
    """Per city: its prefix options (a flat pool with offsets), each with the template after it; per
    city of the US: its state's ZIP range (Faker's)."""
    options, offsets, rests = [], [0], []
    for c in vocab.COUNTRIES:
        for prefixes in c.postal_prefixes or ("",) * len(c.cities):
            own = prefixes.split("|") if prefixes else [""]
            options.extend(own)
            rests.extend(world.postal_template(c, p) for p in own)
            offsets.append(len(options))
    templates = tuple(dict.fromkeys(rests))
    option_template = np.array([templates.index(r) for r in rests])
    ranges = vocab.faker_lists("providers", "address", "en_US").get("states_postcode") or {}
    regions = vocab.place_tables().region.to_pylist()
    zip_lo = np.array([ranges.get(r, (501, 99950))[0] for r in regions])
    zip_hi = np.array([ranges.get(r, (501, 99950))[1] for r in regions])
    return pa.array(options), np.array(offsets), templates, option_template, zip_lo, zip_hi


@lru_cache(maxsize=1)
def _no_prefix() -> np.ndarray:
    """Per flat city: whether it has no postal prefix of its own."""
    return np.array([not p for c in vocab.COUNTRIES for p in (c.postal_prefixes or ("",) * len(c.cities))])


def postal_codes(ctx: ChunkContext) -> pa.Array:
    """The row's postal code: its city's real prefix (US: a ZIP inside its state's range) + the rest."""
    if "postal" in ctx._entities:
        return ctx._entities["postal"]
    loc = ctx.location()
    flat = _flat_city_index(ctx)
    options, offsets, templates, option_template, zip_lo, zip_hi = _postal_tables()
    rng = ctx.entity_rng(f"postal:{ctx.locale}" if ctx.locale else "postal")  # not the same digits in every locale
    count = offsets[flat + 1] - offsets[flat]
    pick = offsets[flat] + np.floor(rng.uniform(0) * count).astype(np.int64)
    prefix = strings.take(options, pick)
    is_us = (loc.country == world.index_of_code("US")) & (count == 1) & _no_prefix()[flat]
    if is_us.any():  # a US city without a ZIP3 of its own: a ZIP inside its state's range
        lo, hi = zip_lo[flat], zip_hi[flat]
        zips = strings.digits(lo + np.floor(rng.uniform(1) * (hi - lo + 1)).astype(np.int64), 5)
        prefix = pc.if_else(pa.array(is_us), zips, prefix)
    rest = fill_templates(templates, option_template[pick], rng)
    codes = strings.join(prefix, rest)
    dutch = loc.country == world.index_of_code("NL")
    if dutch.any():  # PostNL never issues the letters SA, SD or SS ('@' has no D)
        codes = pc.if_else(pa.array(dutch), pc.replace_substring_regex(codes, r" S[AS]$", " ST"), codes)
    ctx._entities["postal"] = codes
    return codes


def gen_postal_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return postal_codes(ctx)


_EN_SUFFIXES = ("Street", "Street", "Avenue", "Road", "Lane", "Drive", "Court", "Boulevard", "Way", "Place",
                "Terrace", "Circle", "Parkway", "Trail")
_STYLE_LOCALE = {"name_first": "de_DE", "fr": "fr_FR", "prefix_first": "es_ES", "jp": "ja_JP"}
_PREFIX_LOCALE = {"IT": "it_IT", "BR": "pt_BR", "PT": "pt_BR"}


@lru_cache(maxsize=32)
def _street_pools(style: str, locale: str) -> tuple[pa.Array, pa.Array]:
    """(names, prefixes or suffixes) for a street layout, from Faker's locale data."""
    address = vocab.faker_lists("providers", "address", locale)
    last = vocab.person_names(locale)[2].words
    if style == "name_first":
        suffixes = address.get("street_suffixes_short") or ("straße", "weg")
        return last.slice(0, 400), pa.array(sorted(set(suffixes) | {"straße"}))
    if style in ("fr", "prefix_first"):
        prefixes = address.get("street_prefixes") or address.get("street_suffixes") or ("Calle",)
        return last.slice(0, 400), pa.array(sorted(set(prefixes)))
    if style == "jp":
        return pa.array(list(address.get("towns") or ("中央",))), pa.array([""])
    names = pa.concat_arrays([pa.array(list(vocab.STREET_NAMES)), last.slice(0, 200)])
    return names, pa.array(list(_EN_SUFFIXES))


# Streets of a locale that writes them in its own script, on rows of its own country:
# (Faker list keys for the affix, layout with {n} name, {a} affix, {no} number).
_NATIVE_STREETS = {
    "zh_CN": (("street_suffixes",), "{n}{a}{no}号"), "zh_TW": (("street_suffixes",), "{n}{a}{no}號"),
    "ko_KR": (("road_suffixes",), "{n}{a} {no}"), "ru_RU": (("street_suffixes_fem",), "{a} {n}, д. {no}"),
    "uk_UA": (("street_prefixes",), "{a} {n}, буд. {no}"), "bg_BG": ((), "ул. {n} {no}"),
    "mk_MK": ((), "ул. {n} {no}"), "el_GR": ((), "{n} {no}"), "el_CY": ((), "{n} {no}"),
    "th_TH": (("street_prefixes",), "{no} {a}{n}"), "ka_GE": (("street_suffixes",), "{n} {a} {no}"),
    "bn_BD": (("street_suffixes",), "{n} {a} {no}"), "ne_NP": (("street_suffixes",), "{n} {a} {no}"),
    "he_IL": ((), "{n} {no}"), "hy_AM": (("street_prefixes",), "{n} {a} {no}"),
    "ar_DZ": (("street_prefixes",), "{no} {a} {n}"),
    "hi_IN": ((), "{no}, {n} मार्ग"), "ta_IN": ((), "{no}, {n} சாலை"), "mr_IN": ((), "{no}, {n} मार्ग"),
    "gu_IN": ((), "{no}, {n} માર્ગ"), "or_IN": ((), "{no}, {n} ମାର୍ଗ"), "si_LK": ((), "{no}, {n} පාර"),
    "fa_IR": (("street_suffixes",), "{a} {n}، پلاک {no}"), "az_AZ": (("street_suffixes",), "{n} {a} {no}"),
    **{f"ar_{code}": ((), "شارع {n} {no}") for code in ("SA", "AE", "EG", "JO", "BH", "PS")},
    **{locale: entry[:2] for locale, entry in local_streets.LOCAL_STREETS.items()},
}
_NAME_KEYS = ("street_titles", "streets", "street_names", "road_names")


@lru_cache(maxsize=32)
def _native_street_pools(locale: str) -> tuple[pa.Array, pa.Array]:
    """(names, affixes) of a locale's own streets: Faker's street names, else its surnames."""
    address = {**vocab.faker_lists("providers", "address", locale, joined=True),
               **local_streets.CURATED.get(locale, {})}
    source = local_streets.LOCAL_STREETS.get(locale, (None, None, _NAME_KEYS))[2]
    if isinstance(source, str):  # Faker's own layout puts a person's name in the street: Chloéhof, Hansenbakken
        names = vocab.person_names(locale)[0 if source == "first" else 2].words.to_pylist()
        if source == "first":
            names += vocab.person_names(locale)[1].words.to_pylist()
    elif locale.startswith("el_"):  # streets are named in the genitive: places (Άλσους) and people (Παπαδοπούλου)
        names = list(vocab.faker_lists("providers", "address", "el_GR").get("localities") or ()) + \
            list(vocab.faker_lists("providers", "person", "el_GR").get("last_names_female") or ())
    else:
        names = [n for k in source if isinstance(address.get(k), (tuple, list, dict)) for n in address[k]] or None
    if names and locale == "az_AZ":  # Faker writes them in capitals (HEYDƏR ƏLİYEV): Heydər Əliyev
        names = [" ".join(_azeri_title(w) for w in n.split(" ")) for n in names]
    pool = pa.array(sorted(set(names))) if names else vocab.person_names(locale)[2].words.slice(0, 400)
    keys = _NATIVE_STREETS[locale][0]
    affixes = next((list(address[k]) for k in keys if isinstance(address.get(k), (tuple, list, dict)) and address[k]), [""])
    weighted = locale in local_streets.LOCAL_STREETS  # repeats weight the common affixes (Faker's and curated)
    return pool, pa.array(sorted(affixes) if weighted else sorted(set(affixes)))


def _azeri_title(word: str) -> str:
    """A capitalised Azerbaijani word: dotted and dotless i keep their own lower cases (İ -> i, I -> ı)."""
    rest = word[1:].replace("İ", "i").replace("I", "ı").lower()
    return word[:1] + ".".join(part[:1].upper() + part[1:] if k else part for k, part in enumerate(rest.split(".")))


def _native_street(locale: str, rows: np.ndarray, name_pick, affix_pick, number) -> pa.Array:
    names, affixes = _native_street_pools(locale)
    return _laid_out_street(_NATIVE_STREETS[locale][1], names, affixes, rows, name_pick, affix_pick, number)


@lru_cache(maxsize=16)
def _romanized_street_pools(code: str) -> tuple[str, pa.Array, pa.Array]:
    layout, names, affixes = romanized_streets.ROMANIZED_STREETS[code]
    return layout, pa.array(list(names)), pa.array(list(affixes))


def _laid_out_street(layout: str, names: pa.Array, affixes: pa.Array, rows: np.ndarray, name_pick, affix_pick,
                     number) -> pa.Array:
    """Streets of ``layout`` ({n} name, {a} affix, {no} house number) for these rows."""
    values = {"n": strings.take(names, (name_pick[rows] % np.uint64(len(names))).astype(np.int64)),
              "a": strings.take(affixes, (affix_pick[rows] % np.uint64(len(affixes))).astype(np.int64)),
              "no": strings.int_strings(1 + number[rows] % 199)}
    parts = [values[p[1:-1]] if p.startswith("{") else p for p in re.split(r"(\{\w+\})", layout) if p]
    return strings.join(*parts)


def _country_style(code: str) -> tuple[str, str]:
    style = world.STREET_LAYOUT.get(code, "number_first")
    locale = _PREFIX_LOCALE.get(code) if style == "prefix_first" else None
    return style, locale or _STYLE_LOCALE.get(style, "en_US")


def streets(ctx: ChunkContext) -> pa.Array:
    """The row's street address in its country's layout: '12 Oak Street', 'Müllerstraße 12',
    '12 rue Dupont', 'Calle García, 12', '丹勢1-2-3'."""
    if "street" in ctx._entities:
        return ctx._entities["street"]
    rng = ctx.entity_rng("street")
    country = ctx.location().country
    styles = [_country_style(c.code) for c in vocab.COUNTRIES]
    home = vocab.country_of_locale(ctx.locale)
    for code, locale in local_streets.COUNTRY_STREET_LOCALES.items():
        styles[world.index_of_code(code)] = ("native", locale)
    for code in romanized_streets.ROMANIZED_STREETS:  # another locale's rows there: romanized, never US streets
        if home is None or vocab.COUNTRIES[home].code != code:
            styles[world.index_of_code(code)] = ("romanized", code)
    if home is not None and ctx.locale in _NATIVE_STREETS:
        styles[home] = ("native", ctx.locale)
    keys = sorted(set(styles))
    group = np.array([keys.index(s) for s in styles])[country]
    number = rng.integers(1, 9999, stream=0)
    small = rng.integers(1, 199, stream=1)
    name_pick, affix_pick = rng.bits(2), rng.bits(3)
    parts, order = [], []
    for g, (style, locale) in enumerate(keys):
        rows = np.flatnonzero(group == g)
        if not len(rows):
            continue
        if style in ("native", "romanized"):
            parts.append(_native_street(locale, rows, name_pick, affix_pick, number) if style == "native"
                         else _laid_out_street(*_romanized_street_pools(locale), rows, name_pick, affix_pick, number))
            order.append(rows)
            continue
        names, affixes = _street_pools(style, locale)
        name = strings.take(names, (name_pick[rows] % np.uint64(len(names))).astype(np.int64))
        affix = strings.take(affixes, (affix_pick[rows] % np.uint64(len(affixes))).astype(np.int64))
        if style == "name_first":
            text = strings.join(strings.join(name, affix), strings.int_strings(small[rows]), sep=" ")
        elif style == "fr":
            text = strings.join(strings.int_strings(small[rows]), affix, name, sep=" ")
        elif style == "prefix_first":
            text = strings.join(strings.join(affix, name, sep=" "), strings.int_strings(small[rows]), sep=", ")
        elif style == "jp":
            chome = strings.int_strings(1 + small[rows] % 9)
            ban = strings.int_strings(1 + number[rows] % 30)
            go = strings.int_strings(1 + (number[rows] // 30) % 20)
            text = strings.join(name, strings.join(chome, ban, go, sep="-"))
        else:
            text = strings.join(strings.int_strings(number[rows]), name, affix, sep=" ")
        parts.append(text)
        order.append(rows)
    ctx._entities["street"] = out = strings.scatter(parts, order, ctx.n)
    return out


def gen_street_address(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return streets(ctx)


def gen_address(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """The row's one place, written as its country writes addresses."""
    street, postal = streets(ctx), postal_codes(ctx)
    city, region, country = gen_city(fp, ctx), gen_state(fp, ctx), gen_country(fp, ctx)
    codes = ctx.location().country
    native = vocab.city_names(ctx.locale) is not vocab.place_tables().city
    layouts = [world.ADDRESS_LAYOUT.get(c.code, "eu") for c in vocab.COUNTRIES]
    keys = sorted(set(layouts))
    group = np.array([keys.index(k) for k in layouts])[codes]
    home = vocab.country_of_locale(ctx.locale) if ctx.locale in address_layouts.HOME_LAYOUTS else None
    if home is not None:  # the locale's own country, written as its language writes addresses at home
        group = np.where(codes == home, len(keys), group)
        keys.append(address_layouts.HOME_LAYOUTS[ctx.locale])
    parts, order = [], []
    for g, layout in enumerate(keys):
        rows = np.flatnonzero(group == g)
        if not len(rows):
            continue
        idx = pa.array(rows)
        s, p, c, r, k = (a.take(idx) for a in (street, postal, city, region, country))
        if home is not None and g == len(keys) - 1:
            flat = _flat_city_index(ctx)[rows]
            repeated = address_layouts.repeated_city(ctx.locale)[flat]
            district = address_layouts.districts(ctx.locale, flat, ctx.entity_rng("district").bits(0)[rows]) \
                if layout == "zh_CN" else None
            parts.append(address_layouts.home_address(layout, s, p, c, r, k, repeated, district))
            order.append(rows)
            continue
        r = pc.if_else(pc.equal(r, k), "", r)  # no region known: the country is not repeated
        if native:  # a region known only in English is left out of an address whose city is in another script
            r = pc.if_else(pc.and_(pc.string_is_ascii(r), pc.invert(pc.string_is_ascii(c))), "", r)
        if layout == "us":
            text = strings.join(s, c, pc.utf8_trim_whitespace(strings.join(r, p, sep=" ")), k, sep=", ")
        elif layout == "gb":
            text = strings.join(s, c, p, k, sep=", ")
        elif layout == "jp":
            text = strings.join(pc.replace_substring(strings.join(p, r, c, s, sep=" "), "  ", " "), k, sep=", ")
        elif layout == "br":
            text = strings.join(s, strings.join(c, r, sep=" - "), p, k, sep=", ")
        else:
            text = strings.join(s, pc.utf8_trim_whitespace(strings.join(p, c, sep=" ")), k, sep=", ")
        parts.append(text)
        order.append(rows)
    return strings.scatter(parts, order, ctx.n)


def _coordinate(fp: FieldPlan, ctx: ChunkContext, axis: int, lo: float, hi: float) -> pa.Array:
    decimals = fp.decimals if fp.decimals is not None else 6
    rng = ctx.rng(fp)
    tables = vocab.place_tables()
    if fp.options.get("near_city"):
        centre = (tables.lat, tables.lon)[axis][_flat_city_index(ctx)]
        values = centre + (rng.uniform(0) - 0.5) * 0.3
    elif (lo, hi) == ((-90.0, 90.0), (-180.0, 180.0))[axis]:
        # No place field: a real on-land point (Faker's land_coords), shared by latitude and longitude.
        points = world.land_points()
        which = ctx.entity_rng("land").choice(len(points[0]))
        values = points[axis][which] + (ctx.entity_rng("land").uniform(1 + axis) - 0.5) * 0.004  # ~200 m: stays ashore
    else:
        values = lo + rng.uniform(0) * (hi - lo)
    values = np.clip(values, lo, hi)
    return pa.array(np.round(values, decimals), pa.float64())


def gen_latitude(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return _coordinate(fp, ctx, 0, float(fp.lo), float(fp.hi))


def gen_longitude(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return _coordinate(fp, ctx, 1, float(fp.lo), float(fp.hi))


def gen_airport_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    pool = pa.array(list(vocab.AIRPORT_CODES))
    return strings.take(pool, ctx.rng(fp).choice(len(pool)))


def gen_currency_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """The row's country's currency when the row has a place or a locale; else a weighted mix."""
    if fp.options.get("from_country") or ctx.locale:
        return strings.take(vocab.place_tables().currency, ctx.location().country)
    pool = pa.array(list(vocab.CURRENCY_CODES))
    return strings.take(pool, ctx.rng(fp).choice(len(pool), vocab.CURRENCY_WEIGHTS))
