"""Streets of countries whose own script is not Latin, romanized as their post and their English-
language maps write them, for rows of those countries in a dataset of any other locale (an English
one, most often): 'No. 88 Zhongshan Road' (CN), 'ul. Lenina, 12' (RU), '45 Teheran-ro' (KR),
'Ermou 12' (GR), '120 King Fahd Road' (SA), '3-12-4 Ginza' (JP), '99 Sukhumvit Road' (TH).
A row of the locale's own country keeps its native-script street (places.py `_NATIVE_STREETS`).

Each entry: (layout with {n} name, {a} affix, {no} number, names, affixes; repeats weight the common).
"""

from __future__ import annotations

ROMANIZED_STREETS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "CN": ("No. {no} {n} {a}",
           ("Zhongshan", "Renmin", "Jiefang", "Jianguo", "Heping", "Xinhua", "Chang'an", "Nanjing", "Huaihai",
            "Yan'an", "Wenhua", "Dongfeng", "Shengli", "Chaoyang", "Changjiang", "Huanghe", "Guangming",
            "Xingfu", "Minzhu", "Beijing", "Shanghai", "Zhongshan North", "Jinqiao", "Tianhe", "Dongsan Huan",
            "Fuxing", "Hongqiao", "Xizang", "Sichuan", "Hubin", "Binjiang", "Qingnian", "Gongyuan", "Zhonghua",
            "Xueyuan", "Keji", "Chengfu", "Wangfujing", "Century", "Jinan", "Hankou", "Yingbin", "Dongfang"),
           ("Road",) * 6 + ("Street",) * 2 + ("Avenue",)),
    "RU": ("{a} {n}, {no}",
           ("Lenina", "Sovetskaya", "Mira", "Gagarina", "Pushkina", "Tverskaya", "Kirova", "Lermontova",
            "Gorkogo", "Molodezhnaya", "Tsentralnaya", "Shkolnaya", "Sadovaya", "Lesnaya", "Naberezhnaya",
            "Oktyabrskaya", "Pervomayskaya", "Komsomolskaya", "Zelenaya", "Novaya", "Chekhova", "Karla Marksa",
            "Pobedy", "Suvorova", "Lomonosova", "Dzerzhinskogo", "Kalinina", "Frunze", "Chapayeva",
            "Sverdlova", "Kutuzova", "Zhukova", "Stroiteley", "Polevaya", "Rechnaya", "Vokzalnaya",
            "Arbat", "Nevsky", "Prospekt Mira", "Moskovskaya", "Yubileynaya", "Vesennyaya"),
           ("ul.",) * 7 + ("pr.", "per.", "bul.")),
    "KR": ("{no} {n}{a}",
           ("Sejong", "Teheran", "Jong", "Eulji", "Toegye", "Gangnam", "Dosan", "Olympic", "Hakdong", "Samil",
            "Yulgok", "Hangang", "Jungang", "Haeundae", "Gwangbok", "Seomyeon", "Dongil", "Gukhoe", "Banpo",
            "Bongeunsa", "Yeongdong", "Apgujeong", "Hyoja", "Changgyeonggung", "Mapo", "Yanghwa", "Sinchon",
            "Namdaemun", "Dongho", "Gyeongin", "Suyeong", "Dalgubeol", "Gumi", "Chungjang", "Uam", "Noksan"),
           ("-ro",) * 5 + ("-daero",) * 2 + ("-gil",) * 3),
    "GR": ("{n} {no}",
           ("Ermou", "Stadiou", "Panepistimiou", "Akadimias", "Patision", "Athinas", "Tsimiski", "Egnatias",
            "Kifisias", "Vasilissis Sofias", "Solonos", "Ippokratous", "Agiou Nikolaou", "Eleftheriou Venizelou",
            "Aristotelous", "Perikleous", "Sokratous", "Kolokotroni", "Karaiskaki", "Miaouli", "Kanari",
            "Mitropoleos", "Adrianou", "Filellinon", "Pireos", "Syngrou", "Alexandras", "Dimokratias",
            "Eirinis", "Kyprou", "Ethnikis Antistaseos", "Papanastasiou", "Agias Sofias", "Olgas", "Kountouriotou",
            "Othonos", "Pindou", "Thiseos", "Mesogeion", "Vouliagmenis", "Marathonos", "Navarinou"),
           ("",)),
    "SA": ("{no} {n} {a}",
           ("King Fahd", "King Abdulaziz", "King Abdullah", "King Salman", "Prince Sultan", "Prince Mohammed bin Abdulaziz",
            "Olaya", "Tahlia", "Al Imam Saud", "Makkah", "Al Madinah", "Prince Majed", "Prince Turki", "Al Urubah",
            "Al Takhassusi", "Uthman bin Affan", "Abu Bakr Al Siddiq", "Omar bin Al Khattab", "Al Malaz",
            "Al Batha", "Al Khurais", "Al Amir Abdullah", "Ibn Khaldun", "Al Hamra", "Al Rawdah", "Al Nuzha",
            "Palestine", "Al Andalus", "Hira", "Al Safa", "Al Faisaliyah", "Dammam", "Al Qadisiyah"),
           ("Road",) * 3 + ("Street",) * 3),
    "JP": ("{a} {n}",
           ("Marunouchi", "Ginza", "Nihonbashi", "Akasaka", "Roppongi", "Shibuya", "Ebisu", "Aoyama",
            "Nishi-Shinjuku", "Ikebukuro", "Ueno", "Asakusa", "Umeda", "Namba", "Shinsaibashi", "Sakae",
            "Tenjin", "Chuo", "Hommachi", "Motomachi", "Minami-Aoyama", "Kita-Horie", "Higashi-Ikebukuro",
            "Sakuragicho", "Kawaramachi", "Gion", "Sannomiya", "Honcho", "Midori", "Asahicho", "Kotobuki",
            "Saiwaicho", "Hakata", "Meieki", "Kanda", "Yotsuya", "Shiba", "Toranomon", "Kojimachi", "Jingumae",
            "Ochanomizu", "Tsukiji", "Kichijoji", "Omotesando", "Nakano", "Sumiyoshi", "Fukushima"),
           tuple(f"{chome}-{ban}-{go}" for chome in range(1, 8) for ban in range(1, 26) for go in range(1, 21))),
    "TH": ("{no} {n} {a}",
           ("Sukhumvit", "Silom", "Sathorn", "Rama IV", "Rama IX", "Phahonyothin", "Ratchadaphisek",
            "Phetchaburi", "Ploenchit", "Wireless", "Charoen Krung", "Yaowarat", "Rama I", "Lat Phrao",
            "Ngamwongwan", "Vibhavadi Rangsit", "Chaeng Watthana", "Srinakarin", "Bangna-Trat", "Nimmanhaemin",
            "Huay Kaew", "Tha Phae", "Chang Khlan", "Mittraphap", "Ratchadamri", "Sri Ayutthaya", "Pradiphat",
            "Chan", "Narathiwat Ratchanakharin", "Thepprasit", "Beach", "Pattaya Sai Song", "Rama III"),
           ("Road",)),
}
