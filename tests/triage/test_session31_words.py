"""Thirty-first session (issue 20): words read from this session's tuning set 68 and last
session's held-out set 67 (read after it was measured). Each change that quiets a calm message
still reads the red flag it is about, and each one that raises a level stays out of calm words."""

from datetime import date

import pytest

from mbcnav.patient.checkin import own_words_all
from mbcnav.patient.fileformat import parse
from mbcnav.patient.negation import negated
from mbcnav.triage import told_sites, triage
from mbcnav.triage.errors import TriageError

DAY = date(2026, 11, 20)


def _person(*entries, metastases=()):
    symptoms = own_words_all([{"date": DAY.isoformat(), **e} for e in entries])
    return parse(
        {"format": "mbcnav-patient/1", "metastases": list(metastases), "symptoms": symptoms}
    )


def _told(text: str) -> frozenset[str]:
    return told_sites.told(_person({"symptom": text}).symptoms)


def test_a_site_told_in_the_words_counts_beside_the_record():
    """ "headaches a bit more often ... i had radiotherapy to the brain last year": a new
    headache with brain spread is a same-day call even when the record lacks the spread."""
    text = (
        "headaches a bit more often this week, later in the day. vision ok. i had radiotherapy "
        "to the brain last year so thought i better say"
    )
    r = triage(_person({"symptom": text, "severity": "mild", "new": True}), DAY)
    assert r.level == "urgent"
    assert "new-headache-with-brain-metastases" in {x.rule for x in r.reasons}
    assert _told("my brain mets were zapped with gamma knife in may") == {"brain"}
    assert _told("back pain again, i have bone mets in my spine") == {"bone"}


@pytest.mark.parametrize(
    "text",
    [
        "headache today, the scan last month showed no brain mets",
        "worried it has spread to my brain, headache for 2 days",
        "they checked for spread to the brain and it was clear",
        # the review's inputs: someone else's, denied after the site, surgery on the head
        "headache, brain mets were ruled out on my last mri",
        "headache since yesterday. brain mets? no, the scan in may was clear",
        "headache today. i had surgery on my head for a cyst years ago",
    ],
)
def test_a_denied_or_feared_site_is_not_told(text):
    assert "brain" not in _told(text)


@pytest.mark.parametrize(
    "text",
    [
        # final review: a question about one's own spread, "negative" or "clear" saying other
        # things, and a relative beside the person's own spread all keep the site
        "headache since this morning, is it my brain mets?",
        "headache, i have brain mets from triple negative breast cancer",
        "i have brain mets which are now clear after srs",
        "mum has brain mets and has had a headache since this morning",
    ],
)
def test_a_site_asked_about_or_described_is_told(text):
    assert "brain" in _told(text), text


def test_a_carers_she_and_her_are_the_persons_own():
    """A carer writes of the person as "she": her brain radiotherapy is the person's; a friend's
    is not (review)."""
    assert _told("she had radiotherapy to her brain in march, headache today") == {"brain"}
    # someone else named before the site is read as the person's too: it errs upwards
    assert _told("my friend had radiotherapy to her brain") == {"brain"}


def test_the_data_file_is_validated():
    good = {
        "as_of": "2026-12-06",
        "sources": [
            {"publisher": "p", "title": "t", "url": "https://example.org", "read": "2026-12-06"}
        ],
    }
    assert told_sites.parse({**good, "sites": {"brain": ["brain mets"]}})["brain"]
    with pytest.raises(TriageError, match="not a site"):
        told_sites.parse({**good, "sites": {"skull": ["x"]}})
    with pytest.raises(TriageError, match="does not compile"):
        told_sites.parse({**good, "sites": {"brain": ["("]}})


def test_a_reference_range_is_no_temperature():
    """ "ALT 58 U/L (ref 7-40)" pasted from a portal was read as a temperature of 40 °C."""
    entries = own_words_all(
        [
            {
                "date": DAY.isoformat(),
                "symptom": "ALT 58 U/L (ref 7-40), bilirubin 12 (ref <21). feel fine",
            }
        ]
    )
    assert all(e.get("temperature_c") is None for e in entries)
    hot = own_words_all([{"date": DAY.isoformat(), "symptom": "albumin 38 g/L and temp 38.4"}])
    assert any(e.get("temperature_c") == 38.4 for e in hot)
    # "normal" or "range" alone is no reference range (review)
    for text, temp in (
        ("temp higher than normal 38.4 and shivery", 38.4),
        ("temp above normal 38.6", 38.6),
    ):
        read = own_words_all([{"date": DAY.isoformat(), "symptom": text}])
        assert any(e.get("temperature_c") == temp for e in read), text
    # a bracketed normal range is a reference range (final review)
    for text in ("albumin 30 (normal 38-48), feel ok", "albumin 30 (range 38-48)"):
        read = own_words_all([{"date": DAY.isoformat(), "symptom": text}])
        assert all(e.get("temperature_c") is None for e in read), text


def test_didnt_denies_an_event_not_a_function():
    assert negated("didnt faint or fall")
    assert negated("i didnt vomit")
    # a function missed is a report
    assert not negated("didnt wee all day")
    assert not negated("didnt sleep")
    r = triage(
        _person(
            {
                "symptom": "lightheaded standing up, it passed in a minute, didnt faint or fall",
                "severity": "mild",
                "new": True,
            }
        ),
        DAY,
    )
    assert "fall" not in {x.rule for x in r.reasons}


def test_a_tumble_is_a_fall_when_the_head_was_not_hit():
    """ "had a tumble in the garden ... didnt hit my head": the denied head knock used to be the
    only reading of the fall; "tumble" is one now (all-sets run, sets 9 and 53)."""
    text = "had a tumble in the garden, legs just went. didnt hit my head, sore knee"
    read = {e["symptom"] for e in own_words_all([{"date": DAY.isoformat(), "symptom": text}])}
    assert "fall" in read
    r = triage(_person({"symptom": text, "severity": "mild", "new": True}), DAY)
    assert r.level in ("urgent", "emergency")
