"""Places GeoNames lists among a country's most populous 'cities' that are districts, boroughs or
neighbourhoods of a larger city (Wandsbek of Hamburg, Mokotów of Warsaw, Södermalm of Stockholm,
Kōtō of Tokyo, Iztapalapa of Mexico City): a `city` column names the city, so `world.countries()`
leaves them out (English GeoNames names, per country). The larger city is always in the list too.
New York's five boroughs stay: USPS addresses name them as the city ('Brooklyn, NY 11201').
"""

from __future__ import annotations

DISTRICTS: dict[str, frozenset[str]] = {code: frozenset(names) for code, names in {
    "DE": ("Wandsbek", "Hamburg-Nord", "Hamburg-Mitte", "Marienthal", "Eimsbüttel", "Altona"),
    "JP": ("Setagaya", "Ōta", "Edogawe", "Adachi", "Suginami", "Itabashi", "Kotō", "Honchō", "Aihara"),
    "ES": ("Eixample", "Latina", "Carabanchel", "Puente de Vallecas", "Fuencarral", "Sant Martí", "Ciudad Lineal"),
    "IT": ("Quarto Oggiaro", "Circoiscrizione II", "Circoiscrizione III", "Circoiscrizione VIII", "Mestre"),
    "RU": ("Kalininskiy",),
    "PL": ("Mokotów", "Praga Południe"),
    "SE": ("Södermalm",),
    "TR": ("Esenyurt", "Çankaya", "Küçükçekmece", "Bağcılar", "Bahçelievler", "Umraniye", "Nilüfer", "Üsküdar",
           "Esenler", "Sancaktepe", "Karabağlar", "Muratpaşa", "Sultangazi", "Maltepe", "Beylikdüzü"),
    "MX": ("Iztapalapa", "Gustavo Adolfo Madero", "Álvaro Obregón", "Coyoacán", "Tlalpan", "Cuauhtémoc"),
    "TW": ("Neihu", "Banqiao", "Xizhi", "Danshui", "Fengshan", "Yongkang", "Bade", "Chang-hua"),
    "TH": ("Bang Khae", "Sai Mai", "Latkrabang", "Watthana", "Khlong Sam Wa", "Bang Khun Thian", "Lat Krabang",
           "Chatuchak", "Ban Khlong Prawet", "Chom Thong", "Nong Chok", "Nong Khaem", "Bang Kapi", "Bueng Kum",
           "Din Daeng", "Bang Sue", "Ban Samae Dam"),
    "VN": ("Chợ Lớn", "Bình Thạnh", "Quận Mười", "Đống Đa", "Long Bien", "Bắc Từ Liêm", "Quận Mười Một", "Gia Lâm",
           "Hai Bà Trưng", "Thanh Xuân", "Cầu Giấy"),
    "CN": ("Puxi", "Pudong", "Bao'an"),
    "GB": ("Brent", "Islington", "City of Westminster"),
    "KR": ("Masan",),
    "IN": ("Najafgarh", "Pimpri"),
    "US": ("Upper West Side", "Jamaica", "East Flatbush", "East New York", "Washington Heights", "Astoria",
           "Borough Park", "Koreatown", "Sheepshead Bay", "Harlem", "East Harlem", "Elmhurst", "Bushwick",
           "Gravesend", "Sunset Park", "Downtown DC", "Van Nuys", "Maryvale"),
}.items()}


def is_district(code: str, name: str) -> bool:
    """Whether world.json's place `name` of country `code` is a part of a larger city."""
    return name in DISTRICTS.get(code, ())
