"""Company names and job titles in the locale's own style (Faker's per-locale formats and lists)."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan
from src.engine.data.names import locale_names

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


_ACRONYM = "random_company_acronym"  # Faker draws 2-4 capital letters


def _plural(lists: dict, name: str):
    name = name.removeprefix("random_")  # es_ES: {{random_name_complements}} reads name_complements
    for key in (name + "s", name + "es", name[:-1] + "ies" if name.endswith("y") else name + "s",
                name.replace("name_", "") + "s"):
        value = lists.get(key)
        if isinstance(value, dict):  # weighted (es_ES company_suffixes): the names
            value = tuple(value)
        if isinstance(value, (tuple, list)) and value and all(isinstance(v, str) for v in value):
            return value
    return None


@lru_cache(maxsize=64)
def company_formats(locale: str) -> tuple[tuple[tuple[str, ...], tuple[object, ...]], ...]:
    """The locale's company formats whose every placeholder has a list: (literal parts, pools),
    with 'last_name' / 'first_name' standing for a name of the locale and _ACRONYM for capitals."""
    lists = vocab.faker_lists("providers", "company", locale, joined=True)
    own_script = locale_names(locale) is not None and not vocab.name_pools(locale).first.to_pylist()[0].isascii()
    out = []
    for fmt in lists.get("formats") or ():
        if not isinstance(fmt, str):
            continue
        names = _PLACEHOLDER.findall(fmt)
        pools: list[object] = []
        for name in names:
            if name in ("last_name", "first_name", _ACRONYM):
                pools.append(name)
                continue
            found = _plural(lists, name)
            if found is None:
                break
            if own_script:  # bg_BG lists 'ЕАД' and its transliteration 'EAD': keep the locale's script
                found = [v for v in found if not v.isascii()] or found
            pools.append(pa.array(sorted(set(found))))
        else:
            if names:
                out.append((tuple(_PLACEHOLDER.split(fmt)[::2]), tuple(pools)))
    return tuple(out)


_SURNAME_FORMATS = ((("", ""), ("last_name",)), (("", "-", ""), ("last_name", "last_name")))


def localized_company(ctx: ChunkContext, rng) -> pa.Array | None:
    """Companies from the locale's Faker formats ('Müller AG', '株式会社佐藤水産'), or None for
    English locales, whose curated generator reads better."""
    locale = ctx.locale
    if not locale or locale.startswith("en"):
        return None
    language = locale.split("_")[0]
    # The locale's formats, else those of another locale of its language (el_CY -> el_GR, ar_SA -> ar_DZ),
    # else, for a script of its own, surnames ('Коваленко-Шевчук'): never English words around them.
    formats = next((f for f in map(company_formats, [locale] + sorted(
        loc for loc in vocab.faker_locales() if loc.split("_")[0] == language and loc != locale)) if f), ())
    if not formats and not vocab.name_pools(locale).first.to_pylist()[0].isascii():
        formats = _SURNAME_FORMATS
    if not formats:
        return None
    male, _, last = vocab.person_names(locale)
    choice = rng.choice(len(formats), stream=20)
    made = []
    for f, (literals, pools) in enumerate(formats):
        pieces: list = [literals[0]]
        for k, pool in enumerate(pools):
            if isinstance(pool, str) and pool != _ACRONYM:
                names = last if pool == "last_name" else male
                pieces.append(names.words.take(pa.array(rng.choice(len(names), names.weights, stream=30 + k))))
            elif isinstance(pool, str):
                letters = strings.strings_from_byte_matrix(
                    (ord("A") + rng.bits(30 + k).view(np.uint8).reshape(-1, 8)[:, :4] % 26).astype(np.uint8))
                pieces.append(strings.slice_prefix(letters, 2 + rng.bits(50 + k) % 3))
            else:
                pieces.append(strings.take(pool, rng.choice(len(pool), stream=30 + k)))
            pieces.append(literals[k + 1])
        made.append(pc.utf8_trim_whitespace(pc.binary_join_element_wise(*pieces, "")))
    if len(made) == 1:
        return made[0]
    stacked = pa.concat_arrays(made)
    return stacked.take(pa.array(choice * ctx.n + np.arange(ctx.n)))


@lru_cache(maxsize=64)
def job_titles(locale: str | None) -> pa.Array:
    """Job titles of the locale where Faker has a list of its own (20+), else of another locale of its
    language (ar_EG: ar_AA's Arabic titles), else English ones (hi_IN: Faker has no Hindi list)."""
    if locale:
        language = locale.split("_")[0]
        others = sorted(loc for loc in vocab.faker_locales() if loc.split("_")[0] == language and loc != locale)
        for loc in (locale, language, *others):
            jobs = vocab.faker_lists("providers", "job", loc).get("jobs")
            if isinstance(jobs, (tuple, list)) and len(jobs) >= 20:
                return pa.array(sorted({j for j in jobs if isinstance(j, str)}))
    return vocab.job_titles()


def gen_job_title(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    pool = job_titles(ctx.locale)
    return strings.take(pool, ctx.rng(fp).choice(len(pool)))
