"""The second half of bench_realism.py: currency/IBAN by country, coordinates on land, names of
things, reviews, word pools and addresses, each check applied to the engine's rows and to Faker's.

Independent judges where one exists: global-land-mask (on land), VADER (a review's sentiment),
zoneinfo and mimetypes (time zones, MIME types), the ISBN-13 / ISO 3779 / ISO 13616 check digits.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
import zoneinfo

import numpy as np

# IBAN countries of the SWIFT IBAN registry (release 2024), the reference for "uses IBANs".
IBAN_COUNTRIES = set(
    "AD AE AL AT AZ BA BE BG BH BI BR BY CH CR CY CZ DE DJ DK DO EE EG ES FI FK FO FR GB GE GI GL GR GT HR HU "
    "IE IL IQ IS IT JO KW KZ LB LC LI LT LU LV LY MC MD ME MK MN MR MT MU NI NL NO OM PK PL PS PT QA RO RS RU "
    "SA SC SD SE SI SK SM SO ST SV TL TN TR UA VA VG XK YE".split())


def share(flags) -> float:
    flags = list(flags)
    return float(np.mean(flags)) if flags else float("nan")


def line(question: str, ours: float, theirs: float, note: str = "") -> None:
    print(f"{question:<48} engine {ours:6.1%}   Faker {theirs:6.1%}{'  ' + note if note else ''}")


def iban_valid(iban: str) -> bool:
    text = iban.replace(" ", "")
    moved = text[4:] + text[:4]
    return bool(re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", text)) and \
        int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def compare_money(rows, n: int) -> None:
    from faker import Faker

    from src.engine import vocab

    currency_of = {c.code: c.currency for c in vocab.COUNTRIES}
    code_of = {c.name: c.code for c in vocab.COUNTRIES}
    ours = rows([{"name": "country", "type": "country"}, {"name": "currency", "type": "currency_code"},
                 {"name": "iban", "type": "iban"}])
    codes = [code_of[c] for c in ours["country"]]
    fake = Faker("en_US")
    theirs = [(fake.country_code(), fake.currency_code(), fake.iban()) for _ in range(n)]
    line("currency of the row's country", share(currency_of[c] == v for c, v in zip(codes, ours["currency"])),
         share(currency_of.get(c) == v for c, v, _ in theirs), "(reference: world.json, GeoNames)")
    line("IBAN of the row's country (IBAN countries)",
         share(i.startswith(c) for c, i in zip(codes, ours["iban"]) if c in IBAN_COUNTRIES),
         share(i.startswith(c) for c, _, i in theirs if c in IBAN_COUNTRIES),
         f"({sum(c in IBAN_COUNTRIES for c in codes)} / {sum(c in IBAN_COUNTRIES for c, _, _ in theirs)} rows)")
    line("IBAN mod-97 check digits valid (IBAN countries)",
         share(iban_valid(i) for c, i in zip(codes, ours["iban"]) if c in IBAN_COUNTRIES),
         share(iban_valid(i) for c, _, i in theirs if c in IBAN_COUNTRIES))
    line("no IBAN on a row of a country without IBANs",
         share(not iban_valid(i) for c, i in zip(codes, ours["iban"]) if c not in IBAN_COUNTRIES),
         share(not iban_valid(i) for c, _, i in theirs if c not in IBAN_COUNTRIES), "(US, JP, CN: their own accounts)")
    zero = {"JPY", "KRW", "VND", "CLP", "ISK", "PYG", "UGX", "XAF", "XOF"}  # ISO 4217: no minor unit
    paid = rows([{"name": "country", "type": "country"}, {"name": "currency", "type": "currency_code"},
                 {"name": "amount", "type": "decimal", "constraints": {"decimals": 2, "min_value": 1, "max_value": 5000}}])
    faker_paid = [(fake.currency_code(), fake.pyfloat(right_digits=2, min_value=1, max_value=5000)) for _ in range(n)]
    line("zero-decimal currency rows: whole amounts",
         share(round(a * 100) % 100 == 0 for v, a in zip(paid["currency"], paid["amount"]) if v in zero),
         share(round(a * 100) % 100 == 0 for v, a in faker_paid if v in zero), "(JPY, KRW, VND ...; decimals: 2)")
    both = rows([{"name": "currency", "type": "currency_code"}, {"name": "iban", "type": "iban"}])
    line("no place field: currency of the IBAN's country",
         share(currency_of.get(i[:2]) == v for v, i in zip(both["currency"], both["iban"]) if iban_valid(i)),
         share(currency_of.get(i[:2]) == v for _, v, i in theirs), "(rows holding an IBAN)")
    de = rows([{"name": "currency", "type": "currency_code"}, {"name": "iban", "type": "iban"}], "de_DE")
    fake_de = Faker("de_DE")
    line("de_DE rows: EUR and a DE IBAN", share(v == "EUR" and i.startswith("DE") for v, i in zip(de["currency"], de["iban"])),
         share(fake_de.currency_code() == "EUR" and fake_de.iban().startswith("DE") for _ in range(n)))


def compare_land(rows, n: int) -> None:
    from faker import Faker
    from global_land_mask import globe

    ours = rows([{"name": "latitude", "type": "latitude"}, {"name": "longitude", "type": "longitude"}])
    fake = Faker("en_US")
    plain = np.array([(float(fake.latitude()), float(fake.longitude())) for _ in range(n)])
    land = np.array([tuple(map(float, fake.location_on_land()[:2])) for _ in range(n)])
    ours_land = globe.is_land(np.array(ours["latitude"]), np.array(ours["longitude"]))
    line("lat/lon (no place field) on land", ours_land.mean(), globe.is_land(plain[:, 0], plain[:, 1]).mean(),
         f"(Faker location_on_land(): {globe.is_land(land[:, 0], land[:, 1]).mean():.1%}; judge: global-land-mask)")
    line("lat/lon beyond 66.5 degrees (polar)", np.mean(np.abs(ours["latitude"]) > 66.5),
         np.mean(np.abs(plain[:, 0]) > 66.5))


def _isbn13(v: str) -> bool:
    d = [int(c) for c in v if c.isdigit()]
    return len(d) == 13 and sum(x * (1, 3)[i % 2] for i, x in enumerate(d)) % 10 == 0


_VIN_VALUE = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}


def _vin(v: str) -> bool:
    if not re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v):
        return False
    total = sum(_VIN_VALUE[c] * w for c, w in zip(v, (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2))) % 11
    return v[8] == ("X" if total == 10 else str(total))


def _ssn(v: str) -> bool:
    m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", v)
    return bool(m) and m[1] not in ("000", "666") and m[1] < "900" and m[2] != "00" and m[3] != "0000"


_TITLE = re.compile(r"[A-Z0-9][\w'’&:,.-]*( [\w'’&:,.-]+){0,7}")


def _lorem_words() -> set[str]:
    from src.engine import vocab

    latin = {w.lower() for w in vocab.faker_lists("providers", "lorem", "la").get("word_list", ())}
    return latin - {"a", "in", "at", "et", "non"}  # also English words ("A Map of Days")


def _thing_checks():
    """(column name, locale, Faker's nearest provider, what 'looks right' means, check)."""
    lorem = _lorem_words()
    zones = zoneinfo.available_timezones()
    mimes = set(mimetypes.types_map.values()) | set(mimetypes.common_types.values())
    named = lambda v: bool(_TITLE.fullmatch(v)) and not v.endswith(".") and v.split()[0].lower() not in lorem
    one_name = lambda v: bool(re.fullmatch(r"[A-Z][a-z]{1,11}", v))
    return [
        ("isbn", "en_US", "isbn13", "ISBN-13 check digit", _isbn13),
        ("vin", "en_US", "vin", "ISO 3779 check digit", _vin),
        ("ssn", "en_US", "ssn", "valid SSN area/group/serial", _ssn),
        ("license_plate", "en_US", "license_plate", "5-8 letters/digits, both kinds",
         lambda v: bool(re.fullmatch(r"[A-Z0-9 -]{5,9}", v)) and bool(re.search(r"\d", v)) and bool(re.search("[A-Z]", v))),
        ("license_plate", "de_DE", "license_plate", "German layout 'B-AB 1234'",
         lambda v: bool(re.fullmatch(r"[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2}[- ]?\d{1,4}[EH]?", v))),
        ("mime_type", "en_US", "mime_type", "a type Python's mimetypes knows", lambda v: v in mimes),
        ("timezone", "en_US", "timezone", "an IANA zone (zoneinfo)", lambda v: v in zones),
        ("file_name", "en_US", "file_name", "name + known extension",
         lambda v: mimetypes.guess_type("x." + v.rsplit(".", 1)[-1])[0] is not None and "." in v),
        ("http_path", "en_US", "uri_path", "'/segment/...' path", lambda v: bool(re.fullmatch(r"(/[\w.-]+)+/?", v))),
        ("pet_name", "en_US", "first_name", "one short capitalised name", one_name),
        ("movie_title", "en_US", "catch_phrase", "a title (1-8 words, capitalised, no period, not lorem)", named),
        ("book_title", "en_US", "catch_phrase", "a title", named),
        ("song_title", "en_US", "catch_phrase", "a title", named),
        ("team_name", "en_US", "company", "a title", named),
        ("hotel_name", "en_US", "company", "names a lodging (Hotel/Inn/Resort/Lodge/Suites/...)",
         lambda v: bool(re.search(r"Hotel|Inn|Resort|Lodge|Suites|Retreat|House|Guesthouse|Chalet|Plaza|The ", v))),
        ("university", "en_US", "company", "names a university or college",
         lambda v: bool(re.search(r"Universit|College|Institut|School|ETH|KU Leuven|Sorbonne", v))),
        ("breed", "en_US", "word", "capitalised, not a lorem word", lambda v: v[:1].isupper() and v.lower() not in lorem),
        ("ingredient", "en_US", "word", "capitalised, not a lorem word", lambda v: v[:1].isupper() and v.lower() not in lorem),
        ("stock_ticker", "en_US", "word", "1-5 capitals (class suffix allowed)", lambda v: bool(re.fullmatch(r"[A-Z]{1,5}(\.[A-Z])?", v))),
        ("language", "en_US", "language_name", "capitalised, not a lorem word", lambda v: v[:1].isupper() and v.lower() not in lorem),
        ("color_name", "en_US", "color_name", "capitalised, not a lorem word", lambda v: v[:1].isupper() and v.lower() not in lorem),
    ]


def compare_things(rows, n: int) -> None:
    from faker import Faker

    from src.engine.semantics import infer_thing
    from src.engine.data import things

    print("names of things: share that looks right (same check on both; Faker's nearest provider)")
    for column, locale, provider, what, check in _thing_checks():
        values = rows([{"name": column, "type": "string"}], locale)[column]
        fake = Faker(locale)
        theirs = [str(getattr(fake, provider)()) for _ in range(n)]
        print(f"  {column + ' (' + locale + ')':<24} {what:<48} engine {share(map(check, values)):6.1%}"
              f"   Faker {provider + '()':<16} {share(map(check, theirs)):6.1%}")
    names = {m: things.MEANINGS[m][0].split("|")[0].replace(" ", "_") for m in things.MEANINGS}
    found = sum(infer_thing(name) == m for m, name in names.items())
    print(f"  meanings whose first label (as a column name) resolves to it: {found} / {len(names)}")


_LEXICON = {"electronics": re.compile(r"battery|charger|stopped working|disconnect|overheat|pairing|screen|setup", re.I),
            "food": re.compile(r"\btast|flavou?r|stale|salty|pantry|use-by|ripe|portion", re.I)}


def compare_reviews(rows, n: int) -> None:
    from faker import Faker
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    judge = SentimentIntensityAnalyzer()
    got = rows([{"name": "category", "type": "enum", "constraints": {"enum_values": ["Groceries", "Electronics"]}},
                {"name": "rating", "type": "integer", "constraints": {"min_value": 1, "max_value": 5}},
                {"name": "review", "type": "review", "constraints": {"condition_on": "category"}}])
    fake = Faker("en_US")
    theirs = [fake.paragraph(nb_sentences=3) for _ in range(n)]

    def agrees(rating: int, text: str) -> bool:
        score = judge.polarity_scores(text)["compound"]
        return score <= -0.05 if rating <= 2 else score >= 0.05 if rating >= 4 else -0.5 < score < 0.6

    line("review sentiment fits the rating (VADER)", share(map(agrees, got["rating"], got["review"])),
         share(map(agrees, got["rating"], theirs)), "(Faker: paragraph(), the same ratings)")
    wrong = {"Groceries": _LEXICON["electronics"], "Electronics": _LEXICON["food"]}
    line("review mentions the other category's things", share(bool(wrong[c].search(t)) for c, t in zip(got["category"], got["review"])),
         share(bool(wrong[c].search(t)) for c, t in zip(got["category"], theirs)))
    line("review mentions its own category's things",
         share(bool(_LEXICON["food" if c == "Groceries" else "electronics"].search(t)) for c, t in zip(got["category"], got["review"])),
         share(bool(_LEXICON["food" if c == "Groceries" else "electronics"].search(t)) for c, t in zip(got["category"], theirs)))
    plain = rows([{"name": "review", "type": "review"}])["review"]
    top = max(plain.count(t) for t in set(plain))
    print(f"{'distinct reviews in ' + str(n) + ' rows':<48} engine {len(set(plain)):6d}   Faker {len(set(theirs)):6d}"
          f"  (engine's most repeated text: {top}x)")


_REPEAT = re.compile(r"\b(\w+)\W+\1\b", re.I)


def compare_text_pools(rows, n: int) -> None:
    from faker import Faker

    from src.engine import vocab

    fake = Faker("en_US")
    got = rows([{"name": "s", "type": "sentence"}, {"name": "p", "type": "paragraph"},
                {"name": "t", "type": "string", "constraints": {"max_length": 40}},
                {"name": "c", "type": "color"}, {"name": "w", "type": "word"}])
    theirs_s = [fake.sentence() for _ in range(n)]
    theirs_p = [fake.paragraph() for _ in range(n)]
    line("sentences/paragraphs with a word twice in a row", share(bool(_REPEAT.search(a + " " + b)) for a, b in zip(got["s"], got["p"])),
         share(bool(_REPEAT.search(a + " " + b)) for a, b in zip(theirs_s, theirs_p)))
    known = {w.lower() for w in vocab.lorem_words().to_pylist()} | \
        {w.lower() for w in vocab.faker_lists("providers", "lorem", "en_US").get("word_list", ())}
    whole = lambda t: (re.sub(r"\W+$", "", t).rsplit(" ", 1)[-1].lower() in known) and len(t) <= 40
    theirs_t = [fake.text(max_nb_chars=40) for _ in range(n)]
    line("max_length 40: ends on a whole word, fits", share(map(whole, got["t"])), share(map(whole, theirs_t)))
    windowed = rows([{"name": "t", "type": "string", "constraints": {"min_length": 20, "max_length": 30}}])["t"]
    free = rows([{"name": "t", "type": "string"}])["t"]  # the same rows' text before the cut

    def cut_at_word(value: str, source: str) -> bool:
        words = value.split(" ")
        kept = max(k for k in range(len(words) + 1) if source.startswith(" ".join(words[:k])))
        head = " ".join(words[:kept])
        return (len(source) == len(head) or not source[len(head)].isalnum()) and not value.endswith(" ")

    theirs_w = [fake.text(max_nb_chars=30) for _ in range(n)]
    line("min 20 / max 30: fits, cut between words", share(20 <= len(v) <= 30 and cut_at_word(v, s) for v, s in zip(windowed, free)),
         share(20 <= len(t) <= 30 and not t.endswith(" ") for t in theirs_w),
         "(Faker: text(max_nb_chars=30) has no minimum; its cuts are between words)")
    colours = [fake.color_name() for _ in range(n)]
    words = [fake.word() for _ in range(n)]
    print(f"{'distinct colours / words in ' + str(n) + ' rows':<48} engine {len(set(got['c'])):3d} / {len(set(got['w'])):3d}"
          f"   Faker {len(set(colours)):3d} / {len(set(words)):3d}")


# One regex per locale for how its country writes an address (postal code placement).
_LAYOUT = {"en_US": r".+, [A-Z]{2} \d{5}\b.*", "de_DE": r".+\b\d{5} \w.*", "fr_FR": r".+\b\d{5} \w.*",
           "en_GB": r".+\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b.*", "ja_JP": r"(〒?\d{3}-\d{4}).*",
           "pt_BR": r".+\b\d{5}-\d{3}\b.*"}


def compare_addresses(rows, n: int) -> None:
    from faker import Faker

    print("address: one place per row (contains the row's own street, city and postal code) and its country's layout")
    for locale, layout in _LAYOUT.items():
        got = rows([{"name": "street", "type": "street_address"}, {"name": "city", "type": "city"},
                    {"name": "zip", "type": "postal_code"}, {"name": "address", "type": "address"}], locale)
        fake = Faker(locale)
        theirs = [(fake.street_address(), fake.city(), fake.postcode(), fake.address()) for _ in range(n)]
        same = lambda s, c, z, a: s in a and c in a and z in a
        fits = lambda a: bool(re.fullmatch(layout, unicodedata.normalize("NFC", a.replace("\n", ", ")), re.S))
        print(f"  {locale}: same place engine {share(map(same, got['street'], got['city'], got['zip'], got['address'])):6.1%}"
              f"   Faker {share(same(*t) for t in theirs):6.1%}   |   layout engine "
              f"{share(map(fits, got['address'])):6.1%}   Faker {share(fits(t[3]) for t in theirs):6.1%}")


# Romanized street forms of countries outside the Latin script, as their posts write them.
_ROMANIZED = {"CN": r"No\. \d+ .+ (Road|Street|Avenue)", "RU": r"(ul|pr|per|bul)\. .+, \d+", "KR": r"\d+ \w+-(ro|daero|gil)",
              "GR": r"[A-Z][a-z]+( [A-Z][a-z]+)* \d+", "SA": r"\d+ .+ (Road|Street)", "JP": r"\d+-\d+-\d+ [\w-]+",
              "TH": r"\d+ .+ Road"}


def compare_romanized_streets(rows, n: int) -> None:
    from faker import Faker

    got = rows([{"name": "country", "type": "country_code"}, {"name": "street", "type": "street_address"}], count=20 * n)
    pairs = [(c, s) for c, s in zip(got["country"], got["street"]) if c in _ROMANIZED]
    fake = Faker("en_US")  # Faker has no row country: its street for the same rows
    line("CN/RU/KR/GR/SA/JP/TH rows: the country's street form",
         share(bool(re.fullmatch(_ROMANIZED[c], s)) for c, s in pairs),
         share(bool(re.fullmatch(_ROMANIZED[c], fake.street_address())) for c, _ in pairs), f"({len(pairs)} rows, no locale)")


def _national_number(phone: str, calling_code: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return digits[len(calling_code):] if phone.startswith("+") else digits.removeprefix("0")


def compare_regional_phones(rows, n: int) -> None:
    """Landlines whose leading digits are those of the row's region (reference: data/dialing.py)."""
    from faker import Faker

    from src.engine.data import dialing

    for locale, code, cc, mobile, region_of in (("pt_BR", "BR", "55", "", "estado_sigla"),
                                                ("fr_FR", "FR", "33", "67", "region"), ("en_AU", "AU", "61", "4", "state_abbr")):
        got = rows([{"name": "state", "type": "state"}, {"name": "phone", "type": "phone"}], locale)
        fake = Faker(locale)
        theirs = [(getattr(fake, region_of)(), fake.phone_number()) for _ in range(n)]

        def fits(region: str, phone: str) -> bool | None:
            number = _national_number(phone, cc)
            if (mobile and number[:1] in mobile) or region not in dialing.REGION_PREFIXES[code]:
                return None  # a mobile, or a region the table does not know: not counted
            return number.startswith(dialing.prefixes(code, region, national=False))

        ours = [f for f in map(fits, got["state"], got["phone"]) if f is not None]
        faker = [f for f in (fits(*t) for t in theirs) if f is not None]
        line(f"{locale} landline dials the row's region", share(ours), share(faker),
             f"({len(ours)} / {len(faker)} landlines)")


def run_all(rows, n: int) -> None:
    for compare in (compare_money, compare_regional_phones, compare_land, compare_things, compare_reviews, compare_text_pools, compare_addresses,
                    compare_romanized_streets):
        compare(rows, n)
