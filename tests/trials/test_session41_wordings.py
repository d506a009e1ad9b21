"""Forty-first-session wordings (issue 14): read from this session's tuning set 114. Each test is
checked both ways."""

import pytest

from mbcnav.trials import cyp3a
from mbcnav.trials.errors import TrialsError
from mbcnav.trials.match import match
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial

from .test_cohort_scoping import parsed
from .test_session35_wordings import _patient


def _verdicts(text: str, f) -> list[tuple[str, str]]:
    return [(c["text"], c["verdict"]) for c in match(parsed(text), f)["criteria"]]


def _one(rule: str, f, kind: str = "Inclusion") -> str:
    got = [v for t, v in _verdicts(f"{kind} Criteria:\n\n* {rule}\n", f) if not t.startswith("Age")]
    assert len(got) == 1, got
    return got[0]


POST = {"menopausal_status": "postmenopausal"}
PRE = {"menopausal_status": "premenopausal"}
LHRH = (
    "Pre- or perimenopausal women, who do not meet the criteria for post-menopausal status "
    "(defined in continuation) and men must be concurrently receiving a LHRH analogue for at "
    "least 28 days prior to study randomization."
)


def test_a_definition_between_the_subject_and_must_keeps_the_subject():
    assert _one(LHRH, _patient(**POST)) == "met"  # does not apply after menopause
    # the other way: before menopause, with no LHRH analogue, the rule applies
    assert _one(LHRH, _patient(**PRE)) != "met"


def test_must_be_female_is_a_sex_rule():
    rule = "All patients must be female with age>18 and premenopausal or perimenopausal."
    assert _one(rule, _patient(sex="male")) == "not met"
    assert _one(rule, _patient(**PRE)) == "met"
    # not when the rule takes both, nor a rule about women who could become pregnant
    assert (
        _one("Patients must be female or male, aged 18 or over", _patient(sex="male")) != "not met"
    )
    assert (
        _one(
            "Participants must be women of childbearing potential using contraception",
            _patient(sex="male"),
        )
        != "not met"
    )


ELACESTRANT = (
    "A Randomized Phase 3 Study of Elacestrant Plus Everolimus Versus Elacestrant in Patients With "
    "ER+/HER2-, ESR1mut Advanced Breast Cancer"
)


def _title_checks(title: str) -> list[str]:
    crits = parse_trial(
        Trial("NCT09999999", title=title, eligibility="Inclusion Criteria:\n\n* Age 18 or over")
    )
    return [c["text"] for c in crits["criteria"] if "from the study title" in c["text"]]


def test_a_short_gene_form_in_a_title_after_the_subtype_is_a_requirement():
    assert "ESR1 mutation (from the study title)" in _title_checks(ELACESTRANT)
    # the other way: two genes joined by "and", or either state, are no requirement
    assert not [t for t in _title_checks("Study in BRCA1 and ESR1mut Breast Cancer") if "ESR1" in t]
    assert not [
        t for t in _title_checks("Study in ESR1mut or Wild-type Breast Cancer") if "ESR1" in t
    ]


KEYNOTE = (
    "Has locally recurrent inoperable breast cancer not previously treated with chemotherapy and which "
    "cannot be treated with curative intent OR has metastatic breast cancer not previously treated with "
    "chemotherapy."
)


def test_the_same_words_after_a_capital_or_are_that_ways_own():
    de_novo = _patient(metastases=[{"site": "liver", "date": "2024-03-01"}])
    assert _one(KEYNOTE, de_novo) == "met"
    # the other way: chemotherapy for the metastatic cancer fails both ways in
    treated = _patient(
        metastases=[{"site": "liver", "date": "2024-03-01"}],
        treatments=[
            {
                "drugs": ["paclitaxel"],
                "setting": "metastatic",
                "start": "2024-04-01",
                "end": "2024-09-01",
            }
        ],
    )
    assert _one(KEYNOTE, treated) == "not met"


def test_the_end_of_a_curative_treatment_is_a_time_mark_not_a_setting():
    rule = (
        "≥6 months elapsed between the completion of treatment with curative intent and first "
        "documented local or distant disease recurrence."
    )
    assert _one(rule, _patient()) != "not met"
    # the other way: a rule for cancer that can be treated with curative intent is a setting
    assert _one("Breast cancer that can be treated with curative intent", _patient()) == "not met"


LONE_SIGNS = """Inclusion Criteria:
Patients will be included only if they meet ALL of the following criteria:
-
Patient must have signed written informed consent.
-
Female or male patients >= 18 years of age.
-
ECOG performance status 0 or 1.
"""


def test_a_bullet_sign_alone_on_its_line_starts_the_next_lines_item():
    texts = [t for t, _ in _verdicts(LONE_SIGNS, _patient(ecog=1))]
    assert any(t.endswith("ECOG performance status 0 or 1.") for t in texts), texts
    assert not any("consent" in t and "ECOG" in t for t in texts)


CYP = "Concurrent or planned treatment with strong inhibitors or strong inducers of cytochrome P450 3A4/5"


def test_a_strong_cyp3a_medicine_taken_now_is_read():
    on_rifampin = _patient(treatments=[{"drugs": ["rifampin 600 mg daily"], "start": "2025-12-01"}])
    assert _one(CYP, on_rifampin, "Exclusion") == "not met"
    in_a_note = _patient(
        conditions=[
            {
                "name": "latent TB",
                "status": "active",
                "note": "started rifampin 600 mg daily for 4 months",
            }
        ]
    )
    assert _one(CYP, in_a_note, "Exclusion") == "not met"
    # the other way: a medicine that ended, a weaker one, or none stays with the study team
    ended = _patient(
        treatments=[{"drugs": ["rifampin"], "start": "2024-01-01", "end": "2024-05-01"}]
    )
    assert _one(CYP, ended, "Exclusion") == "unknown"
    diltiazem = _patient(treatments=[{"drugs": ["diltiazem 120 mg daily"], "start": "2021-06-01"}])
    assert _one(CYP, diltiazem, "Exclusion") == "unknown"
    assert _one("Strong or moderate CYP3A inhibitors", diltiazem, "Exclusion") == "not met"


def test_cyp3a_rules_are_read_only_with_the_enzyme():
    assert cyp3a.cyp3a_check("Concurrent use of strong CYP3A4 inhibitors or inducers")["value"] == (
        "strong_inhibitors,strong_inducers"
    )
    assert (
        cyp3a.cyp3a_check("No potent CYP3A4 inhibitors within 14 days", "inclusion")["neg"] is True
    )
    assert cyp3a.cyp3a_check("Strong inhibitors of P-glycoprotein") is None
    assert cyp3a.cyp3a_check("Concomitant medications that are substrates of CYP3A4") is None
    assert cyp3a.cyp3a_check("Use of strong CYP3A4 inhibitors is required", "inclusion") is None


def test_the_cyp3a_lists_are_checked():
    assert "rifampin" in cyp3a.lists()["strong_inducers"]
    with pytest.raises(TrialsError, match="strong_inhibitors"):
        cyp3a.parse({"sources": ["x"], "strong_inhibitors": ["Clarithromycin"]})


def test_the_studys_own_treatment_is_no_history():
    letrozole_only = _patient(
        treatments=[{"drugs": ["letrozole"], "setting": "metastatic", "start": "2024-04-01"}],
        **POST,
    )
    rule = "Male participants may be required to use GnRH agonists when being treated with fulvestrant."
    assert _one(rule, letrozole_only) != "not met"
    arm = (
        "Pre-menopausal patients should receive ovarian function suppression while receiving "
        "fulvestrant or aromatase inhibitor treatment in the control arm."
    )
    assert _one(arm, letrozole_only) != "not met"
    # the other way: growth while on it, and a plain history, are the person's own
    assert _one("Disease progression while receiving fulvestrant", letrozole_only) == "not met"
    assert _one("Prior treatment with fulvestrant", letrozole_only) == "not met"


DFI = (
    "Disease Free Interval (defined as time between first diagnosis or locoregional recurrence and "
    "first metastasis) longer than 1 year. This does not apply to patients with de novo metastatic "
    "disease or patients who did not receive (neo)adjuvant chemotherapy."
)


def test_a_defining_bracket_and_a_sentence_that_spares_people_ask_nothing():
    spread = _patient(metastases=[{"site": "liver", "date": "2024-03-01"}])
    assert _one(DFI, spread) != "not met"
    # the other way: local disease asked for outside a definition, and a rule after the spared
    assert _one("Locoregional recurrence not amenable to surgery", spread) == "not met"
    assert (
        _one(
            "No prior chemotherapy. This does not apply to hormone therapy. Prior chemotherapy is not allowed",
            _patient(
                treatments=[
                    {"drugs": ["paclitaxel"], "setting": "metastatic", "start": "2024-04-01"}
                ]
            ),
        )
        == "not met"
    )


TNBC_NOTE = (
    "Have confirmed locally recurrent inoperable or mTNBC as defined by the most recent ASCO/CAP "
    "guidelines. Note, participants initially diagnosed with hormone receptor positive and/or "
    "HER2-positive breast cancer must have histological confirmation of TNBC in a tumor biopsy "
    "obtained from a local recurrence or distant metastasis site."
)


def test_a_subtype_the_cancer_had_when_first_found_is_not_one_the_study_takes():
    hr_positive = _patient(receptors={"er": "ER 90%", "pr": "PR 50%", "her2": "HER2 IHC 1+"})
    assert _one(TNBC_NOTE, hr_positive) == "not met"
    tnbc = _patient(receptors={"er": "ER 0%", "pr": "PR 0%", "her2": "HER2 IHC 0"})
    assert _one(TNBC_NOTE, tnbc) == "met"
    # the other way: a subtype list the study takes still gives a choice
    assert _one("HR-positive/HER2-negative or triple-negative breast cancer", hr_positive) == "met"


def test_an_exclusion_of_a_subtype_at_first_diagnosis_still_excludes():
    her2_first = _patient(receptors={"er": "ER 0%", "pr": "PR 0%", "her2": "HER2 IHC 3+"})
    rule = "Patients initially diagnosed with HER2-positive breast cancer"
    assert _one(rule, her2_first, "Exclusion") == "not met"


def test_a_sign_after_the_score_leaves_the_limit_to_the_study_team():
    from mbcnav.trials.performance_status import ecog_allowed

    assert ecog_allowed("Eastern Cooperative Oncology Group (ECOG) performance status 2≤") is None
    assert (
        _one("Eastern Cooperative Oncology Group (ECOG) performance status 2≤", _patient(ecog=1))
        == "unknown"
    )
    # the other way: a sign before the score is read
    assert ecog_allowed("ECOG performance status ≤ 2") == [0, 1, 2]
    assert ecog_allowed("ECOG performance status ≥2") == [2, 3, 4]


def test_cyp3a_reads_only_other_medicines_taken_now():
    # the first review: the person's own cancer medicine, an allergy, a switched-off drug, and an
    # inclusion that asks the person to stop are no reason to keep the person out
    ribociclib = _patient(
        treatments=[
            {"drugs": ["letrozole", "ribociclib"], "setting": "metastatic", "start": "2025-06-01"}
        ]
    )
    assert (
        _one(
            "Concurrent use of moderate or strong CYP3A4 inhibitors or inducers",
            ribociclib,
            "Exclusion",
        )
        == "unknown"
    )
    allergy = _patient(
        conditions=[
            {
                "name": "drug allergy",
                "status": "active",
                "note": "allergic to clarithromycin (rash)",
            }
        ]
    )
    assert _one("Current use of strong CYP3A4 inhibitors", allergy, "Exclusion") == "unknown"
    switched = _patient(
        conditions=[
            {
                "name": "epilepsy",
                "status": "controlled",
                "note": "on levetiracetam; switched off carbamazepine 2019",
            }
        ]
    )
    assert _one("Current use of strong CYP3A4 inducers", switched, "Exclusion") == "unknown"
    on_it = _patient(
        conditions=[
            {"name": "bronchitis", "status": "active", "note": "clarithromycin 500 mg twice daily"}
        ]
    )
    assert (
        _one(
            "Patients must discontinue strong CYP3A4 inhibitors at least 14 days before the first dose",
            on_it,
        )
        != "not met"
    )
    # the other way: the same medicine taken now, in a note, keeps the person out
    assert _one("Current use of strong CYP3A4 inhibitors", on_it, "Exclusion") == "not met"
    epilepsy = _patient(
        conditions=[
            {"name": "epilepsy", "status": "controlled", "note": "on carbamazepine 400 mg BID"}
        ]
    )
    assert _one("Current use of strong CYP3A4 inducers", epilepsy, "Exclusion") == "not met"


def test_final_review_keeps_requirements_requirements():
    post = _patient(**POST)
    # a population "will be enrolled" is a requirement, not a subject of "must"
    assert (
        _one(
            "Premenopausal women, aged 18 years or older, with HR-positive disease will be enrolled",
            post,
        )
        == "not met"
    )
    # the end of a curative treatment asked for is still about the setting
    assert (
        _one(
            "Patients must have completed treatment with curative intent for stage I-III breast cancer",
            _patient(),
        )
        == "not met"
    )
    # a diagnosis while on an adjuvant drug is the person's history
    tamoxifen = _patient(
        treatments=[
            {
                "drugs": ["tamoxifen"],
                "setting": "adjuvant",
                "start": "2018-01-01",
                "end": "2022-01-01",
            }
        ]
    )
    assert (
        _one(
            "Metastatic disease diagnosed while receiving adjuvant aromatase inhibitor therapy",
            tamoxifen,
        )
        == "not met"
    )
    # a subtype at first diagnosis asked for, with no rule for those people after it
    low = _patient(receptors={"er": "ER 90%", "pr": "PR 50%", "her2": "HER2 IHC 1+"})
    assert (
        _one(
            "Patients must have been first diagnosed with HER2-positive breast cancer (IHC 3+ or ISH amplified)",
            low,
        )
        == "not met"
    )
    # "must be female (cohorts A and B)" is for some parts only: no "must be" sex rule
    from mbcnav.trials.age_sex import _MUST_BE

    assert _MUST_BE.search("Patients must be female (cohorts A and B) and aged 18 or over") is None
    assert _MUST_BE.search("Patients must be female and aged 18 or over")


def test_title_short_forms_with_a_wild_type_cohort_ask_nothing():
    for title in (
        "Drug X in HR+/HER2- Advanced Breast Cancer (ESR1m Cohort and Non-ESR1m Cohort)",
        "Drug X in ER+/HER2-, ESR1m (Cohort 1) and ESR1wt (Cohort 2) Advanced Breast Cancer",
        "Drug X in ER+/HER2- Advanced Breast Cancer: ESR1m vs ESR1-WT",
        "Drug X Plus Fulvestrant in Patients With ESR1m, PIK3CAm, or Other Alterations",
    ):
        assert not [t for t in _title_checks(title) if "ESR1" in t], title


def test_cyp3a_leaves_a_regimens_own_drugs_a_cream_and_a_declined_one():
    chemo = _patient(
        treatments=[
            {
                "drugs": ["carboplatin", "gemcitabine", "aprepitant"],
                "setting": "metastatic",
                "start": "2025-12-01",
            }
        ]
    )
    rule = "Concurrent use of moderate or strong CYP3A4 inhibitors or inducers"
    assert _one(rule, chemo, "Exclusion") == "unknown"
    shampoo = _patient(
        conditions=[
            {
                "name": "dandruff",
                "status": "active",
                "note": "on ketoconazole 2% shampoo twice weekly",
            }
        ]
    )
    assert _one(rule, shampoo, "Exclusion") == "unknown"
    declined = _patient(
        conditions=[
            {"name": "epilepsy", "status": "active", "note": "declined carbamazepine 200 mg"}
        ]
    )
    assert _one(rule, declined, "Exclusion") == "unknown"
    # the other way: aprepitant taken on its own for another reason counts
    alone = _patient(treatments=[{"drugs": ["aprepitant"], "start": "2026-01-10"}])
    assert _one(rule, alone, "Exclusion") == "not met"


def test_a_title_after_failure_of_sequential_endocrine_therapy_asks_for_it():
    title = "Estradiol in Postmenopausal Women With Metastatic Breast Cancer After Failure of Sequential Endocrine Therapy"
    assert any("Sequential Endocrine Therapy" in t for t in _title_checks(title))
    assert not any(
        "Endocrine" in t
        for t in _title_checks("Estradiol in Postmenopausal Women With Metastatic Breast Cancer")
    )
