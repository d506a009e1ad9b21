"""Thirty-fourth-session wordings (issue 14), read from the tuning set 93 (trials outside the
snapshot) and last session's sets 90-92, read after they were measured. Each test names the
record its wording comes from and is checked both ways."""

from datetime import date

from mbcnav.trials.groups import group_of
from mbcnav.trials.match import match, verdict
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split

from . import people
from .one_criterion import checks, parsed
from .test_health_problems import facts as _with_conditions

DAY = date(2026, 1, 15)


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _trial(eligibility: str, **kw) -> dict:
    return parse_trial(
        Trial("NCT09999999", title=kw.pop("title", "A study"), eligibility=eligibility, **kw)
    )


def _verdicts(parsed_trial: dict, f) -> dict[str, str]:
    return {v["text"]: v["verdict"] for v in match(parsed_trial, f)["criteria"]}


def test_lines_that_each_open_with_a_capital_are_items_of_a_list_with_no_markers():
    """NCT05068726 as a registry copy gives it: no bullets, one criterion per line."""
    raw = (
        "Inclusion Criteria:\n\n"
        "Patient must sign informed consent prior to enrollment in this trial\n"
        "The patient is a female ≥18 years old\n"
        "Post-menopausal or pre-menopausal patient with known primary breast tumor(s)\n"
        "HER2-negative disease"
    )
    texts = [c.text for c in split(raw)]
    assert texts == [
        "Patient must sign informed consent prior to enrollment in this trial",
        "The patient is a female ≥18 years old",
        "Post-menopausal or pre-menopausal patient with known primary breast tumor(s)",
        "HER2-negative disease",
    ]
    # a line cut after an open word, or lines that mostly start in lower case, are wrapped text
    wrapped = (
        "Inclusion Criteria:\n\n"
        "Patients must have received at least one line of\n"
        "Endocrine therapy for metastatic disease\n"
        "and must have measurable disease\n"
        "per RECIST 1.1"
    )
    assert len(split(wrapped)) == 1
    # under a stem of options, where the options end cannot be seen: one item until a sentence
    # ends (NCT03227328, set 57)
    options = (
        "Inclusion Criteria:\n"
        "Metastatic disease\n"
        "At least one of the following signs of disease aggressiveness:\n"
        "A relapse while on the first 2 years of adjuvant endocrine therapy\n"
        "Other tumor characteristics of aggressiveness such as elevated Ki67.\n"
        "Postmenopausal women\n"
        "Age ≥ 18 years"
    )
    texts = [c.text for c in split(options)]
    assert texts[-2:] == ["Postmenopausal women", "Age ≥ 18 years"]
    assert any(t.startswith("A relapse") and "Ki67" in t for t in texts)


def test_a_record_sex_field_gives_way_to_a_rule_that_opens_the_study_to_both():
    """NCT06676436: the record's sex field says female, its criteria say "Adult female or male
    patients >= 18 years old": a man is not ruled out by the field."""
    text = "Inclusion Criteria:\n\n* Adult female or male patients ≥18 years old;\n"
    man = people.facts(sex="male")
    opened = _trial(text, sex="female")
    assert "not met" not in _verdicts(opened, man).values()
    closed = _trial("Inclusion Criteria:\n\n* Adults ≥18 years old;\n", sex="female")
    assert "not met" in _verdicts(closed, man).values()


def test_a_word_before_a_later_problem_of_the_list_is_that_problems_own():
    """NCT01724606: "Known HIV infection or chronic hepatitis B or C": "chronic" is said of
    hepatitis, so HIV on treatment is what the exclusion names; words after the last item are
    still said of every item."""
    text = (
        "Known human immunodeficiency virus (HIV) infection or chronic hepatitis B or C (the "
        "safety and effectiveness of sorafenib in this patient population have not been studied)."
    )
    hiv = _with_conditions({"name": "HIV on ART, undetectable viral load"})
    assert _verdict(text, hiv, "exclusion") == "not met"
    shared = "Known HIV infection or hepatitis B requiring treatment"
    assert _verdict(shared, hiv, "exclusion") != "not met"


def test_a_second_list_under_no_heading_never_rules_out_on_its_own():
    """NCT00661102 as a registry copy gives it: a ";"-list closed by a "." and a second list,
    the "Inclusion" / "Exclusion" headings lost: the second list's kind is a guess."""
    raw = (
        "- adult patients, >=18 years of age;\n"
        "- breast cancer or colorectal cancer patients;\n"
        "- treated with oral Xeloda for <=5 days;\n"
        "- lack of hand-foot syndrome (palmar-plantar erythrodysesthesia).\n"
        "- existence of clinical symptoms suggesting hand-foot syndrome;\n"
        "- use of doxorubicin, 5-FU and/or cytarabine for last 3 months;\n"
        "- diabetes mellitus."
    )
    items = split(raw)
    assert [c.kind for c in items] == ["inclusion"] * 4 + ["exclusion"] * 3
    assert [c.unsure_list for c in items] == [False] * 4 + [True] * 3
    found = _trial(raw)
    kinds = {c["text"]: c["modality"] for c in found["criteria"] if c["number"]}
    assert kinds["diabetes mellitus."] == "unsure_list"
    with_diabetes = _with_conditions({"name": "type 2 diabetes on metformin"})
    judged = _verdicts(found, with_diabetes)
    assert judged["diabetes mellitus."] == "unknown"
    assert "not met" not in {v for t, v in judged.items() if "doxorubicin" in t}
    # one list, or a text with headings, is read as before
    assert not any(c.unsure_list for c in split("Inclusion Criteria:\n\n" + raw))


def test_a_title_asking_for_growth_on_first_line_hormone_therapy_needs_it():
    """NCT05068726: "... After Progression on First Line Hormonal Therapy"."""
    title = (
        "Clinical Utility of Fluoroestradiol F18 PET/CT in Metastatic Breast Cancer Patients "
        "With ER-Positive and HER2-Negative Primary Lesions After Progression on First Line "
        "Hormonal Therapy"
    )
    found = _trial("Inclusion Criteria:\n\n* Metastatic breast cancer\n", title=title)
    texts = [c["text"] for c in found["criteria"]]
    assert any(t.startswith("Progression on First Line Hormonal Therapy") for t in texts)
    # still one of two ways in when the title names another
    other = title.replace("After Progression", "Untreated or After Progression")
    found = _trial("Inclusion Criteria:\n\n* Metastatic breast cancer\n", title=other)
    assert not any("Hormonal Therapy (from" in c["text"] for c in found["criteria"])


def test_measurable_or_assessable_disease_is_any_disease():
    """NCT02613208: "Participants with measurable disease (RECIST criteria v1.1) or
    participants with no measurable but assessable disease"."""
    text = (
        "Participants with measurable disease (RECIST criteria v1.1) or participants with no "
        "measurable but assessable disease"
    )
    assert not any(c["type"] == "measurable" for c in checks(text))
    assert any(c["type"] == "measurable" for c in checks("Participants with measurable disease"))


def test_meeting_the_criteria_for_a_treatment_is_no_history_of_it():
    """NCT02613208: "Participant who met criteria for first-line treatment with chemotherapy
    plus bevacizumab (standard doses) by local, regional or national guidelines"."""
    text = (
        "Participant who met criteria for first-line treatment with chemotherapy plus "
        "bevacizumab (standard doses) by local, regional or national guidelines or authorities"
    )
    assert _verdict(text, people.facts()) != "not met"
    assert _verdict("Participant who received chemotherapy plus bevacizumab", people.facts()) == (
        "not met"
    )


def test_one_of_several_ways_in_listed_inside_a_criterion_is_no_no_on_its_own():
    """NCT02613208: "... ER-positive tumors need to fulfill at least one of the two clinical
    criteria: metastatic relapse on adjuvant endocrine therapy or progression to at least one
    prior line of endocrine therapy for advanced disease; or aggressive disease criteria (at
    least two criteria): ...; liver metastasis; ...": a person with bone spread only who grew
    on one endocrine line meets it, and lacking one item is no "no"."""
    text = (
        "ER-positive tumors need to fulfill at least one of the two clinical criteria: metastatic "
        "relapse on adjuvant endocrine therapy or progression to at least one prior line of "
        "endocrine therapy for advanced disease; or aggressive disease criteria (at least two "
        "criteria): liver metastasis; three or more organs with metastatic involvement"
    )
    assert _verdict(text, people.facts(sites=["bone"], lines=0)) != "not met"
    # a list of which all must hold is read as before
    assert _verdict(
        "Liver metastasis and prior endocrine therapy", people.facts(sites=["bone"])
    ) == ("not met")


def test_a_verb_before_her2_names_the_subtype():
    """NCT00363012: "... for Stage III or Stage IV Breast Cancer That Overexpresses HER2"."""
    title = (
        "Immune Response in Patients Who Have Undergone Vaccine Therapy for Stage III or Stage IV "
        "Breast Cancer That Overexpresses HER2"
    )
    found = _trial("", title=title)
    assert group_of(match(found, people.facts(her2="zero")), "RECRUITING") == "other"
    assert group_of(match(found, people.facts(her2="positive")), "RECRUITING") != "other"


def test_a_drug_named_again_as_grown_on_asks_for_growth():
    """NCT00217399: "Patients must have received >= 1 prior aromatase inhibitor in either the
    adjuvant or metastatic setting and must have had either disease recurrence or disease
    progression on a prior aromatase inhibitor therapy"."""
    text = (
        "Patients must have received ≥ 1 prior aromatase inhibitor in either the adjuvant or "
        "metastatic setting and must have had either disease recurrence or disease progression "
        "on a prior aromatase inhibitor therapy"
    )
    ai = [c for c in checks(text) if c["type"] == "therapy"]
    assert [c["mode"] for c in ai] == ["progressed"]
    received = checks("Patients must have received ≥ 1 prior aromatase inhibitor")
    assert [c["mode"] for c in received if c["type"] == "therapy"] == ["received"]


def test_an_inclusion_item_written_as_an_exclusion_with_unless_rules_out():
    """NCT03983954 (set 58): "Subjects with known, suspected, or documented parenchymal brain
    metastases, unless treated with surgery and/or radiation, with the subject neurologically
    stable ...": in the inclusion list, but who has untreated brain metastases is out."""
    raw = (
        "Inclusion Criteria:\n\n* Metastatic breast cancer\n* Subjects with known, suspected, or "
        "documented parenchymal brain metastases, unless treated with surgery and/or radiation, "
        "with the subject neurologically stable\n"
    )
    assert [c.kind for c in split(raw)] == ["inclusion", "exclusion"]
    allowed = (
        "Inclusion Criteria:\n\n* Patients with brain metastases are eligible, unless untreated\n"
    )
    assert [c.kind for c in split(allowed)] == ["inclusion"]


def test_breast_cancer_named_by_its_subtype_beside_another_cancer_is_the_persons_rule():
    """NCT05274451 (set 35): "Histologically confirmed TNBC or NSCLC that is relapsed or
    refractory, metastatic or locally advanced and unresectable": for a breast cancer record the
    rule asks for triple-negative disease ("relapsed or refractory" is one course, no way in)."""
    text = (
        "Histologically confirmed TNBC or NSCLC that is relapsed or refractory, metastatic or "
        "locally advanced and unresectable"
    )
    assert parsed(text)["checks"]
    assert _verdict(text, people.facts(hr="positive", her2="zero")) == "not met"
    assert _verdict(text, people.facts(hr="negative", her2="zero")) == "met"
    # a rule about the other cancer alone still does not apply
    assert _verdict("NSCLC that is relapsed or refractory", people.facts()) == "met"


def test_first_review_a_drug_named_again_in_another_way_in_keeps_receipt():
    for text in (
        # NCT00477464
        "Taxane containing regimen for at least 4 cycles or 2 cycles provided disease "
        "progression occurred while on taxane.",
        "Must have received a prior aromatase inhibitor in the adjuvant or metastatic setting; "
        "if adjuvant, must have had recurrence on or within 12 months of the aromatase inhibitor",
        "Prior aromatase inhibitor therapy for advanced disease is required. Patients who "
        "received an aromatase inhibitor as adjuvant therapy must have relapsed during or within "
        "12 months of completing the aromatase inhibitor",
    ):
        modes = [c.get("mode") for c in checks(text) if c["type"] == "therapy"]
        assert "received" in modes, text


def test_first_review_lines_under_a_stem_with_no_markers_stay_with_it():
    raw = (
        "Inclusion Criteria:\n"
        "Histologically confirmed breast cancer\n"
        "Metastatic disease\n"
        "ECOG performance status 0-1\n"
        "Postmenopausal status defined as:\n"
        "Age ≥60 years\n"
        "Age <60 years and amenorrhea for ≥12 months\n"
        "Prior bilateral oophorectomy"
    )
    found = _trial(raw)
    postmenopausal = people.facts(age=52, menopause="post")
    assert "not met" not in _verdicts(found, postmenopausal).values()
    texts = [c.text for c in split(raw)]
    assert "Age ≥60 years" not in texts


def test_first_review_a_sub_list_closed_by_a_full_stop_is_no_second_list():
    raw = (
        "- women aged 18 years or older with metastatic breast cancer;\n"
        "- adequate bone marrow function: neutrophils >= 1500/mm3;\n"
        "- platelets >= 100000/mm3;\n"
        "- bilirubin <= 1.5 x ULN.\n"
        "- HER2-positive disease (IHC 3+ or FISH amplified)\n"
        "- at least one measurable lesion per RECIST\n"
        "- prior treatment with trastuzumab"
    )
    assert all(c.kind == "inclusion" and not c.unsure_list for c in split(raw))
    found = _trial(raw)
    assert group_of(match(found, people.facts(her2="zero")), "RECRUITING") == "ruled_out"


def test_first_review_a_guessed_list_settles_nothing_either_way():
    raw = (
        "- adult patients, >=18 years of age;\n"
        "- breast cancer patients;\n"
        "- treated with oral Xeloda for <=5 days;\n"
        "- lack of hand-foot syndrome.\n"
        "- diabetes mellitus."
    )
    found = _trial(raw)
    without = _with_conditions({"name": "asthma"})
    assert _verdicts(found, without)["diabetes mellitus."] == "unknown"


def test_first_review_not_overexpressing_her2_is_no_her2_positive_study():
    title = "Paclitaxel in Metastatic Breast Cancer That Does Not Overexpress HER2"
    found = _trial("", title=title)
    assert group_of(match(found, people.facts(her2="zero")), "RECRUITING") != "other"


def test_first_review_an_unless_about_the_population_stays_an_inclusion():
    for item in (
        "Patients with HER2-negative metastatic breast cancer, unless enrolled in cohort B",
        "Participants with hormone receptor-positive disease, unless ER-low",
        "Patients with brain metastases, unless untreated or symptomatic, are eligible",
    ):
        raw = f"Inclusion Criteria:\n\n* Metastatic breast cancer\n* {item}\n"
        assert [c.kind for c in split(raw)] == ["inclusion", "inclusion"], item


def test_first_review_measurable_disease_assessable_by_recist_is_still_measurable():
    for text in (
        "Have measurable disease assessable by RECIST v1.1.",
        "Measurable disease per RECIST 1.1; patients with bone-only or no measurable disease are "
        "not eligible",
    ):
        assert any(c["type"] == "measurable" for c in checks(text)), text


def test_first_review_at_least_one_of_in_an_exclusion_excludes_on_each_item():
    text = (
        "Patients meeting at least one of the following criteria: HER2-positive disease; prior "
        "treatment with fulvestrant"
    )
    assert _verdict(text, people.facts(her2="positive"), "exclusion") == "not met"
    genes = (
        "Germline mutation in one or more of the following genes: BRCA1, BRCA2, PALB2, ATM, "
        "and/or CHEK2"
    )
    assert not any(c.get("conditional") for c in checks(genes))


def test_first_review_an_er_low_tnbc_rule_with_a_line_count_does_not_crash():
    """NCT06840483 (set 5): a check without a value beside the ER-low wording."""
    text = (
        "Histologically or cytologically confirmed TNBC, including ER-low positive breast cancers "
        "(1-10% of cells expressing hormonal receptors by IHC), according to ASCO-CAP guidelines "
        "and have received at least 1 and up to 3 prior lines of systemic therapy for advanced "
        "disease."
    )
    assert checks(text)


def test_first_review_rules_labelled_with_parts_of_the_study_are_each_for_their_part():
    """NCT05108779 (set 35): "(dose escalation phase) At least one assessable tumor focus
    according to RECIST 1.1;(PK expansion phase) ... at least one measurable tumor lesion"."""
    text = (
        "(dose escalation phase) At least one assessable tumor focus according to RECIST 1.1;"
        "(PK expansion phase) According to RECIST 1.1, there is at least one measurable tumor "
        "lesion"
    )
    assert _verdict(text, people.facts(measurable=False)) != "not met"
    assert _verdict("At least one measurable tumor lesion", people.facts(measurable=False)) == (
        "not met"
    )


def test_final_review_neighbouring_wordings():
    lung = people.facts(sites=["lung"])
    for text in (
        "One or more of the following: liver metastases, lung metastases, or more than 3 sites "
        "of disease",
        "Visceral disease with one or more of the following: liver metastases; lung metastases",
    ):
        assert _verdict(text, lung) != "not met", text
    bone = people.facts(sites=["bone"], measurable=False)
    for text in (
        "Measurable/assessable disease per RECIST 1.1",
        "Measurable disease per RECIST 1.1; or, for the bone cohort, assessable disease",
        "Measurable disease per RECIST 1.1 (assessable disease allowed in Part A)",
    ):
        assert _verdict(text, bone) != "not met", text
    for text in (
        "Prior treatment with a CDK4/6 inhibitor and disease progression on a CDK4/6 inhibitor",
        "Must have received a CDK4/6 inhibitor and must have had progression. Progression on a "
        "CDK4/6 inhibitor must be documented",
    ):
        assert [c["mode"] for c in checks(text) if c["type"] == "therapy"] == ["progressed"]
    for title in (
        "Breast Cancer Non-Overexpressing HER2",
        "Breast Cancer Without Overexpressing HER2",
        "That Fails to Overexpress HER2",
    ):
        found = _trial("", title=title)
        assert group_of(match(found, people.facts(her2="zero")), "RECRUITING") != "other"
        assert group_of(match(found, people.facts(her2="positive")), "RECRUITING") == "other"
    treatment_phases = (
        "HER2-positive MBC treated with trastuzumab (induction phase) and pertuzumab "
        "(maintenance phase)"
    )
    assert _verdict(treatment_phases, people.facts(hr="negative", her2="zero")) == "not met"


def test_held_out_a_coming_line_a_washout_and_an_eligible_note_ask_for_no_history():
    """Held-out set 95, read after it was measured (NCT04354233, NCT04692103, NCT02422615)."""
    planned = (
        "first-line chemotherapy planned (or until 1 month after the chemotherapy has started) "
        "with intravenous (Paclitaxel or Doxorubicin or Cyclophosphamide or Carboplatin) or per "
        "os (Capecitabine or Vinorelbine) administration - NB : a patient who has previously "
        "received one or more lines of hormone therapy and who must start a 1st line of "
        "chemotherapy is eligible"
    )
    assert _verdict(planned, people.facts(lines=0, lines_done=0)) != "not met"
    washout = (
        "Patients must have been off tamoxifen or other estrogen receptor blocking agents for at "
        "least 6 weeks and off chemotherapy for 3 weeks for the initial baseline FES."
    )
    assert not any(c["type"] == "therapy" for c in checks(washout))
    one_line = "Who Have Received no or Only One Line of Prior Endocrine Treatment"
    got = [c for c in checks(one_line) if c["type"] == "lines"]
    assert got and got[0]["max"] == 1
    assert not any(c["type"] == "therapy" and c.get("neg") for c in checks(one_line))


def test_last_review_neighbouring_wordings():
    bone = people.facts(sites=["bone"], measurable=False)
    assert _verdict("Measurable disease per RECIST 1.1, or lesions assessable by PET", bone) != (
        "not met"
    )
    for title in (
        "Breast Cancer That May or May Not Overexpress HER2",
        "Whether or Not Overexpressing HER2",
    ):
        found = _trial("", title=title)
        assert group_of(match(found, people.facts(her2="positive")), "RECRUITING") != "other"
    either = "Prior CDK4/6 inhibitor, with or without progression on a CDK4/6 inhibitor"
    assert [c["mode"] for c in checks(either) if c["type"] == "therapy"] == ["received"]
    parts = (
        "(dose escalation phase) any HER2 status and (expansion phase) prior trastuzumab required"
    )
    assert _verdict(parts, people.facts()) != "not met"


def test_a_plan_for_another_line_after_or_is_no_first_line_plan():
    """NCT00444587 (set 74): "anthracyclines as part of previous 1st line chemotherapy or planned
    2nd line chemotherapy" names no plan for the first line."""
    text = (
        "anthracyclines as part of previous 1st line chemotherapy or planned 2nd line chemotherapy;"
    )
    assert not any(c["type"] == "lines" and c.get("max") == 0 for c in checks(text, "exclusion"))
