"""The first reading of an eligibility text: its lines (Windows and escaped line breaks, a
header with its first item's number glued on, a copy hard-wrapped at a fixed width, headers and
items written inline on one line, every line break lost) and the raw list items read from them
(section, indent, bulleted, text, blank line before, marker kind), wrapped lines joined and flat
lists nested under their stems, with the stem words the item reader and ``split`` both use
("one of the following", "all of the following"). ``split.split`` turns these items into
criteria; moved from ``split`` unchanged."""

from __future__ import annotations

import re

from mbcnav.trials.flat_lists import nest_flat_lists
from mbcnav.trials.headers import (
    _HEAD,
    _PHASE_LABEL,
    BULLET,
    FOR_GROUP,
    INLINE_HEADER,
    LEADING_GROUP_HEADER,
    header,
    population,
    scope,
)
from mbcnav.trials.inline_items import inline_items
from mbcnav.trials.lost_breaks import MIN_FLAT, bare_items
from mbcnav.trials.text_repair import unescape

# a stem whose sub-items are alternatives: "meets one of the following criteria:"
_ANY_OF = re.compile(
    r"\b(?:(?:at least )?(?:one|1) of the following|any (?:one )?of the following|either(?: of the following)?|the following list|one or more of the following)\b[^:]{0,240}:\s*$"
    r"|\b(?:either|(?:one|1) of the following|any of the following)\s*$"  # "... that are either"
    # "Evaluable disease (measurable or non-measurable)" over "Measurable disease, ie, ..." and
    # "Patients with bone only disease allowed ..." (NCT05693766): the items are the two ways in
    r"|\bevaluable\s+disease\s*\(?\s*measurable\s+or\s+non-?measurable\s*\)?\s*:?\s*$",
    re.I,
)

_ALL_OF = re.compile(r"\ball\s+(?:of\s+)?the\s+following\b|\bboth\s+of\b|\beach\s+of\b", re.I)

# a part of the study named at the start of an unbulleted line, with its rules after a colon:
# "Expansion Part: patients must have ... HCC, and must satisfy:" under the last sub-item of
# the "Escalation Part: ..." item (NCT04906434): a new item, so the list below it is its own
# (sixteenth session, tuning set 36)
_PART_LINE = re.compile(
    r"^(?-i:(?:Dose\s+)?(?:Escalation|Expansion|Extension)|Part\s+[A-Z0-9]{1,3}|Cohort\s+[A-Z0-9]{1,3}"
    r"|Arm\s+[A-Z0-9]{1,3}|Stage\s+[12I]{1,2}|Phase\s+(?:1|2|I|II)[ab]?)"
    r"(?:\s+(?i:part|phase|cohort|stage))?\s*:\s+\S"
)
# a line that stops in mid-clause goes on in the next one ("... treated in" / "Phase 1 (...) or")
_OPEN_LINE_END = re.compile(r"\b(?:of|the|in|on|or|and|with|to|for|a|an|by|at|from)\s*$", re.I)

# the wrapped end of a group header: up to eight words, each capitalised but short joining words
# ("Carcinoma", "Previously Received Treatment for Metastatic Disease")
_TITLE_WORDS = re.compile(
    r"(?:(?:[A-Z][\w/-]*|for|of|and|or|with|the|a|an|in|on|to|not|did|who)\s+){0,7}[A-Z][\w/-]*"
)


def _family(mark: str) -> str:
    """The kind of a list marker: "num" (1. 2) (3)), "letter" (a. ii.) or "sign" (* - •)."""
    mark = mark.strip("()")
    return "num" if mark[:1].isdigit() else "letter" if mark[:1].isalpha() else "sign"


def _one_item_per_line(lines: list[str]) -> bool:
    """A list copied with its markers lost but its line breaks kept: no bullet and nearly every
    line opening with a capital ("Patient must sign informed consent prior to enrollment in this
    trial" / "The patient is a female ≥18 years old" / "Post-menopausal or pre-menopausal patient
    ...": NCT05068726 as a registry copy gives it, set 90): each such line is an item; a line
    cut after an open word ("of", "and", a comma) still goes on in the next."""
    body = [line.strip() for line in lines if line.strip() and not header(line.strip())[0]]
    if len(body) < 3 or any(BULLET.match(line) for line in body):
        return False
    return sum(line[:1].isupper() or line[:1].isdigit() for line in body) >= 0.8 * len(body)


def _plain_lines_stem(items: list[list]) -> str | None:
    """The bulleted stem ending with ":" that the plain (unbulleted) items at the end of
    ``items`` stand under, if the last item is such a plain line (else None)."""
    k = len(items) - 1
    while k >= 0 and not items[k][2] and not items[k][3].startswith(_HEAD):
        k -= 1
    if k < 0 or k == len(items) - 1 or not items[k][2] or not items[k][3].rstrip().endswith(":"):
        return None
    return items[k][3]


def _items(lines: list[str]) -> list[tuple[str, int, bool, str, bool, str]]:
    """Raw items (section, indent, bulleted, text, blank line before, marker kind) with wrapped
    lines joined."""
    per_line = _one_item_per_line(lines)
    items: list[list] = []
    marks: list[str] = []  # each item's list marker ("3", "b", "*"), "" when none
    section = "inclusion"
    blank = True
    tail = False  # the line before was a header with words after it
    group_head: str | None = None  # a header naming a group, open to a wrapped next line
    for at, raw in enumerate(lines):
        if not raw.strip():
            blank = True
            group_head = None
            continue
        kind, after = header(raw.strip())
        if (
            group_head is not None
            and not kind
            and not BULLET.match(raw.strip())
            and _TITLE_WORDS.fullmatch(raw.strip())
        ):
            # "... for Participants with Esophageal Squamous Cell" / "Carcinoma": the header's
            # group goes on in one more short line in title case (no bullet, no blank line
            # between); a criterion written below it without a bullet stays a criterion
            items[-1][3] = _HEAD + scope(f"{group_head} {raw.strip()}")
            group_head = None
            continue
        group_head = None
        if kind:
            section = kind
            blank = True
            items.append([section, 0, False, _HEAD + scope(raw), True, ""])
            marks.append("")
            if not after and FOR_GROUP.search(raw.strip()) and not raw.rstrip().endswith(":"):
                group_head = raw.strip()
            if after:
                # "... Patients must meet 1 of the following criteria ...:" over its list of
                # inclusions stays a plain stem of options (carried into the items below); any
                # other text is an item ("Patients are excluded ... if any of the following
                # criteria apply:" is no set of options)
                options = section == "inclusion" and after.endswith(":") and _ANY_OF.search(after)
                items.append([section, 0, not options, after, True, ""])
                marks.append("")
                tail = True  # "... listed above, the" / "following criteria apply ...": one line
            continue
        indent = len(raw) - len(raw.lstrip(" \t"))
        text = raw.strip()
        m = BULLET.match(text)
        bulleted = bool(m) and len(text) > len(m.group(0))
        family = _family(m.group("b")) if bulleted else ""
        if bulleted:
            text = text[m.end() :].strip()
            if n := re.match(r"\d{1,2}[.):]\s+(?=\S)", text):  # "* 1. Age", "- 1: Age"
                text = text[n.end() :]
        new = bulleted or blank or not items or items[-1][0] != section
        if (
            new
            and bulleted
            and not blank
            and text[:1].islower()
            and items
            and items[-1][0] == section
            and not items[-1][2]
            and not items[-1][3].startswith(_HEAD)
            and not re.search(r"[.;:]\s*$", items[-1][3])
            # one such bullet only, not a list under a stem ("Any of the following cardiac
            # conditions" / "- unstable angina" / "- ...": review)
            and not _STEM_END.search(items[-1][3])
            and not (
                at + 1 < len(lines)
                and (nb := BULLET.match(lines[at + 1].strip()))
                and lines[at + 1].strip()[nb.end() :][:1].islower()
            )
        ):
            # "Patient must have as per RECIST 1.1" / "• measurable disease or non-measurable
            # lytic ... bone lesions" (NCT03312738 as a web page gives it: set 63): a sentence
            # that goes on in a bulleted line starting in lower case is one item
            new = False
        if (
            not new
            and not bulleted
            and re.match(r"(?:Patients?|Participants?|Subjects?)\s+must\b", text)
        ):
            new = True  # "... prior to enrollment" / "Patient must have ...": a new sentence
        if tail and not bulleted and text[:1].islower() and _OPEN_LINE_END.search(items[-1][3]):
            new = False
        tail = False
        if not new and (text[:1].isupper() and items[-1][3].rstrip().endswith((".", ":", ";"))):
            new = True
        if (
            not new
            and per_line
            and (text[:1].isupper() or text[:1].isdigit())
            and not _OPEN_LINE_END.search(items[-1][3])
            and not items[-1][3].rstrip().endswith(",")
            # the lines under a stem ("At least one of the following ...:", "Postmenopausal
            # status defined as:", "Patients must have:") stay one item until one ends its
            # sentence: with no markers, where its options end cannot be seen (NCT03227328: set
            # 57; first review)
            and not (
                len(items) > 1
                and not items[-2][3].startswith(_HEAD)
                and items[-2][3].rstrip().endswith(":")
            )
        ):
            new = True
        if (
            not new
            and not bulleted
            and text[:1].isupper()
            and (stem := _plain_lines_stem(items)) is not None
            and _ALL_OF.search(stem)
            and not _OPEN_LINE_END.search(items[-1][3])
            and not items[-1][3].rstrip().endswith(",")
        ):
            # "* ... meeting both of the following criteria by local testing:" over plain lines
            # (NCT07151586, session 40 tuning set 111): each line is a rule of its own
            new = True
        if (
            not new
            and (_PHASE_LABEL.match(text) or _PART_LINE.match(text))
            and not _OPEN_LINE_END.search(items[-1][3])
        ):
            # "Phase 1b (Combination Study ...)" under an item with no full stop; "Expansion
            # Part: patients must ..." after a sub-item of another part
            new = True
        if new:
            items.append([section, indent, bulleted, text, blank, family])
            marks.append(m.group("b").strip("().").lower() if bulleted else "")
        else:
            items[-1][3] += " " + text
        blank = False
    nest_flat_lists(items, marks, _ANY_OF)
    return [tuple(i) for i in items]


_SIGN = re.compile(r"[•●▪]\s")
# a plain line that opens a list: "... the following", "either", "defined as", "with"
_STEM_END = re.compile(r"\b(?:following|either|defined\s+as|with|include|including|of)\s*$", re.I)


def _is_bullet(text: str) -> bool:
    return bool(BULLET.fullmatch(text + " "))


def _hard_wrapped(text: str) -> bool:
    """A text copied with its list markers lost and its lines cut at a fixed width ("... are
    not allowed More than one\nline of cytotoxic chemotherapy ...": NCT02000193, last session's
    held-out set 71): read as one with every line break lost."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 6 or sum(bool(BULLET.match(line.strip())) for line in lines) > len(lines) // 10:
        return False
    widths = [len(line) for line in lines]
    return max(widths) <= 110 and sum(60 <= w <= 100 for w in widths[:-1]) >= 0.7 * (
        len(widths) - 1
    )


#: "Inclusion criteria1) ...": a header with its first item's number glued on
_GLUED_FIRST_ITEM = re.compile(
    r"\b((?:inclusion|exclusion)\s+criteri(?:a|on))(?=\d{1,2}[.)]\s)", re.I
)


#: a bullet sign alone on its line, its item on the next ("-\nPatient must be capable ...",
#: NCT06382948 as a web copy gives it: session 41, tuning set 114): one item, not an empty one
#: that swallows the list
_LONE_SIGN = re.compile(r"(?m)^([ \t]*[-•*·‣◦▪])[ \t]*\n[ \t]*(?=[^\s\-•*·‣◦▪])")


def _lines(text: str) -> list[str]:
    text = unescape((text or "").replace("\r\n", "\n").replace("\\n", "\n"))
    # "Inclusion criteria1) Germline mutation in BRCA1 ..." (NCT02000622 as a web page gives it:
    # set 81): the first item's number glued to its header
    text = _GLUED_FIRST_ITEM.sub(r"\1: ", text)
    text = _LONE_SIGN.sub(r"\1 ", text)
    if _hard_wrapped(text):
        text = " ".join(line.strip() for line in text.split("\n") if line.strip())
    out = []
    flat = "\n" not in text.strip() and len(text) > MIN_FLAT  # every line break lost
    signed = None  # indent of the last line that opened with a bullet sign
    for whole in text.split("\n"):
        # "CNS Inclusion Criteria:" is one header (a population's section), not "CNS" + header
        kept = bool(population(whole))
        lead = 0 if kept else (m.end() if (m := LEADING_GROUP_HEADER.match(whole)) else 0)
        # "Cohort-Specific Inclusion Criteria: ..." stays one header; a second one later on the
        # line ("... Key Exclusion Criteria: ...") still starts a line of its own
        text_ = whole if kept else whole[:lead] + INLINE_HEADER.sub("\n", whole[lead:])
        for line in text_.split("\n"):
            parts = inline_items(line, _is_bullet)
            if flat and len(parts) == 1:
                kind, after = header(line.strip())
                if not kind:
                    parts = bare_items(line)
                elif after and len(items := bare_items(after)) > 1:
                    # "Inclusion Criteria: Clinically ... cancer Eastern Cooperative ...": the
                    # header on a line of its own, then its items
                    parts = [line.strip()[: len(line.strip()) - len(after)].strip(), *items]
            if signed is not None and header(line.strip())[0]:
                signed = None  # a new section starts its own lists
            elif _SIGN.match(line.lstrip()):
                signed = len(line) - len(line.lstrip())
            elif len(parts) > 1 and signed is not None:
                # "   ANC > 1500 ...; ULN. • Female patients ..." (NCT05023486): an item after a
                # bullet sign inside an indented paragraph goes back to its list's indent
                parts = parts[:1] + [
                    " " * signed + p.lstrip() if _SIGN.match(p.lstrip()) else p for p in parts[1:]
                ]
            out.extend(parts)
    return out
