"""Thirty-fourth session (issue 20): words from this session's tuning set 74. Each change that
quiets a calm message still reads the red flag it is about."""

from mbcnav.patient.negation import negated

from .test_session32_words import _run, _semantic


def _rules(result) -> set[str]:
    return {r.rule for r in result.reasons}


DOUBLE = (
    "Im so cross with myself, I took my morning xeloda tablets at 8 and then again at 10 "
    "because I forgot Id already done it. So double this morning. I feel fine so far. Do I take "
    "the evening ones?"
)


def test_an_extra_dose_stands_when_the_person_feels_fine():
    """An extra dose is an event: "I feel fine so far" (severity none) does not undo it, and
    "cross with myself" is blame, not self-harm."""
    for entry in ({"symptom": DOUBLE}, {"symptom": DOUBLE, "severity": "none"}):
        r = _run(entry, drugs=["capecitabine"])
        assert r.level == "urgent"
        assert "took-an-extra-dose-by-mistake" in _rules(r)
        assert "sounds-like-self-harm" not in _rules(r)
    told = _run(
        {"symptom": "took my tablets twice by mistake this morning", "severity": "none"},
        drugs=["capecitabine"],
    )
    assert told.level == "urgent"
    # a word of intent keeps the crisis reading
    meant = _run({"symptom": "I took my tablets again on purpose, I hate myself"})
    assert meant.level == "emergency"


def test_a_missed_dose_asked_about_is_no_crisis():
    words = "I forgot to take my tablets again this morning, should I take two tonight?"
    assert "self-harm" not in _semantic(words)
    assert _run({"symptom": words}, drugs=["capecitabine"]).level != "emergency"
    assert "self-harm" in _semantic("I missed my tablets on purpose because I want it to end")


def test_a_telling_that_did_not_happen_is_a_report():
    """The first and final reviews: "I never mentioned that I've been cutting myself", "she
    never mentioned the chest pain until tonight" report what was not told; a carer's "she
    hasnt said anything about hurting herself" is no denial either (the tuning case's calm
    carer is over-triaged rather than risk a sign written after it)."""
    for words in (
        "I never mentioned that I've been cutting myself",
        "I never told anyone that I have been cutting myself",
        "she never mentioned the chest pain until tonight",
        "she hasnt said anything about hurting herself but I found blades in her room",
    ):
        assert not negated(words.lower().replace("'", "")), words
        assert _run({"symptom": words}, drugs=["capecitabine"]).level == "emergency", words
    assert negated("never had chest pain")


def test_first_review_not_having_told_of_a_sign_is_a_report():
    for words, level in (
        ("I never mentioned to anyone that Ive been cutting myself again", "emergency"),
        ("I havent mentioned the thoughts of ending it to my team", "emergency"),
        (
            "he hasnt said anything about chest pain, he just keeps rubbing his chest and is "
            "sweaty and grey",
            "emergency",
        ),
        ("I havent mentioned the breathlessness to anyone", "emergency"),
        (
            "she hasnt mentioned wanting to die but she gave away her jewellery and wrote letters "
            "to us all",
            "emergency",
        ),
    ):
        assert _run({"symptom": words}, drugs=["letrozole"]).level == level, words


def test_first_review_a_dose_doubled_to_make_up_is_an_extra_dose():
    for words in (
        "forgot my xeloda last night so I took last nights and this mornings together",
        "missed my evening dose so took 4 tablets this morning instead of 2",
        "I missed yesterdays tablets, so today I took double",
        "I forgot my verzenio last night and took it this morning with my morning one",
        "forgot my evening xeloda, took 2 tablets extra this morning to make up. feel fine",
        "I missed my tablets yesterday so I doubled up today to make up for it",
        "I forgot to take my tablets last night so took both lots this morning, is that ok?",
        "I doubled my tablets by accident",
    ):
        for severity in ({}, {"severity": "none"}):
            r = _run({"symptom": words, **severity}, drugs=["capecitabine"])
            assert r.level in {"urgent", "emergency"}, (words, severity)
    usual = _run(
        {
            "symptom": "I took my tablets at 8 and then again at 8pm as usual, I forgot to ask "
            "about my rash",
            "severity": "none",
        },
        drugs=["capecitabine"],
    )
    assert "took-an-extra-dose-by-mistake" not in _rules(usual)
    assert "question-for-team" in _rules(usual)
    food = _run(
        {
            "symptom": "I took my tablets together with food this morning, forgot to ask about "
            "my rash",
            "severity": "none",
        },
        drugs=["capecitabine"],
    )
    assert "took-an-extra-dose-by-mistake" not in _rules(food)


def test_first_review_clear_talk_does_not_quiet_drowsiness():
    for words in (
        "he is very lethargic and keeps nodding off mid conversation, knows who we are",
        "mum is much sleepier than usual and very thirsty and constipated, she still makes sense",
        "mum is very sleepy, sleeping nearly all day and night since tuesday, but when she is "
        "awake she talks normally",
        "Mum has been off her food for 2 days and sleeping a lot more than usual, but when she's "
        "awake she's with it and knows who everyone is",
        # final review
        "mum is sleeping 20 hours a day but she knows where she is",
        "she keeps falling asleep in the middle of talking, otherwise makes sense",
    ):
        assert "confusion-or-drowsiness" in _semantic(words), words


def test_first_review_tired_of_fighting_is_hopelessness():
    for words in (
        "I forgot my tablets again. might as well stop them and let nature take its course, I am "
        "so tired of fighting",
        "im so tired of fighting this",
    ):
        assert _run({"symptom": words}, drugs=["letrozole"]).level in {"urgent", "emergency"}
    assert _run({"symptom": "tired after chemo but we walked to the park"}).level == "routine"


def test_held_out_sips_only_and_dizzy_on_standing_is_an_emergency():
    """Held-out set 75, read after it was measured: mouth ulcers on capecitabine."""
    words = (
        "day 11 of my xeloda and my mouth is full of ulcers, i havent been able to eat since "
        "saturday and only had a few sips since last night. bit dizzy when i stand"
    )
    assert _run({"symptom": words, "new": True}, drugs=["capecitabine"]).level == "emergency"


def test_last_review_an_overdose_after_a_missed_dose_is_still_a_crisis():
    for words in (
        "forgot my tablets this morning then swallowed 20 tablets tonight",
        "forgot my tablets this morning then took 12 tablets of oxycodone",
    ):
        assert _run({"symptom": words}, drugs=["capecitabine"]).level == "emergency", words
    for words in (
        "I never told anyone I want to die",
        "I never told my oncologist about my chest pain",
        "she never complained of chest pain until tonight",
    ):
        assert _run({"symptom": words}, drugs=["letrozole"]).level == "emergency", words
    both = _run(
        {"symptom": "forgot yesterdays ibrance so took them both today", "severity": "none"},
        drugs=["palbociclib"],
    )
    assert both.level == "urgent"


def test_asking_whether_to_take_a_missed_dose_with_the_next_is_no_extra_dose():
    """Set 66 in the all-sets run: "do i take it now with my morning ones or skip it?"."""
    asked = _run(
        {
            "symptom": "i forgot my evening capecitabine last night, remembered this morning. do i "
            "take it now with my morning ones or skip it? feel fine"
        },
        drugs=["capecitabine"],
    )
    assert "took-an-extra-dose-by-mistake" not in _rules(asked)
