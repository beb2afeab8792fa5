"""The third part of bench_realism.py: the items of issue 11 not measured by the first two, each on
the engine's rows and on Faker's for the same question: native cities and regions (hi/ta/fa/ar/az),
landlines of DE/GB/JP/IN by city, postal prefixes of DE/FR/CA/BR/JP by region and GB by city, US breadth, unique
phones outside the US, names in the locale's script and CJK order, numeric defaults by column name,
decimals in CSV, unique usernames and names, distribution means.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import numpy as np

from bench.realism_checks import line, share


def _script_share(texts, prefixes: tuple[str, ...]) -> float:
    def fits(text: str) -> bool:
        letters = [ch for ch in text if ch.isalpha()]
        return bool(letters) and all(unicodedata.name(ch, "").startswith(prefixes) for ch in letters)
    return share(map(fits, texts))


def _faker_or_none(fake, provider: str, n: int):
    try:
        return [getattr(fake, provider)() for _ in range(n)]
    except AttributeError:
        return None


def compare_native_places(rows, n: int) -> None:
    from faker import Faker

    print("cities / regions of the locale's own country in its script (Faker: city() / its region provider)")
    for locale, scripts, region in (("hi_IN", ("DEVANAGARI",), "state"), ("ta_IN", ("TAMIL",), "state"),
                                    ("fa_IR", ("ARABIC",), "state"), ("ar_AE", ("ARABIC",), "emirate"),
                                    ("ar_EG", ("ARABIC",), "administrative_unit"), ("ar_SA", ("ARABIC",), "region"),
                                    ("he_IL", ("HEBREW",), "state"), ("hy_AM", ("ARMENIAN",), "state")):
        got = rows([{"name": "city", "type": "city"}, {"name": "state", "type": "state"}], locale)
        fake = Faker(locale)
        cities = _faker_or_none(fake, "city", 300)
        regions = _faker_or_none(fake, region, 300)
        fmt = lambda v: f"{v:6.1%}" if v is not None else "   n/a"
        print(f"  {locale}: cities engine {_script_share(got['city'], scripts):6.1%}   Faker "
              f"{fmt(_script_share(cities, scripts) if cities else None)}   |   regions engine "
              f"{_script_share(got['state'], scripts):6.1%}   Faker {fmt(_script_share(regions, scripts) if regions else None)}")
    from src.engine import vocab

    az = rows([{"name": "city", "type": "city"}, {"name": "state", "type": "state"}], "az_AZ")
    faker_az = vocab.faker_lists("providers", "address", "az_AZ")
    own = set(faker_az["cities"]) | set(faker_az["districts"])
    fake = Faker("az_AZ")
    line("az_AZ cities spelled as Faker's az_AZ lists", share(c in own for c in az["city"]),
         share(fake.city() in own for _ in range(n)), "(Xırdalan, Qaraçuxur: real towns Faker's 11 cities lack)")


# Area codes of a few large cities, written out independently of src/engine/data/area_codes.py.
_AREAS = {"de_DE": ("49", "1", {"Berlin": "30", "Hamburg": "40", "München": "89", "Köln": "221", "Frankfurt am Main": "69"}),
          "en_GB": ("44", "7", {"London": "20", "Birmingham": "121", "Glasgow": "141", "Manchester": "161", "Leeds": "113"}),
          "ja_JP": ("81", "", {"東京": "3", "大阪市": "6", "横浜市": "45", "名古屋市": "52", "札幌市": "11"}),
          "en_IN": ("91", "", {"Mumbai": "22", "Delhi": "11", "Bengaluru": "80", "Chennai": "44", "Kolkata": "33"})}


# The countries added later: (calling code, trunk, mobile starts, {city: area code after the trunk}).
_AREAS_MORE = {
    "it_IT": ("39", "", ("3",), {"Roma": "06", "Milano": "02", "Napoli": "081", "Torino": "011"}),
    "es_ES": ("34", "", ("6", "7"), {"Madrid": "91", "Barcelona": "93", "Valencia": "96", "Bilbao": "94"}),
    "es_MX": ("52", "", (), {"Guadalajara": "33", "Monterrey": "81", "Puebla": "222", "Tijuana": "664"}),
    "zh_CN": ("86", "0", ("13", "15", "18"), {"北京": "10", "上海": "21", "广州": "20", "深圳": "755"}),
    "ru_RU": ("7", "8", ("9",), {"Москва": "495", "Санкт-Петербург": "812", "Новосибирск": "383"}),
    "nl_NL": ("31", "0", ("6",), {"Amsterdam": "20", "Rotterdam": "10", "Utrecht": "30"}),
    "pl_PL": ("48", "", ("50", "60", "69", "79"), {"Warszawa": "22", "Kraków": "12", "Wrocław": "71"}),
    "es_AR": ("54", "0", ("9",), {"Buenos Aires": "11", "Córdoba": "351", "Rosario": "341"}),
    "en_ZA": ("27", "0", ("6", "7", "8"), {"Johannesburg": "11", "Cape Town": "21", "Durban": "31"}),
    "ko_KR": ("82", "0", ("10",), {"서울": "2", "부산": "51", "인천": "32"}),
}


def _national(phone: str, calling: str, trunk: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if phone.startswith("+"):
        return digits[len(calling):]
    return digits[len(trunk):] if trunk and digits.startswith(trunk) else digits


def compare_city_phones_more(rows, n: int) -> None:
    """IT/ES/MX/CN/RU/NL/PL/AR/ZA/KR landlines: the national number opens with the row's city's code."""
    from faker import Faker

    for locale, (calling, trunk, mobiles, areas) in _AREAS_MORE.items():
        got = rows([{"name": "city", "type": "city"}, {"name": "phone", "type": "phone"}], locale)
        try:
            fake = Faker(locale)
        except AttributeError:  # Faker has no en_ZA: its zu_ZA, the same country's numbers
            fake = Faker({"en_ZA": "zu_ZA"}.get(locale, "en_US"))
        cities = list(areas)
        theirs = [(cities[k % len(cities)], fake.phone_number()) for k in range(n)]

        def fits(city: str, phone: str) -> bool | None:
            number = _national(phone, calling, trunk)
            key = next((k for k in areas if city.startswith(k)), None)
            if key is None or (mobiles and number.startswith(mobiles)):
                return None
            return number.startswith(areas[key] if locale == "it_IT" else areas[key].removeprefix("0"))

        ours = [f for f in map(fits, got["city"], got["phone"]) if f is not None]
        faker = [f for f in (fits(*t) for t in theirs) if f is not None]
        line(f"{locale} landline dials the row's city", share(ours), share(faker), f"({len(ours)} / {len(faker)} landlines)")


def _landline(phone: str, calling: str, mobile: str) -> str | None:
    digits = re.sub(r"\D", "", phone)
    number = digits[len(calling):] if phone.startswith("+") else digits.removeprefix("0")
    number = number[1:] if "(0)" in phone else number
    head = re.split(r"[ -]", (phone[1 + len(calling):] if phone.startswith("+") else phone).lstrip(" -(0)"))[0]
    if (mobile and number.startswith(mobile)) or (calling == "81" and number[:2] in ("70", "80", "90")
                                                  and len(number) == 10) or (calling == "91" and len(head) == 5):
        return None
    return number


def compare_city_phones(rows, n: int) -> None:
    """Landlines of the row's city's area code; Faker's phones get the same cities, in turn."""
    from faker import Faker

    for locale, (calling, mobile, areas) in _AREAS.items():
        got = rows([{"name": "city", "type": "city"}, {"name": "phone", "type": "phone"}], locale)
        fake = Faker(locale)
        cities = list(areas)
        theirs = [(cities[k % len(cities)], fake.phone_number()) for k in range(n)]

        def fits(city: str, phone: str) -> bool | None:
            number = _landline(phone, calling, mobile)
            return None if number is None or city not in areas else number.startswith(areas[city])

        ours = [f for f in map(fits, got["city"], got["phone"]) if f is not None]
        faker = [f for f in (fits(*t) for t in theirs) if f is not None]
        line(f"{locale} landline dials the row's city", share(ours), share(faker), f"({len(ours)} / {len(faker)} landlines)")
    for locale in ("de_DE", "en_GB", "ja_JP", "en_IN", "pt_BR"):
        phones = rows([{"name": "p", "type": "phone", "constraints": {"unique": True}}], locale, count=5 * n)["p"]
        fake = Faker(locale)
        plain = [fake.phone_number() for _ in range(5 * n)]
        line(f"{locale} unique phones: distinct in {5 * n} rows", len(set(phones)) / len(phones), len(set(plain)) / len(plain),
             "(Faker: phone_number() without .unique, which retries)")


# First characters of postal codes per region, independent of the data (Deutsche Post, INSEE, Canada Post).
_DE = {"Berlin": "1", "Hamburg": "2", "Bremen": "2", "Sachsen": "0", "Bayern": "89", "Hessen": "3456",
       "Nordrhein-Westfalen": "345", "Baden-Württemberg": "6789", "Niedersachsen": "234", "Schleswig-Holstein": "2"}
_FR = {"Île-de-France": ("75", "77", "78", "91", "92", "93", "94", "95"), "Bretagne": ("22", "29", "35", "56"),
       "Provence-Alpes-Côte d'Azur": ("04", "05", "06", "13", "83", "84"), "Normandie": ("14", "27", "50", "61", "76"),
       "Hauts-de-France": ("02", "59", "60", "62", "80"), "Corse": ("20",)}
_BR = {"SP": range(1, 20), "RJ": range(20, 29), "MG": range(30, 40), "BA": range(40, 49), "PR": range(80, 88),
       "RS": range(90, 100)}
_JP = {"東京都": range(10, 21), "神奈川県": range(21, 26), "大阪府": range(53, 60), "愛知県": range(44, 50),
       "北海道": range(0, 10), "福岡県": range(80, 84)}
_CA = {"AB": "T", "BC": "V", "MB": "R", "NB": "E", "NL": "A", "NS": "B", "ON": "KLMNP", "PE": "C", "QC": "GHJ", "SK": "S"}


def compare_postal_prefixes(rows, n: int) -> None:
    from faker import Faker

    checks = (("de_DE", "state", lambda r, z: r in _DE and z[0] in _DE[r]),
              ("fr_FR", "region", lambda r, z: r in _FR and z.startswith(_FR[r])),
              ("en_CA", "province_abbr", lambda r, z: r in _CA and z[0] in _CA[r]),
              ("pt_BR", "estado_sigla", lambda r, z: r in _BR and int(z[:2]) in _BR[r]),
              ("ja_JP", "prefecture", lambda r, z: r in _JP and int(z.lstrip("〒")[:2]) in _JP[r]))
    known = {"de_DE": _DE, "fr_FR": _FR, "en_CA": _CA, "pt_BR": _BR, "ja_JP": _JP}
    for locale, provider, fits in checks:
        got = rows([{"name": "state", "type": "state"}, {"name": "zip", "type": "postal_code"}], locale)
        fake = Faker(locale)
        theirs = [(getattr(fake, provider)(), fake.postcode()) for _ in range(n)]
        ours = [fits(r, z) for r, z in zip(got["state"], got["zip"]) if r in known[locale]]
        faker = [fits(r, z) for r, z in theirs if r in known[locale]]
        line(f"{locale} postal prefix fits the row's region", share(ours), share(faker), f"({len(ours)} / {len(faker)} rows checked)")
    areas = {"London": ("E", "EC", "N", "NW", "SE", "SW", "W", "WC"), "Manchester": ("M",), "Birmingham": ("B",),
             "Glasgow": ("G",), "Edinburgh": ("EH",), "Leeds": ("LS",), "Liverpool": ("L",)}
    area = lambda z: re.match(r"[A-Z]+", z).group(0)
    gb = rows([{"name": "city", "type": "city"}, {"name": "zip", "type": "postal_code"}], "en_GB")
    fake = Faker("en_GB")
    cities = list(areas)
    line("en_GB postcode area of the row's city", share(area(z) in areas[c] for c, z in zip(gb["city"], gb["zip"]) if c in areas),
         share(area(fake.postcode()) in areas[cities[k % len(cities)]] for k in range(n)), "(Faker: the same cities in turn)")
    us = rows([{"name": "city", "type": "city"}, {"name": "state", "type": "state"}], "en_US", count=10 * n)
    fake = Faker("en_US")
    print(f"{'en_US distinct states / cities in ' + str(10 * n) + ' rows':<48} engine {len(set(us['state'])):3d} / "
          f"{len(set(us['city'])):4d}   Faker {len(set(fake.state() for _ in range(10 * n))):3d} / invented names "
          f"(city() is '{fake.city()}')")


def compare_people(rows, n: int) -> None:
    from faker import Faker

    from src.engine import vocab

    scripts = {"ru_RU": ("CYRILLIC",), "el_GR": ("GREEK",), "ja_JP": ("CJK", "HIRAGANA", "KATAKANA"),
               "ko_KR": ("HANGUL",), "zh_CN": ("CJK",), "he_IL": ("HEBREW",), "hi_IN": ("DEVANAGARI",),
               "bg_BG": ("CYRILLIC",), "th_TH": ("THAI",)}
    for locale, prefixes in scripts.items():
        got = rows([{"name": "n", "type": "full_name"}], locale)["n"]
        fake = Faker(locale)
        line(f"{locale} full names in its script", _script_share(got, prefixes),
             _script_share([fake.name() for _ in range(300)], prefixes))
    for locale in ("ja_JP", "zh_CN", "ko_KR"):
        person = vocab.faker_lists("providers", "person", locale)
        last = set(person.get("last_names", ())) | {pair[0] for pair in person.get("last_name_pairs", ())}
        got = rows([{"name": "n", "type": "full_name"}], locale)["n"]
        fake = Faker(locale)
        family_first = lambda name: any(name.startswith(s) for s in last)
        line(f"{locale} full names family name first", share(map(family_first, got)),
             share(family_first(fake.name()) for _ in range(300)))
    for locale in ("de_DE", "fr_FR", "pt_BR", "ja_JP"):
        own = set(vocab.faker_lists("providers", "job", locale)["jobs"])
        got = rows([{"name": "job", "type": "job_title"}], locale)["job"]
        fake = Faker(locale)
        line(f"{locale} job titles from the locale's own list", share(j in own for j in got),
             share(fake.job() in own for _ in range(300)))
    streets = {"de_DE": r"(str\.|(straße|weg|platz|allee|ring|gasse|damm|ufer|steig|pfad)\b)",
               "fr_FR": r"\b(rue|avenue|boulevard|chemin|place|impasse|allée|quai|route)\b",
               "pt_BR": r"^(Rua|Avenida|Travessa|Praça|Alameda|Rodovia|Estrada|Via|Vila|Largo|Lagoa|Conjunto|Estação|Praia|Passarela|Quadra|Setor|Trecho|Vereda|Viaduto|Sítio|Residencial|Pátio|Parque|Núcleo|Morro|Loteamento|Jardim|Fazenda|Favela|Distrito|Condomínio|Colônia|Chácara|Campo|Aeroporto|Área|Ladeira|Recanto|Viela|Vale|Feira|Lago|Esplanada|Rampa|Rotatória)\b"}
    for locale, own in streets.items():
        got = rows([{"name": "s", "type": "street_address"}], locale)["s"]
        fake = Faker(locale)
        line(f"{locale} streets in the locale's language", share(bool(re.search(own, v, re.I)) for v in got),
             share(bool(re.search(own, fake.street_address(), re.I)) for _ in range(300)))
    users = rows([{"name": "username", "type": "username", "constraints": {"unique": True}},
                  {"name": "name", "type": "full_name", "constraints": {"unique": True}}], count=n)
    fake = Faker("en_US")
    theirs_u = [fake.unique.user_name() for _ in range(n)]
    theirs_n = [fake.unique.name() for _ in range(n)]
    digits = re.compile(r"\d{3,}$")
    line("unique usernames ending in 3+ digits", share(bool(digits.search(u)) for u in users["username"]),
         share(bool(digits.search(u)) for u in theirs_u), f"(distinct: {len(set(users['username']))})")
    line("unique full names with a ' #N' or digit suffix", share(bool(re.search(r"#|\d", v)) for v in users["name"]),
         share(bool(re.search(r"#|\d", v)) for v in theirs_n), f"(distinct: {len(set(users['name']))})")


def compare_numbers(rows, n: int) -> None:
    from faker import Faker

    from src.engine import compile_schema
    from src.engine.writers import open_writer

    fake = Faker("en_US")
    plausible = (("rating", "integer", lambda v: 1 <= v <= 5), ("heart_rate", "integer", lambda v: 50 <= v <= 120),
                 ("year", "integer", lambda v: 1990 <= v <= 2030), ("age", "integer", lambda v: 18 <= v <= 90),
                 ("percentage", "decimal", lambda v: 0 <= v <= 100), ("quantity", "integer", lambda v: 1 <= v <= 20),
                 ("price", "decimal", lambda v: 0.5 <= v <= 2000))
    print("numeric defaults by column name (no range given): share in a plausible range (Faker: pyint() / pyfloat())")
    for name, kind, ok in plausible:
        got = rows([{"name": name, "type": kind}])[name]
        theirs = [fake.pyint() if kind == "integer" else fake.pyfloat() for _ in range(n)]
        print(f"  {name:<12} engine {share(map(ok, got)):6.1%}   Faker {share(map(ok, theirs)):6.1%}")
    plan = compile_schema({"fields": [{"name": "amount", "type": "decimal",
                                       "constraints": {"min_value": 0, "max_value": 1000, "decimals": 2}}]}, seed=1)
    buffer = io.BytesIO()
    with open_writer("csv", buffer, plan.arrow_schema) as writer:
        writer.write(plan.generate_chunk(0, n))
    cells = [r[0] for r in csv.reader(io.StringIO(buffer.getvalue().decode()))][1:]
    theirs = io.StringIO()
    csv.writer(theirs).writerows([[fake.pyfloat(min_value=0, max_value=1000, right_digits=2)] for _ in range(n)])
    their_cells = [r[0] for r in csv.reader(io.StringIO(theirs.getvalue()))]
    two = re.compile(r"-?\d+\.\d\d")
    line("decimals 2: CSV cells with exactly 2 digits", share(bool(two.fullmatch(c)) for c in cells),
         share(bool(two.fullmatch(c)) for c in their_cells), "(Faker: pyfloat(right_digits=2) through csv)")
    v = np.array(rows([{"name": "x", "type": "integer", "constraints": {
        "min_value": 1000, "max_value": 2000, "distribution": {"kind": "normal", "mean": 1300, "std": 150}}}], count=10 * n)["x"])
    print(f"{'normal mean 1300 on 1000..2000 -> mean':<48} engine {v.mean():8.1f}   (on max: {np.mean(v == 2000):.2%};"
          f" Faker has no distribution parameters)")


def run_more(rows, n: int) -> None:
    for compare in (compare_native_places, compare_city_phones, compare_city_phones_more, compare_postal_prefixes,
                    compare_people, compare_numbers):
        compare(rows, n)
