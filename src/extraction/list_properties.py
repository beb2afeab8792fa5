"""YAML-like property lines under a bullet: '- speed_kmh:' then indented 'min: 0' / 'max: 130' lines are that
column's rules, read into one item for the list reader."""

from __future__ import annotations

import re

PROPERTY_LINE_RE = re.compile(r"^\s+(?P<k>[A-Za-z][\w ]{0,20}?)\s*:\s*(?P<v>\S.*)$")
# YAML-like keys that only label their value: 'values: [a, b]' is the list, 'range: 0-100' the range.
BARE_PROPERTY_KEYS = {"values", "value", "options", "choices", "enum", "categories", "range", "step", "interval",
                      "frequency", "period", "span", "between", "rule", "rules", "note", "notes", "description",
                      "constraint", "constraints", "type", "kind", "distribution"}


def nested_properties(lines: list[str], bullet_lines: list[int]) -> dict[int, list[int]]:
    """'- speed_kmh:' then indented 'min: 0' / 'max: 130' lines: the property lines under each bullet."""
    out: dict[int, list[int]] = {}
    for n, i in enumerate(bullet_lines):
        end = bullet_lines[n + 1] if n + 1 < len(bullet_lines) else len(lines)
        indent = len(lines[i]) - len(lines[i].lstrip())
        props = [j for j in range(i + 1, end) if PROPERTY_LINE_RE.match(lines[j])
                 and len(lines[j]) - len(lines[j].lstrip()) > indent]
        if props and props == list(range(i + 1, i + 1 + len(props))):
            out[i] = props
    return out


def join_properties(item: str, props: list[str]) -> str:
    """'speed_kmh:' with 'min: 0', 'max: 130' -> 'speed_kmh: between 0 and 130'; 'values: [a, b]' -> 'a, b'."""
    if not props:
        return item
    read = {m["k"].strip().lower(): m["v"].strip().strip("[]{}").strip() for m in map(PROPERTY_LINE_RE.match, props) if m}
    parts: list[str] = []
    if "min" in read and "max" in read:
        parts.append(f"between {read.pop('min')} and {read.pop('max')}")
    weights = [w.strip() for w in read.pop("weights", "").split(",") if w.strip()]
    values = [v.strip() for v in read.get("values", "").split(",") if v.strip()]
    if weights and len(weights) == len(values) and all(re.fullmatch(r"\d+(?:\.\d+)?%?", w) for w in weights):
        scale = 100 if sum(float(w.rstrip("%")) for w in weights) <= 1.01 else 1  # 'weights: [0.85, 0.05, 0.10]'
        read["values"] = ", ".join(f"{v} {float(w.rstrip('%')) * scale:g}%" for v, w in zip(values, weights))
    elif weights:
        read["weights"] = ", ".join(weights)
    for key, value in read.items():
        if key in ("interval", "step", "frequency") and re.match(r"\d", value):
            value = f"every {value}"  # 'interval: 1 minute' is the time grid
        parts.append(value if key in BARE_PROPERTY_KEYS else f"{key} {value}")
    label = item.rstrip().rstrip(":").strip()
    label = re.sub(r"^(?:name|column|field|column\s+name|field\s+name)\s*:\s*(?=\S)", "", label, flags=re.I)  # '- name: mode'
    return f"{label}: {', '.join(parts)}"
