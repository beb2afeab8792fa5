"""Every Faker locale either makes people, companies and addresses of its own, or is refused."""

import re
import unicodedata

import pyarrow as pa
import pytest

from src.engine import compile_schema, vocab
from src.engine.data.names import locale_names, supported_locales
from src.engine.generators import address_layouts
from src.engine.generators.name_parts import has_two_surnames
from src.errors import SchemaValidationError
from tests.engine.conftest import ANCHOR

FIELDS = [{"name": "first_name", "type": "first_name"}, {"name": "last_name", "type": "last_name"},
          {"name": "full_name", "type": "full_name"}, {"name": "company", "type": "company"},
          {"name": "address", "type": "address"}, {"name": "email", "type": "email", "constraints": {"unique": True}},
          {"name": "city", "type": "city"}, {"name": "street_address", "type": "street_address"}]
# Scripts a locale writes names in (Unicode script names as they begin a character's name).
SCRIPTS = {"ja": ("CJK", "HIRAGANA", "KATAKANA"), "zh": ("CJK",), "ko": ("HANGUL",), "ru": ("CYRILLIC",),
           "uk": ("CYRILLIC",), "bg": ("CYRILLIC",), "el": ("GREEK",), "he": ("HEBREW",), "ar": ("ARABIC",),
           "fa": ("ARABIC",), "hi": ("DEVANAGARI",), "th": ("THAI",), "ka": ("GEORGIAN",), "hy": ("ARMENIAN",),
           "bn": ("BENGALI",), "ne": ("DEVANAGARI",), "ta": ("TAMIL",)}


def _script(text: str) -> str:
    letter = next((ch for ch in text if ch.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


# Faker locales with no person names of their own, their language's or their country's.
REFUSED = {"am_ET", "bs_BA", "fil_PH", "la", "mt_MT", "sq_AL", "sr_BA", "tl_PH"}


def _share_in_script(texts, expected) -> float:
    """Share of texts whose letters are (nearly) all in the expected scripts."""
    def fits(text):
        letters = [ch for ch in text if ch.isalpha()]
        return bool(letters) and sum(_script(ch) in expected for ch in letters) / len(letters) >= 0.9
    return sum(map(fits, texts)) / len(texts)


def test_most_faker_locales_are_supported():
    assert len(supported_locales()) >= 100
    assert {"ja_JP", "ru_RU", "pl_PL", "cs_CZ", "el_GR", "zh_CN", "ko_KR", "de_DE", "pt_BR", "is_IS", "ta_IN",
            "dk_DK", "ng_NG", "lb_LU"} <= set(supported_locales())
    assert set(vocab.faker_locales()) - set(supported_locales()) == REFUSED


@pytest.mark.parametrize("locale", supported_locales())
def test_every_supported_locale_makes_its_own_people_companies_and_addresses(locale):
    plan = compile_schema({"fields": FIELDS, "locale": locale}, seed=5, anchor=ANCHOR)
    rows = plan.generate_chunk(0, 300).to_pydict()
    lists = locale_names(locale)
    own_first = {name for name, _ in list(lists.male) + list(lists.female)}
    own_last = {name for name, _ in list(lists.last_male) + list(lists.last_female)}
    assert sum(n in own_first for n in rows["first_name"]) / 300 >= 0.9
    if has_two_surnames(locale):  # 'García López': the father's and the mother's surname
        assert sum(any(n.startswith(f + " ") and n[len(f) + 1:] in own_last for f in own_last)
                   for n in rows["last_name"]) / 300 >= 0.9
    else:
        assert sum(n in own_last for n in rows["last_name"]) / 300 >= 0.9
    expected = SCRIPTS.get(locale.split("_")[0])
    if expected and _script(next(iter(own_first))) in expected:
        assert sum(_script(n) in expected for n in rows["full_name"]) / 300 >= 0.9
    for first, last, full in zip(rows["first_name"], rows["last_name"], rows["full_name"]):
        if lists.family_first:
            assert full.startswith(last) and full.endswith(first)
        else:
            assert full == f"{first} {last}"
    assert all(rows["company"]) and all(rows["address"])
    assert len(set(rows["email"])) == 300 and all(e.isascii() for e in rows["email"])
    if expected and _script(next(iter(own_first))) in expected:
        assert _share_in_script(rows["company"], expected) >= 0.9, rows["company"][:5]
    country = vocab.COUNTRIES[vocab.country_of_locale(locale)] if vocab.country_of_locale(locale) is not None else None
    if expected and country is not None and vocab.city_names(locale) is not vocab.place_tables().city:
        domestic = [a.removesuffix(", " + country.name) for a in rows["address"]]
        assert _share_in_script(domestic, expected) >= 0.9, domestic[:5]
        assert _share_in_script(rows["city"], expected) >= 0.9, rows["city"][:5]
    if country is not None and country.code in ("JP", "CN", "KR", "TW"):  # largest unit first: (region,) city, street
        assert all(a.index(c) < a.index(st) for a, st, c in zip(rows["address"], rows["street_address"], rows["city"]))
    elif country is not None:  # street first, the city after it
        assert all(a.startswith(st) and a.index(c, len(st)) > 0
                   for a, st, c in zip(rows["address"], rows["street_address"], rows["city"]))


@pytest.mark.parametrize("locale,family_first", [("ja_JP", "佐藤 健"), ("zh_CN", "王伟"), ("ko_KR", "김민준")])
def test_cjk_names_put_the_family_name_first(locale, family_first):
    rows = compile_schema({"fields": FIELDS[:3], "locale": locale}, seed=1, anchor=ANCHOR).generate_chunk(0, 50)
    for first, last, full in zip(*rows.to_pydict().values()):
        assert full.startswith(last) and full.endswith(first)
        assert (" " in full) == (" " in family_first)


def test_gendered_surnames_follow_the_person():
    rows = compile_schema({"fields": [{"name": "g", "type": "gender"}, {"name": "last", "type": "last_name"}],
                           "locale": "ru_RU"}, seed=1, anchor=ANCHOR).generate_chunk(0, 400).to_pydict()
    women = [last for g, last in zip(rows["g"], rows["last"]) if g == "Female"]
    assert sum(last.endswith(("а", "я")) for last in women) / len(women) > 0.9


@pytest.mark.parametrize("locale", ["xx_YY", "am_ET"])
def test_a_locale_without_names_is_refused_naming_the_locale(locale):
    with pytest.raises(SchemaValidationError) as err:
        compile_schema({"fields": FIELDS[:1], "locale": locale})
    assert err.value.problems[0].loc == "locale" and locale in err.value.problems[0].message


def test_every_faker_locale_is_either_supported_or_refused():
    for locale in sorted(vocab.faker_locales()):
        try:
            compile_schema({"fields": FIELDS[:1], "locale": locale}).generate_chunk(0, 5)
        except SchemaValidationError as err:
            assert locale in REFUSED
            assert err.problems[0].loc == "locale" and "Faker has no person names for it" in err.problems[0].message


@pytest.mark.parametrize("locale,words", [("zh_CN", ("有限公司",)), ("es_ES", ("S.A", "S.L", "S.C", "S.Coop", "S.Com"))])
def test_companies_in_the_locales_language_where_faker_computes_its_lists(locale, words):
    """zh_CN's suffixes are a comprehension and es_ES's weighted: both read, so companies are local."""
    rows = compile_schema({"fields": [{"name": "c", "type": "company"}], "locale": locale}, seed=2,
                          anchor=ANCHOR).generate_chunk(0, 300).to_pydict()["c"]
    assert sum(any(w in c for w in words) for c in rows) / 300 >= 0.9, rows[:5]


@pytest.mark.parametrize("locale", ["ar_SA", "ar_EG", "ar_JO", "ar_DZ", "ar_AE", "ar_BH", "ar_PS", "he_IL", "hy_AM",
                                    "hi_IN", "ta_IN", "fa_IR"])
def test_arabic_hebrew_and_armenian_locales_write_their_cities_and_streets_in_their_script(locale):
    plan = compile_schema({"fields": [{"name": "city", "type": "city"}, {"name": "street", "type": "street_address"}],
                           "locale": locale}, seed=3, anchor=ANCHOR)
    rows = plan.generate_chunk(0, 1000).to_pydict()
    scripts = SCRIPTS[locale.split("_")[0]]
    for column in ("city", "street"):
        share = sum(_script(v) in scripts for v in rows[column]) / 1000
        assert share >= 0.9, (locale, column, share)
    assert not any("\u200e" in c or "\u200f" in c for c in rows["city"])


@pytest.mark.parametrize("locale,faker_lists", [("ja_JP", ("prefectures",)), ("zh_CN", ("provinces",)),
                                                ("ko_KR", ("metropolitan_cities", "provinces")), ("ru_RU", ()),
                                                ("uk_UA", ()), ("el_GR", ()), ("zh_TW", ()), ("bg_BG", ()),
                                                ("th_TH", ("provinces",))])
def test_regions_are_written_in_the_locales_script_and_shown_in_its_addresses(locale, faker_lists):
    plan = compile_schema({"fields": [{"name": "state", "type": "state"}, {"name": "address", "type": "address"}],
                           "locale": locale}, seed=3, anchor=ANCHOR)
    rows = plan.generate_chunk(0, 1000).to_pydict()
    assert all(_script(r) in SCRIPTS[locale.split("_")[0]] for r in rows["state"])
    if locale in ("ja_JP", "zh_CN", "ko_KR", "zh_TW"):  # layouts that name the region (postal region city street)
        assert all(r in a for r, a in zip(rows["state"], rows["address"]))
    known = {v for key in faker_lists for v in vocab.faker_lists("providers", "address", locale)[key]}
    assert not known or set(rows["state"]) <= known  # Faker's own spelling where it has a list


@pytest.mark.parametrize("locale", ["ar_AE", "ar_EG", "ar_SA", "ar_DZ", "ar_JO", "ar_BH", "ar_PS", "he_IL", "hy_AM",
                                    "hi_IN", "ta_IN", "fa_IR"])
def test_every_city_and_region_of_the_locales_country_is_in_its_script(locale):
    """No English city (Business Bay, Madīnat an Naşr) or region (Eastern Province, Central District) is
    left among rows of the locale's own country; an address that names the region names the native one."""
    plan = compile_schema({"fields": [{"name": n, "type": n} for n in ("city", "state", "address")], "locale": locale},
                          seed=5, anchor=ANCHOR)
    rows = plan.generate_chunk(0, 3000).to_pydict()
    scripts = SCRIPTS[locale.split("_")[0]]
    for column in ("city", "state"):
        assert _share_in_script(rows[column], scripts) == 1.0, sorted(v for v in set(rows[column]) if _script(v) not in scripts)
    if locale in ("hi_IN", "ta_IN"):  # India's layout names the region: 'street, city, region PIN, India'
        assert all(state in address for state, address in zip(rows["state"], rows["address"]))


@pytest.mark.parametrize("locale", ["hi_IN", "ta_IN", "fa_IR"])
def test_native_regions_are_spelled_as_fakers_own_list_where_it_names_them(locale):
    known = set(vocab.faker_lists("providers", "address", locale)["states"])
    states = compile_schema({"fields": [{"name": "state", "type": "state"}], "locale": locale},
                            seed=5, anchor=ANCHOR).generate_chunk(0, 3000).to_pydict()["state"]
    assert len(set(states) & known) >= 0.75 * len(set(states)), sorted(set(states) - known)


@pytest.mark.parametrize("locale", ["de_DE", "fr_FR", "pt_BR", "ja_JP", "ru_RU"])
def test_job_titles_come_from_the_locales_own_list(locale):
    """fr_FR's list writes some titles as "a" + "b" in Faker's source: they are read too."""
    lists = vocab.faker_lists("providers", "job", "de_AT" if locale == "de_DE" else locale)  # de: the gendered list
    own = {t for key in ("jobs", "jobs_female") for t in lists.get(key, ())}
    own |= {d[form] for d in lists.get("jobs_dict", ()) for form in ("male", "female")}
    own |= {t[:1].upper() + t[1:] for t in own}
    titles = compile_schema({"fields": [{"name": "job", "type": "job_title"}], "locale": locale},
                            seed=5, anchor=ANCHOR).generate_chunk(0, 500).to_pydict()["job"]
    assert set(titles) <= own and len(set(titles)) > 20
    assert len(own) > 700 or locale not in ("fr_FR", "pt_BR")


def test_azerbaijani_places_are_written_in_azerbaijani():
    """Bakı, Gəncə, Sumqayıt (Faker's az_AZ spellings), never the English exonyms; streets too."""
    plan = compile_schema({"fields": [{"name": n, "type": n} for n in ("city", "state", "street_address")],
                           "locale": "az_AZ"}, seed=5, anchor=ANCHOR)
    rows = plan.generate_chunk(0, 3000).to_pydict()
    faker = vocab.faker_lists("providers", "address", "az_AZ")
    places = set(faker["cities"]) | set(faker["districts"])
    assert {"Bakı", "Gəncə", "Sumqayıt"} <= set(rows["city"])
    assert not {"Baku", "Ganja", "Sumgayit", "Sheki", "Khirdalan"} & set(rows["city"])
    assert set(rows["state"]) <= places, sorted(set(rows["state"]) - places)
    suffixes = tuple(faker["street_suffixes"])
    assert all(re.fullmatch(r".+ (" + "|".join(map(re.escape, suffixes)) + r") \d+", s) for s in rows["street_address"])
    assert not any(s.isupper() for s in rows["street_address"])


def test_a_second_language_of_a_country_keeps_latin_city_names():
    plan = compile_schema({"fields": [{"name": "city", "type": "city"}], "locale": "fr_DZ"}, seed=3, anchor=ANCHOR)
    assert all(_script(c) == "LATIN" for c in plan.generate_chunk(0, 300).to_pydict()["city"])


def test_native_city_names_compared_with_faker():
    """Faker's ja_JP/ru_RU cities are native but unrelated to the row's prefecture or postal code;
    ours are the real city of the row's place, written natively."""
    from faker import Faker

    for locale, city in (("ja_JP", "東京"), ("ru_RU", "Москва"), ("zh_CN", "上海"), ("ko_KR", "서울"), ("el_GR", "Αθήνα")):
        rows = compile_schema({"fields": [{"name": "city", "type": "city"}, {"name": "lat", "type": "latitude"}],
                               "locale": locale}, seed=1, anchor=ANCHOR).generate_chunk(0, 3000).to_pydict()
        assert any(c.startswith(city) for c in rows["city"]), (locale, sorted(set(rows["city"]))[:10])
        expected = SCRIPTS[locale.split("_")[0]]
        assert _share_in_script(rows["city"], expected) >= 0.95
        fake = Faker(locale)
        assert _share_in_script([fake.city() for _ in range(50)], expected) >= 0.5  # Faker too: same question


@pytest.mark.parametrize("locale", supported_locales())
def test_emails_and_usernames_are_built_from_the_rows_name_in_every_script(locale):
    """hi_IN, ar_EG, zh_CN... used to get 'user.name1@gmail.com': names without a Latin spelling in
    Faker's lists are transliterated, so the email reads as the row's person."""
    from src.engine.strings import ascii_slug

    fields = [{"name": "first_name", "type": "first_name"}, {"name": "last_name", "type": "last_name"},
              {"name": "email", "type": "email", "constraints": {"unique": True}},
              {"name": "username", "type": "username"}]
    rows = compile_schema({"fields": fields, "locale": locale}, seed=9, anchor=ANCHOR).generate_chunk(0, 300).to_pydict()
    lists = locale_names(locale)
    roman = {name: spelling for part in (lists.male, lists.female, lists.last_male, lists.last_female)
             for name, spelling in part}  # the Latin spelling the lists give (ja_JP's romaji) or make
    first = ascii_slug(pa.array([roman[n] for n in rows["first_name"]])).to_pylist()
    # two surnames (es_ES 'Muñoz Núñez'): emails spell the first
    first_surname = lambda n: roman.get(n) or next(roman[s] for s in roman if n.startswith(s + " "))  # noqa: E731
    last = ascii_slug(pa.array([first_surname(n) for n in rows["last_name"]])).to_pylist()

    def names_the_person(text, f, l):
        return bool(l) and l[:4] in text or bool(f) and f[:4] in text

    emails = [e.split("@")[0] for e in rows["email"]]
    assert sum(map(names_the_person, emails, first, last)) / 300 >= 0.9, list(zip(rows["first_name"], emails))[:5]
    assert sum(map(names_the_person, rows["username"], first, last)) / 300 >= 0.9, rows["username"][:5]
    assert not any(e.startswith("user.name") for e in emails)


@pytest.mark.parametrize("name,latin", [
    ("रामचंद्र", "ramchandra"), ("सुरेश", "suresh"), ("कमला", "kamla"), ("अमित", "amit"), ("प्रियंका", "priyanka"),
    ("लक्ष्मी", "lakshmi"), ("नरेंद्र", "narendra"), ("शर्मा", "sharma"), ("ज़ाकिर", "zakir"), ("संजय", "sanjay"),
    ("প্রদীপ", "pradip"), ("নুসরাত", "nusrat"), ("રમેશ", "ramesh"), ("நடராஜன்", "natarajan"),
    ("శ్రీనివాస", "shrinivasa"), ("ಕೃಷ್ಣ", "krishna"), ("രാജൻ", "rajan")])
def test_indic_names_keep_their_inherent_vowels_in_latin(name, latin):
    """रामचंद्र is 'ramchandra', not 'ramcndr': a consonant without a vowel sign or virama carries 'a'
    (dropped at the end of a word and between a vowel and a consonant-vowel in the northern scripts)."""
    from src.engine.data.names import romanize

    assert romanize(name) == latin


@pytest.mark.parametrize("locale", ["hi_IN", "bn_BD", "ne_NP", "ta_IN", "mr_IN", "gu_IN"])
def test_emails_from_indic_names_read_as_words(locale):
    """Consonant runs such as 'ramcndr' or 'prdip' were the sign of dropped vowels."""
    if locale not in supported_locales():
        pytest.skip(f"{locale} has no names of its own in Faker")
    rows = compile_schema({"fields": [{"name": "email", "type": "email"}], "locale": locale},
                          seed=9, anchor=ANCHOR).generate_chunk(0, 1000).to_pydict()["email"]
    local = [re.sub(r"[^a-z]", " ", e.split("@")[0]) for e in rows]
    words = [w for text in local for w in text.split() if len(w) > 2]
    runs = sum(bool(re.search(r"[bcdfghjklmnpqrstvwxz]{4,}", w.replace("sh", "S").replace("ch", "C")
                              .replace("th", "T").replace("kh", "K").replace("dh", "D"))) for w in words)
    assert runs / len(words) < 0.03, [w for w in words if re.search(r"[bcdfghjklmnpqrstvwxz]{4,}", w)][:10]


@pytest.mark.parametrize("locale,country", [("de_DE", "Deutschland"), ("fr_FR", "France"), ("es_ES", "España"),
                                            ("ja_JP", "日本"), ("zh_CN", "中国"), ("ru_RU", "Россия"),
                                            ("it_IT", "Italia"), ("pl_PL", "Polska"), ("el_GR", "Ελλάδα"),
                                            ("en_GB", "United Kingdom")])
def test_country_names_are_in_the_locales_language_and_codes_stay_iso(locale, country):
    """A de_DE row's country and address say 'Deutschland', not 'Germany'; country_code stays 'DE'."""
    fields = [{"name": n, "type": n} for n in ("country", "country_code", "address")]
    rows = compile_schema({"fields": fields, "locale": locale}, seed=2, anchor=ANCHOR).generate_chunk(0, 300).to_pydict()
    assert set(rows["country"]) == {country}
    assert set(rows["country_code"]) == {locale.split("_")[1]}
    if locale in address_layouts.HOME_LAYOUTS:  # written at home: '〒030-8696 青森県青森市…', no country
        assert not any(a.endswith(country) for a in rows["address"])
    else:
        assert all(a.endswith(", " + country) for a in rows["address"])


def test_country_names_of_other_countries_follow_the_locale_too():
    names = vocab.country_names("de_DE").to_pylist()
    codes = vocab.place_tables().code.to_pylist()
    by_code = dict(zip(codes, names))
    assert (by_code["US"], by_code["FR"], by_code["CN"]) == ("Vereinigte Staaten", "Frankreich", "China")
    assert vocab.country_names("en_US") is vocab.place_tables().country
    assert len(set(names)) == len(names)


def _main_script(values) -> tuple[str, float]:
    kana = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}
    scripts = [kana.get(s, s) for s in map(_script, values)]
    top = max(set(scripts), key=scripts.count)
    return top, scripts.count(top) / len(scripts)


@pytest.mark.parametrize("locale", [loc for loc in supported_locales() if "_" in loc])
def test_cities_and_regions_are_in_the_script_of_the_locales_names(locale):
    """bn_BD, gu_IN, mr_IN, or_IN, ne_NP, si_LK had English cities beside native names; ka_GE, mk_MK,
    el_CY English regions (the country's name): every locale now writes its own country's places in
    the script of its people's names (Latin names, Latin places)."""
    from src.engine.data.world import country_of_locale

    if country_of_locale(locale) is None:
        pytest.skip("no country of its own")
    fields = [{"name": "name", "type": "full_name"}, {"name": "city", "type": "city"}, {"name": "state", "type": "state"}]
    rows = compile_schema({"fields": fields, "locale": locale}, seed=1, anchor=ANCHOR).generate_chunk(0, 600).to_pydict()
    names, _ = _main_script(rows["name"])
    for column in ("city", "state"):
        script, share = _main_script(rows[column])
        assert (script, share) == (names, 1.0), (locale, column, script, share,
                                                  sorted({v for v in rows[column] if _script(v) != names})[:5])


def test_japanese_cities_are_written_as_municipalities_and_addresses_are_domestic():
    """ja_JP: 横浜市, 板橋区 (GeoNames writes 横浜, 板橋); Tokyo is 東京都's own; an address is written as
    at home: 〒, postal code, prefecture, city, street, and no country."""
    rows = compile_schema({"fields": [{"name": "city", "type": "city"}, {"name": "state", "type": "state"},
                                      {"name": "address", "type": "address"}], "locale": "ja_JP"},
                          seed=4, anchor=ANCHOR).generate_chunk(0, 3000).to_pydict()
    named = [c for c in rows["city"] if c != "東京"]
    assert sum(c.endswith(("市", "区", "町")) for c in named) >= 0.9 * len(named)
    assert {"横浜市", "大阪市", "名古屋市"} <= set(rows["city"])
    assert all(c.endswith("区") for c, s in zip(rows["city"], rows["state"]) if c in {"板橋区", "杉並区", "足立区"})
    for city, address in zip(rows["city"], rows["address"]):
        assert city in address and address.startswith("〒") and "Japan" not in address and not address.endswith("日本")


@pytest.mark.parametrize("locale, own", [("ar_EG", "ar_DZ"), ("ar_SA", "ar_DZ"), ("es_PE", "es")])
def test_job_titles_of_a_locale_without_a_list_come_from_its_languages(locale, own):
    """ar_EG has no job list in Faker: its rows take ar_DZ's gendered Arabic titles, never English ones
    (es_PE: es's, in the woman's form for women, tests/engine/test_local_text.py)."""
    from src.engine.data.jobs_local import feminine_es

    titles = compile_schema({"fields": [{"name": "job", "type": "job_title"}], "locale": locale},
                            seed=5, anchor=ANCHOR).generate_chunk(0, 2000).to_pydict()["job"]
    lists = vocab.faker_lists("providers", "job", own)
    known = {t for key in ("jobs", "jobs_male", "jobs_female") for t in lists.get(key, ())}
    known |= {feminine_es(t) for t in known} if own == "es" else set()
    assert set(titles) <= known and len(set(titles)) > 20
    if locale.startswith("ar"):
        assert all(_script(t) == "ARABIC" for t in titles)
