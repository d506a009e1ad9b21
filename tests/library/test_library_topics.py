"""Issue 15: audience articles need support in the question, question types, several questions
in one message, and scope through multi-word lay phrases."""

from pathlib import Path

import numpy as np
import pytest

from mbcnav.library.answer import ask
from mbcnav.library.audiences import AudienceRule, audience_factor, read_rules, unsupported
from mbcnav.library.errors import LibraryError
from mbcnav.library.index import get_index
from mbcnav.library.qtypes import read_types, type_factor, types_of
from mbcnav.library.scope import scope
from mbcnav.library.understand import focused, understand


def _rule() -> AudienceRule:
    return AudienceRule(
        "children", frozenset({"talking-with-children"}), frozenset({("child",)}), 0.5
    )


def test_audience_passages_are_damped_only_when_the_question_names_no_audience_word():
    index = get_index()
    rule = _rule()
    theirs = np.array([s.article == "talking-with-children" for s in index.sections])
    damped = audience_factor(index, "does stage 4 mean I am dying soon", [rule])
    assert (damped[theirs] == 0.5).all() and (damped[~theirs] == 1.0).all()
    kept = audience_factor(index, "what do I tell my child about stage 4", [rule])
    assert (kept == 1.0).all()


def test_bundled_audience_rules_need_children_or_scan_words():
    names = {r.name for r in unsupported("can bone pills mess up your teeth")}
    assert {"children", "scan worry"} <= names
    assert "children" not in {r.name for r in unsupported("how do I tell my kids")}
    assert "scan worry" not in {r.name for r in unsupported("waiting for scan results")}


@pytest.mark.parametrize(
    "question, not_from",
    [
        ("does stage 4 mean i'm dying soon", "talking-with-children"),
        ("what does a health care proxy do for my dad with stage 4", "talking-with-children"),
        (
            "I've had Xgeva shots for a year and my gum is sore where a tooth was pulled. "
            "Should I be worried?",
            "scan-anxiety",
        ),
    ],
)
def test_general_questions_do_not_go_to_audience_articles(question, not_from):
    answers = ask(question).answers
    assert answers and answers[0].article != not_from


def test_a_question_about_children_still_gets_the_children_article():
    assert ask("how do I tell my young kids that my cancer has spread").answers[0].article == (
        "talking-with-children"
    )


def test_audience_file_errors_are_one_sentence(tmp_path: Path):
    bad = tmp_path / "audiences.yaml"
    bad.write_text(
        "as_of: 2026-12-02\nsource: {publisher: x}\n"
        "rules: [{name: kids, articles: [a], needs: [child], damp: 1.5}]\n"
    )
    with pytest.raises(LibraryError, match="rule 'kids': 'damp' is 1.5"):
        read_rules(bad)
    assert read_rules()  # the bundled file is valid


def test_question_types_are_read_from_the_asked_clause():
    names = lambda q: {t.name for t in types_of(q)}  # noqa: E731
    assert "can I" in names("Am I allowed to run or lift weights?")
    assert "cost" in names("how do I pay for Kisqali")
    assert "how long" in names("how long do people keep these drains in")
    assert not names("what is a port")


def test_type_factor_favours_headings_of_the_type():
    index = get_index()
    factor = type_factor(index, "can I drink alcohol on chemo")
    fits = [i for i, s in enumerate(index.sections) if s.position and s.heading.startswith("Can I")]
    assert fits and all(factor[i] > 1 for i in fits)
    assert type_factor(index, "what is a port") is None


def test_question_type_file_errors_are_one_sentence(tmp_path: Path):
    bad = tmp_path / "types.yaml"
    bad.write_text(
        "as_of: 2026-12-02\nsource: {publisher: x}\n"
        "types: [{name: cost, asks: '(', headings: pay, bonus: 1.1}]\n"
    )
    with pytest.raises(LibraryError, match="type 'cost': 'asks' is not a valid pattern"):
        read_types(bad)
    assert read_types()


def test_joined_questions_are_split_and_the_others_offered():
    r = understand(
        "The coordinator said I need a four week washout. What does washout mean, and is "
        "being off everything for a month risky?"
    )
    assert r.questions == ("What does washout mean", "is being off everything for a month risky?")
    main = focused(r, 0)
    assert main.asked == "What does washout mean" and "risky" in main.story
    result = ask(r.text)
    assert result.answers and result.answers[0].article == "trial-eligibility-words"
    assert result.also_asked == ("is being off everything for a month risky?",)


def test_one_question_is_not_split():
    assert understand("is tamoxifen an AI?").questions == ("is tamoxifen an AI?",)
    assert ask("what is a port").also_asked == ()


def test_an_off_topic_message_is_judged_whole():
    result = ask("my car's check engine light came on, is it safe to drive")
    assert not result.answers and not result.also_asked


def test_scope_reads_multi_word_lay_phrases_but_not_question_words():
    assert scope().covers("can bone pills mess up your teeth")
    assert scope().covers("why do some websites say only 15% survive 5 years")
    assert not scope().covers("how long is recovery from a knee replacement")


@pytest.mark.parametrize(
    "question, heading_has",
    [
        ("my arm has been puffy since my lymph nodes were removed years ago", "lymphedema"),
        ("why do my hips ache after the Neulasta shot", "Neulasta"),
    ],
)
def test_new_side_effect_sections_answer_lay_questions(question, heading_has):
    answers = ask(question).answers
    assert answers and heading_has in answers[0].heading


def test_a_section_rule_needs_its_phrase_in_a_row():
    names = lambda q: {r.name for r in unsupported(q)}  # noqa: E731
    assert "chemo brain" in names("nausea from chemo what helps")
    assert "chemo brain" in names("should I be worried about my brain")
    assert "chemo brain" not in names("what is chemo brain")
    assert "chemo brain" not in names("I keep forgetting words since chemo")


def test_words_for_the_person_asked_about_are_context_not_topic():
    from mbcnav.library.choose import query_parts, without_people

    asked, people = without_people("what does a health care proxy do for my mom with stage 4")
    assert "mom" not in asked.split() and people == "mom"
    parts = query_parts(understand("what does a health care proxy do for my mom"), get_index())
    assert parts[0][1] == 1.0 and "mom" not in parts[0][0] and parts[1] == ("mom", 0.35)
    assert without_people("how do I tell my kids") == ("how do I tell my kids", "")


def test_an_audience_word_said_as_absent_names_no_audience():
    assert "children" in {
        r.name for r in unsupported("I'm single with no kids, who decides for me")
    }
    assert "children" in {r.name for r in unsupported("I don't have children, can a friend help")}
    assert "children" not in {r.name for r in unsupported("my kids are scared, what do I say")}
