"""The words of the patient file: canonical values, their synonyms, and the drug table.

Canonical tuples are the spec's own words (docs/patient-file.md). ``normalise_*``
functions return the canonical word or ``None`` when the input is not one of them;
the file parser turns ``None`` into a ``PatientFileError`` naming the field.
"""

from __future__ import annotations

import re

from . import symptoms as _symptoms
from .words import fold as _key
from .words import table as _words

SEXES = ("female", "male")
STAGES = ("0", "I", "II", "III", "IV")
HISTOLOGIES = ("ductal", "lobular", "mixed", "other", "unknown")
ER_RESULTS = ("positive", "low", "negative", "unknown")
PR_RESULTS = ("positive", "negative", "unknown")
HER2_RESULTS = (
    "IHC 0",
    "IHC 0+",
    "IHC 1+",
    "IHC 2+ ISH-",
    "IHC 2+ ISH+",
    "IHC 3+",
    "positive",
    "negative",
    "unknown",
)
SITES = (
    "bone",
    "lung",
    "liver",
    "brain",
    "leptomeningeal",
    "lymph nodes",
    "chest wall",
    "skin",
    "pleura",
    "peritoneum",
    "ovary",
    "other",
)
BRAIN_STATUSES = ("active", "treated-stable", "treated-progressing")
TREATMENT_TYPES = ("systemic", "radiation", "surgery")
SETTINGS = ("neoadjuvant", "adjuvant", "metastatic")
#: the settings of treatment given around surgery for an early cancer
EARLY_SETTINGS = frozenset({"neoadjuvant", "adjuvant"})
STOP_REASONS = ("progression", "side effects", "completed", "patient choice", "other")
ASSESSMENT_STATUSES = ("progression", "stable", "regression", "ned", "unknown")
ASSESSMENT_METHODS = ("CT", "PET", "MRI", "bone scan", "x-ray", "exam", "tumor marker")
SEVERITIES = ("none", "mild", "moderate", "severe", "very severe")
FREQUENCIES = ("never", "rarely", "occasionally", "frequently", "almost constantly")
INTERFERENCES = ("not at all", "a little bit", "somewhat", "quite a bit", "very much")
# Every PRO-CTCAE term plus the triage red flags: data/symptoms.yaml and data/red_flags.yaml.
SYMPTOMS = _symptoms.vocabulary().names
MUTATION_MARKERS = ("PIK3CA", "AKT1", "PTEN", "ESR1", "PALB2", "HER2 mutation")
GERMLINE_MARKERS = ("BRCA1", "BRCA2")
KNOWN_MARKERS = (*MUTATION_MARKERS, *GERMLINE_MARKERS, "HER2 amplification", "PD-L1", "MSI", "TMB")
LAB_TESTS = (
    "CA 15-3",
    "CA 27.29",
    "CEA",
    "ANC",
    "WBC",
    "platelets",
    "hemoglobin",
    "calcium",
    "bilirubin",
    "ALT",
    "AST",
    "alkaline phosphatase",
    "creatinine",
    "glucose",
    "HbA1c",
    "albumin",
    "potassium",
    "sodium",
    "magnesium",
    "LDH",
)


_SEX = _words("sex", SEXES)
_STAGE = _words("stage", STAGES)
_HISTOLOGY = _words("histology", HISTOLOGIES)
_ER = _words("er", ER_RESULTS)
_PR = _words("pr", PR_RESULTS)
_SITE = _words("site", SITES)
_BRAIN_STATUS = _words("brain_status", BRAIN_STATUSES)
_TYPE = _words("treatment_type", TREATMENT_TYPES)
_SETTING = _words("setting", SETTINGS)
_STOP = _words("stop_reason", STOP_REASONS)
_STATUS = _words("assessment_status", ASSESSMENT_STATUSES)
_METHOD = _words("method", ASSESSMENT_METHODS)
_SEVERITY = _words("severity", SEVERITIES)
_FREQUENCY = _words("frequency", FREQUENCIES)
_INTERFERENCE = _words("interference", INTERFERENCES)
_SYMPTOM = _symptoms.vocabulary().lookup
_MUTATION = _words("mutation_result", ("mutated", "not mutated", "unknown"))
_GERMLINE = _words("germline_result", ("positive", "negative", "unknown"))
_MARKER_NAMES = _words("marker_name", KNOWN_MARKERS)
_LAB_NAMES = _words("lab_test", LAB_TESTS, open_ended=True)
# Symptoms written with a place ("back pain") become the symptom plus a location.
_LOCATED = re.compile(
    r"^(back|bone|hip|neck|chest wall|belly|abdominal|stomach|leg|arm|joint)\s+pain$"
)


def _lookup(table: dict[str, str], value: object) -> str | None:
    if value is None:
        return None
    return table.get(_key(value))


def normalise_sex(v):
    return _lookup(_SEX, v)


def normalise_histology(v):
    return _lookup(_HISTOLOGY, v)


def normalise_pr(v):
    return _lookup(_PR, v)


def normalise_site(v):
    return _lookup(_SITE, v)


def normalise_brain_status(v):
    return _lookup(_BRAIN_STATUS, v)


def normalise_treatment_type(v):
    return _lookup(_TYPE, v)


def normalise_setting(v):
    return _lookup(_SETTING, v)


def normalise_stop_reason(v):
    return _lookup(_STOP, v)


def normalise_assessment_status(v):
    return _lookup(_STATUS, v)


def normalise_method(v):
    return _lookup(_METHOD, v)


def normalise_severity(v):
    return _lookup(_SEVERITY, v)


def normalise_frequency(v):
    return _lookup(_FREQUENCY, v)


def normalise_interference(v):
    return _lookup(_INTERFERENCE, v)


def normalise_stage(value: object) -> str | None:
    """'stage 4', 'IV', 4, 'IIB' -> 'IV' / 'II' (sub-stage letters are dropped)."""
    if value is None:
        return None
    text = _key(value)
    text = re.sub(r"^(stage\s*)?(0|iv|iii|ii|i|[1-4])[abc]$", r"\1\2", text)
    return _STAGE.get(text)


def normalise_er(value: object) -> str | None:
    """Words, or a percentage of stained cells: 0% negative, 1-10% low, above 10% positive."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = f"{value}%"
    m = (
        re.fullmatch(r"\s*(?:er\s*)?(\d+(?:\.\d+)?)\s*%\s*", str(value).lower())
        if value is not None
        else None
    )
    if m:
        pct = float(m.group(1))
        if pct > 100:
            return None
        return "negative" if pct < 1 else "low" if pct <= 10 else "positive"
    return _lookup(_ER, value)


def normalise_her2(value: object) -> str | None:
    """Pathology-report wording -> one of HER2_RESULTS; None when it is not a HER2 result.

    IHC and ISH together: 2+ takes the ISH result; 3+ with ISH amplified stays 3+; 0 / 0+ / 1+
    with ISH not amplified keep their IHC score; discordant pairs are refused.
    ``>0 <1+`` is ultralow (IHC 0+). ``IHC 2+`` without an ISH result is equivocal: refused.
    """
    if value is None:
        return None
    text = str(value).strip().lower()
    text = re.sub(r"\bher[\s-]?2(/neu)?\b|\berbb2\b", "", text)
    text = re.sub(r"^\s*-\s*(?=[a-z])", "", text)  # "HER2-positive" -> "positive"
    text = re.sub(r"\b[fcs]?ish\b", "ish", text)
    text = re.sub(r">\s*0\s*(?:but\s*)?(?:<|less than)\s*1\+?", "0+", text)
    text = re.sub(r"(?<=\d)\s+\+", "+", text)
    text = re.sub(r"[\s,;:/()]+", " ", text).strip()
    text = re.sub(r"\b(?:ultra ?low|ultralow)\b", "ultralow", text)
    words = {
        "positive": "positive",
        "pos": "positive",
        "+": "positive",
        "amplified": "positive",
        "ish positive": "positive",
        "ish+": "positive",
        "ish amplified": "positive",
        "negative": "negative",
        "neg": "negative",
        "-": "negative",
        "not amplified": "negative",
        "ish negative": "negative",
        "ish-": "negative",
        "ish not amplified": "negative",
        "unknown": "unknown",
        "ultralow": "IHC 0+",
        "null": "IHC 0",
    }
    if text in words:
        return words[text]
    text = re.sub(r"\b(?:ihc )?0\+? ultralow\b", "0+", text)
    text = re.sub(r"\b(?:ihc )?0 null\b", "0", text)
    ish_words = r"\+|-|positive|negative|amplified|not amplified|non ?amplified|pos|neg"
    m = re.fullmatch(
        rf"(?:ihc\s*)?(?:score\s*)?(0\+?|1\+|2\+|3\+|[0-3])(?:\s*(?:ihc))?(?:\s*(?:and|with)?\s*ish\s*({ish_words}))?",
        text,
    )
    if not m:
        return None
    score, ish = m.group(1), m.group(2)
    if score in {"1", "2", "3"}:
        score += "+"
    amplified = ish in {"+", "positive", "pos", "amplified"}
    if score == "2+":
        if ish is None:
            return None  # equivocal: an ISH result is needed to say positive or low
        return "IHC 2+ ISH+" if amplified else "IHC 2+ ISH-"
    if ish is not None and amplified != (score == "3+"):
        return None  # discordant IHC and ISH (1+ amplified, 3+ not amplified): needs the team's reading
    return f"IHC {score}"


def normalise_symptom(value: object) -> tuple[str, str | None] | None:
    """Symptom name -> (canonical name, location or None)."""
    if value is None:
        return None
    text = _key(value)
    if text in _SYMPTOM:
        return _SYMPTOM[text]
    m = _LOCATED.match(text)
    if m:
        return "pain", m.group(1)
    return _symptoms.vocabulary().match(value)


def is_symptom_word(value: object) -> bool:
    """True when ``value`` is a term or synonym as listed (not read through keywords)."""
    return value is not None and (_key(value) in _SYMPTOM or bool(_LOCATED.match(_key(value))))


def normalise_marker_name(name: object) -> str:
    return _MARKER_NAMES.get(_key(name), str(name).strip())


def normalise_marker_value(marker: str, value: object) -> str | None:
    """Known markers get canonical results; other markers keep their text. None = invalid.

    Report wording (``H1047R``, ``amplified``, ``CPS 15 (22C3)``, ``MSI-H``) is read through
    ``mbcnav.patient.markers``; this returns the result only (the detail is kept by the reader).
    """
    from . import markers

    text = _key(value) if value is not None else "unknown"
    simple = _simple_marker_value(marker, text)
    if simple is not None:
        return simple
    if value is None:
        return None
    name = {"HER2 mutation": "ERBB2 mutation", "HER2 amplification": "ERBB2 amplification"}.get(
        marker, marker
    )
    found = markers.read(name, str(value))
    if found is not None and found.marker == marker:
        return found.result
    if marker in KNOWN_MARKERS:
        return None
    return str(value).strip()


def _simple_marker_value(marker: str, text: str) -> str | None:
    if marker in MUTATION_MARKERS:
        return _MUTATION.get(text)
    if marker in GERMLINE_MARKERS:
        return _GERMLINE.get(text)
    if marker == "HER2 amplification":
        return {
            "amplified": "amplified",
            "not amplified": "not amplified",
            "unknown": "unknown",
        }.get(text)
    if marker == "PD-L1":
        m = re.fullmatch(r"(cps|tps|ic)\s*(?:score\s*)?(>=|<|>)?\s*(\d+(?:\.\d+)?)\s*%?", text)
        if m:
            return f"{m.group(1).upper()} {m.group(2) or ''}{m.group(3)}"
        return {"positive": "positive", "negative": "negative", "unknown": "unknown"}.get(text)
    if marker == "MSI":
        return {
            "stable": "stable",
            "mss": "stable",
            "pmmr": "stable",
            "msi stable": "stable",
            "high": "high",
            "msi h": "high",
            "msi high": "high",
            "dmmr": "high",
            "unknown": "unknown",
        }.get(text)
    if marker == "TMB":
        m = re.fullmatch(r"(\d+(?:\.\d+)?)(\s*(mut/mb|mutations per megabase))?", text)
        if m:
            return m.group(1)
        return {"high": "high", "low": "low", "unknown": "unknown"}.get(text)
    return None


def normalise_lab_test(name: object) -> str:
    return _LAB_NAMES.get(_key(name), str(name).strip())


# The drug table lives in drugs.py; these names stay importable from here.
from .drugs import Drug, DrugClass, DrugTable, Source, VocabularyError, drug, drug_names, drug_table  # noqa: E402, F401
