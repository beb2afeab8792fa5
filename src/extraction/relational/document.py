"""Entity drafts -> the multi-table document: each table's fields from the single-table reader, then keys,
links, child counts and row counts, checked by the engine."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from src.errors import SchemaValidationError
from src.extraction.offline import extract_offline
from src.extraction.relational import keys as ks
from src.extraction.relational.counts import default_count
from src.extraction.relational.model import EntityDraft
from src.extraction.templates import find_near_template, find_template
from src.schemas.relational import RelationalSchema, parse_relational

DEFAULT_ROOT_ROWS = 100  # a further table without parents whose size the text does not give
CHECK_ROOT_ROWS = 20     # the compile check's first-table rows when the text gives none


@dataclass
class RelationalExtraction:
    schema: RelationalSchema
    total_rows: int | None
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # 'table.field' -> the words it was read from


def build_document(drafts: list[EntityDraft]) -> RelationalExtraction | None:
    """The document for the drafts, or None when the engine cannot take it even without cross-table rules."""
    by_key = {d.key: d for d in drafts}
    warnings: list[str] = []
    sources: dict[str, str] = {}
    fields: dict[str, list[dict[str, Any]]] = {}
    stated_rows: dict[str, int | None] = {}
    locale = None
    for d in drafts:
        read = extract_offline(_table_text(d))
        fields[d.key] = [f.model_dump(mode="json", exclude_defaults=True) for f in read.schema.fields]
        warnings += [f"table '{d.table}': {w}" for w in read.warnings]
        sources.update({f"{d.table}.{name}": words for name, words in read.sources.items()})
        locale = locale or read.schema.locale
        stated_rows[d.key] = d.rows or (read.total_rows if d.parent is None and d.has_columns else None)
    keys = {d.key: ks.choose_key(d, fields[d.key], set(by_key) - {d.key}) for d in drafts}
    _place_orders(drafts, fields)
    for d in drafts:
        _link(d, by_key, fields, keys, warnings)
    order = _parents_first(drafts)
    tables = []
    for i, key in enumerate(order):
        d = by_key[key]
        table: dict[str, Any] = {"name": d.table, "fields": fields[key]}
        if d.parent is not None:
            if d.count is None and stated_rows[key]:
                table["rows"] = stated_rows[key]
            else:
                count = d.count or default_count()
                table["rows_per_parent"] = count.as_rows_per_parent(by_key[d.parent].table)
                if not count.stated:
                    warnings.append(f"table '{d.table}': the description gives no count per "
                                    f"{by_key[d.parent].key}; used {count.describe()} per {by_key[d.parent].key}")
        elif stated_rows[key]:
            table["rows"] = stated_rows[key]
        else:  # the document stands on its own: a job's total_rows still replaces the first table's rows
            table["rows"] = DEFAULT_ROOT_ROWS
            warnings.append(f"table '{d.table}': the description gives no row count; used {DEFAULT_ROOT_ROWS}")
        tables.append(table)
    doc: dict[str, Any] = {"tables": tables}
    if locale:
        doc["locale"] = locale
    schema = _checked(doc, warnings)
    if schema is None:
        return None
    total = stated_rows[order[0]]
    return RelationalExtraction(schema, total, warnings, sources)


def _table_text(d: EntityDraft) -> str:
    if d.has_columns or find_template(d.text) or find_near_template(d.text):
        return d.text
    # An entity no template knows, named without columns: its id, a name and when it was made.
    return f"{d.text}:\n- {d.key} id\n- name\n- created at (last 2 years)"


def _link(d: EntityDraft, by_key: dict[str, EntityDraft], fields: dict[str, list[dict]], keys: dict[str, str],
          warnings: list[str]) -> None:
    own = fields[d.key]
    parents = [p for p in [d.parent, *d.references] if p in by_key]
    for n, parent_key in enumerate(parents):
        parent = by_key[parent_key]
        name = ks.reference_name(parent, keys[parent_key])
        replaces = tuple(f"{ks.snake(parent.key)}{s}" for s in ks.ID_SUFFIXES) + (ks.snake(parent.key),)
        ks.add_reference(own, keys[d.key], name, f"{parent.table}.{keys[parent_key]}", replaces=replaces)
        if n > 0:  # the structural reference stays first: it is the table's link to its rows_per_parent parent
            ref = next(f for f in own if f["name"] == name)
            own.remove(ref)
            first = next(i for i, f in enumerate(own) if f["name"] == ks.reference_name(by_key[parents[0]],
                                                                                      keys[parents[0]]))
            own.insert(first + 1, ref)
        ks.copy_parent_columns(own, parent, parent.table, fields[parent_key], name)
    if d.self_ref:
        ks.self_reference(own, keys[d.key], d.self_ref, d.table)
    for order in d.orders:
        if order.parent_key not in parents:
            warnings.append(f"table '{d.table}': '{order.op} the {order.parent_key}'s {order.parent_words}' names "
                            f"a table that is not a parent of '{d.table}'; not applied")
            continue
        parent = by_key[order.parent_key]
        if ks.apply_order(own, order, parent.table, fields[order.parent_key]) is None:
            warnings.append(f"table '{d.table}': could not match '{order.field_words} {order.op} the "
                            f"{order.parent_key}'s {order.parent_words}' to date fields of both tables; not applied")


def _place_orders(drafts: list[EntityDraft], fields: dict[str, list[dict]]) -> None:
    """An order rule lands on the table whose column it qualifies: 'order date after the customer's signup'
    read in the order lines' words belongs to orders, the customers' child that has an order date."""
    def is_child_of(d: EntityDraft, parent_key: str) -> bool:
        return parent_key in (d.parent, *d.references)

    for d in drafts:
        for order in list(d.orders):
            here = ks.order_fit(fields[d.key], order.field_words)
            if is_child_of(d, order.parent_key) and here > 0:
                continue
            fits = [(ks.order_fit(fields[x.key], order.field_words), x) for x in drafts
                    if x is not d and is_child_of(x, order.parent_key)]
            fit, best = max(fits, key=lambda f: f[0], default=(0, None))
            if best is not None and (fit > here or not is_child_of(d, order.parent_key) and fit > 0):
                d.orders.remove(order)
                best.orders.append(order)


def _parents_first(drafts: list[EntityDraft]) -> list[str]:
    by_key = {d.key: d for d in drafts}
    done: list[str] = []
    pending = [d.key for d in drafts]
    while pending:
        ready = next((k for k in pending if all(p in done or p not in by_key
                                                for p in [by_key[k].parent, *by_key[k].references] if p)), pending[0])
        done.append(ready)
        pending.remove(ready)
    return done


def _checked(doc: dict[str, Any], warnings: list[str]) -> RelationalSchema | None:
    """The document as the engine takes it: a field whose cross-table rule it refuses loses that rule."""
    from src.engine.relational import compile_relational  # the engine is heavy; imported when needed

    for attempt in range(3):
        try:
            compile_relational(doc, seed=0, root_rows=None if doc["tables"][0].get("rows") else CHECK_ROOT_ROWS)
            return parse_relational(doc)
        except SchemaValidationError as err:
            fixed = False
            for problem in err.problems:
                m = re.match(r"tables\[(\d+)\]\.fields\[(\d+)\]", problem.loc)
                if not m or attempt == 2:
                    continue
                spec = doc["tables"][int(m[1])]["fields"][int(m[2])]
                c = spec.get("constraints") or {}
                dropped = [r for r in ("expression", "after", "before", "when") if "." in str(c.get(r) or "")]
                for rule in dropped:
                    c.pop(rule)
                if dropped:
                    fixed = True
                    warnings.append(f"table '{doc['tables'][int(m[1])]['name']}': field '{spec['name']}': dropped "
                                    f"{', '.join(dropped)} ({problem.message})")
            if not fixed:
                warnings.append(f"could not build related tables: {err.problems[0].message}")
                return None
    return None
