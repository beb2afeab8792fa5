"""YAML-like property lines under a bullet: '- speed_kmh:' then indented 'min: 0' / 'max: 130' lines are that
column's rules, read into one item for the list reader."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm

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


# Shares in words a sub-bullet gives its value: '(about a third)', '- half', ': the rest'.
SHARE_WORDS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
               "two thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
               "a fifth": 20.0, "one fifth": 20.0, "a tenth": 10.0, "one tenth": 10.0}
REST_WORDS_RE = re.compile(r"^(?:the\s+)?(?:rest|remainder|remaining|others?)$", re.I)
VALUE_BULLET_RE = re.compile(
    r"^(?P<v>[^:()\-–—,]{1,40}?)\s*(?::\s*|\s[-–—]\s*|\s*\(\s*)(?P<w>[^()]{1,30}?)\s*\)?\s*$|^(?P<bare>[^:()]{1,40})$")
SHARE_RE = re.compile(r"^(?:about|around|roughly|approximately|approx\.?|~|nearly|almost)?\s*(?P<w>.+?)$", re.I)


def read_share(words: str) -> float | str | None:
    """'60%' -> 60.0, 'about a third' -> 33.3, 'the rest' -> 'rest'; None when the words are no share."""
    words = SHARE_RE.match(words.strip())["w"].strip().lower()
    if REST_WORDS_RE.match(words):
        return "rest"
    number = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", words)
    if number:
        return float(number[1])
    return SHARE_WORDS.get(re.sub(r"\s+(?:of\s+(?:them|the\s+rows|rows|all))$", "", words))


def names_a_column(words: str) -> bool:
    found = fm.classify_tokens(fm.tokenize(words))
    return found is not None and found.meaning.type not in ("enum", "boolean", "string")


def fold_value_bullets(item: str, children: list[str]) -> str | None:
    """'tier:' with sub-bullets 'bronze: 60%', 'silver: 30%', 'gold (the rest)' -> 'tier: bronze 60%, silver 30%,
    gold 10%'; None when a sub-bullet is not a value (then they stay columns of their own)."""
    values: list[tuple[str, float | str | None]] = []
    for child in children:
        m = VALUE_BULLET_RE.match(child.strip())
        if m is None:
            return None
        if m["bare"]:
            if len(m["bare"].split()) > 4 or names_a_column(m["bare"]):
                return None  # '- address' over '- street', '- city': a group of columns, not values
            values.append((m["bare"].strip(), None))
            continue
        share = read_share(m["w"])
        if share is None:
            return None
        values.append((m["v"].strip(), share))
    shares = [s for _, s in values if isinstance(s, float)]
    rest = [v for v, s in values if s == "rest"]
    if rest and len(rest) == 1 and sum(shares) < 100:
        values = [(v, 100 - sum(shares) if s == "rest" else s) for v, s in values]
    weighted = all(isinstance(s, float) for _, s in values)
    listed = ", ".join(f"{v} {s:.4g}%" if weighted else v for v, s in values)
    return f"{item.rstrip().rstrip(':').strip()}: {listed}"


def fold_sub_bullets(lines: list[str], bullet_lines: list[int],
                     bullet_re: re.Pattern) -> tuple[list[int], dict[int, str], set[int]]:
    """Bullets indented under a bullet that are its values: (the bullets left, parent -> folded item, the children)."""
    indent = {i: len(lines[i]) - len(lines[i].lstrip()) for i in bullet_lines}
    folded: dict[int, str] = {}
    children: set[int] = set()
    for n, i in enumerate(bullet_lines):
        below = []
        for j in bullet_lines[n + 1:]:
            if indent[j] <= indent[i]:
                break
            below.append(j)
        if not below or i in children or any(indent[j] != indent[below[0]] for j in below):
            continue
        item = fold_value_bullets(bullet_re.sub("", lines[i], count=1).strip(),
                                  [bullet_re.sub("", lines[j], count=1) for j in below])
        if item is not None and len(item.split(":")[0].split()) <= 5:
            folded[i] = item
            children.update(below)
    return [i for i in bullet_lines if i not in children], folded, children
