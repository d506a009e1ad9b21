"""Registry texts copied from web pages whose line breaks were lost: the headings of the old NCI
(PDQ) layout glued to the item before them, and lists that lost their markers too (``bare_items``,
used only for a text with no line break at all). ``inline_items`` reads the lists that kept their
markers."""

from __future__ import annotations

import re

# "PATIENT CHARACTERISTICS", "INCLUSION OF WOMEN AND MINORITIES" (short words inside: review)
SECTION_NAME = r"[A-Z]{3,}(?:\s+(?:[A-Z]{3,}|OF|AND|FOR|THE|ON|TO|IN)){1,4}(?<=[A-Z]{3})"
SECTION = SECTION_NAME + r"\s*:"


# the headings of the old NCI (PDQ) layout, each over its own bulleted items: "PATIENT
# CHARACTERISTICS: Age * 18 and over Sex * Female Menopausal status * Not specified Performance
# status * WHO 0-1" (NCT00096057 as a web page gives it: set 62); glued to the end of the item
# before, a heading goes to the front of the item after it ("Sex: Female")
_PDQ_HEADING = re.compile(
    r"(?:^|\s+)((?:Age|Sex|Menopausal status|Performance status|Life expectancy|Hematopoietic|"
    r"Hepatic|Renal|Cardiovascular|Pulmonary|Other|Hormone receptor status|Biologic therapy|"
    r"Chemotherapy|Endocrine therapy|Radiotherapy|Surgery))$"
)


_PDQ_SECTION = re.compile(
    r"\b(?:PATIENT|DISEASE)\s+CHARACTERISTICS\b|\bPRIOR\s+CONCURRENT\s+THERAPY\b"
)


def pdq_headings(parts: list[str]) -> list[str]:
    """The items of a line of the old NCI layout (it names one of its sections), each heading
    glued to the end of the item before moved to the front of the item after it; a heading that
    ends an item's own words ("Prior Chemotherapy", "Prior Brain Radiotherapy") stays (review)."""
    if not any(_PDQ_SECTION.search(p) for p in parts):
        return parts
    out = []
    carry = ""
    for p in parts:
        star = re.match(r"\*\s+", p)
        if carry:
            p = f"* {carry}: {p[star.end() :]}" if star else f"{carry}: {p}"
        carry = ""
        m = _PDQ_HEADING.search(p)
        before = re.search(r"(\S+)\s*$", p[: m.start()]) if m else None
        if m and before and before.group(1).lower() not in _CANNOT_END | {"brain", "concurrent"}:
            carry, p = m.group(1), p[: m.start()]
        out.append(p)
    return out


# a list copied from a web page with its line breaks and its markers lost: "Clinically or
# pathologically proven metastatic breast cancer Eastern Cooperative Oncology Group performance
# status between 0-2 Adequate bone marrow ... within normal limits Left ventricular ..." (set 62,
# NCT00082095): in a text with no line break at all, a capitalised word after a word that can end
# an item starts the next item; a word that cannot end one ("with", "of", "prior", "is") keeps
# the next word in its item ("disease with New York Heart Association Class II"), and so does
# an open bracket, and a run of capitalised words is one name ("Eastern Cooperative Oncology
# Group")
_CANNOT_END = frozenset(
    (
        "a an the of in on at by to for from with without within per than as or and nor but "
        "not no any all both either neither each every such including include includes e.g i.e "
        "eg ie like versus vs plus via into onto is are was were be been being has have had "
        "prior previous previously received receiving using use treated who which that whose "
        "if unless except when where while after before during since until following"
    ).split()
)
_BARE_CUT = re.compile(
    r"(?<=[\w%)\]])\s+(?=[A-Z][a-z]+(?:['’]s)?\b)(?![^()]*\))" + rf"|\s+(?={SECTION})"
)
# "... metastatic breast cancer. Patients with either estrogen or progesterone receptor
# positivity ... Patients must be enrolled within six weeks ..." (NCT00225758 as a web page gives
# it: set 81): in a paragraph written as a run of sentences that each name their subject
# ("Patients must ...", three or more), each such sentence starts the next rule, unless it only
# lets people in ("Patients with treated brain metastases are eligible": it belongs to the rule
# before it)
_SUBJECT_SENTENCE = (
    r"(?<=[a-z0-9%)\]]\.)\s+(?=(?:All\s+)?(?:Patients?|Participants?|Subjects?|Women|Men)\b)"
)
_SENTENCE_CUT = re.compile(
    _BARE_CUT.pattern + "|" + _SUBJECT_SENTENCE + r"(?![^.]*\b(?:eligible|allowed|permitted|"
    r"acceptable|included|exempt|need\s+not|not\s+required|not\s+excluded|"
    r"may\s+(?:be|participate|enrol\w*|enter|join|have|"
    r"receive)|can\s+(?:be|participate))\b)"
)
MIN_SUBJECT_SENTENCES = 3

MIN_FLAT = 400  # characters: a text this long with no line break lost them


def bare_items(line: str) -> list[str]:
    """``line`` (from a text with no line break at all, and no list markers on it) broken where
    an item with no marker ends and the next begins, each item as a dashed line; a section name
    in capitals ("PATIENT CHARACTERISTICS:") becomes a line of its own after a blank one."""
    pieces = []
    start = 0
    many = len(re.findall(_SUBJECT_SENTENCE, line)) >= MIN_SUBJECT_SENTENCES
    for m in (_SENTENCE_CUT if many else _BARE_CUT).finditer(line):
        before = line[start : m.start()].rstrip()
        last = re.search(r"([\w.]+)\W*$", before)
        section = re.match(rf"\s+{SECTION}", line[m.start() :])
        if section and last and re.fullmatch(r"[A-Z]{2,}", last.group(1)):
            continue  # "INCLUSION OF WOMEN AND MINORITIES:": one heading (review)
        if (
            not section
            and last
            and (
                last.group(1).lower().rstrip(".") in _CANNOT_END
                # "Eastern Cooperative Oncology", not after a heading of the old NCI layout
                or (re.fullmatch(r"[A-Z][a-z]+", last.group(1)) and not _PDQ_HEADING.search(before))
            )
        ):
            continue
        if before.strip():
            pieces.append(before.strip())
        start = m.end()
    pieces.append(line[start:].strip())
    if len(pieces) < 2:
        return [line]
    # "PRIOR CONCURRENT THERAPY: Biologic therapy Not specified Chemotherapy Not specified": a
    # heading of the old NCI layout goes with the words after it ("Chemotherapy: Not specified";
    # review)
    joined: list[str] = []
    for piece in pieces:
        if joined and _PDQ_HEADING.fullmatch(re.sub(rf"^{SECTION}\s*", "", joined[-1])):
            joined[-1] = f"{joined[-1]}: {piece}"
        else:
            joined.append(piece)
    pieces = joined
    out = []
    for piece in filter(None, pieces):
        if section := re.match(rf"{SECTION}\s*", piece):
            out += ["", section.group(0).strip()]
            piece = piece[section.end() :]
        if piece and not re.fullmatch(r"[A-Z]{2,}:?", piece):  # no one-word capital item
            out.append("- " + piece)
    return out
