"""One criterion read on its own, and the charts of blind set 18 kept in the repository, for the
tests of registry wordings (test_round2*_*.py)."""

from datetime import date
from pathlib import Path

from mbcnav.patient import load
from mbcnav.trials.criteria import parse_criteria
from mbcnav.trials.facts import from_patient
from mbcnav.trials.split import Criterion

CHARTS = Path(__file__).parents[2] / "bench/data/mbc_screening_blind18/patients"
HR_POSITIVE = CHARTS / "m01.yaml"  # HR+, HER2 IHC 0, spread to liver and bone
HER2_POSITIVE = CHARTS / "m04.yaml"  # HER2+, spread to liver, lung and brain; T-DM1 and T-DXd


def parsed(text: str, kind: str = "inclusion") -> dict:
    return parse_criteria([Criterion(kind=kind, text=text, number=1)])[0]


def checks(text: str, kind: str = "inclusion") -> list[dict]:
    return parsed(text, kind)["checks"]


def chart(path: Path):
    """The trial facts of a chart on the benches' as-of day."""
    return from_patient(load(path), date(2026, 1, 15))
