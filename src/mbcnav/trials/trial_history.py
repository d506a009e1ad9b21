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

#: a drug name that tells of a trial ("camizestrant (investigational, clinical trial)")
_TRIAL_DRUG = re.compile(
    r"\binvestigational\b|\bclinical\s+trial\b|\bstudy\s+drugs?\b|\btrial\b", re.I
)
#: a note sentence that tells of treatment in a trial: a clinical trial or a phase N trial or
#: study, a study drug or an investigational agent, on or off study (not a scan called a "study",
#: "a trial of duloxetine", a research or registry study, a trial cited: reviews)
_IN_TRIAL = re.compile(
    r"\binvestigational\s+(?:agents?|drugs?|products?|therap\w+|treatments?|arm)\b"
    r"|\bstudy\s+drugs?\b|\b(?:on|off)\s+study\b"
    r"|\b(?:on|in|into|enrolled\s+(?:in|on|into)|participat\w*\s+in|given\s+on|took\s+part\s+in|"
    r"taking\s+part\s+in|came\s+off|taken\s+off|off|treated\s+on|randomi[sz]ed\s+(?:in|on|to))\s+"
    r"(?:a\s+|the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:clinical\s+(?:trial|study)|phase\s+"
    r"(?:[1-3]|i{1,3}|1b|2a|2b|ib|iia|iib)[\w/-]*\s+(?:[\w-]+\s+){0,3}?(?:trial|study)|trial(?!\s+of\b))\b",
    re.I,
)
#: words that make a sentence weigh, plan, deny, cite or only promise a trial rather than tell
#: that the person was in one ("never participated in a clinical trial", "declined enrollment",
#: "OS benefit in the MONALEESA-2 trial", "will be enrolled", "awaiting a slot": reviews)
_ONLY_WEIGHED = re.compile(
    r"\b(?:asks?|asked|asking|discuss\w*|consider\w*|options?|vs\.?|versus|possible|interest\w*|"
    r"eligib\w*|screen\w*|refer\w*|look\w*|plan\w*|would|could|may|might|if|never|"
    r"not(?!\s+(?:any\s+)?longer)|no(?!\s+longer)|none|"
    r"without|declin\w*|refus\w*|benefit\w*|shown|showed|results?|data|according|based|evidence|"
    r"approv\w*|reported|standard|will|shall|pending|await\w*|slot|upcoming|soon|future|hope\w*|"
    r"wait\w*|candidate|offered|to\s+be|registry|biobank|observational|survey|questionnaire|cited|"
    r"as\s+in|like\s+the)\b|n't\b|\?",
    re.I,
)
#: a note sentence that tells the trial treatment ended
_ENDED = re.compile(
    r"\b(?:came|taken|went|come|coming)\s+off\b|\boff\s+(?:the\s+)?(?:study|trial)\b|\bstopped\b|"
    r"\bdiscontinu\w*|\bcompleted\b|\bended\b|\blast\s+dose\b|\bprogress\w*\s+on\b|"
    r"\bwithdr[ae]wn?\b|\bremoved\s+from\b|\bno\s+longer\b",
    re.I,
)
_ISO = re.compile(r"\b(20\d\d-\d\d-\d\d)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _told(text: str) -> bool:
    return bool(_IN_TRIAL.search(text)) and not _ONLY_WEIGHED.search(text)


def from_record(p, as_of: date) -> dict | None:
    """{"items": [(state, ISO end or None, words)], "what": words}: every trial treatment the
    record tells of, each "ongoing" (a trial drug still given), "ended" (a trial drug stopped, or a
    note that says it ended, with the date the note gives, if any) or "unknown" (a note that tells
    of a trial but not whether it ended); None when the record tells of none."""
    items: list[tuple[str, str | None, str]] = []
    for t in p.treatments:
        named = " ".join(t.drugs)
        if t.type == "systemic" and _TRIAL_DRUG.search(named) and (not t.start or t.start <= as_of):
            if t.end is None or t.end > as_of:
                items.append(("ongoing", None, named))
            else:
                items.append(("ended", t.end.isoformat(), named))
    for a in p.assessments:
        if not a.note or (a.date and a.date > as_of):
            continue
        for sentence in _SENTENCE.split(a.note):
            if _told(sentence):
                if _ENDED.search(sentence):
                    dates = [d for d in _ISO.findall(sentence) if d <= as_of.isoformat()]
                    items.append(("ended", max(dates) if dates else None, sentence.strip()))
                else:
                    items.append(("unknown", None, sentence.strip()))
    if not items:
        return None
    return {"items": items, "what": items[-1][2][:120]}


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
    r"\b(?:concurrent\w*|current(?:ly)?|simultaneous\w*|ongoing|presently|already\s+enrolled|"
    r"at\s+the\s+(?:same\s+)?time|while\s+(?:on|in)\s+(?:this|the)\s+study|during\s+(?:this|the)\s+"
    r"study|(?:is|are|being)\s+(?:currently\s+)?(?:participating|enrolled|taking\s+part)|"
    r"participating\s+in)\b"
    # "Patients enrolled in another clinical study" (review): enrolled now
    r"|^\W*(?:patients|subjects|participants)\s+(?:who\s+are\s+)?(?:enrolled|participating)\b",
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
    """Whether the record tells of trial treatment the rule is about: any (no window), one now,
    or one inside the window."""
    settle = "Whether you have taken part in a clinical trial, and when your last trial dose was"
    told = f.trial_history
    if not told:
        return None, "Your record does not say whether you have been in a clinical trial.", settle
    items = told["items"]
    said = f"Your record tells of treatment in a clinical trial ({told['what']})"
    if any(state == "ongoing" for state, _, _ in items):
        return True, f"{said}, still going on.", ""
    if c.get("now_only") or c.get("ongoing_only"):
        if c.get("now_only") and all(state == "ended" for state, _, _ in items):
            return False, f"{said}, which has ended; this rule is about a trial now.", ""
        return None, f"{said}; whether you are still in it decides this rule.", settle
    if c.get("unsettled"):
        return None, f"{said}; when it ended decides this rule.", settle
    if c.get("within_days") is None:
        return True, f"{said}.", ""
    today = date.fromisoformat(f.as_of) if f.as_of else date.today()
    window = int(round(c["within_days"]))
    ends = [end for _, end, _ in items if end]
    last = max(ends) if ends else None
    if last and (today - date.fromisoformat(last)).days <= window:
        ago = (today - date.fromisoformat(last)).days
        return (
            True,
            f"{said}, last on {last}, {ago} days ago; the rule covers the last {window} days.",
            "",
        )
    if last and all(state == "ended" and end for state, end, _ in items):
        ago = (today - date.fromisoformat(last)).days
        return (
            False,
            f"{said}, last on {last}, {ago} days ago; the rule covers the last {window} days.",
            "",
        )
    return None, f"{said}; when it ended decides this rule.", settle
