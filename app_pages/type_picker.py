"""The type picker: every field type from GET /schema/types, searchable, by group, with an example."""

from __future__ import annotations

from typing import Any

import streamlit as st

from src.api_client import ApiClient, ApiError
from src.schemas import FIELD_TYPE_GROUPS

CATALOG_KEY = "type_catalog"
ALL_GROUPS = "All groups"


def load_catalog(client: ApiClient) -> list[dict[str, Any]]:
    """The API's type catalog, fetched once per session; the bare type list when the API is away."""
    catalog = st.session_state.get(CATALOG_KEY)
    if catalog is None:
        try:
            catalog = client.list_types()
        except ApiError:
            return [{"type": t, "group": g, "example": "", "constraints": []}
                    for g, names in FIELD_TYPE_GROUPS.items() for t in names]
        st.session_state[CATALOG_KEY] = catalog
    return catalog


def catalog_by_type(catalog: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["type"]: entry for entry in catalog}


def search_words(entry: dict[str, Any]) -> str:
    """What a search matches: the type, its group, its example and the names that give it meanings."""
    words = [entry["type"], entry["type"].replace("_", " "), entry.get("group", ""), str(entry.get("example", ""))]
    for meaning in entry.get("meanings") or []:
        words += [str(meaning.get("meaning", "")), *map(str, meaning.get("names") or [])]
    return " ".join(words).lower()


def filter_types(catalog: list[dict[str, Any]], query: str, group: str) -> list[dict[str, Any]]:
    """Types of ``group`` (or all) whose words hold every word of ``query``."""
    terms = query.lower().split()
    return [entry for entry in catalog
            if group in (ALL_GROUPS, entry.get("group")) and all(t in search_words(entry) for t in terms)]


def describe_type(entry: dict[str, Any]) -> str:
    example = str(entry.get("example") or "")
    if len(example) > 48:
        example = example[:47] + "…"
    return f"{entry['type']} · {example}" if example else entry["type"]


def pick_type(catalog: list[dict[str, Any]], current: str, key: str) -> str:
    """Search box, group filter and the matching types (each with its example); the chosen type."""
    by_type = catalog_by_type(catalog)
    search_column, group_column, type_column = st.columns([2, 2, 3], vertical_alignment="bottom")
    query = search_column.text_input("Search types", key=f"{key}_search", placeholder="e.g. money, city, vin",
                                     help="Matches type names, groups, examples and the column names "
                                          "that give a type its meaning (salary, vin, sku…).")
    groups = [ALL_GROUPS, *dict.fromkeys(entry.get("group", "") for entry in catalog)]
    group = group_column.selectbox("Group", groups, key=f"{key}_group")
    matches = filter_types(catalog, query, group)
    options = [entry["type"] for entry in matches]
    if current not in options:
        options = [current, *options]  # the field keeps its type until another is chosen
    chosen = type_column.selectbox(
        f"Type ({len(matches)} match{'es' if len(matches) != 1 else ''})", options,
        index=options.index(current), key=f"{key}_type",
        format_func=lambda t: describe_type(by_type.get(t, {"type": t})))
    if not matches:
        type_column.caption("No type matches; clear the search.")
    return chosen
