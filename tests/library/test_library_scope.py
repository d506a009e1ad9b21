"""Issue 15, fourth pass: scope decided from the evidence (how well the passages match) as well
as from the scope words, with off-topic refusals kept; lay words found in the tuning misses."""

from pathlib import Path

import pytest

from mbcnav.library.answer import ask
from mbcnav.library.category import category_drug, category_passages
from mbcnav.library.errors import LibraryError
from mbcnav.library.index import get_index
from mbcnav.library.rerank import encoder
from mbcnav.library.scope import SCOPE_FILE, Scope, scope

needs_model = pytest.mark.skipif(encoder() is None, reason="the re-ranking model is not installed")


def test_evidence_needs_both_a_passage_match_and_meaning_close_to_a_passage():
    rule = scope()
    limit = rule.evidence_min
    assert rule.by_evidence("respite care for caregivers", limit / 0.5, 0.5)
    assert not rule.by_evidence("respite care for caregivers", limit / 0.5 * 0.99, 0.5)
    assert not rule.by_evidence("respite care for caregivers", 10.0, 0.0)  # no model: words only
    assert not rule.by_evidence("respite care for caregivers", 0.0, 0.9)
    # many library words but not near any passage in meaning ("car insurance cost")
    below = rule.evidence_similarity * 0.99
    assert not rule.by_evidence("how much does a car insurance policy cost", 100.0, below)


def test_evidence_never_counts_for_another_cancer():
    rule = scope()
    assert not rule.by_evidence("is zometa used for multiple myeloma bone disease", 9.0, 0.9)
    assert rule.names_other_cancer("survival after whipple surgery for pancreatic cancer")
    assert not rule.names_other_cancer("can breast cancer spread like ovarian cancer does")


@pytest.mark.parametrize("key", ["evidence_min", "evidence_similarity"])
@pytest.mark.parametrize("value", ["high", 0, -1, True, None])
def test_evidence_thresholds_must_be_positive_numbers(tmp_path: Path, key, value):
    text = SCOPE_FILE.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith(f"{key}:"))
    bad = tmp_path / "scope.yaml"
    replacement = "" if value is None else f"{key}: {str(value).lower()}"
    bad.write_text(text.replace(line, replacement), encoding="utf-8")
    with pytest.raises(LibraryError, match=key):
        Scope(bad)


@needs_model
@pytest.mark.parametrize(
    "question",
    [
        "where can my husband get respite care",
        "is bone only disease slower",
    ],
)
def test_questions_without_scope_words_get_the_nearest_passages(question):
    assert not scope().covers(question)
    result = ask(question)
    assert result.answers


@needs_model
@pytest.mark.parametrize(
    "question",
    [
        "how long is recovery from a knee replacement",
        "best way to fix a flat bike tire",
        "I have had heartburn every night for a month, what can I take for it?",
        "safe exercises in the third trimester of pregnancy",
        "is zometa used for multiple myeloma bone disease",
        "how much does a car insurance policy cost",
    ],
)
def test_off_topic_questions_are_still_refused(question):
    result = ask(question)
    assert not result.answers and "1-800-4-CANCER" in result.message


@pytest.mark.parametrize(
    "question, article, text_has",
    [
        ("should I wear compression socks on a long flight", "travel-with-mbc", "compression"),
        ("will I get hooked on my pain pills", "palliative-care-and-hospice", "addiction"),
        ("is there a cap on what I pay out of pocket for drugs", "costs-and-insurance", "limit"),
        ("my 5 year old keeps asking why I am sick", "talking-with-children", "child"),
    ],
)
def test_lay_words_reach_the_passage_that_answers(question, article, text_has):
    answers = ask(question).answers
    assert any(a.article == article and text_has in a.text for a in answers[:3])


@pytest.mark.parametrize(
    "question, generic, heading_has",
    [
        ("is tamoxifen an AI?", "tamoxifen", "SERM"),
        ("is Verzenio a kind of chemo", "abemaciclib", "CDK4/6"),
        ("is Kadcyla chemotherapy?", "ado trastuzumab emtansine", "antibody-drug conjugates"),
    ],
)
def test_is_a_drug_of_a_kind_answers_with_its_own_class_first(question, generic, heading_has):
    assert category_drug(question) == generic
    answers = ask(question).answers
    assert answers and heading_has in answers[0].heading


@pytest.mark.parametrize(
    "question", ["is tamoxifen safe", "what is tamoxifen", "is it ok to take tamoxifen at night"]
)
def test_other_questions_about_a_drug_are_not_category_questions(question):
    assert category_drug(question) == ""
    assert category_passages(get_index(), question) == []


def test_respite_care_section_answers_a_caregiver_who_needs_a_break():
    answers = ask("my husband needs a break from looking after me").answers
    respite = [a for a in answers[:2] if "respite" in a.heading.lower()]
    assert respite  # with "how can caregivers look after themselves?"
    assert {s.publisher for s in respite[0].sources} >= {"Merck Manual, Professional Version"}


@pytest.mark.parametrize(
    "question",
    [
        "my brother has mbc, how do I help him",
        "My mom has metastatic breast cancer in her liver. What can I do to help her?",
    ],
)
def test_helping_a_relative_is_a_caregiver_question(question):
    answers = ask(question).answers
    assert any(a.article == "support-and-caregivers" for a in answers[:2])


def test_plural_topic_words_and_everyday_mbc_words_are_in_scope():
    rule = scope()
    assert rule.covers("can my boss fire me for taking fridays off for infusions")
    assert rule.covers("CT says stable disease, is that bad")
    assert rule.covers("been caring for my wife for years, who helps the caregiver")
    assert not rule.covers("got a letter saying I have dense tissue after screening")
