"""The preview: rows formatted by their field types, and one chart per column."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

MONEY_TYPES = {"price", "decimal"}
NUMBER_TYPES = {"integer", "float", "decimal", "percentage", "price", "age", "latitude", "longitude", "sequence"}
DATE_TYPES = {"date", "date_of_birth"}
CATEGORY_TYPES = {"enum", "boolean", "gender", "country", "country_code", "currency_code", "department",
                  "product_category", "state", "color", "job_title", "city", "airport_code"}
MAX_CATEGORY_BARS = 15
CHART_HEIGHT = 220
BAR_STEP = 22  # pixels per category bar
MAX_INTEGER_BARS = 30  # integers spanning fewer values get one bar each
CHARTS_PER_ROW = 3


def field_types(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(f.get("name")): f for f in fields}


def build_frame(rows: list[dict[str, Any]], fields: list[dict[str, Any]],
                columns: list[str] | None = None) -> pd.DataFrame:
    """The rows as a DataFrame whose dates and datetimes are real dates (not text)."""
    frame = pd.DataFrame(rows, columns=columns or None)
    for name, field in field_types(fields).items():
        if name in frame and field.get("type") in DATE_TYPES | {"datetime"}:
            frame[name] = pd.to_datetime(frame[name], errors="coerce")
    return frame


def read_decimals(field: dict[str, Any]) -> int | None:
    """A field's decimals: the API's (a preview's ``fields`` say what the engine wrote), else the schema's."""
    decimals = field.get("decimals", (field.get("constraints") or {}).get("decimals"))
    return None if decimals is None else int(decimals)


def count_decimals(values: list[Any]) -> int | None:
    """The most digits after the point among float values (JSON drops trailing zeros), at most 6."""
    places = [len(repr(v).partition(".")[2]) for v in values if isinstance(v, float) and "e" not in repr(v)]
    return min(max(places), 6) if places else None


def column_formats(fields: list[dict[str, Any]], rows: list[dict[str, Any]] = ()) -> dict[str, Any]:
    """st.dataframe column settings: money with its decimals (JSON has 1572.1 for 1572.10), whole
    numbers without '.0' (a column with blanks is float in pandas), percentages, dates as dates."""
    config: dict[str, Any] = {}
    for name, field in field_types(fields).items():
        kind = field.get("type")
        decimals = read_decimals(field)
        values = [row.get(name) for row in rows if row.get(name) is not None]
        whole = bool(values) and all(isinstance(v, int) and not isinstance(v, bool) for v in values)
        if decimals is None and kind in NUMBER_TYPES and values and not whole:
            decimals = count_decimals(values)  # a sample without the API's word: the most any value has
        if kind == "percentage":
            config[name] = st.column_config.NumberColumn(name, format=f"%.{1 if decimals is None else decimals}f%%")
        elif decimals is not None or kind in MONEY_TYPES:
            config[name] = st.column_config.NumberColumn(name, format=f"%.{2 if decimals is None else decimals}f")
        elif kind in ("integer", "age", "sequence") or whole:
            config[name] = st.column_config.NumberColumn(name, format="%d")
        elif kind in DATE_TYPES:
            config[name] = st.column_config.DateColumn(name, format="YYYY-MM-DD")
        elif kind == "datetime":
            config[name] = st.column_config.DatetimeColumn(name, format="YYYY-MM-DD HH:mm:ss")
    return config


def show_table(rows: list[dict[str, Any]], fields: list[dict[str, Any]], columns: list[str] | None = None,
               key: str | None = None, height: int | str = "auto") -> pd.DataFrame:
    """The rows formatted by their fields' types and decimals; a blank shows empty, never 'None'."""
    frame = build_frame(rows, fields, columns)
    known = field_types(fields)
    named = [known.get(str(name), {"name": str(name)}) for name in frame.columns]
    st.dataframe(frame, hide_index=True, width="stretch", column_config=column_formats(named, rows),
                 height=height, placeholder="", key=key)
    return frame


def choose_chart(kind: str | None, series: pd.Series) -> str | None:
    """histogram | bars | timeline for a column; None when every value differs (ids, names, text)."""
    values = series.dropna()
    if values.empty:
        return None
    if kind in DATE_TYPES | {"datetime"} or pd.api.types.is_datetime64_any_dtype(values):
        return "timeline"
    if kind in NUMBER_TYPES - {"sequence"} and pd.api.types.is_numeric_dtype(values):
        return "histogram"
    if kind in CATEGORY_TYPES or values.astype(str).nunique() <= max(10, len(values) // 4):
        return "bars"
    return None


def choose_period(values: pd.Series) -> str:
    """Days for a span of two months, weeks up to two years, else months (a pandas period code)."""
    days = (values.max() - values.min()).days
    return "D" if days <= 62 else "W" if days <= 730 else "M"


def count_per_period(values: pd.Series) -> pd.DataFrame:
    """Rows per day, week or month, each period with its start and end (a bar spans its period)."""
    periods = values.dt.tz_localize(None) if values.dt.tz is not None else values
    counts = periods.dt.to_period(choose_period(values)).value_counts().sort_index()
    return pd.DataFrame({"start": counts.index.start_time, "end": (counts.index + 1).start_time,
                         "rows": counts.to_numpy()})


def build_chart(name: str, kind: str, frame: pd.DataFrame) -> alt.Chart:
    """One column's chart. Streamlit fits a chart's title and axes inside its height, so the plots get
    room of their own: bars a fixed step per category, the others CHART_HEIGHT."""
    data = frame[[name]].dropna()
    base = alt.Chart(data, height=CHART_HEIGHT, title=name)
    if kind == "histogram":
        values = data[name]
        if pd.api.types.is_integer_dtype(values) and values.max() - values.min() <= MAX_INTEGER_BARS:
            return base.mark_bar().encode(alt.X(f"{name}:O", title=None, axis=alt.Axis(labelAngle=0)),
                                          alt.Y("count():Q", title="rows"))
        axis = alt.Axis(labelFlush=True)  # the last bin's label stays inside the chart, not cut off
        return base.mark_bar().encode(alt.X(f"{name}:Q", bin=alt.Bin(maxbins=20), title=None, axis=axis),
                                      alt.Y("count():Q", title="rows"))
    if kind == "timeline":
        periods = count_per_period(data[name])
        return alt.Chart(periods, height=CHART_HEIGHT, title=name).mark_bar(binSpacing=1).encode(
            alt.X("start:T", title=None, axis=alt.Axis(labelFlush=True)), alt.X2("end:T"),
            alt.Y("rows:Q", title="rows"), alt.Y2(datum=0),
            tooltip=[alt.Tooltip("start:T", title="from"), alt.Tooltip("rows:Q")])
    counts = data[name].astype(str).value_counts().head(MAX_CATEGORY_BARS).rename_axis("value").reset_index()
    return alt.Chart(counts, height=alt.Step(BAR_STEP), title=name).mark_bar().encode(
        alt.X("count:Q", title="rows", axis=alt.Axis(labelFlush=True)), alt.Y("value:N", sort="-x", title=None))


def show_preview(rows: list[dict[str, Any]], fields: list[dict[str, Any]], key: str) -> None:
    """The rows as a formatted table, then a chart per column that has a shape worth seeing."""
    frame = show_table(rows, fields, height=280)
    kinds = field_types(fields)
    charts = [(name, chart) for name in frame.columns
              if (chart := choose_chart(kinds.get(name, {}).get("type"), frame[name]))]
    skipped = [name for name in frame.columns if name not in dict(charts)]
    for start in range(0, len(charts), CHARTS_PER_ROW):
        columns = st.columns(CHARTS_PER_ROW)
        for column, (name, chart) in zip(columns, charts[start:start + CHARTS_PER_ROW]):
            column.altair_chart(build_chart(name, chart, frame), width="stretch", key=f"{key}_{name}")
    if skipped:
        st.caption("No chart for " + ", ".join(skipped) + ": their values are all different (ids, names, text).")
