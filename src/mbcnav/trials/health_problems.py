"""Other health problems that exclusion criteria name (``data/health_problems.yaml``), read
against the record's ``conditions`` (issue 14).

At sync, ``checks(text, kind)`` reads each problem an exclusion names into one check kept with
the trial: ``{"type": "health_problem", "value": "hiv", "history": False, "active": False,
"uncontrolled": False, "window_months": None, "nyha": None, "blocked": False, ...}``. At match,
``holds(check, facts)`` says whether the person has the problem as the criterion describes it.
The data file is checked and loaded in health_problem_data.py, a criterion's words and a record
entry's are read in health_problem_reading.py; this module judges, and is the one to import.

The error budget rules (docs/safety.md H174): a *yes* (the exclusion rules the person out) only
for a bare exclusion, a history, an active problem listed as active, an uncontrolled one the
detail calls so, a dated event or other cancer inside its window, or a NYHA class the detail
states; a qualifier the record cannot settle ("requiring treatment", a viral load, an
exception) leaves it open. A problem the record does not list is never proof of absence: open,
never *no*. A *no* only from what the record says: a past problem against an "active" exclusion,
a controlled one against an "uncontrolled" one, a dated event or other cancer before its window,
an excepted kind of other cancer, HIV on treatment with an undetectable viral load where the
criterion lets such people in.

Review health1: a window counts from its anchor (today unless a dated diagnosis follows "prior
to"; any other anchor leaves it open); a time limit or an exception the check cannot read leaves
another cancer open; a detail or note that doubts never decides; a problem said of another
person reads no check; a term whose record names take in a narrower kind (a TIA as stroke) never
says yes from an entry with no detail.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from mbcnav.trials.health_problem_data import (  # noqa: F401 (validate, broad_names: public here too)
    Problem,
    broad_names,
    load,
    validate,
    wording,
)
from mbcnav.trials.health_problem_reading import (  # noqa: F401 (checks: public here too)
    INSULIN,
    ROMAN,
    checks,
    diabetes_kinds,
    donor_kind,
    doubted,
)

if TYPE_CHECKING:
    from mbcnav.trials.facts import PatientFacts

# ------------------------------------------------------------------ evaluation (at match)

_STATUS_WORDS = {"active": "active now", "controlled": "controlled", "past": "in the past"}


def _listed(p: Problem, e: dict) -> str:
    said = [x for x in (e.get("detail"), _STATUS_WORDS.get(e.get("status") or "")) if x]
    if e.get("date"):
        said.append(f"dated {e['date']}")
    return p.name + (f" ({'; '.join(said)})" if said else "")


def _months_before(day: str, as_of: str) -> float | None:
    try:
        then, now = date.fromisoformat(day), date.fromisoformat(as_of)
    except (TypeError, ValueError):
        return None
    return (now - then).days / 30.44


def _skin_covered(c: dict, kind: str) -> bool:
    """Whether the exception lets in this skin cancer: "basal" lets in a basal cell one only,
    "squamous" a squamous cell one only; a skin cancer said without its kind, only both."""
    kinds = c.get("except_skin_kinds")
    if kinds is None:  # a check kept before the kinds were read
        return False
    if "all" in kinds:
        return True
    if re.search(r"\bbasal\b", kind):
        return "basal" in kinds
    if re.search(r"\bsquamous\b", kind):
        return "squamous" in kinds
    return False


def _in_situ_covered(c: dict, kind: str) -> bool:
    """Whether the exception's "in situ" names this in situ cancer's organ (beside the words
    "in situ": "carcinoma in situ of the cervix", "melanoma in situ")."""
    organs = c.get("except_in_situ_organs") or []
    words = [w for w in re.findall(r"[a-z]{4,}", kind) if w not in {"situ"}]
    organ = words[0][:5] if words else ""
    if not organ:
        return False
    if organ in organs:
        return True
    # "carcinoma in situ" with no organ: any in situ carcinoma, not a melanoma in situ
    return "any" in organs or ("any carcinoma" in organs and organ != "melan")


def _one_cancer(c: dict, e: dict, as_of: str, anchors: dict | None = None) -> bool | None:
    kind = (e.get("detail") or "").lower()
    if not kind:
        return None  # the kind decides the exceptions: asked
    skin = bool(wording("skin_kind").search(kind))
    in_situ = bool(wording("in_situ_kind").search(kind))
    timed = bool(c.get("except_time"))
    if "melanoma" in kind and "all" in (c.get("except_skin_kinds") or []):
        return None  # "except skin cancer": often meant without melanoma; the team's call
    if skin and c.get("except_skin"):
        if "melanoma" in kind or (
            not re.search(r"\b(?:basal|squamous)\b", kind)
            and "all" not in (c.get("except_skin_kinds") or [])
        ):
            # a melanoma, or a skin cancer of no stated kind against an exception for one kind:
            # whether the exception covers it is the study team's call (last review)
            return None
        if _skin_covered(c, kind):
            return None if timed else False  # a kind the exception lets in
    if in_situ:
        if c.get("except_in_situ") and _in_situ_covered(c, kind) and not timed:
            return False  # "carcinoma in situ of the cervix" and a cervical in situ cancer
        return None
    if skin and not c.get("except_skin"):
        return None  # a skin cancer and no exception for it: is it a cancer the rule means?
    generic = {"cell", "skin", "cancer", "carcinoma"}
    if any(
        w[:5] in c.get("except_words", ())
        for w in re.findall(r"[a-z]{4,}", kind)
        if w not in generic or not skin
    ):
        return None  # the exception names this kind ("cancer of the uterine cervix")
    status = e.get("status") or "unknown"
    if c.get("active") and not c.get("history") and status == "past" and not c.get("window_months"):
        return False  # a past cancer against "concurrent / active malignancy"
    window = c.get("window_months")
    if window:
        if not e.get("date"):
            return None  # no date: asked
        anchor = c.get("anchor") or "today"
        if anchor == "other" or c.get("rule_time"):
            return None  # counted from a day the record does not show, or another time limit
        day = (anchors or {}).get(anchor, as_of) if anchor != "today" else as_of
        since = _months_before(e["date"], day or "")
        if since is None:
            return None
        if since > window + 1 and status == "past":
            return False  # over (resolved) before the window
        if since > window + 1:
            return None  # diagnosed before the window: is it still there?
        if 0 <= since <= window - 1:
            return None if (c.get("blocked") or c.get("except_broad")) else True
        return None
    if c.get("blocked") or c.get("except_broad"):
        return None
    if c.get("history"):
        return True
    if c.get("active") or status == "active":
        return True if status == "active" else None
    return None


def _one(p: Problem, c: dict, e: dict, as_of: str, anchors: dict | None = None) -> bool | None:
    if doubted(e):
        return None
    if p.term == "another cancer":
        return _one_cancer(c, e, as_of, anchors)
    found = _one_problem(p, c, e, as_of)
    detail = (e.get("detail") or "").lower()
    if (
        found
        and not c.get("names_unsure")
        and (
            (p.unsure and detail and p.unsure.search(detail))
            or (p.broad and not detail and not _note_names(p, e))
        )
    ):
        return None  # "TIA" for a stroke, latent TB for tuberculosis: not the same problem
    return found


def _note_names(p: Problem, e: dict) -> bool:
    """Whether the entry's note names the problem itself and none of the kinds its ``unsure``
    words hold ("small left MCA ischemic stroke May 2023" for a bare "stroke" entry, which could
    otherwise have been a mini-stroke): the note settles what the bare name leaves open."""
    note = (e.get("note") or "").lower()
    if not note or (p.unsure and p.unsure.search(note)) or doubted(e):
        return False
    # ... said of the person, affirmed, and not a risk, in the words around the mention ("family
    # history of stroke", "mother had a stroke", "stroke risk discussed", "not a stroke": first
    # review; "stroke in 2020, no recurrence" still settles it: final review)
    return any(
        not _NOT_OWN_BEFORE.search(note[max(0, m.start() - 30) : m.start()])
        and not _NOT_OWN_AFTER.match(note[m.end() : m.end() + 20])
        for m in p.rx.finditer(note)
    )


_NOT_OWN_BEFORE = re.compile(
    r"\b(?:family|mother|father|mum|mom|dad|sister|brother|aunt|uncle|grand\w*|husband|wife|"
    r"partner|son|daughter|cousin|not\s+a|no|not|never|rather\s+than|instead\s+of|possible|"
    r"possibly|query|suspected|risk\s+of|prevent\w*)\b"
)
_NOT_OWN_AFTER = re.compile(
    r"\s*(?:\?|risk\b|prevent\w*|prophyla\w*|ruled\s+out|excluded|unlikely|not\s+confirmed)"
)


def _one_problem(p: Problem, c: dict, e: dict, as_of: str) -> bool | None:
    status = e.get("status") or "unknown"
    detail = (e.get("detail") or "").lower()
    said = f"{detail} {(e.get('note') or '').lower()}"
    if p.term == "diabetes" and c.get("kinds"):
        mine = diabetes_kinds(said)
        if not mine:
            return None  # a rule about one kind, a record that does not say which (final review)
        if not mine & set(c["kinds"]):
            # a type 2 diabetes against "any history of type 1 diabetes": not this problem,
            # unless the sentence names the record's kind beside it ("type I diabetes or not
            # controlled type II"): then the study team says
            return None if mine & set(c.get("other_kinds") or ()) else False
    if p.term == "diabetes" and c.get("insulin"):
        # "Insulin-dependent diabetes mellitus", "insulin-requiring type 2": type 1, or a record
        # that says insulin is taken, meets it; otherwise the study team says (final and last
        # reviews: "no insulin", "not on insulin", "insulin resistance" say it is not taken)
        takes = bool(
            re.search(r"\binsulin\b(?!\s+resistan)", said)
            and not re.search(r"\b(?:no|not\s+on|off|never\s+(?:on|needed))\s+insulin\b", said)
        )
        if not ("type 1" in diabetes_kinds(said) or takes):
            return None
    past = status == "past" or bool(detail and wording("past_detail").search(detail))
    narrow = (c.get("active") or c.get("uncontrolled")) and not c.get("history")
    if narrow and past:
        return False  # a past problem never meets an "active" exclusion
    if (
        c.get("uncontrolled")
        and not c.get("history")
        and not c.get("stem_active")  # "active or uncontrolled": controlled may still be active
        and status == "controlled"
    ):
        if not (detail and wording("uncontrolled_detail").search(detail)):
            return False  # a controlled problem against "uncontrolled"
    if (
        p.term == "hiv"
        and c.get("lets_in_controlled_hiv")
        and detail
        and wording("hiv_controlled").search(detail)
        and wording("hiv_treated").search(detail)
        and not re.search(r"\bnot\s+undetectable\b|\bdetectable\s+viral", detail)
    ):
        return False  # the criterion lets in HIV on treatment with an undetectable viral load
    window = c.get("window_months")
    if window and not c.get("blocked") and p.term in {"heart attack", "stroke"}:
        since = _months_before(e.get("date") or "", as_of)
        if since is None:
            return None
        if since > window + 1:
            return False  # the event was before the window
        return True if 0 <= since <= window - 1 else None
    if c.get("blocked") or window or (p.unsure and detail and p.unsure.search(detail)):
        return None
    if p.term == "hiv" and c.get("on_art"):
        # "HIV-positive patients on combination antiretroviral therapy": a record of HIV on
        # treatment meets it; one that does not say so leaves it to the study team
        return True if detail and wording("hiv_treated").search(detail) else None
    if p.term == "organ transplant" and c.get("donor"):
        donor = donor_kind(detail)
        if donor and donor != c["donor"]:
            return False  # an autologous transplant against "allogeneic transplant"
        if donor != c["donor"]:
            return None  # whose cells is not said
    if p.term == "organ transplant" and c.get("transplant"):
        solid = re.search(r"kidney|renal|liver|heart|lung|pancrea", detail)
        marrow = re.search(r"stem|marrow|allogene?ic|hematopoietic", detail)
        if not (
            (c["transplant"] == "organ" and solid) or (c["transplant"] == "stem cell" and marrow)
        ):
            return None
    if c.get("nyha") is not None:
        m = re.search(r"nyha\s*(?:class\s*)?(iv|iii|ii|i|[1-4])\b", detail)
        return True if m and ROMAN[m.group(1)] >= c["nyha"] else None
    # a history named of this item itself wins over the stem's "active" of another item ("active
    # cardiac disease or a history of cardiac dysfunction", NCT05631795: session 36)
    own_history = c.get("history") and not (c.get("active") or c.get("uncontrolled"))
    if c.get("uncontrolled") or (c.get("stem_uncontrolled") and not own_history):
        return True if detail and wording("uncontrolled_detail").search(detail) else None
    if c.get("active") or (c.get("stem_active") and not own_history):
        return True if status == "active" and not past else None
    if c.get("history"):
        return True
    return None if past else True


def holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the person has the problem the exclusion names, why, and what would settle it."""
    p = next((x for x in load().problems if x.term == c["value"]), None)
    if p is None:
        return None, "Not checked automatically.", ""
    ask = f"The study team will ask about {p.ask}."
    entries = [e for e in f.condition_entries if e.get("term") == p.term]
    if not entries:
        if f.condition_entries:
            return None, f"Your record does not list {p.name}; that does not rule it out.", ask
        return None, f"Your record does not say whether you have {p.name}.", ask
    anchors = {"metastatic": f.diagnosed_on, "first": f.first_diagnosed_on}
    found = [_one(p, c, e, f.as_of, anchors) for e in entries]
    said = "; ".join(_listed(p, e) for e in entries)
    if True in found:
        e = entries[found.index(True)]
        return True, f"Your record lists {_listed(p, e)}.", ""
    if found and all(v is False for v in found):
        if p.term == "diabetes" and c.get("kinds"):
            kinds = " or ".join(c["kinds"])
            return (
                False,
                f"Your record lists {said}; this part of the rule is about {kinds} diabetes.",
                "",
            )
        return False, f"Your record lists {said}, which this rule does not exclude.", ""
    return (
        None,
        f"Your record lists {said}; whether it is what this rule describes is for the study team.",
        ask,
    )
