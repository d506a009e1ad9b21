"""Seventeenth-session wordings (issue 14): each test names the record or the shape its wording
comes from; none is a whole trial."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.match import verdict
from mbcnav.trials.parse import _record_criteria
from mbcnav.trials.record import Trial
from mbcnav.trials.text_repair import unescape

from . import people
from .one_criterion import checks, parsed


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


ADJUVANT = [
    DrugFact(
        name="capecitabine",
        labels=["capecitabine", "chemotherapy"],
        settings=["adjuvant"],
        start="2023-12-18",
        end="2024-04-30",
    )
]


def test_a_count_that_names_no_setting_may_count_treatment_before_the_spread():
    """NCT01929941 "Subject must have received >= 1 prior treatment regimen" (set 39, read after
    its measurement): adjuvant treatment may be the regimen, so the answer is the study team's."""
    text = "Subject must have received ≥ 1 prior treatment regimen."
    early = people.facts(drugs=ADJUVANT)
    assert _verdict(text, early) == "unknown"
    assert _verdict(text, people.facts()) == "not met"  # no treatment at all
    assert (
        _verdict(text, people.facts(drugs=ADJUVANT, lines=1, line_labels=[["chemotherapy"]]))
        == "met"
    )
    # a count for metastatic disease is not met by adjuvant treatment
    scoped = "Must have received at least 1 prior line of therapy for metastatic disease."
    assert _verdict(scoped, early) == "not met"
    # lines, or regimens the cancer grew after, are counted for metastatic disease
    # (NCT06268652, NCT07311993)
    assert _verdict("Received ≥2 previous lines of anti-tumor treatment", early) == "not met"
    grown = "Patients that have progressed after at least one prior standard therapeutic regimen"
    assert _verdict(grown, early) == "not met"
    # two regimens named with no setting: one adjuvant regimen is not enough
    assert _verdict("Must have received at least 2 prior treatment regimens.", early) == "not met"


def _title_settings(title: str, official: str = "", conditions=("Breast Cancer",)) -> list[str]:
    trial = Trial(
        nct_id="NCT00000000", title=title, official_title=official, conditions=list(conditions)
    )
    return [
        c["checks"][0]["value"] for c in _record_criteria(trial) if c["text"].startswith("Setting")
    ]


def test_newly_diagnosed_with_a_first_breast_cancer_is_about_time_since_it():
    """NCT02941614 "Newly diagnosed with initial breast cancer, any stage" (tuning set 40)."""
    text = "Newly diagnosed with initial breast cancer, any stage, any histology type"
    recent_de_novo = people.facts(
        de_novo=True, diagnosed_on="2025-12-05", first_diagnosed_on="2025-12-05"
    )
    years_ago = people.facts(
        de_novo=False, diagnosed_on="2024-03-01", first_diagnosed_on="2016-05-01"
    )
    in_between = people.facts(
        de_novo=True, diagnosed_on="2025-04-01", first_diagnosed_on="2025-04-01"
    )
    assert _verdict(text, recent_de_novo) == "met"
    assert _verdict(text, years_ago) == "not met"
    assert _verdict(text, in_between) == "unknown"  # 9 months: the study team's call
    # a recurrence with no first date: the first diagnosis came before the metastatic one
    assert _verdict(text, people.facts(de_novo=False, diagnosed_on="2023-01-01")) == "not met"
    # "newly diagnosed metastatic disease" says de novo, not how recent (NCT07666555)
    metastatic = "Newly diagnosed locally advanced or metastatic disease, with disease progression"
    assert "diagnosed_within" not in {c["type"] for c in checks(metastatic)}
    # a window is read whatever the cancer (NCT05366881)
    assert (
        _verdict("Newly diagnosed (within 90 days) with cancer or a recurrence", years_ago)
        == "not met"
    )


def test_a_least_time_since_diagnosis():
    """NCT04559854 "Diagnosis of breast or gynecologic cancer at least one year prior to enrollment"."""
    text = "Diagnosis of breast or gynecologic cancer at least one year prior to enrollment"
    assert (
        _verdict(
            text,
            people.facts(de_novo=True, diagnosed_on="2025-12-05", first_diagnosed_on="2025-12-05"),
        )
        == "not met"
    )
    assert (
        _verdict(
            text,
            people.facts(de_novo=False, first_diagnosed_on="2017-03-01", diagnosed_on="2024-01-01"),
        )
        == "met"
    )
    # another cancer's diagnosis is not this one's
    other = "Prior malignancy diagnosed at least 5 years prior to enrollment is allowed"
    assert "diagnosed_since" not in {c["type"] for c in checks(other)}


def test_an_age_said_of_a_child_is_no_age_limit_for_the_person():
    """NCT04092816 "A mother of at least one dependent child, defined as a child <18 years of age"."""
    text = "A mother of at least one dependent child, defined as a child <18 years of age who lives at least half-time in the home;"
    assert "age" not in {c["type"] for c in checks(text)}
    assert _verdict(text, people.facts(age=59)) != "not met"
    # the person's own age beside it is kept
    assert {c["type"] for c in checks("Be at least 18 years of age")} >= {"age"}


def test_progression_beyond_two_lines_counts_finished_lines():
    """NCT04092816 "disease progression beyond two lines of therapy"."""
    text = "disease progression beyond two lines of therapy"
    assert (
        _verdict(text, people.facts(lines=1, lines_done=1, line_labels=[["endocrine therapy"]]))
        == "not met"
    )
    two = people.facts(lines=2, lines_done=2, line_labels=[["endocrine therapy"], ["chemotherapy"]])
    assert _verdict(text, two) == "met"


def test_stage_range_written_before_the_word_stage_and_the_adjuvant_setting():
    # NCT05576545 "Diagnosed Breast Cancer I-III stage"; NCT04348955 "adjuvant situation"
    assert _verdict("Diagnosed Breast Cancer I-III stage", people.facts()) == "not met"
    assert _verdict("adjuvant situation", people.facts()) == "not met"
    assert _verdict("patients in the adjuvant setting", people.facts()) == "not met"
    # a therapy given in that setting is no setting of the person's
    assert (
        _verdict("Prior chemotherapy in the adjuvant setting is allowed", people.facts()) == "met"
    )
    # all stages, stage IV among them, keep a metastatic person in
    assert _verdict("Stage I-III or stage IV disease", people.facts()) == "met"


def test_an_operation_on_the_breast_in_either_title_is_for_early_disease():
    # NCT06322316 brief title "... in MRM", official title "... in Modified Radical Mastectomy"
    assert _title_settings(
        "Analgesic Efficacy of Retrolaminar Block and Erector Spinae Plane Block in MRM",
        "Analgesic Efficacy of Ultrasound-guided Retrolaminar Block and Erector Spinae Plane "
        "Block in Modified Radical Mastectomy: A Randomized Controlled Study",
    ) == ["early"]
    # spread named in a title keeps a surgery study open to it
    assert _title_settings("Mastectomy of the Primary Tumour in Metastatic Breast Cancer") == [
        "metastatic"
    ]


def test_a_result_written_after_the_cancer_is_the_receptor_s():
    """NCT04296370 "ER/PR breast cancer positive patients must have received and progressed on
    at least one endocrine therapy": a rule for a hormone-receptor-positive subgroup only."""
    text = (
        "ER/PR breast cancer positive patients must have received and progressed on at least one "
        "endocrine therapy (adjuvant or metastatic), or have disease that the treating physician "
        "believes to be inappropriate for endocrine therapy."
    )
    tnbc = people.facts(hr="negative", her2="zero")
    assert _verdict(unescape(text), tnbc) != "not met"  # as the criteria reader sees them
    assert unescape("HER2 breast cancer negative") == "HER2 negative breast cancer"


def test_newly_diagnosed_beside_a_recurrence_or_stage_iv_never_rules_out():
    """Review: "newly diagnosed" that lets in recurrences or stage IV is no time limit, and a
    window written after other words is still the window."""
    recurred = people.facts(
        her2="positive", de_novo=False, diagnosed_on="2025-11-15", first_diagnosed_on="2019-04-01"
    )
    for text in (
        "Newly diagnosed breast cancer or recurrence of breast cancer",
        "Women with newly diagnosed breast cancer or recurrent breast cancer scheduled to receive chemotherapy",
        "Newly diagnosed HER2-positive breast cancer, stage IV",
        "Newly diagnosed breast cancer, including patients with de novo metastatic disease",
    ):
        assert _verdict(text, recurred) != "not met", text
    de_novo = people.facts(de_novo=True, diagnosed_on="2024-07-15", first_diagnosed_on="2024-07-15")
    assert _verdict("Newly diagnosed with breast cancer within the past 2 years", de_novo) == "met"


def test_the_child_s_age_goes_and_the_person_s_stays():
    # review: only the child's words and age are taken out
    def ages(text):
        return [(c["min"], c["max"]) for c in checks(text) if c["type"] == "age"]

    assert ages("Mothers of a child under 18, aged 25 to 55 years") == [(25.0, 55.0)]
    assert ages("Parent of at least one child aged 5-17, patient age 18 to 65 years") == [
        (18.0, 65.0)
    ]
    assert ages("Have a child under 18 and be 21 years or older") == [(21.0, None)]


def test_an_ecog_range_before_stage_iv_is_no_early_stage():
    # review: "0-1 stage" of an ECOG range
    assert (
        _verdict("ECOG performance status 0-1 stage IV breast cancer", people.facts(ecog=1))
        != "not met"
    )


def test_a_past_operation_or_imaging_that_follows_treatment_is_no_early_title():
    # review: post-mastectomy pain, prostheses and response monitoring are open to people with MBC
    assert _title_settings("Capsaicin Patch for Post-Mastectomy Pain Syndrome") == []
    assert (
        _title_settings(
            "Breast Prosthesis Comfort Study",
            "Comfort of External Breast Prostheses After Mastectomy",
        )
        == []
    )
    assert (
        _title_settings(
            "Tumour DNA in Blood to Monitor Breast Cancer",
            "Circulating Tumour DNA and Breast MRI for Monitoring Response to Therapy in Breast Cancer",
        )
        == []
    )
    assert _title_settings("Quantitative Dynamic Contrast Enhanced Breast MRI") == ["early"]


def test_newly_diagnosed_with_every_stage_or_setting_never_rules_out():
    # second review: "(stage I-IV)", "in any setting"
    recurred = people.facts(
        her2="positive", de_novo=False, diagnosed_on="2025-11-15", first_diagnosed_on="2019-04-01"
    )
    for text in (
        "Newly diagnosed HER2-positive breast cancer (stage I-IV)",
        "Patients with newly diagnosed breast cancer who will receive taxane chemotherapy in any setting",
    ):
        assert _verdict(text, recurred) != "not met", text
