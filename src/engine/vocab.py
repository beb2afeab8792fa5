"""Vocabulary: word lists and reference data the generators draw from.

Person names, job titles and street suffixes come from Faker's bundled locale data (read once, no
Faker calls per row); places, products and text fragments are curated here so that rows stay
coherent (a city lies in its country, a postal code has its country's shape). The flat place
tables and place names per locale are in place_vocab.py, re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyarrow as pa

from src.engine.data.names import locale_names
from src.engine.faker_source import _faker_source, faker_lists, faker_locales  # noqa: F401 (re-exported)
from src.engine.data.world import countries, country_of_locale  # noqa: F401 (re-exported)
from src.engine.place_vocab import (  # noqa: F401 (re-exported)
    CITY_SLOTS, COUNTRIES, PlaceTables, city_names, country_names, place_tables, region_names)


@dataclass(frozen=True)
class WeightedWords:
    """A pool of words with relative frequencies, ready for vectorized `take`."""

    words: pa.Array
    weights: np.ndarray

    def __len__(self) -> int:
        return len(self.words)


def _weighted(names) -> WeightedWords:
    if hasattr(names, "items"):
        words, weights = zip(*names.items())
    else:
        words, weights = tuple(names), (1.0,) * len(names)
    # Faker's lists can repeat a name; keep the first spelling.
    seen: dict[str, float] = {}
    for w, p in zip(words, weights):
        seen[w] = seen.get(w, 0.0) + float(p)
    return WeightedWords(pa.array(list(seen), pa.string()), np.asarray(list(seen.values()), dtype=np.float64))


def _resolve_locale(locale: str | None) -> str:
    return locale if locale and locale_names(locale) is not None else "en_US"


@lru_cache(maxsize=64)
def person_names(locale: str | None) -> tuple[WeightedWords, WeightedWords, WeightedWords]:
    """(male first names, female first names, last names) for a Faker locale, en_US as fallback."""
    lists = locale_names(_resolve_locale(locale))
    return (_weighted({k[0]: w for k, w in lists.male.items()}),
            _weighted({k[0]: w for k, w in lists.female.items()}),
            _weighted({k[0]: w for k, w in lists.last_male.items()}))


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per locale
class NamePools:
    """First names (male then female) and last names (men's then, if they differ, women's) of a
    locale, with ASCII slugs of each."""

    first: pa.Array
    last: pa.Array
    first_slug: pa.Array
    last_slug: pa.Array
    n_male: int
    male_weights: np.ndarray
    female_weights: np.ndarray
    last_weights: np.ndarray  # men's surnames
    n_male_last: int = 0  # offset of women's surnames in `last` (0: shared with men)
    female_last_weights: np.ndarray | None = None
    family_first: bool = False
    joiner: str = " "

    @property
    def distinct_first(self) -> np.ndarray:
        """Indices of first names with distinct slugs and no space: distinct indices give distinct
        names and emails (used when a person field is unique)."""
        return _distinct_slugs(self, "first")

    @property
    def distinct_last(self) -> np.ndarray:
        return _distinct_slugs(self, "last")

    @property
    def has_slugs(self) -> bool:
        """Whether names have Latin spellings (emails from names); zh_CN's, for one, do not."""
        return _has_slugs(self)


@lru_cache(maxsize=256)
def _has_slugs(pools: NamePools) -> bool:
    slugs = pools.first_slug.to_pylist()
    return sum(s != "user" for s in slugs) > len(slugs) // 2


@lru_cache(maxsize=256)
def _distinct_slugs(pools: NamePools, part: str) -> np.ndarray:
    names, slugs = (pools.first, pools.first_slug) if part == "first" else (pools.last, pools.last_slug)
    seen: set[str] = set()
    keep = []
    romanized = pools.has_slugs
    for i, (name, slug) in enumerate(zip(names.to_pylist(), slugs.to_pylist())):
        key = slug if romanized else name  # names without a Latin spelling: distinct as written
        if " " not in name and key not in seen:
            seen.add(key)
            keep.append(i)
    return np.array(keep, dtype=np.int64)


def _slugs(entries, fallback: str) -> pa.Array:
    from src.engine.strings import ascii_slug

    slugs = ascii_slug(pa.array([roman for _, roman in entries])).to_pylist()
    return pa.array([s or fallback for s in slugs])


@lru_cache(maxsize=64)
def name_pools(locale: str | None) -> NamePools:
    lists = locale_names(_resolve_locale(locale))
    male, female = list(lists.male.items()), list(lists.female.items())
    last_m = list(lists.last_male.items())
    last_f = [] if lists.last_female is lists.last_male else list(lists.last_female.items())
    first_entries = [k for k, _ in male + female]
    last_entries = [k for k, _ in last_m + last_f]
    weights = lambda items: np.array([w for _, w in items], dtype=np.float64)  # noqa: E731
    return NamePools(
        pa.array([k[0] for k in first_entries]), pa.array([k[0] for k in last_entries]),
        _slugs(first_entries, "user"), _slugs(last_entries, "name"), len(male), weights(male), weights(female),
        weights(last_m), len(last_m) if last_f else 0, weights(last_f) if last_f else None,
        lists.family_first, lists.joiner)


@lru_cache(maxsize=1)
def job_titles() -> pa.Array:
    jobs = faker_lists("providers", "job").get("jobs") or ("Engineer", "Analyst", "Manager")
    return pa.array(sorted(set(jobs)), pa.string())


CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY", "INR", "BRL", "MXN", "SEK")
CURRENCY_WEIGHTS = (40, 25, 10, 6, 4, 4, 2, 3, 2, 2, 1, 1)

AIRPORT_CODES = (
    "ATL", "LAX", "ORD", "DFW", "DEN", "JFK", "SFO", "SEA", "LAS", "MCO", "MIA", "BOS", "PHX", "IAH",
    "LHR", "CDG", "FRA", "AMS", "MAD", "BCN", "FCO", "MUC", "IST", "DXB", "DOH", "SIN", "HKG", "NRT",
    "HND", "ICN", "PEK", "PVG", "SYD", "MEL", "YYZ", "YVR", "GRU", "MEX", "BOG", "JNB", "DEL", "BOM",
    "ZRH", "VIE", "CPH", "OSL", "ARN", "HEL", "DUB", "LIS", "ATH", "BKK", "KUL", "CGK", "MNL", "AKL",
)

US_AREA_CODES = (
    201, 202, 203, 205, 206, 207, 208, 210, 212, 213, 214, 215, 216, 217, 218, 301, 302, 303, 304,
    305, 310, 312, 313, 314, 315, 316, 317, 318, 319, 401, 402, 404, 405, 406, 407, 408, 409, 410,
    412, 413, 414, 415, 417, 419, 501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515, 516,
    517, 518, 520, 601, 602, 603, 605, 606, 607, 608, 609, 610, 612, 614, 615, 616, 617, 618, 619,
    702, 703, 704, 706, 707, 708, 712, 713, 714, 715, 716, 717, 718, 719, 720, 801, 802, 803, 804,
    805, 806, 808, 810, 812, 813, 814, 815, 816, 817, 818, 828, 830, 831, 832, 843, 845, 847, 850,
    856, 857, 858, 859, 860, 862, 863, 864, 865, 870, 901, 903, 904, 907, 908, 909, 910, 912, 913,
    914, 915, 916, 917, 918, 919, 920, 925, 928, 929, 931, 936, 937, 940, 941, 949, 951, 952, 954,
    956, 970, 971, 972, 973, 978, 979, 980, 985, 989,
)

EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me",
                 "aol.com", "mail.com")
EMAIL_DOMAIN_WEIGHTS = (45, 12, 12, 8, 10, 4, 2, 2)

DEPARTMENTS = ("Engineering", "Sales", "Marketing", "Finance", "Human Resources", "Operations",
               "Customer Support", "Legal", "Product", "Research and Development", "IT",
               "Procurement", "Logistics", "Quality Assurance", "Administration")

PRODUCT_ADJECTIVES = ("Ergonomic", "Rustic", "Sleek", "Compact", "Premium", "Classic", "Smart",
                      "Portable", "Durable", "Lightweight", "Modern", "Vintage", "Wireless",
                      "Handcrafted", "Deluxe", "Eco-Friendly", "Heavy-Duty", "Ultra-Slim", "Foldable",
                      "Waterproof")
PRODUCT_MATERIALS = ("Steel", "Wooden", "Cotton", "Leather", "Bamboo", "Ceramic", "Granite", "Glass",
                     "Aluminum", "Wool", "Silicone", "Carbon", "Linen", "Copper", "Marble")
PRODUCT_NOUNS = ("Chair", "Desk Lamp", "Backpack", "Water Bottle", "Headphones", "Keyboard", "Mouse",
                 "Coffee Mug", "Notebook", "Sneakers", "Jacket", "Watch", "Sunglasses", "Wallet",
                 "Blender", "Toaster", "Speaker", "Phone Case", "Yoga Mat", "Tent", "Bicycle",
                 "Cutting Board", "Pillow", "Blanket", "Table", "Monitor Stand", "Charger", "Kettle",
                 "Frying Pan", "Umbrella")
PRODUCT_CATEGORIES = ("Electronics", "Home & Kitchen", "Clothing", "Sports & Outdoors", "Books",
                      "Beauty", "Toys & Games", "Garden", "Automotive", "Office Supplies", "Health",
                      "Grocery")

COMPANY_SUFFIXES = ("Inc", "LLC", "Ltd", "Group", "Corp", "and Sons", "Partners", "Holdings", "Co")
COMPANY_WORDS = ("Acme", "Apex", "Summit", "Blue Ridge", "Northwind", "Silverline", "Evergreen",
                 "Pinnacle", "Horizon", "Redwood", "Ironclad", "Brightway", "Crescent", "Keystone",
                 "Lakeside", "Meridian", "Oakmont", "Pioneer", "Quantum", "Riverbend", "Starlight",
                 "Trident", "Unity", "Vertex", "Westfield", "Zenith", "Harbor", "Granite", "Falcon",
                 "Cedar")
COMPANY_TRADES = ("Logistics", "Foods", "Technologies", "Consulting", "Software", "Retail", "Energy",
                  "Health", "Media", "Supplies", "Motors", "Labs", "Systems", "Outfitters", "Markets",
                  "Coffee", "Bakery", "Pharmacy", "Hardware", "Travel")

STREET_NAMES = ("Maple", "Oak", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park",
                "Sunset", "Main", "Church", "River", "Highland", "Franklin", "Jefferson", "Lincoln",
                "Madison", "Spring", "Walnut", "Willow", "Chestnut", "Meadow", "Forest", "Ridge",
                "Cherry", "Birch", "Valley", "Mill", "Union")
STREET_SUFFIXES = ("Street", "Avenue", "Road", "Lane", "Drive", "Court", "Boulevard", "Way", "Place",
                   "Terrace")

COLORS = ("red", "blue", "green", "black", "white", "gray", "yellow", "orange", "purple", "pink",
          "brown", "navy", "teal", "maroon", "silver", "gold", "beige", "olive")

TLDS = ("com", "com", "com", "net", "org", "io", "co", "info", "dev", "app")
WEB_WORDS = ("cloud", "data", "shop", "tech", "news", "home", "travel", "green", "smart", "blue",
             "fast", "bright", "market", "studio", "labs", "media", "hub", "works", "point", "base",
             "craft", "nova", "pixel", "wave", "north", "river", "stone", "peak", "fox", "leaf")
URL_PATHS = ("", "about", "products", "blog", "contact", "pricing", "docs", "support", "careers",
             "news", "shop", "account", "search", "help", "team")

# User agents as (text before the OS token, OS tokens, the rest with {v} for the browser's major version,
# its major versions): only tokens browsers really send. Windows 11 still reports
# "Windows NT 10.0"; Safari and Chrome freeze macOS at "10_15_7"; Chrome's reduced agent on Android
# is "Android 10; K"; iOS 26 reports "iPhone OS 18_6" with Version/26. Firefox repeats its version in rv:.
_CHROME = tuple(range(124, 144))
_FIREFOX = tuple(range(128, 147))
_SAFARI = (17, 18, 26)  # Safari went from 18 to 26 (2025)
USER_AGENT_TEMPLATES = (
    ("Mozilla/5.0 (Windows NT ", ("10.0",), "; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36", _CHROME),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X ", ("10_15_7",), ") AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v}.0 Safari/605.1.15", _SAFARI),
    ("Mozilla/5.0 (Windows NT ", ("10.0",), "; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0", _FIREFOX),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS ", ("17_6_1", "18_5", "18_6"), " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v}.0 Mobile/15E148 Safari/604.1", _SAFARI),
    ("Mozilla/5.0 (Linux; Android ", ("10",), "; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36", _CHROME),
    ("Mozilla/5.0 (X11; ", ("Linux x86_64",), ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36", _CHROME),
    ("Mozilla/5.0 (Windows NT ", ("10.0",), "; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36 Edg/{v}.0.0.0", _CHROME),
    ("Mozilla/5.0 (iPad; CPU OS ", ("17_6_1", "18_5", "18_6"), " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v}.0 Mobile/15E148 Safari/604.1", _SAFARI),
    ("Mozilla/5.0 (X11; ", ("Ubuntu; Linux x86_64", "Linux x86_64"), "; rv:{v}.0) Gecko/20100101 Firefox/{v}.0", _FIREFOX),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X ", ("10_15_7",), ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36", _CHROME),
    ("Mozilla/5.0 (Android ", ("13", "14", "15", "16"), "; Mobile; rv:{v}.0) Gecko/{v}.0 Firefox/{v}.0", _FIREFOX),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X ", ("10_15_7",), ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36 Edg/{v}.0.0.0", _CHROME),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X ", ("10.15",), "; rv:{v}.0) Gecko/20100101 Firefox/{v}.0", _FIREFOX),
)
USER_AGENT_WEIGHTS = (20, 12, 8, 15, 14, 5, 8, 4, 3, 8, 2, 2, 2)

# Fragments for template text that reads naturally without an LLM.
SENTENCE_SUBJECTS = ("The team", "Our customer", "The new system", "This update", "The manager",
                     "The report", "A recent survey", "The project", "Each department", "The service",
                     "The client", "Our partner", "The committee", "The latest release", "The vendor")
SENTENCE_VERBS = ("improved", "reviewed", "delivered", "simplified", "expanded", "highlighted",
                  "streamlined", "tracked", "supported", "confirmed", "reduced", "requested",
                  "approved", "updated", "measured")
SENTENCE_OBJECTS = ("the onboarding process", "monthly sales figures", "the quarterly budget",
                    "customer feedback", "delivery times", "the product roadmap", "support tickets",
                    "the billing workflow", "inventory levels", "the training plan", "account security",
                    "the pricing model", "data quality", "the shipping schedule", "user engagement")
SENTENCE_ENDINGS = ("last week", "ahead of schedule", "with clear results", "across all regions",
                    "for the second time", "without major issues", "after a short delay",
                    "in close cooperation", "as planned", "earlier this month", "at lower cost",
                    "for every new account", "during the pilot", "with positive feedback",
                    "before the deadline")

LOREM_WORDS = ("alpha", "river", "stone", "harbor", "meadow", "silver", "copper", "summit", "forest",
               "signal", "orbit", "canvas", "ember", "falcon", "garden", "island", "jasper", "lantern",
               "marble", "nectar", "ocean", "pepper", "quartz", "raven", "saffron", "timber", "velvet",
               "willow", "amber", "breeze", "cobalt", "delta", "echo", "fable", "glacier", "horizon")


@lru_cache(maxsize=1)
def lorem_words() -> pa.Array:
    """Faker's English word list (971 words) without repeats or one- and two-letter words."""
    words = faker_lists("providers", "lorem", "en_US").get("word_list") or LOREM_WORDS
    return pa.array(list(dict.fromkeys(w for w in words if isinstance(w, str) and w.isalpha() and len(w) > 2)))


@lru_cache(maxsize=1)
def color_names() -> pa.Array:
    """Faker's 140 colour names, lower-case and spaced ('alice blue')."""
    from src.engine.data.things import faker_pool

    return pa.array([c.lower() for c in faker_pool("all_colors")] or list(COLORS))
