"""Formulas in words -> engine expressions, the reading half of the formula stage: 'quantity x unit price' ->
'quantity * unit_price', '8% of subtotal', '2.50 plus 2.75 per km', 'the mean of q1-q5', 'check-out minus
check-in' -> days_between. ``formulas`` decides which columns are calculated and types them."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction.cycles import depends_on_draft
from src.extraction.columns import NUMERIC_KINDS, is_numeric, resolve_field
from src.extraction.drafts import FieldDraft
from src.extraction.formula_operands import expand_numbered_ranges, group_operands, resolve_short_name


# Operator words a column label must not stand for inside a formula.
FORMULA_WORDS = {"x", "per", "times", "plus", "minus", "less", "sum", "product", "difference", "and", "of", "by",
                 "divided", "multiplied", "total"}


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
# '(1dp)', '(2 decimals)', '(rounded to cents)' after a formula: its rounding in brackets.
BRACKET_TAIL_RE = re.compile(r"\s*\((?P<tail>[^()]*(?:\b|\d)(?:decimals?|dp|rounded|places?|cents?)\b[^()]*)\)\s*$", re.I)
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
    t = re.sub(r"^[^=<>!]*[^=<>!\s]\s*=(?!=)", " ", t)  # 'so fare = 2.5 + 2.75 * distance': the right-hand side
    t = expand_numbered_ranges(t, drafts)  # 'the mean of q1-q5' 
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
    t = re.sub(r"\b(?P<a>[a-z_][a-z0-9_]*)\s+(?P<pct>(?:percent|per\s+cent|pct|%)\s+)?of\s+(?:the\s+)?"
               r"(?P<b>[a-z_][a-z0-9_]*)\b",  # 'discount percent of the price', 'the discount % of cost'
               lambda m: f" ({m['a']} / 100 * {m['b']}) " if m["a"] in names and m["b"] in names
               and (names[m["a"]].kind == fm.PERCENT or (m["pct"] and is_numeric(names[m["a"]])))
               and names[m["b"]].kind in NUMERIC_KINDS else m.group(0), t)
    summed = SUM_OF_GROUP_RE.search(t)
    grouped = group_operands(summed["g"], self_draft, drafts) if summed else None
    if grouped:  # 'the sum of the candidate votes': every column named so
        t = t[:summed.start()] + f" {' + '.join(grouped)} " + t[summed.end():]
    elif re.search(r"\bsum\s+of\b|\btotal\s+of\b|\badd(?:ing)?\b", t):
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
        short = resolve_short_name(piece, self_draft, drafts) if piece not in names else None
        if re.fullmatch(r"-?\d+(?:\.\d+)?", piece) or (piece in names and is_numeric(names[piece])):
            name = piece
        elif short is not None and not depends_on_draft(short, self_draft, drafts):
            name = short.name  # 'm * f / 100': the columns those letters start
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


DATE_PLUS_RE = re.compile(r"^(?:the\s+)?(?P<d>[a-z][\w -]*?)\s*(?:\+|\bplus\b)\s*(?:the\s+)?(?P<n>\d+|[a-z][\w -]*?)"
                          r"(?:\s+(?P<u>days?|weeks?|months?|years?))?(?:\s+(?:later|after))?$", re.I)
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def parse_date_addition(text: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> str | None:
    """'origination + term months', 'start date plus 14 days' -> date_add(origination_date, term_months * 30)."""
    m = DATE_PLUS_RE.match(unwrap_brackets(text.strip(" .")))
    if m is None:
        return None
    date = resolve_field(m["d"], self_draft, drafts)  # the column it names among all must be a date
    if date is None or date.type not in ("date", "datetime"):
        return None
    if m["n"].isdigit():
        amount, words = m["n"], []
    else:
        count = resolve_field(m["n"], self_draft, drafts, kinds=NUMERIC_KINDS) or resolve_field(
            m["n"] + (f" {m['u']}" if m["u"] else ""), self_draft, drafts, kinds=NUMERIC_KINDS)
        count = count or next((d for d in drafts if d is not self_draft and d.type == "enum" and all(
            isinstance(v, int) for v in d.constraints.get("enum_values") or ["x"])
            and set(fm.tokenize(m["n"])) & set(d.tokens)), None)  # 'term months: 12, 24, 36'
        if count is None or count.type not in ("integer", "enum"):
            return None  # 'read date + consumption': no whole number of days, weeks or months
        amount, words = count.name, [fm.singular(t) for t in count.tokens]
    unit = fm.singular((m["u"] or "").lower()) or next((w for w in words if w in UNIT_DAYS), "day")
    days = UNIT_DAYS.get(unit, 1)
    return f"date_add({date.name}, {amount}{f' * {days}' if days != 1 else ''})"


SHARE_OF_RE = re.compile(r"^\s*(?:the\s+)?(?P<a>[a-z][a-z _-]*?)\s+(?:expressed\s+)?as\s+(?:a\s+)?"
                         r"(?:(?P<pct>percent(?:age)?|%)|share|fraction|proportion)\s+of\s+(?:the\s+)?(?P<b>[a-z][a-z _-]*?)\s*$")
SUM_OF_GROUP_RE = re.compile(r"\b(?:the\s+)?(?:sum|total)\s+of\s+(?:all\s+)?(?:the\s+)?(?P<g>[a-z][a-z ]*?s)\s*$")
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
