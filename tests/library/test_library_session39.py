"""Thirty-ninth session (issue 15): read from the tuning set 82 and the first review. Each test
is checked both ways."""

from mbcnav.library.answer import ask
from mbcnav.library.understand import understand


def _first(q: str) -> str:
    answers = ask(q).answers
    return f"{answers[0].article}#{answers[0].url.split('#')[-1]}" if answers else ""


def test_a_quoted_mbc_term_with_no_cancer_word_is_answered():
    got = _first("consult note says 'oligometastatic' what does that mean for me")
    assert got.startswith("where-it-spreads#what-is-oligometastatic")
    # a term other illnesses use does not bring an off-topic question in
    for q in (
        "my husband got pneumonitis from amiodarone, is it reversible?",
        "are humira biosimilars as good as humira?",
        "ultralow dose naltrexone for fibromyalgia, does it work?",
    ):
        assert not ask(q).answers, q


def test_a_short_question_about_a_medicines_form_borrows_the_drug_named_before():
    q = "onc mentioned inluriyo once my ESR1 result is back, never heard of it. pill or shot?"
    assert understand(q).asked.startswith("inluriyo")
    assert _first(q).startswith("hormone-therapy#")
    # ... but not a question about something else
    for q in (
        "Finished taxol last year. Now there are mets in my bones. Is it curable?",
        "I was on tamoxifen for 5 years. Now it's back in my liver. What are my options?",
    ):
        assert not understand(q).asked.startswith(("taxol", "tamoxifen")), q
    assert _first(
        "Finished taxol last year. Now there are mets in my bones. Is it curable?"
    ).startswith("what-is-mbc#")


def test_vaccines_birth_control_and_new_lines_beside_a_drug():
    assert _first("shingrix shot while on ibrance - safe?").startswith(
        "side-effects#can-i-get-a-flu-shot"
    )
    assert _first("need birth control on kisqali, is the pill ok or IUD?").startswith(
        "sexual-health-and-fertility#"
    )
    assert _first("dose dropped from 600 to 400 kisqali, does that count as a new line").startswith(
        "lines-of-therapy#what-is-a-line-of-therapy"
    )
    # a question about the drug itself keeps the drug's passage
    assert _first("what are the side effects of kisqali").startswith("targeted-therapy#")
