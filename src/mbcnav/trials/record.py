"""The Trial record: one study, from a ClinicalTrials.gov v2 JSON or a TrialGPT-style record."""

from __future__ import annotations

import ast
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from mbcnav.trials.errors import TrialsError

_AGE = re.compile(r"(\d+(?:\.\d+)?)\s*(year|month|week|day)", re.I)
_UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365}


#: ClinicalTrials.gov contact and official roles, in plain words.
ROLE_LABELS = {
    "CONTACT": "contact",
    "PRINCIPAL_INVESTIGATOR": "principal investigator",
    "SUB_INVESTIGATOR": "sub-investigator",
    "STUDY_CHAIR": "study chair",
    "STUDY_DIRECTOR": "study director",
}


@dataclass
class Contact:
    """Someone to ask about a study: a central contact, a site contact or an overall official."""

    name: str = ""
    role: str = ""  # CONTACT, PRINCIPAL_INVESTIGATOR, SUB_INVESTIGATOR, STUDY_CHAIR, STUDY_DIRECTOR
    phone: str = ""
    phone_ext: str = ""
    email: str = ""
    affiliation: str = ""  # overall officials only

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role.upper(), self.role.replace("_", " ").lower())

    @property
    def reachable(self) -> bool:
        return bool(self.phone or self.email)


def _contacts(values: Any) -> list[Contact]:
    """Contacts from v2 JSON (``phoneExt``) or from our own dicts (``phone_ext``)."""
    out = []
    for c in values or []:
        if isinstance(c, Contact):
            out.append(c)
            continue
        if not isinstance(c, dict):
            continue
        person = Contact(
            name=str(c.get("name") or "").strip(),
            role=str(c.get("role") or "").strip(),
            phone=str(c.get("phone") or "").strip(),
            phone_ext=str(c.get("phone_ext") or c.get("phoneExt") or "").strip(),
            email=str(c.get("email") or "").strip(),
            affiliation=str(c.get("affiliation") or "").strip(),
        )
        if person.name or person.reachable:
            out.append(person)
    return out


@dataclass
class Site:
    facility: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    country: str = ""
    status: str = ""
    lat: float | None = None
    lon: float | None = None
    contacts: list[Contact] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Site:
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in data.items() if k in known}
        data["contacts"] = _contacts(data.get("contacts"))
        return cls(**data)


@dataclass
class Trial:
    nct_id: str
    title: str = ""
    phase: str = ""
    status: str = ""
    conditions: list[str] = field(default_factory=list)
    interventions: list[str] = field(default_factory=list)
    summary: str = ""
    eligibility: str = ""
    sex: str = "all"  # all | female | male
    sex_stated: bool = True  # False: the record gives no sex (a copy from a web page)
    min_age: float | None = None  # years
    max_age: float | None = None
    locations: list[Site] = field(default_factory=list)
    last_update: str = ""  # YYYY-MM-DD
    source: str = ""
    central_contacts: list[Contact] = field(default_factory=list)
    officials: list[Contact] = field(default_factory=list)  # overall officials (no phone/email)
    # What a patient-facing card reads (card.py); empty when the record does not give it.
    official_title: str = ""
    keywords: list[str] = field(default_factory=list)
    study_type: str = ""  # INTERVENTIONAL | OBSERVATIONAL | EXPANDED_ACCESS
    design: dict[str, Any] = field(default_factory=dict)  # allocation, masking, model, purpose...
    treatments: list[dict[str, Any]] = field(default_factory=list)  # type, name, description
    arms: list[dict[str, Any]] = field(default_factory=list)  # label, type, description
    details: str = ""  # the detailed description
    dates: dict[str, str] = field(default_factory=dict)  # start, primary_completion, verified...
    why_stopped: str = ""
    sponsor: str = ""
    enrollment: int | None = None

    @property
    def recruiting(self) -> bool:
        return self.status.upper().replace(" ", "_") in {"RECRUITING", "NOT_YET_RECRUITING"}

    def text(self) -> str:
        """All searchable words of the trial (title, conditions, drugs, summary, criteria)."""
        parts = [self.title, " ".join(self.conditions), " ".join(self.interventions)]
        return "\n".join(parts + [self.summary, self.eligibility])

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Trial:
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in data.items() if k in known}  # a newer engine's extra keys
        data["locations"] = [Site.from_dict(s) for s in data.get("locations") or []]
        data["central_contacts"] = _contacts(data.get("central_contacts"))
        data["officials"] = _contacts(data.get("officials"))
        return cls(**data)


def parse_age(text: Any) -> float | None:
    """'18 Years' -> 18.0; 'N/A', '' or None -> None."""
    if text is None:
        return None
    if isinstance(text, int | float):
        return float(text)
    m = _AGE.search(str(text))
    if not m:
        return None
    return round(float(m.group(1)) * _UNIT_YEARS[m.group(2).lower()], 2)


def _sex(value: Any) -> str:
    v = str(value or "all").strip().lower()
    return v if v in {"female", "male"} else "all"


def _phase(values: Any) -> str:
    if isinstance(values, str):
        try:
            values = ast.literal_eval(values) if values.startswith("[") else [values]
        except (ValueError, SyntaxError):
            values = [values]
    names = []
    for v in values or []:
        v = re.sub(r"EARLY[_\s]*", "early ", str(v).upper().replace("PHASE", ""))
        v = re.sub(r"\s*/\s*", "/", v).strip(" _")
        if v and v not in {"NA", "N/A", "NOT_APPLICABLE", "NOT APPLICABLE", "NONE"}:
            names.append(v)
    return "Phase " + "/".join(names) if names else ""


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        if value.startswith("["):
            try:
                return [str(x) for x in ast.literal_eval(value)]
            except (ValueError, SyntaxError):
                pass
        return [value] if value else []
    return [str(x) for x in value or []]


def from_v2(study: dict[str, Any]) -> Trial:
    """A Trial from one ClinicalTrials.gov API v2 study (full or ``fields``-projected)."""
    if not isinstance(study, dict) or "protocolSection" not in study:
        raise TrialsError(
            "The study record has no 'protocolSection'; expected a ClinicalTrials.gov API v2 study."
        )
    p = study["protocolSection"]
    ident = p.get("identificationModule", {})
    nct = ident.get("nctId")
    if not nct:
        raise TrialsError("The study record has no 'nctId'; every v2 study must have one.")
    status = p.get("statusModule", {})
    elig = p.get("eligibilityModule", {})
    arms = p.get("armsInterventionsModule", {})
    cl = p.get("contactsLocationsModule", {})
    sites = []
    for loc in cl.get("locations", []) or []:
        gp = loc.get("geoPoint") or {}
        sites.append(
            Site(
                facility=loc.get("facility", ""),
                city=loc.get("city", ""),
                state=loc.get("state", ""),
                zip=loc.get("zip", ""),
                country=loc.get("country", ""),
                status=loc.get("status", ""),
                lat=gp.get("lat"),
                lon=gp.get("lon"),
                contacts=_contacts(loc.get("contacts")),
            )
        )
    last = (status.get("lastUpdatePostDateStruct") or {}).get("date") or status.get(
        "lastUpdateSubmitDate", ""
    )
    design = p.get("designModule", {})
    info = design.get("designInfo") or {}
    masking = info.get("maskingInfo") or {}
    enrol = (design.get("enrollmentInfo") or {}).get("count")
    return Trial(
        nct_id=nct,
        title=ident.get("briefTitle") or ident.get("officialTitle", ""),
        phase=_phase(p.get("designModule", {}).get("phases")),
        status=status.get("overallStatus", ""),
        conditions=list(p.get("conditionsModule", {}).get("conditions", [])),
        interventions=[i.get("name", "") for i in arms.get("interventions", []) or []],
        summary=p.get("descriptionModule", {}).get("briefSummary", ""),
        eligibility=elig.get("eligibilityCriteria", ""),
        sex=_sex(elig.get("sex")),
        sex_stated=bool(elig.get("sex")),
        min_age=parse_age(elig.get("minimumAge")),
        max_age=parse_age(elig.get("maximumAge")),
        locations=sites,
        last_update=last,
        source="ClinicalTrials.gov API v2",
        central_contacts=_contacts(cl.get("centralContacts")),
        officials=_contacts(cl.get("overallOfficials")),
        official_title=ident.get("officialTitle", ""),
        keywords=list(p.get("conditionsModule", {}).get("keywords", [])),
        study_type=design.get("studyType", ""),
        design=_drop_empty(
            {
                "allocation": info.get("allocation", ""),
                "model": info.get("interventionModel", ""),
                "purpose": info.get("primaryPurpose", ""),
                "masking": masking.get("masking", ""),
                "who_masked": list(masking.get("whoMasked", [])),
                "observational_model": info.get("observationalModel", ""),
                "time_perspective": info.get("timePerspective", ""),
            }
        ),
        treatments=[
            _drop_empty(
                {
                    "type": i.get("type", ""),
                    "name": i.get("name", ""),
                    "description": i.get("description", ""),
                    "other_names": list(i.get("otherNames", [])),
                }
            )
            for i in arms.get("interventions", []) or []
        ],
        arms=[
            _drop_empty(
                {
                    "label": a.get("label", ""),
                    "type": a.get("type", ""),
                    "description": a.get("description", ""),
                }
            )
            for a in arms.get("armGroups", []) or []
        ],
        details=p.get("descriptionModule", {}).get("detailedDescription", ""),
        dates=_drop_empty(
            {
                "start": _date(status, "startDateStruct"),
                "primary_completion": _date(status, "primaryCompletionDateStruct"),
                "completion": _date(status, "completionDateStruct"),
                "first_posted": _date(status, "studyFirstPostDateStruct"),
                "verified": status.get("statusVerifiedDate", ""),
            }
        ),
        why_stopped=status.get("whyStopped", ""),
        sponsor=(p.get("sponsorCollaboratorsModule", {}).get("leadSponsor") or {}).get("name", ""),
        enrollment=enrol if isinstance(enrol, int) else None,
    )


def _date(status: dict, key: str) -> str:
    return str((status.get(key) or {}).get("date") or "")


def _drop_empty(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in ("", None, [], {})}


def from_trialgpt(rec: dict[str, Any]) -> Trial:
    """A Trial from a TrialGPT / TREC-style flat record or a flattened export."""
    nct = (
        rec.get("nctid") or rec.get("nct_id") or rec.get("NCTID") or rec.get("id") or rec.get("_id")
    )
    if not nct:
        raise TrialsError(
            "A trial record has no 'nctid', 'nct_id' or 'id'; one of them is required."
        )
    crit = rec.get("raw_criteria") or (rec.get("eligibility") or {}).get("raw_text", "")
    if not crit and (rec.get("inclusion_criteria") or rec.get("exclusion_criteria")):
        inc = re.sub(
            r"^\s*inclusion criteria\s*:?", "", rec.get("inclusion_criteria", ""), flags=re.I
        )
        exc = re.sub(
            r"^\s*(exclusion criteria)?\s*:?", "", rec.get("exclusion_criteria", ""), flags=re.I
        )
        crit = f"Inclusion Criteria:\n{inc}\nExclusion Criteria:\n{exc}"
    locs = [
        Site(country=c) if isinstance(c, str) else Site.from_dict(c)
        for c in rec.get("locations") or []
    ]
    return Trial(
        nct_id=str(nct),
        title=rec.get("title") or rec.get("brief_title", ""),
        phase=_phase(rec.get("phases") or rec.get("phase") or []),
        status=str(rec.get("overall_status") or rec.get("status") or ""),
        conditions=_list(rec.get("condition") or rec.get("conditions") or rec.get("diseases_list")),
        interventions=_list(rec.get("interventions") or rec.get("drugs_list")),
        summary=rec.get("brief_summary") or rec.get("summary") or "",
        eligibility=crit or "",
        sex=_sex(rec.get("sex") or rec.get("gender")),
        sex_stated=bool(rec.get("sex") or rec.get("gender")),
        min_age=parse_age(rec.get("minimum_age")),
        max_age=parse_age(rec.get("maximum_age")),
        locations=locs,
        last_update=str(rec.get("last_update") or ""),
        source=str(rec.get("source") or "TrialGPT-style record"),
        central_contacts=_contacts(rec.get("central_contacts")),
        officials=_contacts(rec.get("officials")),
        study_type=str(rec.get("study_type") or "").upper(),
        sponsor=str(rec.get("sponsor") or ""),
        enrollment=rec["enrollment_count"]
        if isinstance(rec.get("enrollment_count"), int)
        else None,
        dates=_drop_empty(
            {
                "start": str(rec.get("start_date") or ""),
                "completion": str(rec.get("completion_date") or ""),
            }
        ),
    )
