"""The one registry pairing each field type with its vectorized generator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from src.engine.context import ChunkContext, FieldPlan
from src.engine.generators import codes, job_titles, keys, numeric, person, phones, places, reviews, text

Generate = Callable[[FieldPlan, ChunkContext], pa.Array]
Capacity = Callable[[FieldPlan], "int | None"]


def _unbounded(fp: FieldPlan) -> int | None:
    return None


@dataclass(frozen=True)
class FieldGenerator:
    """How one type is made. ``capacity`` gives how many distinct values `unique` can reach
    (None: unbounded); a type without a natural unique form gets a row-number suffix instead."""

    generate: Generate
    capacity: Capacity | None = None
    example: str = ""


class GeneratorRegistry:
    """Field type name -> FieldGenerator."""

    def __init__(self) -> None:
        self._generators: dict[str, FieldGenerator] = {}

    def register(self, type_name: str, generate: Generate, *, capacity: Capacity | None = None,
                 example: str = "") -> None:
        if type_name in self._generators:
            raise ValueError(f"type {type_name!r} is registered twice")
        self._generators[type_name] = FieldGenerator(generate, capacity, example)

    def get(self, type_name: str) -> FieldGenerator:
        return self._generators[type_name]

    def __contains__(self, type_name: str) -> bool:
        return type_name in self._generators

    def types(self) -> list[str]:
        return list(self._generators)


def _enum_capacity(fp: FieldPlan) -> int:
    return len(fp.enum_values or [])


def _time_capacity(fp: FieldPlan) -> int:
    return numeric.time_slots(fp)[2]


def _pattern_capacity(fp: FieldPlan) -> int | None:
    return fp.pattern.count()


def _account_capacity(fp: FieldPlan) -> int:
    return 10 ** min((fp.c.min_length or 10) - 1, 9)


def create_default_registry() -> GeneratorRegistry:
    """Every canonical field type with its generator."""
    r = GeneratorRegistry()
    # identifiers
    r.register("uuid", codes.gen_uuid, capacity=_unbounded, example="3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b")
    r.register("sequence", numeric.gen_sequence, capacity=_unbounded, example="1, 2, 3")
    r.register("code", codes.gen_code, capacity=_pattern_capacity, example="ABC-12345")
    r.register("reference", keys.gen_reference, capacity=_unbounded, example="a parent's key, e.g. customers.customer_id")
    # person
    r.register("full_name", person.gen_full_name, capacity=person.pair_capacity, example="Maria Lopez")
    r.register("first_name", person.gen_first_name, capacity=person.first_capacity, example="Maria")
    r.register("last_name", person.gen_last_name, capacity=person.last_capacity, example="Lopez")
    r.register("username", person.gen_username, capacity=_unbounded, example="mlopez42")
    r.register("gender", person.gen_gender, example="Female")
    r.register("date_of_birth", numeric.gen_datetime, capacity=_time_capacity, example="1987-04-12")
    r.register("age", numeric.gen_age, capacity=numeric.integer_capacity, example="37")
    # contact
    r.register("email", person.gen_email, capacity=_unbounded, example="maria.lopez@gmail.com")
    r.register("phone", phones.gen_phone, capacity=phones.phone_capacity, example="(415) 555-0142")
    # address and geo
    r.register("street_address", places.gen_street_address, example="1284 Maple Avenue")
    r.register("address", places.gen_address, example="1284 Maple Avenue, Seattle, WA 98101, United States")
    r.register("city", places.gen_city, example="Seattle")
    r.register("state", places.gen_state, example="WA")
    r.register("postal_code", places.gen_postal_code, example="98101")
    r.register("country", places.gen_country, example="United States")
    r.register("country_code", places.gen_country_code, example="US")
    r.register("latitude", places.gen_latitude, example="47.608013")
    r.register("longitude", places.gen_longitude, example="-122.335167")
    r.register("airport_code", places.gen_airport_code, example="JFK")
    # company and commerce
    r.register("company", person.gen_company, example="Summit Logistics")
    r.register("job_title", job_titles.gen_job_title, example="Data scientist")
    r.register("department", person.gen_department, example="Engineering")
    r.register("product_name", text.gen_product_name, example="Ergonomic Bamboo Desk Lamp")
    r.register("product_category", text.gen_product_category, example="Home & Kitchen")
    r.register("price", numeric.gen_float, capacity=numeric.float_capacity, example="49.99")
    r.register("currency_code", places.gen_currency_code, example="USD")
    # finance
    r.register("iban", codes.gen_iban, example="DE89370400440532013000")
    r.register("account_number", codes.gen_account_number, capacity=_account_capacity, example="4820193847")
    r.register("credit_card_number", codes.gen_credit_card_number, example="4539578763621486")
    # internet
    r.register("url", codes.gen_url, example="https://www.cloudhub.io/pricing")
    r.register("domain", codes.gen_domain, example="brightlabs.com")
    r.register("ipv4", codes.gen_ipv4, example="172.58.10.4")
    r.register("ipv6", codes.gen_ipv6, example="2001:0db8:85a3:0000:0000:8a2e:0370:7334")
    r.register("user_agent", codes.gen_user_agent, example="Mozilla/5.0 (Windows NT 10.0; ...)")
    r.register("mac_address", codes.gen_mac_address, example="3C:22:FB:7A:01:9E")
    # text
    r.register("string", text.gen_string, capacity=text.string_capacity, example="Amber harbor")
    r.register("word", text.gen_word, example="meadow")
    r.register("sentence", text.gen_sentence, example="The team improved delivery times last week.")
    r.register("paragraph", text.gen_paragraph, example="Three to five sentences.")
    r.register("review", reviews.gen_review, example="Works exactly as described. Setup took only a few minutes.")
    r.register("color", codes.gen_color, example="teal")
    # numbers
    r.register("integer", numeric.gen_integer, capacity=numeric.integer_capacity, example="42")
    r.register("float", numeric.gen_float, capacity=numeric.float_capacity, example="3.14")
    r.register("decimal", numeric.gen_float, capacity=numeric.float_capacity, example="1234.50")
    r.register("percentage", numeric.gen_float, capacity=numeric.float_capacity, example="87.5")
    r.register("boolean", numeric.gen_boolean, example="true")
    # time
    r.register("date", numeric.gen_datetime, capacity=_time_capacity, example="2024-03-15")
    r.register("datetime", numeric.gen_datetime, capacity=_time_capacity, example="2024-03-15 14:05:00")
    r.register("time", numeric.gen_datetime, capacity=_time_capacity, example="14:05:00")
    # categorical
    r.register("enum", numeric.gen_enum, capacity=_enum_capacity, example="active")

    return r
