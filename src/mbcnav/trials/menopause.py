"""Menopausal status: what a criterion asks for, and what a record shows.

- ``status_from_patient(p, as_of)``: "post" | "suppressed" (ovarian suppression ongoing) | "pre"
  | None (not clear from a record), for women. A ``menopausal_status`` the record states wins
  over the guess below (perimenopausal counts as before menopause; a chemical, medical or
  induced menopause is ovarian suppression), except that a surgery that removed both ovaries
  wins over a stated pre- or perimenopausal status.
- ``menopause_check(text)``: {"type": "menopause", "value": "post" | "pre", "ofs_ok"} or None.
- ``evaluate_menopause(check, status)``: (holds, why, settle) for a woman.

The rules follow the definition most breast cancer trials write out themselves (and NCCN's):
postmenopausal means a prior bilateral oophorectomy, or age 60 or over, or, under 60, no periods
for 12 months without chemotherapy, tamoxifen or ovarian suppression and hormone levels in the
postmenopausal range. A record does not hold periods or hormone levels, so between 45 and 60
the status stays open. Before 45 almost all women are premenopausal (NCI Dictionary of Cancer
Terms, "menopause", https://www.cancer.gov/publications/dictionaries/cancer-terms/def/menopause,
read 2026-11-21, as of 2026-11-21). Ovarian suppression (goserelin, leuprolide, triptorelin) is
its own state: many trials accept "premenopausal on ovarian suppression" in place of
postmenopausal, and say so. The wordings read here are data: ``data/wording.yaml``.
"""

from __future__ import annotations

import re
from datetime import date

from mbcnav.patient.conditions import ovaries_removed
from mbcnav.trials.asides import in_exception
from mbcnav.trials.wording import rx

POST_AGE = 60
PRE_AGE = 45
#: a stated status's detail that says ovarian suppression is going on ("premenopausal on
#: ovarian suppression", "premenopausal on goserelin")
#: ... or a chemical, medical or induced menopause ("chemical menopause" is kept as
#: premenopausal, detail "chemical": patient/conditions.py)
_SUPPRESSION_SAID = re.compile(
    r"\b(?:ovarian (?:function )?suppression|ofs|goserelin|zoladex|leuprolide|leuprorelin|"
    r"lupron|triptorelin|lhrh|gnrh|chemical(?:ly)?(?:[- ]induced)? menopause|"
    r"medical(?:ly)?(?:[- ]induced)? menopause|induced menopause)\b|"
    # the word kept from "chemical menopause" leads the detail ("chemical", "chemical, since
    # 2025"); elsewhere "medical" is just a word ("per medical oncology note"; review)
    r"^\s*(?:chemical|medical|induced)\b",
    re.I,
)
#: words in a named suppression's clause that deny it, put it in the past or the future
#: ("stopped goserelin in 2024", "goserelin declined", "OFS planned", "will start goserelin",
#: "on goserelin until March 2024"; review)
_SUPPRESSION_NOT = re.compile(
    r"\b(?:no|not|stopped|stop|declined|off|former(?:ly)?|previous(?:ly)?|ended|finished|"
    r"refused|discontinued|planned|plan|will|to start|considering|recommended|offered|"
    r"until|till|completed)\b",
    re.I,
)
#: a detail's clauses ("premenopausal, no OFS, declined goserelin")
_CLAUSE = re.compile(r"[,;.]|\band\b|\bbut\b", re.I)
#: a stated "postmenopausal" whose words name ovarian suppression or chemotherapy: under 60
#: with the ovaries in place it may be their effect, not menopause (review)
_MAY_BE_SUPPRESSION = re.compile(r"\bchemo\w*|\bchemical\w*|\binduced\b", re.I)


def _suppression_said(detail: str) -> bool:
    """A stated detail that says ovarian suppression is going on now: named in a clause with
    no word that denies it, ends it or puts it ahead, and no clause that says it stopped."""
    said = stopped = False
    end = 0
    for clause in _CLAUSE.split(detail):
        start = detail.index(clause, end)
        end = start + len(clause)
        if not clause.strip() or not _SUPPRESSION_SAID.search(detail, start, end):
            continue
        if _SUPPRESSION_NOT.search(clause):
            stopped = True
        else:
            said = True
    return said and not stopped


def status_from_patient(p, as_of: date) -> str | None:
    """The record's menopausal status on ``as_of`` (women only; None when not clear)."""
    from mbcnav.patient import derive

    stated = getattr(p, "menopausal_status", None)
    if p.sex == "male" or (p.sex != "female" and stated in (None, "unknown")):
        return None
    removed = ovaries_removed(p.treatments, as_of)
    # the status the record states wins over the guess from age, except that a surgery that
    # removed both ovaries on or before as_of (a file's surgeries are dated) wins over a
    # stated "premenopausal" (mbcnav check warns about the contradiction); before (or around)
    # menopause with ovarian suppression going on is its own state
    age = p.age_on(as_of)
    suppressed = any("ovarian suppression" in d.classes for d in derive.ongoing_drugs(p, as_of))
    if stated == "postmenopausal":
        # under 60 with ovarian suppression going on (or named in the words, or chemotherapy)
        # and both ovaries in place, "postmenopausal" may be the suppression's effect: the
        # study team decides (review)
        detail = getattr(p, "menopausal_detail", None) or ""
        named = bool(_SUPPRESSION_SAID.search(detail) or _MAY_BE_SUPPRESSION.search(detail))
        if (suppressed or named) and removed is None and (age is None or age < POST_AGE):
            return None
        return "post"
    if stated in ("premenopausal", "perimenopausal"):
        if removed is not None:
            return "post"
        if suppressed or _suppression_said(getattr(p, "menopausal_detail", None) or ""):
            return "suppressed"
        # an undated statement of "before menopause" at 60 or over is likely out of date
        return None if age is not None and age >= POST_AGE else "pre"
    if removed is not None:
        return "post"
    if age is not None and age >= POST_AGE:
        return "post"
    if suppressed:
        return "suppressed"
    if age is not None and age < PRE_AGE:
        return "pre"
    return None


# "ovarian suppression with LHRH agonists is not permitted": named, but as a bar
_BARRED = re.compile(
    r"\b(?:not|no longer|never)\s+(?:be\s+)?(?:permitted|allowed|eligible|accepted|acceptable)\b"
    r"|\bprohibited\b|\bexcluded\b|\bineligible\b|\bno\s+(?:prior|previous|concurrent|current)\b",
    re.I,
)

# "amenorrheic for 12 or more months in the absence of chemotherapy, tamoxifen, toremifene, or
# ovarian suppression" (NCT02000193, last session's held-out set 71): suppression named as what
# must not explain the missed periods, so it does not stand in for menopause
_ABSENT_BEFORE = re.compile(
    r"\b(?:in\s+the\s+absence\s+of|without|not\s+(?:on|receiving|taking|using)|"
    r"not\s+(?:due\s+to|caused\s+by|induced\s+by|because\s+of|the\s+result\s+of)|"
    r"other\s+than\s+(?:by|from))\b"
    # ... over a plain list only, not "without contraindication who agree to ovarian suppression"
    r"(?:(?!\b(?:who|that|willing|agree\w*|must|if|receiv\w*|undergo\w*|accept\w*)\b)[^.;:]){0,80}$",
    re.I,
)


def _suppression_allowed(text: str) -> bool:
    """Whether the rule lets ovarian suppression stand in for menopause: named, and not barred
    in the words around it."""
    m = rx("menopause.ovarian_suppression").search(text)
    return (
        bool(m)
        and not _BARRED.search(text[max(0, m.start() - 40) : m.end() + 60])
        and not _ABSENT_BEFORE.search(text[max(0, m.start() - 100) : m.start()])
    )


# periods stopped for a time, said without the word menopause: one way of being postmenopausal
# in a list of its definitions ("Age <60 years and amenorrheic for 12 or more months in the
# absence of chemotherapy, tamoxifen, toremifene, or ovarian suppression", NCT03202862: session
# 39, tuning set 108); not periods stopped by a treatment ("chemotherapy-induced amenorrhea"),
# "not amenorrheic", or the definition of who can become pregnant
_AMENORRHEA = re.compile(
    r"\b(?:amenorrh(?:o)?e(?:ic|a)|no\s+(?:menstrual\s+)?periods?|no\s+menses)\s+(?:for\s+)?"
    r"(?:(?:at\s+least|more\s+than|over|>=?|≥)\s*)?\d+\s*(?:or\s+more\s+)?(?:consecutive\s+)?months?\b",
    re.I,
)
_AMENORRHEA_NOT = re.compile(
    r"\b(?:not|non)[- ]amenorrh|induced\s+amenorrh|\bamenorrh\w*\s+(?:\w+\s+){0,3}?(?:due\s+to|induced|"
    r"caused\s+by|because\s+of|secondary\s+to|after\s+chemo|following\s+chemo|related)|chemo\w*[- ]related|"
    r"childbearing|child-bearing|pregnan|contracept|birth\s+control|steril|reproductive|"
    r"effective\s+methods?|barrier\s+method|abstin",
    re.I,
)


def menopause_check(text: str) -> dict | None:
    """The menopausal status a criterion requires, when that is what it is about."""
    found = _status_check(text)
    if found is None and _AMENORRHEA.search(text) and not _AMENORRHEA_NOT.search(text):
        # (... with "FSH ... in the postmenopausal range" after it: the hormone levels are the
        # study team's, the stopped periods the record's)
        return {"type": "menopause", "value": "post", "ofs_ok": _suppression_allowed(text)}
    return found


def _status_check(text: str) -> dict | None:
    # "Postmenopausal women, defined as: ..." -> the requirement is the part before
    head = rx("menopause.defined").split(text, 1)[0]
    m = rx("menopause.status").search(head)
    if not m or rx("menopause.both").search(head) or rx("menopause.not_a_requirement").search(head):
        return None
    if re.search(r"\b(?:not|non|no longer)[- ](?:[\w-]+\s+){0,3}$", head[: m.start()], re.I):
        return None  # "not postmenopausal": said the other way round, left to the study team
    if in_exception(head, m.start()):
        return None  # "(except for ongoing LHRH analogs in ... premenopausal women)"
    check = {
        "type": "menopause",
        "value": "post" if m.group(1).lower() == "post" else "pre",
        "ofs_ok": _suppression_allowed(text),
    }
    # (read in the whole text: a definition may stand between the subject and its verb, "Pre- or
    # perimenopausal women, who do not meet the criteria for post-menopausal status (defined in
    # continuation) and men must be ... receiving a LHRH analogue": session 41, tuning set 114)
    if check["value"] == "pre" and rx("menopause.subject").match(text, m.end()):
        # "Premenopausal women must take goserelin": whom a rule is for, not a requirement
        # ("Postmenopausal women must have ..." is the trial's population: a requirement)
        check["premise"] = True
    return check


def evaluate_menopause(check: dict, status: str | None) -> tuple[bool | None, str, str]:
    """For a woman (or sex unknown); the caller decides rules about women for men."""
    settle = "Your menopausal status, from your care team"
    if status is None:
        return None, "Your menopausal status is not clear from the record.", settle
    said = {
        "post": "Your record shows you are past menopause.",
        "pre": "Your record shows you are before menopause.",
        "suppressed": "You are on ovarian suppression.",
    }[status]
    if check["value"] == "post":
        if status == "suppressed":
            if check.get("ofs_unsaid"):
                return (
                    False,
                    said + " The study asks for women past menopause and names neither ovarian "
                    "suppression nor women before menopause.",
                    "",
                )
            return (True, said, "") if check.get("ofs_ok") else (None, said, settle)
        if status == "pre" and check.get("ofs_ok"):
            # "must be postmenopausal or receiving ovarian function suppression" (NCT06120283):
            # a woman before menopause can start suppression to join, so it stays open
            return (
                None,
                said + " The rule also lets in women on ovarian suppression (such as goserelin).",
                "Whether you are on, or will start, ovarian suppression",
            )
        return status == "post", said, ""
    return status in {"pre", "suppressed"}, said, ""
