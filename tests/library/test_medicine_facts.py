"""The per-drug facts of the medicines guide: every drug, every field, every fact sourced and plain."""

import re
import statistics

import pytest
import textstat

from mbcnav.library.errors import LibraryError
from mbcnav.library.medicine_facts import FACTS_DIR, FIELDS, facts, read_facts
from mbcnav.library.medicines import medicine_for
from mbcnav.patient.drugs import drug_table

MAX_PAGE_GRADE = 10.0
MAX_MEDIAN_GRADE = 8.0


def test_every_drug_has_every_field_with_a_dated_source():
    guide = facts()
    assert set(guide) == {d.name for d in drug_table().drugs}
    for name, items in guide.items():
        assert [f.key for f in items] == [k for k, _ in FIELDS], name
        for f in items:
            assert f.text and len(f.text.split()) >= 3, (name, f.key)
            assert f.source.publisher and f.source.title, (name, f.key)
            assert f.source.url.startswith("https://"), (name, f.key)
            assert f.source.read and f.as_of == "2026-12-02", (name, f.key)


def test_label_facts_point_at_the_drug_on_dailymed_and_what_it_is_at_the_dictionary():
    items = {f.key: f for f in facts()["palbociclib"]}
    assert items["given"].source.url.startswith("https://dailymed.nlm.nih.gov/")
    assert "palbociclib" in items["given"].source.url and "Ibrance" in items["given"].source.title
    assert "cancer.gov" in items["what"].source.url


def test_facts_fit_the_drug():
    """Hand-checked against well-known label facts, so a mix-up of drugs would fail."""
    fact = lambda name, key: next(f.text for f in facts()[name] if f.key == key)  # noqa: E731
    assert "diarrhea" in fact("abemaciclib", "common").lower()
    assert "heart rhythm" in fact("ribociclib", "serious").lower()
    assert "blood sugar" in fact("alpelisib", "common").lower()
    assert "lung" in fact("trastuzumab deruxtecan", "serious").lower()
    assert "jaw" in fact("denosumab", "serious").lower()
    assert "warfarin" in fact("capecitabine", "interactions").lower()
    assert "not fda approved" in fact("camizestrant", "approved").lower()
    assert "not fda approved for breast" in fact("nivolumab", "approved").lower()


def test_facts_are_plain_language():
    grades = {
        n: textstat.flesch_kincaid_grade(" ".join(f.text for f in fs)) for n, fs in facts().items()
    }
    too_hard = {n: round(g, 1) for n, g in grades.items() if g > MAX_PAGE_GRADE}
    assert not too_hard, too_hard
    assert statistics.median(grades.values()) <= MAX_MEDIAN_GRADE


#: A sentence that orders the reader to take, stop, use, skip or avoid a medicine. Facts say what
#: the label says and send the person to their care team; they never give treatment orders.
IMPERATIVE = re.compile(
    r"(?:^|[.;:!?]\s+)(?:"
    r"(?:do not|don't|never)\s+(?:take|use|give|stop|start|skip|miss|combine|double)"
    r"|stop taking|stop using|stop and|take it|take the|take your|avoid|skip"
    r")\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "text",
    ["Do not take it with tamoxifen.", "Hot flashes. Avoid grapefruit.", "Stop taking it.",
     "Report a rash; don't stop it.", "Take it with food."],
)  # fmt: skip
def test_the_imperative_check_catches_orders(text):
    assert IMPERATIVE.search(text)


def test_facts_never_order_a_treatment_change():
    """Options to discuss with the care team, never instructions to start or stop a medicine."""
    orders = [
        (name, f.key, f.text)
        for name, items in facts().items()
        for f in items
        if IMPERATIVE.search(f.text)
    ]
    assert not orders, orders


def test_the_medicine_page_carries_the_facts():
    m = medicine_for("Kisqali")
    assert [f.key for f in m.facts][0] == "what" and len(m.facts) == len(FIELDS)


def _copy(tmp_path, edit):
    for path in FACTS_DIR.glob("*.yaml"):
        (tmp_path / path.name).write_text(edit(path.name, path.read_text()))
    return tmp_path


def test_a_missing_field_is_refused_naming_the_drug_and_field(tmp_path):
    def drop(name, text):
        return text.replace(
            '    interactions: [label, "The label warns about grapefruit and strong drugs that block CYP3A4',
            '    interplay: [label, "x',
            1,
        )

    with pytest.raises(LibraryError, match="palbociclib needs 'interactions'"):
        read_facts(_copy(tmp_path, drop))


def test_an_unknown_source_or_a_missing_drug_is_refused(tmp_path):
    bad = _copy(
        tmp_path,
        lambda n, t: t.replace(
            'given: [label, "A pill taken by mouth once a day, with or without food."]',
            'given: [blog, "A pill."]',
            1,
        ),
    )
    with pytest.raises(LibraryError, match="source 'blog'"):
        read_facts(bad)
    (tmp_path / "supportive.yaml").unlink()
    with pytest.raises(LibraryError, match="no facts for .*warfarin"):
        read_facts(tmp_path)


def test_my_treatment_is_answered_from_the_drug_list_given():
    from mbcnav.library import ask

    result = ask("what are the side effects of my treatment?", drugs=["Ibrance", "letrozole"])
    assert [n for n, _, _ in result.my_drugs] == ["palbociclib", "letrozole"]
    keys = {f.key for _, _, fs in result.my_drugs for f in fs}
    assert keys == {"common", "serious", "report"}
    given = ask("how is my treatment given?", drugs=["Enhertu"]).my_drugs
    assert [f.key for f in given[0][2]] == ["given"]
    assert ask("side effects of my treatment?", drugs=[]).my_drugs == ()
    assert ask("side effects of letrozole", drugs=["Enhertu"]).my_drugs == ()


def test_a_named_drug_question_gets_that_drugs_facts():
    from mbcnav.library import ask

    facts_of = ask("what are the side effects of Verzenio").drug_facts
    assert [(n, [f.key for f in fs]) for n, _, fs in facts_of] == [
        ("abemaciclib", ["common", "serious", "report"])
    ]
    assert [f.key for f in ask("how is Enhertu given").drug_facts[0][2]] == ["given"]
    assert ask("where does it usually spread?").drug_facts == ()
    assert ask("what is Ibrance").drug_facts == ()  # a definition: the passages answer it


def test_page_addresses_from_the_drug_table_match_the_guide():
    from mbcnav.library.medicines import medicines, mentions, page_url

    for m in medicines().values():
        assert page_url(m.name) == m.url
    assert page_url("Kisqali") == "/library/medicines/ribociclib/" and page_url("tea") == ""
    assert mentions("Ibrance or tea") == [(0, 7, "/library/medicines/palbociclib/")]
