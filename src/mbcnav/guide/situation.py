"""Facts about a person's situation on a date, read by the guide rules.

``build(patient, as_of, settings)`` returns a ``Situation``: ``facts`` (names in
``FACTS``, tested by the rule conditions) and ``words`` (names in
``PLACEHOLDERS``, the person's own drug names, sites and dates that fill the
question and ``why`` templates). Everything is computed from the patient record
and the patient engine's derivations; nothing here decides what to ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from mbcnav.guide import record
from mbcnav.patient.days import human

FACTS: dict[str, str] = {
    "subtype": "HR+/HER2-, HR+/HER2+, HR-/HER2+, triple-negative or unknown",
    "her2_category": "positive, low, ultralow, zero, negative or unknown",
    "months_since_diagnosis": "months from the metastatic diagnosis to the date (None if unknown)",
    "de_novo": "metastatic at the first breast cancer diagnosis",
    "recurrence": "metastatic disease came back after earlier breast cancer (de_novo is false)",
    "months_since_progression": "months since the latest progression (scan or a line stopped for it)",
    "progression_untreated": "no new line since the latest progression, and no later assessment "
    "showing stable disease or shrinkage",
    "progression_on_line": "a line of therapy was being given when the cancer grew",
    "lines": "number of lines of therapy in the metastatic setting started so far",
    "on_treatment": "a non-supportive cancer drug is ongoing on the date",
    "months_on_current_line": "months since the current line of therapy started (None if none)",
    "months_since_assessment": "months since the latest response assessment (None if none)",
    "assessed": "at least one response assessment is recorded on or before the date",
    "receptors_known": "ER or HER2 has a result",
    "receptors_from_breast": "the receptor biopsy was taken from the breast",
    "receptors_months_before_diagnosis": "months from the receptor biopsy to the metastatic diagnosis",
    "receptors_months_before_progression": "months from the receptor biopsy to the latest progression",
    "unusual_sites": "metastatic sites unusual for breast cancer, not biopsied, found in the last year",
    "ai_before_progression": "an aromatase inhibitor was started before the latest progression",
    "ai_before_recurrence": "an aromatase inhibitor was given before a recurrence",
    "esr1_unknown": "no ESR1 result",
    "esr1_result": "the ESR1 result as recorded (mutated, not mutated...) or None",
    "pathway_unknown": "which of PIK3CA, AKT1, PTEN have no result",
    "pathway_altered": "PIK3CA, AKT1 or PTEN is known to be altered",
    "er_low": "ER reported as low (1-10% of cells)",
    "her2_ihc_zero": "HER2 was reported as IHC 0 (not 0+ / ultralow)",
    "her2_negative_unscored": "HER2 was reported only as negative, without an IHC score",
    "pdl1_unknown": "no PD-L1 result",
    "germline_unknown": "which of BRCA1, BRCA2 have no germline result",
    "germline_positive": "a germline BRCA1, BRCA2 or PALB2 variant is known",
    "months_since_brain": "months since brain or leptomeningeal metastases were first found",
    "brain_active": "brain metastases marked active or treated-progressing",
    "bone_metastases": "bone is a metastatic site",
    "bone_agent_ongoing": "a bone-modifying agent is ongoing on the date",
    "months_on_bone_agent": "months since the ongoing bone-modifying agent started",
    "severe_symptoms": "symptoms (not pain or mood) reported severe in recent check-ins",
    "pain_reported": "pain reported moderate or worse (or without a severity) recently",
    "mood_reported": "anxiety or sadness reported recently",
    "fatigue_reported": "fatigue reported moderate or worse recently",
    "urgent_checkin": "a recent check-in was triaged emergency or urgent (by the triage engine)",
    "ecog": "ECOG performance status 0-4 (None if unknown)",
    "doses_skipped": "medicine doses the person marked skipped in the last 90 days (None when "
    "no schedule is kept)",
    "skip_reason_given": "at least one skipped dose has a reason written down",
}

PLACEHOLDERS: dict[str, str] = {
    "diagnosis_date": "date of the metastatic diagnosis",
    "sites": "metastatic sites, e.g. 'liver and bone'",
    "first_diagnosis_year": "year of the first breast cancer diagnosis",
    "subtype_words": "the subtype in words, e.g. 'hormone receptor-positive, HER2-negative'",
    "progression_fact": "what showed progression, e.g. 'Your CT scan on 2025-05-01 showed ...'",
    "progression_date": "date of the latest progression",
    "progression_drugs": "drugs of the line that was given when the cancer grew",
    "ai_drug": "the aromatase inhibitor, in the person's own words",
    "current_drugs": "drugs of the current line of therapy",
    "current_start": "start date of the current line",
    "assessment_date": "date of the latest response assessment",
    "lines": "number of lines of therapy",
    "biopsy_date": "date of the receptor biopsy",
    "biopsy_site": "site of the receptor biopsy",
    "receptor_biopsy": "e.g. 'the biopsy of your breast on 2016-04-01'",
    "unusual_sites": "unusual sites, e.g. 'ovary'",
    "pathway_unknown": "untested genes of PIK3CA, AKT1, PTEN, e.g. 'AKT1 and PTEN'",
    "germline_unknown": "untested genes of BRCA1, BRCA2",
    "brain_date": "date brain metastases were found",
    "brain_words": "'your brain' or 'the lining of your brain and spinal cord'",
    "bone_agent": "the ongoing bone-modifying drug",
    "severe_symptoms": "severe symptoms, e.g. 'diarrhea and mouth sores'",
    "severe_date": "date of the latest check-in with a severe symptom",
    "pain_words": "pain with its place, e.g. 'back pain'",
    "pain_date": "date of the latest pain check-in",
    "mood_words": "e.g. 'anxiety and sadness'",
    "mood_date": "date of the latest mood check-in",
    "fatigue_date": "date of the latest check-in with moderate or worse fatigue",
    "urgent_date": "date of the latest check-in triaged emergency or urgent",
    "urgent_level": "'an emergency' or 'an urgent call'",
    "urgent_symptoms": "the symptoms that made it so, e.g. 'fever'",
    "ecog": "ECOG score",
    "skipped_doses": "e.g. '3 doses of palbociclib'",
    "skip_reasons": "the reasons the person wrote, e.g. 'nausea; forgot'",
}

# Used when a placeholder has no value (should not happen when the condition holds).
FALLBACK = {
    "progression_drugs": "your treatment",
    "current_drugs": "your treatment",
    "ai_drug": "an aromatase inhibitor",
    "sites": "new places",
    "progression_fact": "Your record shows the cancer grew",
    "bone_agent": "a bone-strengthening drug",
}

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
