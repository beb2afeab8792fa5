"""Nicknames from the row's own first name ('Daniel' -> 'Danny', 'Margaret' -> 'Maggie') and short
uppercase codes for `string` columns named like a code ('code', 'item_code': 'KTR-4821')."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa

from src.engine import strings
from src.engine.context import ChunkContext, FieldPlan
from src.engine.generators.templated import fill_templates
from src.engine.rng import permute_index

# Common English diminutives; other names are shortened to their first syllable (see _shorten).
DIMINUTIVES = {
    "Alexander": "Alex", "Alexandra": "Alex", "Andrew": "Andy", "Anthony": "Tony", "Benjamin": "Ben",
    "Catherine": "Cathy", "Charles": "Charlie", "Christina": "Tina", "Christine": "Chris", "Christopher": "Chris",
    "Cynthia": "Cindy", "Daniel": "Danny", "David": "Dave", "Deborah": "Debbie", "Donald": "Don",
    "Dorothy": "Dot", "Edward": "Ed", "Elizabeth": "Liz", "Frederick": "Fred", "Gregory": "Greg",
    "Isabel": "Izzy", "Isabella": "Bella", "Jacob": "Jake", "James": "Jim", "Jennifer": "Jen",
    "Jessica": "Jess", "John": "Johnny", "Jonathan": "Jon", "Joseph": "Joe", "Joshua": "Josh",
    "Katherine": "Kate", "Kathleen": "Kathy", "Kenneth": "Ken", "Kimberly": "Kim", "Lawrence": "Larry",
    "Margaret": "Maggie", "Matthew": "Matt", "Michael": "Mike", "Michelle": "Shelly", "Nicholas": "Nick",
    "Nicole": "Nikki", "Pamela": "Pam", "Patricia": "Patty", "Patrick": "Pat", "Peter": "Pete",
    "Rebecca": "Becky", "Richard": "Rick", "Robert": "Bob", "Ronald": "Ron", "Samantha": "Sam",
    "Samuel": "Sam", "Stephanie": "Steph", "Stephen": "Steve", "Steven": "Steve", "Susan": "Sue",
    "Theodore": "Ted", "Thomas": "Tom", "Timothy": "Tim", "Victoria": "Vicky", "William": "Will",
    "Zachary": "Zach", "Abigail": "Abby", "Barbara": "Barb", "Jacqueline": "Jackie", "Gabriel": "Gabe",
    "Nathaniel": "Nate", "Nathan": "Nate", "Maximilian": "Max", "Madeline": "Maddie", "Rachel": "Rach",
    "Amanda": "Mandy", "Melissa": "Mel", "Jeffrey": "Jeff", "Gerald": "Gerry", "Raymond": "Ray",
    "Douglas": "Doug", "Albert": "Al", "Alfred": "Alf", "Beverly": "Bev", "Cassandra": "Cassie",
    "Christian": "Chris", "Danielle": "Dani", "Eleanor": "Ellie", "Emily": "Em", "Frances": "Fran",
    "Francis": "Frank", "Harold": "Harry", "Henry": "Hank", "Jacquelyn": "Jackie", "Joanne": "Jo",
    "Katelyn": "Katie", "Leonard": "Leo", "Lillian": "Lily", "Mitchell": "Mitch", "Phillip": "Phil",
    "Philip": "Phil", "Randall": "Randy", "Russell": "Russ", "Sandra": "Sandy", "Teresa": "Terry",
    "Theresa": "Tess", "Valerie": "Val", "Vincent": "Vince", "Walter": "Walt", "Wesley": "Wes",
}
_VOWELS = set("aeiouyAEIOUYáéíóúàèìòùäëïöüâêîôû")


def _shorten(name: str) -> str:
    """A long name's first syllable, as friends clip it ('Brandon' -> 'Bran'); short names and names
    outside Latin letters stay whole."""
    if name in DIMINUTIVES:
        return DIMINUTIVES[name]
    if len(name) < 7 or name.endswith(("y", "ie")) or not all(c.isalpha() and c.isascii() for c in name):
        return name  # 'Laura', 'Johnny', 'Noah': already what friends call them
    for i in range(1, len(name) - 1):  # end after the first consonant that follows a vowel
        if name[i - 1] in _VOWELS and name[i] not in _VOWELS:
            return name[:i + 1] if i + 1 >= 3 else name[:3]
    return name


@lru_cache(maxsize=64)
def _nicknames(first_names: tuple[str, ...]) -> pa.Array:
    return pa.array([_shorten(n) for n in first_names], pa.string())


def gen_nickname(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    person = ctx.person(fp.options.get("person", ""))
    pool = _nicknames(tuple(person.pools.first.to_pylist()))
    return strings.take(pool, person.first_idx)


# Uppercase codes: letters and digits in the shapes order, booking and item codes take.
_CODE_SHAPES = ("@@@-####", "@@-######", "@@@####", "@@@@-##", "@#@-#@#@")
_UNIQUE_SHAPES = ("@@@-######", "@@-######", "@@@######")  # room for a 6-digit serial
CODE_CAPACITY = 10**6


def gen_short_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    shapes = _UNIQUE_SHAPES if fp.unique else _CODE_SHAPES
    which = rng.choice(len(shapes), stream=1)
    serial = permute_index(ctx.rows, CODE_CAPACITY, fp.key) if fp.unique else None
    return fill_templates(shapes, which, rng, serial=serial, serial_digits=6 if fp.unique else 0)
