"""compile_schema(): a schema document -> DatasetPlan, which makes any chunk of rows on demand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import math
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import ValidationError

from src.engine.context import ChunkContext, FieldPlan
from src.engine.data.names import locale_names
from src.engine.order_check import find_order_conflicts
from src.engine.generators.text import gen_from_pool
from src.engine.registry import GeneratorRegistry, create_default_registry
from src.engine.rng import derive_key
from src.engine.semantics import infer_string_kind, infer_thing, numeric_default, tokenize
from src.engine.writers import with_decimals
from src.engine.timeutil import parse_step_seconds, parse_time_bound, parse_time_of_day
from src.errors import Problem, SchemaValidationError
from src.schemas import DatasetSchema
from src.schemas.fields import MAX_BOUND, MAX_SEED
from src.schemas.fields import Distribution

DEFAULT_SEED = 0
DEFAULT_NULL_PROBABILITY = 0.1
_PROBE_ROWS = 8
_MAX_GRID_SLOTS = 2**53  # grid slots stay exact in float64
_INT64_MIN, _INT64_MAX = -2**63, 2**63 - 1

# (lo, hi, decimals) when a numeric field gives no bounds.
NUMERIC_DEFAULTS: dict[str, tuple[float, float, int | None]] = {
    "integer": (0, 1000, None), "age": (18, 90, None), "float": (0, 1000, 2), "decimal": (0, 10000, 2),
    "price": (1, 1000, 2), "percentage": (0, 100, 2), "latitude": (-90, 90, 6),
    "longitude": (-180, 180, 6),
}
INTEGER_KINDS = {"integer", "age"}
FLOAT_KINDS = {"float", "decimal", "price", "percentage"}
TIME_KINDS = {"date", "datetime", "date_of_birth", "time"}
NON_TEXT_KINDS = INTEGER_KINDS | FLOAT_KINDS | TIME_KINDS | {"boolean", "sequence", "latitude", "longitude",
                                                             "enum"}
PLACE_KINDS = {"city", "country", "country_code", "state", "address", "street_address", "postal_code"}
PERSON_KINDS = {"full_name", "first_name", "last_name", "email", "username", "gender"}
_EPOCH = dt.datetime(1970, 1, 1)
_PERSON_WORDS = {"name", "full", "fullname", "first", "firstname", "last", "lastname", "given", "family",
                 "surname", "email", "mail", "e", "address", "username", "user", "login", "handle", "gender",
                 "sex"}


class DatasetPlan:
    """A compiled schema: ``generate_chunk(start, n)`` is a pure function of (schema, seed, anchor)."""

    def __init__(self, schema: DatasetSchema, fields: dict[str, FieldPlan], order: list[str], *, seed: int,
                 anchor: dt.datetime, registry: GeneratorRegistry, text_pools: dict[str, Any],
                 provider: Any = None):
        self.schema = schema
        self.provider = provider  # multi-table documents: supplies references and parent columns
        self.fields = fields
        self.order = order
        self.seed = seed
        self.anchor = anchor
        self.registry = registry
        self.text_pools = text_pools
        self._value_pools: dict[str, pa.Array] = {}  # cardinality pools, made once per plan
        self.unique_people = _unique_people(fields)
        self.arrow_schema: pa.Schema = pa.schema([])
        probe = self._generate(0, _PROBE_ROWS, cast=False)
        self.arrow_schema = pa.schema([with_decimals(f, fields[f.name].decimals) for f in probe.schema])
        self.estimated_row_bytes = _estimate_row_bytes(probe)

    @property
    def field_kinds(self) -> dict[str, str]:
        """Each field's generator after meaning was inferred (e.g. string 'city' -> city)."""
        return {name: fp.kind for name, fp in self.fields.items()}

    def check_row_count(self, total_rows: int) -> None:
        """Refuse a row count that a `unique` or `cardinality` rule cannot meet."""
        problems = []
        for index, spec in enumerate(self.schema.fields):
            fp = self.fields[spec.name]
            if fp.kind == "sequence" and fp.expression is None and \
                    not _INT64_MIN <= fp.lo + (total_rows - 1) * int(fp.step or 1) <= _INT64_MAX:
                problems.append(Problem(f"fields[{index}].constraints.step",
                                        f"field '{spec.name}': a sequence from {fp.lo} in steps of "
                                        f"{int(fp.step or 1)} leaves 64-bit integers before row {total_rows}"))
            if not fp.unique or fp.expression is not None:
                continue
            entry = self.registry.get(fp.kind)
            capacity = entry.capacity(fp) if entry.capacity else None
            if fp.c.cardinality is not None:
                capacity = fp.c.cardinality if capacity is None else min(capacity, fp.c.cardinality)
            if capacity is not None and capacity < total_rows:
                problems.append(Problem(
                    f"fields[{index}].constraints.unique",
                    f"field '{spec.name}' can take only {capacity} distinct values, fewer than the "
                    f"{total_rows} rows asked for: widen its range or drop unique"))
        if problems:
            raise SchemaValidationError(problems)

    def generate_chunk(self, start_row: int, n_rows: int) -> pa.RecordBatch:
        """Rows [start_row, start_row + n_rows) as one Arrow record batch."""
        if start_row < 0 or n_rows < 0:
            raise ValueError("start_row and n_rows must be >= 0")
        return self._generate(start_row, n_rows, cast=True)

    def generate_columns(self, start_row: int, n_rows: int, names: set[str]) -> dict[str, pa.Array]:
        """Only the named columns (and what they read) for rows [start_row, start_row + n_rows):
        the same values as in ``generate_chunk``, since each field depends only on its inputs."""
        needed: set[str] = set()
        stack = list(names)
        while stack:
            name = stack.pop()
            if name not in needed:
                needed.add(name)
                stack.extend(self.fields[name].deps)
        ctx = self._fill(start_row, n_rows, [n for n in self.order if n in needed])
        return {name: ctx.columns[name] for name in names}

    def _fill(self, start_row: int, n_rows: int, order: list[str]) -> ChunkContext:
        ctx = ChunkContext(seed=self.seed, anchor=self.anchor, start=start_row, n=n_rows,
                           locale=self.schema.locale)
        ctx.unique_people = self.unique_people
        if self.provider is not None:
            ctx.columns.update(self.provider.columns(start_row, n_rows, order))
        for name in order:
            try:
                ctx.columns[name] = self._generate_field(self.fields[name], ctx)
            except (ValueError, TypeError, ArithmeticError, IndexError, pa.ArrowException) as err:
                # A rule combination the checks above let through: name the field, never numpy's words.
                index = self.schema.field_names().index(name)
                raise SchemaValidationError.single(
                    f"fields[{index}].constraints",
                    f"field '{name}': these constraints cannot be generated together; loosen them") from err
        return ctx

    def _generate(self, start_row: int, n_rows: int, *, cast: bool) -> pa.RecordBatch:
        ctx = self._fill(start_row, n_rows, self.order)
        arrays = [ctx.columns[f.name] for f in self.schema.fields]
        if cast:
            arrays = [a if a.type == t else a.cast(t) for a, t in zip(arrays, self.arrow_schema.types)]
            return pa.RecordBatch.from_arrays(arrays, schema=self.arrow_schema)
        return pa.RecordBatch.from_arrays(arrays, names=[f.name for f in self.schema.fields])

    def _generate_field(self, fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
        if fp.expression is not None:
            values = _cast_derived(fp, self._evaluate(fp, fp.expression, "expression", ctx))
        elif fp.c.cardinality is not None:
            values = self._generate_from_pool(fp, ctx)
        elif fp.name in self.text_pools and self.text_pools[fp.name]:
            values = gen_from_pool(fp, ctx, self.text_pools[fp.name])
        else:
            values = self._generate_base(fp, ctx)
        if fp.pattern is not None and fp.kind != "code":
            values = self._enforce_pattern(fp, ctx, values)
        if fp.c.after or fp.c.before:
            values = _apply_order(fp, ctx, values)
        if fp.when is not None:
            keep = pc.fill_null(self._evaluate(fp, fp.when, "when", ctx), False)
            values = pc.if_else(keep, values, pa.nulls(ctx.n, values.type))
        if fp.c.nullable:
            p = fp.c.null_probability if fp.c.null_probability is not None else DEFAULT_NULL_PROBABILITY
            drop = pa.array(ctx.rng(fp, "null").bernoulli(p))
            values = pc.if_else(drop, pa.nulls(ctx.n, values.type), values)
        return values

    def _enforce_pattern(self, fp: FieldPlan, ctx: ChunkContext, values: pa.Array) -> pa.Array:
        """A typed field with a pattern (airport_code '[A-Z]{3}'): keep the realistic values that
        match, replace the rest with values made from the pattern, so the pattern holds on every row."""
        text = values.cast(pa.string())
        matches = pc.fill_null(pc.match_substring_regex(text, f"^(?:{fp.pattern.source})$"), False)
        if pc.all(matches).as_py():
            return text
        return pc.if_else(matches, text, fp.pattern.generate(ctx.rng(fp, "pattern")))

    def _evaluate(self, fp: FieldPlan, expression, rule: str, ctx: ChunkContext) -> pa.Array:
        from src.engine.expressions import ExpressionError

        try:
            return expression.evaluate(ctx.columns, ctx.n)
        except (ExpressionError, pa.ArrowException) as err:
            index = self.schema.field_names().index(fp.name)
            raise SchemaValidationError.single(
                f"fields[{index}].constraints.{rule}",
                f"field '{fp.name}': {expression.text!r} cannot be computed: {err}") from None

    def _generate_base(self, fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
        entry = self.registry.get(fp.kind)
        values = entry.generate(fp, ctx)
        if fp.unique and entry.capacity is None:
            # No natural unique form (e.g. city): a row-number suffix keeps values distinct.
            suffix = pc.cast(pa.array(ctx.rows.astype(np.int64) + 1), pa.string())
            values = pc.binary_join_element_wise(pc.cast(values, pa.string()), suffix, " #")
        return values

    def _generate_from_pool(self, fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
        size = fp.c.cardinality
        pool = self._value_pools.get(fp.name)
        if pool is None:
            entry = self.registry.get(fp.kind)
            capacity = entry.capacity(fp) if entry.capacity else 0
            pool_fp = dataclasses.replace(fp, unique=capacity is None or capacity >= size)
            pool_ctx = ChunkContext(seed=self.seed, anchor=self.anchor, start=0, n=size,
                                    locale=self.schema.locale, namespace=f"pool:{fp.name}")
            pool = self._value_pools[fp.name] = self._generate_base(pool_fp, pool_ctx)
        pick = ctx.rng(fp, "pick").choice(size)
        return pool.take(pa.array(pick))


def _estimate_row_bytes(batch: pa.RecordBatch) -> int:
    """The largest Arrow size of one row among ``batch``'s (the probe): sizes engine calls by bytes."""
    sizes = np.zeros(batch.num_rows, dtype=np.int64)
    for column in batch.columns:
        if pa.types.is_string(column.type) or pa.types.is_binary(column.type):
            sizes += pc.fill_null(pc.binary_length(column), 0).to_numpy(zero_copy_only=False) + 4
        else:
            try:
                sizes += max(1, column.type.bit_width // 8)
            except ValueError:  # other variable-width types
                sizes += max(1, column.nbytes // max(1, len(column)))
    return int(sizes.max()) if len(sizes) else 1


def draw_seed() -> int:
    """A fresh random seed in 0..MAX_SEED, for a run that was given none (stored, so it reproduces)."""
    return secrets.randbelow(MAX_SEED + 1)


def _unique_people(fields: dict[str, FieldPlan]) -> dict[str, frozenset[str]]:
    """Person entities whose names must not repeat: a unique full name, email or username needs
    distinct (first, last) pairs; a unique first or last name distinct ones of those."""
    modes: dict[str, set[str]] = {}
    mode_of = {"full_name": "pair", "email": "pair", "username": "pair", "first_name": "first", "last_name": "last"}
    for fp in fields.values():
        if fp.unique and fp.kind in mode_of and fp.expression is None and fp.c.cardinality is None:
            modes.setdefault(fp.options.get("person", ""), set()).add(mode_of[fp.kind])
    return {entity: frozenset(m) for entity, m in modes.items()}


def compile_schema(schema_doc: DatasetSchema | dict, *, seed: int | None = None,
                   anchor: dt.datetime | None = None, text_pools: dict[str, Any] | None = None,
                   registry: GeneratorRegistry | None = None, provider: Any = None) -> DatasetPlan:
    """Check a schema document and prepare it for generation.

    ``provider`` (multi-table documents, see src.engine.relational) names the columns it supplies
    (``provider.names``: reference fields, ``table.field`` parent columns) and makes them with
    ``provider.columns(start, n, field_order)``.
    Raises SchemaValidationError listing every problem found (field and rule named).
    """
    if isinstance(schema_doc, DatasetSchema):
        schema = schema_doc
    else:
        try:
            schema = DatasetSchema.model_validate(schema_doc)
        except ValidationError as err:
            raise SchemaValidationError.from_pydantic(err) from None
    registry = registry or create_default_registry()
    anchor = (anchor or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)).replace(microsecond=0)
    if anchor.tzinfo is not None:
        anchor = anchor.astimezone(dt.timezone.utc).replace(tzinfo=None)
    seed = seed if seed is not None else (schema.seed if schema.seed is not None else DEFAULT_SEED)
    compiler = _Compiler(schema, registry, anchor, seed, frozenset(provider.names) if provider else frozenset())
    fields = compiler.compile_fields()
    order = compiler.order_fields(fields)
    if not compiler.problems:
        compiler.problems.extend(find_order_conflicts(fields, provider))
    if compiler.problems:
        raise SchemaValidationError(compiler.problems)
    try:
        return DatasetPlan(schema, fields, order, seed=seed, anchor=anchor, registry=registry,
                           text_pools=dict(text_pools or {}), provider=provider)
    except SchemaValidationError:
        raise
    except (ValueError, TypeError, OverflowError, pa.ArrowException) as err:
        raise SchemaValidationError.single("fields", "the schema cannot be generated: loosen its constraints") from err


class _Compiler:
    def __init__(self, schema: DatasetSchema, registry: GeneratorRegistry, anchor: dt.datetime, seed: int,
                 provided: frozenset[str] = frozenset()):
        self.schema = schema
        self.registry = registry
        self.anchor = anchor
        self.seed = seed
        self.problems: list[Problem] = []
        self.provided = provided  # columns another table supplies (references, table.field)
        self.names = set(schema.field_names()) | provided

    def fail(self, index: int, rule: str, message: str) -> None:
        loc = f"fields[{index}]" + (f".{rule}" if rule else "")
        self.problems.append(Problem(loc, f"field '{self.schema.fields[index].name}': {message}"))

    def compile_fields(self) -> dict[str, FieldPlan]:
        fields: dict[str, FieldPlan] = {}
        locale = self.schema.locale
        if locale and locale_names(locale) is None:
            from src.engine.data.names import locale_coverage

            self.problems.append(Problem("locale", f"locale '{locale}' is not supported: Faker has no person "
                                         f"names for it{locale_coverage(locale)}; use one such as en_US, de_DE, "
                                         "fr_FR, ja_JP, pt_BR (`synthgen types` lists them)"))
        for index, spec in enumerate(self.schema.fields):
            fp = FieldPlan(spec=spec, kind=self.resolve_kind(spec), key=derive_key(self.seed, "field", spec.name),
                           unique=spec.constraints.unique)
            fields[spec.name] = fp
            self.resolve_rules(index, fp)
        self.link_coherent_fields(fields)
        return fields

    def resolve_kind(self, spec) -> str:
        c = spec.constraints
        kind = spec.type
        if c.enum_values and kind not in ("gender", "boolean") and c.expression is None:
            return "enum"
        if kind == "integer" and "age" in tokenize(spec.name):
            return "age"
        if kind == "string":
            if c.pattern:
                return "code"
            kind = infer_string_kind(spec.name, spec.description) or "string"
        return kind

    def resolve_rules(self, index: int, fp: FieldPlan) -> None:
        c = fp.c
        kind = fp.kind
        if kind == "string" and fp.spec.type == "string" and not c.pattern:
            thing = infer_thing(fp.name, fp.spec.description)
            if thing:
                fp.options["thing"] = thing  # a name of a thing: pet_name, breed, vin (data/things.py)
        if kind not in self.registry:
            self.fail(index, "type", f"type '{kind}' has no generator")
            return
        if (kind == "reference") != (fp.name in self.provided):
            self.fail(index, "type", "a reference takes its values from another table: use it in a "
                      "multi-table document ('tables': [...]) with constraints.references"
                      if kind == "reference" else "this field's values come from another table")
            return
        if c.distribution is not None and c.distribution.kind == "zipf" and kind != "reference":
            self.fail(index, "constraints.distribution", "zipf applies to reference fields")
        if c.expression:
            fp.expression = self.parse_expression(index, "constraints.expression", c.expression)
        if c.when:
            fp.when = self.parse_expression(index, "constraints.when", c.when)
        for rule in ("after", "before", "condition_on"):
            other = getattr(c, rule)
            if other is not None and other not in self.names:
                self.fail(index, f"constraints.{rule}", f"'{other}' is not a field of this schema")
            if other == fp.name:
                self.fail(index, f"constraints.{rule}", "a field cannot refer to itself")
        if c.decimals is not None:
            fp.decimals = c.decimals
        if kind == "enum":
            if not c.enum_values:
                self.fail(index, "constraints.enum_values", "an enum needs enum_values")
                return
            fp.enum_values = list(c.enum_values)
            fp.weights = _relative_weights(c.weights)
        elif kind == "gender" and c.enum_values:
            fp.enum_values = list(c.enum_values)
            fp.weights = _relative_weights(c.weights)
        elif kind == "boolean":
            if c.enum_values and c.weights:
                truthy = [bool(v) if not isinstance(v, str) else v.strip().lower() in ("true", "yes", "1")
                          for v in c.enum_values]
                weights = _relative_weights(c.weights)
                fp.options["p_true"] = sum(w for w, t in zip(weights, truthy) if t) / sum(weights)
        if kind in NUMERIC_DEFAULTS or kind in ("sequence",):
            self.resolve_numeric(index, fp)
        elif kind in TIME_KINDS:
            self.resolve_time(index, fp)
        elif c.min_value is not None or c.max_value is not None:
            if kind not in ("enum",) and fp.expression is None:
                self.fail(index, "constraints.min_value", f"min_value/max_value do not apply to type '{kind}'")
        if kind == "code" or (c.pattern and kind not in NON_TEXT_KINDS):
            self.resolve_pattern(index, fp, c.pattern or r"[A-Z]{3}-\d{5}")
        elif c.pattern:
            self.fail(index, "constraints.pattern", f"pattern applies to text fields, not '{kind}'")
        if c.step is not None and kind not in TIME_KINDS and kind not in NUMERIC_DEFAULTS and kind != "sequence":
            self.fail(index, "constraints.step", f"step applies to numbers and times, not '{kind}'")
        if c.cardinality is not None and fp.expression is not None:
            self.fail(index, "constraints.cardinality", "a derived (expression) field cannot also have a cardinality")
        if c.unique and fp.expression is not None:
            self.fail(index, "constraints.unique", "uniqueness cannot be guaranteed for a derived (expression) field")
        if c.unique and c.nullable:
            pass  # nulls are not values: unique holds over the non-null ones
        if c.llm_generated and kind not in ("string", "sentence", "paragraph", "review", "word"):
            self.fail(index, "constraints.llm_generated", f"only text fields can be LLM-written, not '{kind}'")

    def parse_expression(self, index: int, rule: str, text: str):
        from src.engine.expressions import ExpressionError, parse_expression

        try:
            expr = parse_expression(text)
        except ExpressionError as err:
            self.fail(index, rule, f"cannot parse {_excerpt(text)}: {err}")
            return None
        unknown = sorted(expr.referenced_fields() - self.names)
        if unknown:
            self.fail(index, rule, f"{text!r} names unknown field(s): {', '.join(unknown)}")
            return None
        if self.schema.fields[index].name in expr.referenced_fields():
            self.fail(index, rule, f"{text!r} refers to the field itself")
            return None
        return expr

    def resolve_numeric(self, index: int, fp: FieldPlan) -> None:
        c = fp.c
        kind = fp.kind
        if kind == "sequence":
            lo = c.min_value if c.min_value is not None else 1
            if not isinstance(lo, (int, float)) or isinstance(lo, bool) or int(lo) != lo:
                self.fail(index, "constraints.min_value", "a sequence starts at a whole number")
                return
            fp.lo = int(lo)
            fp.step = self.numeric_step(index, c.step) or 1
            if fp.step != int(fp.step) or fp.step <= 0:
                self.fail(index, "constraints.step", "a sequence step is a positive whole number")
            return
        d_lo, d_hi, d_dec = NUMERIC_DEFAULTS[kind]
        bounds = []
        for rule, value in (("min_value", c.min_value), ("max_value", c.max_value)):
            if value is None:
                bounds.append(None)
            elif isinstance(value, bool) or not isinstance(value, (int, float)):
                try:
                    bounds.append(float(str(value).replace(",", "").replace("$", "")))
                except ValueError:
                    self.fail(index, f"constraints.{rule}", f"{value!r} is not a number")
                    return
            else:
                bounds.append(float(value))
        lo, hi = bounds
        if lo is None and hi is None:
            lo, hi = d_lo, d_hi
            if kind not in ("latitude", "longitude"):
                lo, hi, d_dec = self.meaning_defaults(fp, lo, hi, d_dec)
        elif lo is None:
            lo = min(d_lo, hi) if hi > d_lo else hi - (d_hi - d_lo)
        elif hi is None:
            hi = max(d_hi, lo) if lo < d_hi else lo + (d_hi - d_lo)
        if lo > hi:
            self.fail(index, "constraints.min_value", f"min_value ({lo:g}) is greater than max_value ({hi:g})")
            return
        if kind in ("latitude", "longitude") and (lo < d_lo or hi > d_hi):
            self.fail(index, "constraints.min_value", f"{kind} lies within [{d_lo}, {d_hi}]")
            return
        if kind in INTEGER_KINDS:
            if c.decimals:
                self.fail(index, "constraints.decimals", "an integer has no decimals: use type float or decimal")
            lo_i, hi_i = int(np.ceil(lo)), int(np.floor(hi))
            if lo_i > hi_i:
                self.fail(index, "constraints.min_value", f"no whole number lies between {lo:g} and {hi:g}")
                return
            fp.lo, fp.hi = lo_i, hi_i
        else:
            fp.lo, fp.hi = lo, hi
            if fp.decimals is None:
                fp.decimals = d_dec
            if fp.decimals is not None:
                scale = 10 ** fp.decimals
                if np.ceil(lo * scale - 1e-9) > np.floor(hi * scale + 1e-9):
                    self.fail(index, "constraints.decimals",
                              f"no value with {fp.decimals} decimals lies between {lo:g} and {hi:g}")
        if c.step is not None:
            fp.step = self.numeric_step(index, c.step)
            if kind in INTEGER_KINDS and fp.step is not None and fp.step != int(fp.step):
                self.fail(index, "constraints.step", "an integer step is a whole number")
            elif fp.step is not None and (fp.hi - fp.lo) / fp.step > _MAX_GRID_SLOTS:
                self.fail(index, "constraints.step", f"step {c.step} makes more than 2**53 values in the range")
        fp.options["explicit_range"] = c.min_value is not None or c.max_value is not None
        if c.distribution and c.distribution.kind == "normal" and c.distribution.mean is not None:
            if not fp.lo <= c.distribution.mean <= fp.hi:
                self.fail(index, "constraints.distribution.mean", "the mean lies outside min_value..max_value")

    def meaning_defaults(self, fp: FieldPlan, lo: float, hi: float, decimals: int | None):
        """(lo, hi, decimals) from the field's meaning when it gives no range ('heart_rate' ->
        50..120, normal); its distribution too, when it names none."""
        found = numeric_default(fp.name, fp.spec.description)
        if found is None:
            return lo, hi, decimals
        lo, hi, meaning_decimals, dist = found
        if dist and dist[0] == "years_ago":
            lo, hi, dist = self.anchor.year + lo, self.anchor.year + hi, None
        if dist and fp.c.distribution is None:
            params = {"normal": ("mean", "std"), "lognormal": ("median", "sigma"), "exponential": ("scale",)}
            fp.options["distribution"] = Distribution(kind=dist[0], **dict(zip(params[dist[0]], dist[1:])))
        return lo, hi, meaning_decimals if meaning_decimals is not None else decimals

    def numeric_step(self, index: int, step: str | None) -> float | None:
        if step is None:
            return None
        try:
            value = float(step)
        except ValueError:
            self.fail(index, "constraints.step", f"{step!r} is not a number")
            return None
        if not math.isfinite(value) or value <= 0 or value > MAX_BOUND:
            self.fail(index, "constraints.step", f"step must be a positive number up to {MAX_BOUND:.0e}")
            return None
        return value

    def resolve_time(self, index: int, fp: FieldPlan) -> None:
        c = fp.c
        kind = fp.kind
        try:
            if kind == "time":
                lo = parse_time_of_day(c.min_value) if c.min_value is not None else 0
                hi = parse_time_of_day(c.max_value) if c.max_value is not None else 86399
                step = parse_step_seconds(c.step) if c.step else 1
            else:
                lo_dt, hi_dt = self.time_range(fp)
                lo, hi = _seconds(lo_dt), _seconds(hi_dt)
                default_step = 86400 if kind in ("date", "date_of_birth") else 1
                step = parse_step_seconds(c.step) if c.step else default_step
                if kind in ("date", "date_of_birth"):
                    step = max(86400, step - step % 86400)
        except ValueError as err:
            self.fail(index, "constraints", str(err))
            return
        if lo > hi:
            self.fail(index, "constraints.min_value", "min_value is later than max_value")
            return
        fp.lo, fp.hi, fp.step = lo, hi, step
        fp.options["explicit_range"] = c.min_value is not None or c.max_value is not None
        if -(-lo // step) * step > hi:
            self.fail(index, "constraints.step", f"no point of a {c.step} grid lies inside the range")

    def time_range(self, fp: FieldPlan) -> tuple[dt.datetime, dt.datetime]:
        c = fp.c
        anchor = self.anchor
        if fp.kind == "date_of_birth" and (_is_number(c.min_value) or _is_number(c.max_value)):
            min_age = float(c.min_value) if _is_number(c.min_value) else 18
            max_age = float(c.max_value) if _is_number(c.max_value) else 80
            if min_age > max_age:
                raise ValueError(f"min age {min_age:g} is greater than max age {max_age:g}")
            youngest = _years_before(anchor, int(min_age))
            oldest = _years_before(anchor, int(max_age) + 1) + dt.timedelta(days=1)
            return oldest, youngest
        if _is_number(c.min_value) or _is_number(c.max_value):
            raise ValueError("date bounds are ISO dates or relative values ('-2y', 'now'), not numbers")
        if fp.kind == "date_of_birth":
            default_lo, default_hi = _years_before(anchor, 81) + dt.timedelta(days=1), _years_before(anchor, 18)
        else:
            default_lo, default_hi = _years_before(anchor, 1), anchor
        lo = parse_time_bound(c.min_value, anchor) if c.min_value is not None else None
        hi = parse_time_bound(c.max_value, anchor) if c.max_value is not None else None
        if lo is None and hi is None:
            lo, hi = default_lo, default_hi
        elif lo is None:
            lo = default_lo if default_lo < hi else hi - dt.timedelta(days=365)
        elif hi is None:
            hi = default_hi if lo < default_hi else lo + dt.timedelta(days=365)
        if fp.kind in ("date", "date_of_birth"):
            # Dates are whole days: a bound inside a day includes that day.
            lo = dt.datetime(lo.year, lo.month, lo.day)
            hi = dt.datetime(hi.year, hi.month, hi.day)
        return lo, hi

    def resolve_pattern(self, index: int, fp: FieldPlan, regex: str) -> None:
        from src.engine.patterns import PatternError, compile_pattern

        try:
            fp.pattern = compile_pattern(regex)
        except PatternError as err:
            self.fail(index, "constraints.pattern", f"cannot generate pattern {_excerpt(regex)}: {err}")
            return
        c = fp.c
        if c.min_length is not None and fp.pattern.max_length < c.min_length or \
                c.max_length is not None and fp.pattern.min_length > c.max_length:
            self.fail(index, "constraints.pattern", f"pattern {regex!r} cannot meet min_length/max_length")
        if fp.unique:
            try:  # counting builds an automaton for variable patterns; refuse one too complex here
                fp.pattern.count()
            except PatternError as err:
                self.fail(index, "constraints.pattern", f"cannot make unique values of {_excerpt(regex)}: {err}")

    def link_coherent_fields(self, fields: dict[str, FieldPlan]) -> None:
        """Make related fields agree: age follows date of birth; coordinates follow the row's city."""
        ages = [fp for fp in fields.values() if fp.kind == "age" and fp.expression is None]
        births = [fp for fp in fields.values() if fp.kind == "date_of_birth" and fp.expression is None]
        if len(ages) == 1 and len(births) == 1 and ages[0].lo is not None and births[0].lo is not None:
            age, birth = ages[0], births[0]
            if not (birth.c.min_value is not None or birth.c.max_value is not None) or \
                    (age.c.min_value is not None or age.c.max_value is not None):
                youngest = _years_before(self.anchor, int(age.lo))
                oldest = _years_before(self.anchor, int(age.hi) + 1) + dt.timedelta(days=1)
                birth.lo = max(birth.lo if birth.options.get("explicit_range") else -10**12, _seconds(oldest))
                birth.hi = min(birth.hi if birth.options.get("explicit_range") else 10**12, _seconds(youngest))
                birth.lo = -(-birth.lo // 86400) * 86400
                birth.hi = birth.hi // 86400 * 86400
            if birth.lo <= birth.hi and not age.unique:
                age.derived_from = birth.name
        has_place = any(fp.kind in ("city", "country", "state", "address") for fp in fields.values())
        follows_place = has_place or any(fp.kind in PLACE_KINDS for fp in fields.values()) or self.schema.locale
        for fp in fields.values():
            if fp.kind in PERSON_KINDS:
                fp.options["locale"] = self.schema.locale  # unique names: capacity of the locale's lists
            if fp.kind in ("phone", "currency_code", "iban") and follows_place:
                fp.options["from_country"] = True  # the row's country decides the format
            whole_globe = (fp.lo, fp.hi) == NUMERIC_DEFAULTS.get(fp.kind, (None, None, None))[:2]
            if fp.kind in ("latitude", "longitude") and has_place and whole_globe:
                fp.options["near_city"] = True
        ratings = [fp.name for fp in fields.values() if fp.kind in INTEGER_KINDS | FLOAT_KINDS
                   and {"rating", "stars", "star", "score", "satisfaction"} & set(tokenize(fp.name))]
        for fp in fields.values():  # a review's sentiment follows the row's rating
            if fp.kind == "review" and ratings and not fp.derived_from:
                fp.options["sentiment_from"] = fp.derived_from = ratings[0]
        self.group_people(fields)

    def group_people(self, fields: dict[str, FieldPlan]) -> None:
        """Several people in one row (customer_name, agent_email): fields sharing a name prefix share a
        person; a single set of person fields keeps one person per row."""
        people = [fp for fp in fields.values() if fp.kind in PERSON_KINDS and fp.expression is None]
        kinds = [fp.kind for fp in people]
        if len(kinds) == len(set(kinds)):
            return
        for fp in people:
            fp.options["person"] = " ".join(t for t in tokenize(fp.name) if t not in _PERSON_WORDS)

    def order_fields(self, fields: dict[str, FieldPlan]) -> list[str]:
        """Dependency order (a field after everything it reads); a cycle is a problem."""
        for fp in fields.values():
            deps = set()
            if fp.expression is not None:
                deps |= fp.expression.referenced_fields()
            if fp.when is not None:
                deps |= fp.when.referenced_fields()
            for rule in ("after", "before", "condition_on"):
                other = getattr(fp.c, rule)
                if other in fields and other != fp.name:
                    deps.add(other)
            if fp.derived_from:
                deps.add(fp.derived_from)
            fp.deps = tuple(sorted(d for d in deps if d in fields))
        order: list[str] = []
        state: dict[str, int] = {}
        index_of = {spec.name: i for i, spec in enumerate(self.schema.fields)}

        def visit(name: str, path: list[str]) -> None:
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                cycle = path[path.index(name):] + [name]
                self.fail(index_of[name], "constraints", f"dependency cycle: {' -> '.join(cycle)}")
                for member in cycle:
                    state[member] = 2  # report each cycle once
                return
            state[name] = 1
            for dep in fields[name].deps:
                visit(dep, path + [name])
            if state.get(name) != 2:
                state[name] = 2
                order.append(name)

        for spec in self.schema.fields:
            visit(spec.name, [])
        return order


def _excerpt(text: str, limit: int = 60) -> str:
    """A rule's text quoted for a message, cut short so a 2,000-character rule does not fill it."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "..."


def _relative_weights(weights: list[float] | None) -> list[float] | None:
    """Weights scaled so the largest is 1: their sum cannot overflow ([1e308, 1e308] is 50/50)."""
    if not weights:
        return None
    top = max(weights)
    return [w / top for w in weights]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _seconds(moment: dt.datetime) -> int:
    return int((moment - _EPOCH).total_seconds())


def _years_before(anchor: dt.datetime, years: int) -> dt.datetime:
    day = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _cast_derived(fp: FieldPlan, values: pa.Array) -> pa.Array:
    """Give a derived value the field's declared type (rounded to its decimals)."""
    kind = fp.kind
    if kind in INTEGER_KINDS:
        if pa.types.is_floating(values.type):
            values = pc.round(values, 0)
        return values.cast(pa.int64())
    if kind in FLOAT_KINDS:
        values = values.cast(pa.float64())
        decimals = fp.decimals if fp.decimals is not None else NUMERIC_DEFAULTS[kind][2]
        return pc.round(values, decimals, round_mode="half_to_even") if decimals is not None else values
    if kind == "boolean":
        return values.cast(pa.bool_())
    if kind in ("string", "sentence", "word", "code", "enum") and not pa.types.is_string(values.type):
        return values.cast(pa.string())
    return values


def _apply_order(fp: FieldPlan, ctx: ChunkContext, values: pa.Array) -> pa.Array:
    """Make this field >= (after) or <= (before) another field on every row.

    The value lands between the other field and this field's own bound when it has an explicit
    range; otherwise within a default gap (1 day for datetimes, 30 days for dates, the other
    field's spread for numbers). Times are compared in seconds, so a date may follow a datetime.
    """
    after = fp.c.after is not None
    other = ctx.columns[fp.c.after or fp.c.before]
    is_time = pa.types.is_date(values.type) or pa.types.is_timestamp(values.type)
    own, ref = _to_numbers(values), _to_numbers(other)
    if own is None or ref is None or is_time != (pa.types.is_date(other.type) or pa.types.is_timestamp(other.type)):
        return values
    valid = ~np.isnan(ref)
    ref = np.where(valid, ref, 0.0)
    if is_time:
        gap = 30.0 * 86400 if pa.types.is_date(values.type) else 86400.0
        grid = float(fp.step or 1)
    else:
        gap = max(float(np.ptp(ref[valid])) if valid.any() else 1.0, 1.0)
        grid = 1.0 if fp.kind in INTEGER_KINDS else (10.0 ** -fp.decimals if fp.decimals is not None else None)
    lo, hi = float(fp.lo), float(fp.hi)
    explicit = fp.options.get("explicit_range", False)
    u = ctx.rng(fp, "order").uniform(0)
    if after:
        base = np.maximum(ref, lo) if explicit else ref
        top = np.where(hi > base, hi, base) if explicit else base + gap
        new = np.maximum(base + u * (top - base), ref)
    else:
        base = np.minimum(ref, hi) if explicit else ref
        bottom = np.where(lo < base, lo, base) if explicit else base - gap
        new = np.minimum(base - u * (base - bottom), ref)
    if grid is not None:  # snap onto the field's grid on the side that keeps the order
        new = (np.ceil(new / grid - 1e-9) if after else np.floor(new / grid + 1e-9)) * grid
        if fp.decimals is not None and not is_time:
            new = np.round(new, fp.decimals)
    return _from_numbers(np.where(valid, new, own), values.type)


def _to_numbers(values: pa.Array) -> np.ndarray | None:
    """Numbers as float64; dates and timestamps as seconds since the epoch."""
    if pa.types.is_timestamp(values.type):
        arr = values.cast(pa.timestamp("s")).cast(pa.int64())
    elif pa.types.is_date(values.type):
        return values.cast(pa.date32()).cast(pa.int32()).cast(pa.float64()).to_numpy(zero_copy_only=False) * 86400
    elif pa.types.is_integer(values.type) or pa.types.is_floating(values.type):
        arr = values
    else:
        return None
    return arr.cast(pa.float64()).to_numpy(zero_copy_only=False)


def _from_numbers(numbers: np.ndarray, arrow_type: pa.DataType) -> pa.Array:
    if pa.types.is_timestamp(arrow_type):
        return pa.array(numbers.astype(np.int64), pa.int64()).cast(pa.timestamp("s")).cast(arrow_type)
    if pa.types.is_date(arrow_type):
        return pa.array((numbers // 86400).astype(np.int32), pa.int32()).cast(pa.date32())
    if pa.types.is_integer(arrow_type):
        return pa.array(numbers.astype(np.int64)).cast(arrow_type)
    return pa.array(numbers, pa.float64())
