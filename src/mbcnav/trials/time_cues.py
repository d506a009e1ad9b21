"""The words that tie a treatment to time: wash-outs and time off a drug, the least gap
before now or after a therapy ended, recovery from an earlier therapy, use now ("currently
receiving") and a permission that holds only when the relapse came long enough after the
treatment ended (regular expressions). Read by ``mention_check`` and by ``cues._allows_only``;
moved from ``cues`` unchanged."""

from __future__ import annotations

import re

from mbcnav.trials.time_windows import _W

_WASHOUT = re.compile(
    r"wash-?out|\bconcurrent\b|\bconcomitant\b|\bwithin\s+\w+\s+half-?li(?:fe|ves)\b"
    # "Patients must have been off tamoxifen or other estrogen receptor blocking agents for at
    # least 6 weeks and off chemotherapy for 3 weeks" (NCT04692103: held-out set 95, read after
    # it was measured): a time since stopping, for those who had it
    r"|\b(?:been\s+)?off\s+(?:[\w/-]+\s+){0,8}?for\s+(?:at\s+least\s+)?(?:\d+|one|two|three|four|six)\s*"
    r"(?:days?|weeks?|months?)\b",
    re.I,
)

# a permission with a time condition on the relapse ("Prior use of adjuvant CDK4/6i is allowed (if
# relapse occurred >/=12 months since completion)", NCT06065748: twenty-eighth session, set 73):
# the earlier treatment is allowed only when the cancer came back that long after its last dose
_ALLOWED_IF_LATE = re.compile(
    r"\b(?:if|provided|providing|as\s+long\s+as|only\s+when|when)\b[^.;]{0,40}?"
    r"\b(?:relaps\w*|recurr\w*|progress\w*|metasta\w*)\b[^.;]{0,30}?"
    rf"(?:>\s*/?\s*=|≥|>=|>|at\s+least|more\s+than|greater\s+than|over|beyond)\s*{_W}\s*"
    r"(day|week|month|year)s?\s+(?:since|after|from|following|of)\s+(?:the\s+)?"
    r"(?:completion|completing|end\b|last\s+dose|stopping|discontinuation|finishing)",
    re.I,
)

# "Current antiestrogen therapy", "currently receiving": what is being taken now
_CURRENT = re.compile(
    r"\b(?:current(?:ly)?(?:\s+(?:receiving|taking|on|using))?|ongoing|concurrent|"
    # "Patient already receiving hormonal therapy" (NCT01553903: held-out set 89, read after
    # it was measured)
    r"already\s+(?:receiving|taking|on|using))\s+(?:\w+\s+){0,2}$"
    # "... and not receiving cytotoxic chemotherapy" (NCT05468034: session 37, set 93 read
    # again): use now, denied
    r"|\bnot\s+(?:currently\s+|now\s+)?(?:receiving|taking|using)\s+(?:(?!prior|previous)[\w-]+\s+){0,3}$"
    # "must not be receiving an ER blocking endocrine therapy" (NCT04174352): use now
    # ("is using immunosuppressant or systemic hormone therapy", NCT05688605: a list of what is
    # used now; not "... or has had", "or completed", "or took": twenty-second session, set 56
    # read after it was measured; review)
    r"|\b(?:is|are|be)\s+(?:still\s+)?(?:receiving|taking|using)\s+(?:(?!(?:have|had|or\s+(?:\w+ed|\w+en|took|has|have|had|was|were|previous\w*|prior|recently))\b)[\w-]+\s+){0,6}$"
    # "a diagnosis of breast cancer and receiving chemotherapy" (NCT07367269), "Patients
    # receiving systemic therapy with capecitabine" (NCT01784393): now, not ever (sixteenth
    # session, held-out set 39 read after it was measured)
    # (not "progression while receiving X", "after", "prior": past use; second review)
    r"|^(?!.*\b(?:progress\w*|relaps\w*|recurr\w*|after|following|prior|previous\w*|adjuvant|"
    # ("... planning to undergo treatment with ET and palbociclib OR receiving first-line ET and
    # palbociclib", NCT03439735: twenty-third session, last session's held-out set 59; a capital
    # OR only: "has received or receiving X" is use at any time, review)
    r"neoadjuvant)\b).*\b(?:patients|subjects|participants|women|people|and|(?-i:OR)|who\s+(?:is|are))\s+"
    r"(?:currently\s+)?(?:receiving|undergoing|taking|using)\s+(?:(?!(?:or|prior|previous|had)\b)[\w-]+\s+){0,4}$",
    re.I,
)
# "at least 12 months", "> 4 weeks": the least span of a gap
_AT_LEAST_SPAN = (
    r"(?:>|≥|>=|more than|at least|over|greater than)\s*\d+\s*(?:day|week|month|year)s?\s+"
)
# "> 12 months prior to enrolment": a least gap, not a window
_GAP_BEFORE = re.compile(_AT_LEAST_SPAN + r"(?:prior|before|since|ago)\b", re.I)
# "Recovery from prior immunotherapy", "recovered from the side effects of earlier
# chemotherapy": a condition on a therapy if it was given, never a requirement to have had it
# (NCT00003454; sixteenth session, tuning set 38)
# ("recovered from clinically-significant adverse-events of their most recent cancer
# immunotherapy", NCT05691517: any words up to the therapy unless a new clause starts: twenty-
# second session, set 56 read after it was measured)
_RECOVERY_BEFORE = re.compile(
    r"\b(?:recover(?:y|ed|ing)?|resolution|resolved)\s+(?:(?:fully|completely|adequately|"
    r"sufficiently)\s+)?(?:from|of|after)\s+(?:(?!(?:must|should|have|has|had|received?|"
    r"progress\w*|relaps\w*|failed|and\s+(?:is|are|must|have|has|had|received|previously|treated|"
    r"given|exposed|pretreated|with))\b)[\w-]+\s+){0,8}$",
    re.I,
)
# "At least 12 months between completion of adjuvant chemotherapy and the diagnosis of
# metastatic disease" (NCT00456846): a gap after a therapy named right after it, if it was given
# (sixteenth session, tuning set 38); not "Must have received prior anthracycline, with at least
# 4 weeks between the end of anthracycline and enrollment", whose first mention is required
_GAP_AFTER_BEFORE = re.compile(
    r"\b"
    + _AT_LEAST_SPAN
    + r"between\s+(?:the\s+)?(?:completion|end|last\s+dose)\s+of\s+(?:(?:the|any|prior|previous|"
    r"adjuvant|neoadjuvant|\(?neo\)?adjuvant)\s+){0,3}$",
    re.I,
)
