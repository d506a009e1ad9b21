"""A study for people whose brain metastases were treated a short time ago: "Patients must have
brain metastases, treated within 12 weeks of study entry with SRS, resection or WBRT"
(NCT03190967: session 32, last session's set 86 read after it was measured).

The record's brain radiation entries (the site as written) and brain surgery entries (the
procedure as written) give the dates. When the latest of them is older than the window the rule
is not met; when the record lists none, the study team decides (radiation and surgery are often
left out of a chart, and a lesion may have been treated elsewhere)."""

from __future__ import annotations

import re
from datetime import date

from mbcnav.patient.days import human
from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.modality import between_edges
from mbcnav.trials.radiation import BRAIN

#: brain spread treated within a time before the study ("treated within 12 weeks of study
#: entry", "irradiated within the last 3 months"); a wash-out ("no brain radiotherapy within 2
#: weeks") is another rule and is never read here
WINDOW = re.compile(
    r"\b(?:brain|cns|intracranial|cerebral)\s+(?:metastas[ie]s|lesions?|mets|disease)\b[^.;]{0,60}?"
    r"\b(?:treated|irradiated|resected|radiosurgery|srs|wbrt|radiotherapy|radiation|surgery)\b"
    r"[^.;]{0,30}?\bwithin\s+(?:the\s+)?(?:(?:last|past|previous|prior)\s+)?(\d{1,3})\s*"
    r"(days?|weeks?|months?)\b(?:\s+(?:of|before|prior\s+to)\s+(?:the\s+)?(?:study\s+)?"
    r"(?:entry|enrol\w*|registration|randomi[sz]\w*|day\s*1|first\s+dose|start\w*|treatment))?",
    re.I,
)
#: words that make it a ban or a wash-out, not a need
_BAN = re.compile(r"\b(?:no|not|without|never|excluded?|ineligible)\b", re.I)
#: the need itself: the sentence says the person must have it ("Patients must have brain
#: metastases, treated within 12 weeks"); a sentence that lets people in ("may enroll if
#: asymptomatic", "are allowed", "eligible if") only permits recent treatment (review)
_MUST = re.compile(r"\b(?:must|required|requires?|need\s+to|have\s+to)\b", re.I)
_LETS_IN = re.compile(
    r"\b(?:may|can|could|allowed|permitted|eligible|acceptable|if|provided|unless|except)\b", re.I
)
_DAYS = {"day": 1, "week": 7, "month": 30}
#: where the sentence holding the window ends, either side
_SENTENCE_EDGE = re.compile(r"[.;]\s")


def window_check(text: str, kind: str) -> dict | None:
    """{"type": "brain_window", "days", "at"} for a need of recent brain treatment, or None."""
    if kind != "inclusion":
        return None
    m = WINDOW.search(text)
    if m is None:
        return None
    sentence = text[slice(*between_edges(text, _SENTENCE_EDGE, m.start(), m.end()))]
    if _BAN.search(sentence) or _LETS_IN.search(sentence) or not _MUST.search(sentence):
        return None
    unit = m.group(2).lower().rstrip("s")
    return {"type": "brain_window", "days": int(m.group(1)) * _DAYS[unit], "at": m.start()}


def window_holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the record's latest brain treatment falls inside the window."""
    settle = "The dates of your brain radiation or brain surgery"
    weeks = c["days"] // 7 if c["days"] % 7 == 0 else None
    span = f"{weeks} weeks" if weeks else f"{c['days']} days"
    if f.brain in (None, "none") or not f.as_of:
        return None, "", settle
    dates = [
        d
        for e in f.radiation or []
        if BRAIN.search(e.get("site") or "")
        for d in [e.get("end") or e.get("start")]
        if d
    ] + list(f.brain_surgery or [])
    if not dates:
        return (
            None,
            f"Your record lists no brain radiation or brain surgery; the study asks for brain "
            f"treatment within {span} before it starts.",
            settle,
        )
    last = max(dates)
    gap = (date.fromisoformat(f.as_of) - date.fromisoformat(last)).days
    when = human(date.fromisoformat(last))
    if 0 <= gap <= c["days"]:
        return True, f"Your brain treatment on {when} was within {span}.", ""
    if gap > c["days"]:
        return (
            False,
            f"Your latest brain treatment in your record was on {when}, more than {span} ago.",
            "",
        )
    return None, "", settle
