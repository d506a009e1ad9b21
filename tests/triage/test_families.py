"""Sign families and negation scope (issue 20, round 4): typed check-ins, read as the person
typed them, reach the level of the concept whatever the wording; denials deny only what they
name; benign look-alikes stay where they were. Phrases written for this file."""

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.patient.negation import negated
from mbcnav.triage.conditions import words_match
from mbcnav.triage.rule import load_rules

FAMILIES = (
    "own-words-seizure-sign",
    "own-words-self-harm-sign",
    "own-words-veiled-plan",
    "own-words-hopelessness",
    "bowel-obstruction-pattern",
)


def typed(run, *entries):
    return run(own_words_all([e if isinstance(e, dict) else {"symptom": e} for e in entries]))


@pytest.mark.parametrize(
    "text",
    [
        "left leg kept jerking and I couldn't stop it",
        "my face was twitching on one side on its own for 5 mins",
        "keep having blank spells, husband says I stare and don't answer",
        "had a funny turn at the shops",
        "woke up on the floor with a sore tongue",
        "never had one before but today my arm was jerking",
    ],
)
def test_the_seizure_family_is_an_emergency_with_911(run, text):
    result = typed(run, {"symptom": text, "severity": "mild"})
    assert result.level == "emergency", [r.rule for r in result.reasons]
    assert "911" in result.advice


@pytest.mark.parametrize(
    "text",
    [
        "I've been burning myself with a lighter",
        "scratched my arms till they bled to cope",
        "started self-harming again",
        "been thinking about the train tracks a lot",
        "walked to the bridge and stood there a long time, whats the point",
        "looked up how many pills it would take",
    ],
)
def test_self_harm_and_veiled_plans_are_an_emergency_with_988(run, text):
    result = typed(run, {"symptom": text, "severity": "mild"})
    assert result.level == "emergency", [r.rule for r in result.reasons]
    assert any("988" in r.do for r in result.reasons)


@pytest.mark.parametrize("text", ["whats the point anymore", "not suicidal but feel hopeless"])
def test_hopelessness_alone_is_a_same_day_call_naming_988(run, text):
    result = typed(run, {"symptom": text, "severity": "mild"})
    assert result.level == "urgent", [r.rule for r in result.reasons]
    assert any(r.rule == "own-words-hopelessness" and "988" in r.do for r in result.reasons)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("legs jerk when I'm falling asleep", "routine"),  # hypnic jerks
        ("eyelid twitching", "routine"),
        ("my dental bridge is loose", "routine"),
        ("cut my finger chopping onions", "routine"),
        ("went for a walk by the river, felt fine", "routine"),
        ("no thoughts of suicide, just tired", "routine"),
        ("feeling low, no thoughts of harming myself", "routine"),
    ],
)
def test_look_alikes_and_denials_stay_low(run, text, level):
    result = typed(run, {"symptom": text, "severity": "mild"})
    assert result.level == level, [r.rule for r in result.reasons]


@pytest.mark.parametrize(
    ("text", "level"), [("no fits since last year", "none"), ("no funny turns lately", "none")]
)
def test_a_phrase_that_only_denies_a_sign_is_not_reported(run, text, level):
    result = typed(run, {"symptom": text})
    assert result.level == level, [r.rule for r in result.reasons]


def test_a_blocked_bowel_pattern_is_an_emergency_but_its_parts_alone_are_not(run):
    both = typed(
        run,
        {"symptom": "haven't pooed in 5 days, belly huge and hard", "severity": "moderate"},
        {"symptom": "vomiting", "count_per_day": 3},
    )
    assert both.level == "emergency" and "bowel-obstruction-pattern" in {
        r.rule for r in both.reasons
    }
    alone = typed(run, {"symptom": "haven't pooed in 5 days", "severity": "moderate"})
    assert alone.level != "emergency"


def test_lay_words_for_diarrhea_and_soiling_are_read(run):
    squits = typed(run, {"symptom": "the squits again, 5 times today", "severity": "moderate"})
    assert "diarrhea" in {r.symptom for r in squits.reasons}
    soiled = typed(run, {"symptom": "pooed myself without noticing", "new": True})
    assert soiled.level == "emergency"


@pytest.mark.parametrize(
    "clause",
    [
        "no thoughts of harming myself",
        "never thought about hurting myself",
        "i have no fever",
        "no fits since last year",
        "without any chest pain",
        # a list of denials with the cue repeated (round 23)
        "no ulcers no bleeding",
        "no fever no chills",
    ],
)
def test_a_negation_cue_denies_the_phrase_it_starts(clause):
    assert negated(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "no feeling in my legs",
        "no control of my bladder",
        "no point going on",
        "no reason to live",
        "never had a fit before",
        "no poo for 4 days",
        "no wind",
        "not breathing properly",
        "not passed wind",
        "no money no job",
        "no poo no wind",
    ],
)
def test_pseudo_negations_are_reports_not_denials(clause):
    assert not negated(clause)


def test_a_denial_ends_at_but():
    assert not words_match(["seiz*"], "no seizure")
    assert words_match(["shaking"], "no fever but shaking")


def test_hyphens_read_as_spaces():
    assert words_match(["self harm*"], "more self-harm this week")


def test_every_family_rule_is_sourced_and_says_who_to_call():
    rules = {r.name: r for r in load_rules()}
    for name in FAMILIES:
        rule = rules[name]
        assert rule.sources and all(s.url.startswith("https://") for s in rule.sources)
        assert "911" in rule.do or "988" in rule.do
        for word in ("stop taking", "start taking", "stop your", "double"):
            assert word not in rule.do.lower()


@pytest.mark.parametrize(
    ("phrases", "text", "hit"),
    [
        (["worst*"], "mild headache, not the worst ever", False),  # cue right before the hit
        (["worst*"], "worst headache of my life", True),
        (["a fit"], "never had a fit before today", True),  # 'had' is not a filler: kept
        (["not breathing"], "he was not breathing", True),  # the cue is part of the phrase
        (["no reason to live"], "there is no reason to live", True),
    ],
)
def test_a_cue_just_before_a_hit_denies_it(phrases, text, hit):
    assert words_match(phrases, text) is hit


def test_a_planned_method_is_an_emergency_and_an_old_ache_is_not_new(run):
    plan = typed(run, {"symptom": "planning how to do it", "severity": "mild"})
    assert plan.level == "emergency" and any("988" in r.do for r in plan.reasons)
    (entry,) = own_words_all([{"date": "2026-11-20", "symptom": "back ache, had it before"}])
    assert entry["new"] is False


def test_affairs_in_order_are_an_emergency_only_next_to_hopelessness(run):
    both = typed(run, {"symptom": "wrote letters to my kids for when I'm gone, can't go on"})
    assert both.level == "emergency"
    legacy = typed(
        run, {"symptom": "wrote letters to my kids for when I'm gone", "severity": "mild"}
    )
    assert legacy.level == "routine"  # a common, healthy thing to do with cancer


def test_a_twitching_hand_in_an_episode_without_speech_is_a_seizure_sign(run):
    result = typed(run, "had an episode where I couldn't speak and my hand was twitching")
    assert result.level == "emergency"
    assert {"own-words-seizure-sign"} <= {r.rule for r in result.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "she says her legs feel like they are not her own and her back is killing her",
        "he keeps cutting his arms",
    ],
)
def test_a_carers_words_reach_the_family(run, text):
    result = typed(run, {"symptom": text, "severity": "mild"})
    assert result.level == "emergency", [r.rule for r in result.reasons]


def test_nothing_to_report_is_not_sent_to_the_24_hour_line_but_a_red_flag_still_wins(run):
    assert typed(run, "all fine no probs x").level == "none"
    assert typed(run, "feeling great, walked the dog").level == "routine"
    assert typed(run, "feeling great, lost a couple of minutes earlier").level == "emergency"


def test_a_phrase_holding_a_joining_word_is_read_across_the_cut(run):
    """ "done with it all" holds "with", where clauses are cut: read between punctuation."""
    assert words_match(["done with it all"], "says she is 'done' with it all. fine otherwise")
    assert not words_match(["done with it all"], "not done with it all yet")
    lips = run(
        [
            {
                "symptom": "other symptom",
                "severity": "mild",
                "note": "lips cracked at the corners and mouth dry, no ulcers no bleeding",
            }
        ]
    )
    assert lips.level == "routine", [r.rule for r in lips.reasons]


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("mild headache, not the worst ever, no sickness", None),
        ("the pain is not severe", None),
        ("worst headache of my life", "severe"),
        ("severe pain, not the usual", "severe"),
    ],
)
def test_a_denied_severe_word_does_not_make_the_entry_severe(text, severity):
    (entry,) = own_words_all([{"date": "2026-11-20", "symptom": text}])[:1]
    assert entry.get("severity") == severity
