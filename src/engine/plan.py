"""DatasetPlan: a compiled schema (see compiler.py) that makes any chunk of rows on demand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine.context import ChunkContext, FieldPlan
from src.engine.formats import apply_format
from src.engine.generators.text import gen_from_pool
from src.engine.overflow_check import find_overflow_problems
from src.engine.registry import GeneratorRegistry
from src.engine.fit_length import (SAMPLE_ROWS, fit_words, fits_by_value, fitting_values, is_whole_name,
                                   shortest_word)
from src.engine.strings import cut_at_word
from src.engine.unique_pools import list_pool_warnings, take_unique_from_pool, unique_pool
from src.engine.unique_text import add_row_tails, fit_unique_words, fits_words, shortest_max_length
from src.engine.writers import with_decimals
from src.errors import Problem, SchemaValidationError
from src.schemas import DatasetSchema
from src.schemas.fields import MAX_SEED

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
        self._fit_pools: dict[str, pa.Array] = {}  # values within max_length (fit_length.py)
        self.unique_people = _unique_people(fields)
        self.arrow_schema: pa.Schema = pa.schema([])
        probe = self._generate(0, _PROBE_ROWS, cast=False)
        problems = find_overflow_problems(fields, order, schema.field_names(),
                                          {f.name: f.type for f in probe.schema})
        if problems:
            raise SchemaValidationError(problems)
        self._column_types = {f.name: f.type for f in probe.schema}  # hidden fields too
        written = {f.name for f in self.written_fields}
        self.arrow_schema = pa.schema([with_decimals(f, fields[f.name].decimals) for f in probe.schema
                                       if f.name in written])
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
            if fp.c.max_length and fp.c.cardinality is None and fits_words(fp.kind, fp.pattern is not None) \
                    and fp.c.max_length < shortest_max_length(total_rows):
                problems.append(Problem(
                    f"fields[{index}].constraints.max_length",
                    f"field '{spec.name}': {total_rows} distinct {fp.kind} values cut at a word to "
                    f"max_length {fp.c.max_length} need at least {shortest_max_length(total_rows)} characters "
                    f"(a few letters and a ' #<row>' tail): raise max_length or drop unique"))
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
        shown = self.written_fields if cast else self.schema.fields  # the probe types hidden fields too
        arrays = [apply_format(ctx.columns[f.name], f.constraints.format) if f.constraints.format
                  else ctx.columns[f.name] for f in shown]
        if cast:
            arrays = [a if a.type == t else a.cast(t) for a, t in zip(arrays, self.arrow_schema.types)]
            return pa.RecordBatch.from_arrays(arrays, schema=self.arrow_schema)
        return pa.RecordBatch.from_arrays(arrays, names=[f.name for f in shown])

    def column_type(self, name: str) -> pa.DataType:
        """A column's Arrow type, hidden fields included (what other tables read of this one)."""
        return self.arrow_schema.field(name).type if name in self.arrow_schema.names else self._column_types[name]

    @property
    def written_fields(self) -> list:
        """The fields of the output, in order: every field but the hidden ones."""
        return [f for f in self.schema.fields if not f.hidden]

    def _generate_field(self, fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
        if fp.expression is not None:
            values = self._evaluate(fp, fp.expression, "expression", ctx)
            try:
                values = _cast_derived(fp, values)
            except pa.ArrowInvalid as err:
                index = self.schema.field_names().index(fp.name)
                raise SchemaValidationError.single(
                    f"fields[{index}].constraints.expression",
                    f"field '{fp.name}': {fp.expression.text!r} gives values a {fp.kind} field cannot hold "
                    f"({err}): narrow the ranges it reads or change the field's type") from None
        elif fp.c.cardinality is not None:
            values = self._generate_from_pool(fp, ctx)
        elif fp.name in self.text_pools and self.text_pools[fp.name]:
            values = gen_from_pool(fp, ctx, self.text_pools[fp.name])
        else:
            values = self._generate_base(fp, ctx)
            if fp.c.max_length and fp.pattern is None and not fp.unique and fp.kind not in NON_TEXT_KINDS \
                    and pa.types.is_string(values.type):
                # Typed text (names, cities, companies) keeps max_length too, cut at a word; a single
                # word too long becomes another value of the field that fits (fit_length.py).
                if fp.kind == "country" and 2 <= fp.c.max_length < 4:  # a CHAR(2)/(3) country: its ISO code
                    values = self.registry.get("country_code").generate(fp, ctx)
                elif fits_by_value(fp.kind):
                    pool = self._fitting_pool(fp)
                    values = fit_words(values, fp.c.max_length, pool, ctx.rng(fp, "fit").choice(len(pool)),
                                       is_whole_name(fp.kind, fp.options))
                else:
                    values = cut_at_word(values, fp.c.max_length)
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
            return expression.evaluate(ctx.columns, ctx.n, ctx.rng(fp, "noise", rule))
        except (ExpressionError, pa.ArrowException) as err:
            index = self.schema.field_names().index(fp.name)
            raise SchemaValidationError.single(
                f"fields[{index}].constraints.{rule}",
                f"field '{fp.name}': {expression.text!r} cannot be computed: {err}") from None

    def _generate_base(self, fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
        pool = unique_pool(fp, self.schema.locale)
        if pool is not None:
            return take_unique_from_pool(fp, ctx, pool, lambda: self._generate_typed(fp, ctx))
        return self._generate_typed(fp, ctx)

    def row_count_warnings(self, total_rows: int) -> list[str]:
        """What a job of ``total_rows`` rows should be told (unique pool values running out)."""
        return list_pool_warnings(self, total_rows)

    def _generate_typed(self, fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
        entry = self.registry.get(fp.kind)
        values = entry.generate(fp, ctx)
        if fp.unique and fp.c.max_length and fits_words(fp.kind, fp.pattern is not None):
            return fit_unique_words(values, ctx.rows, fp.c.max_length, tailed=entry.capacity is None,
                                    min_length=fp.c.min_length)
        if fp.unique and entry.capacity is None:
            # No natural unique form (e.g. city): a row-number suffix keeps values distinct.
            suffix = pc.cast(pa.array(ctx.rows.astype(np.int64) + 1), pa.string())
            values = add_row_tails(pc.cast(values, pa.string()), suffix, fp.c.min_length)
        return values

    def _fitting_pool(self, fp: FieldPlan) -> pa.Array:
        """The field's values that fit its max_length, from a fixed sample made once per plan."""
        pool = self._fit_pools.get(fp.name)
        if pool is None:
            sample_ctx = ChunkContext(seed=self.seed, anchor=self.anchor, start=0, n=SAMPLE_ROWS,
                                      locale=self.schema.locale, namespace=f"fit:{fp.name}")
            sample = self._generate_base(fp, sample_ctx)
            whole = is_whole_name(fp.kind, fp.options)
            pool = self._fit_pools[fp.name] = fitting_values(sample, fp.c.max_length, whole)
            if len(pool) == 0:
                index = self.schema.field_names().index(fp.name)
                raise SchemaValidationError.single(
                    f"fields[{index}].constraints.max_length",
                    f"field '{fp.name}': no {fp.kind} value fits max_length {fp.c.max_length} without cutting "
                    f"a word (the shortest is {shortest_word(sample, whole)} characters): raise max_length")
        return pool

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
    field's spread for numbers), a time also inside its default span (not past the anchor). Times are compared in seconds, so a date may follow a datetime.
    """
    after = fp.c.after is not None
    other = ctx.columns[fp.c.after or fp.c.before]
    is_time = _is_time(values.type)
    own, ref = _to_numbers(values), _to_numbers(other)
    if own is None or ref is None or is_time != _is_time(other.type):
        return values  # kinds that cannot be ordered are refused when the schema compiles
    valid = ~np.isnan(ref)
    ref = np.where(valid, ref, 0.0)
    if is_time:
        gap = 30.0 * 86400 if pa.types.is_date(values.type) else 3.0 * 3600 if pa.types.is_time(values.type) \
            else 86400.0
        grid = float(fp.step or 1)
    else:
        gap = max(float(np.ptp(ref[valid])) if valid.any() else 1.0, 1.0)
        grid = 1.0 if fp.kind in INTEGER_KINDS else (10.0 ** -fp.decimals if fp.decimals is not None else None)
    lo, hi = float(fp.lo), float(fp.hi)
    explicit = fp.options.get("explicit_range", False)
    u = ctx.rng(fp, "order").uniform(0)
    if after:
        base = np.maximum(ref, lo) if explicit else ref
        # Without a stated range a time stays inside its default span too (never past the anchor,
        # so a ship date after an order date is not in the future); the other field still wins.
        # (a value whose other field lies past that span keeps the whole gap: it cannot copy the other)
        top = np.where(hi > base, hi, base) if explicit else \
            np.where(base <= hi, np.minimum(base + gap, hi), base + gap) if is_time else base + gap
        new = np.maximum(base + u * (top - base), ref)
    else:
        base = np.minimum(ref, hi) if explicit else ref
        bottom = np.where(lo < base, lo, base) if explicit else \
            np.where(base >= lo, np.maximum(base - gap, lo), base - gap) if is_time else base - gap
        new = np.minimum(base - u * (base - bottom), ref)
    if grid is not None:  # snap onto the field's grid on the side that keeps the order
        new = (np.ceil(new / grid - 1e-9) if after else np.floor(new / grid + 1e-9)) * grid
        if fp.decimals is not None and not is_time:
            new = np.round(new, fp.decimals)
    return _from_numbers(np.where(valid, new, own), values.type)


def _is_time(arrow_type: pa.DataType) -> bool:
    return pa.types.is_date(arrow_type) or pa.types.is_timestamp(arrow_type) or pa.types.is_time(arrow_type)


def _to_numbers(values: pa.Array) -> np.ndarray | None:
    """Numbers as float64; dates and timestamps as seconds since the epoch, times as seconds of the day."""
    if pa.types.is_time(values.type):
        arr = values.cast(pa.time32("s")).cast(pa.int32())
    elif pa.types.is_timestamp(values.type):
        arr = values.cast(pa.timestamp("s")).cast(pa.int64())
    elif pa.types.is_date(values.type):
        return values.cast(pa.date32()).cast(pa.int32()).cast(pa.float64()).to_numpy(zero_copy_only=False) * 86400
    elif pa.types.is_integer(values.type) or pa.types.is_floating(values.type):
        arr = values
    else:
        return None
    return arr.cast(pa.float64()).to_numpy(zero_copy_only=False)


def _from_numbers(numbers: np.ndarray, arrow_type: pa.DataType) -> pa.Array:
    if pa.types.is_time(arrow_type):
        return pa.array(numbers.astype(np.int32), pa.int32()).cast(pa.time32("s")).cast(arrow_type)
    if pa.types.is_timestamp(arrow_type):
        return pa.array(numbers.astype(np.int64), pa.int64()).cast(pa.timestamp("s")).cast(arrow_type)
    if pa.types.is_date(arrow_type):
        return pa.array((numbers // 86400).astype(np.int32), pa.int32()).cast(pa.date32())
    if pa.types.is_integer(arrow_type):
        return pa.array(numbers.astype(np.int64)).cast(arrow_type)
    return pa.array(numbers, pa.float64())
