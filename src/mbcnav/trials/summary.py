"""The population a study's brief summary names, for a study whose title and conditions name
no breast cancer subtype: "A study ... in participants with estrogen receptor (ER)-positive,
human epidermal growth factor receptor 2 (HER2)-negative advanced breast cancer ..."
(NCT07427394) is for HR-positive, HER2-negative disease; and what those people were treated
with, said right after them ("..., who had failed previous treatment with taxanes and
trastuzumab"), a rule when the criteria as stored stop before their exclusions."""

from __future__ import annotations

import re

from mbcnav.trials.subtype_phrases import subtypes_named

# the people a summary's first sentence says the study is for: "... in participants with
# estrogen receptor (ER)-positive, ... HER2-negative advanced breast cancer ..." (NCT07427394)
# ("... in a novel population with indolent MBC (no progression on current therapy in prior 12
# months and not receiving cytotoxic chemotherapy)", NCT05468034: session 37, set 93 read again)
_SUMMARY_PEOPLE = re.compile(
    r"\b(?:in|for|of)\s+(?:adult\s+)?(?:participants|patients|people|women|men|subjects|"
    r"(?:an?\s+)?(?:[\w-]+\s+)?population)\s+with\s+(?P<who>[^.;]{0,200}?\b(?:breast\s+cancer|mbc))\b",
    re.I,
)


def summary_subtypes(summary: str) -> list[list]:
    """Subtypes the first sentence of the brief summary names as the study's population, when
    its title and conditions name none."""
    m, first = _people(summary)
    if m is None:
        return []
    who = _SPELLED_STATE.sub(r"\2-\1", _SPELLED_OUT.sub(r"\1", m.group("who")))
    who = re.sub(r"\s*\((?:hr|er|pr|her-?2)\s*[+-]\)", "", who, flags=re.I)  # "HR-positive (HR+)"
    return subtypes_named(who)


def _people(summary: str) -> tuple[re.Match | None, str]:
    """The match of the people the summary's first sentence says this study is for, and that
    sentence; no match when it names several groups ("with either (Cohort 1:) HR+ ... or TNBC",
    NCT06974604). What they were treated with, said after them ("..., who have documented CNS
    progression following WBRT, SRS and/or surgery", NCT03328884: session 37, tuning set 102),
    is no second group."""
    first = re.split(r"(?<=[.!?])\s+", (summary or "").strip(), maxsplit=1)[0]
    m = _SUMMARY_PEOPLE.search(first)
    if not m or not _THIS_STUDY.search(first[: m.start()]):
        return None, first
    said = first[m.start("who") :]
    if (span := _past_span(first, m.end("who"))) is not None:
        # the treatment words blanked out; a group named after them still counts (review: "...
        # who progressed on trastuzumab, and in patients with HER2-low ...")
        said = first[m.start("who") : span[0]] + " " + first[span[1] :]
    return (None if _SEVERAL.search(_SETTING_OR.sub("metastatic", said)) else m), first


#: where the treatment words end: a second group, a cohort, a ";" or "including those"
_PAST_END = re.compile(
    r",?\s*(?:and|or)\s+(?:in\s+|for\s+)?(?:patients|participants|those|people|women|men|subjects)\b|"
    r"\(\s*cohort|;|\bor\s+(?:with\s+)?(?:her2|hr|er|triple|tnbc|hormone)|\band\s+(?:her2|hr|er|triple|tnbc)|"
    r",?\s*including\s+(?:those|patients|participants)\b|\bas\s+well\s+as\b|"
    r",?\s*and\s+(?:also\s+)?(?:in|for|with|among)\b",
    re.I,
)


def _past_span(first: str, at: int) -> tuple[int, int] | None:
    """Where the treatment words after the people start and end, or None."""
    past = _PAST.match(first, at)
    if not past:
        return None
    end = _PAST_END.search(first, past.start("past"), past.end("past"))
    return past.start(), end.start() if end else past.end("past")


#: one setting said with "or" ("unresectable locally advanced or metastatic"): no second group
_SETTING_OR = re.compile(
    r"\b(?:locally\s+)?(?:advanced|unresectable|recurrent|inoperable|relapsed)\s+(?:and/)?or\s+"
    r"(?:locally\s+)?(?:metastatic|advanced|unresectable|recurrent)\b",
    re.I,
)


#: what the people were treated with, said after them: "..., whose disease relapsed during
#: treatment with ... an AI", "who had failed previous treatment with taxanes and trastuzumab"
#: (NCT06316531), "... breast cancer resistant to endocrine therapy" (NCT03007992)
_PAST = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:(?:who|whose\s+(?:disease|cancer|tumou?rs?))\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:been\s+|also\s+)?|that\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:been\s+)?|\(\s*)?"
    r"(?P<past>(?:relapsed|progress(?:ed|ing|ion)|failed|resistant|refractory|pre-?treated|"
    r"previously\s+treated|received|documented|no\s+progression|not\s+receiving|stable)\b"
    r"(?:[^.;()]|\([^()]*\))*)",
    re.I,
)


def summary_prior(summary: str) -> str | None:
    """What the people the summary names were treated with, said right after them, or None."""
    m, first = _people(summary)
    if m is None:
        return None
    past = _PAST.match(first, m.end("who"))
    if not past:
        return None
    span = _past_span(first, m.end("who"))
    return first[past.start("past") : span[1]].strip(" ,") or None


_SEVERAL = re.compile(
    r"\b(?:or|either|cohorts?|arms?|and/or)\b|\balso\s+(?:eligible|included|allowed)\b|\bincluding\s+those\b|"
    r"\bas\s+well\s+as\b|\band\s+(?:also\s+)?(?:in|for|among)\b|"
    # a second group of people or a second cancer named after the first
    r"\b(?:patients|participants|people|women|men|subjects)\s+with\b|breast\s+cancer\b.*\bbreast\s+cancer\b",
    re.I,
)
# the sentence is about this study ("A study to investigate X in participants with ..."), not
# background ("Drug X is approved for patients with HER2-low breast cancer.")
_THIS_STUDY = re.compile(
    r"\b(?:study|trial|phase\s+(?:[1-3]|i{1,3})\w*)\b[^.]*\b(?:to|will|is|aims?|evaluat\w*|investigat\w*|assess\w*|compar\w*|test\w*)\b|"
    r"\b(?:this|the)\s+(?:study|trial|research)\b|^\W*(?:an?|the|this)\s+(?:[\w-]+\s+){0,4}?(?:study|trial)\b|"
    # "This is an open-label, multicentre, 4-arm randomised phase II trial of ..." (NCT02216786)
    r"^\W*this\s+is\s+an?\b[^.]{0,120}?\b(?:study|trial)\b",
    re.I,
)


# a receptor's full name before its short one: "estrogen receptor (ER)", "human epidermal
# growth factor receptor 2 (HER2)" -> "ER", "HER2"
_SPELLED_OUT = re.compile(
    r"\b(?:human\s+epidermal\s+growth\s+factor\s+receptor\s*2|(?:o?estrogen|progesterone|hormone)"
    r"\s+receptors?)\s*\((her-?2|er|pr|hr)\)",
    re.I,
)
# "human epidermal growth factor receptor 2-negative (HER2-)" (NCT07405801) -> "HER2-negative"
_SPELLED_STATE = re.compile(
    r"\b(?:human\s+epidermal\s+growth\s+factor\s+receptor\s*2|(?:o?estrogen|progesterone|hormone)"
    r"\s+receptors?)\s*-?\s*(positive|negative)\s*\((her-?2|er|pr|hr)\s*[+-]?\)",
    re.I,
)
