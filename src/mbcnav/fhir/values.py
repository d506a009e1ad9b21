"""Small helpers for reading FHIR JSON leniently, and the import draft they fill.

Everything here works on plain dicts (the bundle as parsed from JSON), after each
resource has passed R4B validation, so shapes are known to be legal FHIR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"


class Skip(Exception):
    """Raised by a reader: the resource is left out; the message says why."""


def codings(concept: Any) -> list[dict]:
    if not isinstance(concept, dict):
        return []
    return [c for c in concept.get("coding") or [] if isinstance(c, dict)]


def texts(concept: Any) -> list[str]:
    """The concept's text, then each coding's display (cleaned of SNOMED '(tag)' suffixes)."""
    out = []
    if isinstance(concept, dict) and concept.get("text"):
        out.append(str(concept["text"]))
    for c in codings(concept):
        if c.get("display"):
            out.append(clean_display(c["display"]))
    return out


def clean_display(text: str) -> str:
    return re.sub(
        r"\s*\((disorder|finding|procedure|qualifier value|body structure|"
        r"morphologic abnormality|situation|regime/therapy|observable entity)\)\s*$",
        "",
        str(text),
    ).strip()


def has_code(concept: Any, codes) -> bool:
    """True when the concept carries any of the table Codes given."""
    wanted = {(c.system, c.code) for c in codes}
    return any((c.get("system"), str(c.get("code"))) in wanted for c in codings(concept))


def find_code(concept: Any, table, group: str | None = None):
    """The first table Code the concept carries (optionally only from one group)."""
    for c in codings(concept):
        found = table.find(c.get("system"), c.get("code"))
        if found and (group is None or found.key.startswith(group + ".")):
            return found
    return None


def day(value: Any) -> str | None:
    """A FHIR date/dateTime -> 'YYYY-MM-DD' (year or year-month completed with 01)."""
    if not value:
        return None
    text = str(value)
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        return None
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"


def effective(res: dict) -> str | None:
    for key in ("effectiveDateTime", "effectiveInstant", "issued"):
        if res.get(key):
            return day(res[key])
    period = res.get("effectivePeriod") or {}
    return day(period.get("start"))


def profiles(res: dict) -> list[str]:
    return [str(p) for p in (res.get("meta") or {}).get("profile") or []]


def has_profile(res: dict, *fragments: str) -> bool:
    return any(any(f in p for f in fragments) for p in profiles(res))


def extensions(res: dict, url: str) -> list[dict]:
    return [e for e in res.get("extension") or [] if isinstance(e, dict) and e.get("url") == url]


def ext_value(res: dict, url: str, kind: str) -> Any:
    for e in extensions(res, url):
        if kind in e:
            return e[kind]
    return None


def ref_id(reference: Any) -> str | None:
    """'Patient/abc', 'urn:uuid:abc', 'abc', 'http://x/Patient/abc/_history/2' -> 'abc'."""
    if isinstance(reference, dict):
        reference = reference.get("reference")
    if not reference:
        return None
    text = re.sub(r"/_history/.*$", "", str(reference))
    return text.rsplit(":", 1)[-1].rsplit("/", 1)[-1]


@dataclass
class Latest:
    """A single-valued fact where the most recent result wins (ties: the later entry)."""

    value: Any
    date: str | None
    label: str


@dataclass
class Draft:
    """What the readers collect before it is assembled into a patient-file dict."""

    person: dict = field(default_factory=dict)
    person_labels: dict = field(default_factory=dict)  # field -> resource label
    diagnosis: dict = field(default_factory=dict)
    diagnosis_labels: dict = field(default_factory=dict)
    stages: list = field(default_factory=list)  # (date or "", stage, label)
    single: dict[str, Latest] = field(
        default_factory=dict
    )  # "er", "pr", "her2", "ecog", "karnofsky", "menopausal_status", "biomarker:X"
    superseded: list = field(default_factory=list)  # (label, why)
    lists: dict[str, list] = field(
        default_factory=lambda: {
            "metastases": [],
            "treatments": [],
            "assessments": [],
            "labs": [],
            "symptoms": [],
            "conditions": [],
        }
    )
    regimens: dict = field(default_factory=dict)  # groupIdentifier -> index in treatments
    biopsy: dict = field(default_factory=dict)  # receptor label -> (biopsy site, date)

    def offer(self, key: str, value: Any, when: str | None, label: str, what: str) -> None:
        """Keep the most recent value for a single-valued fact; note what it replaced."""
        old = self.single.get(key)
        if old is None or (when or "") >= (old.date or ""):
            if old is not None:
                self.superseded.append(
                    (old.label, f"a more recent {what} result was kept ({label}).")
                )
            self.single[key] = Latest(value, when, label)
        else:
            self.superseded.append((label, f"a more recent {what} result was kept ({old.label})."))

    def add(self, section: str, item: dict, label: str) -> None:
        self.lists[section].append((item, label))

    def set_person(self, key: str, value: Any, label: str) -> None:
        if value is not None and key not in self.person:
            self.person[key] = value
            self.person_labels[key] = label

    def set_diagnosis(self, key: str, value: Any, label: str) -> None:
        if value is not None and key not in self.diagnosis:
            self.diagnosis[key] = value
            self.diagnosis_labels[key] = label
