"""The range a numeric field takes from its distribution when it states no min/max (or only one side).

Without this, a lognormal with median 60000 and no bounds was cut to the 0..1000 default (median 960).
The range spans the distribution's 0.1%..99.9% quantiles, so a truncation symmetric in the
distribution's own scale keeps the asked median (lognormal) or mean (normal) and moves an exponential's
mean by under 1%.
"""

from __future__ import annotations

import math

from src.schemas.fields import Distribution

_Z = 3.090232  # standard normal quantile of 99.9%
_TAIL = 0.001


def distribution_range(dist: Distribution | None, default_lo: float, default_hi: float
                       ) -> tuple[float, float] | None:
    """(lo, hi) the distribution's parameters imply, or None when they imply none (uniform, or no
    location given): then the field keeps its default range."""
    if dist is None:
        return None
    if dist.kind == "normal" and dist.mean is not None:
        std = dist.std if dist.std is not None else (default_hi - default_lo) / 6
        return dist.mean - _Z * std, dist.mean + _Z * std
    if dist.kind == "lognormal" and dist.median is not None:
        sigma = dist.sigma if dist.sigma is not None else 0.8
        return dist.median * math.exp(-_Z * sigma), dist.median * math.exp(_Z * sigma)
    if dist.kind == "exponential" and dist.scale is not None:
        return default_lo, default_lo - dist.scale * math.log(_TAIL)
    return None


def fill_missing_bounds(lo: float | None, hi: float | None, implied: tuple[float, float]
                        ) -> tuple[float | None, float | None]:
    """One side given: the other comes from the distribution when it lies beyond the given one."""
    if lo is None and hi is None:
        return implied
    if lo is None and implied[0] < hi:
        return implied[0], hi
    if hi is None and implied[1] > lo:
        return lo, implied[1]
    return lo, hi
