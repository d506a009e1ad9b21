"""Thirteenth-session readings of typed words (issue 20), from tuning triage set 32: a headache
"like being hit" is a headache (the classic thunderclap words), not a fall. Trips or a rush to
the toilet were tried as diarrhoea and taken out after review: they are also said of vomiting and
of peeing."""

from mbcnav.patient import vocabulary


def _term(text: str) -> str | None:
    found = vocabulary.normalise_symptom(text)
    return found[0] if found else None


def test_a_headache_like_being_hit_is_a_headache():
    assert _term("sudden headache like being hit with a bat, worst ever") == "headache"
    assert _term("pounding headache as if kicked in the head") == "headache"
    # a real knock stays a fall
    assert _term("I hit my head on the cupboard door") == "fall"
    assert _term("fell and hit my head, now a headache") == "fall"
