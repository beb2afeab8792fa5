"""A column while it is being read: label, what the qualifiers said, and the type chosen so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from src.extraction import phrases as ph
from src.extraction import shapes as sh


@dataclass
class FieldDraft:
    label: str
    name: str = ""
    source: str = ""  # the words this column was read from (a user's item, or a template's column)
    type: str = "string"
    kind: str = "text"
    description: str = ""
    constraints: dict[str, Any] = field(default_factory=dict)
    tokens: list[str] = field(default_factory=list)
    meaning_known: bool = False
    type_hint: str | None = None
    derived: bool = False
    formula_text: str | None = None
    slash_list_text: str | None = None  # 'a / b / c': a value list, or a division if every part names a column
    condition_text: str | None = None
    condition_negated: bool = False
    order_refs: list[tuple[str, str]] = field(default_factory=list)
    # 'never more than enrolled', 'no more than 20% of salary': (before|after, share or None, words, own low)
    column_bound: tuple[str, float | None, str, float | None] | None = None
    share_of: "FieldDraft | None" = None  # a share column added for the draft bounded by a share of another
    counter: tuple[int, int] | None = None  # 'sequential integer starting at 1': (start, step)
    counter_group: str | None = None  # 'counter per show': the group it would restart for
    date_gap: tuple[int, int, str, str] | None = None  # '1-5 days after ordering': (lo, hi days, after|before, words)
    date_offset: tuple[int, str] | None = None  # '14 days after the loan date': (days, the other date's words)
    enum_items: list[ph.ListItem] | None = None
    values_assumed: bool = False  # no values were written: the enum holds its meaning's defaults
    numeric_range: ph.NumericRange | None = None
    period: ph.Period | None = None
    ages: tuple[int, int] | None = None
    step: str | None = None
    length: sh.LengthRule | None = None
    pool: int | None = None
    decimals: int | None = None
    distribution: dict[str, Any] | None = None
    units: list[str] = field(default_factory=list)
    counts_things: bool = False  # 'number of guests', '5-20 seats': the number counts whole things
    leftover: str = ""
    rest_text: str = ""
    needs_id_pattern: bool = False
    value_map: Any = None  # value_maps.ValueMap: a number fixed per value of another column
    example: str | None = None  # 'e.g. CA482913': the example a pattern was read from
