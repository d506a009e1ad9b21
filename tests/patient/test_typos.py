"""Misspelt symptom words are read as meant; ordinary words are never turned into symptoms
(mbcnav.patient.typos, hazard H73)."""

import pytest

from mbcnav.patient import typos
from mbcnav.patient.symptoms import vocabulary


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("diarhea", "diarrhea"),
        ("vommiting", "vomiting"),
        ("feaver", "fever"),
        ("nausia", "nausea"),
        ("constapation", "constipation"),
        ("swolen", "swollen"),
        ("bleading", "bleeding"),
    ],
)
def test_a_misspelt_symptom_word_is_read_as_meant(typed, meant):
    assert typos.correct(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "never",  # an English word one edit from "fever"
        "breeding",  # one edit from "bleeding"
        "fasting",
        "pelvis",
        "shouldnt",  # "shouldn't" without its apostrophe, not "shoulder"
        "metastic",  # two edits from "metallic" and from "metastatic": no single reading
        "crampy",  # two edits from "cramps" in a short word
        "kisqali",  # a brand name near no symptom word
        "38",
    ],
)
def test_a_word_that_is_no_clear_misspelling_stays_as_typed(word):
    assert typos.correct(word) == word


def test_a_misspelt_check_in_names_its_symptom():
    words = vocabulary()
    assert words.match("diarhea 4 or 5 x a day for 2 days, crampy") == ("diarrhea", None)
    assert words.match("vommiting since last night") == ("vomiting", None)
    assert words.match("never felt better") is None


def test_every_target_word_is_a_symptom_vocabulary_word():
    lexicon = typos.lexicon()
    assert "diarrhea" in lexicon and "fever" in lexicon
    assert all(len(w) >= typos.MIN_LENGTH and w.isalpha() for w in lexicon)


def test_a_word_the_keywords_already_read_is_never_changed():
    # "bledder" is read by the stem "bled" (bleeding); read as "bladder" it would name nothing
    assert typos.correct("bledder") == "bledder"
    assert vocabulary().match("bledder gums since this morning")[0].startswith("bleeding")
    # "dizzyness" is read by the stem "dizz" as typed
    assert typos.correct("dizzyness") == "dizzyness"
    assert vocabulary().match("dizzyness when I stand")[0] == "dizziness"


def test_a_long_hostile_check_in_is_read_quickly():
    import time

    words = " ".join(f"qx{'abcdefghij'[i % 10]}zzlkmwvrt{i}" for i in range(400))
    start = time.perf_counter()
    vocabulary().match(words + " " + "diarhaea vommitingg " * 200)
    assert time.perf_counter() - start < 5
