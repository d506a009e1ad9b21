"""Thirtieth session (issue 20): words read from this session's tuning set 66 and last session's
held-out set 65 (read after it was measured), and the review's inputs. Each change that quiets a
calm message still reads the red flag it is about."""

from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import semantic


def _read(text: str) -> list[tuple[str, str | None]]:
    return [
        (e["symptom"], e.get("severity"))
        for e in own_words_all([{"date": "2026-12-06", "symptom": text}])
    ]


def _sounds(text: str) -> set[str]:
    return {h.concept.name for h in semantic.hits(text)}


def test_a_feeling_that_passes_is_not_passing_urine():
    """ "feel like i cant breathe, then it passes after 20 mins": "cant" and "passes" were read
    as not able to pass urine; the phrasings people use for retention still read (review)."""
    assert ("unable to pass urine", None) not in _read("cant breathe, then it passes after a bit")
    assert ("unable to pass urine", None) not in _read("i cant sleep, the pain passed")
    for red in (
        "i cant pass urine since this morning",
        "havent passed water since 6am",
        "cant pass anything, bladder feels full",
        "not passed urine all day",
        "havent passed a drop since last night",
        "cant pass it, my bladder feels like its bursting",
        "havent passed much since yesterday and my tummy is swollen",
    ):
        assert ("unable to pass urine", None) in _read(red), red


def test_blurry_eyes_are_vision_changes():
    assert ("vision changes", None) in _read("reading has gone a bit blurry, both eyes")
    assert ("vision changes", None) in _read("my eyes are blurry since the new drops")
    # not tears, nor a meter's readings (review)
    assert ("vision changes", None) not in _read("eyes misty and watering from the cold wind")
    assert ("vision changes", None) not in _read("my sugar readings are a bit hazy")


def test_a_question_about_night_sweats_is_not_chest_pain():
    assert "chest-pain" not in _sounds("anything i can do for these sweats")
    assert "chest-pain" in _sounds("crushing pain in my chest and i am sweating")
    # the look-alikes the review took out: an overdose and rigors are heard again
    assert _sounds("took extra steroid tablets by mistake, about 10") & {
        "self-harm",
        "suicide-preparation",
    }
    assert "infection-with-rigors" in _sounds(
        "bit achy and sweaty like a cold coming on, went hot and cold and shook all over"
    )
