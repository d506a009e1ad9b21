"""Thirty-fifth-session wordings (issue 14), read from the tuning set 96 (trials outside the
snapshot) and last session's sets 94 and 95, read after they were measured. Each test names the
record its wording comes from and is checked both ways."""

from datetime import date

from mbcnav.patient import parse
from mbcnav.trials.facts import DrugFact, from_patient
from mbcnav.trials.groups import group_of
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.line_classes import NON_ENDOCRINE
from mbcnav.trials.match import match, verdict
from mbcnav.trials.modality import modality
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial
from mbcnav.trials.title_population import is_title_population

from . import people
from .one_criterion import checks, parsed

DAY = date(2026, 1, 15)


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _patient(**extra):
    return from_patient(
        parse(
            {
                "format": "mbcnav-patient/1",
                "sex": "female",
                "birth_year": 1968,
                "metastatic_diagnosis": {"date": "2024-03-01"},
                **extra,
            }
        ),
        DAY,
    )


RIBOCICLIB = (  # NCT02422615, whose registry text as stored stops after its first rule
    "A Randomized Double-blind, Placebo-controlled Study of Ribociclib in Combination With "
    "Fulvestrant for the Treatment of Men and Postmenopausal Women With Hormone Receptor "
    "Positive, HER2-negative, Advanced Breast Cancer Who Have Received no or Only One Line of "
    "Prior Endocrine Treatment"
)


def _title_rule(title: str, eligibility: str = "Inclusion Criteria:\n\n* Age 18 or over") -> dict:
    crits = parse_trial(Trial("NCT09999999", title=title, eligibility=eligibility))["criteria"]
    return next((c for c in crits if is_title_population(c)), None)


def test_whom_a_title_names_is_a_rule_when_the_criteria_are_silent():
    rule = _title_rule(RIBOCICLIB)
    kinds = {k["type"]: k for k in rule["checks"]}
    assert set(kinds) == {"menopause", "lines"}
    assert kinds["lines"]["max"] == 1 and kinds["lines"]["class"] == "endocrine therapy"
    trial = parse_trial(Trial("NCT09999999", title=RIBOCICLIB, eligibility="* Age 18 or over"))
    three = people.facts(
        menopause="post", lines=3, line_labels=[["endocrine therapy"]] * 3, line_ended=[True] * 3
    )
    one = people.facts(menopause="post", lines=1, line_labels=[["endocrine therapy"]])
    assert any(c["verdict"] == "not met" for c in match(trial, three)["criteria"])
    assert not any(c["verdict"] == "not met" for c in match(trial, one)["criteria"])
    # a man is not asked about menopause
    man = people.facts(sex="male", lines=1, line_labels=[["endocrine therapy"]])
    assert not any(c["verdict"] == "not met" for c in match(trial, man)["criteria"])


def test_the_criteria_own_words_win_over_the_title():
    own = (
        "Inclusion Criteria:\n\n* Pre- or postmenopausal women\n* Up to 2 prior endocrine therapies"
    )
    assert _title_rule(RIBOCICLIB, own) is None
    # "Previously Untreated" names no class (a first chemotherapy study takes people after
    # hormone therapy), "Based on Prior Endocrine Therapy" no count: nothing is kept
    assert (
        _title_rule(
            "Atezolizumab With Nab-Paclitaxel for Participants With Previously Untreated "
            "Metastatic Triple-Negative Breast Cancer"
        )
        is None
    )
    assert (
        _title_rule(
            "Alpelisib Plus Fulvestrant or Letrozole, Based on Prior Endocrine Therapy, in "
            "Patients With PIK3CA Mutant, HR+, HER2- Advanced Breast Cancer"
        )
        is None
    )


def test_a_title_for_brain_metastases_removed_by_surgery():
    """NCT01372774: no criteria stored, the title says whom the study is for."""
    title = (
        "Stereotactic Radiosurgery or Whole-Brain Radiation Therapy in Treating Patients With "
        "Brain Metastases That Have Been Removed By Surgery"
    )
    rule = _title_rule(title, "")
    assert [k["status"] for k in rule["checks"]] == ["resected"]
    brain = {"site": "brain", "date": "2025-06-01", "status": "treated-stable"}
    operated = _patient(
        metastases=[brain],
        treatments=[{"type": "surgery", "procedure": "craniotomy", "date": "2025-06-10"}],
    )
    radiosurgery = _patient(
        metastases=[brain],
        treatments=[{"type": "radiation", "site": "brain", "start": "2025-06-10"}],
    )
    assert _verdict("Patients with resected brain metastases", operated) == "met"
    assert _verdict("Patients with resected brain metastases", radiosurgery) == "not met"
    assert _verdict("Patients with resected brain metastases", _patient()) == "unknown"
    # surgery one of the ways named, or a plan: no operation needed (review)
    for other in (
        "Must have at least one brain metastasis that was resected or treated with SRS",
        "Brain metastases resected or to be resected",
    ):
        assert _verdict(other, radiosurgery) != "not met", other
    both = (
        "Radiosurgery in Patients With Resected Brain Metastases or Unresectable Brain Metastases"
    )
    assert _title_rule(both, "") is None


def test_a_steroid_started_for_active_brain_metastases_says_they_cause_symptoms():
    """NCT06189209 "Patient with symptomatic uncontrolled brain metastasis" against "three new
    enhancing lesions with edema; dexamethasone 4 mg daily started" (set 94)."""
    rule = "Patient with symptomatic uncontrolled brain metastasis."
    brain = {"site": "brain", "date": "2026-01-05", "status": "active"}
    dex = {"drugs": ["dexamethasone"], "start": "2026-01-06"}
    assert _verdict(rule, _patient(metastases=[brain], treatments=[dex]), "exclusion") == (
        "not met"
    )
    # without a steroid, or with one begun before the brain metastases were found (given with
    # chemotherapy), whether they cause symptoms is not in the record
    assert _verdict(rule, _patient(metastases=[brain]), "exclusion") == "unknown"
    before = {"drugs": ["dexamethasone"], "start": "2025-10-01"}
    assert _verdict(rule, _patient(metastases=[brain], treatments=[before]), "exclusion") == (
        "unknown"
    )
    # a premedication or a mouthwash goes with an anti-cancer drug, a replacement dose is not
    # dexamethasone (review)
    paclitaxel = {"drugs": ["paclitaxel"], "start": "2026-01-06"}
    for treatments in (
        [{"drugs": ["paclitaxel", "dexamethasone"], "start": "2026-01-06"}],
        [paclitaxel, dex],
        [{"drugs": ["everolimus", "exemestane"], "start": "2026-01-07"}, dex],
        [{"drugs": ["hydrocortisone"], "start": "2026-01-08"}],
    ):
        f = _patient(metastases=[brain], treatments=treatments)
        assert _verdict(rule, f, "exclusion") == "unknown", treatments


def test_diagnosed_for_the_first_time_is_newly_diagnosed():
    """NCT02902991 (set 95)."""
    text = (
        "The patients diagnosed with breast cancer for the first time, including postoperative "
        "patients within one month and the patients diagnosed with Stage IV breast cancer for "
        "the first time."
    )
    (c,) = [k for k in checks(text) if k["type"] == "diagnosed_within"]
    assert c["first"] is True and c["never_after"] == 365
    recurrence = _patient(
        metastatic_diagnosis={"date": "2024-03-01", "first_diagnosis_date": "2018-05-01"}
    )
    assert _verdict(text, recurrence) == "not met"
    new = _patient(metastatic_diagnosis={"date": "2025-11-20", "de_novo": True})
    assert _verdict(text, new) != "not met"
    # of spread disease only, the first metastatic diagnosis
    (m,) = [
        k
        for k in checks("Patients diagnosed with metastatic breast cancer for the first time")
        if k["type"] == "diagnosed_within"
    ]
    assert m["first"] is False
    # a first recurrence let in beside it (review)
    assert not [
        k
        for k in checks("Patients diagnosed with disease for the first time or at first recurrence")
        if k["type"] == "diagnosed_within"
    ]


def test_no_more_than_a_time_since_diagnosis_is_a_most():
    """NCT02393924: "Initially diagnosed with HER2-positive unresectable LABC or mBC no more than
    6 months prior to enrollment, although they can have received anti-cancer treatment during
    that time" (set 96)."""
    text = (
        "Initially diagnosed with HER2-positive unresectable LABC or mBC no more than 6 months "
        "prior to enrollment, although they can have received anti-cancer treatment during that "
        "time"
    )
    assert modality(text, "inclusion") == "required"
    kinds = {k["type"]: k for k in checks(text)}
    assert "diagnosed_since" not in kinds
    assert kinds["diagnosed_within"]["first"] is False
    old = _patient(receptors={"her2": "positive"})
    recent = _patient(metastatic_diagnosis={"date": "2025-10-01"}, receptors={"her2": "positive"})
    assert _verdict(text, old) == "not met"
    assert _verdict(text, recent) == "met"
    # a limit of a later event is not the diagnosis's (review)
    for later in (
        "Diagnosis of metastatic breast cancer with disease progression less than 6 months prior "
        "to study entry",
        "Diagnosed with ER+ breast cancer, treated with endocrine therapy for no more than 12 "
        "months before progression",
        "Patients diagnosed with breast cancer who completed radiotherapy less than 3 months ago",
    ):
        assert not [k for k in checks(later) if k["type"].startswith("diagnosed")], later
    # a concession that lets people in is a second way in, not a qualifier (review)
    for allowance in (
        "No prior chemotherapy for metastatic disease, but prior endocrine therapy is allowed",
        "Measurable disease per RECIST 1.1, although patients with bone-only disease are eligible",
    ):
        assert modality(allowance, "inclusion") == "permitted", allowance
    # the conceded treatment is no check of its own
    assert not [
        k
        for k in checks("Metastatic breast cancer, although they may have received prior tamoxifen")
        if k["type"] == "therapy"
    ]
    # "at least" still reads a least time; an allowance with no rule before it stays one
    assert checks("Diagnosis of breast cancer more than 12 months before enrollment")[0][
        "type"
    ] == ("diagnosed_since")
    assert modality("Prior chemotherapy is allowed", "inclusion") == "permitted"


def test_erbb2_spellings_name_her2():
    """NCT00915018: "ErbB-2 positive locally recurrent or metastatic breast cancer" (set 96)."""
    for text in (
        "ErbB-2 positive locally recurrent or metastatic breast cancer",
        "c-erbB-2 positive breast cancer",
    ):
        assert {"type": "receptor", "value": "her2-positive"}.items() <= next(
            k for k in checks(text) if k["type"] == "receptor"
        ).items(), text
    assert _verdict("ErbB-2 positive metastatic breast cancer", people.facts(her2="low")) == (
        "not met"
    )
    assert _verdict("ErbB-2 positive metastatic breast cancer", people.facts(her2="positive")) == (
        "met"
    )


def test_prior_therapy_other_than_endocrine_therapy_counts_the_other_lines():
    """NCT00915018: "Prior systemic anti-cancer therapy other than endocrine therapy for locally
    recurrent or metastatic disease" (set 96)."""
    text = (
        "Prior systemic anti-cancer therapy other than endocrine therapy for locally recurrent "
        "or metastatic disease"
    )
    (c,) = lines_checks(text)
    assert c["class"] == NON_ENDOCRINE and c["min"] == 1
    hormone_only = people.facts(lines=1, line_labels=[["endocrine therapy", "aromatase inhibitor"]])
    chemo = people.facts(lines=1, chemo_lines=1, line_labels=[["chemotherapy", "taxane"]])
    assert _verdict(text, hormone_only, "exclusion") == "met"
    assert _verdict(text, chemo, "exclusion") == "not met"
    # a count or an exception beside it keeps its own reading (review)
    ceiling = "No more than one prior systemic therapy other than endocrine therapy for metastatic disease"
    assert [(c["max"], c["class"]) for c in lines_checks(ceiling)] == [(1, NON_ENDOCRINE)]
    assert _verdict(ceiling, chemo) != "not met"
    excepted = (
        "Prior therapy other than hormonal therapy for metastatic breast cancer, except one prior "
        "chemotherapy regimen"
    )
    assert _verdict(excepted, chemo, "exclusion") != "not met"


def test_a_bilirubin_limit_with_its_own_rule_for_gilberts_syndrome():
    """ "Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for patients with Gilbert's syndrome)": a record
    that lists Gilbert's syndrome is not ruled out by the first limit (a probe of the focus list,
    written before it was run)."""
    text = "Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for patients with Gilbert's syndrome)"
    high = [{"date": "2026-01-05", "test": "bilirubin", "value": 2.0, "unit": "mg/dL"}]
    gilbert = _patient(labs=high, conditions=[{"name": "Gilbert's syndrome"}])
    assert _verdict(text, gilbert) == "unknown"
    assert _verdict(text, _patient(labs=high)) == "not met"
    assert _verdict("Total bilirubin ≤ 1.5 × ULN", gilbert) == "not met"


def test_an_hba1c_two_months_old_still_decides():
    """HbA1c is the average of two to three months: "HbA1c ≤ 6.4%" against 8.1% measured five
    weeks before (NCT05631795 against set 88's chart); blood counts still age out at 30 days."""
    a1c = [{"date": "2025-12-10", "test": "HbA1c", "value": 8.1, "unit": "%"}]
    assert _verdict("HbA1c ≤ 6.4%", _patient(labs=a1c)) == "not met"
    old = [{"date": "2025-09-01", "test": "HbA1c", "value": 8.1, "unit": "%"}]
    assert _verdict("HbA1c ≤ 6.4%", _patient(labs=old)) == "unknown"
    anc = [{"date": "2025-12-10", "test": "ANC", "value": 1.0, "unit": "10^9/L"}]
    assert _verdict("ANC ≥ 1.5 x 10^9/L", _patient(labs=anc)) == "unknown"


def test_spread_recist_never_measures_counts_as_not_measurable():
    """Bone and pleura marked not measurable, and leptomeningeal disease with no mark: RECIST 1.1
    never measures leptomeningeal disease or an effusion (set 93, cj07)."""
    sites = [
        {"site": "bone", "date": "2024-01-01", "measurable": False},
        {"site": "leptomeningeal", "date": "2025-12-16"},
    ]
    assert _verdict("Patient must have measurable lesions.", _patient(metastases=sites)) == (
        "not met"
    )
    # a site of no such kind with no mark leaves it open
    liver = [*sites, {"site": "liver", "date": "2025-12-16"}]
    assert _verdict("Patient must have measurable lesions.", _patient(metastases=liver)) == (
        "unknown"
    )


def test_final_review_neighbours():
    """The final review's wordings: a limit or a condition inside a conceding clause is a rule;
    the disease named before "diagnosed"; a note that only mentions an effusion; "other than
    endocrine therapy" after "who have received"; a title's count of adjuvant treatment; a
    steroid begun during chemotherapy."""
    chemo3 = people.facts(
        lines=3, chemo_lines=3, line_labels=[["chemotherapy"]] * 3, line_ended=[True] * 3
    )
    limit = (
        "HER2-negative MBC, although patients may have received up to one prior chemotherapy "
        "regimen for metastatic disease"
    )
    assert _verdict(limit, chemo3) == "not met"
    stable = _patient(
        metastases=[{"site": "brain", "date": "2025-06-01", "status": "treated-stable"}]
    )
    excepted = (
        "Must not have brain metastases, although they may have had brain metastases treated "
        "with radiation if stable for 4 weeks"
    )
    assert _verdict(excepted, stable) != "not met"
    recurrence = _patient(
        metastatic_diagnosis={"date": "2025-11-01", "first_diagnosis_date": "2017-03-01"}
    )
    assert (
        _verdict(
            "Metastatic breast cancer diagnosed less than 6 months before enrollment", recurrence
        )
        == "met"
    )
    noted = _patient(
        metastases=[
            {"site": "bone", "date": "2024-01-01", "measurable": False},
            {
                "site": "lung",
                "date": "2025-01-01",
                "detail": "multiple nodules, small pleural effusion",
            },
        ]
    )
    assert _verdict("Measurable disease per RECIST 1.1", noted) == "unknown"
    who = "Patients who have received systemic therapy other than endocrine therapy for metastatic disease"
    assert [(c["min"], c["class"]) for c in lines_checks(who)] == [(1, NON_ENDOCRINE)]
    adjuvant = _title_rule(
        "Drug X for Women With Metastatic Breast Cancer Who Have Received No More Than One Prior "
        "Chemotherapy in the Adjuvant Setting"
    )
    assert adjuvant is None or not [k for k in adjuvant["checks"] if k["type"] == "lines"]
    brain = {"site": "brain", "date": "2026-01-05", "status": "active"}
    weekly = {"drugs": ["paclitaxel"], "start": "2025-12-01"}
    dex = {"drugs": ["dexamethasone"], "start": "2026-01-10"}
    f = _patient(metastases=[brain], treatments=[weekly, dex])
    assert _verdict("Symptomatic brain metastases", f, "exclusion") == "unknown"


def test_held_out_wordings_read_after_the_measurement():
    """Held-out sets 97 and 98, read after they were measured once: a judgement given as the
    other way in, "Low Expression of HER2" in a title, a chest wall metastasis asked for, a
    "measurable focus"."""
    rule = (
        "ER/PR breast cancer positive patients must have received and progressed on at least one "
        "endocrine therapy (adjuvant or metastatic), or have disease that the treating physician "
        "believes to be inappropriate for endocrine therapy."
    )
    assert verdict(parsed(rule), people.facts(), {})["verdict"] == "unknown"
    trial = parse_trial(
        Trial(
            "NCT09999999",
            title="RC48-ADC for Locally Advanced or Metastatic Breast Cancer With Low Expression of HER2",
            eligibility="Inclusion Criteria:\n\n* ECOG 0 or 1",
        )
    )
    assert group_of(match(trial, people.facts(her2="positive")), "RECRUITING") == "other"
    assert group_of(match(trial, people.facts(her2="low")), "RECRUITING") != "other"
    chest = "HER-2 negative advanced breast cancer with chest wall metastasis"
    assert _verdict(chest, people.facts(sites=["lung"])) == "not met"
    assert _verdict(chest, people.facts(sites=["chest wall"])) == "met"
    assert [k["type"] for k in checks("there is at least one measurable focus")] == ["measurable"]


def test_a_judgement_after_or_in_an_exclusion_is_one_more_way_out():
    """Last review: in an exclusion the treatment history still rules out."""
    taxane = people.facts(
        lines=1,
        chemo_lines=1,
        line_labels=[["paclitaxel", "taxane", "chemotherapy"]],
        drugs=[DrugFact("paclitaxel", ["paclitaxel", "taxane", "chemotherapy"], ["metastatic"])],
    )
    rule = (
        "Prior treatment with paclitaxel or other taxane, or patients the investigator believes "
        "inappropriate for taxane therapy"
    )
    assert _verdict(rule, taxane, "exclusion") == "not met"
