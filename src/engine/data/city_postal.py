"""Postal prefixes by city where world.json has them only by region: India's first three PIN digits
(the sorting district: Delhi 110, Mumbai 400, Bengaluru 560) and the US ZIP3 of its main cities
(Chicago 606, Houston 770), and the forward sortation areas (first three characters) of Canada's
main cities (Toronto M5V, Montréal H2X, Vancouver V6B), keyed by world.json's English (GeoNames) city name. A row of such a city
takes one of them (the rest of the code is random digits); other cities keep their region's range.
Germany, France and Great Britain are by city already (world.json's prefixes, GB outward codes).
"""

from __future__ import annotations

CITY_POSTAL: dict[str, dict[str, str]] = {
    "IN": {"Mumbai": "400", "Delhi": "110", "Najafgarh": "110", "Bengaluru": "560", "Hyderabad": "500",
           "Ahmedabad": "380|382", "Chennai": "600", "Kolkata": "700", "Surat": "394|395", "Pune": "411",
           "Jaipur": "302|303", "Kanpur": "208", "Navi Mumbai": "400", "Lucknow": "226", "Nagpur": "440",
           "Coimbatore": "641", "Indore": "452", "Thāne": "400|421", "Vadodara": "390|391", "Bhopal": "462",
           "Rasapūdipalem": "530|531", "Pimpri-Chinchwad": "411", "Pimpri": "411", "Patna": "800|801",
           "Kallakurichi": "606", "Ludhiana": "141", "Nashik": "422", "Madurai": "625", "Tirunelveli": "627",
           "Agra": "282", "Faridabad": "121", "Rājkot": "360", "Jamshedpur": "831", "Gorakhpur": "273",
           "Kalyān": "421", "Dombivali": "421", "Meerut": "250", "Virār": "401", "Nowrangapur": "764",
           "Srinagar": "190"},
    "US": {"New York City": "100|101|102", "Manhattan": "100", "Brooklyn": "112", "Queens": "113|114|116",
           "The Bronx": "104", "Staten Island": "103", "Los Angeles": "900", "Chicago": "606", "Houston": "770",
           "Phoenix": "850", "Philadelphia": "191", "San Antonio": "782", "San Diego": "921", "Dallas": "752",
           "Jacksonville": "322", "Fort Worth": "761", "San Jose": "951", "Austin": "787", "Columbus": "432",
           "Charlotte": "282", "Indianapolis": "462", "San Francisco": "941", "Seattle": "981", "Denver": "802",
           "Washington": "200", "Nashville": "372", "Oklahoma City": "731", "El Paso": "799", "Boston": "021",
           "South Boston": "021", "Portland": "972", "Detroit": "482", "Las Vegas": "891", "Memphis": "381",
           "New South Memphis": "381", "Louisville": "402", "Baltimore": "212", "Albuquerque": "871",
           "Milwaukee": "532", "Tucson": "857", "Fresno": "937", "Sacramento": "958", "Atlanta": "303",
           "Miami": "331", "Omaha": "681", "Raleigh": "276", "Kansas City": "641", "Long Beach": "908",
           "Mesa": "852", "Colorado Springs": "809", "Virginia Beach": "234", "Oakland": "946", "Tampa": "336",
           "Tulsa": "741", "Minneapolis": "554", "Wichita": "672", "Arlington": "760", "Bakersfield": "933",
           "Cleveland": "441", "New Orleans": "701", "Honolulu": "968", "Anaheim": "928", "Orlando": "328",
           "Cincinnati": "452", "Pittsburgh": "152", "Saint Paul": "551", "Anchorage": "995", "St. Louis": "631",
           "Newark": "071", "Buffalo": "142", "Salt Lake City": "841", "Richmond": "232", "Boise": "837",
           "Spokane": "992", "Baton Rouge": "708", "Des Moines": "503", "Providence": "0290|0291|0292|0293", "Birmingham": "352"},
    "CA": {"Toronto": "M4C|M4E|M4J|M4K|M4L|M4M|M4P|M4S|M4V|M4W|M4Y|M5A|M5B|M5E|M5G|M5R|M5S|M5T|M5V|M6G|M6H|M6J|M6K|M6P",
           "Etobicoke": "M8V|M8W|M8X|M8Y|M8Z|M9A|M9B|M9C|M9P|M9R|M9V|M9W",
           "Montréal": "H1A|H1E|H1M|H1V|H2J|H2L|H2S|H2X|H3A|H3B|H3G|H3H|H3N|H3S|H4A|H4C",
           "Laval": "H7E|H7G|H7L|H7N|H7T|H7V", "Calgary": "T2A|T2E|T2G|T2P|T2R|T2T|T2W|T3A|T3B|T3E|T3H|T3K",
           "Edmonton": "T5A|T5E|T5J|T5K|T5N|T5T|T6E|T6G|T6H|T6J|T6W",
           "Ottawa": "K1H|K1K|K1N|K1P|K1R|K1S|K1Y|K1Z|K2A|K2B|K2C|K2G|K2P",
           "Winnipeg": "R2C|R2J|R2K|R2M|R2W|R3B|R3C|R3G|R3L|R3M|R3T",
           "Mississauga": "L4T|L4W|L4X|L4Y|L4Z|L5A|L5B|L5C|L5E|L5G|L5H|L5J|L5K|L5L|L5M|L5N|L5R|L5V|L5W",
           "Vancouver": "V5K|V5L|V5N|V5R|V5T|V5V|V5Z|V6A|V6B|V6E|V6G|V6H|V6J|V6K|V6R|V6Z",
           "Brampton": "L6P|L6R|L6S|L6T|L6V|L6W|L6X|L6Y|L6Z|L7A", "Hamilton": "L8E|L8H|L8K|L8L|L8M|L8N|L8P|L8R|L8S|L9A|L9C|L9K",
           "Surrey": "V3R|V3S|V3T|V3V|V3W|V3X|V4A|V4N", "Québec": "G1C|G1E|G1H|G1J|G1K|G1L|G1M|G1R|G1S|G1V|G2B|G2E",
           "Halifax": "B3H|B3J|B3K|B3L|B3M|B3N|B3P|B3R|B3S", "London": "N5V|N5W|N5X|N5Y|N5Z|N6A|N6B|N6C|N6E|N6G|N6H|N6J|N6K",
           "Markham": "L3P|L3R|L3S|L6B|L6C|L6E|L6G", "Vaughan": "L4H|L4J|L4K|L4L|L6A",
           "Gatineau": "J8L|J8M|J8P|J8R|J8T|J8V|J8X|J8Y|J8Z|J9A|J9H|J9J",
           "Victoria": "V8N|V8P|V8R|V8S|V8T|V8V|V8W|V8X|V8Z|V9A", "Saskatoon": "S7H|S7J|S7K|S7L|S7M|S7N|S7P|S7R|S7S|S7T|S7V|S7W",
           "Kitchener": "N2A|N2B|N2C|N2E|N2G|N2H|N2K|N2M|N2N|N2P|N2R", "Burnaby": "V5A|V5B|V5C|V5E|V5G|V5H|V5J",
           "Windsor": "N8N|N8P|N8R|N8S|N8T|N8W|N8X|N8Y|N9A|N9B|N9C|N9E|N9G",
           "Regina": "S4N|S4P|S4R|S4S|S4T|S4V|S4W|S4X|S4Y|S4Z", "St. John's": "A1A|A1B|A1C|A1E|A1G|A1H",
           "Fredericton": "E3A|E3B|E3C|E3E|E3G", "Moncton": "E1A|E1C|E1E|E1G", "Charlottetown": "C1A|C1B|C1C|C1E",
           "Whitehorse": "Y1A", "Yellowknife": "X1A", "Iqaluit": "X0A"},
}
