"""Fields of one row agree: the email is built from the name, the city lies in the country."""

import re

from src.engine.vocab import COUNTRIES
from tests.engine.conftest import generate


def _slug(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def test_email_and_username_come_from_the_rows_name():
    cols = generate([{"name": "first_name", "type": "first_name"}, {"name": "last_name", "type": "last_name"},
                     {"name": "full_name", "type": "full_name"}, {"name": "email", "type": "email"},
                     {"name": "username", "type": "username"}], rows=3000)
    for first, last, full, email, user in zip(*cols.values()):
        assert full == f"{first} {last}"
        assert _slug(last) in email.split("@")[0]
        assert _slug(last)[:3] in user or _slug(first)[:3] in user


def test_city_state_and_country_agree():
    cols = generate([{"name": "country", "type": "country"}, {"name": "city", "type": "city"},
                     {"name": "state", "type": "state"}, {"name": "code", "type": "country_code"}], rows=3000)
    places = {c.name: (c.code, {(city, region) for city, region, _, _ in c.cities}) for c in COUNTRIES}
    for country, city, state, code in zip(*cols.values()):
        assert places[country][0] == code
        assert (city, state) in places[country][1]


def test_coordinates_lie_near_the_rows_city():
    cols = generate([{"name": "city", "type": "city"}, {"name": "lat", "type": "latitude"},
                     {"name": "lon", "type": "longitude"}], rows=1000)
    centres = {city: (la, lo) for c in COUNTRIES for city, _, la, lo in c.cities}
    for city, lat, lon in zip(*cols.values()):
        assert abs(centres[city][0] - lat) < 0.5 and abs(centres[city][1] - lon) < 0.5


def test_gender_follows_the_first_name():
    cols = generate([{"name": "first_name", "type": "first_name"},
                     {"name": "gender", "type": "gender", "constraints": {"enum_values": ["M", "F"]}}], rows=2000)
    by_name = {}
    for name, gender in zip(cols["first_name"], cols["gender"]):
        by_name.setdefault(name, set()).add(gender)
    assert {"M", "F"} == set(cols["gender"])
    # A name can be both (e.g. Jordan) but nearly all names keep one gender.
    assert sum(len(g) == 1 for g in by_name.values()) / len(by_name) > 0.97
