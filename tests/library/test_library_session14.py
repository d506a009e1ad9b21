"""Fourteenth-session library mechanisms (issue 15), from tuning set 32: British spellings of
medical words read as American ones, a question about "that word" names the term the story
quoted, and three more messages that are not about the person's MBC (a treatment choice for an
early breast cancer, a cancer said to be "not breast", an animal named with words between its
owner and it)."""

import pytest

from mbcnav.library.answer import ask
from mbcnav.library.scope import scope
from mbcnav.library.understand import understand
from mbcnav.library.vocabulary import american, analyse, normalise


@pytest.mark.parametrize(
    "british, american_form",
    [
        ("hypercalcaemia", "hypercalcemia"),
        ("oedema", "edema"),
        ("lymphoedema", "lymphedema"),
        ("haemoglobin", "hemoglobin"),
        ("oesophagus", "esophagus"),
        ("diarrhoea", "diarrhea"),
        ("dyspnoea", "dyspnea"),
        ("paediatric", "pediatric"),
        ("anaesthetic", "anesthetic"),
        ("tumours", "tumors"),
        ("behaviour", "behavior"),
        ("centre", "center"),
        ("programme", "program"),
    ],
)
def test_british_spellings_are_read_as_american(british, american_form):
    assert american(british) == american_form
    assert analyse(british) == analyse(american_form)


@pytest.mark.parametrize("word", ["four", "hour", "your", "pour", "exercise", "aeroplane", "flour"])
def test_common_words_keep_their_spelling(word):
    assert normalise(word) == word


def test_that_word_names_the_term_the_story_quoted():
    reading = understand(
        "The discharge letter says 'hypercalcaemia secondary to bone metastases'. "
        "What does that word mean, and how will I know if it's coming back?"
    )
    assert reading.questions[0] == "What does hypercalcaemia secondary to bone metastases mean"
    assert understand('My scan report says "mixed response". What does that mean?').asked == (
        "What does mixed response mean?"
    )
    # nothing quoted: the question is left as it is; an apostrophe is no quote
    assert understand("I don't know what it's about. What does that word mean?").asked == (
        "What does that word mean?"
    )
    # "it" and "the diagnosis" are not the quoted term (review)
    asked = "What does it mean that my CA 15-3 doubled?"
    assert understand(f"My oncologist said my scans were 'pretty good'. {asked}").asked == asked
    asked = "What does the diagnosis mean for my life expectancy?"
    assert understand(f"The report says 'no new lesions'. {asked}").asked == asked


@pytest.mark.parametrize(
    "question",
    [
        "stage 1 ER+ 1.2cm, lumpectomy and radiation or just a mastectomy, which is better long term",
        "just diagnosed with DCIS, should I have radiation after the lumpectomy",
        "Our 12 year old cat has a hard lump on her belly and the vet says mammary tumor. Is surgery worth it?",
        "My mother has lung cancer (EGFR, not breast) and her osimertinib gave her a rash. Is that normal?",
    ],
)
def test_messages_about_something_else_are_not_answered(question):
    assert ask(question).answers == []


@pytest.mark.parametrize(
    "question",
    [
        "I was stage 2 in 2015 and now it is in my bones, what are my options",
        "I had stage 3 four years ago and had a mastectomy. Could these red bumps be something else?",
        "trial says max 1 prior chemo, does my chemo from stage 2 count",
        "My mom has breast cancer in her bones. Her PET-CT says interval progression. What does that mean?",
        "my CAT scan showed a spot on my liver, what happens next",
        # review of the first version
        "My lab test says my calcium is high and I feel sick, is that from the cancer in my bones?",
        "Her lab work shows her tumour markers are high, is that bad?",
        "I'm stage 2 but my tumor markers are rising, should I ask for a PET scan?",
        "I was treated for stage 3 and they found spots on my sternum, should I get a biopsy?",
        "My doctor says I'm oligometastatic after stage 2, should I have surgery on the spot?",
        "DCIS in the other breast while on Ibrance, should I have a lumpectomy?",
        "I'm stage 1 on letrozole and have a new cough that won't go away, should I worry?",
        # second review
        "Does radiation to my pelvis cause fatigue? I was originally stage 3",
        "Was diagnosed as early stage but the cancer is in my adrenal gland, is surgery an option?",
    ],
)
def test_history_sites_and_scans_keep_a_message_in_scope(question):
    assert not scope().other_subject(question)
    assert ask(question).answers


def test_the_question_about_the_quoted_term_is_answered_first():
    result = ask(
        "Home after 3 days in hospital and the discharge letter says 'hypercalcaemia secondary to "
        "bone metastases'. For a week I was so thirsty and foggy. What does that word mean, and how "
        "will I know if it's coming back?"
    )
    assert result.asked.startswith("What does hypercalcaemia")
    assert result.answers[0].article == "emergencies"
    assert "how will I know" in " ".join(result.also_asked)
