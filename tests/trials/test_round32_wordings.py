"""Eleventh-session wordings (issue 14), from the registry text of tuning set 28 and, read after
it was measured, of held-out set 29. Each test names the record its wording comes from; none is
a whole trial."""

from mbcnav.trials.match import verdict
from mbcnav.trials.menopause import evaluate_menopause, menopause_check
from mbcnav.trials.modality import scope
from mbcnav.trials.parse import _record_criteria
from mbcnav.trials.record import Trial

from . import people
from .one_criterion import checks, parsed

RECURRED = people.facts(de_novo=False, brain="none")


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _title_settings(title: str, conditions: list[str]) -> list[str]:
    """The disease settings a record's title and conditions set."""
    trial = Trial(nct_id="NCT00000000", title=title, conditions=conditions)
    return [c["checks"][0]["value"] for c in _record_criteria(trial) if c["number"] == 0]


def test_including_de_novo_lets_de_novo_in_and_requires_nothing():
    text = (  # NCT07806266
        "Have a diagnosis of MBC (Breast cancer that has spread to another part of the body), "
        "including de novo MBC patients."
    )
    assert "de_novo" not in {c["type"] for c in checks(text)}
    assert _verdict(text, RECURRED) == "met"
    # said as the requirement, it still is one
    assert _verdict("De novo metastatic breast cancer", RECURRED) == "not met"


def test_will_be_included_allows_brain_metastases():
    text = (  # NCT07806266
        "Have a diagnosis of MBC, including de novo MBC patients. Patients with brain metastases "
        "will be included, providing there is no associated major cognitive impairment."
    )
    brain = [c for c in checks(text) if c["type"] == "brain"]
    assert brain and brain[0]["allowed"]
    assert _verdict(text, RECURRED) == "met"
    # a requirement to have brain metastases is still one
    assert _verdict("Patients must have brain metastases.", RECURRED) == "not met"


def test_a_title_before_surgery_is_early_whatever_the_conditions_add():
    settings = _title_settings(  # NCT07478900
        "Tumor Margin Skin Tattooing Before Neo-adjuvant Chemotherapy in Patients With Breast Cancer",
        ["Breast Cancer (Locally Advanced or Metastatic)"],
    )
    assert "early" in settings and "metastatic" not in settings
    settings = _title_settings(
        "Neoadjuvant Chemotherapy for Locally Advanced or Metastatic Breast Cancer",
        ["Breast Cancer"],
    )
    assert settings == ["metastatic"]


def test_a_de_novo_premise_is_a_subgroup_rule():
    text = (  # NCT05377047
        "Patients with de novo stage IV OMBC must have a controlled primary tumour regardless of "
        "primary surgery or primary systemic treatment."
    )
    novo = [c for c in checks(text) if c["type"] == "de_novo"]
    assert novo and novo[0].get("premise")
    assert _verdict(text, RECURRED) == "met"  # does not apply to a relapse after early cancer


def test_postmenopausal_or_on_suppression_stays_open_before_menopause():
    text = (  # NCT06120283
        "Female participants with metastatic HR+/HER2- breast cancer must be postmenopausal or "
        "receiving ovarian function suppression"
    )
    check = menopause_check(text)
    assert check and check["ofs_ok"]
    holds, why, settle = evaluate_menopause(check, "pre")
    assert holds is None and "ovarian suppression" in why and settle
    assert evaluate_menopause(check, "suppressed")[0] is True
    # without the suppression option, a woman before menopause does not meet it
    assert evaluate_menopause(menopause_check("Postmenopausal women"), "pre")[0] is False


def test_what_comes_before_deemed_is_a_stated_requirement():
    text = (  # NCT05967533
        "Histologically or cytologically confirmed non small cell lung carcinoma (NSCLC), renal "
        "cell carcinoma (RCC), melanoma, colorectal carcinoma (CRC) and triple-negative breast "
        "cancer (TNBC) solid tumor malignancies deemed appropriate to receive standard-of-care "
        "checkpoint inhibitor (CPi)-based therapy"
    )
    lo, _ = scope(text, "judgement")
    assert lo == text.index("deemed")
    assert _verdict(text, people.facts(hr="positive", her2="zero")) == "not met"
    # a triple-negative cancer is not ruled out by it
    assert _verdict(text, people.facts(hr="negative", her2="zero")) != "not met"


def test_are_considered_eligible_is_no_doctors_call_on_what_came_before():
    text = (  # NCT07007559
        "Received no more than 4 prior lines of HER2-directed therapy. Participants who "
        "discontinue T-DXd due to intolerance are considered eligible."
    )
    lo, _ = scope(text, "judgement")
    assert lo < text.index("considered")


def test_review_a_waived_call_a_barred_suppression_and_must_also():
    # "unless considered unsuitable" waives what came before: still the doctor's call
    text = "Must have received a CDK4/6 inhibitor unless considered unsuitable for it by the investigator"
    assert scope(text, "judgement")[0] < text.index("considered")
    # suppression named as a bar is no option
    barred = menopause_check(
        "Postmenopausal status; ovarian suppression with LHRH agonists is not permitted"
    )
    assert barred and not barred["ofs_ok"]
    assert evaluate_menopause(barred, "pre")[0] is False
    # "must also have de novo" is a requirement
    assert (
        _verdict("Patients must also have de novo metastatic breast cancer", RECURRED) == "not met"
    )


def test_a_before_surgery_title_that_names_stage_four_is_advanced():
    settings = _title_settings(
        "Neoadjuvant Systemic Therapy Followed by Surgery of the Primary Tumour in De Novo Stage 4 Breast Cancer",
        ["Breast Cancer Stage IV"],
    )
    assert settings == ["metastatic"]
