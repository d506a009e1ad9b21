"""Twenty-first-session wordings (issue 14), read from last session's held-out sets 52 and 53
after they were measured. Each test names the record or the shape its wording comes from; none
is a whole trial, and each is checked both ways."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.match import verdict
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.population import gates, mismatch
from mbcnav.trials.record import Trial
from mbcnav.trials.wording import rx

from . import people
from .one_criterion import checks, parsed

LETROZOLE = DrugFact(
    "letrozole",
    ["letrozole", "endocrine therapy", "aromatase inhibitor"],
    ["metastatic"],
    True,
    "2024-01-10",
    "2025-06-01",
)


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _trial_verdict(eligibility: str, f, which: str) -> str:
    """The verdict on the criterion of a parsed trial whose text holds ``which``."""
    t = parse_trial(
        Trial("NCT0", title="A study in advanced breast cancer", eligibility=eligibility)
    )
    (crit,) = [c for c in t["criteria"] if which in c["text"]]
    return verdict(crit, f, {})["verdict"]


def test_hormone_therapy_asked_of_a_trial_that_takes_hr_negative_cancer():
    """NCT06331169: "Is HR-positive or HR-negative. Has progressed on, and would no longer benefit
    from, endocrine therapy": a person whose cancer is HR-negative never had hormone therapy,
    and the trial takes her; unknown, not "not met"."""
    both = (
        "Inclusion Criteria:\n* Is HR-positive or HR-negative.\n"
        "* Has progressed on, and would no longer benefit from, endocrine therapy.\n"
    )
    negative = people.facts(hr="negative", lines=1, lines_done=1)
    assert _trial_verdict(both, negative, "endocrine") == "unknown"
    # HR-positive without hormone therapy in the record: still not met
    positive = people.facts(hr="positive", lines=1, lines_done=1)
    assert _trial_verdict(both, positive, "endocrine") == "not met"
    # an HR-negative person who had hormone therapy is judged on it as before
    had = people.facts(hr="negative", drugs=[LETROZOLE], lines=1, lines_done=1)
    assert _trial_verdict(both, had, "endocrine") == "met"
    # a trial that does not say it takes HR-negative cancer keeps its "not met" (the rule
    # may be what keeps HR-negative people out: "Planning to take GnRHa with oral endocrine
    # therapy")
    one = "Inclusion Criteria:\n* Has progressed on endocrine therapy.\n"
    assert _trial_verdict(one, negative, "endocrine") == "not met"
    assert rx("concept.hr_negative_admitted").search("regardless of hormone receptor status")
    assert not rx("concept.hr_negative_admitted").search("HR-positive, HER2-negative")


def test_a_solid_tumour_title_whose_breast_condition_names_one_subtype():
    """NCT05694364: "... in Patients With Advanced Hematologic and Solid Tumor Malignancies",
    conditions four blood cancers and "Triple Negative Breast Cancer Malignancies": the
    breast cancers it takes are triple-negative."""
    t = Trial(
        "NCT05694364",
        title="Dose Escalation/Dose Expansion Study of PRGN-3007 UltraCAR-T Cells in Patients "
        "With Advanced Hematologic and Solid Tumor Malignancies",
        conditions=[
            "Chronic Lymphocytic Leukemia",
            "Mantle Cell Lymphoma",
            "Triple Negative Breast Cancer Malignancies",
        ],
    )
    g = gates(t)
    assert mismatch(g, people.facts(hr="positive", her2="low"))
    assert mismatch(g, people.facts(hr="negative", her2="zero")) == ""
    # a bare breast condition, or a bare solid-tumour condition, keeps the basket open
    for conditions in (
        ["Chronic Lymphocytic Leukemia", "Breast Cancer"],
        ["Advanced Solid Tumors", "Triple Negative Breast Cancer"],
    ):
        open_ = gates(Trial("NCT0", title=t.title, conditions=conditions))
        assert mismatch(open_, people.facts(hr="positive", her2="low")) == ""


def test_a_repair_gene_list_against_a_tumour_panel():
    """NCT05687110: "a known pathogenic mutation in BRCA1/2, PALB2, RAD51C, RAD51D, ATM, ...": a
    tumour DNA panel in the record (two genes or more) with no change in any repair gene is no
    such mutation; one gene result alone, or a repair-gene change the list may name, is not
    settled."""
    text = (
        "Patients must have histologically confirmed solid tumor with a known pathogenic "
        "mutation in BRCA1/2, PALB2, RAD51C, RAD51D, ATM, BARD1, BLM, BRIP1, CDK12, FANCA as "
        "confirmed by a CLIA-certified method"
    )
    panel = people.facts(
        biomarkers={"PIK3CA": "mutated", "TP53": "mutated", "ATM": "not detected"},
        alterations={"PIK3CA": ["mutation"], "TP53": ["mutation"]},
    )
    assert _verdict(text, panel) == "not met"
    # second review: an inherited BRCA test says nothing of the tumor's other repair genes
    germline = people.facts(
        biomarkers={"PIK3CA": "mutated", "ESR1": "mutated", "BRCA1": "negative"},
        alterations={"PIK3CA": ["mutation"], "ESR1": ["mutation"]},
        origins={"BRCA1": "germline"},
    )
    assert _verdict(text, germline) == "unknown"
    # a BRCA result whose origin is not stated is most often a blood test: not a tumor result
    unstated = people.facts(
        biomarkers={"PIK3CA": "mutated", "ESR1": "mutated", "BRCA2": "negative"},
        alterations={"PIK3CA": ["mutation"], "ESR1": ["mutation"]},
    )
    assert _verdict(text, unstated) == "unknown"
    # review: two tumor results with no repair gene tested say nothing of BRCA
    untested = people.facts(
        biomarkers={"PIK3CA": "mutated", "ESR1": "mutated"},
        alterations={"PIK3CA": ["mutation"], "ESR1": ["mutation"]},
    )
    # (session 25) "a known pathogenic mutation" in a long list stays open too: a change in
    # another gene of the list may be on file
    assert _verdict(text, untested) == "unknown"
    one = people.facts(biomarkers={"PIK3CA": "mutated"}, alterations={"PIK3CA": ["mutation"]})
    assert _verdict(text, one) == "unknown"
    atm = people.facts(
        biomarkers={"PIK3CA": "mutated", "ATM": "mutated"},
        alterations={"PIK3CA": ["mutation"], "ATM": ["mutation"]},
    )
    assert _verdict(text, atm) != "not met"


def test_nci_wording_for_no_standard_treatment_left():
    """NCT05687110 (NCI's boilerplate): "for which standard curative or palliative measures do not
    exist or are no longer effective" names palliative treatment, which MBC has; before a first
    metastatic treatment has ended, some remain."""
    text = (
        "Patients must have histologically confirmed malignancy that is metastatic or "
        "unresectable and for which standard curative or palliative measures do not exist or are "
        "no longer effective"
    )
    assert rx("concept.options_exhausted").search(text)
    assert any(c["type"] == "options_exhausted" for c in checks(text))
    assert _verdict(text, people.facts()) == "not met"
    # after lines have ended it is the oncologist's call
    later = people.facts(lines=3, lines_done=3, chemo_lines=2)
    assert _verdict(text, later) != "not met"
    # a cure alone is not MBC's question
    assert not any(
        c["type"] == "options_exhausted"
        for c in checks(
            "for which standard curative measures do not exist or are no longer effective"
        )
    )
