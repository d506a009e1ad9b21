"""Twelfth-session readings of typed words (issue 20), from held-out triage set 31 read after it
was measured: one "no" over a list of symptoms denies each of them; "4 loose ones" is diarrhoea;
"a few drops of blood" is not a bladder that will not empty."""

from mbcnav.patient import vocabulary
from mbcnav.patient.negation import negated


def _term(text: str) -> str | None:
    found = vocabulary.normalise_symptom(text)
    return found[0] if found else None


def test_one_no_over_a_list_of_symptoms_denies_each():
    assert negated("no other bruises or bleeding")
    assert negated("no fever, chills or rash")
    # a part that is not a listed symptom, or a report word, keeps the clause a report
    assert not negated("no pain or weakness in my legs")
    assert not negated("no feeling or movement in my legs")
    assert not negated("not eating or drinking")
    # a part with a negation of its own is a report (second review)
    assert not negated("not dizzy or cant stay awake")
    assert not negated("not confused or cant speak")


def test_loose_ones_counted_are_diarrhea():
    assert _term("also 4 loose ones today more than my usual") == "diarrhea"
    assert _term("my teeth feel loose") != "diarrhea"


def test_drops_of_blood_are_not_drops_of_urine():
    assert _term("blew my nose and a few drops of blood") == "nosebleed"
    assert _term("only a few drops come out when I try to pee") == "unable to pass urine"
