"""A table's composite primary_key and unique_together sets, kept unique by construction: through a
unique member, a sequence numbered within each rows_per_parent parent, references drawn jointly,
or a combination of value fields (combos.py) each used once."""

from __future__ import annotations

from typing import Callable

from src.engine.relational.combos import ValueCombos, member_domain
from src.engine.relational.links import JointDraw, Link
from src.engine.relational.provider import TableProvider
from src.engine.rng import derive_key
from src.schemas.fields import Constraints, FieldSpec
from src.schemas.relational import TableSpec

Fail = Callable[[str, str], None]


def list_unique_sets(table: TableSpec) -> list[tuple[str, list[str]]]:
    """(location, members) of each set of fields that must not repeat together."""
    sets = [(".primary_key", list(table.primary_key))] if table.primary_key else []
    sets += [(f".unique_together[{i}]", list(m)) for i, m in enumerate(table.unique_together)
             if sorted(m) != sorted(table.primary_key or [])]
    return sets


def keep_unique_set(fail: Fail, loc: str, table: TableSpec, members: list[str], links: list[Link],
                    provider: TableProvider, fields: list[FieldSpec], rows: int, t_seed: int,
                    locale: str | None) -> list[FieldSpec]:
    """``fields`` rewritten so no two rows share the values of ``members``; problems go to ``fail``."""
    specs = {f.name: f for f in table.fields}
    label = f"({', '.join(members)})"
    for name in members:
        if name in specs and specs[name].constraints.nullable:
            fail(loc, f"key column '{name}' cannot be nullable" if loc == ".primary_key" else
                 f"'{name}' is part of unique_together {label} and cannot be nullable")
    if any(specs[n].type != "reference" and specs[n].constraints.unique for n in members if n in specs):
        return fields
    if any(n in provider.ordinals or any(n in c.names for c in provider.combos) for n in members):
        fail(loc, f"{label} shares a field with another composite key or unique_together set that is "
             "made jointly: only one such set per field")
        return fields
    by_field = {f: link for link in links for f in link.fields}
    ref_links = [link for link in links if set(link.fields) <= set(members)]
    covered = {f for link in ref_links for f in link.fields}
    rest = [n for n in members if n not in covered]
    structural = next((link for link in ref_links if link.mode == "structural"), None)
    if structural and len(rest) == 1 and len(ref_links) == 1 and specs[rest[0]].type in ("sequence", "integer"):
        c = specs[rest[0]].constraints
        first = int(c.min_value) if isinstance(c.min_value, (int, float)) else 1
        step = int(float(c.step)) if c.step else 1
        most = table.rows_per_parent.max
        if specs[rest[0]].type == "integer" and isinstance(c.max_value, (int, float)) and \
                first + (most - 1) * step > c.max_value:
            fail(loc, f"{label}: '{rest[0]}' is numbered {first}, {first + step}, ... within each "
                 f"'{structural.parent}' row, but {most} children pass its max_value {c.max_value}")
            return fields
        provider.ordinals[rest[0]] = (first, step)
        return _as_provided(fields, {rest[0]})
    if not rest and ref_links:
        return _joint(fail, loc, table, members, ref_links, by_field, structural, provider, fields, rows,
                      t_seed)
    if not ref_links and rest:
        return _values(fail, loc, members, specs, provider, fields, rows, t_seed, locale)
    free = [n for n in rest if member_domain(specs[n], locale) is None and specs[n].type != "reference"]
    if free:
        return _made_unique(fields, free[0])
    fail(loc, f"{label} cannot be kept unique: include a unique field, or the rows_per_parent reference "
         "and one sequence (numbered within each parent), or only references (each combination once), "
         "or only value fields (enum, boolean, integers with min_value and max_value, pool-valued types)")
    return fields


def _joint(fail: Fail, loc: str, table: TableSpec, members: list[str], ref_links: list[Link], by_field,
           structural: Link | None, provider: TableProvider, fields: list[FieldSpec], rows: int,
           t_seed: int) -> list[FieldSpec]:
    label = f"({', '.join(members)})"
    if not all(by_field[n].mode in ("random", "structural", "unique") for n in members) or \
            (structural is not None and len(ref_links) != 2):
        fail(loc, f"{label} cannot be kept unique: references drawn jointly are either all drawn at random "
             "or the rows_per_parent reference and one other")
        return fields
    if provider.joint is not None:
        fail(loc, f"{label}: only one composite key or unique_together set of references per table")
        return fields
    joint = JointDraw(ref_links, derive_key(t_seed, "joint"), structural)
    for link in ref_links:
        if link.null_probability:
            fail(loc, f"key column '{link.name}' cannot be nullable")
        if link is not structural:
            link.mode = "joint"
    limit = table.rows_per_parent.max if structural else rows
    if joint.capacity() < limit:
        fail(loc, f"only {joint.capacity()} distinct {label} combinations exist for {limit} rows"
             + (" of one parent" if structural else ""))
    provider.joint = joint
    return fields


def _values(fail: Fail, loc: str, members: list[str], specs: dict[str, FieldSpec], provider: TableProvider,
            fields: list[FieldSpec], rows: int, t_seed: int, locale: str | None) -> list[FieldSpec]:
    """Value fields: each combination of their values once when they can all be enumerated; else one
    member that cannot (a name, an email, an unbounded number) is made unique."""
    domains = [member_domain(specs[n], locale) for n in members]
    free = [n for n, d in zip(members, domains) if d is None]
    if free:
        return _made_unique(fields, free[0])
    combos = ValueCombos(domains, derive_key(t_seed, "combos", *members))
    if combos.capacity() < rows:
        sizes = " x ".join(f"{d.size} {d.name}" for d in domains)
        fail(loc, f"only {combos.capacity()} distinct ({', '.join(members)}) combinations exist ({sizes}) "
             f"for {rows} rows: widen a member's values or lower the row count")
        return fields
    provider.combos.append(combos)
    return _as_provided(fields, set(members))


def _as_provided(fields: list[FieldSpec], names: set[str]) -> list[FieldSpec]:
    """The named fields' values come from the provider (the compiler sees them as references)."""
    return [f.model_copy(update={"type": "reference", "constraints": Constraints()}) if f.name in names else f
            for f in fields]


def _made_unique(fields: list[FieldSpec], name: str) -> list[FieldSpec]:
    return [f.model_copy(update={"constraints": f.constraints.model_copy(update={"unique": True})})
            if f.name == name else f for f in fields]
