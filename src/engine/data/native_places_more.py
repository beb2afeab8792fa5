"""More city and region names as a locale writes them (see native_places.py), for South Asian
locales and for countries whose cities GeoNames gives no region (GE, MK, CY: their regions per city).

- bn_BD, ne_NP, si_LK: curated Bengali, Nepali and Sinhala names of world.json's cities (where
  GeoNames has none) and of their divisions / provinces (Nepal's current names: Koshi, Madhesh,
  Gandaki; Faker's ne_NP list still numbers them; Faker's spelling of Bagmati).
- mr_IN: the Hindi (Devanagari) spellings with Marathi's own (-पूर, बंगळूरु, लखनौ, इंदूर) and Faker's
  mr_IN `states` spellings (तामिळनाडू, तेलंगणा).
- gu_IN, or_IN: the Hindi spellings carried letter by letter into Gujarati and Odia script (the
  Brahmic blocks of Unicode share one layout: क U+0915 -> ક U+0A95 -> କ U+0B15), Odia writing व as ବ
  and य as ୟ as it does; nuktas dropped (neither script writes them in these names).
"""

from __future__ import annotations

import unicodedata

from src.engine.data.native_places import _HI_CITIES, _HI_STATES

_BN_CITIES = {
    "Pallabi": "পল্লবী", "Mirpur Model Thana": "মিরপুর মডেল থানা", "Mohammadpur": "মোহাম্মদপুর",
    "Hāthazāri": "হাটহাজারী", "Bāndarban": "বান্দরবান", "Shibganj": "শিবগঞ্জ", "Natore": "নাটোর", "Kafrul": "কাফরুল",
    "Bhatara": "ভাটারা", "Narsingdi": "নরসিংদী", "Brāhmanbāria": "ব্রাহ্মণবাড়িয়া", "Cox’s Bāzār": "কক্সবাজার",
    "Jessore": "যশোর", "Nāgarpur": "নাগরপুর", "Narayanganj": "নারায়ণগঞ্জ", "Ashuganj City": "আশুগঞ্জ",
    "Karnaphuli": "কর্ণফুলী", "Chāndpur": "চাঁদপুর", "Motijheel": "মতিঝিল", "Pār Naogaon": "নওগাঁ", "Pābna": "পাবনা",
    "Paltan": "পল্টন", "Tangail": "টাঙ্গাইল"}
_BN_STATES = {
    "Barisāl": "বরিশাল বিভাগ", "Chittagong": "চট্টগ্রাম বিভাগ", "Dhaka": "ঢাকা বিভাগ", "Khulna": "খুলনা বিভাগ",
    "Mymensingh Division": "ময়মনসিংহ বিভাগ", "Rajshahi Division": "রাজশাহী বিভাগ", "Rangpur Division": "রংপুর বিভাগ",
    "Sylhet": "সিলেট বিভাগ"}
_NE_CITIES = {
    "Pātan": "ललितपुर", "Birgañj": "वीरगञ्ज", "Dhangaḍhi̇̄": "धनगढी", "Dharān": "धरान", "Nepalgunj": "नेपालगञ्ज",
    "Lahān": "लहान", "Triyuga": "त्रियुगा", "Inaruwa": "इनरुवा", "Rājbirāj": "राजविराज",
    "Siddharthanagar": "सिद्धार्थनगर", "Madhyapur Thimi": "मध्यपुर थिमी"}
_NE_STATES = {
    "Bagmati Province": "बाग्मती प्रदेश", "Karnali Pradesh": "कर्णाली प्रदेश", "Lumbini Province": "लुम्बिनी प्रदेश",
    "Province 1": "कोशी प्रदेश", "Province 2": "मधेश प्रदेश", "Province 4": "गण्डकी प्रदेश",
    "Sudurpashchim Pradesh": "सुदूरपश्चिम प्रदेश"}
_SI_CITIES = {
    "Colombo": "කොළඹ", "Dehiwala-Mount Lavinia": "දෙහිවල-ගල්කිස්ස", "Maharagama": "මහරගම", "Jaffna": "යාපනය",
    "Moratuwa": "මොරටුව", "Negombo": "මීගමුව", "Pita Kotte": "පිටකෝට්ටේ",
    "Sri Jayewardenepura Kotte": "ශ්‍රී ජයවර්ධනපුර කෝට්ටේ", "Kandy": "මහනුවර", "Trincomalee": "ත්‍රිකුණාමලය",
    "Kalmunai": "කල්මුණේ", "Galle": "ගාල්ල", "Point Pedro": "පේදුරුතුඩුව", "Batticaloa": "මඩකලපුව",
    "Katunayaka": "කටුනායක", "Ambalantota": "අම්බලන්තොට", "Valvedditturai": "වල්වෙටිතුරේ", "Matara": "මාතර",
    "Battaramulla South": "බත්තරමුල්ල දකුණ"}
_SI_STATES = {
    "Central": "මධ්‍යම පළාත", "Eastern Province": "නැගෙනහිර පළාත", "Northern Province": "උතුරු පළාත",
    "Southern": "දකුණු පළාත", "Western": "බස්නාහිර පළාත"}
_MR_CITIES = {**{k: v[:-3] + "पूर" if v.endswith("पुर") else v for k, v in _HI_CITIES.items()},
              "Bengaluru": "बंगळूरु", "Lucknow": "लखनौ", "Indore": "इंदूर", "Coimbatore": "कोइंबतूर"}
_MR_STATES = {**_HI_STATES, "Jammu and Kashmir": "जम्मू आणि काश्मीर", "Tamil Nadu": "तामिळनाडू",
              "Telangana": "तेलंगणा"}


def _from_devanagari(text: str, offset: int, swaps: dict[str, str]) -> str:
    out = []
    for char in text:
        if char in swaps:
            out.append(swaps[char])
        elif "\u0900" <= char <= "\u097f":
            if char == "\u093c":  # nukta
                continue
            out.append(chr(ord(char) + offset))
        else:
            out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


_GU = (0x180, {})
_OR = (0x200, {"व": "ବ", "य": "ୟ"})


def _carried(names: dict[str, str], how) -> dict[str, str]:
    return {k: _from_devanagari(v, *how) for k, v in names.items()}


CITIES_MORE: dict[str, dict[str, str]] = {
    # Taiwan's cities as their own governments write them (the special municipalities are their region too).
    "zh_TW": {"Taipei": "臺北市", "New Taipei City": "新北市", "Taichung": "臺中市", "Kaohsiung": "高雄市",
              "Tainan": "臺南市", "Taoyuan": "桃園區", "Hsinchu": "新竹市", "Keelung": "基隆市", "Chiayi City": "嘉義市",
              "Changhua": "彰化市", "Zhubei": "竹北市"},
    "bn_BD": _BN_CITIES, "ne_NP": _NE_CITIES, "si_LK": _SI_CITIES, "mr_IN": _MR_CITIES,
    "gu_IN": {**_carried(_HI_CITIES, _GU), "Ahmedabad": "અમદાવાદ", "Delhi": "દિલ્હી"},
    "or_IN": {**_carried(_HI_CITIES, _OR), "Delhi": "ଦିଲ୍ଲୀ"},
    # GeoNames has no Thai or Chinese name for these districts
    "th_TH": {"Ban Khlong Prawet": "บ้านคลองประเวศ", "Khlong Sam Wa": "คลองสามวา", "Latkrabang": "ลาดกระบัง"},
    "zh_CN": {"Bao'an": "宝安"}}
# 'and' is the language's own word (Hindi और is not Gujarati અને or Odia ଓ).
REGIONS_MORE: dict[str, dict[str, str]] = {
    "bn_BD": _BN_STATES, "ne_NP": _NE_STATES, "si_LK": _SI_STATES, "mr_IN": _MR_STATES,
    "gu_IN": {**_carried(_HI_STATES, _GU), "Jammu and Kashmir": "જમ્મુ અને કાશ્મીર", "Delhi": "દિલ્હી"},
    "or_IN": {**_carried(_HI_STATES, _OR), "Jammu and Kashmir": "ଜାମ୍ମୁ ଓ କାଶ୍ମୀର", "Odisha": "ଓଡ଼ିଶା"}}
# Regions by city where GeoNames gives the country as every city's region.
CITY_REGIONS: dict[str, dict[str, str]] = {
    "ka_GE": {"Tbilisi": "თბილისი", "Batumi": "აჭარა", "Kutaisi": "იმერეთი", "Rustavi": "ქვემო ქართლი",
              "Sokhumi": "აფხაზეთი", "Gori": "შიდა ქართლი", "Poti": "სამეგრელო-ზემო სვანეთი",
              "Zugdidi": "სამეგრელო-ზემო სვანეთი"},
    "mk_MK": {"Skopje": "Скопски", "Kumanovo": "Североисточен", "Prilep": "Пелагониски", "Bitola": "Пелагониски",
              "Čair": "Скопски", "Tetovo": "Полошки"},
    "el_CY": {"Nicosia": "Λευκωσία", "Limassol": "Λεμεσός", "Larnaca": "Λάρνακα", "Stróvolos": "Λευκωσία"},
    # GeoNames' region is the nation (England); a British address names the county (ceremonial in
    # England, the traditional postal county elsewhere).
    "en_GB": {"London": "Greater London", "Birmingham": "West Midlands", "Glasgow": "Lanarkshire",
              "Manchester": "Greater Manchester", "Sheffield": "South Yorkshire", "Leeds": "West Yorkshire",
              "Edinburgh": "Midlothian", "Liverpool": "Merseyside", "Bristol": "City of Bristol",
              "Cardiff": "South Glamorgan", "Leicester": "Leicestershire", "Bradford": "West Yorkshire",
              "Belfast": "County Antrim", "Coventry": "West Midlands", "Birkenhead": "Merseyside",
              "Nottingham": "Nottinghamshire", "Reading": "Berkshire", "Kingston upon Hull": "East Riding of Yorkshire",
              "Preston": "Lancashire", "Swansea": "West Glamorgan", "Newcastle upon Tyne": "Tyne and Wear",
              "Southend-on-Sea": "Essex", "Brighton": "East Sussex", "Derby": "Derbyshire", "Southampton": "Hampshire",
              "Wolverhampton": "West Midlands", "Plymouth": "Devon", "Stoke-on-Trent": "Staffordshire",
              "Milton Keynes": "Buckinghamshire", "Northampton": "Northamptonshire", "Aberdeen": "Aberdeenshire",
              "Dundee": "Angus", "Newport": "Gwent", "Derry": "County Londonderry", "Londonderry": "County Londonderry",
              "Oxford": "Oxfordshire", "Cambridge": "Cambridgeshire", "York": "North Yorkshire", "Norwich": "Norfolk",
              "Exeter": "Devon", "Sunderland": "Tyne and Wear", "Portsmouth": "Hampshire", "Luton": "Bedfordshire",
              "Bournemouth": "Dorset", "Swindon": "Wiltshire", "Ipswich": "Suffolk", "Inverness": "Inverness-shire"},
}
# English exonyms GeoNames gives as the name, in locales whose own country writes the city otherwise.
EXONYMS: dict[str, dict[str, str]] = {
    "it_IT": {"Rome": "Roma", "Milan": "Milano", "Naples": "Napoli", "Turin": "Torino", "Genoa": "Genova",
              "Florence": "Firenze", "Padua": "Padova", "Circoiscrizione II": "Torino", "Circoiscrizione III": "Torino",
              "Circoiscrizione VIII": "Torino"},
    "de_DE": {"Munich": "München", "Nuremberg": "Nürnberg"}, "de_AT": {"Vienna": "Wien"},
    "pl_PL": {"Warsaw": "Warszawa"}, "pt_PT": {"Lisbon": "Lisboa"}, "cs_CZ": {"Prague": "Praha", "Pilsen": "Plzeň"},
    "da_DK": {"Copenhagen": "København"}, "sv_SE": {"Gothenburg": "Göteborg"}, "ro_RO": {"Bucharest": "București"},
    "nl_NL": {"The Hague": "Den Haag"}, "nl_BE": {"Brussels": "Brussel", "Antwerp": "Antwerpen"},
    "es_MX": {"Mexico City": "Ciudad de México"}, "fi_FI": {"East Helsinki": "Itä-Helsinki"},
    "tr_TR": {"Istanbul": "İstanbul"},
    "vi_VN": {"Hanoi": "Hà Nội", "Ho Chi Minh City": "Thành phố Hồ Chí Minh", "Haiphong": "Hải Phòng",
              "Da Nang": "Đà Nẵng", "Qui Nhon": "Quy Nhơn", "Phu Quoc": "Phú Quốc"},
    "id_ID": {"South Tangerang": "Tangerang Selatan", "Jambi City": "Kota Jambi"},
}
