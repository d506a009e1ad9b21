"""Thirty-seventh session (issue 20): words read from the tuning set 80, last session's held-out
set 79 (read after it was measured) and the all-sets run, each checked both ways."""

import pytest

from .test_session31_words import _told
from .test_session32_words import _run


def _rules(result) -> set[str]:
    return {r.rule for r in result.reasons}


def test_spots_in_the_brain_are_a_told_site():
    assert _told("they found 2 small spots in my brain in october") == {"brain"}
    assert _told("mri showed a lesion on the brain, waiting for srs") == {"brain"}
    r = _run(
        {
            "symptom": "headaches every morning for a week, worse lying down, sick twice today. "
            "they found 2 small spots in my brain in october"
        },
        drugs=["letrozole", "abemaciclib"],
    )
    assert r.level == "emergency"
    assert "headache-or-vision-change-with-brain-metastases" in _rules(r)


@pytest.mark.parametrize(
    "text",
    [
        "the mri found no spots in my brain",
        "worried there are spots in my brain, headache today",
        "scan clear, no cancer in the brain",
    ],
)
def test_spots_in_the_brain_denied_or_feared_are_not_told(text):
    assert "brain" not in _told(text), text


def test_a_cold_that_is_all_gone_is_no_death_wish():
    """The words "its all gone" in a sentence that names a symptom gone and the person well are
    set aside; every other sentence, and a wish in the same sentence, is still read."""
    r = _run(
        {
            "symptom": "am I ok to get the flu jab next week? I had a cold last week with a slight "
            "temp, but its all gone now and I feel back to normal"
        },
        drugs=["anastrozole"],
    )
    assert r.level != "emergency"
    # the same words beside a wish are read as before
    r = _run(
        {
            "symptom": "the cold is better, its all gone now and i feel fine, but honestly i "
            "wish i was gone too"
        },
        drugs=["anastrozole"],
    )
    assert r.level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "it's all gone, I feel fine about going now",
        "its gone now and i feel fine, honestly i dont care if i wake up tomorrow or not",
        "it's all gone now and I feel good. Ready to go whenever He calls me home",
    ],
)
def test_a_wish_beside_all_gone_is_still_a_wish(text):
    assert _run({"symptom": text}, drugs=["anastrozole"]).level == "emergency", text


def _severity(text: str):
    from mbcnav.patient.checkin import own_words_all

    (first, *_) = own_words_all([{"date": "2026-12-19", "symptom": text}])
    return first["symptom"], first.get("severity")


def test_breathless_only_on_effort_is_moderate():
    for text in (
        "my breathing has been the same for months, only puffed on hills",
        "im only puffed going up the stairs",
    ):
        assert _severity(text) == ("shortness of breath", "moderate"), text


@pytest.mark.parametrize(
    "text",
    [
        "it used to be only on the stairs, now im puffed just sitting watching telly",
        "she only gets out of breath on the stairs but shes been sleeping upright in her chair",
        "only out of breath when i climb the stairs, and making a cup of tea, and brushing my hair",
        "breathless all the time, only worse on the stairs",
        "breathless at rest now, only just manage up the stairs",
    ],
)
def test_rest_or_self_care_breathlessness_is_never_made_moderate(text):
    assert _severity(text)[1] != "moderate", text


def test_always_breathless_on_an_effort_is_no_rest_breathlessness():
    assert _severity("always puffed going up the stairs, fine sitting down, nothing new")[1] == (
        "moderate"
    )


def test_unchanged_breathing_is_no_breathing_emergency():
    r = _run(
        {
            "symptom": "is 94 ok on my finger monitor after the stairs? my breathing has been the "
            "same for months, only puffed on hills"
        },
        drugs=["anastrozole"],
    )
    assert r.level != "emergency"
    r = _run(
        {"symptom": "my breathing has been the same for months but today i coughed up blood"},
        drugs=["anastrozole"],
    )
    assert r.level == "emergency"


def test_the_toilet_words_are_whole_words():
    r = _run(
        {"symptom": "back and forth to the lavvy 8 times since breakfast"}, drugs=["abemaciclib"]
    )
    assert r.level == "emergency"
    assert _severity("lovely walk today, look at my roses")[0] != "diarrhea"
    assert _severity("on and off the loo all night, watery")[0] == "diarrhea"


def test_a_strong_pain_medicine_running_out_is_a_same_day_call():
    for text in (
        "ran out of my oxycodone on saturday, got plenty of paracetamol but its not touching the pain",
        "down to my last fentanyl patch, the chemist cant get any till next week",
    ):
        assert "strong-pain-medicine-running-out" in _rules(
            _run({"symptom": text}, drugs=["letrozole"])
        ), text
    for text in (
        "had a bad headache, took a couple of codeine, ran out of paracetamol though",
        "can I get a repeat of my oxycodone before christmas so I dont run out? no new symptoms",
        "ive run out of my letrozole, and had some breakthrough bleeding",
    ):
        assert "strong-pain-medicine-running-out" not in _rules(
            _run({"symptom": text}, drugs=["letrozole"])
        ), text


def test_double_vision_with_loss_of_balance_reads_the_eyes_and_the_walk():
    r = _run(
        {
            "symptom": "seeing 2 of everything since this morning and keep veering to the left when i walk"
        },
        drugs=["tucatinib", "capecitabine"],
    )
    assert r.level == "emergency"
    r = _run(
        {"symptom": "double vision when im tired for the last few days, and my tooth feels wobbly"},
        drugs=["tucatinib", "capecitabine"],
    )
    assert "double-vision-or-sight-loss-with-loss-of-balance" not in _rules(r)


def test_a_denial_reaches_through_or_only_from_its_own_first_item():
    from mbcnav.triage.conditions import words_match

    assert not words_match(["unsteady"], "not wobbly or unsteady at all")
    assert not words_match(["chills"], "no fever or chills")
    for phrase, text in (
        ("shivering", "nothing helps the nausea or the shivering"),
        ("shivering", "not stopped shaking or shivering"),
        ("seizure", "never had a fit or seizure before today"),
        ("hives", "not sure if its a rash or hives"),
    ):
        assert words_match([phrase], text), text


@pytest.mark.parametrize(
    "text",
    [
        "she is only breathless on the stairs but now she is breathless sitting in her chair",
        "only breathless on the stairs but this morning i am breathless in bed",
        "only breathless walking up stairs. coughing up pink frothy stuff",
        "its only on the stairs, though yesterday i was breathless just talking on the phone",
    ],
)
def test_effort_only_never_hides_rest_or_a_wet_cough(text):
    assert _run({"symptom": text}, drugs=["paclitaxel"]).level == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "i do have brain mets and now a bad headache and sick twice",
        "bad headache and vomiting this morning, the mri last week showed possible brain mets",
    ],
)
def test_brain_mets_said_plainly_or_as_possible_stay_told(text):
    assert "brain" in _told(text), text


def test_a_wish_in_the_same_sentence_as_all_gone_is_still_read():
    text = (
        "i keep thinking id like to just not exist anymore, the pain is gone and im ok, its all "
        "gone and i feel fine"
    )
    assert _run({"symptom": text}, drugs=["letrozole"]).level == "emergency"


def test_a_run_out_said_with_no_or_only_one_left_is_read_and_a_side_is_not():
    for text in (
        "i have no oxycodone left, pain is bad",
        "only 1 oxycodone left, i need more before it runs out tonight and the surgery is closed",
    ):
        assert "strong-pain-medicine-running-out" in _rules(
            _run({"symptom": text}, drugs=["letrozole"])
        ), text
    r = _run(
        {"symptom": "took one oxycodone for the pain in my left hip last night and it helped"},
        drugs=["letrozole"],
    )
    assert "strong-pain-medicine-running-out" not in _rules(r)
    r = _run({"symptom": "double vision today, she is really wobbly"}, drugs=["tucatinib"])
    assert r.level == "emergency"


def test_held_out_reads_flu_at_home_lung_fluid_back_running_out_and_waking():
    r = _run(
        {
            "symptom": "my grandson stayed over last night and today my daughter says he tested "
            "positive for flu. I feel fine, no temperature. docetaxel was the thursday before last. "
            "do I need anything?"
        },
        drugs=["docetaxel"],
    )
    assert "flu-or-covid-on-treatment" in _rules(r)
    r = _run(
        {
            "symptom": "I think the fluid round my lung is back. Stairs now make me stop halfway, "
            "fine sitting down and can lie flat. They drained it 3 weeks ago."
        },
        drugs=["letrozole", "palbociclib"],
    )
    assert r.level == "urgent"
    r = _run(
        {
            "symptom": "pharmacy is shut till monday and i have 2 of the 5mg oxynorm left for "
            "breakthrough. using 3 or 4 a day since thursday. pain is ok right now."
        },
        drugs=["oxycodone", "letrozole"],
    )
    assert "strong-pain-medicine-running-out" in _rules(r)
    r = _run(
        {"symptom": "hot flushes r worse at nite, like 4-5 a nite, waking me up. no other probs"},
        drugs=["tamoxifen"],
    )
    assert r.level != "emergency"
    # a wish not to wake is still read
    assert _run({"symptom": "i pray i dont wake up"}, drugs=["tamoxifen"]).level == "emergency"


def test_last_review_neighbours_of_the_held_out_rules():
    for text, drugs in (
        ("drained last week and breathing is back to normal, fluid on my lung gone", ["letrozole"]),
        ("got 2 weeks of oxycodone left, all good", ["letrozole"]),
        ("tested positive for covid last month, all better now", ["docetaxel"]),
    ):
        r = _run({"symptom": text}, drugs=drugs)
        assert not _rules(r) & {
            "lung-fluid-coming-back",
            "strong-pain-medicine-running-out",
            "flu-or-covid-on-treatment",
        }, text


def test_a_reading_with_a_decimal_before_all_gone_stays_one_sentence():
    r = _run(
        {
            "symptom": "I had a cold last week with a slight temp, 37.3 the highest, but its all gone "
            "now and I feel back to normal. Only on anastrozole at the moment"
        },
        drugs=["anastrozole"],
    )
    assert r.level != "emergency"


def test_a_flu_jab_question_is_no_flu():
    r = _run(
        {
            "symptom": "Nothing to report really, feel well, no temperature. Is it ok to have the flu "
            "jab this week between cycles?",
            "severity": "none",
        },
        drugs=["letrozole", "palbociclib"],
    )
    assert "flu-or-covid-on-treatment" not in _rules(r)
