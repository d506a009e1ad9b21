"""Thirty-sixth session (issue 15): off-topic near misses read from the tuning set 76. Each
change that keeps a question out still lets its near misses in."""

from mbcnav.library.answer import ask


def _articles(q: str) -> list[str]:
    return [a.article for a in ask(q).answers]


def test_a_relatives_other_cancer_named_with_its_driver_is_off_topic():
    assert not ask(
        "mom's lung cancer has an EGFR mutation, doc says tagrisso. is that chemo?"
    ).answers
    # the writer's own spread to the lung with a driver test stays in
    assert _articles("my lung mets were tested for an EGFR mutation, what does that mean?")


def test_a_relatives_rectal_cancer_is_off_topic():
    assert not ask(
        "my uncle takes xeloda with his radiation for rectal cancer, does he skip weekends"
    ).answers
    assert _articles(
        "my rectal cancer is cured but now I have breast mets in the liver, is xeloda an option"
    )


def test_a_drugs_other_use_for_a_relative_with_no_cancer_is_off_topic():
    assert not ask(
        "my mom (81, no cancer) gets prolia for osteoporosis, how long can she stay on it"
    ).answers
    assert _articles("I get prolia for osteoporosis on letrozole, how long can I stay on it")


def test_an_early_cancers_treatment_after_surgery_is_off_topic():
    assert not ask(
        "stage 2 ER+ node positive, onc recommends 3 yrs of kisqali after surgery. worth it?"
    ).answers
    assert not ask("stage 1 lumpectomy done, how many years of tamoxifen do I need").answers
    # spread named keeps it, whatever the first stage was
    assert _articles(
        "stage 2 years ago, now in my bones, onc recommends kisqali after surgery on my spine, worth it?"
    )
    assert _articles(
        "I was stage 2 in 2016, now mets in my liver, how many years of kisqali do people get"
    )


def test_someone_elses_other_cancer_beside_the_writers_own_drug_question_is_answered():
    # (first review)
    assert "side-effects" in _articles(
        "my neighbour had xeloda for bowel cancer and it made her hands peel, will that happen to me?"
    )


def test_a_carers_question_about_a_relatives_other_cancer_stays_off_topic():
    # (final review: "i read about ...", "i want to know ..." is no question about the writer)
    for q in (
        "my brother has stomach cancer with her2, i read about herceptin, will it work for him?",
        "my husband has colon cancer and is on xeloda, i want to know how long his treatment will last",
    ):
        assert not ask(q).answers, q


def test_held_out_off_topic_near_misses_read_after_the_measurement():
    # held-out set 77: a drug's form between it and its other use; a pill's length after an early cancer
    assert not ask("forgot my prolia shot for osteoporosis, its been 8 months, is that bad").answers
    assert _articles("forgot my xgeva shot for my bone mets, its been 8 weeks, is that bad")
    assert not ask("stage 1 ER+ no nodes, should I take tamoxifen for 5 years or 10?").answers
    assert _articles(
        "I was stage 1 in 2015, now mets in my bones, took tamoxifen for 5 years, what now?"
    )


def test_the_writers_own_cancer_drug_tablet_stays_in():
    # (last review)
    assert _articles("is my letrozole tablet for osteoporosis too?")
