"""The criterion wordings file: every entry checked against its own examples and sources."""

import copy
import re
from pathlib import Path

import pytest

from mbcnav.trials import wording
from mbcnav.trials.errors import TrialsError

SRC = Path(wording.__file__).parent
GOOD = {
    "as_of": "2026-11-21",
    "wordings": {
        "x.low": {
            "what": "ER-low",
            "pattern": r"\ber[- ]low\b",
            "source": {
                "publisher": "P",
                "title": "T",
                "url": "https://example.org",
                "read": "2026-11-21",
            },
            "match": ["ER-low allowed"],
            "no_match": ["ER lower"],
        }
    },
}


def test_bundled_file_loads_with_sources():
    loaded = wording.load()
    assert {"menopause.status", "er_low.counts_as_negative"} <= set(loaded)
    assert all(w.source["url"].startswith("https://") for w in loaded.values())


def test_every_wording_is_read_by_the_engine():
    code = "".join(p.read_text("utf-8") for p in SRC.glob("*.py"))
    unused = [n for n in wording.load() if f'rx("{n}")' not in code]
    assert unused == []


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda e: e.pop("source"), "missing the field 'source'"),
        (lambda e: e["source"].pop("url"), "needs a source with publisher, title, url and read"),
        (lambda e: e.update(pattern="(unclosed"), "does not compile"),
        (lambda e: e.update(match=["ER-positive"]), "does not find its example 'ER-positive'"),
        (lambda e: e.update(no_match=["ER-low"]), "finds 'ER-low', listed under no_match"),
    ],
)
def test_broken_entry_is_one_sentence_naming_it(change, said):
    raw = copy.deepcopy(GOOD)
    change(raw["wordings"]["x.low"])
    with pytest.raises(TrialsError, match=re.escape(said)) as err:
        wording.validate(raw)
    assert "'x.low'" in str(err.value)


def test_good_entry_and_unknown_name():
    assert wording.validate(GOOD)["x.low"].pattern.search("er-LOW")
    with pytest.raises(TrialsError, match="not in trials/data/wording.yaml"):
        wording.rx("no.such.wording")
