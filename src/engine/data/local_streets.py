"""Streets of Latin-script locales from their own Faker address data, used for every row of the
locale's country (with or without a locale): 'Chloéhof 78' (nl), 'Strandgränd 328' (sv),
'ul. Długa 90' (pl), 'Jl. Asia Afrika No. 12' (id), 'Số 19 Đường Hoàng Diệu' (vi),
'Lale Sokak No: 12' (tr, curated: Faker has no tr_TR address provider), '41, Sharma Nagar' (en_IN:
Faker's en_IN street formats, with rows of India in any locale but its own Indic ones).

Each entry: (affix keys, layout with {n} name, {a} affix, {no} number, name source). The name source
is Faker list keys of the locale's address provider, or 'first' / 'last' for its person names (the
layout Faker itself uses: nl first_name + suffix, no last_name + suffix). `CURATED` holds lists Faker
lacks or has in a shape that would read wrong (pl 'ulica' is written 'ul.' before a number).
"""

from __future__ import annotations

LOCAL_STREETS: dict[str, tuple[tuple[str, ...], str, object]] = {
    "nl_NL": (("street_suffixes",), "{n}{a} {no}", "first"),
    "nl_BE": (("street_suffixes",), "{n}{a} {no}", "first"),
    "sv_SE": (("street_suffixes",), "{n}{a} {no}", ("street_prefixes",)),
    "fi_FI": (("street_suffixes",), "{n}{a} {no}", ("street_prefixes",)),
    "da_DK": (("street_suffixes",), "{n}{a} {no}", ("street_names",)),
    "no_NO": (("street_suffixes",), "{n}{a} {no}", "last"),
    "pl_PL": (("pl_prefixes",), "{a} {n} {no}", ("streets",)),
    "cs_CZ": ((), "{n} {no}", ("streets",)),
    "sk_SK": ((), "{n} {no}", ("streets",)),
    "sl_SI": ((), "{n} {no}", ("streets",)),
    "hr_HR": ((), "{n} {no}", ("streets",)),
    "hu_HU": (("street_suffixes",), "{n} {a} {no}", ("frequent_street_names", "hu_streets")),
    "ro_RO": (("street_prefixes",), "{a} {n} nr. {no}", "last"),
    "pt_PT": (("pt_prefixes",), "{a} {n}, {no}", "last"),
    "es_MX": (("mx_prefixes",), "{a} {n} {no}", "last"),
    "es_AR": (("ar_prefixes",), "{a} {n} {no}", ("street_proceres",)),
    "es_CL": (("cl_prefixes",), "{a} {n} {no}", ("common_street_names",)),
    "fr_CH": (("street_prefixes",), "{a} {n} {no}", "last"),
    "fr_CA": (("street_prefixes",), "{no} {a} {n}", "last"),
    "vi_VN": (("vi_prefixes",), "Số {no} {a} {n}", ("streets",)),
    "id_ID": (("id_prefixes",), "{a} {n} No. {no}", ("streets",)),
    "tr_TR": (("tr_affixes",), "{n} {a} No: {no}", ("tr_streets",)),
    "en_IN": (("in_affixes",), "{no}, {n} {a}", "last"),
}

# The locale of each country whose rows take these streets whatever the job's locale.
COUNTRY_STREET_LOCALES = {"NL": "nl_NL", "BE": "nl_BE", "SE": "sv_SE", "FI": "fi_FI", "DK": "da_DK", "NO": "no_NO",
                          "PL": "pl_PL", "CZ": "cs_CZ", "SK": "sk_SK", "SI": "sl_SI", "HR": "hr_HR", "HU": "hu_HU",
                          "RO": "ro_RO", "PT": "pt_PT", "MX": "es_MX", "AR": "es_AR", "CL": "es_CL", "VN": "vi_VN",
                          "ID": "id_ID", "TR": "tr_TR", "IN": "en_IN"}

# Repeats weight the common forms (most Polish streets are 'ul.', most Turkish ones 'Sokak').
CURATED: dict[str, dict[str, tuple[str, ...]]] = {
    "pl_PL": {"pl_prefixes": ("ul.",) * 8 + ("al.", "pl.")},
    "pt_PT": {"pt_prefixes": ("Rua",) * 4 + ("Avenida", "Av.", "Travessa", "Largo", "Praça", "Alameda")},
    "es_MX": {"mx_prefixes": ("Calle",) * 6 + ("Avenida",) * 3 + ("Calzada", "Privada", "Cerrada", "Andador",
                                                                   "Boulevard", "Prolongación", "Callejón")},
    "es_AR": {"ar_prefixes": ("Calle",) * 3 + ("Avenida",) * 2 + ("Av.", "Pasaje")},
    "es_CL": {"cl_prefixes": ("Calle",) * 3 + ("Avenida",) * 2 + ("Av.", "Pasaje")},
    "en_IN": {"in_affixes": ("Road",) * 4 + ("Nagar",) * 3 + ("Street",) * 2 + ("Marg", "Path", "Ganj", "Colony")},
    "vi_VN": {"vi_prefixes": ("Đường",) * 3 + ("Phố",)},
    "id_ID": {"id_prefixes": ("Jl.",) * 6 + ("Jalan",) * 2 + ("Gg.",)},
    "hu_HU": {"hu_streets": ("Rákóczi", "Bajcsy-Zsilinszky", "Széchenyi", "Deák Ferenc", "Jókai", "Kölcsey",
                             "Vörösmarty", "Bartók Béla", "Kodály Zoltán", "Liszt Ferenc", "Hunyadi", "Rózsa",
                             "Kert", "Fő", "Templom", "Iskola", "Vasút", "Virág", "Tavasz", "Hársfa")},
    "tr_TR": {
        "tr_affixes": ("Sokak",) * 6 + ("Caddesi",) * 3 + ("Bulvarı",),
        "tr_streets": ("Atatürk", "Cumhuriyet", "İstiklal", "Gazi", "Mimar Sinan", "Fatih", "Yunus Emre", "Mevlana",
                       "Barış", "Çiçek", "Lale", "Gül", "Menekşe", "Papatya", "Akasya", "Ihlamur", "Çamlık",
                       "Değirmen", "Okul", "Çarşı", "Hürriyet", "İnönü", "Kazım Karabekir", "Mehmet Akif",
                       "Namık Kemal", "Ziya Gökalp", "Alparslan", "Kanuni", "Yavuz Selim", "Fevzi Çakmak",
                       "Millet", "Zafer", "Bağdat", "Halaskargazi", "Mithatpaşa", "Kıbrıs Şehitleri",
                       "Necatibey", "Talatpaşa", "Adnan Menderes", "Turgut Özal", "Orhan Gazi", "Osmangazi",
                       "Güneş", "Yıldız", "Bahar", "Pınar", "Zeytin", "Nergis", "Sümbül", "Karanfil", "Erguvan",
                       "Çınar", "Meşe", "Söğüt", "Kavak", "Huzur", "Sevgi", "Dostluk", "Kardeşlik", "Şehit Ali",
                       "Hacı Bayram", "Ulubatlı Hasan", "Piri Reis", "Barbaros", "Dumlupınar", "Sakarya",
                       "Kocatepe", "Anafartalar", "Mustafa Kemal", "Selçuklu", "Ertuğrul Gazi", "Yeşil", "Mavi"),
    },
}
