"""Rules about medicines that block or speed up the liver enzyme CYP3A ("Concurrent or planned
treatment with strong inhibitors or strong inducers of cytochrome P450 3A4/5", "Current use of
strong CYP3A4 inhibitors"), against the medicines the record shows are taken now: treatment
entries not ended on the day, and medicines an active health problem's note says were started
("latent TB: started rifampin 600 mg daily 12/01/2025 for 4 months").

The examples are data (``data/cyp3a.yaml``, FDA's examples). A medicine on the list taken now
settles the rule; no listed medicine leaves it to the study team, who check every medicine
(the list is examples, and a record may not list every medicine)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from mbcnav.trials.errors import TrialsError

if TYPE_CHECKING:
    from mbcnav.trials.facts import PatientFacts

FILE = "cyp3a.yaml"
KINDS = ("strong_inhibitors", "moderate_inhibitors", "strong_inducers", "moderate_inducers")
_ENZYME = (
    r"(?:cyp\s*-?\s*3a(?:4|5|4/5|4/a5)?|cytochrome\s+p[- ]?450\s*(?:\(cyp\)\s*)?3a(?:4|5|4/5)?)"
)
_ROLE = r"(?:inhibit(?:ors?|ion|ing)|induc(?:ers?|tion|ing))"
_STRENGTH = (
    r"(?:strong|potent|moderate)(?:\s*(?:,|/|or|and/or|and|to)\s*(?:strong|potent|moderate))?"
)
#: "strong inhibitors or strong inducers of cytochrome P450 3A4/5", "strong CYP3A4 inhibitors
#: or inducers", "potent inhibitors of CYP3A", "moderate to strong inducers of CYP3A4"
RULE = re.compile(
    rf"\b{_STRENGTH}\s+(?:{_ENZYME}\s+)?{_ROLE}(?:\s*(?:,|/|or|and/or|and)\s*(?:{_STRENGTH}\s+)?{_ROLE})?"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_ENZYME})?",
    re.I,
)
#: a medicine named in a health problem's note is taken now when the words say so ("started
#: rifampin 600 mg daily", "on itraconazole 200 mg BID", "clarithromycin 500 mg twice daily");
#: not an allergy, a past or stopped one ("allergic to clarithromycin", "switched off
#: carbamazepine 2019": first review, session 41)
_TAKING_BEFORE = re.compile(
    r"\b(?:on|taking|takes|take|started|starting|start|using|uses|prescribed|course\s+of|treated\s+with|"
    r"given|receiving|continues|continuing|now)\s+(?:\w+\s+){0,2}$",
    re.I,
)
#: a form put on the skin, scalp, eye or nose, not taken by mouth ("ketoconazole 2% shampoo")
_ON_SKIN = re.compile(
    r"^\s*(?:\d+(?:\.\d+)?\s*%\s*)?(?:shampoo|cream|gel|ointment|lotion|topical|drops?|spray|wash|pessar\w*|foam)\b",
    re.I,
)
_DOSE_AFTER = re.compile(r"^\s*\(?\d+(?:\.\d+)?\s*(?:mg|mcg|g|units?)\b", re.I)
_NOT_TAKEN = re.compile(
    r"\b(?:allerg\w*|intoleran\w*|reaction|rash|anaphyla\w*|stopped|stop|completed|finished|ended|declined|refused|"
    r"discontinued|switched\s+(?:off|from)|no\s+longer|replaced|previously|formerly|was\s+on|were\s+on|"
    r"in\s+the\s+past|avoid\w*|not\s+on|never)\b",
    re.I,
)


def _fail(field: str, value: object, allowed: str) -> TrialsError:
    return TrialsError(f"{FILE}, field '{field}': {value!r} is not allowed; {allowed}.")


def parse(data: object) -> dict[str, tuple[str, ...]]:
    """The four lists of ``cyp3a.yaml``; TrialsError names the field of a bad entry."""
    if not isinstance(data, dict):
        raise _fail("(top)", data, "write a mapping")
    if not data.get("sources"):
        raise _fail("sources", data.get("sources"), "name at least one source")
    out = {}
    for kind in KINDS:
        words = data.get(kind)
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w == w.lower() for w in words)
        ):
            raise _fail(kind, words, "write a list of lower-case medicine names")
        out[kind] = tuple(words)
    return out


@cache
def lists() -> dict[str, tuple[str, ...]]:
    text = resources.files("mbcnav.trials").joinpath("data", FILE).read_text(encoding="utf-8")
    return parse(yaml.safe_load(text))


_DENIED = re.compile(r"\b(?:no|not|without|avoid\w*|must\s+not|free\s+of)\b", re.I)
#: an inclusion that asks the person to stop such a medicine asks what they can do
_WASH_OUT = re.compile(r"\b(?:discontinu\w*|stop\w*|wash\w*|cease\w*|switch\w*)\b", re.I)
_SAID = {
    "strong_inhibitors": "medicines that strongly slow down the liver enzyme CYP3A",
    "moderate_inhibitors": "medicines that slow down the liver enzyme CYP3A",
    "strong_inducers": "medicines that strongly speed up the liver enzyme CYP3A",
    "moderate_inducers": "medicines that speed up the liver enzyme CYP3A",
}


def cyp3a_check(text: str, kind: str = "exclusion") -> dict | None:
    """The CYP3A rule a criterion states: which lists (inhibitors, inducers; strong, moderate)."""
    m = RULE.search(text)
    if (
        not m
        or not re.search(_ENZYME, m.group(0), re.I)
        and not re.match(rf"\s*(?:of\s+)?{_ENZYME}", text[m.end() :], re.I)
    ):
        return None
    said = m.group(0).lower()
    roles = [r for r, w in (("inhibitors", "inhibit"), ("inducers", "induc")) if w in said]
    # (a rule on moderate ones keeps out the strong ones too)
    strengths = ["strong"] + (["moderate"] if "moderate" in said else [])
    # the lists asked about, as one value ("strong_inhibitors,strong_inducers")
    check = {"type": "cyp3a", "value": ",".join(f"{s}_{r}" for s in strengths for r in roles)}
    if kind == "inclusion":
        # "No use of strong CYP3A4 inhibitors within 14 days": an inclusion that denies them
        if not _DENIED.search(text[: m.start()]) or _WASH_OUT.search(text):
            return None  # "must discontinue strong CYP3A4 inhibitors 14 days before": can be met
        check["neg"] = True
    return check


def _in_notes(f: PatientFacts, name: str) -> bool:
    """Whether an active health problem's words tell that ``name`` is taken now."""
    for entry in f.condition_entries:
        if entry.get("status") not in ("active", "controlled", "unknown", None):
            continue
        for part in (entry.get("detail"), entry.get("note")):
            for m in re.finditer(rf"\b{re.escape(name)}\b", (part or "").lower()):
                before, after = (
                    part[max(0, m.start() - 40) : m.start()],
                    part[m.end() : m.end() + 30],
                )
                clause = re.split(r"[;.]", before)[-1]
                if (
                    _NOT_TAKEN.search(clause)
                    or _NOT_TAKEN.match(after.strip())
                    or _ON_SKIN.match(after)
                ):
                    continue
                if _TAKING_BEFORE.search(clause) or _DOSE_AFTER.match(after):
                    return True
    return False


def holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the person takes a listed medicine now (True), or not known (None)."""
    said = " ; ".join(f.medicines_now).lower()
    for kind in c["value"].split(","):
        for name in lists()[kind]:
            if re.search(rf"\b{re.escape(name)}\b", said) or _in_notes(f, name):
                return True, f"Your record shows you take {name} now, one of the {_SAID[kind]}.", ""
    return (
        None,
        "Your record lists no medicine known to strongly change the liver enzyme CYP3A.",
        "A check of all your medicines by the study team",
    )
