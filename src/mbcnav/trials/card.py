"""A trial a patient can read: a plain-language card built from the registry fields.

``card(trial, point=None)`` returns a JSON-ready dict:

- ``title`` (the brief title, cleaned) and ``official_title`` (secondary, when it differs);
- ``status``: key, words, ``open`` (offered as a trial to join: ``groups.is_open``), and a
  ``banner`` for trials a person cannot join now, or a ``label`` for "not yet recruiting";
- ``phase``: the registry's phase and what it means, in words (``data/card.yaml``);
- ``tested``: each treatment studied, its kind in words and the registry's short description;
- ``who``: conditions, age and sex limits, and the summary's sentences about who it is for;
- ``involves``: what taking part means where the registry says so (chance groups, blinding,
  placebo, biopsies, questionnaires) and ``schedule``: how treatment is given, quoted;
- ``nearest`` (with ``point``, open trials only): the closest open site, its distance; ``contact``:
  the first reachable contact (the nearest site's, else the study's);
- ``glossary``: jargon found in what the card shows, explained (``glossary.explain``);
- ``dates``, ``size``, ``sponsor``, ``why_stopped``; ``sources`` of the words used.
Registry markup is cleaned everywhere (``markup.plain_text``).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from mbcnav.trials import groups
from mbcnav.trials.errors import TrialsError
from mbcnav.trials.geo import closest, describe
from mbcnav.trials.glossary import explain
from mbcnav.trials.markup import one_line, plain_text, sentences
from mbcnav.trials.record import Contact, Trial

WHERE = "trials/data/card.yaml"
_SECTIONS = ("phases", "design", "treatment_types", "status", "sources")

_WHO = re.compile(
    r"\b(?:patients?|people|persons?|participants?|women|men|adults?|subjects?|individuals?)\b"
    r"[^.]{0,80}\b(?:with|who|whose|having|diagnosed)\b",
    re.I,
)
_PLACEBO = re.compile(r"\bplacebo\b", re.I)
_BIOPSY_NEW = re.compile(
    r"\b(?:fresh|new|newly obtained|mandatory|required|on[- ]treatment|paired|research|serial|"
    r"pre-?treatment|post-?treatment)\s+(?:tumou?r\s+)?(?:tissue\s+)?(?:core\s+)?biops(?:y|ies)\b"
    r"|\bbiops(?:y|ies)\b[^.]{0,40}\b(?:is|are|will be)\s+(?:required|mandatory)\b",
    re.I,
)
_BIOPSY_OLD = re.compile(
    r"\barchival\s+(?:tumou?r\s+)?(?:tissue|samples?|specimens?|blocks?|biops(?:y|ies))\b", re.I
)
_QUESTIONNAIRE = re.compile(
    r"\bquestionnaires?\b|\bquality[- ]of[- ]life\b|\bQLQ\b|\bPRO-?CTCAE\b|\bEQ-5D", re.I
)
_SCHEDULE = re.compile(
    r"\b(?:every|each|once every)\s+(?:\d+|one|two|three|four|six|other)\s+(?:days?|weeks?|months?)\b"
    r"|\b(?:\d+|twenty-one|twenty-eight)[- ](?:day|week)\s+cycles?\b"
    r"|\b(?:once|twice|two times|three times)\s+(?:a\s+|per\s+)?(?:day|daily|week|weekly)\b"
    r"|\bdays?\s+\d+(?:\s*(?:,|and|&)\s*\d+)+\s+of\s+(?:each|every|a)\s+\d+-day\s+cycle\b"
    r"|\b(?:by mouth|orally|intravenously|intravenous(?: infusion)?|subcutaneous(?:ly)?|"
    r"intramuscular(?:ly)?)\b"
    r"|\b\d+\s+days?\s+on\b[^.]{0,12}\b\d+\s+days?\s+off\b",
    re.I,
)
MAX_SCHEDULE = 6


@cache
def words() -> dict:
    """``data/card.yaml``, checked: its sections, every source with publisher/title/url/read."""
    path = resources.files("mbcnav.trials").joinpath("data/card.yaml")
    raw = yaml.safe_load(path.read_text("utf-8"))
    if not isinstance(raw, dict) or any(not raw.get(s) for s in _SECTIONS):
        raise TrialsError(f"{WHERE} needs the sections {', '.join(_SECTIONS)}.")
    for name, src in raw["sources"].items():
        if not all(src.get(k) for k in ("publisher", "title", "url", "read")):
            raise TrialsError(f"{WHERE}: source '{name}' needs publisher, title, url and read.")
    for sec in ("phases", "design", "treatment_types", "status"):
        if raw[sec].get("source") not in raw["sources"]:
            raise TrialsError(f"{WHERE}: section '{sec}' names no known source.")
    return raw


def phase_words(trial: Trial) -> dict:
    """{"label", "words"}: the registry phase and what it means for a person."""
    w = words()["phases"]
    kind = (trial.study_type or "").upper()
    if kind == "OBSERVATIONAL":
        return {"label": "Observational study", "words": w["observational"]}
    if kind == "EXPANDED_ACCESS":
        return {"label": "Expanded access", "words": w["expanded_access"]}
    label = re.sub(r"\s*/\s*", "/", trial.phase or "").strip()
    label = re.sub(r"(?<=/)phase\s*", "", label, flags=re.I)
    if not label:
        return {"label": "No phase given", "words": w["no_phase"]}
    return {"label": label, "words": w["words"].get(label, "")}


def _treatments(trial: Trial) -> list[dict]:
    kinds = words()["treatment_types"]["words"]
    items = trial.treatments or [{"name": n} for n in trial.interventions]
    out = []
    for t in items:
        name = one_line(t.get("name", ""))
        if not name:
            continue
        about = sentences(t.get("description", ""))
        out.append(
            {
                "name": name,
                "kind": kinds.get(str(t.get("type", "")).upper(), ""),
                "other_names": [one_line(x) for x in t.get("other_names", [])][:4],
                "about": one_line(about[0], 220) if about else "",
                "placebo": bool(_PLACEBO.search(name)),
            }
        )
    return out


def _ages(trial: Trial) -> str:
    lo, hi = trial.min_age, trial.max_age
    if lo is None and hi is None:
        return "No age limits given"
    if hi is None:
        return f"Ages {lo:g} and older"
    if lo is None:
        return f"Up to age {hi:g}"
    return f"Ages {lo:g} to {hi:g}"


def _who(trial: Trial) -> dict:
    said = [s for s in sentences(trial.summary) if _WHO.search(s)][:2]
    return {
        "conditions": [one_line(c) for c in trial.conditions],
        "ages": _ages(trial),
        "sex": {"female": "Women only", "male": "Men only"}.get(trial.sex, "Women and men"),
        "summary": [one_line(s, 300) for s in said],
    }


def _design_text(trial: Trial) -> str:
    arms = " ".join(a.get("description", "") + " " + a.get("label", "") for a in trial.arms)
    treat = " ".join(t.get("description", "") for t in trial.treatments)
    return plain_text(" \n".join([trial.summary, trial.details, arms, treat]), bullets="")


def _involves(trial: Trial) -> tuple[list[str], list[str]]:
    d = words()["design"]
    design = trial.design or {}
    out = []
    if design.get("allocation") in d["allocation"]:
        out.append(d["allocation"][design["allocation"]])
    if design.get("model") in d["model"]:
        out.append(d["model"][design["model"]])
    masking = design.get("masking", "")
    if masking == "NONE":
        out.append(d["masking"]["NONE"])
    elif masking:
        who = [d["who_masked"][w] for w in design.get("who_masked", []) if w in d["who_masked"]]
        text = ", ".join(who[:-1]) + (" and " if len(who) > 1 else "") + (who[-1] if who else "")
        out.append(d["masking"]["blinded"].format(who=text or "some people"))
    said = _design_text(trial)
    placebo = any(_PLACEBO.search(t.get("name", "")) for t in trial.treatments) or any(
        a.get("type") == "PLACEBO_COMPARATOR" for a in trial.arms
    )
    if placebo or _PLACEBO.search(" ".join(trial.interventions)):
        out.append(d["placebo"])
    everything = said + "\n" + trial.eligibility
    if _BIOPSY_NEW.search(everything):
        out.append(d["biopsy_new"])
    elif _BIOPSY_OLD.search(everything):
        out.append(d["biopsy_archival"])
    if _QUESTIONNAIRE.search(said) or any(
        str(t.get("type", "")).upper() == "BEHAVIORAL" for t in trial.treatments
    ):
        out.append(d["questionnaires"])
    seen: dict[str, str] = {}
    for m in _SCHEDULE.finditer(said):  # "subcutaneous" and "subcutaneously" once
        key = re.sub(r"(?:ly| infusion)$", "", m.group(0).lower())
        seen.setdefault(key, m.group(0))
    return out, list(seen.values())[:MAX_SCHEDULE]


def status_card(status: str) -> dict:
    """{"key", "words", "open", "banner", "label"} for a registry status."""
    key = groups.status_key(status)
    st = words()["status"]
    words_ = groups.status_words(status)
    banner = None
    if not groups.is_open(status):
        banner = st["banners"].get(key) or st["banners"]["other"].format(status=words_.lower())
    return {
        "key": key,
        "words": words_,
        "open": groups.is_open(status),
        "banner": banner,
        "label": st["labels"].get(key),
    }


def contact_dict(c: Contact) -> dict:
    return {
        "name": c.name,
        "role": c.role_label,
        "phone": c.phone,
        "phone_ext": c.phone_ext,
        "email": c.email,
    }


def _where(trial: Trial, point) -> tuple[dict | None, dict | None]:
    found = closest(trial, point) if point and groups.is_open(trial.status) else None
    nearest = describe(found)
    contact = None
    if found:
        site_contacts = [c for c in found[0].contacts if c.reachable]
        if site_contacts:
            contact = {**contact_dict(site_contacts[0]), "for": "nearest site"}
    if contact is None:
        central = [c for c in trial.central_contacts if c.reachable]
        if central:
            contact = {**contact_dict(central[0]), "for": "whole study"}
    return nearest, contact


def countries(trial: Trial) -> list[tuple[str, int]]:
    """(country, number of sites) for the trial's sites, most sites first."""
    count: dict[str, int] = {}
    for s in trial.locations:
        if s.country:
            count[s.country] = count.get(s.country, 0) + 1
    return sorted(count.items(), key=lambda x: (-x[1], x[0]))


def card(trial: Trial, point: tuple[float, float] | None = None) -> dict:
    """The plain-language card of ``trial`` (see the module docstring)."""
    title = one_line(trial.title) or trial.nct_id
    official = one_line(trial.official_title)
    involves, schedule = _involves(trial)
    tested = _treatments(trial)
    who = _who(trial)
    nearest, contact = _where(trial, point)
    shown = [title, official, " ".join(who["summary"]), " ".join(who["conditions"])]
    shown += [t["name"] + " " + t["about"] for t in tested]
    w = words()
    return {
        "nct_id": trial.nct_id,
        "title": title,
        "official_title": official if official and official.lower() != title.lower() else "",
        "status": status_card(trial.status),
        "phase": phase_words(trial),
        "tested": tested,
        "who": who,
        "involves": involves,
        "schedule": schedule,
        "schedule_intro": w["design"]["schedule"],
        "size": f"About {trial.enrollment} people" if trial.enrollment else "",
        "sponsor": one_line(trial.sponsor),
        "dates": dict(trial.dates),
        "why_stopped": one_line(trial.why_stopped),
        "nearest": nearest,
        "contact": contact,
        "countries": countries(trial),
        "sites": len(trial.locations),
        "glossary": explain(*shown, plain_text(trial.summary), trial.eligibility),
        "sources": [w["sources"][k] for k in ("nci_phases", "ctgov")],
    }
