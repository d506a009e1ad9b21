"""Which cancer each resource belongs to, from the links the bundle gives.

A stage group, receptor result, metastasis, biomarker, cancer drug or procedure is taken only
when it is linked to a breast cancer Condition, or when the bundle holds no other cancer.
Links followed (in both mCODE and plain FHIR data):

- ``focus`` and ``reasonReference`` (Observation, MedicationRequest/Statement, Procedure);
- the ``related-primary-cancer-condition`` / ``condition-related`` extensions;
- ``Condition.stage.assessment`` (the stage group observations of that Condition);
- ``Observation.hasMember`` (a panel's members belong where the panel belongs);
- through a metastasis to its primary (a result whose focus is a linked metastasis).
"""

from __future__ import annotations

from .cancers import is_breast, is_other_cancer, is_secondary
from .codes import CodeTable
from .values import codings, find_code, has_profile, ref_id

RELATED = ("related-primary-cancer-condition", "/condition-related")
MEDICATIONS = ("MedicationRequest", "MedicationStatement", "MedicationAdministration")
#: Observation codes that describe the person, not a cancer (kept whatever cancer is linked).
PERSON_LEVEL = ("loinc.ecog", "loinc.karnofsky")
TUMOUR_MARKERS = ("loinc.ca15_3", "loinc.ca27_29", "loinc.cea")


def cancer_fact(res: dict, codes: CodeTable) -> bool:
    """True when the resource gives a fact about a cancer (which must then be breast cancer)."""
    kind = res["resourceType"]
    if kind == "Condition":
        return is_secondary(res, codes)
    if kind in MEDICATIONS or kind == "Procedure":
        return True
    if kind != "Observation":
        return False
    cats = [c for cat in res.get("category") or [] for c in codings(cat)]
    if any(c.get("code") == "symptom-check-in" for c in cats):
        return False
    found = find_code(res.get("code"), codes)
    key = found.key if found else ""
    if key in PERSON_LEVEL:
        return False
    if found in codes.maps["lab"].values():
        return key in TUMOUR_MARKERS
    if key or any(
        c.get("system") == codes.local("CodeSystem/biomarker") for c in codings(res.get("code"))
    ):
        return True
    return has_profile(res, "stage-group", "tnm-", "tumor-marker", "genomic", "disease-status")


def _refs(res: dict) -> set[str]:
    refs = [
        e.get("valueReference")
        for e in res.get("extension") or []
        if isinstance(e, dict) and str(e.get("url")).endswith(RELATED)
    ]
    for key in ("focus", "reasonReference"):
        value = res.get(key)
        refs += value if isinstance(value, list) else []
    return {x for x in (ref_id(r) for r in refs) if x}


class Links:
    def __init__(self, valid: list[tuple[dict, str]], codes: CodeTable) -> None:
        self.breast: dict[str, str] = {}
        self.other: dict[str, str] = {}
        self.edges: dict[str, set[str]] = {}
        for res, label in valid:
            rid = res.get("id") if isinstance(res.get("id"), str) else None
            if res["resourceType"] == "Condition" and rid:
                if is_breast(res, codes):
                    self.breast[rid] = label
                elif is_other_cancer(res, codes):
                    self.other[rid] = label
            if rid:
                self.edges.setdefault(rid, set()).update(_refs(res))
            for stage in res.get("stage") or [] if res["resourceType"] == "Condition" else []:
                for ref in (stage.get("assessment") or []) if isinstance(stage, dict) else []:
                    if ref_id(ref) and rid:
                        self.edges.setdefault(ref_id(ref), set()).add(rid)
            for ref in res.get("hasMember") or [] if rid else []:
                if ref_id(ref):
                    self.edges.setdefault(ref_id(ref), set()).add(rid)

    def _primaries(self, start: set[str]) -> set[str]:
        seen, todo, found = set(), list(start), set()
        while todo:
            rid = todo.pop()
            if rid in seen:
                continue
            seen.add(rid)
            if rid in self.breast or rid in self.other:
                found.add(rid)
                continue
            todo.extend(self.edges.get(rid, ()))
        return found

    def decide(self, res: dict) -> tuple[str, str]:
        """('take' | 'other' | 'unlinked', why) for a resource that holds a cancer fact."""
        rid = res.get("id") if isinstance(res.get("id"), str) else None
        start = (self.edges.get(rid, set()) if rid else set()) | _refs(res)
        linked = self._primaries(start)
        if linked & set(self.breast) or not self.other:
            return "take", ""
        if linked:
            first = self.other[sorted(linked)[0]]
            return "other", f"it belongs to a cancer that is not breast cancer ({first})."
        first = self.other[sorted(self.other)[0]]
        return (
            "unlinked",
            "it is not linked to a breast cancer, and the bundle also holds a cancer that is not "
            f"breast cancer ({first}); it may belong to that one, so it was not taken.",
        )
