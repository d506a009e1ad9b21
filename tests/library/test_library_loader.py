"""Article loading, validation and rendering."""

import pytest

from mbcnav.errors import MbcnavError
from mbcnav.library.articles import parse_article, plain_text, read_library, slugify, split_sections
from mbcnav.library.errors import LibraryError
from mbcnav.library.render import article_html


def test_fixture_library_loads_with_sections_and_sources(fixtures_dir):
    lib = read_library(fixtures_dir)
    assert set(lib.articles) == {"what-is-mbc", "bone-metastases", "her2-targeted-therapy"}
    article = lib.get("what-is-mbc")
    assert [s.anchor for s in article.sections] == [
        "overview",
        "metastatic-stage-iv-and-advanced-mean-the-same-thing",
        "can-it-be-cured",
    ]
    assert article.sections[1].citations == ("nci-pdq",)
    assert article.section_sources(article.sections[1])[0].publisher == "National Cancer Institute"
    assert lib.get("bone-metastases").tags["sites"] == ("bone",)


def test_split_sections_intro_and_repeated_headings():
    sections = split_sections("x", "Intro.\n\n## Same\nOne.\n\n## Same\nTwo.\n")
    assert [(s.heading, s.anchor, s.position) for s in sections] == [
        ("Overview", "overview", 0),
        ("Same", "same", 1),
        ("Same", "same-2", 2),
    ]


def test_slugify_and_plain_text():
    assert slugify("What is HER2+ cancer?") == "what-is-her2-plus-cancer"
    text = plain_text("**Bold** and [a link](https://x.org) here.[^src]\n\n- item")
    assert text == "Bold and a link here.\n\n- item"


def test_citations_render_as_numbered_links_to_sources(fixtures_dir):
    article = read_library(fixtures_dir).get("what-is-mbc")
    html = dict((s.anchor, h) for s, h in article_html(article))["can-it-be-cured"]
    assert '<sup class="cite"><a href="#source-1"' in html
    assert "[^" not in html


def test_raw_html_in_article_is_escaped(write_article):
    path = write_article(body="Hello <script>alert(1)</script> there.")
    article = parse_article(path)
    html = article_html(article)[0][1]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_unknown_citation_names_file_and_field(write_article):
    path = write_article(body="A fact.[^missing-id] More.")
    with pytest.raises(LibraryError) as err:
        parse_article(path)
    message = str(err.value)
    assert "sample.md" in message and "'sources'" in message and "missing-id" in message
    assert isinstance(err.value, MbcnavError)


def test_bad_topic_is_refused(write_article):
    path = write_article(topic="recipes")
    with pytest.raises(LibraryError, match=r"sample\.md: field 'topic' is 'recipes'"):
        parse_article(path)


def test_missing_sources_is_refused(write_article):
    text = (
        "---\ntitle: T\nslug: sample\nsummary: S\ntopic: basics\nas_of: 2026-11-21\n"
        "reviewed: 2026-11-21\n---\n## Q\nAnswer.\n"
    )
    with pytest.raises(LibraryError, match=r"sample\.md: field 'sources' is missing"):
        parse_article(write_article(text=text))


def test_source_without_url_is_refused(write_article):
    text = (
        "---\ntitle: T\nslug: sample\nsummary: S\ntopic: basics\nas_of: 2026-11-21\n"
        "reviewed: 2026-11-21\nsources:\n  - {id: a, publisher: NCI, title: X, read: 2026-11-21}\n"
        "---\n## Q\nAnswer.[^a]\n"
    )
    with pytest.raises(LibraryError, match=r"field 'sources\[1\]\.url' is missing"):
        parse_article(write_article(text=text))


def test_slug_must_match_file_name(write_article):
    path = write_article(slug="sample")
    path.rename(path.with_name("other.md"))
    with pytest.raises(LibraryError, match=r"other\.md: field 'slug'"):
        parse_article(path.with_name("other.md"))


def test_bad_date_is_refused(write_article):
    text = GOOD_WITH("as_of: someday")
    with pytest.raises(LibraryError, match=r"field 'as_of' is 'someday'"):
        parse_article(write_article(text=text))


def GOOD_WITH(as_of_line):  # noqa: N802
    """An article text with one front-matter line replaced."""
    return _good_with(as_of_line)


def _good_with(as_of_line):
    return (
        f"---\ntitle: T\nslug: sample\nsummary: S\ntopic: basics\n{as_of_line}\n"
        "reviewed: 2026-11-21\nsources:\n  - {id: a, publisher: NCI, title: X, url: 'https://x.gov', read: 2026-11-21}\n"
        "---\n## Q\nAnswer.[^a]\n"
    )


def test_missing_folder_is_a_library_error(tmp_path):
    with pytest.raises(LibraryError, match="does not exist"):
        read_library(tmp_path / "nope")
