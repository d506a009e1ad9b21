"""The semantic red-flag safety net (semantic.py, data/semantic_flags.yaml, hazard H46):
the data file is valid and sourced, the stored vectors are up to date, words that sound like a
red flag raise the level, everyday words, denials and all-is-well stay silent, the threshold
decides, and the net never lowers a level. Phrases written for this file (not from any set)."""

from datetime import date

import numpy as np
import pytest

from mbcnav.library import rerank
from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import TriageError, net_clauses, semantic
from mbcnav.triage.rule import RANK


@pytest.fixture(scope="module", autouse=True)
def model():
    if rerank.encoder() is None:
        pytest.skip("the sentence model is not installed")


def typed(run, *entries, **fields):
    return run(
        own_words_all([e if isinstance(e, dict) else {"symptom": e} for e in entries]), **fields
    )


def sounds(result):
    return [r.rule for r in result.reasons if r.rule.startswith("sounds-like-")]


# ------------------------------------------------------------------ the data file
def test_every_concept_is_sourced_dated_and_has_8_to_20_exemplars():
    found = semantic.concepts()
    assert len(found) >= 15
    for c in found:
        assert c.level in ("emergency", "urgent")
        assert c.sources and all(s.url.startswith("https://") and s.read for s in c.sources)
        assert isinstance(c.as_of, date)
        assert 8 <= len(c.exemplars) <= 20
        assert c.sounds_like and c.why and c.do
        assert "\n" not in c.do
        if c.level == "emergency":  # the same rule as the rules files (test_rules_file.py)
            assert "911" in c.do, c.name
        else:
            assert "now" in c.do and "oncology team" in c.do, c.name
        assert "do not take" not in c.do and "stop taking" not in c.do, c.name
    assert semantic.mild()


def _one(**changes):
    concept = {
        "name": "test-concept",
        "level": "urgent",
        "sounds_like": "a test",
        "why": "Because.",
        "do": "Call your team today.",
        "sources": [
            {"publisher": "P", "title": "T", "url": "https://x.org/", "read": "2026-12-02"}
        ],
        "as_of": "2026-12-02",
        "exemplars": [f"phrase number {i}" for i in range(8)],
    }
    concept.update(changes)
    return {"concepts": [{k: v for k, v in concept.items() if v is not None}]}


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"sources": None}, "sources"),
        ({"sources": []}, "sources"),
        ({"as_of": None}, "as_of"),
        ({"level": "routine"}, "level"),
        ({"exemplars": ["too few"] * 1}, "exemplars"),
        ({"exemplars": [f"p {i}" for i in range(21)]}, "exemplars"),
        ({"threshold": 2}, "threshold"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_concept_without_a_source_or_date_or_with_bad_fields_is_refused(changes, field):
    with pytest.raises(TriageError, match=field):
        semantic.parse_concepts(_one(**changes))


def test_a_source_without_its_read_date_is_refused():
    src = [{"publisher": "P", "title": "T", "url": "https://x.org/"}]
    with pytest.raises(TriageError, match="read"):
        semantic.parse_concepts(_one(sources=src))


def test_the_stored_vectors_cover_every_exemplar_and_match_the_model():
    stored = rerank.load_vectors(semantic.VECTORS_FILE)
    texts = [x for c in semantic.concepts() for x in c.exemplars] + list(semantic.mild())
    texts = [semantic.gloss(t) for t in texts]
    missing = [t for t in texts if rerank.text_key(t) not in stored]
    assert not missing, "run: python -m mbcnav.triage refresh-vectors"
    fresh = rerank.embed(texts[:3])
    old = np.array([stored[rerank.text_key(t)] for t in texts[:3]])
    assert np.allclose(fresh, old, atol=2e-3)


def test_no_mild_look_alike_sits_on_top_of_a_red_flag_exemplar():
    # a mild phrase too close to an exemplar would silence real red flags near it
    store = semantic.bank()
    owner = np.array(store.owner)
    closest = (store.matrix[owner == -1] @ store.matrix[owner >= 0].T).max()
    assert closest < 0.8


def test_every_exemplar_sounds_like_its_own_concept_and_no_mild_phrase_fires():
    for c in semantic.concepts():
        assert c.name in {h.concept.name for h in semantic.hits(c.exemplars[0])}, c.name
    for phrase in semantic.mild():
        assert semantic.hits(phrase) == [], phrase


# ------------------------------------------------------------------ firing and silent
@pytest.mark.parametrize(
    "text, concept, level",
    [
        (
            "my tummy is swollen up like I'm pregnant and nothing has come out of me for days",
            "bowel-obstruction-or-perforation",
            "emergency",
        ),
        (
            "my husband says I went blank and my hand was twitching for a minute",
            "seizure",
            "emergency",
        ),
        (
            "shivering so hard the bed shook and I can't get warm",
            "infection-with-rigors",
            "emergency",
        ),
        ("my loved ones would have an easier time without me", "wish-to-be-dead", "emergency"),
        ("I feel like a weight dragging my family down", "wish-to-be-dead", "emergency"),
        (
            "Two questions: can I move my scan? Some nights on the drive home I picture just "
            "steering off the road into the canal and being done. Also is parking free?",
            "suicide-method-thoughts",
            "emergency",
        ),
        # a preparatory act said indirectly (C-SSRS; 988 warning signs), seventh session
        (
            "quick one about my refill: roughly how many of the morphine tablets would be a "
            "fatal amount, I'd just like to know",
            "suicide-preparation",
            "emergency",
        ),
    ],
)
def test_words_that_sound_like_a_red_flag_raise_the_level(run, text, concept, level):
    result = typed(run, text, treatments=[{"drugs": ["letrozole"], "start": "2026-01-01"}])
    assert result.level == level, [r.rule for r in result.reasons]
    assert f"sounds-like-{concept}" in sounds(result)
    reason = next(r for r in result.reasons if r.rule == f"sounds-like-{concept}")
    assert reason.why.startswith("Your words “") and " sound like " in reason.why
    assert reason.sources


@pytest.mark.parametrize(
    "text",
    [
        "a bit tired after the school run",
        "mild headache, gone after paracetamol",
        "sore feet after a long walk",
        "dry skin on my elbows",
        "feeling fine today, walked the dog",
        "no blood in my poo",
        "no fits, no fainting, no chest pain",
        "sorted out my will and funeral wishes with my husband",
        "I sat on the balcony in the sun for a while",
        "my son drives me home after the infusion now",
        "feeling low and my heart is not in much, but I am not suicidal",
        # a medicine that works is reassurance, not a report (seventh session)
        "a bit queasy after the drip as usual, the tablets work, eating fine",
        "how many paracetamol can I take in a day",
    ],
)
def test_everyday_words_denials_and_all_is_well_stay_silent(run, text):
    assert sounds(typed(run, text)) == []


# Everyday check-in words written from PRO-CTCAE symptom items (insomnia, fatigue, dry mouth,
# taste, heartburn, hiccups, hot flashes, nails, ringing in the ears, concentration, memory,
# anxiety, sadness, watery eyes, numbness and tingling, joint and muscle aches, dry skin,
# constipation, appetite, hair loss) at grade 1 (H50). Some mild look-alikes were
# written after a first run of this list, so it is a regression list, not a blind measure.
EVERYDAY = [
    "wish i could wake up without feeling groggy",
    "I wish I could sleep through the night",
    "I wish I had more energy in the afternoons",
    "I'd love to wake up feeling rested for once",
    "wish I could stay awake through a whole film",
    "hope I sleep better tonight",
    "I wish my hair would grow back faster",
    "wish food tasted like it used to",
    "a bit of heartburn after dinner",
    "hiccups on and off after my steroids",
    "hot flushes at night, damp sheets sometimes",
    "my nails are ridged and a bit brittle",
    "ringing in my ears when it is quiet",
    "forgetting words now and then, chemo brain",
    "hard to concentrate when I read",
    "feeling a bit down about losing my hair",
    "worried about my scan next week",
    "watery eyes when I go out in the wind",
    "mild pins and needles in my toes",
    "joints stiff in the morning, eases by lunch",
    "skin dry and itchy on my shins",
    "wish I wasn't so tired all the time",
    "I'm dying for a proper night's sleep",
    "sick of feeling tired all the time",
    "mouth a bit dry, sipping water",
    "bit constipated, went yesterday",
    "appetite smaller than usual but still eating",
    "wish I could nap less during the day",
    "I just want a good night's sleep",
    "wish I felt more like myself in the mornings",
    "tired when I wake up even after 9 hours sleep",
    "sugar reading 7.8 after breakfast, feel fine",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_check_in_words_stay_silent(text):
    assert semantic.hits(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "wish i could go to sleep and not wake up",
        "I wish I could sleep forever",
        "some mornings I wish I hadn't woken up",
        "wish i could fall asleep and never wake up again",
        "I wake up wishing I was dead",
        "I wish I could wake up and not be here anymore",
        "wish I could sleep better, or just not wake up at all",
    ],
)
def test_a_wish_not_to_wake_still_sounds_like_a_wish_to_be_dead(text):
    assert "wish-to-be-dead" in {h.concept.name for h in semantic.hits(text)}, text


def test_unless_readings_are_validated():
    entry = {
        "name": "x",
        "level": "urgent",
        "sounds_like": "x",
        "why": "x",
        "do": "x",
        "sources": [{"publisher": "p", "title": "t", "url": "https://x.org", "read": "2026-12-02"}],
        "as_of": "2026-12-02",
        "exemplars": [f"phrase {i}" for i in range(8)],
    }
    assert semantic.parse_concepts({"concepts": [{**entry, "unless": ["wake up"]}]})[0].unless
    with pytest.raises(TriageError, match="unless"):
        semantic.parse_concepts({"concepts": [{**entry, "unless": ["(unclosed"]}]})
    with pytest.raises(TriageError, match="unless"):
        semantic.parse_concepts({"concepts": [{**entry, "unless": "wake up"}]})


def test_denials_and_lasting_absences():
    assert net_clauses.denied("no blood in my poo")
    assert net_clauses.denied("there is no swelling")
    assert not net_clauses.denied("no poo for 5 days")
    assert not net_clauses.denied("no wee since this morning")
    assert not net_clauses.denied("no feeling in my legs")
    assert not net_clauses.denied("not able to keep water down")


def test_a_nosebleed_told_by_its_first_aid_sounds_like_heavy_bleeding():
    text = "blood has been running from my nose for 45 minutes, pinched it the whole time, a towel is soaked"
    assert "heavy-bleeding" in {h.concept.name for h in semantic.hits(text)}


@pytest.mark.parametrize(
    "text",
    [
        "a scratchy throat and a runny nose, still eating and drinking",
        "leak a little when I sneeze",
    ],
)
def test_a_cold_and_a_small_leak_stay_silent(text):
    assert semantic.hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a look-alike must not hide a red flag said in the same message (review, eighth session)
        "a cold with a sore throat and I'm shaking with chills",
        "scratchy throat and sniffles, and I feel shivery and awful",
        "missed the chair and fell, hit my head, now very drowsy",
        # "does not look normal" is a report, not a denial
        "my lips don't look normal, they look a bit blue",
        "my leg doesn't look normal, swollen and hot",
    ],
)
def test_look_alikes_and_not_normal_still_raise_an_emergency(run, text):
    result = typed(run, text, treatments=[{"drugs": ["paclitaxel"], "start": "2026-01-01"}])
    assert result.level == "emergency", [r.rule for r in result.reasons]


def test_a_state_said_to_be_normal_is_a_denial():
    # ConText's backward cue with a short subject: the clause says the function is normal
    assert net_clauses.denied("my breathing is normal")
    assert net_clauses.denied("her speech is fine")
    assert net_clauses.denied("his breathing is back to normal now")
    assert not net_clauses.denied("my breathing is not normal")
    assert not net_clauses.denied("my poo doesnt look normal")
    assert not net_clauses.denied("nothing feels normal")
    assert not net_clauses.denied("not sure if my breathing is normal")
    assert not net_clauses.denied("breathing is fine until I climb the stairs")
    assert (
        semantic.hits("taste all metallic since the drip, no cough and my breathing is normal")
        == []
    )
    assert semantic.hits("my breathing is not normal, gasping even sitting still")


def test_lay_words_are_glossed_for_the_model_only(run):
    assert semantic.gloss("blood in the LOO, keeling over") == "blood in the toilet, fainting"
    assert semantic.gloss("bloom") == "bloom"
    result = typed(run, "passing big clots of blood in the loo")
    reason = next(r for r in result.reasons if r.rule == "sounds-like-heavy-bleeding")
    assert "loo" in reason.why and result.level == "emergency"


def test_bad_glosses_are_refused():
    with pytest.raises(TriageError, match="glosses"):
        semantic.parse_glosses({"glosses": {"words": ["loo"]}})
    with pytest.raises(TriageError, match="sources"):
        semantic.parse_glosses({"glosses": {"words": {"loo": "toilet"}, "as_of": "2026-12-02"}})


def test_a_short_clause_is_read_only_inside_the_whole():
    assert semantic.pieces("swollen, hot") == ["swollen, hot"]
    assert semantic.pieces("feet numb, back aches at night") == [
        "back aches at night",
        "feet numb, back aches at night",
    ]
    # "legs fine" says a body part is well, a denial (twenty-eighth session): it is not read
    assert semantic.pieces("legs fine, back aches at night") == ["back aches at night"]


# ------------------------------------------------------------------ threshold and direction
def test_a_sentence_cut_into_clauses_is_read_whole_as_well():
    text = "Parking question first. I think about steering into the river and being done."
    found = semantic.pieces(text)
    assert "I think about steering into the river and being done" in found
    # a sentence that holds a denial is not read whole: the denial's scope is its clause
    assert not any(
        "not" in p and "," not in p for p in semantic.pieces("Tired. Not dizzy and sick.")
    )


def test_the_threshold_decides(monkeypatch):
    text = "my husband says I went blank and my hand was twitching for a minute"
    assert semantic.hits(text)
    best = max(h.score for h in semantic.hits(text))
    for c in semantic.concepts():
        monkeypatch.setattr(c.__class__, "cutoff", property(lambda self: best + 0.01))
    assert semantic.hits(text) == []


def test_a_concepts_own_threshold_wins_over_the_global_one(monkeypatch):
    monkeypatch.setattr(semantic, "THRESHOLD", 0.99)
    c = semantic.concepts()[0]
    assert c.cutoff == (0.99 if c.threshold is None else c.threshold)


def test_the_net_never_lowers_and_stays_quiet_above_its_levels(run):
    result = typed(run, "crushing chest pain and my family would be better off if I was gone")
    assert result.level == "emergency"
    # a crisis concept is read at its own level too: its advice (988) differs from any other
    # emergency's (session 33, first review); other concepts stay quiet at their level
    crisis = semantic.hits("my family would be better off if I was gone", RANK["emergency"])
    assert {h.concept.name for h in crisis} <= semantic.CRISIS and crisis
    assert semantic.hits("my leg is swollen, red and hot", RANK["emergency"]) == []
    routine = semantic.hits("the whites of my eyes look yellow", RANK["urgent"])
    assert routine == []


def test_without_the_model_the_rules_still_run(run, monkeypatch):
    monkeypatch.setattr(semantic, "_embed", lambda texts: None)
    result = typed(run, "my husband says I went blank and my hand was twitching for a minute")
    assert sounds(result) == []
    assert result.level in ("routine", "urgent", "emergency")


def test_switched_off_it_is_silent(run, monkeypatch):
    monkeypatch.setattr(semantic, "ENABLED", False)
    assert sounds(typed(run, "my loved ones would have an easier time without me")) == []


def test_falling_asleep_is_no_fall_and_no_fit(run):
    """ "I fell asleep on the sofa" names no fall (the fall term's `unless`) and sounds like no
    seizure (mild look-alikes in semantic_flags.yaml), H75."""
    result = run([{"symptom": "I fell asleep on the sofa and woke up tired", "severity": "mild"}])
    fired = {r.rule for r in result.reasons}
    assert result.level in {"none", "routine"}, sorted(fired)
    assert not fired & {"fall", "sounds-like-seizure"}
    fell = run([{"symptom": "I fell over in the kitchen and hit my head", "severity": "moderate"}])
    assert "fall" in {r.rule for r in fell.reasons}


def test_a_small_bleed_that_stopped_is_not_heavy_bleeding_but_a_real_one_still_is():
    # H81 (eleventh session) and the review of it: the unless reading is per piece and lists
    # what makes a bleed heavy, lasting, internal, from a line or on a blood thinner
    def heavy(text):
        return "heavy-bleeding" in {h.concept.name for h in semantic.hits(text)}

    assert not heavy("only when I brush hard, stops in a minute, bloods were all normal")
    for text in (
        "nose bled a bit and stopped. bleeding from my ear now",
        "nose bled a little and stopped, but now my port is bleeding through the dressing",
        "bleeding from my nose, it stopped after a bit, i'm on rivaroxaban",
        "the toilet was full of blood, it has stopped now",
    ):
        assert heavy(text), text


def test_a_piece_that_only_says_where_the_cancer_is_is_no_wish_to_be_dead():
    """Fourteenth session (tuning set 34): "my cancer is only in the liver" sounded like a wish to
    be dead (the exemplar "the cancer to take me quicker"); an `unless` reading skips a piece
    that only says where the cancer is (H92). Review: the same words beside a real wish still
    sound like one (look-alike exemplars first tried here hid them)."""

    def fired(text):
        return {h.concept.name for h in semantic.hits(text)}

    assert "wish-to-be-dead" not in fired(
        "pulled something in my back digging the veg patch, getting better every day, no leg "
        "weakness or numbness. my cancer is only in the liver"
    )
    for text in (
        "my cancer is only in my liver, I just want it to take me now",
        "the cancer has spread to my bones and liver, I don't see the point of going on",
        "the cancer is in my bones and liver now, what's the point in carrying on",
        "I just want the cancer to take me now",
        "the cancer has to win",  # second review: "has to" is no place
    ):
        assert "wish-to-be-dead" in fired(text), text


def test_a_clause_that_only_says_where_is_not_read_on_its_own():
    """Fifteenth session (tuning set 36): "left edge of the tongue" (a clause of a mouth-ulcer
    message) sat nearest the allergy exemplar "tongue feels too big for my mouth"; a clause made
    only of body places and positions (semantic_flags.yaml `places`) is not embedded alone
    (H96). Its sentence and the whole message still are, so a real sign beside it is read."""

    def fired(text):
        return {h.concept.name for h in semantic.hits(text)}

    assert semantic.only_place("left edge of the tongue")
    assert semantic.only_place("under my right arm")
    assert not semantic.only_place("my tongue is swelling up")
    assert not semantic.only_place("")
    assert "severe-allergic-reaction" not in fired(
        "ulcer count: one. size of a lentil, left edge of the tongue. stings with vinegar "
        "crisps but meals are normal and I'm drinking fine"
    )
    for text in (
        "left side of my tongue, it is swelling up and my throat feels tight",
        "my tongue feels too big for my mouth",
    ):
        assert "severe-allergic-reaction" in fired(text), text
    # review: a note made only of places is still read whole ("left side of my face and my
    # left arm" in a numbness entry is a stroke sign)
    assert "stroke-signs" in fired("left side of my face and my left arm")


def test_bad_places_are_refused():
    with pytest.raises(TriageError, match="places"):
        semantic.parse_places({"places": {"words": ["Left Edge"]}})
    with pytest.raises(TriageError, match="sources"):
        semantic.parse_places({"places": {"words": ["tongue"], "as_of": "2026-12-04"}})


# sixteenth session: a burning felt inside the body is no act of self-harm; grade 1 look-alikes
# of breathlessness on exertion and reflux settled by an antacid stay silent; an act with a
# tool or an intent still sounds like self-harm
@pytest.mark.parametrize(
    "text",
    [
        "burning behind my breastbone",
        "a burning in my throat when I swallow",
        "bit out of breath after running for the bus but fine after a minute",
    ],
)
def test_sensations_and_grade_1_look_alikes_are_not_self_harm_or_a_breathing_emergency(text):
    found = {h.concept.name for h in semantic.hits(text)}
    assert "self-harm" not in found and "breathing-difficulty" not in found, found


@pytest.mark.parametrize(
    "text", ["I burned my arm on purpose", "burning my skin with a lighter to cope"]
)
def test_an_act_of_burning_still_sounds_like_self_harm(text):
    assert "self-harm" in {h.concept.name for h in semantic.hits(text)}, text
