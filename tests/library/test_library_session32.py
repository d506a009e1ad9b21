"""Thirty-second session (issue 15): a question that points back at the sentence before it
("Is that ok with the ibrance?") is read with that sentence, from tuning set 68."""

from mbcnav.library.understand import understand


def test_a_question_pointing_back_takes_the_sentence_before_it():
    text = (
        "I'm on Ibrance 100 + letrozole. My lung doctor wants to start me on clarithromycin for a "
        "stubborn chest infection. Is that ok with the ibrance or do those two fight each other?"
    )
    r = understand(text)
    assert "clarithromycin" in r.asked.lower()
    assert "letrozole" not in r.asked.lower()  # only the sentence just before


def test_a_question_that_names_its_topic_stays_as_it_is():
    r = understand("My mum has bone mets. What is denosumab used for?")
    assert r.asked.lower().startswith("what is denosumab")
    # "what does that word mean" is the quoted-term reading, not this one
    r = understand("The letter says 'hypercalcaemia'. What does that word mean?")
    assert "hypercalcaemia" in r.asked.lower()


def test_a_911_sign_told_now_gets_the_emergency_passage_first():
    """Last session's set 67 (read after it was measured): "my sister (her2+ mets) is slurring her
    words tonight and one side of her face looks droopy" was answered with a hair-loss passage."""
    from mbcnav.library.answer import ask
    from mbcnav.library.scope import emergency_sign

    r = ask(
        "my sister (her2+ mets) is slurring her words tonight and one side of her face looks droopy"
    )
    assert r.answers and r.answers[0].article == "emergencies"
    assert emergency_sign("crushing chest pain since an hour ago and sweating") == "chest pain"
    # the past, or no sign at all, is not an emergency
    assert (
        emergency_sign("my mom had a seizure in 2023 from her brain mets, can she drive now?")
        is None
    )
    assert emergency_sign("what is hospice care") is None
    # a plan for what might happen is no sign told now (review)
    assert (
        emergency_sign("If I end up in the hospital and can't talk, who can make decisions for me?")
        is None
    )
    assert emergency_sign("what are the signs of a stroke?") is None


def test_a_pointing_question_with_its_own_topic_is_read_alone():
    """Review: "... she is on fulvestrant and denosumab. Is it hereditary?" asks about heredity,
    not the treatments of the sentence before."""
    text = (
        "My mum has lobular cancer that spread to her stomach and bones and she is on fulvestrant "
        "and denosumab. Is it hereditary?"
    )
    assert understand(text).asked.lower().startswith("is it hereditary")


def test_the_final_reviews_911_inputs():
    from mbcnav.library.scope import emergency_sign

    assert (
        emergency_sign("I had some chest pain tonight on ribociclib, is that a side effect?")
        == "chest pain"
    )
    assert emergency_sign("My mum had a seizure an hour ago, she is sleepy now") == "seizure"
    assert emergency_sign("my legs feel weak after radiotherapy to my spine") == "leg weakness"
    assert (
        emergency_sign("I dont have chest pain but my heart races on herceptin, is that normal?")
        is None
    )
    assert emergency_sign("Can ribociclib cause chest pain?") is None
