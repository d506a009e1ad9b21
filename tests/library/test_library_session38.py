"""Thirty-eighth session (issue 15): 911 signs told now, read from the first review and last
session's held-out set 79 (read after it was measured). Each test is checked both ways."""

from mbcnav.library.answer import ask
from mbcnav.library.emergency_signs import emergency_sign


def _articles(q: str) -> list[str]:
    return [a.article for a in ask(q).answers]


def test_a_sign_told_now_then_a_question_about_what_to_do_is_read():
    q = "I'm on chemo for metastatic breast cancer and have crushing chest pain, should I go to the ER?"
    assert emergency_sign(q) == "chest pain"
    assert _articles(q)[0] == "emergencies"
    # rubbery legs with back pain at night and spine metastases: the cord compression passage
    q = (
        "I have mets in T10 and L2. The last few nights my back hurts way more when I lie down "
        "and this morning my legs felt kind of rubbery going up the stairs. Can it wait?"
    )
    assert emergency_sign(q) == "leg weakness"
    assert _articles(q)[0] == "emergencies"


def test_a_plan_or_a_worry_said_before_the_sign_is_no_sign_told():
    for q in (
        "If I get chest pain on herceptin what should I do",
        "what are the signs of a blood clot? chest pain, leg swelling?",
        "What if my legs go weak, what should I do?",
    ):
        assert emergency_sign(q) is None, q


def test_a_sign_told_with_no_cancer_word_still_gets_the_911_passage():
    assert "emergencies" in _articles("my legs went weak this morning and I can't feel my feet")[:1]
    # a question with no sign and no cancer word stays outside the library
    assert not ask("how do I get rid of a wart on my foot").answers


def test_a_symptom_told_beside_a_medicine_looks_at_its_side_effects():
    from mbcnav.library.answer import ask as _ask

    q = (
        "On Halaven days 1 and 8. My fingertips have gone numb and tingly and this morning I "
        "couldnt do the buttons. Will it go away?"
    )
    assert "neuropathy" in _ask(q).answers[0].heading.lower()
    # no symptom: what the medicine is
    assert _articles("is capecitabine a chemo pill")[0] == "chemotherapy-and-adcs"


def test_an_earlier_sentence_that_only_hedges_does_not_hide_a_sign():
    for q in (
        "Sorry if this is a silly question. I have crushing chest pain and my left arm hurts.",
        "I wonder if it's the ibrance. My legs went weak this morning and I can't stand up.",
        "Not sure if I should go to the ER, I have crushing chest pain and can't breathe",
    ):
        assert emergency_sign(q) is not None, q
    assert not ask("my dog had a seizure today, what should I do").answers
