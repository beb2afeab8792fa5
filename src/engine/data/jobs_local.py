"""Job titles where Faker has no list of the locale's language (it, nl, sv, id, hi: Faker falls back
to English), as (man's title, woman's title) pairs; the same title twice where the language uses one
form for both. Spanish feminine forms, which Faker's `es` list does not have, by rule."""

from __future__ import annotations

import re

CURATED_JOBS: dict[str, tuple[tuple[str, str], ...]] = {
    "it": (("Direttore commerciale", "Direttrice commerciale"), ("Impiegato amministrativo", "Impiegata amministrativa"),
           ("Commesso", "Commessa"), ("Infermiere", "Infermiera"), ("Insegnante", "Insegnante"),
           ("Avvocato", "Avvocata"), ("Medico di base", "Medico di base"), ("Farmacista", "Farmacista"),
           ("Ragioniere", "Ragioniera"), ("Programmatore", "Programmatrice"),
           ("Sviluppatore software", "Sviluppatrice software"), ("Architetto", "Architetta"), ("Cuoco", "Cuoca"),
           ("Cameriere", "Cameriera"), ("Elettricista", "Elettricista"), ("Giornalista", "Giornalista"),
           ("Consulente finanziario", "Consulente finanziaria"), ("Responsabile marketing", "Responsabile marketing"),
           ("Project manager", "Project manager"), ("Contabile", "Contabile"), ("Segretario", "Segretaria"),
           ("Operaio", "Operaia"), ("Magazziniere", "Magazziniera"), ("Autista", "Autista"), ("Geometra", "Geometra"),
           ("Psicologo", "Psicologa"), ("Veterinario", "Veterinaria"), ("Traduttore", "Traduttrice"),
           ("Analista di dati", "Analista di dati"), ("Tecnico informatico", "Tecnica informatica"),
           ("Agente immobiliare", "Agente immobiliare"), ("Barista", "Barista"), ("Parrucchiere", "Parrucchiera"),
           ("Fisioterapista", "Fisioterapista"), ("Addetto alle vendite", "Addetta alle vendite"),
           ("Ingegnere meccanico", "Ingegnera meccanica"), ("Responsabile risorse umane", "Responsabile risorse umane"),
           ("Dirigente scolastico", "Dirigente scolastica"), ("Operatore di call center", "Operatrice di call center"),
           ("Educatore", "Educatrice")),
    "nl": tuple((t, t) for t in (
        "Verpleegkundige", "Accountant", "Boekhouder", "Softwareontwikkelaar", "Projectleider", "Verkoopmedewerker",
        "Klantenservicemedewerker", "Huisarts", "Tandarts", "Advocaat", "Notaris", "Elektricien", "Loodgieter", "Kok",
        "Vrachtwagenchauffeur", "Apotheker", "Fysiotherapeut", "Marketingmanager", "Financieel adviseur",
        "Data-analist", "Systeembeheerder", "Architect", "Beleidsmedewerker", "Administratief medewerker",
        "HR-adviseur", "Magazijnmedewerker", "Logistiek planner", "Makelaar", "Journalist", "Vertaler",
        "Grafisch ontwerper", "Consultant", "Teamleider", "Docent", "Leerkracht basisonderwijs",
        "Salarisadministrateur", "Bedrijfsjurist", "Servicemonteur", "Productmanager", "Controller")) + (
        ("Directeur", "Directrice"), ("Kapper", "Kapster")),
    "sv": tuple((t, t) for t in (
        "Sjuksköterska", "Lärare", "Ekonom", "Revisor", "Systemutvecklare", "Projektledare", "Säljare",
        "Kundtjänstmedarbetare", "Läkare", "Tandläkare", "Advokat", "Elektriker", "Rörmokare", "Snickare", "Kock",
        "Frisör", "Lastbilschaufför", "Apotekare", "Fysioterapeut", "Marknadschef", "Controller", "Dataanalytiker",
        "IT-tekniker", "Arkitekt", "Handläggare", "Administratör", "HR-specialist", "Lagerarbetare", "Undersköterska",
        "Förskollärare", "Fastighetsmäklare", "Journalist", "Översättare", "Grafisk formgivare", "Konsult", "VD",
        "Ekonomiassistent", "Civilingenjör", "Busschaufför", "Polis")),
    "id": tuple((t, t) for t in (
        "Guru", "Perawat", "Dokter", "Akuntan", "Pengembang perangkat lunak", "Manajer proyek", "Staf penjualan",
        "Layanan pelanggan", "Dosen", "Apoteker", "Pengacara", "Notaris", "Teknisi listrik", "Tukang kayu", "Koki",
        "Penata rambut", "Sopir", "Pegawai negeri sipil", "Wiraswasta", "Petani", "Nelayan", "Pedagang",
        "Manajer pemasaran", "Analis data", "Staf administrasi", "Arsitek", "Insinyur sipil", "Bidan", "Wartawan",
        "Penerjemah", "Desainer grafis", "Konsultan", "Karyawan swasta", "Kasir", "Satpam", "Kepala cabang",
        "Staf HRD", "Teller bank", "Pengemudi ojek daring", "Teknisi jaringan")),
    "hi": (("शिक्षक", "शिक्षिका"), ("अध्यापक", "अध्यापिका"), ("लेखक", "लेखिका"), ("अभिनेता", "अभिनेत्री"),
           ("गायक", "गायिका"), ("सेवक", "सेविका"), ("संपादक", "संपादिका")) + tuple((t, t) for t in (
        "डॉक्टर", "नर्स", "इंजीनियर", "सॉफ्टवेयर इंजीनियर", "लेखाकार", "प्रबंधक", "बिक्री प्रबंधक", "वकील",
        "पुलिस अधिकारी", "बैंक क्लर्क", "किसान", "दुकानदार", "ड्राइवर", "दर्जी", "इलेक्ट्रीशियन", "प्लंबर",
        "सरकारी कर्मचारी", "पत्रकार", "अनुवादक", "ग्राफ़िक डिज़ाइनर", "डेटा विश्लेषक", "वास्तुकार", "फार्मासिस्ट",
        "प्रोफ़ेसर", "सलाहकार", "चार्टर्ड अकाउंटेंट", "मानव संसाधन प्रबंधक", "कंप्यूटर ऑपरेटर", "क्लर्क",
        "ग्राहक सेवा अधिकारी", "वैज्ञानिक", "बैंक प्रबंधक", "शाखा प्रबंधक")),
}

# Words of a Spanish title that keep one form for both ('la gerente', 'la periodista', 'la piloto').
_ES_SAME = re.compile(r"(ista|nte|ente|e|a|piloto|modelo|testigo|miembro)$")
_ES_STOP = {"de", "del", "en", "para", "con", "a", "al", "por", "la", "el", "los", "las"}
_ES_JOIN = {"y", "e", "o", "u"}  # 'Instalador y reparador': both nouns take the woman's form


def _feminine_es_word(word: str) -> str:
    lower = word.lower()
    if lower in ("jefe",):
        return word[:-1] + "a"
    if _ES_SAME.search(lower):
        return word
    if lower.endswith("o"):
        return word[:-1] + "a"
    if lower.endswith(("or", "ín", "és", "ón")) and not lower.endswith("ior"):  # director, bailarín, montañés
        plain = word[:-2] + {"í": "i", "é": "e", "ó": "o"}.get(word[-2], word[-2]) + word[-1]
        return plain + "a"
    return word


def feminine_es(title: str) -> str:
    """A Spanish title for a woman: 'Director de ventas' -> 'Directora de ventas', 'Abogado' -> 'Abogada';
    the words after the first preposition stay as they are."""
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        if word.lower() in _ES_STOP:
            out.extend(words[i:])
            break
        out.append(word if word.lower() in _ES_JOIN else _feminine_es_word(word))
    return " ".join(out)
