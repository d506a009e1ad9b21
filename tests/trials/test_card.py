"""The plain-language trial card, registry markup cleaning and the jargon glossary, on real
records of the bundled snapshot."""

import pytest
from click.testing import CliRunner

from mbcnav.cli import main
from mbcnav.trials.card import card, phase_words, status_card
from mbcnav.trials.errors import TrialsError
from mbcnav.trials.geo import zip_point
from mbcnav.trials.glossary import explain, validate
from mbcnav.trials.markup import enum_words, one_line, plain_text
from mbcnav.trials.record import Trial
from mbcnav.trials.snapshot import open_snapshot


@pytest.fixture(scope="module")
def snap():
    return open_snapshot()


def show(*args):
    res = CliRunner().invoke(main, ["trials", "show", *args])
    assert res.exit_code == 0, res.output
    return res.output


# ----------------------------------------------------------------- markup
@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        (r"ANC \>= 1.5 x 10^9/L and bilirubin \< 1.5 x ULN", "ANC >= 1.5 x 10^9/L and bilirubin < 1.5 x ULN"),
        (r"\* prior \_taxane\_ allowed", "• prior _taxane_ allowed"),
        ("* first\n* second\n  - nested", "• first\n• second\n• nested"),
        ("**Cohort A:** HER2-low", "Cohort A: HER2-low"),
        ("Allocation: NOT_APPLICABLE; status ACTIVE_NOT_RECRUITING", "Allocation: not applicable; status active, not recruiting"),
        ("a &amp; b\n\n\n\nc", "a & b\n\nc"),
    ],
)  # fmt: skip
def test_registry_markup_is_cleaned(raw, plain):
    assert plain_text(raw) == plain


def test_enum_words_and_one_line():
    assert enum_words("NOT_APPLICABLE") == "not applicable"
    assert enum_words("RANDOMIZED") == "randomized" and enum_words("HER2") == "HER2"
    assert one_line("* a\n* b", 0) == "a b"
    assert one_line("word " * 50, 20).endswith("…") and len(one_line("word " * 50, 20)) <= 21


# ----------------------------------------------------------------- glossary
def test_jargon_is_explained_with_its_source():
    found = explain("The RP2D will be chosen after DLTs; PFS and ORR are secondary.")
    terms = [g["term"] for g in found]
    assert terms[:4] == [
        "recommended phase 2 dose (RP2D)",
        "dose-limiting toxicity (DLT)",
        "progression-free survival (PFS)",
        "objective response rate (ORR)",
    ]
    assert all(g["source"].startswith("https://www.cancer.gov/") for g in found)
    assert explain("stage IV disease; a pk of the week; osteoporosis") == []  # no false hits


def test_a_glossary_entry_without_a_source_is_refused():
    raw = {"as_of": "2026-12-02", "publisher": "NCI", "title": "x", "base_url": "https://x/"}
    with pytest.raises(TrialsError, match="missing the field 'source'"):
        validate({**raw, "terms": [{"term": "DLT", "match": ["DLT"], "plain": "words"}]})


# ----------------------------------------------------------------- card
def test_card_of_a_phase_1_2_trial(snap):
    c = card(snap.get("NCT03377387"))
    assert c["phase"]["words"].startswith("Phase 1/2: first finds a safe dose")
    assert {"name": "Capecitabine", "kind": "medicine"}.items() <= c["tested"][0].items()
    assert "Open label: you and your doctors know which treatment you get." in c["involves"]
    assert "7 days on and 7 days off" in c["schedule"]
    assert c["official_title"].startswith("Phase Ib/II Study") and c["who"]["sex"] == "Women only"
    assert c["status"]["banner"] and not c["status"]["open"]  # active, not recruiting
    assert c["nearest"] is None, "no nearest open site for a trial not taking patients"


def test_card_explains_dlt_and_rp2d_where_the_record_uses_them(snap):
    terms = {g["term"] for g in card(snap.get("NCT04872166"))["glossary"]}
    assert {"dose-limiting toxicity (DLT)", "recommended phase 2 dose (RP2D)"} <= terms


def test_card_says_when_some_people_get_a_placebo_and_groups_are_by_chance(snap):
    c = card(snap.get("NCT05894239"))
    assert any("placebo" in s for s in c["involves"])
    assert any("by chance (randomized)" in s for s in c["involves"])
    assert c["status"]["open"] and c["status"]["banner"] is None
    assert "every 3 weeks" in c["schedule"] and "subcutaneously" not in c["schedule"], (
        "each way of giving it once ('subcutaneous' was already quoted)"
    )


def test_card_gives_the_nearest_open_site_and_its_contact(snap):
    t = snap.get("NCT00034216")  # recruiting, at the NIH Clinical Center
    c = card(t, zip_point("20892"))
    assert c["nearest"]["city"] == "Bethesda" and c["nearest"]["miles"] < 10
    assert c["contact"] and (c["contact"]["phone"] or c["contact"]["email"])


@pytest.mark.parametrize(
    ("status", "banner", "label"),
    [
        ("COMPLETED", "has finished", None),
        ("TERMINATED", "stopped early", None),
        ("WITHDRAWN", "withdrawn before anyone joined", None),
        ("SUSPENDED", "paused", None),
        ("UNKNOWN", "not updated its status", None),
        ("", "not updated its status", None),
        ("NOT_YET_RECRUITING", None, "not started taking patients"),
        ("Not yet recruiting", None, "not started taking patients"),
        ("RECRUITING", None, None),
    ],
)
def test_status_banner_and_label(status, banner, label):
    s = status_card(status)
    assert (banner in s["banner"]) if banner else s["banner"] is None
    assert (label in s["label"]) if label else s["label"] is None
    assert s["open"] == (banner is None)


def test_phase_words_for_observational_and_unphased_studies():
    assert phase_words(Trial("NCT1", study_type="OBSERVATIONAL"))["label"] == "Observational study"
    assert phase_words(Trial("NCT1", phase=""))["words"].startswith("No phase")
    assert "larger group" in phase_words(Trial("NCT1", phase="Phase 2"))["words"]


# ----------------------------------------------------------------- trials show
def test_show_a_closed_trial_has_a_banner_and_the_card(snap):
    out = " ".join(show("NCT00286117").split())  # completed
    assert "!! CLOSED TO NEW PATIENTS (Completed): This trial has finished." in out
    assert "What is being tested: - Anastrozole (medicine); also called Arimidex" in out
    assert "Phase 3: compares the new treatment with the usual treatment" in out
    assert "Data: newest record updated " + snap.data["as_of"] in out


def test_show_labels_not_yet_recruiting_and_cleans_the_criteria(snap):
    nct = next(
        t.nct_id
        for t in snap.trials()
        if t.status == "NOT_YET_RECRUITING" and "\\<" in t.eligibility
    )
    out = show(nct)
    assert "Note: Not yet recruiting: the study has not started taking patients." in out
    assert "\\<" not in out and "\\>" not in out and "CLOSED" not in out


def test_show_json_has_the_card_and_the_data_dates(snap):
    import json

    data = json.loads(show("NCT00034216", "--json", "--zip", "20892"))
    assert data["card"]["nearest"]["city"] == "Bethesda"
    assert data["data"]["as_of"] == snap.data["as_of"] and data["criteria"]
