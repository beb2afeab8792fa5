"""Thai, Vietnamese, Turkish and Taiwanese phones are real mobile numbers, written as each country
writes them (regular expressions from the regulators' plans, independent of data/national_phones.py),
where Faker's formats of the same locales mostly are not."""

import re

import pytest
from faker import Faker

from tests.engine.conftest import generate

NATIONAL = {
    "th_TH": r"0[689]\d-\d{3}-\d{4}|\+66 [689]\d \d{3} \d{4}",
    "vi_VN": r"0(3[2-9]|5[689]|7[06-9]|8[1-9]|9\d) \d{3} \d{4}|\+84 (3[2-9]|9\d) \d{3} \d{4}",
    "tr_TR": r"05[0345]\d \d{3} \d{2} \d{2}|\+90 5[0345]\d \d{3} \d{2} \d{2}",
    "zh_TW": r"09\d{2}-\d{3}-\d{3}|09\d{2} \d{3} \d{3}|\+886[ -]9\d{2}[ -]\d{3}[ -]\d{3}",
}


@pytest.mark.parametrize("locale", sorted(NATIONAL))
@pytest.mark.parametrize("unique", [False, True])
def test_phones_match_the_countrys_numbering_plan(locale, unique):
    pattern = re.compile(NATIONAL[locale])
    phones = generate([{"name": "phone", "type": "phone", "constraints": {"unique": unique}}], rows=3000,
                      seed=11, locale=locale)["phone"]
    assert all(pattern.fullmatch(p) for p in phones), [p for p in phones if not pattern.fullmatch(p)][:5]
    if unique:  # the last seven digits come from a bijection of the row index
        assert len(set(phones)) == len(phones)
        digits = {re.sub(r"\D", "", p)[-7:] for p in phones}
        assert len(digits) == len(phones)
    fake = Faker(locale)
    fake.seed_instance(11)
    faker_share = sum(bool(pattern.fullmatch(fake.phone_number())) for _ in range(1000)) / 1000
    assert faker_share < 0.5  # what Faker's formats of the locale give

