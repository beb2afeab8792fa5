"""The multi-table document: tables with primary keys, references and child counts.

``{"seed", "locale", "tables": [{"name", "rows" | "rows_per_parent", "fields", "primary_key",
"foreign_keys"}]}``. A single-table ``{"fields": [...]}`` document stays a DatasetSchema.
Structural rules live in the models; ``find_relation_problems`` checks what spans tables (unknown
tables and fields, references to non-keys, cycles) and names every problem at once.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from src.errors import Problem, SchemaValidationError
from src.schemas.fields import _LOCALE_RE, MAX_SEED, DatasetSchema, FieldSpec, check_identifier
from src.schemas.sql_origin import SqlOrigin, unknown_columns

MAX_TABLES = 50
MAX_TABLE_ROWS = 10**12
MAX_CHILDREN = 100_000  # per parent: the truncated distribution is tabulated over min..max
ChildDistribution = Literal["uniform", "poisson", "zipf", "fixed"]


class RowsPerParent(BaseModel):
    """Every parent row gets min..max children, drawn from a distribution truncated to min..max."""

    model_config = ConfigDict(extra="forbid")

    parent: str = Field(..., description="The parent table's name.")
    min: int = Field(0, ge=0, le=MAX_CHILDREN, description="Fewest children of one parent.")
    max: int | None = Field(None, ge=0, le=MAX_CHILDREN, description="Most children of one parent.")
    distribution: ChildDistribution = "uniform"
    mean: float | None = Field(None, gt=0, le=MAX_CHILDREN, description="poisson: mean before truncation "
                               "(default: middle of min..max).")
    exponent: float | None = Field(None, gt=0, le=10, description="zipf: P(k) ~ k^-exponent for k >= 1 "
                                   "(default 2), before truncation.")
    count: int | None = Field(None, ge=0, le=MAX_CHILDREN, description="fixed: children per parent.")

    @model_validator(mode="after")
    def _check_counts(self) -> RowsPerParent:
        if self.distribution == "fixed" and self.count is not None:
            if self.max is not None and (self.min, self.max) != (self.count, self.count) and \
                    "min" in self.model_fields_set:
                raise ValueError("fixed: give count, or min equal to max, not both")
            self.min = self.max = self.count
        if self.max is None:
            raise ValueError("rows_per_parent needs max (or distribution 'fixed' with count)")
        if self.min > self.max:
            raise ValueError(f"child counts out of order: min ({self.min}) is greater than max ({self.max})")
        if self.distribution == "fixed" and self.min != self.max:
            raise ValueError("fixed: give count, or min equal to max")
        if self.distribution == "zipf" and self.max < 1:
            raise ValueError("zipf counts start at 1: max must be >= 1")
        for name, applies in (("mean", "poisson"), ("exponent", "zipf")):
            if getattr(self, name) is not None and self.distribution != applies:
                raise ValueError(f"{name} applies to distribution '{applies}'")
        return self


class ForeignKey(BaseModel):
    """A composite reference: these fields hold the parent row's ``columns`` (default: its key)."""

    model_config = ConfigDict(extra="forbid")

    fields: list[str] = Field(..., min_length=1, max_length=16)
    references: str = Field(..., description="The parent table's name.")
    columns: list[str] | None = Field(None, description="The parent's key columns (default: its primary key).")


class TableSpec(BaseModel):
    """One table: its fields in output order and how many rows it has."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., min_length=1, max_length=64)
    description: str | None = Field(None, max_length=5000)
    rows: int | None = Field(None, ge=0, le=MAX_TABLE_ROWS, description="Row count of a table "
                             "without rows_per_parent (default: the job's total_rows for the first table).")
    rows_per_parent: RowsPerParent | None = None
    fields: list[FieldSpec] = Field(..., min_length=1, max_length=500)
    primary_key: list[str] | None = Field(None, min_length=1, max_length=16, description="Composite key.")
    foreign_keys: list[ForeignKey] = Field(default_factory=list, max_length=32)
    unique_together: list[list[str]] = Field(
        default_factory=list, max_length=16,
        description="Sets of fields whose combination never repeats (a composite UNIQUE): "
                    "[['country', 'category']]. Kept by construction: each combination of the members' "
                    "values (enum values, booleans, integer ranges, pool-valued types, references) is "
                    "used at most once; refused when they cannot make enough combinations.")
    # Written by the SQL importers, not offered to Gemini (nor shown in the JSON Schema): README "Created tables".
    sql: SkipJsonSchema[SqlOrigin | None] = Field(None, description="Imported from SQL: types, defaults, checks.")

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        return check_identifier(value, "table name")

    @model_validator(mode="after")
    def _check_rows(self) -> TableSpec:
        if self.rows is not None and self.rows_per_parent is not None:
            raise ValueError("give rows or rows_per_parent, not both")
        if self.sql is not None and (unknown := unknown_columns(self.sql, {f.name for f in self.fields})):
            raise ValueError(f"sql names {', '.join(unknown)}, which {'is' if len(unknown) == 1 else 'are'} "
                             "not a field of the table")
        return self

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)

    def key_columns(self) -> list[str]:
        """The primary key: the table-level composite one, else the primary_key field(s)."""
        if self.primary_key:
            return list(self.primary_key)
        return [f.name for f in self.fields if f.constraints.primary_key]

    def to_dataset(self, doc: RelationalSchema) -> DatasetSchema:
        return DatasetSchema(fields=self.fields, locale=doc.locale, name=self.name,
                             description=self.description)


class RelationalSchema(BaseModel):
    """Several related tables generated together from one seed."""

    model_config = ConfigDict(extra="forbid")

    tables: list[TableSpec] = Field(..., min_length=1, max_length=MAX_TABLES)
    seed: int | None = Field(None, ge=0, le=MAX_SEED, description="Same seed, same tables.")
    locale: str | None = Field(None, pattern=_LOCALE_RE.pattern)
    name: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=5000)

    def table(self, name: str) -> TableSpec | None:
        return next((t for t in self.tables if t.name == name), None)

    def table_names(self) -> list[str]:
        return [t.name for t in self.tables]


def is_relational(doc: Any) -> bool:
    """A document with a ``tables`` list (a single-table one has ``fields``)."""
    if isinstance(doc, RelationalSchema):
        return True
    return isinstance(doc, dict) and "tables" in doc


def parse_relational(doc: dict | RelationalSchema) -> RelationalSchema:
    """Validate a multi-table document; SchemaValidationError names every problem (structure first,
    then what spans tables)."""
    if isinstance(doc, RelationalSchema):
        schema = doc
    else:
        try:
            schema = RelationalSchema.model_validate(doc)
        except ValidationError as err:
            raise SchemaValidationError.from_pydantic(err) from None
    problems = find_relation_problems(schema)
    if problems:
        raise SchemaValidationError(problems)
    return schema


def split_ref(text: str) -> tuple[str, str] | None:
    """'customers.customer_id' -> ('customers', 'customer_id'); None when not table.field."""
    table, dot, field = text.partition(".")
    return (table, field) if dot and table and field and "." not in field else None


def find_relation_problems(doc: RelationalSchema) -> list[Problem]:
    """Every rule that spans tables, each problem named with its location."""
    problems: list[Problem] = []
    names = doc.table_names()
    for dupe in sorted({n for n in names if names.count(n) > 1}):
        problems.append(Problem("tables", f"duplicate table name '{dupe}'"))
    for ti, table in enumerate(doc.tables):
        problems += _table_problems(doc, ti, table)
    problems += _cycle_problems(doc)
    return problems



def _table_problems(doc: RelationalSchema, ti: int, table: TableSpec) -> list[Problem]:
    at = f"tables[{ti}]"
    out: list[Problem] = []

    def fail(loc: str, message: str) -> None:
        out.append(Problem(f"{at}{loc}", f"table '{table.name}': {message}"))

    try:
        table.to_dataset(doc)
    except ValidationError as err:
        out += SchemaValidationError.from_pydantic(err, prefix=f"{at}.").problems
    if table.rows is None and table.rows_per_parent is None and ti > 0:
        fail("", "give rows (a row count) or rows_per_parent (children per parent row)")
    rpp = table.rows_per_parent
    if rpp is not None:
        if doc.table(rpp.parent) is None:
            fail(".rows_per_parent.parent", f"unknown table '{rpp.parent}'")
        elif rpp.parent == table.name:
            fail(".rows_per_parent.parent", "a table cannot be its own rows_per_parent parent: "
                 "use a self-reference with plain rows")
        elif not references_table(table, rpp.parent):
            fail(".rows_per_parent", f"no field references '{rpp.parent}': add a reference field "
                 f"(constraints.references '{rpp.parent}.<key>')")
    field_names = {f.name for f in table.fields}
    composite_members = {n for fk in table.foreign_keys for n in fk.fields}
    for fi, spec in enumerate(table.fields):
        loc = f".fields[{fi}]"
        ref = spec.constraints.references
        if spec.type == "reference":
            if ref is None and spec.name not in composite_members:
                fail(f"{loc}.constraints.references", f"field '{spec.name}': a reference names its parent "
                     "key, e.g. 'customers.customer_id'")
        elif ref is not None:
            fail(f"{loc}.type", f"field '{spec.name}': constraints.references needs type 'reference'")
        if ref is not None:
            out += _reference_problems(doc, table, f"{at}{loc}.constraints.references", spec, ref)
    if table.primary_key:
        for name in table.primary_key:
            if name not in field_names:
                fail(".primary_key", f"'{name}' is not a field of this table")
            elif table.field(name).hidden:
                fail(".primary_key", f"'{name}' is hidden: a key is written")
        if any(f.constraints.primary_key for f in table.fields):
            fail(".primary_key", "give a table-level primary_key or field-level primary_key, not both")
        if len(set(table.primary_key)) != len(table.primary_key):
            fail(".primary_key", "a key column is listed twice")
    elif sum(f.constraints.primary_key for f in table.fields) > 1:
        fail(".fields", "only one field can be the primary_key: list several in a table-level primary_key")
    for ki, fk in enumerate(table.foreign_keys):
        out += _foreign_key_problems(doc, table, f"{at}.foreign_keys[{ki}]", fk)
    for ui, members in enumerate(table.unique_together):
        if len(members) < 2 or len(set(members)) != len(members):
            fail(f".unique_together[{ui}]", "a unique_together set names two or more different fields "
                 "(one field: constraints.unique)")
        for name in members:
            if name not in field_names:
                fail(f".unique_together[{ui}]", f"'{name}' is not a field of this table")
            elif table.field(name).hidden:
                fail(f".unique_together[{ui}]", f"'{name}' is hidden: a unique_together set is written")
    return out


def references_table(table: TableSpec, parent: str) -> bool:
    """Whether a field or composite foreign key of ``table`` points at ``parent``."""
    refs = [split_ref(f.constraints.references or "") for f in table.fields]
    return any(r and r[0] == parent for r in refs) or any(fk.references == parent for fk in table.foreign_keys)


def is_key(parent: TableSpec, column: str) -> bool:
    spec = parent.field(column)
    if spec is None:
        return False
    c = spec.constraints
    single_pk = not parent.primary_key and c.primary_key
    return (single_pk or c.unique) and not c.nullable and spec.type != "reference" and \
        c.expression is None and c.when is None and not spec.hidden


def _reference_problems(doc: RelationalSchema, table: TableSpec, loc: str, spec: FieldSpec,
                        ref: str) -> list[Problem]:
    who = f"table '{table.name}': field '{spec.name}'"
    parts = split_ref(ref)
    if parts is None:
        return [Problem(loc, f"{who}: references is 'table.field', got {ref!r}")]
    parent = doc.table(parts[0])
    if parent is None:
        return [Problem(loc, f"{who}: unknown table '{parts[0]}'")]
    if parent.field(parts[1]) is None:
        return [Problem(loc, f"{who}: '{parts[1]}' is not a field of table '{parts[0]}'")]
    if not is_key(parent, parts[1]):
        return [Problem(loc, f"{who}: '{ref}' is not a key (a primary_key or unique, not null, "
                             "generated field)")]
    out = []
    c = spec.constraints
    if parent.name == table.name and not c.nullable:
        out.append(Problem(loc, f"{who}: a self-reference needs nullable: true (the first row has no "
                                "earlier row, roots are null)"))
    rpp = table.rows_per_parent
    if rpp is not None and rpp.parent == parent.name and c.nullable and first_ref(table, parent.name) == spec.name:
        out.append(Problem(loc, f"{who}: the reference to the rows_per_parent parent cannot be nullable"))
    return out


def first_ref(table: TableSpec, parent: str) -> str | None:
    """The field whose reference to ``parent`` is the table's link to it (its first)."""
    for spec in table.fields:
        parts = split_ref(spec.constraints.references or "")
        if parts and parts[0] == parent:
            return spec.name
    return None


def _foreign_key_problems(doc: RelationalSchema, table: TableSpec, loc: str, fk: ForeignKey) -> list[Problem]:
    who = f"table '{table.name}'"
    out = []
    for name in fk.fields:
        spec = table.field(name)
        if spec is None:
            out.append(Problem(f"{loc}.fields", f"{who}: '{name}' is not a field of this table"))
        elif spec.type != "reference" or spec.constraints.references is not None:
            out.append(Problem(f"{loc}.fields", f"{who}: '{name}' takes the parent's value: declare it "
                                                "with type 'reference' and no constraints.references"))
    parent = doc.table(fk.references)
    if parent is None:
        return out + [Problem(f"{loc}.references", f"{who}: unknown table '{fk.references}'")]
    if parent.name == table.name:
        return out + [Problem(f"{loc}.references", f"{who}: composite self-references are not supported")]
    columns = fk.columns or parent.key_columns()
    if len(columns) != len(fk.fields):
        return out + [Problem(f"{loc}.columns", f"{who}: {len(fk.fields)} fields but {len(columns)} parent "
                                                "key columns")]
    for name in columns:
        if parent.field(name) is None:
            out.append(Problem(f"{loc}.columns", f"{who}: '{name}' is not a field of table '{parent.name}'"))
    if not out and sorted(columns) != sorted(parent.key_columns()) and not any(is_key(parent, c) for c in columns):
        out.append(Problem(f"{loc}.columns", f"{who}: ({', '.join(columns)}) is not a key of table "
                                             f"'{parent.name}' (its primary_key or a unique field)"))
    elif not out and any(parent.field(c).type == "reference" for c in columns) and \
            sorted(columns) != sorted(parent.key_columns()):
        out.append(Problem(f"{loc}.columns", f"{who}: a referenced column cannot itself be a reference"))
    return out


def parent_tables(table: TableSpec) -> list[str]:
    """Tables this table reads (its references and rows_per_parent parent), self excluded, in order."""
    found: list[str] = []
    if table.rows_per_parent is not None:
        found.append(table.rows_per_parent.parent)
    for spec in table.fields:
        parts = split_ref(spec.constraints.references or "")
        if parts:
            found.append(parts[0])
    found += [fk.references for fk in table.foreign_keys]
    return [n for i, n in enumerate(found) if n != table.name and n not in found[:i]]


def _cycle_problems(doc: RelationalSchema) -> list[Problem]:
    """A cycle between tables (a -> b -> a) cannot be generated parent-first."""
    graph = {t.name: [p for p in parent_tables(t) if doc.table(p) is not None] for t in doc.tables}
    state: dict[str, int] = {}
    out: list[Problem] = []

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            cycle = path[path.index(name):] + [name]
            out.append(Problem("tables", f"cycle between tables: {' -> '.join(cycle)}"))
            for member in cycle:
                state[member] = 2
            return
        state[name] = 1
        for parent in graph.get(name, []):
            visit(parent, path + [name])
        state[name] = 2

    for table in doc.tables:
        visit(table.name, [])
    return out


def order_tables(doc: RelationalSchema) -> list[str]:
    """Table names parents-first (the document must be free of cycles)."""
    done: list[str] = []
    pending = list(doc.tables)
    while pending:
        for table in pending:
            if all(p in done for p in parent_tables(table)):
                done.append(table.name)
                pending.remove(table)
                break
        else:  # pragma: no cover - find_relation_problems reports cycles first
            raise ValueError("cycle between tables")
    return done
