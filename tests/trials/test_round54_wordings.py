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


def test_a_list_of_choices_or_of_one_kind_stays_any_of_them():
    """The review's inputs: "any of", "at least two of the following", "one of" before the list,
    and names of one kind (hormone drugs; chemotherapy drugs) are examples, never each needed."""
    cape = _drug("capecitabine", ["chemotherapy"], settings=["metastatic"])
    eribulin = _drug("eribulin", ["chemotherapy"], settings=["metastatic"])
    tamoxifen = _drug("tamoxifen", ["SERM", "endocrine therapy"], settings=["metastatic"])
    her2 = [
        _drug("trastuzumab", ["anti-HER2 antibody"], settings=["metastatic"]),
        _drug("pertuzumab", ["anti-HER2 antibody"], settings=["metastatic"]),
    ]
    for text, had in (
        (
            "Previously treated with any of capecitabine, eribulin, and vinorelbine",
            [cape, eribulin],
        ),
        (
            "Prior treatment with at least two of the following agents: capecitabine, eribulin, "
            "and vinorelbine",
            [cape, eribulin],
        ),
        (
            "Patients must have received at least one of: tamoxifen, letrozole, and fulvestrant",
            [tamoxifen],
        ),
        (
            "Previously treated with at least 2 of the following: trastuzumab, pertuzumab, and T-DM1",
            her2,
        ),
        ("Prior treatment with tamoxifen, letrozole, and fulvestrant", [tamoxifen]),
        ("Must have had prior treatment with capecitabine, eribulin, and vinorelbine", [cape]),
    ):
        assert _verdict(text, people.facts(drugs=had)) == "met", text


def test_a_ceiling_keeps_its_brackets_abbreviations_and_such_patients():
    """The review's inputs: a closed bracket, "i.e." / "e.g.", a bracket holding the count after
    "not eligible", and "Such patients are not eligible" after a full stop keep the ceiling."""
    none = people.facts()
    two = people.facts(
        chemo_lines=2,
        lines=2,
        lines_done=2,
        line_labels=[["chemotherapy"]] * 2,
        line_ended=[True, True],
    )
    for text in (
        "Patients who have received 2 or more lines of chemotherapy for MBC (i.e. third line or "
        "later) are not eligible",
        "Patients who have received 2 or more lines of chemotherapy for MBC, e.g. a taxane "
        "followed by capecitabine, are not eligible",
        "Patients having received 3 or more prior lines (of any systemic therapy; endocrine "
        "therapy counts) are not eligible",
        "The following patients are not eligible (patients who have received 2 or more lines of "
        "chemotherapy for metastatic disease)",
        "2 or more prior chemotherapy regimens for metastatic disease. Such patients are not "
        "eligible.",
        "Received 2 or more prior chemotherapy regimens for metastatic disease; these patients "
        "are not eligible.",
    ):
        assert _verdict(text, none) == "met", text
        counts = [c for c in checks(text) if c["type"] == "lines"]
        assert counts and all(c["min"] is None for c in counts), text
    assert (
        _verdict(
            "Patients who have received 2 or more lines of chemotherapy for MBC (i.e. third line or "
            "later) are not eligible",
            two,
        )
        == "not met"
    )


def test_drugs_listed_in_a_bracket_take_the_growth_before_it():
    """NCT00103233: "Disease progression during or after prior taxane therapy (single-agent
    paclitaxel, docetaxel, or taxane-containing combination chemotherapy) in combination with
    trastuzumab": docetaxel given and stopped without growth does not meet it; a bracket that is
    a rule of its own ("(patients who ... are not eligible)") gives nothing."""
    text = (
        "Disease progression during or after prior taxane therapy (single-agent paclitaxel, "
        "docetaxel, or taxane-containing combination chemotherapy) in combination with "
        "trastuzumab (Herceptin®) as first- or second-line chemotherapy for metastatic disease"
    )
    modes = {c["value"]: c.get("mode") for c in checks(text) if c["type"] == "therapy"}
    assert modes["docetaxel"] == modes["paclitaxel"] == "progressed"
    partner = [c for c in checks(text) if c["value"] == "trastuzumab"]
    assert partner and partner[0].get("partner")
    rule = "Prior endocrine therapy (patients who had fulvestrant are not eligible)"
    assert {c.get("mode") for c in checks(rule) if c.get("value") == "fulvestrant"} != {
        "progressed"
    }


def test_a_titles_setting_or_is_one_population():
    """NCT05860465: "... Locally Advanced or Metastatic Breast Cancer That Progressed on CDK4/6
    Inhibitor Combined With Endocrine Therapy": the setting's "or" is no second way in, so the
    title's prior treatment is a rule; a title with a real second way in gives none."""
    from mbcnav.trials.parse import FROM_TITLE, parse_trial
    from mbcnav.trials.record import Trial

    def title_rules(title: str) -> list[str]:
        trial = Trial(
            nct_id="NCT00000001",
            title=title,
            eligibility="Inclusion Criteria:\n- Age 18 or older\n",
        )
        return [
            c["text"]
            for c in parse_trial(trial)["criteria"]
            if c["text"].endswith(FROM_TITLE) and not c["text"].startswith("Setting:")
        ]

    title = (
        "A Study of SPH4336 With Endocrine Therapy in HR-positive, HER2-negative Locally Advanced or "
        "Metastatic Breast Cancer That Progressed on CDK4/6 Inhibitor Combined With Endocrine Therapy"
    )
    assert any("CDK4/6" in r for r in title_rules(title))
    assert (
        title_rules(
            "A Study in Endocrine-Naive or Previously Treated With CDK4/6 Inhibitor Breast Cancer"
        )
        == []
    )


def test_each_of_and_a_following_rule_stay_what_they_say():
    """Final review: "each of the following" keeps every medicine needed; a sentence "Such
    patients are not eligible if ..." after a floor is another rule, the floor stays."""
    text = "Prior treatment with each of the following: trastuzumab, pertuzumab, and T-DM1"
    only = [_drug("trastuzumab", ["anti-HER2 antibody"], settings=["metastatic"])]
    assert _verdict(text, people.facts(drugs=only)) == "not met"
    floor = (
        "Patients must have received at least 1 prior line of chemotherapy for metastatic "
        "disease. Such patients are not eligible if they progressed within 3 months."
    )
    assert [(c["min"], c["max"]) for c in checks(floor) if c["type"] == "lines"][0] == (1, None)


def test_a_negation_stops_at_a_semicolon_only_before_a_clause_that_lets_people_in():
    """NCT01325207 (held-out set 86, read after it was measured): "... will be eligible for phase I
    but are not required to have HER2 analysis; ...; HER2 positive ... breast cancer patients with
    leptomeningeal metastases ... are eligible": the "not required" is its own clause's. The last
    review's inputs keep the negation: a list after "any of the following;", a clause that repeats
    the ban, a condition, and a semicolon inside a bracket."""
    text = (
        "Patients with leptomeningeal disease from ependymomas will be eligible for phase I but "
        "are not required to have HER2 analysis; HER2 testing is only required for breast cancer "
        "patients with leptomeningeal metastases; HER2 positive (IHC 3+ and/or FISH positive; IHC "
        "2+ with reflex FISH) breast cancer patients with leptomeningeal metastases by MRI are "
        "eligible"
    )
    assert not any(c.get("neg") for c in checks(text) if c["type"] in {"brain", "receptor"})
    for kept in (
        "No history of any of the following; brain metastases that are symptomatic; HIV "
        "infection that is uncontrolled",
        "No active brain metastases; leptomeningeal disease is also excluded",
        "No prior chemotherapy for metastatic breast cancer; HER2-positive disease must have been "
        "treated with trastuzumab",
        "No brain metastases (treated metastases are allowed; steroids must be stopped 2 weeks "
        "before) or leptomeningeal disease",
    ):
        found = [c for c in checks(kept) if c["type"] in {"brain", "receptor"}]
        assert found and all(c.get("neg") for c in found), kept
