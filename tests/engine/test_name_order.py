"""Every supported locale writes a full name in the order Faker's own person formats use (hu_HU 'Kiss
Anita', ja/zh/ko family name first), checked against Faker itself, not against the engine's flag."""

import re

import pytest
from faker import Faker

from src.engine import compile_schema
from src.engine.data.names import supported_locales

_FIELDS = [{"name": "first_name", "type": "first_name"}, {"name": "last_name", "type": "last_name"},
           {"name": "full_name", "type": "full_name"}]


def _faker_family_first(locale: str) -> bool:
    """Whether most of the formats of the person provider Faker itself loads for ``locale`` put the
    family name first."""
    provider = next(p for p in Faker(locale).get_providers() if "person" in type(p).__module__)
    formats = []
    for key in ("formats", "formats_male", "formats_female"):
        value = getattr(provider, key, ())
        formats += list(value.keys() if isinstance(value, dict) else value)
    family = given = 0
    for text in set(formats):
        last, first = re.search(r"\{\{last_name", text), re.search(r"\{\{first_name", text)
        if last and first:
            family += last.start() < first.start()
            given += first.start() < last.start()
    return family > given


# Where native usage and Faker's formats differ, native usage wins: Vietnamese writes family-middle-given.
NATIVE_FAMILY_FIRST = {"vi_VN"}


@pytest.mark.parametrize("locale", supported_locales())
def test_full_names_follow_fakers_order(locale):
    rows = compile_schema({"fields": _FIELDS, "locale": locale}, seed=3).generate_chunk(0, 40).to_pydict()
    family_first = locale in NATIVE_FAMILY_FIRST or _faker_family_first(locale)
    for first, last, full in zip(rows["first_name"], rows["last_name"], rows["full_name"]):
        if family_first:
            assert full.startswith(last) and full.endswith(first), (locale, full)
        else:
            assert full.startswith(first) and full.endswith(last), (locale, full)


def test_hungarian_puts_the_family_name_first():
    rows = compile_schema({"fields": _FIELDS, "locale": "hu_HU"}, seed=1).generate_chunk(0, 50).to_pydict()
    assert all(full == f"{last} {first}" for first, last, full in
               zip(rows["first_name"], rows["last_name"], rows["full_name"]))


def test_japanese_emails_are_romanized_and_rarely_end_in_digits():
    """ja_JP emails from the row's name: romanized, with separators, few with a digit tail."""
    fields = [{"name": "full_name", "type": "full_name"}, {"name": "email", "type": "email"}]
    emails = compile_schema({"fields": fields, "locale": "ja_JP"}, seed=2).generate_chunk(0, 2000).column(1).to_pylist()
    locals_ = [e.split("@")[0] for e in emails]
    assert all(e.isascii() for e in emails)
    assert sum(local[-1].isdigit() for local in locals_) / 2000 <= 0.35
    assert sum(bool(re.search(r"\d{3,}$", local)) for local in locals_) / 2000 <= 0.1
    assert sum(("." in local or "_" in local) for local in locals_) / 2000 >= 0.5
