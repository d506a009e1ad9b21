"""Taking part in an earlier clinical trial, against the exclusions that name it: "Prior or
current enrollment in any interventional clinical trial for ABC/MBC" (NCT05022342), "Participation
in another clinical study with an investigational product within 4 weeks".

The record tells of a trial in a drug's own name ("camizestrant (investigational, clinical
trial)") or in a note ("2L imlunestrant given on a clinical trial, came off study 2025-12-28";
"last dose of the phase 1 investigational agent 2025-12-19"). A note that only weighs trials
("she asks about trials", "olaparib vs chemotherapy vs trial") tells nothing. A record that tells
of no trial leaves the rule with the study team; a window is settled only by a date the record
gives (the trial drug's end, or a date in the note's own sentence).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from mbcnav.trials.time_windows import span_days

if TYPE_CHECKING:
    from mbcnav.trials.facts import PatientFacts

#: a drug name or note sentence that tells of treatment in a trial
_IN_TRIAL = re.compile(
    r"\binvestigational\b|\bstudy\s+drug\b|(?<!based\s)\b(?:on|in|enrolled\s+in|participat\w*\s+in|given\s+on|"
    r"took\s+part\s+in|taking\s+part\s+in|came\s+off|taken\s+off|off)\s+(?:a\s+|the\s+|an?\s+)?"
    r"(?:phase\s+[\w/-]{1,5}\s+)?(?:[\w-]+\s+){0,2}?(?:clinical\s+)?(?:trial|study)\b",
    re.I,
)
#: words that make a sentence weigh or plan a trial rather than tell of one
_ONLY_WEIGHED = re.compile(
    r"\b(?:asks?|asked|asking|discuss\w*|consider\w*|options?|vs\.?|versus|possible|interest\w*|"
    r"eligib\w*|screen\w*|refer\w*|look\w*|plan\w*|would|could|may|might|if)\b|\?",
    re.I,
)
_ISO = re.compile(r"\b(20\d\d-\d\d-\d\d)\b")
_SENTENCE = re.compile(r"(?<=[.;!?])\s+")


def _told(text: str) -> bool:
    return bool(_IN_TRIAL.search(text)) and not _ONLY_WEIGHED.search(text)


def from_record(p, as_of: date) -> dict | None:
    """{"last": ISO date or None, "ongoing": bool, "what": words}: the latest trial treatment the
    record tells of, or None when it tells of none."""
    found: list[tuple[str | None, bool, str]] = []
    for t in p.treatments:
        named = " ".join(t.drugs)
        if t.type == "systemic" and _IN_TRIAL.search(named) and (not t.start or t.start <= as_of):
            ongoing = t.end is None or t.end > as_of
            found.append((None if ongoing else t.end.isoformat(), ongoing, named))
    for a in p.assessments:
        if not a.note or (a.date and a.date > as_of):
            continue
        for sentence in _SENTENCE.split(a.note):
            if _told(sentence):
                dates = [d for d in _ISO.findall(sentence) if d <= as_of.isoformat()]
                found.append((max(dates) if dates else None, False, sentence.strip()))
    if not found:
        return None
    ongoing = any(o for _, o, _ in found)
    dated = [d for d, _, _ in found if d]
    return {
        "last": max(dated) if dated and not ongoing else None,
        "ongoing": ongoing,
        "what": found[-1][2][:120],
        "undated": any(d is None and not o for d, o, _ in found),
    }


#: an exclusion about taking part in another trial or taking an investigational drug
_RULE = re.compile(
    r"\b(?:enrol+(?:ment|ed)?|participat\w*|taking\s+part|involvement)\s+in\s+(?:any\s+|another\s+|"
    r"other\s+|an?\s+)?(?:other\s+)?(?:interventional\s+|therapeutic\s+)?(?:clinical\s+)?"
    r"(?:trial|study|studies)\b"
    r"|\b(?:investigational|experimental)\s+(?:agents?|drugs?|products?|medicinal\s+products?|"
    r"therap(?:y|ies)|treatments?)\b",
    re.I,
)
_WINDOW = re.compile(
    r"\bwithin\s+(?:the\s+)?(?:last\s+|past\s+|previous\s+)?(?P<n>\d{1,3}|one|two|three|four|five|"
    r"six|eight|twelve)\s+(?P<unit>days?|weeks?|months?)\b",
    re.I,
)
#: windows written as half-lives or as "whichever is longer" cannot be settled from dates alone
_UNSETTLED_WINDOW = re.compile(r"half-?li(?:fe|ves)|whichever|prior\s+to\s+randomi", re.I)


def participation_check(text: str, kind: str) -> dict | None:
    """The check an exclusion sets about an earlier or current trial, or None."""
    if kind != "exclusion" or not (m := _RULE.search(text)):
        return None
    sentence = re.split(r"[.;]\s", text[m.start() :])[0]
    w = _WINDOW.search(sentence)
    return {
        "type": "trial_participation",
        "value": "trial participation",
        "within_days": span_days(w.group("n"), w.group("unit").rstrip("s")) if w else None,
        "unsettled": bool(_UNSETTLED_WINDOW.search(sentence)),
        "neg": False,
        "at": m.start(),
    }


def holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the record tells of trial treatment inside the rule's window (any, without one)."""
    settle = "Whether you have taken part in a clinical trial, and when your last trial dose was"
    told = f.trial_history
    if not told:
        return None, "Your record does not say whether you have been in a clinical trial.", settle
    said = f"Your record tells of treatment in a clinical trial ({told['what']})"
    if told["ongoing"]:
        return True, f"{said}, still going on.", ""
    if c.get("within_days") is None:
        return True, f"{said}.", ""
    if c.get("unsettled") or not told["last"]:
        return None, f"{said}; when it ended decides this rule.", settle
    today = date.fromisoformat(f.as_of) if f.as_of else date.today()
    ago = (today - date.fromisoformat(told["last"])).days
    window = int(round(c["within_days"]))
    why = f"{said}, last on {told['last']}, {ago} days ago; the rule covers the last {window} days."
    if ago > window and told["undated"]:
        return None, f"{why} Another trial in your record has no date.", settle
    return ago <= window, why, ""
