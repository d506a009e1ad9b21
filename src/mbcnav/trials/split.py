"""Eligibility text -> inclusion and exclusion criteria.

Handles ClinicalTrials.gov markdown bullets (``*``, ``-``, ``•``), numbering (``1.``,
``1)``, ``a.``, ``(i)``), nested sub-items (a stem ending in ``:`` is carried into each
sub-item), wrapped lines, blank-line paragraphs (TrialGPT exports) and headers in odd
forms ("* INCLUSION CRITERIA:", "Key Exclusion Criteria", "Inclusion Criteria for Part A:",
"Patients are not eligible if ...").
The lines and the raw list items under them are read by ``list_items``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mbcnav.trials.flat_lists import OPEN_STEM
from mbcnav.trials.headers import (
    _COHORT_HEADING,
    _HEAD,
    _PART_HEAD,
    _PHASE_LABEL,
)
from mbcnav.trials.list_items import _ALL_OF, _ANY_OF, _items, _lines
from mbcnav.trials.tumor_lists import _labelled_tumor_list, _tumor_list
from mbcnav.trials.wording import rx

_FILLER = re.compile(r"^(not specified|see (disease|patient) characteristics|none)\.?$", re.I)
# a stem that only says the items below must all hold ("A patient will be considered for
# enrollment in this study if all the following criteria are met:", NCT06008275): no words of
# its own carry into them (an "if" in it would read as a premise of every item)
_EMPTY_STEM = re.compile(
    r"^(?:(?:a|an|the|any|each|every|all|patients?|participants?|subjects?|individuals?|women|"
    r"men|people|will|shall|may|can|be|is|are|considered|eligible|eligibility|enrol(?:l)?ment|"
    r"enrol(?:l)?ed|included|inclusion|exclusion|for|in|into|this|study|trial|if|only|to|"
    r"must|should|meet|meets|fulfil(?:l)?s?|satisfy|satisfies|have|has|who|following|criteria|"
    r"conditions|requirements|of|met|apply|required|as|follows|excluded|from|main|key|major|"
    # "The main inclusion criteria include but are not limited to the following:" (NCT06841354)
    r"include|includes|including|but\s+(?:are\s+)?not\s+limited|listed|below|general|additional|"
    # "The patient must be excluded from participating in the trial if the subject:" (NCT03272334)
    r"participate|participating|participation|subject)\b[\s,]*)+"
    r":?\s*$",
    re.I,
)


@dataclass(frozen=True)
class Criterion:
    kind: str  # inclusion | exclusion
    text: str
    number: int  # 1-based position within its kind
    any_of: int = 0  # >0: one of a set of alternatives ("meets one of the following: ...")
    option: str = ""  # for an alternative: its own words, without the shared stem
    #: an item of a second list under no heading: its kind is a guess (``_unnamed_second_list``)
    unsure_list: bool = False

    def to_dict(self) -> dict:
        out = {"kind": self.kind, "text": self.text, "number": self.number}
        if self.any_of:
            out["any_of"] = self.any_of
            out["option"] = self.option
        if self.unsure_list:
            out["unsure_list"] = True
        return out


# a requirement a registry filed under exclusions: its verb is "must be / must have"
_MISFILED = re.compile(
    r"^\W*(?:(?:female|male)\s+)?(?:patients|participants|subjects|women|men)\s+(?:must|should|are\s+required\s+to)\s+(?:be|have|agree|use|provide)\b",
    re.I,
)
# not being able to comply is never a requirement: "Unable to comply with the dosimetry imaging
# protocol" under a numbered "Additional inclusion criterion for ..." inside the exclusion list
# (NCT04469127); "Unable to tolerate chemotherapy" is a real inclusion and stays one
_INABILITY = re.compile(
    r"^\W*(?:(?:patients?|participants?|subjects?)\s+(?:who\s+are\s+|is\s+|are\s+)?)?"
    r"(?:unable|inability|unwilling(?:ness)?|incapable|refus\w*)\s+(?:to|of)\s+"
    r"(?:comply|adhere|follow|complete|attend|give|provide|sign|understand|lie\s+still|"
    r"undergo\s+(?:the\s+)?(?:study|protocol|required))",
    re.I,
)
# an item of the inclusion list written as an exclusion: "Subjects with known, suspected, or
# documented parenchymal brain metastases, unless treated with surgery and/or radiation, ...;
# subjects with leptomeningeal metastases are not eligible" (NCT03983954: set 58): who has it is
# out unless the exception holds (not "Patients with X are eligible unless ...")
_OUT_UNLESS = re.compile(
    r"^\W*(?:subjects?|patients?|participants?|people|women|men)\s+(?:with|who\s+(?:have|has|had))\s+"
    r"(?:(?!\b(?:must|should|are|is|will|can|may|eligible|allowed|permitted|required)\b)[^;.:])*?"
    # ... about brain or spinal spread, which studies let in only on conditions (not a
    # population the study is for: "Patients with HER2-negative metastatic breast cancer, unless
    # enrolled in cohort B"), with no verb of the inclusion after it either (first review)
    r"\b(?:brain|cns|central\s+nervous|leptomening\w*|spinal)\b"
    r"(?:(?!\b(?:must|should|are|is|will|can|may|eligible|allowed|permitted|required)\b)[^;.:])*?"
    r",\s*unless\b"
    r"(?![^;]*\b(?:must|should|are|is|will\s+be|eligible|allowed|permitted|required)\b)",
    re.I,
)
_MUST_NOT = re.compile(r"\b(?:must|should)\s+not\b|\bmustn't\b|\bexclude", re.I)
_TRAILING_OR = re.compile(r"\s(?:OR|or)\s*[:;,]?\s*$")
_LEADING_OR = re.compile(r"(?:OR|Or)\b(?!\s+(?:more|less|older|younger|equal)\b)")


# a line naming the group of people the items below are for ("For participants with
# non-metastatic invasive breast cancer:", "For healthy volunteers:", NCT06807502): each item is
# read with it in front ("For participants with ...: ..."), a rule for that group only
_POPULATION_HEADING = re.compile(
    r"^for\s+(?:all\s+)?(?:the\s+)?(?:participants?|patients?|subjects?|women|men|people|those|"
    r"healthy\s+volunteers?|volunteers?|controls?)(?:\s+(?:with|who|having|in|on)\b[^:.;]{0,100})?\s*:\s*$",
    re.I,
)


# a bulleted label of a cohort or part that ends in a colon, its rules in the paragraphs below
_LABEL_STEM = re.compile(
    r"^(?:for\s+)?(?:the\s+)?(?:part|cohort|arm|group|module|phase|stage)\s+[\w.]{1,6}\b", re.I
)


# a list item that ends by naming the one group its sub-items are for: "..., Group 2 only:"
_SCOPED_LABEL = re.compile(
    r"\b(cohort|arm|part|group|module)\s+(\d{1,2}[a-z]?|[A-Z]\d?)\s+only\s*:\s*$", re.I
)
# an item that reads as a criterion of its own, not one more option of a stem ("- HER2-negative
# disease", "- ECOG performance status 0 or 1", "- Known brain metastases" after "Postmenopausal
# status, defined by either: ... - Age >= 60 years.": final review)
# (only heads no option list shares: "prior", "no prior", "brain" may be options: last review)
_OWN_RULE = re.compile(
    r"^\W*(?:ecog|karnofsky|performance\s+status|measurable|her-?2|adequate|life\s+expectancy|"
    r"willing|able\s+to|signed|written|informed|pregnan|breast-?feeding|histolog|cytolog)",
    re.I,
)

_GROUP_TAG = re.compile(
    r"\b(cohort|arm|part|group|module)s?\s+(\d{1,2}[a-z]?|[A-Z]\d?)\b"
    r"((?:\s*(?:,|and|or|&|/)\s*(?:(?:treatment\s+)?\1\s+)?(?:\d{1,2}[a-z]?|[A-Z]\d?)\b)*)",
    re.I,
)
_SENTENCE = re.compile(r"\s*[.;]\s+(?=[A-Z])")


def _by_group(text: str) -> list[str]:
    """An item whose sentences set rules for different named groups ("No more than 1 prior
    regimen (Treatment Group 1). No more than 2 prior regimens (Treatment Group 2).") becomes
    one criterion per sentence, each led by its group ("Group 1: ..."), so the person needs to
    fit one group, not all of them. Any other item comes back whole."""
    sentences = [x.strip() for x in _SENTENCE.split(text) if x.strip()]
    if len(sentences) < 2:
        return [text]
    tags = []
    for sentence in sentences:
        ids: dict[str, list[str]] = {}
        for m in _GROUP_TAG.finditer(sentence):
            word = m.group(1).lower()
            ids.setdefault(word, []).append(m.group(2).upper())
            ids[word] += [x.upper() for x in re.findall(r"\d{1,2}[a-z]?|\b[A-Z]\d?\b", m.group(3))]
        tags.append(ids)
    words = {w for ids in tags for w in ids}
    word = next((w for w in sorted(words) if sum(w in ids for ids in tags) >= 2), None)
    if word is None or len({tuple(ids[word]) for ids in tags if word in ids}) < 2:
        return [text]
    out = []
    for sentence, ids in zip(sentences, tags, strict=True):
        if word in ids:
            label = word.capitalize() + ("s " if len(ids[word]) > 1 else " ")
            sentence = f"{label}{' and '.join(dict.fromkeys(ids[word]))}: {sentence}"
        out.append(sentence)
    return out


def _unnamed_second_list(items: list[tuple]) -> int | None:
    """Where a second list starts in a text with no heading at all: a list whose items end with
    ";" closes with a "." and more items follow ("- lack of hand-foot syndrome (...)." then "-
    existence of clinical symptoms suggesting hand-foot syndrome;" ... "- diabetes mellitus.":
    NCT00661102 as a registry copy gives it, set 90, the "Inclusion"/"Exclusion" headings
    lost). The second list is most likely the exclusions, but that is a guess: its items are
    read as exclusions that can never rule a person out on their own."""
    if any(item[3].startswith(_HEAD) or item[0] != "inclusion" for item in items):
        return None
    # ... and not when the first list has a list of its own ("adequate bone marrow function:
    # neutrophils ...; platelets ...; bilirubin ... ." then more inclusions: first review)
    if any(":" in item[3] for item in items):
        return None
    ends = [item[3].rstrip()[-1:] for item in items]
    for k in range(2, len(items) - 1):
        if ends[k] == "." and ends[k - 1] == ";" and ends[k - 2] == ";" and items[k + 1][2]:
            return k + 1
    return None


def split(text: str) -> list[Criterion]:
    """Split one eligibility text into numbered inclusion and exclusion criteria."""
    items = _items(_lines(text))
    second = _unnamed_second_list(items)
    if second is not None:
        items = items[:second] + [("exclusion", *item[1:]) for item in items[second:]]
    out: list[tuple[str, str, int]] = []
    stems: list[tuple[int, str]] = []  # (indent, stem text) of open parents
    heading = ""  # the cohort or part the items below belong to
    # the indent of a heading written as a list item ("a) Pancreatic cancer cohort:" under item
    # 4, NCT06056323: nineteenth session): a later item further out is no longer under it (a
    # plain "For Phase 2 only:" line above a list further out keeps its items, NCT04939610)
    heading_at: int | None = None
    alternatives: dict[str, int] = {}  # stem text -> id of its set of alternatives
    places: dict[int, tuple[int, str]] = {}  # index in out -> (indent, stems) of a list item
    definition = ""  # "X is any patient who meets the following:" over a flat list of parts
    parts = 0  # items the definition has been carried into
    chained, last_part = False, ""  # its parts are joined by "or" / "and"; the last part's words
    held = False  # the heading is a bulleted label over the plain paragraphs below it
    plain: int | None = None  # indent of the list under a plain stem ("Prior treatment with:")
    # whether the items under a plain stem end bare (no ";" or "."), so the first one that ends
    # a sentence closes them (None: no item seen yet)
    bare_options: bool | None = None
    label: tuple[int, str, str] | None = None  # (indent, marker kind, heading before) of a label
    tumor_options: tuple[int, int] | None = None  # (last item, group) of a part's tumor types
    paragraphs: int | None = None  # indent of plain lines under a bulleted "both of" stem
    for i, (section, indent, bulleted, body, gap, family) in enumerate(items):
        if i and items[i - 1][0] != section:
            stems = []  # a stem of the inclusion list never carries into the exclusion list
            heading, label, plain = "", None, None
        if heading_at is not None and indent < heading_at:
            heading, heading_at = "", None
        if label and indent <= label[0] and (not bulleted or family == label[1]):
            heading, label = label[2], None  # the sub-list of a "Group 2 only:" label ends
        if bulleted and (scoped := _SCOPED_LABEL.search(body)):
            # "3. Triplet combinations ..., Part 2 expansion, Group 2 only:" over "i. ...",
            # "ii. ..." (NCT05216432): the items below are that group's rules
            label = (indent, family, label[2] if label else heading)
            heading, stems = f"{scoped.group(1).capitalize()} {scoped.group(2)}:", []
            continue
        if body.startswith(_HEAD):
            heading, stems, definition, heading_at = body[len(_HEAD) :], [], "", None
            held = False
            continue
        if held and bulleted:
            heading, held = "", False  # the next bullet ends a bulleted label's paragraphs
        if not bulleted or (gap and parts):
            definition = ""  # the list of parts ends at a blank line or a plain paragraph
        if (
            (_COHORT_HEADING.match(body) and len(body) < 60)
            or _PHASE_LABEL.match(body)
            or (_POPULATION_HEADING.match(body) and len(body) < 120)
        ):
            heading = body.rstrip(": ").strip() + ":"
            heading_at = indent if bulleted and indent > 0 else None
            stems = []
            if count := _labelled_tumor_list(items, i):
                key = f"tumors-{i}"
                tumor_options = (i + count, alternatives.setdefault(key, len(alternatives) + 1))
            continue
        if plain is not None and (indent < plain or (indent == plain and not bulleted)):
            stems, plain = [s for s in stems if s[0] < plain - 1], None
        while stems and stems[-1][0] >= indent:
            stems.pop()
        nxt = items[i + 1] if i + 1 < len(items) else None
        has_children = nxt is not None and nxt[0] == section and nxt[1] > indent
        if (
            bulleted
            and not has_children
            and body.rstrip().endswith(":")
            and _ALL_OF.search(body)
            and nxt is not None
            and nxt[0] == section
            and not nxt[2]
            and nxt[1] == indent
            and not nxt[3].startswith(_HEAD)
        ):
            # "* Histologically confirmed ... triple-negative breast cancer, meeting both of the
            # following criteria by local testing:" over plain lines at its own indent
            # (NCT07151586, session 40 tuning set 111): the plain lines are its list, up to the
            # next bulleted item; the stem's own rule goes into each of them
            stems.append((indent - 1, body.rstrip(":").strip() + ":"))
            paragraphs = indent
            continue
        if paragraphs is not None and (bulleted or indent < paragraphs or body.startswith(_HEAD)):
            stems, paragraphs = [x for x in stems if x[0] < paragraphs - 1], None
        if (
            not bulleted
            and not has_children
            and not body.isupper()  # "PATIENT CHARACTERISTICS:": a section's name, no stem
            and body.rstrip().endswith(":")
            and nxt is not None
            and nxt[0] == section
            and nxt[2]
            and nxt[1] == indent
            and not rx("modality.definition").search(body + " x")
        ):
            # "Prior treatment with:" over "1. PI3K inhibitors", "2. Immune checkpoint
            # inhibitors" at the same indent (NCT05216432): a plain stem over its list
            empty = _EMPTY_STEM.match(body) and not _ANY_OF.search(body)
            stems.append((indent - 1, "" if empty else body.rstrip(":").strip() + ":"))
            plain, bare_options = indent, None
            if _PART_HEAD.match(body) and (count := _labelled_tumor_list(items, i)):
                key = f"tumors-{i}"
                tumor_options = (i + count, alternatives.setdefault(key, len(alternatives) + 1))
            continue
        prefix = " ".join(s for _, s in stems if s)
        full = f"{prefix} {body}".strip() if prefix else body
        closes_options = False
        if plain is not None and indent == plain and stems:
            # "Postmenopausal status, defined either by:" over "- Age >= 55 years and >= 1 year
            # of amenorrhea", ..., "- Surgical menopause ... is not permitted ...;" then "-
            # Planned treatment with ...;" at the same indent (NCT02229136 as a web page gives
            # it: session 33, tuning set 90): items written bare (or with a comma) end at the
            # first one that ends its sentence, and the items after it are the list's own
            # again ("Adequate liver function as shown by:" over "- Total serum bilirubin ...,",
            # "- INR ... <= 2;" then "- Adequate renal function: ...")
            ends = body.rstrip().endswith((";", "."))
            if bare_options is None:
                bare_options = not ends
            elif bare_options and ends:
                # ... and only when the next item at this indent ends its sentence too (the list's
                # own style resumes); a middle option written as a sentence keeps the options
                # open ("- Age < 60 ... suppression." then "- Age >= 60 years": first review)
                closes_options = bool(
                    nxt is not None
                    and nxt[0] == section
                    and nxt[1] == indent
                    and (nxt[3].rstrip().endswith((";", ".")) or _OWN_RULE.match(nxt[3]))
                )
        if heading and not body.lower().startswith(heading[:-1].lower()):
            full = f"{heading} {full}"
        group = 0
        if tumor_options and i <= tumor_options[0]:
            group = tumor_options[1]  # one of the part's tumor types (see _labelled_tumor_list)
        elif stems and _ANY_OF.search(stems[-1][1]):
            group = alternatives.setdefault(stems[-1][1], len(alternatives) + 1)
        elif (
            out
            and out[-1][0] == section
            and (_TRAILING_OR.search(out[-1][1]) or _LEADING_OR.match(body))
        ):
            # "... if the tumor is HER2+ OR" / next item: the two items are alternatives; so is
            # an item that opens with "Or" ("Or ii. Premenopausal ... given an LHRH agonist"
            # after "i. Postmenopausal defined by: ...", NCT03250676)
            prev = out[-1]
            group = prev[2] or len(alternatives) + 1
            alternatives.setdefault(f"or-{group}", group)
            if not prev[2]:
                out[-1] = (prev[0], prev[1], group, prev[3])
                # "1. two prior hormonal therapies; 2. one ... and one prior chemotherapy
                # regimen; or 3. ..." (NCT03250676): the "or" before the last item of a list
                # under its stem makes every item of that list an option, not only the two beside
                # it (never a section's own list, nor one under "all of the following": review)
                k = len(out) - 2
                stem = places.get(len(out) - 1, (0, ""))[1]
                while (
                    stem
                    and not _ALL_OF.search(stem)
                    and k >= 0
                    and k in places
                    and places[k] == places.get(len(out) - 1)
                    and out[k][0] == section
                    and not out[k][2]
                    and out[k][3].rstrip().endswith((";", ","))
                ):
                    out[k] = (out[k][0], out[k][1], group, out[k][3])
                    k -= 1
        if has_children:
            # "... that are either", "... except for"
            if body.rstrip().endswith(":") or _ANY_OF.search(body) or OPEN_STEM.search(body):
                empty = _EMPTY_STEM.match(body) and not _ANY_OF.search(body)
                stems.append((indent, "" if empty else body.rstrip(":").strip() + ":"))
                continue
            if bulleted and (part := _PART_HEAD.match(body)) and _tumor_list(items, i, body):
                # the part's label goes into its list of tumor types, one of which is the person's
                # (a part's label over other items stays as it was: NCT06526819's "Cohort C: SCCA"
                # sits over rules for every cohort)
                stems.append((indent, part.group(0) + " one of the following tumor types:"))
            else:
                stems.append((indent, ""))
        if body.rstrip().endswith(":"):
            if bulleted and _LABEL_STEM.match(body) and nxt and nxt[0] == section and not nxt[2]:
                # "* Part 2D (ER+HER2- breast cancer 2-4L, combination with ...):" over paragraphs
                heading, held = body.rstrip(": ").strip() + ":", True
                continue
            if d := rx("modality.definition").search(body + " x"):
                definition = body[d.start() :].lstrip(".:; ").strip()  # its own sentence only
                parts, chained = 0, False
            cut = d.start() if d else max((m.end() for m in _SENTENCE.finditer(body)), default=0)
            lead = body[:cut].strip(" .:;")
            if len(lead.split()) >= 3 and not body.isupper():
                # "Histologically confirmed metastatic HR-positive, HER2-negative breast cancer.
                # ... HER2 negativity is defined as the following ...:" (NCT05090358 as a web
                # page gives it: set 63), "... (ER+) breast cancer Postmenopausal women.
                # Postmenopausal status is defined either by:": the sentences before the one
                # that opens the list are a rule of their own
                lead_full = full[: len(full) - len(body)] + lead
                out.extend((section, part, 0, lead) for part in _by_group(lead_full))
            continue
        if _FILLER.match(body):
            continue
        if definition and chained and last_part.endswith("."):
            # "... or * IHC 0 or 1+ and ... ≥4 and <6 signals/cell. * Presence of ...": parts
            # joined by "or" end at the one that ends with a full stop (set 63)
            definition = ""
        if definition:
            full = f"{definition} {full}"
            parts += 1
            last_part = body.rstrip()
            chained = chained or bool(re.search(r"(?:\bor|\band|,|;)$", last_part, re.I))
        if len(body) >= 3 and re.search(r"[A-Za-z]{2}", body):
            kind = section
            if section == "exclusion" and _MISFILED.match(full) and not _MUST_NOT.search(full):
                kind = "inclusion"  # "Female participants must be either: ..." filed as exclusion
            elif (
                section == "inclusion"
                and not group
                and (_INABILITY.match(body) or _OUT_UNLESS.match(body))
            ):
                kind = "exclusion"
            if group:
                out.append((kind, full, group, body))
            else:
                out.extend((kind, part, 0, body) for part in _by_group(full))
            places[len(out) - 1] = (indent, prefix)  # where the item sits in its list
        if closes_options:
            stems, plain, bare_options = [x for x in stems if x[0] < plain - 1], None, None
    counts = {"inclusion": 0, "exclusion": 0}
    result = []
    for kind, t, group, option in out:
        counts[kind] += 1
        text = re.sub(r"\s+", " ", t).strip()
        option = re.sub(r"\s+", " ", option).strip() if group else ""
        guessed = second is not None and kind == "exclusion"
        result.append(Criterion(kind, text, counts[kind], group, option, guessed))
    return result
