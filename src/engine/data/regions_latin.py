"""Region names as Latin-script countries write them, for the regions of world.json's cities
(GeoNames' English names as keys): Lombardia, not Lombardy; mazowieckie, not Mazovia (Polish
voivodeships are adjectives, written in lower case); Zuid-Holland; Jawa Barat; Hà Nội. Used for
rows of the locale's own country when the locale is in the country's first language (es_ES,
es_MX, it_IT, pl_PL, nl_NL, id_ID, tr_TR, vi_VN); regions already written so are not listed.
"""

from __future__ import annotations

LATIN_REGIONS: dict[str, dict[str, str]] = {
    "ES": {"Andalusia": "Andalucía", "Aragon": "Aragón", "Balearic Islands": "Islas Baleares",
           "Basque Country": "País Vasco", "Canary Islands": "Canarias", "Castille and León": "Castilla y León",
           "Catalonia": "Cataluña", "Madrid": "Comunidad de Madrid", "Murcia": "Región de Murcia",
           "Valencia": "Comunidad Valenciana", "Navarre": "Navarra", "Castille-La Mancha": "Castilla-La Mancha"},
    "MX": {"Mexico City": "Ciudad de México", "México": "Estado de México", "Michoacán": "Michoacán de Ocampo",
           "Coahuila": "Coahuila de Zaragoza"},
    "IT": {"Apulia": "Puglia", "Lombardy": "Lombardia", "Piedmont": "Piemonte", "Sardinia": "Sardegna",
           "Sicily": "Sicilia", "Tuscany": "Toscana", "Friuli Venezia Giulia": "Friuli-Venezia Giulia",
           "Aosta Valley": "Valle d'Aosta"},
    "PL": {"Greater Poland": "wielkopolskie", "Kujawsko-Pomorskie": "kujawsko-pomorskie", "Lesser Poland": "małopolskie",
           "Lower Silesia": "dolnośląskie", "Lublin": "lubelskie", "Mazovia": "mazowieckie", "Podlasie": "podlaskie",
           "Pomerania": "pomorskie", "Silesia": "śląskie", "Subcarpathia": "podkarpackie",
           "Warmia-Masuria": "warmińsko-mazurskie", "West Pomerania": "zachodniopomorskie", "Łódź Voivodeship": "łódzkie",
           "Świętokrzyskie": "świętokrzyskie"},
    "NL": {"North Brabant": "Noord-Brabant", "North Holland": "Noord-Holland", "South Holland": "Zuid-Holland"},
    "ID": {"Central Java": "Jawa Tengah", "Central Sulawesi": "Sulawesi Tengah", "East Java": "Jawa Timur",
           "East Kalimantan": "Kalimantan Timur", "East Nusa Tenggara": "Nusa Tenggara Timur", "Jakarta": "DKI Jakarta",
           "North Sulawesi": "Sulawesi Utara", "North Sumatra": "Sumatera Utara", "South Kalimantan": "Kalimantan Selatan",
           "South Sulawesi": "Sulawesi Selatan", "South Sumatra": "Sumatera Selatan",
           "Southeast Sulawesi": "Sulawesi Tenggara", "West Java": "Jawa Barat", "West Kalimantan": "Kalimantan Barat",
           "West Nusa Tenggara": "Nusa Tenggara Barat", "West Sumatra": "Sumatera Barat",
           "Yogyakarta": "DI Yogyakarta"},
    "TR": {"Istanbul": "İstanbul"},
    "VN": {"Da Nang": "Đà Nẵng", "Haiphong": "Hải Phòng", "Hanoi": "Hà Nội", "Ho Chi Minh City": "Thành phố Hồ Chí Minh",
           "Huế": "Thừa Thiên Huế"},
}
