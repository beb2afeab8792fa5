"""Person names of any Faker locale, read from its source whatever the list's shape.

Faker's locales spell their lists differently: gendered (`first_names_male`), concatenated
(`first_names = first_names_male + first_names_female`), tuple-shaped (ja_JP's
`(kanji, kana, romaji)` pairs), split by origin (`first_names_male_common`, `..._islamic`), and
with gendered surnames (ru_RU `last_names_female`). This module reads them all, and gives an
ASCII spelling of each name for emails and usernames.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from src.engine.data.indic import is_indic, romanize_indic
from src.engine.data.name_order import faker_name_order

# Family name first where native usage differs from Faker's formats: Vietnamese is family-middle-given.
FAMILY_FIRST_OVERRIDES = {"vi_VN": " "}

_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                      "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ye", "i",
                      "yi", "g"]))
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
                  ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s",
                   "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y"]))
_TRANSLIT = str.maketrans({**_CYRILLIC, **_GREEK})


def romanize(name: str) -> str:
    """A Latin spelling: Cyrillic and Greek transliterated, accents dropped ('Łukasz' -> 'Lukasz')."""
    if name.isascii():  # what every step below leaves an ASCII name (most of Faker's), at a fraction of the cost
        return name.lower()
    text = name.lower()
    for digraph, latin in (("ου", "ou"), ("αυ", "av"), ("ευ", "ev"), ("ού", "ou"), ("αύ", "av"), ("εύ", "ev")):
        text = text.replace(digraph, latin)
    text = text.translate(_TRANSLIT).replace("ł", "l").replace("ß", "ss").replace("æ", "ae") \
        .replace("ø", "o").replace("đ", "d").replace("ı", "i").replace("ð", "d").replace("þ", "th")
    # Brahmic scripts with their inherent vowels (रामचंद्र -> ramchandra, data/indic.py); others
    # without a table above (Arabic, Han, Hangul, Thai...): anyascii's readings, so an email reads
    # 'aruna.maiti', not a placeholder.
    if any(is_indic(char) for char in text):
        text = "".join(romanize_indic("".join(run)) if indic else "".join(run)
                       for indic, run in itertools.groupby(text, is_indic))
    text = "".join(char if _folds_to_ascii(char) else anyascii(char).lower() for char in text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _folds_to_ascii(char: str) -> bool:
    """Whether NFKD folding keeps something of ``char`` (an accented Latin letter) or it is no letter."""
    return char.isascii() or not char.isalpha() and not unicodedata.category(char).startswith("M") \
        or bool(unicodedata.normalize("NFKD", char).encode("ascii", "ignore"))


@dataclass(frozen=True)
class NameLists:
    """Each list is ((name, romanized), weight) pairs."""

    male: dict
    female: dict
    last_male: dict
    last_female: dict
    family_first: bool
    joiner: str


def _entries(value) -> dict:
    """{(name, romanized): weight} from a list, dict of weights, or tuples (name, ..., romaji)."""
    items = value.items() if isinstance(value, dict) else ((v, 1.0) for v in value)
    out: dict = {}
    for name, weight in items:
        if isinstance(name, tuple):  # ja_JP: (kanji, katakana, romaji)
            name, roman = name[0], name[-1]
        else:
            roman = romanize(str(name))
        try:
            w = float(weight)
        except (TypeError, ValueError):
            w = 1.0
        key = (str(name), roman)
        out[key] = out.get(key, 0.0) + w
    return out


def _merge(lists: dict, keys: list[str]) -> dict:
    out: dict = {}
    for key in keys:
        for entry, weight in _entries(lists[key]).items():
            out[entry] = out.get(entry, 0.0) + weight
    return out


def _gender_keys(lists: dict, stem: str) -> tuple[list[str], list[str], list[str]]:
    """Keys naming (male, female, either) lists of a stem ('first_name', 'last_name')."""
    pattern = re.compile(rf"^({stem}s?|{stem.split('_')[0]}_names?_\w+|\w*_{stem}s)$")
    male, female, either = [], [], []
    for key, value in lists.items():
        if not pattern.match(key) or not isinstance(value, (tuple, list, dict)) or not value:
            continue
        if "romanized" in key or "prefix" in key or "suffix" in key and "without" not in key:
            continue
        words = set(key.split("_"))
        if "female" in words:
            female.append(key)
        elif "male" in words:
            male.append(key)
        elif "nonbinary" not in words:
            either.append(key)
    return male, female, either


def read_name_lists(lists: dict) -> NameLists | None:
    male_k, female_k, any_k = _gender_keys(lists, "first_name")
    last_m_k, last_f_k, last_k = _gender_keys(lists, "last_name")
    male = _merge(lists, male_k or any_k)
    female = _merge(lists, female_k or any_k)
    last_male = _merge(lists, last_m_k + last_k)
    last_female = _merge(lists, last_f_k + last_k) if last_f_k else last_male
    if not (male and female and last_male and last_female):
        return None
    return NameLists(male, female, last_male, last_female, False, " ")


def _polish_female(surnames: dict) -> dict:
    """Women's forms of Polish surnames: Kowalski -> Kowalska, Nowicki -> Nowicka."""
    out: dict = {}
    for (name, roman), weight in surnames.items():
        if name.endswith(("ski", "cki", "dzki")):
            name, roman = name[:-1] + "a", roman[:-1] + "a"
        out[(name, roman)] = out.get((name, roman), 0.0) + weight
    return out


def _patronymics(lists: dict) -> NameLists | None:
    """Icelandic surnames, which Faker computes from first names in code: the father's name
    ('Jón' -> 'Jóns', 'Gunnar' -> 'Gunnars', 'Sigurður' -> 'Sigurðs') + 'son' / 'dóttir'."""
    if "last_names_without_suffix" not in lists or not lists.get("first_names_male"):
        return None
    fathers = [f[:-2] if f.endswith("ur") else f for f in lists["first_names_male"]]
    fathers = [f if f.endswith("s") else f + "s" for f in fathers]
    male = _entries(lists["first_names_male"])
    female = _entries(lists.get("first_names_female") or lists["first_names_male"])
    return NameLists(male, female, _entries([f + "son" for f in fathers]),
                     _entries([f + "dóttir" for f in fathers]), False, " ")


def locale_coverage(locale: str) -> str:
    """What Faker does have for a locale without names (' (Faker's data for it: phone_number only)'), or ''."""
    from src.engine.faker_source import _faker_source

    source = _faker_source("providers", "person")
    if source is None:
        return ""
    providers = sorted(p.name for p in source.parent.parent.iterdir() if (p / locale).is_dir())
    return f" (Faker's data for it: {', '.join(providers)} only)" if providers else ""


def supported_locales() -> list[str]:
    """Faker locales whose people, companies and places the engine can make."""
    from src.engine.vocab import faker_locales

    return sorted(loc for loc in faker_locales() if locale_names(loc) is not None)


def _name_candidates(locale: str):
    """The locale, then others of its language, then a locale of the same country (fil_PH -> en_PH,
    dk_DK -> da_DK), whose people are the same; Faker's folders are listed only if the locale has no names."""
    from src.engine.vocab import faker_locales

    yield locale
    language = locale.split("_")[0]
    candidates = [locale]
    candidates += sorted(loc for loc in faker_locales() if loc.split("_")[0] == language and loc != locale)
    country = locale.split("_")[-1] if "_" in locale else None
    candidates += sorted(loc for loc in faker_locales() if country and loc.endswith("_" + country)
                         and loc not in candidates)
    yield from candidates[1:]


@lru_cache(maxsize=64)
def locale_names(locale: str) -> NameLists | None:
    """The name lists of a Faker locale (None if Faker has none for it or its language)."""
    from src.engine.vocab import faker_lists

    language = locale.split("_")[0]
    for loc in _name_candidates(locale):
        lists = faker_lists("providers", "person", loc)
        found = read_name_lists(lists) or read_name_lists(faker_lists("providers", "person", loc, joined=True)) \
            or _patronymics(lists)
        if found is not None and language == "pl" and found.last_female is found.last_male:
            found = NameLists(found.male, found.female, found.last_male, _polish_female(found.last_male),
                              False, " ")
        if found is not None:
            from src.engine.data.names_fixes import fix_names

            found = fix_names(locale, found)
            order = (True, FAMILY_FIRST_OVERRIDES[locale]) if locale in FAMILY_FIRST_OVERRIDES \
                else faker_name_order(locale) or faker_name_order(loc)  # Faker's formats: 'Kiss Anita'
            if order is not None and order[0]:
                return NameLists(found.male, found.female, found.last_male, found.last_female, True, order[1])
            return found
    return None
