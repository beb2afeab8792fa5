"""Loan payments in words: 'monthly payment (standard amortised payment)' beside principal, rate and term columns
-> the annuity formula."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.columns import NUMERIC_KINDS, tokens_of
from src.extraction.drafts import FieldDraft


PAYMENT_WORDS = {"payment", "instalment", "installment", "repayment", "emi", "annuity"}
PRINCIPAL_WORDS = {"principal", "loan", "amount", "balance", "mortgage", "financed", "borrowed"}
RATE_WORDS = {"rate", "interest", "apr"}
TERM_WORDS = {"term", "tenor", "tenure", "duration", "months", "period", "maturity"}


def find_amortised_payments(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """'monthly payment (standard amortised payment)' beside principal, rate and term columns: the annuity
    formula principal * r / (1 - (1 + r)^-n) with r the monthly rate."""
    for draft in drafts:
        words = tokens_of(draft)
        if draft.derived or not words & PAYMENT_WORDS or draft.numeric_range is not None or draft.enum_items:
            continue
        if not ("monthly" in words or re.search(r"amorti[sz]|annuity|instal+ment|emi\b", draft.description, re.I)):
            continue
        numeric = [d for d in drafts if d is not draft and d.kind in NUMERIC_KINDS + ("enum",)]

        def pick(wanted, pred=lambda d: True):
            return next((d for d in numeric if tokens_of(d) & wanted and pred(d)), None)

        principal = pick(PRINCIPAL_WORDS - {"amount"}, lambda d: d.kind == fm.MONEY) or pick(
            PRINCIPAL_WORDS, lambda d: d.kind == fm.MONEY and not tokens_of(d) & PAYMENT_WORDS)
        rate = pick(RATE_WORDS, lambda d: d.kind in (fm.FLOAT, fm.PERCENT))
        term = pick(TERM_WORDS, lambda d: d.kind == fm.INT or (d.type == "enum" and all(
            isinstance(v, int) for v in d.constraints.get("enum_values") or ["x"])))
        if not (principal and rate and term):
            continue
        top = rate.constraints.get("max_value")
        monthly = f"({rate.name} / 1200)" if not isinstance(top, (int, float)) or top > 1 else f"({rate.name} / 12)"
        months = f"({term.name} * 12)" if tokens_of(term) & {"year", "yr"} else term.name
        draft.derived, draft.formula_text = True, None
        draft.type, draft.kind = "decimal", fm.MONEY
        for key in ("min_value", "max_value", "distribution", "cardinality"):
            draft.constraints.pop(key, None)
        draft.constraints["decimals"] = 2
        draft.constraints["expression"] = (f"round({principal.name} * {monthly} / "
                                           f"(1 - pow(1 + {monthly}, -{months})), 2)")
        unknown = f"could not understand '{draft.label}'; used a text column"
        warnings[:] = [w for w in warnings if w != unknown]
