"""Twenty-fifth-session wordings (issue 14), read from the tuning set 66 and from last session's
held-out sets 64 and 65 after they were measured. Each test names the record or the shape its
wording comes from; none is a whole trial, and each is checked both ways."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.match import verdict
from mbcnav.trials.parse import FROM_TITLE, parse_trial
from mbcnav.trials.record import Trial

from . import people
from .one_criterion import checks, parsed


def _drug(name, labels, settings=("metastatic",), start="2024-01-10", end=None, **kw):
    return DrugFact(name, [name, *labels], list(settings), start=start, end=end, **kw)


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def _title_rules(title: str, criteria: str) -> list[str]:
    trial = Trial(nct_id="NCT00000001", title=title, eligibility=criteria)
    return [
        c["text"]
        for c in parse_trial(trial)["criteria"]
        if c["text"].endswith(FROM_TITLE) and not c["text"].startswith("Setting:")
    ]


BYLIEVE = (
    "Study Assessing the Efficacy and Safety of Alpelisib Plus Fulvestrant or Letrozole in "
    "Patients With PIK3CA Mutant, HR+, HER2- Advanced Breast Cancer"
)
CUT = "Inclusion Criteria:\n- Patient is male or female 18 years or older\n"


def test_a_tumour_change_the_title_asks_for_is_a_rule_when_the_criteria_never_name_it():
    """BYLieve (NCT03056755) as a stored web page gives it: the criteria stop before any
    biomarker line, and the title says whom the study is for."""
    assert _title_rules(BYLIEVE, CUT) == [f"PIK3CA Mutant{FROM_TITLE}"]
    title_rule = parsed(f"PIK3CA Mutant{FROM_TITLE}")
    assert _verdict(title_rule["text"], people.facts(biomarkers={"PIK3CA": "not mutated"})) == (
        "not met"
    )
    assert _verdict(title_rule["text"], people.facts(biomarkers={"PIK3CA": "mutated"})) == "met"
    # the criteria name the gene: they say it themselves, with their own conditions
    assert _title_rules(BYLIEVE, CUT + "- PIK3CA mutation by central test\n") == []
    # one gene of two ("BRCA1/2- and HRD-mutated Tumors", NCT06177171), or either state
    assert _title_rules("Olaparib in BRCA1/2- and HRD-mutated Tumors", CUT) == []
    assert _title_rules("Drug X in PIK3CA Mutant or Wild-type Breast Cancer", CUT) == []
    assert _title_rules("Drug X With or Without Drug Y in PIK3CA-mutated Cancer", CUT) == []


def test_progression_during_or_after_the_most_recent_treatment_reads_the_latest_scan():
    """NCT03734029 (DESTINY-Breast04): "documented radiologic progression (during or after most
    recent treatment)". A scan well into the line going on now that shows no growth settles it,
    whatever ended before (adjuvant therapy, chemotherapy before maintenance: set 65)."""
    text = "Has documented radiologic progression (during or after most recent treatment)"
    (c,) = checks(text)
    assert (c["type"], c["min"], c["done"]) == ("lines", 1, True)
    earlier = [
        _drug(
            "anastrozole",
            ["aromatase inhibitor", "endocrine therapy"],
            ("adjuvant",),
            "2024-02-12",
            "2025-08-19",
            progressed=True,
        ),
        _drug(
            "paclitaxel", ["chemotherapy", "taxane"], ("metastatic",), "2025-08-25", "2025-12-01"
        ),
        _drug(
            "fulvestrant",
            ["SERD", "endocrine therapy"],
            ("metastatic",),
            "2025-12-08",
            ongoing=True,
        ),
    ]
    responding = people.facts(
        lines=1, lines_done=0, drugs=earlier, growing_now=(False, "2025-11-24")
    )
    assert _verdict(text, responding) == "not met"
    growing = people.facts(lines=1, lines_done=0, drugs=earlier, growing_now=(True, "2026-01-05"))
    assert _verdict(text, growing) == "met"
    no_scan = people.facts(lines=1, lines_done=0, drugs=earlier, growing_now=None)
    assert _verdict(text, no_scan) == "unknown"


ABEMA_ADJ = _drug("abemaciclib", ["CDK4/6 inhibitor"], ("adjuvant",), "2021-11-01", "2023-11-01")
LETROZOLE_ADJ = _drug(
    "letrozole",
    ["aromatase inhibitor", "endocrine therapy"],
    ("adjuvant",),
    "2021-10-01",
    "2025-11-28",
    progressed=True,
)


def test_progressed_during_or_after_counts_a_relapse_after_an_adjuvant_drug():
    """NCT05501886 (VIKTORIA-1): "Progressed during or after CDK4/6 inhibitor combination
    treatment": adjuvant abemaciclib ended two years before the cancer spread on letrozole (set
    64). Growth "on" the drug alone is still asked for where the words say only "on"."""
    after = "Progressed during or after CDK4/6 inhibitor treatment"
    assert checks(after)[0].get("after") is True
    person = people.facts(drugs=[ABEMA_ADJ, LETROZOLE_ADJ], diagnosed_on="2025-11-20")
    assert _verdict(after, person) == "met"
    on_only = "Progressed on CDK4/6 inhibitor treatment"
    assert not checks(on_only)[0].get("after")
    assert _verdict(on_only, person) == "not met"
    # nothing grew after it: still not met
    calm = people.facts(drugs=[ABEMA_ADJ], diagnosed_on="2021-06-01")
    assert _verdict(after, calm) == "not met"


def test_the_growth_named_is_on_the_drug_it_happened_on():
    """ "The cancer grew on anastrozole, fulvestrant" named a drug still working (set 65)."""
    text = "Has progressed on endocrine therapy"
    fulv = _drug("fulvestrant", ["SERD", "endocrine therapy"], ongoing=True)
    ana = _drug(
        "anastrozole",
        ["aromatase inhibitor", "endocrine therapy"],
        ("adjuvant",),
        end="2025-08-19",
        progressed=True,
    )
    why = verdict(parsed(text), people.facts(drugs=[ana, fulv]), {})["why"]
    assert "anastrozole" in why and "fulvestrant" not in why


def test_a_result_on_file_is_asked_for_by_documented_or_confirmed():
    """NCT06380751: "Documented germline tumour loss of function mutation in BRCA1, BRCA2, or
    PALB2". The screening set's rule: a marker never tested does not meet a rule that asks for a
    documented one; a neutral wording, or one that names a test to come, stays open."""
    text = "Documented germline tumour loss of function mutation in BRCA1, BRCA2, or PALB2"
    assert checks(text)[0].get("documented") is True
    untested = people.facts()
    assert _verdict(text, untested) == "not met"
    assert _verdict(text, people.facts(germline_brca=True)) == "met"
    assert _verdict("Germline BRCA1 or BRCA2 mutation", untested) == "unknown"
    later = "Documented germline BRCA mutation, which may be determined at screening"
    assert not checks(later)[0].get("documented")
    # "confirmed" about the cancer is no demand on the marker
    cancer = "Histologically confirmed breast cancer with a PIK3CA mutation"
    assert not checks(cancer)[0].get("documented")
    assert _verdict("Confirmed PIK3CA mutation", untested) == "not met"
    # a note (free text) is never a full list of results
    assert _verdict(text, people.facts(therapies_known=False)) == "unknown"


def test_a_relapse_window_after_the_last_dose_reads_the_dates():
    """NCT06760637: "Have received prior (neo)adjuvant endocrine therapy (ET) and had recurrence
    during or within 12 months after the last dose of ET" (set 64; "the last dose of" had stopped
    every drug of the rule being read), and its CDK4/6 twin."""
    cdk = (
        "Have received prior (neo)adjuvant CDK4/6i and had recurrence during or within 12 months "
        "after the last dose of CDK4/6i."
    )
    (c,) = checks(cdk, "exclusion")
    assert c["mode"] == "progressed" and round(c["relapse_within"]) == 365
    late = people.facts(drugs=[ABEMA_ADJ, LETROZOLE_ADJ], diagnosed_on="2025-11-20")
    assert _verdict(cdk, late, "exclusion") == "met"  # 25 months after: not excluded
    soon = people.facts(
        drugs=[
            _drug("abemaciclib", ["CDK4/6 inhibitor"], ("adjuvant",), "2023-01-01", "2025-01-01")
        ],
        diagnosed_on="2025-08-01",
    )
    assert _verdict(cdk, soon, "exclusion") == "not met"
    et = cdk.replace("CDK4/6i", "endocrine therapy (ET)", 1).replace("of CDK4/6i", "of ET")
    assert checks(et, "exclusion"), "the last dose of ET is no dose limit"
    assert _verdict(et, late, "exclusion") == "not met"  # relapse on adjuvant letrozole
    # a window from completing adjuvant therapy, with dates that settle it
    inc = "Recurrence while on, or within one year (12 months) of end of adjuvant letrozole"
    assert (
        _verdict(
            inc,
            people.facts(
                drugs=[
                    _drug(
                        "letrozole",
                        ["aromatase inhibitor", "endocrine therapy"],
                        ("adjuvant",),
                        "2019-01-01",
                        "2024-01-01",
                    )
                ],
                diagnosed_on="2025-09-01",
            ),
        )
        == "not met"
    )


def test_prior_therapy_other_than_one_kind_bars_every_other_kind():
    """NCT01602380: "Prior systemic therapy for breast cancer other than one line of cytotoxic
    chemotherapy" (an exclusion, set 66)."""
    text = "Prior systemic therapy for breast cancer other than one line of cytotoxic chemotherapy"
    (c,) = [c for c in checks(text, "exclusion") if c["type"] == "ever_treated"]
    assert c["except"] == ["chemotherapy"]
    letrozole = _drug("letrozole", ["aromatase inhibitor", "endocrine therapy"])
    paclitaxel = _drug("paclitaxel", ["chemotherapy", "taxane"])
    assert _verdict(text, people.facts(drugs=[letrozole, paclitaxel]), "exclusion") == "not met"
    assert _verdict(text, people.facts(drugs=[paclitaxel]), "exclusion") == "met"
    assert _verdict(text, people.facts(), "exclusion") == "met"
    # a setting, not a kind of treatment, is no list of what is allowed
    assert all(
        c["type"] != "ever_treated"
        for c in checks("Prior therapy for breast cancer other than in the adjuvant setting")
    )


def test_kinds_of_chemotherapy_are_a_count_of_regimens():
    """NCT03204734: "For recurrent or metastatic lesions has had at least 1 but no more than 3
    kinds of chemotherapy" (set 66)."""
    (c,) = [
        c
        for c in checks(
            "For recurrent or metastatic lesions has had at least 1 but no more than 3 kinds of "
            "chemotherapy"
        )
        if c["type"] == "lines"
    ]
    assert (c["min"], c["max"], c["class"]) == (1, 3, "chemotherapy")


def test_a_way_in_that_is_allowed_is_no_requirement():
    """NCT00567190: "participants with de novo Stage IV disease are eligible" (set 66)."""
    types = lambda t: [c["type"] for c in checks(t)]  # noqa: E731
    assert "de_novo" not in types("Participants with de novo Stage IV disease are eligible")
    assert "de_novo" in types("De novo metastatic breast cancer")


def test_a_dash_list_whose_line_breaks_were_lost_is_read_item_by_item():
    """NCT00567190 as a web page gives it: "- Histologically ... - Human epidermal growth factor
    receptor 2 (HER2)-positive metastatic breast cancer (MBC) - Left ventricular ..."."""
    from mbcnav.trials.split import split

    text = (
        "- Histologically confirmed adenocarcinoma of the breast with metastatic disease "
        "- Human epidermal growth factor receptor 2 (HER2)-positive metastatic breast cancer (MBC) "
        "- Left ventricular ejection fraction (LVEF) >= 50 percent (%) at baseline"
    )
    texts = [c.text for c in split(text)]
    assert len(texts) == 3 and texts[1].startswith("Human epidermal")
    # one dash between words is a dash
    assert len(split("- Grade 2 - 3 neuropathy within 4 weeks")) == 1


def test_women_past_menopause_when_the_study_never_names_suppression():
    """NCT05716516: "Post-menopausal women with ER+ breast cancer", and nothing in the study of
    ovarian suppression or women before menopause (set 66): a woman on goserelin is not past
    menopause for it; a study that names either leaves it to the study team."""

    def verdict_for(criteria: str) -> str:
        trial = Trial(nct_id="NCT00000002", title="Drug X", eligibility=criteria)
        f = people.facts(menopause="suppressed")
        crits = parse_trial(trial)["criteria"]
        (crit,) = [c for c in crits if c["text"].startswith("Post-menopausal")]
        return verdict(crit, f, {})["verdict"]

    only = "Inclusion Criteria:\n- Post-menopausal women with ER+ breast cancer.\n"
    assert verdict_for(only) == "not met"
    named = only + "- Premenopausal women must receive goserelin.\n"
    assert verdict_for(named) == "unknown"


def test_measurable_disease_or_bone_only_disease():
    """NCT06760637: "Measurable disease or non-measurable bone only disease as defined by RECIST
    version 1.1" (set 64: bone and a pleural effusion, neither measurable)."""
    text = "Measurable disease or non-measurable bone only disease as defined by RECIST version 1.1"
    assert checks(text)[0]["or_bone_only"] is True
    effusion = people.facts(sites=["bone", "pleura"], measurable=False)
    assert _verdict(text, effusion) == "not met"
    assert _verdict(text, people.facts(sites=["bone"], measurable=False)) == "met"
    assert _verdict(text, people.facts(sites=["liver"], measurable=None)) == "unknown"
    assert checks("Measurable or non-measurable disease") == []


def test_brain_metastases_never_treated_are_untreated():
    """NCT03002532: "New developing brain metastases ... without a history of BM treatment"
    (set 66)."""
    text = (
        "New developing brain metastases (BM) is confirmed by MRI, with or without clinical "
        "symptoms, and without a history of BM treatment."
    )
    assert checks(text)[0]["status"] == "active"
    assert _verdict(text, people.facts(brain="treated-stable")) == "not met"
    assert _verdict(text, people.facts(brain="active")) == "met"


def test_progression_on_lines_of_one_kind_for_metastatic_disease():
    """NCT06312176: "Has radiographic disease progression on one or more lines of endocrine
    therapy for unresectable locally advanced/metastatic ... breast cancer" (set 64): a first
    line still working has not progressed; with no scan since it began, it stays open."""
    text = (
        "Has radiographic disease progression on one or more lines of endocrine therapy for "
        "unresectable locally advanced/metastatic breast cancer"
    )
    line = [["fulvestrant", "endocrine therapy", "CDK4/6 inhibitor"]]
    base = dict(lines=1, lines_done=0, line_labels=line, line_ended=[False])
    assert _verdict(text, people.facts(**base, growing_now=(False, "2025-12-20"))) == "not met"
    assert _verdict(text, people.facts(**base, growing_now=(True, "2025-12-20"))) == "met"
    assert _verdict(text, people.facts(**base, growing_now=None)) == "unknown"
    ended = dict(lines=1, lines_done=1, line_labels=line, line_ended=[True])
    assert _verdict(text, people.facts(**ended)) == "met"


def test_brca_or_other_hereditary_genes_is_a_panel():
    """ "Women known to be BRCA1/2 or other hereditary genes mutation carriers": a negative BRCA
    test says nothing of the other genes, and the untested are not ruled out by "known"."""
    text = "Women known to be BRCA1/2 or other hereditary genes mutation carriers."
    (brca,) = [c for c in checks(text) if c["type"] == "biomarker"]
    assert brca.get("panel") is True
    assert _verdict(text, people.facts(germline_brca=False)) == "unknown"
    assert _verdict(text, people.facts()) == "unknown"
    assert _verdict(text, people.facts(germline_brca=True)) == "met"


def test_review_a_window_between_the_growth_and_the_drug_is_no_growth_after_it():
    late = people.facts(
        drugs=[
            _drug(
                "anastrozole",
                ["aromatase inhibitor", "endocrine therapy"],
                ("adjuvant",),
                "2018-01-01",
                "2023-01-01",
            )
        ],
        diagnosed_on="2025-06-01",
    )
    for text in (
        "Disease recurrence less than 12 months after completion of adjuvant aromatase inhibitor "
        "therapy",
        "Relapse in the first 12 months after the end of adjuvant aromatase inhibitor",
    ):
        assert not any(c.get("after") for c in checks(text, "exclusion")), text
        assert _verdict(text, late, "exclusion") != "not met", text


def test_review_an_adjuvant_setting_named_keeps_the_relapse_on_adjuvant_therapy():
    text = (
        "Progression on at least one line of endocrine therapy in the advanced or adjuvant setting"
    )
    relapsed = people.facts(
        lines=1,
        lines_done=0,
        line_labels=[["fulvestrant", "endocrine therapy"]],
        line_ended=[False],
        growing_now=(False, "2025-12-01"),
        drugs=[LETROZOLE_ADJ],
    )
    assert _verdict(text, relapsed) != "not met"


def test_review_other_than_a_kind_with_a_time_or_setting_after_it_is_not_read():
    paclitaxel = _drug(
        "paclitaxel", ["chemotherapy", "taxane"], ("adjuvant",), "2019-01-01", "2019-06-01"
    )
    for text in (
        "Prior anticancer therapy for breast cancer, other than endocrine therapy, within 3 weeks "
        "before the first dose",
        "Previous treatment for breast cancer other than endocrine therapy in the metastatic "
        "setting",
        "Prior therapy for the disease other than chemotherapy must be stopped 2 weeks before",
    ):
        assert not any(c["type"] == "ever_treated" for c in checks(text, "exclusion")), text
    inclusion = (
        "Any prior therapy for the disease, other than hormonal therapy, must have been completed"
    )
    assert not any(c["type"] == "ever_treated" for c in checks(inclusion))
    # one line of chemotherapy allowed: two are not
    text = "Prior systemic therapy for breast cancer other than one line of cytotoxic chemotherapy"
    two = people.facts(
        drugs=[paclitaxel],
        line_labels=[["capecitabine", "chemotherapy"], ["eribulin", "chemotherapy"]],
    )
    assert _verdict(text, two, "exclusion") == "not met"


def test_review_documented_in_an_option_a_status_or_with_a_test_to_come_stays_open():
    untested = people.facts()
    for text in (
        "Triple-negative breast cancer, or HR-positive HER2-negative breast cancer with a known "
        "germline BRCA1/2 mutation",
        "Patients with a known germline BRCA mutation may also be included",
        "Known PIK3CA mutation status",
        "Patient has a known PIK3CA mutation or will undergo PIK3CA testing",
        "Documented PIK3CA mutation. Patients without a prior result may submit tissue for testing.",
        "Confirmed diagnosis of HR-positive, HER2-negative, PIK3CA-mutated advanced breast cancer",
    ):
        assert not any(c.get("documented") for c in checks(text)), text
    assert _verdict("No known germline BRCA mutation", untested) != "not met"


def test_review_suppression_named_in_other_words_leaves_it_to_the_study_team():
    def verdict_for(criteria: str, **trial) -> str:
        t = Trial(nct_id="NCT00000003", title="Drug X", eligibility=criteria, **trial)
        crit = next(
            c for c in parse_trial(t)["criteria"] if c["text"].startswith("Postmenopausal women")
        )
        return verdict(crit, people.facts(menopause="suppressed"), {})["verdict"]

    base = "Inclusion Criteria:\n- Postmenopausal women with HR+ breast cancer.\n"
    assert verdict_for(base) == "not met"
    for extra in (
        "- Women (pre- or post-menopausal) may take part.\n",
        "- Postmenopausal or receiving LH-RH agonist.\n",
        "- Women on a luteinizing hormone-releasing hormone agonist are accepted.\n",
        "- Chemically induced menopause is accepted.\n",
    ):
        assert verdict_for(base + extra) == "unknown", extra
    assert verdict_for(base, summary="Goserelin is given to premenopausal women.") == "unknown"


def test_review_no_progression_during_the_most_recent_treatment_is_no_count():
    for text in (
        "Patients without disease progression during the most recent treatment (stable disease "
        "or better)",
        "Has not experienced progression during the last treatment",
    ):
        assert not [c for c in checks(text) if c["type"] == "lines"], text


def test_review_kinds_of_chemotherapy_drugs_are_no_lines():
    text = (
        "Previously treated with at least two types of chemotherapy, including an anthracycline "
        "and a taxane"
    )
    assert not [c for c in checks(text) if c["type"] == "lines"]


def test_review_a_title_about_finding_a_change_is_no_rule():
    for title in (
        "Liquid Biopsy Detection of ESR1 Mutations in Patients With Metastatic Breast Cancer",
        "Prevalence of PIK3CA Mutations in Breast Cancer",
        "Screening for BRCA Mutations in Women With TNBC",
    ):
        assert _title_rules(title, CUT) == [], title


def test_review_a_named_brain_treatment_not_had_is_no_untreated_requirement():
    text = "At least one measurable brain metastasis, without prior whole brain radiotherapy"
    (c,) = [c for c in checks(text) if c["type"] == "brain"]
    assert c["status"] != "active"


def test_review_an_undated_adjuvant_drug_leaves_the_window_open():
    text = "Recurrence within 12 months of completing (neo)adjuvant chemotherapy"
    person = people.facts(
        drugs=[
            _drug(
                "paclitaxel",
                ["chemotherapy", "taxane"],
                ("neoadjuvant",),
                "2022-01-01",
                "2022-05-01",
            ),
            _drug("capecitabine", ["chemotherapy"], ("adjuvant",), None, None),
        ],
        diagnosed_on="2024-03-01",
    )
    assert _verdict(text, person) == "unknown"
