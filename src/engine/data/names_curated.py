"""Names where Faker's lists read wrong to a native speaker: Arabic (Faker mixes in tribes,
'بنو سعد بن ليث بن بكر', and its names have no Latin spelling, so emails came out as consonant
skeletons 'mhmd'), Hindi (misspelt surnames: 'झादव', 'दुत्ता'); and the common Russian names that
should fill most rows (Faker's list gives 'Наина', 'Милица' as often as 'Анна'). Each curated name
carries the Latin spelling people use in emails."""

from __future__ import annotations


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    words = text.split()
    return tuple(zip(words[::2], words[1::2]))


ARABIC = {
    "male": _pairs("""محمد mohamed أحمد ahmed علي ali محمود mahmoud مصطفى mostafa عمر omar خالد khaled
        يوسف youssef إبراهيم ibrahim عبدالله abdullah حسن hassan حسين hussein عبدالرحمن abdelrahman كريم karim
        طارق tarek سامي sami ماجد majed فهد fahad سعيد saeed ياسر yasser وليد walid هشام hisham عادل adel
        عماد emad نبيل nabil فيصل faisal سلطان sultan ناصر nasser زياد ziad رامي rami باسل basel جمال gamal
        منصور mansour صالح saleh إسماعيل ismail حمزة hamza أنس anas بلال bilal مازن mazen عمرو amr شريف sherif
        أيمن ayman سليمان suleiman تامر tamer هاني hani مروان marwan نادر nader رائد raed عاصم assem
        ياسين yassin سيف saif راشد rashid عبدالعزيز abdulaziz بدر badr نايف nayef مهند mohannad أسامة osama
        إياد iyad جواد jawad حازم hazem"""),
    "female": _pairs("""فاطمة fatma مريم mariam نور nour سارة sara ليلى layla هدى hoda آية aya منى mona ريم reem
        سلمى salma ياسمين yasmin رنا rana دينا dina هند hind أمل amal نادية nadia رحاب rehab إيمان iman هبة heba
        شيماء shaimaa مها maha لينا lina رشا rasha سمر samar نهى noha عائشة aisha زينب zainab خديجة khadija
        جميلة jamila حنان hanan سعاد souad وفاء wafaa رانيا rania دعاء doaa أسماء asmaa نوال nawal سهى suha
        لمى lama جنى jana تالا tala ملك malak روان rawan شهد shahd غادة ghada عبير abeer نسرين nesrine
        سوزان suzan لبنى lubna بسمة basma منار manar هالة hala ندى nada مي mai سناء sanaa أميرة amira دانة dana
        رزان razan لجين lujain جود joud بشرى bushra"""),
    "last": _pairs("""حسن hassan علي ali محمد mohamed إبراهيم ibrahim عبدالله abdullah السيد elsayed أحمد ahmed
        محمود mahmoud مصطفى mostafa خليل khalil يوسف youssef عثمان othman صالح saleh سالم salem منصور mansour
        حداد haddad الخطيب alkhatib النجار alnajjar العلي alali الأحمد alahmad الحسن alhassan الشمري alshammari
        العتيبي alotaibi القحطاني alqahtani الدوسري aldosari الزهراني alzahrani الغامدي alghamdi المالكي almalki
        الحربي alharbi المطيري almutairi الكعبي alkaabi المنصوري almansouri الهاشمي alhashimi
        عبدالرحمن abdelrahman عبدالعزيز abdelaziz فرج farag شاهين shaheen عيسى issa موسى moussa جابر jaber
        نصار nassar عواد awad سليمان suleiman حمدان hamdan الخوري alkhoury عودة odeh قاسم qasem ناصر nasser
        عبدالحميد abdelhamid درويش darwish البنا elbanna الشريف elsherif زيدان zidan حجازي hegazy عطية attia
        رضوان radwan بكر bakr سعيد saeed الراشد alrashed الفارس alfares"""),
}

HINDI = {
    "male": _pairs("""राहुल rahul अमित amit विकास vikas राजेश rajesh सुनील sunil अनिल anil संजय sanjay रवि ravi
        अजय ajay विजय vijay मनोज manoj दीपक deepak प्रदीप pradeep अंकित ankit रोहित rohit सौरभ saurabh गौरव gaurav
        अभिषेक abhishek आदित्य aditya आर्यन aryan अर्जुन arjun विवेक vivek नितिन nitin सचिन sachin
        प्रशांत prashant आशीष ashish मुकेश mukesh रमेश ramesh सुरेश suresh महेश mahesh राकेश rakesh हर्ष harsh
        कुणाल kunal वरुण varun करण karan निखिल nikhil पंकज pankaj योगेश yogesh शुभम shubham अनुराग anurag"""),
    "female": _pairs("""प्रिया priya पूजा pooja नेहा neha अंजलि anjali सुनीता sunita अनीता anita रीता rita
        कविता kavita स्नेहा sneha दिव्या divya श्वेता shweta आरती aarti ज्योति jyoti मीना meena रेखा rekha सीमा seema
        ममता mamta निशा nisha शालिनी shalini प्रियंका priyanka रुचि ruchi स्वाति swati आकांक्षा akanksha
        कोमल komal सोनिया sonia राधा radha लक्ष्मी lakshmi गीता geeta सरिता sarita पायल payal अदिति aditi ईशा isha
        तनुजा tanuja मोनिका monika वर्षा varsha रश्मि rashmi भावना bhavna सपना sapna किरण kiran अर्चना archana"""),
    "last": _pairs("""शर्मा sharma वर्मा verma गुप्ता gupta सिंह singh कुमार kumar यादव yadav पटेल patel जैन jain
        अग्रवाल agarwal मिश्रा mishra पाण्डेय pandey तिवारी tiwari श्रीवास्तव srivastava चौहान chauhan ठाकुर thakur
        राठौर rathore मेहता mehta शाह shah जोशी joshi दुबे dubey त्रिपाठी tripathi चौधरी chaudhary मल्होत्रा malhotra
        कपूर kapoor खन्ना khanna सक्सेना saxena भट्ट bhatt नायर nair रेड्डी reddy राव rao अय्यर iyer दास das
        बनर्जी banerjee मुखर्जी mukherjee चटर्जी chatterjee घोष ghosh बोस bose सेन sen दत्ता dutta मंडल mandal
        प्रसाद prasad सिन्हा sinha जाधव jadhav पाटिल patil देशमुख deshmukh कुलकर्णी kulkarni गोयल goyal
        बंसल bansal मित्तल mittal अरोड़ा arora भाटिया bhatia सेठी sethi गिल gill संधू sandhu शुक्ला shukla
        उपाध्याय upadhyay द्विवेदी dwivedi रस्तोगी rastogi चतुर्वेदी chaturvedi"""),
}

# (language or locale) -> curated lists replacing Faker's
CURATED_NAMES = {"ar": ARABIC, "hi_IN": HINDI}

# Russian first names of people alive today, most common first (Rosstat's birth registers and
# census counts, rounded into a ranked list); they take COMMON_SHARE of rows, Faker's others the rest.
COMMON_RUSSIAN = {
    "male": """Александр Сергей Дмитрий Андрей Алексей Максим Евгений Иван Михаил Артём Владимир Николай Игорь
        Павел Роман Олег Денис Антон Илья Кирилл Никита Егор Виктор Юрий Константин Владислав Вадим Станислав
        Георгий Тимур Матвей Даниил Григорий Василий Пётр Фёдор Степан Руслан Глеб Ярослав""".split(),
    "female": """Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина Светлана Юлия Анастасия Марина Дарья
        Ксения Александра Виктория Полина Валерия Алина Елизавета Софья Людмила Галина Вера Надежда Любовь
        Оксана Кристина Евгения Алёна Арина Вероника Милана Ева Варвара Дина Яна Алла Лариса Нина""".split(),
}
COMMON_SHARE = 0.9


def curated_names(locale: str) -> dict | None:
    """Curated (native, latin) lists of a locale or its language, or None."""
    return CURATED_NAMES.get(locale) or CURATED_NAMES.get(locale.split("_")[0])

# Vietnamese surnames with their shares of the population (Nguyễn about 38%); Faker lists ten, evenly.
VIETNAMESE_SURNAMES = {"Nguyễn": 38.4, "Trần": 11.0, "Lê": 9.5, "Phạm": 7.1, "Hoàng": 4.1, "Huỳnh": 4.1,
                       "Phan": 4.5, "Vũ": 3.9, "Võ": 3.9, "Đặng": 2.1, "Bùi": 2.0, "Đỗ": 1.4, "Hồ": 1.3,
                       "Ngô": 1.3, "Dương": 1.0, "Lý": 0.5, "Đinh": 0.9, "Trương": 1.3, "Mai": 0.6, "Lương": 0.5}
# Middle names by gender: a Vietnamese full name is family, middle, given ('Nguyễn Văn An', 'Trần Thị Mai').
VIETNAMESE_MIDDLE = {"male": ("Văn", "Văn", "Văn", "Quang", "Đức", "Minh", "Hoàng", "Hữu", "Thanh", "Công",
                              "Xuân", "Thế", "Tấn", "Bảo"),
                     "female": ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Mai", "Kim", "Phương", "Hồng",
                                "Bảo", "Diệu")}
