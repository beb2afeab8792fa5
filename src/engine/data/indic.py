"""Latin spellings of names in the Brahmic scripts of India and its neighbours (Devanagari, Bengali,
Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam), as names are usually romanized there:
a consonant carries its inherent vowel unless a vowel sign or virama follows (रामचंद्र -> ramchandra),
च is 'ch' and श/ष 'sh'; in the northern scripts a word's last consonant drops it (सुरेश -> suresh,
कमल -> kamal), in the southern ones it keeps it (శ్రీనివాస -> srinivasa).

Letters are read from their Unicode names ('DEVANAGARI LETTER KHA' -> 'kh'), so no table per script.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_SCRIPTS = ("DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM")
_FINAL_SCHWA_DROPPED = {"DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA"}
# Consonants whose name is not the usual spelling plus 'a'.
_CONSONANTS = {"CA": "ch", "CHA": "chh", "SHA": "sh", "SSA": "sh", "TTA": "t", "TTHA": "th", "DDA": "d",
               "DDHA": "dh", "NNA": "n", "NNNA": "n", "LLA": "l", "LLLA": "zh", "RRA": "r", "NYA": "ny",
               "NGA": "ng", "DDDHA": "r", "RHA": "rh", "YYA": "y", "VA": "v", "JNYA": "gy"}
_VOWELS = {"A": "a", "AA": "a", "I": "i", "II": "i", "U": "u", "UU": "u", "E": "e", "EE": "e", "AI": "ai",
           "O": "o", "OO": "o", "AU": "au", "VOCALIC R": "ri", "VOCALIC RR": "ri", "VOCALIC L": "li",
           "SHORT E": "e", "SHORT O": "o", "CANDRA E": "e", "CANDRA O": "o", "AU LENGTH MARK": "u"}
_LABIALS = ("p", "b", "m")


@lru_cache(maxsize=4096)
def _letter(char: str) -> tuple[str, str, str]:
    """(script, role, Latin) of a character: role 'c' consonant, 'v' vowel, 's' vowel sign,
    'x' virama, 'n' nasal mark, 'h' visarga, '' anything else."""
    name = unicodedata.name(char, "")
    script = next((s for s in _SCRIPTS if name.startswith(s + " ")), "")
    if not script:
        return "", "", char
    rest = name[len(script) + 1:]
    if rest.startswith("VOWEL SIGN "):
        return script, "s", _VOWELS.get(rest[11:], "")
    if rest.startswith("LETTER CHILLU "):  # Malayalam's vowelless final consonants
        return script, "c0", rest[14:].lower()[:1]
    if rest.startswith("LETTER "):
        letter = rest[7:]
        if letter in _VOWELS:
            return script, "v", _VOWELS[letter]
        if letter in _CONSONANTS:
            return script, "c", _CONSONANTS[letter]
        return script, "c", letter.lower()[:-1] if letter.endswith("A") else letter.lower()
    if rest in ("SIGN VIRAMA", "SIGN HALANT", "AU LENGTH MARK") or rest.startswith("SIGN NUKTA"):
        return script, "x", ""
    if rest in ("SIGN ANUSVARA", "SIGN CANDRABINDU", "ADDAK", "SIGN TIPPI"):
        return script, "n", "n"
    if rest == "SIGN VISARGA":
        return script, "h", "h"
    return script, "", ""


def is_indic(char: str) -> bool:
    return bool(_letter(char)[0])


_NUKTA = {"k": "q", "kh": "kh", "g": "gh", "j": "z", "ph": "f", "d": "r", "dh": "rh"}


def romanize_indic(word: str) -> str:
    """A Latin spelling of one word in a Brahmic script (other characters are kept as they are)."""
    units: list[list] = []  # [latin, role, vowel or None (None: the inherent vowel, undecided)]
    script = ""
    for ch in word:
        sc, role, latin = _letter(ch)
        script = script or sc
        if role == "x" and units and units[-1][1] == "c" and unicodedata.name(ch, "").endswith("NUKTA"):
            units[-1][0] = _NUKTA.get(units[-1][0], units[-1][0])
        elif role in ("s", "x") and units and units[-1][1] == "c" and units[-1][2] is None:
            units[-1][2] = latin
        elif role == "c":
            units.append([latin, "c", None])
        elif role == "c0":
            units.append([latin, "c", ""])
        else:
            units.append([latin, role or "o", ""])
    northern = script in _FINAL_SCHWA_DROPPED
    consonants = [k for k, u in enumerate(units) if u[1] == "c"]
    if northern and units and units[-1][1] == "c" and units[-1][2] is None:
        clustered = len(units) > 1 and units[-2][1] == "c" and units[-2][2] == ""
        units[-1][2] = "a" if clustered else ""  # चंद्र keeps its 'a', कमल drops it
    if northern:  # schwa syncope, right to left: a vowel, C(a), C + vowel -> the 'a' goes (kamala -> kamla)
        for k in reversed(consonants[1:-1]):
            prev, nxt = units[k - 1], units[k + 1]
            if units[k][2] is None and prev[1] in ("c", "v") and prev[2] != "" \
                    and nxt[1] == "c" and nxt[2] != "":
                units[k][2] = ""
    out = []
    for k, (latin, role, vowel) in enumerate(units):
        if role == "n":  # anusvara: 'm' before p/b/m, else 'n'
            following = next((u[0] for u in units[k + 1:] if u[1] == "c"), "")
            out.append("m" if following.startswith(_LABIALS) else "n")
        else:
            out.append(latin + ("a" if vowel is None else vowel))
    return "".join(out)
