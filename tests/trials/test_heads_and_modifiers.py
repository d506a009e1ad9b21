"""A concept that only says what a criterion's head treats, comes from or is limited by is not
checked against the person (registry wording, NCT ids given); report spellings of a limit
("times the ULRR") and words inside other words ("transluminal") are read as written."""

from mbcnav.trials.criteria import parse_criteria
from mbcnav.trials.labs import lab_checks
from mbcnav.trials.split import split


def checks(text: str, kind: str = "exclusion") -> list[dict]:
    head = (
        "Inclusion Criteria:\n* Age 18\nExclusion Criteria:\n* "
        if kind == "exclusion"
        else "Inclusion Criteria:\n* "
    )
    crits = [c for c in split(head + text) if c.kind == kind]
    return parse_criteria(crits)[-1]["checks"]


def types(text: str, kind: str = "exclusion") -> set[str]:
    return {c["type"] for c in checks(text, kind)}


def test_what_a_treatment_is_for_is_not_the_persons_condition():
    # NCT05748834, NCT05230810
    assert "brain" not in types(
        "Ongoing use of systemic corticosteroids for control of symptoms of brain metastases at a "
        "total daily dose of >2 mg of dexamethasone"
    )
    assert "brain" not in types(
        "Any systemic anti-cancer therapy or surgery in <14 days prior to the first dose of study "
        "treatment, WBRT in <21 days, SBRT for CNS disease in <7 days"
    )
    # NCT00234403
    assert "measurable" not in types(
        "extensive radiotherapy to measurable lesions within the last 4 weeks (i.e. >30% of bone marrow)"
    )


def test_what_a_harm_comes_from_is_not_a_result_or_a_history():
    # NCT01174121: PD-L1 names the drug class the side effect came from, not a test result
    assert "biomarker" not in types(
        "Grade 3 or 4 major organ irAEs clinically attributed to anti-PD-1/PD-L1 therapy."
    )
    # NCT06268665: the neuropathy's cause, not a requirement to have had chemotherapy
    assert "therapy" not in types(
        "Patients may not use cold therapy gloves for chemotherapy induced neuropathy."
    )


def test_the_persons_own_condition_is_still_read():
    assert "brain" in types("Known active brain metastases")
    assert "brain" in types("History of brain metastases")
    assert "therapy" in types("Prior chemotherapy for metastatic disease")


def test_luminal_is_a_whole_word():
    # NCT05230810: "percutaneous transluminal coronary angioplasty" says nothing of receptors
    assert "receptor" not in types(
        "Myocardial infarction, severe/unstable angina, percutaneous transluminal coronary "
        "angioplasty/stenting (PTCA) within 6 month of the first dose"
    )
    assert "receptor" in types("Luminal breast cancer", "inclusion")


def test_upper_limit_of_reference_range_is_an_upper_limit_of_normal():
    # NCT00234403
    got = lab_checks(
        "alanine aminotransferase (ALT) or aspartate aminotransferase (AST) greater than 2.5 times "
        "the ULRR if no demonstrable liver metastases"
    )
    assert got and all(c.get("uln") and c["limit"] == 2.5 for c in got)
    (c,) = lab_checks("bilirubin greater than 1.25 times the upper limit of reference range")
    assert c.get("uln")


def test_symptomatic_brain_metastases_are_not_every_active_one():
    from mbcnav.trials.evaluate import evaluate
    from mbcnav.trials.facts import PatientFacts

    (c,) = [
        c for c in checks("Known symptomatic brain metastases.") if c["type"] == "brain"
    ]  # NCT05720117
    assert evaluate(c, PatientFacts(brain="active"))[0] is None  # untreated, symptoms not recorded
    assert evaluate(c, PatientFacts(brain="none"))[0] is False
    (a,) = [c for c in checks("Symptomatic or untreated brain metastases") if c["type"] == "brain"]
    assert evaluate(a, PatientFacts(brain="active"))[0] is True
