"""Truncated draws on [lo, hi] by inverse CDF: parameters are absolute values, shapes stay honest.

Clipping piles rows onto min/max and redrawing shifts the mean; sampling the CDF restricted to the
interval does neither. Normal and lognormal use Acklam's rational inverse of the normal CDF
(relative error < 1.2e-9), so no SciPy is needed.
"""

from __future__ import annotations

import math

import numpy as np

_A = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
      -3.066479806614716e+01, 2.506628277459239e+00)
_B = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
      -1.328068155288572e+01)
_C = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
      4.374664141464968e+00, 2.938163982698783e+00)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00)
_P_LOW = 0.02425


def normal_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def normal_ppf(p: np.ndarray) -> np.ndarray:
    """Inverse of the standard normal CDF for p in (0, 1)."""
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-300, 1 - 1e-16)
    out = np.empty_like(p)
    low, high = p < _P_LOW, p > 1 - _P_LOW
    mid = ~(low | high)
    q = p[mid] - 0.5
    r = q * q
    out[mid] = ((((((_A[0] * r + _A[1]) * r + _A[2]) * r + _A[3]) * r + _A[4]) * r + _A[5]) * q
                / (((((_B[0] * r + _B[1]) * r + _B[2]) * r + _B[3]) * r + _B[4]) * r + 1))
    for mask, sign, tail in ((low, 1.0, p[low]), (high, -1.0, 1 - p[high])):
        q = np.sqrt(-2 * np.log(tail))
        out[mask] = sign * ((((((_C[0] * q + _C[1]) * q + _C[2]) * q + _C[3]) * q + _C[4]) * q + _C[5])
                            / ((((_D[0] * q + _D[1]) * q + _D[2]) * q + _D[3]) * q + 1))
    return out


def truncated_standard_normal(u: np.ndarray, a: float, b: float) -> np.ndarray:
    """Standard normal draws restricted to [a, b] from uniforms u in [0, 1)."""
    if a > 0:  # work in the lower tail, where the CDF keeps its precision
        return -truncated_standard_normal(1.0 - u, -b, -a)
    fa, fb = normal_cdf(a), normal_cdf(b)
    if fb - fa < 1e-300:  # the interval lies beyond float precision: its points are nearly equal
        return np.full(u.shape, a if math.isfinite(a) else b)
    return np.clip(normal_ppf(fa + u * (fb - fa)), a, b)


def truncated_normal(u: np.ndarray, mean: float, std: float, lo: float, hi: float) -> np.ndarray:
    z = truncated_standard_normal(u, (lo - mean) / std, (hi - mean) / std)
    return np.clip(mean + std * z, lo, hi)


def truncated_lognormal(u: np.ndarray, median: float, sigma: float, lo: float, hi: float) -> np.ndarray:
    """Values whose logarithm is normal (median ``median``), restricted to [lo, hi] (lo may be <= 0)."""
    log_lo = math.log(lo) if lo > 0 else -math.inf
    mu = math.log(median)
    z = truncated_standard_normal(u, (log_lo - mu) / sigma, (math.log(hi) - mu) / sigma)
    return np.clip(np.exp(mu + sigma * z), lo, hi)


def truncated_exponential(u: np.ndarray, scale: float, lo: float, hi: float) -> np.ndarray:
    """lo + an exponential distance of mean ``scale``, restricted to [lo, hi]."""
    mass = -math.expm1(-(hi - lo) / scale)
    return np.clip(lo - scale * np.log1p(-u * mass), lo, hi)
