"""Corrections to a locale's name lists after they are read from Faker (data/names.py): curated
lists where Faker's read wrong (data/names_curated.py), common Russian names weighted up, Vietnamese
surnames by frequency, and the locale's own Latin spellings for emails (data/translit.py)."""

from __future__ import annotations

from dataclasses import replace

from src.engine.data import names_curated as curated
from src.engine.data.translit import romanizer

_FAKER_SHARE = 0.1  # Faker's own first names, where curated ones lead (hi_IN)


def _curated(lists, spec: dict, keep_faker: bool):
    def part(key: str, faker: dict) -> dict:
        own = {pair: 1.0 for pair in spec[key]}
        if not keep_faker or key == "last":
            return own
        known = {name for name, _ in own}
        rest = {k: w for k, w in faker.items() if k[0] not in known}
        total = sum(rest.values())
        scale = _FAKER_SHARE / (1 - _FAKER_SHARE) * len(own) / total if total else 0.0
        return {**own, **{k: w * scale for k, w in rest.items()}}

    last = part("last", lists.last_male)
    return replace(lists, male=part("male", lists.male), female=part("female", lists.female),
                   last_male=last, last_female=last)


def _boosted(entries: dict, common: list[str]) -> dict:
    """Weights such that the common names (in rank order) take COMMON_SHARE of draws."""
    ranks = {name: i for i, name in enumerate(common)}
    rare = sum(w for (name, _), w in entries.items() if name not in ranks)
    out = {k: w for k, w in entries.items() if k[0] not in ranks}
    from src.engine.data.names import romanize

    harmonic = sum(1 / (i + 1) for i in range(len(common)))
    budget = curated.COMMON_SHARE / (1 - curated.COMMON_SHARE) * (rare or 1.0)
    for name, rank in ranks.items():  # Zipf-like within the common names: Александр before Ярослав
        out[(name, romanize(name))] = budget / harmonic / (rank + 1)
    return out


def _respelled(entries: dict, spell) -> dict:
    out: dict = {}
    for (name, _), weight in entries.items():
        key = (name, spell(name))
        out[key] = out.get(key, 0.0) + weight
    return out


def fix_names(locale: str, lists):
    """The NameLists of a locale with this module's corrections."""
    spec = curated.curated_names(locale)
    if spec is not None:
        lists = _curated(lists, spec, keep_faker=locale.startswith("hi"))
    if locale == "ru_RU":
        lists = replace(lists, male=_boosted(lists.male, curated.COMMON_RUSSIAN["male"]),
                        female=_boosted(lists.female, curated.COMMON_RUSSIAN["female"]))
    if locale == "vi_VN":
        from src.engine.data.names import romanize

        last = {(name, romanize(name)): w for name, w in curated.VIETNAMESE_SURNAMES.items()}
        lists = replace(lists, last_male=last, last_female=last)
    spell = romanizer(locale)
    if spell is not None:
        same = lists.last_female is lists.last_male
        lists = replace(lists, male=_respelled(lists.male, spell), female=_respelled(lists.female, spell),
                        last_male=_respelled(lists.last_male, spell))
        lists = replace(lists, last_female=lists.last_male if same else _respelled(lists.last_female, spell))
    return lists
