"""Mobile numbers of countries whose Faker formats are not real numbers (th_TH '+66 ### ### ####' has
a digit too many; vi_VN, tr_TR and zh_TW mix landline shapes without area codes), from the
regulators' numbering plans: Thailand (NBTC) 06/08/09 + 8 digits, Vietnam (MIC, since 2018) 03x
05x 07x 08x 09x + 7 digits, Turkey (BTK) 050x 053x 054x 055x + 7 digits written 0532 123 45 67,
Taiwan (NCC) 09 + 8 digits written 0912-345-678. Mobiles only: they belong to no city, so they fit
every row's place ('%' is a digit 2-9)."""

from __future__ import annotations

FORMATS: dict[str, tuple[str, ...]] = {
    "TH": ("08#-###-####", "09#-###-####", "06%-###-####", "+66 8# ### ####", "+66 9# ### ####"),
    "VN": ("09# ### ####", "08% ### ####", "03% ### ####", "070 ### ####", "076 ### ####", "077 ### ####", "078 ### ####", "079 ### ####", "056 ### ####",
           "058 ### ####", "+84 9# ### ####", "+84 3% ### ####"),
    "TR": ("050# ### ## ##", "053# ### ## ##", "054# ### ## ##", "055# ### ## ##", "+90 53# ### ## ##",
           "+90 54# ### ## ##"),
    "TW": ("09##-###-###", "09## ### ###", "+886 9## ### ###", "+886-9##-###-###"),
}
