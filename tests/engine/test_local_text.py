"""Free text, product names and job titles in the row's language, measured against Faker's same locale."""

import re
import unicodedata

import pytest
from faker import Faker

from src.engine import vocab
from src.engine.data.jobs_local import CURATED_JOBS, feminine_es
from src.engine.data.phrases import SENTENCES
from src.engine.data.products_local import PRODUCTS
from src.engine.generators.local_text import text_language
from tests.engine.conftest import generate

ENGLISH = re.compile(r"\b(the|and|with|of|our|improved|reviewed|chair|lamp|bottle|ergonomic|steel)\b", re.I)
SCRIPT = {"ru_RU": "CYRILLIC", "ja_JP": ("CJK", "HIRAGANA", "KATAKANA"), "zh_CN": "CJK", "zh_TW": "CJK",
          "ko_KR": "HANGUL", "uk_UA": "CYRILLIC", "th_TH": "THAI", "ar_EG": "ARABIC", "el_GR": "GREEK"}
CURATED = ["de_DE", "fr_FR", "es_ES", "es_MX", "pt_BR", "pt_PT", "it_IT", "nl_NL", "pl_PL", "ru_RU", "ja_JP",
           "zh_CN", "zh_TW", "ko_KR", "de_AT", "fr_CA", "nl_BE"]


def _in_script(text: str, scripts) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith(scripts) for ch in letters)


def _faker_share(locale: str, method: str, test, n: int = 300) -> float:
    fake = Faker(locale)
    fake.seed_instance(11)
    return sum(test(getattr(fake, method)()) for _ in range(n)) / n


@pytest.mark.parametrize("locale", CURATED)
def test_sentences_and_products_of_curated_languages_have_no_english(locale):
    rows = generate([{"name": "s", "type": "sentence"}, {"name": "p", "type": "paragraph"},
                     {"name": "product", "type": "product_name"}], rows=400, seed=11, locale=locale)
    assert text_language(locale) == "curated"
    for column in ("s", "p", "product"):
        assert not [t for t in rows[column] if ENGLISH.search(t)], column
    assert len(set(rows["s"])) > 300 and len(set(rows["product"])) > 150
    if locale in SCRIPT:  # as much in the locale's script as Faker's own lorem sentences
        share = sum(_in_script(t, SCRIPT[locale]) for t in rows["s"]) / 400
        assert share >= max(0.95, _faker_share(locale, "sentence", lambda t: _in_script(t, SCRIPT[locale])))
        assert sum(_in_script(t, SCRIPT[locale]) for t in rows["product"]) / 400 >= 0.95 or locale == "ja_JP"


def test_a_curated_sentence_keeps_the_languages_word_order():
    """German and Dutch send the participle to the end; Japanese ends in the verb and '。'."""
    de = generate([{"name": "s", "type": "sentence"}], rows=200, seed=11, locale="de_DE")["s"]
    participles = SENTENCES["de"]["v"]
    assert all(any(s.endswith(v + ".") for v in participles) and " hat " in s for s in de)
    ja = generate([{"name": "s", "type": "sentence"}], rows=200, seed=11, locale="ja_JP")["s"]
    assert all(s.endswith("ました。") and "は" in s for s in ja)
    zh = generate([{"name": "product", "type": "product_name"}], rows=200, seed=11, locale="zh_CN")["product"]
    assert all(any(p.endswith(n) for n in PRODUCTS["zh"]["n"]) for p in zh)


@pytest.mark.parametrize("locale", ["cs_CZ", "uk_UA", "th_TH", "ar_EG", "el_GR", "da_DK"])
def test_other_locales_with_fakers_lorem_write_its_words(locale):
    rows = generate([{"name": "s", "type": "sentence"}], rows=300, seed=11, locale=locale)["s"]
    assert text_language(locale) == "lorem"
    assert not [t for t in rows if ENGLISH.search(t)]
    if locale in SCRIPT:
        share = sum(_in_script(t, SCRIPT[locale]) for t in rows) / 300
        assert share >= max(0.95, _faker_share(locale, "sentence", lambda t: _in_script(t, SCRIPT[locale])))


def test_locales_without_words_of_their_own_fall_back_to_english():
    assert text_language("hi_IN") == "english" and text_language("en_GB") == "english"
    rows = generate([{"name": "product", "type": "product_name"}], rows=50, seed=11, locale="cs_CZ")
    assert all(p.isascii() for p in rows["product"])  # no curated products for Czech: English ones


def _female_forms(locale: str) -> tuple[set, set]:
    if locale == "de_DE":
        jobs = vocab.faker_lists("providers", "job", "de_AT")["jobs_dict"]
        return {d["male"] for d in jobs} - {d["female"] for d in jobs}, {d["female"] for d in jobs} - {d["male"] for d in jobs}
    if locale == "fr_FR":
        lists = vocab.faker_lists("providers", "job", "fr_FR")
        cap = lambda ts: {t[:1].upper() + t[1:] for t in ts}  # noqa: E731
        return cap(lists["jobs"]) - cap(lists["jobs_female"]), cap(lists["jobs_female"]) - cap(lists["jobs"])
    men = set(vocab.faker_lists("providers", "job", "es")["jobs"])
    women = {feminine_es(t) for t in men}
    return men - women, women - men


@pytest.mark.parametrize("locale", ["de_DE", "fr_FR", "es_ES"])
def test_gendered_job_titles_follow_the_rows_person(locale):
    """A woman's row gets 'Ingenieurin' / 'Directrice' / 'Directora' wherever the title has two forms;
    Faker's job() ignores who the person is (about half its women get a man's form)."""
    rows = generate([{"name": "g", "type": "gender"}, {"name": "job", "type": "job_title"}], rows=1000,
                    seed=11, locale=locale)
    men_only, women_only = _female_forms(locale)
    women = [j for g, j in zip(rows["g"], rows["job"]) if g == "Female" and (j in men_only or j in women_only)]
    men = [j for g, j in zip(rows["g"], rows["job"]) if g == "Male" and (j in men_only or j in women_only)]
    assert len(women) > 100 and len(men) > 100
    assert sum(j in women_only for j in women) / len(women) >= 0.97
    assert sum(j in men_only for j in men) / len(men) >= 0.97
    if locale != "es_ES":  # Faker's own lists of this locale: a job of either form for anyone
        cap = lambda t: t[:1].upper() + t[1:]  # noqa: E731
        faker = _faker_share(locale, "job", lambda t: cap(t) in women_only or cap(t) in men_only, 1000)
        faker_women = _faker_share(locale, "job", lambda t: cap(t) in women_only, 1000)
        assert faker_women / max(faker, 1e-9) < 0.9


@pytest.mark.parametrize("locale", ["it_IT", "nl_NL", "sv_SE", "id_ID", "hi_IN"])
def test_job_titles_where_faker_has_only_english_ones_are_in_the_language(locale):
    rows = generate([{"name": "g", "type": "gender"}, {"name": "job", "type": "job_title"}], rows=500,
                    seed=11, locale=locale)
    english = set(vocab.job_titles().to_pylist())
    faker = _faker_share(locale, "job", lambda t: t in english)
    assert faker > 0.9  # what Faker gives these locales
    # loanwords the language uses too ('Barista', 'Accountant', 'Journalist') are the only overlap
    assert sum(j in english for j in rows["job"]) / 500 < 0.15
    men, women = zip(*CURATED_JOBS[locale.split("_")[0]])
    assert all(j in (women if g == "Female" else men) for g, j in zip(rows["g"], rows["job"]))
    if locale == "hi_IN":
        assert all(_in_script(j, "DEVANAGARI") for j in rows["job"])


def test_synthgen_types_names_the_languages_the_engine_writes():
    """The catalog's list of lorem languages is exactly those whose (supported) locales get Faker's lorem words."""
    from src.engine.catalog import TEXT_LANGUAGES, type_catalog
    from src.engine.data.names import supported_locales

    listed = TEXT_LANGUAGES["sentence"].split("in ")[-1].split(";")[0].split(", ")
    by_language = {}
    for locale in supported_locales():
        by_language.setdefault(locale.split("_")[0], locale)
    lorem = {lang for lang, locale in by_language.items() if text_language(locale) == "lorem"}
    assert set(listed) == lorem
    curated = {lang for lang, locale in by_language.items() if text_language(locale) == "curated"}
    assert curated == {"de", "fr", "es", "pt", "it", "nl", "pl", "ru", "ja", "zh", "ko"}
    rows = {r["type"]: r for r in type_catalog()}
    assert rows["product_name"]["languages"] == TEXT_LANGUAGES["product_name"]
