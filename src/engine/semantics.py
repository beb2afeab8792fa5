"""Meaning from names: which generator a generic `string` field gets, from its name and description."""

from __future__ import annotations

import re

# Ordered: the first rule whose every token appears in the field's name (or description) wins.
NAME_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("email",), "email"), (("e", "mail"), "email"),
    (("username",), "username"), (("user", "name"), "username"), (("login", "name"), "username"),
    (("handle",), "username"),
    (("first", "name"), "first_name"), (("given", "name"), "first_name"), (("firstname",), "first_name"),
    (("last", "name"), "last_name"), (("surname",), "last_name"), (("family", "name"), "last_name"),
    (("lastname",), "last_name"),
    (("company",), "company"), (("merchant",), "company"), (("employer",), "company"),
    (("vendor",), "company"), (("supplier",), "company"), (("organization",), "company"),
    (("category",), "product_category"),
    (("product", "name"), "product_name"), (("product",), "product_name"), (("item", "name"), "product_name"),
    (("full", "name"), "full_name"), (("fullname",), "full_name"), (("customer", "name"), "full_name"),
    (("person",), "full_name"), (("contact", "name"), "full_name"), (("employee", "name"), "full_name"),
    (("patient", "name"), "full_name"), (("author",), "full_name"),
    (("phone",), "phone"), (("mobile",), "phone"), (("telephone",), "phone"),
    (("iban",), "iban"), (("credit", "card"), "credit_card_number"), (("card", "number"), "credit_card_number"),
    (("account", "number"), "account_number"), (("account", "no"), "account_number"),
    (("ipv6",), "ipv6"), (("ip",), "ipv4"), (("ipv4",), "ipv4"), (("mac", "address"), "mac_address"),
    (("user", "agent"), "user_agent"), (("useragent",), "user_agent"), (("browser",), "user_agent"),
    (("url",), "url"), (("website",), "url"), (("link",), "url"), (("domain",), "domain"),
    (("street",), "street_address"), (("address",), "address"),
    (("city",), "city"), (("town",), "city"), (("state",), "state"), (("province",), "state"),
    (("region",), "state"), (("zip",), "postal_code"), (("postal",), "postal_code"),
    (("postcode",), "postal_code"), (("country", "code"), "country_code"), (("country",), "country"),
    (("nationality",), "country"), (("airport",), "airport_code"), (("iata",), "airport_code"),
    (("currency",), "currency_code"), (("job", "title"), "job_title"), (("occupation",), "job_title"),
    (("position",), "job_title"), (("role",), "job_title"), (("department",), "department"),
    (("dept",), "department"), (("gender",), "gender"), (("sex",), "gender"),
    (("color",), "color"), (("colour",), "color"), (("uuid",), "uuid"), (("guid",), "uuid"),
    (("review",), "review"), (("feedback",), "review"), (("comment",), "sentence"),
    (("description",), "sentence"), (("notes",), "sentence"), (("note",), "sentence"),
    (("summary",), "sentence"), (("message",), "sentence"), (("bio",), "paragraph"),
    (("text",), "sentence"), (("title",), "sentence"),
    (("name",), "full_name"),
)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens; camelCase and snake_case split."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text or "")
    return [t for t in re.split(r"[^A-Za-z0-9]+", text.lower()) if t]


def infer_string_kind(name: str, description: str = "") -> str | None:
    """The generator for a `string` field, from its name first, then its description."""
    for text in (name, description):
        tokens = set(tokenize(text))
        if not tokens:
            continue
        for needed, kind in NAME_RULES:
            if all(t in tokens for t in needed):
                return kind
    return None
