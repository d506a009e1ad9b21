"""The rules data file: validation errors, sources, freshness, wording."""

import copy
import re
from datetime import date
from importlib import resources

import pytest
import yaml

from mbcnav.triage import TriageError, load_rules, parse_rules
from mbcnav.triage.rule import PLACEHOLDERS

STALE_AFTER_MONTHS = 12

RAW = yaml.safe_load(
    resources.files("mbcnav.triage").joinpath("data", "rules.yaml").read_text("utf-8")
)
RULES = load_rules()


def _one(**changes):
    rule = copy.deepcopy(RAW["rules"][0])
    for key, value in changes.items():
        if value is None:
            rule.pop(key)
        else:
            rule[key] = value
    return {"rules": [rule]}


def _error(data, file="rules.yaml") -> str:
    with pytest.raises(TriageError) as err:
        parse_rules(data, file)
    return str(err.value)


def test_bundled_file_loads():
    assert len(RULES) >= 30


def test_bad_level_names_file_rule_field_and_allowed_values():
    msg = _error(_one(level="urgnt"))
    assert msg.startswith(
        "rules.yaml: rule 'fever-on-treatment-that-lowers-white-cells', field 'level'"
    )
    assert "'urgnt'" in msg and "emergency, urgent, routine, none" in msg


def test_missing_sources_is_an_error():
    msg = _error(_one(sources=None))
    assert "rule 'fever-on-treatment-that-lowers-white-cells'" in msg and "field 'sources'" in msg


def test_source_without_url_is_an_error():
    bad = copy.deepcopy(RAW["rules"][0]["sources"])
    del bad[0]["url"]
    msg = _error(_one(sources=bad))
    assert "field 'sources[0].url'" in msg


def test_source_without_read_date_is_an_error():
    bad = copy.deepcopy(RAW["rules"][0]["sources"])
    bad[1]["read"] = "last year"
    assert "field 'sources[1].read'" in _error(_one(sources=bad))


def test_empty_sources_is_an_error():
    assert "field 'sources'" in _error(_one(sources=[]))


def test_missing_as_of_is_an_error():
    assert "field 'as_of'" in _error(_one(as_of=None))


def test_unknown_symptom_in_condition_is_an_error():
    msg = _error(_one(when={"symptom": ["feverish"]}))
    assert "field 'when.symptom'" in msg and "'feverish'" in msg


def test_unknown_condition_key_is_an_error():
    msg = _error(_one(when={"all": [{"symptom": ["fever"]}, {"temprature": {"gte": 38}}]}))
    assert "field 'when.all[1]'" in msg and "'temprature'" in msg


def test_bad_number_is_an_error():
    assert "field 'when.temperature_c.gte'" in _error(_one(when={"temperature_c": {"gte": "high"}}))


def test_undeclared_drug_class_is_an_error():
    msg = _error(_one(when={"on_drug": {"class": ["chemo"]}}))
    assert "field 'when.on_drug.class'" in msg and "'chemo'" in msg


def test_unknown_rule_field_is_an_error():
    assert "field 'levle'" in _error(_one(levle="urgent"))


def test_unknown_placeholder_is_an_error():
    assert "placeholder {drugs}" in _error(_one(explanation="You take {drugs}."))


def test_duplicate_rule_name_is_an_error():
    data = {"rules": [copy.deepcopy(RAW["rules"][0]), copy.deepcopy(RAW["rules"][0])]}
    assert "used by an earlier rule" in _error(data)


def test_check_in_rule_needs_a_symptom_label():
    assert "field 'symptom'" in _error(_one(scope="check-in"))


def test_file_name_is_in_the_message(tmp_path):
    path = tmp_path / "my-rules.yaml"
    path.write_text(yaml.safe_dump(_one(level="soon")), encoding="utf-8")
    with pytest.raises(TriageError, match=r"^my-rules\.yaml: rule"):
        load_rules(path)


def test_every_rule_has_a_source_with_publisher_title_url_and_read_date():
    for rule in RULES:
        assert rule.sources, rule.name
        for src in rule.sources:
            assert src.publisher and src.title and src.url.startswith("https://"), rule.name
            assert src.read <= date(2026, 11, 21) or src.read <= date.today(), rule.name


def test_no_rule_is_stale():
    """Flags rules whose as_of is older than STALE_AFTER_MONTHS: re-read the sources and bump it."""
    today = date.today()
    for rule in RULES:
        months = (today.year - rule.as_of.year) * 12 + today.month - rule.as_of.month
        assert months <= STALE_AFTER_MONTHS, (
            f"{rule.name}: as_of {rule.as_of} is {months} months old"
        )


def test_emergency_and_urgent_advice_says_what_to_do_now_in_one_line():
    for rule in RULES:
        assert "\n" not in rule.do, rule.name
        if rule.level == "emergency":
            assert "911" in rule.do, rule.name
        if rule.level == "urgent":
            assert "now" in rule.do and ("oncology team" in rule.do), rule.name


def _syllables(word: str) -> int:
    word = word.lower().strip(".,;:()'\"")
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups) - (
        1 if word.endswith("e") and len(groups) > 1 and not word.endswith("le") else 0
    )
    return max(1, count)


def fk_grade(text: str) -> float:
    """Flesch-Kincaid grade with a vowel-group syllable count (no dictionary download)."""
    sentences = max(1, len(re.findall(r"[.!?](\s|$)", text)))
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    syllables = sum(_syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59


def test_grade_formula_tells_easy_from_hard():
    assert fk_grade("The cat sat on the mat. It was warm.") < 3
    assert (
        fk_grade("Interstitial pneumonitis necessitates immediate multidisciplinary evaluation.")
        > 14
    )


def test_explanations_are_plain_language():
    text = " ".join(r.explanation.format_map({k: "it" for k in PLACEHOLDERS}) for r in RULES)
    grade = fk_grade(text)
    assert grade <= 8.0, f"explanations read at grade {grade:.1f}"
    for rule in RULES:
        assert fk_grade(rule.explanation) <= 10.0, rule.name


def test_levels_cover_the_issue_list():
    names = {r.name for r in RULES}
    for needed in (
        "fever-on-treatment-that-lowers-white-cells",
        "spinal-cord-compression-signs",
        "seizure",
        "new-confusion",
        "chest-pain",
        "severe-breathlessness",
        "lung-inflammation-risk-drug",
        "calcium-very-high",
        "bleeding-that-will-not-stop",
        "limb-swelling-possible-clot",
        "yellow-skin-or-eyes",
        "diarrhea-4-to-6",
        "vomiting-cannot-keep-fluids-down",
        "high-blood-sugar-signs-on-pi3k-akt-mtor-drug",
        "severe-mouth-sores",
        "severe-hand-foot-syndrome",
        "uncontrolled-pain",
        "self-care",
    ):
        assert needed in names


def test_asks_takes_true_or_false_only():
    msg = _error(_one(when={"asks": "yes"}))
    assert "field 'when.asks'" in msg and "'yes'" in msg and "true or false" in msg


def test_a_question_rule_names_what_its_reason_is_about():
    msg = _error(_one(scope="question", when={"asks": True}))
    assert "field 'symptom'" in msg and "question rule" in msg


def test_a_question_rule_cannot_be_a_fallback():
    msg = _error(
        _one(scope="question", symptom="your question", fallback=True, when={"asks": True})
    )
    assert "field 'fallback'" in msg and "question rule" in msg
