"""Regional leading digits of phone numbers outside the NANP (curated from each regulator's national
numbering plan), so a row of São Paulo dials 11-19 and a row of Île-de-France 01: the first digits
of the national number (after the trunk 0 or the country code) by the row's region. Mobile ranges,
which are national, are listed with every region (FR 6/7, AU 4). Countries whose plans go by city
rather than region (DE, GB, JP, IN, ...) are not here: their phones take the country's formats.
"""

from __future__ import annotations

_FR_MOBILE = "6|7"
REGION_PREFIXES: dict[str, dict[str, str]] = {
    "BR": {"SP": "11|12|13|14|15|16|17|18|19", "RJ": "21|22|24", "ES": "27|28", "MG": "31|32|33|34|35|37|38",
           "PR": "41|42|43|44|45|46", "SC": "47|48|49", "RS": "51|53|54|55", "DF": "61", "GO": "62|64", "TO": "63",
           "MT": "65|66", "MS": "67", "AC": "68", "RO": "69", "BA": "71|73|74|75|77", "SE": "79", "PE": "81|87",
           "AL": "82", "PB": "83", "RN": "84", "CE": "85|88", "PI": "86|89", "PA": "91|93|94", "AM": "92|97",
           "RR": "95", "AP": "96", "MA": "98|99"},
    "FR": {"Île-de-France": "1", "Normandie": "2", "Bretagne": "2", "Pays de la Loire": "2", "Centre-Val de Loire": "2",
           "Hauts-de-France": "3", "Grand Est": "3", "Bourgogne-Franche-Comté": "3", "Auvergne-Rhône-Alpes": "4",
           "Provence-Alpes-Côte d'Azur": "4", "Corse": "4", "Occitanie": "4|5", "Nouvelle-Aquitaine": "5"},
    "AU": {"NSW": "2", "ACT": "2", "VIC": "3", "TAS": "3", "QLD": "7", "SA": "8", "WA": "8", "NT": "8"},
}
NATIONAL_PREFIXES = {"FR": _FR_MOBILE, "AU": "4"}  # mobiles: any region
# Landline layouts where the country's stored formats are mobile only.
EXTRA_FORMATS = {"AU": ("(0#) #### ####", "0# #### ####", "+61 # #### ####")}


def prefixes(code: str, region: str, national: bool = True) -> tuple[str, ...]:
    """Leading digits of the national number a phone of this region may start with ('' = any);
    with ``national``, the country's mobile ranges too."""
    own = REGION_PREFIXES.get(code, {}).get(region)
    if own is None:
        return ("",)
    national = NATIONAL_PREFIXES.get(code, "") if national else ""
    return tuple(p for p in (own + ("|" + national if national else "")).split("|") if p)


def with_prefix(template: str, calling_code: str, prefix: str) -> str | None:
    """``template`` with its national number's first digits set to ``prefix`` ('0# ## ##', '3' ->
    '03 ## ##'), or None where the template's own digits there differ ('+55 21 ####', '11')."""
    if not prefix:
        return template
    chars = list(template)
    i = 0
    if template.startswith("+" + calling_code):
        i = len(calling_code) + 1
    elif template.lstrip("(").startswith("0"):
        i = template.index("0") + 1
    for digit in prefix:
        while i < len(chars) and chars[i] in " -.()":
            i += 1
        if i >= len(chars) or chars[i] not in ("#", digit):
            return None
        chars[i] = digit
        i += 1
    return "".join(chars)
