"""One table of the schema: the grid (name, type, blank %, example, samples), field actions, the editor."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import streamlit as st

from app_pages.field_editor import edit_field, refresh_description
from app_pages.schema_state import add_notice, commit, epoch, select_field, selected_field, version
from app_pages.schema_table import (
    Problem, fields_to_grid, format_samples, get_fields, grid_to_fields, table_names, with_fields,
)
from app_pages.type_picker import catalog_by_type
from src.schemas import FIELD_TYPES

# Checks a candidate document with the API; answers its problems (empty: it runs).
Checker = Callable[[dict[str, Any]], list[Problem]]
CHECKED_RULES = ("expression", "when")


def parent_keys(doc: dict[str, Any]) -> list[str]:
    """'table.field' for every key column of a multi-table document (what a reference can name)."""
    keys = []
    for table in doc.get("tables") or []:
        composite = set(table.get("primary_key") or [])
        for field in table.get("fields") or []:
            constraints = field.get("constraints") or {}
            if constraints.get("primary_key") or constraints.get("unique") or field.get("name") in composite:
                keys.append(f"{table.get('name')}.{field.get('name')}")
    return keys


def edit_table(doc: dict[str, Any], table: int, catalog: list[dict[str, Any]],
               samples: dict[str, list[Any]] | None, check: Checker) -> None:
    """The grid of one table's fields, then the chosen field's editor. Edits are committed at once."""
    fields = get_fields(doc, table)
    by_type = catalog_by_type(catalog)
    examples = {name: str(entry.get("example", "")) for name, entry in by_type.items()}
    grid = fields_to_grid(fields, examples, samples)
    edited = st.data_editor(
        grid, key=f"grid_{version()}_{table}", num_rows="fixed", hide_index=True, width="stretch",
        disabled=["example", "samples"],
        column_config={
            "name": st.column_config.TextColumn("Name", required=True, width="medium"),
            "type": st.column_config.SelectboxColumn("Type", options=list(FIELD_TYPES), required=True,
                                                     width="small"),
            "blank": st.column_config.NumberColumn("Blank %", min_value=0.0, max_value=100.0, step=1.0,
                                                   format="%g %%", width=80,
                                                   help="Share of rows where the value is empty (null)."),
            "example": st.column_config.TextColumn("Example of the type", width="medium"),
            "samples": st.column_config.TextColumn("Samples (this schema)", width="large",
                                                   help="Three values made from the schema as it is now."),
        })
    dropped: list[str] = []
    accepted = {name: list(entry.get("constraints") or []) for name, entry in by_type.items()
                if entry.get("constraints")}
    new_fields = grid_to_fields(edited, fields, accepted, dropped)
    if new_fields != fields:
        if dropped:
            add_notice("; ".join(dropped) + ".")
        commit(with_fields(doc, table, new_fields))
    chosen = _field_actions(doc, table, fields)
    if chosen is None:
        return
    with st.container(border=True):
        _edit_chosen(doc, table, fields, chosen, catalog, samples, check)


def _field_actions(doc: dict[str, Any], table: int, fields: list[dict[str, Any]]) -> int | None:
    """Which field to edit, and the buttons that move, duplicate, remove and add fields."""
    count = len(fields)
    chosen = selected_field(table, count)
    pick_column, actions_column = st.columns([3, 5], vertical_alignment="bottom")
    actions = actions_column.container(horizontal=True)  # the buttons wrap on a narrow screen
    if count:
        chosen = pick_column.selectbox(
            "Edit field", list(range(count)), index=chosen, key=f"pick_{version()}_{table}",
            format_func=lambda i: f"{i + 1}. {fields[i].get('name') or '(no name)'}")
        select_field(table, chosen)
    moved = None
    if actions.button("Up", icon=":material/arrow_upward:", key=f"up_{table}",
                         disabled=chosen == 0 or not count):
        moved = chosen - 1
    if actions.button("Down", icon=":material/arrow_downward:", key=f"down_{table}",
                         disabled=chosen >= count - 1):
        moved = chosen + 1
    if moved is not None:
        reordered = list(fields)
        reordered[chosen], reordered[moved] = reordered[moved], reordered[chosen]
        select_field(table, moved)
        commit(with_fields(doc, table, reordered))
    if actions.button("Copy", icon=":material/content_copy:", help="Duplicate the field", key=f"dup_{table}",
                         disabled=not count):
        copied = copy.deepcopy(fields[chosen])
        copied["name"] = _free_name(f"{copied.get('name') or 'field'}_copy", fields)
        copied.get("constraints", {}).pop("primary_key", None)
        select_field(table, chosen + 1)
        commit(with_fields(doc, table, fields[:chosen + 1] + [copied] + fields[chosen + 1:]))
    if actions.button("Remove", icon=":material/delete:", key=f"remove_{table}",
                         disabled=count <= 1):
        select_field(table, max(chosen - 1, 0))
        commit(with_fields(doc, table, fields[:chosen] + fields[chosen + 1:]))
    if actions.button("Add", icon=":material/add:", key=f"add_{table}",
                         help="Add a field after the chosen one."):
        at = chosen + 1 if count else 0
        select_field(table, at)
        new = {"name": _free_name("new_field", fields), "type": "string"}
        commit(with_fields(doc, table, fields[:at] + [new] + fields[at:]))
    return chosen if count else None


def _free_name(base: str, fields: list[dict[str, Any]]) -> str:
    taken = {f.get("name") for f in fields}
    name, number = base, 2
    while name in taken:
        name, number = f"{base}_{number}", number + 1
    return name


def _edit_chosen(doc: dict[str, Any], table: int, fields: list[dict[str, Any]], index: int,
                 catalog: list[dict[str, Any]], samples: dict[str, list[Any]] | None, check: Checker) -> None:
    field = fields[index]
    values = (samples or {}).get(str(field.get("name")))
    head, sample_column = st.columns([1, 2])
    head.markdown(f"**Field `{field.get('name')}`** · {field.get('type')}")
    sample_column.markdown(f"Samples: `{format_samples(values)}`" if values is not None
                           else "Samples: — (fix the schema's problems to see values)")
    others = [str(f.get("name")) for i, f in enumerate(fields) if i != index]
    if "tables" in doc:
        own = table_names(doc)[table]
        others += [f"{t.get('name')}.{f.get('name')}" for t in doc["tables"] if t.get("name") != own
                   for f in t.get("fields") or []]
    entry = catalog_by_type(catalog).get(str(field.get("type")))
    slots: dict[str, Any] = {}  # where a refused expression or `when` is said: under its input
    new = edit_field(field, entry, catalog, others, parent_keys(doc), key=f"fe_{epoch()}_{table}_{index}",
                     slots=slots)
    if new == field:
        return
    old_constraints, new_constraints = field.get("constraints") or {}, new.get("constraints") or {}
    # The widgets show the edit already, unless it changed what they show: a description rewritten
    # for a new range, the values table (its edits are relative to the values it was given), the type.
    renew = new.get("type") != field.get("type") or any(
        old_constraints.get(rule) != new_constraints.get(rule) for rule in ("enum_values", "weights"))
    if new.get("description") and new.get("description") == field.get("description"):
        description = refresh_description(new["description"], old_constraints, new_constraints)
        renew = renew or description != new["description"]
        if description is None:
            new.pop("description")
            add_notice(f"The description of '{new['name']}' named the old range; it was dropped.")
        elif description != new["description"]:
            new["description"] = description
    candidate = with_fields(doc, table, fields[:index] + [new] + fields[index + 1:])
    changed = [rule for rule in CHECKED_RULES if old_constraints.get(rule) != new_constraints.get(rule)
               and new_constraints.get(rule)]
    if changed:
        problems = [p for p in check(candidate) if p.field == index and p.rule in changed
                    and (p.table in (None, table))]
        if problems:
            for problem in problems:
                slots.get(problem.rule, st).error(f"Not applied: {problem}", icon=":material/function:")
            return
    commit(candidate, renew_editor=renew)
