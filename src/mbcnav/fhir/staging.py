"""Reading a stage group value, and the rule for a field whose codes disagree.

A stage field often carries several codings and a text ("TEST", an old generic SNOMED code,
``c3A`` and "Stage 3A" in one field). The rule, stated once here and in docs/fhir.md:

1. Only codes from recognised systems count: the AJCC SNOMED stage groups, the older generic
   SNOMED stage and sub-stage codes in the code table, and ``cancerstaging.org`` codes.
   Codes from other systems (local or test codes) are ignored.
2. The most specific recognised code wins: a code naming a sub-stage (3A, IIB) beats a stage
   group code (AJCC stage III, ``c3``), which beats an old generic "Stage 3" code; among
   equals the first one listed wins.
3. Text (the field's text, or the display of an ignored code) is read only when no
   recognised code gives a stage; texts that disagree with each other give no stage.
4. Every other code or text that reads as a different stage is named in the import report.

The record keeps only the stage group (0, I, II, III, IV), so 3A is kept as III.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mbcnav.patient import vocabulary as v

from .codes import CodeTable
from .values import Draft, Skip, clean_display, codings, effective, ext_value

CANCER_STAGING = "cancerstaging"
RANKS = {3: "sub-stage code", 2: "stage group code", 1: "older generic stage code", 0: "text"}


@dataclass
class Reading:
    stage: str  # "0", "I", "II", "III", "IV"
    basis: str  # what was used, e.g. "code c3A"
    rank: int
    disagree: list[str] = field(default_factory=list)  # what else the field said, shown

    def note(self) -> str:
        if not self.disagree:
            return ""
        others = ", ".join(self.disagree)
        return (
            f" (from the most specific recognized code, {self.basis}; the same field also says "
            f"{others}, which disagrees and was not used)"
        )


def _from_coding(c: dict, codes: CodeTable) -> tuple[str, int] | None:
    system, code = c.get("system"), c.get("code")
    sub = codes.reverse("stage_substage", system, code)
    if sub:
        return v.normalise_stage(sub), 3
    word = codes.reverse("stage", system, code)
    if word:
        return word, 2
    word = codes.reverse("stage_legacy", system, code)
    if word:
        return word, 1
    if CANCER_STAGING in str(system or ""):
        raw = re.sub(r"^[cpy]+(?=[0-4IV])", "", str(code or ""), flags=re.I)
        stage = v.normalise_stage(raw)
        if stage:
            return stage, 3 if re.search(r"[0-4IV][abcABC]\d?$", raw) else 2
    return None


def reading(concept, codes: CodeTable) -> Reading | None:
    """The stage a CodeableConcept gives under the rule above, or None."""
    if not isinstance(concept, dict):
        return None
    found: list[Reading] = []
    words: list[tuple[str, str]] = []  # (stage, shown) from text
    for c in codings(concept):
        shown = clean_display(c["display"]) if c.get("display") else f"code {c.get('code')}"
        got = _from_coding(c, codes)
        if got and got[0]:
            found.append(Reading(got[0], f"code {c.get('code')}", got[1], [f"'{shown}'"]))
        elif c.get("display") and v.normalise_stage(_stage_words(c["display"])):
            words.append((v.normalise_stage(_stage_words(c["display"])), f"'{shown}'"))
    if concept.get("text") and v.normalise_stage(_stage_words(concept["text"])):
        words.append((v.normalise_stage(_stage_words(concept["text"])), f"'{concept['text']}'"))
    if found:
        best = max(found, key=lambda r: (r.rank, -found.index(r)))
        others = [r.disagree[0] for r in found if r.stage != best.stage]
        others += [shown for stage, shown in words if stage != best.stage]
        return Reading(best.stage, best.basis, best.rank, list(dict.fromkeys(others)))
    stages = {stage for stage, _ in words}
    if len(stages) == 1:
        return Reading(stages.pop(), f"text {words[0][1]}", 0)
    return None


def _stage_words(text: str) -> str:
    """'Stage 3A (qualifier value)' -> 'Stage 3A'; 'AJCC stage IIB' -> 'stage IIB'."""
    text = clean_display(str(text)).strip()
    m = re.search(r"\bstage\s+([0-4]|IV|I{1,3})([abcABC]\d?)?\b", text, re.I)
    return f"stage {m.group(1)}{(m.group(2) or '')[:1]}" if m else text


def conflict(concept, codes: CodeTable) -> str | None:
    """The sentence for a field whose readings disagree and give no stage at all, or None."""
    if not isinstance(concept, dict):
        return None
    shown = [t for t in [concept.get("text"), *(c.get("display") for c in codings(concept))] if t]
    stages = {v.normalise_stage(_stage_words(t)) for t in shown} - {None}
    if len(stages) > 1:
        return (
            "its texts give different stages ("
            + ", ".join(f"'{t}'" for t in shown)
            + ") and no recognized code settles it."
        )
    return None


def read_stage(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    concept = res.get("valueCodeableConcept")
    found = reading(concept, codes)
    if found is None:
        why = conflict(concept, codes)
        raise Skip(
            why or "the stage group value is not a stage the record knows (0, I, II, III or IV)."
        )
    if ext_value(res, codes.local("StructureDefinition/stage-from-de-novo"), "valueBoolean"):
        return (
            f"stage group {found.stage}, restating that the cancer was metastatic when first found"
            f"{found.note()}."
        )
    draft.stages.append((effective(res) or "", found.stage, label))
    return f"stage group {found.stage} at first diagnosis{found.note()}."
