"""Area codes by city where a country's numbering plan goes by city rather than region (Germany's
Ortsnetzkennzahlen, Ofcom's UK area codes, Japan's 市外局番, India's STD codes), for the cities of
world.json, keyed by their English (GeoNames) name: the digits after the trunk 0. A phone of such a
city is a landline of its own area code (grouped as the country writes it, the national number of its
country's length) or a mobile of the country's national ranges. A city not listed takes the
country's own formats.
"""

from __future__ import annotations

AREA_CODES: dict[str, dict[str, str]] = {
    "DE": {"Berlin": "30", "Hamburg": "40", "Wandsbek": "40", "Hamburg-Nord": "40", "Hamburg-Mitte": "40",
           "Marienthal": "40", "Eimsbüttel": "40", "Altona": "40", "Munich": "89", "Köln": "221",
           "Frankfurt am Main": "69", "Düsseldorf": "211", "Stuttgart": "711", "Essen": "201", "Dortmund": "231",
           "Dresden": "351", "Bremen": "421", "Nuremberg": "911", "Hannover": "511", "Leipzig": "341",
           "Duisburg": "203", "Bochum": "234", "Wuppertal": "202", "Bielefeld": "521", "Bonn": "228",
           "Münster": "251", "Mannheim": "621", "Augsburg": "821", "Wiesbaden": "611", "Karlsruhe": "721",
           "Gelsenkirchen": "209", "Aachen": "241", "Mönchengladbach": "2161", "Kiel": "431", "Chemnitz": "371",
           "Braunschweig": "531"},
    "GB": {"London": "20", "Brent": "20", "Islington": "20", "City of Westminster": "20", "Birmingham": "121",
           "Glasgow": "141", "Manchester": "161", "Sheffield": "114", "Leeds": "113", "Edinburgh": "131",
           "Liverpool": "151", "Birkenhead": "151", "Bristol": "117", "Cardiff": "29", "Leicester": "116",
           "Bradford": "1274", "Belfast": "28", "Coventry": "24", "Nottingham": "115", "Reading": "118",
           "Kingston upon Hull": "1482", "Preston": "1772", "Swansea": "1792", "Newcastle upon Tyne": "191",
           "Southend-on-Sea": "1702", "Brighton": "1273", "Derby": "1332", "Southampton": "23",
           "Wolverhampton": "1902", "Plymouth": "1752", "Stoke-on-Trent": "1782", "Milton Keynes": "1908",
           "Northampton": "1604"},
    # Wards of Tokyo (Setagaya, Ōta, Edogawa, Adachi, Suginami, Itabashi, Kōtō) dial 03 whatever region
    # GeoNames gives them; Aihara and Hachiōji are in the 042 area, Honchō (Funabashi) in 047.
    "JP": {"Tokyo": "3", "Setagaya": "3", "Ōta": "3", "Edogawe": "3", "Adachi": "3", "Suginami": "3",
           "Itabashi": "3", "Kotō": "3", "Osaka": "6", "Higashiosaka": "6", "Yokohama": "45", "Nagoya": "52",
           "Sapporo": "11", "Fukuoka": "92", "Kawasaki": "44", "Kobe": "78", "Kyoto": "75", "Saitama": "48",
           "Kawaguchi": "48", "Hiroshima": "82", "Sendai": "22", "Chiba": "43", "Kitakyushu": "93", "Sakai": "72",
           "Niigata": "25", "Hamamatsu": "53", "Kumamoto": "96", "Aihara": "42", "Hachiōji": "42",
           "Sagamihara": "42", "Okayama": "86", "Shizuoka": "54", "Honchō": "47", "Matsudo": "47",
           "Ichikawa": "47", "Kagoshima": "99", "Himeji": "79", "Utsunomiya": "28", "Matsuyama": "89",
           "Nishinomiya": "798"},
    "IN": {"Mumbai": "22", "Navi Mumbai": "22", "Thāne": "22", "Delhi": "11", "Najafgarh": "11",
           "Bengaluru": "80", "Hyderabad": "40", "Ahmedabad": "79", "Chennai": "44", "Kolkata": "33",
           "Surat": "261", "Pune": "20", "Pimpri-Chinchwad": "20", "Pimpri": "20", "Jaipur": "141",
           "Kanpur": "512", "Lucknow": "522", "Nagpur": "712", "Coimbatore": "422", "Indore": "731",
           "Vadodara": "265", "Bhopal": "755", "Rasapūdipalem": "891", "Patna": "612", "Kallakurichi": "4151",
           "Ludhiana": "161", "Nashik": "253", "Madurai": "452", "Tirunelveli": "462", "Agra": "562",
           "Faridabad": "129", "Rājkot": "281", "Jamshedpur": "657", "Gorakhpur": "551", "Kalyān": "251",
           "Dombivali": "251", "Meerut": "121", "Virār": "250", "Nowrangapur": "6858", "Srinagar": "194"},
}
# Digits of a landline's national number (area code + subscriber), and Germany's shortest subscriber
# number (its numbers vary in length: 030 1234 5678, 02161 1234567).
NATIONAL_DIGITS = {"DE": 10, "GB": 10, "JP": 9, "IN": 10}
MIN_SUBSCRIBER = {"DE": 7}
# Landline layouts: {a} the area code, {r} the subscriber number (grouped as the country writes it).
LANDLINE_FORMATS = {
    "DE": ("0{a} {r}", "(0{a}) {r}", "+49 {a} {r}", "+49 (0){a} {r}"),
    "GB": ("0{a} {r}", "(0{a}) {r}", "+44 {a} {r}"),
    "JP": ("0{a}-{r}", "(0{a}) {r}", "+81-{a}-{r}"),
    "IN": ("0{a} {r}", "+91 {a} {r}"),
}
# Mobiles: national ranges, any city (DE 015/016/017, GB 07, JP 070/080/090, IN 6-9 without trunk 0).
MOBILE_FORMATS = {
    "DE": ("0151 ########", "0160 #######", "0171 ########", "+49 176 ########"),
    "GB": ("07### ######", "+44 7### ######"),
    "JP": ("070-####-####", "080-####-####", "090-####-####"),
    "IN": ("9#### #####", "+91 9#### #####", "7#### #####", "+91 8#### #####"),
}


def city_formats(code: str, city: str, min_digits: int) -> list[str]:
    """The phone formats of a city of a city-numbered country: its landlines and the national
    mobiles; only formats with at least ``min_digits`` free digits (a unique field's serial needs 7).
    Empty when the city has no area code here."""
    area = AREA_CODES.get(code, {}).get(city)
    if area is None:
        return []
    digits = max(NATIONAL_DIGITS[code] - len(area), MIN_SUBSCRIBER.get(code, 0))
    rest = _group(code, digits)
    own = [f.format(a=area, r=rest) for f in LANDLINE_FORMATS[code]] + list(MOBILE_FORMATS[code])
    return [f for f in dict.fromkeys(own) if f.count("#") >= min_digits] or list(MOBILE_FORMATS[code])


def _group(code: str, digits: int) -> str:
    """A subscriber number of ``digits`` digits as the country groups it (JP 1234-5678, GB 1234 5678)."""
    if code == "JP":
        return "#" * (digits - 4) + "-####"
    if code == "GB" and digits >= 7:
        return "#" * (digits - 4) + " ####"
    return "#" * digits
