"""Main cities GeoNames' population cut leaves out, so every region of a country a user samples
appears (all 16 Länder, Corse, every Spanish and Italian region, all 47 Japanese prefectures), and
corrections of world.json's regions where GeoNames files a ward under the wrong one.

Rows are as world.json's: (city, region, latitude, longitude, postal prefixes, population[, native name]);
regions are GeoNames' English names, so data/regions.py and data/regions_latin.py translate them.
"""

from __future__ import annotations

MORE_CITIES: dict[str, tuple[tuple, ...]] = {
    "DE": (("Mainz", "Rheinland-Pfalz", 49.9842, 8.2791, "55", 218000),
           ("Ludwigshafen am Rhein", "Rheinland-Pfalz", 49.4811, 8.4353, "67", 172000),
           ("Koblenz", "Rheinland-Pfalz", 50.3536, 7.5779, "56", 114000),
           ("Trier", "Rheinland-Pfalz", 49.7557, 6.6394, "54", 111000),
           ("Saarbrücken", "Saarland", 49.2354, 6.9817, "66", 180000),
           ("Erfurt", "Thüringen", 50.9787, 11.0328, "99", 214000),
           ("Jena", "Thüringen", 50.9279, 11.5892, "07", 110000),
           ("Magdeburg", "Sachsen-Anhalt", 52.1277, 11.6292, "39", 237000),
           ("Halle (Saale)", "Sachsen-Anhalt", 51.4828, 11.9697, "06", 238000),
           ("Potsdam", "Brandenburg", 52.3989, 13.0657, "14", 183000),
           ("Cottbus", "Brandenburg", 51.7606, 14.3342, "03", 99000),
           ("Rostock", "Mecklenburg-Vorpommern", 54.0887, 12.1405, "18", 209000),
           ("Schwerin", "Mecklenburg-Vorpommern", 53.6355, 11.4012, "19", 96000),
           ("Lübeck", "Schleswig-Holstein", 53.8689, 10.6873, "23", 217000),
           ("Freiburg im Breisgau", "Baden-Württemberg", 47.9959, 7.8522, "79", 231000),
           ("Heidelberg", "Baden-Württemberg", 49.4077, 8.6908, "69", 160000),
           ("Regensburg", "Bayern", 49.0151, 12.1016, "93", 153000),
           ("Würzburg", "Bayern", 49.7878, 9.9361, "97", 127000),
           ("Kassel", "Hessen", 51.3127, 9.4797, "34", 201000),
           ("Darmstadt", "Hessen", 49.8728, 8.6512, "64", 159000),
           ("Oldenburg", "Niedersachsen", 53.1435, 8.2146, "26", 170000),
           ("Osnabrück", "Niedersachsen", 52.2726, 8.0498, "49", 165000)),
    "FR": (("Ajaccio", "Corse", 41.9192, 8.7386, "20", 71000), ("Bastia", "Corse", 42.7028, 9.4500, "20", 48000),
           ("Rouen", "Normandie", 49.4431, 1.0993, "76", 114000), ("Caen", "Normandie", 49.1859, -0.3706, "14", 106000),
           ("Nancy", "Grand Est", 48.6921, 6.1844, "54", 105000),
           ("Mulhouse", "Grand Est", 47.7508, 7.3359, "68", 108000),
           ("Perpignan", "Occitanie", 42.6976, 2.8954, "66", 120000),
           ("Poitiers", "Nouvelle-Aquitaine", 46.5802, 0.3404, "86", 89000),
           ("Pau", "Nouvelle-Aquitaine", 43.2951, -0.3708, "64", 76000),
           ("Avignon", "Provence-Alpes-Côte d'Azur", 43.9493, 4.8055, "84", 91000),
           ("Annecy", "Auvergne-Rhône-Alpes", 45.8992, 6.1294, "74", 130000)),
    "ES": (("Santander", "Cantabria", 43.4647, -3.8044, "39", 172000),
           ("Logroño", "La Rioja", 42.4650, -2.4456, "26", 151000),
           ("Pamplona", "Navarre", 42.8169, -1.6432, "31", 203000),
           ("Badajoz", "Extremadura", 38.8779, -6.9706, "06", 150000),
           ("Cáceres", "Extremadura", 39.4765, -6.3722, "10", 96000),
           ("Oviedo", "Asturias", 43.3603, -5.8448, "33", 220000),
           ("Toledo", "Castille-La Mancha", 39.8581, -4.0226, "45", 85000),
           ("Albacete", "Castille-La Mancha", 38.9943, -1.8585, "02", 174000),
           ("Burgos", "Castille and León", 42.3440, -3.6969, "09", 175000),
           ("Salamanca", "Castille and León", 40.9701, -5.6635, "37", 144000),
           ("Castellón de la Plana", "Valencia", 39.9864, -0.0513, "12", 172000),
           ("Tarragona", "Catalonia", 41.1189, 1.2445, "43", 135000),
           ("Almería", "Andalusia", 36.8381, -2.4597, "04", 200000),
           ("Santa Cruz de Tenerife", "Canary Islands", 28.4682, -16.2546, "38", 209000)),
    "IT": (("Trento", "Trentino-Alto Adige", 46.0679, 11.1211, "381", 118000),
           ("Bolzano", "Trentino-Alto Adige", 46.4983, 11.3548, "391", 107000),
           ("Perugia", "Umbria", 43.1122, 12.3888, "061", 165000), ("Terni", "Umbria", 42.5636, 12.6427, "051", 110000),
           ("Ancona", "Marche", 43.6167, 13.5167, "601", 100000), ("Pesaro", "Marche", 43.9098, 12.9131, "611", 95000),
           ("Pescara", "Abruzzo", 42.4643, 14.2142, "651", 119000),
           ("L'Aquila", "Abruzzo", 42.3506, 13.3995, "671", 69000),
           ("Campobasso", "Molise", 41.5603, 14.6627, "861", 48000),
           ("Potenza", "Basilicata", 40.6401, 15.8051, "851", 65000),
           ("Matera", "Basilicata", 40.6664, 16.6043, "751", 60000),
           ("Aosta", "Aosta Valley", 45.7370, 7.3201, "111", 34000),
           ("Venice", "Veneto", 45.4371, 12.3327, "301", 255000)),
    "JP": tuple((city, region, lat, lon, prefix, population, native) for city, native, region, lat, lon, prefix, population in (
        ("Aomori", "青森市", "Aomori", 40.8244, 140.7400, "030", 275000),
        ("Morioka", "盛岡市", "Iwate", 39.7036, 141.1527, "020", 285000),
        ("Akita", "秋田市", "Akita", 39.7200, 140.1025, "010", 300000),
        ("Yamagata", "山形市", "Yamagata", 38.2404, 140.3633, "990", 245000),
        ("Iwaki", "いわき市", "Fukushima", 37.0500, 140.8833, "970", 320000),
        ("Mito", "水戸市", "Ibaraki", 36.3659, 140.4714, "310", 270000),
        ("Takasaki", "高崎市", "Gunma", 36.3219, 139.0033, "370", 370000),
        ("Kōfu", "甲府市", "Yamanashi", 35.6642, 138.5684, "400", 187000),
        ("Nagano", "長野市", "Nagano", 36.6486, 138.1948, "380", 370000),
        ("Toyama", "富山市", "Toyama", 36.6959, 137.2137, "930", 410000),
        ("Kanazawa", "金沢市", "Ishikawa", 36.5613, 136.6562, "920", 460000),
        ("Fukui", "福井市", "Fukui", 36.0641, 136.2196, "910", 260000),
        ("Gifu", "岐阜市", "Gifu", 35.4233, 136.7607, "500", 400000),
        ("Yokkaichi", "四日市市", "Mie", 34.9650, 136.6244, "510", 310000),
        ("Ōtsu", "大津市", "Shiga", 35.0045, 135.8686, "520", 345000),
        ("Nara", "奈良市", "Nara", 34.6851, 135.8048, "630", 355000),
        ("Wakayama", "和歌山市", "Wakayama", 34.2260, 135.1675, "640", 360000),
        ("Tottori", "鳥取市", "Tottori", 35.5011, 134.2351, "680", 185000),
        ("Matsue", "松江市", "Shimane", 35.4723, 133.0505, "690", 200000),
        ("Shimonoseki", "下関市", "Yamaguchi", 33.9578, 130.9414, "750", 255000),
        ("Tokushima", "徳島市", "Tokushima", 34.0658, 134.5593, "770", 250000),
        ("Takamatsu", "高松市", "Kagawa", 34.3403, 134.0434, "760", 420000),
        ("Kōchi", "高知市", "Kochi", 33.5597, 133.5311, "780", 325000),
        ("Saga", "佐賀市", "Saga", 33.2494, 130.2988, "840", 230000),
        ("Nagasaki", "長崎市", "Nagasaki", 32.7448, 129.8737, "850", 405000),
        ("Ōita", "大分市", "Oita", 33.2382, 131.6126, "870", 475000),
        ("Miyazaki", "宮崎市", "Miyazaki", 31.9111, 131.4239, "880", 400000),
        ("Naha", "那覇市", "Okinawa", 26.2124, 127.6809, "900", 317000),
        ("Maebashi", "前橋市", "Gunma", 36.3895, 139.0634, "371", 330000),
        ("Fukushima", "福島市", "Fukushima", 37.7500, 140.4667, "960", 280000))),
    "CA": (("Regina", "SK", 50.4501, -104.6178, "", 230000), ("St. John's", "NL", 47.5615, -52.7126, "", 110000),
           ("Fredericton", "NB", 45.9636, -66.6431, "", 63000), ("Moncton", "NB", 46.0878, -64.7782, "", 79000),
           ("Charlottetown", "PE", 46.2382, -63.1311, "", 38000), ("Whitehorse", "YT", 60.7212, -135.0568, "", 28000),
           ("Yellowknife", "NT", 62.4540, -114.3718, "", 20000), ("Iqaluit", "NU", 63.7467, -68.5170, "", 8000)),
}

# Area codes (after the trunk 0) of the cities above, for data/area_codes.py.
AREA_CODES: dict[str, dict[str, str]] = {
    "DE": {"Mainz": "6131", "Ludwigshafen am Rhein": "621", "Koblenz": "261", "Trier": "651", "Saarbrücken": "681",
           "Erfurt": "361", "Jena": "3641", "Magdeburg": "391", "Halle (Saale)": "345", "Potsdam": "331",
           "Cottbus": "355", "Rostock": "381", "Schwerin": "385", "Lübeck": "451", "Freiburg im Breisgau": "761",
           "Heidelberg": "6221", "Regensburg": "941", "Würzburg": "931", "Kassel": "561", "Darmstadt": "6151",
           "Oldenburg": "441", "Osnabrück": "541"},
    "JP": {"Aomori": "17", "Morioka": "19", "Akita": "18", "Yamagata": "23", "Iwaki": "246", "Mito": "29",
           "Takasaki": "27", "Kōfu": "55", "Nagano": "26", "Toyama": "76", "Kanazawa": "76", "Fukui": "776",
           "Gifu": "58", "Yokkaichi": "59", "Ōtsu": "77", "Nara": "742", "Wakayama": "73", "Tottori": "857",
           "Matsue": "852", "Shimonoseki": "83", "Tokushima": "88", "Takamatsu": "87", "Kōchi": "88", "Saga": "952",
           "Nagasaki": "95", "Ōita": "97", "Miyazaki": "985", "Naha": "98", "Maebashi": "27", "Fukushima": "24"},
    "IT": {"Trento": "461", "Bolzano": "471", "Perugia": "75", "Terni": "744", "Ancona": "71", "Pesaro": "721",
           "Pescara": "85", "L'Aquila": "862", "Campobasso": "874", "Potenza": "971", "Matera": "835", "Aosta": "165",
           "Venice": "41"},
    "ES": {"Santander": "942", "Logroño": "941", "Pamplona": "948", "Badajoz": "924", "Cáceres": "927",
           "Oviedo": "985", "Toledo": "925", "Albacete": "967", "Burgos": "947", "Salamanca": "923",
           "Castellón de la Plana": "964", "Tarragona": "977", "Almería": "950", "Santa Cruz de Tenerife": "922"},
}

# (region, postal prefixes) of world.json cities GeoNames files under the wrong region.
REGION_FIXES: dict[str, dict[str, tuple[str, str]]] = {
    "JP": {"Matsudo": ("Chiba", "270|271"), "Ichikawa": ("Chiba", "272")},
}


def merged_rows(code: str, rows: list) -> list:
    """world.json's rows of a country with the corrections and the missing main cities added."""
    fixes = REGION_FIXES.get(code, {})
    out = [[r[0], fixes[r[0]][0], r[2], r[3], fixes[r[0]][1], *r[5:]] if r[0] in fixes else r for r in rows]
    known = {r[0] for r in out}
    return out + [list(extra) for extra in MORE_CITIES.get(code, ()) if extra[0] not in known]
