"""EXHIBIT_CURATORS: the author of every "Cite this page" reference and of each essay's structured
data; production refuses none."""
import json
import re

import pytest

from exhibit.errors import ExhibitBuildError


def _cite_box(mini) -> str:
    return mini.html("essays/arrival.html").split('id="cite-title"')[1].split("</section>")[0]


def test_a_curator_named_as_a_person_is_cited_by_family_name(mini):
    mini.build(EXHIBIT_CURATORS=["Quispe Mamani, Rosa", "Tanaka, Kenji"])
    cite = _cite_box(mini)
    assert "<dd><span class=\"cite-box__text\">Quispe Mamani, Rosa, and Kenji Tanaka. “The Evening of the Reception.”" in cite
    assert "Quispe Mamani, R., & Tanaka, K. (2026, January 10). <i>The evening of the reception</i>." in cite  # APA
    assert "The exhibit's curators" not in cite and "exhibit’s curators" not in cite
    jsonld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                                  mini.html("essays/arrival.html"), re.S)[1])
    article = jsonld["@graph"][1]["mainEntity"]
    assert [a["name"] for a in article["author"]] == ["Rosa Quispe Mamani", "Kenji Tanaka"]
    # What the essay cites is named, not summarised: the source's own page carries its summary.
    assert article["citation"] and not any("abstract" in c for c in article["citation"])


def test_a_group_as_curator_is_cited_by_its_whole_name(mini):
    mini.build(EXHIBIT_CURATORS=[{"literal": "Lima Memory Project"}])
    cite = _cite_box(mini)
    assert cite.count("Lima Memory Project. “The Evening of the Reception.”") == 2  # Chicago and MLA
    assert "Lima Memory Project. (2026, January 10)." in cite  # APA


def test_production_refuses_an_empty_list_of_curators(mini):
    with pytest.raises(ExhibitBuildError) as info:
        mini.build("publishconf.py", EXHIBIT_CURATORS=[])
    (error,) = info.value.log.errors
    assert error.path.endswith("pelicanconf.py")
    assert error.message.startswith("EXHIBIT_CURATORS: empty, but a production build names the curators")
    assert error.hint.startswith("set EXHIBIT_CURATORS in pelicanconf.py to the curators' names")


def test_a_curator_neither_person_nor_group_is_reported(mini):
    with pytest.raises(ExhibitBuildError) as info:
        mini.build(EXHIBIT_CURATORS=["Rosa Quispe"])
    assert "EXHIBIT_CURATORS: 'Rosa Quispe' is neither a person as 'Family, Given' nor a group" in \
        info.value.log.report()
