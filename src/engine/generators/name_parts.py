"""Name parts some locales write that a first and a last name do not cover: Spanish-speaking
countries' two surnames (father's, then mother's: 'García López'), Vietnamese middle names
('Nguyễn Văn An'). Drawn from the row's person entity, so every field of the row agrees."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from src.engine import strings
from src.engine.context import ChunkContext, PersonRows
from src.engine.rng import pick_weighted

# Spanish-speaking locales whose people carry two surnames (Argentina mostly uses one).
_ONE_SURNAME = {"es_AR"}


def has_two_surnames(locale: str | None) -> bool:
    return bool(locale) and locale.startswith("es") and locale not in _ONE_SURNAME


def _draw(ctx: ChunkContext, entity: str) -> np.ndarray:
    """A second 64-bit draw of the row's person (the first picks names and gender)."""
    key = f"person:{entity}" if entity else "person"
    return ctx.entity_rng(key).bits(1)


def surnames(ctx: ChunkContext, person: PersonRows, entity: str) -> pa.Array:
    """The row's surname(s) as the locale writes them."""
    if not has_two_surnames(ctx.locale):
        return person.last
    second = pick_weighted(_draw(ctx, entity), person.pools.last_weights)
    return strings.join(person.last, person.pools.last.take(pa.array(second)), sep=" ")


def middle_names(ctx: ChunkContext, person: PersonRows, entity: str) -> pa.Array | None:
    """Vietnamese middle names by the person's gender, or None where the locale writes none."""
    if ctx.locale != "vi_VN":
        return None
    from src.engine.data.names_curated import VIETNAMESE_MIDDLE

    men, women = VIETNAMESE_MIDDLE["male"], VIETNAMESE_MIDDLE["female"]
    draw = _draw(ctx, entity) >> np.uint64(32)
    pick = np.where(person.female, len(men) + (draw % np.uint64(len(women))).astype(np.int64),
                    (draw % np.uint64(len(men))).astype(np.int64))
    return strings.take(pa.array(men + women), pick)
