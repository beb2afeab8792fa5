"""Keys and links of extracted tables: a primary key per table, a `reference` field per parent (in place of
the column that named it), self-references, parent copies ('customer name' -> customers.name) and
`table.field` order rules."""

from __future__ import annotations

from typing import Any

from src.engine.semantics import singular, tokenize
from src.extraction.relational.model import CrossOrder, EntityDraft

Field = dict[str, Any]
ID_SUFFIXES = ("_id", "_identifier", "_number", "_no", "_code", "_key", "_uuid", "_ref", "_reference")
KEY_TYPES = {"uuid", "sequence", "code", "integer", "string"}
TEMPORAL = {"date", "datetime", "time"}
# A child column '<parent>_<x>' of one of these types repeats the parent's value ('customer_name').
COPY_TYPES = {"full_name", "first_name", "last_name", "email", "phone", "country", "country_code", "city", "state",
              "region", "company", "address", "street_address", "postal_code", "username", "currency", "job_title",
              "department"}
ROLE_COLUMNS = {"manager_id": ("manager", "supervisor", "boss", "reports_to"),
                "supervisor_id": ("supervisor", "manager"), "team_lead_id": ("team_lead", "lead"),
                "mentor_id": ("mentor",), "referred_by": ("referrer", "referred_by"), "parent_id": ("parent",)}


def snake(key: str) -> str:
    return key.replace(" ", "_")


def choose_key(draft: EntityDraft, fields: list[Field], other_keys: set[str]) -> str:
    """Make one field the primary key (this entity's id, else the first id-like field that names no other
    entity), inserting `<entity>_id` when there is none; answers its name."""
    own = snake(draft.key)
    others = {snake(k) for k in other_keys}

    def is_candidate(f: Field) -> bool:
        name = f["name"]
        if f.get("type") not in KEY_TYPES or (f.get("constraints") or {}).get("expression"):
            return False
        if name in ("id", f"{own}_id", f"{own.split('_')[-1]}_id"):
            return True
        prefix = next((name[:-len(s)] for s in ID_SUFFIXES if name.endswith(s)), None)
        return prefix is not None and prefix not in others and prefix.split("_")[-1] in own.split("_")

    chosen = next((f for f in fields if is_candidate(f)), None)
    if chosen is None:
        chosen = {"name": f"{own}_id", "type": "sequence", "constraints": {}}
        fields.insert(0, chosen)
    c = chosen.setdefault("constraints", {})
    for rule in ("unique", "nullable", "null_probability", "cardinality", "when", "expression", "distribution"):
        c.pop(rule, None)
    c["primary_key"] = True
    return chosen["name"]


def reference_name(parent: EntityDraft, parent_key: str) -> str:
    own = snake(parent.key)
    return parent_key if parent_key.startswith(own.split("_")[-1]) else f"{own}_{parent_key}"


def add_reference(fields: list[Field], pk: str, name: str, target: str, *, nullable: bool = False,
                  replaces: tuple[str, ...] = ()) -> None:
    """Put a reference field where the column that named the parent was, else right after the key."""
    spec: Field = {"name": name, "type": "reference", "constraints": {"references": target}}
    if nullable:
        spec["constraints"]["nullable"] = True
    names = {name, *replaces}
    at = next((i for i, f in enumerate(fields) if f["name"] in names and f["name"] != pk), None)
    fields[:] = [f for f in fields if f["name"] not in names or f["name"] == pk]
    if at is None:
        at = next((i + 1 for i, f in enumerate(fields) if f["name"] == pk), 0)
    fields.insert(min(at, len(fields)), spec)


def copy_parent_columns(fields: list[Field], parent: EntityDraft, parent_table: str, parent_fields: list[Field],
                        ref_name: str) -> list[str]:
    """'customer_name' in orders when customers has a name of the same type: read the parent's value."""
    prefix = snake(parent.key) + "_"
    copied = []
    for f in fields:
        name, c = f["name"], f.setdefault("constraints", {})
        if f["name"] == ref_name or not name.startswith(prefix) or f.get("type") not in COPY_TYPES or \
                c.get("expression") or c.get("when"):
            continue
        rest = name[len(prefix):]
        source = next((p for p in parent_fields if p.get("type") == f.get("type") and p.get("type") != "reference"
                       and (p["name"] in (rest, name) or p["name"].endswith("_" + rest))), None)
        if source is not None:
            f["constraints"] = {"expression": f"{parent_table}.{source['name']}"}
            copied.append(name)
    return copied


def self_reference(fields: list[Field], pk: str, role_field: str, table: str) -> None:
    roles = ROLE_COLUMNS.get(role_field, (role_field.removesuffix("_id"),))
    replaces = tuple(f["name"] for f in fields if f["name"] != pk and
                     any(f["name"] == r or f["name"].startswith(r + "_") for r in roles))
    add_reference(fields, pk, role_field, f"{table}.{pk}", nullable=True, replaces=replaces)


GENERIC_WORDS = {"date", "time", "datetime", "timestamp", "day", "at", "on", "the", "of"}


def _overlap(words: str, name: str) -> int:
    """Shared words that say which field ('signup' in signup_date), not what kind ('date')."""
    a = {singular(t) for t in tokenize(words)} - GENERIC_WORDS
    b = {singular(t) for t in tokenize(name.replace("_", " "))} - GENERIC_WORDS
    return len(a & b)


def _best_field(fields: list[Field], words: str) -> Field | None:
    scored = [(_overlap(words, f["name"]), f.get("type") in TEMPORAL, f) for f in fields if f.get("type") != "reference"]
    scored = [s for s in scored if s[0] > 0 or (s[1] and sum(1 for x in scored if x[1]) == 1)]
    if not scored:
        return None
    return max(scored, key=lambda s: (s[1], s[0]))[2]


def order_fit(fields: list[Field], words: str) -> int:
    """How well a table's date fields match the words an order rule names ('order date'): shared words."""
    return max((_overlap(words, f["name"]) for f in fields if f.get("type") in TEMPORAL), default=0)


def apply_order(fields: list[Field], order: CrossOrder, parent_table: str, parent_fields: list[Field]) -> str | None:
    """Set `after`/`before` to the parent's field; answers the child field's name, or None when unread."""
    temporal = [f for f in fields if f.get("type") in TEMPORAL and not (f.get("constraints") or {}).get("expression")]
    target = _best_field(temporal, order.field_words) or (temporal[0] if len(temporal) == 1 else None)
    source = _best_field([p for p in parent_fields if p.get("type") in TEMPORAL], order.parent_words)
    if target is None or source is None or source.get("type") != target.get("type"):
        return None
    c = target.setdefault("constraints", {})
    c.pop("after", None)
    c.pop("before", None)
    # The parent's value bounds this field on that side; the far side takes the parent's own bound, so a
    # value exists for every parent row (a template's '-90d' after a signup up to 3 years back would not).
    near, far = ("min_value", "max_value") if order.op == "after" else ("max_value", "min_value")
    c.pop(near, None)
    parent_bound = (source.get("constraints") or {}).get(far)
    if parent_bound is not None:
        c[far] = parent_bound
    c[order.op] = f"{parent_table}.{source['name']}"
    return target["name"]
