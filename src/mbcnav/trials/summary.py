"""The population a study's brief summary names, for a study whose title and conditions name
no breast cancer subtype: "A study ... in participants with estrogen receptor (ER)-positive,
human epidermal growth factor receptor 2 (HER2)-negative advanced breast cancer ..."
(NCT07427394) is for HR-positive, HER2-negative disease."""

from __future__ import annotations

import re
from collections.abc import Callable

# the people a summary's first sentence says the study is for: "... in participants with
# estrogen receptor (ER)-positive, ... HER2-negative advanced breast cancer ..." (NCT07427394)
_SUMMARY_PEOPLE = re.compile(
    r"\b(?:in|for|of)\s+(?:adult\s+)?(?:participants|patients|people|women|men|subjects)\s+with\s+"
    r"(?P<who>[^.;]{0,200}?\bbreast\s+cancer)",
    re.I,
)


def summary_subtypes(summary: str, subtypes_named: Callable[[str], list[list]]) -> list[list]:
    """Subtypes the first sentence of the brief summary names as the study's population, when
    its title and conditions name none."""
    first = re.split(r"(?<=[.!?])\s+", (summary or "").strip(), maxsplit=1)[0]
    m = _SUMMARY_PEOPLE.search(first)
    if not m or _SEVERAL.search(first[m.start("who") :]):
        return []  # "with either (Cohort 1:) HR+ ... or TNBC" (NCT06974604): several groups
    who = _SPELLED_STATE.sub(r"\2-\1", _SPELLED_OUT.sub(r"\1", m.group("who")))
    who = re.sub(r"\s*\((?:hr|er|pr|her-?2)\s*[+-]\)", "", who, flags=re.I)  # "HR-positive (HR+)"
    return subtypes_named(who)


_SEVERAL = re.compile(r"\b(?:or|either|cohorts?|arms?|and/or)\b", re.I)


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
