"""Thirty-third session (issue 20): words from the last session's note and this session's sets.
Each change that quiets a calm message still reads the red flag it is about."""

from .test_session32_words import _run, _semantic


def _rules(result) -> set[str]:
    return {r.rule for r in result.reasons}


def test_a_pulse_in_the_usual_range_is_not_a_racing_heart():
    """ "my pulse was 84 when I checked": a number from 40 to 100 a minute with no word of a
    racing heart, breathing, chest pain or fainting does not sound like a clot or a rhythm
    problem; the same number beside any of those words still does."""
    assert "clot-in-lung-or-heart-rhythm" not in _semantic("my pulse was 84 when I checked")
    assert "clot-in-lung-or-heart-rhythm" not in _semantic("heart rate 72 bpm, just tired")
    assert _run({"symptom": "my pulse is 92 and I feel ok, just tired"}).level == "routine"
    assert "clot-in-lung-or-heart-rhythm" in _semantic("pulse 88 but I suddenly feel faint")
    assert "clot-in-lung-or-heart-rhythm" in _semantic(
        "my pulse is 96 and I am suddenly out of breath"
    )
    assert _run({"symptom": "my pulse is 95 and my chest feels tight"}).level == "emergency"


def test_a_fast_pulse_is_still_the_reading_rules():
    result = _run({"symptom": "pulse was 124 this morning and I feel shivery"})
    assert result.level in {"urgent", "emergency"}
    assert any(r.startswith("own-words-pulse") for r in _rules(result))


def test_lost_in_a_book_is_an_idiom_not_memory_loss():
    calm = _run({"symptom": "i got lost in a good book last night and stayed up late, tired"})
    assert "memory-getting-worse-or-lost-somewhere-familiar" not in _rules(calm)
    assert calm.level == "routine"
    for words in (
        "mum got lost driving to my house last week and her memory is getting worse",
        "he got lost in the supermarket he has used for 20 years",
    ):
        assert "memory-getting-worse-or-lost-somewhere-familiar" in _rules(_run({"symptom": words}))


def test_nothing_stays_down_is_read_whatever_the_severity_left_out():
    """Tuning set 72: "been sick since yesterday lunchtime, everything comes back even sips of
    water" (typed, no severity) was urgent; no fluids staying down is an emergency (UKONS)."""
    result = _run(
        {"symptom": "been sick since yesterday, everything comes back up, even sips of water"},
        drugs=["trastuzumab deruxtecan"],
    )
    assert "vomiting-six-or-more-or-nothing-stays-down" in _rules(result)
    assert result.level == "emergency"
    calm = _run({"symptom": "vomiting", "severity": "none", "note": "even water stays down fine"})
    assert "vomiting-six-or-more-or-nothing-stays-down" not in _rules(calm)


def test_a_temperature_beside_other_readings_is_read_as_named():
    """Tuning set 72: "BP 138/84, pulse 76, temp 36.7, sats 98. All feels fine." on ribociclib
    was an emergency (a fever with no number); a number named as a temperature is the fever's
    answer beside other readings, and one that can only be a fever still counts."""
    calm = _run(
        {"symptom": "Readings as asked: BP 138/84, pulse 76, temp 36.7, sats 98. All feels fine."},
        drugs=["ribociclib", "letrozole"],
    )
    assert calm.level == "routine"
    hot = _run({"symptom": "sats 95 and i feel hot, 38.4"}, drugs=["ribociclib", "letrozole"])
    assert hot.level == "emergency"
    fast = _run({"symptom": "pulse 120, temp 38.6, shivery"}, drugs=["palbociclib"])
    assert fast.level == "emergency"


def test_a_temperature_said_to_be_normal_is_no_fever():
    """Tuning set 72: "Much better now, temp normal, cough nearly gone" was read as a fever."""
    result = _run({"symptom": "Much better now, temp normal, cough nearly gone."})
    assert "fever" not in _rules(result)
    assert "fever" in _rules(_run({"symptom": "temp 38.5 since this morning"}))


def test_a_treated_chest_infection_and_a_discharge_letter_are_not_red_flags():
    """Tuning set 72: an A&E visit for a chest infection, treated and better, asking whether the
    team needs the discharge letter, was an emergency (a clot, chest pain) with vaginal
    discharge read from "discharge letter"."""
    text = (
        "Just so you know, I was in A&E on Saturday night with a chest infection, they did an x "
        "ray (clear) and gave me antibiotics (amoxicillin) for 5 days. Much better now, temp "
        "normal, cough nearly gone. Do you need a copy of the discharge letter?"
    )
    result = _run({"symptom": text}, drugs=["letrozole"])
    assert result.level in {"routine", "urgent"}
    assert "vaginal discharge" not in {r.symptom for r in result.reasons}
    asked = _run({"symptom": "Do you need a copy of the discharge letter?"})
    assert asked.level == "routine"
    assert "question-for-team" in _rules(asked)
    # discharge from the vagina is still read
    assert "vaginal discharge" in {
        r.symptom for r in _run({"symptom": "some yellow discharge down below"}).reasons
    }
    # a chest infection with breathing trouble at rest is still an emergency
    assert _run({"symptom": "chest infection and short of breath even sitting still"}).level == (
        "emergency"
    )


def test_breathless_on_effort_only_and_fine_at_rest_is_not_911():
    """Tuning set 72: "Nothing new - I get puffed on the stairs same as the last couple of
    months ... Fine sitting and lying, no cough, no chest pain, sats 96" was an emergency (an
    unknown severity read as severe); at rest, or getting worse at rest, it still is."""
    calm = _run(
        {
            "symptom": "Nothing new - I get puffed on the stairs same as the last couple of months,"
            " the doctor already knows. Fine sitting and lying, no cough, no chest pain, sats 96."
        },
        drugs=["letrozole"],
    )
    assert calm.level in {"routine", "urgent"}
    assert _run({"symptom": "short of breath even sitting still"}).level == "emergency"
    assert _run({"symptom": "breathless on the stairs and now even when sitting"}).level == (
        "emergency"
    )
    assert _run({"symptom": "chest pain on the stairs, fine sitting down"}).level == "emergency"


def test_a_bleed_that_stopped_is_not_a_bleed_that_will_not_stop():
    """Tuning set 72: "Last Wednesday I had a nosebleed for about 5 mins, it stopped when I
    pinched my nose. None since ... the form asks about bleeding" was an emergency."""
    text = (
        "Last Wednesday I had a nosebleed for about 5 mins, it stopped when I pinched my nose. "
        "None since. Mentioning it because the form asks about bleeding"
    )
    assert "bleeding-that-will-not-stop" not in _rules(_run({"symptom": text}))
    ongoing = _run({"symptom": "bleeding from my port site, it has not stopped for an hour"})
    assert ongoing.level == "emergency"


def test_a_knock_to_the_head_with_a_blood_thinner_named_is_an_emergency():
    """Probes written before tuning: "fell in the bathroom last night and hit my head, I take
    apixaban" was urgent when the record listed no blood thinner (NICE NG232: CT within hours);
    a fall with no thinner, or one said not to be taken, stays with the fall rules, and an
    accidental knock is not self-harm."""
    named = _run({"symptom": "fell in the bathroom last night and hit my head, I take apixaban"})
    assert named.level == "emergency"
    assert "fall-or-head-knock-on-blood-thinner" in _rules(named)
    none = _run({"symptom": "fell and banged my head, not on any blood thinners, just a bruise"})
    assert "fall-or-head-knock-on-blood-thinner" not in _rules(none)
    assert "sounds-like-self-harm" not in _rules(none)
    assert "self-harm" in _semantic("I banged my head against the wall to make it stop")


def test_a_red_port_site_is_an_infection_not_a_clot():
    """Probes written before tuning: "my chest port is red and sore and there's pus, no temp" on
    paclitaxel sounded like a clot in the lung; it is the port rules' (urgent)."""
    result = _run(
        {"symptom": "my chest port is red and sore and there's pus, no temp"}, drugs=["paclitaxel"]
    )
    assert "sounds-like-clot-in-lung-or-heart-rhythm" not in _rules(result)
    assert result.level == "urgent"
    worse = _run({"symptom": "my port site is sore and I suddenly feel breathless, heart racing"})
    assert worse.level == "emergency"


def test_an_admin_request_with_a_family_reason_is_a_question_for_the_team():
    """Tuning set 72: "can I move my Thursday appointment to Friday please? My grandson's nativity
    play is Thursday afternoon" was urgent as unread words."""
    result = _run(
        {
            "symptom": "Hello, can I move my Thursday appointment to Friday please? My grandson's "
            "nativity play is Thursday afternoon. Thank you"
        }
    )
    assert result.level == "routine"
    assert "question-for-team" in _rules(result)


# ------------------------------------------------------------------ first review (session 33)


def test_nothing_new_does_not_reach_past_a_contrast():
    """First review: "nothing new, but my tummy is swollen and tight" was routine (every symptom
    taken as old); "headache same as the past few weeks, now blurred vision and being sick in the
    mornings" lost the new vision change."""
    assert _run({"symptom": "nothing new, but my tummy is swollen and tight"}).level == "urgent"
    for words in (
        "headache, nothing new really, but I have been vomiting in the mornings and my vision "
        "is blurred",
        "headache same as the past few weeks, now blurred vision and being sick in the mornings",
    ):
        assert _run({"symptom": words}).level == "emergency"
    old = _run({"symptom": "same aches as the last couple of months, nothing new"})
    assert old.level == "routine"


def test_breathless_on_effort_only_never_covers_sudden_or_lying_flat():
    """First review: "suddenly breathless on the stairs today, fine sitting" and "... but I cant
    lie flat at night" were moved to urgent by the effort-only reading."""
    for words in (
        "suddenly breathless on the stairs today, fine sitting",
        "breathless on the stairs, fine sitting, but I cant lie flat at night",
        "puffed on the stairs, fine sitting, but much worse since yesterday",
    ):
        assert _run({"symptom": words}).level == "emergency", words


def test_an_accident_word_does_not_hide_self_harm():
    """First review: "tripped over the dog and then I hit my head against the wall over and over
    because I was so angry at myself" was urgent (a fall only)."""
    result = _run(
        {
            "symptom": "tripped over the dog and then I hit my head against the wall over and over "
            "because I was so angry at myself"
        }
    )
    assert result.level == "emergency"
    assert "sounds-like-self-harm" in _rules(result)


def test_the_crisis_reading_is_given_beside_another_emergency():
    """First review: "since the fall I have been scratching my skin till it bleeds, it is the only
    thing that helps" was an emergency for bleeding only, with no crisis-line advice."""
    result = _run(
        {
            "symptom": "since the fall I have been scratching my skin till it bleeds, it is the "
            "only thing that helps"
        }
    )
    assert result.level == "emergency"
    assert "sounds-like-self-harm" in _rules(result)
    # a heavy bleed with no word of harm gets no crisis reading
    bleed = _run({"symptom": "my nose is pouring blood and it won't stop, soaked two towels"})
    assert not {r for r in _rules(bleed) if "self-harm" in r or "wish" in r}


def test_a_head_knock_with_low_platelets_is_an_emergency():
    """First review: "fell and banged my head, my platelets were low at my last blood test" on
    palbociclib was urgent (NICE NG232: a bleeding disorder needs a scan)."""
    result = _run(
        {"symptom": "fell and banged my head, my platelets were low at my last blood test"},
        drugs=["palbociclib", "letrozole"],
    )
    assert result.level == "emergency"


def test_a_fever_number_no_measure_claims_is_read_beside_other_readings():
    """First review: "BP 118/76 pulse 92 and 38 on the thermometer" and "pulse 100, 101.5 this
    evening" on palbociclib were urgent; an age is no temperature."""
    for words in (
        "BP 118/76 pulse 92 and 38 on the thermometer, bit achy",
        "pulse 100, 101.5 this evening, bit achy",
        "bp 130/85, pulse 88, feel hot and shaky, 38",
        "im 38 this morning and feel rough",
    ):
        assert _run({"symptom": words}, drugs=["palbociclib"]).level == "emergency", words
    # a whole number with only other readings and no word of fever may be a time or a count
    # (final review)
    for words in (
        "pulse 92 at 10:38 this morning, feel fine just tired",
        "pulse 80, blood pressure normal, day 38 of my cycle, tired",
    ):
        calm = _run({"symptom": words}, drugs=["palbociclib"])
        assert "fever-on-treatment-that-lowers-white-cells" not in _rules(calm), words
    assert _run({"symptom": "BP 100/60 and pulse 80, feel ok"}).level != "emergency"


def test_apart_from_ends_a_denial():
    """First review: "no new symptoms apart from a headache every morning and being sick" was
    routine: the headache was denied with the symptoms."""
    result = _run({"symptom": "no new symptoms apart from a headache every morning and being sick"})
    assert result.level in {"urgent", "emergency"}
    assert "headache" in {r.symptom for r in result.reasons}


def test_a_pulse_said_to_jump_or_above_the_usual_is_still_read():
    """First review: "my pulse is 90 and it keeps thudding and jumping about" and "my pulse was 98
    at rest, it is usually 60" were quieted by the usual-range reading."""
    for words in (
        "my pulse is 90 and it keeps thudding and jumping about",
        "my pulse was 98 at rest, it is usually 60",
    ):
        assert "clot-in-lung-or-heart-rhythm" in _semantic(words), words


def test_a_bleed_that_started_again_is_not_a_bleed_that_stopped():
    result = _run(
        {
            "symptom": "bleeding from my wound, it had stopped but now it is bleeding through the "
            "dressing again"
        }
    )
    assert "bleeding-that-will-not-stop" in _rules(result)


def test_cannot_keep_fluids_down_is_read_without_the_word_vomit():
    assert _run({"symptom": "I cant keep fluids down since last night"}).level == "emergency"


def test_a_hospital_discharge_does_not_hide_a_vaginal_discharge():
    result = _run(
        {"symptom": "smelly green discharge from my vagina after discharge from hospital, itchy"}
    )
    assert "vaginal discharge" in {r.symptom for r in result.reasons}


# ------------------------------------------------------------------ final review (session 33)


def test_final_review_nothing_stays_down_for_hours_is_still_an_emergency():
    for words in (
        "being sick all morning, cant keep anything down, not even water, since 6am",
        "been sick 5 times since this morning, nothing stays down",
    ):
        assert _run({"symptom": words}).level == "emergency", words
    kept = _run({"symptom": "been sick twice, cant keep much down but sips of water stay down"})
    assert kept.level != "emergency"


def test_final_review_a_platelet_count_under_100_with_a_head_knock():
    assert (
        _run(
            {"symptom": "fell and banged my head, my platelet count was 40 on Monday"},
            drugs=["palbociclib"],
        ).level
        == "emergency"
    )
    denied = _run(
        {"symptom": "slipped and hit my head, had ITP years ago but not now, platelets normal"}
    )
    assert "fall-or-head-knock-on-blood-thinner" not in _rules(denied)


def test_final_review_calm_effort_only_messages_stay_off_911():
    for words in (
        "breathless on the stairs, fine sitting, not getting worse",
        "breathless on the stairs since I started letrozole, fine sitting",
        "breathless on the stairs, fine sitting and talking",
        "breathless on the stairs, fine sitting, my new inhaler helps",
    ):
        assert _run({"symptom": words}).level != "emergency", words


def test_final_review_no_crisis_reason_without_a_word_of_harm():
    result = _run({"symptom": "I feel like I am dying, I cant breathe and my lips are blue"})
    assert result.level == "emergency"
    assert not {r for r in _rules(result) if "wish-to-be-dead" in r or "self-harm" in r}
    punch = _run({"symptom": "after my accident I keep punching walls until my knuckles bleed"})
    assert "sounds-like-self-harm" in _rules(punch)


def test_final_review_a_symptom_in_its_own_clause_is_not_old_from_another():
    result = _run(
        {
            "symptom": "the headache is the same as before, I have had it for weeks, it is worse "
            "in the mornings and I am being sick"
        }
    )
    assert result.level in {"urgent", "emergency"}


# ----------------------------------------------- held-out set 73, read after it was measured


def test_feeling_hot_with_no_thermometer_on_a_white_cell_lowering_drug():
    result = _run(
        {
            "symptom": "Felt hot and clammy in bed last night and had a big sweat, my thermometer "
            "is broke so I dont know the number. feel ok today just tired"
        },
        drugs=["palbociclib", "letrozole"],
    )
    assert result.level in {"urgent", "emergency"}
    flush = _run(
        {"symptom": "hot flushes again at night, feel hot and sweaty, usual with the letrozole"},
        drugs=["palbociclib", "letrozole"],
    )
    assert flush.level == "routine"


def test_new_hallucinations_told_by_a_carer():
    result = _run(
        {
            "symptom": "Mum's morphine went up on Friday. Since yesterday she keeps seeing small "
            "children sitting at the end of her bed and asks me who they are."
        },
        drugs=["morphine"],
    )
    assert result.level in {"urgent", "emergency"}


def test_finishing_or_running_low_on_tablets_is_no_crisis():
    for words in (
        "home Thursday with co-amoxiclav tablets. Finish the tablets tomorrow. When is my next "
        "docetaxel?",
        "can my loperamide be added to my repeat prescription, I'm down to 4 tablets",
    ):
        rules = _rules(_run({"symptom": words}))
        assert not {r for r in rules if "suicide" in r or "self-harm" in r}, words
    saving = _semantic("I have been saving up my tablets, I'm down to my last few now")
    assert saving & {"suicide-preparation", "self-harm"}


# ------------------------------------------------------------------ last review (session 33)


def test_last_review_red_flags_kept():
    on_cdk = ["palbociclib", "letrozole"]
    assert _run({"symptom": "pulse 118 and 39 this morning, feel awful"}, drugs=on_cdk).level == (
        "emergency"
    )
    assert (
        _run(
            {"symptom": "havent kept anything down since yesterday, even water comes back up"}
        ).level
        == "emergency"
    )
    assert _run(
        {"symptom": "new since yesterday: bad headache, and my vision is blurry"}
    ).level == ("emergency")
    assert (
        _run({"symptom": "breathless on the stairs, fine sitting, but worse when i lie down"}).level
        == "emergency"
    )
    calm = _run(
        {"symptom": "blood sugar 6.8, pulse 80, had 40g of carbs at lunch, feel ok"}, drugs=on_cdk
    )
    assert "fever-on-treatment-that-lowers-white-cells" not in _rules(calm)
