"""Twelfth-session wordings (issue 14), from the registry text of tuning set 30 and, read after
they were measured, of earlier sets. Each test names the record its wording comes from; none is
a whole trial. Several records of set 30 come from a copy of the registry that lost the
indentation of its lists, so a sub-list sits at its stem's indent."""

from mbcnav.trials.criteria import parse_criteria
from mbcnav.trials.match import match, verdict
from mbcnav.trials.modality import modality
from mbcnav.trials.split import split

from . import people
from .one_criterion import checks, parsed


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def parsed_all(raw: str) -> list[dict]:
    return parse_criteria(split(raw))


def _texts(raw: str) -> list[tuple[str, str, int]]:
    return [(c.kind, c.text, c.any_of) for c in split(raw)]


FLAT_TUMOUR_TYPES = """Inclusion Criteria:
 - Participants must have one of the following histologically or cytologically confirmed
 locally advanced unresectable or metastatic solid tumor types:
 - High-grade serous epithelial ovarian cancer, primary peritoneal cancer, or
 fallopian tube cancer
 - HER2-negative, HR positive breast cancer
 - Triple-negative breast cancer (TNBC)
 - Adenoid cystic carcinoma (ACC) of the head and neck
 - Parts A and B: Participants must have disease that is relapsed or refractory
 - Eastern Cooperative Oncology Group (ECOG) Performance Status of 0 or 1
 Exclusion Criteria:
 - Known active central nervous system metastases. Participants with previously treated
 brain metastases may participate provided they:
 - are clinically stable for at least 4 weeks prior to study entry
 - have no new or enlarging brain metastases
 - Carcinomatous meningitis
"""  # NCT05194072, indentation as the source kept it


def test_a_flat_list_under_one_of_the_following_is_one_set_of_options():
    items = _texts(FLAT_TUMOUR_TYPES)
    options = [t for k, t, g in items if k == "inclusion" and g]
    assert len(options) == 4 and all("one of the following" in t for t in options)
    assert any(t.endswith("Adenoid cystic carcinoma (ACC) of the head and neck") for t in options)
    # the list ends at the first item that is a sentence of its own
    rest = [t for k, t, g in items if k == "inclusion" and not g]
    assert rest[0].startswith("Parts A and B: Participants must have")
    assert rest[1].startswith("Eastern Cooperative Oncology Group")


def test_flat_lower_case_items_go_on_their_stem_and_the_list_ends_at_a_capital():
    exclusions = [t for k, t, _ in _texts(FLAT_TUMOUR_TYPES) if k == "exclusion"]
    assert exclusions[0].startswith("Known active central nervous system metastases.")
    assert exclusions[0].endswith(
        "provided they: are clinically stable for at least 4 weeks prior to study entry"
    )
    assert exclusions[1].endswith("provided they: have no new or enlarging brain metastases")
    assert exclusions[2] == "Carcinomatous meningitis"


def test_no_option_for_another_cancer_lets_a_breast_patient_in():
    trial = {"criteria": parsed_all(FLAT_TUMOUR_TYPES)}
    her2_positive = people.facts(hr="negative", her2="positive", brain="none")
    result = match(trial, her2_positive)
    assert result["fit"] == "unlikely"
    hr_positive = people.facts(hr="positive", her2="zero", brain="none", ecog=0)
    assert match(trial, hr_positive)["fit"] != "unlikely"


NUMBERED_RESTART = """Inclusion Criteria For All Phases and Cohorts:
 1. Recovered from toxicity to prior anti-cancer therapy
 Cohort-Specific Inclusion Criteria: In addition to the inclusion criteria listed above, the
 following criteria apply for enrollment into specific cohorts.
 Phase 1b (Combination Study with Enzalutamide or Olaparib)
 1. Life expectancy of > 3 months
 2. One of the following tumor types:
 1. Pancreatic: Progression on or after treatment with at least one line of systemic
 chemotherapy in the advanced setting.
 2. Breast: Triple-negative breast cancer (TNBC) with progression on or after
 treatment with at least one line of systemic chemotherapy in the advanced
 setting.
 Phase 2 (Monotherapy Study) and Phase 2b (Combination Study with Enzalutamide or Olaparib)
 1. Life expectancy of > 6 months
"""  # NCT05252390


def test_numbering_that_starts_again_under_a_stem_is_the_stems_list():
    items = _texts(NUMBERED_RESTART)
    texts = [t for _, t, _ in items]
    assert texts[0] == "Recovered from toxicity to prior anti-cancer therapy"
    # the group header keeps its words together, and the wrapped line joins them
    assert "Cohort-Specific" not in texts
    assert not any(t.startswith("following criteria apply") for t in texts)
    options = [t for _, t, g in items if g]
    assert len(options) == 2
    assert all(
        t.startswith("Phase 1b (Combination Study with Enzalutamide or Olaparib): One of")
        for t in options
    )
    # a bracketed phase heading is a heading, not words of the item above it
    assert texts[-1].startswith("Phase 2 (Monotherapy Study) and Phase 2b")
    assert texts[-1].endswith("Life expectancy of > 6 months")


def test_an_inability_in_the_inclusion_list_is_an_exclusion():
    raw = (  # NCT04469127: a numbered "Additional inclusion criterion" stem inside the exclusions
        "Inclusion Criteria:\n1. Age 18 or older\n\nExclusion Criteria:\n1. eGFR ≤ 50.\n"
        "2. Additional inclusion criterion for measure human dosimetry\n\n"
        "    1. Unable to comply with the requirements of the dosimetry imaging protocol\n"
    )
    kinds = {t: k for k, t, _ in _texts(raw)}
    assert (
        kinds["Unable to comply with the requirements of the dosimetry imaging protocol"]
        == "exclusion"
    )
    # "unable" elsewhere in an inclusion does not move it
    raw = "Inclusion Criteria:\n* Women who are able to swallow tablets; unable to get pregnant\n"
    assert _texts(raw)[0][0] == "inclusion"


def test_words_run_together_are_read_apart():
    text = (  # NCT04355858
        "Treatment with chemotherapy, radiotherapy, immunotherapy or surgery (outpatient clinic "
        "surgery excluded)within3 weeks prior to initiation of study treatment(bisphosphonates "
        "can be used for bone metastasis);"
    )
    raw = f"Exclusion Criteria:\n- {text}\n"
    read = split(raw)[0].text
    assert "excluded) within 3 weeks" in read and "treatment (bisphosphonates" in read
    # a window of weeks before the first dose is the study team's to check at screening
    assert _verdict(read, people.facts(chemo_lines=1, lines=1), "exclusion") == "unknown"
    # a short bracket that is part of a word stays as written
    raw = "Inclusion Criteria:\n* Prior (neo)adjuvant therapy allowed\n"
    assert split(raw)[0].text == "Prior (neo)adjuvant therapy allowed"


def test_a_status_named_in_an_exception_is_not_the_rules_subject():
    text = (  # NCT05252390
        "Have received chemotherapy, hormonal therapy (except for ongoing luteinizing "
        "hormone-releasing hormone [LHRH] analogs in male patients and premenopausal women), "
        "radiation, or biological anti-cancer therapy within 14 days prior to the first dose"
    )
    assert "menopause" not in {c["type"] for c in checks(text, "exclusion")}
    suppressed = people.facts(menopause="suppressed")
    assert _verdict(text, suppressed, "exclusion") == "unknown"
    # an exception that is not in brackets does not reach the rule after its comma
    rule = "Except for patients enrolled in Cohort B, participants must be postmenopausal"
    assert "menopause" in {c["type"] for c in checks(rule)}
    # the status said as the rule still is one
    assert _verdict("Premenopausal women", suppressed, "exclusion") == "not met"


def test_an_exception_for_small_brain_lesions_leaves_untreated_ones_open():
    text = (  # NCT04445844
        "Known active, untreated central nervous system (CNS) metastases and/or carcinomatous "
        "meningitis except for patients with ≤ 3 small (< 0.6 cm) asymptomatic brain lesions "
        "where treatment is not indicated."
    )
    assert _verdict(text, people.facts(brain="active"), "exclusion") == "unknown"
    assert _verdict(text, people.facts(brain="none"), "exclusion") == "met"
    # an exception for treated, stable ones leaves untreated ones excluded
    treated_only = (
        "Known active, untreated CNS metastases, except for patients with previously treated "
        "stable brain metastases."
    )
    assert _verdict(treated_only, people.facts(brain="active"), "exclusion") == "not met"


def test_what_surgery_removed_is_no_rule_about_the_brain():
    text = "Patients who have undergone complete resection of all known brain metastases"  # NCT03449238
    assert "brain" not in {c["type"] for c in checks(text, "exclusion")}
    assert _verdict(text, people.facts(brain="active"), "exclusion") == "unknown"


def test_brain_metastases_with_their_state_between_the_words_are_read():
    text = (  # NCT03449238
        "Men and/or pre- or post-menopausal women with metastatic breast cancer with at least 2 "
        "intracranial untreated and measurable (≥ 3mm) metastases as visualized on brain MRI"
    )
    brain = [c for c in checks(text) if c["type"] == "brain"]
    assert brain and brain[0]["status"] == "active"
    assert _verdict(text, people.facts(brain="treated-stable")) == "not met"


def test_a_cancer_named_by_its_organ_after_carcinoma_is_another_cancer():
    assert (
        modality("Adenoid cystic carcinoma (ACC) of the head and neck", "inclusion")
        == "other_cancer"
    )
    assert modality("Invasive carcinoma of the breast", "inclusion") == "required"
    # a tumour in the liver may be breast cancer spread there
    text = "At least one measurable tumour of the liver amenable to ablation"
    assert modality(text, "inclusion") == "required"


def test_bone_metastases_as_the_only_lesions_is_bone_only_disease():
    text = "Bone metastases are the only known lesions."  # NCT04469127
    assert [c["value"] for c in checks(text, "exclusion") if c["type"] == "site"] == ["bone-only"]
    bone_only = people.facts(sites=["bone"])
    assert _verdict(text, bone_only, "exclusion") == "not met"
    assert _verdict(text, people.facts(sites=["bone", "liver"]), "exclusion") == "met"


def test_with_or_without_after_a_requirement_makes_only_what_follows_optional():
    text = (  # NCT04469127
        "Tumor progression resistant or refractory to at least one prior lines of standard "
        "chemotherapy which include trastuzumab and/or Ado-trastuzumab with or without "
        "chemotherapy agents."
    )
    assert modality(text, "inclusion") == "required"
    drugs = [
        c for c in checks(text) if c["type"] == "therapy" and "trastuzumab" in c["value"].lower()
    ]
    assert drugs and not any(c.get("allowed") for c in drugs)
    # at the start, or after the people it is about, it is the allowance itself
    assert modality("With or without prior CDK4/6 inhibitor therapy", "inclusion") == "permitted"
    assert modality("Patients with or without brain metastases", "inclusion") == "permitted"
    assert modality("Prior chemotherapy with or without bevacizumab", "inclusion") == "required"
    # a drug in brackets after "with or without" is the optional one
    optional = checks("Progression on fulvestrant with or without (palbociclib)")
    assert any(c.get("allowed") for c in optional if c["value"].lower() == "palbociclib")


def test_a_therapy_in_either_setting_counts_in_any():
    text = (  # NCT04892693
        "Previously treated with a taxane, unless this treatment was contraindicated (whether in "
        "recurrent/metastatic setting or in neoadjuvant/adjuvant setting)."
    )
    taxane = [c for c in checks(text) if c["type"] == "therapy"]
    assert taxane and all(c["setting"] is None for c in taxane)
    only = checks("Previously treated with a taxane in the metastatic setting")
    assert [c["setting"] for c in only if c["type"] == "therapy"] == ["metastatic"]


def test_years_free_of_another_cancer_are_no_age():
    text = "Malignancy treated with curative intent and with no known active disease ≥3 years"
    assert "age" not in {c["type"] for c in checks(text, "exclusion")}  # NCT04892693
    assert [c["min"] for c in checks("Adults ≥ 19 years") if c["type"] == "age"] == [19]
    both = "Age ≥ 18 years and disease-free interval ≥ 12 months"
    assert [c["min"] for c in checks(both) if c["type"] == "age"] == [18]


def test_a_stem_ending_on_except_for_carries_into_its_flat_list():
    raw = (  # NCT04892693, indentation as the source kept it
        "Exclusion Criteria:\n 4. History of another primary malignancy except for\n"
        " - Malignancy treated with curative intent and with no known active disease ≥3 years\n"
        " - contralateral breast cancer\n 5. History of leptomeningeal carcinomatosis\n"
    )
    texts = [t for _, t, _ in _texts(raw)]
    assert texts[0].startswith("History of another primary malignancy except for: Malignancy")
    assert (
        texts[1] == "History of another primary malignancy except for: contralateral breast cancer"
    )
    assert texts[2] == "History of leptomeningeal carcinomatosis"


# Ordinary registry texts the flat-list rules must leave as they were (from the review of
# this round: each was merged or made optional by a first version of the rules)
ORDINARY = {
    "Exclusion Criteria:\n - Clinically significant lymphedema of\n the affected arm\n"
    " - Active brain metastases\n": [
        "Clinically significant lymphedema of the affected arm",
        "Active brain metastases",
    ],
    "Inclusion Criteria:\n1. Age ≥ 18\n2. One of the following: 1) HR+ disease 2) TNBC\n"
    "3. ECOG 0-1\n4. Measurable disease\n": [
        "Age ≥ 18",
        "One of the following: HR+ disease",
        "One of the following: TNBC",
        "ECOG 0-1",
        "Measurable disease",
    ],
    "Inclusion Criteria:\n - Participants must have one of the following tumor types:\n"
    " - Triple-negative breast cancer (TNBC)\n - ECOG performance status 0 or 1\n": [
        "Participants must have one of the following tumor types: Triple-negative breast cancer (TNBC)",
        "ECOG performance status 0 or 1",
    ],
    "Inclusion Criteria: Women aged 18 or older\nHistologically confirmed metastatic breast "
    "cancer\n\nExclusion Criteria: Pregnancy\nActive brain metastases\n": [
        "Women aged 18 or older",
        "Histologically confirmed metastatic breast cancer",
        "Pregnancy",
        "Active brain metastases",
    ],
    "Exclusion Criteria:\n - Participants with treated brain metastases may participate "
    "provided they:\n - are clinically stable\n - eGFR < 30 mL/min\n": [
        "Participants with treated brain metastases may participate provided they: are clinically stable",
        "eGFR < 30 mL/min",
    ],
    # second review: a numbered stem over dash entries, a labelled parent item, a criterion of
    # its own under "one of the following", a lower-case line after a header
    "Inclusion Criteria:\n1. Age ≥ 18\n2. One of the following:\n- HR+ breast cancer\n- TNBC\n"
    "- ECOG 0-1\n- Measurable disease\n": [
        "Age ≥ 18",
        "One of the following: HR+ breast cancer",
        "One of the following: TNBC",
        "ECOG 0-1",
        "Measurable disease",
    ],
    "Inclusion Criteria:\n1. Age ≥ 18\n2. One of the following tumor types:\n1. Breast: TNBC\n"
    "2. Ovarian: HGSOC\n3. Performance status: ECOG 0-1\n": [
        "Age ≥ 18",
        "One of the following tumor types: Breast: TNBC",
        "One of the following tumor types: Ovarian: HGSOC",
        "Performance status: ECOG 0-1",
    ],
    "Exclusion Criteria:\n 4. Another malignancy except for\n - Adequately treated basal cell "
    "carcinoma of the skin\n - Prior treatment with a CDK4/6 inhibitor for metastatic breast "
    "cancer\n 5. Pregnancy\n": [
        "Another malignancy except for: Adequately treated basal cell carcinoma of the skin",
        "Prior treatment with a CDK4/6 inhibitor for metastatic breast cancer",
        "Pregnancy",
    ],
    "Inclusion Criteria:\n - Participants must have one of the following:\n - Triple-negative "
    "breast cancer\n - Documented progression of breast cancer on a prior CDK4/6 inhibitor\n": [
        "Participants must have one of the following: Triple-negative breast cancer",
        "Documented progression of breast cancer on a prior CDK4/6 inhibitor",
    ],
    "Exclusion Criteria: Pregnancy\nactive brain metastases\n": [
        "Pregnancy",
        "active brain metastases",
    ],
}


def test_ordinary_lists_keep_their_criteria_apart():
    for raw, expected in ORDINARY.items():
        assert [t for _, t, _ in _texts(raw)] == expected, raw
    # the options of an inline list stay options; the parent's next items stay required
    assert [g for _, _, g in _texts(list(ORDINARY)[1])] == [0, 1, 1, 0, 0]


def test_a_second_header_on_a_line_still_starts_its_section():
    raw = "Key Inclusion Criteria: Age ≥ 18 years. Key Exclusion Criteria: Pregnancy or breastfeeding."
    assert ("exclusion", "Pregnancy or breastfeeding.") in {(k, t) for k, t, _ in _texts(raw)}


def test_unable_to_tolerate_chemotherapy_stays_an_inclusion():
    raw = (
        "Inclusion Criteria:\n* Unable to tolerate or unwilling to receive further chemotherapy\n"
        "* Refusal of standard chemotherapy\n"
    )
    assert [k for k, _, _ in _texts(raw)] == ["inclusion", "inclusion"]
