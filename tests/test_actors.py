"""The actor reference: complete, and resolving the names reports really use."""

from __future__ import annotations

import pytest

from loaders.actors import reference


def test_every_un_member_and_observer_is_known():
    ref = reference()
    states = [a for a in ref.actors.values() if a.kind == "state"]
    assert len(states) == 193
    assert {a.code for a in ref.actors.values() if a.kind == "observer"} == {"VAT", "PSE"}
    assert all(a.region for a in states)
    assert len(ref.groups["EU"]) == 27 and len(ref.groups["AFRICAN_GROUP"]) == 54


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("the US", "USA"), ("the UK", "GBR"), ("Russia", "RUS"), ("Iran", "IRN"),
        ("Korea", "KOR"), ("the Republic of Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"), ("Türkiye", "TUR"), ("Turkey", "TUR"),
        ("Côte d’Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"), ("Cabo Verde", "CPV"),
        ("São Tomé and Príncipe", "STP"), ("Tanzania", "TZA"), ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"), ("Lichtenstein", "LIE"), ("the European Union", "EU"),
        ("the Caribbean Community", "CARICOM"), ("Africa group", "AFRICAN_GROUP"),
        ("Niger", "NER"), ("Nigeria", "NGA"), ("Guinea", "GIN"), ("Dominica", "DMA"),
        ("Democratic Republic of Congo", "COD"),
    ],
)  # fmt: skip
def test_aliases_resolve(name, code):
    assert reference().resolve(name) == code


def test_unknown_names_get_suggestions_not_guesses():
    ref = reference()
    assert ref.resolve("Atlantis") is None
    assert ref.resolve("the Chair") is None
    assert ref.suggest("Swizterland")[0] == "Switzerland (CHE)"
