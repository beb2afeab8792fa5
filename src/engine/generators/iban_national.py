"""National parts of IBANs that a random BBAN would get wrong: real bank codes that vary (NL, GB, IE,
not always ABNA), Italy's CIN check letter, and the Spanish and French national check digits, so an
IBAN passes the country's own validation as well as ISO 13616's mod 97.

Each function works on a whole group of rows at once: `digits` is the (rows, width) matrix of the
BBAN's digits (0-9) after the bank letters; it is changed in place where check digits sit.
"""

from __future__ import annotations

import numpy as np

# Bank identifiers of the largest banks (BIC's first four letters), as written in the BBAN.
BANK_CODES = {
    "NL": ("ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB", "FVLB"),
    "GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "RBOS", "SCBL"),
    "IE": ("AIBK", "BOFI", "IPBS", "ULSB"),
}
# Italy's CIN: the value of each character at an odd (1st, 3rd, ...) position of ABI+CAB+account.
_CIN_ODD = np.array([1, 0, 5, 7, 9, 13, 15, 17, 19, 21])
_ES_WEIGHTS = np.array([1, 2, 4, 8, 5, 10, 9, 7, 3, 6])


def bank_letters(country: str, fixed: str, digits: np.ndarray, pick: np.ndarray) -> np.ndarray:
    """(rows, k) ASCII letters before the digits: a varied bank code, Italy's CIN, or `fixed`."""
    n = digits.shape[0]
    if country in BANK_CODES:
        codes = np.frombuffer("".join(BANK_CODES[country]).encode(), dtype=np.uint8).reshape(-1, 4)
        return codes[pick % len(codes)]
    if country in ("IT", "SM"):  # CIN over ABI (5) + CAB (5) + account (12)
        odd = _CIN_ODD[digits[:, 0::2]].sum(axis=1)
        even = digits[:, 1::2].sum(axis=1)
        return ((odd + even) % 26 + ord("A")).astype(np.uint8).reshape(n, 1)
    return np.broadcast_to(np.frombuffer(fixed.encode(), dtype=np.uint8), (n, len(fixed)))


def fix_national_checks(country: str, digits: np.ndarray) -> None:
    """Write the national check digits into `digits` (ES: DC of bank+branch and of account; FR: RIB key)."""
    if country == "ES":  # bank(4) branch(4) DC(2) account(10)
        digits[:, 8] = _es_check(np.concatenate([np.zeros((len(digits), 2), np.int64), digits[:, :8]], axis=1))
        digits[:, 9] = _es_check(digits[:, 10:20])
    elif country == "FR":  # bank(5) branch(5) account(11) key(2): 97 - (89 bank + 15 branch + 3 account) mod 97
        bank, branch, account = (_number_mod97(digits[:, a:b]) for a, b in ((0, 5), (5, 10), (10, 21)))
        key = 97 - (89 * bank + 15 * branch + 3 * account) % 97
        digits[:, 21], digits[:, 22] = key // 10, key % 10


def _es_check(block: np.ndarray) -> np.ndarray:
    value = 11 - (block * _ES_WEIGHTS).sum(axis=1) % 11
    return np.where(value == 11, 0, np.where(value == 10, 1, value))


def _number_mod97(block: np.ndarray) -> np.ndarray:
    remainder = np.zeros(len(block), dtype=np.int64)
    for i in range(block.shape[1]):
        remainder = (remainder * 10 + block[:, i]) % 97
    return remainder
