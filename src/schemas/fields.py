"""The schema document: the one contract shared by the API, CLI, UI and the LLM.

A document is ``{"fields": [{"name", "type", "description", "constraints": {...}}], "seed", "locale"}``.
The brief's JSON example validates unchanged. Structural rules (types, names, value shapes) live
here; rules that need the engine (expressions, patterns, dependency cycles) are checked when the
engine compiles the document.
"""

from __future__ import annotations

import difflib
import math
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

# Each canonical type, grouped for docs and the `synthgen types` listing.
FIELD_TYPE_GROUPS: dict[str, tuple[str, ...]] = {
    "identifiers": ("uuid", "sequence", "code", "reference"),
    "person": ("full_name", "first_name", "last_name", "username", "gender", "date_of_birth", "age"),
    "contact": ("email", "phone"),
    "address": (
        "street_address", "address", "city", "state", "postal_code", "country", "country_code",
        "latitude", "longitude", "airport_code",
    ),
    "company": ("company", "job_title", "department", "product_name", "product_category", "price",
                "currency_code"),
    "finance": ("iban", "account_number", "credit_card_number"),
    "internet": ("url", "domain", "ipv4", "ipv6", "user_agent", "mac_address"),
    "text": ("string", "word", "sentence", "paragraph", "review", "color"),
    "numbers": ("integer", "float", "decimal", "percentage", "boolean"),
    "time": ("date", "datetime", "time"),
    "categorical": ("enum",),
}

FIELD_TYPES: tuple[str, ...] = tuple(t for group in FIELD_TYPE_GROUPS.values() for t in group)

FieldType = Literal[FIELD_TYPES]  # type: ignore[valid-type]

# Common spellings accepted on input and rewritten to the canonical type.
TYPE_ALIASES: dict[str, str] = {
    "int": "integer", "int32": "integer", "int64": "integer", "long": "integer", "bigint": "integer",
    "number": "float", "double": "float", "real": "float", "numeric": "decimal", "money": "decimal",
    "amount": "decimal", "currency_amount": "decimal",
    "bool": "boolean", "flag": "boolean",
    "str": "string", "varchar": "string", "char": "string",
    "text": "sentence", "description": "sentence", "comment": "sentence", "long_text": "paragraph",
    "category": "enum", "categorical": "enum", "choice": "enum", "choices": "enum", "status": "enum",
    "timestamp": "datetime", "date_time": "datetime", "datetime64": "datetime",
    "dob": "date_of_birth", "birth_date": "date_of_birth", "birthdate": "date_of_birth",
    "name": "full_name", "fullname": "full_name", "person_name": "full_name",
    "firstname": "first_name", "lastname": "last_name", "surname": "last_name",
    "phone_number": "phone", "telephone": "phone", "mobile": "phone",
    "email_address": "email", "mail": "email",
    "zip": "postal_code", "zipcode": "postal_code", "zip_code": "postal_code", "postcode": "postal_code",
    "street": "street_address", "lat": "latitude", "lng": "longitude", "lon": "longitude",
    "company_name": "company", "job": "job_title", "title": "job_title",
    "product": "product_name", "currency": "currency_code",
    "credit_card": "credit_card_number", "card_number": "credit_card_number",
    "ip": "ipv4", "ip_address": "ipv4", "ipv4_address": "ipv4", "ipv6_address": "ipv6",
    "uri": "url", "website": "url", "domain_name": "domain", "mac": "mac_address",
    "guid": "uuid", "id": "sequence", "serial": "sequence", "auto_increment": "sequence",
    "sku": "code", "pattern": "code", "percent": "percentage",
    "country_name": "country", "province": "state", "region": "state",
}


MAX_SEED = 2**63 - 1  # seeds are stored as SQLite integers
MAX_BOUND = 1e15  # numeric bounds stay where float64 and int64 are exact
MAX_TEXT_LENGTH = 10_000
MAX_POOL_SIZE = 1_000_000
MAX_ENUM_VALUES = 10_000
MAX_RULE_TEXT = 2_000
_LOCALE_RE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
DistributionKind = Literal["uniform", "normal", "lognormal", "exponential", "zipf"]
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

Scalar = str | int | float | bool


def check_identifier(value: str, what: str) -> str:
    """A column or table name: letters, digits and _, not starting with a digit."""
    if not _NAME_RE.fullmatch(value):
        raise ValueError(f"{what} {value!r} must start with a letter or _ and hold only letters, digits and _")
    return value


def normalize_type_name(raw: str) -> str:
    """Return the canonical type for a spelling such as ``Integer``, ``int`` or ``phone-number``."""
    key = re.sub(r"[\s\-]+", "_", raw.strip().lower())
    return TYPE_ALIASES.get(key, key)


class Distribution(BaseModel):
    """How numeric values spread inside their range. Values always stay inside min/max."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    kind: DistributionKind = "uniform"
    mean: float | None = Field(None, description="normal: centre (default: middle of the range)")
    std: float | None = Field(None, gt=0, description="normal: spread (default: range / 6)")
    median: float | None = Field(None, gt=0, description="lognormal: median value")
    sigma: float | None = Field(None, gt=0, description="lognormal: shape (default 0.8)")
    scale: float | None = Field(None, gt=0, description="exponential: mean distance above min")
    exponent: float | None = Field(None, gt=0, le=10, description="zipf (references): skew, default 1.2")

    @model_validator(mode="before")
    @classmethod
    def _accept_bare_kind(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"kind": data.strip().lower()}
        return data


class Constraints(BaseModel):
    """Rules a field's values obey on every row."""

    # NaN and infinities are refused in every number (bounds, weights, probabilities, distributions).
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    min_value: float | int | str | None = Field(
        None, description="Lower bound. Numbers, or for date/datetime an ISO value or a relative one: "
        "'now', '-2y', '-90d', '+60d', '-24h'.")
    max_value: float | int | str | None = Field(None, description="Upper bound, same forms as min_value.")
    decimals: int | None = Field(None, ge=0, le=12, description="Digits after the decimal point.")
    enum_values: list[Scalar] | None = Field(None, max_length=MAX_ENUM_VALUES,
                                             description="The allowed values (enum, or any field).")
    weights: list[float] | None = Field(None, description="Relative frequency of each enum value.")
    unique: bool = Field(False, description="No value repeats across the whole dataset.")
    nullable: bool = Field(False, description="Some values are null.")
    null_probability: float | None = Field(None, ge=0, le=1, description="Share of nulls when nullable.")
    min_length: int | None = Field(None, ge=0, le=MAX_TEXT_LENGTH, description="Shortest string length.")
    max_length: int | None = Field(None, ge=1, le=MAX_TEXT_LENGTH, description="Longest string length.")
    pattern: str | None = Field(None, max_length=MAX_RULE_TEXT,
                                description="Regex subset the value matches, e.g. 'INV-\\d{6}'.")
    distribution: Distribution | None = Field(None, description="Spread of numeric values.")
    cardinality: int | None = Field(None, ge=1, le=MAX_POOL_SIZE,
                                    description="Values come from a pool of this many.")
    step: str | None = Field(None, max_length=40, description="Time grid, e.g. '5m', '1h', '1d'; or numeric step.")
    format: str | None = Field(None, min_length=1, max_length=60, description="Dates and times: written as text "
                               "in this strftime format, e.g. '%m/%d/%Y', '%d.%m.%Y', '%H:%M'.")
    expression: str | None = Field(
        None, max_length=MAX_RULE_TEXT, description="Derived value over other fields: 'quantity * unit_price', 'round(x, 2)', "
        "\"CASE WHEN a > 10 THEN 'big' ELSE 'small' END\"; seeded noise per row: 'base * 1.2 + normal(0, 5)', "
        "'uniform(0.9, 1.1) * price', 'random() < 0.3' (random() in [0, 1), uniform(a, b) in [a, b), "
        "normal(mu, sd)).")
    when: str | None = Field(
        None, max_length=MAX_RULE_TEXT, description="Condition over other fields; the value is null on rows where it is false, "
        "e.g. \"transaction_type = 'payment'\".")
    after: str | None = Field(None, description="Name of a date/number field this value is >= on every row.")
    before: str | None = Field(None, description="Name of a date/number field this value is <= on every row.")
    primary_key: bool = Field(False, description="The table's key: unique and never null.")
    references: str | None = Field(None, max_length=260, description="reference fields: the parent key, "
                                   "'table.field' (multi-table documents).")
    llm_generated: bool = Field(False, description="Text written by the LLM into a reusable value pool.")
    condition_on: str | None = Field(None, description="Category field the LLM-written text depends on.")

    @field_validator("step", mode="before")
    @classmethod
    def _step_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value

    @field_validator("min_value", "max_value", mode="before")
    @classmethod
    def _finite_number(cls, value: Any) -> Any:
        # Before the union is tried: one clear problem, not one per member (float, int, str).
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("Input should be a finite number")
        return value

    @field_validator("min_value", "max_value")
    @classmethod
    def _finite_bound(cls, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not -MAX_BOUND <= value <= MAX_BOUND:
            raise ValueError(f"numeric bounds lie within ±{MAX_BOUND:.0e}")
        if isinstance(value, str) and len(value) > 100:
            raise ValueError("a bound is at most 100 characters")
        return value

    @model_validator(mode="before")
    @classmethod
    def _share_of_nulls_makes_nullable(cls, data: Any) -> Any:
        # A stated share of nulls is the user asking for nulls: silently making none breaks their rule.
        if isinstance(data, dict) and "nullable" not in data:
            share = data.get("null_probability")
            if isinstance(share, (int, float)) and not isinstance(share, bool) and share > 0:
                return {**data, "nullable": True}
        return data

    @field_validator("null_probability")
    @classmethod
    def _share_needs_nullable(cls, value: float | None, info: ValidationInfo) -> float | None:
        if value and info.data.get("nullable") is False:
            raise ValueError(f"null_probability {value} asks for nulls but nullable is false: "
                             "set nullable to true or drop null_probability")
        return value

    @model_validator(mode="after")
    def _check_consistency(self) -> Constraints:
        if self.primary_key:
            if self.nullable:
                asked = "null_probability" if self.null_probability else "nullable"
                raise ValueError(f"a primary_key is never null: drop {asked}")
            self.unique = True
        return self

    # Rules between two constraints are checked on the later one, so a problem names its constraint
    # (`constraints.max_value`), not the whole `constraints` object.
    @field_validator("max_value")
    @classmethod
    def _max_not_below_min(cls, value: Any, info: ValidationInfo) -> Any:
        low = info.data.get("min_value")
        if (isinstance(low, (int, float)) and isinstance(value, (int, float))
                and not isinstance(low, bool) and not isinstance(value, bool) and low > value):
            raise ValueError(f"min_value ({low}) is greater than max_value ({value})")
        return value

    @field_validator("max_length")
    @classmethod
    def _max_length_not_below_min(cls, value: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("min_length")
        if low is not None and value is not None and low > value:
            raise ValueError(f"min_length ({low}) is greater than max_length ({value})")
        return value

    @field_validator("enum_values")
    @classmethod
    def _enum_values_not_empty(cls, value: list | None) -> list | None:
        if value is not None and len(value) == 0:
            raise ValueError("enum_values is empty")
        return value

    @field_validator("weights")
    @classmethod
    def _weights_match_values(cls, value: list[float] | None, info: ValidationInfo) -> list[float] | None:
        if value is None:
            return value
        values = info.data.get("enum_values")
        if not values:
            if "enum_values" in info.data:  # a broken enum_values is reported on its own
                raise ValueError("weights need enum_values")
            return value
        if len(value) != len(values):
            raise ValueError(f"weights has {len(value)} entries but enum_values has {len(values)}")
        if any(w < 0 for w in value) or max(value) <= 0:
            raise ValueError("weights must be non-negative and not all zero")
        return value


class FieldSpec(BaseModel):
    """One column of the dataset."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., min_length=1, max_length=128, description="Column name: letters, digits, _.",
                      json_schema_extra={"pattern": _NAME_RE.pattern})
    type: FieldType = Field(..., description="Canonical field type (see FIELD_TYPES); aliases accepted.")
    description: str = Field("", max_length=2000, description="What the column holds; gives a "
                             "generic 'string' field its meaning.")
    constraints: Constraints = Field(default_factory=Constraints)
    hidden: bool = Field(False, description="Generated and readable by other fields' expression, when, "
                         "after and before (a helper such as a base price), but not written to any "
                         "output, preview or CREATE TABLE.")

    @field_validator("type", mode="before")
    @classmethod
    def _normalize_type(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        kind = normalize_type_name(value)
        if kind not in FIELD_TYPES:
            close = difflib.get_close_matches(kind, [*FIELD_TYPES, *TYPE_ALIASES], n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ValueError(f"unknown field type {value[:60]!r}{hint}; `synthgen types` lists the "
                             f"{len(FIELD_TYPES)} types")
        return kind

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        return check_identifier(value, "field name")

    @field_validator("constraints", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return {} if value is None else value


class DatasetSchema(BaseModel):
    """A whole dataset: its fields in output order, plus optional seed and locale."""

    model_config = ConfigDict(extra="forbid")

    fields: list[FieldSpec] = Field(..., min_length=1, max_length=500)
    seed: int | None = Field(None, ge=0, le=MAX_SEED, description="Same seed, same rows.")
    locale: str | None = Field(None, pattern=_LOCALE_RE.pattern, description="Faker-style locale, e.g. en_US, de_DE.")
    name: str | None = Field(None, max_length=200, description="Optional dataset name.")
    description: str | None = Field(None, max_length=5000)

    @model_validator(mode="after")
    def _check_unique_names(self) -> DatasetSchema:
        seen: set[str] = set()
        dupes = []
        for field in self.fields:
            if field.name in seen:
                dupes.append(field.name)
            seen.add(field.name)
        if dupes:
            raise ValueError(f"duplicate field names: {', '.join(sorted(set(dupes)))}")
        if all(f.hidden for f in self.fields):
            raise ValueError("every field is hidden: at least one field must be written")
        for field in self.fields:
            if field.hidden and field.constraints.primary_key:
                raise ValueError(f"field '{field.name}' is hidden, so it cannot be the primary_key")
        return self

    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]
