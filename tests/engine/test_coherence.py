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
    centres = {}
    for c in COUNTRIES:  # a name can stand for cities of several countries (Valencia)
        for city, _, la, lo in c.cities:
            centres.setdefault(city, []).append((la, lo))
    for city, lat, lon in zip(*cols.values()):
        assert any(abs(la - lat) < 0.5 and abs(lo - lon) < 0.5 for la, lo in centres[city])


def test_gender_follows_the_first_name():
    cols = generate([{"name": "first_name", "type": "first_name"},
                     {"name": "gender", "type": "gender", "constraints": {"enum_values": ["M", "F"]}}], rows=2000)
    by_name = {}
    for name, gender in zip(cols["first_name"], cols["gender"]):
        by_name.setdefault(name, set()).add(gender)
    assert {"M", "F"} == set(cols["gender"])
    # A name can be both (e.g. Jordan) but nearly all names keep one gender.
    assert sum(len(g) == 1 for g in by_name.values()) / len(by_name) > 0.97


def test_two_people_in_a_row_are_different_people_each_coherent():
    cols = generate([{"name": "customer_name", "type": "full_name"}, {"name": "customer_email", "type": "email"},
                     {"name": "agent_name", "type": "full_name"}, {"name": "agent_email", "type": "email"}],
                    rows=1000)
    same = sum(c == a for c, a in zip(cols["customer_name"], cols["agent_name"]))
    assert same < 10
    for name, email in zip(cols["agent_name"], cols["agent_email"]):
        assert _slug(name.split()[-1]) in email


def test_locale_keeps_places_and_phones_in_its_country():
    cols = generate([{"name": "name", "type": "full_name"}, {"name": "city", "type": "city"},
                     {"name": "phone", "type": "phone"}], rows=500, locale="de_DE")
    from src.engine.data.native_places_more import EXONYMS

    german = {EXONYMS["de_DE"].get(city, city) for country in COUNTRIES if country.code == "DE"
              for city, _, _, _ in country.cities}  # 'München' as Germans write it
    assert set(cols["city"]) <= german
    # German formats: +49 (with the trunk 0 in brackets or without it), or the national 0.
    assert all(re.fullmatch(r"(\+49 ?(\(0\))?|\(0|0)[1-9][\d ()]{7,13}", p) for p in cols["phone"])
    assert len(set(cols["phone"])) == len(cols["phone"])


def test_coordinates_follow_the_city_even_with_a_whole_globe_range():
    cols = generate([{"name": "city", "type": "city"},
                     {"name": "lat", "type": "latitude", "constraints": {"min_value": -90, "max_value": 90}}],
                    rows=300)
    centres = {}
    for c in COUNTRIES:
        for city, _, la, _ in c.cities:
            centres.setdefault(city, []).append(la)
    assert all(any(abs(la - lat) < 0.5 for la in centres[c]) for c, lat in zip(cols["city"], cols["lat"]))
