"""Section headers of an eligibility text: "Inclusion Criteria:", "* KEY EXCLUSION CRITERIA",
"Inclusion Criteria for Cohort 2 (Stage 1):", "CNS Inclusion Criteria:", "Patients are not eligible
if ...:", and the cohort or population a header names (its scope)."""

from __future__ import annotations

import re

# a list marker at the start of a line: "*", "-", "•", "1.", "2)", "3:", "(3)", "a.", "(ii)", "iv."
# ("(ALT) <= 2.5 x ULN" at a line's start is the rest of a wrapped line, NCT03964532: only one
# letter or a roman numeral in brackets is a marker; "5a." numbers a sub-rule: session 37, held-out
# set 104 read after it was measured)
BULLET = re.compile(
    r"^(?P<b>[*\-•·‣▪]|o(?=\s)|\d{1,2}[.)](?!\d)|\d{1,2}[a-z][.)](?=\s)|\d{1,2}:(?=\s+\D)|\(\d{1,2}\)|[a-z][.)](?=\s)|\((?:[a-z]|[ivx]{1,4})\)|[ivx]{1,4}[.)](?=\s))\s*",
    re.I,
)
_HEADER = re.compile(
    r"^(?:key|main|major|general|additional|other|specific|study)?\s*"
    r"(?P<k>inclusion|exclusion|eligibility|ineligibility)(?:\s+criteria|\s+criterion)?\b"
    r"(?P<rest>[^:]{0,80}):?\s*(?P<after>.*)$",
    re.I,
)
# a heading that names its group before the section: "Case Inclusion Criteria:", "Control
# Exclusion Criteria" (NCT05366881), "Cohort A inclusion criteria"
_GROUP_HEADER = re.compile(
    r"(?:[A-Za-z][\w/+.-]*\s+){1,3}(?P<k>inclusion|exclusion)\s+criteria\s*:?", re.I
)
# "Cohort-Specific Inclusion Criteria: In addition to ..." (NCT05252390): one header whose group
# words lead the line, not "Cohort-Specific" left on a line of its own
LEADING_GROUP_HEADER = re.compile(
    r"^\W*(?!(?:the|all|meets?|see|any|other)\b)(?:(?-i:[A-Z])[\w/+.-]*\s+){1,2}"
    r"(?:inclusion|exclusion)\s+criteria\s*:",
    re.I,
)
_EXCL_PHRASE = re.compile(
    r"^(patients|participants|subjects|women|men)\s+(who\s+.*\s+)?(are|will be)\s+"
    r"(not eligible|ineligible|excluded)\b.*:\s*$",
    re.I,
)
_INCL_PHRASE = re.compile(
    r"^(patients|participants|subjects)\s+must\s+(meet|fulfil|fulfill|satisfy)\s+all\b.*:\s*$", re.I
)
# the plain words of a trial page written for the public (Cancer Research UK's "Who can enter" /
# "Who can't take part": session 37, tuning set 102): "You may be able to join this trial if you
# are a woman and all of the following apply", "You cannot join this trial if any of these apply"
_PLAIN_EXCL = re.compile(
    r"^(?:who\s+(?:can'?t|cannot|can\s+not|should\s+not|shouldn'?t|is\s+not\s+able\s+to)\s+(?:take\s+part|enter|join)|"
    r"who\s+(?:is|are)\s*(?:n'?t|not)\s+(?:eligible|suitable)|"
    r"you\s+(?:can'?t|cannot|can\s+not|(?:may|might)\s+not\s+be\s+able\s+to|should\s+not|shouldn'?t)\s+"
    r"(?:join|take\s+part(?:\s+in)?|enter)(?:\s+(?:this|the)\s+(?:trial|study))?\s+if\b.*)\b.*?\W*$",
    re.I,
)
_PLAIN_INCL = re.compile(
    r"^(?:who\s+can\s+(?:take\s+part|enter|join)|you\s+(?:may\s+be\s+able\s+to|can)\s+(?:join|take\s+part\s+in|"
    r"enter)\s+this\s+(?:trial|study)\s+if\b(?P<rest>.*))\W*$",
    re.I,
)
#: whom such a heading names: "... if you are a woman and all of the following apply", with its
#: own words after ("a woman who has been through the menopause"); both named, no rule (review)
_PLAIN_WHO = re.compile(
    r"^\s*you\s+are\s+(?P<who>(?:an?\s+)?(?:woman|man|female|male)\b.*?)"
    r"(?:\s+and\s+(?:all|any|both|each|one)\s+of\b.*)?$",
    re.I,
)
_BOTH_SEXES = re.compile(
    r"\b(?:woman|female)\b.*\bor\b.*\b(?:man|male)\b|\b(?:man|male)\b.*\bor\b.*\b(?:woman|female)\b",
    re.I,
)

# a header later on a line ("... cancer. Key Exclusion Criteria: ..."): the line breaks before it,
# once, so "Key" stays with its header (not after "Key" a second time)
# ("... status 0 to 1 Major Exclusion Criteria: 1. ...", NCT04541433 as a web page gives it:
# "Major" goes with its header)
INLINE_HEADER = re.compile(
    r"(?<=\S)(?<!\bkey)(?<!\bmajor)(?<!\bmain)\s*"
    r"(?=\b(?:(?:key|major|main)\s+)?(?:inclusion|exclusion)\s+criteria\s*:)",
    re.I,
)


# the cohort, arm, part or group a section header names: "Inclusion Criteria for Cohort 2 (Stage 1):"
_SCOPE = re.compile(
    r"\b(?:cohorts?|arms?|parts?|groups?|modules?)\s+(?:\d{1,2}[a-z]?|[A-Z]\d?|[IVX]{1,4})\b"
    r"(?:\s*(?:,|and|or|&|/)\s*(?:\d{1,2}[a-z]?|[A-Z]\d?|[IVX]{1,4})\b)*",
    re.I,
)


# a section for one way of giving the study drug: "Inclusion Criteria for NP-G2-044
# Monotherapy:", "Patients must meet all the following criteria to receive NP-G2-044 monotherapy
# in the study:", "Inclusion Criteria for NP-G2-044 Combination Therapy Patients must meet 1 of
# the following ..." (NCT05023486): a part of the study a person may fit instead of another
_FOR_PART = re.compile(
    r"\b(?:criteria\s+for|to\s+receive)\s+(?:the\s+)?(?:[\w/+-]+\s+){0,4}?"
    r"(?P<part>monotherapy|combination)\b",
    re.I,
)
# the header of such a section with its first words on the same line
_FOR_PART_HEADER = re.compile(
    r"^(?:key\s+)?(?P<k>inclusion|exclusion)\s+criteria\s+for\s+(?:the\s+)?(?:[\w/+-]+\s+){0,4}?"
    r"(?:monotherapy|combination(?:\s+therapy)?)\b\s*:?\s*",
    re.I,
)


def scope(header: str) -> str:
    """ "Inclusion Criteria - Combination Therapy Arm 2 with X" -> "Arm 2:"; a population that
    leads a section header ("CNS Inclusion Criteria:", NCT06907043) -> "Cohort CNS:"; "" when none."""
    m = _SCOPE.search(re.sub(r"\([^()]*\)", " ", header))
    if m:
        return m.group(0) + ":"
    if part := _FOR_PART.search(header):
        return f"{part.group('part').capitalize()} part:"
    if group := FOR_GROUP.search(header):
        # "Additional Specific Inclusion Criteria for Participants with Melanoma" (NCT04140500):
        # the items below are for that group, read as a population heading (split.py)
        return f"For participants {group.group('who').strip().rstrip(':')}:"
    return f"Cohort {label}:" if (label := population(header)) else ""


# a section header naming the people its items are for: "Additional Specific Inclusion Criteria
# for Participants with Esophageal Squamous Cell Carcinoma", "... for Patients who Previously
# Received Treatment for Metastatic Disease"
FOR_GROUP = re.compile(
    r"\b(?:inclusion|exclusion)\s+criteria\s+for\s+(?:all\s+)?(?:participants?|patients?|subjects?)"
    r"\s+(?P<who>(?:with|who|having)\b.{2,140})$",
    re.I,
)


def population(header: str) -> str:
    """The population a section header leads with ("CNS Inclusion Criteria:" -> "CNS"), or ""."""
    bare = BULLET.sub("", header, count=1).strip().strip("-*#_ ").strip()
    g = _GROUP_HEADER.fullmatch(bare)
    if g and (label := bare[: g.start("k")].strip()) and POPULATION_LABEL.fullmatch(label):
        return label
    return ""


# a population named before "Inclusion Criteria" ("CNS", "Brain metastases", "TNBC"): the
# section's rules are for that group only
POPULATION_LABEL = re.compile(
    r"(?:cns|brain(?:\s+metastas[ei]s)?|leptomeningeal|tnbc|triple[- ]negative|her2[+-]?|hr\+|"
    r"er\+|bone(?:\s+only)?)",
    re.I,
)


# a header in its usual words and a colon, with a long text after it
_LONG_TAIL = re.compile(
    r"(?:key\s+|main\s+|major\s+)?(?:inclusion|exclusion)\s+criteria\s*:\s*\S", re.I
)


def header(line: str) -> tuple[str | None, str]:
    """(section kind or None, text after the header on the same line)."""
    bare = BULLET.sub("", line, count=1).strip().strip("-*#_ ").strip()
    if _EXCL_PHRASE.match(bare):
        return "exclusion", ""
    if _INCL_PHRASE.match(bare):
        return "inclusion", ""
    if _PLAIN_EXCL.match(bare):
        return "exclusion", ""
    if m := _PLAIN_INCL.match(bare):
        who = _PLAIN_WHO.search(m.group("rest") or "")
        if not who or _BOTH_SEXES.search(who.group("who")):
            return "inclusion", ""
        return "inclusion", f"You are {who.group('who').strip(' ,;')}"
    if m := _FOR_PART_HEADER.match(bare):
        return m.group("k").lower(), bare[m.end() :].strip()
    if len(bare) < 120 and (
        m := re.search(
            r"criteria for (inclusion|exclusion)|(inclusion|exclusion) criteria for", bare, re.I
        )
    ):
        return ("exclusion" if "exclusion" in m.group(0).lower() else "inclusion"), ""
    if (m := LEADING_GROUP_HEADER.match(bare)) and len(bare) > m.end():
        # "Cohort-Specific Inclusion Criteria: In addition to ..." (NCT05252390)
        kind = "exclusion" if "exclusion" in m.group(0).lower() else "inclusion"
        return kind, bare[m.end() :].strip()
    if m := _GROUP_HEADER.fullmatch(
        bare
    ):  # "Control Inclusion Criteria", "Case Exclusion Criteria:"
        return ("exclusion" if m.group("k").lower() == "exclusion" else "inclusion"), ""
    m = _HEADER.match(bare)
    # a long line is a criterion, unless it starts with the header in its usual words and a colon
    # ("Inclusion Criteria: Clinically ... proven metastatic breast cancer Eastern ...", a web copy
    # whose line breaks were lost, set 62: the rest is its items)
    if not m or (len(bare) > 140 and not _LONG_TAIL.match(bare)):
        return None, ""
    has_colon = ":" in bare
    if re.fullmatch(r"(?:inclusion|exclusion|eligibility|ineligibility)", bare, re.I):
        has_colon = True  # a line that is only "Exclusion": the section's heading
    # "Inclusion of women..." is a criterion, not a header: require 'criteria' or a colon
    if "criteri" not in bare.lower() and not (has_colon and len(m.group("rest").split()) <= 4):
        return None, ""
    if not has_colon and m.group("rest").strip() and "criteri" not in bare[:40].lower():
        return None, ""
    k = m.group("k").lower()
    kind = "exclusion" if k in {"exclusion", "ineligibility"} else "inclusion"
    return kind, m.group("after").strip() if has_colon else ""


# the lines that name a cohort, part or phase of the study, read by the splitter (split.py) and
# its tumor-list readers (tumor_lists.py)

# a line that names the cohort, part or arm the next items belong to ("PART A:", "Cohort 2")
_COHORT_HEADING = re.compile(
    r"^(?:for\s+)?(?:the\s+)?(?:(?:part|cohort|arm|group|module|phase|stage|step)\s+[\w.]{1,6}|[\w-]+(?:\s+[\w-]+){0,3}\s+(?:cohorts?|part|arms?|phase|expansion))\s*(?:only)?\s*:?\s*$"
    # "Part 1B MEM-288 plus nivolumab combination" over its own list (NCT05076760): a label
    r"|^(?:part|cohort|arm|group|module)\s+[\w.]{1,6}\s+[^.;:]{0,60}?\b(?:combination|monotherapy|alone|escalation|expansion)\s*:?\s*$",
    re.I,
)


# "Phase 1b (Combination Study with Enzalutamide or Olaparib)", "Phase 2 (Monotherapy Study) and
# Phase 2b (...)" (NCT05252390): a heading on a line of its own, never the end of the item above
_PHASE_LABEL = re.compile(
    r"^(?:(?-i:Phase|Part|PHASE|PART)\s+[\w.]{1,6}\s*\([^()]{1,80}\)(?:\s+and\s+|\s*,\s*|\s*$)){1,3}$",
    re.I,
)
# a bulleted item that opens with the label of a part, its own list below it: "Part 2 Dose
# Expansion: the following tumor types are tentatively planned ..." over "Renal cancer", "Triple-
# negative breast cancer", ... (NCT05142592: nineteenth session, last session's held-out set 47)
_PART_HEAD = re.compile(
    r"^(?:(?:part|cohort|arm|group|module|phase|stage)\s+[\w.]{1,6}\b|(?:dose\s+)?(?:escalation|expansion))"
    r"[^:.;]{0,50}:",
    re.I,
)
_HEAD = "\x00heading:"  # an item that only sets (or clears) the cohort of the items below
