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

#: a drug name or note sentence that tells of treatment in a trial: a trial, a clinical or phase
#: N study, a study drug or an investigational agent, on or off study (not a scan called a
#: "study": "the lesion seen on the prior study has grown", first review)
_IN_TRIAL = re.compile(
    r"\binvestigational\b|\bstudy\s+drugs?\b|\b(?:on|off)\s+study\b|\b(?:on|in|enrolled\s+in|"
    r"participat\w*\s+in|given\s+on|took\s+part\s+in|taking\s+part\s+in|came\s+off|taken\s+off|"
    r"off|treated\s+on|randomi[sz]ed\s+(?:in|on|to))\s+(?:a\s+|the\s+|an?\s+)?"
    r"(?:phase\s+[\w/-]{1,5}\s+)?(?:[\w-]+\s+){0,2}?(?:clinical\s+)?trial\b"
    r"|\b(?:phase\s+[\w/-]{1,5}|clinical|interventional|research)\s+(?:[\w-]+\s+){0,2}?study\b",
    re.I,
)
#: words that make a sentence weigh, plan, deny or cite a trial rather than tell that the person
#: was in one ("never participated in a clinical trial", "declined enrollment", "OS benefit in
#: the MONALEESA-2 trial": first review)
_ONLY_WEIGHED = re.compile(
    r"\b(?:asks?|asked|asking|discuss\w*|consider\w*|options?|vs\.?|versus|possible|interest\w*|"
    r"eligib\w*|screen\w*|refer\w*|look\w*|plan\w*|would|could|may|might|if|never|"
    r"not(?!\s+(?:any\s+)?longer)|no(?!\s+longer)|none|"
    r"without|declin\w*|refus\w*|benefit\w*|shown|showed|results?|data|according|based|evidence|"
    r"approv\w*|reported|standard)\b|n't\b|\?",
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


#: an exclusion about taking part in another trial or being given an investigational drug (not
#: an allergy to the study's own product: first review)
_RULE = re.compile(
    r"\b(?:enrol+(?:ment|ed)?|participat\w*|taking\s+part|involvement)\s+in\s+(?:any\s+|another\s+|"
    r"other\s+|an?\s+)?(?:other\s+)?(?:interventional\s+|therapeutic\s+)?(?:clinical\s+)?"
    r"(?:trial|study|studies)\b"
    r"|\b(?:received?|receiving|treatment\s+with|treated\s+with|use\s+of|taken|taking|administration"
    r"\s+of|exposure\s+to)\s+(?:an?\s+|any\s+|other\s+|another\s+)?(?:investigational|experimental)\s+"
    r"(?:agents?|drugs?|products?|medicinal\s+products?|therap(?:y|ies)|treatments?)\b",
    re.I,
)
_NOT_TAKING_PART = re.compile(
    r"\b(?:hypersensitiv\w*|allerg\w*|intoleran\w*|contraindicat\w*)\b", re.I
)
_UNITS = r"(?P<unit>days?|weeks?|months?|years?)"
_N = r"(?P<n>\d{1,3}|one|two|three|four|five|six|eight|twelve)"
#: a window before joining: "within 4 weeks", "during / in the last 30 days", "<= 4 weeks before"
_WINDOW = re.compile(
    rf"\b(?:within|during|in|over)\s+(?:the\s+)?(?:last\s+|past\s+|previous\s+|preceding\s+)?{_N}\s+"
    rf"{_UNITS}\b|(?:≤|<=|<|less\s+than|no\s+more\s+than)\s*"
    + _N.replace("<n>", "<n2>")
    + r"\s*"
    + _UNITS.replace("<unit>", "<unit2>")
    + r"\s+(?:before|prior)",
    re.I,
)
#: any other time said in the sentence leaves the window to the study team
_ANY_TIME = re.compile(r"\d+\s*(?:days?|weeks?|wks?|months?|years?|half-?li)", re.I)
#: windows written as half-lives or as "whichever is longer" cannot be settled from dates alone
_UNSETTLED_WINDOW = re.compile(r"half-?li(?:fe|ves)|whichever|prior\s+to\s+randomi", re.I)
#: a rule about being in a trial now, not before ("Concurrent participation ...")
_NOW_ONLY = re.compile(
    r"\b(?:concurrent\w*|current(?:ly)?|simultaneous\w*|ongoing|at\s+the\s+(?:same\s+)?time|"
    r"while\s+(?:on|in)\s+(?:this|the)\s+study|during\s+(?:this|the)\s+study)\b",
    re.I,
)
_BEFORE_TOO = re.compile(r"\b(?:prior|previous\w*|past|history|earlier|before)\b", re.I)
#: an exception for people only followed up or in an observational study: a past trial may be
#: one (its follow-up phase), so only an ongoing trial treatment settles the rule
_FOLLOW_UP_EXCEPTED = re.compile(
    r"\b(?:except|other\s+than|unless|excluding|but)\b[^.;]*\b(?:observational|follow-?up|"
    r"non-?interventional|registry)\b",
    re.I,
)


def participation_check(text: str, kind: str) -> dict | None:
    """The check an exclusion sets about an earlier or current trial, or None."""
    if kind != "exclusion" or not (m := _RULE.search(text)):
        return None
    start = max(text.rfind(". ", 0, m.start()), text.rfind("; ", 0, m.start())) + 1
    sentence = re.split(r"[.;]\s", text[start:])[0]
    if _NOT_TAKING_PART.search(sentence):
        return None
    w = _WINDOW.search(sentence)
    now = bool(_NOW_ONLY.search(sentence)) and not _BEFORE_TOO.search(sentence)
    return {
        "type": "trial_participation",
        "value": "trial participation",
        "within_days": span_days(
            w.group("n") or w.group("n2"), (w.group("unit") or w.group("unit2")).rstrip("s")
        )
        if w
        else None,
        "unsettled": bool(_UNSETTLED_WINDOW.search(sentence))
        or (not w and bool(_ANY_TIME.search(sentence))),
        "now_only": now,
        "ongoing_only": bool(_FOLLOW_UP_EXCEPTED.search(sentence)),
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
    if c.get("now_only") or c.get("ongoing_only"):
        # a rule about a trial now, or one that lets in people only followed up after a trial
        if c.get("now_only") and told["last"] and not told["undated"]:
            return False, f"{said}, ended on {told['last']}; this rule is about a trial now.", ""
        return None, f"{said}; whether you are still in it decides this rule.", settle
    if c.get("unsettled"):
        return None, f"{said}; when it ended decides this rule.", settle
    if c.get("within_days") is None:
        return True, f"{said}.", ""
    if not told["last"]:
        return None, f"{said}; when it ended decides this rule.", settle
    today = date.fromisoformat(f.as_of) if f.as_of else date.today()
    ago = (today - date.fromisoformat(told["last"])).days
    window = int(round(c["within_days"]))
    why = f"{said}, last on {told['last']}, {ago} days ago; the rule covers the last {window} days."
    if ago > window and told["undated"]:
        return None, f"{why} Another trial in your record has no date.", settle
    return ago <= window, why, ""
