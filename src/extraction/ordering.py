"""Order between columns: 'after the order date', 'no more than opened', '14 days after the loan date', and the
order that names imply (ship date after order date, max after min)."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.columns import NUMERIC_KINDS, resolve_field, tokens_of
from src.extraction.drafts import FieldDraft
from src.extraction.gaps import resolve_date


# (words of a later date, words of the dates it follows, most likely first).
DATE_ORDER = [
    ({"end", "finish", "finished", "completion", "completed", "stop"}, ("start", "begin", "started", "beginning")),
    ({"discharge", "discharged"}, ("admission", "admit", "admitted")),
    ({"checkout"}, ("checkin",)),
    ({"delivery", "delivered", "arrival", "received"}, ("ship", "shipped", "shipping", "dispatch", "dispatched",
                                                         "departure", "order", "purchase", "sent")),
    ({"ship", "shipped", "shipping", "dispatch", "dispatched", "fulfillment"}, ("order", "purchase", "placed")),
    ({"return", "returned"}, ("delivery", "delivered", "departure", "purchase", "order", "checkout", "borrowed",
                              "borrow", "loan", "loaned", "lent", "rental", "rented", "pickup", "hire", "hired", "out")),
    ({"grant", "granted", "approval", "approved", "award", "awarded", "acceptance", "accepted", "publication",
      "published", "decision", "decided"}, ("filing", "filed", "application", "applied", "submission", "submitted",
                                            "request", "requested")),
    ({"acquired", "acquisition", "purchased", "bought", "sold"}, ("made", "built", "manufactured", "produced",
                                                                   "created", "minted", "painted", "founded")),
    ({"resolved", "resolution", "closed", "close", "solved"}, ("created", "opened", "open", "reported",
                                                               "submitted", "raised")),
    ({"updated", "modified", "last"}, ("created", "registration", "registered", "signup", "joined", "join")),
    ({"due"}, ("issue", "issued", "invoice", "billing")),
    ({"expiry", "expiration", "expires", "expire", "renewal"}, ("issue", "issued", "start", "purchase", "signup")),
    ({"payment", "paid"}, ("invoice", "issue", "issued", "billing")),
]


def link_orders(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """'clicked (no more than opened)': order against the named column, wherever it comes in the list.
    A column known only by its order ('opened (no more than sent)') takes the type of the column it
    follows, so the reference from 'clicked' resolves on the next pass."""
    pending = [(draft, direction, ref) for draft in drafts for direction, ref in draft.order_refs]
    for _ in range(3):
        left = []
        for draft, direction, ref in pending:
            other = resolve_field(ref, draft, drafts, kinds=(fm.TEMPORAL,) + NUMERIC_KINDS) \
                or resolve_date(ref, draft, drafts)  # 'after ordering' -> the order date
            if other is None:
                left.append((draft, direction, ref))
                continue
            if _type_like(draft, direction, other):
                unknown = f"could not understand '{draft.label}'; used a text column"
                warnings[:] = [w for w in warnings if w != unknown]
            order_after_or_before(draft, direction, other)
        if len(left) == len(pending):
            break
        pending = left
    for draft, direction, ref in pending:
        warnings.append(f"could not find the column '{ref}' that '{draft.label}' comes {direction}")


def _type_like(draft: FieldDraft, direction: str, other: FieldDraft) -> bool:
    """An untyped column compared with a number is a number of the same kind, between 0 and the other's top;
    a number with no range of its own kept below another ('claim amount, never more than the limit') spans it."""
    c, oc = draft.constraints, other.constraints
    if draft.type in ("date", "time") and other.type == "datetime" and draft.tokens \
            and (draft.type == "time" or draft.tokens[-1] != "date") and not draft.period:
        draft.type = "datetime"  # 'shift end (never before shift start)', 'return time (after pickup)': a moment too
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
        other = resolve_field(ref, draft, drafts, kinds=(fm.TEMPORAL,)) or resolve_date(ref, draft, drafts)
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


def depends_on(draft: FieldDraft, other: FieldDraft) -> bool:
    return other.constraints.get("after") == draft.name or other.constraints.get("before") == draft.name


def order_after_or_before(draft: FieldDraft, direction: str, other: FieldDraft) -> None:
    if depends_on(other, draft):
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
        words = tokens_of(draft)
        if not words & HIGH_WORDS or "after" in draft.constraints or "before" in draft.constraints:
            continue
        rest = words - HIGH_WORDS
        for other in numeric:
            other_words = tokens_of(other)
            if other is not draft and other_words & LOW_WORDS and other_words - LOW_WORDS == rest and rest \
                    and not depends_on(draft, other) and _ranges_allow_order(draft, other):
                order_after_or_before(draft, "after", other)
                break


PAIR_LATER = {"to", "until", "till", "through", "thru", "end", "expiry", "last"}
PAIR_EARLIER = {"from", "since", "start", "begin", "first"}


def infer_pair_order(drafts: list[FieldDraft]) -> None:
    """'valid to' follows 'valid from', 'period end' 'period start': the same words but for the pair's word."""
    temporal = [d for d in drafts if d.type in ("date", "datetime") and not d.derived
                and not {"after", "before", "expression"} & set(d.constraints)]
    for draft in temporal:
        words = tokens_of(draft)
        if not words & PAIR_LATER:
            continue
        rest = words - PAIR_LATER
        other = next((o for o in drafts if o is not draft and o.type in ("date", "datetime")
                      and tokens_of(o) & PAIR_EARLIER and tokens_of(o) - PAIR_EARLIER == rest), None)
        if other is not None and not depends_on(draft, other) and _ranges_allow_order(draft, other):
            order_after_or_before(draft, "after", other)


def _ranges_allow_order(high: FieldDraft, low: FieldDraft) -> bool:
    """'start charge 60-100, end charge 5-50': the stated ranges say the end is no upper bound of the start."""
    top, other_top = high.constraints.get("max_value"), low.constraints.get("max_value")
    return not (isinstance(top, (int, float)) and isinstance(other_top, (int, float)) and top < other_top)


def infer_date_order(drafts: list[FieldDraft]) -> None:
    """'Ship date' follows 'Order date', 'Discharge date' follows 'Admission date' when both exist."""
    temporal = [d for d in drafts if d.type in ("date", "datetime")]
    temporal += [d for d in drafts if d.type == "integer" and "year" in d.tokens]  # 'year acquired' after 'year made'
    for draft in temporal:
        if "after" in draft.constraints or "before" in draft.constraints or draft.derived \
                or draft.constraints.get("expression"):
            continue
        words = tokens_of(draft)
        if "check" in words and "out" in words:
            words = words | {"checkout"}
        for later, earlier in DATE_ORDER:
            if not words & later:
                continue
            candidates = []
            for other in temporal:
                other_words = tokens_of(other)
                if "check" in other_words and "in" in other_words:
                    other_words = other_words | {"checkin"}
                if other is draft or not other_words & set(earlier) or other_words & later \
                        or (other.type == "integer") != (draft.type == "integer"):
                    continue
                if depends_on(draft, other) or other.constraints.get("after") == draft.name:
                    continue
                rank = min(earlier.index(w) for w in other_words & set(earlier))
                candidates.append((rank, drafts.index(other), other))
            if candidates:
                order_after_or_before(draft, "after", min(candidates, key=lambda c: c[:2])[2])
                break


BAR_WORDS = ("open", "high", "low", "close")
BAR_EXTRA_WORDS = {"price", "prices", "px", "rate", "value", "level"}
PRICE_RANGE_RE = re.compile(r"\bprices?\b[^.;]{0,30}?\b(?:between|from)\s+\$?(?P<lo>\d[\d,]*(?:\.\d+)?)\s*(?:and|to|-)\s*"
                            r"\$?(?P<hi>\d[\d,]*(?:\.\d+)?)", re.I)
DEFAULT_BAR_RANGE = (10.0, 500.0)


def link_price_bars(drafts: list[FieldDraft], text: str) -> None:
    """Open, high, low and close of a bar (a candle): low <= open, close <= high on every row, whatever words
    stated it ('high is the max of open and close', 'low <= open/close <= high') or none at all."""
    bars: dict[str, FieldDraft] = {}
    for draft in drafts:
        words = tokens_of(draft) - BAR_EXTRA_WORDS
        if len(words) == 1 and next(iter(words)) in BAR_WORDS and draft.type != "boolean":
            bars.setdefault(next(iter(words)), draft)
    if not {"high", "low"} <= set(bars) or not {"open", "close"} & set(bars):
        return
    ranged = next((bars[w] for w in BAR_WORDS if w in bars and bars[w].numeric_range is not None), None)
    lo, hi = DEFAULT_BAR_RANGE
    if ranged is not None:
        low_value, high_value = ranged.constraints.get("min_value"), ranged.constraints.get("max_value")
        if isinstance(low_value, (int, float)) and isinstance(high_value, (int, float)):
            lo, hi = float(low_value), float(high_value)
    stated = PRICE_RANGE_RE.search(text)
    if ranged is None and stated:
        lo, hi = float(stated["lo"].replace(",", "")), float(stated["hi"].replace(",", ""))
    decimals = 4 if hi <= 10 else 2
    for draft in bars.values():
        draft.order_refs, draft.derived, draft.formula_text, draft.enum_items = [], False, None, None
        draft.type, draft.kind, draft.meaning_known = "decimal", fm.MONEY, True
        c = draft.constraints
        for key in ("enum_values", "weights", "expression", "after", "before", "pattern", "min_length", "max_length"):
            c.pop(key, None)
        c.update({"min_value": lo, "max_value": hi, "decimals": decimals})
    low, high = bars["low"], bars["high"]
    opening = [bars[w] for w in ("open", "close") if w in bars]
    low.constraints["before"] = opening[0].name  # low <= open; the close then lies between low and the top
    for other in opening[1:]:
        other.constraints["after"] = low.name
    top = f"greatest({', '.join(d.name for d in opening)})" if len(opening) > 1 else opening[0].name
    high.constraints.update({"expression": f"round({top} + ({top} - {low.name}) * 0.5, {decimals})"})
    for key in ("min_value", "max_value"):
        high.constraints.pop(key, None)
    high.derived = True
