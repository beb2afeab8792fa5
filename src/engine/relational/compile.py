"""compile_relational(): a multi-table document -> RelationalPlan (one DatasetPlan per table).

Tables compile parents first. Each table gets its own seed derived from the document's seed and its
name, so changing one table leaves unrelated tables byte-identical. A child's references and
``table.field`` reads come from a TableProvider that regenerates parent values on demand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from src.engine.expressions import ExpressionError, parse_expression
from src.engine.compiler import compile_schema
from src.engine.plan import DEFAULT_NULL_PROBABILITY, DEFAULT_SEED, DatasetPlan
from src.engine.relational.counts import ChildCounts, ChildIndex
from src.engine.relational.links import DEFAULT_ZIPF_EXPONENT, Link
from src.engine.relational.provider import Chain, TableProvider
from src.engine.relational.unique_sets import keep_unique_set, list_unique_sets
from src.engine.rng import derive_key
from src.errors import Problem, SchemaValidationError
from src.schemas.fields import MAX_SEED, Constraints, DatasetSchema, FieldSpec
from src.schemas.relational import (
    RelationalSchema,
    TableSpec,
    order_tables,
    parent_tables,
    parse_relational,
    references_table,
    split_ref,
)


@dataclass
class TablePlan:
    """One table of a relational dataset: its compiled plan and its row count."""

    name: str
    spec: TableSpec
    plan: DatasetPlan
    rows: int
    index: ChildIndex | None = None
    given: bool = False  # rows given (read from a target database), never generated nor written

    @property
    def arrow_schema(self):
        return self.plan.arrow_schema

    def generate_chunk(self, start_row: int, n_rows: int):
        return self.plan.generate_chunk(start_row, n_rows)


@dataclass
class RelationalPlan:
    """Every table of a document, parents first; each table's chunks are pure in (seed, rows)."""

    doc: RelationalSchema
    seed: int
    anchor: dt.datetime
    tables: dict[str, TablePlan]

    @property
    def rows_per_table(self) -> dict[str, int]:
        """Rows of each generated table (a table of given rows is only read)."""
        return {name: t.rows for name, t in self.tables.items() if not t.given}

    @property
    def total_rows(self) -> int:
        return sum(self.rows_per_table.values())


def table_seed(seed: int, table: str) -> int:
    """A table's own seed: a pure function of the document seed and the table's name."""
    return derive_key(seed, "table", table) & MAX_SEED


def compile_relational(doc: dict | RelationalSchema, *, seed: int | None = None,
                       anchor: dt.datetime | None = None, root_rows: int | None = None,
                       text_pools: dict[str, dict[str, Any]] | None = None,
                       fixed: dict[str, Any] | None = None) -> RelationalPlan:
    """Check a multi-table document and prepare every table; SchemaValidationError names every problem.

    ``root_rows`` is the first table's row count when it gives none (a job's ``total_rows``).
    ``fixed``: tables whose rows are given (name -> pyarrow.Table of the columns children read, e.g.
    keys already in a target database), used as parents and never generated.
    """
    try:
        schema = parse_relational(doc)
    except SchemaValidationError as err:
        raise SchemaValidationError(err.problems + _field_problems(doc, err.problems)) from None
    anchor = (anchor or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)).replace(microsecond=0)
    if anchor.tzinfo is not None:
        anchor = anchor.astimezone(dt.timezone.utc).replace(tzinfo=None)
    seed = seed if seed is not None else (schema.seed if schema.seed is not None else DEFAULT_SEED)
    builder = _Builder(schema, seed, anchor, root_rows, text_pools or {}, fixed or {})
    for name in order_tables(schema):
        builder.build(name)
    if builder.problems:
        raise SchemaValidationError(builder.problems)
    return RelationalPlan(schema, seed, anchor, {n: builder.plans[n] for n in order_tables(schema)})


class _ChecksOnly(Exception):
    """Raised by a stand-in provider once a table's field rules are checked (nothing is generated)."""


@dataclass
class _StandInProvider:
    names: set[str]

    def columns(self, start: int, n: int, order: list[str]):
        raise _ChecksOnly


def _field_problems(doc: Any, found: list[Problem]) -> list[Problem]:
    """Field rules of each table, checked even when the document has problems across tables, so
    one pass names every problem."""
    try:
        schema = RelationalSchema.model_validate(doc)
    except Exception:
        return []  # structure is broken: the structural problems are all there is to say
    out = []
    seen = {(p.loc, p.message) for p in found}
    for ti, table in enumerate(schema.tables):
        provided = {f.name for f in table.fields if f.type == "reference"}
        provided |= {n for f in table.fields for n in list_field_reads(f) if "." in n}
        fields = [f.model_copy(update={"constraints": Constraints()}) if f.type == "reference" else f
                  for f in table.fields]
        try:
            compile_schema(DatasetSchema(fields=fields, locale=schema.locale), provider=_StandInProvider(provided))
        except _ChecksOnly:
            continue
        except SchemaValidationError as err:
            for p in err.problems:
                problem = Problem(f"tables[{ti}].{p.loc}", f"table '{table.name}': {p.message}")
                if (problem.loc, problem.message) not in seen:
                    out.append(problem)
        except ValueError:
            continue  # e.g. duplicate field names: already a structural problem
    return out


def list_field_reads(spec: FieldSpec) -> set[str]:
    """Every name a field's rules read (fields, or 'table.field')."""
    c = spec.constraints
    names = {v for v in (c.after, c.before, c.condition_on) if v}
    for text in (c.expression, c.when):
        if text:
            try:
                names |= parse_expression(text).referenced_fields()
            except (ExpressionError, RecursionError):
                pass  # reported with its position when the table compiles
    return names


class _Builder:
    def __init__(self, schema: RelationalSchema, seed: int, anchor: dt.datetime, root_rows: int | None,
                 text_pools: dict[str, dict[str, Any]], fixed: dict[str, Any]):
        self.fixed = fixed
        self.schema = schema
        self.seed = seed
        self.anchor = anchor
        self.root_rows = root_rows
        self.text_pools = text_pools
        self.plans: dict[str, TablePlan] = {}
        self.key_plans: dict[str, DatasetPlan] = {}
        self.providers: dict[str, TableProvider] = {}
        self.problems: list[Problem] = []

    def fail(self, ti: int, loc: str, message: str) -> None:
        table = self.schema.tables[ti]
        self.problems.append(Problem(f"tables[{ti}]{loc}", f"table '{table.name}': {message}"))

    def build(self, name: str) -> None:
        ti = self.schema.table_names().index(name)
        table = self.schema.tables[ti]
        if name in self.fixed:
            from src.engine.relational.fixed import FixedRows

            given = FixedRows(table, self.fixed[name])
            self.plans[name] = TablePlan(name, table, given, given.rows, given=True)
            return
        if any(p not in self.plans for p in parent_tables(table)):
            return  # a parent failed: its problems are reported
        t_seed = table_seed(self.seed, name)
        rows, index = self.row_count(ti, table, t_seed)
        if rows is None:
            return
        links = self.make_links(ti, table, t_seed, rows, index)
        provider = TableProvider(links=links, parent_plan=self.parent_plan_for(name), index=index)
        self.providers[name] = provider
        fields = self.wire_lookups(ti, table, links, provider)
        for loc, members in list_unique_sets(table):
            fields = keep_unique_set(lambda at, message: self.fail(ti, at, message), loc, table, members,
                                     links, provider, fields, rows, t_seed, self.schema.locale)
        if not self.problems_for(ti) and any(link.mode == "self" for link in links):
            self.compile_key_plan(ti, table, t_seed)
        if self.problems_for(ti):
            return
        dataset = DatasetSchema(fields=fields, locale=self.schema.locale, name=name)
        try:
            plan = compile_schema(dataset, seed=t_seed, anchor=self.anchor, provider=provider,
                                  text_pools=self.text_pools.get(name))
            plan.check_row_count(rows)
        except SchemaValidationError as err:
            for p in err.problems:
                self.problems.append(Problem(f"tables[{ti}].{p.loc}", f"table '{name}': {p.message}"))
            return
        self.plans[name] = TablePlan(name, table, plan, rows, index)

    def problems_for(self, ti: int) -> bool:
        return any(p.loc.startswith(f"tables[{ti}]") for p in self.problems)

    def parent_plan_for(self, name: str):
        def plan_of(parent: str):
            return self.key_plans[name] if parent == name else self.plans[parent].plan
        return plan_of

    def row_count(self, ti: int, table: TableSpec, t_seed: int) -> tuple[int | None, ChildIndex | None]:
        rpp = table.rows_per_parent
        if rpp is not None:
            counts = ChildCounts(rpp, derive_key(t_seed, "children"))
            index = ChildIndex(counts, self.plans[rpp.parent].rows)
            return index.total, index
        if table.rows is not None:
            return table.rows, None
        if ti == 0 and self.root_rows is not None:
            return self.root_rows, None
        self.fail(ti, "", "give rows (a row count) or rows_per_parent (children per parent row)")
        return None, None

    def make_links(self, ti: int, table: TableSpec, t_seed: int, rows: int,
                   index: ChildIndex | None) -> list[Link]:
        rpp_parent = table.rows_per_parent.parent if table.rows_per_parent else None
        links: list[Link] = []
        for fi, spec in enumerate(table.fields):
            parts = split_ref(spec.constraints.references or "")
            if parts is None:
                continue
            c = spec.constraints
            link = Link(spec.name, parts[0], [spec.name], [parts[1]], key=derive_key(t_seed, "link", spec.name))
            if c.distribution is not None:
                if c.distribution.kind not in ("uniform", "zipf"):
                    self.fail(ti, f".fields[{fi}].constraints.distribution",
                              f"field '{spec.name}': a reference's parents are drawn uniform or zipf")
                link.distribution = c.distribution.kind
                link.exponent = c.distribution.exponent or DEFAULT_ZIPF_EXPONENT
            if c.nullable:
                link.null_probability = c.null_probability if c.null_probability is not None \
                    else DEFAULT_NULL_PROBABILITY
            links.append(link)
        for ki, fk in enumerate(table.foreign_keys):
            parent = self.schema.table(fk.references)
            links.append(Link(f"foreign_keys[{ki}]", parent.name, list(fk.fields),
                              list(fk.columns or parent.key_columns()),
                              key=derive_key(t_seed, "link", "fk", *fk.fields)))
        seen: set[str] = set()
        for link in links:
            if link.parent == table.name:
                link.mode = "self"
            else:
                link.parents = self.plans[link.parent].rows
                if link.parent == rpp_parent and link.parent not in seen:
                    link.mode = "structural"
                elif table.field(link.name) is not None and table.field(link.name).constraints.unique:
                    link.mode = "unique"
                seen.add(link.parent)
            self.check_link(ti, table, link, rows)
        return links

    def check_link(self, ti: int, table: TableSpec, link: Link, rows: int) -> None:
        where = f".fields[{[f.name for f in table.fields].index(link.name)}]" if table.field(link.name) else ""
        if link.mode == "structural" and link.distribution != "uniform":
            self.fail(ti, where, f"'{link.name}' follows rows_per_parent; its distribution does not apply")
        if link.mode == "unique" and rows > link.parents:
            self.fail(ti, f"{where}.constraints.unique", f"'{link.name}' is unique but table "
                      f"'{link.parent}' has only {link.parents} rows for {rows}")
        if link.mode == "structural" and table.field(link.name) is not None and \
                table.field(link.name).constraints.unique and table.rows_per_parent.max > 1:
            self.fail(ti, f"{where}.constraints.unique", f"'{link.name}' is unique: rows_per_parent max must be <= 1")
        if link.mode not in ("self", "structural") and link.parents == 0 and rows > 0 and \
                link.null_probability < 1:
            self.fail(ti, where, f"'{link.name}' references table '{link.parent}', which has no rows")

    def wire_lookups(self, ti: int, table: TableSpec, links: list[Link],
                     provider: TableProvider) -> list[FieldSpec]:
        """Route 'table.field' reads to the first reference to that table; hand references to the
        provider (it draws their nulls too, so a null reference reads null parent values)."""
        fields = []
        for fi, spec in enumerate(table.fields):
            reads = {n for n in list_field_reads(spec) if "." in n}
            for name in sorted(reads):
                chain, problem = self.chain_for(table, name, links, provider)
                if chain is not None:
                    provider.chains[name] = chain
                    continue
                problem = problem or self.lookup_problem(table, name)
                if problem:
                    rule = next((r for r in ("expression", "when", "after", "before")
                                 if name in str(getattr(spec.constraints, r, None) or "")), None)
                    where = f".fields[{fi}].constraints" + (f".{rule}" if rule else "")
                    self.fail(ti, where, f"field '{spec.name}'{f' ({rule})' if rule else ''}: {problem}")
                    continue
                parent, column = split_ref(name)
                next(link for link in links if link.parent == parent).lookups.add(column)
            provider.reads[spec.name] = reads
            if spec.type == "reference":
                c = spec.constraints.model_copy(update={"nullable": False, "null_probability": None,
                                                        "distribution": None, "unique": False,
                                                        "primary_key": False})
                spec = spec.model_copy(update={"constraints": c})
            fields.append(spec)
        return fields

    def lookup_problem(self, table: TableSpec, name: str) -> str | None:
        parts = split_ref(name)
        if parts is None or self.schema.table(parts[0]) is None:
            return f"unknown table in '{name}'"
        if parts[0] == table.name:
            return f"name this table's own field directly, not '{name}'"
        if self.schema.table(parts[0]).field(parts[1]) is None:
            return f"'{parts[1]}' is not a field of table '{parts[0]}'"
        if not references_table(table, parts[0]):
            path = self.ancestor_path(table, parts[0])
            if path:
                return (f"'{name}' is a field of a grandparent ({' -> '.join(path)}): only a table this one "
                        f"references can be read; add a field to '{path[1]}' with expression '{name}' and "
                        f"read '{path[1]}.<that field>'")
            return f"'{name}' reads a parent row, but this table has no reference to '{parts[0]}'"
        return None

    def chain_for(self, table: TableSpec, name: str, links: list[Link],
                  provider: TableProvider) -> tuple[Chain | None, str | None]:
        """A grandparent's (or further ancestor's) column read through the first reference of each
        table on the way; (None, None) when ``name`` is no ancestor's, (None, problem) when it cannot be exact."""
        parts = split_ref(name)
        if parts is None or parts[0] == table.name or self.schema.table(parts[0]) is None or \
                references_table(table, parts[0]) or self.schema.table(parts[0]).field(parts[1]) is None:
            return None, None
        path = self.ancestor_path(table, parts[0])
        if path is None:
            return None, None
        hops: list[tuple[Link, ChildIndex | None]] = []
        for at, (child, parent) in enumerate(zip(path, path[1:])):
            own_links = links if child == table.name else self.providers[child].links
            link = next(link for link in own_links if link.parent == parent)
            joint = provider.joint if child == table.name else self.providers[child].joint
            if at < len(path) - 2 and link.mode != "structural":
                return None, (f"'{name}' is read through {' -> '.join(path)}, but '{child}' draws its "
                              f"'{parent}' row at random: only rows_per_parent links can lead to a further "
                              f"table; add a field to '{path[1]}' that copies it and read that")
            if joint is not None and child != table.name and link in joint.links and link is not joint.structural:
                return None, (f"'{name}' is read through {' -> '.join(path)}, but '{child}' draws its "
                              f"'{parent}' row as part of a composite key; read it through '{path[1]}'")
            index = provider.index if child == table.name else self.plans[child].index
            hops.append((link, index))
        return Chain(hops, parts[0], parts[1]), None

    def ancestor_path(self, table: TableSpec, ancestor: str) -> list[str] | None:
        """table -> parent -> ... -> ancestor through references (breadth first), or None."""
        came_from: dict[str, str | None] = {table.name: None}
        queue = [table.name]
        while queue:
            name = queue.pop(0)
            if name == ancestor:
                path = [name]
                while came_from[path[-1]] is not None:
                    path.append(came_from[path[-1]])
                return path[::-1]
            spec = self.schema.table(name)
            for parent in parent_tables(spec) if spec is not None else []:
                if parent not in came_from:
                    came_from[parent] = name
                    queue.append(parent)
        return None

    def compile_key_plan(self, ti: int, table: TableSpec, t_seed: int) -> None:
        """A self-referencing table's keys come from the table without its references (and what reads
        them): the same seed and field keys give the same key values."""
        keep = [f for f in table.fields if f.type != "reference"]
        while True:
            names = {f.name for f in keep}
            trimmed = [f for f in keep if list_field_reads(f) <= names]
            if len(trimmed) == len(keep):
                break
            keep = trimmed
        self_links = [f for f in table.fields if split_ref(f.constraints.references or "")
                      and split_ref(f.constraints.references)[0] == table.name]
        for spec in self_links:
            column = split_ref(spec.constraints.references)[1]
            if column not in {f.name for f in keep}:
                self.fail(ti, "", f"key '{column}' reads another column and cannot be a self-reference's target")
                return
        try:
            self.key_plans[table.name] = compile_schema(
                DatasetSchema(fields=keep, locale=self.schema.locale, name=table.name), seed=t_seed,
                anchor=self.anchor)
        except SchemaValidationError:
            pass  # the full table reports the same problems
