"""Names and their email spellings as native speakers write them, measured against Faker's same locale."""

import re

import pytest
from faker import Faker

from src.engine.data import names_curated as curated
from src.engine.data.translit import KOREAN_SURNAMES
from tests.engine.conftest import generate

PERSON = [{"name": "gender", "type": "gender"}, {"name": "first", "type": "first_name"},
          {"name": "last", "type": "last_name"}, {"name": "name", "type": "full_name"},
          {"name": "email", "type": "email"}]


def _rows(locale: str, n: int = 2000) -> dict:
    return generate(PERSON, rows=n, seed=11, locale=locale)


def _faker(locale: str, n: int = 1000) -> list[str]:
    fake = Faker(locale)
    fake.seed_instance(11)
    return [fake.name() for _ in range(n)]


def _share(items, test) -> float:
    items = list(items)
    return sum(map(test, items)) / max(len(items), 1)


def test_german_emails_spell_umlauts_out():
    rows = _rows("de_DE")
    pairs = [(last, email) for last, email in zip(rows["last"], rows["email"]) if re.search("[äöüß]", last.lower())]
    assert len(pairs) > 50
    umlauts = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "", "-": ""})
    spelt = lambda p: p[0].lower().translate(umlauts) in p[1]  # noqa: E731
    assert _share(pairs, spelt) == 1.0


def _uk(name: str) -> str:
    from src.engine.data.translit import romanize_ukrainian

    return romanize_ukrainian(name)


def test_ukrainian_emails_follow_the_national_transliteration():
    """KMU 2010: Г -> h, И -> y, Х -> kh, І -> i, where the Russian-style table wrote g, i, kh, i."""
    from src.engine.data.names import romanize

    rows = _rows("uk_UA")
    locals_ = [e.split("@")[0] for e in rows["email"]]
    assert _share(zip(rows["last"], locals_), lambda p: _uk(p[0]).replace("-", "") in p[1]) == 1.0
    differs = [(f, m) for f, m in zip(rows["first"], locals_) if romanize(f) != _uk(f)]
    assert len(differs) > 300
    assert not [(f, m) for f, m in differs if romanize(f) in m]
    assert _uk("Григорій") == "hryhorii" and _uk("Юлія") == "yuliia" and _uk("Їжакевич") == "yizhakevych"


def test_korean_emails_write_surnames_as_people_do():
    rows = _rows("ko_KR")
    common = [(last, e) for last, e in zip(rows["last"], rows["email"]) if last in ("김", "이", "박", "최")]
    assert len(common) > 300
    assert _share(common, lambda p: KOREAN_SURNAMES[p[0]] in p[1]) == 1.0
    assert not [e for e in rows["email"] if re.search(r"(^|[._])(gim|bag|i)([._@]|$)", e)]


def test_arabic_names_are_common_ones_and_emails_are_real_spellings():
    rows = _rows("ar_EG")
    assert not [n for n in rows["name"] if "بنو" in n or " بن " in n]  # tribes, not people
    known = {n for part in ("male", "female") for n, _ in curated.ARABIC[part]}
    assert _share(rows["first"], lambda n: n in known) == 1.0
    latin = dict(curated.ARABIC["last"])  # 'alotaibi', never the skeleton 'ltyby'
    assert _share(zip(rows["last"], rows["email"]), lambda p: latin[p[0]] in p[1]) == 1.0
    assert _share(_faker("ar_AA"), lambda n: "بنو" in n or " بن " in n) > 0  # what Faker writes


def test_russian_rows_mostly_carry_common_names():
    rows = _rows("ru_RU")
    common = set(curated.COMMON_RUSSIAN["male"]) | set(curated.COMMON_RUSSIAN["female"])
    ours = _share(rows["first"], lambda n: n in common)
    faker = _share(_faker("ru_RU"), lambda n: any(w in common for w in n.split()))
    assert ours >= 0.85 and ours > 2 * faker


def test_vietnamese_names_are_family_middle_given():
    rows = _rows("vi_VN")
    surnames = set(curated.VIETNAMESE_SURNAMES)
    ordered = lambda n: len(n.split()) >= 3 and n.split()[0] in surnames  # noqa: E731
    assert _share(rows["name"], ordered) == 1.0
    assert _share(_faker("vi_VN"), ordered) < 0.5  # Faker writes given name first
    women = [n for g, n in zip(rows["gender"], rows["name"]) if g == "Female"]
    assert _share(women, lambda n: n.split()[1] in curated.VIETNAMESE_MIDDLE["female"]) == 1.0
    assert _share(rows["name"], lambda n: n.startswith("Nguyễn")) > 0.3


@pytest.mark.parametrize("locale", ["es_ES", "es_MX"])
def test_spanish_names_carry_two_surnames(locale):
    rows = _rows(locale)
    assert _share(zip(rows["name"], rows["last"]), lambda p: p[0].endswith(" " + p[1]) and len(p[1].split()) >= 2) == 1.0
    faker_two = _share(_faker(locale), lambda n: len(n.split()) >= 3)
    assert faker_two < 0.95
    assert _share(zip(rows["last"], rows["email"]),
                  lambda p: p[0].split()[0].lower()[:3].encode("ascii", "ignore").decode()[:2] in p[1]) > 0.95


def test_hindi_surnames_are_spelt_right():
    rows = _rows("hi_IN")
    known = {n for n, _ in curated.HINDI["last"]}
    assert _share(rows["last"], lambda n: n in known) == 1.0
    assert not {"झादव", "दुत्ता"} & set(rows["last"])
    latin = dict(curated.HINDI["last"])
    assert _share(zip(rows["last"], rows["email"]), lambda p: latin[p[0]] in p[1]) == 1.0


def test_taiwanese_names_romanize_in_pinyin_consistently():
    """One system for every row (Hanyu Pinyin, Taiwan's official one since 2009), never a mix with Wade-Giles."""
    rows = _rows("zh_TW")
    pinyin = {"陳": "chen", "張": "zhang", "黃": "huang", "林": "lin", "王": "wang", "李": "li", "蔡": "cai"}
    pairs = [(last, e.split("@")[0]) for last, e in zip(rows["last"], rows["email"]) if last in pinyin]
    assert len(pairs) > 200
    assert _share(pairs, lambda p: pinyin[p[0]] in p[1]) == 1.0
    wade_giles = {"張": "chang", "蔡": "tsai", "許": "hsu", "謝": "hsieh"}  # as a surname slug, never
    assert not [(last, e) for last, e in zip(rows["last"], rows["email"]) if last in wade_giles
                and re.search(rf"(^|[._]){wade_giles[last]}([._@]|$)", e)]
