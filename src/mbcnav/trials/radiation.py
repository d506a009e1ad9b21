"""Earlier radiotherapy against the record: "Prior brain radiotherapy", "No prior whole brain
radiation", "Has received prior radiation therapy". A criterion names the part of the body treated
(the brain, or the whole brain) or none (any radiation); the record's radiation entries (the site
as written and the dates) can show that such a treatment happened. A record without a matching
entry settles nothing (radiation is often left out of a chart), and a criterion with any word
beyond that bare statement (a window, an exception, a dose, another target) stays with the study
team."""

from __future__ import annotations

import re

from mbcnav.trials.facts import PatientFacts

#: a radiation site that is the brain: radiosurgery, CyberKnife or "cranial" alone may be the
#: spine, the liver or the skull bone (review); Gamma Knife treats only the head
BRAIN = re.compile(
    r"\b(?:brain|intracranial|cerebral|cerebellar|cerebellum|cns|wbrt|gamma[- ]?knife|"
    r"prophylactic cranial)\b",
    re.I,
)
WHOLE_BRAIN = re.compile(r"\bwhole[- ]brain\b|\bwbrt\b|\bprophylactic cranial\b|\bpci\b", re.I)
#: radiation aimed at a few spots (not the whole brain)
FOCAL = re.compile(
    r"\b(?:srs|sbrt|srt|radiosurgery|stereotactic|gamma[- ]?knife|cyber[- ]?knife|focal)\b", re.I
)
#: the words of a bare statement of earlier brain radiotherapy ("No prior whole brain
#: radiotherapy (WBRT)", "History of brain radiation therapy"); a criterion with any other word
#: ("recent", "refused", "still in progress", "with progression") is left to the study team
#: (review: a deny-list let unread qualifiers through)
BARE = frozenset(
    "no not prior previous previously history of any received receiving have has had the a "
    "patients patient participants subjects who with whole brain cranial radiotherapy radiation "
    "therapy irradiation rt wbrt treatment to for".split()
)
#: what the word list cannot see: a time after "prior to" ("... prior to day 1"), a share
_UNREAD = re.compile(r"\b(?:prior to|[0-9]+ ?%)", re.I)


#: radiation aimed at the spread cancer ("Radiotherapy for treatment of metastatic disease",
#: NCT00333775: last session's set 80, read after it was measured)
FOR_METASTASES = re.compile(
    r"\bfor\s+(?:the\s+)?(?:treatment\s+of\s+)?(?:(?:the\s+)?metastatic\s+(?:breast\s+)?"
    r"(?:disease|cancer)|metastas[ie]s)\b",
    re.I,
)
#: radiation to the breast and its nodes, which may treat the first tumor, not the spread
_BREAST_AREA = re.compile(
    r"\b(?:breast|chest\s+wall|axill\w*|supraclavicular|internal\s+mammary|regional\s+nodes?)\b",
    re.I,
)
_METASTASES_WORDS = frozenset("metastatic metastases metastasis disease cancer breast".split())


def radiation_scope(text: str) -> dict:
    """The part of the body a radiation criterion names (``site``: brain | whole brain |
    metastases | None) and whether it hedges (``hedged``): any word beyond a bare statement of
    earlier radiotherapy (an exception, a dose, a lesion, another body part, a time), or "prior
    to" a time or a share in per cent."""
    site = "whole brain" if WHOLE_BRAIN.search(text) else "brain" if BRAIN.search(text) else None
    words = BARE
    if site is None and FOR_METASTASES.search(text):
        site, words = "metastases", BARE | _METASTASES_WORDS
    bare = all(w in words for w in re.findall(r"[a-z]+", text.lower()))
    return {"site": site, "hedged": not bare or bool(_UNREAD.search(text))}


def radiation_holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the person had the radiation the check names (only a record entry says yes)."""
    settle = "Your radiation treatments: where and when"
    unknown = (None, "Radiation history is not checked automatically.", settle)
    # an exception ("unless treated with radiotherapy") or a permission keeps the rule's other
    # parts from settling it alone: unknown, as before radiation entries were read (review)
    if (
        f.radiation is None
        or c.get("hedged")
        or c.get("allowed")
        or c.get("mode") not in (None, "received")
    ):
        return unknown
    site = c.get("site")
    if c.get("within_days"):  # a window is a wash-out: the team's to check
        return unknown
    if site is None:
        # "Has received prior radiation therapy" (NCT05701527): any radiation the record lists
        # (twenty-second session, set 56 read after it was measured)
        if not f.radiation:
            return None, "Your record lists no radiation treatment.", settle
        return _listed(max(f.radiation, key=lambda e: e.get("end") or e.get("start") or ""))
    if site == "metastases":
        # radiation that began once the cancer had spread (or come back) was given for it
        spread = f.diagnosed_on
        if spread is None or any(not e.get("start") for e in f.radiation):
            return unknown
        later = [e for e in f.radiation if e["start"] >= spread]
        if not later:
            return None, "Your record lists no radiation since the cancer spread.", settle
        spread_sites = [e for e in later if not _BREAST_AREA.search(e["site"])]
        if not spread_sites:
            # de novo: radiation to the breast or its nodes may treat the first tumor (review)
            return unknown
        return _listed(max(spread_sites, key=lambda e: e["start"]))
    entries = [e for e in f.radiation if BRAIN.search(e["site"])]
    if site == "whole brain":
        if any(not FOCAL.search(e["site"]) and not WHOLE_BRAIN.search(e["site"]) for e in entries):
            return (
                None,
                "Your record lists radiation to the brain; whether it was to the whole brain is "
                "not stated.",
                settle,
            )
        entries = [e for e in entries if WHOLE_BRAIN.search(e["site"])]
    if not entries:
        return None, f"Your record lists no radiation to the {site}.", settle
    return _listed(entries[-1])


def _listed(e: dict) -> tuple[bool, str, str]:
    """Yes, with the radiation entry of the record that says so."""
    when = e.get("end") or e.get("start") or "a date not given"
    return True, f"Your record lists radiation to {e['site']} ({when}).", ""
