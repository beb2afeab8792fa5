"""Which name comes first in a locale's full name, read from Faker's own person formats.

Hungarian writes 'Kiss Anita' (family name first) as do Japanese, Chinese and Korean; most locales write
the given name first. The order and the text between the two names (' ' or '' for 王伟) are what most
of the locale's `formats`/`formats_male`/`formats_female` say (kana and romanized formats aside).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_FORMAT_KEYS = ("formats", "formats_male", "formats_female")
_FAMILY = re.compile(r"\{\{last_name[a-z_]*\}\}")
_GIVEN = re.compile(r"\{\{first_name[a-z_]*\}\}")


def format_order(formats) -> tuple[bool, str] | None:
    """(family name first, joiner) that most of ``formats`` use, or None when they name neither."""
    votes: Counter = Counter()
    for text in formats:
        family, given = _FAMILY.search(text), _GIVEN.search(text)
        if family is None or given is None:
            continue
        if family.start() < given.start():
            votes[(True, text[family.end():given.start()])] += 1
        else:
            votes[(False, " ")] += 1
    if not votes:
        return None
    family_first = sum(n for (first, _), n in votes.items() if first) > sum(
        n for (first, _), n in votes.items() if not first)
    joiners = Counter({joiner: n for (first, joiner), n in votes.items() if first == family_first})
    joiner = joiners.most_common(1)[0][0]
    return family_first, joiner if joiner in ("", " ") else " "


@lru_cache(maxsize=None)
def faker_name_order(locale: str) -> tuple[bool, str] | None:
    """The locale's name order from Faker's person formats (None when its provider has none)."""
    from src.engine.vocab import faker_lists

    lists = faker_lists("providers", "person", locale)
    formats = [text for key in _FORMAT_KEYS for text in (lists.get(key) or ()) if isinstance(text, str)]
    return format_order(formats)
