"""The words of the patient file: canonical values, their synonyms, and the drug table.

Canonical tuples are the spec's own words (docs/patient-file.md). ``normalise_*``
functions return the canonical word or ``None`` when the input is not one of them;
the file parser turns ``None`` into a ``PatientFileError`` naming the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

SEXES = ("female", "male")
STAGES = ("0", "I", "II", "III", "IV")
HISTOLOGIES = ("ductal", "lobular", "mixed", "other", "unknown")
ER_RESULTS = ("positive", "low", "negative", "unknown")
PR_RESULTS = ("positive", "negative", "unknown")
HER2_RESULTS = (
    "IHC 0", "IHC 0+", "IHC 1+", "IHC 2+ ISH-", "IHC 2+ ISH+", "IHC 3+",
    "positive", "negative", "unknown",
)
SITES = (
    "bone", "lung", "liver", "brain", "leptomeningeal", "lymph nodes", "chest wall",
    "skin", "pleura", "peritoneum", "ovary", "other",
)
BRAIN_STATUSES = ("active", "treated-stable", "treated-progressing")
TREATMENT_TYPES = ("systemic", "radiation", "surgery")
SETTINGS = ("neoadjuvant", "adjuvant", "metastatic")
STOP_REASONS = ("progression", "side effects", "completed", "patient choice", "other")
ASSESSMENT_STATUSES = ("progression", "stable", "regression", "ned", "unknown")
ASSESSMENT_METHODS = ("CT", "PET", "MRI", "bone scan", "x-ray", "exam", "tumor marker")
SEVERITIES = ("none", "mild", "moderate", "severe", "very severe")
FREQUENCIES = ("never", "rarely", "occasionally", "frequently", "almost constantly")
INTERFERENCES = ("not at all", "a little bit", "somewhat", "quite a bit", "very much")
SYMPTOMS = (
    "pain", "headache", "fever", "chills", "fatigue", "shortness of breath", "cough",
    "chest pain", "nausea", "vomiting", "diarrhea", "constipation", "decreased appetite",
    "weight loss", "mouth sores", "rash", "hand-foot syndrome", "numbness and tingling",
    "leg weakness", "trouble walking", "loss of bladder control", "loss of bowel control",
    "confusion", "seizure", "vision changes", "dizziness", "swelling", "arm or leg swelling",
    "bleeding", "bruising", "yellow skin or eyes", "abdominal swelling", "extreme thirst",
    "hot flashes", "joint pain", "anxiety", "sadness", "insomnia", "hair loss",
)
MUTATION_MARKERS = ("PIK3CA", "AKT1", "PTEN", "ESR1", "PALB2", "HER2 mutation")
GERMLINE_MARKERS = ("BRCA1", "BRCA2")
KNOWN_MARKERS = (*MUTATION_MARKERS, *GERMLINE_MARKERS, "PD-L1", "MSI", "TMB")
LAB_TESTS = (
    "CA 15-3", "CA 27.29", "CEA", "ANC", "WBC", "platelets", "hemoglobin", "calcium",
    "bilirubin", "ALT", "AST", "alkaline phosphatase", "creatinine", "glucose", "HbA1c",
    "albumin", "potassium", "sodium", "magnesium", "LDH",
)


def _key(text: str) -> str:
    """Fold case, spaces, underscores and dashes so that synonyms compare equal."""
    return re.sub(r"[\s_\-]+", " ", str(text).strip().lower()).strip()


def _table(canon: tuple[str, ...], synonyms: dict[str, str]) -> dict[str, str]:
    table = {_key(c): c for c in canon}
    table.update({_key(k): v for k, v in synonyms.items()})
    return table


_SEX = _table(SEXES, {"f": "female", "woman": "female", "m": "male", "man": "male"})
_STAGE = _table(STAGES, {
    "1": "I", "2": "II", "3": "III", "4": "IV", "stage 0": "0", "dcis": "0",
    "stage 1": "I", "stage 2": "II", "stage 3": "III", "stage 4": "IV",
    "stage i": "I", "stage ii": "II", "stage iii": "III", "stage iv": "IV",
    "metastatic": "IV",
})
_HISTOLOGY = _table(HISTOLOGIES, {
    "idc": "ductal", "invasive ductal": "ductal", "invasive ductal carcinoma": "ductal",
    "nst": "ductal", "no special type": "ductal", "ilc": "lobular", "invasive lobular": "lobular",
    "invasive lobular carcinoma": "lobular", "mixed ductal and lobular": "mixed",
})
_ER = _table(ER_RESULTS, {
    "pos": "positive", "+": "positive", "er+": "positive", "neg": "negative", "-": "negative",
    "er-": "negative", "er low": "low", "er-low": "low", "low positive": "low",
})
_PR = _table(PR_RESULTS, {"pos": "positive", "+": "positive", "pr+": "positive",
                           "neg": "negative", "-": "negative", "pr-": "negative"})
_SITE = _table(SITES, {
    "bones": "bone", "spine": "bone", "skeletal": "bone", "osseous": "bone",
    "lungs": "lung", "pulmonary": "lung", "hepatic": "liver", "cns": "brain",
    "leptomeninges": "leptomeningeal", "leptomeningeal disease": "leptomeningeal",
    "lmd": "leptomeningeal", "lymph node": "lymph nodes", "nodes": "lymph nodes",
    "node": "lymph nodes", "nodal": "lymph nodes", "pleural": "pleura",
    "pleural effusion": "pleura", "peritoneal": "peritoneum", "ovaries": "ovary",
    "ovarian": "ovary", "cutaneous": "skin",
})
_BRAIN_STATUS = _table(BRAIN_STATUSES, {
    "treated stable": "treated-stable", "treated and stable": "treated-stable",
    "stable": "treated-stable", "treated progressing": "treated-progressing",
    "progressing": "treated-progressing", "untreated": "active",
})
_TYPE = _table(TREATMENT_TYPES, {"drug": "systemic", "drugs": "systemic",
                                 "radiotherapy": "radiation", "rt": "radiation",
                                 "xrt": "radiation", "operation": "surgery"})
_SETTING = _table(SETTINGS, {"advanced": "metastatic", "palliative": "metastatic",
                             "stage iv": "metastatic", "pre operative": "neoadjuvant",
                             "post operative": "adjuvant"})
_STOP = _table(STOP_REASONS, {
    "progressed": "progression", "progressive disease": "progression", "pd": "progression",
    "side effect": "side effects", "toxicity": "side effects", "adverse event": "side effects",
    "adverse events": "side effects", "complete": "completed", "finished": "completed",
    "choice": "patient choice", "patient decision": "patient choice",
})
_STATUS = _table(ASSESSMENT_STATUSES, {
    "progressive disease": "progression", "progressed": "progression", "pd": "progression",
    "growing": "progression", "stable disease": "stable", "sd": "stable",
    "response": "regression", "partial response": "regression", "responding": "regression",
    "shrinking": "regression", "improved": "regression",
    "no evidence of disease": "ned", "complete response": "ned", "remission": "ned",
})
_METHOD = _table(ASSESSMENT_METHODS, {
    "ct scan": "CT", "cat scan": "CT", "pet ct": "PET", "pet/ct": "PET", "pet scan": "PET",
    "mri scan": "MRI", "bone scintigraphy": "bone scan", "xray": "x-ray", "x ray": "x-ray",
    "physical exam": "exam", "examination": "exam", "tumour marker": "tumor marker",
    "marker": "tumor marker", "blood test": "tumor marker",
})
_SEVERITY = _table(SEVERITIES, {"very": "very severe", "extreme": "very severe"})
_FREQUENCY = _table(FREQUENCIES, {"sometimes": "occasionally", "often": "frequently",
                                  "always": "almost constantly", "constantly": "almost constantly"})
_INTERFERENCE = _table(INTERFERENCES, {"none": "not at all", "a little": "a little bit",
                                       "a lot": "quite a bit"})
_SYMPTOM = _table(SYMPTOMS, {
    "pains": "pain", "aches": "pain", "ache": "pain", "headaches": "headache",
    "fevers": "fever", "temperature": "fever", "high temperature": "fever", "shivers": "chills",
    "rigors": "chills", "tiredness": "fatigue", "tired": "fatigue", "exhaustion": "fatigue",
    "breathlessness": "shortness of breath", "short of breath": "shortness of breath",
    "dyspnea": "shortness of breath", "dyspnoea": "shortness of breath",
    "sob": "shortness of breath", "trouble breathing": "shortness of breath",
    "coughing": "cough", "nauseous": "nausea", "vomit": "vomiting", "throwing up": "vomiting",
    "diarrhoea": "diarrhea", "loose stools": "diarrhea", "poor appetite": "decreased appetite",
    "loss of appetite": "decreased appetite", "mucositis": "mouth sores",
    "stomatitis": "mouth sores", "mouth ulcers": "mouth sores", "hand foot syndrome": "hand-foot syndrome",
    "palmar plantar erythrodysesthesia": "hand-foot syndrome", "neuropathy": "numbness and tingling",
    "numbness": "numbness and tingling", "tingling": "numbness and tingling",
    "weak legs": "leg weakness", "difficulty walking": "trouble walking",
    "incontinence": "loss of bladder control", "urinary incontinence": "loss of bladder control",
    "bowel incontinence": "loss of bowel control", "confused": "confusion",
    "seizures": "seizure", "fit": "seizure", "convulsion": "seizure",
    "blurred vision": "vision changes", "double vision": "vision changes",
    "dizzy": "dizziness", "edema": "swelling", "oedema": "swelling",
    "leg swelling": "arm or leg swelling", "arm swelling": "arm or leg swelling",
    "swollen leg": "arm or leg swelling", "swollen arm": "arm or leg swelling",
    "lymphedema": "arm or leg swelling", "bleed": "bleeding", "jaundice": "yellow skin or eyes",
    "yellow skin": "yellow skin or eyes", "yellow eyes": "yellow skin or eyes",
    "bloating": "abdominal swelling", "ascites": "abdominal swelling", "thirst": "extreme thirst",
    "very thirsty": "extreme thirst", "hot flushes": "hot flashes", "arthralgia": "joint pain",
    "worry": "anxiety", "anxious": "anxiety", "depression": "sadness", "low mood": "sadness",
    "sad": "sadness", "trouble sleeping": "insomnia", "sleeplessness": "insomnia",
    "alopecia": "hair loss",
})
# Symptoms written with a place ("back pain") become the symptom plus a location.
_LOCATED = re.compile(r"^(back|bone|hip|neck|chest wall|belly|abdominal|stomach|leg|arm|joint)\s+pain$")
_MUTATION = {"mutated": "mutated", "mutation": "mutated", "mutant": "mutated",
             "positive": "mutated", "detected": "mutated", "present": "mutated",
             "not mutated": "not mutated", "no mutation": "not mutated", "wild type": "not mutated",
             "wildtype": "not mutated", "wt": "not mutated", "negative": "not mutated",
             "not detected": "not mutated", "absent": "not mutated", "unknown": "unknown"}
_GERMLINE = {"positive": "positive", "pathogenic variant": "positive", "mutated": "positive",
             "carrier": "positive", "negative": "negative", "not mutated": "negative",
             "no mutation": "negative", "unknown": "unknown", "vus": "unknown"}
_MARKER_NAMES = {_key(m): m for m in KNOWN_MARKERS} | {
    "pdl1": "PD-L1", "pd l1": "PD-L1", "erbb2": "HER2 mutation", "her2 mut": "HER2 mutation",
    "erbb2 mutation": "HER2 mutation", "mmr": "MSI", "msi status": "MSI",
}
_LAB_NAMES = {_key(t): t for t in LAB_TESTS} | {
    "ca15 3": "CA 15-3", "ca 153": "CA 15-3", "ca27 29": "CA 27.29", "ca 27 29": "CA 27.29",
    "neutrophils": "ANC", "absolute neutrophil count": "ANC", "hgb": "hemoglobin",
    "hb": "hemoglobin", "plt": "platelets", "ca": "calcium", "alp": "alkaline phosphatase",
}


def _lookup(table: dict[str, str], value: object) -> str | None:
    if value is None:
        return None
    return table.get(_key(value))


def normalise_sex(v): return _lookup(_SEX, v)
def normalise_histology(v): return _lookup(_HISTOLOGY, v)
def normalise_pr(v): return _lookup(_PR, v)
def normalise_site(v): return _lookup(_SITE, v)
def normalise_brain_status(v): return _lookup(_BRAIN_STATUS, v)
def normalise_treatment_type(v): return _lookup(_TYPE, v)
def normalise_setting(v): return _lookup(_SETTING, v)
def normalise_stop_reason(v): return _lookup(_STOP, v)
def normalise_assessment_status(v): return _lookup(_STATUS, v)
def normalise_method(v): return _lookup(_METHOD, v)
def normalise_severity(v): return _lookup(_SEVERITY, v)
def normalise_frequency(v): return _lookup(_FREQUENCY, v)
def normalise_interference(v): return _lookup(_INTERFERENCE, v)


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
    m = re.fullmatch(r"\s*(?:er\s*)?(\d+(?:\.\d+)?)\s*%\s*", str(value).lower()) if value is not None else None
    if m:
        pct = float(m.group(1))
        if pct > 100:
            return None
        return "negative" if pct < 1 else "low" if pct <= 10 else "positive"
    return _lookup(_ER, value)


def normalise_her2(value: object) -> str | None:
    """Pathology-report wording -> one of HER2_RESULTS; None when it is not a HER2 result."""
    if value is None:
        return None
    text = str(value).strip().lower()
    text = re.sub(r"\bher[\s-]?2(/neu)?\b", "", text)
    text = re.sub(r"^\s*-\s*(?=[a-z])", "", text)  # "HER2-positive" -> "positive"
    text = text.replace("fish", "ish").replace("cish", "ish").replace("sish", "ish")
    text = re.sub(r"[\s,;:/()]+", " ", text).strip()
    words = {"positive": "positive", "pos": "positive", "+": "positive", "amplified": "positive",
             "ish positive": "positive", "ish+": "positive", "negative": "negative",
             "neg": "negative", "-": "negative", "not amplified": "negative",
             "unknown": "unknown", "ultralow": "IHC 0+", "ultra low": "IHC 0+",
             "null": "IHC 0"}
    if text in words:
        return words[text]
    m = re.fullmatch(r"(?:ihc\s*)?(0\+?|1\+|2\+|3\+|[0-3])(?:\s*(?:ihc))?(?:\s*ish\s*(\+|-|positive|negative|amplified|not amplified|pos|neg))?", text)
    if not m:
        return None
    score, ish = m.group(1), m.group(2)
    if score in {"1", "2", "3"}:
        score += "+"
    if score == "2+":
        if ish is None:
            return None  # equivocal: an ISH result is needed to say positive or low
        return "IHC 2+ ISH+" if ish in {"+", "positive", "pos", "amplified"} else "IHC 2+ ISH-"
    if ish is not None and score != "2+":
        return None
    return f"IHC {score}"


def normalise_symptom(value: object) -> tuple[str, str | None] | None:
    """Symptom name -> (canonical name, location or None)."""
    if value is None:
        return None
    text = _key(value)
    if text in _SYMPTOM:
        return _SYMPTOM[text], None
    m = _LOCATED.match(text)
    if m:
        return "pain", m.group(1)
    return None


def normalise_marker_name(name: object) -> str:
    return _MARKER_NAMES.get(_key(name), str(name).strip())


def normalise_marker_value(marker: str, value: object) -> str | None:
    """Known markers get canonical results; other markers keep their text. None = invalid."""
    text = _key(value) if value is not None else "unknown"
    if marker in MUTATION_MARKERS:
        return _MUTATION.get(text)
    if marker in GERMLINE_MARKERS:
        return _GERMLINE.get(text)
    if marker == "PD-L1":
        m = re.fullmatch(r"(cps|tps|ic)\s*(?:score\s*)?(>=|<|>)?\s*(\d+(?:\.\d+)?)\s*%?", text)
        if m:
            return f"{m.group(1).upper()} {m.group(2) or ''}{m.group(3)}"
        return {"positive": "positive", "negative": "negative", "unknown": "unknown"}.get(text)
    if marker == "MSI":
        return {"stable": "stable", "mss": "stable", "pmmr": "stable", "msi stable": "stable",
                "high": "high", "msi h": "high", "msi high": "high", "dmmr": "high",
                "unknown": "unknown"}.get(text)
    if marker == "TMB":
        m = re.fullmatch(r"(\d+(?:\.\d+)?)(\s*(mut/mb|mutations per megabase))?", text)
        if m:
            return m.group(1)
        return {"high": "high", "low": "low", "unknown": "unknown"}.get(text)
    return str(value).strip()


def normalise_lab_test(name: object) -> str:
    return _LAB_NAMES.get(_key(name), str(name).strip())


# --------------------------------------------------------------------------- drugs
@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    url: str
    read: str


@dataclass(frozen=True)
class DrugClass:
    label: str
    supportive: bool
    description: str


@dataclass(frozen=True)
class Drug:
    name: str
    brands: tuple[str, ...]
    synonyms: tuple[str, ...]
    classes: tuple[str, ...]
    kind: str | None
    target: str | None
    supportive: bool
    source: Source

    def has_class(self, label: str) -> bool:
        return label in self.classes


class VocabularyError(ValueError):
    """The bundled drug data file is malformed (a bug in the project, not bad user input)."""


@dataclass(frozen=True)
class DrugTable:
    as_of: str
    classes: dict[str, DrugClass]
    drugs: tuple[Drug, ...]
    by_name: dict[str, Drug]

    def lookup(self, name: str) -> Drug | None:
        return self.by_name.get(_key(name))


def _build_table(raw: dict) -> DrugTable:
    where = "patient/data/drugs.yaml"
    if not isinstance(raw, dict) or not {"as_of", "classes", "drugs"} <= raw.keys():
        raise VocabularyError(f"{where}: needs as_of, classes and drugs")
    classes = {}
    for c in raw["classes"]:
        if not {"label", "supportive", "description"} <= c.keys():
            raise VocabularyError(f"{where}: class {c!r} needs label, supportive, description")
        classes[c["label"]] = DrugClass(c["label"], bool(c["supportive"]), c["description"])
    drugs, by_name = [], {}
    allowed = {"name", "brands", "synonyms", "classes", "kind", "target", "source"}
    for entry in raw["drugs"]:
        name = entry.get("name")
        if extra := set(entry) - allowed:
            raise VocabularyError(f"{where}: drug {name!r} has unknown fields {sorted(extra)}")
        if not name or not entry.get("classes"):
            raise VocabularyError(f"{where}: drug {name!r} needs a name and classes")
        for label in entry["classes"]:
            if label not in classes:
                raise VocabularyError(f"{where}: drug {name!r} uses undeclared class {label!r}")
        src = entry.get("source") or {}
        if not all(src.get(k) for k in ("publisher", "title", "url", "read")):
            raise VocabularyError(f"{where}: drug {name!r} needs a source with publisher, title, url, read")
        drug = Drug(
            name=name.lower(),
            brands=tuple(entry.get("brands") or ()),
            synonyms=tuple(entry.get("synonyms") or ()),
            classes=tuple(entry["classes"]),
            kind=entry.get("kind"),
            target=entry.get("target"),
            supportive=all(classes[c].supportive for c in entry["classes"]),
            source=Source(src["publisher"], src["title"], src["url"], str(src["read"])),
        )
        for alias in (drug.name, *drug.brands, *drug.synonyms):
            key = _key(alias)
            if key in by_name and by_name[key].name != drug.name:
                raise VocabularyError(f"{where}: {alias!r} names both {by_name[key].name} and {drug.name}")
            by_name[key] = drug
        drugs.append(drug)
    return DrugTable(str(raw["as_of"]), classes, tuple(drugs), by_name)


@cache
def drug_table() -> DrugTable:
    text = resources.files("mbcnav.patient").joinpath("data/drugs.yaml").read_text(encoding="utf-8")
    return _build_table(yaml.safe_load(text))


def drug(name: str) -> Drug | None:
    """Look a drug up by generic name, brand or synonym (case-insensitive)."""
    return drug_table().lookup(name)


def drug_names() -> list[str]:
    """Every name a person may type (generic, brands, synonyms), for autocomplete."""
    names = []
    for d in drug_table().drugs:
        names.extend((d.name, *d.brands, *d.synonyms))
    return names
