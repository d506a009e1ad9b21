"""Thirty-second session (issue 20): words read from this session's tuning set 70 and last
session's held-out sets 68 and 69 (read after they were measured). Each change that quiets a calm
message still reads the red flag it is about, and each one that raises a level stays out of calm
words."""

from datetime import date

from mbcnav.patient.checkin import own_words_all, read_typed
from mbcnav.patient.fileformat import parse
from mbcnav.triage import care_questions, semantic, triage
from mbcnav.triage.conditions import asks

DAY = date(2026, 11, 20)


def _run(*entries, drugs=()):
    data = {"format": "mbcnav-patient/1"}
    if drugs:
        data["treatments"] = [
            {"drugs": list(drugs), "setting": "metastatic", "start": "2026-10-01"}
        ]
    data["symptoms"] = own_words_all([{"date": DAY.isoformat(), **e} for e in entries])
    return triage(parse(data, today=DAY), DAY)


def _semantic(text: str) -> set[str]:
    return {h.concept.name for h in semantic.hits(text)}


def test_asking_whether_the_tablets_cause_a_change_is_no_act():
    """ "my hair is thinning at the front, is that the tablets?" sat nearest "I took more tablets
    than I should on purpose"; an act or an intent still reads as self-harm."""
    assert "self-harm" not in _semantic("is that the tablets?")
    assert "self-harm" not in _semantic("i keep forgetting things, is that the tablets?")
    assert "self-harm" in _semantic("i took all the tablets on purpose")
    assert "self-harm" in _semantic("I have taken extra tablets to make it stop")


def test_a_dose_taken_twice_by_mistake_is_a_call_not_a_crisis():
    """ "i think i took my evening xeloda twice, did the pill box then forgot ... feel ok": the
    team today, not the crisis line; a word of intent keeps the crisis reading."""
    text = (
        "i think i took my evening xeloda twice, did the pill box then forgot and took from the "
        "packet as well. so 6 tablets instead of 3. feel ok"
    )
    r = _run({"symptom": text}, drugs=["capecitabine"])
    assert r.level == "urgent"
    assert "took-an-extra-dose-by-mistake" in {x.rule for x in r.reasons}
    meant = "i took my tablets twice on purpose, i cant cope anymore"
    assert _run({"symptom": meant}).level == "emergency"


def test_a_symptom_said_to_be_under_control_is_mild():
    """ "No new symptoms, the diarrhoea is well controlled with the loperamide" on abemaciclib:
    mild, not an amount to ask about now; "not under control" and a count still read."""
    assert [
        e.get("severity")
        for e in read_typed({"symptom": "the diarrhoea is well controlled with the loperamide"})
    ] == ["mild"]
    assert (
        read_typed({"symptom": "diarrhoea not under control even with loperamide"})[0].get(
            "severity"
        )
        is None
    )
    r = _run(
        {"symptom": "diarrhoea is not under control with the loperamide"}, drugs=["abemaciclib"]
    )
    assert r.level in ("urgent", "emergency")
    r = _run(
        {"symptom": "the diarrhoea is well controlled with the loperamide"}, drugs=["abemaciclib"]
    )
    assert r.level == "routine"


def test_not_being_able_to_wee_is_read():
    """ "I have not been able to wee since about 3 yesterday afternoon ... lower tummy is swollen
    and hard and really painful": acute retention, an emergency."""
    r = _run(
        {
            "symptom": "I have not been able to wee since yesterday afternoon, my lower tummy is swollen and really painful",
            "severity": "severe",
            "new": True,
        }
    )
    assert r.level == "emergency"
    assert (
        read_typed({"symptom": "not been able to wee since this morning"})[0]["symptom"]
        == "unable to pass urine"
    )


def test_a_finger_oximeter_reading_in_lay_words_counts():
    """ "I used my husbands finger thing and it said 90" with a new cough on T-DXd."""
    text = (
        "new dry cough and puffed out on the stairs. used my husbands finger thing and it said 90"
    )
    r = _run({"symptom": text, "new": True}, drugs=["trastuzumab deruxtecan"])
    assert r.level == "emergency"
    calm = "used the finger thing at the pharmacy and it said 98, no cough, just asking about my next appointment?"
    assert _run({"symptom": calm}).level != "emergency"


def test_care_questions_about_work_and_travel_and_who_to_ask():
    """A question word opening a clause asks ("who do i ask. thanks"); lower-case places after a
    travel word ("going to tenerife"); work and form words."""
    assert asks("my manager wants a letter. who do i ask. thanks")
    assert not asks("my arm is swollen. i feel awful")
    for text in (
        "my manager wants a letter saying which days i have treatment so they can sort my rota. who do i ask. thanks",
        "I need a letter for my employer explaining I need reduced hours on my treatment weeks. Who do I ask?",
    ):
        r = _run({"symptom": text})
        assert r.level == "routine", text
    # a place after "to" without a travel word is not let through ("going to faint" names a symptom)
    assert _run({"symptom": "i feel like i am going to faint, can you call me?"}).level != "routine"
    assert care_questions._listed("flying to Tenerife in March")
    assert not care_questions._listed("flying to heaven soon")  # final review
    assert not care_questions._listed("going to jump")  # "going to" opens a verb as often (review)
    assert not care_questions._listed("talking to mum about pain")


REVIEW_CASES = [
    # (words, drugs, the lowest level allowed, the highest) from the review of the first change
    ("going to die, who do i ask about my appointment", (), "emergency", "emergency"),
    ("i am going to drown myself, who do i ask", (), "emergency", "emergency"),
    ("going to jump, who do i ask", (), "emergency", "emergency"),
    ("i keep going to sleep at work, can i have my hours reduced?", (), "urgent", "emergency"),
    ("i cant get the diarrhoea under control", ("abemaciclib",), "urgent", "emergency"),
    ("how do i get the diarrhoea under control?", ("abemaciclib",), "urgent", "emergency"),
    ("the diarrhoea was under control until yesterday", ("abemaciclib",), "urgent", "emergency"),
    (
        "diarrhoea was well controlled with loperamide but it has come back worse",
        ("abemaciclib",),
        "urgent",
        "emergency",
    ),
    (
        "diarrhoea under control with loperamide, taking 8 a day",
        ("abemaciclib",),
        "urgent",
        "emergency",
    ),
    (
        "diarrhoea is under control with codeine and loperamide",
        ("capecitabine",),
        "urgent",
        "emergency",
    ),
    ("the rash is well controlled with steroid cream", ("alpelisib",), "urgent", "emergency"),
    ("bleeding from my back passage is under control", (), "urgent", "emergency"),
    (
        "i took 20 tablets by mistake, forgot i had already taken them twice",
        (),
        "emergency",
        "emergency",
    ),
    ("took too many tablets by accident as well, about 40", (), "emergency", "emergency"),
    ("took my tablets again by mistake, there were 10 of them", (), "emergency", "emergency"),
    (
        "i took a handful of my sleeping pills by mistake as well as my usual",
        (),
        "emergency",
        "emergency",
    ),
    (
        "i swallowed a bottle of paracetamol as well as my tablets, i forgot how many",
        (),
        "emergency",
        "emergency",
    ),
    ("i took too many pills again, i forgot how many", (), "emergency", "emergency"),
    ("i took my tablets twice by mistake, nobody would care anyway", (), "emergency", "emergency"),
    ("my grandson accidentally took my tablets twice", (), "emergency", "emergency"),
    ("took 30 paracetamol by accident as well as my usual meds", (), "emergency", "emergency"),
    ("i took double my oxycodone by mistake", (), "emergency", "emergency"),
    # the calm ones stay calm
    (
        "oh no i think ive taken my morning xeloda twice, took them at 8 then again at 9 as i forgot. thats 4 tablets of 500 extra. feel ok",
        ("capecitabine",),
        "urgent",
        "urgent",
    ),
    (
        "I was not able to wee in the pot for the urine sample, is that ok?",
        (),
        "routine",
        "routine",
    ),
]
ORDER = ("none", "routine", "urgent", "emergency")


def test_the_reviews_inputs_keep_their_level():
    for text, drugs, low, high in REVIEW_CASES:
        level = _run({"symptom": text}, drugs=drugs).level
        assert ORDER.index(low) <= ORDER.index(level) <= ORDER.index(high), (text, level)


def test_the_final_reviews_inputs():
    for text, low in (
        ("i am flying to heaven soon, who do i ask about my tablets", "urgent"),
        ("i will be flying to Jesus soon, can i take my tablets?", "urgent"),
        ("i did my insulin twice by accident", "emergency"),
        ("i gave myself my insulin twice by mistake", "emergency"),
    ):
        level = _run({"symptom": text}).level
        assert ORDER.index(level) >= ORDER.index(low), (text, level)


def test_the_last_reviews_inputs():
    for text, low in (
        ("my memory is going, its much worse this month", "urgent"),
        ("I keep forgetting things, it's getting worse and worse", "urgent"),
        ("I was given insulin twice by the nurse", "emergency"),
    ):
        level = _run({"symptom": text}).level
        assert ORDER.index(level) >= ORDER.index(low), (text, level)


def test_going_to_heaven_soon_and_done_is_a_wish_to_die():
    """Last review (an older gap): "we are going to heaven soon, I'm done with all this" was read
    as nothing; a holiday or a grief remark stays calm."""
    assert "wish-to-be-dead" in _semantic("we are going to heaven soon, I'm done with all this")
    assert not _semantic("my mum went to heaven last year and i miss her")
    assert not _semantic("all done with radiotherapy, going on holiday soon")
