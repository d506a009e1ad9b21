"""A part's list of the tumor types it takes, one of which is the person's: a heading's bare
list of cancers ("Dose Escalation (Part 1):" over "Ovarian cancer", "Small cell lung cancer", ...)
and a part's "the following tumor types" item over its sub-items. Read by the splitter
(split.py), which makes each such list one set of alternatives."""

from __future__ import annotations

import re

from mbcnav.trials.flat_lists import NAMES_A_CANCER
from mbcnav.trials.headers import _COHORT_HEADING, _HEAD, _PART_HEAD, _PHASE_LABEL

# "the following tumor types": a list of the cancers a part takes, one of which is the person's
_FOLLOWING_TYPES = re.compile(
    r"\bthe\s+following\s+(?:\w+\s+){0,2}(?:tumou?r\s+types?|tumou?rs|cancers|indications|"
    r"malignancies|diseases|histolog(?:y|ies))\b",
    re.I,
)
_NOT_TAKEN = re.compile(r"\bnot\b|\bexclu\w*|\bineligible\b|\bexcept\b", re.I)


# one item of a part's list of tumor types written bare under the part's heading: "Ovarian
# cancer", "Triple-negative breast cancer (...)", "Other solid tumors with CCNE1 amplification"
# (NCT06264921: session 39, read from held-out set 106): a cancer named in a few words, no verb
_TUMOR_LABEL_VERB = re.compile(
    r"\b(?:must|should|shall|will|have|has|had|received|prior|previous(?:ly)?|treated|"
    r"confirmed|documented|diagnos\w*|histolog\w*|cytolog\w*|measurable|evaluable|willing|able|"
    r"ecog|karnofsky|progress\w*|patients?|participants?|subjects?|age|aged|eligible|allowed|"
    r"permitted|excluded|not|no|without|except|unless)\b",
    re.I,
)
_BREAST = re.compile(r"\bbreast\b|\btnbc\b", re.I)
#: a cancer named by where it starts, other than the breast (an organ, or a blood cancer)
_OTHER_ORGAN = re.compile(
    r"\b(?:ovar\w*|endometri\w*|uter\w*|cervi\w*|gastric|stomach|gastro\w*|o?esophag\w*|colo\w*|"
    r"rect\w*|pancrea\w*|lung|nsclc|sclc|prostat\w*|bladder|urotheli\w*|kidney|renal|liver|"
    r"hepato\w*|hcc|head\s+and\s+neck|hnscc|melanoma|glio\w*|sarcoma|lymphoma|leuk\w*|myeloma|"
    r"thyroid|biliary|cholangio\w*|mesothelioma|neuroendocrine|skin)\b",
    re.I,
)


def _without_brackets(body: str) -> str:
    """A list item's words outside its round and square brackets, two levels deep ("(human
    epidermal ... 2 [HER2], ...)")."""
    bare = body
    for _ in range(2):
        bare = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", bare)
    return bare


def _tumor_label(body: str) -> bool:
    """Whether a list item only names a tumor type (its brackets aside)."""
    bare = _without_brackets(body).strip(" .;,")
    return (
        bool(NAMES_A_CANCER.search(bare))
        and len(bare.split()) <= 16
        and not _TUMOR_LABEL_VERB.search(bare)
    )


#: an organ named as where a cancer has spread or where a sample comes from, not where it began
_SITE_NOT_TYPE = re.compile(
    r"metasta\w*|lesions?|involvement|biops\w*|tissue|sample|amenable|visceral|spread", re.I
)


def _other_cancer_named(body: str) -> bool:
    """Whether a tumor-type item names a cancer of another organ than the breast (its brackets
    aside): "Ovarian cancer", "Small cell lung cancer (SCLC)"; not "Visceral tumor involvement
    (liver or lung)" (final review)."""
    bare = _without_brackets(body)
    return (
        bool(_OTHER_ORGAN.search(bare))
        and not _BREAST.search(bare)
        and not _SITE_NOT_TYPE.search(bare)
    )


def _labelled_tumor_list(items: list, i: int) -> int:
    """After a part's heading at item ``i`` (``Dose Escalation(Part 1):``): how many of the
    bulleted items right below it form its list of tumor types, one of which is the person's
    (0 when they do not). At least three items, each only a tumor type, and at least one of them
    another cancer than breast, so a list of a breast cohort's own rules never reads as options."""
    section = items[i][0]
    if section != "inclusion":
        return 0  # an exclusion's list keeps each item out on its own (first review)
    run = []
    for item in items[i + 1 :]:
        body = item[3]
        if item[0] != section or not item[2] or body.startswith(_HEAD):
            break
        if (_COHORT_HEADING.match(body) and len(body) < 60) or _PHASE_LABEL.match(body):
            break
        run.append(body)
    if len(run) < 3 or not all(_tumor_label(b) for b in run):
        return 0
    # a basket: at least two items are cancers of other organs ("Ovarian cancer", "Small cell
    # lung cancer"), not "PIK3CA-mutant tumor" or "Archival tumor tissue" beside a breast cancer
    # item (first review)
    others = sum(1 for b in run if _other_cancer_named(b))
    return len(run) if others >= 2 else 0


def _tumor_list(items: list, i: int, body: str) -> bool:
    """Whether item ``i`` is a part's list of the tumor types it takes: "the following tumor
    types" (no "not eligible"), every sub-item names a cancer, and another part of the study is
    named too (a Part 1 open to others), so the list is that part's options (second review)."""
    if not _FOLLOWING_TYPES.search(body) or _NOT_TAKEN.search(body):
        return False
    indent = items[i][1]
    children = []
    for item in items[i + 1 :]:
        if item[0] != items[i][0] or item[1] <= indent:
            break
        children.append(item[3])
    label = _PART_HEAD.match(body).group(0).lower()
    other_part = any(
        (m := _PART_HEAD.match(item[3])) and m.group(0).lower() != label for item in items
    )
    return bool(children) and other_part and all(NAMES_A_CANCER.search(c) for c in children)
