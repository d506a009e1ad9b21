"""Twenty-ninth-session wordings (issue 14), read from the tuning set 78 and from last session's
held-out sets 75-77 after they were measured. Each test names the record or the shape its wording
comes from; none is a whole trial, and each is checked both ways."""

from mbcnav.trials.facts import DrugFact
from mbcnav.trials.match import match, verdict
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial
from mbcnav.trials.split import split

from . import people
from .one_criterion import checks, parsed


def _verdict(text: str, f, kind: str = "inclusion") -> str:
    return verdict(parsed(text, kind), f, {})["verdict"]


# NCT02411656's first inclusion, shortened: IBC (any receptors) is one way in, triple-negative
# without IBC the other; "not required for diagnosis of" denies nothing
TWO_WAYS = (
    "Has histological confirmation of HER2 normal breast carcinoma with a clinical diagnosis of "
    "IBC, with or without an underlying palpable mass; pathological evidence of dermal lymphatic "
    "invasion is not required for diagnosis of inflammatory breast cancer regardless estrogen "
    "receptor (ER)/progesterone receptor (PR) status; OR has histological confirmation of triple "
    "negative breast carcinoma (HER2 normal, ER/PR < 10%) without clinical diagnosis of IBC"
)


def test_each_whole_way_in_has_its_own_ibc_check():
    ibc = [c for c in checks(TWO_WAYS) if c["type"] == "inflammatory"]
    assert [c["neg"] for c in ibc] == [False, True]
    assert _verdict(TWO_WAYS, people.facts(hr="negative", her2="zero")) == "met"
    assert _verdict(TWO_WAYS, people.facts(hr="positive", her2="low")) == "not met"
    assert _verdict(TWO_WAYS, people.facts(hr="positive", her2="low", inflammatory=True)) == "met"
    # HER2-positive with IBC: the first way asks for HER2 normal
    assert _verdict(TWO_WAYS, people.facts(her2="positive", inflammatory=True)) == "not met"
    # one way only, no "; OR": one check, as before
    assert (
        len([c for c in checks("Inflammatory breast cancer") if c["type"] == "inflammatory"]) == 1
    )


def test_her2_normal_is_her2_negative():
    assert _verdict("HER2 normal breast cancer", people.facts(her2="low")) == "met"
    assert _verdict("HER2 normal breast cancer", people.facts(her2="positive")) == "not met"
    # a lab's "normal range" is no HER2 result
    assert not [c for c in checks("HER2 normal range per local lab") if c["type"] == "receptor"]


def test_brain_or_meningeal_involvement_is_brain_spread():
    text = "No known clinical brain or meningeal involvement"  # NCT00004935
    assert _verdict(text, people.facts(brain="treated-stable")) == "not met"
    assert _verdict(text, people.facts(brain="none")) == "met"


def test_a_denial_after_a_list_with_semicolons_still_reaches_back():
    """A semicolon inside a list is no clause end: "... is not allowed" still denies every drug
    of the list (review)."""
    never = people.facts()
    had = people.facts(
        drugs=[
            DrugFact(
                "palbociclib",
                ["palbociclib", "CDK4/6 inhibitor"],
                ["metastatic"],
                start="2025-01-01",
            )
        ],
        lines=1,
        line_labels=[["palbociclib", "CDK4/6 inhibitor"]],
    )
    text = "Prior CDK4/6 inhibitor (palbociclib; ribociclib; abemaciclib) is not allowed"
    assert _verdict(text, never) == "met"
    assert _verdict(text, had) == "not met"
    listed = "Prior treatment with fulvestrant; everolimus; or a CDK4/6 inhibitor is not allowed"
    assert _verdict(listed, never) != "not met"


def test_only_makes_eligible_a_limit():
    man = people.facts(sex="male")
    assert _verdict("Only females are eligible", man) == "not met"  # NCT03250676
    assert _verdict("Only females are eligible", people.facts()) == "met"
    # an allowance stays an allowance: read as a limit, it would rule out everyone without
    # brain spread
    allowed = "Patients with treated brain metastases are eligible"
    assert _verdict(allowed, people.facts(brain="none")) != "not met"
    assert _verdict("Only bone-only patients are eligible", people.facts()) != "not met"


MENOPAUSE = """Inclusion Criteria:
- Only females are eligible. Menopausal status:
i. Postmenopausal defined by:
1. Prior bilateral oophorectomy;
2. Age ≥60 years; or
3. Age <60 and amenorrhea for 12 or more months.
Or ii. Premenopausal or perimenopausal concurrently given a luteinizing hormone-releasing
hormone (LHRH) agonist.
- Participant has HER2 negative breast cancer.
"""


def test_or_before_the_last_item_makes_every_item_an_option():
    crits = split(MENOPAUSE)
    groups = {c.text.split(":")[-1].strip()[:20]: c.any_of for c in crits}
    options = [c.any_of for c in crits if c.any_of]
    assert len(options) == 3 and len(set(options)) == 1  # items 2-3 and "Or ii."
    assert not next(c for c in crits if "HER2" in c.text).any_of, groups
    # a list with no "or" stays a list of rules
    plain = split("Inclusion Criteria:\n- Adequate organ function:\n1. ANC ok;\n2. Platelets ok;")
    assert not any(c.any_of for c in plain)
    # a section's own list, or one under "all of the following", keeps its rules: only the two
    # items the "or" joins are options (review)
    for head in ("", "- Patients must meet all of the following:\n"):
        rules = split(
            "Inclusion Criteria:\n" + head + "1. Female 18 or older;\n2. HER2-negative metastatic "
            "breast cancer;\n3. Postmenopausal; or\n4. Premenopausal on ovarian suppression."
        )
        assert [c.any_of > 0 for c in rules] == [False, False, True, True]


LINES = """Inclusion Criteria:
- Prior therapy for breast cancer in the advanced/metastatic setting must have included at least:
1. two prior hormonal therapies;
2. one prior hormonal therapy and one prior chemotherapy regimen; or
3. one prior hormonal therapy and a CDK4/6 inhibitor.
- Participant has HER2 negative breast cancer.
"""


def test_a_flat_numbered_list_takes_its_dashed_stem_and_its_setting():
    trial = parse_trial(Trial(nct_id="NCT00000003", title="A study", eligibility=LINES))
    options = [c for c in trial["criteria"] if c.get("any_of")]
    assert len(options) == 3
    assert all(c["text"].startswith("Prior therapy for breast cancer") for c in options)
    adjuvant = people.facts(
        drugs=[
            DrugFact(
                "letrozole",
                ["letrozole", "endocrine therapy"],
                ["adjuvant"],
                start="2010-01-01",
                end="2015-01-01",
            )
        ]
    )
    metastatic = people.facts(
        lines=2,
        lines_done=2,
        drugs=[
            DrugFact(
                "letrozole",
                ["letrozole", "endocrine therapy"],
                ["metastatic"],
                start="2024-01-01",
                end="2024-12-01",
            ),
            DrugFact(
                "fulvestrant",
                ["fulvestrant", "endocrine therapy"],
                ["metastatic"],
                start="2025-01-01",
                end="2025-12-01",
            ),
        ],
    )
    judged = {
        v["verdict"]
        for v in match(trial, adjuvant)["criteria"]
        if v["text"] in {c["text"] for c in options}
    }
    assert judged == {"not met"}  # hormone pills after surgery only: no option met
    judged = {
        v["verdict"]
        for v in match(trial, metastatic)["criteria"]
        if v["text"] in {c["text"] for c in options}
    }
    assert "met" in judged and "not met" not in judged


def test_an_exclusion_that_repeats_the_population_says_nothing():
    text = (
        "Inclusion Criteria:\n1. The disease is inoperable, recurrent breast cancer, or metastatic "
        "breast cancer;\nExclusion Criteria:\n1. Recurrent or metastatic"
    )
    trial = parse_trial(Trial(nct_id="NCT00000004", title="A study", eligibility=text))
    cut = next(c for c in trial["criteria"] if c["kind"] == "exclusion")
    assert cut["checks"] == []  # NCT04999540 as a web copy cut it off
    early = (
        "Inclusion Criteria:\n1. Stage II or III breast cancer\nExclusion Criteria:\n1. Metastatic "
        "disease"
    )
    trial = parse_trial(Trial(nct_id="NCT00000005", title="A study", eligibility=early))
    kept = next(c for c in trial["criteria"] if c["kind"] == "exclusion")
    assert kept["checks"]  # an early-stage study's exclusion of spread is real


def test_at_most_a_previous_treatment_is_a_ceiling():
    text = "At most, a previous palliative cytostatic treatment is possible"  # NCT00241046
    (count,) = [c for c in checks(text) if c["type"] == "lines"]
    assert (count["min"], count["max"], count["class"], count["metastatic"]) == (
        None,
        1,
        "chemotherapy",
        True,
    )
    assert _verdict(text, people.facts(chemo_lines=0)) != "not met"  # none had is within it
    assert (
        _verdict(
            text,
            people.facts(
                lines=2,
                lines_done=2,
                chemo_lines=2,
                line_labels=[["paclitaxel", "chemotherapy"], ["capecitabine", "chemotherapy"]],
                line_ended=[True, True],
            ),
        )
        == "not met"
    )
    ceiling = [
        c for c in checks("At most one previous palliative chemotherapy") if c["type"] == "lines"
    ]
    assert ceiling and ceiling[0]["max"] == 1 and ceiling[0]["min"] is None


def test_the_scan_note_says_what_the_bone_lesions_are():
    from mbcnav.trials.bone_lesions import kind as bone_kind

    assert bone_kind(["new sclerotic lesions T8 and right ilium, no soft-tissue component"]) == (
        "blastic"
    )
    assert bone_kind(["mixed lytic and sclerotic lesions in the pelvis"]) == "lytic"
    assert bone_kind(["sclerotic rib lesion with a soft tissue component"]) == "lytic"
    assert bone_kind(["liver lesions stable"]) is None
    # the latest note that says comes first
    assert bone_kind(["lytic lesion L2, new", "sclerotic spine lesions"]) == "lytic"
    text = "Bone only disease that is only blastic with no soft tissue component"  # NCT05501886
    blastic = people.facts(sites=["bone"], bone_kind="blastic")
    lytic = people.facts(sites=["bone"], bone_kind="lytic")
    unsaid = people.facts(sites=["bone"])
    assert _verdict(text, blastic, "exclusion") == "not met"
    assert _verdict(text, lytic, "exclusion") == "met"
    assert _verdict(text, unsaid, "exclusion") == "unknown"
    assert _verdict(
        text, people.facts(sites=["bone", "liver"], bone_kind="blastic"), "exclusion"
    ) == ("met")


def test_et_after_a_treatment_word_is_endocrine_therapy():
    def values(text):
        return [c["value"] for c in checks(text) if c["type"] == "therapy"]

    assert values("Prior adjuvant ET") == ["endocrine therapy"]  # NCT04862663's wording
    assert values("progressed on ET plus CDK4/6i")[0] == "endocrine therapy"
    assert values("as described by Smith et al") == []
    assert values("Patients must be candidates for ET") == []  # a plan, no history
    denied = "No prior ET for metastatic disease"
    had = people.facts(
        lines=1,
        line_labels=[["letrozole", "endocrine therapy"]],
        drugs=[
            DrugFact(
                "letrozole", ["letrozole", "endocrine therapy"], ["metastatic"], start="2025-01-01"
            )
        ],
    )
    assert _verdict(denied, had) == "not met"
    assert _verdict(denied, people.facts()) == "met"


def test_a_relapse_window_written_with_commas_runs_from_stopping():
    text = (
        "Previous treatment with an ET (tamoxifen, AI, or oral SERD) as a single agent or in "
        "combination, with radiological evidence of breast cancer recurrence or progression while "
        "on, or within 12 months of, completing a (neo)adjuvant ET regimen."
    )  # NCT04862663
    ai = ["anastrozole", "aromatase inhibitor", "endocrine therapy"]

    def relapsed(after_end: str):
        return people.facts(
            diagnosed_on=after_end,
            drugs=[DrugFact("anastrozole", ai, ["adjuvant"], start="2020-01-06", end="2025-01-05")],
        )

    assert _verdict(text, relapsed("2025-12-10")) == "met"  # 11 months after, long before today
    assert _verdict(text, relapsed("2026-01-14")) == "not met"  # 12 months and more
    assert _verdict(text, people.facts()) == "not met"  # no hormone therapy at all


def test_review_inputs_stay_open_or_right():
    """The second look's inputs: each new reading leaves them as they should be."""
    from mbcnav.trials.bone_lesions import kind as bone_kind

    # a kind denied, a benign finding, an earlier lytic note against a later sclerotic one
    assert bone_kind(["CT: new liver lesions; no sclerotic bone lesions"]) is None
    assert bone_kind(["Sclerotic focus in T7, likely benign (bone island)"]) is None
    assert (
        bone_kind(["sclerotic spine lesions", "lytic lesion L2 with soft tissue extension"]) is None
    )
    # "regardless of" inside one of two whole ways: that way may be the person's
    ways = (
        "HER2-negative breast cancer regardless of hormone receptor status; OR has HER2-positive "
        "breast cancer previously treated with trastuzumab"
    )
    assert _verdict(ways, people.facts(hr="positive", her2="low")) != "not met"
    assert _verdict(ways, people.facts(hr="negative", her2="zero")) != "not met"
    # "up to a further two lines" is two, not one
    two = "Patients may have received up to a further two lines of chemotherapy in the metastatic setting"
    (count,) = [c for c in checks(two) if c["type"] == "lines"]
    assert count["max"] == 2
    # "palliative" beside adjuvant: any setting counts
    any_setting = "At least one prior chemotherapy (adjuvant, neoadjuvant or palliative)"
    (count,) = [c for c in checks(any_setting) if c["type"] == "lines"]
    assert count["metastatic"] is False
    # essential thrombocythemia is no endocrine therapy
    assert not [
        c
        for c in checks(
            "History of a myeloproliferative neoplasm such as polycythemia vera or ET", "exclusion"
        )
        if c["type"] == "therapy"
    ]
    # "only" inside an allowance that says "also"
    also = "Patients who received only (neo)adjuvant chemotherapy are also eligible"
    assert _verdict(also, people.facts()) != "not met"


def test_read_after_held_out_set_80_was_measured():
    """Held-out set 80, read only after its one measurement: a sentence that says what counts as
    measurable asks nothing of the person; a decision to give chemotherapy is the coming
    treatment, never a history the person must have."""
    definition = "The following are not considered measurable lesions: Bone Leptomeningeal disease"
    assert checks(definition) == []  # NCT00066547
    assert _verdict(definition, people.facts(measurable=True)) != "not met"
    plan = (
        "A decision has been made to administer single or multiple agent first or second line "
        "chemotherapy that includes an anthracycline or a taxane"
    )  # NCT01310231
    assert not [c for c in checks(plan) if c["type"] == "therapy"]
    # a history still reads as one
    assert [c for c in checks("Prior chemotherapy with an anthracycline") if c["type"] == "therapy"]
