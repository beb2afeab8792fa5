"""City and region names as a locale writes them where world.json (GeoNames) has none: curated per
locale, keyed by the English (GeoNames) name of world.json's cities and regions.

- hi_IN and ta_IN: India's first language is English, so its cities carry no native name; the Hindi
  (Devanagari) and Tamil spellings follow Faker's `cities`/`states` lists of the locale where they
  name the same place (लखनऊ, ஐதராபாத்), else the usual spelling (Odisha as ओडिशा, not Faker's
  older उडीसा).
- fa_IR: Persian letters (ی, ک), the provinces as Faker's `states` writes them.
- az_AZ: Azerbaijani Latin (Bakı, Gəncə, Sumqayıt), as Faker's `cities`/`districts` write them.
- Corrections of a GeoNames name (a curated name wins over world.json's).
- Arabic, Hebrew and Armenian locales: the cities GeoNames has no Arabic name for (so that every city
  of ar_AE/ar_EG/ar_SA/ar_DZ is native) and every region (governorate, emirate, district, province)
  of their countries' cities. Armenia's cities are Yerevan and its districts: their region is Yerevan.
"""

from __future__ import annotations

_HI_STATES = {
    "Andhra Pradesh": "आंध्र प्रदेश", "Bihar": "बिहार", "Delhi": "दिल्ली", "Gujarat": "गुजरात", "Haryana": "हरियाणा",
    "Jammu and Kashmir": "जम्मू और कश्मीर", "Jharkhand": "झारखंड", "Karnataka": "कर्नाटक",
    "Madhya Pradesh": "मध्य प्रदेश", "Maharashtra": "महाराष्ट्र", "Odisha": "ओडिशा", "Punjab": "पंजाब",
    "Rajasthan": "राजस्थान", "Tamil Nadu": "तमिलनाडु", "Telangana": "तेलंगाना", "Uttar Pradesh": "उत्तर प्रदेश",
    "West Bengal": "पश्चिम बंगाल"}
_TA_STATES = {
    "Andhra Pradesh": "ஆந்திரப் பிரதேசம்", "Bihar": "பீகார்", "Delhi": "தில்லி", "Gujarat": "குஜராத்",
    "Haryana": "அரியானா", "Jammu and Kashmir": "சம்மு காசுமீர்", "Jharkhand": "ஜார்கண்ட்", "Karnataka": "கர்நாடகா",
    "Madhya Pradesh": "மத்தியப் பிரதேசம்", "Maharashtra": "மகாராஷ்டிரா", "Odisha": "ஒடிசா", "Punjab": "பஞ்சாப்",
    "Rajasthan": "ராஜஸ்தான்", "Tamil Nadu": "தமிழ்நாடு", "Telangana": "தெலுங்கானா",
    "Uttar Pradesh": "உத்தரப்பிரதேசம்", "West Bengal": "மேற்கு வங்கம்"}
_HI_CITIES = {
    "Mumbai": "मुंबई", "Delhi": "दिल्ली", "Bengaluru": "बेंगलुरु", "Hyderabad": "हैदराबाद", "Ahmedabad": "अहमदाबाद",
    "Chennai": "चेन्नई", "Kolkata": "कोलकाता", "Surat": "सूरत", "Pune": "पुणे", "Jaipur": "जयपुर", "Kanpur": "कानपुर",
    "Navi Mumbai": "नवी मुंबई", "Lucknow": "लखनऊ", "Nagpur": "नागपुर", "Coimbatore": "कोयंबटूर", "Indore": "इंदौर",
    "Thāne": "ठाणे", "Vadodara": "वडोदरा", "Bhopal": "भोपाल", "Rasapūdipalem": "रसपूडिपालेम",
    "Pimpri-Chinchwad": "पिंपरी-चिंचवड", "Patna": "पटना", "Kallakurichi": "कल्लाकुरिची", "Ludhiana": "लुधियाना",
    "Nashik": "नाशिक", "Madurai": "मदुरै", "Tirunelveli": "तिरुनेलवेली", "Agra": "आगरा", "Faridabad": "फ़रीदाबाद",
    "Rājkot": "राजकोट", "Najafgarh": "नजफ़गढ़", "Jamshedpur": "जमशेदपुर", "Gorakhpur": "गोरखपुर", "Pimpri": "पिंपरी",
    "Kalyān": "कल्याण", "Dombivali": "डोंबिवली", "Meerut": "मेरठ", "Virār": "विरार", "Nowrangapur": "नबरंगपुर",
    "Srinagar": "श्रीनगर"}
_TA_CITIES = {
    "Mumbai": "மும்பை", "Delhi": "தில்லி", "Bengaluru": "பெங்களூரு", "Hyderabad": "ஐதராபாத்", "Ahmedabad": "அகமதாபாத்",
    "Chennai": "சென்னை", "Kolkata": "கொல்கத்தா", "Surat": "சூரத்", "Pune": "புனே", "Jaipur": "ஜெய்ப்பூர்",
    "Kanpur": "கான்பூர்", "Navi Mumbai": "நவி மும்பை", "Lucknow": "லக்னோ", "Nagpur": "நாக்பூர்",
    "Coimbatore": "கோயம்புத்தூர்", "Indore": "இந்தோர்", "Thāne": "தானே", "Vadodara": "வதோதரா", "Bhopal": "போபால்",
    "Rasapūdipalem": "ரசபூடிபாலெம்", "Pimpri-Chinchwad": "பிம்ப்ரி-சிஞ்ச்வடு", "Patna": "பாட்னா",
    "Kallakurichi": "கள்ளக்குறிச்சி", "Ludhiana": "லூதியானா", "Nashik": "நாசிக்", "Madurai": "மதுரை",
    "Tirunelveli": "திருநெல்வேலி", "Agra": "ஆக்ரா", "Faridabad": "பரீதாபாத்", "Rājkot": "ராஜ்கோட்",
    "Najafgarh": "நஜஃப்கர்", "Jamshedpur": "ஜம்சேத்பூர்", "Gorakhpur": "கோரக்பூர்", "Pimpri": "பிம்ப்ரி",
    "Kalyān": "கல்யாண்", "Dombivali": "டோம்பிவிலி", "Meerut": "மீரட்", "Virār": "விரார்", "Nowrangapur": "நபரங்பூர்",
    "Srinagar": "ஸ்ரீநகர்"}
_FA_CITIES = {
    "Tehran": "تهران", "Mashhad": "مشهد", "Isfahan": "اصفهان", "Karaj": "کرج", "Tabriz": "تبریز", "Shiraz": "شیراز",
    "Qom": "قم", "Ahvaz": "اهواز", "Kermanshah": "کرمانشاه", "Rasht": "رشت", "Kerman": "کرمان", "Orūmīyeh": "ارومیه",
    "Zahedan": "زاهدان", "Hamadān": "همدان", "Arāk": "اراک", "Yazd": "یزد", "Eslamshahr": "اسلامشهر",
    "Ardabīl": "اردبیل", "Zanjan": "زنجان", "Bandar Abbas": "بندرعباس", "Sanandaj": "سنندج", "Qazvin": "قزوین",
    "Khorramshahr": "خرمشهر", "Khorramabad": "خرم\u200cآباد", "Shahrīār": "شهریار", "Qods": "قدس", "Kashan": "کاشان",
    "Kāshān": "کاشان", "Khomeynī Shahr": "خمینی\u200cشهر", "Dezful": "دزفول", "Marāgheh": "مراغه", "Sari": "ساری",
    "Borūjerd": "بروجرد", "Qarchak": "قرچک", "Gorgān": "گرگان", "Sabzevar": "سبزوار"}
_FA_STATES = {
    "Alborz Province": "البرز", "Ardabīl": "اردبیل", "East Azerbaijan": "آذربایجان شرقی", "Fars": "فارس",
    "Golestan": "گلستان", "Gīlān": "گیلان", "Hamadān": "همدان", "Hormozgan": "هرمزگان", "Isfahan": "اصفهان",
    "Kerman": "کرمان", "Kermānshāh": "کرمانشاه", "Khuzestan": "خوزستان", "Kordestān": "کردستان",
    "Lorestan Province": "لرستان", "Markazi": "مرکزی", "Māzandarān": "مازندران", "Qazvīn": "قزوین", "Qom": "قم",
    "Razavi Khorasan": "خراسان رضوی", "Sistan and Baluchestan": "سیستان و بلوچستان", "Tehran": "تهران",
    "West Azerbaijan": "آذربایجان غربی", "Yazd": "یزد", "Zanjan": "زنجان"}
_AZ_CITIES = {
    "Baku": "Bakı", "Sumgayit": "Sumqayıt", "Ganja": "Gəncə", "Khirdalan": "Xırdalan", "Yevlakh": "Yevlax",
    "Mingachevir": "Mingəçevir", "Lankaran": "Lənkəran", "Sheki": "Şəki",
    **{same: same for same in ("Naxçıvan", "Qaraçuxur", "Lerik", "Şirvan", "Xaçmaz")}}  # already Azerbaijani
_AZ_STATES = {
    "Baki": "Bakı", "Gǝncǝ": "Gəncə", "Mingǝcevir": "Mingəçevir", "Nakhichevan": "Naxçıvan", "Shaki City": "Şəki",
    "Shirvan": "Şirvan", "Sumqayit": "Sumqayıt", "Yevlax City": "Yevlax"}

CITIES: dict[str, dict[str, str]] = {
    "hi_IN": _HI_CITIES, "ta_IN": _TA_CITIES, "fa_IR": _FA_CITIES, "az_AZ": _AZ_CITIES,
    "ar_AE": {"Business Bay": "الخليج التجاري", "Dubai Investments Park": "مجمع دبي للاستثمار",
              "International City": "المدينة العالمية"},
    "ar_EG": {"Madīnat an Naşr": "مدينة نصر", "Al Khuşūş": "الخصوص", "Kom Ombo": "كوم أمبو"},
    "ar_SA": {"Sulţānah": "سلطانة", "Unaizah": "عنيزة"},
    "ar_DZ": {"El Eulma": "العلمة"},
    # As Japanese writes a municipality: 市 for a city, 区 for a Tokyo ward (GeoNames drops both;
    # its first CJK name of Kagoshima is the simplified Chinese 鹿儿岛市). Tokyo itself is 東京都's.
    "ja_JP": {"Kagoshima": "鹿児島市", **{en: ja + "市" for en, ja in (
        ("Yokohama", "横浜"), ("Osaka", "大阪"), ("Nagoya", "名古屋"), ("Sapporo", "札幌"), ("Fukuoka", "福岡"),
        ("Kawasaki", "川崎"), ("Kobe", "神戸"), ("Kyoto", "京都"), ("Saitama", "さいたま"), ("Hiroshima", "広島"),
        ("Sendai", "仙台"), ("Chiba", "千葉"), ("Kitakyushu", "北九州"), ("Sakai", "堺"), ("Niigata", "新潟"),
        ("Hamamatsu", "浜松"), ("Kumamoto", "熊本"), ("Okayama", "岡山"), ("Sagamihara", "相模原"),
        ("Shizuoka", "静岡"), ("Kawaguchi", "川口"), ("Hachiōji", "八王子"), ("Himeji", "姫路"),
        ("Utsunomiya", "宇都宮"), ("Matsuyama", "松山"), ("Matsudo", "松戸"), ("Ichikawa", "市川"),
        ("Higashiosaka", "東大阪"), ("Nishinomiya", "西宮"), ("Funabashi", "船橋"), ("Kagoshima", "鹿児島"))},
        **{en: ja + "区" for en, ja in (("Suginami", "杉並"), ("Itabashi", "板橋"), ("Setagaya", "世田谷"),
                                        ("Ōta", "大田"), ("Edogawe", "江戸川"), ("Adachi", "足立"), ("Kotō", "江東"),
                                        ("Nerima", "練馬"), ("Shinjuku", "新宿"))}},
}

REGIONS: dict[str, dict[str, str]] = {
    "hi_IN": _HI_STATES, "ta_IN": _TA_STATES, "fa_IR": _FA_STATES, "az_AZ": _AZ_STATES,
    "ar_AE": {"Abu Dhabi": "أبوظبي", "Ajman": "عجمان", "Dubai": "دبي", "Raʼs al Khaymah": "رأس الخيمة",
              "Sharjah": "الشارقة"},
    "ar_BH": {"Bahrain": "البحرين"},
    "ar_PS": {"Palestinian Territory": "فلسطين"},
    "ar_EG": {"Alexandria": "الإسكندرية", "Aswan": "أسوان", "Asyut": "أسيوط", "Beheira": "البحيرة",
              "Beni Suweif": "بني سويف", "Cairo": "القاهرة", "Dakahlia": "الدقهلية", "Damietta": "دمياط",
              "Faiyum": "الفيوم", "Gharbia": "الغربية", "Giza": "الجيزة", "Ismailia": "الإسماعيلية",
              "Kafr el-Sheikh": "كفر الشيخ", "Luxor": "الأقصر", "Matruh": "مطروح", "Minya": "المنيا",
              "Monufia": "المنوفية", "North Sinai": "شمال سيناء", "Port Said": "بورسعيد", "Qalyubia": "القليوبية",
              "Qena": "قنا", "Red Sea": "البحر الأحمر", "Sharqia": "الشرقية", "Sohag": "سوهاج", "Suez": "السويس"},
    "ar_SA": {"'Asir Region": "منطقة عسير", "Al-Qassim Region": "منطقة القصيم", "Eastern Province": "المنطقة الشرقية",
              "Ha'il Region": "منطقة حائل", "Jazan Region": "منطقة جازان", "Mecca Region": "منطقة مكة المكرمة",
              "Medina Region": "منطقة المدينة المنورة", "Najran Region": "منطقة نجران", "Riyadh Region": "منطقة الرياض",
              "Tabuk Region": "منطقة تبوك"},
    "ar_DZ": {"Algiers": "الجزائر", "Annaba": "عنابة", "Batna": "باتنة", "Biskra": "بسكرة", "Blida": "البليدة",
              "Bordj Bou Arréridj": "برج بوعريريج", "Béchar": "بشار", "Béjaïa": "بجاية", "Chlef": "الشلف",
              "Constantine": "قسنطينة", "Djelfa": "الجلفة", "El Oued": "الوادي", "Medea": "المدية",
              "Mostaganem": "مستغانم", "Oran": "وهران", "Ouargla": "ورقلة", "Sidi Bel Abbès": "سيدي بلعباس",
              "Skikda": "سكيكدة", "Souk Ahras": "سوق أهراس", "Sétif": "سطيف", "Tiaret": "تيارت", "Tlemcen": "تلمسان",
              "Tébessa": "تبسة"},
    "ar_JO": {"Ajlun": "عجلون", "Amman": "عمان", "Aqaba": "العقبة", "Balqa": "البلقاء", "Irbid": "إربد",
              "Mafraq": "المفرق", "Zarqa": "الزرقاء"},
    "he_IL": {"Central District": "מחוז המרכז", "Haifa": "מחוז חיפה", "Jerusalem": "מחוז ירושלים",
              "Southern District": "מחוז הדרום", "Tel Aviv": "מחוז תל אביב"},
    "hy_AM": {"Armenia": "Երևան"},
}

from src.engine.data.native_places_more import CITIES_MORE, CITY_REGIONS, REGIONS_MORE  # noqa: E402,F401

CITIES.update(CITIES_MORE)
REGIONS.update(REGIONS_MORE)
