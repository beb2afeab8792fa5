"""Landlines by city in the countries added after DE/GB/JP/IN (IT, ES, MX, CN, RU, NL, PL, AR, ZA,
KR): the national number of a landline opens with the area code of the row's own city."""

import re

import pytest

from tests.engine.conftest import generate

# (calling code, trunk prefix, national-number starts of mobiles, {city as the locale writes it: area code}),
# from the regulators' and operators' plans, written out independently of src/engine/data/area_codes.py.
PLANS = {
    "it_IT": ("39", "", ("3",), {"Roma": "06", "Milano": "02", "Napoli": "081", "Torino": "011", "Firenze": "055"}),
    "es_ES": ("34", "", ("6", "7"), {"Madrid": "91", "Barcelona": "93", "Valencia": "96", "Bilbao": "94", "Zaragoza": "976"}),
    "es_MX": ("52", "", (), {"Guadalajara": "33", "Monterrey": "81", "Puebla": "222", "Tijuana": "664", "Mérida": "999"}),
    "zh_CN": ("86", "0", ("13", "15", "18"), {"北京": "10", "上海": "21", "广州": "20", "深圳": "755", "成都": "28"}),
    "ru_RU": ("7", "8", ("9",), {"Москва": "495", "Санкт-Петербург": "812", "Новосибирск": "383", "Казань": "843"}),
    "nl_NL": ("31", "0", ("6",), {"Amsterdam": "20", "Rotterdam": "10", "Utrecht": "30", "Eindhoven": "40"}),
    "pl_PL": ("48", "", ("50", "60", "69", "79"), {"Warszawa": "22", "Kraków": "12", "Wrocław": "71", "Gdańsk": "58"}),
    "es_AR": ("54", "0", ("9",), {"Buenos Aires": "11", "Córdoba": "351", "Rosario": "341", "La Plata": "221"}),
    "en_ZA": ("27", "0", ("6", "7", "8"), {"Johannesburg": "11", "Cape Town": "21", "Durban": "31", "Pretoria": "12"}),
    "ko_KR": ("82", "0", ("10",), {"서울": "2", "부산": "51", "인천": "32", "대구": "53", "광주": "62"}),
}


def national(phone: str, calling: str, trunk: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if phone.startswith("+"):
        return digits[len(calling):]
    return digits[len(trunk):] if trunk and digits.startswith(trunk) else digits


@pytest.mark.parametrize("locale", sorted(PLANS))
def test_landlines_dial_the_area_code_of_the_rows_city(locale):
    calling, trunk, mobiles, areas = PLANS[locale]
    rows = generate([{"name": "city", "type": "city"}, {"name": "phone", "type": "phone", "constraints": {"unique": True}}],
                    rows=3000, locale=locale)
    assert len(set(rows["phone"])) == 3000
    checked = 0
    for city, phone in zip(rows["city"], rows["phone"]):
        number = national(phone, calling, trunk)
        if locale == "it_IT" and not number.startswith("3"):
            number = number  # Italy keeps its 0 in the number, national or international
        if mobiles and number.startswith(mobiles):
            continue
        key = next((k for k in areas if city.startswith(k)), None)
        if key is None:
            continue
        area = areas[key] if locale == "it_IT" else areas[key].removeprefix("0")
        assert number.startswith(area), (city, phone)
        checked += 1
    assert checked >= 200, checked
