"""A number bounded by another column, in words: 'never more than enrolled', '0 up to the gross income',
'a bonus of no more than 20% of salary', 'discount at most a tenth of the price', 'deposit at least half the
rent'. The qualifier reader keeps the words (``read_column_bound``); ``link_column_bounds`` resolves them once
every column has its draft: a plain bound is an order rule, a share of another column is that column times a
share column the row draws (named in the warnings), so the bound holds on every row."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction.columns import NUMBER_TYPES, NUMERIC_KINDS, resolve_field
from src.extraction.drafts import FieldDraft
from src.extraction.ordering import order_after_or_before


# Shares written in words: 'a tenth of', 'half the', 'two thirds of'.
SHARE_WORDS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
               "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75,
               "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1, "one tenth": 0.1, "a twentieth": 0.05,
               "twice": 2.0, "double": 2.0, "three times": 3.0, "triple": 3.0}
SHARE = (r"(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s*(?:of\s+)?|"
         r"(?P<word>" + "|".join(sorted((re.escape(w) for w in SHARE_WORDS), key=len, reverse=True)) + r")\s+(?:of\s+)?")
UPPER = (r"no\s+more\s+than|not\s+more\s+than|never\s+more\s+than|at\s+most|up\s+to|capped\s+at|"
         r"not\s+exceeding|never\s+exceeding|never\s+(?:above|over|exceeds?)|no\s+(?:higher|greater)\s+than|"
         r"(?:must|should|shall|will|can|may|does|do|is|are)\s+not\s+(?:exceed|be\s+(?:more|greater|higher)\s+than)|"
         r"cannot\s+(?:exceed|be\s+(?:more|greater|higher)\s+than)|can['’]t\s+exceed|not\s+to\s+exceed|"
         r"less\s+than\s+or\s+equal\s+to|(?:a\s+)?max(?:imum)?\s+of|<=|≤")
LOWER = (r"no\s+less\s+than|not\s+less\s+than|never\s+less\s+than|at\s+least|a\s+min(?:imum)?\s+of|"
         r"never\s+(?:below|under)|greater\s+than\s+or\s+equal\s+to|>=|≥|never\s+(?:falls?|drops?|goes)\s+below|"
         r"(?:must|should|shall|will|can|may|does|do|is|are)\s+not\s+(?:be\s+)?(?:less|lower|smaller|fewer)\s+than|"
         r"cannot\s+be\s+(?:less|lower|smaller|fewer)\s+than")
# Words that end the other column's name: 'up to the gross income (never more)', '... of salary, 2 decimals'.
REF = r"(?:the\s+|their\s+|its\s+|his\s+|her\s+|each\s+)?(?P<ref>[a-z][a-z _'-]*?)"
BOUND_RE = re.compile(
    rf"(?:(?:from\s+|between\s+)?(?P<low>{ph.NUMBER})\s*(?:-|–|to|and)?\s*)?\b(?P<dir>{UPPER}|{LOWER})\s+"
    rf"(?:{SHARE})?{REF}\s*(?=$|[,;().]|\s+(?:and|with|per|rounded|but|so|plus)\b)", re.I)
BOUND_WORDS_RE = re.compile(r"\b(?:more|most|least|less|up|max|maximum|min|minimum|never|capped|exceed|exceeding|higher|lower|"
                            r"greater)\b|[<>≤≥]", re.I)
# 'up to now', 'at most 3 days', 'up to date': not another column.
NOT_A_COLUMN = {"now", "today", "yesterday", "date", "present", "here", "there", "it", "them", "that", "this",
                "one", "two", "three", "once", "twice", "a", "an", "never"}


def read_column_bound(draft: FieldDraft, text: str) -> str:
    """Take 'never more than enrolled' or 'no more than 20% of salary' out of the text into the draft."""
    if not BOUND_WORDS_RE.search(text):
        return text  # most columns: a cheap test first
    for m in BOUND_RE.finditer(text):
        ref = m["ref"].strip()
        if not ref or ref.split()[0].lower() in NOT_A_COLUMN or re.match(r"\d", ref):
            continue
        share = float(m["pct"]) / 100 if m["pct"] else SHARE_WORDS.get((m["word"] or "").lower())
        if share is None and m["dir"].lower() == "up to" and not m["low"] and not _is_numeric_label(draft):
            continue  # 'history up to the present': only a number is bounded by another column
        low = ph.parse_number(m["low"]) if m["low"] else None
        direction = "before" if re.match(UPPER, m["dir"], re.I) else "after"
        draft.column_bound = (direction, share, ref, low.value if low is not None else None)
        return ph.cut(text, m)
    return text


def _is_numeric_label(draft: FieldDraft) -> bool:
    found = fm.classify_tokens(draft.tokens)
    return found is None or found.meaning.kind in NUMERIC_KINDS


def link_column_bounds(drafts: list[FieldDraft], warnings: list[str]) -> list[FieldDraft]:
    """Resolve each draft's column bound; answer the share columns added (to go right before their draft)."""
    added: list[FieldDraft] = []
    pending = [d for d in drafts if d.column_bound and not d.derived]
    for _ in range(3):  # 'clicked (no more than opened), opened (no more than sent)': opened is a number first
        left = [d for d in pending if _bounding_column(d, drafts) is None]
        for draft in [d for d in pending if d not in left]:
            added.extend(_link_bound(draft, drafts, warnings))
        if len(left) == len(pending):
            break
        pending = left
    for draft in pending:
        warnings.append(f"could not find the column '{draft.column_bound[2]}' that bounds '{draft.label}'; "
                        "ignored the bound")
    for share_draft in added:
        drafts.insert(drafts.index(share_draft.share_of), share_draft)
    return added


def _bounding_column(draft: FieldDraft, drafts: list[FieldDraft]) -> FieldDraft | None:
    numbers = [d for d in drafts if d.kind in NUMERIC_KINDS or d.type in NUMBER_TYPES]
    return resolve_field(draft.column_bound[2], draft, numbers)


def _link_bound(draft: FieldDraft, drafts: list[FieldDraft], warnings: list[str]) -> list[FieldDraft]:
    direction, share, ref, low = draft.column_bound
    other = _bounding_column(draft, drafts)
    _take_number_type(draft, other, warnings)
    if share is not None:
        return [_share_column(draft, other, direction, share, warnings)]
    order_after_or_before(draft, direction, other)
    if low is not None:
        draft.constraints["min_value"] = low
        top = other.constraints.get("max_value")
        if isinstance(top, (int, float)):
            draft.constraints["max_value"] = top
    return []


def _take_number_type(draft: FieldDraft, other: FieldDraft, warnings: list[str]) -> None:
    """A column kept below or above a number is a number: 'present students, never more than enrolled'."""
    low, high = other.constraints.get("min_value"), other.constraints.get("max_value")
    spans = isinstance(low, (int, float)) and isinstance(high, (int, float))
    if draft.kind in NUMERIC_KINDS and draft.type not in ("enum", "code"):
        if draft.numeric_range is None and spans:  # 'claim amount (never more than the limit)' spans the limit
            draft.constraints["min_value"], draft.constraints["max_value"] = min(0, low), high
        return
    draft.type, draft.kind, draft.meaning_known = other.type, other.kind, True
    draft.constraints = {k: v for k, v in draft.constraints.items() if k in ("nullable", "null_probability", "when")}
    for key in ("decimals",):
        if other.constraints.get(key) is not None:
            draft.constraints[key] = other.constraints[key]
    if spans:  # within the other's span, never below 0
        draft.constraints["min_value"], draft.constraints["max_value"] = min(0, low), high
    unknown = f"could not understand '{draft.label}'; used a text column"
    warnings[:] = [w for w in warnings if w != unknown and not w.startswith(f"no values listed for '{draft.label}'")]


def _share_column(draft: FieldDraft, other: FieldDraft, direction: str, share: float,
                  warnings: list[str]) -> FieldDraft:
    """'bonus no more than 20% of salary' -> bonus = salary * bonus_share / 100, with bonus_share in 0..20."""
    top_pct = round(share * 100, 4)
    lo_pct, hi_pct = (0.0, top_pct) if direction == "before" else (top_pct, max(100.0, top_pct))
    share_draft = FieldDraft(label=f"{draft.label} share", name=f"{draft.name}_share_pct", type="float",
                             kind=fm.PERCENT, tokens=fm.tokenize(f"{draft.label} share"), meaning_known=True,
                             description=f"share of {other.name} that {draft.name} is, in percent",
                             source=draft.source)
    share_draft.constraints = {"min_value": lo_pct, "max_value": hi_pct, "decimals": 2}
    share_draft.share_of = draft
    money = draft.kind == fm.MONEY or other.kind == fm.MONEY
    decimals = 2 if money else draft.constraints.get("decimals", 2)
    draft.type, draft.kind = ("decimal", fm.MONEY) if money else ("float", fm.FLOAT)
    keep = {k: v for k, v in draft.constraints.items() if k in ("nullable", "null_probability", "when")}
    rounding = "floor" if direction == "before" else "ceil"  # rounding never breaks the bound
    scale = 10 ** decimals
    keep.update({"decimals": decimals, "expression":
                 f"{rounding}({other.name} * {share_draft.name} / 100 * {scale}) / {scale}"})
    draft.constraints, draft.derived = keep, True
    words = "no more than" if direction == "before" else "at least"
    warnings.append(f"'{draft.label}' is {words} {top_pct:g}% of '{other.name}': added '{share_draft.name}' "
                    f"({lo_pct:g}-{hi_pct:g}%) and computed {draft.name} from it")
    return share_draft
