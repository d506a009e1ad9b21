"""Helpers the trial finder page tests share: a small ClinicalTrials.gov study record, a
stand-in API client, the page addresses and the trial ids a list page shows."""

from __future__ import annotations

import re

from django.urls import reverse

from mbcnav.trials import groups


def study(nct, updated, title="Drug X for metastatic breast cancer", criteria=None):
    """A small ClinicalTrials.gov API v2 study record."""
    crit = (
        criteria
        or "Inclusion Criteria:\n- Metastatic breast cancer\n- Age 18 or older\n\nExclusion Criteria:\n- Active brain metastases"
    )
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct, "briefTitle": title},
            "statusModule": {
                "overallStatus": "RECRUITING",
                "lastUpdatePostDateStruct": {"date": updated},
            },
            "conditionsModule": {"conditions": ["Metastatic Breast Cancer"]},
            "designModule": {"phases": ["PHASE2"]},
            "eligibilityModule": {
                "eligibilityCriteria": crit,
                "sex": "ALL",
                "minimumAge": "18 Years",
            },
            "contactsLocationsModule": {
                "locations": [
                    {
                        "facility": "Lakeside Cancer Center",
                        "city": "Chicago",
                        "state": "Illinois",
                        "zip": "60611",
                        "country": "United States",
                        "status": "RECRUITING",
                        "geoPoint": {"lat": 41.89, "lon": -87.62},
                    }
                ]
            },
        }
    }


class FakeClient:
    """Stands in for CtgovClient: returns the given studies, remembers the queries."""

    def __init__(self, studies):
        self.studies, self.queries = studies, []

    def search(self, max_pages=None, **query):
        self.queries.append(query)
        yield from self.studies


def detail_url(nct, owner=None, action=None, number=None):
    kwargs = {"nct_id": nct}
    if owner is not None:
        kwargs["owner_id"] = owner.pk
    if number is not None:
        kwargs["number"] = number
    return reverse(f"trials:{action or 'detail'}", kwargs=kwargs)


def list_url(owner=None, **params):
    url = reverse("trials:list", kwargs={"owner_id": owner.pk} if owner else {})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def shown_ids(resp) -> list[str]:
    """The trials listed as ones to join or check (not the collapsed closed section)."""
    return re.findall(r'<span class="muted">(NCT\d{8})', resp.content.decode())


def closed_ids(resp) -> list[str]:
    """The trials in the collapsed "closed to new patients" section."""
    return re.findall(r'<span class="muted closed-meta">(NCT\d{8})', resp.content.decode())


def first_open(loaded) -> str:
    return next(t.nct_id for t in loaded.trials if groups.is_open(t.status))
