"""Twentieth-session wordings (issue 14), read from last session's held-out sets 49 and 50 after
they were measured and from this session's tuning set 51. Each test names the record or the
shape its wording comes from; none is a whole trial, and each is checked both ways."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.match import verdict
from mbcnav.trials.modality import modality
from mbcnav.trials.options import _either_or
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial
from mbcnav.trials.subtype_phrases import subtypes_named
from mbcnav.trials.wording import rx

from . import people
from .one_criterion import checks, parsed

LETROZOLE_EARLY = DrugFact(
    "letrozole",
    ["letrozole", "endocrine therapy", "aromatase inhibitor"],
    settings=["adjuvant"],
    start="2015-06-15",
    end="2020-06-15",
)


def _capecitabine(start: str, end: str | None = None) -> DrugFact:
    """Capecitabine for metastatic disease: ongoing when no end is given, else stopped for growth."""
    return DrugFact(
        "capecitabine",
        ["capecitabine", "chemotherapy"],
        ["metastatic"],
        end is not None,
        start,
        end,
        end is None,
    )


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def test_a_negation_in_brackets_stays_in_the_brackets():
    """NCT05686720: "active (without medical control or with clinical symptoms) brain
    metastasis": the "without" is the bracket's; the rule is about brain metastases."""
    text = (
        "Patients with active (without medical control or with clinical symptoms) brain "
        "metastasis, cancerous meningitis, spinal cord compression"
    )
    none = people.facts(brain="none")
    assert _verdict(text, none, "exclusion") == "met"
    (brain,) = [c for c in checks(text, "exclusion") if c["type"] == "brain"]
    assert not brain["neg"]
    # NCT05703555: "(or, if not available, a fresh biopsy sample) at a metastatic site"
    sample = (
        "Expression of CEACAM5 in archival tumor sample (or, if not available, a fresh biopsy "
        "sample) at a metastatic site (mandatory)"
    )
    assert _verdict(sample, people.facts()) != "not met"
    # a negation outside brackets still reaches the words after it
    assert any(c.get("neg") for c in checks("No known brain metastases (treated or not)"))


def test_a_count_in_brackets_after_a_treatment_counts_that_treatment():
    """NCT05703555: "after chemotherapy (...) and immunotherapy (not more than 1 line)"."""
    (count,) = lines_checks(
        "after chemotherapy (restricted to platinum) and immunotherapy (not more than 1 line)."
    )
    assert count["class"] == "immune checkpoint inhibitor" and count["max"] == 1
    # a count of lines of any treatment is left as it was
    (plain,) = lines_checks("No more than 2 prior lines of therapy (any kind).")
    assert plain["class"] is None and plain["max"] == 2


def test_labelled_either_or_parts_and_a_part_about_another_cancer():
    """NCT05703555: "Either: Metastatic ... Non-Small Cell Lung Cancer ...; Or: Metastatic ER+
    breast cancer": the parts are alternatives, and the lung part is not met by a breast record."""
    text = (
        "Either: Metastatic or irresectable Non-Squamous Non-Small Cell Lung Cancer, after "
        "chemotherapy and immunotherapy (not more than 1 line); Or: Metastatic ER+ breast cancer, "
        "pathologically confirmed."
    )
    assert _verdict(text, people.facts(hr="positive")) == "met"
    assert _verdict(text, people.facts(hr="negative", her2="zero")) == "not met"
    # an "or" with no label and no other cancer is read as before
    judged = [({"type": "receptor", "value": "hr-positive", "at": 0}, True)]
    assert _either_or("ER+ breast cancer", judged) is None


def test_a_rule_for_one_phase_of_the_study_is_conditional():
    """NCT05700669: "All participants in Phase 2 must have documented progression on PARPi"."""
    pattern = rx("modality.part_only")
    assert pattern.search("All participants in Phase 2 must have documented progression on PARPi")
    assert pattern.search("Patients in the phase II part must have measurable disease")
    assert not pattern.search("Participants in a phase 1 study within 4 weeks are excluded")
    assert modality("All participants in Phase 2 must have progressed on PARPi", "inclusion") == (
        "conditional"
    )
    assert modality("Participants must have progressed on PARPi", "inclusion") == "required"


def test_a_receptor_status_joined_to_a_her2_category_is_one_subtype():
    """NCT06642545: "HR-/HER2-low Breast Cancer" is for HR-negative HER2-low disease only."""
    assert subtypes_named("in HR-/HER2-low Breast Cancer") == [["negative", ["low"]]]
    assert subtypes_named("HR+/HER2-low breast cancer") == [["positive", ["low"]]]
    assert subtypes_named("HR-positive HER2-low or ultralow") == [["positive", ["low", "ultralow"]]]
    # HER2-negative with a hormone receptor is read as before
    assert subtypes_named("HR+/HER2- breast cancer") == [
        ["positive", ["zero", "ultralow", "low", "negative"]]
    ]


def test_a_wash_out_that_may_be_shorter_is_left_to_the_team_when_recent():
    """NCT05703555: "Less than 4 weeks or less than 5 times the half-life, whichever is shorter,
    since the last treatment of chemotherapy": a wash-out of weeks (the study team's), not a
    history of chemotherapy."""

    long_ago, recent = (
        people.facts(drugs=[_capecitabine("2025-05-01", "2025-06-10")]),
        people.facts(drugs=[_capecitabine("2025-05-01", "2026-01-05")]),
    )
    text = (
        "Specific conditions: Less than 4 weeks or less than 5 times the half-life, whichever is "
        "shorter, since the last treatment of chemotherapy, biological therapy or immunotherapy."
    )
    assert _verdict(text, long_ago, "exclusion") != "not met"
    # a longer window is read, and "whichever is shorter" leaves a recent treatment unknown
    longer = text.replace("4 weeks", "3 months")
    (chemo, *_) = [c for c in checks(longer, "exclusion") if c["type"] == "therapy"]
    assert chemo["within_days"] > 90 and chemo["window_upto"]
    assert _verdict(longer, long_ago, "exclusion") == "met"
    assert _verdict(longer, recent, "exclusion") == "unknown"
    # without it, a recent treatment inside the window is definite
    plain = "Chemotherapy within 3 months before the first dose."
    assert _verdict(plain, recent, "exclusion") == "not met"


def test_one_treatment_in_any_setting_that_the_cancer_grew_after():
    """NCT03983954: "at least 1 standard systemic cancer therapy for their tumor type and
    progressed following their most recent regimen": an adjuvant treatment may be that one."""
    text = (
        "All patients must have received at least 1 standard systemic cancer therapy for their "
        "tumor type and progressed following their most recent regimen."
    )
    adjuvant_only = people.facts(drugs=[LETROZOLE_EARLY])
    assert _verdict(text, adjuvant_only) != "not met"
    assert _verdict(text, people.facts()) == "not met"  # nothing at all
    # a count for metastatic disease keeps its setting
    advanced = (
        "At least 1 prior line for metastatic disease and progressed on the most recent therapy"
    )
    assert _verdict(advanced, adjuvant_only) == "not met"


def test_a_line_count_that_turns_on_adjuvant_hormone_therapy_is_unknown():
    """VIKTORIA-1 (NCT05501886): "More than 2 lines of prior endocrine therapy" with two lines
    for metastatic disease and adjuvant letrozole: the study may or may not count it."""
    text = "More than 2 lines of prior endocrine therapy treatment"
    two = people.facts(
        drugs=[LETROZOLE_EARLY], lines=2, line_labels=[["endocrine therapy"], ["endocrine therapy"]]
    )
    assert _verdict(text, two, "exclusion") == "unknown"
    three = people.facts(
        drugs=[LETROZOLE_EARLY],
        lines=3,
        line_labels=[["endocrine therapy"], ["endocrine therapy"], ["endocrine therapy"]],
    )
    assert _verdict(text, three, "exclusion") == "not met"
    one = people.facts(drugs=[LETROZOLE_EARLY], lines=1, line_labels=[["endocrine therapy"]])
    assert _verdict(text, one, "exclusion") == "met"


def test_a_definition_in_a_clause_of_its_own_leaves_the_rule_before_it():
    """NCT06065748: "Resistance to prior adjuvant endocrine therapy (ET), which is defined as
    having relapsed ... within 12 months of completion"."""
    text = (
        "Resistance to prior adjuvant endocrine therapy (ET), which is defined as having "
        "relapsed with prior standard adjuvant ET, on-treatment after 12 months or off-treatment "
        "within 12 months of completion."
    )
    assert _verdict(text, people.facts()) == "not met"  # no hormone therapy at all
    # (session 25) the window after the last dose is read from the dates: a relapse five
    # months after letrozole ended is resistance, five years after is not, none known is open
    assert _verdict(text, people.facts(drugs=[LETROZOLE_EARLY], diagnosed_on="2020-11-20")) == "met"
    late = people.facts(drugs=[LETROZOLE_EARLY], diagnosed_on="2025-06-01")
    assert _verdict(text, late) == "not met"
    assert _verdict(text, people.facts(drugs=[LETROZOLE_EARLY])) == "unknown"
    (et,) = [c for c in checks(text) if c["type"] == "therapy"]
    assert et["within_days"] is None  # the definition's window is not the rule's
    # a definition that opens its own sentence is skipped as before
    defined = "Prior endocrine therapy is required. Endocrine resistance is defined as relapse."
    assert [c["type"] for c in checks(defined)] == ["therapy"]


def test_earlier_treatment_named_in_the_title_is_a_rule():
    """NCT05631795: "... Advanced Breast Cancer Whose Disease Progressed on or After Endocrine
    Treatment"."""
    trial = Trial(
        "NCT00000001",
        title="Alpelisib in HR-positive Advanced Breast Cancer Whose Disease Progressed on or "
        "After Endocrine Treatment",
        eligibility="Inclusion Criteria:\n- Adults",
    )
    (rule,) = [
        c
        for c in parse_trial(trial)["criteria"]
        if "study title" in c["text"] and c["checks"] and c["checks"][0]["type"] == "therapy"
    ]
    assert verdict(rule, people.facts(), {})["verdict"] == "not met"
    done = DrugFact(
        "letrozole",
        ["letrozole", "endocrine therapy"],
        ["metastatic"],
        True,
        "2024-01-01",
        "2025-06-01",
    )
    assert verdict(rule, people.facts(drugs=[done]), {})["verdict"] == "met"
    # a receptor in the title is no treatment
    plain = Trial(
        "NCT00000002",
        title="Study After Hormone Receptor Testing in Breast Cancer",
        eligibility="Inclusion Criteria:\n- Adults",
    )
    assert not [
        c
        for c in parse_trial(plain)["criteria"]
        if "from the study title)" in c["text"]
        and c["checks"]
        and c["checks"][0]["type"] == "therapy"
    ]


def test_failed_first_and_second_line_is_two_finished_lines():
    """NCT05699811: "Failed to at least first-line and second-line treatments"; NCT05686720:
    "Progress after receiving second-line or above treatment"."""
    for text in (
        "Failed to at least first-line and second-line treatments",
        "Progress after receiving second-line or above treatment in the past.",
    ):
        (count,) = lines_checks(text)
        assert count["min"] == 2 and count.get("done")
    one_done = people.facts(lines=2, lines_done=1, line_labels=[["chemotherapy"], ["chemotherapy"]])
    two_done = people.facts(lines=2, lines_done=2, line_labels=[["chemotherapy"], ["chemotherapy"]])
    text = "Failed to at least first-line and second-line treatments"
    assert _verdict(text, one_done) == "not met"
    assert _verdict(text, two_done) == "met"
    assert lines_checks("no progression after first-line treatment") == []


def test_a_window_on_when_a_treatment_began_reads_its_start():
    """NCT03078036: "Initiated treatment with 1st line systemic cytotoxic chemotherapy ... in the
    last 90 days": the start must fall in the window, not the last dose."""
    text = "Initiated treatment with systemic cytotoxic chemotherapy in the last 90 days"

    assert _verdict(text, people.facts(drugs=[_capecitabine("2025-12-01")])) == "met"
    assert _verdict(text, people.facts(drugs=[_capecitabine("2024-08-01")])) == "not met"
    # a window on the last dose is read as before: an ongoing drug is recent
    last = "Received systemic cytotoxic chemotherapy in the last 90 days"
    assert _verdict(last, people.facts(drugs=[_capecitabine("2024-08-01")])) == "met"


def test_review_denials_totals_and_alternatives_are_not_counts_or_title_rules():
    """Review: a denied first-line progression is no count; "(no more than 2 prior lines of
    therapy in total)" after chemotherapy counts every line; a title that denies a treatment or
    offers it as one of two ways in makes no rule."""
    assert (
        lines_checks("Patients who have not had disease progression following first-line therapy")
        == []
    )
    assert lines_checks("without progression on first-line therapy") == []
    (total,) = lines_checks("prior chemotherapy (no more than 2 prior lines of therapy in total)")
    assert total["class"] is None and total["max"] == 2
    for title in (
        "Drug X in Patients Not Previously Treated With CDK4/6 Inhibitors",
        "Drug Y After Progression on Endocrine Therapy or as First Line",
    ):
        trial = Trial("NCT00000003", title=title, eligibility="Inclusion Criteria:\n- Adults")
        assert not [
            c
            for c in parse_trial(trial)["criteria"]
            if c["checks"] and c["checks"][0]["type"] == "therapy" and "study title" in c["text"]
        ]


def test_a_short_class_name_in_brackets_before_inhibitor_is_that_class():
    """NCT05501886: "Prior treatment with a phosphoinositide 3-kinase (PI3K) inhibitor, a protein
    kinase B (Akt) inhibitor, or a mechanistic target of rapamycin (mTOR) inhibitor"."""
    text = (
        "Prior treatment with a phosphoinositide 3-kinase (PI3K) inhibitor, a protein kinase B "
        "(Akt) inhibitor, or a mechanistic target of rapamycin (mTOR) inhibitor"
    )
    alpelisib = DrugFact("alpelisib", ["alpelisib", "PI3K/AKT/mTOR inhibitor"], ["metastatic"])
    # an exclusion is "not met" when it rules the person out
    assert _verdict(text, people.facts(drugs=[alpelisib]), "exclusion") == "not met"
    assert _verdict(text, people.facts(), "exclusion") == "met"


def test_second_review_alternatives_denials_and_joined_categories():
    """Second review: a finished-lines count beside another way in or a denial is no count; a
    title naming another way in makes no rule; a hormone receptor status holds for every HER2
    category joined after it; a bracketed floor after a treatment counts every line."""
    for text in (
        "Relapse within 12 months of adjuvant therapy or progression after first-line therapy",
        "progression after first-line therapy or intolerance to first-line treatment",
        "absence of progression after first-line therapy",
        "Failed first-line and second-line treatments or initially diagnosed with no standard therapy",
    ):
        assert lines_checks(text) == []
    for title in (
        "Drug in Endocrine-Naive or Previously Treated With CDK4/6 Inhibitors",
        "Drug Before or After CDK4/6 Inhibitors",
        "Drug in De Novo MBC or After Adjuvant Endocrine Therapy",
    ):
        trial = Trial("NCT00000004", title=title, eligibility="Inclusion Criteria:\n- Adults")
        assert not [
            c
            for c in parse_trial(trial)["criteria"]
            if "study title" in c["text"] and c["checks"] and c["checks"][0]["type"] == "therapy"
        ]
    assert subtypes_named("HR-positive, HER2-low or HER2-zero") == [
        ["positive", ["low", "ultralow", "zero"]]
    ]
    assert subtypes_named("HR+/HER2-low or HER2-negative")[0][0] == "positive"
    (floor,) = lines_checks(
        "Previously treated with chemotherapy (at least 2 prior lines for metastatic disease)"
    )
    assert floor["class"] is None and floor["min"] == 2


def test_a_bracket_that_does_not_allow_a_category_denies_only_that_category():
    """Known from last session's second review: "HER2-low (IHC 1+ or IHC 2+/ISH-) (IHC >0 <1+
    not allowed)" ruled out HER2-low people (the bracket's "not allowed" reached the whole list)."""
    text = "HER2-low (IHC 1+ or IHC 2+/ISH-) (IHC >0 <1+ not allowed)"
    assert _verdict(text, people.facts(her2="low")) == "met"
    assert _verdict(text, people.facts(her2="zero")) == "not met"
    assert _verdict(text, people.facts(her2="ultralow")) == "not met"
    # a denial of a category the list holds still denies the list
    denied = "Patients must not be HER2-low (IHC 1+ or 2+/ISH-)"
    assert _verdict(denied, people.facts(her2="low")) == "not met"
    assert _verdict(denied, people.facts(her2="zero")) == "met"
