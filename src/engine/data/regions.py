"""Region names in the country's own script, for the regions of world.json's cities, keyed by the
English (GeoNames) name. JP/CN/KR spellings are those of Faker's own lists (`prefectures`,
`provinces`, `metropolitan_cities`); RU/UA/GR/TW are curated (Faker has no region list for them).
Countries whose regions are already written in their language (DE, FR, ...) need none; those of
Arabic, Hebrew, Hindi and other scripts are not curated yet and keep English region names, which an
address in the locale's script leaves out.
"""

from __future__ import annotations

NATIVE_REGIONS: dict[str, dict[str, str]] = {
    "JP": {"Aichi": "愛知県", "Chiba": "千葉県", "Ehime": "愛媛県", "Fukuoka": "福岡県", "Hiroshima": "広島県",
           "Hokkaido": "北海道", "Hyogo": "兵庫県", "Ibaraki": "茨城県", "Kagoshima": "鹿児島県", "Kanagawa": "神奈川県",
           "Kumamoto": "熊本県", "Kyoto": "京都府", "Miyagi": "宮城県", "Niigata": "新潟県", "Okayama": "岡山県",
           "Osaka": "大阪府", "Saitama": "埼玉県", "Shizuoka": "静岡県", "Tochigi": "栃木県", "Tokyo": "東京都"},
    "CN": {"Anhui": "安徽省", "Beijing": "北京市", "Chongqing": "重庆市", "Fujian": "福建省", "Guangdong": "广东省",
           "Guangxi": "广西壮族自治区", "Hebei": "河北省", "Heilongjiang": "黑龙江省", "Henan": "河南省", "Hubei": "湖北省",
           "Jiangsu": "江苏省", "Jilin": "吉林省", "Liaoning": "辽宁省", "Ningxia Hui Autonomous Region": "宁夏回族自治区",
           "Shaanxi": "陕西省", "Shandong": "山东省", "Shanghai": "上海市", "Shanxi": "山西省", "Sichuan": "四川省",
           "Tianjin": "天津市", "Yunnan": "云南省", "Zhejiang": "浙江省"},
    "KR": {"Busan": "부산광역시", "Chungcheongnam-do": "충청남도", "Daegu": "대구광역시", "Daejeon": "대전광역시",
           "Gangwon-do": "강원특별자치도", "Gwangju": "광주광역시", "Gyeonggi-do": "경기도", "Gyeongsangbuk-do": "경상북도",
           "Gyeongsangnam-do": "경상남도", "Incheon": "인천광역시", "Jeju-do": "제주특별자치도", "Jeollabuk-do": "전북특별자치도",
           "North Chungcheong": "충청북도", "Sejong-si": "세종특별자치시", "Seoul": "서울특별시", "Ulsan": "울산광역시"},
    "TW": {"Changhua": "彰化縣", "Chiayi": "嘉義市", "Hsinchu": "新竹市", "Hsinchu County": "新竹縣", "Kaohsiung": "高雄市",
           "Keelung": "基隆市", "New Taipei": "新北市", "Taichung": "臺中市", "Tainan": "臺南市", "Taipei": "臺北市",
           "Taoyuan": "桃園市"},
    "RU": {"Altai Krai": "Алтайский край", "Astrakhan Oblast": "Астраханская область",
           "Bashkortostan Republic": "Республика Башкортостан", "Chelyabinsk": "Челябинская область",
           "Chuvashia": "Чувашская Республика", "Dagestan": "Республика Дагестан", "Irkutsk Oblast": "Иркутская область",
           "Khabarovsk": "Хабаровский край", "Kirov Oblast": "Кировская область", "Krasnodar Krai": "Краснодарский край",
           "Krasnoyarsk Krai": "Красноярский край", "Kuzbass": "Кемеровская область", "Lipetsk Oblast": "Липецкая область",
           "Moscow": "Москва", "Nizhny Novgorod Oblast": "Нижегородская область",
           "Novosibirsk Oblast": "Новосибирская область", "Omsk Oblast": "Омская область",
           "Orenburg Oblast": "Оренбургская область", "Penza Oblast": "Пензенская область", "Perm Krai": "Пермский край",
           "Primorye": "Приморский край", "Rostov": "Ростовская область", "Ryazan Oblast": "Рязанская область",
           "Samara Oblast": "Самарская область", "Saratov Oblast": "Саратовская область",
           "St.-Petersburg": "Санкт-Петербург", "Sverdlovsk Oblast": "Свердловская область",
           "Tatarstan Republic": "Республика Татарстан", "Tomsk Oblast": "Томская область", "Tula Oblast": "Тульская область",
           "Tyumen Oblast": "Тюменская область", "Udmurtiya Republic": "Удмуртская Республика",
           "Ulyanovsk": "Ульяновская область", "Volgograd Oblast": "Волгоградская область",
           "Voronezh Oblast": "Воронежская область", "Yaroslavl Oblast": "Ярославская область"},
    "UA": {"Cherkasy": "Черкаська область", "Chernihiv": "Чернігівська область", "Chernivtsi": "Чернівецька область",
           "Crimea": "Автономна Республіка Крим", "Dnipropetrovsk": "Дніпропетровська область",
           "Donetsk": "Донецька область", "Kharkiv": "Харківська область", "Khmelnytskyi": "Хмельницька область",
           "Kyiv City": "Київ", "Luhansk": "Луганська область", "Lviv": "Львівська область",
           "Mykolaiv": "Миколаївська область", "Odessa": "Одеська область", "Poltava": "Полтавська область",
           "Sevastopol City": "Севастополь", "Vinnytsia": "Вінницька область", "Zaporizhzhia": "Запорізька область",
           "Zhytomyr": "Житомирська область"},
    "GR": {"Attica": "Αττική", "Central Macedonia": "Κεντρική Μακεδονία", "Crete": "Κρήτη", "Thessaly": "Θεσσαλία",
           "West Greece": "Δυτική Ελλάδα"},
}
