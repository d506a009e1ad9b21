"""Thirty-third session (issue 15): words read from the tuning set 70 and last session's held-out
set 69 (read after it was measured). Each change that brings a question in still keeps its
near misses out, and the other way round."""

from mbcnav.library.answer import ask
from mbcnav.library.scope import scope


def _articles(q: str) -> list[str]:
    return [a.article for a in ask(q).answers]


def test_a_stage_in_tnm_letters_is_about_the_library():
    """ "my discharge paper says T2 N1 M1, what does M1 mean" got no answer at all."""
    assert scope().covers("my discharge paper says T2 N1 M1, what does M1 mean")
    assert scope().covers("path report pT1c N0 M0, what is that")
    assert "what-is-mbc" in _articles("my discharge paper says T2 N1 M1, what does M1 mean")
    assert not scope().covers("my new laptop has an M1 chip, is it fast")


def test_lay_words_for_the_oncologist_radiation_and_one_metastasis():
    """ "onc wants to zap the met in my 6th rib that hurts when I cough, is that every day for
    weeks?" got no answer at all."""
    q = "onc wants to zap the met in my 6th rib that hurts when I cough, is that every day for weeks?"
    assert scope().covers(q)
    assert "radiation-and-surgery" in _articles(q)
    assert not scope().covers("I met my friend for coffee, is that ok")


def test_hair_lost_to_treatment_and_a_wig_are_in_scope():
    """Last session's set 69: "my 4 yo won't hug me since my hair fell out" and "is my wig tax
    deductible as a medical expense" got no answer at all."""
    for q in (
        "my 4 yo won't hug me since my hair fell out, says she'll 'get sick too'",
        "is my wig tax deductible as a medical expense",
    ):
        assert ask(q).answers


def test_another_cancer_the_writer_has_with_its_driver_is_off_topic():
    """ "I have EGFR positive lung cancer on Tagrisso and the acne rash on my face is bad. What
    helps?" was answered from the lung-metastases article; the writer's own breast cancer beside
    a relative's lung cancer stays in."""
    assert not ask(
        "I have EGFR positive lung cancer on Tagrisso and the acne rash on my face is bad. What "
        "helps?"
    ).answers
    assert ask(
        "I have HER2 positive breast cancer and my dad has EGFR lung cancer, what helps with "
        "nausea?"
    ).answers


def test_a_pet_with_a_mammary_carcinoma_and_a_dense_breast_letter_are_near_misses():
    for q in (
        "our cat has mammary carcinoma and the vet says stage 3, does stage mean the same thing "
        "as in people",
        "got a dense breast letter after my mammogram, do I need an ultrasound too",
    ):
        assert not ask(q).answers, q
    # a person's own mammogram words about their MBC stay in
    assert ask("my onc wants a mammogram of the other breast, is that usual with mets?").answers


def test_a_911_sign_told_without_a_question_gets_the_emergency_passage_first():
    """Last session's set 69: "on ibrance, sharp chest pain when I breathe in deep and my heart is
    racing" asks nothing: the emergencies article comes first; a question about the sign keeps
    its answer first and the 911 passage beside it."""
    told = _articles("on ibrance, sharp chest pain when I breathe in deep and my heart is racing")
    assert told[0] == "emergencies"
    asked = _articles("sudden chest pain, what does it mean on kisqali?")
    assert "emergencies" in asked[:2]


def test_a_childs_question_about_the_parents_death_is_answered():
    """Held-out set 71 (read after it was measured): "kindergartner keeps asking at bedtime if I
    am going to be dead, how do I answer" got no answer at all."""
    r = ask("kindergartner keeps asking at bedtime if I am going to be dead, how do I answer")
    assert r.answers and "talking-with-children" in [a.article for a in r.answers]


def test_last_review_a_short_911_sign_told_gets_the_emergency_passage_first():
    for q in ("my face is drooping on one side", "severe chest pain right now"):
        assert ask(q).answers[0].article == "emergencies", q
    from mbcnav.library.scope import emergency_sign

    assert emergency_sign("he suddenly couldnt talk to me and his face dropped") is not None
    assert emergency_sign("my teenage son wont talk about my cancer at all") is None
