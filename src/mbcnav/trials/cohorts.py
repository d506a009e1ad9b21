"""Criteria for some cohorts, arms, parts or groups only ("Cohorts A to K and Cohort O: ...",
"Group 2: ...", "For phase II, ..."): which cohort a criterion names, and the rule that a person
needs to fit one cohort, so that failing another cohort's criteria rules nobody out."""

from __future__ import annotations

import re

from mbcnav.trials.headers import POPULATION_LABEL

# "Part 1B, Part 1C and Part 1E (Combination Dose Escalation) ...": the label may repeat its
# word and end at a bracket that says what the part is
# "Population 1: ..." names a group too (NCT06745804, session 33, tuning set 90)
_COHORT = re.compile(
    r"^\W*(?:for\s+|in\s+)?((?:cohorts?|arms?|parts?|groups?|phase|populations?)\s+[\w.]+"
    r"(?:(?:\s*[,&/]\s*|\s+(?:and|or|to|through)\s+)(?:(?:cohorts?|arms?|parts?|groups?|phase|"
    r"populations?)\s+)?[\w.]+)*)"
    r"\s*(?:[:\-–),(]|only\b|specific\b)",
    re.I,
)
# ... also after the label its list carries in front ("Breast Cancer Eligibility: Population 3:
# ..."); the other group words keep to the start (a label before "Substudy 1, 2, 3 and Dose
# expansion" is a heading over every group: all-sets run of the same session)
_LABELLED_POPULATION = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?[A-Z][\w ,/-]{2,50}:\s+(populations?\s+[\w.]+(?:(?:\s*[,&/]\s*|\s+(?:and|or)\s+)"
    r"(?:populations?\s+)?[\w.]+)*)\s*[:\-–),(]",
    re.I,
)
_COHORT_WORDS = {
    "cohort",
    "cohorts",
    "arm",
    "arms",
    "part",
    "parts",
    "group",
    "groups",
    "phase",
    "population",
    "populations",
}


_NAMED_COHORT = re.compile(
    r"^\W*(?:(?:for|in)\s+)?(?:the\s+)?((?:[\w/-]+\s+){0,4}?[\w/-]+)\s+(?:cohorts?|parts?|arms?|phase|expansion)\s*(?:only)?\s*:",
    re.I,
)
_STAGES = re.compile(
    r"^\W*((?:phase\s+[\w.]{1,4}\s+(?:[\w/-]+\s+){0,3}?(?:stages?\b)?)"
    r"(?:\s*(?:,|and|or)\s*phase\s+[\w.]{1,4}\s+(?:[\w/-]+\s+){0,3}?stages?)*)\s*:",
    re.I,
)
_COHORT_IN_BRACKETS = re.compile(
    r"\((?:cohorts?|arms?|parts?|groups?|modules?)\s+([\w.]{1,6}(?:\s*(?:,|&|\band\b|\bor\b)\s*[\w.]{1,6})*)\)\s*:",
    re.I,
)
#: a group named for what it treats, its part in brackets: "For first line monotherapy (Part 1):",
#: "For second line plus monotherapy (Parts 1 and 2):" (NCT02447003): the name is the group
_FOR_NAMED_PART = re.compile(
    r"^\W*for\s+(?!(?:all|both|each|every|any)\b)(?:the\s+)?([^:()]{3,60}?)\s*"
    r"\((?:cohorts?|parts?|arms?|groups?|modules?)\s+[^()]{1,20}\)\s*:",
    re.I,
)
#: whom a rule is for, said after it: "... for participants in the dose-escalation phase (Parts 1a
#: and 1b)." (NCT03595059: session 36, held-out set 101, read after it was measured); not said
#: before it ("Patients in cohorts 1, 2, and 4 should have ...", NCT05327010: a rule other
#: cohorts' people, who may not be the person, do not lift)
_FOR_PARTICIPANTS_IN = re.compile(
    r"\b(?:for|in)\s+(?:participants|patients|subjects)\s+(?:enrolled\s+)?in\s+[^.;]{0,60}?"
    r"\((?:parts?|cohorts?|arms?)\s+([^()]{1,20})\)\s*\W*$",
    re.I,
)
#: a group that is everyone: "For all parts:", "For both cohorts:", "For each arm:"
_EVERYONE = {"all", "both", "every", "each", "any"}
_COHORT_STOP = {"dose", "cohort", "cohorts", "part", "the", "and", "or", "for", "in", "only"}


def _span(first: str, last: str) -> list[str]:
    """ "a", "k" -> a, b, ..., k; "1", "4" -> 1, 2, 3, 4 (at most 26 ids)."""
    if first.isdigit() and last.isdigit():
        return [str(n) for n in range(int(first), min(int(last), int(first) + 25) + 1)]
    if first.isalpha() and last.isalpha() and first <= last:
        return [chr(c) for c in range(ord(first), ord(last) + 1)]
    return [first, last]


def named_groups(texts: list[str]) -> bool:
    """Whether a trial names its groups for what they treat, two names sharing one part: "For
    first line monotherapy (Part 1):" and "For second line plus monotherapy (Parts 1 and 2):"
    (NCT02447003); then the name is the group, otherwise the part in brackets is (review)."""
    names: dict[str, set[str]] = {}
    for text in texts:
        if m := _FOR_NAMED_PART.match(text):
            for part in _bracket_ids(_COHORT_IN_BRACKETS.search(m.group(0))):
                names.setdefault(part, set()).add(" ".join(m.group(1).lower().split()))
    return any(len(v) > 1 for v in names.values())


def _bracket_ids(m: re.Match | None) -> list[str]:
    if not m:
        return []
    return [w for w in re.split(r"\s*(?:,|&|\band\b|\bor\b)\s*", m.group(1).lower()) if w]


def cohort_of(text: str, by_name: bool = False) -> list[str] | None:
    """Cohort ids a criterion is limited to: "Cohorts A and B: ..." -> ["a", "b"];
    "For the Dose-escalation and MTD Expansion Cohorts: ..." -> ["dose-escalation", "mtd"];
    ``by_name``: "For first line monotherapy (Part 1): ..." -> ["first line monotherapy"]."""
    m = _COHORT.match(text) or _LABELLED_POPULATION.match(text)
    if m:
        # "Cohorts A to K and Cohort O" (NCT06324357): a range of letters or numbers is each id
        label = re.sub(
            r"\b([a-z]|\d{1,2})\s+(?:to|through)\s+([a-z]|\d{1,2})\b",
            lambda r: " ".join(_span(r.group(1), r.group(2))),
            m.group(1).lower(),
        )
        words = re.split(r"\s*(?:\band\b|\bor\b|,|&|/)\s*|\s+", label)
        ids = [w for w in words[1:] if w and w not in _COHORT_WORDS]
        return ids or None
    if by_name and (m := _FOR_NAMED_PART.match(text)):
        return [" ".join(m.group(1).lower().split())]
    if m := _COHORT_IN_BRACKETS.search(text[:200]):  # "(Cohort 3): Has recurrent disease"
        return _bracket_ids(m)  # "(Parts 1 and 2):" names each part
    if m := _STAGES.match(text):
        # "Phase I dose escalation stage:", "Phase I expansion stage and Phase II stage:"
        # (NCT04198818): each stage named by all its words, so the two are told apart
        return [
            " ".join(w for w in s.split() if w not in _COHORT_STOP | {"stage", "stages"})
            for s in re.split(r"\s+(?:and|or)\s+|\s*,\s*", m.group(1).lower())
            if s.strip()
        ]
    if (m := _FOR_PARTICIPANTS_IN.search(text)) and not re.search(
        r"\b(?:except|other\s+than|apart\s+from|unless)\b[^.;]*$", text[: m.start() + 1], re.I
    ):
        said = m.group(1)
        ids = [w.lower() for w in re.split(r"\s*(?:,|&|\band\b|\bor\b|/)\s*", said) if w.strip()]
        ids = [re.sub(r"^(?:parts?|cohorts?|arms?)\s+", "", w, flags=re.I) for w in ids]
        if ids and all(re.fullmatch(r"[a-z]|\d{1,2}[a-z]?", w) for w in ids):
            return ids
    m = _NAMED_COHORT.match(text)
    if not m or len(m.group(0)) > 70:
        return None
    names = re.split(r"\s+(?:and|or)\s+|,\s*|\s*&\s*", m.group(1).lower())
    if names and names[0].split()[0] in _EVERYONE:
        return None  # "For all parts: ..." (NCT02447003): a rule for every part
    ids = []
    for name in names:
        words = [w for w in re.split(r"\s+", name) if w not in _COHORT_STOP]
        if words:
            ids.append(words[0])
    return ids or None


def _for_cohort(v: dict) -> str:
    """A rule for another cancer makes its cohort one the person cannot join."""
    if v.get("any_of"):  # one option of a rule: the rule as a whole decides
        return v["verdict"]
    return "not met" if v.get("mode") == "other_cancer" else v["verdict"]


# a cohort label that implies earlier cohorts ("Cohort 3", "Part B", "Phase II", "Arm 2b")
_LATER = re.compile(r"^(?:[2-9]|1\d|[b-h]|i{2,3}|iv|[2-9][a-z])$")
_EARLIER = "\x00earlier"  # the unnamed earlier cohorts, held to the trial's common rules only


#: a part a person enrols into, named inside a rule for everyone: "participants enrolled to Part 2b
#: (combination therapy, dose expansion) must have either NSCLC or HR-positive/HER2-negative
#: breast cancer" beside rules "for participants in the dose-escalation phase (Parts 1a and 1b)"
#: (NCT03595059: session 37, last session's held-out set 101, read)
# (only a part whose own population the same clause names: not "patients enrolled in arm 1 must
# undergo biopsies", nor "enrolled in Cohort 3 (the safety run-in, now closed) were treated":
# review)
_ENROLLED_IN = re.compile(
    r"\b(?:participants|patients|subjects)\s+(?:who\s+are\s+)?(?:enrolled|enrolling|entering)\s+"
    r"(?:in|into|to|on)\s+(?:the\s+)?(?:part|cohort)\s+(\d{1,2}[a-z]?|[a-h])\b"
    r"(?=[^;.]{0,80}?\b(?:must|should|are\s+required\s+to|need\s+to)\s+(?:have|be)\b[^;.]{0,80}?"
    # (a cancer or its kind: not "must have measurable disease", "tumor tissue": final review)
    r"\b(?:cancer|carcinoma|nsclc|sclc|her2|hr|er|triple|tnbc|mutations?|amplification|lymphoma|"
    r"melanoma|sarcoma|breast|lung|ovarian|prostate|colorectal|gastric)\b)",
    re.I,
)


def enrolled_in(texts: list[str]) -> set[str]:
    """The parts or cohorts that rules for everyone say people enrol into ("participants enrolled
    in Part 2a ... must have ..."): groups of their own, held to those rules and the common ones."""
    return {m.group(1).lower() for t in texts for m in _ENROLLED_IN.finditer(t)}


def feasible(
    tagged: list[tuple[list[str], str, str]], elsewhere: set[str] = frozenset()
) -> set[str] | None:
    """Cohort ids with no failed criterion, or None when criteria name fewer than 2 cohorts.
    When inclusion criteria name cohorts, only those are cohorts one can join ("ESR1m enriched
    arm only: ..." in the exclusions alone names no cohort of its own). ``elsewhere``: groups
    the rules for everyone name (``enrolled_in``); one that no tagged id names or nests in
    ("2" beside "2a") is a group of its own to join."""
    every = {i for ids, _, _ in tagged for i in ids}
    own = {i for i in elsewhere if not any(e.startswith(i) or i.startswith(e) for e in every)}
    # a later cohort ("Cohort 3") implies earlier ones; a population's own section ("CNS
    # Inclusion Criteria", split.py) implies the main population held to the common rules
    earlier = len(every) == 1 and bool(
        _LATER.match(only := next(iter(every))) or POPULATION_LABEL.fullmatch(only)
    )
    if earlier:  # "(Cohort 3): ...": cohorts 1 and 2 exist with the common rules only
        every.add(_EARLIER)
    if len(every | own) < 2:
        return None
    joinable = {i for ids, _, kind in tagged if kind == "inclusion" for i in ids} or every
    joinable |= own
    every |= own
    if earlier:
        joinable.add(_EARLIER)
    failed = {i for ids, v, _ in tagged if v == "not met" for i in ids}
    return joinable - failed


def lone_group(named: set[str], texts: list[str]) -> bool:
    """Whether the criteria name one group only, by what it is ("For anthracycline cohort only"),
    so the study's other groups are not written out (``apply_cohorts``); a lone short id
    ("Cohort 1") may be the whole study and still binds, and a later one ("Cohort 3") implies
    earlier ones (``feasible``)."""
    if len(named) != 1 or _EARLIER in named:
        return False
    (only,) = named
    # said to be for that group "only" (not a heading read as a group: "For patients in the
    # Dose Escalation part": all-sets run of the same session)
    return not _short_id(only) and any(_GROUP_ONLY.search(t) for t in texts)


_GROUP_ONLY = re.compile(r"\b(?:cohorts?|arms?|groups?)\s+only\b", re.I)


def _short_id(name: str) -> bool:
    return " " not in name and len(name) <= 4  # "b", "1a", "2"; "anthracycline" is a name


def apply_cohorts(verdicts: list[dict], cohorts: list[list[str] | None]) -> None:
    """Criteria for some cohorts only ("Cohort 2: ...", "For phase II, ..."): the person needs
    to fit one cohort, so failures of other cohorts do not count when one cohort fits.
    ``cohorts``: each criterion's cohort ids as parsing read them (``cohort_of``)."""
    tagged = [(ids, v) for ids, v in zip(cohorts, verdicts, strict=True) if ids]
    # the parts named in rules for everyone the person does not fail (review: a part the person
    # cannot be in is no way in)
    elsewhere = enrolled_in(
        [
            v["text"]
            for ids, v in zip(cohorts, verdicts, strict=True)
            if not ids and v["kind"] == "inclusion" and v["verdict"] != "not met"
        ]
    )
    ok = feasible([(ids, _for_cohort(v), v["kind"]) for ids, v in tagged], elsewhere)
    named = {i for ids, _ in tagged for i in ids}
    if not ok and lone_group(named, [v["text"] for _, v in tagged]):
        # the rules of the one group a study names ("For anthracycline cohort only: Prior
        # anthracycline ..." in a study of several chemotherapy regimens, NCT00262067:
        # twenty-eighth session, held-out set 77 read after it was measured): the other groups
        # are not written out, so failing this one's rule leaves the study team to say
        (only,) = named
        for _, v in tagged:
            if v["verdict"] == "not met":
                v["verdict"] = "unknown"
                v["why"] = (
                    f"This rule is for {_cohort_name({only})} only; the study may have other "
                    "groups. " + v["why"]
                )
                v["settle"] = "Which group of the study you would join"
        return
    if not ok:
        return
    for ids, v in tagged:
        if v["verdict"] == "not met" and not set(ids) & ok:
            v["verdict"] = "met"
            v["why"] = f"Applies to other cohorts; you may fit {_cohort_name(ok)}. " + v["why"]


def _cohort_name(ok: set[str]) -> str:
    named = sorted(i for i in ok if i != _EARLIER)
    if not named:
        return "another cohort"
    # a short id is written as registries write it ("cohort B"); a name as words ("the first
    # line monotherapy group"; review)
    short = [i.upper() for i in named if _short_id(i)]
    if len(short) == len(named):  # "cohort 2A or 2B": each one the person may fit
        return "cohort " + " or ".join(short[:3]) + (" or another" if len(short) > 3 else "")
    return f"cohort {named[0].upper()}" if _short_id(named[0]) else f"the {named[0]} group"
