"""Twenty-fourth-session wordings (issue 14), read from the tuning set 63 (stored web copies of
registry records outside the project's data) and from last session's held-out sets 61 and 62
after they were measured. Each test names the record or the shape its wording comes from; none
is a whole trial, and each is checked both ways."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.headers import header
from mbcnav.trials.inline_items import inline_items
from mbcnav.trials.lost_breaks import bare_items
from mbcnav.trials.match import verdict
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split

from . import people
from .one_criterion import checks, parsed


def _drug(name, labels, settings=("metastatic",), end="2025-06-01", ongoing=False):
    return DrugFact(name, [name, *labels], list(settings), False, "2024-01-10", end, ongoing)


SACITUZUMAB = _drug(
    "sacituzumab govitecan", ["antibody-drug conjugate", "topoisomerase I inhibitor"]
)
TDXD = _drug(
    "trastuzumab deruxtecan",
    ["antibody-drug conjugate", "topoisomerase I inhibitor", "exatecan derivative"],
)
AC_T = [
    _drug("doxorubicin", ["chemotherapy", "anthracycline"], ("adjuvant",), "2019-06-01"),
    _drug("paclitaxel", ["chemotherapy", "taxane"], ("adjuvant",), "2019-09-01"),
]


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _is_bullet(text: str) -> bool:
    return text.strip() in {"*", "-"}


def _texts(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in split(text)]


FLAT = (
    "Inclusion Criteria: Clinically or pathologically proven metastatic breast cancer Eastern "
    "Cooperative Oncology Group performance status between 0-2 Adequate bone marrow, renal and "
    "liver functions within normal limits Left ventricular ejection fractions more than 45% "
    "measured by echocardiogram within 6 weeks of randomization Exclusion Criteria: Prior "
    "chemotherapy for metastatic disease (hormonal therapy in metastatic setting is allowed) "
    "History of cardiac disease with New York Heart Association Class II or greater"
)


def test_a_list_whose_line_breaks_and_markers_were_lost_is_read_item_by_item():
    """NCT00082095 as a web page gives it: one line, no markers; a run of capitalised words is one
    name and a word that cannot end an item keeps the next one."""
    got = _texts(FLAT)
    assert (
        "exclusion",
        "Prior chemotherapy for metastatic disease (hormonal therapy in metastatic setting is allowed)",
    ) in got
    assert ("inclusion", "Eastern Cooperative Oncology Group performance status between 0-2") in got
    assert (
        "exclusion",
        "History of cardiac disease with New York Heart Association Class II or greater",
    ) in got
    assert len([k for k, _ in got if k == "inclusion"]) == 4
    # the same words with their line breaks are read as written: nothing is cut inside a line
    with_breaks = FLAT.replace(" Exclusion Criteria:", "\nExclusion Criteria:")
    assert len(split(with_breaks)) == 2


def test_bare_items_leave_a_short_or_marked_line_whole():
    assert bare_items("Histologically confirmed breast cancer") == [
        "Histologically confirmed breast cancer"
    ]
    assert bare_items("treated with Herceptin and letrozole") == [
        "treated with Herceptin and letrozole"
    ]
    assert bare_items("no brain metastases Adequate organ function") == [
        "- no brain metastases",
        "- Adequate organ function",
    ]


def test_a_header_with_a_long_text_after_it_is_still_a_header():
    kind, after = header("Inclusion Criteria: " + "Clinically proven metastatic breast cancer " * 5)
    assert kind == "inclusion" and after.startswith("Clinically")
    # a long criterion that only starts with the word is no header
    assert header("Inclusion of women with " + "metastatic breast cancer and " * 6)[0] is None


def test_major_stays_with_its_inline_header():
    """NCT04541433 as a web page gives it: "... status 0 to 1 Major Exclusion Criteria: 1. ..."."""
    text = (
        "Major Inclusion Criteria: 1. Signed written informed consent. 2. ECOG performance "
        "status 0 to 1 Major Exclusion Criteria: 1. Prior fulvestrant. 2. Brain metastases."
    )
    got = _texts(text)
    assert ("inclusion", "ECOG performance status 0 to 1") in got
    assert ("exclusion", "Prior fulvestrant.") in got


def test_a_numbered_list_inside_an_item_is_read_under_it():
    """NCT04541433: "7. Prior ... therapy is restricted as follows: 1. No more than 2 lines ... 2.
    Recurrence ..." on one line."""
    text = (
        "Inclusion Criteria: 1. Signed consent. 2. Prior therapy in the advanced setting is "
        "restricted as follows: 1. No more than 2 lines of chemotherapy for advanced disease. 2. "
        "Progression on at least one line of endocrine therapy. 3. ECOG 0 to 1."
    )
    got = [t for _, t in _texts(text)]
    assert (
        "Prior therapy in the advanced setting is restricted as follows: No more than 2 lines of chemotherapy for advanced disease."
        in got
    )
    assert "ECOG 0 to 1." in got
    # a run that is the list itself is cut only once
    assert [p.strip() for p in inline_items("1. Age 18. 2. ECOG 0-1. 3. Consent.", _is_bullet)] == [
        "1. Age 18.",
        "2. ECOG 0-1.",
        "3. Consent.",
    ]


def test_old_pdq_headings_go_with_the_item_after_them():
    """NCT00096057 as a web page gives it: "Age * 18 and over Sex * Female Menopausal status * Not
    specified Performance status * WHO 0-1"."""
    text = (
        "PATIENT CHARACTERISTICS: Age * 18 and over Sex * Female Menopausal status * Not "
        "specified Performance status * WHO 0-1 Hepatic * Bilirubin ≤ 1.5 mg/dL"
    )
    got = [t for _, t in _texts(text)]
    assert "Sex: Female" in got and "Performance status: WHO 0-1" in got
    assert "Hepatic: Bilirubin ≤ 1.5 mg/dL" in got


def _record(title: str, sex: str = "all", stated: bool = True, min_age=None) -> Trial:
    return Trial("NCT00000001", title=title, sex=sex, sex_stated=stated, min_age=min_age,
                 eligibility="Inclusion Criteria:\n* Metastatic breast cancer")  # fmt: skip


def _record_texts(trial: Trial) -> list[str]:
    return [c["text"] for c in parse_trial(trial)["criteria"] if c["number"] == 0]


def test_whom_the_title_names_is_a_rule_when_the_record_does_not_say():
    """NCT00082095: "... in Women 60 Years and Older", a web copy with no age or sex fields."""
    title = "Doxorubicin or Capecitabine for Metastatic Breast Cancer in Women 60 Years and Older"
    got = _record_texts(_record(title, stated=False))
    assert "Sex: female (from the study title)" in got
    assert "Age: 60 or older (from the study title)" in got
    # a record that gives its sex (all) keeps it; a record whose own age is higher keeps its own
    got = _record_texts(_record(title, stated=True, min_age=65))
    assert not any("from the study title" in t and t.startswith(("Sex", "Age")) for t in got)
    assert _record_texts(_record("Fulvestrant in Metastatic Breast Cancer", stated=False)) == [
        "Setting: advanced or metastatic disease (from the study title)"
    ]


def test_an_adc_with_an_exatecan_derivative_is_not_every_topoisomerase_adc():
    """NCT06331169: "Prior treatment with antibody drug conjugate with a topoisomerase I inhibitor
    exatecan derivative" excludes T-DXd, not sacituzumab govitecan (SN-38)."""
    text = "Prior treatment with antibody drug conjugate with a topoisomerase I inhibitor exatecan derivative."
    assert _verdict(text, people.facts(drugs=[SACITUZUMAB]), "exclusion") == "met"
    assert _verdict(text, people.facts(drugs=[TDXD]), "exclusion") == "not met"
    # any ADC with a topoisomerase I payload still takes both
    both = (
        "Prior treatment with an antibody drug conjugate with a topoisomerase I inhibitor payload."
    )
    assert _verdict(both, people.facts(drugs=[SACITUZUMAB]), "exclusion") == "not met"


def test_hormone_therapy_asked_of_an_er_low_cancer_may_not_apply():
    """NCT06331169 (set 61, bd08): "Is HR-positive or HR-negative. Has progressed on ... endocrine
    therapy." for ER 2% with no hormone therapy: open, as for HR-negative; a clearly HR-positive
    cancer with no hormone therapy is not met."""
    text = (
        "Pathologically documented breast cancer that: Is HR-positive or HR-negative. Has "
        "progressed on, and would no longer benefit from, endocrine therapy."
    )
    trial = Trial("NCT00000002", title="X", eligibility=f"Inclusion Criteria:\n* {text}")
    crit = next(c for c in parse_trial(trial)["criteria"] if "endocrine" in c["text"])
    low = verdict(crit, people.facts(er_low_only=True), {})
    assert low["verdict"] == "unknown" and "ER-low" in low["why"]
    assert verdict(crit, people.facts(), {})["verdict"] == "not met"


def test_a_cdk_inhibitor_is_a_cdk4_6_inhibitor():
    """NCT03633331: "No prior therapy with a CDK inhibitor"."""
    palbo = _drug("palbociclib", ["CDK4/6 inhibitor"])
    assert (
        _verdict("No prior therapy with a CDK inhibitor", people.facts(drugs=[palbo])) == "not met"
    )
    assert _verdict("No prior therapy with a CDK inhibitor", people.facts()) == "met"


def test_hormonal_treatment_and_positive_for_estrogen_receptors():
    """NCT00146601: "Hormonal treatment for metastatic disease" (exclusion), "Tumors must be
    positive for estrogen receptors, progesterone receptors, or both"."""
    letrozole = _drug("letrozole", ["endocrine therapy", "aromatase inhibitor"])
    text = "Hormonal treatment for metastatic disease"
    assert _verdict(text, people.facts(drugs=[letrozole]), "exclusion") == "not met"
    assert _verdict(text, people.facts(), "exclusion") == "met"
    receptors = "Tumors must be positive for estrogen receptors, progesterone receptors, or both."
    assert _verdict(receptors, people.facts()) == "met"
    assert _verdict(receptors, people.facts(hr="negative")) == "not met"


def test_whose_tumour_overexpresses_her2_is_whom_the_rule_is_for():
    """NCT00096057: "Patients whose tumor overexpresses HER-2 must have failed prior trastuzumab"."""
    text = (
        "Patients whose tumor overexpresses HER-2 must have failed prior trastuzumab (Herceptin®)"
    )
    assert _verdict(text, people.facts(her2="low")) == "met"
    assert _verdict(text, people.facts(her2="positive")) == "not met"


def test_having_had_a_treatment_or_not_being_able_to_have_it():
    """NCT00096057: "Failed prior OR not a candidate for OR refused anthracycline- and
    taxane-containing chemotherapy": met by the chemotherapy, open without it."""
    text = "Failed prior OR not a candidate for OR refused anthracycline- and taxane-containing chemotherapy"
    assert _verdict(text, people.facts(drugs=AC_T)) == "met"
    assert _verdict(text, people.facts()) == "unknown"
    # a plain requirement of the treatment stays a requirement
    assert _verdict("Must have failed prior taxane therapy", people.facts()) == "not met"


def test_a_bare_number_of_prior_regimens_is_that_many():
    """NCT00004893: "One prior induction chemotherapy regimen for recurrent or metastatic
    disease": exactly one line; "at least one" has no ceiling."""
    (exact,) = checks(
        "One prior induction chemotherapy regimen for recurrent or metastatic disease"
    )
    assert (exact["type"], exact["min"], exact["max"]) == ("lines", 1, 1)
    (floor,) = checks("At least one prior chemotherapy regimen for metastatic disease")
    assert (floor["min"], floor["max"]) == (1, None)
    assert not [c for c in checks("One prior chemotherapy regimen") if c["type"] == "lines"]


def test_the_sentence_before_a_definition_is_a_rule_and_the_definition_ends_at_its_full_stop():
    """NCT05090358 as a web page gives it: the population sentence, then "HER2 negativity is
    defined as the following ...: * IHC 0 or 1+ or * ... signals/cell. * Presence of ... PIK3CA"."""
    text = (
        "Inclusion Criteria: * Histologically confirmed metastatic HR-positive, HER2-negative "
        "breast cancer. HER2 negativity is defined as the following as per the 2018 ASCO/CAP "
        "guidelines: * IHC score of 0 or 1+ or * IHC 2+ and ISH ratio <2. * Presence of one or "
        "more activating PIK3CA mutations in tumor tissue. * ECOG 0-1"
    )
    got = [t for _, t in _texts(text)]
    assert "Histologically confirmed metastatic HR-positive, HER2-negative breast cancer" in got
    assert "Presence of one or more activating PIK3CA mutations in tumor tissue." in got
    assert any(
        t.startswith("HER2 negativity is defined") and t.endswith("ISH ratio <2.") for t in got
    )
    # parts with no "or" between them all keep the definition
    plain = (
        "Inclusion Criteria:\n* Postmenopausal is defined as the following: \n* Age ≥ 60.\n"
        "* Bilateral oophorectomy.\n"
    )
    assert all(t.startswith("Postmenopausal is defined") for _, t in _texts(plain))


def test_a_sentence_going_on_in_a_lower_case_bullet_is_one_item():
    """NCT03312738 as a web page gives it: "Patient must have as per RECIST 1.1" / "• measurable
    disease or non-measurable lytic ... bone lesions"."""
    text = (
        "Inclusion Criteria:\n- Evidence of progression on the last systemic therapy\n"
        "Patient must have as per RECIST 1.1\n• measurable disease or non-measurable lytic bone "
        "lesions.\n- Able to swallow"
    )
    got = [t for _, t in _texts(text)]
    assert "Evidence of progression on the last systemic therapy" in got
    assert (
        "Patient must have as per RECIST 1.1 measurable disease or non-measurable lytic bone lesions."
        in got
    )
    # an upper-case bullet under a plain line is an item of its own
    other = "Inclusion Criteria:\nAdequate organ function\n• Platelets ≥ 100\n"
    assert len(split(other)) == 2


def test_indicated_for_a_treatment_as_first_or_second_line_is_the_coming_line():
    """NCT02734290: "Indicated for treatment with either weekly paclitaxel or oral capecitabine,
    as first or second-line chemotherapy in the metastatic setting"."""
    text = (
        "Indicated for treatment with either weekly paclitaxel or oral capecitabine, as first or "
        "second-line chemotherapy in the metastatic/unresectable setting"
    )
    # "second-line chemotherapy" numbers chemotherapy lines (thirtieth session): the lines'
    # kinds are given, as a record gives them
    chemo = ["chemotherapy"]
    two = people.facts(lines=2, lines_done=2, chemo_lines=2, line_labels=[chemo, chemo])
    one = people.facts(lines=1, lines_done=1, chemo_lines=1, line_labels=[chemo])
    assert _verdict(text, two) == "not met"
    assert _verdict(text, one) != "not met"


def test_title_age_reads_only_plain_ages():
    got = _record_texts(
        _record("Palbociclib in Patients Aged 70 or Over With Breast Cancer", stated=False)
    )
    assert "Age: 70 or older (from the study title)" in got
    for title in (
        "A Phase 2 Study in 120 Patients With Breast Cancer",
        "Exercise for Women With a BMI of 25 or Over After Breast Cancer",
        "Patients Older Than 65 and Younger Patients With Breast Cancer",
    ):
        got = _record_texts(_record(title, stated=False))
        assert not any(t.startswith("Age") for t in got), title


def test_review_old_nci_headings_need_their_layout():
    """A one-line starred list whose item ends in a heading word ("Prior Chemotherapy") is not the
    old NCI layout; "INCLUSION OF WOMEN AND MINORITIES:" is one heading; "Chemotherapy Not
    specified" asks for nothing."""
    got = [
        t
        for _, t in _texts(
            "Exclusion Criteria: * Prior Chemotherapy * Pregnancy * Known HIV infection"
        )
    ]
    assert "Prior Chemotherapy" in got and "Pregnancy" in got
    flat = (
        "Inclusion Criteria: Metastatic breast cancer with measurable disease documented by "
        "computed tomography or magnetic resonance imaging within four weeks Adequate organ "
        "function within normal limits before the start of any treatment. INCLUSION OF WOMEN AND "
        "MINORITIES: Both men and women of all races are eligible PRIOR CONCURRENT THERAPY: "
        "Biologic therapy Not specified Chemotherapy Not specified Endocrine therapy Not specified"
    )
    got = [t for _, t in _texts(flat)]
    assert "WOMEN" not in got and "Chemotherapy: Not specified" in got
    paclitaxel = _drug("paclitaxel", ["chemotherapy", "taxane"])
    trial = Trial("NCT00000003", title="X", eligibility=flat)
    crits = parse_trial(trial)["criteria"]
    f = people.facts(drugs=[paclitaxel], sex="female")
    assert all(verdict(c, f, {})["verdict"] != "not met" for c in crits)


def test_review_one_prior_regimen_is_a_floor_and_open_above():
    one = "One prior chemotherapy regimen for metastatic disease"

    def had(n):
        return people.facts(chemo_lines=n, lines=n, line_labels=[["chemotherapy"]] * n)

    assert _verdict(one, had(0)) == "not met"
    assert _verdict(one, had(1)) == "met"
    assert _verdict(one, had(3)) == "unknown"
    for text in (
        "Two prior chemotherapy regimens for metastatic disease",
        "Patients with zero or one prior chemotherapy regimen for metastatic disease",
        "Patients may have received one prior chemotherapy regimen for metastatic disease",
    ):
        assert not [c for c in checks(text) if c.get("exact")], text


def test_review_declining_a_treatment_is_read_in_its_own_clause():
    capecitabine = _drug("capecitabine", ["chemotherapy"])
    text = "Must have received an anthracycline and a taxane, or be unsuitable for them; no prior capecitabine"
    assert _verdict(text, people.facts(drugs=[*AC_T, capecitabine])) == "not met"
    assert (
        _verdict("Prior treatment with a taxane, unless contraindicated", people.facts())
        == "unknown"
    )


def test_review_a_dxd_based_adc_is_an_exatecan_payload():
    text = "Prior treatment with a DXd-based ADC"
    assert _verdict(text, people.facts(drugs=[SACITUZUMAB]), "exclusion") == "met"
    assert _verdict(text, people.facts(drugs=[TDXD]), "exclusion") == "not met"


def test_review_a_list_under_a_stem_with_no_colon_stays_a_list():
    text = (
        "Inclusion Criteria:\nPatients must have\n• measurable disease\n• bone-only disease\n"
        "ECOG 0-1\n1. Prior CDK4/6 inhibitor in the metastatic setting\nPatients are eligible if "
        "they progressed within 12 months\n2. Age 18"
    )
    got = [t for _, t in _texts(text)]
    assert "measurable disease" in got
    assert not any(t.startswith("Patients must have measurable") for t in got)
    assert any(t.startswith("Prior CDK4/6 inhibitor") and "12 months" in t for t in got)
