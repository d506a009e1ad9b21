"""PatientFacts: the matching view of a person, from a Patient or from a free-text note."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from mbcnav.patient.vocabulary import EARLY_SETTINGS
from mbcnav.trials import bone_lesions, neuropathy, pneumonitis, trial_history
from mbcnav.trials.patterns import load

ENDOCRINE = {"aromatase inhibitor", "SERM", "SERD"}


@dataclass
class DrugFact:
    name: str
    labels: list[str]  # generic name, classes, chemo kind, extra trial words
    settings: list[str] = field(default_factory=list)  # neoadjuvant | adjuvant | metastatic
    progressed: bool = False
    start: str | None = None
    end: str | None = None  # last day given (None while ongoing or not known)
    ongoing: bool = False

    @property
    def given_early(self) -> bool:
        """Given before the cancer spread (adjuvant or neoadjuvant)."""
        return bool(EARLY_SETTINGS & set(self.settings))


#: the steroid given for swelling around brain metastases (NCI, Brain metastases treatment:
#: dexamethasone), not a replacement dose nor a premedication
_BRAIN_STEROID = "dexamethasone"
#: a steroid begun this close to an anti-cancer drug goes with it (premedication, a mouthwash)
_WITH_TREATMENT_DAYS = 7


def _brain_steroid(p, as_of: date, found: str | None) -> str | None:
    """Dexamethasone in a treatment entry of its own, going on at ``as_of``, begun on or after
    ``found`` (the day active brain metastases were found), not within a week of any anti-cancer
    drug's start and not while chemotherapy goes on (a premedication)."""
    from mbcnav.patient import vocabulary

    if not found:
        return None
    # each entry's drugs as the drug table knows them (None: a name it does not know)
    known = [(t, [vocabulary.drug(n) for n in t.drugs]) for t in p.treatments]
    cancer = [(t, ds) for t, ds in known if t.start and any(d and not d.supportive for d in ds)]
    starts = [t.start for t, _ in cancer]
    chemo = [t for t, ds in cancer if any(d and "chemotherapy" in d.classes for d in ds)]
    for t, ds in known:
        if (
            t.type == "systemic"
            and ds
            and all(d is not None and d.name == _BRAIN_STEROID for d in ds)
            and t.start
            and found <= t.start.isoformat() <= as_of.isoformat()
            and (t.end is None or t.end > as_of)
            and not any(abs((t.start - s).days) <= _WITH_TREATMENT_DAYS for s in starts)
            and not any(c.start <= t.start and (c.end is None or c.end >= t.start) for c in chemo)
        ):
            return _BRAIN_STEROID
    return None


def _never_measurable(m) -> bool:
    """Spread RECIST 1.1 counts as non-measurable whatever its size: leptomeningeal disease,
    ascites, pleural or pericardial effusion, lymphangitic spread (Eisenhauer et al., New response
    evaluation criteria in solid tumours: revised RECIST guideline (version 1.1), Eur J Cancer
    2009;45:228-247, section 3.1.2)."""
    # (the whole detail names such spread: "multiple nodules, small pleural effusion" may hold a
    # measurable nodule: final review)
    return m.site == "leptomeningeal" or bool(
        re.fullmatch(
            r"\s*(?:malignant\s+)?(?:pleural\s+|pericardial\s+)?(?:effusions?|ascites|"
            r"lymphangitic\s+(?:spread|carcinomatosis))\s*",
            m.detail or "",
            re.I,
        )
    )


#: a brain operation as a surgery entry writes it (brain_window.py)
BRAIN_SURGERY = re.compile(
    r"\b(?:brain|cerebral|cerebellar|intracranial|cranial|craniotomy|craniectomy|neurosurg\w*)\b",
    re.I,
)


@dataclass
class PatientFacts:
    age: float | None = None
    sex: str | None = None
    setting: str | None = None  # metastatic | early
    hr: str | None = None  # positive | negative
    her2: str | None = None  # positive | low | ultralow | zero | negative
    histology: str | None = None
    drugs: list[DrugFact] = field(default_factory=list)
    therapies_known: bool = False  # the treatment history is complete (a patient file)
    lines: int | None = None  # lines of therapy in the metastatic setting
    chemo_lines: int | None = None
    lines_done: int | None = None  # of those, lines that have ended (an ongoing line is not done)
    # the latest scan since the ongoing line began: (grew on it?, its date), None when none
    growing_now: tuple[bool, str] | None = None
    line_labels: list[list[str]] | None = None  # trial words of each metastatic line's drugs
    line_ended: list[bool] | None = None  # whether each metastatic line has ended
    line_stops: list[str | None] | None = None  # why each metastatic line stopped (stop_reason)
    line_ends: list[str | None] | None = None  # the last day of each metastatic line (ISO)
    line_months: list[float | None] | None = None  # how long each line lasted (ongoing: so far)
    sites: list[str] = field(default_factory=list)
    sites_known: bool = False
    brain: str | None = (
        None  # none | active | treated-stable | treated-progressing | leptomeningeal
    )
    measurable: bool | None = None
    ecog: int | None = None
    karnofsky: int | None = None  # Karnofsky score the record states (patient files only)
    biomarkers: dict[str, str] = field(default_factory=dict)
    pregnant: bool | None = None
    zip: str | None = None
    labs: dict[str, dict] = field(default_factory=dict)  # labs.latest(): newest value per test
    menopause: str | None = None  # post | suppressed | pre (menopause.status_from_patient)
    # other health problems (patient files only): canonical term of patient/data/conditions.yaml
    # (hiv, hepatitis b, interstitial lung disease, heart failure, another cancer, ...) ->
    # active | controlled | past | unknown (derive.conditions); a name the vocabulary does not
    # know is keyed by its words in lower case. Empty: none listed (not "none known").
    conditions: dict[str, str] = field(default_factory=dict)
    # the same entries with their detail and date: [{term, status, date, detail, known}]
    condition_entries: list[dict] = field(default_factory=list)
    er_low_only: bool = False  # ER 1-10% and PR not positive: the only hormone receptor is ER-low
    # report detail (patient files only; see biomarker_facts for the exact meaning of each)
    er_percent: float | None = None  # highest ER % the report states ("<1%" -> 0.0)
    pr_percent: float | None = None
    her2_amplified: bool | None = None  # ERBB2 amplification (NGS) or ISH; None = not known
    her2_ish_ratio: float | None = None
    variants: dict[str, list[str]] = field(
        default_factory=dict
    )  # gene -> changes (H1047R, c.5946delT)
    alterations: dict[str, list[str]] = field(
        default_factory=dict
    )  # gene -> mutation|amplification|fusion|loss
    origins: dict[str, str] = field(
        default_factory=dict
    )  # marker -> germline | somatic, where stated
    germline_brca: bool | None = None
    somatic_brca: bool | None = None
    pdl1: dict | None = None  # {result, type, comparator, value, assay, positive}
    msi: str | None = None  # high | stable
    tmb: float | None = None  # mutations per megabase
    tmb_high: bool | None = None  # >= 10 mut/Mb, or written "high"
    visceral_crisis: bool | None = None  # True when a scan or visit note says so; else not known
    pneumonitis: bool | None = None  # True when a note tells of pneumonitis or ILD; else not known
    neuropathy: tuple[int, str] | None = None  # (grade, where it came from): neuropathy.from_record
    de_novo: bool | None = None  # metastatic at first diagnosis (patient.derive.is_de_novo)
    inflammatory: bool | None = None  # inflammatory breast cancer, as the record says
    # what the bone lesions are, as the latest scan note or site detail that says so words it:
    # "blastic" (sclerotic only, no soft-tissue part), "lytic" (any lytic part), None: not said
    bone_kind: str | None = None
    # radiation entries of a patient file ({site as written, start, end} ISO); None: not known
    radiation: list[dict] | None = None
    # dates (ISO) of brain operations among the record's surgery entries; None: not known
    brain_surgery: list[str] | None = None
    # dexamethasone the record gives on its own, going on, begun since active brain metastases
    # were found and not with an anti-cancer drug (evaluate._brain_state): None when none
    brain_steroid: str | None = None
    latest_status: str | None = None  # the latest assessment's status (progression, ned, ...)
    latest_status_method: str | None = None  # how it was made ("CT", "PET-CT", "MRI brain")
    growth_told: bool = False  # a scan or visit note tells of growth or its signs
    latest_status_on: str | None = None  # that assessment's date (ISO)
    # the latest date the record shows growth: a scan that showed it, or a line stopped for it
    last_progression: str | None = None
    site_details: dict[str, list[str]] = field(default_factory=dict)  # site -> details as written
    setting_details: list[str] = field(default_factory=list)  # recurrent | locally advanced | ...
    diagnosed_on: str | None = None  # the latest cancer diagnosis (metastatic or recurrent), ISO
    first_diagnosed_on: str | None = None  # the first breast cancer diagnosis, ISO
    as_of: str = ""
    note: str = ""  # free text (notes only), kept for lexical checks
    trial_history: dict | None = None  # trial_history.from_record(): trial treatment told of
    medicines_now: list[str] = field(
        default_factory=list
    )  # every treatment entry's drugs not ended on the day

    def to_dict(self) -> dict:
        return asdict(self)


_SCAN_STATES = {"progression": True, "stable": False, "regression": False, "ned": False}
_FIRST_SCAN = timedelta(days=42)


def _growing_now(p, lines, as_of: date) -> tuple[bool, str] | None:
    """Whether the latest assessment since the ongoing metastatic line began shows growth
    (progression) or not (stable, shrinking, no evidence of disease), with its date; None
    when no line is ongoing or no such assessment says."""
    current = [ln for ln in lines if ln.start and (ln.end is None or ln.end > as_of)]
    if not current:
        return None
    began = max(ln.start for ln in current)
    # a scan at least 6 weeks into the line (the first one is a baseline)
    seen = [a for a in p.assessments if a.date and began + _FIRST_SCAN <= a.date <= as_of]
    latest = max(seen, key=lambda a: a.date, default=None)
    if latest is None or latest.status not in _SCAN_STATES:
        return None
    grew = [a for a in seen if a.status == "progression"]
    if grew and latest.status != "progression":
        return None  # grew, then stable: whether that counts is the study team's call
    return _SCAN_STATES[latest.status], latest.date.isoformat()


def drug_labels(drug) -> list[str]:
    """Every trial word a vocabulary Drug answers to."""
    labels = [drug.name, *drug.classes]
    if drug.kind:
        labels.append(drug.kind)
    if set(drug.classes) & ENDOCRINE:
        labels.append("endocrine therapy")
    if drug.target == "HER2":
        labels.append("anti-HER2 antibody")
    labels.extend(load().drug_labels.get(drug.name, ()))
    return list(dict.fromkeys(labels))


def _line_words(line) -> list[str]:
    from mbcnav.patient import vocabulary

    words: list[str] = []
    for name in line.drugs:
        d = vocabulary.drug(name)
        words.extend(drug_labels(d) if d else [name])
    return list(dict.fromkeys(words))


def _percent_value(text: str | None) -> float | None:
    if not text:
        return None
    numbers = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)]
    if not numbers:
        return None
    return 0.0 if text.startswith("<") and max(numbers) <= 1 else max(numbers)


def _gene(marker: str) -> str:
    return {"HER2 mutation": "ERBB2", "HER2 amplification": "ERBB2"}.get(
        marker, marker.split(" ")[0]
    )


def biomarker_facts(p) -> dict:
    """The report detail of a Patient as PatientFacts fields.

    - ``her2_amplified``: True when biomarkers say ``HER2 amplification: amplified`` or HER2 is
      ``IHC 2+ ISH+``; False when ``not amplified`` or ``IHC 2+ ISH-``; else None. HER2 IHC 3+
      alone does not set it (no ISH was stated).
    - ``variants``: gene symbol (ERBB2 for a HER2 mutation) -> the changes listed, for positive
      results only. ``alterations``: gene -> kinds found (mutation | amplification | fusion | loss).
    - ``germline_brca``: True when BRCA1 or BRCA2 is positive and not stated somatic (the file's
      BRCA fields are germline unless said otherwise); False when both are negative; else None.
      ``somatic_brca``: True when a positive BRCA1/2 is stated somatic.
    - ``pdl1``: {result, type (CPS | TPS | IC | None), comparator ('' | < | <= | > | >=), value
      (float | None), assay (22C3 | SP142 | ... | None), positive (True for a score >= 1 or
      'positive', False for a score < 1 or 'negative', None when unknown)}.
    - ``tmb_high``: a number >= 10 mut/Mb or the word high; False for a lower number or 'low'.
    """
    marks, details = p.biomarkers, getattr(p, "biomarker_details", {}) or {}
    out: dict = {"variants": {}, "alterations": {}, "origins": {}}
    amp = marks.get("HER2 amplification")
    her2 = p.receptors.her2
    if amp == "amplified" or her2 == "IHC 2+ ISH+":
        out["her2_amplified"] = True
    elif amp == "not amplified" or her2 == "IHC 2+ ISH-":
        out["her2_amplified"] = False
    for marker, result in marks.items():
        d = details.get(marker)
        if d is not None and d.origin:
            out["origins"][marker] = d.origin
        kind = None
        if result in ("mutated", "positive") and marker not in ("PD-L1", "MSI", "TMB"):
            kind = "mutation"
        elif result == "amplified":
            kind = "amplification"
        elif marker.endswith(" fusion") and result == "detected":
            kind = "fusion"
        elif result == "loss":
            kind = "loss"
        if kind:
            gene = _gene(marker)
            out["alterations"].setdefault(gene, []).append(kind)
            if d is not None and d.changes:
                out["variants"].setdefault(gene, []).extend(d.changes)
    brca = {g: marks.get(g) for g in ("BRCA1", "BRCA2")}
    stated = {g: out["origins"].get(g) for g in brca}
    if any(r == "positive" and stated[g] != "somatic" for g, r in brca.items()):
        out["germline_brca"] = True
    elif all(r == "negative" and stated[g] != "somatic" for g, r in brca.items()):
        out["germline_brca"] = False
    if any(r == "positive" and stated[g] == "somatic" for g, r in brca.items()):
        out["somatic_brca"] = True
    if (pd := marks.get("PD-L1")) and pd != "unknown":
        m = re.fullmatch(r"(CPS|TPS|IC) (>=|<=|<|>)?(\d+(?:\.\d+)?)", pd)
        value = float(m.group(3)) if m else None
        comparator = (m.group(2) or "") if m else ""
        positive = {"positive": True, "negative": False}.get(pd)
        if value is not None:
            positive = not (value < 1 or (comparator.startswith("<") and value <= 1))
        d = details.get("PD-L1")
        out["pdl1"] = {
            "result": pd,
            "type": m.group(1) if m else None,
            "comparator": comparator,
            "value": value,
            "assay": d.assay if d else None,
            "positive": positive,
        }
    if marks.get("MSI") in ("high", "stable"):
        out["msi"] = marks["MSI"]
    tmb = marks.get("TMB")
    if tmb and re.fullmatch(r"\d+(?:\.\d+)?", tmb):
        out["tmb"] = float(tmb)
        out["tmb_high"] = float(tmb) >= 10
    elif tmb in ("high", "low"):
        out["tmb_high"] = tmb == "high"
    rc = p.receptors
    out["er_percent"] = _percent_value(getattr(rc, "er_percent", None))
    out["pr_percent"] = _percent_value(getattr(rc, "pr_percent", None))
    out["her2_ish_ratio"] = getattr(rc, "her2_ish_ratio", None)
    for m in p.metastases:
        if getattr(m, "detail", None):
            out.setdefault("site_details", {}).setdefault(m.site, []).append(m.detail)
    settings = [t.setting_detail for t in p.treatments if getattr(t, "setting_detail", None)]
    out["setting_details"] = list(dict.fromkeys(settings))
    return out


def _last_progression(p, lines, as_of: date) -> str | None:
    """The latest day on or before ``as_of`` the record shows the cancer growing: a scan or
    visit that said so, or the end of a line stopped because of it (ISO), else None."""
    days = [a.date for a in p.assessments if a.status == "progression" and a.date <= as_of]
    days += [
        ln.end for ln in lines if ln.stop_reason == "progression" and ln.end and ln.end <= as_of
    ]
    return max(days).isoformat() if days else None


def _latest_assessment(p, as_of):
    """The latest dated assessment on or before ``as_of`` ("unknown" is none), or None."""
    dated = [a for a in p.assessments if a.date and a.date <= as_of and a.status != "unknown"]
    return max(dated, key=lambda a: a.date, default=None)


def _first_diagnosis(p) -> str | None:
    """The first breast cancer diagnosis: the metastatic one for de novo disease."""
    from mbcnav.patient import derive

    dx = p.metastatic_diagnosis
    first = dx.date if derive.is_de_novo(p) is True else dx.first_diagnosis_date
    return first.isoformat() if first else None


def _labs(p, as_of: date) -> dict[str, dict]:
    """The record's newest value per test, with a creatinine clearance worked out from age,
    weight and creatinine when none was measured (``clearance``)."""
    from mbcnav.trials.clearance import add_clearance
    from mbcnav.trials.labs import latest

    out = latest(p.labs, as_of)
    add_clearance(out, p.labs, p.age_on(as_of), p.sex)
    return out


def from_patient(p, as_of: date) -> PatientFacts:
    """Facts from a ``mbcnav.patient.Patient`` on the day ``as_of``."""
    from mbcnav.patient import derive, vocabulary
    from mbcnav.trials import progression_window
    from mbcnav.trials.menopause import status_from_patient as menopause_status

    lines = derive.lines_of_therapy(p, as_of)
    latest = _latest_assessment(p, as_of)
    progressed: set[str] = set()
    for ln in lines:
        if ln.stop_reason == "progression":
            progressed.update(ln.drugs)
    drugs: dict[str, DrugFact] = {}
    for t in p.treatments:
        if t.type != "systemic" or (t.start and t.start > as_of):
            continue
        for name in t.drugs:
            d = vocabulary.drug(name)
            if d is None and not derive.unknown_drug(name):
                continue  # metformin, omeprazole: a medicine for another problem, not treatment
            key = d.name if d else name.lower()
            fact = drugs.setdefault(key, DrugFact(key, drug_labels(d) if d else [key]))
            setting = t.setting or (
                "metastatic"
                if p.metastatic_diagnosis.date
                and t.start
                and t.start >= p.metastatic_diagnosis.date
                else None
            )
            if setting and setting not in fact.settings:
                fact.settings.append(setting)
            if t.stop_reason == "progression" or key in progressed:
                fact.progressed = True
            s = t.start.isoformat() if t.start else None
            fact.start = min(filter(None, [fact.start, s]), default=None)
            ongoing = t.end is None or t.end > as_of
            if ongoing:
                fact.ongoing, fact.end = True, None
            elif not fact.ongoing:
                fact.end = max(filter(None, [fact.end, t.end.isoformat()]))
    sites = derive.sites(p)
    brain = brain_found = None
    if p.metastases:
        brain = "none"
        for m in p.metastases:
            if m.site == "leptomeningeal":
                brain = "leptomeningeal"
            elif m.site == "brain" and brain != "leptomeningeal":
                brain = m.status or "active"
                brain_found = m.date.isoformat() if m.date else None
    measurable = None
    if any(m.measurable for m in p.metastases):
        measurable = True
    elif p.metastases and all(
        m.measurable is False or (m.measurable is None and _never_measurable(m))
        for m in p.metastases
    ):
        measurable = False
    her2 = derive.her2_category(p)
    hr = derive.hr_status(p)
    setting = "metastatic" if (p.metastatic_diagnosis.date or p.metastases) else None
    dated_notes = [
        (a.date, a.note) for a in p.assessments if a.note and (a.date is None or a.date <= as_of)
    ]
    notes = [note for _, note in dated_notes]
    return PatientFacts(
        visceral_crisis=True if re.search(r"visceral crisis", " ".join(notes), re.I) else None,
        pneumonitis=pneumonitis.told(notes),
        neuropathy=neuropathy.from_record(p.symptoms, dated_notes, as_of),
        de_novo=derive.is_de_novo(p),
        inflammatory=p.metastatic_diagnosis.inflammatory,
        bone_kind=bone_lesions.kind(
            [n for _, n in sorted(dated_notes, key=lambda d: d[0] or date.min, reverse=True)]
            + [m.site for m in p.metastases if m.site]
        ),
        radiation=[
            {
                "site": t.site or "",
                "start": t.start.isoformat() if t.start else None,
                "end": t.end.isoformat() if t.end else None,
            }
            for t in p.treatments
            if t.type == "radiation" and not (t.start and t.start > as_of)
        ],
        brain_surgery=[
            t.date.isoformat()
            for t in p.treatments
            if t.type == "surgery"
            and t.date
            and t.date <= as_of
            and BRAIN_SURGERY.search(t.procedure or "")
        ],
        latest_status=latest.status if latest else None,
        latest_status_on=latest.date.isoformat() if latest else None,
        latest_status_method=latest.method if latest else None,
        growth_told=progression_window.growth_told(notes),
        last_progression=_last_progression(p, lines, as_of),
        age=p.age_on(as_of),
        sex=p.sex,
        setting=setting,
        hr=None if hr == "unknown" else hr,
        her2=None if her2 == "unknown" else her2,
        histology=p.metastatic_diagnosis.histology
        if p.metastatic_diagnosis.histology != "unknown"
        else None,
        drugs=list(drugs.values()),
        therapies_known=True,
        lines=len(lines),
        chemo_lines=sum(1 for ln in lines if "chemotherapy" in ln.classes),
        lines_done=sum(1 for ln in lines if ln.end is not None and ln.end <= as_of),
        growing_now=_growing_now(p, lines, as_of),
        line_labels=[_line_words(ln) for ln in lines],
        line_ended=[ln.end is not None and ln.end <= as_of for ln in lines],
        line_stops=[ln.stop_reason for ln in lines],
        line_ends=[ln.end.isoformat() if ln.end else None for ln in lines],
        line_months=[
            derive.months_between(ln.start, min(ln.end or as_of, as_of)) if ln.start else None
            for ln in lines
        ],
        sites=sites,
        sites_known=bool(p.metastases),
        brain=brain,
        brain_steroid=_brain_steroid(p, as_of, brain_found) if brain == "active" else None,
        measurable=measurable,
        ecog=p.ecog,
        karnofsky=p.karnofsky,
        conditions=derive.conditions(p, as_of),
        condition_entries=derive.condition_entries(p, as_of),
        # medicines for other problems taken on the day: a cancer medicine is the line a trial
        # would replace, never a reason to keep the person out (first review, session 41)
        medicines_now=[
            name
            for t in p.treatments
            if (not t.start or t.start <= as_of) and (t.end is None or t.end >= as_of)
            # (a regimen with a cancer medicine keeps its supportive drugs with it: aprepitant with
            # carboplatin stops with the line a trial would replace: final review)
            if not any((d := vocabulary.drug(n)) and not d.supportive for n in t.drugs)
            for name in t.drugs
        ],
        biomarkers=dict(p.biomarkers),
        zip=p.postal_code,
        labs=_labs(p, as_of),
        trial_history=trial_history.from_record(p, as_of),
        menopause=menopause_status(p, as_of),
        er_low_only=derive.er_low(p) and p.receptors.pr != "positive",
        diagnosed_on=p.metastatic_diagnosis.date.isoformat()
        if p.metastatic_diagnosis.date
        else None,
        first_diagnosed_on=_first_diagnosis(p),
        as_of=as_of.isoformat(),
        **biomarker_facts(p),
    )


_AGE = [
    re.compile(r"(\d{1,3})[- ](?:year|yr)s?[- ]old", re.I),
    re.compile(r"\baged? (\d{1,3})\b", re.I),
    re.compile(r"\b(\d{1,3}) ?(?:yo|y/o|y\.o\.)\b", re.I),
    re.compile(r"\b(\d{1,3}) ?(?:M|F)\b"),
]
_MONTHS_OLD = re.compile(r"(\d{1,2})[- ](month|week|day)s?[- ]old", re.I)
_FEMALE = re.compile(r"\b(?:woman|female|girl|lady|she|her|mother|mrs|ms)\b", re.I)
_MALE = re.compile(r"\b(?:man|male|boy|gentleman|he|his|him|father|mr)\b", re.I)
_SITES = {
    "liver": r"liver (?:metasta|lesion)|hepatic metasta",
    "bone": r"bone (?:metasta|lesion)|osseous|lytic lesion",
    "lung": r"lung (?:metasta|nodule)|pulmonary (?:metasta|nodule)",
}


# A pregnancy the note places in the present ("is 20 weeks pregnant", "a pregnant woman",
# "G2P1 at 32 weeks"); a past one ("an ectopic pregnancy at age 26") is history, not a fact now.
_PREGNANT_NOW = re.compile(
    r"\b(?:is|currently|now|being)\s+(?:\d+\s*weeks?\s+)?pregnant|\bpregnant\s+(?:woman|women|female|"
    r"patient|lady|girl|mother|at|with|for)\b|\d+\s*(?:-\s*)?weeks?\s+(?:pregnant|of (?:pregnancy|gestation)|"
    r"gestation)|\bgravid\b|\bG\d+\s*P\d+|\b(?:current|ongoing|this) pregnancy|\bbreast-?feeding\b|"
    r"\blactating\b|\bnursing (?:her|a|an|the) (?:baby|infant|child)",
    re.I,
)


def from_note(text: str, as_of: date | None = None) -> PatientFacts:
    """Facts read from a free-text note (a TREC topic, a clinic letter)."""
    from mbcnav.trials.context import mentions

    facts = PatientFacts(note=text, as_of=(as_of or date.today()).isoformat())
    for rx in _AGE:
        if m := rx.search(text):
            facts.age = float(m.group(1))
            break
    else:
        if m := _MONTHS_OLD.search(text):
            facts.age = round(
                int(m.group(1)) / {"month": 12, "week": 52, "day": 365}[m.group(2).lower()], 2
            )
    f, mm = len(_FEMALE.findall(text)), len(_MALE.findall(text))
    if f or mm:
        facts.sex = "female" if f >= mm else "male"
    if m := re.search(r"\b(?:ecog|performance status)\D{0,15}([0-4])\b", text, re.I):
        facts.ecog = int(m.group(1))
    for m in mentions(text):
        if m.check == "brain" and "FAMILY" not in m.modifiers:
            if "NEGATED_EXISTENCE" in m.modifiers:
                facts.brain = facts.brain or "none"
            else:
                facts.brain = "leptomeningeal" if m.value == "leptomeningeal" else "active"
                if "brain" not in facts.sites:
                    facts.sites.append("brain")
            continue
        if "NEGATED_EXISTENCE" in m.modifiers or "FAMILY" in m.modifiers:
            continue
        if m.check == "setting" and facts.setting != "metastatic":
            facts.setting = m.value
        elif m.check == "receptor":
            what, val = m.value.split("-", 1)
            if what == "hr":
                facts.hr = val
            elif facts.her2 in (None, "negative"):
                facts.her2 = val
        elif m.check == "subtype":
            facts.hr, facts.her2 = "negative", facts.her2 or "negative"
        elif m.check == "histology":
            facts.histology = m.value
        elif m.check == "therapy":
            from mbcnav.patient import vocabulary

            d = vocabulary.drug(m.value) if m.concept.startswith("drug:") else None
            labels = drug_labels(d) if d else [m.value]
            if not any(x.name == labels[0] for x in facts.drugs):
                facts.drugs.append(DrugFact(labels[0], labels, end=facts.as_of))
        elif m.check == "biomarker":
            facts.biomarkers[m.value] = "positive"
        elif m.check == "condition" and m.value == "pregnant" and _PREGNANT_NOW.search(text):
            facts.pregnant = True
    for site, rx in _SITES.items():
        if re.search(rx, text, re.I):
            facts.sites.append(site)
    if facts.pregnant is None and facts.sex:
        facts.pregnant = False  # a note would say so (closed-world reading)
    return facts
