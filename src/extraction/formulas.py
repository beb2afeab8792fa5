"""Calculated columns: a formula in words ('quantity x unit price', '8% of subtotal') or one the name implies
('total' beside quantity and price) -> an engine expression."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction.cycles import depends_on_draft
from src.extraction.columns import FILLER, NUMERIC_KINDS, is_numeric, resolve_field, tokens_of
from src.extraction.drafts import FieldDraft


QUANTITY_WORDS = {"quantity", "qty", "unit", "count", "item", "number", "night", "hour", "seat", "ticket",
                  "share", "piece"}
PRICE_WORDS = {"price", "rate", "cost", "fee", "fare"}
TOTAL_WORDS = {"total", "amount", "subtotal", "revenue", "sale", "value", "sum", "charge", "bill",
               "payment", "cost", "price", "spend", "gross"}
ADDED_WORDS = {"tax", "shipping", "fee", "tip", "surcharge", "delivery", "service", "handling", "vat"}
SUBTRACTED_WORDS = {"discount", "refund", "rebate", "coupon"}
# Operator words a column label must not stand for inside a formula.
FORMULA_WORDS = {"x", "per", "times", "plus", "minus", "less", "sum", "product", "difference", "and", "of", "by",
                 "divided", "multiplied", "total"}


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


def _names_column(phrase: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> bool:
    wanted = {fm.singular(t) for t in fm.tokenize(phrase) if t not in FILLER}
    return bool(wanted) and any(other is not self_draft and is_numeric(other) and wanted <= tokens_of(other)
                                for other in drafts)


def name_labelled_columns(text: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> str:
    """Write the column labels a formula quotes as their names, longest first: 'price per share' -> price_per_share."""
    labels = sorted(((d.label.lower().strip(), d.name) for d in drafts if d is not self_draft and d.name),
                    key=lambda pair: -len(pair[0]))
    for label, name in labels:
        if not label or label in FORMULA_WORDS:
            continue
        written = re.escape(label).replace(r"\ per\ ", r"\s*(?:/|\s+per\s+)\s*")  # 'price per kg' written 'price/kg'
        text = re.sub(rf"(?<![\w]){written}(?![\w])", f" {name} ", text)
    return text


FORMULA_COPULA_RE = re.compile(r"^\s*(?:is|are|=|equals?|equal\s+to|will\s+be|should\s+be|must\s+be|being|"
                               r"calculated\s+as|computed\s+as|given\s+by)\s+")
# Units a rate is quoted per: '1.10 per km' multiplies the column measured in km.
RATE_UNITS = {"km", "kilometer", "kilometre", "mile", "mi", "lb", "lbs", "pound", "kg", "kilo", "gram", "g", "hour",
              "hr", "minute", "min", "night", "day", "week", "month", "gallon", "liter", "litre", "kwh", "unit", "item",
              "seat", "guest", "person", "head", "page", "word", "mb", "gb", "sqm", "m2", "sqft", "ton", "tonne"}


def per_unit_as_product(t: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> str:
    """'4.99 + 0.65 per lb' -> '4.99 + 0.65 * weight_lb': a constant per unit times the column in that unit."""
    def replace(m: re.Match) -> str:
        unit = fm.singular(m["u"])
        if unit not in RATE_UNITS and m["u"] not in RATE_UNITS:
            return m.group(0)
        column = next((d for d in drafts if d is not self_draft and d.kind in NUMERIC_KINDS
                       and {m["u"], unit} & ({fm.singular(t) for t in d.tokens} | set(d.tokens) | set(d.units))), None)
        return f"{m['n']} * {column.name}" if column is not None else m.group(0)
    return re.sub(r"(?P<n>\d+(?:\.\d+)?)\s*(?:per|/|a|an|each)\s+(?P<u>[a-z0-9]+)\b", replace, t)


# Multiples in words: 'twice the deposit', 'half of the price', 'one month of rent', "two months' rent".
MULTIPLE_WORDS = {"twice": "2", "double": "2", "triple": "3", "half": "0.5", "a half": "0.5", "a third": "0.3333",
                  "a quarter": "0.25", "a fifth": "0.2", "a tenth": "0.1", "one and a half": "1.5"}
_MULTIPLE_WORD = "|".join(sorted(MULTIPLE_WORDS, key=len, reverse=True))
MULTIPLE_RE = re.compile(
    rf"(?<![\w.])(?:(?P<w>{_MULTIPLE_WORD})\s+(?:of\s+)?(?:the\s+)?|(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six)\s+"
    r"(?:(?:times|x)\s+(?:the\s+)?|(?:months?|weeks?|days?|years?)['’]?s?\s+(?:of\s+)?(?:the\s+)?))(?=[a-z])", re.I)
# Words after a formula that are about its rounding, not operands: ', one decimal', ', rounded to cents'.
FORMULA_TAIL_RE = re.compile(r"(?:\s*,\s*|\s+(?=(?:and\s+)?(?:rounded|to\s+\w+\s+(?:decimals?|dp|places?))\b))"
                             r"(?P<tail>[^,*/+×=-]*\b(?:decimals?|dp|rounded|places?|cents?)\b[^,]*)$", re.I)
# 'rounded to the nearest whole number', 'rounded to whole units': no decimals
WHOLE_RE = re.compile(r"\b(?:whole|integers?|nearest\s+(?:unit|one|integer))\b", re.I)


PERCENT_TAIL_RE = re.compile(r"(?:\s*,?\s*\b(?:expressed|shown|given|written|stated)\s+(?:as|in)\s+(?:a\s+)?(?:percent(?:age)?|%)"
                             r"|\s*,?\s*\b(?:as\s+a\s+percent(?:age)?|in\s+percent))\b(?!\s+of\b)", re.I)


def parse_formula(text: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> str | None:
    """'quantity x unit price' -> 'quantity * unit_price'; '8% of subtotal' -> '0.08 * subtotal'."""
    t = " " + unwrap_brackets(text.lower().strip(" .")) + " "
    t = SQUARED_RE.sub(lambda m: f" ({m[1]} * {m[1]}) ", t)  # '(height / 100)^2', 'speed squared
    t = re.sub(r"[$€£¥]\s?(?=\d)|(?<=\d)\s?[$€£¥]", "", t)  # '€1.20 * distance': the sign is no operand
    t = FORMULA_COPULA_RE.sub(" ", t)  # 'is 5% of the subtotal', 'equal to price times quantity'
    t = re.sub(r"\bbase(?:\s+fare|\s+fee|\s+price)?\s+(?=\d)", " ", t)  # 'base 2.50 plus 1.75 per mile'
    added = re.search(r"^(?P<x>.+?)\s+(?:plus|\+)\s+(?P<p>\d+(?:\.\d+)?)\s*%\s*(?:tax|vat|gst|sales\s+tax|"
                      r"service(?:\s+charge)?|surcharge|fee|tip)?\s*$", t)
    if added:  # 'price times quantity plus 8% tax' -> the amount with the share added
        t = f" ({added['x']}) * {1 + float(added['p']) / 100:g} "
    # 'discount as a percentage of price', 'the share of returns in sales': one column over another, in percent
    t = SHARE_OF_RE.sub(lambda m: f" {m['a']} / {m['b']}{' * 100' if m['pct'] else ''} ", t)
    average = AVERAGE_RE.search(t)
    operands = average_operands(average["list"], self_draft, drafts) if average else None
    if operands:  # 'the average of the three exams', 'the mean of score a and score b'
        t = t[:average.start()] + f" ( {' + '.join(operands)} ) / {len(operands)} "
    t = per_unit_as_product(t, self_draft, drafts)
    t = re.sub(r"(\d+(?:\.\d+)?)\s*%\s*(?:of\s+)?(?=[a-z(])", lambda m: f"{float(m[1]) / 100:g} * ", t)  # '40% midterm'
    t = MULTIPLE_RE.sub(lambda m: f" {MULTIPLE_WORDS.get(m['w']) or ph.NUMBER_WORDS.get(m['n'], m['n'])} * ", t)
    t = name_labelled_columns(t, self_draft, drafts)
    names = {d.name: d for d in drafts if d is not self_draft}
    t = re.sub(r"\b(?P<a>[a-z_][a-z0-9_]*)\s+of\s+(?:the\s+)?(?P<b>[a-z_][a-z0-9_]*)\b",  # 'discount percent of the price'
               lambda m: f" ({m['a']} / 100 * {m['b']}) " if m["a"] in names and names[m["a"]].kind == fm.PERCENT
               and m["b"] in names and names[m["b"]].kind in NUMERIC_KINDS else m.group(0), t)
    if re.search(r"\bsum\s+of\b|\btotal\s+of\b|\badd(?:ing)?\b", t):
        t = re.sub(r"\b(?:sum|total)\s+of\b|\badd(?:ing)?\b", " ", t)
        t = re.sub(r",|\band\b", " + ", t)
    elif re.search(r"\bproduct\s+of\b", t):
        t = re.sub(r"\bproduct\s+of\b", " ", t)
        t = re.sub(r",|\band\b", " * ", t)
    elif re.search(r"\bdifference\s+between\b", t):
        t = re.sub(r"\bdifference\s+between\b", " ", t)
        t = re.sub(r"\band\b", " - ", t)
    t = re.sub(r"\s*(?:×|\*|\bx\b|\btimes\b|\bmultiplied\s+by\b)\s*", " * ", t)
    t = re.sub(r"\s*(?:\+|\bplus\b)\s*", " + ", t)
    t = re.sub(r"\s+(?:-|–|\bminus\b|\bless\b)\s+", " - ", t)
    t = re.sub(r"\s*(?:/|\bdivided\s+by\b|\bper\b)\s*", " / ", t)
    pieces = re.split(r"\s([*+/-])\s", t)
    if len(pieces) < 3:
        return None
    out = []
    for i, piece in enumerate(pieces):
        if i % 2 == 1:
            out.append(piece.strip())
            continue
        opened, closed = len(re.match(r"[\s(]*", piece)[0].replace(" ", "")), \
            len(re.search(r"[\s)]*$", piece)[0].replace(" ", ""))
        piece = piece.strip(" ()")
        if re.fullmatch(r"-?\d+(?:\.\d+)?", piece) or (piece in names and is_numeric(names[piece])):
            name = piece
        else:
            other = resolve_field(piece, self_draft, [d for d in drafts if not depends_on_draft(d, self_draft, drafts)],
                                  kinds=NUMERIC_KINDS)  # never a column computed from this one
            if other is None:
                return None
            name = other.name
        out.append("(" * opened + name + ")" * closed)
    formula = " ".join(out)
    if not brackets_balance(formula):
        formula = re.sub(r"[()]", "", formula)  # brackets the words did not close: read flat, as written
    return re.sub(r"^1 \* ", "", formula)  # 'equal to the deposit' copies it


DATE_DIFFERENCE_RES = (
    re.compile(r"^(?:the\s+)?(?P<late>.+?)\s+(?:minus|-|–|less)\s+(?:the\s+)?(?P<early>.+?)(?:\s+in\s+days)?$", re.I),
    re.compile(r"^(?:the\s+)?(?:number\s+of\s+)?(?:days?|nights?|difference|time|gap)\s+(?:in\s+days\s+)?between\s+"
               r"(?:the\s+)?(?P<early>.+?)\s+and\s+(?:the\s+)?(?P<late>.+)$", re.I),
    re.compile(r"^(?:the\s+)?(?:number\s+of\s+)?(?:days?|nights?)\s+from\s+(?:the\s+)?(?P<early>.+?)\s+(?:to|until|till)\s+"
               r"(?:the\s+)?(?P<late>.+)$", re.I),
)


def parse_date_difference(text: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> str | None:
    """'check-out minus check-in', 'days between order date and delivery date' -> days_between(early, late)."""
    text = unwrap_brackets(text.strip(" ."))
    dates = [d for d in drafts if d.kind == fm.TEMPORAL and d.type in ("date", "datetime")]
    for pattern in DATE_DIFFERENCE_RES:
        m = pattern.match(text)
        if m is None:
            continue
        # the column each phrase names among all columns must be a date: 'return odometer' is no 'return time'
        late, early = (resolve_field(m[g], self_draft, drafts) for g in ("late", "early"))
        if late in dates and early in dates and late is not early:
            return f"days_between({early.name}, {late.name})"
    return None


SHARE_OF_RE = re.compile(r"^\s*(?:the\s+)?(?P<a>[a-z][a-z _-]*?)\s+(?:expressed\s+)?as\s+(?:a\s+)?"
                         r"(?:(?P<pct>percent(?:age)?|%)|share|fraction|proportion)\s+of\s+(?:the\s+)?(?P<b>[a-z][a-z _-]*?)\s*$")
AVERAGE_RE = re.compile(r"\b(?:the\s+)?(?:average|mean|avg)\s+of\s+(?:the\s+)?(?P<list>[^()*/+=]+?)\s*$", re.I)
GROUP_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def average_operands(phrase: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> list[str] | None:
    """'a, b and c' -> their columns; 'the three exams' -> the numeric columns named like an exam."""
    group = re.fullmatch(r"(?:all\s+)?(?:(?P<n>two|three|four|five|six|\d)\s+)?(?:the\s+)?(?P<w>[a-z][a-z-]*s)", phrase.strip())
    if group:
        word = fm.singular(group["w"])
        named = [d.name for d in drafts if d is not self_draft and is_numeric(d) and not d.derived
                 and any(fm.singular(t) == word or re.fullmatch(rf"{word}_?\d+", t) for t in d.tokens + [d.name])]
        n = group["n"] or ""
        wanted = int(n) if n.isdigit() else GROUP_COUNT_WORDS.get(n, len(named))
        if len(named) == wanted >= 2:
            return named
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", phrase) if p.strip()]
    names = []
    for part in parts:
        other = resolve_field(part, self_draft, drafts, kinds=NUMERIC_KINDS)
        if other is None or other.name in names:
            return None
        names.append(other.name)
    return names if len(names) >= 2 else None


SQUARED_RE = re.compile(r"(\([^()]+\)|\b[a-z_][a-z0-9_]*)\s*(?:\^\s*2|\*\*\s*2|²|\s+squared)(?![\w.])")


def unwrap_brackets(text: str) -> str:
    """'(a - b)' -> 'a - b'; '(a - b) / b' keeps its brackets."""
    while text.startswith("(") and text.endswith(")") and brackets_balance(text[1:-1]):
        text = text[1:-1].strip()
    return text


def brackets_balance(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


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
        tail = FORMULA_TAIL_RE.search(draft.formula_text)
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
        formula = parse_date_difference(draft.formula_text, draft, drafts) or parse_formula(draft.formula_text, draft,
                                                                                            drafts)
        if formula is not None and in_percent and not re.search(r"\b100\b", formula):
            formula = f"{formula} * 100" if "+" not in formula and "-" not in formula else f"({formula}) * 100"
    if formula is None:
        formula = evident_formula(draft, drafts)
    if formula is None:
        warnings.append(f"could not work out how '{draft.label}' is calculated; used random numbers")
        draft.type, draft.kind = ("decimal", fm.MONEY) if draft.kind == fm.MONEY else ("float", fm.FLOAT)
        c.update({"min_value": 0, "max_value": 1000, "decimals": 2})
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
