"""Calculated columns: which columns a formula computes (stated in words, read by ``formula_parse``, or implied by
the name: 'total' beside quantity and price) and the type and rounding of the result."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction.columns import FILLER, NUMERIC_KINDS, is_numeric, tokens_of
from src.extraction.drafts import FieldDraft
from src.extraction.formula_parse import (BRACKET_TAIL_RE, FORMULA_TAIL_RE, MULTIPLE_RE, PERCENT_TAIL_RE, WHOLE_RE,
                                         parse_date_addition, parse_date_difference, parse_formula)


QUANTITY_WORDS = {"quantity", "qty", "unit", "count", "item", "number", "night", "hour", "seat", "ticket",
                  "share", "piece"}
PRICE_WORDS = {"price", "rate", "cost", "fee", "fare"}
TOTAL_WORDS = {"total", "amount", "subtotal", "revenue", "sale", "value", "sum", "charge", "bill",
               "payment", "cost", "price", "spend", "gross"}
ADDED_WORDS = {"tax", "shipping", "fee", "tip", "surcharge", "delivery", "service", "handling", "vat"}
SUBTRACTED_WORDS = {"discount", "refund", "rebate", "coupon"}


def read_slash_lists_as_division(drafts: list[FieldDraft]) -> None:
    """'(revenue / visits)' divides when every part names a numeric column; otherwise it stays a value list."""
    for draft in drafts:
        if not draft.slash_list_text or draft.derived:
            continue
        parts = [p for p in re.split(r"\s*/\s*", draft.slash_list_text.strip(" ,;()")) if p]
        if all(_names_column(part, draft, drafts) for part in parts):
            draft.derived, draft.formula_text, draft.enum_items = True, draft.slash_list_text, None
            for key in ("enum_values", "weights"):
                draft.constraints.pop(key, None)
            draft.type, draft.kind = "float", fm.FLOAT


LISTED_FORMULA_RE = re.compile(r"^\s*(?:=\s*)?(?:the\s+)?(?P<op>sum|total|average|mean|product)\s+of\s+(?:the\s+)?(?P<first>.+)$",
                               re.I)


def read_listed_formulas(drafts: list[FieldDraft]) -> None:
    """'total = sum of subtotal, tax, shipping and discount': a comma list after 'sum of' names the columns summed
    (the list reader took it for values) when every part names a numeric column."""
    for draft in drafts:
        values = draft.constraints.get("enum_values") or []
        if draft.derived or draft.type != "enum" or len(values) < 2 or not isinstance(values[0], str):
            continue
        listed = LISTED_FORMULA_RE.match(values[0])
        parts = [listed["first"], *map(str, values[1:])] if listed else []
        if not listed or not all(_names_column(part, draft, drafts) for part in parts):
            continue
        draft.derived, draft.enum_items = True, None
        draft.formula_text = f"{listed['op']} of {', '.join(parts[:-1])} and {parts[-1]}"
        for key in ("enum_values", "weights"):
            draft.constraints.pop(key, None)
        draft.type, draft.kind = "float", fm.FLOAT


def _names_column(phrase: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> bool:
    wanted = {fm.singular(t) for t in fm.tokenize(phrase) if t not in FILLER}
    return bool(wanted) and any(other is not self_draft and is_numeric(other) and wanted <= tokens_of(other)
                                for other in drafts)


STATED_RE = re.compile(r"^\s*(?:(?:is|are|will\s+be|should\s+be|must\s+be)\s+)?(?:(?:always\s+)?(?P<eq>equal\s+to|equals?|"
                       r"the\s+same\s+as|same\s+as|matching|matches)\s+|(?:calculated|computed|derived)\s+(?:as|from)\s+|"
                       r"as\s+)?(?P<f>.+?)\s*$", re.I)


def find_stated_formulas(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """'security deposit equal to one month of rent', 'deposit: twice the monthly rent', 'calculated as half the
    fare': a column stated as a multiple of another (or equal to it) is that multiple."""
    for draft in drafts:
        if draft.constraints.get("expression") or draft.enum_items or (draft.derived and draft.formula_text):
            continue
        stated = STATED_RE.match(draft.rest_text or "")
        if not stated or not (MULTIPLE_RE.match(stated["f"] + " ") or stated["eq"]):
            continue
        text = stated["f"] if MULTIPLE_RE.match(stated["f"] + " ") else f"1 * {stated['f']}"
        formula = parse_formula(text, draft, drafts)
        if formula is None:
            continue
        draft.derived, draft.formula_text = True, text
        if draft.kind not in NUMERIC_KINDS:
            draft.type, draft.kind = "decimal", fm.MONEY
        unknown = f"could not understand '{draft.label}'; used a text column"
        warnings[:] = [w for w in warnings if w != unknown]


def evident_formula(draft: FieldDraft, drafts: list[FieldDraft]) -> str | None:
    """The formula a calculated column's name implies, over the columns that exist."""
    words = tokens_of(draft)
    inputs = [d for d in drafts if d is not draft and d.kind in NUMERIC_KINDS and (
        not d.derived or draft.name not in re.findall(r"\w+", d.constraints.get("expression") or draft.name))]

    def first(pred):
        return next((d for d in inputs if pred(d)), None)

    if words & {"bmi"}:
        weight = first(lambda d: "weight" in tokens_of(d))
        height = first(lambda d: "height" in tokens_of(d))
        if weight and height:
            scale = 100 if float(height.constraints.get("max_value") or 200) > 3 else 1
            h = f"({height.name} / {scale})" if scale != 1 else height.name
            return f"{weight.name} / ({h} * {h})"
    if words & {"profit", "margin", "net"}:
        revenue = first(lambda d: bool(tokens_of(d) & {"revenue", "sale", "price", "income"}))
        cost = first(lambda d: bool(tokens_of(d) & {"cost", "expense"}))
        if revenue and cost:
            return f"{revenue.name} - {cost.name}"
    if words & {"tax", "vat"} and not words & {"total"}:
        base = first(lambda d: bool(tokens_of(d) & {"subtotal", "amount", "price"}) and d.kind == fm.MONEY)
        rate = first(lambda d: d.kind == fm.PERCENT and bool(tokens_of(d) & {"tax", "vat", "rate"}))
        if base and rate:
            return f"{base.name} * {rate.name} / 100"
    if words & TOTAL_WORDS:
        subtotal = first(lambda d: "subtotal" in tokens_of(d) and d.kind == fm.MONEY)
        if subtotal and words & {"total"}:
            added = [d.name for d in inputs if d.kind == fm.MONEY and tokens_of(d) & ADDED_WORDS]
            taken = [d.name for d in inputs if d.kind == fm.MONEY and tokens_of(d) & SUBTRACTED_WORDS]
            return " ".join([subtotal.name] + [f"+ {n}" for n in added] + [f"- {n}" for n in taken])
        quantity = first(lambda d: d.kind == fm.INT and bool(tokens_of(d) & QUANTITY_WORDS))
        price = (first(lambda d: d.kind == fm.MONEY and {"unit", "price"} <= tokens_of(d))
                 or first(lambda d: d.kind == fm.MONEY and bool(tokens_of(d) & PRICE_WORDS)))
        if quantity and price:
            formula = f"{quantity.name} * {price.name}"
            discount = first(lambda d: bool(tokens_of(d) & SUBTRACTED_WORDS))
            if discount is not None and discount.kind == fm.PERCENT:
                formula = f"{formula} * (1 - {discount.name} / 100)"
            elif discount is not None and discount.kind == fm.MONEY:
                formula = f"{formula} - {discount.name}"
            return formula
        money = [d for d in inputs if d.kind == fm.MONEY]
        if words & {"total", "sum"} and len(money) >= 2:
            return " + ".join(d.name for d in money)
    return None


def derive_expression(draft: FieldDraft, drafts: list[FieldDraft], warnings: list[str]) -> None:
    """Turn a 'calculated' column into an expression over the other columns."""
    c = draft.constraints
    if draft.type in ("full_name", "email", "username", "age") or (
            draft.type == "age" or ("age" in draft.tokens and any(d.type == "date_of_birth" for d in drafts))):
        if "age" in draft.tokens:
            draft.type, draft.kind = "age", fm.INT
        return  # the engine keeps these coherent with the row's person
    if c.get("expression"):
        return  # written already (an amortised payment)
    formula, in_percent = None, False
    if draft.formula_text:
        tail = FORMULA_TAIL_RE.search(draft.formula_text) or BRACKET_TAIL_RE.search(draft.formula_text)
        if tail:  # 'present / enrolled x 100, one decimal'
            decimals, _ = ph.find_decimals(tail["tail"])
            decimals = 0 if decimals is None and WHOLE_RE.search(tail["tail"]) else decimals
            decimals = 2 if decimals is None and re.search(r"\bcents?\b", tail["tail"], re.I) else decimals
            draft.decimals = decimals if decimals is not None else draft.decimals
            draft.formula_text = draft.formula_text[: tail.start()]
        shown = PERCENT_TAIL_RE.search(draft.formula_text)
        if shown or (tail and PERCENT_TAIL_RE.search(", " + tail["tail"])):
            in_percent = True  # 'sold divided by offered, expressed as a percentage': the ratio times 100
            draft.formula_text = draft.formula_text[: shown.start()] if shown else draft.formula_text
        formula = parse_date_difference(draft.formula_text, draft, drafts) or parse_date_addition(
            draft.formula_text, draft, drafts) or parse_formula(draft.formula_text, draft, drafts)
        if formula is not None and in_percent and not re.search(r"\b100\b", formula):
            formula = f"{formula} * 100" if "+" not in formula and "-" not in formula else f"({formula}) * 100"
    if formula is None:
        formula = evident_formula(draft, drafts)
    if formula is None:
        warnings.append(f"could not work out how '{draft.label}' is calculated; used random numbers")
        draft.type, draft.kind = ("decimal", fm.MONEY) if draft.kind == fm.MONEY else ("float", fm.FLOAT)
        c.update({"min_value": 0, "max_value": 1000, "decimals": 2})
        return
    if formula.startswith("date_add("):  # 'maturity date = origination + term months': a date
        for key in ("min_value", "max_value", "distribution", "cardinality", "decimals", "step"):
            c.pop(key, None)
        start = next((d for d in drafts if formula.startswith(f"date_add({d.name},")), None)
        draft.type = start.type if start is not None else "date"
        draft.kind, c["expression"] = fm.TEMPORAL, formula
        return
    if formula.startswith("days_between("):  # 'nights = check-out minus check-in': whole days
        for key in ("min_value", "max_value", "distribution", "cardinality", "decimals"):
            c.pop(key, None)
        draft.type, draft.kind, c["expression"] = "integer", fm.INT, formula
        return
    names = set(re.findall(r"[a-z_][a-z0-9_]*", formula))
    inputs = [d for d in drafts if d.name in names]
    money = not is_share(formula, drafts) and (draft.kind == fm.MONEY or any(d.kind == fm.MONEY for d in inputs))
    all_int = all(d.type == "integer" or (d.type == "enum" and d.kind == fm.INT) for d in inputs) \
        and "/" not in formula and not re.search(r"\d\.\d", formula)
    for key in ("min_value", "max_value", "distribution", "cardinality"):
        c.pop(key, None)
    if money:
        draft.type, draft.kind = "decimal", fm.MONEY
        c["decimals"] = draft.decimals if draft.decimals is not None else 2
        c["expression"] = f"round({formula}, {c['decimals']})"
    elif all_int:
        draft.type, draft.kind = "integer", fm.INT
        c["expression"] = formula
    else:
        draft.type, draft.kind = "float", fm.FLOAT
        fallback = RATIO_DECIMALS if is_share(formula, drafts) else c.get("decimals") or 2
        c["decimals"] = draft.decimals if draft.decimals is not None else fallback
        c["expression"] = f"round({formula}, {c['decimals']})"


# A ratio of two columns ('clicks / impressions') lies mostly between 0 and 1: two decimals would round a 1.7%
# click-through rate to 0.02, so an unstated precision keeps four.
RATIO_DECIMALS = 4


def is_share(formula: str, drafts: list[FieldDraft]) -> bool:
    """'clicks / impressions', 'returns / sales' (no scale to percent or other constant): a share, not a percentage;
    money over a count ('spend / clicks') stays money."""
    m = re.fullmatch(r"\(?\s*(?P<a>[a-z_][a-z0-9_]*)\s*\)?\s*/\s*\(?\s*(?P<b>[a-z_][a-z0-9_]*)\s*\)?", formula)
    if m is None:
        return False
    kinds = {d.name: d.kind for d in drafts}
    return not (kinds.get(m["a"]) == fm.MONEY and kinds.get(m["b"]) != fm.MONEY)
