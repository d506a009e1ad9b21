import pytest
import yaml

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.judge import judge
from mbcnav.trials.patterns import load, validate

SOURCE = {"publisher": "p", "title": "t", "url": "u", "read": "2026-11-21"}


def test_bundled_patterns_load_with_source_and_drugs():
    pats = load()
    assert pats.as_of == "2026-12-06" and pats.source["url"]
    assert pats.concepts["cdk46"].check == "therapy"
    assert "drug:palbociclib" in pats.concepts  # from mbcnav.patient.vocabulary


def test_validation_names_file_entry_and_field():
    raw = {
        "as_of": "2026-11-21",
        "source": SOURCE,
        "context": [],
        "concepts": {"odd": {"check": "colour", "value": "x", "patterns": ["a"]}},
    }
    with pytest.raises(TrialsError, match="concept 'odd' has check 'colour'"):
        validate(raw, "f.yaml")
    raw["concepts"] = {"bad": {"check": "brain", "patterns": ["("]}}
    with pytest.raises(TrialsError, match="f.yaml: concept 'bad' has a bad pattern"):
        validate(raw, "f.yaml")
    with pytest.raises(TrialsError, match="missing the field 'context'"):
        validate({"as_of": 1, "source": SOURCE, "concepts": {}}, "f.yaml")


def test_validation_of_context_rules():
    raw = yaml.safe_load("""
as_of: 2026-11-21
source: {publisher: p, title: t, url: u, read: 2026-11-21}
concepts: {}
context: [{literal: are excluded, category: EXCLUDED, direction: SIDEWAYS}]
""")
    with pytest.raises(TrialsError, match="direction 'SIDEWAYS'"):
        validate(raw)


NOTE = (
    "0. A 67-year-old man presents with chest pain radiating to the back and a heart rate of 112 beats per minute.\n"
    "1. He has hypertension.\n"
    "2. The patient will provide informed consent, and will comply with the trial protocol without any practical issues."
)


@pytest.mark.parametrize(
    ("kind", "criterion", "label"),
    [
        ("inclusion", "Age 18 to 80 years", "included"),
        ("inclusion", "Women aged 18 or older", "not included"),
        ("inclusion", "Heart rate of at least 90/min", "included"),
        ("inclusion", "Able to comply with study visits", "included"),
        ("inclusion", "No history of kidney transplant", "included"),
        ("inclusion", "Serum ferritin above 200 ng/mL", "not enough information"),
        ("exclusion", "Pregnant or breast-feeding women", "not applicable"),
        ("exclusion", "Unable to give informed consent", "not excluded"),
        ("exclusion", "Body mass index greater than 35", "not enough information"),
        ("exclusion", "History of liver cirrhosis", "not excluded"),
    ],
)
def test_judge_labels(kind, criterion, label):
    assert judge(NOTE, kind, criterion) == label
