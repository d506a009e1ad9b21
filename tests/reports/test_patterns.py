"""Every pattern in reports/data/patterns.yaml carries tests; each one runs here, and the data
files are checked at load (a broken pattern is one sentence naming the file and the pattern)."""

import re

import pytest

from mbcnav.reports import ReportError, read_report, segment
from mbcnav.reports import patterns as pt

CASES = [(p.name, p.kinds[0], t["text"], t["expect"]) for p in pt.patterns() for t in p.tests]


@pytest.mark.parametrize("name,kind,text,expect", CASES, ids=[f"{c[0]}:{c[2][:30]}" for c in CASES])
def test_pattern_examples(name, kind, text, expect):
    assert read_report(text, kind).values() == expect


def test_every_pattern_has_a_name_field_and_tests():
    names = [p.name for p in pt.patterns()]
    assert len(names) == len(set(names)) >= 25
    for p in pt.patterns():
        assert p.field in pt.GROUP_OF and p.tests


def test_every_field_of_the_gold_schema_has_a_pattern_or_reader():
    fields = {p.field for p in pt.patterns()} | {"er_percent", "er_intensity", "pr_percent",
              "pr_intensity", "her2_ish", "her2_ratio", "sites"}  # fmt: skip
    assert fields == set(pt.GROUP_OF)


def test_data_files_name_their_source_and_date():
    assert pt.data()["as_of"] and pt.data()["source"]
    cues, terminator, prior = segment.context_data()
    assert cues and terminator.search("but") and "history" in prior


def test_a_regex_that_does_not_compile_is_one_sentence(monkeypatch):
    with pytest.raises(ReportError, match=r"patterns.yaml: pattern broken: the regular expression"):
        pt._compile("broken", "(unclosed", False)


def test_literal_spaces_match_wrapped_lines():
    rx = re.compile(segment.spaces("complete response"))
    assert rx.search("consistent with complete\n   response")
    assert segment.spaces("[A-Z ,]") == "[A-Z ,]"
