"""Real postal prefixes of countries whose codes world.json (GeoNames) has no prefixes for, by city
(keyed by world.json's English city name) or, failing that, by region. A row's code is one of its
city's prefixes followed by random digits of the country's format, so the prefix always names the
right province, district or sorting area:

- ES: the first two digits are the province (28 Madrid, 08 Barcelona); three where the city is known.
- IT: the CAP of the province's main post office (001 Roma, 201 Milano, 801 Napoli).
- RU: the first three digits of the city's post office (10-12 Moscow, 19 St Petersburg, 630 Novosibirsk).
- PL: the postal district (00-04 Warszawa, 30-31 Kraków).
- TR: the first two digits are the province's plate code (34 İstanbul, 06 Ankara).
- SE: the first digits of the city's codes (11-12 Stockholm, 40-41 Göteborg).
- NL: the first two digits of the city's four (10 Amsterdam, 30 Rotterdam); never 0.
- MX: the first two digits of the state or borough (01-16 Ciudad de México, 44 Guadalajara).
- KR: the five-digit codes of 2015 begin with the province's range (01-08 Seoul, 46-49 Busan).
- TW: the three-digit code of the district (100 Zhongzheng, Taipei) before two more digits.
- TH: the first two digits are the province (10 Bangkok, 50 Chiang Mai).
- VN: the five-digit codes of 2018 begin with the province (10-14 Hà Nội, 70-74 Hồ Chí Minh).
- ID: the first two digits are the regency's area (10-14 Jakarta, 40 Bandung, 60 Surabaya).
- GR: the first three digits of the city's codes (104-117 Athens, 546 Thessaloníki, 262 Pátra), else the
  region's first two (10-19 Attica, 70-74 Crete).
`FORMATS` replaces GeoNames' pattern where it is out of date (VN has five digits since 2018) or
drops the space a country always writes (NL '1011 AB').
"""

from __future__ import annotations

FORMATS = {"VN": "#####", "NL": "#### @@"}

CITY_PREFIXES: dict[str, dict[str, str]] = {
    "ES": {"Madrid": "280", "Barcelona": "080", "Valencia": "460", "Zaragoza": "500", "Sevilla": "410",
           "Málaga": "290", "Murcia": "300", "Palma": "070", "Las Palmas de Gran Canaria": "350", "Alicante": "030",
           "Bilbao": "480", "Córdoba": "140", "Valladolid": "470", "Vigo": "362", "Gijón": "332",
           "Gasteiz / Vitoria": "010", "L'Hospitalet de Llobregat": "089", "A Coruña": "150", "Elche": "032",
           "Granada": "180"},
    "IT": {"Rome": "001", "Milan": "201", "Naples": "801", "Turin": "101", "Palermo": "901", "Genoa": "161",
           "Bologna": "401", "Florence": "501", "Bari": "701", "Catania": "951", "Verona": "371", "Messina": "981",
           "Trieste": "341", "Padua": "351", "Brescia": "251", "Taranto": "741", "Parma": "431", "Prato": "590",
           "Modena": "411", "Reggio Calabria": "891", "Reggio nell'Emilia": "421", "Livorno": "571",
           "Cagliari": "091", "Rimini": "479", "Foggia": "711", "Ferrara": "441"},
    "RU": {"Moscow": "101|105|107|109|111|115|117|119|121|123|125|127|129",
           "Saint Petersburg": "190|191|194|195|196|197|198",
           "Novosibirsk": "630", "Yekaterinburg": "620", "Nizhniy Novgorod": "603", "Kazan": "420",
           "Chelyabinsk": "454",
           "Omsk": "644", "Samara": "443", "Rostov-on-Don": "344", "Ufa": "450", "Krasnoyarsk": "660",
           "Voronezh": "394",
           "Volgograd": "400", "Perm": "614", "Krasnodar": "350", "Saratov": "410", "Tyumen": "625", "Tolyatti": "445",
           "Izhevsk": "426", "Barnaul": "656", "Ulyanovsk": "432", "Irkutsk": "664", "Khabarovsk": "680",
           "Yaroslavl": "150", "Vladivostok": "690", "Makhachkala": "367", "Tomsk": "634", "Orenburg": "460",
           "Kemerovo": "650", "Novokuznetsk": "654", "Ryazan’": "390", "Astrakhan": "414", "Penza": "440",
           "Naberezhnyye Chelny": "423", "Lipetsk": "398", "Kirov": "610", "Cheboksary": "428",
           "Tula": "300"},
    "PL": {"Warsaw": "00|01|02|03|04", "Kraków": "30|31", "Wrocław": "50|51|52|53|54", "Łódź": "90|91|92|93|94",
           "Poznań": "60|61", "Gdańsk": "80", "Szczecin": "70|71", "Lublin": "20", "Bydgoszcz": "85",
           "Białystok": "15", "Katowice": "40", "Gdynia": "81", "Częstochowa": "42", "Sosnowiec": "41", "Radom": "26",
           "Gliwice": "44", "Rzeszów": "35", "Toruń": "87", "Kielce": "25", "Zabrze": "41",
           "Bytom": "41", "Bielsko-Biala": "43", "Olsztyn": "10"},
    "SE": {"Stockholm": "11|12", "Gothenburg": "41|42", "Malmö": "21", "Uppsala": "75", "Linköping": "58",
           "Örebro": "70", "Sollentuna": "19", "Umeå": "90", "Västerås": "72",
           "Jönköping": "55", "Helsingborg": "25", "Norrköping": "60"},
    "NL": {"Rotterdam": "30", "Amsterdam": "10", "The Hague": "25", "Utrecht": "35", "Groningen": "97",
           "Eindhoven": "56", "Tilburg": "50", "Breda": "48", "Nijmegen": "65", "Almere Stad": "13", "Haarlem": "20",
           "Arnhem": "68", "'s-Hertogenbosch": "52", "Enschede": "75", "Zaanstad": "15", "Amersfoort": "38",
           "Apeldoorn": "73"},
    "MX": {"Mexico City": "01|02|03|04|05|06|07|08|09|10|11|12|13|14|15|16", "Tijuana": "22",
           "Puebla": "72", "Ecatepec de Morelos": "55", "Santiago de Querétaro": "76", "León de los Aldama": "37",
           "Ciudad Juárez": "32", "Zapopan": "45", "Guadalajara": "44", "Mérida": "97",
           "Monterrey": "64", "Ciudad Nezahualcoyotl": "57", "Mexicali": "21", "Chihuahua": "31", "Cancún": "77",
           "Naucalpan de Juárez": "53", "Hermosillo": "83", "Culiacán": "80", "Morelia": "58", "Torreón": "27",
           "San Luis Potosí": "78", "Aguascalientes": "20", "Saltillo": "25",
           "Guadalupe": "67", "Acapulco de Juárez": "39", "Tlalnepantla": "54", "Tlaquepaque": "45", "Tuxtla": "29",
           "Reynosa": "88", "Cuautitlán Izcalli": "54", "Victoria de Durango": "34", "Heroica Matamoros": "87",
           "Toluca": "50",
           "Ciudad López Mateos": "52"},
    "KR": {"Seoul": "01|02|03|04|05|06|07|08", "Busan": "46|47|48|49", "Incheon": "21|22|23", "Daegu": "41|42|43",
           "Daejeon": "34|35", "Gwangju": "61|62", "Suwon": "16", "Ulsan": "44|45", "Goyang-si": "10",
           "Changwon": "51", "Seongnam-si": "13", "Cheongju-si": "28", "Bucheon-si": "14", "Cheonan": "31",
           "Hwaseong-si": "18", "Jeonju": "54|55", "Ansan-si": "15", "Anyang-si": "14", "Kimhae": "50",
           "Pohang": "37", "Jeju City": "63", "Uijeongbu-si": "11", "Gumi": "39", "Sejong": "30",
           "Pyeongtaek": "17", "Yangsan": "50", "Gwangmyeong": "14", "Wŏnju": "26"},
    "TW": {"Taipei": "100|103|104|105|106|108|110|111|112|114|115|116",
           "New Taipei City": "220|231|234|235|236|241|242|251",
           "Taichung": "400|401|402|403|404|406|407|408", "Kaohsiung": "800|802|803|804|806|807|811|813",
           "Tainan": "700|701|702|704|708|709", "Taoyuan": "330", "Hsinchu": "300",
           "Keelung": "200|201|202|203|204|205|206", "Chiayi City": "600",
           "Changhua": "500", "Zhubei": "302"},
    "ID": {"Surabaya": "60", "Malang": "65", "Situbondo": "68", "Semarang": "50", "Surakarta": "57", "Jepara": "59",
           "Bandung": "40", "Cimahi": "40", "Bogor": "16", "Depok": "16", "Cibinong": "16", "Bekasi": "17",
           "Sukabumi": "43", "Tasikmalaya": "46", "Tangerang": "15", "South Tangerang": "15", "Serang": "42",
           "Cilegon": "42", "Batam": "29", "Pekanbaru": "28"},
    "GR": {"Athens": "104|105|106|111|112|113|114|115|117", "Thessaloníki": "542|543|544|546|551|563|564",
           "Pátra": "262|263|264", "Piraeus": "185", "Lárisa": "412|413|414|415", "Peristéri": "121",
           "Irákleion": "712|713|714", "Kallithéa": "176", "Acharnés": "136", "Kalamariá": "551",
           "Níkaia": "184", "Glyfáda": "165|166", "Volos": "382|383|384"},
}

REGION_PREFIXES: dict[str, dict[str, str]] = {
    "GR": {"Attica": "10|11|12|13|14|15|16|17|18|19", "Central Macedonia": "54|55|56|57|58|59|60|61|62|63",
           "West Greece": "25|26|27|30", "Thessaly": "37|38|40|41|42|43", "Crete": "70|71|72|73|74",
           "Epirus": "44|45|46|47|48", "East Macedonia and Thrace": "64|65|66|67|68|69",
           "West Macedonia": "50|51|52|53", "Central Greece": "32|33|34|35|36", "Peloponnese": "20|21|22|23|24",
           "Ionian Islands": "28|29|31|49", "North Aegean": "81|82|83", "South Aegean": "84|85"},
    "ID": {"Jakarta": "10|11|12|13|14", "West Java": "40|41|43|44|45|46", "Banten": "15|42",
           "East Java": "60|61|62|63|64|65|66|67|68|69",
           "Central Java": "50|51|52|53|54|56|57|58|59", "Yogyakarta": "55", "North Sumatra": "20|21|22",
           "South Sumatra": "30|31", "Riau": "28", "Lampung": "34|35", "West Sumatra": "25|26|27",
           "East Kalimantan": "75|76|77", "West Kalimantan": "78|79", "Bali": "80|81|82",
           "South Kalimantan": "70|71|72",
           "Jambi": "36|37", "East Nusa Tenggara": "85|86|87", "North Sulawesi": "95|96|97",
           "West Nusa Tenggara": "83|84", "Papua": "99", "Bengkulu": "38|39", "Central Sulawesi": "94",
           "South Sulawesi": "90|91|92", "Southeast Sulawesi": "93"},
    "TR": {"Istanbul": "34", "Ankara": "06", "Bursa": "16", "İzmir": "35", "Gaziantep": "27", "Diyarbakır": "21",
           "Adana": "01", "Kayseri": "38", "Konya": "42", "Antalya": "07", "Eskişehir": "26", "Erzurum": "25",
           "Malatya": "44", "Mersin": "33", "Van": "65", "Batman": "72", "Şanlıurfa": "63", "Elazığ": "23",
           "Hatay": "31", "Samsun": "55", "Kahramanmaraş": "46"},
    "TH": {"Bangkok": "10", "Samut Prakan": "10", "Nonthaburi": "11", "Chon Buri": "20", "Songkhla": "90",
           "Lampang": "52", "Prachin Buri": "25", "Surat Thani": "84", "Udon Thani": "41", "Chiang Mai": "50",
           "Nakhon Ratchasima": "30", "Prachuap Khiri Khan": "77", "Ubon Ratchathani": "34"},
    "VN": {"Hanoi": "10|11|12|13|14", "Ho Chi Minh City": "70|71|72|73|74", "Haiphong": "04|05", "Cần Thơ": "94",
           "Huế": "49", "Da Nang": "50", "Đồng Nai": "76", "Thanh Hóa": "40", "Nghệ An": "43", "Bình Dương": "75",
           "Khánh Hòa": "57", "Bình Định": "55", "Bà Rịa-Vũng Tàu": "78", "Kiên Giang": "91", "Bắc Giang": "26",
           "Nam Định": "07", "Đắk Lắk": "63", "Thái Nguyên": "24", "Phú Thọ": "35", "Bắc Ninh": "16"},
}


def prefixes_of(code: str, city: str, region: str) -> str:
    """The '|'-separated prefixes of a city ('' when neither it nor its region is known here)."""
    return CITY_PREFIXES.get(code, {}).get(city) or REGION_PREFIXES.get(code, {}).get(region, "")
