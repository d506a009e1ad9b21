"""The glossary file and linking glossary terms in article HTML."""

import pytest

from mbcnav.library.errors import LibraryError
from mbcnav.library.glossary import TermLinker, glossary, link_terms, lookup, read_glossary


def test_bundled_glossary_has_sourced_dated_terms():
    terms = glossary()
    assert len(terms) >= 60
    for t in terms:
        assert t.definition and t.as_of and t.source["url"].startswith("https://")
        assert t.source["publisher"] and t.source["read"]


def test_lookup_by_alias_ignores_case():
    assert lookup("ned").term == "no evidence of disease"
    assert lookup("Mets").term == "metastasis"
    assert lookup("not a term") is None


def test_glossary_articles_exist_when_the_library_has_them():
    from mbcnav.library.articles import load_library

    slugs = set(load_library().articles)
    missing = {t.article for t in glossary() if t.article and t.article not in slugs}
    # every glossary link must point at a real article once the library is complete
    assert not missing, sorted(missing)


def test_link_terms_links_first_use_only_and_not_inside_links_or_headings():
    html = "<h2>Biopsy</h2><p>A <a href='/x'>biopsy</a> then a biopsy, then a biopsy.</p>"
    out = link_terms(html)
    assert out.count('class="term"') == 1
    assert "<h2>Biopsy</h2>" in out
    assert 'href="/library/glossary/#term-biopsy"' in out
    assert 'role="tooltip"' in out and 'aria-describedby="term-tip-biopsy"' in out


def test_short_abbreviations_match_only_in_capitals():
    assert "term-estrogen-receptor" in link_terms("<p>Your ER status.</p>")
    assert 'class="term"' not in link_terms("<p>Go to the er now.</p>")


def test_linker_remembers_terms_across_sections():
    linker = TermLinker()
    first, second = linker("<p>A biopsy.</p>"), linker("<p>Another biopsy.</p>")
    assert 'class="term"' in first and 'class="term"' not in second


def test_glossary_validation_names_entry_and_field(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - term: biopsy\n    definition: A sample.\n    as_of: 2026-11-21\n")
    with pytest.raises(LibraryError, match=r"g\.yaml: term 'biopsy' field 'source' is missing"):
        read_glossary(path)
    path.write_text(
        "terms:\n  - term: biopsy\n    as_of: 2026-11-21\n"
        "    source: {publisher: NCI, title: T, url: 'https://x.gov', read: 2026-11-21}\n"
    )
    with pytest.raises(LibraryError, match=r"term 'biopsy' field 'definition' is missing"):
        read_glossary(path)
