"""The person most trial tests start from: a woman with metastatic breast cancer whose treatment
history is known and empty, with liver metastases, on the benches' as-of day; a test changes
only what its rule reads (``facts(hr="negative", lines=2)``)."""

from mbcnav.trials.facts import PatientFacts

AS_OF = "2026-01-15"
BASE = dict(
    age=50,
    sex="female",
    setting="metastatic",
    hr="positive",
    her2="low",
    therapies_known=True,
    lines=0,
    lines_done=0,
    chemo_lines=0,
    line_labels=[],
    sites=["liver"],
    sites_known=True,
    as_of=AS_OF,
)


def facts(**changes) -> PatientFacts:
    return PatientFacts(**{**BASE, **changes})
