"""Thirty-second session (issue 15): a 911 sign told now gets the emergency passage first (last
session's set 67, read after it was measured)."""

from mbcnav.library.answer import ask


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


def test_a_911_passage_goes_beside_the_answer_not_before_it():
    """A question that asks something the library answers keeps that answer first; the 911
    passage comes second (first, it cost 20 first passages across the earlier sets)."""
    r = ask(
        "Since chemo I can't remember words and I lose my keys all the time. Is chemo brain real?"
    )
    assert r.answers[0].article == "side-effects"
    assert any(a.article == "emergencies" for a in r.answers[:2])
