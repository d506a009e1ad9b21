"""Sixteenth-session wordings (issue 14), from the registry text of tuning set 38 (trials of the
bundled snapshot) and the review of older sets: each test names the record or the shape its
wording comes from; none is a whole trial."""

from mbcnav.trials.context import mentions
from mbcnav.trials.facts import DrugFact, PatientFacts
from mbcnav.trials.match import verdict
from mbcnav.trials.population import gates, mismatch
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split
from mbcnav.trials.subtype_phrases import subtypes_named

from . import people
from .one_criterion import checks, parsed


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _negated(text: str, concept: str) -> bool:
    return any("NEGATED_EXISTENCE" in m.modifiers for m in mentions(text) if m.concept == concept)


ANTHRA = [DrugFact(name="doxorubicin", labels=["doxorubicin", "anthracycline", "chemotherapy"])]


def test_a_label_before_no_does_not_turn_the_rule_around():
    """NCT00364754 "Previous therapy: No previous exposure to anthracycline ...": medspaCy reads
    ": no" backwards (notes: "Fever: no"); in a criterion it negates what follows."""
    text = "Previous therapy: No previous exposure to anthracycline/anthracenedione-based chemotherapy."
    assert _negated(text, "anthracycline")
    assert _verdict(text, people.facts()) == "met"
    assert _verdict(text, people.facts(drugs=ANTHRA, chemo_lines=1)) == "not met"


def test_unlikely_to_respond_negates_nothing_before_it():
    # NCT00003454 "stage IV breast cancer that is unlikely to respond to existing therapy"
    text = "Histologically confirmed stage IV breast cancer that is unlikely to respond to existing therapy"
    assert not _negated(text, "metastatic")
    assert not _negated(text, "breast_cancer")
    # a finding said to be unlikely is still denied
    assert _negated("brain metastases unlikely", "brain_metastases")


def test_non_denies_only_the_word_it_is_joined_to():
    # NCT04504916 "non-TNBC HER2-negative breast cancer"
    found = {m.concept: m for m in mentions("non-TNBC HER2-negative breast cancer")}
    assert "NEGATED_EXISTENCE" in found["triple_negative"].modifiers
    assert "NEGATED_EXISTENCE" not in found["her2_negative"].modifiers


def test_a_serial_list_of_cancers_is_a_list_of_options():
    """NCT04504916: "... cancers of triple-negative breast cancer (TNBC), non-TNBC HER2-negative
    breast cancer, non-squamous NSCLC, gastric cancer, pancreatic cancer, or platinum-resistant
    ovarian cancer": one item fits an HR+/HER2-low person; the other cancers are not met."""
    text = (
        "Has a confirmed diagnosis of solid tumor for one of the following types of cancer: "
        "previously treated cancers of triple-negative breast cancer (TNBC), non-TNBC "
        "HER2-negative breast cancer, non-squamous non-small-cell lung cancer (NSCLC), gastric "
        "cancer, pancreatic cancer, or platinum-resistant ovarian cancer."
    )
    assert _verdict(text, people.facts(hr="positive", her2="low")) == "met"
    assert _verdict(text, people.facts(hr="negative", her2="zero")) == "met"
    assert _verdict(text, people.facts(hr="positive", her2="positive")) == "not met"
    # NCT06084481: the stage words before the first item hold for every item
    basket = (
        "Documented diagnosis of locally advanced or metastatic hepatocellular carcinoma (HCC), "
        "pancreatic ductal adenocarcinoma (PDAC), triple negative breast cancer (TNBC), hormone "
        "receptor+/HER2-breast cancer (HR+/HER2-BC), or ovarian cancer."
    )
    assert _verdict(basket, people.facts(hr="positive", her2="positive")) == "not met"
    assert _verdict(basket, people.facts(hr="negative", her2="zero")) == "met"


def test_a_gap_after_a_therapy_and_recovery_from_it_do_not_require_it():
    # NCT00456846, NCT00003454: conditions on an earlier therapy, if it was given
    gap = (
        "At least 12 months between completion of adjuvant chemotherapy and the diagnosis of "
        "metastatic disease"
    )
    assert _verdict(gap, people.facts()) == "met"
    assert _verdict("Biologic therapy: Recovery from prior immunotherapy", people.facts()) == "met"
    assert (
        _verdict("Endocrine therapy: Recovery from prior hormonal therapy", people.facts()) == "met"
    )
    # a requirement to have had it still is one
    assert (
        _verdict("Must have received prior chemotherapy for metastatic disease", people.facts())
        == "not met"
    )


def test_a_topic_label_asks_for_nothing_itself():
    # NCT00003454 "Chemotherapy: ...", "Endocrine therapy: ...": the label is the topic
    assert all(c["type"] != "therapy" for c in checks("Endocrine therapy: Not specified"))
    found = checks(
        "Chemotherapy: No more than 2 prior chemotherapy regimens for metastatic disease"
    )
    assert [c["type"] for c in found] == ["lines"]


def test_no_standard_treatment_left_in_other_words():
    # NCT00003454 "... unlikely to respond to existing therapy and for which no curative therapy
    # exists": the curative clause is its own; nothing has ended yet, so not yet
    text = (
        "Histologically confirmed stage IV breast cancer that is unlikely to respond to existing "
        "therapy and for which no curative therapy exists"
    )
    assert any(c["type"] == "options_exhausted" for c in checks(text))
    assert _verdict(text, people.facts(lines=0, lines_done=0)) == "not met"
    assert not any(c["type"] == "options_exhausted" for c in checks("no curative therapy exists"))


def test_failed_or_progressed_on_earlier_treatment_counts_finished_lines():
    # NCT00003454 "Must have failed prior standard therapy"; NCT04504916 "Has metastatic disease
    # that has progressed during or following previous treatment appropriate for the disease type"
    for text in (
        "Must have failed prior standard therapy",
        "Has metastatic disease that has progressed during or following previous treatment "
        "appropriate for the disease type",
    ):
        found = [c for c in checks(text) if c["type"] == "lines"]
        assert found and found[0]["min"] == 1 and found[0].get("done"), text
        assert _verdict(text, people.facts(lines=2, lines_done=2)) == "met"
    # NCT05029999: a premise in brackets ("if patient experienced disease progression on the
    # prior treatment") is no requirement
    premise = (
        "Prior T-cell or other cell-based therapies within 12 weeks (or 2 weeks if patient "
        "experienced disease progression on the prior treatment)"
    )
    assert not any(c["type"] == "lines" for c in checks(premise, "exclusion"))


def test_a_cancer_involving_the_brain_is_brain_spread():
    # NCT04504916 exclusion "Has a malignancy involving the central nervous system."
    text = "Has a malignancy involving the central nervous system."
    assert [c["type"] for c in checks(text, "exclusion")] == ["brain"]
    assert _verdict(text, people.facts(brain="treated-stable"), "exclusion") == "not met"
    assert _verdict(text, people.facts(brain="none"), "exclusion") == "met"
    assert not any(
        c["type"] == "brain" for c in checks("No primary tumor of the brain", "exclusion")
    )


def test_a_trial_for_inflammatory_breast_cancer_only():
    # NCT03202316 "... Metastatic Inflammatory Breast Cancer"
    t = Trial(
        "NCT03202316",
        title="Atezolizumab, Cobimetinib, and Eribulin in Treating Patients With Chemotherapy "
        "Resistant Metastatic Inflammatory Breast Cancer",
        conditions=[
            "Recurrent Breast Inflammatory Carcinoma",
            "Stage IV Breast Inflammatory Carcinoma",
        ],
    )
    g = gates(t)
    assert "inflammatory" in mismatch(g, people.facts())
    assert mismatch(g, people.facts(inflammatory=True)) == ""
    assert mismatch(g, PatientFacts()) == ""  # an empty record never gates
    open_to_all = gates(
        Trial("NCT0", title="Eribulin in Metastatic Breast Cancer Including Inflammatory")
    )
    assert mismatch(open_to_all, people.facts()) == ""


def test_a_her2_expressing_title_leaves_out_her2_zero():
    # NCT05013554 "... Relapsed/Refractory HER2 Expressing Solid Tumors"
    assert subtypes_named("HER2 Expressing Solid Tumors") == [
        [None, ["positive", "low", "ultralow"]]
    ]
    g = gates(
        Trial(
            "NCT05013554",
            title="Study of SAR443216 in Participants With HER2 Expressing Solid Tumors",
        )
    )
    assert "HER2" in mismatch(g, people.facts(her2="zero"))
    assert mismatch(g, people.facts(her2="low")) == ""


def test_wild_type_brca_beside_palb2():
    # NCT05232006 "PALB2 germline heterozygous mutation carrier, wild type BRCA1&2 ..."
    text = "PALB2 germline heterozygous mutation carrier, wild type BRCA1&2 (breast cancer 1&2)"
    brca = [c for c in checks(text) if c["type"] == "biomarker"]
    assert brca[0]["genes"] == ["PALB2"]


def test_a_part_label_starts_an_item_after_another_parts_sub_list():
    """NCT04906434: "Escalation Part: ... must satisfy: 1. ... 2. ..." then "Expansion Part: ...
    HCC, and must satisfy: 1. ... 2. measurable lesion": the second list is the expansion's."""
    text = (
        "Inclusion Criteria:\n"
        " 1. Age 18 to 75\n"
        " 2. Escalation Part: Patients must have advanced solid tumors; and patients with "
        "advanced HCC must satisfy:\n"
        " 1. BCLC stage B or C\n"
        " 2. Patient must provide archived tissue for FGF19 testing\n"
        " Expansion Part: patients must have BCLC stage B or C HCC, and must satisfy:\n"
        " 1. FGF19 positive\n"
        " 2. Patient must have at least 1 measurable lesion (RECIST V1.1)\n"
        " 3. ECOG performance status 0~1\n"
    )
    items = [c.text for c in split(text)]
    lesion = next(t for t in items if "measurable lesion" in t)
    assert lesion.startswith("Expansion Part:")
    tissue = next(t for t in items if "archived tissue" in t)
    assert "Expansion Part" not in tissue


# ---------------------------------------------------------------- review: the other direction
CDK = [DrugFact(name="palbociclib", labels=["palbociclib", "CDK4/6 inhibitor"])]


def test_a_label_and_no_keeps_its_other_readings():
    # "Brain metastases: no" keeps medspaCy's reading; the "no" reaches its own clause only
    assert _verdict("Brain metastases: no", people.facts(brain="none")) == "met"
    assert _verdict("Brain metastases: no", people.facts(brain="active")) == "not met"
    text = "Prior therapy: no restrictions; prior anthracycline required"
    assert _verdict(text, people.facts()) == "not met"
    assert _verdict(text, people.facts(drugs=ANTHRA, chemo_lines=1)) == "met"


def test_a_label_with_its_own_rule_is_kept():
    assert _verdict("CDK4/6 inhibitor: required", people.facts()) == "not met"
    assert (
        _verdict("Prior CDK4/6 inhibitor: not allowed", people.facts(drugs=CDK), "exclusion")
        == "not met"
    )


def test_recovery_and_gaps_leave_a_requirement_beside_them_alone():
    assert (
        _verdict("Recovered from surgery and must have received a prior taxane", people.facts())
        == "not met"
    )
    text = (
        "Must have received prior anthracycline, with at least 4 weeks between the end of "
        "anthracycline and enrollment"
    )
    assert _verdict(text, people.facts()) == "not met"


def test_growth_on_a_named_drug_is_no_line_count():
    text = "Patients who have progressed on prior therapy with a CDK4/6 inhibitor"
    assert not any(c["type"] == "lines" for c in checks(text, "exclusion"))
    assert _verdict(text, people.facts(lines=1, lines_done=1), "exclusion") != "not met"


def test_items_that_name_their_own_stage_keep_it():
    text = "Early stage TNBC, metastatic HR-positive breast cancer, or gastric cancer"
    assert _verdict(text, people.facts(hr="positive", her2="zero")) == "met"


def test_wild_type_brca_written_after_the_gene():
    assert _verdict("Germline BRCA1/2 wild-type", people.facts(germline_brca=True)) == "not met"
    assert _verdict("Germline BRCA1/2 wild-type", people.facts(germline_brca=False)) == "met"


def test_a_trial_open_to_inflammatory_and_other_cancers_is_not_gated():
    g = gates(Trial("NCT0", title="Study of X in Locally Advanced and Inflammatory Breast Cancer"))
    assert mismatch(g, people.facts()) == ""


def test_a_study_for_people_with_no_evidence_of_disease():
    """NCT00711529 "No clinical evidence of disease (complete remission)." (held-out set 39, read
    after it was measured): the record's latest scan decides; said of another cancer it is no
    such rule (NCT06380816)."""
    text = "No clinical evidence of disease (complete remission)."
    assert [c["type"] for c in checks(text)] == ["no_evidence_of_disease"]
    assert _verdict(text, people.facts(latest_status="stable")) == "not met"
    assert _verdict(text, people.facts(latest_status="ned")) == "met"
    assert _verdict(text, people.facts()) == "unknown"
    other = (
        "Cancer survivors who have undergone potentially curative therapy for prior malignancy "
        "and have no evidence of that disease for 5 years are eligible"
    )
    assert not any(c["type"] == "no_evidence_of_disease" for c in checks(other))
    assert not any(
        c["type"] == "no_evidence_of_disease"
        for c in checks("No evidence of disease progression on the last scan")
    )


# ---------------------------------------------------------------- second review
def test_second_review_readings_stay_as_they_were():
    # growth while receiving a drug is past use; a limit after "Label: no" is no denial
    assert (
        parsed("Radiographic disease progression while receiving a CDK4/6 inhibitor")["checks"][0][
            "mode"
        ]
        != "current"
    )
    assert not _negated("Endocrine therapy: no restriction on prior endocrine therapy", "endocrine")
    # a label's own rule after other words is kept
    found = checks("Prior CDK4/6 inhibitor: not allowed in any line of treatment", "exclusion")
    assert any(c["type"] == "therapy" for c in found)
    # maintenance and place-limited remission are no "no evidence of disease" rule
    for text in (
        "Patients in complete response (CR) or partial response (PR) after first-line therapy",
        "must be in complete response, partial response, or stable disease",
        "no evidence of disease outside the brain",
    ):
        assert not any(c["type"] == "no_evidence_of_disease" for c in checks(text)), text
    # a gene named wild type before BRCA is not BRCA's
    brca = [
        c
        for c in checks("ESR1 wild-type BRCA1/2 mutated breast cancer")
        if c["type"] == "biomarker"
    ]
    assert brca and not brca[0]["neg"]
