from datetime import date
from pathlib import Path

import pytest

from mbcnav.patient import load
from mbcnav.trials.facts import from_note, from_patient
from mbcnav.trials.match import match, verdict
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial

EXAMPLES = Path("/work/shared/spec/examples")
DAY = date(2025, 7, 1)


@pytest.fixture(scope="module")
def hr_pos():
    return from_patient(load(EXAMPLES / "hr-positive-second-line.yaml"), DAY)


@pytest.fixture(scope="module")
def tnbc():
    return from_patient(load(EXAMPLES / "triple-negative-de-novo.yaml"), DAY)


def trial(text, **kw):
    return parse_trial(
        Trial("NCT09999999", title=kw.pop("title", "A study"), eligibility=text, **kw)
    )


def verdicts(parsed, facts):
    return {v["text"]: v["verdict"] for v in match(parsed, facts)["criteria"]}


def test_facts_from_the_example_patient(hr_pos):
    assert hr_pos.hr == "positive" and hr_pos.her2 == "low"
    assert hr_pos.lines == 2 and hr_pos.brain == "none" and hr_pos.measurable is True
    cdk = [d for d in hr_pos.drugs if "CDK4/6 inhibitor" in d.labels]
    assert cdk and cdk[0].progressed and cdk[0].settings == ["metastatic"]


ELIGIBILITY = """Inclusion Criteria:
* HR-positive, HER2-negative metastatic breast cancer
* Must have progressed on a prior CDK4/6 inhibitor in the metastatic setting
* No more than 2 prior lines of therapy for metastatic disease
* ECOG performance status of 0 or 1
Exclusion Criteria:
* Prior treatment with elacestrant
* Triple-negative breast cancer
* Active brain metastases
"""


def test_hr_positive_patient_against_an_endocrine_trial(hr_pos):
    v = verdicts(trial(ELIGIBILITY), hr_pos)
    assert v["HR-positive, HER2-negative metastatic breast cancer"] == "met"
    assert v["Must have progressed on a prior CDK4/6 inhibitor in the metastatic setting"] == "met"
    assert v["No more than 2 prior lines of therapy for metastatic disease"] == "met"
    assert v["ECOG performance status of 0 or 1"] == "met"
    assert v["Prior treatment with elacestrant"] == "not met"  # she is on elacestrant
    assert v["Triple-negative breast cancer"] == "met"
    assert v["Active brain metastases"] == "met"
    assert match(trial(ELIGIBILITY), hr_pos)["fit"] == "unlikely"


def test_triple_negative_patient_against_the_same_trial(tnbc):
    v = verdicts(trial(ELIGIBILITY), tnbc)
    assert v["HR-positive, HER2-negative metastatic breast cancer"] == "not met"
    assert (
        v["Must have progressed on a prior CDK4/6 inhibitor in the metastatic setting"] == "not met"
    )
    assert v["Triple-negative breast cancer"] == "not met"
    assert v["Prior treatment with elacestrant"] == "met"


def test_unknown_says_what_would_settle_it(tnbc):
    # (a "documented" result the record lacks is not met: test_round48_wordings.py)
    parsed = trial("Inclusion Criteria:\n* ESR1 mutation\n* Adequate hearing\n")
    res = {v["text"]: v for v in match(parsed, tnbc)["criteria"]}
    assert res["ESR1 mutation"]["verdict"] == "unknown"
    assert "ESR1" in res["ESR1 mutation"]["settle"]
    assert res["Adequate hearing"]["verdict"] == "unknown"
    assert "Not checked" in res["Adequate hearing"]["why"]


def test_premise_that_does_not_apply_is_met(hr_pos):
    parsed = trial(
        "Inclusion Criteria:\n* Patients with brain metastases must have completed radiotherapy 4 weeks before\n"
    )
    assert list(verdicts(parsed, hr_pos).values()) == ["met"]


def test_record_sex_and_age_limits(hr_pos):
    parsed = trial("", sex="male", min_age=18)
    v = verdicts(parsed, hr_pos)
    assert v["Sex: male (from the study record)"] == "not met"
    assert v["Age: 18 to no upper limit years (from the study record)"] == "met"


def test_early_stage_title_is_unlikely_for_metastatic_disease(hr_pos):
    parsed = trial("", title="Neoadjuvant letrozole in early breast cancer")
    assert match(parsed, hr_pos)["fit"] == "unlikely"


def test_her2_low_versus_negative_without_ihc_score():
    facts = from_note("A 60-year-old woman with metastatic HER2-negative breast cancer.")
    crit = {
        "kind": "inclusion",
        "text": "HER2-low",
        "checks": [{"type": "receptor", "value": "her2-low", "neg": False}],
    }
    assert verdict(crit, facts)["verdict"] == "unknown"


def test_facts_from_a_free_text_note():
    f = from_note(
        "A 45-year-old postmenopausal woman with HER2-positive, ER-negative metastatic breast cancer "
        "previously treated with trastuzumab. She has no brain metastases."
    )
    assert f.age == 45 and f.sex == "female" and f.setting == "metastatic"
    assert f.her2 == "positive" and f.hr == "negative"
    assert any(d.name == "trastuzumab" for d in f.drugs)
    assert f.brain == "none"


def test_fast_summary_agrees_with_full_match_on_the_snapshot(hr_pos, tnbc):
    from mbcnav.trials.match import summarise
    from mbcnav.trials.snapshot import open_snapshot

    store = open_snapshot()
    for facts in (hr_pos, tnbc):
        cache: dict = {}
        for t in store.trials():
            parsed = store.parse(t.nct_id)
            full = match(parsed, facts)
            fast = summarise(parsed, facts, cache)
            assert fast["fit"] == full["fit"], t.nct_id
            assert (fast["met"], fast["not_met"], fast["unknown"]) == (
                full["met"],
                full["not_met"],
                full["unknown"],
            )


def test_cohort_failures_do_not_count_when_another_cohort_fits(tnbc):
    parsed = trial(
        "Inclusion Criteria:\n* Cohort A: HR-positive, HER2-negative breast cancer\n"
        "* Cohort B: triple-negative breast cancer\n"
    )
    res = match(parsed, tnbc)
    assert res["fit"] != "unlikely"
    assert all(v["verdict"] == "met" for v in res["criteria"] if v["text"].startswith("Cohort"))


def test_pd_l1_cps_threshold(tnbc):
    # Example B has PD-L1 CPS 15
    assert verdicts(trial("Inclusion Criteria:\n* PD-L1 positive (CPS ≥ 10)\n"), tnbc) == {
        "PD-L1 positive (CPS ≥ 10)": "met"
    }
    assert verdicts(trial("Inclusion Criteria:\n* PD-L1 CPS ≥ 20\n"), tnbc) == {
        "PD-L1 CPS ≥ 20": "not met"
    }


def test_one_of_the_following_options_are_alternatives(hr_pos, tnbc):
    text = (
        "Inclusion Criteria:\n* Has advanced cancer that meets one of the following criteria:\n"
        "  * Pathologically documented triple negative breast cancer\n"
        "  * Pathologically documented hormone receptor positive breast cancer\n"
    )
    p = trial(text)
    for facts in (hr_pos, tnbc):
        res = match(p, facts)
        assert res["fit"] != "unlikely", res["criteria"]


def test_a_permission_never_rules_out(tnbc):
    p = trial(
        "Inclusion Criteria:\n* Any line of prior endocrine therapy and chemotherapy is permitted\n"
    )
    assert "not met" not in verdicts(p, tnbc).values()


def test_drug_naive_is_about_that_drug(hr_pos):
    p = trial("Inclusion Criteria:\n* Patient should be alpelisib treatment naïve.\n")
    assert list(verdicts(p, hr_pos).values()) == ["met"]


def test_setting_named_as_a_qualifier_does_not_exclude(hr_pos):
    p = trial(
        "Exclusion Criteria:\n* Dyspnea at rest due to complications of advanced malignancy, or "
        "other disease requiring continuous oxygen therapy\n"
    )
    assert "not met" not in verdicts(p, hr_pos).values()


def test_or_parts_are_alternatives_but_number_ranges_are_not(hr_pos, tnbc):
    p = trial("Inclusion Criteria:\n* ER+/HER2- or triple-negative breast cancer\n")
    assert list(verdicts(p, hr_pos).values()) == ["met"]
    assert list(verdicts(p, tnbc).values()) == ["met"]
    p = trial(
        "Inclusion Criteria:\n* Has radiographic disease progression on one or more lines of "
        "endocrine therapy for metastatic HR+/HER2- breast cancer\n"
    )
    assert list(verdicts(p, tnbc).values()) == ["not met"]  # "one or more" is no "or"


def test_an_or_between_two_values_of_one_field_is_no_alternative(tnbc):
    # "unresectable or metastatic" joins two settings; "overexpression or amplification"
    # has no option after it: neither makes the setting an alternative to ER+
    for text in (
        "Histologically confirmed, ER+, HER2-negative, locally advanced and unresectable or "
        "metastatic breast cancer not amenable to treatment with curative intent.",
        "Histological confirmation of estrogen-receptor positive (ER+), HER2-negative "
        "overexpression or amplification negative as per ASCO/CAP guidelines, in patients "
        "with inoperable locally advanced or metastatic breast cancer",
    ):
        p = trial(f"Inclusion Criteria:\n* {text}\n")
        assert list(verdicts(p, tnbc).values()) == ["not met"]


def test_a_judgement_covers_only_its_own_clause(hr_pos):
    p = trial(
        "Inclusion Criteria:\n* Pathologically documented triple negative breast cancer who have "
        "progressed on at least 1 prior line of therapy or in the opinion of the treating "
        "physician, not be a candidate for standard first-line therapy\n"
    )
    assert list(verdicts(p, hr_pos).values()) == ["not met"]  # not triple-negative: settled
    from mbcnav.trials.facts import PatientFacts

    untreated = PatientFacts(therapies_known=True, setting="metastatic")
    whole = trial("Inclusion Criteria:\n* Is a chemotherapy candidate\n")
    assert list(verdicts(whole, untreated).values()) == ["unknown"]


def test_examples_in_brackets_are_not_requirements(tnbc):
    p = trial(
        "Inclusion Criteria:\n* Must have progressed on any systemic anticancer therapy (eg, ET, "
        "chemotherapy, CDK4/6 inhibitor, or immunotherapy) in the metastatic setting\n"
    )
    v = match(p, tnbc)["criteria"][-1]
    assert "CDK4/6" not in v["why"] and "endocrine" not in v["why"]


def test_a_local_target_is_required_only_without_a_metastatic_alternative(hr_pos):
    local = trial(
        "Inclusion Criteria:\n* Primary locally advanced breast cancer, or locally recurrent "
        "breast cancer with/without metastases\n"
    )
    assert list(verdicts(local, hr_pos).values()) == ["not met"]  # liver and bone only
    either = trial("Inclusion Criteria:\n* Locally recurrent or metastatic breast cancer\n")
    assert "not met" not in verdicts(either, hr_pos).values()


def test_unresolved_side_effects_are_about_the_harm_not_the_drug(hr_pos):
    p = trial(
        "Exclusion Criteria:\n* Unresolved toxicities from previous anticancer therapy, defined as "
        "toxicities (other than alopecia) not yet resolved to Grade 1 or baseline\n"
    )
    v = match(p, hr_pos)["criteria"][-1]
    assert v["verdict"] == "unknown", v


def test_a_part_of_a_definition_is_no_rule():
    p = trial(
        "Inclusion Criteria:\n* ECOG 0 or 1\n\n"
        "Note: A person of childbearing potential is any patient with an egg-producing "
        "reproductive tract who meets the following criteria:\n\n"
        "* Has had menses in the preceding 12 consecutive months\n"
    )
    modes = {c["text"][:12]: c["modality"] for c in p["criteria"] if c["number"]}
    assert modes == {"ECOG 0 or 1": "required", "Note: A pers": "definition"}


def test_an_exclusion_of_two_joined_facts_needs_both(hr_pos):
    text = (
        "Exclusion Criteria:\n* Has a known germline BRCA mutation (deleterious or suspected "
        "deleterious) and has received previous treatment with poly-ADP ribose polymerase (PARP) "
        "inhibition either in the adjuvant or metastatic setting\n"
    )
    import dataclasses

    gbrca = dataclasses.replace(hr_pos, germline_brca=True)  # PARP-inhibitor naive
    assert list(verdicts(trial(text), gbrca).values()) == ["met"]


def test_a_cohort_named_only_in_the_exclusions_is_no_cohort_to_join(tnbc):
    p = trial(
        "Inclusion Criteria:\n* Cohort 1: ER+ breast cancer\n* Cohort 2: HER2-positive breast cancer\n"
        "Exclusion Criteria:\n* ESR1m enriched Arm only: Inability to determine ESR1 status\n"
    )
    res = match(p, tnbc)
    assert "not met" in [c["verdict"] for c in res["criteria"]]  # fits neither cohort


def test_a_study_stage_is_not_a_disease_stage(hr_pos):
    p = trial(
        "Inclusion Criteria:\n* Ability to initiate Stage 2 treatment within 3 months after "
        "disease progression\n* Stage 1 of the study: measurable disease\n"
    )
    checks = [ch["type"] for c in p["criteria"] for ch in c["checks"]]
    assert "setting" not in checks


def test_before_or_during_first_line_means_no_line_has_ended(hr_pos):
    import dataclasses

    p = trial(
        "Inclusion Criteria:\n* Enrolled before or during first line of treatment for metastatic "
        "breast cancer. No more than 1 prior line of therapy in the metastatic setting.\n"
    )
    on_first = dataclasses.replace(hr_pos, lines=1, lines_done=0)
    after_first = dataclasses.replace(hr_pos, lines=1, lines_done=1)
    assert list(verdicts(p, on_first).values()) == ["met"]
    assert list(verdicts(p, after_first).values()) == ["not met"]
    past = trial("Inclusion Criteria:\n* Disease progression during first-line endocrine therapy\n")
    assert not any(ch.get("done") for c in past["criteria"] for ch in c["checks"])


def test_a_time_window_belongs_to_its_own_and_or_part():
    p = trial(
        "Inclusion Criteria:\n* Participants must have evidence of progression on any CDK 4/6 "
        "inhibitor-containing regimen in the metastatic setting, and/or relapse during or within "
        "12 months of completion of any CDK4/6 inhibitor-containing regimen in the adjuvant setting.\n"
    )
    first = next(ch for c in p["criteria"] for ch in c["checks"] if ch["type"] == "therapy")
    assert first["within_days"] is None and first["setting"] == "metastatic"


def test_the_reason_given_for_a_rule_is_not_part_of_it():
    p = trial(
        "Exclusion Criteria:\n* Pregnant women are excluded from this study because the effect of "
        "abemaciclib and fulvestrant on a developing fetus is unknown.\n"
    )
    values = [ch["value"] for c in p["criteria"] for ch in c["checks"]]
    assert values == ["pregnant"]
