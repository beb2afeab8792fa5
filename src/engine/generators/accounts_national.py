"""Bank accounts of countries without IBANs, for a non-nullable `iban` column's rows there: each
country's own form, with its check digit where the form has one (US ABA routing number, Mexican CLABE,
Chinese UnionPay card's Luhn digit). A country with none listed gets a 12-digit account number.

Templates: '#' a random digit, anything else written as is (bank codes, separators); one template of
the country's list is picked per row.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from src.engine import strings

# country: (templates, check rule over the digits of the whole value or None)
ACCOUNT_FORMS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "US": (tuple(f"{d:02d}####### ##########" for d in range(1, 13)), "aba"),  # routing (Fed district) + account
    "CA": (tuple(f"#####-{bank}-#######" for bank in ("001", "002", "003", "004", "006", "010")), None),
    "AU": (("0##-### ########", "3##-### #########", "06#-### ########", "08#-### #########"), None),  # BSB + account
    "NZ": (tuple(f"{bank}-####-#######-0#" for bank in ("01", "02", "03", "06", "12", "38")), None),
    "JP": (tuple(f"{bank}-###-#######" for bank in ("0001", "0005", "0009", "0010", "0017")), None),
    "KR": (("###-###-######", "###-######-#####", "###-####-####-##", "###-##-######-#"), None),
    "CN": (("62#################",), "luhn"),  # UnionPay card, 19 digits
    "IN": (("SBIN0###### ###########", "HDFC0###### ##############", "ICIC0###### ############",
            "UTIB0###### ###############", "PUNB0###### ################"), None),  # IFSC + account
    "MX": (tuple(f"{bank}###############" for bank in ("002", "012", "014", "021", "072", "127")), "clabe"),
    "SG": (("###-######-#", "###-#####-###"), None),
    "HK": (("###-######-###", "###-###-######"), None),
    "MY": (("############", "##########"), None),
    "PH": (("####-####-##", "############"), None),
    "TH": (("###-#-#####-#",), None),
    "ID": (("##########", "###-###-####"), None),
    "NG": (("##########",), None),  # NUBAN
    "ZA": (("##########", "###########"), None),
    "AR": (("0##0####################",), None),  # CBU, 22 digits
    "CL": (("########", "##-#####-##"), None),
    "CO": (("###-######-##",), None),
    "TW": (("###-####-#######",), None),
    "VN": (("#############", "##########"), None),
}
_FALLBACK = (("############",), None)


def national_accounts(codes: list[str], country: np.ndarray, rows: np.ndarray, rng) -> tuple[list, list]:
    """(parts, row order) of accounts for ``rows`` (positions in the chunk), ``country`` being every
    row's country index and ``codes`` each index's ISO code."""
    parts, order = [], []
    pick = rng.bits(60)
    digit_bits = (rng.bits(61), rng.bits(62), rng.bits(63))
    for index in np.unique(country[rows]):
        group = rows[country[rows] == index]
        templates, rule = ACCOUNT_FORMS.get(codes[index], _FALLBACK)
        which = (pick[group] % np.uint64(len(templates))).astype(np.int64)
        for t, template in enumerate(templates):
            chosen = group[which == t]
            if len(chosen):
                parts.append(_fill(template, rule, [b[chosen] for b in digit_bits]))
                order.append(chosen)
    return parts, order


def _fill(template: str, rule: str | None, bits: list[np.ndarray]) -> pa.Array:
    """The template's strings for these rows: random digits at '#', then the rule's check digit."""
    n = len(bits[0])
    mat = np.frombuffer(template.encode(), dtype=np.uint8)[None, :].repeat(n, axis=0)
    free = [i for i, ch in enumerate(template) if ch == "#"]
    for k, pos in enumerate(free):  # 19 decimal digits per 64 random bits
        word = bits[k // 19] // np.uint64(10 ** (k % 19))
        mat[:, pos] = (word % np.uint64(10)).astype(np.uint8) + ord("0")
    if rule is not None:
        places = [i for i, ch in enumerate(template) if ch.isdigit() or ch == "#"]
        _CHECKS[rule](mat, places)
    return strings.strings_from_byte_matrix(mat)


def _aba(mat: np.ndarray, places: list[int]) -> None:
    """ABA routing number: 3, 7, 1 weights over its nine digits sum to a multiple of 10."""
    d = mat[:, places[:9]].astype(np.int64) - ord("0")
    total = 3 * (d[:, 0] + d[:, 3] + d[:, 6]) + 7 * (d[:, 1] + d[:, 4] + d[:, 7]) + d[:, 2] + d[:, 5]
    mat[:, places[8]] = ((10 - total % 10) % 10).astype(np.uint8) + ord("0")


def _luhn(mat: np.ndarray, places: list[int]) -> None:
    """Card number: the Luhn check digit last."""
    d = mat[:, places[:-1]].astype(np.int64) - ord("0")
    doubled = d[:, ::-1].copy()
    doubled[:, 0::2] *= 2
    doubled[doubled > 9] -= 9
    mat[:, places[-1]] = ((10 - doubled.sum(axis=1) % 10) % 10).astype(np.uint8) + ord("0")


def _clabe(mat: np.ndarray, places: list[int]) -> None:
    """Mexican CLABE: weights 3, 7, 1 over the first 17 digits (each product mod 10), check last."""
    d = mat[:, places[:17]].astype(np.int64) - ord("0")
    weights = np.resize(np.array([3, 7, 1]), 17)
    total = ((d * weights) % 10).sum(axis=1)
    mat[:, places[17]] = ((10 - total % 10) % 10).astype(np.uint8) + ord("0")


_CHECKS = {"aba": _aba, "luhn": _luhn, "clabe": _clabe}
