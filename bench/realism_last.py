"""The fourth part of bench_realism.py, the last items of issue 11, each on the engine's rows and on
Faker's for the same question: places in the script of the locale's names (bn_BD, gu_IN, mr_IN,
or_IN, ne_NP, si_LK, ka_GE, mk_MK, el_CY), country names in the locale's language, postal codes of
the row's city (IN PIN, US ZIP3), Indic names in Latin with their vowels, whole amounts in
zero-decimal currencies, user agents with real platform tokens and current versions.
"""

from __future__ import annotations

import re
import unicodedata

from bench.realism_checks import line, share

_LOCALES = ("bn_BD", "gu_IN", "mr_IN", "or_IN", "ne_NP", "si_LK", "ka_GE", "mk_MK", "el_CY")


def _script(text: str) -> str:
    letter = next((ch for ch in text if ch.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


def _faker_values(fake, method: str, n: int) -> list[str]:
    try:
        return [str(getattr(fake, method)()) for _ in range(n)]
    except AttributeError:
        return []


def compare_place_scripts(rows, n: int) -> None:
    from faker import Faker

    for locale in _LOCALES:
        got = rows([{"name": "name", "type": "full_name"}, {"name": "city", "type": "city"},
                    {"name": "state", "type": "state"}], locale)
        script = _script(got["name"][0])
        fake = Faker(locale)
        for column, method in (("city", "city"), ("state", "administrative_unit")):
            theirs = _faker_values(fake, method, 200) or _faker_values(fake, "state", 200)
            faker = share(_script(v) == script for v in theirs) if theirs else float("nan")
            line(f"{locale} {column} in the names' script", share(_script(v) == script for v in got[column]), faker,
                 "" if theirs else "(Faker: no such provider)")


def compare_country_names(rows, n: int) -> None:
    from faker import Faker

    own = {"de_DE": "Deutschland", "fr_FR": "France", "es_ES": "España", "ja_JP": "日本", "zh_CN": "中国",
           "ru_RU": "Россия", "it_IT": "Italia", "pl_PL": "Polska"}
    ours, theirs = [], []
    for locale, name in own.items():
        got = rows([{"name": "country", "type": "country"}, {"name": "address", "type": "address"}], locale, count=200)
        ours += [c == name and a.endswith(name) for c, a in zip(got["country"], got["address"])]
        fake = Faker(locale)
        theirs += [fake.current_country() == name if hasattr(fake, "current_country") else False for _ in range(20)]
    line("country (and address) in the locale's language, the row's own", share(ours), share(theirs),
         "(8 locales; Faker: current_country())")


def compare_city_postal(rows, n: int) -> None:
    from faker import Faker

    table = {"en_IN": {"Delhi": "110", "Mumbai": "400", "Bengaluru": "560", "Chennai": "600", "Kolkata": "700"},
             "en_US": {"Chicago": "606", "Houston": "770", "Los Angeles": "900", "Phoenix": "850", "Seattle": "981"}}
    for locale, prefixes in table.items():
        got = rows([{"name": "city", "type": "city"}, {"name": "zip", "type": "postal_code"}], locale, count=4 * n)
        ours = [z.startswith(prefixes[c]) for c, z in zip(got["city"], got["zip"]) if c in prefixes]
        fake = Faker(locale)
        cities = list(prefixes)
        faker = [fake.postcode().startswith(prefixes[cities[k % len(cities)]]) for k in range(n)]
        line(f"{locale} postal code opens with its city's prefix", share(ours), share(faker), f"({len(ours)} rows)")


def compare_indic_emails(rows, n: int) -> None:
    from faker import Faker

    runs = re.compile(r"[bcdfghjklmnpqrstvwxz]{4,}")

    def broken(local: str) -> bool:
        text = re.sub(r"(sh|ch|th|kh|dh|bh|ph|gh|jh)", "S", local.split("@")[0])
        return bool(runs.search(text))

    for locale in ("hi_IN", "bn_BD", "ne_NP"):
        got = rows([{"name": "email", "type": "email"}], locale)["email"]
        fake = Faker(locale)
        line(f"{locale} emails without vowel-less runs", 1 - share(map(broken, got)),
             1 - share(broken(fake.email()) for _ in range(200)))


def compare_zero_decimal_money(rows, n: int) -> None:
    from faker import Faker

    for locale in ("ja_JP", "ko_KR"):
        got = rows([{"name": "price", "type": "decimal"}], locale)["price"]
        fake = Faker(locale)
        tags = [fake.pricetag() for _ in range(200)]
        line(f"{locale} prices in whole units", share(v == int(v) for v in got),
             share(not re.search(r"[.,]\d\d$", t) for t in tags), "(Faker: pricetag())")


def compare_user_agents(rows, n: int) -> None:
    from faker import Faker

    def real(agent: str) -> bool:
        if re.search(r"Windows NT (?!10\.0)", agent):
            return False
        firefox = re.search(r"rv:(\d+)\.0\).*Firefox/(\d+)", agent)
        if firefox and firefox.group(1) != firefox.group(2):
            return False
        chrome = re.search(r"Chrome/(\d+)", agent)
        version = re.search(r"Version/(\d+)", agent)
        return bool(chrome and int(chrome.group(1)) >= 124 or firefox and int(firefox.group(2)) >= 128
                    or version and int(version.group(1)) in (17, 18, 26))

    got = rows([{"name": "ua", "type": "user_agent"}])["ua"]
    fake = Faker()
    line("user agents: real platform token, current browser", share(map(real, got)),
         share(real(fake.user_agent()) for _ in range(n)))


def run_last(rows, n: int) -> None:
    for compare in (compare_place_scripts, compare_country_names, compare_city_postal, compare_indic_emails,
                    compare_zero_decimal_money, compare_user_agents):
        compare(rows, n)
