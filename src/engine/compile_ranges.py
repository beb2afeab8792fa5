"""The compiler's bounds stage: a numeric or time field's range, grid, decimals and defaults by meaning."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np

from src.engine.context import FieldPlan
from src.engine.distribution_range import distribution_range, fill_missing_bounds
from src.engine.numeric_meanings import is_money, numeric_default
from src.engine.timeutil import parse_step_seconds, parse_time_bound, parse_time_of_day
from src.schemas.fields import MAX_BOUND
from src.schemas.fields import Distribution
from src.engine.plan import _EPOCH, _MAX_GRID_SLOTS, INTEGER_KINDS, NUMERIC_DEFAULTS


class RangeResolver:
    """Mixed into the compiler: resolves numeric and time bounds (``self.fail``, ``self.anchor``)."""

    def resolve_numeric(self, index: int, fp: FieldPlan) -> None:
        c = fp.c
        kind = fp.kind
        if kind == "sequence":
            lo = c.min_value if c.min_value is not None else 1
            if not isinstance(lo, (int, float)) or isinstance(lo, bool) or int(lo) != lo:
                self.fail(index, "constraints.min_value", "a sequence starts at a whole number")
                return
            fp.lo = int(lo)
            fp.step = self.numeric_step(index, c.step) or 1
            if fp.step != int(fp.step) or fp.step <= 0:
                self.fail(index, "constraints.step", "a sequence step is a positive whole number")
            return
        d_lo, d_hi, d_dec = NUMERIC_DEFAULTS[kind]
        bounds = []
        for rule, value in (("min_value", c.min_value), ("max_value", c.max_value)):
            if value is None:
                bounds.append(None)
            elif isinstance(value, bool) or not isinstance(value, (int, float)):
                try:
                    bounds.append(float(str(value).replace(",", "").replace("$", "")))
                except ValueError:
                    self.fail(index, f"constraints.{rule}", f"{value!r} is not a number")
                    return
            else:
                bounds.append(float(value))
        lo, hi = bounds
        implied = distribution_range(c.distribution, d_lo, d_hi) if kind not in ("latitude", "longitude") \
            else None
        if lo is None and hi is None:
            lo, hi = d_lo, d_hi
            if kind not in ("latitude", "longitude"):
                lo, hi, d_dec = self.meaning_defaults(fp, lo, hi, d_dec)
        if implied is not None and (c.min_value is None or c.max_value is None):
            # The asked distribution sets the range it leaves open, not the default by type or meaning.
            lo, hi = fill_missing_bounds(*bounds, implied)
            if kind in ("age", "price", "percentage") and lo < 0 <= hi:
                lo = 0.0  # never below zero, as the type's own default range
        if kind not in INTEGER_KINDS and c.decimals is None and is_money(fp.name):
            factor, money_dec = self.zero_decimal_factor(), 0
            if factor is None:  # other currencies worth far less than a dollar: INR, RUB, THB ...
                factor, money_dec = self.money_scale() or (None, d_dec)
            if factor is not None:
                # Amounts the user stated (a bound, a distribution) are in the currency already; the
                # defaults are in dollars and move into it (¥, not $), the missing side of a range too.
                if bounds == [None, None] and c.distribution is None:
                    lo, hi = self.scale_money(fp, lo, hi, factor)
                d_lo, d_hi, d_dec = d_lo * factor, d_hi * factor, money_dec
                fp.options["zero_decimal_currency"] = money_dec == 0
        if lo is None:
            lo = min(d_lo, hi) if hi > d_lo else hi - (d_hi - d_lo)
        elif hi is None:
            hi = max(d_hi, lo) if lo < d_hi else lo + (d_hi - d_lo)
        if lo > hi:
            self.fail(index, "constraints.min_value", f"min_value ({lo:g}) is greater than max_value ({hi:g})")
            return
        if kind in ("latitude", "longitude") and (lo < d_lo or hi > d_hi):
            self.fail(index, "constraints.min_value", f"{kind} lies within [{d_lo}, {d_hi}]")
            return
        if kind in INTEGER_KINDS:
            if c.decimals:
                self.fail(index, "constraints.decimals", "an integer has no decimals: use type float or decimal")
            lo_i, hi_i = int(np.ceil(lo)), int(np.floor(hi))
            if lo_i > hi_i:
                self.fail(index, "constraints.min_value", f"no whole number lies between {lo:g} and {hi:g}")
                return
            fp.lo, fp.hi = lo_i, hi_i
        else:
            fp.lo, fp.hi = lo, hi
            if fp.decimals is None:
                fp.decimals = d_dec
            if fp.decimals is not None:
                scale = 10 ** fp.decimals
                if np.ceil(lo * scale - 1e-9) > np.floor(hi * scale + 1e-9):
                    self.fail(index, "constraints.decimals",
                              f"no value with {fp.decimals} decimals lies between {lo:g} and {hi:g}")
        if c.step is not None:
            fp.step = self.numeric_step(index, c.step)
            if kind in INTEGER_KINDS and fp.step is not None and fp.step != int(fp.step):
                self.fail(index, "constraints.step", "an integer step is a whole number")
            elif fp.step is not None and (fp.hi - fp.lo) / fp.step > _MAX_GRID_SLOTS:
                self.fail(index, "constraints.step", f"step {c.step} makes more than 2**53 values in the range")
        fp.options["explicit_range"] = c.min_value is not None or c.max_value is not None
        if c.distribution and c.distribution.kind == "normal" and c.distribution.mean is not None:
            if not fp.lo <= c.distribution.mean <= fp.hi:
                self.fail(index, "constraints.distribution.mean", "the mean lies outside min_value..max_value")

    def meaning_defaults(self, fp: FieldPlan, lo: float, hi: float, decimals: int | None):
        """(lo, hi, decimals) from the field's meaning when it gives no range ('heart_rate' ->
        50..120, normal); its distribution too, when it names none."""
        found = numeric_default(fp.name, fp.spec.description)
        if found is None:
            return lo, hi, decimals
        lo, hi, meaning_decimals, dist = found
        if dist and dist[0] == "years_ago":
            lo, hi, dist = self.anchor.year + lo, self.anchor.year + hi, None
        if dist and fp.c.distribution is None:
            params = {"normal": ("mean", "std"), "lognormal": ("median", "sigma"), "exponential": ("scale",)}
            fp.options["distribution"] = Distribution(kind=dist[0], **dict(zip(params[dist[0]], dist[1:])))
        return lo, hi, meaning_decimals if meaning_decimals is not None else decimals

    def zero_decimal_factor(self) -> float | None:
        """Units of the schema locale's currency per dollar when it has no minor unit (JPY, KRW, VND, CLP,
        ISK, HUF), else None."""
        from src.engine.data.world import ZERO_DECIMAL_CURRENCIES, country_of_locale, countries

        home = country_of_locale(self.schema.locale)
        return ZERO_DECIMAL_CURRENCIES.get(countries()[home].currency) if home is not None else None

    def money_scale(self) -> tuple[float, int] | None:
        """(units per dollar, decimals) of the schema locale's currency (data/currency_rates.py)."""
        from src.engine.data.currency_rates import money_scale
        from src.engine.data.world import countries, country_of_locale

        home = country_of_locale(self.schema.locale)
        return money_scale(countries()[home].currency) if home is not None else None

    @staticmethod
    def scale_money(fp: FieldPlan, lo: float, hi: float, factor: float) -> tuple[float, float]:
        """A default range, and the default distribution by meaning, in the local currency's units."""
        dist = fp.options.get("distribution")
        if dist is not None:
            scaled = {k: getattr(dist, k) * factor for k in ("mean", "std", "median", "scale")
                      if getattr(dist, k, None) is not None}
            fp.options["distribution"] = dist.model_copy(update=scaled)
        return lo * factor, hi * factor

    def numeric_step(self, index: int, step: str | None) -> float | None:
        if step is None:
            return None
        try:
            value = float(step)
        except ValueError:
            self.fail(index, "constraints.step", f"{step!r} is not a number")
            return None
        if not math.isfinite(value) or value <= 0 or value > MAX_BOUND:
            self.fail(index, "constraints.step", f"step must be a positive number up to {MAX_BOUND:.0e}")
            return None
        return value

    def resolve_time(self, index: int, fp: FieldPlan) -> None:
        c = fp.c
        kind = fp.kind
        try:
            if kind == "time":
                lo = parse_time_of_day(c.min_value) if c.min_value is not None else 0
                hi = parse_time_of_day(c.max_value) if c.max_value is not None else 86399
                step = parse_step_seconds(c.step) if c.step else 1
            else:
                lo_dt, hi_dt = self.time_range(fp)
                lo, hi = _seconds(lo_dt), _seconds(hi_dt)
                default_step = 86400 if kind in ("date", "date_of_birth") else 1
                step = parse_step_seconds(c.step) if c.step else default_step
                if kind in ("date", "date_of_birth"):
                    step = max(86400, step - step % 86400)
        except ValueError as err:
            self.fail(index, "constraints", str(err))
            return
        if lo > hi:
            self.fail(index, "constraints.min_value", "min_value is later than max_value")
            return
        fp.lo, fp.hi, fp.step = lo, hi, step
        fp.options["explicit_range"] = c.min_value is not None or c.max_value is not None
        if -(-lo // step) * step > hi:
            self.fail(index, "constraints.step", f"no point of a {c.step} grid lies inside the range")

    def time_range(self, fp: FieldPlan) -> tuple[dt.datetime, dt.datetime]:
        c = fp.c
        anchor = self.anchor
        if fp.kind == "date_of_birth" and (_is_number(c.min_value) or _is_number(c.max_value)):
            min_age = float(c.min_value) if _is_number(c.min_value) else 18
            max_age = float(c.max_value) if _is_number(c.max_value) else 80
            if min_age > max_age:
                raise ValueError(f"min age {min_age:g} is greater than max age {max_age:g}")
            youngest = _years_before(anchor, int(min_age))
            oldest = _years_before(anchor, int(max_age) + 1) + dt.timedelta(days=1)
            return oldest, youngest
        if _is_number(c.min_value) or _is_number(c.max_value):
            raise ValueError("date bounds are ISO dates or relative values ('-2y', 'now'), not numbers")
        if fp.kind == "date_of_birth":
            default_lo, default_hi = _years_before(anchor, 81) + dt.timedelta(days=1), _years_before(anchor, 18)
        else:
            default_lo, default_hi = _years_before(anchor, 1), anchor
        lo = parse_time_bound(c.min_value, anchor) if c.min_value is not None else None
        hi = parse_time_bound(c.max_value, anchor) if c.max_value is not None else None
        if lo is None and hi is None:
            lo, hi = default_lo, default_hi
        elif lo is None:
            lo = default_lo if default_lo < hi else hi - dt.timedelta(days=365)
        elif hi is None:
            hi = default_hi if lo < default_hi else lo + dt.timedelta(days=365)
        if fp.kind in ("date", "date_of_birth"):
            # Dates are whole days: a bound inside a day includes that day.
            lo = dt.datetime(lo.year, lo.month, lo.day)
            hi = dt.datetime(hi.year, hi.month, hi.day)
        return lo, hi


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _seconds(moment: dt.datetime) -> int:
    return int((moment - _EPOCH).total_seconds())


def _years_before(anchor: dt.datetime, years: int) -> dt.datetime:
    day = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
