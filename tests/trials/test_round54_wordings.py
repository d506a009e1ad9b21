"""Thirty-first-session wordings (issue 14), read from the tuning set 84 and from last session's
held-out sets 82 and 83 after they were measured. Each test names the record or the shape its
wording comes from; none is a whole trial, and each is checked both ways."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.match import verdict
from mbcnav.trials.modality import modality

from . import people
from .one_criterion import checks, parsed


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _drug(name, labels, **kw) -> DrugFact:
    return DrugFact(name, [name, *labels], **kw)


def _lines(text: str) -> list[dict]:
    return [c for c in checks(text) if c["type"] == "lines"]


def test_words_that_rule_out_stay_in_their_own_clause():
    """CAPItello-291 (NCT04305496): "... progression (the cancer should have shown progression
    during or after most recent therapy); locally advanced disease must not be amenable to
    resection ... (patients who are considered suitable for surgical ... techniques ... are not
    eligible)": the last words are about surgery, so the count stays a floor, not "no line"."""
    text = (
        "Metastatic or locally advanced disease with radiological or objective evidence of "
        "recurrence or progression (the cancer should have shown progression during or after "
        "most recent therapy); locally advanced disease must not be amenable to resection with "
        "curative intent (patients who are considered suitable for surgical or ablative "
        "techniques following potential down-staging with study treatment are not eligible)"
    )
    counts = _lines(text)
    assert counts and all(c["min"] == 1 and c["max"] is None for c in counts)
    # in its own clause the words still make a ceiling
    ruled = "Patients who have received 2 or more lines of chemotherapy for metastatic disease are not eligible."
    assert [(c["min"], c["max"]) for c in _lines(ruled)] == [(None, 1)]


def test_an_exception_for_a_course_just_begun_counts_finished_lines():
    """NCT03425838: "Previously untreated with any systemic anti-cancer therapy for ... metastatic
    HR+ disease, with the exception of recently started (within 28 days of randomization)
    endocrine therapy": a finished hormone line is a line; the exception without a time lets any
    hormone line pass, as before."""
    text = (
        "Previously untreated with any systemic anti-cancer therapy for loco-regional recurrent "
        "or metastatic HR+ disease, with the exception of recently started (within 28 days of "
        "randomization) endocrine therapy."
    )
    (c,) = _lines(text)
    assert c["class"] is None and c["max"] == 0 and c["done"]
    one_hormone_line = people.facts(
        lines=1, lines_done=1, line_labels=[["endocrine therapy"]], line_ended=[True]
    )
    assert _verdict(text, one_hormone_line) == "not met"
    assert _verdict(text, people.facts()) == "met"
    plain = "No prior systemic therapy for advanced disease, except for prior endocrine therapy"
    (c,) = _lines(plain)
    assert c["class"] == "non-endocrine therapy"
    assert _verdict(plain, one_hormone_line) == "met"


def test_chemotherapy_not_clinically_indicated_is_a_doctors_call():
    """NCT03425838: "... and for whom chemotherapy is not clinically indicated": the treating
    doctor's judgement, never "no chemotherapy in the record"."""
    text = (
        "Adult women with proven diagnosis of adenocarcinoma of the breast with evidence of "
        "metastatic disease not amenable to resection or radiation therapy with curative intent "
        "and for whom chemotherapy is not clinically indicated."
    )
    assert modality(text, "inclusion") == "judgement"
    had_chemo = people.facts(
        chemo_lines=1,
        drugs=[_drug("paclitaxel", ["chemotherapy"], settings=["metastatic"])],
    )
    assert _verdict(text, had_chemo) == "unknown"
    assert modality("Patients must have measurable disease", "inclusion") != "judgement"


def test_three_medicines_of_different_kinds_joined_by_and_are_each_needed():
    """HER2CLIMB-04 (NCT04539938): "Received previous treatment with trastuzumab, pertuzumab, and
    T-DM1": all three; "letrozole, anastrozole and exemestane" (one kind) stays any of them."""
    text = "Received previous treatment with trastuzumab, pertuzumab, and T-DM1"
    two = [
        _drug("trastuzumab", ["anti-HER2 antibody"], settings=["metastatic"]),
        _drug("pertuzumab", ["anti-HER2 antibody"], settings=["metastatic"]),
    ]
    tdm1 = _drug("ado-trastuzumab emtansine", ["antibody-drug conjugate"], settings=["metastatic"])
    assert _verdict(text, people.facts(drugs=two)) == "not met"
    assert _verdict(text, people.facts(drugs=[*two, tdm1])) == "met"
    kinds = "Prior treatment with letrozole, anastrozole and exemestane"
    letrozole = [_drug("letrozole", ["aromatase inhibitor"], settings=["metastatic"])]
    assert _verdict(kinds, people.facts(drugs=letrozole)) == "met"
    # "or" anywhere in the list keeps it a list of options
    either = "Received previous treatment with trastuzumab, pertuzumab, or T-DM1"
    assert _verdict(either, people.facts(drugs=two)) == "met"
