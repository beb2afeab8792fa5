"""What a generator sees: the resolved field (FieldPlan) and the chunk being built (ChunkContext)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from src.engine import vocab
from src.engine.rng import RowRandom, derive_key, pick_weighted, scramble_index, split_bits
from src.schemas import FieldSpec


@dataclass
class FieldPlan:
    """A field after compilation: canonical generator kind, parsed rules and resolved bounds."""

    spec: FieldSpec
    kind: str
    key: int
    lo: Any = None  # numbers: float; date/datetime: epoch seconds; time: seconds after midnight
    hi: Any = None
    decimals: int | None = None
    step: float | None = None  # numbers: numeric step; time types: seconds
    expression: Any = None  # src.engine.expressions.Expression
    when: Any = None
    pattern: Any = None  # src.engine.patterns.Pattern
    enum_values: list[Any] | None = None
    weights: list[float] | None = None
    deps: tuple[str, ...] = ()
    derived_from: str | None = None  # coherence source, e.g. age derived from date_of_birth
    unique: bool = False
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def c(self):
        return self.spec.constraints


@dataclass
class PersonRows:
    """One person per row: every person field of the row draws from it, so they agree.

    Names are indices into the locale's pools (``vocab.name_pools``), so derived strings (slugs for
    emails and usernames) are computed once per pool, not once per row.
    """

    female: np.ndarray
    first_idx: np.ndarray
    last_idx: np.ndarray
    number: np.ndarray  # a per-row small number used in emails and usernames
    pools: vocab.NamePools

    @property
    def first(self) -> pa.Array:
        return self.pools.first.take(pa.array(self.first_idx))

    @property
    def last(self) -> pa.Array:
        return self.pools.last.take(pa.array(self.last_idx))


@dataclass
class LocationRows:
    """One place per row: country index and city index inside that country."""

    country: np.ndarray
    city: np.ndarray


def _walk_permute(index: np.ndarray, n: int, key: int) -> np.ndarray:
    """A keyed bijection of [0, n) (cycle walking a cheap bijection of [0, 2**bits)); rows past n
    wrap (a row count that needs them is refused up front). Much cheaper than permute_index."""
    bits = max(2, int(n - 1).bit_length())
    x = scramble_index(np.asarray(index, dtype=np.uint64) % np.uint64(n), bits, key)
    bad = x >= np.uint64(n)
    while bad.any():
        x[bad] = scramble_index(x[bad], bits, key)
        bad = x >= np.uint64(n)
    return x.astype(np.int64)


class ChunkContext:
    """Rows [start, start + n) of a dataset being generated, with the columns made so far."""

    def __init__(self, *, seed: int, anchor: dt.datetime, start: int, n: int, locale: str | None,
                 namespace: str = "rows"):
        self.seed = seed
        self.anchor = anchor
        self.start = start
        self.n = n
        self.locale = locale
        self.namespace = namespace
        self.columns: dict[str, pa.Array] = {}
        self._entities: dict[str, Any] = {}
        # person entity -> names that must not repeat ({'pair'} / {'first'} / {'last'}), from the plan
        self.unique_people: dict[str, frozenset[str]] = {}

    def rng(self, fp: FieldPlan, *purpose: object) -> RowRandom:
        return RowRandom(derive_key(fp.key, self.namespace, *purpose), self.start, self.n)

    def entity_rng(self, entity: str) -> RowRandom:
        return RowRandom(derive_key(self.seed, self.namespace, "entity", entity), self.start, self.n)

    @property
    def rows(self) -> np.ndarray:
        return np.arange(self.start, self.start + self.n, dtype=np.uint64)

    def person(self, entity: str = "") -> PersonRows:
        """The row's person; fields naming different people (customer_*, agent_*) pass an entity."""
        key = f"person:{entity}" if entity else "person"
        if key not in self._entities:
            rng = self.entity_rng(key)
            pools = vocab.name_pools(self.locale)
            draw = rng.bits(0)
            # One 64-bit draw per row: 16 bits for each name pick, then gender and a small number.
            gender_bit, number = split_bits(draw >> np.uint64(48), 1, 15)
            female = gender_bit.astype(bool)
            modes = self.unique_people.get(entity, frozenset())
            first_idx = last_idx = None
            if not modes or modes & {"first", "last"}:  # distinct pairs replace both names
                male_idx = pick_weighted(draw << np.uint64(48), pools.male_weights)
                female_idx = pools.n_male + pick_weighted(draw << np.uint64(32), pools.female_weights)
                last_idx = pick_weighted(draw << np.uint64(16), pools.last_weights)
                if pools.female_last_weights is not None:  # gendered surnames (Ivanov / Ivanova)
                    female_last = pools.n_male_last + pick_weighted(draw << np.uint64(16), pools.female_last_weights)
                    last_idx = np.where(female, female_last, last_idx)
                first_idx = np.where(female, female_idx, male_idx)
            if modes:
                first_idx, last_idx, female = self._distinct_names(key, modes, pools, first_idx, last_idx)
            number = number % 99 + 1
            self._entities[key] = PersonRows(female, first_idx, last_idx, number, pools)
        return self._entities[key]

    def _distinct_names(self, key: str, modes: frozenset[str], pools, first_idx, last_idx):
        """Names that never repeat, by construction: a keyed permutation of the row index picks a
        distinct (first, last) pair, or a distinct first or last name, from names whose slugs differ."""
        firsts, lasts = pools.distinct_first, pools.distinct_last
        women_lasts = None
        if pools.female_last_weights is not None:  # rank r names the r-th man's or woman's form
            women_lasts = lasts[lasts >= pools.n_male_last]
            lasts = lasts[lasts < pools.n_male_last]
            size = min(len(lasts), len(women_lasts))
            lasts, women_lasts = lasts[:size], women_lasts[:size]
        seed_key = derive_key(self.seed, "distinct", key)
        if "first" in modes:
            first_idx = firsts[_walk_permute(self.rows, len(firsts), seed_key)]
        if "last" in modes:
            last_idx = lasts[_walk_permute(self.rows, len(lasts), derive_key(seed_key, 1))]
        if "pair" in modes and not modes & {"first", "last"}:
            slot = _walk_permute(self.rows, len(firsts) * len(lasts), seed_key)
            first_idx, last_idx = firsts[slot % len(firsts)], lasts[slot // len(firsts)]
        female = first_idx >= pools.n_male
        if women_lasts is not None and modes & {"pair", "last"}:
            rank = np.searchsorted(lasts, last_idx)
            last_idx = np.where(female, women_lasts[np.minimum(rank, len(lasts) - 1)], last_idx)
        return first_idx, last_idx, female

    def location(self) -> LocationRows:
        """The row's place: a country (weighted, or the locale's own) and one of its main cities,
        larger cities more often."""
        if "location" not in self._entities:
            rng = self.entity_rng("location")
            tables = vocab.place_tables()
            weights = tables.country_weights
            home = vocab.country_of_locale(self.locale)
            if home is not None:  # a locale such as de_DE keeps places in its country
                weights = np.where(np.arange(len(weights)) == home, 1.0, 0.0)
            draw = rng.bits(0)
            country = pick_weighted(draw, weights)
            # Each country's cities fill 4096 slots by weight: the low 12 bits pick one.
            flat = tables.city_slots[country, (draw & np.uint64(vocab.CITY_SLOTS - 1)).astype(np.intp)]
            self._entities["location"] = LocationRows(country, flat - tables.city_offsets[country])
        return self._entities["location"]
