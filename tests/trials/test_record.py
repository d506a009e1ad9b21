import json

import pytest

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.record import Trial, from_trialgpt, from_v2, parse_age

from .conftest import FIXTURES


def test_full_v2_record(v2_full):
    t = from_v2(v2_full)
    assert t.nct_id == "NCT03377387"
    assert t.phase == "Phase 1/2"
    assert t.status == "ACTIVE_NOT_RECRUITING" and not t.recruiting
    assert t.sex == "female" and t.min_age == 18.0 and t.max_age is None
    assert t.last_update == "2023-04-18"
    assert len(t.locations) == 10 and all(s.lat is not None for s in t.locations)
    assert "Inclusion Criteria" in t.eligibility


def test_field_subset_record_tolerates_missing_modules(v2_subset):
    t = from_v2(v2_subset)
    assert t.nct_id == "NCT02576665"
    assert t.status == "TERMINATED"
    assert any("Triple" in c or "triple" in c for c in t.conditions)


def test_round_trip(v2_full):
    t = from_v2(v2_full)
    assert Trial.from_dict(t.to_dict()) == t


def test_not_a_v2_record():
    with pytest.raises(TrialsError, match="protocolSection"):
        from_v2({"nct": "x"})


def test_trialgpt_record_with_split_criteria():
    t = from_trialgpt(
        {
            "NCTID": "NCT01397994",
            "brief_title": "Angina",
            "phase": "Phase 4",
            "inclusion_criteria": "inclusion criteria: \n\n Male and female",
            "exclusion_criteria": ": \n\n Unstable angina",
            "diseases_list": "['Angina']",
        }
    )
    assert t.conditions == ["Angina"] and t.phase == "Phase 4"
    assert "Exclusion Criteria:" in t.eligibility


def test_ages():
    assert parse_age("18 Years") == 18.0
    assert parse_age("6 Months") == 0.5
    assert parse_age("N/A") is None


# ----------------------------------------------------------------- contacts
def test_overall_official_from_a_real_record(v2_full):
    t = from_v2(v2_full)
    assert [(o.name, o.role_label, o.affiliation) for o in t.officials] == [
        ("Chau Dang, MD", "principal investigator", "Memorial Sloan Kettering Cancer Center")
    ]
    assert t.central_contacts == [] and all(s.contacts == [] for s in t.locations)


def test_central_contact_from_a_real_record():
    data = json.loads((FIXTURES / "NCT07062965.contacts-excerpt.json").read_text("utf-8"))
    t = from_v2(data)
    assert len(t.central_contacts) == 1
    c = t.central_contacts[0]
    assert (c.name, c.phone, c.email) == (
        "Pfizer CT.gov Call Center",
        "1-800-718-1021",
        "ClinicalTrials.gov_Inquiries@pfizer.com",
    )
    assert c.reachable and c.phone_ext == ""


def test_site_contacts_with_extension_and_round_trip():
    study = {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT00000001"},
            "contactsLocationsModule": {
                "centralContacts": [
                    {
                        "name": "Ann Lee",
                        "role": "CONTACT",
                        "phone": "312-555-0100",
                        "phoneExt": "42",
                    }
                ],
                "locations": [
                    {
                        "facility": "Lakeside",
                        "city": "Chicago",
                        "country": "United States",
                        "contacts": [
                            {"name": "Bo Park", "role": "CONTACT", "email": "bo@example.org"},
                            {"name": "Cy Ode", "role": "PRINCIPAL_INVESTIGATOR"},
                            {"role": "CONTACT"},  # nobody: dropped
                        ],
                    }
                ],
            },
        }
    }
    t = from_v2(study)
    assert t.central_contacts[0].phone_ext == "42"
    assert [(c.name, c.role_label, c.reachable) for c in t.locations[0].contacts] == [
        ("Bo Park", "contact", True),
        ("Cy Ode", "principal investigator", False),
    ]
    data = json.loads(json.dumps(t.to_dict()))  # as the JSON store and the database keep it
    assert data["central_contacts"][0]["phone_ext"] == "42"
    assert Trial.from_dict(data) == t


def test_records_stored_before_contacts_still_load(v2_full):
    old = from_v2(v2_full).to_dict()
    for key in ("central_contacts", "officials"):
        del old[key]
    for site in old["locations"]:
        del site["contacts"]
    t = Trial.from_dict(old)
    assert t.officials == [] and t.central_contacts == [] and len(t.locations) == 10
