"""The field editor: one field's options as widgets, those its type accepts (GET /schema/types)."""

from __future__ import annotations

import copy
import math
import re
from typing import Any

import pandas as pd
import streamlit as st

from app_pages.schema_state import add_notice
from app_pages.schema_table import blank_percent, keep_accepted_constraints, set_blank_percent
from app_pages.type_picker import pick_type

NUMERIC_TYPES = {"integer", "float", "decimal", "percentage", "price", "age", "latitude", "longitude"}
WHOLE_NUMBER_TYPES = {"integer", "age", "sequence"}
TIME_TYPES = {"date", "datetime", "time", "date_of_birth"}
DISTRIBUTION_PARAMS = {"normal": ("mean", "std"), "lognormal": ("median", "sigma"), "exponential": ("scale",)}
NO_DISTRIBUTION = "uniform (default)"
NONE = "—"
# Every constraint, for a type the catalog does not describe (the API is away).
ALL_RULES = ["min_value", "max_value", "decimals", "distribution", "step", "enum_values", "weights", "unique",
             "nullable", "null_probability", "min_length", "max_length", "pattern", "cardinality",
             "expression", "when", "after", "before"]
_NUMBER_RE = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?![\w.])")


def edit_field(field: dict[str, Any], entry: dict[str, Any] | None, catalog: list[dict[str, Any]],
               other_fields: list[str], keys: list[str], key: str,
               slots: dict[str, Any] | None = None) -> dict[str, Any]:
    """Show ``field``'s options; answer the field as the widgets now describe it.

    ``other_fields`` feed `after`/`before`; ``keys`` (table.field) feed a reference's parent; ``slots``
    gets a container under the expression and `when` inputs, where a refusal of that rule is shown.
    """
    field = copy.deepcopy(field)
    name_column, type_column = st.columns([1, 3])
    field["name"] = name_column.text_input("Name", value=field.get("name", ""), key=f"{key}_name").strip()
    with type_column:
        field["type"] = pick_type(catalog, str(field.get("type") or "string"), key)
    if field["type"] != (entry or {}).get("type"):
        entry = next((e for e in catalog if e["type"] == field["type"]), None)
        if entry and entry.get("constraints"):  # a new type shows, and keeps, only its own options
            lost = keep_accepted_constraints(field, list(entry["constraints"]) + ["references"])
            if lost:
                add_notice(f"'{field['name']}' is now {field['type']}: dropped {', '.join(lost)} "
                           f"(they do not apply to {field['type']}).")
    rules = set((entry or {}).get("constraints") or ALL_RULES) | {"unique", "nullable"}
    description = st.text_input("Description", value=field.get("description", ""), key=f"{key}_description",
                                help="What the column holds; gives a generic `string` its meaning.")
    field["description"] = description.strip()
    if not field["description"]:
        field.pop("description")
    constraints = dict(field.get("constraints") or {})
    if field["type"] == "reference" or constraints.get("references"):
        _edit_reference(constraints, keys, key)
    if "min_value" in rules:
        _edit_range(constraints, field["type"], rules, key)
    if "enum_values" in rules:
        _edit_enum(constraints, key)
    if rules & {"min_length", "max_length", "pattern"}:
        _edit_text(constraints, key)
    _edit_common(constraints, rules, other_fields, key, {} if slots is None else slots)
    field["constraints"] = {k: v for k, v in constraints.items() if v is not None}
    if not field["constraints"]:
        field.pop("constraints")
    return field


def _number(value: Any) -> float | int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _optional_number(column: Any, label: str, current: Any, key: str, **options: Any) -> Any:
    """A number input a user can empty (None: the rule is dropped). Streamlit lets only an input made
    with ``value=None`` be cleared, so the current value is handed over through the session state."""
    if key not in st.session_state:
        st.session_state[key] = current
    return column.number_input(label, value=None, key=key, **options)


def _tidy(value: float | int | None) -> float | int | None:
    """2.0 -> 2 (the document keeps integers integers)."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def _edit_range(constraints: dict[str, Any], field_type: str, rules: set[str], key: str) -> None:
    low, high, decimals = st.columns(3)
    if field_type in TIME_TYPES:
        help_text = "An ISO date/time, or relative to now: now, -2y, -90d, +60d, -24h."
        for column, name in ((low, "min_value"), (high, "max_value")):
            text = column.text_input(name.replace("_value", "imum"), value=str(constraints.get(name) or ""),
                                     key=f"{key}_{name}", help=help_text, placeholder="e.g. -2y")
            constraints[name] = text.strip() or None
    else:
        for column, name in ((low, "min_value"), (high, "max_value")):
            current = _number(constraints.get(name))
            whole = field_type in WHOLE_NUMBER_TYPES and (current is None or float(current).is_integer())
            value = _optional_number(column, name.replace("_value", "imum"),
                                     int(current) if whole and current is not None else current,
                                     f"{key}_{name}", placeholder="default", format="%g",
                                     step=1 if whole else 1.0)
            constraints[name] = _tidy(value)
    if "decimals" in rules:
        constraints["decimals"] = _optional_number(decimals, "Decimals", constraints.get("decimals"),
                                                   f"{key}_decimals", min_value=0, max_value=12, step=1,
                                                   placeholder="default")
    if "step" in rules:
        step = decimals.text_input("Step", value=str(constraints.get("step") or ""), key=f"{key}_step",
                                   placeholder="e.g. 5m, 1h, 1d", help="A time grid, or a numeric step.") \
            if field_type in TIME_TYPES or field_type == "sequence" else None
        if step is not None:
            constraints["step"] = step.strip() or None
    if "distribution" in rules:
        _edit_distribution(constraints, key)


def _edit_distribution(constraints: dict[str, Any], key: str) -> None:
    current = constraints.get("distribution") or {}
    if isinstance(current, str):
        current = {"kind": current}
    kinds = [NO_DISTRIBUTION, "normal", "lognormal", "exponential"]
    kind_now = current.get("kind") if current.get("kind") in kinds else NO_DISTRIBUTION
    kind_column, *param_columns = st.columns(3)
    kind = kind_column.selectbox("Distribution", kinds, index=kinds.index(kind_now), key=f"{key}_dist",
                                 help="How values spread inside min..max (they always stay inside).")
    if kind == NO_DISTRIBUTION:
        constraints["distribution"] = None
        return
    new = {"kind": kind}
    for column, param in zip(param_columns, DISTRIBUTION_PARAMS[kind]):
        value = _optional_number(column, param, _number(current.get(param)), f"{key}_dist_{param}",
                                 placeholder="default", format="%g")
        if value is not None:
            new[param] = _tidy(value)
    constraints["distribution"] = new


def _edit_enum(constraints: dict[str, Any], key: str) -> None:
    values = list(constraints.get("enum_values") or [])
    weights = list(constraints.get("weights") or [])
    weighted = len(weights) == len(values) and bool(values)
    # Unweighted values show 1 each (not "None"): equally often, in the grid's own terms.
    shown_weights = [float(w) for w in weights] if weighted else [1.0] * len(values)
    table = pd.DataFrame({"value": [str(v) for v in values], "weight": shown_weights},
                         columns=["value", "weight"]).astype({"value": "object", "weight": "float"})
    st.caption("Values, and how often each comes (relative weights: 1 each is all equally often).")
    edited = st.data_editor(table, key=f"{key}_enum", num_rows="dynamic", hide_index=True, width="stretch",
                            column_config={"value": st.column_config.TextColumn("Value", required=True),
                                           "weight": st.column_config.NumberColumn("Weight", min_value=0.0)})
    originals = {str(v): v for v in values}  # a value typed as before keeps its type (numbers, booleans)
    new_values, new_weights = [], []
    for row in pd.DataFrame(edited).to_dict("records"):
        text = "" if row.get("value") is None or pd.isna(row.get("value")) else str(row["value"]).strip()
        if not text:
            continue
        new_values.append(originals.get(text, text))
        weight = row.get("weight")
        new_weights.append(None if weight is None or pd.isna(weight) else _tidy(float(weight)))
    constraints["enum_values"] = new_values or None
    new_weights = [1 if w is None else w for w in new_weights]
    # Showing 1 each is not editing: a schema without weights keeps none until one differs.
    constraints["weights"] = new_weights if weighted or any(w != 1 for w in new_weights) else None


def _edit_text(constraints: dict[str, Any], key: str) -> None:
    shortest, longest, pattern = st.columns([1, 1, 2])
    constraints["min_length"] = _optional_number(shortest, "Min length", constraints.get("min_length"),
                                                 f"{key}_minlen", min_value=0, step=1, placeholder="default")
    constraints["max_length"] = _optional_number(longest, "Max length", constraints.get("max_length"),
                                                 f"{key}_maxlen", min_value=1, step=1, placeholder="default")
    text = pattern.text_input("Pattern", value=constraints.get("pattern") or "", key=f"{key}_pattern",
                              placeholder=r"e.g. INV-\d{6}", help="A regex subset every value matches.")
    constraints["pattern"] = text or None


def _edit_reference(constraints: dict[str, Any], keys: list[str], key: str) -> None:
    current = constraints.get("references")
    options = [NONE, *keys] if current in keys or not current else [NONE, current, *keys]
    chosen = st.selectbox("References (parent key)", options, index=options.index(current or NONE),
                          key=f"{key}_references", help="The parent table's key this field holds.")
    constraints["references"] = None if chosen == NONE else chosen


def _edit_common(constraints: dict[str, Any], rules: set[str], other_fields: list[str], key: str,
                 slots: dict[str, Any]) -> None:
    unique_column, key_column, blank_column, pool_column = st.columns(4, vertical_alignment="bottom")
    constraints["unique"] = unique_column.checkbox("Unique", value=bool(constraints.get("unique")),
                                                   key=f"{key}_unique") or None
    constraints["primary_key"] = key_column.checkbox("Primary key", value=bool(constraints.get("primary_key")),
                                                     key=f"{key}_pk") or None
    percent = blank_column.number_input("Blank %", min_value=0.0, max_value=100.0, step=1.0, format="%g",
                                        value=blank_percent({"constraints": constraints}), key=f"{key}_blank")
    blanked = set_blank_percent({"constraints": constraints}, percent).get("constraints") or {}
    constraints["nullable"] = blanked.get("nullable")
    constraints["null_probability"] = blanked.get("null_probability")
    if "cardinality" in rules:
        constraints["cardinality"] = _optional_number(
            pool_column, "Distinct values", constraints.get("cardinality"), f"{key}_card", min_value=1, step=1,
            placeholder="any", help="Values come from a pool of this many.")
    if "expression" in rules:
        text = st.text_input("Expression", value=constraints.get("expression") or "", key=f"{key}_expression",
                             placeholder="e.g. quantity * unit_price",
                             help="The value is computed from other fields; checked when applied.")
        constraints["expression"] = text.strip() or None
        slots["expression"] = st.container()
    if "when" in rules:
        text = st.text_input("When", value=constraints.get("when") or "", key=f"{key}_when",
                             placeholder="e.g. status = 'shipped'",
                             help="The value is blank on rows where this condition is false.")
        constraints["when"] = text.strip() or None
        slots["when"] = st.container()
    if rules & {"after", "before"}:
        after_column, before_column = st.columns(2)
        for column, name in ((after_column, "after"), (before_column, "before")):
            current = constraints.get(name)
            options = [NONE, *other_fields] + ([current] if current and current not in other_fields else [])
            chosen = column.selectbox(f"{name.title()} (field)", options, index=options.index(current or NONE),
                                      key=f"{key}_{name}",
                                      help=f"This value is {'>=' if name == 'after' else '<='} that field's "
                                           "on every row.")
            constraints[name] = None if chosen == NONE else chosen


def refresh_description(description: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """The description after a range edit: old bounds it names become the new ones.

    None when it names an old bound the edit removed (the text would be stale).
    """
    if not description:
        return description
    changes = {}
    for name in ("min_value", "max_value"):
        before, after = _number(old.get(name)), _number(new.get(name))
        if before is not None and before != after:
            changes[float(before)] = after
    if not changes:
        return description
    stale = False

    def replace(match: re.Match) -> str:
        nonlocal stale
        number = float(match.group().replace(",", ""))
        if number not in changes:
            return match.group()
        if changes[number] is None:
            stale = True
            return match.group()
        value = _tidy(changes[number])
        return f"{value:,}" if "," in match.group() else f"{value}"

    text = _NUMBER_RE.sub(replace, description)
    return None if stale else text
