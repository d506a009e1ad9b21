"""Twenty-seventh-session wordings (issue 14), read from the tuning set 72 and from last session's
held-out sets 70 and 71 after they were measured. Each test names the record or the shape its
wording comes from; none is a whole trial, and each is checked both ways."""

from datetime import date

from mbcnav.patient.model import Symptom
from mbcnav.trials import neuropathy
from mbcnav.trials.facts import DrugFact
from mbcnav.trials.labs import evaluate_lab
from mbcnav.trials.match import verdict

from . import people
from .one_criterion import checks, parsed

DAY = date(2026, 1, 15)


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def test_a_harm_named_before_the_drug_that_caused_it_is_no_history_of_the_drug():
    """NCT01513083: "History of a decrease in LVEF to <40% or symptomatic CHF with previous
    trastuzumab treatment" excluded everyone who had trastuzumab; the harm is the rule."""
    text = (
        "History of a decrease in LVEF to<40% or symptomatic CHF with previous trastuzumab "
        "treatment"
    )
    (drug,) = [c for c in checks(text, "exclusion") if c["type"] == "therapy"]
    assert drug["mode"] == "stopped for side effects"
    had = people.facts(
        drugs=[DrugFact("trastuzumab", ["trastuzumab", "anti-her2 antibody"], ["metastatic"])],
        labs={"lvef": {"value": 58.0, "shown": "58 %", "date": "2026-01-08"}},
    )
    assert _verdict(text, had, "exclusion") == "unknown"
    # growth on the drug is still a history of it
    grew = "Disease progression or toxicity after prior taxane"
    assert [c["mode"] for c in checks(grew, "exclusion")] == ["stopped for side effects"]
    assert [c["mode"] for c in checks("Progression during prior trastuzumab", "exclusion")] == [
        "progressed"
    ]


def test_a_neuropathy_grade_limit_is_read_against_the_record():
    """NCT04504916: "Has peripheral neuropathy of Grade >1." with moderate numbness in the feet
    (about grade 2) rules the person out; mild numbness (grade 1) does not."""
    text = "Has peripheral neuropathy of Grade >1."
    (c,) = [c for c in checks(text, "exclusion") if c["type"] == "neuropathy"]
    assert (c["op"], c["grade"]) == (">=", 2)
    moderate = people.facts(neuropathy=(2, "moderate numbness in the feet"))
    mild = people.facts(neuropathy=(1, "mild tingling"))
    assert _verdict(text, moderate, "exclusion") == "not met"
    assert _verdict(text, mild, "exclusion") == "met"
    assert _verdict(text, people.facts(), "exclusion") == "unknown"
    assert [
        (c["op"], c["grade"]) for c in checks("Peripheral neuropathy must be grade 1 or less")
    ] == [("<=", 1)]
    assert [
        (c["op"], c["grade"]) for c in checks("Grade ≥ 2 peripheral neuropathy", "exclusion")
    ] == [(">=", 2)]


def test_a_neuropathy_limit_named_as_an_exception_or_for_a_cohort_rules_no_one_out():
    """ "... > grade 1, except alopecia and grade 2 neuropathy" names no neuropathy rule;
    NCT04389632 limits it "for Parts C and D cohorts with cisplatin", NCT03518606 weighs it
    "on a case-by-case basis": neither can say no from a record."""
    assert not [
        c
        for c in checks(
            "Unresolved toxicities from prior therapy > grade 1, except alopecia and grade 2 "
            "neuropathy",
            "exclusion",
        )
        if c["type"] == "neuropathy"
    ]
    grade1 = people.facts(neuropathy=(1, "mild tingling"))
    cohort = (
        "Pre-existing neuropathy Grade 1 or greater per NCI CTCAE v5.0 for Parts C and D cohorts "
        "with cisplatin"
    )
    assert _verdict(cohort, grade1, "exclusion") == "unknown"
    weighed = (
        "Patients with Grade ≥2 neuropathy will be evaluated on a case-by-case basis after "
        "consultation with the Study Physician"
    )
    assert _verdict(weighed, people.facts(neuropathy=(2, "x")), "exclusion") != "not met"


def test_the_neuropathy_grade_comes_from_a_note_or_a_recent_check_in():
    notes = [(date(2025, 12, 8), "Grade 2 sensory neuropathy in hands and feet (eribulin).")]
    assert neuropathy.from_record([], notes, DAY)[0] == 2
    denied = [(date(2025, 12, 8), "No grade 2 neuropathy; tolerating well.")]
    assert neuropathy.from_record([], denied, DAY) is None
    recent = Symptom(date(2026, 1, 12), "numbness and tingling", "moderate", location="feet")
    old = Symptom(date(2025, 6, 1), "numbness and tingling", "severe", location="feet")
    lips = Symptom(date(2026, 1, 12), "numbness and tingling", "severe", location="lips")
    assert neuropathy.from_record([recent], [], DAY)[0] == 2
    assert neuropathy.from_record([old], [], DAY) is None  # more than 90 days ago
    assert neuropathy.from_record([lips], [], DAY) is None  # not the hands or feet


def test_an_egfr_near_a_cockcroft_gault_limit_is_left_to_the_study_team():
    """NCT03633331: "Creatinine clearance >= 30 ml/min calculated using the Cockcroft-Gault
    formula" with an eGFR of 37 (78 years, 52 kg: clearance about 27): not a clear yes."""
    (c,) = [
        c
        for c in checks(
            "Creatinine clearance ≥ 30 ml/min calculated using the Cockcroft-Gault formula"
        )
        if c["type"] == "lab"
    ]
    assert c.get("clearance")
    egfr = {"value": 37.0, "shown": "37", "date": "2026-01-05", "egfr": True}
    far = {**egfr, "value": 70.0}
    low = {**egfr, "value": 15.0}
    assert evaluate_lab(c, {"creatinine_clearance": egfr}, "2026-01-15")[0] is None
    assert evaluate_lab(c, {"creatinine_clearance": far}, "2026-01-15")[0] is True
    assert evaluate_lab(c, {"creatinine_clearance": low}, "2026-01-15")[0] is False
    measured = {**egfr, "egfr": False}  # a clearance on record is compared as it is
    assert evaluate_lab(c, {"creatinine_clearance": measured}, "2026-01-15")[0] is True
    (g,) = [c for c in checks("eGFR ≥ 30 mL/min/1.73m2") if c["type"] == "lab"]
    assert not g.get("clearance")
    assert evaluate_lab(g, {"creatinine_clearance": egfr}, "2026-01-15")[0] is True


def test_a_partner_drug_must_have_been_given_with_the_drug_before_it():
    """NCT05501886: "Progressed during or after CDK4/6 inhibitor combination treatment with
    non-steroidal aromatase inhibitor (AI)": anastrozole after surgery and a CDK4/6 inhibitor
    later with fulvestrant were never given together."""
    text = (
        "Progressed during or after CDK4/6 inhibitor combination treatment with non-steroidal "
        "aromatase inhibitor (AI)"
    )
    cdk = DrugFact(
        "palbociclib",
        ["palbociclib", "cdk4/6 inhibitor"],
        ["metastatic"],
        progressed=True,
        start="2023-02-01",
    )
    ai = DrugFact(
        "anastrozole", ["anastrozole", "aromatase inhibitor"], ["adjuvant"], end="2019-05-01"
    )
    apart = people.facts(
        drugs=[cdk, ai],
        lines=1,
        line_labels=[["palbociclib", "cdk4/6 inhibitor", "fulvestrant", "serd"]],
    )
    assert _verdict(text, apart) == "not met"
    together = people.facts(
        drugs=[cdk, ai],
        lines=1,
        line_labels=[["palbociclib", "cdk4/6 inhibitor", "anastrozole", "aromatase inhibitor"]],
    )
    assert _verdict(text, together) == "met"


def test_suppression_named_as_what_must_not_explain_missed_periods_is_no_menopause():
    """NCT02000193: "amenorrheic for 12 or more months in the absence of chemotherapy, tamoxifen,
    toremifene, or ovarian suppression": a woman on goserelin is not postmenopausal by it."""
    text = (
        "Postmenopausal women, defined as amenorrheic for 12 or more months in the absence of "
        "chemotherapy, tamoxifen, toremifene, or ovarian suppression"
    )
    (m,) = [c for c in checks(text) if c["type"] == "menopause"]
    assert not m["ofs_ok"]
    assert _verdict(text, people.facts(sex="female", menopause="suppressed")) == "unknown"
    allowed = "Postmenopausal, or premenopausal on ovarian suppression with a GnRH agonist"
    assert [c["ofs_ok"] for c in checks(allowed) if c["type"] == "menopause"] == [True]
    # review: a later clause of who agrees to suppression is no list of what must be absent
    agree = (
        "Postmenopausal women, or premenopausal women without contraindication who agree to "
        "ovarian suppression with goserelin"
    )
    assert [c["ofs_ok"] for c in checks(agree) if c["type"] == "menopause"] == [True]


def test_progression_that_must_occur_on_the_latest_treatment_is_a_count_of_lines():
    """NCT01702571: "progression must occur during or after most recent treatment for locally
    advanced or metastatic breast cancer"."""
    text = (
        "Documented progression of metastatic breast cancer: progression must occur during or "
        "after most recent treatment for locally advanced or metastatic breast cancer"
    )
    # a count of lines, and (thirtieth session) growth on the latest line beside it
    lines = [c for c in checks(text) if c["type"] == "lines"]
    assert [bool(c.get("latest")) for c in lines] == [False, True]
    responding = people.facts(
        lines=1, lines_done=0, growing_now=(False, "2025-12-15"), line_ended=[False]
    )
    assert _verdict(text, responding) != "met"


def test_spread_to_the_bones_as_who_a_trial_is_for():
    """NCT04090398: "Women or men with metastatic breast cancer with two or more bone
    metastases identified by ... bone scintigraphy": a person with no bone spread is not in it;
    bone spread named as an aside, an allowance or a later sentence is no rule."""
    text = (
        "Women or men with metastatic breast cancer with two or more bone metastases identified "
        "by technetium Tc-99m bone scintigraphy and/or CT"
    )
    lung = people.facts(sites=["lung", "lymph nodes"], sites_known=True)
    bone = people.facts(sites=["bone", "liver"], sites_known=True)
    assert _verdict(text, lung) == "not met"
    assert _verdict(text, bone) == "met"
    for aside in (
        "Measurable disease per RECIST 1.1 (bone metastases are not measurable)",
        "Patients with or without bone metastases",
        "Bone metastases are allowed",
        "Measurable disease per RECIST criteria. Patients with bone metastasis can also be "
        "included but will be evaluated according to WHO criteria",
    ):
        assert _verdict(aside, lung) != "not met", aside
    assert not [
        c
        for c in checks("Symptomatic bone metastases requiring radiotherapy", "exclusion")
        if c["type"] == "site"
    ]


def test_a_hard_wrapped_text_that_lost_its_list_markers_is_read_item_by_item():
    """NCT02000193 as a copied page gives it: lines cut near 90 characters, no list markers,
    items glued ("... are not allowed More than one\\nline of cytotoxic chemotherapy ...")."""
    from mbcnav.trials.split import split

    text = (
        "Inclusion Criteria:Provision of informed consent Histologically proven HR positive\n"
        "breast cancer WHO performance status 0, 1 or 2 Patients have completed first-line\n"
        "chemotherapy for metastatic breast cancer Responded or stabilized to first-line\n"
        "chemotherapy for metastatic breast cancer Measurable or evaluable disease by RECIST\n"
        "Exclusion Criteria:\n"
        "Presence of life-threatening metastatic visceral disease Prior hormonal treatment for\n"
        "metastatic breast cancer are not allowed More than one line of cytotoxic chemotherapy\n"
        "for metastatic breast cancer Her-2 positive Other malignant tumor (concurrent or previous)"
    )
    excluded = [c.text for c in split(text) if c.kind == "exclusion"]
    assert "More than one line of cytotoxic chemotherapy for metastatic breast cancer" in excluded
    assert "Her-2 positive" in excluded
    # a text that keeps its markers is read as it is
    marked = "Inclusion Criteria:\n" + "".join(
        f"- Item number {i} with words enough to reach a usual line width of a list text\n"
        for i in range(8)
    )
    assert len([c for c in split(marked) if c.kind == "inclusion"]) == 8


def test_review_neuropathy_allowances_and_denials():
    """Review: an upper limit inside an exclusion is what is still allowed (NCT04266912,
    NCT04572451); "No peripheral neuropathy > grade 1" in an inclusion is a rule against it."""
    for text in (
        "Persisting toxicity related to prior therapy of grade > 1; however, alopecia and sensory "
        "neuropathy grade ≤ 2 are acceptable",
        "Subjects with ≤ Grade 2 neuropathy are an exception to this criterion and may qualify "
        "for the study.",
    ):
        assert not [c for c in checks(text, "exclusion") if c["type"] == "neuropathy"], text
        assert _verdict(text, people.facts(neuropathy=(1, "mild")), "exclusion") != "not met"
    for text in (
        "No peripheral neuropathy > grade 1",
        "Patients with peripheral neuropathy ≥ grade 2 are excluded",
    ):
        assert _verdict(text, people.facts(neuropathy=(1, "mild"))) == "met", text
        assert _verdict(text, people.facts(neuropathy=(2, "moderate"))) == "not met", text


def test_review_a_note_about_the_course_or_a_risk_gives_no_grade_now():
    for note in (
        "Neuropathy improved from grade 2 to grade 1 after dose reduction.",
        "Peripheral neuropathy, previously grade 2, now grade 1.",
        "Grade 3 neuropathy on paclitaxel, fully resolved.",
        "Counselled about grade 2 neuropathy risk with eribulin",
    ):
        found = neuropathy.from_record([], [(date(2026, 1, 5), note)], DAY)
        assert found is None or found[0] <= 1, note
    years_ago = [(date(2019, 3, 1), "Grade 3 sensory neuropathy.")]
    assert neuropathy.from_record([], years_ago, DAY) is None
    armpit = Symptom(date(2026, 1, 12), "numbness and tingling", "moderate", location="armpit")
    assert neuropathy.from_record([armpit], [], DAY) is None


def test_review_a_partner_given_before_the_spread_leaves_together_open():
    """Adjuvant abemaciclib with anastrozole, then palbociclib with fulvestrant after the spread:
    the combination with an AI happened, only not in a metastatic line."""
    text = (
        "Progressed during or after CDK4/6 inhibitor combination treatment with non-steroidal "
        "aromatase inhibitor (AI)"
    )
    drugs = [
        DrugFact(
            "abemaciclib", ["abemaciclib", "cdk4/6 inhibitor"], ["adjuvant"], end="2022-01-01"
        ),
        DrugFact(
            "anastrozole", ["anastrozole", "aromatase inhibitor"], ["adjuvant"], end="2022-01-01"
        ),
        DrugFact(
            "palbociclib", ["palbociclib", "cdk4/6 inhibitor"], ["metastatic"], progressed=True
        ),
    ]
    f = people.facts(
        drugs=drugs, lines=1, line_labels=[["palbociclib", "cdk4/6 inhibitor", "fulvestrant"]]
    )
    assert _verdict(text, f) != "not met"


def test_review_bone_spread_as_one_way_in_or_as_an_only_biopsy_site():
    lung = people.facts(sites=["lung", "lymph nodes"], sites_known=True, measurable=False)
    bone_liver = people.facts(sites=["bone", "liver"], sites_known=True)
    bone_only = people.facts(sites=["bone"], sites_known=True, measurable=False)
    assert (
        _verdict(
            "Have measurable lesions in line with RECIST 1.1 criteria or only bone metastatic "
            "lesions (including osteolytic lesions)",
            bone_only,
        )
        != "not met"
    )
    only = "Bone metastases when this is the only site of biopsiable disease"
    assert _verdict(only, bone_liver) != "not met" and _verdict(only, lung) != "not met"
    for text in (
        "Metastatic or locally advanced breast cancer, including those with bone metastases",
        "Patients with metastases to bone and/or other sites",
    ):
        assert _verdict(text, lung) != "not met", text


def test_review_an_explicit_egfr_option_is_taken_as_it_is():
    (c,) = [
        c
        for c in checks("CrCl ≥ 60 mL/min (Cockcroft-Gault) or eGFR ≥ 60 mL/min/1.73m2")
        if c["type"] == "lab"
    ]
    assert not c.get("clearance")
