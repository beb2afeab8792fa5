"""What the entity split hands on: one draft per table, with its own words and how it relates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from src.engine.semantics import singular, tokenize
from src.extraction import field_meaning as fm
from src.extraction.relational.counts import ChildCount
from src.extraction.templates import find_template

# A phrase ending in one of these names a column of one row ('order count', 'email address'), not rows.
ATTRIBUTE_HEADS = {"count", "number", "total", "sum", "amount", "name", "id", "date", "time", "type", "status",
                   "history", "summary", "detail", "info", "information", "value", "rate", "score", "level",
                   "size", "price", "cost", "balance", "code", "email", "phone", "address", "url", "flag"}
# Words that never name an entity (verbs and fillers that stand before one).
NOT_ENTITY = {"generate", "create", "make", "produce", "need", "want", "build", "give", "me", "some", "the", "a",
              "an", "and", "with", "their", "its", "his", "her", "each", "every", "all", "of", "for", "per",
              "data", "dataset", "records", "rows", "entries", "table", "tables", "realistic", "synthetic", "fake",
              "sample", "random", "list", "set", "columns", "column", "fields", "field", "attributes", "attribute",
              "properties", "property", "measures", "metrics", "values", "details", "notes", "rules", "constraints", "them", "these", "those", "other", "several", "many", "multiple",
              "few", "more", "own", "also", "plus", "then", "that", "which", "who", "related", "linked",
              "shall", "should", "must", "will", "would", "can", "could", "may", "might", "typically", "usually"}


@dataclass
class CrossOrder:
    """'order date after the customer's signup': this table's field words, 'after'/'before', the parent's."""

    field_words: str
    op: str
    parent_key: str
    parent_words: str


@dataclass
class EntityDraft:
    """One table the text describes: its name, its words and its links."""

    key: str                     # singular words: 'line item'
    table: str                   # 'line_items'
    text: str = ""               # what the single-table reader reads for its fields
    rows: int | None = None
    parent: str | None = None    # the rows_per_parent parent's key
    count: ChildCount | None = None
    skewed: bool = False
    references: list[str] = field(default_factory=list)  # further parents (plain references), keys
    self_ref: str | None = None  # 'manager': a reference to an earlier row of this table
    orders: list[CrossOrder] = field(default_factory=list)
    has_columns: bool = False    # the text lists this table's own columns


def entity_key(phrase: str) -> str:
    """'Line Items' -> 'line item'."""
    return " ".join(singular(t) for t in tokenize(phrase))


def table_name(key: str) -> str:
    """'line item' -> 'line_items', 'category' -> 'categories'."""
    words = key.split()
    last = words[-1]
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return "_".join([*words[:-1], last])


def is_plural(word: str) -> bool:
    token = word.lower()
    return singular(token) != token or token in ("people", "children", "staff", "data")


@lru_cache(maxsize=4096)
def trim_phrase(phrase: str) -> str:
    """The entity words of a noun phrase: 'Generate customers' -> 'customers', 'line items' stays
    (a two-word template entity), 'blog posts' -> 'posts'."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]*", phrase)]
    while words and words[0].lower() in NOT_ENTITY:
        words.pop(0)
    while words and words[-1].lower() in NOT_ENTITY | {"apiece"}:
        words.pop()
    if len(words) >= 2:
        pair = " ".join(words[-2:])
        match = find_template(pair)
        if match is not None and len(tokenize(match.phrase)) == 2 and \
                entity_key(match.phrase) == entity_key(pair):
            return pair
    return words[-1] if words else ""


@lru_cache(maxsize=4096)
def is_entity(phrase: str, *, counted: bool = False, subject: bool = False) -> bool:
    """Whether a noun phrase names rows of their own (a table), not a column of one row.

    A counted plural ('2-10 line items', '1 to 5 milestones') always does; otherwise the phrase must end
    in a template entity ('orders', 'line items') that the label table does not read as a longer column
    name ('email addresses' is an email, 'order count' a count). ``subject``: the plural a stated link
    starts from ('authors and their posts')."""
    tokens = tokenize(phrase)
    if not tokens or tokens[-1] in NOT_ENTITY or singular(tokens[-1]) in ATTRIBUTE_HEADS - {"address"}:
        return False
    if counted or subject:  # '2-10 line items'; 'authors and their posts': the subject of a stated link
        return is_plural(tokens[-1]) or (counted and len(tokens[-1]) > 2)
    match = find_template(phrase)
    if match is None:
        return False
    word = [singular(t) for t in tokenize(match.phrase)]
    if [singular(t) for t in tokens[-len(word):]] != word:
        return False
    label = fm.classify_tokens(tokens)
    if label is not None and label.start < len(tokens) - len(word):
        return False  # the label table reads more of the phrase as one column
    return True
