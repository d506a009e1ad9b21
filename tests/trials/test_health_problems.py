"""Exclusions on other health problems (issue 14) read against the record's `conditions`
(trials/health_problems.py, data/health_problems.yaml). Wordings are the registry's (NCT ids
beside them); each kind is ruled out only when near-certain, and the near misses stay open:
a relative's HIV, a vaccination, a past hepatitis C against an "active" exclusion, a skin cancer
under an exception, a dated other cancer inside or outside the window, a permission."""

from datetime import date
from importlib import resources

import pytest
import yaml

from mbcnav.patient import parse
from mbcnav.trials import health_problems
from mbcnav.trials.errors import TrialsError
from mbcnav.trials.facts import from_patient
from mbcnav.trials.match import match, summarise, verdict
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial

from .one_criterion import parsed

DAY = date(2026, 1, 15)


def facts(*conditions):
    p = parse(
        {
            "format": "mbcnav-patient/1",
            "sex": "female",
            "birth_year": 1968,
            "metastatic_diagnosis": {"date": "2025-01-10"},
            "conditions": list(conditions),
        }
    )
    return from_patient(p, DAY)


def judged(text: str, f, kind: str = "exclusion") -> dict:
    return verdict(parsed(text, kind), f, {})


def _v(text: str, f, kind: str = "exclusion") -> str:
    return judged(text, f, kind)["verdict"]


HIV = "Known HIV (Human Immunodeficiency Virus) infection."  # NCT05232006
HEPATITIS = "Known HIV or Hepatitis B or C (active, previously treated or both)"  # NCT00674206
ACTIVE_HEP = "Known active hepatitis B or hepatitis C infection"
OTHER_CANCER = (  # NCT00456846
    "History of other malignancy within the last 5 years which could affect the diagnoses or "
    "assessment of breast cancer, with the exception of basal or squamous cell carcinoma of the "
    "skin or carcinoma in situ of the cervix"
)
OTHER_CANCER_3Y = (
    "Another malignancy within 3 years, except adequately treated basal or squamous cell skin "
    "cancer or carcinoma in situ of the cervix"
)
HIV_PERMISSION = (  # NCT05296798, shortened
    "Known HIV infection. HIV-positive patients on effective antiretroviral therapy with "
    "undetectable viral load are eligible."
)
NYHA = "Congestive heart failure >class II New York Heart Association (NYHA)"  # NCT01724606
TB = "Active tuberculosis infection"  # NCT06380751
TRANSPLANT = "History of allogeneic transplant"  # NCT00674206
AUTOIMMUNE = (  # NCT03761914
    "Has an active autoimmune disease that has required systemic treatment in past 2 years "
    "(i.e., with use of disease-modifying agents, corticosteroids or immunosuppressive drugs)."
)
DIABETES = "Uncontrolled diabetes or infection."  # NCT03671044
STROKE_MI = "Stroke or myocardial infarction within 6 months"
MI_6 = "Myocardial infarction within the past six months"  # NCT03671044


# ------------------------------------------------------------------ ruled out


@pytest.mark.parametrize(
    "text,condition,why",
    [
        (HIV, "HIV", "Your record lists HIV infection."),
        (HIV, {"name": "HIV", "status": "controlled"}, "HIV infection (controlled)"),
        (ACTIVE_HEP, {"name": "hepatitis B", "status": "active"}, "hepatitis B (active now)"),
        (TB, {"name": "tuberculosis", "status": "active"}, "tuberculosis"),
        (NYHA, {"name": "heart failure", "detail": "NYHA class III"}, "NYHA class III"),
        (DIABETES, "uncontrolled diabetes", "diabetes"),
        (STROKE_MI, {"name": "MI", "date": "2025-11-02"}, "heart attack"),
        (
            STROKE_MI,
            {"name": "stroke", "detail": "ischemic", "date": "2025-10-01", "status": "past"},
            "a stroke",
        ),
    ],
)
def test_a_listed_problem_the_exclusion_names_rules_out(text, condition, why):
    out = judged(text, facts(condition))
    assert out["verdict"] == "not met"
    assert why in out["why"]


def test_another_cancer_inside_the_window_rules_out_and_says_its_kind():
    f = facts({"name": "melanoma", "date": "2024-06-01", "status": "past"})
    out = judged(OTHER_CANCER_3Y, f)
    assert out["verdict"] == "not met"
    assert "another cancer (melanoma" in out["why"]


def test_hiv_on_treatment_with_an_undetectable_viral_load_reads_in_plain_words():
    out = judged(HIV, facts("HIV on ART, undetectable viral load"))
    assert out["verdict"] == "not met"
    assert "Your record lists HIV infection (on treatment, undetectable viral load)." in out["why"]


# ------------------------------------------------------------------ kept open


@pytest.mark.parametrize(
    "text,conditions",
    [
        (HIV, ()),  # nothing listed: never "met" from silence
        (HIV, ("diabetes",)),  # other problems listed: still no proof of absence
        (HIV, ("family history of HIV",)),  # a relative's HIV is not the person's
        (HEPATITIS, ("Hepatitis B vaccinated",)),  # a vaccination is no infection
        (HEPATITIS, ({"name": "hepatitis B", "detail": "HBcAb positive"},)),  # past infection?
        (TB, ("latent TB",)),  # latent is not active
        # "previously treated" is a qualifier the detail "treated" does not settle for sure
        (HEPATITIS, ({"name": "hepatitis C", "status": "past", "detail": "treated"},)),
        (HEPATITIS, ({"name": "HIV", "status": "active"},)),  # the bracket qualifies all three
        # one problem settled, another named beside it not listed: open
        (ACTIVE_HEP, ({"name": "hepatitis C", "status": "past", "detail": "cured"},)),
        (STROKE_MI, ({"name": "MI", "date": "2019-05-01"},)),
        (TB, ({"name": "tuberculosis"},)),  # no status: is it active?
        (AUTOIMMUNE, ({"name": "lupus", "status": "active"},)),  # which treatment, when?
        (NYHA, ({"name": "heart failure"},)),  # no class stated
        (NYHA, ({"name": "heart failure", "detail": "NYHA class II"},)),  # may be out of date
        (DIABETES, ({"name": "type 2 diabetes", "status": "active"},)),  # active, not uncontrolled
        (TRANSPLANT, ({"name": "kidney transplant"},)),  # solid organ, the rule says allogeneic
        (STROKE_MI, ({"name": "stroke"},)),  # no date
        # another cancer: no date, no kind, or dated before the window but not said to be over
        (OTHER_CANCER_3Y, ({"name": "melanoma", "status": "past"},)),
        (OTHER_CANCER_3Y, ({"name": "other cancer", "date": "2025-01-01"},)),
        (OTHER_CANCER_3Y, ({"name": "melanoma", "date": "2015-01-01", "status": "active"},)),
        # an exception that may take in any kind ("could affect the diagnoses")
        (OTHER_CANCER, ({"name": "melanoma", "date": "2024-06-01"},)),
        # a skin cancer the exception does not name
        ("History of another malignancy", ({"name": "basal cell carcinoma"},)),
        # the permission: HIV without the viral load said
        (HIV_PERMISSION, ("HIV",)),
    ],
)
def test_what_the_record_cannot_settle_stays_unknown(text, conditions):
    out = judged(text, facts(*conditions))
    assert out["verdict"] == "unknown"
    assert out["settle"]


def test_unknown_says_what_would_settle_it():
    out = judged(
        "Active hepatitis B or C infection (HBsAg positive or HCV RNA detectable)", facts()
    )
    assert out["verdict"] == "unknown"
    assert "The study team will ask about hepatitis B tests." in out["settle"]
    assert "does not say whether you have hepatitis B" in out["why"]


# ------------------------------------------------------------------ let in by what the record says


@pytest.mark.parametrize(
    "text,condition",
    [
        ("Known active hepatitis C infection", {"name": "hepatitis C", "status": "past"}),
        (TB, {"name": "tuberculosis", "status": "past"}),
        (DIABETES, {"name": "diabetes", "status": "controlled"}),
        (MI_6, {"name": "MI", "date": "2019-05-01"}),
        (OTHER_CANCER_3Y, {"name": "melanoma", "date": "2015-01-01", "status": "past"}),
        (OTHER_CANCER_3Y, "basal cell carcinoma"),  # a kind the exception names
        (OTHER_CANCER, "basal cell carcinoma"),
        (HIV_PERMISSION, "HIV on ART, undetectable viral load"),  # the trial's permission
    ],
)
def test_what_the_record_says_can_keep_the_exclusion_from_applying(text, condition):
    assert _v(text, facts(condition)) == "met"


def test_a_permission_never_rules_out():
    allowance = (
        "Patients with past HBV infection (HBcAb+, HBsAg-) are eligible if HBV DNA is undetectable"
    )
    for f in (facts(), facts("hepatitis B"), facts({"name": "hepatitis B", "status": "active"})):
        assert _v(allowance, f) != "not met"
        assert _v("HIV-positive patients on antiretroviral therapy are eligible", f) != "not met"


def test_an_inclusion_reads_no_health_problem():
    assert not [
        c
        for c in parsed("Patients with HIV on ART are eligible", "inclusion")["checks"]
        if c["type"] == "health_problem"
    ]


def test_the_breast_cancer_is_never_another_cancer():
    text = "Any malignancy other than breast cancer within 5 years"
    check = [c for c in parsed(text, "exclusion")["checks"] if c["type"] == "health_problem"]
    assert check and not check[0]["excepted"]
    assert _v(text, facts()) == "unknown"  # the breast cancer is not a listed condition
    assert _v(text, facts({"name": "lymphoma", "date": "2023-02-01"})) == "not met"


def test_a_bare_ild_history_is_settled_by_the_listed_problem():
    text = "History of or current interstitial lung disease or pneumonitis"
    out = judged(text, facts({"name": "radiation pneumonitis", "status": "past"}))
    assert out["verdict"] == "not met"
    assert "interstitial lung disease or pneumonitis" in out["why"]
    steroids = "History of (non-infectious) ILD/pneumonitis that required steroids, or current ILD"
    assert _v(steroids, facts({"name": "pneumonitis", "status": "past"})) == "unknown"


# ------------------------------------------------------------------ kept with the trial


def test_the_check_is_kept_with_the_trial_and_match_agrees_with_summarise():
    trial = Trial(
        nct_id="NCT00000001",
        title="A study in metastatic breast cancer",
        eligibility="Inclusion Criteria:\n\n* Metastatic breast cancer\n\nExclusion Criteria:\n\n"
        f"* {HIV}\n* {OTHER_CANCER_3Y}\n",
    )
    p = parse_trial(trial)
    kept = [c for crit in p["criteria"] for c in crit["checks"] if c["type"] == "health_problem"]
    assert {c["value"] for c in kept} == {"hiv", "another cancer"}
    for f in (facts(), facts("HIV"), facts("basal cell carcinoma"), facts("melanoma")):
        full = match(p, f)
        fast = summarise(p, f, {})
        assert fast["fit"] == full["fit"]
        assert fast["not_met"] == sum(c["verdict"] == "not met" for c in full["criteria"])


# ------------------------------------------------------------------ the data file


def test_the_data_file_is_validated():
    assert {p.term for p in health_problems.load().problems} >= {
        "hiv",
        "hepatitis b",
        "hepatitis c",
        "another cancer",
    }
    good = yaml.safe_load(
        resources.files("mbcnav.trials").joinpath("data/health_problems.yaml").read_text("utf-8")
    )
    bad = {**good, "problems": [{**good["problems"][0], "source": {"publisher": "x"}}]}
    with pytest.raises(TrialsError, match="problem 1 needs a source"):
        health_problems.validate(bad)
    bad = {**good, "problems": [{**good["problems"][0], "patterns": ["("]}]}
    with pytest.raises(TrialsError, match="broken regular expression"):
        health_problems.validate(bad)
    bad = {**good, "wordings": {k: v for k, v in good["wordings"].items() if k != "open"}}
    with pytest.raises(TrialsError, match="wording 'open' is missing"):
        health_problems.validate(bad)


def test_trials_show_prints_what_the_words_qualify():
    from mbcnav.trials.structure import _check_words

    (check,) = [c for c in parsed(OTHER_CANCER_3Y, "exclusion")["checks"]]
    words = _check_words(check)
    assert words.startswith("health_problem another cancer")
    assert "skin cancer excepted" in words and "within 36 months" in words


def test_a_permission_that_asks_for_a_cd4_count_stays_with_the_study_team():
    """NCT05296798: "... known infection with HIV with the following exception: Individuals who
    are HIV positive are eligible provided they are stable on anti-retroviral therapy for >=4
    weeks, have a CD4 count >=350 cells/uL, and have an undetectable viral load": the record's
    undetectable viral load does not show the CD4 count."""
    text = (
        "Known infection with HIV with the following exception: Individuals who are HIV positive "
        "are eligible provided they are stable on anti-retroviral therapy for >=4 weeks, have a "
        "CD4 count >=350 cells/uL, and have an undetectable viral load"
    )
    assert _v(text, facts("HIV on ART, undetectable viral load")) == "unknown"


def test_an_in_situ_cancer_is_let_in_only_by_an_exception_for_its_own_organ():
    """ "melanoma in situ" keeps its words (patient/data/conditions.yaml kinds); the usual
    exception names the cervix, so a melanoma in situ stays with the study team, and a cervical
    carcinoma in situ is let in."""
    assert _v(OTHER_CANCER_3Y, facts("cervical carcinoma in situ")) == "met"
    assert _v(OTHER_CANCER_3Y, facts("melanoma in situ")) == "unknown"
    assert _v("History of another malignancy", facts("melanoma in situ")) == "unknown"


def test_an_uncontrolled_said_of_a_list_asks_the_detail_of_each_item():
    """ "Uncontrolled intercurrent illness including, but not limited to, ... diabetes": diabetes
    listed as active is not said to be uncontrolled; a detail that says so rules out."""
    text = (
        "Uncontrolled intercurrent illness including, but not limited to, ongoing or active "
        "infection, symptomatic congestive heart failure, or diabetes"
    )
    assert _v(text, facts({"name": "type 2 diabetes", "status": "active"})) == "unknown"
    assert _v(text, facts("uncontrolled diabetes")) != "met"


# ------------------------------------------------------------------ review health1 (S1, S2)

MELANOMA_2018 = {"name": "melanoma", "status": "past", "date": "2018-06-01", "note": "excised"}
OLD_STROKE_MI = (
    {"name": "stroke", "detail": "ischemic", "date": "2015-01-01", "status": "past"},
    {"name": "MI", "date": "2015-01-01", "status": "past"},
)


@pytest.mark.parametrize(
    "text,conditions,expected",
    [
        # S1-1: "exceptions" (plural) not listed: any exception the kinds of which are not read
        ("History of another malignancy with exceptions", (MELANOMA_2018,), "unknown"),
        ("History of another malignancy, exempting those approved", (MELANOMA_2018,), "unknown"),
        ("History of another malignancy", ({"name": "melanoma", "status": "past"},), "not met"),
        # S1-2: a time limit that is no "within" window, after the exception (NCT06131424)
        (
            "Have a history of other malignancies, other than basal cell carcinoma of the skin and "
            "squamous cell carcinoma of the skin until 3 years prior to diagnosis of "
            "locally-advanced or mBC",
            (MELANOMA_2018,),
            "unknown",
        ),
        # S1-3: a window counted from a diagnosis: from the date the record gives for it, or open
        (
            "Other malignancy within 5 years prior to the diagnosis of breast cancer",
            ({"name": "melanoma", "status": "past", "date": "2018-01-01"},),
            "unknown",  # the first diagnosis is not dated in this record
        ),
        (
            "Any other malignancy within 5 years prior to diagnosis of metastatic disease",
            ({"name": "melanoma", "status": "past", "date": "2021-06-01"},),
            "not met",  # 3.6 years before the metastatic diagnosis (2025-01-10)
        ),
        (
            "Any other malignancy within 5 years prior to diagnosis of metastatic disease",
            ({"name": "melanoma", "status": "past", "date": "2019-06-01"},),
            "met",  # 5.6 years before it, over
        ),
        (
            "Other malignancy within 5 years after surgery",
            ({"name": "melanoma", "status": "past", "date": "2024-06-01"},),
            "unknown",  # an anchor the record does not date
        ),
        (
            "Other malignancy within 5 years before randomisation",
            ({"name": "melanoma", "status": "past", "date": "2024-06-01"},),
            "not met",  # counted from today
        ),
        (
            "Myocardial infarction within 6 months prior to the first dose of study treatment",
            ({"name": "MI", "date": "2025-12-01"},),
            "not met",
        ),
        (
            "Myocardial infarction within 6 months prior to diagnosis of metastatic disease",
            ({"name": "MI", "date": "2024-12-01"},),
            "unknown",
        ),
        # S1-4: a window after a list is not given to an item with a comma or its own "History of"
        ("Stroke, or myocardial infarction within 6 months", OLD_STROKE_MI, "unknown"),
        ("History of stroke or myocardial infarction within 6 months", OLD_STROKE_MI, "unknown"),
        (STROKE_MI, OLD_STROKE_MI, "met"),  # nothing between them: the window of both
        # S1-5: an exception for one skin cancer does not let in the other kind
        (
            "Other malignancy within 5 years except basal cell carcinoma",
            ({"name": "squamous cell skin cancer", "date": "2024-01-01"},),
            "not met",
        ),
        (
            "Other malignancy within 5 years except squamous cell carcinoma of the skin",
            ({"name": "basal cell carcinoma", "date": "2024-01-01"},),
            "not met",
        ),
        (
            "Other malignancy within 5 years except basal cell carcinoma",
            ({"name": "basal cell carcinoma", "date": "2024-01-01"},),
            "met",
        ),
        (
            "Other malignancy within 5 years except non-melanoma skin cancer",
            ({"name": "squamous cell skin cancer", "date": "2024-01-01"},),
            "met",
        ),
        # S1-6: a narrower or broader problem than the criterion's (TIA, latent TB, cardiomyopathy)
        ("History of stroke", ({"name": "TIA", "status": "past"},), "unknown"),
        ("Stroke within 6 months", ({"name": "TIA", "date": "2025-12-01"},), "unknown"),
        ("Stroke within 6 months", ("transient ischemic attack",), "unknown"),
        ("History of stroke", ({"name": "stroke", "detail": "hemorrhagic"},), "not met"),
        ("Tuberculosis", ("latent TB",), "unknown"),
        ("History of tuberculosis", ("latent tuberculosis",), "unknown"),
        ("History of tuberculosis", ({"name": "tuberculosis", "status": "past"},), "not met"),
        ("History of congestive heart failure", ("cardiomyopathy",), "unknown"),
        ("History of congestive heart failure", ("reduced ejection fraction",), "unknown"),
        ("History of congestive heart failure", ("HFrEF",), "not met"),
        # S1-7: whose cells a transplant used
        (TRANSPLANT, ("autologous stem cell transplant",), "met"),
        (TRANSPLANT, ({"name": "transplant", "detail": "autologous stem cell"},), "met"),
        (TRANSPLANT, ("allogeneic stem cell transplant",), "not met"),
        (TRANSPLANT, ("stem cell transplant",), "unknown"),
        # S1-8: a detail or note that doubts or denies never decides
        ("History of myocardial infarction", ({"name": "MI", "detail": "suspected"},), "unknown"),
        ("History of myocardial infarction", ({"name": "MI", "detail": "ruled out"},), "unknown"),
        ("Known HIV infection.", ({"name": "HIV", "detail": "negative"},), "unknown"),
        ("History of myocardial infarction", ({"name": "MI"},), "not met"),
        # S1-9: a problem said of another person is no check on her
        (
            "Close contact with a person with active tuberculosis in the past year",
            ({"name": "tuberculosis", "status": "past"},),
            "unknown",
        ),
        ("Women whose sexual partner is HIV positive", ({"name": "HIV"},), "unknown"),
        ("Known HIV infection", ({"name": "HIV"},), "not met"),
        # S2-1: "TB" beside a lab limit is total bilirubin
        (
            "Inadequate liver function: TB > 1.5 ULN",
            ({"name": "TB", "status": "active"},),
            "unknown",
        ),
        ("Total bilirubin (TB) > 1.5 x ULN", ({"name": "TB", "status": "active"},), "unknown"),
        ("Active TB", ({"name": "TB", "status": "active"},), "not met"),
        # S2-2: an exception that names melanoma in situ beside "in situ"
        (
            "Other malignancy within 5 years except carcinoma in situ of the cervix or melanoma "
            "in situ",
            ({"name": "melanoma in situ", "date": "2024-01-01"},),
            "met",
        ),
        (
            "Other malignancy within 5 years except carcinoma in situ of the cervix",
            ({"name": "melanoma in situ", "date": "2024-01-01"},),
            "unknown",
        ),
    ],
)
def test_review_health1_inputs_both_ways(text, conditions, expected):
    out = judged(text, facts(*conditions))
    assert out["verdict"] == expected, out["why"]
    if expected == "unknown":
        assert out["settle"]


def test_a_contact_or_partner_gives_no_check_and_tb_as_bilirubin_no_tuberculosis():
    for text in (
        "Close contact with a person with active tuberculosis in the past year",
        "Women whose sexual partner is HIV positive",
        "Household member with hepatitis B",
        "Inadequate liver function: TB > 1.5 ULN",
    ):
        assert not [c for c in parsed(text, "exclusion")["checks"] if c["type"] == "health_problem"]


def test_a_stem_history_is_not_given_to_a_later_item_with_its_own_active():
    """S2-4: "History of myocardial infarction, or active hepatitis B": the hepatitis B clause
    says active, the record past: that item does not exclude (the MI, not listed, stays open)."""
    text = "History of myocardial infarction, or active hepatitis B"
    (hep,) = [c for c in parsed(text, "exclusion")["checks"] if c["value"] == "hepatitis b"]
    assert hep["active"] and not hep["history"]
    ok, why, _ = health_problems.holds(hep, facts({"name": "hepatitis B", "status": "past"}))
    assert ok is False and "does not exclude" in why
    assert _v(text, facts({"name": "hepatitis B", "status": "past"})) == "unknown"
    assert _v(text, facts({"name": "MI", "status": "past"})) == "not met"


def test_a_note_that_doubts_never_decides():
    """S1-8: the note, where the record's entries carry it, is read with the detail."""
    check = {"type": "health_problem", "value": "heart attack", "history": True}
    p = next(x for x in health_problems.load().problems if x.term == "heart attack")
    e = {"term": "heart attack", "status": "unknown", "note": "suspected, ruled out"}
    assert health_problems._one(p, check, e, "2026-01-15") is None
    assert health_problems._one(p, check, {**e, "note": None}, "2026-01-15") is True


def test_every_unsure_word_reaches_a_detail_or_keeps_bare_entries_open():
    """S1-6 (c): an `unsure` word the record keeps as a synonym (no detail) cannot leave the
    check open by the detail: such a term is broad, and an entry with no detail never says yes.
    Only stroke is (tests/patient keeps "TIA" a synonym, and the form's label names the TIA)."""
    broad = {p.term: health_problems.broad_names(p) for p in health_problems.load().problems}
    assert {t for t, names in broad.items() if names} == {"stroke"}
    assert _v("History of stroke", facts("stroke")) == "unknown"
    assert _v("History of stroke", facts({"name": "stroke", "date": "2015-01-01"})) == "unknown"
    assert _v(STROKE_MI, facts({"name": "stroke", "date": "2019-05-01", "status": "past"})) == (
        "unknown"  # the MI is not listed
    )


def test_the_why_never_reads_no_a():
    out = judged(STROKE_MI, facts("diabetes"))
    assert "no a " not in out["why"] and "does not list a stroke" in out["why"]


def test_a_criterion_that_names_the_narrower_kind_excludes_it():
    """NCT01724606: "... a cerebrovascular accident including transient ischemic attacks within
    the past 6 months": a TIA there is what the rule excludes."""
    text = (
        "Thrombolic, embolic, venous, or arterial events such as a cerebrovascular accident "
        "including transient ischemic attacks within the past 6 months."
    )
    assert _v(text, facts({"name": "TIA", "date": "2025-11-01", "status": "past"})) == "not met"
    assert _v(text, facts({"name": "TIA", "date": "2015-11-01", "status": "past"})) == "met"
    assert _v("Stroke within 6 months", facts({"name": "TIA", "date": "2025-11-01"})) == "unknown"


@pytest.mark.parametrize(
    "text,condition,expected",
    [
        (  # NCT00364754: the time is said of "any other cancer", not of the skin cancer
            "Previous malignancies, excluding curatively treated basal or squamous cell carcinoma "
            "of the skin or in-situ cervical cancer or any other cancer treated more than five "
            "years prior to study entry and presumed cured.",
            "basal cell carcinoma",
            "met",
        ),
        (  # NCT00709761: the excepted kinds only "if it had been at least 3 years"
            "History of prior malignancy. However, subjects who had been disease-free for 5 "
            "years, or subjects with completely resected basal or squamous cell skin cancer, "
            "thyroid cancer or successfully treated cervical carcinoma in situ were eligible if "
            "it had been at least 3 years since",
            {"name": "basal cell carcinoma", "date": "2025-06-01"},
            "unknown",
        ),
    ],
)
def test_a_time_said_of_the_excepted_kind_keeps_it_open(text, condition, expected):
    assert _v(text, facts(condition)) == expected


def test_a_time_inside_the_exception_does_not_stop_a_dated_no():
    """NCT00674206: "3 months apart" belongs to the prostate exception; a melanoma over before
    the 5 years is not excluded, one inside them stays open (the exception is read in part)."""
    text = (
        "History of prior malignancy within the past 5 years except for curatively treated basal "
        "cell carcinoma of the skin, cervical intra-epithelial neoplasia, or localized prostate "
        "cancer with a current PSA of < 1.0 mg/dL on 2 successive evaluations at least 3 months "
        "apart"
    )
    assert _v(text, facts({"name": "melanoma", "status": "past", "date": "2018-06-01"})) == "met"
    assert _v(text, facts({"name": "melanoma", "status": "past", "date": "2024-06-01"})) != "met"


def test_child_pugh_is_no_other_person():
    text = (  # NCT04961996
        "Clinically significant liver disease consistent with Child-Pugh Class B or C, including "
        "active hepatitis (e.g., hepatitis B virus [HBV] or hepatitis C virus [HCV])"
    )
    assert {c["value"] for c in parsed(text, "exclusion")["checks"]} >= {"hepatitis b"}


def test_an_exception_read_only_in_part_leaves_an_other_cancer_open():
    """S1-1: "except basal cell carcinoma or any other malignancy with minimal risk": the second
    group is not read, so a melanoma inside the window stays open; one named apart is not."""
    melanoma = facts({"name": "melanoma", "date": "2024-06-01", "status": "past"})
    partly = "Other malignancy within 5 years except basal cell carcinoma or any other malignancy with minimal risk"
    assert _v(partly, melanoma) == "unknown"
    assert _v("Other malignancy within 5 years except basal cell carcinoma", melanoma) == "not met"


def test_a_note_that_doubts_the_problem_reaches_the_check():
    """Review: an MI whose note says "suspected ... ruled out" never rules a trial out (the note
    now travels with the record's entry)."""
    from mbcnav.patient import derive
    from mbcnav.patient.fileformat import parse as parse_file

    p = parse_file(
        {
            "format": "mbcnav-patient/1",
            "conditions": [
                {
                    "name": "MI",
                    "status": "past",
                    "date": "2020-01-01",
                    "note": "suspected MI, ruled out by troponin",
                }
            ],
        }
    )
    (entry,) = derive.condition_entries(p)
    assert entry["note"] == "suspected MI, ruled out by troponin"


def test_a_bare_stroke_entry_whose_note_names_a_stroke_meets_history_of_stroke():
    """Thirty-third session (last session's note): a bare "stroke" entry may be a mini-stroke
    (the record's label holds both), so it stays open, unless its note names the stroke itself
    and no mini-stroke; the kind written as the name ("ischemic stroke") settles it too."""

    def verdict_for(entry):
        p = parse(
            {
                "format": "mbcnav-patient/1",
                "metastatic_diagnosis": {"date": "2025-01-10"},
                "conditions": [entry],
            },
            today=date(2026, 1, 15),
        )
        f = from_patient(p, date(2026, 1, 15))
        return verdict(parsed("History of stroke", "exclusion"), f)["verdict"]

    noted = {"name": "stroke", "status": "past", "note": "small left MCA ischemic stroke 2023"}
    assert verdict_for(noted) == "not met"
    assert verdict_for({"name": "ischemic stroke", "status": "past"}) == "not met"
    assert verdict_for({"name": "stroke", "status": "past"}) == "unknown"
    tia = {"name": "stroke", "status": "past", "note": "TIA in 2022, no lasting weakness"}
    assert verdict_for(tia) == "unknown"


def _diabetes(kind_name: str, status: str = "controlled") -> object:
    p = parse(
        {
            "format": "mbcnav-patient/1",
            "metastatic_diagnosis": {"date": "2025-01-10"},
            "conditions": [{"name": kind_name, "status": status}],
        },
        today=date(2026, 1, 15),
    )
    return from_patient(p, date(2026, 1, 15))


def test_the_kind_of_diabetes_a_rule_names_is_read():
    """Thirty-third session (last session's held-out set 88, read after it was measured):
    NCT05894239 "Type 2 diabetes requiring ongoing systemic treatment at the time of study
    entry; or any history of Type 1 diabetes", NCT05631795 "Participant with type I diabetes or
    not controlled type II": each mention is checked for its own kind."""
    both = (
        "Type 2 diabetes requiring ongoing systemic treatment at the time of study entry; or any "
        "history of Type 1 diabetes"
    )
    one = _diabetes("type 1 diabetes")
    two = _diabetes("type 2 diabetes", "active")
    assert verdict(parsed(both, "exclusion"), one)["verdict"] == "not met"
    assert verdict(parsed(both, "exclusion"), two)["verdict"] == "unknown"  # "requiring ..."
    history_1 = parsed("any history of Type 1 diabetes", "exclusion")
    assert verdict(history_1, one)["verdict"] == "not met"
    assert verdict(history_1, two)["verdict"] == "met"
    assert "type 1 diabetes" in verdict(history_1, two)["why"]
    mixed = parsed("Participant with type I diabetes or not controlled type II", "exclusion")
    assert verdict(mixed, one)["verdict"] == "not met"
    assert verdict(mixed, two)["verdict"] == "unknown"  # the type II part asks about control
    # a bare "diabetes" rule reads any kind as before
    assert verdict(parsed("History of diabetes", "exclusion"), two)["verdict"] == "not met"


def test_first_review_diabetes_lists_and_insulin_words():
    """First review: "Diabetes mellitus type I or II" cleared a type 2 record; "Insulin-dependent
    diabetes mellitus" cleared a type 2 record on insulin; "Type 1 or type 2 diabetes" left a
    type 1 record open."""
    one = _diabetes("type 1 diabetes")
    two = _diabetes("type 2 diabetes", "active")
    for text in ("Diabetes mellitus type I or II", "Type 1 or type 2 diabetes"):
        assert verdict(parsed(text, "exclusion"), one)["verdict"] == "not met", text
        assert verdict(parsed(text, "exclusion"), two)["verdict"] == "not met", text
    insulin = parsed("Insulin-dependent diabetes mellitus", "exclusion")
    assert verdict(insulin, two)["verdict"] != "met"


def _stroke_note(note: str) -> str:
    p = parse(
        {
            "format": "mbcnav-patient/1",
            "metastatic_diagnosis": {"date": "2025-01-10"},
            "conditions": [{"name": "stroke", "status": "past", "note": note}],
        },
        today=date(2026, 1, 15),
    )
    f = from_patient(p, date(2026, 1, 15))
    return verdict(parsed("History of stroke", "exclusion"), f)["verdict"]


def test_first_review_a_stroke_note_must_affirm_the_persons_own_stroke():
    for note in (
        "family history of stroke",
        "mother had a stroke",
        "stroke risk discussed; on aspirin",
        "hemorrhage in a brain metastasis, not a stroke",
    ):
        assert _stroke_note(note) == "unknown", note
    assert _stroke_note("left MCA ischemic stroke 2023, mild hand weakness") == "not met"


def test_final_review_stroke_notes_and_diabetes_words():
    """Final review: ordinary clinical notes about the person's own stroke settle it; a diabetes
    kind written as NIDDM or a need for insulin is read; a rule about one kind against a record
    that names none stays open."""
    for note in (
        "ischaemic stroke 2023, no residual deficit",
        "stroke in 2020, no recurrence",
        "left MCA stroke, treated with thrombolysis; secondary prevention with clopidogrel",
    ):
        assert _stroke_note(note) == "not met", note
    niddm = _diabetes_detail("non-insulin-dependent, on metformin")
    assert verdict(parsed("Type 1 diabetes", "exclusion"), niddm)["verdict"] == "met"
    bare = _diabetes_detail(None)
    assert verdict(parsed("Type 1 diabetes", "exclusion"), bare)["verdict"] == "unknown"
    iddm = parsed("Insulin-dependent diabetes mellitus", "exclusion")
    assert verdict(iddm, _diabetes("type 1 diabetes"))["verdict"] == "not met"
    assert verdict(iddm, _diabetes_detail("type 2, on insulin glargine"))["verdict"] == "not met"
    assert verdict(iddm, _diabetes_detail("type 2, diet controlled"))["verdict"] == "unknown"


def _diabetes_detail(detail):
    entry = {"name": "diabetes", "status": "active"}
    if detail:
        entry["detail"] = detail
    p = parse(
        {
            "format": "mbcnav-patient/1",
            "metastatic_diagnosis": {"date": "2025-01-10"},
            "conditions": [entry],
        },
        today=date(2026, 1, 15),
    )
    return from_patient(p, date(2026, 1, 15))


def test_last_review_insulin_words_need_insulin_taken():
    requiring = parsed("Type 1 or insulin-requiring type 2 diabetes", "exclusion")
    for detail in (
        "type 2, diet controlled",
        "type 2, on metformin, no insulin",
        "type 2 with insulin resistance",
    ):
        assert verdict(requiring, _diabetes_detail(detail))["verdict"] == "unknown", detail
    assert (
        verdict(requiring, _diabetes_detail("type 2, on insulin glargine"))["verdict"] == "not met"
    )
    assert verdict(requiring, _diabetes("type 1 diabetes"))["verdict"] == "not met"
