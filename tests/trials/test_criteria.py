from mbcnav.trials.criteria import parse_criteria
from mbcnav.trials.split import Criterion


def checks(text, kind="inclusion"):
    return parse_criteria([Criterion(kind, text, 1)])[0]["checks"]


def only(text, type_, kind="inclusion"):
    found = [c for c in checks(text, kind) if c["type"] == type_]
    assert len(found) == 1, found
    return found[0]


def test_age_range_and_open_ended():
    assert only("Age 25 to 65 years", "age") == {"type": "age", "min": 25.0, "max": 65.0}
    assert only("Aged ≥18 years at signing of consent", "age")["min"] == 18.0
    alt = only("At least 18 years of age or 12 to 17 years of age with approval", "age")
    assert (alt["min"], alt["max"]) == (12.0, None)


def test_age_not_read_from_time_windows():
    assert not [c for c in checks("Diagnosed within 5 years of enrolment") if c["type"] == "age"]


def test_sex_only_when_the_criterion_is_about_sex():
    assert only("Male and female", "sex")["value"] == "any"
    assert only("Female patients aged 18 or older", "sex")["value"] == "female"
    assert not [
        c
        for c in checks("QTc > 450 ms for men or 470 ms for women", "exclusion")
        if c["type"] == "sex"
    ]


def test_negated_prior_therapy():
    c = only("No prior CDK4/6 inhibitor", "therapy")
    assert c["value"] == "CDK4/6 inhibitor" and c["neg"] is True and c["mode"] == "received"


def test_progressed_on_drug_from_vocabulary():
    c = only("Must have progressed on palbociclib", "therapy")
    assert c["value"] == "palbociclib" and c["drug"] and c["mode"] == "progressed" and not c["neg"]


def test_allowed_therapy_is_not_a_requirement():
    cs = [c for c in checks("Prior taxane therapy is allowed") if c["type"] == "therapy"]
    assert cs and all(c["allowed"] for c in cs)


def test_exception_scope_keeps_main_therapy_forbidden():
    cs = {
        c["value"]: c
        for c in checks(
            "Prior chemotherapy for metastatic disease, except capecitabine", "exclusion"
        )
        if c["type"] == "therapy"
    }
    assert not cs["chemotherapy"]["allowed"]
    # the drug the exception names does not count towards the class (asides.exempted)
    assert cs["chemotherapy"]["except"] == ["capecitabine"]
    assert "capecitabine" not in cs or cs["capecitabine"]["allowed"]


def test_excluded_wording_negates_only_in_inclusion():
    inc = only("Patients with untreated brain metastases are excluded", "brain")
    exc = only("Untreated brain metastases", "brain", "exclusion")
    assert inc["neg"] is True and inc["status"] == "active"
    assert exc["neg"] is False and exc["status"] == "active"


def test_treated_stable_brain_allowed():
    c = only("Patients with treated and stable brain metastases are eligible", "brain")
    assert c["allowed"] is True


def test_leptomeningeal():
    assert only("Leptomeningeal disease", "brain", "exclusion")["value"] == "leptomeningeal"


def test_lines_no_more_than_chemo_in_metastatic_setting():
    c = only("No more than 2 prior chemotherapy regimens for metastatic disease", "lines")
    assert (c["min"], c["max"], c["chemo"], c["metastatic"]) == (None, 2, True, True)


def test_lines_at_least_any_therapy():
    c = only("At least one prior line of endocrine therapy in the advanced setting", "lines")
    assert (c["min"], c["max"], c["chemo"]) == (1, None, False)


def test_ecog_and_karnofsky():
    assert only("ECOG performance status of 0 or 1", "ecog")["allowed"] == [0, 1]
    assert only("ECOG PS ≤ 2", "ecog")["allowed"] == [0, 1, 2]
    assert only("Karnofsky ≥ 70%", "karnofsky")["min"] == 70


def test_karnofsky_from_ecog_is_decided_only_where_the_scales_do_not_overlap():
    from mbcnav.trials.evaluate import _karnofsky

    assert _karnofsky(70, 1)[0] is True
    assert _karnofsky(70, 2)[0] is None  # ECOG 2 spans Karnofsky 50-70
    assert _karnofsky(70, 3)[0] is False
    assert _karnofsky(80, 1)[0] is None
    assert _karnofsky(60, None)[0] is None


def test_receptors_her2_low_and_hr():
    values = {
        c["value"]
        for c in checks("HR-positive, HER2-low (IHC 1+ or IHC 2+/ISH-negative) breast cancer")
        if c["type"] == "receptor"
    }
    assert {"hr-positive", "her2-in"} <= values  # a list of IHC scores: the categories it allows
    her2 = [
        c for c in checks("HER2-low (IHC 1+ or IHC 2+/ISH-negative)") if c["type"] == "receptor"
    ]
    assert her2[0]["allowed"] == ["low"]
    assert "her2-positive" not in values


def test_triple_negative_and_setting():
    cs = checks("Metastatic triple-negative breast cancer")
    assert {"subtype", "setting"} <= {c["type"] for c in cs}


def test_biomarker_and_measurable():
    assert only("Documented ESR1 mutation in ctDNA", "biomarker")["value"] == "ESR1"
    assert only("Measurable disease per RECIST 1.1", "measurable")["neg"] is False


def test_hypersensitivity_is_not_prior_therapy():
    assert not [
        c
        for c in checks("Known hypersensitivity to trastuzumab", "exclusion")
        if c["type"] == "therapy"
    ]


def test_unmapped_criterion_has_no_checks():
    assert checks("Adequate hearing as judged by the investigator") == []


def test_consent_refusal_flips():
    assert only("Unable to give informed consent", "consent", "exclusion")["neg"] is True


def test_not_allowed_in_inclusion_negates_and_trial_spellings_of_drugs():
    cs = [c for c in checks("Prior T-DXd or T-DM1 is not allowed") if c["type"] == "therapy"]
    assert {c["value"] for c in cs} == {"trastuzumab deruxtecan", "ado-trastuzumab emtansine"}
    assert all(c["neg"] and not c["allowed"] for c in cs)


def test_lines_counted_by_class():
    c = only("Has received no more than 1 prior hormonal regimen for advanced disease", "lines")
    assert (c["max"], c["class"]) == (1, "endocrine therapy")
    c = only(
        "More than 1 prior line of checkpoint inhibitor therapy in the metastatic setting",
        "lines",
        "exclusion",
    )
    assert (c["min"], c["class"]) == (2, "immune checkpoint inhibitor")


def test_explanatory_sentence_is_ignored():
    cs = checks(
        "Age >18 years. Because no dosing data are available on trastuzumab in participants <18 years of age, children are excluded."
    )
    assert [c["type"] for c in cs] == ["age"]
    assert (cs[0]["min"], cs[0]["max"]) == (18.0, None)
