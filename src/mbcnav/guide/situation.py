"""Facts about a person's situation on a date, read by the guide rules.

``build(patient, as_of, settings)`` returns a ``Situation``: ``facts`` (names in
``FACTS``, tested by the rule conditions) and ``words`` (names in
``PLACEHOLDERS``, both listed in ``names.py``, the person's own drug names, sites and dates that fill the
question and ``why`` templates). Everything is computed from the patient record
and the patient engine's derivations; nothing here decides what to ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from mbcnav.guide import record
from mbcnav.guide.names import FACTS
from mbcnav.patient.days import human

SUBTYPE_WORDS = {
    "HR+/HER2-": "hormone receptor-positive, HER2-negative",
    "HR+/HER2+": "hormone receptor-positive, HER2-positive",
    "HR-/HER2+": "HER2-positive, hormone receptor-negative",
    "triple-negative": "triple-negative",
}
PLACE_WORDS = {
    "ovary": "your ovary",
    "peritoneum": "the lining of your belly (peritoneum)",
    "other": "a less common place",
    "skin": "your skin",
}
MOOD = ("anxiety", "sadness")
CALM = ("stable", "regression", "ned")
NOT_SIDE_EFFECTS = ("pain", *MOOD)
SEVERE = ("severe", "very severe")
MODERATE_OR_WORSE = ("moderate", "severe", "very severe")
HEAVY_INTERFERENCE = ("quite a bit", "very much")
PATHWAY = ("PIK3CA", "AKT1", "PTEN")
GERMLINE = ("BRCA1", "BRCA2")
BRAIN_SITES = ("brain", "leptomeningeal")
BRAIN_WORDS = {"brain": "your brain", "leptomeningeal": "the lining of your brain and spinal cord"}


@dataclass(frozen=True)
class Situation:
    as_of: date
    facts: dict[str, Any]
    words: dict[str, str]


def build(
    patient, as_of: date, settings: dict | None = None, skipped: list | None = None
) -> Situation:
    """Compute the facts and words of ``patient``'s situation on ``as_of``.

    ``skipped``: (drug, doses skipped, [reasons]) from the person's medicine schedules, when
    they keep any (not part of the patient file)."""
    settings = settings or {}
    recent = as_of - timedelta(days=int(settings.get("recent_checkin_days", 30)))
    facts: dict[str, Any] = {name: None for name in FACTS}
    words: dict[str, str] = {}
    names = record.display_names(patient)
    _diagnosis(patient, as_of, facts, words)
    lines = record.lines(patient, as_of)
    progressed = _treatment(patient, as_of, lines, names, facts, words)
    _receptors(patient, facts, words, progressed)
    facts["unusual_sites"] = unusual_sites(patient, as_of, settings.get("unusual_sites", []))
    if facts["unusual_sites"]:
        words["unusual_sites"] = record.join(
            PLACE_WORDS.get(s, f"your {s}") for s in facts["unusual_sites"]
        )
    _biomarkers(patient, facts, words)
    _sites(patient, as_of, names, facts, words)
    _checkins(patient, as_of, recent, facts, words)
    facts["ecog"] = patient.ecog
    if patient.ecog is not None:
        words["ecog"] = str(patient.ecog)
    _skipped(skipped, facts, words)
    return Situation(as_of=as_of, facts=facts, words=words)


def _skipped(skipped: list | None, facts: dict, words: dict) -> None:
    if skipped is None:
        return
    facts["doses_skipped"] = sum(n for _drug, n, _why in skipped)
    reasons = sorted({r for _drug, _n, why in skipped for r in why if r})
    facts["skip_reason_given"] = bool(reasons)
    words["skipped_doses"] = record.join(
        f"{n} dose{'s' if n != 1 else ''} of {drug}" for drug, n, _why in skipped if n
    )
    words["skip_reasons"] = "; ".join(reasons)


def _months(start: date | None, end: date) -> float | None:
    if start is None or start > end:
        return None
    return round((end - start).days / 30.4375, 1)


def _diagnosis(patient, as_of, facts, words) -> None:
    md = patient.metastatic_diagnosis
    facts["subtype"] = record.subtype(patient)
    facts["her2_category"] = record.her2_category(patient)
    words["subtype_words"] = SUBTYPE_WORDS.get(facts["subtype"], "breast")
    facts["months_since_diagnosis"] = _months(md.date, as_of)
    if md.date:
        words["diagnosis_date"] = human(md.date)
    de_novo = record.is_de_novo(patient)
    facts["de_novo"] = de_novo is True
    facts["recurrence"] = de_novo is False
    if md.first_diagnosis_date:
        words["first_diagnosis_year"] = str(md.first_diagnosis_date.year)
    sites = record.sites(patient, as_of)
    if sites:
        words["sites"] = record.join(sites)


def _treatment(patient, as_of, lines, names, facts, words) -> date | None:
    """Treatment facts and words; returns the date of the latest progression (None if none)."""
    facts["lines"] = len(lines)
    words["lines"] = str(len(lines))
    current = [line for line in lines if line.ongoing(as_of)]
    facts["on_treatment"] = bool(current)
    if current:
        line = current[-1]
        facts["months_on_current_line"] = _months(line.start, as_of)
        words["current_drugs"] = record.join([names.get(d, d) for d in line.drugs])
        words["current_start"] = human(line.start)
    assessments = [a for a in patient.assessments if a.date <= as_of]
    facts["assessed"] = bool(assessments)
    if assessments:
        latest = max(assessments, key=lambda a: a.date)
        facts["months_since_assessment"] = _months(latest.date, as_of)
        words["assessment_date"] = human(latest.date)
    event = record.latest_progression(patient, lines, as_of)
    ai_starts = record.class_starts(patient, "aromatase inhibitor", as_of)
    if event is not None:
        day, line, method = event
        facts["months_since_progression"] = _months(day, as_of)
        facts["progression_untreated"] = not any(
            other.start >= day and other is not line for other in lines
        ) and not any(a.date > day and a.status in CALM for a in assessments)
        words["progression_date"] = human(day)
        drugs = record.join([names.get(d, d) for d in line.drugs]) if line else None
        facts["progression_on_line"] = bool(drugs)
        if drugs:
            words["progression_drugs"] = drugs
        if method:
            fact = f"Your {method} on {human(day)} showed the cancer growing"
            words["progression_fact"] = fact + (f" while you were on {drugs}" if drugs else "")
        elif drugs:
            words["progression_fact"] = f"{drugs} stopped on {human(day)} because the cancer grew"
        before = [(start, drug) for start, drug in ai_starts if start < day]
        facts["ai_before_progression"] = bool(before)
        if before:
            words["ai_drug"] = names.get(before[-1][1], before[-1][1])
    md = patient.metastatic_diagnosis
    if facts["recurrence"] and md.date:
        before = [(start, drug) for start, drug in ai_starts if start < md.date]
        facts["ai_before_recurrence"] = bool(before)
        if before and "ai_drug" not in words:
            words["ai_drug"] = names.get(before[-1][1], before[-1][1])
    return event[0] if event is not None else None


def _receptors(patient, facts, words, progressed: date | None) -> None:
    rec = patient.receptors
    known = {"unknown", None}
    facts["receptors_known"] = rec.er not in known or rec.her2 not in known
    site = (rec.biopsy_site or "").strip().lower()
    facts["receptors_from_breast"] = "breast" in site
    if site:
        words["biopsy_site"] = rec.biopsy_site
    words["receptor_biopsy"] = receptor_biopsy_words(rec.biopsy_site, rec.biopsy_date)
    if rec.biopsy_date:
        words["biopsy_date"] = human(rec.biopsy_date)
        md_date = patient.metastatic_diagnosis.date
        if md_date:
            facts["receptors_months_before_diagnosis"] = _months(rec.biopsy_date, md_date) or 0.0
        if progressed is not None:
            facts["receptors_months_before_progression"] = (
                _months(rec.biopsy_date, progressed) or 0.0
            )
    facts["er_low"] = rec.er == "low"
    facts["her2_ihc_zero"] = rec.her2 == "IHC 0"
    facts["her2_negative_unscored"] = rec.her2 == "negative"


def receptor_biopsy_words(site: str | None, day: date | None) -> str:
    """'the biopsy of your liver on 20 Jan 2023', 'the biopsy on ...', 'an earlier biopsy'."""
    where = f" of your {site.strip()}" if site and site.strip() else ""
    when = f" on {human(day)}" if day else ""
    return f"the biopsy{where}{when}" if where or when else "an earlier biopsy"


def _biomarkers(patient, facts, words) -> None:
    marks = patient.biomarkers or {}
    facts["esr1_unknown"] = not record.known(marks.get("ESR1"))
    facts["esr1_result"] = marks.get("ESR1") if record.known(marks.get("ESR1")) else None
    untested = [gene for gene in PATHWAY if not record.known(marks.get(gene))]
    facts["pathway_unknown"] = untested
    if untested:
        words["pathway_unknown"] = record.join(untested)
    facts["pathway_altered"] = any(record.altered(marks.get(gene)) for gene in PATHWAY)
    facts["pdl1_unknown"] = not record.known(marks.get("PD-L1"))
    germline = [gene for gene in GERMLINE if not record.known(marks.get(gene))]
    facts["germline_unknown"] = germline
    if germline:
        words["germline_unknown"] = record.join(germline)
    facts["germline_positive"] = any(
        record.altered(marks.get(gene)) for gene in (*GERMLINE, "PALB2")
    )


def _sites(patient, as_of, names, facts, words) -> None:
    mets = [m for m in patient.metastases if m.date is None or m.date <= as_of]
    brain = [m for m in mets if m.site in BRAIN_SITES]
    dated = [m.date for m in brain if m.date]
    if dated:
        facts["months_since_brain"] = _months(min(dated), as_of)
        words["brain_date"] = human(min(dated))
    if brain:
        sites = {m.site for m in brain}
        words["brain_words"] = record.join(
            [BRAIN_WORDS[site] for site in BRAIN_SITES if site in sites]
        )
    facts["brain_active"] = any(m.status in ("active", "treated-progressing") for m in brain)
    facts["bone_metastases"] = any(m.site == "bone" for m in mets)
    agents = record.ongoing_of_class(patient, "bone-modifying agent", as_of)
    facts["bone_agent_ongoing"] = bool(agents)
    if agents:
        start, drug = agents[0]
        facts["months_on_bone_agent"] = _months(start, as_of)
        words["bone_agent"] = names.get(drug, drug)


def unusual_sites(patient, as_of: date, unusual: list[str]) -> list[str]:
    """Unusual metastatic sites found in the last year that were not the biopsy site."""
    biopsy = (patient.receptors.biopsy_site or "").lower()
    found = []
    for met in patient.metastases:
        if met.site not in unusual or (met.date and met.date > as_of):
            continue
        if met.date and (as_of - met.date).days > 366:
            continue
        if met.site in biopsy or (biopsy and biopsy in met.site):
            continue
        if met.site not in found:
            found.append(met.site)
    return found


def _checkins(patient, as_of, recent, facts, words) -> None:
    window = [s for s in patient.symptoms if recent < s.date <= as_of]
    severe = [
        s for s in window
        if s.symptom not in NOT_SIDE_EFFECTS
        and (s.severity in SEVERE or s.interference in HEAVY_INTERFERENCE)
    ]  # fmt: skip
    facts["severe_symptoms"] = record.unique(s.symptom for s in severe)
    if severe:
        words["severe_symptoms"] = record.join(facts["severe_symptoms"])
        words["severe_date"] = human(max(s.date for s in severe))
    pain = [
        s for s in window
        if s.symptom == "pain"
        and (s.severity is None or s.severity in MODERATE_OR_WORSE
             or s.interference in (*HEAVY_INTERFERENCE, "somewhat"))
    ]  # fmt: skip
    facts["pain_reported"] = bool(pain)
    if pain:
        latest = max(pain, key=lambda s: s.date)
        severity = f"{latest.severity} " if latest.severity in MODERATE_OR_WORSE else ""
        where = f"{latest.location} " if latest.location else ""
        words["pain_words"] = f"{severity}{where}pain"
        words["pain_date"] = human(latest.date)
    tired = [
        s for s in window
        if s.symptom == "fatigue"
        and (s.severity in MODERATE_OR_WORSE or s.interference in (*HEAVY_INTERFERENCE, "somewhat"))
    ]  # fmt: skip
    facts["fatigue_reported"] = bool(tired)
    if tired:
        words["fatigue_date"] = human(max(s.date for s in tired))
    mood = [s for s in window if s.symptom in MOOD and s.severity != "none"]
    _urgent_checkin(patient, as_of, window, facts, words)
    facts["mood_reported"] = bool(mood)
    if mood:
        words["mood_words"] = record.join(record.unique(s.symptom for s in mood))
        words["mood_date"] = human(max(s.date for s in mood))


URGENT_WORDS = {"emergency": "an emergency", "urgent": "an urgent call"}


def _urgent_checkin(patient, as_of, window, facts, words, most: int = 5) -> None:
    """The latest of the last few check-in days that triage called emergency or urgent: after
    it, the visit is the place to ask what happened and what to watch for."""
    from mbcnav.triage import triage

    facts["urgent_checkin"] = False
    for day in sorted({s.date for s in window}, reverse=True)[:most]:
        result = triage(patient, day)
        if result.level in URGENT_WORDS and result.checkin_date == day:
            facts["urgent_checkin"] = True
            words["urgent_date"] = human(day)
            words["urgent_level"] = URGENT_WORDS[result.level]
            words["urgent_symptoms"] = record.join(
                record.unique(r.symptom for r in result.reasons if r.level == result.level)
            )
            return
