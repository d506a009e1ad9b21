"""The medicines guide: one page per drug of the drug table, passages checked, gaps said plainly."""

import pytest

from mbcnav.library.errors import LibraryError
from mbcnav.library.medicines import medicine_for, medicines, read_medicines
from mbcnav.patient.drugs import drug_table


def test_every_drug_of_the_drug_table_has_a_page():
    guide = medicines()
    assert {m.name for m in guide.values()} == {d.name for d in drug_table().drugs}
    for m in guide.values():
        assert m.source.url.startswith("https://") and m.source.read
        assert m.label_url.startswith("https://dailymed.nlm.nih.gov/")


def test_brand_names_find_the_page_and_class_passages_fit():
    verzenio = medicine_for("Verzenio")
    assert verzenio.name == "abemaciclib" and verzenio.url == "/library/medicines/abemaciclib/"
    assert any("CDK4/6" in p.section.heading for p in verzenio.works)
    assert any("abemaciclib" in p.section.text.lower() for p in verzenio.named_in)
    assert medicine_for("not a drug") is None


def test_main_classes_have_how_it_works_and_side_effects():
    for name in (
        "letrozole",
        "palbociclib",
        "trastuzumab",
        "olaparib",
        "pembrolizumab",
        "capecitabine",
        "denosumab",
    ):
        m = medicine_for(name)
        assert m.works and m.side_effects, name


def test_a_heading_that_is_not_in_the_library_is_refused(tmp_path):
    bad = tmp_path / "medicines.yaml"
    bad.write_text(
        "as_of: 2026-12-02\nlabel_search: https://dailymed.nlm.nih.gov/?q=\nclasses:\n"
        "  SERM: {works: [[hormone-therapy, 'No such heading?']]}\n"
    )
    with pytest.raises(LibraryError, match="not in the library|no entry"):
        read_medicines(bad)


def test_an_answer_links_the_guide_page_of_a_named_drug():
    from mbcnav.library import ask

    result = ask("what are the side effects of Verzenio")
    assert ("abemaciclib", "/library/medicines/abemaciclib/") in result.medicines
    assert medicines()["abemaciclib"]  # the linked page exists
    assert ask("where does it usually spread?").medicines == ()
