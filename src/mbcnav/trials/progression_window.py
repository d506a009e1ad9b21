"""How long ago the cancer last grew, against a window a criterion sets between that growth and
joining: "Patients must be enrolled within six weeks of defining disease progression"
(NCT00225758, set 81), "Disease progression within 6 months prior to enrollment",
"radiographic progression within the last 8 weeks". Only a window anchored at joining counts;
"progression within 6 months of starting endocrine therapy" (a time on treatment) and "relapse
within 12 months of completing adjuvant therapy" (a relapse window, therapy_check) are other
rules. The date the record gives for the latest growth is the latest scan that showed it or the
end of a line stopped for it; a record with neither leaves the rule with the study team."""

from __future__ import annotations

import re
from datetime import date

from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.time_windows import span_days

_N = r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_UNIT = r"(?P<unit>days?|weeks?|months?)"
_GROWTH = r"(?:progression|progressed|progressing|progressive\s+disease|\bpd\b|disease\s+growth)"
#: what may stand between the growth word and its window: a few words, no other event (a scan,
#: radiotherapy, a dose: "progressive disease, with a CT scan within 4 weeks" is the scan's
#: window, review) and no comma
_GAP = (
    r"(?:\s+(?!(?:scan|ct|mri|pet|imaging|radio\w*|radiation|chemo\w*|treatment|therapy|dose|"
    r"surgery|biopsy|assessment|evaluation)\b)[\w/-]+){0,6}?"
)
#: how the growth was shown, between the growth words and the window: "progression of disease by
#: radiological assessment or by clinical assessment within the last 6 weeks" (NCT03182634:
#: session 40, tuning set 111); the window is the growth's, not an assessment's
_HOW = (
    r"(?:,?\s+(?:or\s+|and/or\s+)?(?:by|per|on)\s+(?:\w+\s+){0,1}(?:radiolog\w*|radiograph\w*|"
    r"clinical|imaging|investigator|recist\w*)(?:\s+(?:assessment|evaluation|criteria|review|"
    r"imaging|examination))?)*"
)
_JOINING = (
    r"(?:(?:the\s+)?(?:study\s+)?(?:enrol(?:l)?ment|entry|registration|randomi[sz]ation|screening|"
    r"consent|inclusion)|(?:the\s+)?(?:study\s+(?:day\s+1|entry)|day\s+1\b(?!\s+of\s+(?!study))|"
    r"first\s+dose\s+of\s+(?:the\s+)?study\s+(?:drug|treatment|medication)|"
    r"start\s+of\s+study\s+treatment|(?:the\s+)?study\b))"
)
#: growth of something other than the breast cancer's spread ("brain metastases ... with
#: progression within the last 3 months", "another malignancy with progression within ...")
_OTHER_GROWTH = re.compile(
    r"\b(?:brain|cns|intracranial|leptomening\w*|malignan\w*|another\s+cancer|other\s+cancer|"
    r"second\s+cancer|lesions?)\b[^.;]*$",
    re.I,
)
_WINDOWS = (
    # "progression within 6 months prior to enrollment", "PD within the last 8 weeks"
    re.compile(
        rf"{_GROWTH}{_GAP}{_HOW}\s+within\s+(?:the\s+(?:last|past|previous|preceding)\s+)?{_N}\s+"
        rf"{_UNIT}\s+(?:(?:prior\s+to|before|of|preceding)\s+{_JOINING})",
        re.I,
    ),
    re.compile(
        rf"{_GROWTH}{_GAP}{_HOW}\s+within\s+the\s+(?:last|past|previous|preceding)\s+{_N}\s+{_UNIT}\b",
        re.I,
    ),
    # a time before joining said with "in" ("No progression on current therapy in prior 12
    # months", NCT05468034: session 37, set 93 read again; the growth may be on the current
    # therapy)
    re.compile(
        rf"{_GROWTH}(?:\s+on\s+(?:the\s+)?(?:current|present|ongoing)\s+(?:therapy|treatment|"
        rf"regimen))?{_GAP}\s+(?:in|during|over)\s+(?:the\s+)?(?:last|past|previous|preceding|"
        rf"prior)\s+{_N}\s+{_UNIT}\b",
        re.I,
    ),
    # "Patients must be enrolled within six weeks of defining disease progression"
    re.compile(
        r"\b(?:enrol(?:l)?ed|registered|randomi[sz]ed|entered|start\w*\s+(?:study\s+)?treatment)\s+"
        rf"within\s+{_N}\s+{_UNIT}\s+(?:of|after|following|from)\s+(?:\w+\s+){{0,3}}?{_GROWTH}",
        re.I,
    ),
)
_DENIES_GROWTH = re.compile(
    r"\b(?:no|not|without|never|absence\s+of|free\s+of)\s+(?:(?:evidence|signs?|documented|"
    r"radiographic|radiological|clinical|disease|of|any)\s+)*$",
    re.I,
)
#: "rapid" / "visceral" / "early" growth: no window before joining
_QUALIFIED = re.compile(r"\b(?:rapid\w*|visceral|early)\s+(?:\w+\s+){0,2}$", re.I)


def window_check(text: str) -> dict | None:
    """The check a criterion's growth window sets (``type`` "progression_within", ``days``), or
    None when it sets none. "No progression within ...", "without progression in the prior 12
    months" (an indolent disease a study asks for: NCT05468034, session 37) turn it round
    (``neg``): growth inside the window rules the person out."""
    for rx in _WINDOWS:
        m = rx.search(text)
        if (
            m
            and not _QUALIFIED.search(text[: m.start()])
            and not _OTHER_GROWTH.search(text[: m.start()])
        ):
            days = span_days(m.group("n"), m.group("unit").lower().rstrip("s"))
            # the denial right before the growth words ("No progression ...", "without disease
            # progression ..."), not one of something else ("no prior chemotherapy and
            # progression within ...", "not eligible unless progression ...": review)
            denied = bool(_DENIES_GROWTH.search(text[: m.start()]))
            return {
                "type": "progression_within",
                "value": "growth within",
                "days": days,
                "at": m.start(),
                "neg": denied,
            }
    return None


def holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the latest growth in the record is inside the window."""
    settle = "The date of the scan that last showed the cancer growing"
    today = date.fromisoformat(f.as_of) if f.as_of else date.today()
    if not f.last_progression:
        if not c.get("neg") and _no_growth_scan_inside(c, f, today):
            # a study for people whose cancer just grew, and a scan inside its window showed it
            # shrinking or stable with no growth anywhere in the record (a first line that is
            # working: session 40, tuning set 111)
            return (
                False,
                f"Your latest scan in the record ({f.latest_status_on}) shows no growth, and the "
                "record shows no growth before it; this study is for people whose cancer grew "
                f"in the last {int(round(c['days']))} days.",
                "",
            )
        return None, "Your record gives no date when the cancer last grew.", settle
    ago = (today - date.fromisoformat(f.last_progression)).days
    window = int(round(c["days"]))
    why = f"The cancer last grew on {f.last_progression} in your record, {ago} days ago"
    asks = (
        f"this study asks for no growth in the last {window} days"
        if c.get("neg")
        else f"this study asks for growth within {window} days"
    )
    if c.get("neg") and ago > window:
        # no growth in the record's window is no proof there was none (an earlier review: "Stable
        # disease, with no evidence of disease progression within the last 6 months" stays with
        # the study team); growth inside it settles the rule
        return None, f"{why}; {asks}.", "Your latest scan reports"
    return ago <= window, f"{why}; {asks}.", ""


#: a scan of the body (not one of the brain or spine only, not a clinic visit)
_BODY_SCAN = re.compile(
    r"^\s*(?:ct|pet(?:[- /]?ct)?|fdg[- ]pet|bone\s+scan|cat\s+scan)\b(?!.*\b(?:brain|head|spine)\b)",
    re.I,
)
#: a note that tells of growth or a return, or of signs of it (markers, new pain)
_GROWTH_TOLD = re.compile(
    r"\b(?:progress\w*|grow\w*|grew|enlarg\w*|increas\w*|rising|rose|worse\w*|recurr\w*|relaps\w*|"
    r"new\b|pd\b)",
    re.I,
)


def _no_growth_scan_inside(c: dict, f: PatientFacts, today: date) -> bool:
    """Whether the latest scan in the record, a body scan inside the window, shows the cancer
    shrinking, stable or gone, with no note anywhere in the record telling of growth or its signs
    and no spread or return found inside the window (growth in the window would have to come
    before the scan, unrecorded; first review)."""
    if not (
        f.latest_status in {"stable", "regression", "ned"}
        and f.latest_status_on
        and 0 <= (today - date.fromisoformat(f.latest_status_on)).days <= c["days"]
        and _BODY_SCAN.match(f.latest_status_method or "")
    ):
        return False
    if f.growth_told or _GROWTH_TOLD.search(f.note or ""):
        return False
    if f.diagnosed_on and (today - date.fromisoformat(f.diagnosed_on)).days <= c["days"]:
        return False
    # a treatment begun inside the window may have followed growth the record does not date
    # (final review)
    started = [d.start for d in f.drugs if d.start and "metastatic" in d.settings]
    if any(0 <= (today - date.fromisoformat(s)).days <= c["days"] for s in started):
        return False
    return not (f.growing_now and f.growing_now[0])


def growth_told(notes: list[str]) -> bool:
    """Whether a note of the record tells of growth, a return or their signs (for the facts)."""
    return any(_GROWTH_TOLD.search(n) for n in notes)
