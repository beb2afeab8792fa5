"""Company names and job titles in the locale's own style (Faker's per-locale formats and lists)."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def _plural(lists: dict, name: str):
    for key in (name + "s", name + "es", name[:-1] + "ies" if name.endswith("y") else name + "s"):
        value = lists.get(key)
        if isinstance(value, (tuple, list)) and value and all(isinstance(v, str) for v in value):
            return value
    return None


@lru_cache(maxsize=64)
def company_formats(locale: str) -> tuple[tuple[tuple[str, ...], tuple[pa.Array | None, ...]], ...]:
    """The locale's company formats whose every placeholder has a list: (literal parts, pools),
    with None standing for a last name of the locale."""
    lists = vocab.faker_lists("providers", "company", locale)
    out = []
    for fmt in lists.get("formats") or ():
        if not isinstance(fmt, str):
            continue
        names = _PLACEHOLDER.findall(fmt)
        pools = []
        for name in names:
            if name == "last_name":
                pools.append(None)
                continue
            found = _plural(lists, name)
            if found is None:
                break
            pools.append(pa.array(sorted(set(found))))
        else:
            if names:
                out.append((tuple(_PLACEHOLDER.split(fmt)[::2]), tuple(pools)))
    return tuple(out)


def localized_company(ctx: ChunkContext, rng) -> pa.Array | None:
    """Companies from the locale's Faker formats ('Müller AG', '株式会社佐藤水産'), or None for
    English locales, whose curated generator reads better."""
    locale = ctx.locale
    if not locale or locale.startswith("en"):
        return None
    formats = company_formats(locale)
    if not formats:
        return None
    last = vocab.person_names(locale)[2]
    choice = rng.choice(len(formats), stream=20)
    made = []
    for f, (literals, pools) in enumerate(formats):
        pieces: list = [literals[0]]
        for k, pool in enumerate(pools):
            if pool is None:
                pieces.append(last.words.take(pa.array(rng.choice(len(last), last.weights, stream=30 + k))))
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
    """Job titles of the locale where Faker has a list of its own (20+), else English ones."""
    if locale:
        for loc in (locale, locale.split("_")[0]):
            jobs = vocab.faker_lists("providers", "job", loc).get("jobs")
            if isinstance(jobs, (tuple, list)) and len(jobs) >= 20:
                return pa.array(sorted({j for j in jobs if isinstance(j, str)}))
    return vocab.job_titles()


def gen_job_title(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    pool = job_titles(ctx.locale)
    return strings.take(pool, ctx.rng(fp).choice(len(pool)))
