"""Thirty-fifth session (issue 15): words read from the tuning set 74. Each change that keeps a
question out still lets its near misses in, and the other way round."""

from mbcnav.library.answer import ask
from mbcnav.library.emergency_signs import emergency_sign
from mbcnav.library.understand import understand


def _articles(q: str) -> list[str]:
    return [a.article for a in ask(q).answers]


def test_an_animals_cancer_that_spread_is_the_animals():
    assert not ask(
        "our 11 year old lab has a mammary tumor that spread to her lungs on the xray, vet "
        "offered chemo - is it worth it for a dog"
    ).answers
    # the writer's own spread beside the animal keeps the question
    assert _articles(
        "my dog has a tumor and the vet is worried, and my own cancer has spread to my liver, "
        "what now for me"
    )
    # the writer's own spread told beside a pet's cancer (review)
    assert _articles(
        "My breast cancer spread to my lungs and my dog was just diagnosed with lymphoma, the vet "
        "wants chemo for our dog. How do I cope with both?"
    )
    # ... and a carer's (final review)
    for q in (
        "Mum's breast cancer spread to her bones and her cat has cancer too, the vet offers chemo "
        "for the cat. How do we cope?",
        "Her breast cancer spread to her bones and the vet offers chemo for our cat, how do we cope?",
    ):
        assert _articles(q), q
    # a spread with no word that asks for the animal stays the person's
    assert _articles("the vet says my dog is fine, but my cancer spread to my lungs, what now")


def test_the_persons_own_diagnosis_is_in_scope_someone_elses_illness_is_not():
    assert _articles(
        "Three months since the diagnosis and I'm angry all the time, snapping at my husband "
        "over nothing, then lying awake feeling guilty about it. Is this just part of it or do I "
        "need some kind of help?"
    )
    assert _articles("since my diagnosis I cant sleep, what helps")
    assert not ask("my dad got the diagnosis of dementia last month, how do I cope").answers
    assert not ask("my dad is struggling since his diagnosis of heart failure").answers
    assert not ask("My diagnosis is diabetes, what diet should I follow?").answers  # (review)


def test_a_test_result_that_came_back_is_no_recurrence():
    assert not ask(
        "stage 2A ER+ just had my lumpectomy, oncotype came back 18, do I need chemo or just "
        "hormone pills"
    ).answers
    # a cancer that came back is still one, whatever test showed it (review)
    assert _articles(
        "I'm stage 2 and had a lumpectomy. My tests show it came back. Mastectomy or radiation next?"
    )
    assert _articles(
        "stage 2 years ago, had a lumpectomy, now it came back in my bones, do I need chemo"
    )


def test_a_symptom_joined_by_and_is_read_whole():
    assert emergency_sign("spine mets and now my legs feel numb and heavy") == "leg weakness"
    assert _articles("spine mets and now my legs feel numb and heavy")[0] == "emergencies"
    # "and" still ends a clause: a denial before it does not deny the sign after it (review)
    assert emergency_sign("I had chest pain last year and my scan is next week") is None
    for q in (
        "No fever and crushing chest pain for an hour, is it my Enhertu?",
        "On ibrance, no fever and sharp chest pain since this morning",
    ):
        assert emergency_sign(q) == "chest pain", q
    # a sign said over an "and" (final review)
    for q, sign in (
        ("Can't move my left arm and leg since lunch, is it the brain mets?", "leg weakness"),
        ("The left side of her face and arm went weak an hour ago", "weakness on one side"),
        ("Slurred and slow speech since this morning", "slurred speech"),
        ("Coughing and bringing up blood since last night", "coughing up blood"),
    ):
        assert emergency_sign(q) == sign, q


def test_what_that_means_for_me_names_the_quoted_words():
    reading = understand(
        "At my very first appointment the oncologist said 'treatable but not curable' and "
        "honestly I stopped hearing anything after that. What does that actually mean for me, "
        "am I going to die soon??"
    )
    assert "treatable but not curable" in reading.asked
    # "what does it mean that ..." is no pointer to a quoted word
    other = understand("The report said 'stable'. What does it mean that my CA 15-3 doubled?")
    assert "stable" not in other.asked


def test_held_out_wordings_read_after_the_measurement():
    """Held-out set 75, read after it was measured once: "PET" is the scan, not a pet; a
    treatment's years given as a choice ("5 years or 10") are no cancer that came back years
    later."""
    first = _articles("PET came back no evidence of disease, so can i stop taking my pills now?")
    assert first[0] == "response-words"
    assert _articles("is it safe to keep my pet cat during chemo")[0] == "side-effects"
    assert not ask(
        "finished radiation for stage 2, should I stay on anastrozole 5 years or 10"
    ).answers
