"""Links between columns: identifier codes, formulas of calculated columns, conditions, date order."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.drafts import FieldDraft

NUMERIC_KINDS = (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT)
ID_WORDS = {"id", "identifier", "number", "no", "code", "ref", "reference", "key", "uuid", "guid"}
FILLER = {"the", "a", "an", "of", "is", "are", "was", "be", "only", "for", "if", "when", "where", "rows",
          "row", "records", "record", "with", "has", "have", "equal", "equals", "to", "set", "its", "their",
          "value", "type", "s", "were", "does", "do", "did", "had"}
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
# 'isn't' -> 'is not', so a condition reads its negation.
NEGATED_CONTRACTION_RE = re.compile(r"\b(is|are|was|were|does|do|did|has|have|had|ca|wo)n['’]t\b", re.I)
TRUTHY_WORDS = {"yes", "y", "true", "t", "1"}
FALSY_WORDS = {"no", "n", "false", "f", "0"}
# (words of a later date, words of the dates it follows, most likely first).
DATE_ORDER = [
    ({"end", "finish", "finished", "completion", "completed", "stop"}, ("start", "begin", "started", "beginning")),
    ({"discharge", "discharged"}, ("admission", "admit", "admitted")),
    ({"checkout"}, ("checkin",)),
    ({"delivery", "delivered", "arrival", "received"}, ("ship", "shipped", "shipping", "dispatch", "dispatched",
                                                         "departure", "order", "purchase", "sent")),
    ({"ship", "shipped", "shipping", "dispatch", "dispatched", "fulfillment"}, ("order", "purchase", "placed")),
    ({"return", "returned"}, ("delivery", "delivered", "departure", "purchase", "order", "checkout")),
    ({"resolved", "resolution", "closed", "close", "solved"}, ("created", "opened", "open", "reported",
                                                               "submitted", "raised")),
    ({"updated", "modified", "last"}, ("created", "registration", "registered", "signup", "joined", "join")),
    ({"due"}, ("issue", "issued", "invoice", "billing")),
    ({"expiry", "expiration", "expires", "expire", "renewal"}, ("issue", "issued", "start", "purchase", "signup")),
    ({"payment", "paid"}, ("invoice", "issue", "issued", "billing")),
]


def link_fields(drafts: list[FieldDraft], subject: list[str], total_rows: int | None,
                warnings: list[str]) -> None:
    """Fill in what depends on other columns."""
    read_in_context(drafts, subject)
    assign_identifiers(drafts, subject, total_rows)
    read_slash_lists_as_division(drafts)
    find_amortised_payments(drafts, warnings)
    for draft in drafts:
        if draft.derived:
            derive_expression(draft, drafts, warnings)
        if draft.constraints.get("expression"):
            for key in ("enum_values", "weights"):
                draft.constraints.pop(key, None)  # 'bmi = weight / (height/100)^2': no list of values
    for draft in drafts:
        if draft.condition_text:
            when = resolve_condition(draft.condition_text, draft, drafts, negated=draft.condition_negated)
            if when:
                draft.constraints["when"] = when
            else:
                warnings.append(f"could not match the condition '{draft.condition_text}' of '{draft.label}' "
                                "to another column; ignored it")
    link_orders(drafts, warnings)
    link_date_offsets(drafts, warnings)
    infer_date_order(drafts)
    infer_number_order(drafts)
    keep_unique_patterns_generatable(drafts)


NETWORK_WORDS = {"server", "log", "network", "dns", "request", "host", "machine", "device", "node", "cluster", "web",
                 "http", "https", "ip", "ssl", "tls", "certificate", "domain", "site", "website", "traffic", "packet",
                 "access", "connection", "firewall", "vm", "container", "pod", "endpoint", "api", "url", "proxy",
                 "router", "scan", "port", "service", "instance", "deployment", "infrastructure", "monitoring"}
PEOPLE_WORDS = {"employee", "staff", "worker", "person", "people", "candidate", "contact", "user", "member",
                "applicant", "hire", "personnel", "team", "colleague", "professional", "lead", "customer", "agent"}


NAMED_THINGS = {"product_name", "company", "city", "country", "department", "product_category", "airport_code"}


# A sports team: a place and a nickname reads like a team ('Riverside Rovers'); a league has about 20.
TEAM_NAMES = [
    "Riverside Rovers", "Northport United", "Eastfield Rangers", "Westbrook Wanderers", "Southgate City",
    "Kingsbridge Athletic", "Ashford Albion", "Millbrook Town", "Harbour View Hawks", "Oakridge Lions",
    "Stonehill Rovers", "Lakeside Falcons", "Greenwood Foxes", "Redcliffe Royals", "Fairhaven Harriers",
    "Bridgeton Bears", "Highfield Hornets", "Cedar Vale County", "Blackwater Pirates", "Silverton Saints",
]
SPORT_WORDS = {"match", "game", "fixture", "league", "season", "tournament", "football", "soccer", "basketball",
               "hockey", "rugby", "cricket", "baseball", "volleyball", "sport", "cup", "championship", "score"}
TEAM_SIDE_WORDS = {"home", "away", "opponent", "opposing", "visiting", "host", "rival", "winning", "losing", "winner"}


def _is_sports_team(draft: FieldDraft, subject: list[str]) -> bool:
    words = set(draft.tokens)
    if not draft.tokens or draft.tokens[-1] not in ("team", "club", "side") or draft.enum_items:
        return False
    return bool(words & TEAM_SIDE_WORDS or set(subject) & SPORT_WORDS)


def read_in_context(drafts: list[FieldDraft], subject: list[str]) -> None:
    """Labels whose meaning depends on what a row is: an employee's 'title' is a job title."""
    things = [fm.classify_tokens([word]) for word in reversed(subject)]
    thing = next((t for t in things if t is not None), None)
    for draft in drafts:
        if draft.type in ("department", "string") and _is_sports_team(draft, subject):
            draft.type, draft.kind = "enum", "enum"  # 'Home Team' in a match: a club, not a department
            draft.constraints["enum_values"] = list(TEAM_NAMES)
        if draft.tokens == ["title"] and draft.type == "sentence" and set(subject) & PEOPLE_WORDS:
            draft.type = "job_title"
        if draft.tokens == ["host", "name"] and draft.type == "domain" and not set(subject) & NETWORK_WORDS:
            draft.type = "full_name"  # a podcast's or an event's 'host name' is a person, a server's is not
        if draft.tokens == ["name"] and draft.type == "full_name" and thing is not None \
                and thing.meaning.type in NAMED_THINGS and not set(subject) & PEOPLE_WORDS:
            draft.type = thing.meaning.type  # a product's 'name' is a product name


def _tokens_of(draft: FieldDraft) -> set[str]:
    return {fm.singular(t) for t in draft.tokens + fm.tokenize(draft.name.replace("_", " "))}


def assign_identifiers(drafts: list[FieldDraft], subject: list[str], total_rows: int | None) -> None:
    """Give code identifiers a readable pattern; the row's own id is unique, others repeat."""
    ids = [d for d in drafts if d.kind == fm.ID and d.type in ("code", "uuid")]
    subject_set = set(subject)
    # Only a column named like an identifier can be the row's own id; a password or seat code cannot.
    named_ids = [d for d in ids if d.type == "uuid" or set(d.tokens) & ID_WORDS or d.needs_id_pattern]
    own = [d for d in named_ids if _entity_of(d) in subject_set and not d.pool]
    own_id = own[0] if own else next((d for d in named_ids if not d.pool), None)
    for draft in ids:
        c = draft.constraints
        is_own = draft is own_id or c.get("unique")
        if is_own and not draft.pool:
            c["unique"] = True
        elif not draft.pool and "cardinality" not in c and (draft.needs_id_pattern or draft.type == "uuid"):
            c["cardinality"] = max(2, min(1000, (total_rows or 1000) // 5))
        if draft.type != "code" or not draft.needs_id_pattern:
            continue
        entity = _entity_of(draft) or (subject[-1] if subject else "id")
        prefix = fm.entity_prefix(entity)
        if draft.pool:
            digits = max(3, len(str(draft.pool)))
        elif c.get("unique"):
            digits = max(8, len(str(total_rows or 0)) + 2)
        else:
            digits = max(4, len(str(c.get("cardinality", 1000))) + 1)
        c["pattern"] = rf"{prefix}-\d{{{digits}}}"


PATTERN_ALPHABETS = {r"\d": 10, "[A-Z]": 26, "[a-z]": 26, "[A-Z0-9]": 36, "[a-z0-9]": 36, "[A-Za-z0-9]": 62, "[0-9a-f]": 16,
                     "[0-9A-F]": 16, "[A-HJ-NPR-Z0-9]": 33, "[A-F]": 6}
MAX_UNIQUE_COMBINATIONS = 2**62


def pattern_combinations(pattern: str) -> float:
    """Roughly how many strings a simple pattern ('ORD-\\d{8}', '[A-Z]{6}') can make."""
    total = 1.0
    for m in re.finditer(r"(\\d|\[[^\]]+\]|\\.|.)(?:\{(\d+)(?:,(\d+))?\})?", pattern):
        size = PATTERN_ALPHABETS.get(m[1], 1)
        total *= float(size) ** int(m[3] or m[2] or 1)
    return total


def keep_unique_patterns_generatable(drafts: list[FieldDraft]) -> None:
    """The engine cannot make a pattern with more than 2**64 values unique; such values never repeat anyway."""
    for draft in drafts:
        c = draft.constraints
        if c.get("unique") and c.get("pattern") and pattern_combinations(c["pattern"]) > MAX_UNIQUE_COMBINATIONS:
            c.pop("unique")


def _entity_of(draft: FieldDraft) -> str:
    words = [t for t in draft.tokens if t not in ID_WORDS]
    return fm.singular(words[-1]) if words else ""


def resolve_field(phrase: str, self_draft: FieldDraft, drafts: list[FieldDraft],
                  kinds: tuple[str, ...] | None = None) -> FieldDraft | None:
    """The column a phrase names: 'unit price' -> unit_price, 'admission' -> admission_date."""
    wanted = [fm.singular(t) for t in fm.tokenize(phrase) if t not in FILLER]
    wanted = [{"qty": "quantity"}.get(t, t) for t in wanted]
    if not wanted:
        return None
    best, best_score = None, None
    for other in drafts:
        if other is self_draft or (kinds and other.kind not in kinds and other.type not in ("age", "date_of_birth")):
            continue
        have = _tokens_of(other) | ({"quantity"} if "qty" in _tokens_of(other) else set())
        overlap = len(set(wanted) & have)
        if overlap == 0:
            continue
        score = (overlap == len(set(wanted)), overlap, -len(have))
        if best_score is None or score > best_score:
            best, best_score = other, score
    return best


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
    return bool(wanted) and any(other is not self_draft and other.kind in NUMERIC_KINDS and wanted <= _tokens_of(other)
                                for other in drafts)


def name_labelled_columns(text: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> str:
    """Write the column labels a formula quotes as their names, longest first: 'price per share' -> price_per_share."""
    labels = sorted(((d.label.lower().strip(), d.name) for d in drafts if d is not self_draft and d.name),
                    key=lambda pair: -len(pair[0]))
    for label, name in labels:
        if not label or label in FORMULA_WORDS:
            continue
        text = re.sub(rf"(?<![\w]){re.escape(label)}(?![\w])", f" {name} ", text)
    return text


def parse_formula(text: str, self_draft: FieldDraft, drafts: list[FieldDraft]) -> str | None:
    """'quantity x unit price' -> 'quantity * unit_price'; '8% of subtotal' -> '0.08 * subtotal'."""
    t = " " + text.lower().strip(" .()") + " "
    t = re.sub(r"[$€£¥]\s?(?=\d)|(?<=\d)\s?[$€£¥]", "", t)  # '€1.20 * distance': the sign is no operand
    t = re.sub(r"(\d+(?:\.\d+)?)\s*%\s*of\s+", lambda m: f"{float(m[1]) / 100:g} * ", t)
    t = name_labelled_columns(t, self_draft, drafts)
    names = {d.name: d for d in drafts if d is not self_draft}
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
        piece = piece.strip(" ()")
        if i % 2 == 1:
            out.append(piece)
            continue
        if re.fullmatch(r"-?\d+(?:\.\d+)?", piece):
            out.append(piece)
            continue
        if piece in names and names[piece].kind in NUMERIC_KINDS:
            out.append(piece)
            continue
        other = resolve_field(piece, self_draft, drafts, kinds=NUMERIC_KINDS)
        if other is None:
            return None
        out.append(other.name)
    return " ".join(out)


def evident_formula(draft: FieldDraft, drafts: list[FieldDraft]) -> str | None:
    """The formula a calculated column's name implies, over the columns that exist."""
    words = _tokens_of(draft)
    inputs = [d for d in drafts if d is not draft and d.kind in NUMERIC_KINDS and (
        not d.derived or draft.name not in re.findall(r"\w+", d.constraints.get("expression") or draft.name))]

    def first(pred):
        return next((d for d in inputs if pred(d)), None)

    if words & {"bmi"}:
        weight = first(lambda d: "weight" in _tokens_of(d))
        height = first(lambda d: "height" in _tokens_of(d))
        if weight and height:
            scale = 100 if float(height.constraints.get("max_value") or 200) > 3 else 1
            h = f"({height.name} / {scale})" if scale != 1 else height.name
            return f"{weight.name} / ({h} * {h})"
    if words & {"profit", "margin", "net"}:
        revenue = first(lambda d: bool(_tokens_of(d) & {"revenue", "sale", "price", "income"}))
        cost = first(lambda d: bool(_tokens_of(d) & {"cost", "expense"}))
        if revenue and cost:
            return f"{revenue.name} - {cost.name}"
    if words & {"tax", "vat"} and not words & {"total"}:
        base = first(lambda d: bool(_tokens_of(d) & {"subtotal", "amount", "price"}) and d.kind == fm.MONEY)
        rate = first(lambda d: d.kind == fm.PERCENT and bool(_tokens_of(d) & {"tax", "vat", "rate"}))
        if base and rate:
            return f"{base.name} * {rate.name} / 100"
    if words & TOTAL_WORDS:
        subtotal = first(lambda d: "subtotal" in _tokens_of(d) and d.kind == fm.MONEY)
        if subtotal and words & {"total"}:
            added = [d.name for d in inputs if d.kind == fm.MONEY and _tokens_of(d) & ADDED_WORDS]
            taken = [d.name for d in inputs if d.kind == fm.MONEY and _tokens_of(d) & SUBTRACTED_WORDS]
            return " ".join([subtotal.name] + [f"+ {n}" for n in added] + [f"- {n}" for n in taken])
        quantity = first(lambda d: d.kind == fm.INT and bool(_tokens_of(d) & QUANTITY_WORDS))
        price = (first(lambda d: d.kind == fm.MONEY and {"unit", "price"} <= _tokens_of(d))
                 or first(lambda d: d.kind == fm.MONEY and bool(_tokens_of(d) & PRICE_WORDS)))
        if quantity and price:
            formula = f"{quantity.name} * {price.name}"
            discount = first(lambda d: bool(_tokens_of(d) & SUBTRACTED_WORDS))
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
    formula = None
    if draft.formula_text:
        formula = parse_formula(draft.formula_text, draft, drafts)
    if formula is None:
        formula = evident_formula(draft, drafts)
    if formula is None:
        warnings.append(f"could not work out how '{draft.label}' is calculated; used random numbers")
        draft.type, draft.kind = ("decimal", fm.MONEY) if draft.kind == fm.MONEY else ("float", fm.FLOAT)
        c.update({"min_value": 0, "max_value": 1000, "decimals": 2})
        return
    names = set(re.findall(r"[a-z_][a-z0-9_]*", formula))
    inputs = [d for d in drafts if d.name in names]
    money = draft.kind == fm.MONEY or any(d.kind == fm.MONEY for d in inputs)
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
        c["decimals"] = c.get("decimals") or 2
        c["expression"] = f"round({formula}, {c['decimals']})"


def _quote(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def resolve_condition(text: str, self_draft: FieldDraft, drafts: list[FieldDraft], negated: bool = False) -> str | None:
    """'payments' -> "transaction_type = 'payment'"; 'status is cancelled' -> "status = 'cancelled'"."""
    text = NEGATED_CONTRACTION_RE.sub(r"\1 not", text.strip().lower())
    numeric = re.match(r"(?P<f>[a-z][a-z _]*?)\s*(?P<op>>=|<=|!=|>|<|==|=|is\s+(?:over|above|greater\s+than|"
                       r"more\s+than|below|under|less\s+than))\s*(?P<n>-?\$?\d+(?:\.\d+)?)", text)
    if numeric:
        other = resolve_field(numeric["f"], self_draft, drafts, kinds=NUMERIC_KINDS)
        if other is not None:
            op = numeric["op"]
            op = ">" if re.search(r"over|above|greater|more", op) else "<" if re.search(r"below|under|less", op) else op
            return f"{other.name} {'=' if op == '==' else op} {numeric['n'].lstrip('$')}"
    negated = negated != bool(re.search(r"\b(?:not|non|unless|except)\b", text))
    words = {fm.singular(t) for t in fm.tokenize(text) if t not in FILLER | {"not", "non", "unless", "except"}}
    if not words:
        return None
    best_field, best_values, best_score = None, [], 0
    for other in drafts:
        if other is self_draft or other.type != "enum":
            continue
        values = other.constraints.get("enum_values") or []
        field_bonus = 2 if words & _tokens_of(other) else 0
        strong, partial = [], []
        for value in values:
            value_words = {fm.singular(t) for t in fm.tokenize(str(value))}
            if value_words and value_words <= words:
                strong.append(value)
            elif value_words & (words - _tokens_of(other)):
                partial.append(value)
        chosen, score = (strong, 10 + field_bonus) if strong else (partial, 5 + field_bonus) if partial else ([], 0)
        if chosen and score > best_score:
            best_field, best_values, best_score = other, chosen, score
    if best_field is not None:
        name = best_field.name
        if len(best_values) == 1:
            clause = f"{name} {'!=' if negated else '='} {_quote(best_values[0])}"
        else:
            clause = f"{name} {'NOT IN' if negated else 'IN'} ({', '.join(_quote(v) for v in best_values)})"
        return clause
    for other in drafts:
        if other is self_draft or not words & (_tokens_of(other) - {"is", "has"}):
            continue
        if other.type == "boolean":
            return f"{other.name} = {'FALSE' if negated else 'TRUE'}"
        # 'only if paid' over a yes/no column means paid = 'yes'
        values = other.constraints.get("enum_values") or [] if other.type == "enum" else []
        wanted = FALSY_WORDS if negated else TRUTHY_WORDS
        flag = next((v for v in values if str(v).lower() in wanted), None)
        if flag is not None:
            return f"{other.name} = {_quote(flag)}"
    return None


def link_orders(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """'clicked (no more than opened)': order against the named column, wherever it comes in the list.
    A column known only by its order ('opened (no more than sent)') takes the type of the column it
    follows, so the reference from 'clicked' resolves on the next pass."""
    pending = [(draft, direction, ref) for draft in drafts for direction, ref in draft.order_refs]
    for _ in range(3):
        left = []
        for draft, direction, ref in pending:
            other = resolve_field(ref, draft, drafts, kinds=(fm.TEMPORAL,) + NUMERIC_KINDS)
            if other is None:
                left.append((draft, direction, ref))
                continue
            if _type_like(draft, direction, other):
                unknown = f"could not understand '{draft.label}'; used a text column"
                warnings[:] = [w for w in warnings if w != unknown]
            _order(draft, direction, other)
        if len(left) == len(pending):
            break
        pending = left
    for draft, direction, ref in pending:
        warnings.append(f"could not find the column '{ref}' that '{draft.label}' comes {direction}")


def _type_like(draft: FieldDraft, direction: str, other: FieldDraft) -> bool:
    """An untyped column compared with a number is a number of the same kind, between 0 and the other's top;
    a number with no range of its own kept below another ('claim amount, never more than the limit') spans it."""
    c, oc = draft.constraints, other.constraints
    if draft.type == "date" and other.type == "datetime" and draft.tokens and draft.tokens[-1] != "date" \
            and not draft.period:
        draft.type = "datetime"  # 'shift end (never before shift start)' keeps the start's time of day
        return False
    if other.kind == fm.TEMPORAL and other.type in ("date", "datetime") and draft.type == "string" \
            and not draft.meaning_known and not draft.enum_items:
        draft.type, draft.kind, draft.meaning_known = other.type, fm.TEMPORAL, True  # 'arrival (after departure)'
        return True
    if other.kind not in NUMERIC_KINDS or draft.enum_items or draft.derived:
        return False
    if draft.kind in NUMERIC_KINDS and draft.numeric_range is None and direction == "before":
        low, high = oc.get("min_value"), oc.get("max_value")
        if isinstance(low, (int, float)) and isinstance(high, (int, float)) and "min_value" in c:
            c["min_value"], c["max_value"] = min(0, low), high
        return False
    if draft.meaning_known or draft.type != "string":
        return False
    draft.type, draft.kind = other.type, other.kind
    low, high = oc.get("min_value"), oc.get("max_value")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)):
        if direction == "before":
            c["min_value"], c["max_value"] = min(0, low), high
        else:
            c["min_value"], c["max_value"] = low, high + (high - low)
    for key in ("decimals",):
        if key in oc:
            c[key] = oc[key]
    draft.meaning_known = True
    return True


def link_date_offsets(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """'Due date (14 days after the loan date)' -> date_add(loan_date, 14)."""
    for draft in drafts:
        if not draft.date_offset or draft.derived:
            continue
        days, ref = draft.date_offset
        other = resolve_field(ref, draft, drafts, kinds=(fm.TEMPORAL,))
        if other is None or other.type not in ("date", "datetime"):
            warnings.append(f"could not find the date '{ref}' that '{draft.label}' is counted from")
            continue
        c = draft.constraints
        for key in ("min_value", "max_value", "after", "before", "step", "distribution"):
            c.pop(key, None)
        if draft.type not in ("date", "datetime"):
            draft.type = other.type
            unknown = f"could not understand '{draft.label}'; used a text column"
            warnings[:] = [w for w in warnings if w != unknown]
        draft.kind = fm.TEMPORAL
        c["expression"] = f"date_add({other.name}, {days})"


PAYMENT_WORDS = {"payment", "instalment", "installment", "repayment", "emi", "annuity"}
PRINCIPAL_WORDS = {"principal", "loan", "amount", "balance", "mortgage", "financed", "borrowed"}
RATE_WORDS = {"rate", "interest", "apr"}
TERM_WORDS = {"term", "tenor", "tenure", "duration", "months", "period", "maturity"}


def find_amortised_payments(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """'monthly payment (standard amortised payment)' beside principal, rate and term columns: the annuity
    formula principal * r / (1 - (1 + r)^-n) with r the monthly rate."""
    for draft in drafts:
        words = _tokens_of(draft)
        if draft.derived or not words & PAYMENT_WORDS or draft.numeric_range is not None or draft.enum_items:
            continue
        if not ("monthly" in words or re.search(r"amorti[sz]|annuity|instal+ment|emi\b", draft.description, re.I)):
            continue
        numeric = [d for d in drafts if d is not draft and d.kind in NUMERIC_KINDS + ("enum",)]

        def pick(wanted, pred=lambda d: True):
            return next((d for d in numeric if _tokens_of(d) & wanted and pred(d)), None)

        principal = pick(PRINCIPAL_WORDS - {"amount"}, lambda d: d.kind == fm.MONEY) or pick(
            PRINCIPAL_WORDS, lambda d: d.kind == fm.MONEY and not _tokens_of(d) & PAYMENT_WORDS)
        rate = pick(RATE_WORDS, lambda d: d.kind in (fm.FLOAT, fm.PERCENT))
        term = pick(TERM_WORDS, lambda d: d.kind == fm.INT or (d.type == "enum" and all(
            isinstance(v, int) for v in d.constraints.get("enum_values") or ["x"])))
        if not (principal and rate and term):
            continue
        top = rate.constraints.get("max_value")
        monthly = f"({rate.name} / 1200)" if not isinstance(top, (int, float)) or top > 1 else f"({rate.name} / 12)"
        months = f"({term.name} * 12)" if _tokens_of(term) & {"year", "yr"} else term.name
        draft.derived, draft.formula_text = True, None
        draft.type, draft.kind = "decimal", fm.MONEY
        for key in ("min_value", "max_value", "distribution", "cardinality"):
            draft.constraints.pop(key, None)
        draft.constraints["decimals"] = 2
        draft.constraints["expression"] = (f"round({principal.name} * {monthly} / "
                                           f"(1 - pow(1 + {monthly}, -{months})), 2)")
        unknown = f"could not understand '{draft.label}'; used a text column"
        warnings[:] = [w for w in warnings if w != unknown]


def _depends_on(draft: FieldDraft, other: FieldDraft) -> bool:
    return other.constraints.get("after") == draft.name or other.constraints.get("before") == draft.name


def _order(draft: FieldDraft, direction: str, other: FieldDraft) -> None:
    if _depends_on(other, draft):
        return
    c = draft.constraints
    c[direction] = other.name
    if draft.kind == fm.TEMPORAL and draft.period is None:
        # No range of its own: the engine places it a short gap from the other date.
        c.pop("min_value", None)
        c.pop("max_value", None)


HIGH_WORDS = {"max", "maximum", "high", "highest", "upper", "peak", "end", "final"}
LOW_WORDS = {"min", "minimum", "low", "lowest", "lower", "start", "initial"}


def infer_number_order(drafts: list[FieldDraft]) -> None:
    """'Max temperature' stays >= 'Min temperature' when both exist."""
    numeric = [d for d in drafts if d.kind in NUMERIC_KINDS and not d.derived and d.type != "enum"]
    for draft in numeric:
        words = _tokens_of(draft)
        if not words & HIGH_WORDS or "after" in draft.constraints or "before" in draft.constraints:
            continue
        rest = words - HIGH_WORDS
        for other in numeric:
            other_words = _tokens_of(other)
            if other is not draft and other_words & LOW_WORDS and other_words - LOW_WORDS == rest and rest \
                    and not _depends_on(draft, other):
                _order(draft, "after", other)
                break


def infer_date_order(drafts: list[FieldDraft]) -> None:
    """'Ship date' follows 'Order date', 'Discharge date' follows 'Admission date' when both exist."""
    temporal = [d for d in drafts if d.type in ("date", "datetime")]
    for draft in temporal:
        if "after" in draft.constraints or "before" in draft.constraints or draft.derived \
                or draft.constraints.get("expression"):
            continue
        words = _tokens_of(draft)
        if "check" in words and "out" in words:
            words = words | {"checkout"}
        for later, earlier in DATE_ORDER:
            if not words & later:
                continue
            candidates = []
            for other in temporal:
                other_words = _tokens_of(other)
                if "check" in other_words and "in" in other_words:
                    other_words = other_words | {"checkin"}
                if other is draft or not other_words & set(earlier) or other_words & later:
                    continue
                if _depends_on(draft, other) or other.constraints.get("after") == draft.name:
                    continue
                rank = min(earlier.index(w) for w in other_words & set(earlier))
                candidates.append((rank, drafts.index(other), other))
            if candidates:
                _order(draft, "after", min(candidates, key=lambda c: c[:2])[2])
                break
