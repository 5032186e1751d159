"""One numbering of notes per page: page HTML → expected HTML, as Python-Markdown's extensions are tested,
and a build of the mini exhibit in which no page shows two notes with the same number."""
import re
from textwrap import dedent

from lxml import html as lxml_html

from citations.numbering import number_page


def ref(prefix, name, number):
    return (f'<sup id="{prefix}fnref-{name}"><a aria-label="Note {number}" class="footnote-ref" '
            f'href="#{prefix}fn-{name}" role="doc-noteref">{number}</a></sup>')


def notes(prefix, names, numbers, start=None, title="p"):
    items = "".join(
        f'<li id="{prefix}fn-{name}">\n<p>Text of {name}.&#160;<a aria-label="Back to where note {n} is cited" '
        f'class="footnote-backref" href="#{prefix}fnref-{name}" role="doc-backlink" '
        f'title="Back to where note {n} is cited">&#8617;</a></p>\n</li>\n' for name, n in zip(names, numbers))
    ol = f'<ol start="{start}">' if start else "<ol>"
    return (f'<div aria-labelledby="{prefix}notes" class="footnote" role="doc-endnotes">\n'
            f'<{title} id="{prefix}notes">Notes</{title}>\n{ol}\n{items}</ol>\n</div>')


def event(key, names, numbers, start=None):
    prefix = f"event-{key}-"
    text = "".join(ref(prefix, name, n) for name, n in zip(names, numbers))
    return f'<li id="event-{key}"><p>Summary.{text}</p>\n{notes(prefix, names, numbers, start)}</li>\n'


def test_an_essays_own_notes_keep_1_to_n_and_embedded_notes_continue_in_document_order():
    source = dedent(f"""\
        <p id="p-1">One.{ref("", "exhibit-cite-1", 1)}</p>
        <ol class="timeline-events">
        {event("a", ["exhibit-cite-1", "exhibit-cite-2"], [1, 2])}{event("b", ["exhibit-cite-1"], [1])}</ol>
        <p id="p-2">Two.{ref("", "own", 2)}</p>
        {notes("", ["exhibit-cite-1", "own"], [1, 2], title="h2")}""")
    expected = dedent(f"""\
        <p id="p-1">One.{ref("", "exhibit-cite-1", 1)}</p>
        <ol class="timeline-events">
        {event("a", ["exhibit-cite-1", "exhibit-cite-2"], [3, 4], start=3)}{event("b", ["exhibit-cite-1"], [5], start=5)}</ol>
        <p id="p-2">Two.{ref("", "own", 2)}</p>
        {notes("", ["exhibit-cite-1", "own"], [1, 2], title="h2")}""")
    assert number_page(source) == expected


def test_a_page_made_of_records_numbers_down_the_page():
    source = "<ol>\n" + "".join(event(key, ["exhibit-cite-1"], [1]) for key in "abc") + "</ol>"
    expected = "<ol>\n" + "".join(event(key, ["exhibit-cite-1"], [n], start=n if n > 1 else None)
                                  for key, n in zip("abc", (1, 2, 3))) + "</ol>"
    assert number_page(source) == expected


def test_a_page_with_one_text_is_left_byte_for_byte():
    source = f"<p class=x data-y='1'>A.{ref('', 'exhibit-cite-1', 1)}</p>\n{notes('', ['exhibit-cite-1'], [1])}"
    assert number_page(source) is source


def test_only_the_changed_tags_are_written_again():
    # Unquoted attributes, entities, a script, comments: all kept as they were.
    around = "<!-- a -->\n<script>if (a<b) {}</script>\n<p class=lead title='x &amp; y'>&eacute;</p>\n"
    source = around + event("a", ["n"], [1]) + around + event("b", ["n"], [1]) + around
    expected = around + event("a", ["n"], [1]) + around + event("b", ["n"], [2], start=2) + around
    assert number_page(source) == expected


def test_a_note_cited_twice_and_a_note_holding_a_list():
    prefix = "event-b-"
    second = (f'<li id="event-b"><p>X.{ref(prefix, "own", 1)} Y.{ref(prefix, "own", 1).replace("fnref-", "fnref2-")}'
              f'</p>\n<div aria-labelledby="{prefix}notes" class="footnote" role="doc-endnotes">\n<ol>\n'
              f'<li id="{prefix}fn-own"><ol><li>nested</li></ol><p>'
              f'<a class="footnote-backref" href="#{prefix}fnref-own" title="Back to where note 1 is cited" '
              f'aria-label="Back to where note 1 is cited">&#8617;</a>'
              f'<a class="footnote-backref" href="#{prefix}fnref2-own" title="Back to where note 1 is cited" '
              f'aria-label="Back to where note 1 is cited">&#8617;</a></p></li>\n</ol>\n</div></li>')
    page = number_page(event("a", ["n"], [1]) + second)
    assert page.count('role="doc-noteref">2</a>') == 2
    assert page.count('aria-label="Note 2"') == 2
    assert page.count('title="Back to where note 2 is cited" aria-label="Back to where note 2 is cited"') == 2
    assert "<ol><li>nested</li></ol>" in page  # a list inside a note is not a list of notes
    assert page.count('<ol start="2">') == 1


def test_a_record_shown_twice_on_a_page_gets_a_number_for_each_showing():
    page = number_page("".join(event("a", ["n"], [1]) for _ in range(2)))
    assert re.findall(r'role="doc-noteref">(\d+)<', page) == ["1", "2"]


def shown_notes(page: str) -> list[tuple[str, str, str, list[str]]]:
    """Per note on a page: its visible list number, its references' numbers and labels, its backlinks' labels."""
    tree = lxml_html.fromstring(page)
    found = []
    for notes in tree.xpath("//div[contains(concat(' ', @class, ' '), ' footnote ')]/ol"):
        for offset, item in enumerate(notes.xpath("./li")):
            number = str(int(notes.get("start", "1")) + offset)
            refs = tree.xpath(f"//a[@class='footnote-ref'][@href='#{item.get('id')}']")
            found.append((number, [r.text for r in refs] + [r.get("aria-label") for r in refs],
                          [b.get("aria-label") for b in item.xpath(".//a[@class='footnote-backref']")] +
                          [b.get("title") for b in item.xpath(".//a[@class='footnote-backref']")]))
    return found


EVENTS = """\
- id: guests-arrive
  date: 1996-12-17
  time: "19:00"
  title: Guests arrive
  summary: The invented guests arrive at the reception [@daily-1996-12-18]. More came [@gazeta-1997-01].
  sources: [daily-1996-12-18, gazeta-1997-01]
  places: [hall]
  phase: seizure

- id: talks-begin
  date: 1997-01
  title: Talks begin
  summary: Talks begin across the wall [@almanac-entry].
  sources: [gazeta-1997-01, almanac-entry]
  phase: negotiation
"""


def test_no_page_of_a_built_exhibit_shows_two_notes_with_one_number(mini):
    mini.write("data/events.yaml", EVENTS)
    essay = mini.content / "essays/01-arrival.md"
    text = essay.read_text(encoding="utf-8")
    mini.write("essays/01-arrival.md", text.replace("## What the first report said",
                                                   "{% timeline from=1996-12-17 to=1997-01-31 %}\n\n## What the first report said"))
    mini.build()
    pages = {path.relative_to(mini.output).as_posix(): path.read_text(encoding="utf-8")
             for path in mini.output.rglob("*.html")}
    checked = 0
    for name, page in pages.items():
        shown = shown_notes(page)
        numbers = sorted(int(number) for number, _, _ in shown)
        assert numbers == list(range(1, len(numbers) + 1)), name  # each number once, none missing
        for number, refs, backlinks in shown:
            half = len(refs) // 2
            assert refs == [number] * half + [f"Note {number}"] * half and half, (name, number)
            assert set(backlinks) == {f"Back to where note {number} is cited"}, (name, number)
        checked += len(shown)
    essay_notes = shown_notes(pages["essays/arrival.html"])
    # The essay's own four notes come first (its end list), then the timeline's three.
    assert len(essay_notes) == 7
    assert pages["essays/arrival.html"].index('<ol start="5">') < pages["essays/arrival.html"].index('id="notes"')
    assert len(shown_notes(pages["timeline.html"])) == 3
    assert checked > 7


def test_pages_and_source_records_with_notes_load_the_notes_script(mini):
    (mini.content / "pages" / "words.md").write_text(dedent("""\
        Title: Words
        Slug: words

        The hall is named in the daily's report [@daily-1996-12-18].
        """))
    source = mini.content / "sources" / "almanac-entry.md"
    source.write_text(source.read_text() + "\nThe daily told it first [@daily-1996-12-18].\n")
    mini.build()
    script = 'src="./theme/js/notes.js"'
    assert script in mini.html("words.html") and script not in mini.html("about.html")
    assert 'src="../theme/js/notes.js"' in mini.html("sources/almanac-entry.html")
    assert 'src="../theme/js/notes.js"' not in mini.html("sources/gazeta-1997-01.html")
