"""compile_schema(): a schema document -> DatasetPlan, each field's kind and rules checked and resolved."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa
from pydantic import ValidationError

from src.engine.context import FieldPlan
from src.engine.formats import format_problem
from src.engine.data.names import locale_names
from src.engine.money_currency import link_amounts_to_currency
from src.engine.order_check import find_order_conflicts, find_order_kind_mismatches
from src.engine.registry import GeneratorRegistry, create_default_registry
from src.engine.rng import derive_key
from src.engine.semantics import infer_string_kind, infer_thing, tokenize
from src.errors import Problem, SchemaValidationError
from src.schemas import DatasetSchema
from src.engine.compile_ranges import RangeResolver, _seconds, _years_before
from src.engine.plan import (_PERSON_WORDS, DEFAULT_SEED, FLOAT_KINDS, INTEGER_KINDS, NON_TEXT_KINDS,
                             NUMERIC_DEFAULTS, PERSON_KINDS, PLACE_KINDS, TIME_KINDS, DatasetPlan)


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
        compiler.problems.extend(find_order_kind_mismatches(fields))
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


class _Compiler(RangeResolver):
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
        if c.format is not None and (problem := format_problem(kind, c.format)):
            self.fail(index, "constraints.format", problem)
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
        by_country = [fp for fp in fields.values() if fp.kind in ("phone", "currency_code", "iban")]
        follows_place = has_place or any(fp.kind in PLACE_KINDS for fp in fields.values()) or self.schema.locale \
            or len(by_country) > 1  # a currency and an IBAN (or phone) of one row agree on its country
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
        link_amounts_to_currency(fields)  # an amount beside a currency column has its minor units
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
            for source in (fp.derived_from, fp.options.get("currency_from")):
                if source:
                    deps.add(source)
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
