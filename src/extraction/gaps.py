"""One date a bounded gap after another, in everyday words: 'ships 1-5 days after ordering', 'returned within
30 days of purchase', 'due 2 to 4 weeks after the invoice'. The gap is a whole number of days the row draws
(a column of its own, named in the warnings), and the later date is the earlier one plus that gap, so the
order and the bound hold on every row."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction.columns import resolve_field
from src.extraction.drafts import FieldDraft


COUNT = r"\d{1,4}|a|an|one|two|three|four|five|six|seven|ten|twelve|fifteen|twenty|thirty"
UNIT = r"(?:business\s+|working\s+|calendar\s+)?(?P<u>days?|weeks?|months?)"
REF = r"(?:the\s+|its\s+|their\s+)?(?P<ref>[a-z][a-z _'-]*?)\s*(?=$|[,;.)]|\s+(?:and|with|but|so)\b)"
AFTER = r"after|later\s+than|following|from|past"
BEFORE = r"before|prior\s+to|earlier\s+than"
GAP_RES = (
    re.compile(rf"(?:\b(?:between|from)\s+)?\b(?P<lo>{COUNT})\s*(?:-|–|to|and|or)\s*(?P<hi>{COUNT})\s*{UNIT}\s+"
               rf"(?P<dir>{AFTER}|{BEFORE})\s+{REF}", re.I),
    re.compile(rf"\b(?:within|up\s+to|at\s+most|no\s+more\s+than|no\s+later\s+than)\s+(?P<hi>{COUNT})\s*{UNIT}\s+"
               rf"(?P<dir>{AFTER}|of|{BEFORE})\s+{REF}", re.I),
    # 'at least 2 days after the order', 'no sooner than 3 days after': a low bound, a month of slack above it
    re.compile(rf"\b(?:at\s+least|a\s+minimum\s+of|minimum|min\.?|no\s+(?:sooner|earlier)\s+than)\s+(?P<least>{COUNT})\s*"
               rf"{UNIT}\s+(?P<dir>{AFTER}|{BEFORE})\s+{REF}", re.I),
)
LEAST_SLACK_DAYS = 30
UNIT_DAYS = {"d": 1, "w": 7, "m": 30}


# 'within 30 minutes of the call', '5-20 minutes after dispatch': a gap shorter than the whole days date_add
# counts; the order still holds on every row.
CLOCK_GAP_RE = re.compile(
    rf"\b(?:(?:within|up\s+to|at\s+most|no\s+more\s+than|at\s+least)\s+(?:{COUNT})|(?:{COUNT})\s*(?:-|–|to)\s*(?:{COUNT}))"
    rf"\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)\s+(?P<dir>{AFTER}|of|{BEFORE})\s+{REF}", re.I)


def read_date_gap(draft: FieldDraft, text: str) -> str:
    """Take '1-5 days after ordering' or 'within 30 days of purchase' out of the text into the draft."""
    clock = CLOCK_GAP_RE.search(text)
    if clock:
        draft.order_refs.append(("before" if re.match(BEFORE, clock["dir"], re.I) else "after", clock["ref"].strip()))
        return ph.cut(text, clock)
    if not re.search(r"\b(?:days?|weeks?|months?)\b", text, re.I):
        return text
    for pattern in GAP_RES:
        m = pattern.search(text)
        if m is None:
            continue
        days = UNIT_DAYS[m["u"][0].lower()]
        if m.groupdict().get("least"):
            lo = _count(m["least"])
            hi = None if lo is None else lo + -(-LEAST_SLACK_DAYS // days)
        else:
            lo, hi = _count(m.groupdict().get("lo") or "0"), _count(m["hi"])
        if lo is None or hi is None or hi < lo:
            continue
        direction = "before" if re.match(BEFORE, m["dir"], re.I) else "after"
        draft.date_gap = (lo * days, hi * days, direction, m["ref"].strip())
        return ph.cut(text, m)
    return text


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else ph.NUMBER_WORDS.get(word.lower())


def resolve_date(words: str, draft: FieldDraft, drafts: list[FieldDraft]) -> FieldDraft | None:
    """The date a phrase names, verbs too: 'ordering' -> order date, 'posting' -> posted on."""
    dates = [d for d in drafts if d.type in ("date", "datetime") and d is not draft]
    found = resolve_field(words, draft, dates)
    if found is not None:
        return found
    wanted = {_stem(t) for t in fm.tokenize(words)} - {"the", "date", "time", "day"}
    return next((d for d in dates if wanted & {_stem(t) for t in d.tokens}), None)


def _stem(word: str) -> str:
    return re.sub(r"(?:ing|ed|e|s)$", "", word) if len(word) > 4 else word


def link_date_gaps(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """Each bounded gap as a gap column and date_add over the earlier date."""
    for draft in list(drafts):
        if not draft.date_gap or draft.derived or draft.constraints.get("expression"):
            continue
        lo, hi, direction, ref = draft.date_gap
        other = resolve_date(ref, draft, drafts)
        if other is None:
            warnings.append(f"could not find the date '{ref}' that '{draft.label}' is counted from; ignored the gap")
            continue
        if draft.type not in ("date", "datetime"):
            draft.type = other.type
            unknown = f"could not understand '{draft.label}'; used a text column"
            warnings[:] = [w for w in warnings if w != unknown]
        draft.kind, draft.meaning_known, draft.order_refs = fm.TEMPORAL, True, []
        gap = FieldDraft(label=f"{draft.label} gap days", name=f"{draft.name}_gap_days", type="integer", kind=fm.INT,
                         tokens=fm.tokenize(f"{draft.label} gap days"), meaning_known=True, source=draft.source,
                         description=f"days from {other.name} to {draft.name}")
        gap.constraints = {"min_value": lo, "max_value": hi}
        keep = {k: v for k, v in draft.constraints.items() if k in ("nullable", "null_probability", "when")}
        sign = "-" if direction == "before" else ""
        draft.constraints = {**keep, "expression": f"date_add({other.name}, {sign}{gap.name})"}
        drafts.insert(drafts.index(draft), gap)
        warnings.append(f"'{draft.label}' is {lo}-{hi} days {direction} '{other.name}': added '{gap.name}' "
                        f"({lo}-{hi}) and computed {draft.name} from it")
