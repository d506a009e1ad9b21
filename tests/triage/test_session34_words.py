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


def test_nothing_said_about_a_sign_denies_it():
    """A daughter writing: "... talks normally to me and hasnt said anything about hurting
    herself": no sign of self-harm; the sign itself still reads."""
    assert negated("hasnt said anything about hurting myself")
    assert negated("she has not mentioned self harm")
    assert not negated("she has been cutting herself")
    assert not negated("she said she wants to hurt herself")
    # only a carer's, only of self-harm, and with nothing after it (first review: a disclosure,
    # or a sign the carer sees, is a report)
    assert not negated("i havent said anything about hurting myself")
    assert not negated("she has not mentioned chest pain")
    calm = _run(
        {
            "symptom": (
                "hi its her daughter. mum has gone quiet since the chemo monday last week, sleeps "
                "a lot in the afternoon and doesnt want visitors much. shes eating ok, drinking "
                "ok, no temperature (36.8), talks normally to me and hasnt said anything about "
                "hurting herself. is this normal after chemo? should we mention it thursday"
            ),
            "temperature_c": 36.8,
        },
        drugs=["docetaxel"],
    )
    assert calm.level in {"routine", "urgent"}
    assert not any("self-harm" in r for r in _rules(calm))
    told = _run({"symptom": "she hasnt said anything about it but she has been cutting herself"})
    assert told.level == "emergency"


def test_quiet_with_clear_talk_is_not_new_confusion():
    quiet = "mum has gone quiet and sleeps a lot in the afternoon, talks normally to me"
    assert "confusion-or-drowsiness" not in _semantic(quiet)
    for words in (
        "mum has gone quiet and sleeps a lot, she is muddled and not making sense",
        "she talks normally at times but we can hardly wake her this morning",
    ):
        assert "confusion-or-drowsiness" in _semantic(words)


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


def test_first_review_clear_talk_does_not_quiet_drowsiness():
    for words in (
        "he is very lethargic and keeps nodding off mid conversation, knows who we are",
        "mum is much sleepier than usual and very thirsty and constipated, she still makes sense",
        "mum is very sleepy, sleeping nearly all day and night since tuesday, but when she is "
        "awake she talks normally",
        "Mum has been off her food for 2 days and sleeping a lot more than usual, but when she's "
        "awake she's with it and knows who everyone is",
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
