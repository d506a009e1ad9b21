"""Doses counted in a person's words (mbcnav.triage.doses; hazard H210)."""

import pytest

from mbcnav.triage import condition_schema, doses
from mbcnav.triage.errors import TriageError


@pytest.mark.parametrize(
    "words",
    [
        "had 16 paracetamol today for the bone pain, is that ok",
        "ive had about 12 co-codamol since this morning",
        "took 2 x 500mg tylenol 6 times today",
        "i swallowed 10 of my paracetamol",
        "gave her twelve paracetamol today, she was in so much pain",
        "took 13 percocet since lunch",
        "ive had 9 extra strength tylenol today",
        "took 5 x 1g paracetamol today",
    ],
)
def test_more_than_the_most_a_day(words):
    assert doses.over_daily_limit(words)


@pytest.mark.parametrize(
    "words",
    [
        "i take 2 paracetamol 4 times a day",  # eight: the most, not more
        "took sixteen paracetamol over 2 days",  # eight a day
        "i didnt take 10 paracetamol, only 2",
        "can i take 10 paracetamol",  # asked, not taken
        "i have 16 paracetamol left",  # not taken
        "took 1000mg paracetamol at 8",  # a strength, not a count
        "took 10 percocet over the day",  # 325 mg each: 3,250 mg
        "bought 32 paracetamol and had 2",
        "had 12 ibuprofen... sorry i mean 2",  # another medicine
    ],
)
def test_within_the_most_a_day(words):
    assert doses.over_daily_limit(words) is None


@pytest.mark.parametrize(
    ("words", "more"),
    [
        ("took 3 of my 5mg oxycodone at once instead of 1", True),
        ("gave her 2 ml of oramorph instead of 0.5", True),
        ("injected 20 units instead of 10 by mistake", True),
        ("took 1 instead of 2", False),
        ("took my 10 units instead of 20", False),
        ("didnt take 2 instead of 1, i checked", False),
    ],
)
def test_more_than_meant(words, more):
    assert bool(doses.more_than_meant(words)) is more


def test_bad_data_names_the_field():
    with pytest.raises(TriageError, match=r"medicines\[0\]\.most_mg_a_day"):
        doses.parse(
            {
                "medicines": [
                    {"name": "x", "words": ["x"], "tablet_mg": 500, "most_mg_a_day": "lots"}
                ]
            }
        )
    with pytest.raises(TriageError, match=r"medicines\[0\]\.words"):
        doses.parse(
            {
                "medicines": [
                    {"name": "x", "words": ["Tylenol"], "tablet_mg": 500, "most_mg_a_day": 4000}
                ]
            }
        )


def test_the_bundled_limits_read():
    med = doses.medicines()["acetaminophen"]
    assert med.most_mg_a_day == 4000 and med.tablet_mg == 500


def test_condition_names_the_allowed_kinds():
    with pytest.raises(TriageError, match="over_daily_limit, more_than_meant"):
        condition_schema.check({"dose": "too_much"}, "rule 'x'")


@pytest.mark.parametrize(
    "words",
    [
        "i have needed it 6 times a day this week instead of 2",
        "taking my oramorph 4 or 5 times a day now instead of 1 or 2",
    ],
)
def test_how_often_is_not_one_dose_too_many(words):
    assert doses.more_than_meant(words) is None


# the first review's inputs (session 41): totals in mg or g, "every N hours", other medicines
# between, medicine first, "taking"/"on", a carer giving, counts that add up, ranges, typos
@pytest.mark.parametrize(
    "words",
    [
        "had two paracetamol 5 times today",
        "i took 5g of paracetamol today",
        "took 6000mg of tylenol today",
        "i took 1g paracetamol 6 times today",
        "took 2 x 500 paracetamol 6 times today",
        "took 2 every 4 hours since yesterday, paracetamol",
        "took 3 tylenol every 4 hours today",
        "took 4 ibuprofen and 10 paracetamol today",
        "paracetamol - took 16 today",
        "paracetamol x 16 today",
        "been taking 3 tylenol 4 times a day",
        "im on 12 paracetamol a day",
        "i gave mum 14 co-codamol today",
        "took 6 paracetamol and 6 co-codamol today",
        "took 6 paracetamol this morning and 6 this afternoon",
        "took 10-12 paracetamol today",
        "i took maybe 10 or 12 paracetamol",
        "took 16 tylanol today",
        "took 7 tylenol 8hr today",
    ],
)
def test_more_than_the_most_a_day_said_other_ways(words):
    assert doses.over_daily_limit(words)


@pytest.mark.parametrize(
    "words",
    [
        "i had 16 paracetamol left in the box",
        "is it ok to take 2 paracetamol every 4 hours",
        "took 2 paracetamol at 8am and 2 at 2pm",
        "took 1g paracetamol 4 times today",
        "she had 2 paracetamol at 6 and 2 more at 10",
        "8 tablets of paracetamol every day for a week",
    ],
)
def test_within_the_most_a_day_said_other_ways(words):
    assert doses.over_daily_limit(words) is None


@pytest.mark.parametrize(
    ("words", "more"),
    [
        ("took 20mg instead of 10mg oxycodone", True),
        ("took 10ml oramorph instead of 5ml", True),
        ("took two oxycodone instead of one", True),
        ("put on two fentanyl patches instead of one", True),
        ("took 4 oxycodone rather than 2", True),
        ("my oncologist told me to take 2 oxycodone instead of 1 from now on", False),
        ("is it ok to take 2 oxycodone instead of 1", False),
    ],
)
def test_more_than_meant_said_other_ways(words, more):
    assert bool(doses.more_than_meant(words)) is more


# the final review's inputs (session 41): a "not" in another clause, a day's count over days,
# more taken later, every hour, a dozen; and ordinary talk that must stay no overdose
@pytest.mark.parametrize(
    "words",
    [
        "not feeling well, took 10 paracetamol today",
        "the max is 8 but i took 12 paracetamol today",
        "ive been taking 4 paracetamol 4 times a day for 3 days",
        "i took 8 paracetamol but then forgot and took 4 more",
        "took 3 extra paracetamol today",
        "took 2 extra paracetamol on top of my 8",
        "took 2 paracetamol every hour today",
        "took 2 paracetamol 2 hourly",
        "took paracetamol 2 tablets every 2 hours",
        "took a dozen paracetamol",
    ],
)
def test_final_review_overdoses(words):
    assert doses.over_daily_limit(words)


@pytest.mark.parametrize(
    "words",
    [
        "i had 20 paracetamol in one go back in 2015, long ago",
        "took 2 paracetamol 6 hours ago and 2 now",
        "took 1 extra paracetamol",
        "took 1g paracetamol every 6 hours",
        "took an extra strength tylenol",
    ],
)
def test_final_review_no_overdose(words):
    assert doses.over_daily_limit(words) is None
