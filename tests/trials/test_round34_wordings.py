"""Thirteenth-session wordings (issue 14): things the twelfth session saw and left (a stray "Key"
item, an "except for:" stem whose colon hid it, a setting read from another sentence), then the
registry text of tuning set 32. Each test names the record or the shape its wording comes from;
none is a whole trial."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.match import match, verdict
from mbcnav.trials.parse import parse_trials
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split

from . import people
from .one_criterion import checks, parsed


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


def trial(eligibility: str) -> Trial:
    return Trial(
        nct_id="NCT00000000", title="A study in advanced solid tumours", eligibility=eligibility
    )


def _texts(raw: str) -> list[tuple[str, str, int]]:
    return [(c.kind, c.text, c.any_of) for c in split(raw)]


def test_a_one_line_key_criteria_text_leaves_no_stray_key_item():
    raw = (
        "Key Inclusion Criteria: Age 18 or older. Metastatic breast cancer. "
        "Key Exclusion Criteria: Active brain metastases."
    )
    assert _texts(raw) == [
        ("inclusion", "Age 18 or older. Metastatic breast cancer.", 0),
        ("exclusion", "Active brain metastases.", 0),
    ]


def test_a_stem_ending_except_for_with_a_colon_carries_into_its_flat_list():
    raw = (
        "Inclusion Criteria:\n\n* Metastatic breast cancer\n\nExclusion Criteria:\n\n"
        "* Other cancer, except for:\n* basal cell skin cancer\n"
        "* carcinoma in situ of the cervix\n* Pregnancy"
    )
    exclusions = [t for k, t, _ in _texts(raw) if k == "exclusion"]
    # never "basal cell skin cancer" as an exclusion of its own: it is the exception
    assert exclusions == [
        "Other cancer, except for: basal cell skin cancer",
        "Other cancer, except for: carcinoma in situ of the cervix",
        "Pregnancy",
    ]


def test_an_except_for_stem_over_a_rule_of_its_own_does_not_swallow_it():
    raw = (
        "Exclusion Criteria:\n\n* Other cancer within 5 years, except for:\n"
        "* Known active hepatitis B infection\n* Pregnancy"
    )
    exclusions = [t for k, t, _ in _texts(raw) if k == "exclusion"]
    assert exclusions[0] == "Known active hepatitis B infection"


def _settings(text: str) -> list[tuple[str, object]]:
    return [(c["value"], c.get("setting")) for c in checks(text) if c["type"] == "therapy"]


def test_either_setting_frees_only_the_therapies_of_its_own_sentence():
    text = (
        "Prior treatment with a CDK4/6 inhibitor in the metastatic setting. Prior chemotherapy "
        "in the adjuvant or metastatic setting is allowed."
    )
    assert ("CDK4/6 inhibitor", "metastatic") in _settings(text)
    either = (
        "Prior treatment with a CDK4/6 inhibitor (whether in recurrent/metastatic setting or in "
        "neoadjuvant/adjuvant setting)"
    )
    assert _settings(either) == [("CDK4/6 inhibitor", None)]


# --- a trial for people with no standard treatment left (concept.options_exhausted) ---

NONE_LEFT = (
    "Advanced solid tumor that has progressed after standard therapy or for which no standard "
    "therapy is available"
)


def test_no_standard_treatment_left_cannot_hold_before_a_first_metastatic_line_ends():
    assert _verdict(NONE_LEFT, people.facts(lines=0, lines_done=0)) == "not met"
    assert _verdict(NONE_LEFT, people.facts(lines=1, lines_done=0)) == "not met"
    c = [c for c in parsed(NONE_LEFT)["checks"] if c["type"] == "options_exhausted"]
    assert c and not c[0].get("alt")


def test_after_a_first_metastatic_line_whether_any_is_left_is_the_oncologists_call():
    v = verdict(parsed("No standard therapy available"), people.facts(lines=2, lines_done=2), {})
    assert v["verdict"] == "unknown"
    assert "oncologist" in v["why"]
    # growth on the line going on now also opens the question
    growing = people.facts(lines=1, lines_done=0, growing_now=(True, "2026-01-05"))
    assert _verdict("No standard therapy available", growing) == "unknown"
    # "progressed after standard therapy or ...": the first way in is enough
    assert _verdict(NONE_LEFT, people.facts(lines=2, lines_done=2)) == "met"


def test_curative_words_and_declining_standard_treatment_never_rule_out():
    # metastatic breast cancer has no curative treatment: "curative options exhausted" holds
    assert not any(
        c["type"] == "options_exhausted"
        for c in checks(
            "Standard curative measures do not exist, or curative options have been exhausted"
        )
    )
    declined = (
        "Disease that is refractory to standard therapy, intolerant to standard therapy, or for "
        "which no standard therapy is available, or has declined standard therapy"
    )
    assert _verdict(declined, people.facts()) == "unknown"


def test_another_way_in_keeps_no_standard_treatment_left_from_ruling_out():
    text = "HER2-positive breast cancer, or any advanced solid tumour for which no standard therapy is available"
    assert [c.get("alt") for c in parsed(text)["checks"] if c["type"] == "options_exhausted"] == [
        True
    ]
    assert _verdict(text, people.facts(her2="positive")) == "met"


# --- heart tests as limits, a liver score that is no age, a dose bracket ---


def test_a_qtc_limit_is_read_against_the_record_and_says_what_keeps_people_out():
    long_qt = people.facts(labs={"qtc": {"value": 482.0, "shown": "482 ms", "date": people.AS_OF}})
    assert _verdict("QTcF >470 msec at screening", long_qt, "exclusion") == "not met"
    assert (
        _verdict(
            "Corrected QT interval (based on Fridericia's formula) > 450 msec", long_qt, "exclusion"
        )
        == "not met"
    )
    v = verdict(parsed("QTcF >470 msec at screening", "exclusion"), people.facts(), {})
    assert v["verdict"] == "unknown" and v["why"].startswith("The trial leaves out people with QTc")
    assert "heart test" in v["settle"]


def test_an_lvef_floor_is_read_against_the_record():
    weak = people.facts(labs={"lvef": {"value": 45.0, "shown": "45 %", "date": people.AS_OF}})
    assert _verdict("LVEF >= 50% by echocardiogram or MUGA", weak) == "not met"


def test_child_pugh_score_is_no_age():
    assert not any(c["type"] == "age" for c in checks("Child-Pugh score ≥ 7", "exclusion"))
    assert _verdict("Child-Pugh score ≥ 7", people.facts(age=59), "exclusion") != "not met"


def test_a_drug_in_a_dose_bracket_takes_the_mode_of_its_class():
    text = "Ongoing immunosuppressive therapy (≥10 mg/day of prednisone or its equivalent);"
    ended = DrugFact("prednisone", ["prednisone"], start="2024-03-19", end="2024-05-10")
    assert [c["mode"] for c in checks(text, "exclusion") if c["type"] == "therapy"] == ["current"]
    assert _verdict(text, people.facts(drugs=[ended]), "exclusion") == "met"


# --- lists: full-width punctuation, "1:" numbering, bullet signs inside a line, therapy parts ---


def test_full_width_punctuation_and_colon_numbers_split_as_elsewhere():
    raw = (
        "Inclusion Criteria:\n - 1: Patients with pathologically confirmed breast cancer\n"
        " 2: No distant metastasis\n 3: Between the ages of 18 and 80\n"
        "Exclusion Criteria:\n - 1: No pathological confirmation；\n 2: Distant metastasis；\n"
    )
    assert _texts(raw) == [
        ("inclusion", "Patients with pathologically confirmed breast cancer", 0),
        ("inclusion", "No distant metastasis", 0),
        ("inclusion", "Between the ages of 18 and 80", 0),
        ("exclusion", "No pathological confirmation;", 0),
        ("exclusion", "Distant metastasis;", 0),
    ]


def test_a_time_of_day_is_no_list_number():
    raw = "Inclusion Criteria:\n* Able to attend visits\n10: 30 am appointments are fine\n"
    assert _texts(raw) == [
        ("inclusion", "Able to attend visits 10: 30 am appointments are fine", 0)
    ]


def test_items_after_a_lead_in_with_a_colon_keep_it():
    raw = (
        "Exclusion Criteria:\n• Anticancer therapy within 4 weeks before the first dose: "
        "• chemotherapy • endocrine therapy\n• Pregnancy"
    )
    assert _texts(raw) == [
        ("exclusion", "Anticancer therapy within 4 weeks before the first dose: chemotherapy", 0),
        (
            "exclusion",
            "Anticancer therapy within 4 weeks before the first dose: endocrine therapy",
            0,
        ),
        ("exclusion", "Pregnancy", 0),
    ]


def test_an_example_bracket_does_not_end_the_drugs_sentence():
    text = "Prior CDK4/6 inhibitor (e.g. palbociclib) in the adjuvant or metastatic setting"
    assert ("CDK4/6 inhibitor", None) in _settings(text)


def test_child_pugh_with_any_dash_is_no_age():
    assert not any(c["type"] == "age" for c in checks("Child–Pugh score ≥ 7", "exclusion"))


def test_wash_outs_and_class_only_wordings_are_not_no_standard_treatment_left():
    for text in (
        "No standard anticancer therapy within 4 weeks before the first dose",
        "No standard endocrine therapy options",
        "No standard therapy with curative intent is available",
    ):
        assert not any(c["type"] == "options_exhausted" for c in checks(text)), text
    # the person's disease must be metastatic for the record to settle it
    early = people.facts(setting="early")
    assert _verdict("No standard therapy available", early) == "unknown"


MONO_COMBO = """Inclusion Criteria:
• Male or female ≥18 years of age; • ECOG Performance Status of 0 or 1; • Adequate organ function, defined by the following:

   ANC >1500 cells/μL; Platelet count >100,000 cells/μL. • Able to understand and sign a written informed consent form.

Inclusion Criteria for NP-G2-044 Monotherapy:

Patients must meet all the following criteria to receive NP-G2-044 monotherapy in the study: • Have a histopathologically confirmed advanced or metastatic solid tumor malignancy; • Have measurable disease per RECIST 1.1.

Inclusion Criteria for NP-G2-044 Combination Therapy Patients must meet 1 of the following criteria to receive NP-G2-044 in combination with anti-PD-1 therapy in the study: • Have initiated anti-PD-1 therapy and have stable disease, or Have discontinued prior anti-PD-1 therapy.

Exclusion Criteria:
• Received chemotherapy within 4 weeks; Note: Prior immunotherapy is allowed. • Pregnant or lactating
"""  # NCT05023486, line breaks as the source kept them


def test_bullet_signs_inside_a_line_are_items_and_go_back_to_their_lists_indent():
    items = _texts(MONO_COMBO)
    inclusions = [t for k, t, _ in items if k == "inclusion"]
    assert inclusions[0] == "Male or female ≥18 years of age;"
    assert inclusions[1].startswith("ECOG Performance Status")
    # the consent item after the indented lab paragraph is not part of the organ-function stem
    assert "Able to understand and sign a written informed consent form." in inclusions
    exclusions = [t for k, t, _ in items if k == "exclusion"]
    assert exclusions == [
        "Received chemotherapy within 4 weeks; Note: Prior immunotherapy is allowed.",
        "Pregnant or lactating",
    ]


def test_monotherapy_and_combination_sections_are_parts_a_person_fits_one_of():
    items = _texts(MONO_COMBO)
    mono = [t for k, t, _ in items if t.startswith("Monotherapy part:")]
    combo = [(t, g) for k, t, g in items if t.startswith("Combination part:")]
    assert len(mono) == 2 and len(combo) == 1
    assert combo[0][1]  # "1 of the following" makes its items options
    res = match(parse_trials([trial(MONO_COMBO)])[0], people.facts(ecog=1))
    assert res["fit"] in (
        "likely",
        "possible",
    )  # no anti-PD-1 therapy: the monotherapy part is open
    combo = [c for c in res["criteria"] if c["text"].startswith("Combination part:")]
    assert len(combo) == 1 and "you may fit the monotherapy group" in combo[0]["why"].lower()


def test_an_exclusion_header_saying_any_of_the_following_is_no_set_of_options():
    raw = (
        "Exclusion Criteria: Patients are excluded from the study if any of the following "
        "criteria apply:\n1. Pregnancy\n2. Active hepatitis B"
    )
    assert _texts(raw) == [("exclusion", "Pregnancy", 0), ("exclusion", "Active hepatitis B", 0)]


def test_bullet_signs_in_place_of_some_numbers_keep_the_numbered_run():
    raw = (
        "Inclusion Criteria:\n* 1. Invasive breast cancer 3 cm or less. • Tumor must not involve "
        "the skin 3. Age ≥ 18 years 4. Tumor must be unifocal • Able to consent"
    )
    assert [t for _, t, _ in _texts(raw)] == [
        "Invasive breast cancer 3 cm or less.",
        "Tumor must not involve the skin",
        "Age ≥ 18 years",
        "Tumor must be unifocal",
        "Able to consent",
    ]


def test_distal_metastatic_disease_is_the_setting():
    v = verdict(
        parsed("Patients with any distal metastatic disease", "exclusion"), people.facts(), {}
    )
    assert v["verdict"] == "not met"


def test_side_effects_secondary_to_a_drug_ask_for_no_history_of_it():
    # held-out set 33, read after it was measured (NCT05635643)
    text = (
        "Resolution of non-immune-related AEs secondary to prior anticancer therapy to ≤ Grade 1, "
        "and complete resolution of immune-related AEs secondary to prior checkpoint inhibitor "
        "therapy."
    )
    assert not [c for c in checks(text) if c["type"] == "therapy"]
    assert [c["value"] for c in checks("Prior treatment with a checkpoint inhibitor")] == [
        "immune checkpoint inhibitor"
    ]


def test_review_wordings_that_are_not_no_standard_treatment_left():
    for text in (
        "Patients with no standard-of-care options that are curative",
        "Patients for whom endocrine therapy options have been exhausted",
        "Patients with bothersome hot flashes for whom there is no effective treatment",
        "No other effective therapy for their brain metastases",
    ):
        assert not any(c["type"] == "options_exhausted" for c in checks(text)), text
    kept = "for whom there are no alternative therapies that may confer overall survival benefit"
    assert [c["type"] for c in checks(kept)] == ["options_exhausted"]
    # a record without a known treatment history cannot settle it
    assert (
        _verdict("No standard therapy available", people.facts(therapies_known=False)) == "unknown"
    )


def test_bullet_signs_inside_brackets_stay_and_an_either_stem_keeps_its_options():
    raw = (
        "Inclusion Criteria:\n* Prior therapy with a CDK4/6 inhibitor (palbociclib • ribociclib • "
        "abemaciclib)\n* Disease progression on either: • a CDK4/6 inhibitor or • chemotherapy"
    )
    assert _texts(raw) == [
        (
            "inclusion",
            "Prior therapy with a CDK4/6 inhibitor (palbociclib • ribociclib • abemaciclib)",
            0,
        ),
        ("inclusion", "Disease progression on either: a CDK4/6 inhibitor or", 1),
        ("inclusion", "Disease progression on either: chemotherapy", 1),
    ]


def test_child_turcotte_pugh_is_no_age():
    assert not any(
        c["type"] == "age" for c in checks("Child-Turcotte-Pugh class B or C", "exclusion")
    )
