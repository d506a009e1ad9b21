from mbcnav.trials.split import split


def texts(crits, kind):
    return [c.text for c in crits if c.kind == kind]


def test_ctgov_markdown_bullets_and_headers():
    text = "Inclusion Criteria:\n\n* Age 18 or older\n* Stage IV breast cancer\n\nExclusion Criteria:\n\n* Active brain metastases\n"
    crits = split(text)
    assert texts(crits, "inclusion") == ["Age 18 or older", "Stage IV breast cancer"]
    assert texts(crits, "exclusion") == ["Active brain metastases"]
    assert [c.number for c in crits] == [1, 2, 1]


def test_nested_sub_items_carry_the_stem():
    text = (
        "Inclusion Criteria:\n"
        "1. Adequate organ function defined as:\n"
        "   a. ANC >= 1500/uL\n"
        "   b. Platelets >= 100,000/uL\n"
        "2. ECOG 0-1\n"
    )
    inc = texts(split(text), "inclusion")
    assert inc == [
        "Adequate organ function defined as: ANC ≥ 1500/uL",
        "Adequate organ function defined as: Platelets ≥ 100,000/uL",
        "ECOG 0-1",
    ]


def test_children_of_a_full_sentence_are_separate_criteria():
    text = "Inclusion Criteria:\n* Measurable disease per RECIST 1.1.\n  * Bone-only disease is allowed.\n"
    assert texts(split(text), "inclusion") == [
        "Measurable disease per RECIST 1.1.",
        "Bone-only disease is allowed.",
    ]


def test_odd_headers():
    text = (
        "* INCLUSION CRITERIA:\n\nKey Inclusion Criteria for Part A\n- HER2-positive disease\n"
        "KEY EXCLUSION CRITERIA\n- Prior tucatinib\n"
        "Patients are not eligible if they meet any of the following:\n- Leptomeningeal disease\n"
    )
    crits = split(text)
    # a header naming a part scopes the items under it, until the next header
    assert texts(crits, "inclusion") == ["Part A: HER2-positive disease"]
    assert texts(crits, "exclusion") == ["Prior tucatinib", "Leptomeningeal disease"]


def test_section_headers_that_name_a_cohort_scope_their_items():
    text = (
        "Inclusion Criteria for Cohort 1 (Stage 1 \\[and Stage 2, only where indicated\\]):\n"
        "* ER+ tumor\n"
        "Inclusion Criteria - Combination Therapy Arm 2 with Palbociclib\n* Prior CDK4/6 inhibitor\n"
        "Inclusion Criteria All Arms:\n* ECOG 0 or 1\n"
        "Exclusion Criteria for all Treatment Arms in Stage 1, Cohorts 1 and 2 (unless noted):\n"
        "* Prior SERD\nExclusion Criteria:\n* Pregnancy\n"
    )
    crits = split(text)
    assert texts(crits, "inclusion") == [
        "Cohort 1: ER+ tumor",
        "Arm 2: Prior CDK4/6 inhibitor",
        "ECOG 0 or 1",
    ]
    assert texts(crits, "exclusion") == ["Cohorts 1 and 2: Prior SERD", "Pregnancy"]


def test_a_number_closing_a_bracket_is_not_an_inline_item():
    text = (
        "* No more than 1 prior regimen (Group 1). No more than 2 prior regimens "
        "(Group 2 and Group 3) . No more than 2 (Group 4) for metastatic disease.\n"
    )
    # not cut at "3)" and "4)"; cut instead into one rule per named group
    assert [c.text for c in split(text)] == [
        "Group 1: No more than 1 prior regimen (Group 1)",
        "Groups 2 and 3: No more than 2 prior regimens (Group 2 and Group 3)",
        "Group 4: No more than 2 (Group 4) for metastatic disease.",
    ]
    assert len(split("* Prior PI3K inhibitor (Group 2) or mTOR inhibitor (Group 3).\n")) == 1


def test_header_with_text_on_the_same_line_and_wrapped_lines():
    text = "Exclusion criteria: pregnancy\n* Uncontrolled hypertension\n  despite two drugs\n"
    assert texts(split(text), "exclusion") == [
        "pregnancy",
        "Uncontrolled hypertension despite two drugs",
    ]


def test_blank_line_paragraphs_trialgpt_style():
    text = "inclusion criteria: \n\n Male and female \n\n Age 25 to 65 years \n\n exclusion criteria: \n\n Unstable angina "
    crits = split(text)
    assert texts(crits, "inclusion") == ["Male and female", "Age 25 to 65 years"]
    assert texts(crits, "exclusion") == ["Unstable angina"]


def test_inclusion_of_is_not_a_header():
    crits = split("Inclusion Criteria:\n- Inclusion of women of any race\n")
    assert texts(crits, "inclusion") == ["Inclusion of women of any race"]


def test_real_record_splits_into_both_sections(v2_full):
    crits = split(v2_full["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    assert len(texts(crits, "inclusion")) == 14
    assert len(texts(crits, "exclusion")) == 11
    assert "Active hepatitis B or C" in texts(crits, "exclusion")


def test_registry_escapes_and_inline_numbered_items():
    text = (
        "Inclusion Criteria:1. Men or women, ≥18 years of age 2. Provision of informed consent "
        "3. HER2-negative (IHC zero, 1+, 2+/ISH-) disease - Exclusion Criteria:1. Prior "
        "anti-HER2 therapy 2. ECOG 3 or 4"
    )
    got = [(c.kind, c.text) for c in split(text)]
    assert got[0] == ("inclusion", "Men or women, ≥18 years of age")
    assert ("exclusion", "Prior anti-HER2 therapy") in got
    assert len(got) == 5
    assert split("* 1\\. Age 18 - 75 years; ECOG PS 0 or 1.\n")[0].text == (
        "Age 18 - 75 years; ECOG PS 0 or 1."
    )


def test_cohort_headings_and_alternatives():
    text = (
        "Inclusion Criteria:\n\nPART A:\n\n1. Tissue available\n\nPART B:\n\n"
        "1. Confirmed PIK3CA mutation\n\n"
        "* Has metastatic cancer that meets one of the following criteria:\n"
        "  * Triple negative breast cancer\n  * HR-positive breast cancer\n"
        "Exclusion Criteria:\n\n* Brain metastases\n"
    )
    crits = split(text)
    assert crits[0].text == "PART A: Tissue available"
    assert crits[1].text == "PART B: Confirmed PIK3CA mutation"
    options = [c for c in crits if c.any_of]
    assert len(options) == 2 and options[0].any_of == options[1].any_of
    assert crits[-1].kind == "exclusion" and crits[-1].text == "Brain metastases"


def test_items_ending_in_or_are_alternatives():
    text = (
        "Inclusion Criteria:\n* Breast cancer that:\n"
        "  * was treated with anti-HER2 therapy if the tumor is HER2+ OR\n"
        "  * was treated with endocrine therapy if the tumor is HR+ OR\n"
        "  * was treated with chemotherapy if the tumor is HER2-low\n* Age 18 or over\n"
    )
    crits = split(text)
    groups = [c.any_of for c in crits]
    assert groups[0] == groups[1] == groups[2] != 0 and groups[3] == 0
    assert crits[1].option.startswith("was treated with endocrine therapy")


def test_a_requirement_filed_under_exclusions_is_read_as_one():
    text = (
        "Exclusion Criteria:\n* Female participants must be either:\n"
        "  * post-menopausal for at least 1 year\n  * surgically sterile\n"
        "* Known brain metastases\n"
    )
    crits = split(text)
    assert [c.kind for c in crits] == ["inclusion", "inclusion", "exclusion"]


def test_a_definition_lead_in_carries_into_its_flat_list_of_parts():
    text = (
        "Inclusion Criteria:\n* ECOG 0 or 1\n\n"
        "Note: A POCBP is any patient with an egg-producing reproductive tract who meets the "
        "following criteria:\n\n* Has not undergone a hysterectomy\n"
        "* Has had menses at any time in the preceding 12 consecutive months\n\n"
        "Patients must sign consent.\n* Measurable disease\n"
    )
    got = texts(split(text), "inclusion")
    assert got[0] == "ECOG 0 or 1"
    assert got[2].startswith("Note: A POCBP is any patient") and got[2].endswith(
        "12 consecutive months"
    )
    assert got[3:] == ["Patients must sign consent.", "Measurable disease"]
    # after a blank line the list of parts has ended: later items are rules again
    later = split(
        "Inclusion Criteria:\nNote: A POCBP is any patient who meets the following criteria:\n\n"
        "* Has not undergone a hysterectomy\n* Has had menses in the past 12 months\n\n"
        "* HER2-negative breast cancer\n* Measurable disease\n"
        "Exclusion Criteria:\n* Known active CNS metastases\n"
    )
    assert [c.text for c in later][2:] == [
        "HER2-negative breast cancer",
        "Measurable disease",
        "Known active CNS metastases",
    ]


def test_comparison_signs_are_written_one_way():
    # MD Anderson's "</=" and ">/=", reversed "=<" and spaced "< =" are one sign each
    text = "Inclusion Criteria:\n* ECOG </= 2\n* ANC >/= 1.5\n* Creatinine =< 1.5 x ULN\n"
    assert texts(split(text), "inclusion") == ["ECOG ≤ 2", "ANC ≥ 1.5", "Creatinine ≤ 1.5 x ULN"]


def test_a_population_before_inclusion_criteria_scopes_its_section():
    text = (
        "Inclusion Criteria:\n* Age 18 or older\n\n"
        "CNS Inclusion Criteria:\n\n* Untreated CNS metastases not needing local therapy\n"
    )
    assert texts(split(text), "inclusion") == [
        "Age 18 or older",
        "Cohort CNS: Untreated CNS metastases not needing local therapy",
    ]
