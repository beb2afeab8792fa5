"""Job titles in the locale's language that follow the row's person: a woman's title where the
language's list has both forms (de 'Ingenieurin', fr 'Directrice', es 'Directora', ar 'مهندسة')."""

from __future__ import annotations

import difflib
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan

_MIN_TITLES = 20


def _aligned(men, women) -> list[tuple[str, str]]:
    """Pairs of a man's and a woman's title from two lists meant to run in step (fr_FR's, ar_DZ's),
    skipping an entry that has no counterpart where the lists drift apart."""
    men, women = [m for m in men if isinstance(m, str)], [w for w in women if isinstance(w, str)]
    close = lambda a, b: difflib.SequenceMatcher(None, a, b).ratio() >= 0.6  # noqa: E731
    pairs, i, j = [], 0, 0
    while i < len(men) and j < len(women):
        if close(men[i], women[j]):
            pairs.append((men[i], women[j]))
            i, j = i + 1, j + 1
        elif any(close(men[i], w) for w in women[j + 1:j + 4]):
            j += 1
        else:
            i += 1
    return pairs


def _faker_pairs(locale: str) -> list[tuple[str, str]] | None:
    """Gendered pairs from a Faker locale's job list, or None if its list has one form."""
    lists = vocab.faker_lists("providers", "job", locale)
    if isinstance(lists.get("jobs_dict"), (tuple, list)):  # de_AT: {'neutral', 'female', 'male'}
        return [(d["male"], d["female"]) for d in lists["jobs_dict"]
                if isinstance(d, dict) and d.get("male") and d.get("female")]
    women = lists.get("jobs_female")
    men = lists.get("jobs_male") or lists.get("jobs")
    if isinstance(women, (tuple, list)) and isinstance(men, (tuple, list)):
        return _aligned(men, women)
    return None


def _capitalized(title: str) -> str:
    return title[:1].upper() + title[1:]  # fr_FR writes 'boulanger': a column's value reads 'Boulanger'


@lru_cache(maxsize=64)
def job_pools(locale: str | None) -> tuple[pa.Array, pa.Array | None]:
    """(men's or everyone's titles, women's titles in step or None) for a locale: curated lists of
    languages Faker lacks, then a gendered Faker list of the locale or its language (the largest),
    then the locale's or its language's one-form list, then English."""
    from src.engine.data.jobs_local import CURATED_JOBS, feminine_es
    from src.engine.generators.company import job_titles

    if not locale or locale.startswith("en"):
        return job_titles(locale), None
    language = locale.split("_")[0]
    if language in CURATED_JOBS:
        men, women = zip(*CURATED_JOBS[language])
        return pa.array(men), pa.array(women)
    own = _faker_pairs(locale)
    if not own or len(own) < _MIN_TITLES:
        kin = [p for loc in sorted(vocab.faker_locales()) if loc.split("_")[0] == language and loc != locale
               for p in [_faker_pairs(loc)] if p and len(p) >= _MIN_TITLES]
        own = max(kin, key=len) if kin else None
    if own:
        pairs = sorted(set(own))
        return pa.array([_capitalized(m) for m, _ in pairs]), pa.array([_capitalized(w) for _, w in pairs])
    titles = job_titles(locale)
    if language == "es":
        return titles, pa.array([feminine_es(t) for t in titles.to_pylist()])
    return titles, None


def gen_job_title(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    men, women = job_pools(ctx.locale)
    pick = ctx.rng(fp).choice(len(men))
    if women is None:
        return strings.take(men, pick)
    female = ctx.person(fp.options.get("person", "")).female
    return pc.if_else(pa.array(female), strings.take(women, pick), strings.take(men, pick))
