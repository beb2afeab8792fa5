"""ar_EG phones are Egyptian: mobiles 01x xxxx xxxx (+20 1x xxxx xxxx), landlines of the row's city
(Greater Cairo 02 + 8 digits, Alexandria 03 + 7, other governorates 0xx + 7), written independently of
src/engine/data/area_codes.py from the NTRA's numbering plan."""

from __future__ import annotations

import re

from src.engine import compile_schema
from tests.engine.conftest import ANCHOR

AREAS = {"القاهرة": "2", "الجيزة": "2", "شبرا الخيمة": "2", "مدينة نصر": "2", "الإسكندرية": "3", "بورسعيد": "66",
         "السويس": "62", "المنصورة": "50", "طنطا": "40", "أسيوط": "88", "الأقصر": "95", "أسوان": "97", "الغردقة": "65"}
MOBILE = re.compile(r"(01[0125]|\+20 1[0125]) \d{4} \d{4}")


def _landline(phone: str) -> tuple[str, str] | None:
    m = re.fullmatch(r"(?:0|\+20 )(\d{1,2}) (\d{3,4} \d{4})", phone)
    return (m.group(1), m.group(2).replace(" ", "")) if m else None


def test_egyptian_phones_are_mobiles_or_landlines_of_the_rows_city():
    rows = compile_schema({"locale": "ar_EG", "fields": [{"name": "city", "type": "city"},
                                                         {"name": "phone", "type": "phone"}]},
                          seed=6, anchor=ANCHOR).generate_chunk(0, 4000).to_pydict()
    landlines = checked = 0
    for city, phone in zip(rows["city"], rows["phone"]):
        if MOBILE.fullmatch(phone):
            continue
        found = _landline(phone)
        assert found is not None, (city, phone)
        landlines += 1
        area, subscriber = found
        assert len(subscriber) == (8 if area == "2" else 7), (city, phone)
        if city in AREAS:
            checked += 1
            assert area == AREAS[city], (city, phone)
    assert landlines > 400 and checked > 300


def test_unique_egyptian_phones_are_distinct():
    plan = compile_schema({"locale": "ar_EG", "fields": [{"name": "phone", "type": "phone",
                                                          "constraints": {"unique": True}}]}, seed=2, anchor=ANCHOR)
    plan.check_row_count(20000)
    phones = plan.generate_chunk(0, 20000).column(0).to_pylist()
    assert len(set(phones)) == 20000
    assert all(MOBILE.fullmatch(p) or _landline(p) for p in phones)
