"""Earlier radiotherapy against the record: "Prior brain radiotherapy", "No prior whole brain
radiation". A criterion names the part of the body treated (the brain, or the whole brain); the
record's radiation entries (the site as written and the dates) can show that such a treatment
happened. Windows ("within 14 days") are wash-outs the study team checks. A record
without a matching entry settles nothing (radiation is often left out of a chart), and a criterion
that carves out exceptions, a dose or another target stays with the study team."""

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
#: words that leave a radiation criterion to the study team: exceptions and permissions, an
#: amount of bone marrow or dose, a particular lesion, a planned treatment
HEDGED = re.compile(
    r"\b(?:except|unless|other than|exclud\w*|allow\w*|permit\w*|eligible|provided|as long as|"
    r"if|marrow|dose|gy|field|target|lesions?|only site|index|measurable|planned|plan|"
    r"scheduled|candidate|require\w*|need\w*|indicat\w*|palliative|curative|chemoradi\w*|"
    r"concurrent\w*|breast|chest|thora\w*|lung|bone|spine|pelvi\w*|abdom\w*|liver|"
    # a time the parser did not read, or a harm of the radiation (review)
    r"last|past|within|since|prior to|before|after|days?|weeks?|months?|years?|"
    r"necrosis|injury|toxicit\w*|complication\w*|[0-9]+ ?%)",
    re.I,
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


def radiation_scope(text: str) -> dict:
    """The part of the body a radiation criterion names (``site``: brain | whole brain | None)
    and whether it hedges (``hedged``): any word beyond a bare statement of earlier brain
    radiotherapy, or a hedge word."""
    site = "whole brain" if WHOLE_BRAIN.search(text) else "brain" if BRAIN.search(text) else None
    words = re.findall(r"[a-z]+", text.lower())
    bare = all(w in BARE for w in words)
    return {"site": site, "hedged": not bare or bool(HEDGED.search(text))}


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
    if site is None or c.get("within_days"):  # a window is a wash-out: the team's to check
        return unknown
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
    e = entries[-1]
    when = e.get("end") or e.get("start") or "a date not given"
    return True, f"Your record lists radiation to {e['site']} ({when}).", ""
