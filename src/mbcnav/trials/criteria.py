"""One criterion -> checks (serialisable dicts), with negation and scope.

Concept mentions and their ConText modifiers come from ``context``; numbers (age, ECOG,
Karnofsky, lines of therapy, time windows) are read with the regular expressions below.
A check says what must hold about the person for the criterion's condition to be true:
``{"type": "therapy", "value": "CDK4/6 inhibitor", "neg": False, "mode": "received"}``.
Whatever cannot be mapped yields no check, and the criterion stays ``unknown``.
"""

from __future__ import annotations

import re

from mbcnav.trials.context import Mention, mentions_many
from mbcnav.trials.split import Criterion

_NUM = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "single": 1}
_N = r"(\d|zero|one|two|three|four|five|six|single)"
_LINE = r"(?:(?:prior |previous )?(?:lines?|regimens?)(?: of)?(?: (?:systemic |cytotoxic |endocrine )?(?:therapy|treatment|chemotherapy))?|(?:prior |previous )?(?:systemic |cytotoxic )?(?:chemotherap(?:y|ies)|therapies|treatments)(?:[- ]based)?(?: (?:regimens?|treatments?|lines?))?)"
_LINES_MAX = re.compile(rf"(?:no more than|not more than|up to|at most|maximum of|≤|<=|less than or equal to)\s*{_N}\s*{_LINE}", re.I)
_LINES_LT = re.compile(rf"(?:fewer than|less than|<)\s*{_N}\s*{_LINE}", re.I)
_LINES_MIN = re.compile(rf"(?:at least|minimum of|≥|>=|(?<!no )(?<!not )more than|>)\s*{_N}\s*{_LINE}|{_N}\s*(?:or more|\+)\s*{_LINE}", re.I)
_LINES_MAX2 = re.compile(rf"{_N}\s*(?:or fewer|or less)\s*{_LINE}|{_N}\s*{_LINE}\s*(?:or fewer|or less|at most)", re.I)
_FIRST_LINE = re.compile(r"first[- ]line|no prior (?:systemic |chemo)?\w* ?(?:therapy|treatment)s? (?:for|in the) (?:metastatic|advanced)|(?:treatment|therapy)[- ]na[iï]ve", re.I)
_METASTATIC_SCOPE = re.compile(r"metastatic|advanced|recurrent|mbc", re.I)
_AGE_CUE = re.compile(r"\bage\s*[<>≥≤=]|\bage\b|\baged\b|years? old|year-old|years? of age|\badults?\b|\bchild|(?:or|and) (?:older|over|above)|(?:≥|>=|>|<|≤)\s*\d+\s*(?:years|yrs)", re.I)
_AGE_NOT = re.compile(r"childbearing|child-bearing|father|contracept|sterili|within|for (?:at least )?\d+ years|years (?:ago|prior|before|after|since)|history|diagnosed|menopaus|gestational|post-?partum", re.I)
_AGE_RANGE = re.compile(r"(\d{1,3})\s*(?:years?\s*)?(?:-|–|to|and)\s*(?:≤|<=)?\s*(\d{1,3})\s*(?:years|yrs|y\b|year)", re.I)
_AGE_RANGE2 = re.compile(r"(?:age[sd]?|between)\s*(?:of\s*)?(\d{1,3})\s*(?:-|–|to|and)\s*(\d{1,3})\b", re.I)
_AGE_DAYS = re.compile(r"\bage\s*(?:>|≥|>=)\s*(\d+)\s*(day|week|month)s?", re.I)
_AGE_MIN = re.compile(r"(?:≥|>=|>|at least|older than|greater than(?: or equal to)?|more than|over|above|aged?\s*(?:≥|>=|>)?)\s*(\d{1,3})\s*(?:years|yrs|y\b)?|(\d{1,3})\s*(?:years|yrs)?(?: of age)?\s*(?:or|and) (?:older|over|above)", re.I)
_AGE_MAX = re.compile(r"(?:≤|<=|<|younger than|under|below|less than|up to|no older than)\s*(\d{1,3})\s*(?:years|yrs|y\b)", re.I)
_FEMALE = re.compile(r"\b(?:women|woman|female|females|girls?|ladies)\b", re.I)
_MALE = re.compile(r"\b(?:men|man|male|males|boys?)\b", re.I)
_SEX_NOT = re.compile(r"childbearing|child-bearing|pregnan|contracept|lactat|nursing|breast-?feeding|menopaus|partner|sterile|fertile", re.I)
_ECOG = re.compile(r"\b(?:ecog|eastern cooperative oncology group|zubrod|who (?=performance|ps\b|status))\b[^.;]{0,40}?|performance status[^.;]{0,20}?", re.I)
_KARNOFSKY = re.compile(r"karnofsky[^.;\d]{0,40}?(?:≥|>=|>|of|at least|greater than(?: or equal to)?)?\s*(\d{2,3})", re.I)
_WITHIN = re.compile(r"(?:≤|<=|<)\s*(\d+)\s*(day|week|month|year)s?|within (?:the )?(?:(?:past|last|previous|prior) )?(\d+)\s*(day|week|month|year)s?|(\d+)\s*(day|week|month|year)s? (?:prior to|before|of) (?:the )?(?:first dose|start|randomi[sz]ation|enrol?lment|registration|study)", re.I)
_EXCEPT = re.compile(r"\b(?:except|unless|other than|with the exception of|excluding)\b", re.I)
_ALLOWED = re.compile(r"with or without|\b(?:is|are) (?:allowed|permitted|acceptable|eligible)|(?:may|can) (?:have )?(?:received?|be enrolled|continue)|\bpermitted\b|\ballowed\b", re.I)
_NOT_ALLOWED = re.compile(r"not (?:be )?(?:allowed|permitted|eligible)|prohibited", re.I)
_METASTATIC_SETTING = re.compile(r"(?:metastatic|advanced)(?: or (?:metastatic|advanced|unresectable))? (?:setting|disease|breast cancer)|for (?:mbc|metastatic|advanced)", re.I)
_EARLY_SETTING = re.compile(r"(?:neo)?adjuvant|early[- ]stage|curative", re.I)
_LAB = re.compile(r"\buln\b|upper limit of normal|\balt\b|\bast\b|bilirubin|creatinine|neutrophil|platelet|h(?:a)?emoglobin", re.I)
_CANNOT = re.compile(r"\b(?:unable|inability|incapable|refus\w*|unwilling|missing|lack\w*|cannot|not able|fail\w*)\b", re.I)
_SEX_FILLER = re.compile(r"\b(?:and|or|both|sex|gender|patients?|subjects?|participants?|adults?|aged?|years?|"
                         r"old|of|older|over|above|under|at|least|between|to|with|only|non-pregnant|the|\d+)\b", re.I)
_NOT_THERAPY = re.compile(r"hypersensitiv|allerg|intoleran|contraindicat|sensitivity to|reaction to|confer\w* resistance", re.I)
_PREMISE = re.compile(
    r"^\W*(?:for\s+|in\s+)?(?:patients|participants|subjects|women|those|people)\s+(?:with|who (?:have|had|are)|having)"
    r"\s+(.{3,160}?),?\s+(?:must|should|may|will|need|can|have to|are required)\b", re.I)
_DOSE = re.compile(r"cumulative|mg/m2|mg/m²|\bdose of\b", re.I)
_MAY = re.compile(r"\bmay\b|\beither\b|\bif\b|allowed|permitted|eligible|(?:one|any) of the following", re.I)
_WASHOUT = re.compile(r"wash-?out|\bconcurrent\b|\bconcomitant\b", re.I)
_SCOPE_BEFORE = re.compile(r"(?:\bfor|\bin the|\bin|\bduring|\bafter|\bsetting of)\s+(?:(?:locally|inoperable|unresectable|recurrent|advanced)\s+(?:or|and|/)?\s*)*$", re.I)
_IF = re.compile(r"^\W*(?:if|when|in case|where)\b", re.I)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365}


def _num(word: str) -> int:
    return _NUM.get(word.lower(), int(word) if word.isdigit() else 0)


def _ecog_allowed(text: str) -> list[int] | None:
    m = _ECOG.search(text)
    if not m:
        return None
    tail = re.split(r";|\.(?!\d)", text[m.end() : m.end() + 60])[0]
    r = re.search(
        r"(≤|<=|<|≥|>=|>|less than or equal to|greater than or equal to|no (?:greater|more) than|at most|up to)?"
        r"\s*(?<![\d.])([0-4])(?![\d.%])(?:\s*(?:-|–|to)\s*([0-4])(?![\d.%]))?",
        tail,
        re.I,
    )
    if not r:
        return None
    op, n = (r.group(1) or "").lower(), int(r.group(2))
    if r.group(3):
        return list(range(n, int(r.group(3)) + 1))
    if op in {"≤", "<=", "less than or equal to", "no greater than", "no more than", "at most", "up to"}:
        return list(range(0, n + 1))
    if op == "<":
        return list(range(0, n))
    if op in {"≥", ">=", "greater than or equal to"}:
        return list(range(n, 5))
    if op == ">":
        return list(range(n + 1, 5))
    return sorted({int(d) for d in re.findall(r"(?<![\d.])([0-4])(?![\d.%])", tail[r.start() :])})


def _age(text: str) -> dict | None:
    if not _AGE_CUE.search(text) or _AGE_NOT.search(text):
        return None
    if m := _AGE_DAYS.search(text):
        return {"type": "age", "min": round(float(m.group(1)) / {"day": 365, "week": 52, "month": 12}[m.group(2).lower()], 3), "max": None}
    alts: list[tuple[float | None, float | None]] = []
    for rx in (_AGE_RANGE, _AGE_RANGE2):
        for m in rx.finditer(text):
            lo, hi = float(m.group(1)), float(m.group(2))
            if lo <= hi <= 120 and (lo, hi) not in alts:
                alts.append((lo, hi))
    if not alts:
        los = [float(m.group(1) or m.group(2)) for m in _AGE_MIN.finditer(text)]
        his = [float(m.group(1)) for m in _AGE_MAX.finditer(text)]
        if los or his:
            alts.append((max(los) if los else None, min(his) if his else None))
    else:
        alts += [(float(m.group(1) or m.group(2)), None) for m in _AGE_MIN.finditer(text)
                 if not any(a[0] == float(m.group(1) or m.group(2)) for a in alts)]
    alts = [a for a in alts if a[0] is None or a[0] <= 120]
    if not alts:
        return None
    if len(alts) > 1:  # "18 or older, or 12 to 17 with approval": the union of the alternatives
        los = [a[0] for a in alts]
        his = [a[1] for a in alts]
        lo = None if None in los else min(los)
        hi = None if None in his else max(his)
    else:
        lo, hi = alts[0]
    return {"type": "age", "min": lo, "max": hi}


def _lines(text: str) -> dict | None:
    chemo = bool(re.search(r"chemo|cytotoxic", text, re.I)) and not re.search(
        r"endocrine|hormonal|any (?:systemic )?(?:line|therapy)", text, re.I
    )
    lo = hi = None
    if m := _LINES_MAX.search(text):
        hi = _num(m.group(1))
    elif m := _LINES_LT.search(text):
        hi = _num(m.group(1)) - 1
    elif m := _LINES_MAX2.search(text):
        hi = _num(m.group(1) or m.group(2))
    if m := _LINES_MIN.search(text):
        lo = _num(m.group(1) or m.group(2)) + (1 if m.group(0).lower().startswith(("more", ">")) and "≥" not in m.group(0) and ">=" not in m.group(0) else 0)
    if lo is None and hi is None and _FIRST_LINE.search(text):
        hi = 0
    if lo is None and hi is None:
        return None
    return {"type": "lines", "min": lo, "max": hi, "chemo": chemo, "metastatic": bool(_METASTATIC_SCOPE.search(text))}


def _sex(text: str) -> dict | None:
    rest = _SEX_FILLER.sub(" ", _FEMALE.sub(" ", _MALE.sub(" ", text)))
    if len(re.findall(r"[a-z]{3,}", rest, re.I)) > 2:
        return None
    f, m = bool(_FEMALE.search(text)), bool(_MALE.search(text))
    if f and m:
        return {"type": "sex", "value": "any"}
    if _SEX_NOT.search(text):
        return None
    if f or m:
        return {"type": "sex", "value": "female" if f else "male"}
    return None


def _window_days(text: str) -> float | None:
    m = _WITHIN.search(text)
    if not m:
        return None
    groups = [g for g in m.groups() if g]
    n, unit = groups[0], groups[1]
    return float(n) * _UNIT_DAYS[unit.lower()]


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a mention (between ; . ( ) delimiters)."""
    left = re.split(r"[;()]|\.(?=\s|$)", text[:start])[-1]
    right = re.split(r"[;()]|\.(?=\s|$)", text[end:])[0]
    return left + text[start:end] + right


def _from_mention(m: Mention, text: str, kind: str) -> dict | None:
    mods = m.modifiers
    before = text[: m.start]
    clause = re.split(r"[;.(]", before)[-1]
    around = _clause(text, m.start, m.end)
    neg = "NEGATED_EXISTENCE" in mods or ("EXCLUDED" in mods and kind == "inclusion")
    if re.search(r"\bnon-?\s?$", before, re.I):
        neg = not neg  # "non-pregnant", "non-metastatic"
    exception = "EXCEPTION" in mods or bool(_EXCEPT.search(clause))
    if m.check != "therapy" and re.search(r"contraindicat|allerg|hypersensitiv", clause, re.I):
        return None
    if m.check == "consent":
        neg = kind == "exclusion" or bool(_CANNOT.search(around))
    check: dict = {"type": m.check, "value": m.value, "neg": neg, "text": m.text}
    if m.check == "therapy":
        if _NOT_THERAPY.search(re.split(r"[;.]", before)[-1]) or _DOSE.search(text) or _WASHOUT.search(text):
            return None
        allowed = bool(_ALLOWED.search(around)) and not _NOT_ALLOWED.search(around)
        check["drug"] = m.concept.startswith("drug:")
        check["mode"] = "progressed" if "PROGRESSED" in mods else "received"
        check["allowed"] = allowed or exception
        check["within_days"] = _window_days(text)
        if check["within_days"] is not None and check["within_days"] <= 42:
            return None  # a wash-out before the first dose: checked by the study team at screening
        check["setting"] = (
            "metastatic" if _METASTATIC_SETTING.search(text) else "early" if _EARLY_SETTING.search(clause) else None
        )
    elif m.check == "brain":
        status = None
        if re.search(r"immediate|requir|need", around, re.I):
            status = "urgent"
        elif "ACTIVE" in mods or re.search(r"active|untreated|symptomatic|progressi|uncontrolled|unstable", text, re.I):
            status = "active"
        elif "TREATED_STABLE" in mods or re.search(r"(?:treated|stable)", text[m.end :], re.I) and exception:
            status = status or "active"
        check["status"] = status
        permissive = _ALLOWED.search(around) or (kind == "inclusion" and _MAY.search(text))
        check["allowed"] = bool(permissive) and not _NOT_ALLOWED.search(around) and not neg
    elif m.check == "measurable" and re.search(r"evaluable|non-?measurable", text, re.I):
        return None  # "measurable or evaluable disease": any disease will do
    elif exception:
        return None
    return check


def checks_for(crit: Criterion, found: list[Mention]) -> list[dict]:
    """Every check one criterion implies (possibly none)."""
    text = crit.text
    out: list[dict] = []
    for fn in (_age, _sex, _lines):
        if c := fn(text):
            out.append(c)
    if (allowed := _ecog_allowed(text)) is not None:
        out.append({"type": "ecog", "allowed": allowed})
    elif m := _KARNOFSKY.search(text):
        kps = int(m.group(1))
        top = {0: 100, 1: 80, 2: 60, 3: 40, 4: 20}
        out.append({"type": "ecog", "allowed": [e for e, hi in top.items() if hi >= kps]})
    pm = _PREMISE.match(text)
    premise_end = pm.end(1) if pm else -1
    conditional = _IF.match(text)
    seen = set()
    lines_check = any(c["type"] == "lines" for c in out)
    scoped = lines_check or any(m.check == "therapy" for m in found)
    lab = bool(_LAB.search(text))
    for m in found:
        if lines_check and m.check == "therapy" and not m.concept.startswith("drug:"):
            continue
        if m.check == "site" and m.value == "bone-only" and crit.kind == "inclusion":
            continue  # "bone-only disease is allowed / evaluable": an allowance, not a requirement
        if m.check == "setting" and _SCOPE_BEFORE.search(text[: m.start]):
            continue  # "... for advanced breast cancer", "in the metastatic setting": scope
        if (m.check == "setting" and scoped) or (m.check == "site" and lab):
            continue  # "therapy for metastatic disease" is scope; "(liver metastases present)" a lab note
        c = _from_mention(m, text, crit.kind)
        if c is None:
            continue
        if m.end <= premise_end:
            c["premise"] = True
        key = (c["type"], c["value"], c.get("neg"))
        if key not in seen:
            seen.add(key)
            out.append(c)
    both = {(c["type"], c["value"]) for c in out if c.get("neg")} & {
        (c["type"], c["value"]) for c in out if "neg" in c and not c["neg"]
    }
    out = [c for c in out if not (c.get("neg") and (c["type"], c["value"]) in both)]
    if len(out) > 1:
        out = [c for c in out if c["type"] != "consent" and not (c["type"] == "condition" and c["value"] == "breast cancer")]
    if all(c.get("premise") for c in out):  # nothing required beyond the premise: an ordinary criterion
        for c in out:
            c.pop("premise", None)
    if conditional and not any(c.get("premise") for c in out):
        for c in out:  # "If ..., then ...": a premise we cannot check; never a clear "not met"
            c["conditional"] = True
    return out


def parse_criteria(criteria: list[Criterion]) -> list[dict]:
    """Parse many criteria at once: [{"kind", "text", "number", "checks"}, ...]."""
    found = mentions_many([c.text for c in criteria])
    return [{**c.to_dict(), "checks": checks_for(c, f)} for c, f in zip(criteria, found, strict=True)]
