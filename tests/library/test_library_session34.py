"""Thirty-fourth session (issue 15): words read from the tuning set 72 and last session's held-out
set 71 (read after it was measured). Each change that keeps a question out still lets its near
misses in, and the other way round."""

from mbcnav.library.answer import ask
from mbcnav.library.qtypes import types_of
from mbcnav.library.vocabulary import synonyms


def _articles(q: str) -> list[str]:
    return [a.article for a in ask(q).answers]


def test_another_cancer_told_as_someones_in_the_story_is_off_topic():
    """A relative's other cancer told before the question, with nothing of breast cancer or its
    spread: "does it work the same in the stomach?" is about the sister's cancer."""
    for q in (
        "my sister's stomach cancer is HER2 positive and they're giving her herceptin. does it "
        "work the same in the stomach?",
        "My brother has prostate cancer with a BRCA2 mutation. His urologist mentioned Lynparza. "
        "What side effects do men on it get?",
        "Mom has EGFR lung cancer (never smoked) on Tagrisso and has a bad rash on her face. What "
        "helps?",
        "I'm getting radioactive iodine for thyroid cancer next week. How long do I have to stay "
        "away from my kids after?",
    ):
        assert not ask(q).answers, q
    for q in (
        # the writer's own breast cancer, its spread, or a drug given only for breast cancer
        "my sister's stomach cancer is HER2 positive like my breast cancer, does herceptin work "
        "the same?",
        "my dad has prostate cancer and I have mets in my liver, how do I tell him?",
        "Mom has lung cancer and I'm on Ibrance, what helps with the tiredness?",
        "my sister-in-law did well on Keytruda for her lung cancer. I have TNBC, could it work "
        "for me?",
        # an MBC question after another cancer told in the story (first review)
        "I had surgery for colon cancer in 2015. Now my CEA and CA 15-3 are rising, what does "
        "that mean?",
        "I had radioactive iodine for thyroid cancer years ago. Is a bone scan safe while I am on "
        "Xeloda?",
        "Dad has prostate cancer too. What does it mean when mom's tumor markers keep rising on "
        "Xeloda?",
        "My friend with lung cancer got Keytruda. Is immunotherapy used for triple negative?",
        "My sister had ovarian cancer. How often should tumor markers be checked?",
    ):
        assert ask(q).answers, q


def test_a_child_named_by_age_alone_is_a_child():
    assert "child" in synonyms().correct("how do I tell my 4 yr old about my mets").split()
    assert "child" in synonyms().correct("our 7-year-old keeps asking").split()
    assert "child" not in synonyms().correct("my 52 year old husband").split()
    assert "child" not in synonyms().correct("my 9 year old son").split()
    # a duration is no age (first review)
    assert "child" not in synonyms().correct("In my 10 years with MBC").split()
    assert "child" not in synonyms().correct("her 5 yrs on letrozole").split()


def test_a_marker_that_went_from_one_number_to_another_is_a_change_in_a_result():
    for q in (
        "CA 15-3 went from 40 to 58 but my CT was stable, should I be worried",
        "my CA 27.29 went 38 -> 47 -> 61, is that bad",
    ):
        assert "result change" in {t.name for t in types_of(q)}, q
        assert _articles(q)[0] == "scans-and-tumor-markers", q
    assert "result change" not in {t.name for t in types_of("I went from 40 to 58 kilos")}


def test_which_organs_asks_where():
    assert "where" in {t.name for t in types_of("which organs does breast cancer spread to")}
    assert "where" not in {t.name for t in types_of("which drug is best for me")}


def test_a_question_type_adds_the_words_its_answer_holds(tmp_path):
    """ "if taxol wont get rid of it, why am I doing it at all, just to buy time??" shares no word
    with the goals-of-treatment passage: the type's own words are searched beside it."""
    from mbcnav.library.errors import LibraryError
    from mbcnav.library.qtypes import ADDS_WEIGHT, added_words, read_types

    q = "if taxol wont get rid of it, why am I doing it at all, just to buy time??"
    assert ("goals of treatment cure control live longer", ADDS_WEIGHT) in added_words(q)
    assert "treatment-goals" in _articles(q)[:3]
    assert added_words("what is a bone scan") == []
    bad = tmp_path / "types.yaml"
    bad.write_text(
        "as_of: 2026-12-07\nsource: {publisher: x, title: y, url: 'https://x.org', read: 2026-12-07}\n"
        "types:\n  - name: t\n    asks: 'a'\n    headings: 'b'\n    bonus: 1.2\n    adds: [1, 2]\n"
    )
    try:
        read_types(bad)
    except LibraryError as err:
        assert "'adds'" in str(err)
    else:
        raise AssertionError("a list of words was accepted")


def test_final_review_the_writers_own_other_cancer_now_stays_its_subject():
    for q in (
        "I have stage 4 prostate cancer. What is the next treatment when hormone therapy stops "
        "working?",
        "I have lung cancer. what are the side effects of chemo?",
    ):
        assert not ask(q).answers, q
    assert ask("I had thyroid cancer years ago. Is a bone scan safe while I am on Xeloda?").answers


def test_held_out_a_question_whether_the_spread_is_another_cancer_is_answered():
    """Held-out set 73, read after it was measured."""
    assert ask("ct says nodules in both lungs so do I have lung cancer now too").answers
    q = "if nothing will cure me why put up with the side effects, what are they actually aiming for"
    assert _articles(q)[0] == "treatment-goals"
    assert "diarrhea" in synonyms().correct("nerlynx goes right through me") or any(
        extra == "diarrhea"
        for _, extra, _ in synonyms().expansions("nerlynx goes right through me")
    )
