"""The words that say whom a rule is for: premises ("Patients with ... must ...", "If the
patient has ...: ...", "For patients with creatinine above ..."), people named by a marker,
cohort or phase labels before an "if", a trailing "if the tumor is ...", a later "if" or
"when" clause and the denials inside a premise (regular expressions). Read by
``check_marks``, ``criteria``, ``mention_scope`` and ``lines_and_labs``; moved from ``cues``
unchanged."""

from __future__ import annotations

import re

#: people named by a marker ("HER2-positive patients", "Her2-neu-expressing patients"): a subject
#: read by both _PREMISE and _MARKER_SUBJECT
_MARKER_PATIENTS = (
    r"[\w/+-]{2,30}(?:\s*[-\u2010\u2011]\s*|\s+)(?:positive|negative|expressing|"
    r"over-?expressing|mutated|mutant|amplified)\s+(?:patients|participants|subjects|women)\b"
)
# whom a rule is for, then the rule: "Patients with ... must ...", "For patients undergoing
# hormonal therapy for metastatic disease, disease progression must be confirmed" (NCT00842998),
# "Her2-neu-expressing patients must have received ... trastuzumab" (NCT00020176): a person the
# first words do not describe is not held to the rest (session 32, tuning set 87)
_PREMISE = re.compile(
    r"^\W*(?:[\w\s/-]{0,40}:\s*)?(?:for\s+|in\s+)?(?:"
    r"(?:patients|participants|subjects|women|those|people)\s+(?:with|who \w+|having|undergoing|"
    r"receiving|taking|(?:being\s+)?treated\s+with|whose\s+(?:primary\s+)?(?:tumou?rs?|cancers?|disease))"
    r"\s+(?=.)|(?=" + _MARKER_PATIENTS + r"))"
    r"(.{3,300}?)(?:,?\s+(?:must|should|may|will|need|can|have to|are required)\b|\s*(?:\([^()]*\))?\s*:)",
    re.I,
)
# ... and a rule said with "have received" after people named by what they have: "Patients with
# HER2-positive metastatic breast cancer have received treatment with trastuzumab ..."
# (NCT05331326: session 38, tuning set 105); not "Patients who have received ...", where the
# people are named by the treatment itself
_HAVE_PREMISE = re.compile(
    r"^\W*(?:[\w\s/-]{0,40}:\s*)?(?:for\s+|in\s+)?(?:patients|participants|subjects|women|people)\s+"
    # (not "Patients with HR+ ... breast cancer who have received ...": the study's own people,
    # named by what they had: review)
    r"with\s+(?=.)([^.;:()]{3,120}?)(?<!\bwho)(?<!\bthat)(?<!\bwhich),?\s+(?:have|has)\s+"
    r"(?:previously\s+|already\s+|also\s+)?"
    r"(?:received|been\s+treated|undergone)\b",
    re.I,
)
# a subject named by a marker ("Her2-neu-expressing patients must ..."): when no check reads the
# marker, the rule is for a group the record may not be in, so it never rules anyone out
_MARKER_SUBJECT = re.compile(
    r"^\W*(?:for\s+|in\s+)?"
    + _MARKER_PATIENTS
    +
    # then a rule for them ("must have received"), never "are excluded" nor a bare subject
    # ("HER2-overexpressing patients by local laboratory testing": review)
    r"(?=[^.;]{0,40}?\b(?:must|should|need\s+to|have\s+to|are\s+required)\b)",
    re.I,
)

_LATER_IF = re.compile(r"\W*(?:in\s+cases?\s+where|in\s+case|if|when|where)\b", re.I)

# "... treated with anti-HER2 therapy if the tumor is HER2+": what follows "if" is a premise
_DEFINES = re.compile(
    r"^\W*((?:[\w/+-]+\s+){0,3}?[\w/+-]+)\s+(?:tumou?rs?|cancers?|disease)\s+(?:should|must|is|are|has|have|will)\b",
    re.I,
)
_TRAILING_IF = re.compile(
    r"(?<=\w)\s+(?:(?:if|when|in case)\s+(?=(?:the|their|his|her|a|an)?\s*(?:tumou?r|cancer|disease|patient|participant|subject)s?\b)|for\s+(?:patients|participants|subjects|those)\s+(?:with|who)\b)",
    re.I,
)
# labels of a cohort, phase or population before the rule ("Phase II: BC only: If no ...")
_LABELS = r"(?:(?:[\w.+/-]+\s+){0,2}[\w.+/-]+\s*:\s*){0,3}"
_IF = re.compile(r"^\W*" + _LABELS + r"(?:if|when|in case|where)\b", re.I)
# "If the patient has ER+ or PR+ (>1% on IHC) metastatic breast cancer: ...": the if-part, closed
# by a colon or "then", is a premise that can be checked like "Patients with ...: ..."
_PREMISE_NOT = re.compile(r"\b(?:no|not|non|without|never|absence)\b", re.I)
_IF_PREMISE = re.compile(r"^\W*" + _LABELS + r"(?:if|when)\s+(.{3,300}?)(?:\s*:|,?\s+then\b)", re.I)

# a lab limit that binds only some people ("... for patients with creatinine levels above 1.5 x
# institutional ULN", NCT01534598, NCT05053971)
_LAB_PREMISE = re.compile(
    r"\b(?:for|in)\s+(?:patients|participants|subjects|those|people)\s+(?:with|whose|who\s+have)\s+"
    r"[^.;]{0,40}?(?:above|greater\s+than|>|≥|exceed\w*|higher\s+than|outside|abnormal)",
    re.I,
)
