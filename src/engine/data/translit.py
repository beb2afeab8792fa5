"""Latin spellings of names as people of a locale write them in emails, where one table for every
language (names.romanize) spells them wrong: German umlauts (Müller -> mueller), Ukrainian by the
national KMU 2010 system (Григорій -> hryhorii, not Russian 'grigoriy'), Korean by Revised
Romanization with surnames as people write them (김 -> kim, 이 -> lee, 박 -> park)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def romanize_german(name: str) -> str:
    text = name.lower().translate(_GERMAN)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


# KMU 2010: a letter's spelling at the start of a word, then elsewhere where it differs.
_UK = dict(zip("абвгґдежзиіїйклмнопрстуфхцчшщьюяє'’ʼ",
               ["a", "b", "v", "h", "g", "d", "e", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p",
                "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "ie", "", "", ""]))
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def romanize_ukrainian(name: str) -> str:
    out = []
    for word in name.lower().replace("зг", "zgh").split("-"):
        letters = []
        for i, char in enumerate(word):
            letters.append(_UK_INITIAL.get(char, _UK.get(char, char)) if i == 0 else _UK.get(char, char))
        out.append("".join(letters))
    return "-".join(out)


_KO_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_KO_MEDIAL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
              "yu", "eu", "ui", "i")
_KO_FINAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
             "ng", "t", "t", "k", "t", "p", "t")
# Surnames as Koreans write them in Latin letters (passports, emails), not strict Revised Romanization.
KOREAN_SURNAMES = {
    "김": "kim", "이": "lee", "박": "park", "최": "choi", "정": "jung", "강": "kang", "조": "cho", "윤": "yoon",
    "장": "jang", "임": "lim", "한": "han", "오": "oh", "서": "seo", "신": "shin", "권": "kwon", "황": "hwang",
    "안": "ahn", "송": "song", "류": "ryu", "유": "yoo", "전": "jeon", "홍": "hong", "고": "ko", "문": "moon",
    "양": "yang", "손": "son", "배": "bae", "백": "baek", "허": "heo", "남": "nam", "심": "shim", "노": "noh",
    "하": "ha", "곽": "kwak", "성": "sung", "차": "cha", "주": "joo", "우": "woo", "구": "koo", "나": "na",
    "민": "min", "진": "jin", "지": "ji", "엄": "eom", "채": "chae", "원": "won", "천": "cheon", "방": "bang",
    "공": "kong", "현": "hyun", "함": "ham", "변": "byun", "염": "yeom", "여": "yeo", "추": "choo", "도": "do",
    "소": "so", "석": "seok", "선": "sun", "설": "seol", "마": "ma", "길": "gil", "연": "yeon", "위": "wi",
    "표": "pyo", "명": "myung", "기": "ki", "반": "ban", "왕": "wang", "금": "geum", "옥": "ok", "육": "yook",
    "인": "in", "맹": "maeng", "제": "je", "모": "mo", "탁": "tak", "국": "kook", "은": "eun", "편": "pyeon",
    "용": "yong", "예": "ye", "경": "kyung", "봉": "bong", "사": "sa", "부": "boo", "가": "ga", "복": "bok",
    "태": "tae", "목": "mok", "형": "hyung", "피": "pi", "두": "doo", "감": "kam", "호": "ho", "제갈": "jegal",
    "남궁": "namgoong", "황보": "hwangbo", "선우": "sunwoo", "독고": "dokgo", "사공": "sagong", "서문": "seomun",
}


def romanize_korean(name: str) -> str:
    """Revised Romanization of a Hangul name (정숙 -> jeongsuk), a known surname as people write it."""
    if name in KOREAN_SURNAMES:
        return KOREAN_SURNAMES[name]
    out, last_final = [], 0
    for char in name:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            out.append(char.lower())
            continue
        initial, medial, final = code // 588, (code % 588) // 28, code % 28
        onset = _KO_INITIAL[initial]
        if initial == 5 and last_final == 8:  # ㄹㄹ reads 'll'
            onset = "l"
        out.append(onset + _KO_MEDIAL[medial] + _KO_FINAL[final])
        last_final = final
    return "".join(out)


ROMANIZERS: dict[str, Callable[[str], str]] = {"de": romanize_german, "uk": romanize_ukrainian,
                                               "ko": romanize_korean}


def romanizer(locale: str) -> Callable[[str], str] | None:
    """The locale's own romanization of names, or None (names.romanize's serves)."""
    return ROMANIZERS.get(locale.split("_")[0])
