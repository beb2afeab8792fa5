"""Each Latin-script locale's streets come from its own Faker address data (or curated lists where
Faker has none), on its own rows and on its country's rows of a world sample: never another
country's layout (de_DE 'Pohlstraße 192' in the Netherlands, US '7792 Howard Boulevard' in Turkey)."""

import re

import pytest

from src.engine import vocab
from src.engine.data import world
from tests.engine.conftest import generate

# What each locale's street looks like, written from the country's own conventions (not the data).
SHAPES = {
    "nl_NL": r"\S+(baan|boulevard|dreef|hof|laan|pad|ring|singel|steeg|straat|weg) \d+",
    "sv_SE": r"\S+(gatan|vägen|stigen|gränd|torget) \d+",
    "pl_PL": r"(ul\.|al\.|pl\.) [A-ZŁŚŻŹĆ0-9].* \d+",
    "es_MX": r"(Calle|Avenida|Calzada|Privada|Cerrada|Andador|Boulevard|Prolongación|Callejón) \S.* \d+",
    "tr_TR": r".+ (Sokak|Caddesi|Bulvarı) No: \d+",
    "vi_VN": r"Số \d+ (Đường|Phố) .+",
    "id_ID": r"(Jl\.|Jalan|Gg\.) .+ No\. \d+",
    "cs_CZ": r"[^\d]+ \d+",
    "da_DK": r"\S.*(gade|vej|stræde|allé|plads|boulevard|Allé|Vej|Gade)\S* \d+",
    "fi_FI": r".+(tie|katu|polku|kuja|rinne|bulevardi) \d+",
    "hu_HU": r".+ (utca|út|tér|körút|sétány|köz|u\.) \d+",
    "pt_PT": r"(Rua|Avenida|Av\.|Travessa|Largo|Praça|Alameda) .+, \d+",
    "ro_RO": r"\S+ .+ nr\. \d+",
}
FOREIGN = re.compile(r"straße|Boulevard$|Street|Avenue|Road|Drive|^C\. |^Calle .*, \d+$")


@pytest.mark.parametrize("locale", sorted(SHAPES))
def test_every_street_of_a_locale_has_its_own_countrys_shape(locale):
    rows = generate([{"name": "street", "type": "street_address"}], rows=400, locale=locale)
    bad = [s for s in rows["street"] if not re.fullmatch(SHAPES[locale], s)]
    assert not bad, bad[:5]
    assert len(set(rows["street"])) > 300  # varied names, not a handful


def test_a_world_sample_gives_each_country_its_own_streets():
    rows = generate([{"name": "street", "type": "street_address"}, {"name": "cc", "type": "country_code"}],
                    rows=6000)
    by_code = {code: locale for locale, code in ((l, l.split("_")[1]) for l in SHAPES)}
    checked = 0
    for street, code in zip(rows["street"], rows["cc"]):
        if code in by_code:
            assert re.fullmatch(SHAPES[by_code[code]], street), (code, street)
            assert not FOREIGN.search(street) or code == "MX", (code, street)
            checked += 1
    assert checked > 300


def test_street_names_come_from_fakers_lists_of_the_locale():
    for locale, key in (("vi_VN", "streets"), ("id_ID", "streets"), ("pl_PL", "streets"), ("cs_CZ", "streets")):
        own = set(vocab.faker_lists("providers", "address", locale, joined=True)[key])
        rows = generate([{"name": "street", "type": "street_address"}], rows=200, locale=locale)
        assert all(any(name in s for name in own) for s in rows["street"]), locale
    assert world.index_of_code("TR") is not None
