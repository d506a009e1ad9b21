"""Import readers for the person's other health problems, menopausal status and Karnofsky score.

- ``read_karnofsky``: an Observation coded LOINC 89243-0, its score in ``valueInteger`` or as a
  LOINC answer (LA29175-9 ... LA29184-1) in ``valueCodeableConcept`` or ``interpretation``
  (mCODE STU1's example writes the answer only), mirroring ECOG, or written as words in
  ``valueString`` or the value's text ("KPS 80", "80%").
- ``read_menopause``: an Observation or Condition that says the menopausal status: our own
  ``observation-kind#menopausal-status``, or the SNOMED CT findings of DICOM CID 6086 (before,
  during, after menopause) as the code or the value, or words about menopause such as
  "Postmenopausal state" (words that do not say "menopause", such as "Post-traumatic stress
  disorder" or "Pre-treatment CEA", are never a status). A detail over 120 characters is cut
  at a word, and the report says so.
- ``read_comorbidities``: an mCODE Comorbidities Observation (STU2-STU4): each
  ``comorbidConditionPresent`` extension given as a code or words is another health problem
  (one given as a reference is read from the Condition it points to; absent ones are left);
  an entry that is the breast cancer, its spread or another primary cancer is left out, and
  the report line names it.
- ``read_other``: a Condition that is neither the breast cancer nor a metastasis: another
  health problem named by our own code, an ICD-10-CM code the conditions vocabulary knows, or
  words it knows. Another primary cancer stays out of the record, as a Condition coded as one
  does ("not imported: not breast cancer"), also when it is written as a history ("History of
  malignant melanoma"); so do words that name the breast cancer or its spread ("Personal
  history of malignant neoplasm of breast", ICD-10-CM Z85.3). A name it does not know is kept
  as written when the Condition is on the problem list (or an mCODE comorbidity) and not
  resolved; a finding or a resolved passing illness (Synthea's "Viral sinusitis") is skipped
  with the reason. "History of ..." means past only when ``clinicalStatus`` says nothing (an
  active problem-list item stays active; our own status extension still wins). Words about a
  disease that start with a status ("Postmenopausal osteoporosis") are the disease, never a
  menopausal status.
"""

from __future__ import annotations

import re

from mbcnav.patient import conditions as cv

from .cancers import is_breast, is_primary, is_secondary
from .codes import CodeTable
from .values import ICD10CM, Draft, Skip, codings, day, effective, ext_value, texts

CLINICAL = {
    "active": "active",
    "recurrence": "active",
    "relapse": "active",
    "remission": "controlled",
    "inactive": "past",
    "resolved": "past",
}
NOT_CONFIRMED = ("refuted", "entered-in-error", "unconfirmed", "provisional", "differential")
#: SNOMED CT tags of things that are not an illness of the person (a finding, a situation)
_NOT_AN_ILLNESS = re.compile(
    r"\((?:finding|situation|procedure|observable entity|regime/therapy|event|"
    r"social concept|qualifier value)\)\s*$",
    re.I,
)
_FAMILY_OR_SUSPECTED = re.compile(
    r"\b(?:family history|suspected|screening|at risk|risk of|fear of|no evidence of|rule out|"
    r"ruled out)\b",
    re.I,
)
_HISTORY = re.compile(r"\b(?:history of|h/o)\b", re.I)
_STATE_WORDS = re.compile(r"\s*\b(?:state|status|finding)\b\s*", re.I)


# ----------------------------------------------------------------------------- Karnofsky
def read_karnofsky(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    score = res.get("valueInteger")
    if score is None:
        for concept in [res.get("valueCodeableConcept"), *(res.get("interpretation") or [])]:
            for c in codings(concept):
                word = codes.reverse("karnofsky", c.get("system"), c.get("code"))
                if word is not None:
                    score = int(word)
    if score is None and isinstance(res.get("valueQuantity"), dict):
        score = res["valueQuantity"].get("value")
    if score is None:  # written as words: "KPS 80", "KPS of 80", "80 (able to work)", "70/100"
        said = texts(res.get("valueCodeableConcept")) + (
            [res["valueString"]] if isinstance(res.get("valueString"), str) else []
        )
        for text in said:
            if cv.karnofsky_said(text) is not None:
                score = float(cv.karnofsky_said(text))
                break
    if score is None:
        raise Skip("it gives no Karnofsky score.")
    if (
        not isinstance(score, (int, float))
        or isinstance(score, bool)
        or not 0 <= score <= 100
        or score % 10
    ):
        raise Skip(f"Karnofsky score {score!r} is not 0 to 100 in steps of 10.")
    draft.offer("karnofsky", int(score), effective(res), label, "Karnofsky")
    return f"Karnofsky {int(score)}."


# ------------------------------------------------------------------------- menopause
def menopause_said(res: dict, codes: CodeTable) -> tuple[str, str | None] | None:
    """(status, detail) when the resource says a menopausal status, else None."""
    own = codes.local("CodeSystem/observation-kind")
    is_ours = any(
        c.get("system") == own and c.get("code") == "menopausal-status"
        for c in codings(res.get("code"))
    )
    concepts = [res.get("valueCodeableConcept"), res.get("code")]
    for concept in concepts:
        for c in codings(concept):
            word = codes.reverse("menopause", c.get("system"), c.get("code"))
            if word:
                detail = ext_value(
                    res, codes.local("StructureDefinition/menopausal-detail"), "valueString"
                )
                return word, detail
    candidates = [
        (t, False)
        for t in texts(res.get("valueCodeableConcept"))
        + ([res["valueString"]] if isinstance(res.get("valueString"), str) else [])
    ]
    if res.get("resourceType") == "Condition" or not is_ours:
        candidates += [(t, not is_ours) for t in texts(res.get("code"))]
    for text, named in candidates:
        if not is_ours and "menopaus" not in text.lower():
            continue  # "Post-traumatic stress disorder", "Pre-treatment CEA": not a status
        got = cv.read_menopause(_STATE_WORDS.sub(" ", text).strip())
        if got and named and got[1]:
            # "Postmenopausal osteoporosis", "Postmenopausal bleeding": a disease named with
            # a status word is the disease, not a status (review)
            continue
        if got and (is_ours or got[0] != "unknown"):
            detail = ext_value(
                res, codes.local("StructureDefinition/menopausal-detail"), "valueString"
            )
            return got[0], detail or got[1]
    if is_ours:
        return "unknown", None
    return None


def read_menopause(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    said = menopause_said(res, codes)
    if said is None:  # pragma: no cover - the caller asks menopause_said first
        raise Skip("it does not say a menopausal status.")
    status, detail = said
    cut = ""
    if detail and len(detail) > cv.MAX_NAME:
        kept = detail[: cv.MAX_NAME + 1].rsplit(" ", 1)[0].rstrip(" ,;:-") or detail[: cv.MAX_NAME]
        cut = f"; its detail was {len(detail)} characters long and was cut to {len(kept)}"
        detail = kept[: cv.MAX_NAME]
    when = effective(res) or day(res.get("onsetDateTime")) or day(res.get("recordedDate"))
    draft.offer("menopausal_status", (status, detail), when, label, "menopausal status")
    return f"menopausal status {status}" + (f" ({detail})" if detail else "") + cut + "."


# -------------------------------------------------------------------- other problems
def _status(res: dict, codes: CodeTable) -> str | None:
    own = ext_value(res, codes.local("StructureDefinition/condition-status"), "valueCode")
    if own in cv.STATUSES:
        return own
    for c in codings(res.get("clinicalStatus")):
        if c.get("code") in CLINICAL:
            return CLINICAL[c["code"]]
    if not _ours(res, codes) and any(_HISTORY.search(t) for t in texts(res.get("code"))):
        return "past"  # "History of stroke" with no clinicalStatus (an active one stays active)
    return None


def _ours(res: dict, codes: CodeTable) -> bool:
    own = codes.local("CodeSystem/condition")
    return any(c.get("system") == own and c.get("code") for c in codings(res.get("code")))


def left_by_the_cancer(res: dict, codes: CodeTable) -> bool:
    """A Condition whose words name a problem the breast cancer or its treatment left
    ("Lymphedema of arm after breast cancer surgery") and whose codes (without their words)
    are not a cancer: another health problem, never the breast cancer itself."""
    said = texts(res.get("code"))
    if not said or not all(cv.left_by_it(t) for t in said):
        return False
    bare = {
        "resourceType": "Condition",
        "code": {
            "coding": [{k: c.get(k) for k in ("system", "code")} for c in codings(res.get("code"))]
        },
    }
    return not (is_breast(bare, codes) or is_secondary(bare, codes) or is_primary(bare, codes))


def not_ours_to_take(res: dict, codes: CodeTable) -> str | None:
    """Why a Condition (or a comorbidity written as one) that is not our own stays out of
    the other health problems: the breast cancer, its spread or another primary cancer."""
    if left_by_the_cancer(res, codes):
        return None
    said = texts(res.get("code"))
    shown = ", ".join(
        [f"'{t}'" for t in said[:1]]
        + [f"code {c.get('code')}" for c in codings(res.get("code")) if c.get("code")]
    )
    icd = [
        str(c.get("code", "")).upper()
        for c in codings(res.get("code"))
        if c.get("system") == ICD10CM
    ]
    if (
        is_breast(res, codes)
        or is_secondary(res, codes)
        or any(cv.this_cancer(t) for t in said)
        or any(code.startswith("Z85.3") for code in icd)
    ):
        return (
            f"not imported: it is the breast cancer or its spread ({shown or 'no code'}), "
            "which the record keeps in its own sections, not as another health problem."
        )
    if (
        is_primary(res, codes)
        or any(cv.read_name(t)[0] == "another cancer" for t in said)
        or any(code.startswith("Z85") for code in icd)
    ):
        return (
            f"not imported: not breast cancer ({shown or 'no code'}); its stage, results "
            "and spread are not taken into the record."
        )
    return None


def _date(res: dict, status: str | None) -> str | None:
    onset, abated = day(res.get("onsetDateTime")), day(res.get("abatementDateTime"))
    if isinstance(res.get("onsetPeriod"), dict):
        onset = onset or day(res["onsetPeriod"].get("start"))
    return (abated or onset) if status == "past" else (onset or abated)


def _item(res: dict, codes: CodeTable, name: str, detail: str | None, status: str | None) -> dict:
    item = {"name": name[: cv.MAX_NAME]}
    if detail:
        item["detail"] = detail[: cv.MAX_NAME]
    if status:
        item["status"] = status
    when = _date(res, status)
    if when:
        item["date"] = when
    notes = [n.get("text") for n in res.get("note") or [] if isinstance(n, dict) and n.get("text")]
    if notes:
        item["note"] = " ".join(notes)[: cv.MAX_NOTE]
    return item


def read_other(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    """A Condition that is not the breast cancer or a metastasis (see the module doc)."""
    verification = [c.get("code") for c in codings(res.get("verificationStatus"))]
    if any(v in NOT_CONFIRMED for v in verification):
        raise Skip(f"it is not a confirmed diagnosis (verification: {verification[0]}).")
    said = texts(res.get("code"))
    raw = [str(c.get("display")) for c in codings(res.get("code")) if c.get("display")] + (
        [str(res["code"]["text"])]
        if isinstance(res.get("code"), dict) and res["code"].get("text")
        else []
    )
    shown = (said or [c.get("code") for c in codings(res.get("code"))] or ["no code"])[0]
    if any(_FAMILY_OR_SUSPECTED.search(t) for t in said):
        raise Skip(
            f"'{shown}' is not a health problem the person has (family history, suspected or screening)."
        )
    status = _status(res, codes)
    own_system = codes.local("CodeSystem/condition")
    own = [c for c in codings(res.get("code")) if c.get("system") == own_system and c.get("code")]
    own_detail = ext_value(res, codes.local("StructureDefinition/condition-detail"), "valueString")
    if own:
        item = _item(res, codes, str(own[0]["code"]), own_detail, status)
        draft.add("conditions", item, label)
        return f"another health problem: {item['name']}."
    if why := not_ours_to_take(res, codes):
        raise Skip(why)
    for text in said:
        if cv.read_name(text)[2]:
            item = _item(res, codes, text, None, status)
            draft.add("conditions", item, label)
            return f"another health problem: {cv.read_name(text)[0]} ('{text}')."
    vocab = cv.vocabulary()
    for c in codings(res.get("code")):
        if c.get("system") == ICD10CM and (term := vocab.by_icd10(str(c.get("code", "")))):
            item = _item(res, codes, term, said[0] if said else None, status)
            draft.add("conditions", item, label)
            return f"another health problem: {term} (ICD-10-CM {c.get('code')})."
    listed = any(
        c.get("code") in ("problem-list-item", "health-concern")
        for cat in res.get("category") or []
        for c in codings(cat)
    ) or any("comorbid" in p for p in (res.get("meta") or {}).get("profile") or [])
    if not said:
        raise Skip("it names no health problem (no text and no code the record knows).")
    if any(_NOT_AN_ILLNESS.search(t) for t in raw):
        raise Skip(f"'{shown}' is a finding or situation, not an illness the record lists.")
    if not listed or status == "past":
        raise Skip(
            f"'{shown}' is not on the problem list as a current health problem; add it to "
            "the record yourself if it matters."
        )
    item = _item(res, codes, shown, None, status)
    draft.add("conditions", item, label)
    return f"another health problem, kept as written: '{shown}'."


def read_comorbidities(res: dict, draft: Draft, codes: CodeTable, label: str) -> str:
    """The comorbid conditions an mCODE Comorbidities Observation lists as present."""
    vocab = cv.vocabulary()
    taken, left, by_reference = [], [], 0
    for ext in res.get("extension") or []:
        url = str(ext.get("url", "")) if isinstance(ext, dict) else ""
        if not url.endswith("related-condition"):
            continue  # "...-absent" (asserted absent) and anything else
        if isinstance(ext.get("valueReference"), dict):
            by_reference += 1
            continue
        concept = ext.get("valueCodeableConcept")
        said = texts(concept)
        # each entry is read as a Condition would be: the breast cancer, its spread and
        # another primary cancer stay out of the other health problems
        if any(_FAMILY_OR_SUSPECTED.search(t) for t in said):
            left.append(said[0])  # "Family history of breast cancer": not hers
            continue
        if not_ours_to_take({"resourceType": "Condition", "code": concept}, codes):
            codes_said = [f"code {c.get('code')}" for c in codings(concept) if c.get("code")]
            left.append((said or codes_said or ["no code"])[0])
            continue
        name = next((t for t in said if cv.read_name(t)[2]), None)
        if name is None:
            for c in codings(concept):
                if c.get("system") == ICD10CM and (term := vocab.by_icd10(str(c.get("code", "")))):
                    name = term
                    break
        name = name or (said[0] if said else None)
        if not name:
            continue
        item = {"name": name[: cv.MAX_NAME]}
        if any(_HISTORY.search(t) for t in said):
            item["status"] = "past"  # "History of stroke", as read_other reads it
        when = effective(res)
        if when:
            item["date"] = when
        draft.add("conditions", item, label)
        taken.append(name)
    not_taken = ""
    if left:
        not_taken = (
            " Not imported: "
            + ", ".join(f"'{t}'" for t in left)
            + " (the breast cancer, its spread, another primary cancer or a family history, "
            "which are not kept as the person's other health problems)."
        )
    if not taken:
        why = "it lists no comorbid condition as present by code or words"
        if by_reference:
            why += " (those given as references are read from their own Condition)"
        raise Skip(why + "." + not_taken)
    return "other health problems: " + ", ".join(f"'{t}'" for t in taken) + "." + not_taken
