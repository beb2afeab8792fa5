"""Postal prefixes by city where world.json has them only by region: India's first three PIN digits
(the sorting district: Delhi 110, Mumbai 400, Bengaluru 560) and the US ZIP3 of its main cities
(Chicago 606, Houston 770), keyed by world.json's English (GeoNames) city name. A row of such a city
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
}
