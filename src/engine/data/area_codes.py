"""Area codes by city where a country's numbering plan goes by city rather than region (Germany's
Ortsnetzkennzahlen, Ofcom's UK area codes, Japan's 市外局番, India's STD codes), for the cities of
world.json, keyed by their English (GeoNames) name: the digits after the trunk 0. A phone of such a
city is a landline of its own area code (grouped as the country writes it, the national number of its
country's length) or a mobile of the country's national ranges. A city not listed takes the
country's own formats. IT, ES, MX, CN, RU, NL, PL, AR, ZA, KR, EG: the operators' and regulators' published
area codes of world.json's cities (districts take their city's: Iztapalapa 55, Soweto 011).
"""

from __future__ import annotations

from src.engine.data.more_cities import AREA_CODES as MORE_AREA_CODES

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
    # Italy keeps the 0 in every number (+39 06 ...): stored without it, written back by its layouts.
    "IT": {"Rome": "6", "Milan": "2", "Quarto Oggiaro": "2", "Naples": "81", "Turin": "11", "Circoiscrizione II": "11",
           "Circoiscrizione III": "11", "Circoiscrizione VIII": "11", "Palermo": "91", "Genoa": "10", "Bologna": "51",
           "Florence": "55", "Bari": "80", "Catania": "95", "Verona": "45", "Messina": "90", "Trieste": "40",
           "Padua": "49", "Brescia": "30", "Taranto": "99", "Parma": "521", "Prato": "574", "Modena": "59",
           "Reggio Calabria": "965", "Reggio nell'Emilia": "522", "Livorno": "586", "Cagliari": "70", "Rimini": "541",
           "Mestre": "41", "Foggia": "881", "Ferrara": "532"},
    # Spain, Poland and Mexico have no trunk prefix: the area code opens the national number.
    "ES": {"Madrid": "91", "Latina": "91", "Carabanchel": "91", "Puente de Vallecas": "91", "Fuencarral": "91",
           "Ciudad Lineal": "91", "Barcelona": "93", "Eixample": "93", "L'Hospitalet de Llobregat": "93",
           "Sant Martí": "93", "Valencia": "96", "Zaragoza": "976", "Sevilla": "954", "Málaga": "952", "Murcia": "968",
           "Palma": "971", "Las Palmas de Gran Canaria": "928", "Alicante": "965", "Bilbao": "94", "Córdoba": "957",
           "Valladolid": "983", "Vigo": "986", "Gijón": "985", "Gasteiz / Vitoria": "945", "A Coruña": "981",
           "Elche": "966", "Granada": "958"},
    "MX": {**{city: "55" for city in ("Mexico City", "Iztapalapa", "Ecatepec de Morelos", "Gustavo Adolfo Madero",
                                       "Ciudad Nezahualcoyotl", "Naucalpan de Juárez", "Álvaro Obregón", "Tlalnepantla",
                                       "Coyoacán", "Tlalpan", "Cuautitlán Izcalli", "Cuauhtémoc", "Ciudad López Mateos")},
           "Tijuana": "664", "Puebla": "222", "Santiago de Querétaro": "442", "León de los Aldama": "477",
           "Ciudad Juárez": "656", "Zapopan": "33", "Guadalajara": "33", "Tlaquepaque": "33", "Mérida": "999",
           "Monterrey": "81", "Guadalupe": "81", "Mexicali": "686", "Chihuahua": "614", "Cancún": "998",
           "Hermosillo": "662", "Culiacán": "667", "Morelia": "443", "Torreón": "871", "San Luis Potosí": "444",
           "Aguascalientes": "449", "Saltillo": "844", "Acapulco de Juárez": "744", "Tuxtla": "961", "Reynosa": "899",
           "Victoria de Durango": "618", "Heroica Matamoros": "868", "Toluca": "722"},
    "CN": {"Shanghai": "21", "Puxi": "21", "Pudong": "21", "Beijing": "10", "Shenzhen": "755", "Bao'an": "755",
           "Guangzhou": "20", "Chengdu": "28", "Tianjin": "22", "Wuhan": "27", "Dongguan": "769", "Xi’an": "29",
           "Nanjing": "25", "Hangzhou": "571", "Foshan": "757", "Chongqing": "23", "Wuzhong": "953", "Qingdao": "532",
           "Shenyang": "24", "Suzhou": "512", "Harbin": "451", "Hefei": "551", "Dalian": "411", "Changchun": "431",
           "Xiamen": "592", "Wuxi": "510", "Jinan": "531", "Taiyuan": "351", "Zhengzhou": "371",
           "Shijiazhuang": "311", "Kunming": "871", "Zhongshan": "760", "Nanning": "771", "Shantou": "754",
           "Fuzhou": "591", "Ningbo": "574", "Puyang": "393", "Shiyan": "719", "Tangshan": "315", "Lüliang": "358"},
    "RU": {"Moscow": "495", "Saint Petersburg": "812", "Novosibirsk": "383", "Yekaterinburg": "343",
           "Nizhniy Novgorod": "831", "Kazan": "843", "Chelyabinsk": "351", "Omsk": "3812", "Samara": "846",
           "Rostov-on-Don": "863", "Ufa": "347", "Krasnoyarsk": "391", "Voronezh": "473", "Volgograd": "8442",
           "Perm": "342", "Krasnodar": "861", "Saratov": "8452", "Tyumen": "3452", "Tolyatti": "8482",
           "Izhevsk": "3412", "Barnaul": "3852", "Ulyanovsk": "8422", "Irkutsk": "3952", "Khabarovsk": "4212",
           "Yaroslavl": "4852", "Vladivostok": "423", "Makhachkala": "8722", "Tomsk": "3822", "Orenburg": "3532",
           "Kemerovo": "3842", "Novokuznetsk": "3843", "Ryazan’": "4912", "Astrakhan": "8512", "Penza": "8412",
           "Naberezhnyye Chelny": "8552", "Lipetsk": "4742", "Kirov": "8332", "Cheboksary": "8352", "Tula": "4872"},
    "NL": {"Rotterdam": "10", "Amsterdam": "20", "The Hague": "70", "Utrecht": "30", "Groningen": "50",
           "Eindhoven": "40", "Tilburg": "13", "Breda": "76", "Nijmegen": "24", "Almere Stad": "36", "Haarlem": "23",
           "Arnhem": "26", "'s-Hertogenbosch": "73", "Enschede": "53", "Zaanstad": "75", "Amersfoort": "33",
           "Apeldoorn": "55"},
    "PL": {"Warsaw": "22", "Mokotów": "22", "Praga Południe": "22", "Kraków": "12", "Wrocław": "71", "Łódź": "42",
           "Poznań": "61", "Gdańsk": "58", "Gdynia": "58", "Szczecin": "91", "Lublin": "81", "Bydgoszcz": "52",
           "Białystok": "85", "Katowice": "32", "Sosnowiec": "32", "Gliwice": "32", "Zabrze": "32", "Bytom": "32",
           "Częstochowa": "34", "Radom": "48", "Rzeszów": "17", "Toruń": "56", "Kielce": "41", "Bielsko-Biala": "33",
           "Olsztyn": "89"},
    "AR": {**{city: "11" for city in ("Buenos Aires", "Avellaneda", "Quilmes", "José C. Paz", "Lanús", "Berazategui",
                                       "San Miguel", "Ituzaingó")},
           "Córdoba": "351", "Rosario": "341", "Mar del Plata": "223", "San Miguel de Tucumán": "381", "Salta": "387",
           "Santa Fe": "342", "Corrientes": "379", "Posadas": "376", "Bahía Blanca": "291", "Resistencia": "362",
           "Merlo": "220", "San Salvador de Jujuy": "388", "Santiago del Estero": "385", "Paraná": "343",
           "Neuquén": "299", "Formosa": "370", "La Plata": "221", "La Rioja": "380", "San Luis": "266"},
    "ZA": {**{city: "11" for city in ("Johannesburg", "Soweto", "Benoni", "Thembisa", "Boksburg", "Krugersdorp",
                                       "Diepsloot", "Randburg", "Roodepoort", "Brakpan", "Germiston")},
           "Cape Town": "21", "Durban": "31", "Pretoria": "12", "Soshanguve": "12", "Gqeberha": "41", "Kariega": "41",
           "Pietermaritzburg": "33", "Evaton": "16", "Vereeniging": "16", "Vanderbijlpark": "16", "Bloemfontein": "51",
           "Botshabelo": "51", "East London": "43", "Welkom": "57", "Newcastle": "34", "Rustenburg": "14",
           "Emalahleni": "13", "Polokwane": "15", "Richards Bay": "35"},
    "KR": {"Seoul": "2", "Gwangmyeong": "2", "Busan": "51", "Incheon": "32", "Bucheon-si": "32", "Daegu": "53",
           "Daejeon": "42", "Gwangju": "62", "Ulsan": "52", "Sejong": "44", "Cheongju-si": "43", "Cheonan": "41",
           "Jeonju": "63", "Pohang": "54", "Gumi": "54", "Jeju City": "64", "Wŏnju": "33",
           **{city: "31" for city in ("Suwon", "Goyang-si", "Seongnam-si", "Hwaseong-si", "Ansan-si", "Anyang-si",
                                       "Uijeongbu-si", "Pyeongtaek")},
           **{city: "55" for city in ("Changwon", "Kimhae", "Masan", "Yangsan")}},
    # Egypt (NTRA): Greater Cairo dials 02 (Giza, Shubra El Kheima, Nasr City, Helwan, New Cairo too).
    "EG": {**{city: "2" for city in ("Cairo", "Giza", "Shubrā al Khaymah", "Madīnat an Naşr", "Al Khuşūş",
                                      "Ḩadā’iq al Qubbah", "New Cairo", "Al Qāhirah al Jadīdah", "Ḩalwān")},
           "Alexandria": "3", "Port Said": "66", "Suez": "62", "Al Mansurah": "50", "Al Maḩallah al Kubrá": "40",
           "Tanta": "40", "Assiut": "88", "Al Fayyum": "84", "Esna": "95", "Zagazig": "55", "Ismailia": "64",
           "Luxor": "95", "Kom Ombo": "97", "Aswān": "97", "Damanhur": "45", "Damietta": "57", "Rosetta": "45",
           "Minya": "86", "Banī Suwayf": "82", "Shibīn al Kawm": "48", "Sohag": "93", "Qina": "96",
           "Al ‘Āshir min Ramaḑān": "15", "Mallawī": "86", "Hurghada": "65", "Arīsh": "68",
           "Kafr ash Shaykh": "47", "Bilbeis": "55", "Banhā": "13", "Idkū": "45", "Marsá Maţrūḩ": "46"},
}
for _code, _more in MORE_AREA_CODES.items():  # the main cities data/more_cities.py adds
    AREA_CODES[_code].update(_more)
# Digits of a landline's national number (area code + subscriber), and Germany's shortest subscriber
# number (its numbers vary in length: 030 1234 5678, 02161 1234567).
NATIONAL_DIGITS = {"DE": 10, "GB": 10, "JP": 9, "IN": 10, "IT": 9, "ES": 9, "MX": 10, "CN": 10, "RU": 10, "NL": 9,
                   "PL": 9, "AR": 10, "ZA": 9, "KR": 9, "EG": 9}
MIN_SUBSCRIBER = {"DE": 7, "CN": 8, "KR": 7, "EG": 7}
SUBSCRIBER_DIGITS = {("EG", "3"): 7}  # Alexandria: 03 123 4567 (Cairo 02 1234 5678)
# Landline layouts: {a} the area code, {r} the subscriber number (grouped as the country writes it).
LANDLINE_FORMATS = {
    "DE": ("0{a} {r}", "(0{a}) {r}", "+49 {a} {r}", "+49 (0){a} {r}"),
    "GB": ("0{a} {r}", "(0{a}) {r}", "+44 {a} {r}"),
    "JP": ("0{a}-{r}", "(0{a}) {r}", "+81-{a}-{r}"),
    "IN": ("0{a} {r}", "+91 {a} {r}"),
    "IT": ("0{a} {r}", "+39 0{a} {r}"), "ES": ("{a} {r}", "+34 {a} {r}"), "MX": ("{a} {r}", "+52 {a} {r}"),
    "CN": ("0{a}-{r}", "0{a} {r}", "+86 {a} {r}"), "RU": ("8 ({a}) {r}", "+7 ({a}) {r}", "+7 {a} {r}"),
    "NL": ("0{a}-{r}", "0{a} {r}", "+31 {a} {r}"), "PL": ("{a} {r}", "+48 {a} {r}"),
    "AR": ("0{a} {r}", "(0{a}) {r}", "+54 {a} {r}"), "ZA": ("0{a} {r}", "+27 {a} {r}"),
    "KR": ("0{a}-{r}", "+82 {a}-{r}"), "EG": ("0{a} {r}", "+20 {a} {r}"),
}
# Mobiles: national ranges, any city (DE 015/016/017, GB 07, JP 070/080/090, IN 6-9 without trunk 0), never
# a range that opens a landline (PL 50/60/69/79, not 52 or 58; CN 13/15/18, not Beijing's 10); Mexico's
# mobiles are numbered by city like its landlines.
MOBILE_FORMATS = {
    "DE": ("0151 ########", "0160 #######", "0171 ########", "+49 176 ########"),
    "GB": ("07### ######", "+44 7### ######"),
    "JP": ("070-####-####", "080-####-####", "090-####-####"),
    "IN": ("9#### #####", "+91 9#### #####", "7#### #####", "+91 8#### #####"),
    "IT": ("3## ### ####", "+39 3## ### ####"), "ES": ("6## ## ## ##", "+34 6## ### ###", "7## ## ## ##"),
    "MX": (), "CN": ("13# #### ####", "15# #### ####", "18# #### ####", "+86 13# #### ####"), "RU": ("8 (9##) ###-##-##", "+7 9## ###-##-##"),
    "NL": ("06-########", "+31 6 ########"), "PL": ("50# ### ###", "60# ### ###", "69# ### ###", "+48 79# ### ###"),
    "AR": ("+54 9 ### ###-####",), "ZA": ("07# ### ####", "08# ### ####", "+27 7# ### ####"),
    "KR": ("010-####-####", "+82 10-####-####"),
    "EG": ("010 #### ####", "011 #### ####", "012 #### ####", "015 #### ####", "+20 10 #### ####",
           "+20 12 #### ####"),
}


def city_formats(code: str, city: str, min_digits: int) -> list[str]:
    """The phone formats of a city of a city-numbered country: its landlines and the national
    mobiles; only formats with at least ``min_digits`` free digits (a unique field's serial needs 7).
    Empty when the city has no area code here."""
    area = AREA_CODES.get(code, {}).get(city)
    if area is None:
        return []
    digits = SUBSCRIBER_DIGITS.get((code, area)) or max(NATIONAL_DIGITS[code] - len(area), MIN_SUBSCRIBER.get(code, 0))
    rest = _group(code, digits)
    own = [f.format(a=area, r=rest) for f in LANDLINE_FORMATS[code]] + list(MOBILE_FORMATS[code])
    return [f for f in dict.fromkeys(own) if f.count("#") >= min_digits] or list(MOBILE_FORMATS[code])


_GROUPS = {  # subscriber numbers by length, as the country writes them
    "ES": {7: "### ## ##", 6: "## ## ##"}, "PL": {7: "### ## ##"}, "RU": {7: "###-##-##", 6: "##-##-##"},
    "IT": {8: "#### ####", 7: "### ####", 6: "######"}, "AR": {8: "####-####", 7: "###-####", 6: "##-####"},
    "ZA": {7: "### ####", 8: "## ### ###"}, "KR": {8: "####-####", 7: "###-####"},
    "EG": {8: "#### ####", 7: "### ####"},
    "MX": {8: "#### ####", 7: "### ####"}, "CN": {8: "#### ####"}, "NL": {8: "########", 7: "#######"}}


def _group(code: str, digits: int) -> str:
    """A subscriber number of ``digits`` digits as the country groups it (JP 1234-5678, GB 1234 5678)."""
    if code in _GROUPS and digits in _GROUPS[code]:
        return _GROUPS[code][digits]
    if code == "JP":
        return "#" * (digits - 4) + "-####"
    if code == "GB" and digits >= 7:
        return "#" * (digits - 4) + " ####"
    return "#" * digits
