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
_STOPPED = re.compile(
    r"\b(?:stopped|completed|finished|ended|discontinued|was on|previously|former|in the past)\b",
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


_DENIED = re.compile(
    r"\b(?:no|not|without|avoid\w*|discontinu\w*|stop\w*|must\s+not|free\s+of)\b", re.I
)
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
        if not _DENIED.search(text[: m.start()]):
            return None
        check["neg"] = True
    return check


def _taken_now(f: PatientFacts) -> list[str]:
    words = [*f.medicines_now]
    for entry in f.condition_entries:
        if entry.get("status") in ("active", "controlled", "unknown", None):
            for part in (entry.get("detail"), entry.get("note"), entry.get("term")):
                if part and not _STOPPED.search(part):
                    words.append(part)
    return words


def holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the person takes a listed medicine now (True), or not known (None)."""
    said = " ; ".join(_taken_now(f)).lower()
    for kind in c["value"].split(","):
        for name in lists()[kind]:
            if re.search(rf"\b{re.escape(name)}\b", said):
                return True, f"Your record shows you take {name} now, one of the {_SAID[kind]}.", ""
    return (
        None,
        "Your record lists no medicine known to strongly change the liver enzyme CYP3A.",
        "A check of all your medicines by the study team",
    )
