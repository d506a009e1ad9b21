"""One case per rule of data/rules.yaml, with boundary values on both sides.

Each case: the rule it exercises, the patient fragment, the check-in, the level
expected, and whether that rule must fire (True) or must not (False). A final test
fails when a rule of the data file has no case here.
"""

import pytest

from mbcnav.triage import load_rules


def on(*drugs, start="2026-06-01", end=None):
    t = {"drugs": list(drugs), "setting": "metastatic", "start": start}
    if end:
        t["end"] = end
    return t


BONE = [{"site": "bone"}]
BRAIN = [{"site": "brain", "status": "treated-stable"}]
CASES = [
    # fever and infection (boundary 37.9 / 38.0 C; 36.0 C; 6-week window)
    ("fever-on-treatment-that-lowers-white-cells", {"treatments": [on("paclitaxel")]},
     [{"symptom": "fever", "temperature_c": 38.0}], "emergency", True),
    ("fever-on-treatment-that-lowers-white-cells", {"treatments": [on("paclitaxel")]},
     [{"symptom": "fever", "temperature_c": 37.9}], "urgent", False),
    ("fever-on-treatment-that-lowers-white-cells", {"treatments": [on("Ibrance", "letrozole")]},
     [{"symptom": "chills"}], "emergency", True),
    ("fever-on-treatment-that-lowers-white-cells", {"treatments": [on("paclitaxel")]},
     [{"symptom": "fever"}], "emergency", True),
    ("fever-on-treatment-that-lowers-white-cells",
     {"treatments": [on("docetaxel", start="2026-08-01", end="2026-10-09")]},
     [{"symptom": "fever", "temperature_c": 38.4}], "emergency", True),  # 42 days after the end
    ("fever-on-treatment-that-lowers-white-cells",
     {"treatments": [on("docetaxel", start="2026-08-01", end="2026-10-08")]},
     [{"symptom": "fever", "temperature_c": 38.4}], "urgent", False),  # 43 days after the end
    ("fever-on-treatment-that-lowers-white-cells",
     {"labs": [{"date": "2026-11-19", "test": "ANC", "value": 800, "unit": "cells/uL"}]},
     [{"symptom": "fever", "temperature_c": 38.1}], "emergency", True),
    ("fever-on-treatment-that-lowers-white-cells", {"treatments": [on("my-trial-drug-x")]},
     [{"symptom": "fever", "temperature_c": 38.1}], "emergency", True),  # unknown drug: go up
    ("low-temperature-on-treatment-that-lowers-white-cells", {"treatments": [on("eribulin")]},
     [{"symptom": "fever", "temperature_c": 35.9}], "emergency", True),
    ("low-temperature-on-treatment-that-lowers-white-cells", {"treatments": [on("eribulin")]},
     [{"symptom": "fever", "temperature_c": 36.0}], "routine", False),
    ("raised-temperature-on-treatment-that-lowers-white-cells", {"treatments": [on("capecitabine")]},
     [{"symptom": "fever", "temperature_c": 37.5}], "urgent", True),
    ("raised-temperature-on-treatment-that-lowers-white-cells", {"treatments": [on("capecitabine")]},
     [{"symptom": "fever", "temperature_c": 37.4}], "routine", False),
    ("fever", {"treatments": [on("letrozole")]},
     [{"symptom": "fever", "temperature_c": 38.0}], "urgent", True),
    ("fever", {"treatments": [on("letrozole")]},
     [{"symptom": "fever", "temperature_c": 37.9}], "routine", False),
    # spine
    ("spinal-cord-compression-signs", {"metastases": BONE},
     [{"symptom": "pain", "location": "lower back", "severity": "moderate", "new": False},
      {"symptom": "leg weakness", "new": False}], "emergency", True),
    ("spinal-cord-compression-signs", {"metastases": BONE},
     [{"symptom": "pain", "location": "back", "severity": "mild", "new": False},
      {"symptom": "numbness and tingling", "location": "fingers", "severity": "mild", "new": False}],
     "routine", False),
    ("new-weakness-walking-or-continence-problem", {}, [{"symptom": "loss of bowel control"}],
     "emergency", True),
    ("new-weakness-walking-or-continence-problem", {}, [{"symptom": "trouble walking", "new": True}],
     "emergency", True),
    ("ongoing-weakness-walking-or-continence-problem", {},
     [{"symptom": "trouble walking", "severity": "mild", "new": False}], "urgent", True),
    ("new-back-or-neck-pain", {"metastases": BONE},
     [{"symptom": "pain", "location": "neck", "severity": "mild", "new": True}], "urgent", True),
    ("new-back-or-neck-pain", {"metastases": BONE},
     [{"symptom": "pain", "location": "back", "severity": "mild", "new": False}], "routine", False),
    # brain
    ("seizure", {}, [{"symptom": "seizure"}], "emergency", True),
    ("new-confusion", {}, [{"symptom": "confusion", "severity": "mild", "new": True}], "emergency", True),
    ("new-confusion", {}, [{"symptom": "confusion", "severity": "mild"}], "emergency", True),
    ("ongoing-confusion", {}, [{"symptom": "confusion", "severity": "mild", "new": False}], "urgent", True),
    ("headache-or-vision-change-with-brain-metastases", {"metastases": BRAIN},
     [{"symptom": "headache", "severity": "severe"}], "emergency", True),
    ("headache-or-vision-change-with-brain-metastases", {"metastases": BRAIN},
     [{"symptom": "headache"}], "emergency", True),  # unknown severity counts as severe
    ("headache-or-vision-change-with-brain-metastases", {"metastases": [{"site": "bone"}]},
     [{"symptom": "headache", "severity": "severe", "new": False}], "urgent", False),
    ("headache-or-vision-change-with-brain-metastases", {"metastases": BRAIN},
     [{"symptom": "vision changes", "severity": "mild", "new": True}], "emergency", True),
    ("new-headache-with-brain-metastases", {"metastases": BRAIN},
     [{"symptom": "headache", "severity": "mild", "new": True}], "urgent", True),
    ("new-headache-with-brain-metastases", {"metastases": BRAIN},
     [{"symptom": "headache", "severity": "mild", "new": False}], "routine", False),
    ("worst-headache", {}, [{"symptom": "headache", "severity": "very severe"}], "emergency", True),
    ("severe-or-new-headache", {}, [{"symptom": "headache", "severity": "severe"}], "urgent", True),
    ("severe-or-new-headache", {}, [{"symptom": "headache", "severity": "mild", "new": True}],
     "routine", False),
    ("vision-changes", {}, [{"symptom": "vision changes", "severity": "mild", "new": True}], "urgent", True),
    ("vision-changes", {}, [{"symptom": "vision changes", "severity": "mild", "new": False}],
     "routine", False),
    # chest and breathing
    ("chest-pain", {}, [{"symptom": "chest pain", "severity": "mild", "new": False}], "emergency", True),
    ("chest-pain", {}, [{"symptom": "pain", "location": "chest", "severity": "mild"}], "emergency", True),
    ("severe-breathlessness", {}, [{"symptom": "shortness of breath", "severity": "severe"}],
     "emergency", True),
    ("severe-breathlessness", {}, [{"symptom": "shortness of breath"}], "emergency", True),
    ("lung-inflammation-risk-drug", {"treatments": [on("T-DXd")]},
     [{"symptom": "cough", "severity": "mild", "new": True}], "urgent", True),
    ("lung-inflammation-risk-drug", {"treatments": [on("Datroway")]},
     [{"symptom": "shortness of breath", "severity": "mild", "new": True}], "urgent", True),
    ("lung-inflammation-risk-drug", {"treatments": [on("letrozole")]},
     [{"symptom": "cough", "severity": "mild", "new": True}], "routine", False),
    ("new-or-moderate-breathlessness", {},
     [{"symptom": "shortness of breath", "severity": "moderate", "new": False}], "urgent", True),
    ("new-or-moderate-breathlessness", {},
     [{"symptom": "shortness of breath", "severity": "mild", "new": False}], "routine", False),
    # calcium (CTCAE: > 11.5 grade 2, > 12.5 grade 3; mmol/L converted)
    ("thirst-with-bone-metastases", {"metastases": BONE},
     [{"symptom": "extreme thirst", "severity": "mild"}], "urgent", True),
    ("thirst-with-bone-metastases", {"metastases": [{"site": "liver"}]},
     [{"symptom": "extreme thirst", "severity": "mild"}], "routine", False),
    ("constipation-with-bone-metastases", {"metastases": BONE},
     [{"symptom": "constipation", "severity": "mild", "new": True}], "urgent", True),
    ("constipation-with-bone-metastases", {"metastases": BONE},
     [{"symptom": "constipation", "severity": "mild", "new": False}], "routine", False),
    ("calcium-very-high", {"labs": [{"date": "2026-11-19", "test": "calcium", "value": 12.6, "unit": "mg/dL"}]},
     [{"symptom": "fatigue", "severity": "mild"}], "emergency", True),
    ("calcium-very-high", {"labs": [{"date": "2026-11-19", "test": "calcium", "value": 3.2, "unit": "mmol/L"}]},
     [{"symptom": "fatigue", "severity": "mild"}], "emergency", True),
    ("calcium-high", {"labs": [{"date": "2026-11-19", "test": "calcium", "value": 12.5, "unit": "mg/dL"}]},
     [{"symptom": "fatigue", "severity": "mild"}], "urgent", True),
    ("calcium-high", {"labs": [{"date": "2026-11-01", "test": "calcium", "value": 12.5, "unit": "mg/dL"}]},
     [{"symptom": "fatigue", "severity": "mild"}], "routine", False),  # older than 7 days
    ("calcium-above-normal", {"labs": [{"date": "2026-11-19", "test": "calcium", "value": 11.5}]},
     [{"symptom": "fatigue", "severity": "mild"}], "routine", True),
    # blood
    ("bleeding-that-will-not-stop", {}, [{"symptom": "bleeding", "severity": "mild",
                                          "note": "nosebleed that will not stop"}], "emergency", True),
    ("bleeding-that-will-not-stop", {}, [{"symptom": "bleeding"}], "emergency", True),
    ("bleeding", {"treatments": [on("carboplatin")]},
     [{"symptom": "bleeding", "severity": "mild", "new": True}], "urgent", True),
    ("bleeding", {"treatments": [on("letrozole")]},
     [{"symptom": "bleeding", "severity": "mild", "new": True}], "routine", False),
    ("new-bruising-on-treatment", {"treatments": [on("gemcitabine")]},
     [{"symptom": "bruising", "severity": "mild", "new": True}], "urgent", True),
    ("platelets-very-low", {"labs": [{"date": "2026-11-19", "test": "platelets", "value": 24}]},
     [{"symptom": "fatigue", "severity": "mild"}], "urgent", True),
    ("platelets-very-low", {"labs": [{"date": "2026-11-19", "test": "platelets", "value": 25}]},
     [{"symptom": "fatigue", "severity": "mild"}], "routine", False),
    ("neutrophils-very-low", {"labs": [{"date": "2026-11-19", "test": "ANC", "value": 0.4}]},
     [{"symptom": "fatigue", "severity": "mild"}], "urgent", True),
    ("limb-swelling-possible-clot", {}, [{"symptom": "arm or leg swelling", "location": "left calf",
                                          "severity": "mild", "new": True}], "urgent", True),
    ("limb-swelling-possible-clot", {}, [{"symptom": "arm or leg swelling", "severity": "mild",
                                          "new": False}], "routine", False),
    ("yellow-skin-or-eyes", {}, [{"symptom": "yellow skin or eyes", "severity": "mild"}], "urgent", True),
    # gut (CTCAE: 4-6 stools over baseline grade 2, >= 7 grade 3; boundary 3 vs 4)
    ("diarrhea-7-or-more", {}, [{"symptom": "diarrhea", "count_per_day": 7}], "urgent", True),
    ("diarrhea-7-or-more", {}, [{"symptom": "diarrhea", "count_per_day": 6}], "urgent", False),
    ("diarrhea-4-to-6", {"treatments": [on("abemaciclib", "letrozole")]},
     [{"symptom": "diarrhea", "count_per_day": 4}], "urgent", True),
    ("diarrhea-4-to-6", {"treatments": [on("letrozole")]},
     [{"symptom": "diarrhea", "count_per_day": 3}], "routine", False),
    ("diarrhea-on-immunotherapy", {"treatments": [on("pembrolizumab")]},
     [{"symptom": "diarrhea", "count_per_day": 2, "new": True}], "urgent", True),
    ("moderate-diarrhea-amount-unknown", {}, [{"symptom": "diarrhea", "severity": "moderate"}],
     "urgent", True),
    ("diarrhea-amount-unknown-on-high-risk-drug", {"treatments": [on("neratinib")]},
     [{"symptom": "diarrhea"}], "urgent", True),
    ("diarrhea-amount-unknown-on-high-risk-drug", {"treatments": [on("letrozole")]},
     [{"symptom": "diarrhea"}], "routine", False),
    ("mild-diarrhea-on-high-risk-drug", {"treatments": [on("Verzenio", "letrozole")]},
     [{"symptom": "diarrhea", "count_per_day": 3}], "routine", True),
    ("vomiting-cannot-keep-fluids-down", {}, [{"symptom": "vomiting", "count_per_day": 3}], "urgent", True),
    ("vomiting-cannot-keep-fluids-down", {}, [{"symptom": "vomiting", "count_per_day": 2}], "routine", False),
    ("vomiting-cannot-keep-fluids-down", {}, [{"symptom": "vomiting", "count_per_day": 1,
                                               "note": "cannot keep fluids down"}], "urgent", True),
    # blood sugar
    ("high-blood-sugar-signs-on-pi3k-akt-mtor-drug", {"treatments": [on("alpelisib", "fulvestrant")]},
     [{"symptom": "extreme thirst", "severity": "mild"}], "urgent", True),
    ("high-blood-sugar-signs-on-pi3k-akt-mtor-drug", {"treatments": [on("Truqap", "fulvestrant")]},
     [{"symptom": "extreme thirst", "severity": "mild"}], "urgent", True),
    ("high-blood-sugar-signs-on-pi3k-akt-mtor-drug", {"treatments": [on("fulvestrant")]},
     [{"symptom": "extreme thirst", "severity": "mild"}], "routine", False),
    ("blood-sugar-high-on-pi3k-akt-mtor-drug",
     {"treatments": [on("inavolisib")], "labs": [{"date": "2026-11-19", "test": "glucose", "value": 250}]},
     [{"symptom": "fatigue", "severity": "mild"}], "urgent", True),
    ("blood-sugar-high-on-pi3k-akt-mtor-drug",
     {"treatments": [on("inavolisib")], "labs": [{"date": "2026-11-19", "test": "glucose", "value": 249}]},
     [{"symptom": "fatigue", "severity": "mild"}], "routine", False),
    # mouth and skin
    ("severe-mouth-sores", {}, [{"symptom": "mouth sores", "severity": "severe"}], "urgent", True),
    ("severe-mouth-sores", {}, [{"symptom": "mouth sores", "severity": "moderate"}], "routine", False),
    ("severe-hand-foot-syndrome", {}, [{"symptom": "hand-foot syndrome", "severity": "severe"}],
     "urgent", True),
    ("hand-foot-syndrome-on-capecitabine", {"treatments": [on("Xeloda")]},
     [{"symptom": "hand-foot syndrome", "severity": "moderate"}], "urgent", True),
    ("hand-foot-syndrome-on-capecitabine", {"treatments": [on("Xeloda")]},
     [{"symptom": "hand-foot syndrome", "severity": "mild"}], "routine", False),
    ("blistering-rash", {}, [{"symptom": "rash", "severity": "mild", "note": "blisters on arms"}],
     "urgent", True),
    # pain and mood
    ("uncontrolled-pain", {}, [{"symptom": "pain", "location": "hip", "severity": "severe"}], "urgent", True),
    ("uncontrolled-pain", {}, [{"symptom": "pain", "location": "hip", "severity": "moderate"}],
     "routine", False),
    ("thoughts-of-self-harm", {}, [{"symptom": "sadness", "severity": "moderate",
                                    "note": "I don't want to live like this"}], "emergency", True),
    ("severe-sadness-or-anxiety", {}, [{"symptom": "anxiety", "severity": "very severe"}], "urgent", True),
    # fallbacks
    ("severe-symptom", {}, [{"symptom": "fatigue", "severity": "severe"}], "urgent", True),
    ("severe-symptom", {}, [{"symptom": "hair loss", "severity": "severe"}], "routine", False),
    ("self-care", {}, [{"symptom": "fatigue", "severity": "mild"}], "routine", True),
    ("self-care", {}, [{"symptom": "fatigue", "severity": "none"}], "none", False),
]


@pytest.mark.parametrize(("rule", "fields", "checkin", "level", "fires"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(run, rule, fields, checkin, level, fires):
    result = run(checkin, **fields)
    fired = {r.rule for r in result.reasons}
    assert result.level == level, [r.rule for r in result.reasons]
    assert (rule in fired) is fires, fired


def test_every_rule_has_a_case():
    covered = {c[0] for c in CASES if c[4]}
    missing = {r.name for r in load_rules()} - covered
    assert not missing, f"rules without a firing test case: {sorted(missing)}"
