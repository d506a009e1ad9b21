"""Thirty-ninth session (issue 20): words read from the tuning set 84 and last session's
held-out set 83 (read after it was measured), each checked both ways."""

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import hospice

from .test_session32_words import DAY, _run


def _rules(result) -> set[str]:
    return {r.rule for r in result.reasons}


def _read(text: str) -> dict:
    return own_words_all([{"date": DAY.isoformat(), "symptom": text}])[0]


@pytest.mark.parametrize(
    "text",
    [
        "im too weak to get out of bed today",
        "too dizzy to shower this morning",
        "my husband has to help me get dressed, I am so tired",
        "she's been bedbound since tuesday, so weak",
        "I need help getting out of bed",
    ],
)
def test_self_care_limits_said_the_other_way_round(text):
    assert _read(text).get("interference") == "very much", text


@pytest.mark.parametrize(
    "text",
    [
        "too tired to walk the dog",
        "i need help with the shopping",
        "i cant get up the stairs without stopping",
        "I stayed in bed this morning because it was cold",
    ],
)
def test_limits_on_other_things_are_not_self_care(text):
    assert _read(text).get("interference") != "very much", text


def test_too_weak_to_get_out_of_bed_is_a_same_day_call():
    r = _run({"symptom": "im too weak to get out of bed today"}, drugs=["capecitabine"])
    assert r.level in {"urgent", "emergency"}


@pytest.mark.parametrize(
    "text",
    [
        "bad headache that won't go away",
        "headache for 3 days now, paracetamol not touching it",
        "my head has been pounding all week, tylenol isnt helping",
    ],
)
def test_a_headache_that_will_not_go_away_is_a_same_day_call(text):
    r = _run({"symptom": text}, drugs=["letrozole"])
    assert r.level in {"urgent", "emergency"}, text


@pytest.mark.parametrize(
    "text",
    [
        "mild headache this afternoon, better after a coffee",
        "i get headaches now and then, tylenol helps",
    ],
)
def test_a_headache_that_passes_is_not(text):
    r = _run({"symptom": text}, drugs=["letrozole"])
    assert "headache-that-will-not-go-away" not in _rules(r), text


def test_mild_drowsiness_with_another_problem_is_no_altered_consciousness():
    mild = _run(
        {"symptom": "drowsiness", "severity": "mild"},
        {"symptom": "fatigue", "severity": "severe"},
        drugs=["morphine"],
    )
    assert "confusion-plus-another-warning-sign" not in _rules(mild)
    worse = _run(
        {"symptom": "drowsiness", "severity": "severe"},
        {"symptom": "fatigue", "severity": "severe"},
        drugs=["morphine"],
    )
    assert "confusion-plus-another-warning-sign" in _rules(worse)
    assert worse.level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "mum is on hospice at home, she is so restless tonight and pulling at her clothes, very confused",
        "3am and mum is so restless and confused, shes on hospice at home",
    ],
)
def test_under_hospice_confusion_and_restlessness_go_to_the_hospice_line_first(text):
    r = _run({"symptom": text}, drugs=["morphine"])
    assert r.level == "urgent", text
    assert "hospice" in r.advice and "911" in r.advice


@pytest.mark.parametrize(
    "text",
    [
        "we talked about hospice today. now she has a temperature of 38.9 and is shaking",
        "not ready for hospice yet. temp 38.9 and shivering",
        "she has a DNR, temp 39.1 and shivering",
    ],
)
def test_without_hospice_care_the_same_signs_still_say_911(text):
    r = _run({"symptom": text}, drugs=["capecitabine"])
    assert r.level == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "the hospice nurse came yesterday. dad fell and hit his head and is very drowsy now",
        "my dad is on hospice at home. I have crushing chest pain",
        "he is on hospice. food went down the wrong way and she can't breathe",
        "mum is on hospice. her face and tongue have swollen up after the new antibiotic and she is wheezing",
    ],
)
def test_under_hospice_every_other_911_sign_keeps_911(text):
    r = _run({"symptom": text}, drugs=["morphine"])
    assert r.level == "emergency", text


def test_self_harm_keeps_911_under_hospice():
    r = _run(
        {"symptom": "he is on hospice and took all of his morphine tablets on purpose an hour ago"},
        drugs=["morphine"],
    )
    assert r.level == "emergency"
    assert not hospice.routed("own-words-self-harm-sign")
    assert hospice.routed("new-confusion")


def test_the_hospice_file_is_checked():
    good = {
        "as_of": "2026-12-07",
        "sources": [{"publisher": "p", "title": "t", "url": "https://x", "read": "2026-12-07"}],
        "words": ["on hospice"],
        "unless": ["not on hospice"],
        "route": ["confusion"],
        "why": "w",
        "do": "Call the hospice team now; call 911 if told to.",
    }
    assert hospice.build(good).words.search("she is on hospice")
    with pytest.raises(hospice.TriageError, match="words"):
        hospice.build({**good, "words": ["On Hospice"]})
    with pytest.raises(hospice.TriageError, match="do"):
        hospice.build({**good, "do": "Call the team."})
    with pytest.raises(hospice.TriageError, match="needs unless"):
        hospice.build({k: v for k, v in good.items() if k != "unless"})


@pytest.mark.parametrize(
    "text",
    [
        "my mum died in hospice last year and now I have crushing chest pain",
        "I volunteer with hospice on weekends. sudden weakness on one side of my face",
        "I'm a hospice nurse myself. worst headache of my life, came on suddenly",
        "they want to put me on hospice but I said no. crushing chest pain",
        "I came off hospice care last month. crushing chest pain and sweating",
        "my dad was in hospice care when he passed. now I can't breathe at all",
    ],
)
def test_hospice_said_of_someone_else_the_past_or_a_job_keeps_911(text):
    r = _run({"symptom": text}, drugs=["capecitabine"])
    assert r.level == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "mum is on hospice. I think she had an allergic reaction, her throat is swelling after a new antibiotic",
        "my wife is on hospice and she is choking and can't breathe",
        "mum is on hospice. my grandson swallowed one of her morphine tablets",
        "I'm on hospice. I have saved up my morphine and I'm going to take it all tonight",
    ],
)
def test_choking_allergy_poisoning_and_plans_keep_911_under_hospice(text):
    r = _run({"symptom": text}, drugs=["morphine"])
    assert r.level == "emergency", text


@pytest.mark.parametrize(
    "entries",
    [
        [
            {"symptom": "drowsiness", "severity": "mild"},
            {"symptom": "stiff neck", "severity": "moderate"},
        ],
        [
            {"symptom": "drowsiness", "severity": "mild"},
            {"symptom": "extreme thirst", "severity": "moderate"},
        ],
    ],
)
def test_mild_drowsiness_with_a_red_flag_is_still_an_emergency(entries):
    assert _run(*entries, drugs=["zoledronic acid"]).level == "emergency"


def test_mild_drowsiness_with_another_sign_is_a_same_day_call():
    r = _run(
        {"symptom": "drowsiness", "severity": "mild"},
        {"symptom": "headache", "severity": "moderate"},
        drugs=["morphine"],
    )
    assert r.level == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "headache last month but it's gone now",
        "headache every day but it goes away with paracetamol",
    ],
)
def test_a_headache_said_to_be_gone_is_not_a_lasting_one(text):
    assert "headache-that-will-not-go-away" not in _rules(
        _run({"symptom": text}, drugs=["letrozole"])
    )


@pytest.mark.parametrize(
    "text", ["too tired to do the washing", "mild diarrhoea, too tired to shower the kids tonight"]
)
def test_chores_and_other_peoples_care_are_not_self_care(text):
    assert _read(text).get("interference") != "very much", text


# read from the held-out set 85 after its one measurement


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("pain 8/10 in my hip", "severe"),
        ("my back pain is 9 out of 10", "severe"),
        ("pain 3/10 today", "mild"),
    ],
)
def test_a_score_out_of_ten_gives_the_severity(text, severity):
    assert _read(text).get("severity") == severity


@pytest.mark.parametrize("text", ["back pain since 8/10", "appointment 8/10/2026, back ache"])
def test_a_date_is_no_score(text):
    assert _read(text).get("severity") is None


def test_a_pain_crisis_told_with_a_score_is_a_same_day_call():
    text = (
        "My hip pain is breaking through everything. Ive had 4 of the oramorph 10mg top ups today "
        "and it still 8/10. Not sleepy, no new numbness. Just can't get comfortable."
    )
    r = _run({"symptom": text}, drugs=["morphine", "capecitabine"])
    assert r.level in {"urgent", "emergency"}
    assert not any("numbness" in x for x in _rules(r))


def test_no_new_numbness_is_no_numbness_reported():
    assert _read("no new numbness").get("severity") == "none"


@pytest.mark.parametrize("text", ["She hasn't really woken today.", "he won't wake up properly"])
def test_not_waking_is_drowsiness(text):
    assert _read(text)["symptom"] == "drowsiness"
    assert _read("I slept well, didn't wake at all")["symptom"] != "drowsiness"


def test_a_cold_house_is_no_shivering():
    r = _run(
        {
            "symptom": "thermometer said 36.1 this morning, is that too low?? I feel completely "
            "fine, just got up and house was cold."
        },
        drugs=["letrozole"],
    )
    assert r.level == "routine"
    shaking = _run({"symptom": "I feel freezing and cant stop shaking"}, drugs=["docetaxel"])
    assert shaking.level == "emergency"


def test_the_vector_cache_never_drops_a_text_asked_for_in_the_same_call(monkeypatch):
    import numpy as np

    from mbcnav.library import rerank
    from mbcnav.triage import semantic

    monkeypatch.setattr(semantic, "_CACHE", semantic.OrderedDict())
    monkeypatch.setattr(semantic, "_CACHE_SIZE", 3)
    monkeypatch.setattr(
        rerank, "embed", lambda texts: np.array([[float(len(t)), 1.0] for t in texts])
    )
    semantic._embed(["a", "bb", "ccc"])  # full
    # "a" is the oldest and cached; two new texts would have pushed it out mid-call
    got = semantic._embed(["a", "dddd", "eeeee"])
    assert got.shape == (3, 2) and got[0][0] == 1.0
    assert len(semantic._CACHE) == 3 and list(semantic._CACHE) == ["a", "dddd", "eeeee"]
