"""Twenty-second-session wordings (issue 14), read from the tuning set 57 (stored web copies of
registry records outside the project's data) and from last session's held-out sets 55 and 56
after they were measured. Each test names the record or the shape its wording comes from; none
is a whole trial, and each is checked both ways."""

import pytest

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.match import verdict
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split
from mbcnav.trials.wording import rx

from . import people
from .one_criterion import parsed


def _drug(name: str, labels: list[str], end: str | None = "2025-06-01", ongoing=False):
    return DrugFact(name, [name, *labels], ["metastatic"], False, "2024-01-10", end, ongoing)


LETROZOLE_NOW = _drug("letrozole", ["endocrine therapy", "aromatase inhibitor"], None, True)
LETROZOLE_DONE = _drug("letrozole", ["endocrine therapy", "aromatase inhibitor"])
TRASTUZUMAB = _drug("trastuzumab", ["anti-HER2 antibody"])
DOCETAXEL = _drug("docetaxel", ["chemotherapy", "taxane"])
SACITUZUMAB = _drug(
    "sacituzumab govitecan",
    ["antibody-drug conjugate", "chemotherapy", "topoisomerase I inhibitor"],
)
PEMBROLIZUMAB = _drug("pembrolizumab", ["immune checkpoint inhibitor", "immunotherapy"])


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def test_a_list_whose_line_breaks_were_lost_is_split_at_its_bullets():
    """NCT00382018 and NCT00043394 as stored web pages give them: one line, markdown bullets "*"
    between spaces, section names in capitals; each bullet is a criterion of its own section."""
    flat = (
        "DISEASE CHARACTERISTICS: * Histologically confirmed breast cancer * Clinical evidence of "
        "metastatic disease * No leptomeningeal disease PATIENT CHARACTERISTICS: * Female "
        "* Zubrod performance status 0-2 Exclusion Criteria: * Any prior therapy with "
        "anthracycline + Herceptin concurrently"
    )
    got = [(c.kind, c.text) for c in split(flat)]
    assert ("inclusion", "Histologically confirmed breast cancer") in got
    assert ("inclusion", "No leptomeningeal disease") in got
    assert ("inclusion", "Zubrod performance status 0-2") in got
    assert ("exclusion", "Any prior therapy with anthracycline + Herceptin concurrently") in got
    # a product in a lab limit is one sign, not a list ("ALT < 2.5 * ULN")
    one = split("Inclusion Criteria:\n- ALT < 2.5 * ULN and AST < 2.5 * ULN\n")
    assert [c.text for c in one] == ["ALT < 2.5 * ULN and AST < 2.5 * ULN"]


def test_bare_prior_radiation_is_settled_by_any_radiation_entry():
    """NCT05701527: "Has received prior radiation therapy"; a radiation entry in the record, at
    any site, says yes; none leaves it open (radiation is often left out of a chart)."""
    breast = [{"site": "left breast", "start": "2019-10-07", "end": "2019-11-15"}]
    text = "Has received prior radiation therapy"
    assert _verdict(text, people.facts(radiation=breast), "exclusion") == "not met"
    assert _verdict(text, people.facts(radiation=[]), "exclusion") == "unknown"
    # a window or a body part beyond the bare words stays with the study team
    window = "Prior radiation therapy within 2 weeks of the first dose"
    assert _verdict(window, people.facts(radiation=breast), "exclusion") == "unknown"
    target = "Prior radiation therapy to the target lesion"
    assert _verdict(target, people.facts(radiation=breast), "exclusion") == "unknown"


def test_a_receptor_state_read_on_available_tissue_is_asked():
    """NCT03227328: "HR-positive (ER >=10%), HER2-negative breast cancer, determined by local
    laboratory on most recent available tumor tissue": the state is the rule; a bare sample
    requirement is still a study step."""
    text = (
        "Histological diagnosis of HR-positive (ER ≥10% of tumor cells), HER2-negative breast "
        "cancer, determined by local laboratory on most recent available tumor tissue."
    )
    assert _verdict(text, people.facts(hr="negative", her2="zero")) == "not met"
    assert _verdict(text, people.facts(hr="positive", her2="zero")) == "met"
    step = "Availability of archival tumor tissue for PIK3CA testing"
    assert _verdict(step, people.facts()) == "unknown"


def test_two_drugs_given_together_are_excluded_together():
    """NCT00043394: "Any prior therapy with anthracycline + Herceptin concurrently" does not
    exclude trastuzumab alone; both had, but not shown together, stays open; "plus" without
    "concurrently" excludes both had."""
    text = "Any prior therapy with anthracycline + Herceptin® concurrently"
    assert _verdict(text, people.facts(drugs=[TRASTUZUMAB]), "exclusion") == "met"
    both = people.facts(drugs=[TRASTUZUMAB, DOCETAXEL])
    assert (
        _verdict("Any prior therapy with docetaxel + Herceptin concurrently", both, "exclusion")
        == "unknown"
    )
    assert _verdict("Prior therapy with docetaxel plus trastuzumab", both, "exclusion") == "not met"
    # a single drug is excluded alone as before
    assert _verdict("Prior trastuzumab", both, "exclusion") == "not met"


def test_will_initiate_is_the_coming_treatment_and_its_line():
    """NCT04937660: "Will initiate treatment with palbociclib plus letrozole ... as first or
    second line therapy": the drugs are the plan (no history asked), the line count is not."""
    text = (
        "Will initiate treatment with palbociclib plus letrozole/aromatase inhibitor or "
        "palbociclib plus fulvestrant as first or second line therapy for metastatic disease"
    )
    assert _verdict(text, people.facts(lines=0, lines_done=0)) == "met"
    assert _verdict(text, people.facts(lines=3, lines_done=3)) == "not met"


def test_is_using_a_list_and_patients_taking_are_current_use():
    """NCT05688605: "The patient is using immunosuppressant or systemic hormone therapy": hormone
    therapy that has ended is not use now; "Patients taking X" is the same."""
    text = "The patient is using immunosuppressant or systemic hormone therapy."
    assert _verdict(text, people.facts(drugs=[LETROZOLE_DONE]), "exclusion") == "met"
    assert _verdict(text, people.facts(drugs=[LETROZOLE_NOW]), "exclusion") == "not met"
    taking = "Patients taking systemic hormone therapy"
    assert _verdict(taking, people.facts(drugs=[LETROZOLE_DONE]), "exclusion") == "met"
    # "is receiving X or has had Y" still reads the earlier treatment as history
    had = "Patients who are receiving everolimus or had prior letrozole"
    assert _verdict(had, people.facts(drugs=[LETROZOLE_DONE]), "exclusion") == "not met"


def test_an_auristatin_adc_is_not_any_adc():
    """NCT05688605: "Treatment with MMAE/MMAF ADC drugs": sacituzumab govitecan carries another
    payload (SN-38); an ADC of any kind is still any ADC."""
    f = people.facts(drugs=[SACITUZUMAB])
    assert _verdict("Treatment with MMAE/MMAF ADC drugs", f, "exclusion") == "met"
    assert _verdict("Prior treatment with an antibody-drug conjugate", f, "exclusion") == "not met"


def test_recovery_from_a_therapy_never_requires_it():
    """NCT05691517 (filed under exclusions): "Patients must have recovered from clinically-
    significant adverse-events of their most recent cancer immunotherapy to grade 1 or less"."""
    text = (
        "Patients must have recovered from clinically-significant adverse-events of their most "
        "recent cancer immunotherapy to grade 1 or less"
    )
    assert _verdict(text, people.facts()) == "met"
    # a new clause after the recovery is read on its own
    both = "Recovered from surgery and must have received prior paclitaxel"
    assert _verdict(both, people.facts()) == "not met"


def test_all_standard_or_available_therapies_is_no_standard_treatment_left():
    """NCT05706207 and NCT05691491: "intolerant of all standard therapies or recurrence after all
    standard therapies", "progressed after treatment with all available therapies"; nobody
    before a first metastatic treatment has ended; "intolerant of all" is not a way round."""
    for text in (
        "advanced solid tumor who have been intolerant of all standard therapies or recurrence "
        "after all standard therapies",
        "patients must have progressed after treatment with all available therapies for "
        "metastatic disease that are known to confer clinical benefit",
    ):
        assert rx("concept.options_exhausted").search(text)
        assert _verdict(text, people.facts(lines=0, lines_done=0)) == "not met"
        assert _verdict(text, people.facts(lines=3, lines_done=3)) == "unknown"
    assert not rx("concept.options_exhausted").search("progressed after all prior therapies")
    assert not rx("concept.options_declined").search("intolerant of all standard therapies")
    assert rx("concept.options_declined").search("intolerant to standard therapy")


def test_hr_low_asked_for():
    """NCT06176534: "HR low expression and HER2 negative": not HR-negative, not a high ER;
    ER-low (1-10%) fits; a TNBC trial that lets ER-low in is not an HR-low trial (NCT06099769)."""
    text = "The most recent pathological report of biopsy confirmed HR low expression and HER2 negative."
    assert _verdict(text, people.facts(hr="negative", her2="zero")) == "not met"
    assert _verdict(text, people.facts(hr="positive", er_percent=95.0, her2="zero")) == "not met"
    assert (
        _verdict(text, people.facts(hr="positive", er_low_only=True, er_percent=5.0, her2="zero"))
        == "met"
    )
    assert _verdict(text, people.facts(hr="positive", er_percent=30.0, her2="zero")) == "unknown"
    tnbc = "TNBC (ER/PgR <1%) or ER-low, HER2 negative"
    assert _verdict(tnbc, people.facts(hr="negative", her2="zero")) == "met"


def test_growth_after_lines_counts_lines_that_ended():
    """NCT05691517: "progressed after >= 1 line of prior therapy": a first line still working
    on the latest scan does not count; one that ended does, and so does the line going on now
    when the latest scan shows growth on it; with no scan, unknown (review)."""
    text = "metastatic disease that have progressed after ≥ 1 line of prior therapy"
    working = people.facts(lines=1, lines_done=0, growing_now=(False, "2025-12-01"))
    assert _verdict(text, working) == "not met"
    growing = people.facts(lines=1, lines_done=0, growing_now=(True, "2025-12-01"))
    assert _verdict(text, growing) == "met"
    assert _verdict(text, people.facts(lines=1, lines_done=0)) == "unknown"
    assert _verdict(text, people.facts(lines=1, lines_done=1)) == "met"


def test_prior_therapy_for_metastatic_disease_with_no_kind_named():
    """NCT00493350: "Patients who have received prior therapy for their metastatic breast
    disease" excludes any line; "Prior treatment in the metastatic setting with any PI3K
    inhibitor" is about that class only (NCT05894239)."""
    text = "Patients who have received prior therapy for their metastatic breast disease."
    assert _verdict(text, people.facts(lines=1, lines_done=1), "exclusion") == "not met"
    assert _verdict(text, people.facts(lines=0, lines_done=0), "exclusion") == "met"
    cls = "Prior treatment in the locally advanced or metastatic setting with any PI3K inhibitor"
    assert (
        _verdict(cls, people.facts(lines=1, lines_done=1, drugs=[LETROZOLE_DONE]), "exclusion")
        != "not met"
    )


def test_hba1c_is_its_own_blood_test():
    """NCT05631795: "glycosylated hemoglobin (HbA1c) <= 6.4%" is blood sugar, not hemoglobin."""
    text = "Fasting plasma glucose ≤140 mg/dL and glycosylated hemoglobin (HbA1c) ≤ 6.4%"
    high = {"hba1c": {"value": 6.9, "shown": "6.9 %", "date": "2026-01-07"}}
    low = {"hba1c": {"value": 5.4, "shown": "5.4 %", "date": "2026-01-07"}}
    assert _verdict(text, people.facts(labs=high)) == "not met"
    assert _verdict(text, people.facts(labs=low)) != "not met"


def test_a_requirement_stated_before_a_condition_still_rules_out():
    """NCT05013554: "All participants should have at least 1 measurable disease per RECIST v1.1.
    An irradiated lesion can be considered measurable only if progression ...": the first
    sentence is the rule; a rule that opens on its condition stays conditional."""
    text = (
        "All participants should have at least 1 measurable disease per RECIST v1.1. An "
        "irradiated lesion can be considered measurable only if progression has been "
        "demonstrated on the irradiated lesion."
    )
    assert _verdict(text, people.facts(measurable=False)) == "not met"
    assert _verdict(text, people.facts(measurable=True)) == "met"
    opens = (
        "Only if the lesion was irradiated: progression must be shown on it, and measurable disease"
    )
    assert _verdict(opens, people.facts(measurable=False)) != "not met"


def test_a_note_of_pneumonitis_settles_a_bare_history_exclusion():
    """NCT05013554: "History of or current interstitial lung disease or pneumonitis" against a
    note "grade 2 pneumonitis on T-DXd, treated with steroids"; a window, a grade, the steroids it
    needed or "current" alone stay with the study team (review)."""
    text = "History of or current interstitial lung disease or pneumonitis"
    assert _verdict(text, people.facts(pneumonitis=True), "exclusion") == "not met"
    assert _verdict(text, people.facts(), "exclusion") == "unknown"
    for hedged in (
        "Pneumonitis within the past 6 months",
        "History of (non-infectious) ILD/pneumonitis that required steroids",
        "History of grade >= 2 pneumonitis",
        "Current pneumonitis or interstitial lung disease",
    ):
        assert _verdict(hedged, people.facts(pneumonitis=True), "exclusion") == "unknown", hedged


def test_pneumonitis_is_told_only_by_a_note_that_says_it_happened():
    from mbcnav.trials.pneumonitis import told

    assert told(["grade 2 pneumonitis on T-DXd, treated with steroids, resolved"])
    for note in (
        "CT chest: no pneumonitis, lungs clear",
        "negative for ILD",
        "liver lesions smaller. No evidence of pneumonitis.",
        "counselled about ILD risk with T-DXd",
        "monitor for pneumonitis",
        "pneumonitis ruled out",
        "ILD screening CT clear",
        "not consistent with pneumonitis",
        # second review: a side effect named, a work-up, a differential
        "Started trastuzumab deruxtecan; pneumonitis is a rare but serious side effect",
        "PFTs ordered to evaluate for ILD before T-DXd",
        "Differential includes pneumonitis vs lymphangitic spread",
    ):
        assert told([note]) is None, note


def test_a_trial_parses_with_its_flat_list():
    t = parse_trial(
        Trial(
            "NCT0",
            title="",
            eligibility="Inclusion Criteria: * Histologically confirmed breast cancer with "
            "metastases * Tumor that has overexpression of HER2 Exclusion Criteria: * Any prior "
            "therapy with anthracycline + Herceptin concurrently",
        )
    )
    texts = [c["text"] for c in t["criteria"]]
    assert "Tumor that has overexpression of HER2" in texts
    negative = people.facts(her2="zero")
    (crit,) = [c for c in t["criteria"] if c["text"].startswith("Tumor")]
    assert verdict(crit, negative, {})["verdict"] == "not met"


def test_an_allowance_with_a_ceiling_still_limits():
    """NCT00043394: "Patients may have had up to three prior chemotherapy regimens for metastatic
    disease": four are more than it allows; a bare allowance rules nobody out."""
    text = "Patients may have had up to three prior chemotherapy regimens for metastatic disease"
    chemo = [["chemotherapy", "taxane"]]
    four = people.facts(chemo_lines=4, lines=4, lines_done=4, line_labels=chemo * 4)
    two = people.facts(chemo_lines=2, lines=2, lines_done=2, line_labels=chemo * 2)
    assert _verdict(text, four) == "not met"
    assert _verdict(text, two) == "met"
    bare = "Patients may have had prior chemotherapy for metastatic disease"
    assert _verdict(bare, four) != "not met"


def test_a_capital_or_parts_whole_criteria():
    """NCT00382018: "Newly metastatic disease OR progressive metastatic disease while on hormonal
    therapy": either part is enough; a lower-case "or" between two values of one field is not a
    cut ("locally advanced or metastatic breast cancer with HER2-positive disease")."""
    text = "Newly metastatic disease OR progressive metastatic disease while on hormonal therapy"
    # no hormone therapy: "newly" is left to the study team, never ruled out (it was, before)
    assert _verdict(text, people.facts()) == "unknown"
    both = "Progressive metastatic disease on hormonal therapy OR prior chemotherapy for metastatic disease"
    assert _verdict(both, people.facts()) == "not met"
    # a list of cohorts keeps its own reading: a HER2-low person does not meet "... HER2+
    # gastric cancer ...; OR any other HER2+ solid tumor ..." (NCT05069935)
    cohorts = (
        "Cohort B: HER2+ breast cancer that has relapsed on trastuzumab; HER2+ gastric cancer "
        "that has progressed on trastuzumab-containing therapy; OR any other HER2+ solid tumor "
        "having progressed on at least one line of standard-of-care therapy"
    )
    assert _verdict(cohorts, people.facts(her2="low", lines=1, lines_done=1)) != "met"
    one = "Locally advanced or metastatic breast cancer with HER2-positive disease"
    assert _verdict(one, people.facts(her2="zero")) == "not met"


def test_review_a_later_sentence_that_lets_people_in_keeps_the_rule_open():
    """Review: "must have received a CDK4/6 inhibitor. Patients who did not receive one are
    eligible only if it was contraindicated": a second way in the record cannot show."""
    text = (
        "Patients must have received a CDK4/6 inhibitor. Patients who did not receive one are "
        "eligible only if it was contraindicated."
    )
    assert _verdict(text, people.facts()) == "unknown"


def test_review_a_newly_spread_part_asks_more_than_the_setting():
    """Review: after a capital "OR", "Newly metastatic disease" alone is not met by any
    metastatic cancer; the other part still settles it."""
    text = "Newly metastatic disease OR progressive metastatic disease while on hormonal therapy"
    chemo = _drug("paclitaxel", ["chemotherapy", "taxane"])
    three = people.facts(hr="negative", drugs=[chemo], lines=3, lines_done=3)
    assert _verdict(text, three) != "met"
    grew = _drug("letrozole", ["endocrine therapy", "aromatase inhibitor"])
    grew = DrugFact(grew.name, grew.labels, ["metastatic"], True, "2024-01-10", "2025-06-01")
    labels = [["letrozole", "endocrine therapy"]]
    on = people.facts(drugs=[grew], lines=1, lines_done=1, line_labels=labels)
    assert _verdict(text, on) == "met"
    # a lower-case "or" beside "newly" is not such a part (NCT04997798: "Newly diagnosed clinical
    # stage II or III ER+/HER2+ breast cancer" keeps its HR check)
    early = "Newly diagnosed clinical stage II or III ER+/HER2+ breast cancer"
    assert _verdict(early, people.facts(hr="negative", her2="positive")) == "not met"


def test_review_will_initiate_keeps_the_history_after_it():
    """Review: "Will initiate fulvestrant after progression on a prior CDK4/6 inhibitor" still
    asks for the CDK4/6 inhibitor."""
    text = "Will initiate fulvestrant after progression on a prior CDK4/6 inhibitor"
    assert _verdict(text, people.facts()) == "not met"


@pytest.mark.parametrize(
    "text",
    [
        "AST <= 3 * the ULN, ALT <= 3 * the ULN",
        "total bilirubin <= 1.5 * normal; AST and ALT <= 3 * normal",
        "Bilirubin <= 1.5 * IULN and AST/ALT <= 2.5 * IULN",
    ],
)
def test_review_a_star_after_a_number_is_a_product(text):
    assert len(split(f"Inclusion Criteria:\n- {text}\n")) == 1


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # second review: "or" before a past form still reads the earlier use
        ("Patients must be receiving or recently completed endocrine therapy", "inclusion", "met"),
        ("Patient is taking or took an aromatase inhibitor", "inclusion", "met"),
        ("Patients who are receiving or received an aromatase inhibitor", "exclusion", "not met"),
    ],
)
def test_second_review_receiving_or_a_past_form_is_history(text, kind, want):
    assert _verdict(text, people.facts(drugs=[LETROZOLE_DONE], lines=1, lines_done=1), kind) == want


def test_second_review_recovery_stops_at_a_new_requirement():
    text = "Recovered from surgery and previously treated with a taxane"
    assert _verdict(text, people.facts()) == "not met"


def test_second_review_a_stem_keeps_its_one_star_item():
    """ "Patients with HER2-positive disease: * prior trastuzumab" is one rule for that group,
    not "prior trastuzumab" asked of everyone."""
    got = split("Inclusion Criteria:\n- Patients with HER2-positive disease: * prior trastuzumab\n")
    assert [c.text for c in got] == ["Patients with HER2-positive disease: * prior trastuzumab"]


@pytest.mark.parametrize(
    "text",
    [
        "Patients must have received prior taxane therapy. If they have not received a taxane, "
        "they can join when a taxane was not appropriate.",
        "Patients must have received prior taxane therapy. Exceptions can be made only if a "
        "taxane was not indicated.",
    ],
)
def test_second_review_a_later_way_in_keeps_the_rule_open(text):
    assert _verdict(text, people.facts()) == "unknown"
