"""Counts of earlier treatment and combinations the chart settles (registry wording, NCT ids):
"at least 1 but not more than 3 prior chemotherapy regimens", "progression on or after ... most
recent systemic therapy", a combination's partner drug, and line counts of lines without
endocrine therapy ("non-endocrine-based therapy")."""

from mbcnav.trials.facts import DrugFact, PatientFacts
from mbcnav.trials.line_checks import lines_checks
from mbcnav.trials.match import match
from mbcnav.trials.parse import parse_trial
from mbcnav.trials.record import Trial

from .people import facts


def person(**kw) -> PatientFacts:
    return facts(**{**dict(age=60, her2="zero"), **kw})


def verdicts(text: str, f: PatientFacts) -> list[str]:
    t = Trial("NCT09999998", title="A study", eligibility=text)
    return [
        v["verdict"]
        for v in match(parse_trial(t), f)["criteria"]
        if "from the study" not in v["text"]
    ]


def test_a_range_written_in_words():
    (c,) = lines_checks(
        "Patients who have received at least 1 but not more than 3 prior chemotherapy regimens in a "
        "metastatic setting."
    )  # NCT06189209
    assert (c["min"], c["max"], c["class"]) == (1, 3, "chemotherapy")
    (c,) = lines_checks("at least 2 and no more than 4 prior lines of systemic therapy")
    assert (c["min"], c["max"]) == (2, 4)


def test_lines_without_endocrine_therapy_are_counted():
    wording = "received at least 1 and up to 3 prior lines of non-endocrine-based therapy for advanced disease"
    (c,) = lines_checks(wording)  # NCT06840483
    assert (c["min"], c["max"], c["class"]) == (1, 3, "non-endocrine therapy")
    text = f"Inclusion Criteria:\n* {wording}.\n"
    endocrine_only = person(
        lines=2,
        line_labels=[
            ["letrozole", "endocrine therapy", "CDK4/6 inhibitor"],
            ["fulvestrant", "endocrine therapy"],
        ],
    )
    assert verdicts(text, endocrine_only) == ["not met"]
    after_chemo = person(
        lines=2,
        line_labels=[["letrozole", "endocrine therapy"], ["capecitabine", "chemotherapy"]],
    )
    assert verdicts(text, after_chemo) == ["met"]


def test_progression_on_the_most_recent_therapy():
    text = "Inclusion Criteria:\n* Progression on or after or intolerance to most recent systemic therapy.\n"
    # NCT06395519: no systemic therapy at all cannot have progressed on the most recent one
    assert verdicts(text, person()) == ["not met"]
    # an adjuvant therapy may be the most recent one: not settled by metastatic lines
    adjuvant = person(drugs=[DrugFact("anastrozole", ["anastrozole"], settings=["adjuvant"])])
    assert verdicts(text, adjuvant) == ["unknown"]


def test_a_combination_partner_is_required_too():
    text = (
        "Inclusion Criteria:\n* Progressed during or after CDK4/6 inhibitor combination treatment with "
        "non-steroidal aromatase inhibitor (AI)\n"
    )  # NCT05501886
    ai_only = person(
        drugs=[
            DrugFact("anastrozole", ["anastrozole", "aromatase inhibitor"], settings=["adjuvant"])
        ]
    )
    assert verdicts(text, ai_only) == ["not met"]
    both = person(
        drugs=[
            DrugFact(
                "letrozole",
                ["letrozole", "aromatase inhibitor"],
                settings=["metastatic"],
                progressed=True,
            ),
            DrugFact(
                "palbociclib",
                ["palbociclib", "CDK4/6 inhibitor"],
                settings=["metastatic"],
                progressed=True,
            ),
        ]
    )
    assert verdicts(text, both) == ["met"]
    optional = (
        "Inclusion Criteria:\n* Progression on endocrine therapy alone or in combination with a CDK4/6 "
        "inhibitor\n"
    )
    et_only = person(
        drugs=[
            DrugFact(
                "letrozole",
                ["letrozole", "endocrine therapy"],
                settings=["metastatic"],
                progressed=True,
            )
        ]
    )
    assert verdicts(optional, et_only) == ["met"]
