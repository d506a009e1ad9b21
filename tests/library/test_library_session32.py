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
