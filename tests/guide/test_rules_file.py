"""The rules file is validated at load, with messages naming the file, the rule and the field."""

from __future__ import annotations

import copy

import pytest
import yaml

from mbcnav.guide import GuideError, load_rules
from mbcnav.guide.names import FACTS, PLACEHOLDERS
from mbcnav.guide.rule import RULES_FILE, TOPICS

SPEC_TOPICS = (
    "understanding-diagnosis",
    "biopsy",
    "biomarker-testing",
    "treatment-options",
    "next-treatment",
    "side-effects",
    "clinical-trials",
    "second-opinion",
    "scans-and-monitoring",
    "palliative-care",
    "bone-health",
    "brain",
    "emotional-support",
    "costs-and-insurance",
    "daily-life",
    "care-team",
    "goals-of-care",
    "genetic-counseling",
)  # fmt: skip (copied from spec/cli.md, `mbcnav guide`)

RAW = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


def write(tmp_path, data, name="bad-rules.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def edited(edit):
    data = copy.deepcopy(RAW)
    edit(data)
    return data


def rule(data, name):
    return next(r for r in data["rules"] if r["name"] == name)


def test_the_shipped_rules_load():
    rules = load_rules().rules
    assert len(rules) >= 30
    assert all(r.sources for r in rules)


def test_topic_vocabulary_is_the_spec_one():
    assert TOPICS == SPEC_TOPICS
    assert {r.topic for r in load_rules().rules} <= set(SPEC_TOPICS)


def test_every_source_is_dated_and_https():
    for r in load_rules().rules:
        for source in r.sources:
            assert source.url.startswith("https://")
            assert source.read.isoformat() == "2026-11-21"
            assert source.publisher and source.title


def test_rules_cite_at_least_one_public_domain_or_guideline_source():
    allowed = ("National Cancer Institute", "U.S. Food and Drug Administration",
               "American Society of Clinical Oncology")  # fmt: skip
    for r in load_rules().rules:
        assert any(s.publisher.startswith(allowed) for s in r.sources), r.name


CASES = [
    # (edit, words the one-sentence message must contain)
    (
        lambda d: rule(d, "brain-new").update(topic="brain-health"),
        ["bad-rules.yaml", "rule 'brain-new'", "topic", "'brain-health'", "genetic-counseling"],
    ),
    (
        lambda d: rule(d, "brain-new").update(when=["brain_is_new"]),
        ["rule 'brain-new'", "when", "unknown fact 'brain_is_new'"],
    ),
    (
        lambda d: rule(d, "brain-new").update(when=[{"fact": "ecog", "at_least": "two"}]),
        ["rule 'brain-new'", "when", "needs a number"],
    ),
    (
        lambda d: rule(d, "brain-new").update(when=[{"fact": "ecog", "bigger": 2}]),
        ["rule 'brain-new'", "when", "exactly one of"],
    ),
    (
        lambda d: rule(d, "brain-new").update(text="Where is {brain_site}?"),
        ["rule 'brain-new'", "text", "not 'brain_site'"],
    ),
    (
        lambda d: rule(d, "brain-new").update(text="Tell me about my brain."),
        ["rule 'brain-new'", "text", "ends with '?'"],
    ),
    (
        lambda d: rule(d, "brain-new").update(why="Brain metastases were found. They are new."),
        ["rule 'brain-new'", "why", "one sentence"],
    ),
    (
        lambda d: rule(d, "brain-new").update(sources=["nobody"]),
        ["rule 'brain-new'", "sources", "'nobody'"],
    ),
    (lambda d: rule(d, "brain-new").update(sources=[]), ["rule 'brain-new'", "sources", "given"]),
    (
        lambda d: rule(d, "brain-new").update(article="brain-stuff"),
        ["rule 'brain-new'", "article", "'brain-stuff'"],
    ),
    (
        lambda d: rule(d, "brain-new").update(priority=0),
        ["rule 'brain-new'", "priority", "1 (ask first) to 100"],
    ),
    (lambda d: rule(d, "brain-new").update(colour="red"), ["rule 'brain-new'", "colour"]),
    (
        lambda d: rule(d, "brain-active").update(name="brain-new"),
        ["rule 'brain-new'", "name", "no other rule"],
    ),
    (lambda d: rule(d, "brain-new").pop("topic"), ["rule 'brain-new'", "topic", "given"]),
    (lambda d: d["sources"]["nci-trials"].pop("read"), ["source 'nci-trials'", "read", "given"]),
    (
        lambda d: d["sources"]["nci-trials"].update(url="http://example.org"),
        ["source 'nci-trials'", "url", "https://"],
    ),
    (
        lambda d: d["definitions"].update(ecog={"fact": "ecog", "at_least": 2}),
        ["definition 'ecog'", "not already a fact"],
    ),
    (lambda d: d.update(format="guide/0"), ["the file", "format", "mbcnav-guide-rules/1"]),
    (
        lambda d: d["settings"].update(recent_checkin_days="thirty"),
        ["settings", "recent_checkin_days", "a whole number"],
    ),
]


@pytest.mark.parametrize("edit,words", CASES)
def test_a_bad_rules_file_names_file_rule_and_field(tmp_path, edit, words):
    path = write(tmp_path, edited(edit))
    with pytest.raises(GuideError) as caught:
        load_rules(path)
    message = str(caught.value)
    for word in words:
        assert word in message
    assert message.count("\n") == 0 and message.endswith(".")


def test_a_file_that_is_not_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(GuideError, match="broken.yaml is not valid YAML"):
        load_rules(path)


def test_a_missing_file(tmp_path):
    with pytest.raises(GuideError, match="cannot be read"):
        load_rules(tmp_path / "absent.yaml")


def test_facts_and_placeholders_are_documented():
    assert all(isinstance(text, str) and text for text in FACTS.values())
    assert all(isinstance(text, str) and text for text in PLACEHOLDERS.values())


def test_every_linked_article_exists_in_the_library():
    from mbcnav.library.articles import ARTICLES_DIR

    for r in load_rules().rules:
        if r.article:
            assert (ARTICLES_DIR / f"{r.article}.md").is_file(), (r.name, r.article)
