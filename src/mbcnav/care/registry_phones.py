"""Phone numbers for a cancer center, read from ClinicalTrials.gov study records.

Only numbers a registry record gives are shown, never a guess. A study site counts as the
center when both are in the same 5-digit ZIP code and their names share a distinctive word
("Mayo Clinic in Rochester, Minnesota" and "Mayo Clinic Comprehensive Cancer Center" share
"mayo"; "St. Joseph Hospital" in the same ZIP does not count) or the center's name holds the
site's initials ("Oregon Health and Science University" -> OHSU). Each number keeps its
source: the study (NCT id and address), the site's name as the record writes it, and the
record's last update. These are study lines: they reach the team running that study, which
can usually point a caller to the center's new-patient or clinical-trials office.

Plain Python: trials are read by attribute (``nct_id``, ``last_update``, ``locations`` with
``facility``, ``zip``, ``country`` and ``contacts`` with ``name``, ``role``, ``phone``,
``phone_ext``), so any record of that shape works.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mbcnav.phones import tel_address

from .records import Center

#: Words too common in center and hospital names to tie a site to a center.
COMMON_WORDS = frozenset(
    """a an and at the of in for on to by with
    cancer cancers center centers centre comprehensive institute university universities
    college school health healthcare medical medicine hospital hospitals clinic clinics
    system systems research clinical network foundation program services care campus
    regional memorial general national community oncology hematology pavilion building
    north south east west new saint st""".split()
)
STUDY_ADDRESS = "https://clinicaltrials.gov/study/{nct_id}"


@dataclass(frozen=True)
class RegistryPhone:
    """One phone number a ClinicalTrials.gov record gives for a study site at a center."""

    phone: str
    ext: str
    facility: str  # the site's name as the record writes it
    contact: str  # the person or office named, or "" when the record names none
    nct_id: str
    last_update: str  # ISO date of the record's last update, "" if not given

    @property
    def tel(self) -> str:
        """The ``tel:`` address (RFC 3966): +1 and ten digits for a US number, the number's own
        + kept for another country's, ";ext=" after (``mbcnav.phones.tel_address``)."""
        return tel_address(self.phone, self.ext)

    @property
    def study_address(self) -> str:
        return STUDY_ADDRESS.format(nct_id=self.nct_id)


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name.lower().replace("'", ""))


def _distinctive(name: str) -> set[str]:
    return {w for w in _words(name) if len(w) >= 3 and w not in COMMON_WORDS}


def _initials(name: str) -> str:
    skip = {"a", "an", "and", "at", "the", "of", "in", "for"}
    return "".join(w[0] for w in _words(name) if w not in skip)


def same_place(center: Center, facility: str, zip_code: str) -> bool:
    """True when a study site is this center: same ZIP code and a shared distinctive word or
    the site's initials (3 letters or more) among the center's words."""
    if (zip_code or "").strip()[:5] != center.zip:
        return False
    mine = _distinctive(center.name)
    if mine & _distinctive(facility):
        return True
    initials = _initials(facility)
    return len(initials) >= 3 and initials in set(_words(center.name))


def phones_for(center: Center, trials: Iterable) -> list[RegistryPhone]:
    """Every distinct phone number the records give for study sites at ``center``, newest
    record first; one entry per number (the newest record that gives it)."""
    found: dict[str, RegistryPhone] = {}
    records = sorted(trials, key=lambda t: (t.last_update or "", t.nct_id), reverse=True)
    for trial in records:
        for site in trial.locations:
            if not same_place(center, site.facility or "", site.zip or ""):
                continue
            for person in site.contacts:
                digits = re.sub(r"\D", "", person.phone or "")
                if len(digits) < 10 or digits in found:
                    continue
                found[digits] = RegistryPhone(
                    phone=person.phone.strip(),
                    ext=(person.phone_ext or "").strip(),
                    facility=site.facility,
                    contact=(person.name or "").strip(),
                    nct_id=trial.nct_id,
                    last_update=trial.last_update or "",
                )
    return list(found.values())
