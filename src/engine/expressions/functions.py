"""The allow-list of functions: canonical names, aliases, argument counts and constant arguments.

Type rules live in ``function_types.py`` and Arrow kernels in ``kernels.py``, one entry per name here
(a test checks the three agree).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Signature:
    min_args: int
    max_args: int | None
    constant_args: tuple[int, ...] = ()  # argument indexes that must be whole-number constants

    def arity_text(self) -> str:
        low, high = self.min_args, self.max_args
        if high is None:
            return f"at least {low} argument{'s' if low > 1 else ''}"
        if low == high:
            return f"{low} argument{'s' if low > 1 else ''}"
        return f"{low} or {high} arguments" if high == low + 1 else f"{low} to {high} arguments"


SIGNATURES: dict[str, Signature] = {
    "round": Signature(1, 2, (1,)), "abs": Signature(1, 1), "floor": Signature(1, 1), "ceil": Signature(1, 1),
    "sqrt": Signature(1, 1), "exp": Signature(1, 1), "ln": Signature(1, 1), "pow": Signature(2, 2),
    "least": Signature(2, None), "greatest": Signature(2, None), "coalesce": Signature(1, None),
    "concat": Signature(1, None), "upper": Signature(1, 1), "lower": Signature(1, 1),
    "length": Signature(1, 1), "substr": Signature(2, 3, (1, 2)), "date_add": Signature(2, 2),
    "days_between": Signature(2, 2), "year": Signature(1, 1), "month": Signature(1, 1), "day": Signature(1, 1),
    "random": Signature(0, 0), "uniform": Signature(2, 2), "normal": Signature(2, 2),  # noise.py
}
ALIASES = {"log": "ln", "power": "pow", "min": "least", "max": "greatest", "substring": "substr",
           "ceiling": "ceil"}
FUNCTION_NAMES = sorted([*SIGNATURES, *ALIASES, "if"])  # if(c, a, b) is CASE WHEN c THEN a ELSE b END
