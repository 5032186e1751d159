"""Each offered style against reference entries written out by hand from the style guides.

Ten records of different kinds, as curators write them, formatted by the site's own formatter in
Chicago (notes-bibliography; the guide is the 17th edition, the shipped CSL the 16th), MLA 9 and APA 7.
Where citeproc-py with the shipped CSL cannot produce the guide's form, the case is a strict xfail
that says why: it fails loudly the day it is put right.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from citations.formatting import CitationFormatter
from exhibit.dates import PartialDate
from exhibit.model import Source

RECORDS = {
    "newspaper": dict(title="Rebels Hold Hundreds in Lima", publisher="New York Times", author="Sims, Calvin",
                      published=PartialDate(1996, 12, 19), kind="news report",
                      url="https://www.nytimes.com/1996/12/19/world/rebels.html"),
    "wire": dict(title="Guerrillas Free Some Hostages", publisher="Associated Press",
                 published=PartialDate(1996, 12, 23), kind="news report"),
    "magazine": dict(title="Gala at Gunpoint", publisher="Time", author="Fedarko, Kevin",
                     published=PartialDate(1996, 12, 30), kind="magazine article"),
    "journal": dict(title="The Lima Crisis", publisher="Journal of Latin American Studies",
                    author="Palmer, David Scott", published=PartialDate(1998), kind="journal article"),
    "report": dict(title="Peru: Human Rights Developments", publisher="Human Rights Watch",
                   published=PartialDate(1997), kind="report", url="https://www.hrw.org/report/peru"),
    "court": dict(title="Pulido Valdera v. Peru", publisher="Inter-American Court of Human Rights",
                  published=PartialDate(2015, 6, 17), kind="court record"),
    "broadcast": dict(title="Hostages Freed in Lima", publisher="CNN", published=PartialDate(1997, 4, 22),
                      kind="broadcast"),
    "web": dict(title="Chavín de Huántar Museum", publisher="Peruvian Army", published=PartialDate(2017, 3, 1),
                kind="web page", url="https://www.ejercito.mil.pe/museo"),
    "book": dict(title="Rescue in Lima", publisher="Ediciones Norte", author="García, Ana",
                 published=PartialDate(2001), kind="book"),
    "un": dict(title="Situation of Human Rights in Peru", publisher="United Nations Commission on Human Rights",
               published=PartialDate(1997, 2, 10), kind="official statement"),
}
SOURCES = {name: Source(path=Path(f"{name}.md"), line=1, key=name, **fields) for name, fields in RECORDS.items()}

CHICAGO = "chicago-notes-bibliography-16th-edition"
MLA = "modern-language-association"
APA = "apa"
NO_SENTENCE_CASE = ("APA 7 writes article, report and web page titles in sentence case; CSL cannot lower a "
                    "title's words without lowering proper nouns, so the APA style prints titles as recorded")

# (style, record, reference entry from the guide, why citeproc-py cannot produce it yet or None)
CASES = [
    # Chicago 17: 14.191 newspapers, 14.195 unsigned (news agency as author), 14.171 magazines and journals,
    # 14.220 reports, 14.276 cases (Bluebook form), 14.265 broadcasts, 14.206 web pages, 14.100 books.
    (CHICAGO, "newspaper", "Sims, Calvin. “Rebels Hold Hundreds in Lima.” <i>New York Times</i>, December 19, "
                           "1996. https://www.nytimes.com/1996/12/19/world/rebels.html.", None),
    (CHICAGO, "wire", "Associated Press. “Guerrillas Free Some Hostages.” December 23, 1996.",
     "the shipped CSL puts the date after the title with a comma when the substituted container is gone"),
    (CHICAGO, "magazine", "Fedarko, Kevin. “Gala at Gunpoint.” <i>Time</i>, December 30, 1996.", None),
    (CHICAGO, "journal", "Palmer, David Scott. “The Lima Crisis.” <i>Journal of Latin American Studies</i>, 1998.",
     None),
    (CHICAGO, "report", "Human Rights Watch. <i>Peru: Human Rights Developments</i>. Human Rights Watch, 1997. "
                        "https://www.hrw.org/report/peru.",
     "Chicago lists an organisation as author even when it is also the publisher; the CSL substitutes the title"),
    (CHICAGO, "court", "<i>Pulido Valdera v. Peru</i>, Inter-American Court of Human Rights (June 17, 2015).",
     "the shipped Chicago CSL neither italicises the case name nor names the court (authority)"),
    (CHICAGO, "broadcast", "“Hostages Freed in Lima.” CNN, April 22, 1997.", None),
    (CHICAGO, "web", "“Chavín de Huántar Museum.” Peruvian Army, March 1, 2017. https://www.ejercito.mil.pe/museo.",
     "the shipped CSL moves the site's owner into the author's place and ends the title with a comma"),
    (CHICAGO, "book", "García, Ana. <i>Rescue in Lima</i>. Ediciones Norte, 2001.", None),
    (CHICAGO, "un", "United Nations Commission on Human Rights. <i>Situation of Human Rights in Peru</i>. "
                    "February 10, 1997.",
     "a UN document maps to CSL 'document', which the CSL quotes with the body after it as publisher"),
    # MLA 9: 2.1.3 (organisation as author and publisher: begin with the title), 2.6 containers, 5.93 URLs.
    (MLA, "newspaper", "Sims, Calvin. “Rebels Hold Hundreds in Lima.” <i>New York Times</i>, 19 Dec. 1996, "
                       "https://www.nytimes.com/1996/12/19/world/rebels.html.", None),
    (MLA, "wire", "“Guerrillas Free Some Hostages.” <i>Associated Press</i>, 23 Dec. 1996.", None),
    (MLA, "magazine", "Fedarko, Kevin. “Gala at Gunpoint.” <i>Time</i>, 30 Dec. 1996.", None),
    (MLA, "journal", "Palmer, David Scott. “The Lima Crisis.” <i>Journal of Latin American Studies</i>, 1998.", None),
    (MLA, "report", "<i>Peru: Human Rights Developments</i>. Human Rights Watch, 1997, "
                    "https://www.hrw.org/report/peru.", None),
    (MLA, "court", "<i>Pulido Valdera v. Peru</i>. Inter-American Court of Human Rights, 17 June 2015.", None),
    (MLA, "broadcast", "<i>Hostages Freed in Lima</i>. CNN, 22 Apr. 1997.", None),
    (MLA, "web", "“Chavín de Huántar Museum.” <i>Peruvian Army</i>, 1 Mar. 2017, https://www.ejercito.mil.pe/museo.",
     None),
    (MLA, "book", "García, Ana. <i>Rescue in Lima</i>. Ediciones Norte, 2001.", None),
    (MLA, "un", "<i>Situation of Human Rights in Peru</i>. United Nations Commission on Human Rights, 10 Feb. 1997.",
     "a UN document maps to CSL 'document', which the MLA CSL quotes as if it were part of a container"),
    # APA 7: 9.7–9.8 (no author: the title moves to the author's place), 9.11 group authors, 10.1 periodicals,
    # 10.4 reports, 11.4 court decisions (Bluebook), 10.12 broadcasts, 10.16 web pages, 10.2 books.
    (APA, "newspaper", "Sims, C. (1996, December 19). Rebels hold hundreds in Lima. <i>New York Times</i>. "
                       "https://www.nytimes.com/1996/12/19/world/rebels.html", NO_SENTENCE_CASE),
    (APA, "wire", "Guerrillas free some hostages. (1996, December 23). <i>Associated Press</i>.", NO_SENTENCE_CASE),
    (APA, "magazine", "Fedarko, K. (1996, December 30). Gala at gunpoint. <i>Time</i>.", NO_SENTENCE_CASE),
    (APA, "journal", "Palmer, D. S. (1998). The Lima crisis. <i>Journal of Latin American Studies</i>.",
     NO_SENTENCE_CASE),
    (APA, "report", "Human Rights Watch. (1997). <i>Peru: Human rights developments</i>. "
                    "https://www.hrw.org/report/peru",
     "APA names the organisation as (group) author and omits it as publisher; the CSL puts the title first. "
     + NO_SENTENCE_CASE),
    (APA, "court", "<i>Pulido Valdera v. Peru</i> (Inter-American Court of Human Rights June 17, 2015).",
     "the APA CSL neither italicises the case name nor names the court (authority)"),
    (APA, "broadcast", "<i>Hostages freed in Lima</i> [TV broadcast]. (1997, April 22). CNN.",
     "the APA CSL writes '[Broadcast]' after the date, not the medium after the title. " + NO_SENTENCE_CASE),
    (APA, "web", "<i>Chavín de Huántar Museum</i>. (2017, March 1). Peruvian Army. https://www.ejercito.mil.pe/museo",
     None),
    (APA, "book", "García, A. (2001). <i>Rescue in Lima</i>. Ediciones Norte.", None),
    (APA, "un", "United Nations Commission on Human Rights. (1997, February 10). <i>Situation of human rights in "
                "Peru</i>.", "APA names the body as group author; the CSL puts the title first. " + NO_SENTENCE_CASE),
]


@pytest.fixture(scope="module")
def formatters():
    return {style: CitationFormatter(SOURCES, style) for style in (CHICAGO, MLA, APA)}


@pytest.mark.parametrize("style, record, expected", [
    pytest.param(style, record, expected, id=f"{style.split('-')[0]}-{record}",
                 marks=[pytest.mark.xfail(reason=reason, strict=True)] if reason else [])
    for style, record, expected, reason in CASES])
def test_entry_matches_the_style_guide(formatters, style, record, expected):
    assert formatters[style].entry(record) == expected


def test_every_record_kind_is_covered_in_every_style():
    assert {(style, record) for style, record, _, _ in CASES} == {
        (style, record) for style in (CHICAGO, MLA, APA) for record in RECORDS}
