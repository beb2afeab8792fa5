"""Add a table (optionally the child of another: a reference field and children per parent row) and remove
one after a confirmation. A one-table document becomes a two-table one on the first Add."""

from __future__ import annotations

import copy
from typing import Any

import streamlit as st

from app_pages.schema_state import commit, set_schema, version
from app_pages.schema_table import table_names
from app_pages.table_editor import parent_keys
from src.schemas.fields import check_identifier

NO_PARENT = "(none: its own row count)"
NEW_TABLE_ROWS = 100
FIRST_TABLE = "table_1"
CONFIRM_REMOVE_KEY = "confirm_remove_table"
TOP_LEVEL = ("seed", "locale", "name", "description")  # what a one-table document shares with its tables


def to_tables(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as related tables: a one-table document becomes its first table, `table_1`."""
    if "tables" in doc:
        return copy.deepcopy(doc)
    first = {"name": FIRST_TABLE, "fields": copy.deepcopy(doc.get("fields") or [])}
    return {"tables": [first], **{key: doc[key] for key in TOP_LEVEL if key in doc}}


def suggest_table_name(doc: dict[str, Any] | None) -> str:
    taken = set(table_names(doc)) if doc and "tables" in doc else {FIRST_TABLE}
    number = len(taken) + 1
    while f"table_{number}" in taken:
        number += 1
    return f"table_{number}"


def add_table(doc: dict[str, Any], name: str, parent: str | None = None, low: int = 1,
              high: int = 3) -> tuple[dict[str, Any], str]:
    """(the document with a new table `name`, what was done). The table has a primary key `<name>_id`;
    a child also gets a reference to its parent's key and `low`..`high` rows per parent row.

    Raises ValueError with one line saying why the name or the counts are refused.
    """
    name = name.strip()
    try:
        check_identifier(name, "table name")
    except ValueError as error:
        raise ValueError(f"Cannot add the table: {error}.") from None
    new = to_tables(doc)
    if name in table_names(new):
        raise ValueError(f"Cannot add the table: there is already a table named '{name}'.")
    key = f"{name}_id"
    table: dict[str, Any] = {"name": name, "fields": [
        {"name": key, "type": "sequence", "constraints": {"primary_key": True}}]}
    done = f"Added the table '{name}' with its primary key '{key}'"
    if parent:
        if low > high:
            raise ValueError(f"Cannot add the table: min per {parent} ({low}) is greater than max ({high}).")
        parent_key, added_key = _key_of(new, parent)
        ref_name = parent_key if parent_key != key else f"{parent}_{parent_key}"
        table["fields"].append({"name": ref_name, "type": "reference",
                                "constraints": {"references": f"{parent}.{parent_key}"}})
        table["rows_per_parent"] = {"parent": parent, "min": int(low), "max": int(high)}
        done += f", a reference '{ref_name}' to {parent}.{parent_key} and {low}..{high} rows per {parent} row"
        if added_key:
            done += f" ({parent} had no key: '{parent_key}' was added to it)"
    else:
        table["rows"] = NEW_TABLE_ROWS
    new["tables"].append(table)
    return new, done + "."


def _key_of(doc: dict[str, Any], parent: str) -> tuple[str, bool]:
    """The parent's key column (added as its first field when it has none), and whether it was added."""
    keys = [ref.split(".", 1)[1] for ref in parent_keys(doc) if ref.split(".", 1)[0] == parent]
    if keys:
        return keys[0], False
    table = next(t for t in doc["tables"] if t.get("name") == parent)
    taken = {f.get("name") for f in table.get("fields") or []}
    key, number = f"{parent}_id", 2
    while key in taken:
        key, number = f"{parent}_id_{number}", number + 1
    table["fields"].insert(0, {"name": key, "type": "sequence", "constraints": {"primary_key": True}})
    return key, True


def dependents(doc: dict[str, Any], name: str) -> list[str]:
    """The other tables that are children of `name` or reference one of its fields."""
    found = []
    for table in doc.get("tables") or []:
        if table.get("name") == name:
            continue
        child = (table.get("rows_per_parent") or {}).get("parent") == name
        refers = any(str((f.get("constraints") or {}).get("references", "")).split(".")[0] == name
                     for f in table.get("fields") or [])
        if child or refers:
            found.append(str(table.get("name")))
    return found


def remove_table(doc: dict[str, Any], name: str) -> dict[str, Any]:
    """The document without the table `name`; the last table left becomes a one-table document."""
    blocked = dependents(doc, name)
    if blocked:
        raise ValueError(f"Cannot remove '{name}': {', '.join(blocked)} depend on it (a reference or rows "
                         "per parent row); remove or change them first.")
    new = copy.deepcopy(doc)
    new["tables"] = [t for t in new["tables"] if t.get("name") != name]
    if len(new["tables"]) == 1 and not new["tables"][0].get("rows_per_parent"):
        (last,) = new["tables"]
        return {"fields": last["fields"], **{key: new[key] for key in TOP_LEVEL if key in new}}
    return new


def show_add_table(doc: dict[str, Any]) -> None:
    """The Add table form: name, child of (optional) and children per parent row."""
    with st.expander("Add table", icon=":material/add_box:"):
        key = f"addtbl_{version()}"
        name_column, parent_column, low_column, high_column = st.columns([2, 2, 1, 1])
        name = name_column.text_input("New table name", value=suggest_table_name(doc), key=f"{key}_name")
        parents = [NO_PARENT, *(table_names(doc) if "tables" in doc else [FIRST_TABLE])]
        parent = parent_column.selectbox("Child of", parents, key=f"{key}_parent",
                                         help="A child gets a reference to its parent's key, and a number "
                                              "of rows per parent row.")
        child = parent != NO_PARENT
        low = low_column.number_input("Min children", min_value=0, value=1, key=f"{key}_min", disabled=not child)
        high = high_column.number_input("Max children", min_value=0, value=3, key=f"{key}_max",
                                        disabled=not child)
        if st.button("Add the table", icon=":material/add:", key=f"{key}_go"):
            try:
                new, done = add_table(doc, name, parent if child else None, int(low), int(high))
            except ValueError as error:
                st.error(str(error), icon=":material/error:")
                return
            st.session_state["field_notice"] = done
            commit(new)


def show_remove_table(doc: dict[str, Any], index: int) -> None:
    """Remove table, after a confirmation naming what goes."""
    name = table_names(doc)[index]
    if st.button("Remove table", icon=":material/delete:", key=f"rmtbl_{index}"):
        blocked = dependents(doc, name)
        if blocked:  # said at once, before asking
            st.session_state.pop(CONFIRM_REMOVE_KEY, None)
            st.error(f"Cannot remove '{name}': {', '.join(blocked)} depend on it (a reference or rows per "
                     "parent row); remove or change them first.", icon=":material/error:")
            return
        st.session_state[CONFIRM_REMOVE_KEY] = name
    if st.session_state.get(CONFIRM_REMOVE_KEY) != name:
        return
    with st.container(border=True):
        fields = len(doc["tables"][index].get("fields") or [])
        rest = "the other table becomes a one-table schema" if len(doc["tables"]) == 2 else \
            "the other tables stay"
        st.warning(f"Remove the table **{name}** and its {fields} fields from the schema? "
                   f"Only this table goes: {rest}.", icon=":material/warning:")
        yes, no, _ = st.columns([1, 1, 4])
        if yes.button("Remove it", type="primary", key=f"rmtbl_yes_{index}", width="stretch"):
            st.session_state.pop(CONFIRM_REMOVE_KEY, None)
            try:
                new = remove_table(doc, name)
            except ValueError as error:
                st.error(str(error), icon=":material/error:")
                return
            st.session_state["field_notice"] = f"Removed the table '{name}'."
            kept_rows = [t.get("rows") for t in doc["tables"] if t.get("name") != name][0]
            set_schema(new)
            if "tables" not in new and isinstance(kept_rows, int) and kept_rows > 0:
                st.session_state["rows_input"] = kept_rows  # the table's own count is now the job's
            st.rerun()
        if no.button("Keep it", key=f"rmtbl_no_{index}", width="stretch"):
            st.session_state.pop(CONFIRM_REMOVE_KEY, None)
            st.rerun()
