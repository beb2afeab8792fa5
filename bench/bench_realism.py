"""Realism against Faker, in one run: how often values fit the row, per item of issue 11.

    .venv/bin/python bench/bench_realism.py [--rows 2000]

Prints, for the engine and for Faker on the same questions: US ZIP inside the row's state range,
distinct countries in a sample, phones in the row's country's format, distinct unique emails ending
in 3+ digits, locales giving names of their own, Canadian area codes of the row's province,
Australian postcodes of the row's state, city names in the locale's script, companies in the
locale's language, and the mean/median asked of a distribution; then (bench/realism_checks.py)
currency and IBAN by country, coordinates on land, names of things, reviews, word pools and
addresses; then (bench/realism_more.py) native cities and regions, landlines by city, postal
prefixes by region, US breadth, unique phones, names in the locale's script and order, numeric
defaults by name, CSV decimals, unique usernames and names.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2000)
    n = parser.parse_args().rows
    from faker import Faker

    from src.engine import compile_schema, vocab
    from src.engine.data.names import supported_locales

    def rows(fields, locale=None, seed=1, count=None):
        plan = compile_schema({"fields": fields, "locale": locale}, seed=seed)
        return plan.generate_chunk(0, count or n).to_pydict()

    # Faker's state ranges, widened to USPS's where Faker's are narrower (Dallas 752xx, Tulsa 741xx)
    ranges = {**vocab.faker_lists("providers", "address", "en_US")["states_postcode"],
              "TX": (75001, 79999), "OK": (73001, 74966), "NE": (68001, 69367), "DC": (20001, 20599)}
    fake = Faker("en_US")
    Faker.seed(1)
    faker_fit = np.mean([ranges[s][0] <= int(fake.postcode()) <= ranges[s][1]
                         for s in (fake.state_abbr(include_territories=False) for _ in range(n))])
    ours = rows([{"name": "state", "type": "state"}, {"name": "zip", "type": "postal_code"}], "en_US")
    our_fit = np.mean([ranges[s][0] <= int(z) <= ranges[s][1] for s, z in zip(ours["state"], ours["zip"])])
    print(f"US ZIP inside the row's state range     engine {our_fit:6.1%}   Faker {faker_fit:6.1%}")

    countries = len(set(rows([{"name": "country", "type": "country"}])["country"]))
    print(f"distinct countries in {n} rows          engine {countries:6d}   Faker (fixed en_US list, no row link)")

    de = rows([{"name": "phone", "type": "phone"}], "de_DE")["phone"]
    fake_in = Faker("en_IN")
    in_ours = rows([{"name": "phone", "type": "phone"}], "en_IN")["phone"]
    in_re = r"(\+91 ?[1-9][\d ]{8,11}|0[1-9][\d ]{8,12}|[1-9][\d ]{9,10})"
    print(f"de_DE phones starting +49/0             engine {np.mean([p.startswith(('+49', '0', '(0')) for p in de]):6.1%}"
          f"   Faker {np.mean([fake_de.startswith(('+49', '0', '(0')) for fake_de in (Faker('de_DE').phone_number() for _ in range(200))]):6.1%}")
    print(f"en_IN phones in Indian formats          engine {np.mean([bool(re.fullmatch(in_re, p)) for p in in_ours]):6.1%}"
          f"   Faker {np.mean([bool(re.fullmatch(in_re, fake_in.phone_number())) for _ in range(200)]):6.1%}")

    emails = rows([{"name": "email", "type": "email", "constraints": {"unique": True}}])["email"]
    faker_unique = Faker("en_US")
    faker_emails = [faker_unique.unique.email() for _ in range(n)]
    digits = re.compile(r"\d{3,}@")
    ours_share = np.mean([bool(digits.search(e)) for e in emails])
    faker_share = np.mean([bool(digits.search(e)) for e in faker_emails])
    print(f"unique emails ending in 3+ digits       engine {ours_share:6.1%}   Faker {faker_share:6.1%}"
          f"  (distinct: {len(set(emails))})")

    print(f"locales with names of their own         engine {len(supported_locales()):6d}"
          f"   Faker locales: {len(vocab.faker_locales())}")

    from src.engine.data import nanp
    ca = rows([{"name": "state", "type": "state"}, {"name": "phone", "type": "phone"}], "en_CA")
    ca_fit = np.mean([int(p[1:4]) in nanp.area_codes("CA", st) for st, p in zip(ca["state"], ca["phone"])])
    fake_ca = Faker("en_CA")
    faker_ca = np.mean([int(re.sub(r"\D", "", fake_ca.phone_number()).removeprefix("1")[:3]) in
                        nanp.area_codes("CA", st) for st in (fake_ca.province_abbr() for _ in range(n))])
    print(f"en_CA area code of the row's province   engine {ca_fit:6.1%}   Faker {faker_ca:6.1%}")

    au_first = {"NSW": "2", "ACT": "2", "VIC": "3", "QLD": "4", "SA": "5", "WA": "6", "TAS": "7", "NT": "0"}
    au = rows([{"name": "state", "type": "state"}, {"name": "zip", "type": "postal_code"}], "en_AU")
    fake_au = Faker("en_AU")
    faker_au = np.mean([fake_au.postcode().startswith(au_first[fake_au.state_abbr()]) for _ in range(n)])
    print(f"en_AU postcode in the row's state range engine "
          f"{np.mean([z.startswith(au_first[s]) for s, z in zip(au['state'], au['zip'])]):6.1%}   Faker {faker_au:6.1%}")

    def script_share(texts, prefix):
        import unicodedata
        return np.mean([all(unicodedata.name(ch, "").startswith(prefix) for ch in t if ch.isalpha()) for t in texts])

    for locale, prefix in (("ja_JP", "CJK"), ("ru_RU", "CYRILLIC"), ("zh_CN", "CJK"), ("el_GR", "GREEK")):
        ours = rows([{"name": "city", "type": "city"}], locale)["city"]
        fake = Faker(locale)
        print(f"{locale} city names in its script         engine {script_share(ours, prefix):6.1%}"
              f"   Faker {script_share([fake.city() for _ in range(200)], prefix):6.1%}")
    for locale, mark in (("zh_CN", "有限公司"), ("es_ES", "S.")):
        ours = rows([{"name": "c", "type": "company"}], locale)["c"]
        fake = Faker(locale)
        print(f"{locale} companies in its language       engine {np.mean([mark in c for c in ours]):6.1%}"
              f"   Faker {np.mean([mark in fake.company() for _ in range(200)]):6.1%}")

    v = np.array(rows([{"name": "x", "type": "integer", "constraints": {
        "min_value": 40, "max_value": 160, "distribution": {"kind": "normal", "mean": 100, "std": 15}}}], count=20 * n)["x"])
    w = np.array(rows([{"name": "x", "type": "decimal", "constraints": {
        "min_value": 1000, "max_value": 1_000_000, "distribution": {"kind": "lognormal", "median": 60000}}}], count=20 * n)["x"])
    print(f"normal mean 100 on 40..160 -> mean      engine {v.mean():8.1f}   (on min/max: {np.mean((v == 40) | (v == 160)):.2%})")
    print(f"lognormal median 60000 -> median        engine {np.median(w):8.0f}")
    from bench.realism_checks import run_all
    from bench.realism_last import run_last
    from bench.realism_more import run_more

    run_all(rows, n)
    run_more(rows, n)
    run_last(rows, n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
