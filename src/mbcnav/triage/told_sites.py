"""Where the cancer has spread, as told in the person's own words in a check-in ("i had
radiotherapy to the brain last year", "my bone mets"): read beside the record's metastases
by the rules that ask for a site (data/told_sites.yaml). A clause that denies the site ("no
brain mets", "the scan was clear of the brain") tells nothing. Hazard H169 in docs/safety.md.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from mbcnav.patient import vocabulary
from mbcnav.patient.checkin import words_of
from mbcnav.patient.model import Symptom

from .errors import TriageError

FILE = "told_sites.yaml"
#: words before a site in its clause that deny or doubt it ("no brain mets", "clear of", "if")
_DENIED = re.compile(
    r"\b(?:no|not|never|without|clear|free|negative|ruled\s+out|rule\s+out|if|whether|"
    r"could|might|maybe|worried|scared|afraid|fear\w*|check\w*\s+for|looking\s+for|"
    # a doubt ("they thought there were spots in my brain but the mri was clear": session 37
    # review; not "possible brain mets" on a report, nor "i do have brain mets": final review)
    r"thought\s+(?:there\s+)?(?:was|were|it\s+was))\b",
    re.I,
)
#: words right after a site that deny it ("brain mets were ruled out", "brain mets excluded");
#: "negative", "clear" or "none" alone say other things ("brain mets from triple negative
#: breast cancer", "now clear after SRS"; final review). Someone else named before the site
#: is still read as the person's (a carer writes "mum has brain mets"): it errs upwards.
_DENIED_AFTER = re.compile(
    r"^\s*(?:(?:were|was|are|is|have\s+been|has\s+been)\s+)?(?:ruled\s+out|excluded|"
    r"not\s+(?:seen|found|there))\b",
    re.I,
)


#: the pieces of the words read one by one: cut at punctuation and joining words, a question
#: mark kept at the end of its piece ("brain mets? no")
_PIECES = re.compile(r"(?<=\?)\s*|[.;,!:]+\s*|\s+\b(?:and|but|so|then)\b\s+", re.I)


def parse(data: object, file: str = FILE) -> dict[str, tuple[re.Pattern, ...]]:
    """Validate the data file: site -> its patterns."""
    if not isinstance(data, dict) or not {"as_of", "sources", "sites"} <= data.keys():
        raise TriageError(f"{file}: needs as_of, sources and sites.")
    from .rule import _sources  # (rule.py reads conditions, which read this module)

    _sources(data["sources"], file)
    out = {}
    for site, patterns in (data["sites"] or {}).items():
        if site not in vocabulary.SITES:
            raise TriageError(f"{file}: {site!r} is not a site of the patient file.")
        if not patterns or not all(isinstance(p, str) for p in patterns):
            raise TriageError(f"{file}: {site}: needs a list of patterns.")
        try:
            out[site] = tuple(re.compile(p, re.I) for p in patterns)
        except re.error as err:
            raise TriageError(f"{file}: {site}: a pattern does not compile ({err}).") from None
    return out


@cache
def _sites() -> dict[str, tuple[re.Pattern, ...]]:
    text = resources.files("mbcnav.triage").joinpath("data", FILE).read_text(encoding="utf-8")
    return parse(yaml.safe_load(text))


def told(entries: tuple[Symptom, ...]) -> frozenset[str]:
    """The sites the words of the check-in's entries tell, each in a clause that does not
    deny or doubt it."""
    found = set()
    for entry in entries:
        pieces = [p for p in _PIECES.split(words_of(entry.note)) if p and p.strip()]
        for k, clause in enumerate(pieces):
            # "brain mets? no, the scan was clear": a question answered "no" right after it
            answered_no = (
                clause.rstrip().endswith("?")
                and k + 1 < len(pieces)
                and re.match(r"\s*no\b", pieces[k + 1], re.I)
            )
            for site, patterns in _sites().items():
                for p in patterns:
                    m = p.search(clause)
                    if (
                        m
                        and not answered_no
                        and not _DENIED.search(clause[: m.start()])
                        and not _DENIED_AFTER.search(clause[m.end() :])
                    ):
                        found.add(site)
    return frozenset(found)
