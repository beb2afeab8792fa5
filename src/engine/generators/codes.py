"""Identifiers, finance numbers with valid check digits, and internet values."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab
from src.engine.context import ChunkContext, FieldPlan
from src.engine.generators import accounts_national, iban_national
from src.engine.rng import permute_index, scramble_index

_UUID_DASHES = (8, 13, 18, 23)
_UUID_GROUPS = ((0, 0, 4), (9, 4, 6), (14, 6, 8), (19, 8, 10), (24, 10, 16))  # (column, bytes first:last)


def gen_uuid(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """Version-4 UUIDs. The low 62 bits are a keyed bijection of the row index: never a repeat."""
    rng = ctx.rng(fp)
    high = rng.bits(0)
    high = (high & np.uint64(0xFFFFFFFFFFFF0FFF)) | np.uint64(0x0000000000004000)
    low = scramble_index(ctx.rows, 62, fp.key) | np.uint64(0x8000000000000000)
    both = np.empty((ctx.n, 2), dtype=">u8")
    both[:, 0], both[:, 1] = high, low
    raw = both.view(np.uint8).reshape(ctx.n, 16)
    # Each byte's two hex digits go straight into the 36 columns (a 2-byte view of each group):
    # no 32-column hex matrix to copy from.
    mat = np.empty((ctx.n, 36), dtype=np.uint8)
    mat[:, list(_UUID_DASHES)] = ord("-")
    for column, first, last in _UUID_GROUPS:
        strings.write_hex_pairs(mat[:, column:column + 2 * (last - first)], raw[:, first:last])
    return strings.strings_from_byte_matrix(mat)


def gen_code(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """Codes from the field's pattern (default: SKU-like 'ABC-12345')."""
    pattern = fp.pattern
    if fp.unique:
        count = pattern.count()
        if count is None:  # more than 2**63 strings: a 63-bit bijection of the row index suffices
            return pattern.generate_unique(scramble_index(ctx.rows, 63, fp.key))
        return pattern.generate_unique(permute_index(ctx.rows, count, fp.key))
    return pattern.generate(ctx.rng(fp))


def _luhn_check_digit(body: np.ndarray) -> np.ndarray:
    """Check digit for each row of a digit matrix (values 0-9) so the full number passes Luhn."""
    total = np.zeros(body.shape[0], dtype=np.int64)
    width = body.shape[1]
    for i in range(width):
        d = body[:, width - 1 - i].astype(np.int64)
        if i % 2 == 0:  # doubled positions, counted from the digit left of the check digit
            d = d * 2
            d = np.where(d > 9, d - 9, d)
        total += d
    return (10 - total % 10) % 10


def gen_credit_card_number(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    n = ctx.n
    brand = rng.choice(3, [55, 35, 10], stream=0)  # Visa, Mastercard, Amex
    digits = np.stack([rng.integers(0, 9, stream=10 + i) for i in range(15)], axis=1)
    digits[:, 0] = np.where(brand == 0, 4, np.where(brand == 1, 5, 3))
    digits[:, 1] = np.where(brand == 1, rng.integers(1, 5, stream=2),
                            np.where(brand == 2, np.where(rng.bernoulli(0.5, stream=3), 4, 7), digits[:, 1]))
    out = pa.nulls(n, pa.string())
    for length, mask in ((16, brand != 2), (15, brand == 2)):
        if not mask.any():
            continue
        part = digits[:, : length - 1]
        check = _luhn_check_digit(part)
        mat = np.concatenate([part, check[:, None]], axis=1).astype(np.uint8) + ord("0")
        out = pc.if_else(pa.array(mask), strings.strings_from_byte_matrix(mat), out)
    return out


def gen_account_number(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    lo = fp.c.min_length or 10
    hi = fp.c.max_length or max(lo, 12)
    lengths = rng.integers(lo, hi, stream=0)
    digits = np.stack([rng.integers(0, 9, stream=10 + i) for i in range(hi)], axis=1)
    digits[:, 0] = rng.integers(1, 9, stream=1)
    if fp.unique:
        # The last 9 digits spell a permutation of the row index: distinct for up to 10^9 rows.
        serial = permute_index(ctx.rows, 10 ** min(lo - 1, 9), fp.key)
        width = min(lo - 1, 9)
        tail = strings.digit_matrix(serial, width) - ord("0")
        for row_len in np.unique(lengths):
            mask = lengths == row_len
            digits[mask, row_len - width:row_len] = tail[mask]
    mat = digits.astype(np.uint8) + ord("0")
    full = strings.strings_from_byte_matrix(mat)
    if lo == hi:
        return full
    out = full
    for row_len in np.unique(lengths):
        out = pc.if_else(pa.array(lengths == row_len), pc.utf8_slice_codeunits(full, 0, int(row_len)), out)
    return out


# (country, bank letters, digits after them): the first six are the mix for rows without a country.
_IBAN_FORMATS = (("DE", "", 18), ("FR", "", 23), ("ES", "", 20), ("NL", "ABNA", 10), ("GB", "NWBK", 14),
                 ("IT", "X", 22), ("AT", "", 16), ("BE", "", 12), ("CH", "", 17), ("PT", "", 21), ("PL", "", 24),
                 ("SE", "", 20), ("DK", "", 14), ("NO", "", 11), ("FI", "", 14), ("IE", "AIBK", 14),
                 ("LU", "", 16), ("CZ", "", 20), ("HU", "", 24), ("GR", "", 23), ("TR", "", 22), ("SA", "", 20),
                 ("AE", "", 19), ("SK", "", 20), ("SI", "", 15), ("HR", "", 17), ("BG", "BNBG", 14),
                 ("RO", "RNCB", 16), ("LT", "", 16), ("LV", "HABA", 13), ("EE", "", 16), ("IL", "", 19),
                 # the rest of the SWIFT IBAN registry: (country, bank letters where its BBAN starts with
                 # letters, digits after them) so the IBAN has the country's length
                 ("AD", "", 20), ("AL", "", 24), ("AZ", "NABZ", 20), ("BA", "", 16), ("BH", "NBOB", 14),
                 ("BI", "", 23), ("BR", "", 25), ("BY", "NBRB", 20), ("CR", "", 18), ("CY", "", 24),
                 ("DJ", "", 23), ("DO", "BAGR", 20), ("EG", "", 25), ("FK", "SC", 12), ("FO", "", 14),
                 ("GE", "NB", 16), ("GI", "NWBK", 15), ("GL", "", 14), ("GT", "TRAJ", 20), ("IQ", "NBIQ", 15),
                 ("IS", "", 22), ("JO", "CBJO", 22), ("KW", "CBKU", 22), ("KZ", "", 16), ("LB", "", 24),
                 ("LC", "HEMM", 24), ("LI", "", 17), ("LY", "", 21), ("MC", "", 23), ("MD", "AG", 18),
                 ("ME", "", 18), ("MK", "", 15), ("MN", "", 16), ("MR", "", 23), ("MT", "MALT", 23),
                 ("MU", "BOMM", 22), ("NI", "BAPR", 20), ("OM", "", 19), ("PK", "SCBL", 16), ("PS", "PALS", 21),
                 ("QA", "QNBA", 21), ("RS", "", 18), ("RU", "", 29), ("SC", "SSCB", 23), ("SD", "", 14),
                 ("SM", "X", 22), ("SO", "", 19), ("ST", "", 21), ("SV", "CENR", 20), ("TL", "", 19),
                 ("TN", "", 20), ("UA", "", 25), ("VA", "", 18), ("VG", "VPVG", 16), ("XK", "", 16),
                 ("YE", "CBYE", 22))
_IBAN_MIX = 6
# Territories whose banks write the IBAN of the country they belong to.
_IBAN_OF_TERRITORY = {**dict.fromkeys(("GF", "GP", "MQ", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"), "FR"),
                      **dict.fromkeys(("GG", "JE", "IM"), "GB"), "AX": "FI", "SJ": "NO"}


@lru_cache(maxsize=1)
def _iban_format_of_country() -> np.ndarray:
    index = {code: i for i, (code, _, _) in enumerate(_IBAN_FORMATS)}
    return np.array([index.get(_IBAN_OF_TERRITORY.get(c.code, c.code), -1) for c in vocab.COUNTRIES])


@lru_cache(maxsize=1)
def _country_codes() -> list[str]:
    return [c.code for c in vocab.COUNTRIES]


def _letters_to_digits(text: str) -> str:
    return "".join(str(ord(ch) - 55) if ch.isalpha() else ch for ch in text)


def gen_iban(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """IBANs of the row's country (any of the registry's) with correct ISO 13616 mod-97 check digits."""
    rng = ctx.rng(fp)
    which = rng.choice(_IBAN_MIX, stream=0)
    none = national = None
    if fp.options.get("from_country"):  # the row's own country where it uses IBANs
        row_country = ctx.location().country
        own = _iban_format_of_country()[row_country]
        # A country without IBANs (US, JP, CN, IN ...): a nullable field leaves those rows empty; one
        # that must always hold a value gets the country's own account form (accounts_national.py).
        which = np.where(own >= 0, own, which if fp.c.nullable else -1)
        none = own < 0 if fp.c.nullable else None
        national = None if fp.c.nullable else np.flatnonzero(own < 0)
    widest = max(width for _, _, width in _IBAN_FORMATS)
    all_digits = np.stack([rng.integers(0, 9, stream=10 + i) for i in range(widest)], axis=1)
    bank_pick = rng.bits(40)
    parts, order = [], []
    if national is not None and len(national):
        parts, order = accounts_national.national_accounts(_country_codes(), row_country, national, rng)
    for index in np.unique(which[which >= 0]):
        country, bank, width = _IBAN_FORMATS[index]
        rows = np.flatnonzero(which == index)
        digits = all_digits[rows, :width].copy()
        iban_national.fix_national_checks(country, digits)
        letters = iban_national.bank_letters(country, bank, digits, bank_pick[rows])
        # mod 97 of: bank letters(as digits) + digits + country(as digits) + "00"
        remainder = np.zeros(len(rows), dtype=np.int64)
        for i in range(letters.shape[1]):
            remainder = (remainder * 100 + letters[:, i].astype(np.int64) - 55) % 97
        for i in range(width):
            remainder = (remainder * 10 + digits[:, i]) % 97
        for ch in _letters_to_digits(country) + "00":
            remainder = (remainder * 10 + int(ch)) % 97
        mat = np.concatenate([strings.literal_matrix(country, len(rows)), strings.digit_matrix(98 - remainder, 2),
                              letters, digits.astype(np.uint8) + ord("0")], axis=1)
        parts.append(strings.strings_from_byte_matrix(mat))
        order.append(rows)
    out = strings.scatter(parts, order, ctx.n)
    if fp.options.get("from_country") and none is not None and none.any():
        out = pc.if_else(pa.array(none), pa.nulls(ctx.n, pa.string()), out)
    return out


def gen_ipv4(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    octets = [strings.int_strings(rng.integers(1, 223, stream=0))]
    octets += [strings.int_strings(rng.integers(0, 255, stream=i)) for i in (1, 2)]
    octets.append(strings.int_strings(rng.integers(1, 254, stream=3)))
    return strings.join(*octets, sep=".")


def _grouped(hexes: np.ndarray, group: int) -> pa.Array:
    """Hex digits in colon-separated groups of ``group`` characters (ab12:cd34:..., AB:CD:...)."""
    colon = np.full((hexes.shape[0], 1), ord(":"), dtype=np.uint8)
    parts = []
    for i in range(hexes.shape[1] // group):
        if i:
            parts.append(colon)
        parts.append(hexes[:, i * group:(i + 1) * group])
    return strings.strings_from_byte_matrix(np.concatenate(parts, axis=1))


def gen_ipv6(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    return _grouped(np.concatenate([strings.hex_matrix(rng.bits(0), 16), strings.hex_matrix(rng.bits(1), 16)],
                                   axis=1), 4)


def gen_mac_address(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    return _grouped(strings.hex_matrix(ctx.rng(fp).bits(0), 12, upper=True), 2)


def gen_domain(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    words = pa.array(list(vocab.WEB_WORDS))
    tlds = pa.array(list(vocab.TLDS))
    first = strings.take(words, rng.choice(len(words), stream=0))
    second = strings.take(words, rng.choice(len(words), stream=1))
    tld = strings.take(tlds, rng.choice(len(tlds), stream=2))
    return strings.join(strings.join(first, second), tld, sep=".")


def gen_url(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    domain = gen_domain(fp, ctx)
    paths = pa.array(list(vocab.URL_PATHS))
    path = strings.take(paths, rng.choice(len(paths), stream=5))
    www = pc.if_else(pa.array(rng.bernoulli(0.5, stream=6)), pa.scalar("https://www."), pa.scalar("https://"))
    return strings.join(strings.join(www, domain), path, sep="/")


def gen_user_agent(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """Real browser user agents with the OS token and browser version varied per row (the same
    version wherever an agent repeats it: Firefox's rv:, Edge's Chrome/)."""
    rng = ctx.rng(fp)
    templates = vocab.USER_AGENT_TEMPLATES
    which = rng.choice(len(templates), vocab.USER_AGENT_WEIGHTS, stream=0)
    os_pool = pa.array([os for t in templates for os in t[1]])
    os_start = np.cumsum([0] + [len(t[1]) for t in templates])[:-1]
    os_count = np.array([len(t[1]) for t in templates])
    os_pick = os_start[which] + np.floor(rng.uniform(2) * os_count[which]).astype(np.int64)
    v_pool = np.array([v for t in templates for v in t[3]])
    v_start = np.cumsum([0] + [len(t[3]) for t in templates])[:-1]
    v_count = np.array([len(t[3]) for t in templates])
    version = strings.int_strings(v_pool[v_start[which] + np.floor(rng.uniform(1) * v_count[which]).astype(np.int64)])
    parts, order = [], []
    for k, (head, _, rest, _) in enumerate(templates):
        rows = np.flatnonzero(which == k)
        if not len(rows):
            continue
        idx = pa.array(rows)
        v, os_token = version.take(idx), strings.take(os_pool, os_pick[rows])
        pieces = rest.split("{v}")
        joined = [head, os_token, pieces[0]]
        for piece in pieces[1:]:
            joined += [v, piece]
        parts.append(strings.join(*[p for p in joined if not isinstance(p, str) or p]))
        order.append(rows)
    return strings.scatter(parts, order, ctx.n) if parts else pa.array([], pa.string())


@lru_cache(maxsize=1)
def _color_pool() -> tuple[pa.Array, np.ndarray]:
    """The basic colours, then Faker's 140 others ('alice blue'); weights give the basic 18 70% of
    rows (a product is black or navy far more often than papaya whip)."""
    basic = list(vocab.COLORS)
    names = basic + [c for c in vocab.color_names().to_pylist() if c not in basic]
    weights = np.where(np.arange(len(names)) < len(basic), 0.7 / len(basic), 0.3 / max(len(names) - len(basic), 1))
    return pa.array(names), weights


def gen_color(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    pool, weights = _color_pool()
    return strings.take(pool, ctx.rng(fp).choice(len(pool), weights))
