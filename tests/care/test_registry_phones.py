"""Center phone numbers come only from ClinicalTrials.gov records, with their source."""

from __future__ import annotations

import re
from types import SimpleNamespace as NS

from mbcnav.care import directory
from mbcnav.care.registry_phones import RegistryPhone, phones_for, same_place
from mbcnav.trials.snapshot import open_snapshot


def _center(name: str, zip_code: str):
    base = directory.centers()[0]
    return type(base)(**{**base.__dict__, "name": name, "zip": zip_code})


def _trial(nct, updated, *sites):
    return NS(nct_id=nct, last_update=updated, locations=list(sites))


def _site(facility, zip_code, *phones, name=""):
    contacts = [NS(name=name, role="CONTACT", phone=p, phone_ext="") for p in phones]
    return NS(facility=facility, zip=zip_code, country="United States", contacts=contacts)


def test_a_site_is_the_center_only_in_its_zip_with_a_shared_name():
    yale = _center("Yale Cancer Center", "06510")
    assert same_place(yale, "Yale-New Haven Hospital", "06510")
    assert same_place(yale, "Yale-New Haven Hospital", "06510-3220")
    assert not same_place(yale, "Yale-New Haven Hospital", "06520")  # another ZIP
    assert not same_place(yale, "Saint Raphael Campus Hospital", "06510")  # no shared word
    ohsu = _center("OHSU Knight Cancer Institute", "97239")
    assert same_place(ohsu, "Oregon Health and Science University", "97239")  # initials
    chao = _center("Chao Family Comprehensive Cancer Center, UC Irvine", "92868")
    assert not same_place(chao, "St. Joseph Hospital", "92868")
    assert same_place(chao, "University of California, Irvine (UCI) Health - UC Irvine", "92868")


def test_numbers_keep_their_record_and_the_newest_record_wins():
    yale = _center("Yale Cancer Center", "06510")
    trials = [
        _trial(
            "NCT00000001", "2024-01-02", _site("Yale-New Haven Hospital", "06510", "203-555-0101")
        ),
        _trial(
            "NCT00000002",
            "2025-06-25",
            _site("Yale-New Haven Hospital", "06510", "203-555-0101", "(203) 555-0199", name="Ann"),
            _site("Other Hospital", "06510", "203-555-0142"),
            _site("Yale site without a number", "06510", "call us", "12"),
        ),
    ]
    found = phones_for(yale, trials)
    assert [(p.phone, p.nct_id, p.last_update) for p in found] == [
        ("203-555-0101", "NCT00000002", "2025-06-25"),
        ("(203) 555-0199", "NCT00000002", "2025-06-25"),
    ]
    assert found[1].contact == "Ann" and found[0].facility == "Yale-New Haven Hospital"
    assert found[0].study_address == "https://clinicaltrials.gov/study/NCT00000002"


def test_tel_addresses():
    def tel(phone, ext=""):
        return RegistryPhone(phone, ext, "", "", "NCT1", "").tel

    assert tel("507-284-2511") == "tel:+15072842511"
    assert tel("(203) 499-9297", "12") == "tel:+12034999297;ext=12"
    assert tel("+1 617.632.2335") == "tel:+16176322335"
    assert tel("+44 20 7946 0000") == "tel:+442079460000"  # another country keeps its +


def test_bundled_snapshot_gives_sourced_numbers_for_real_centers():
    trials = open_snapshot().trials()
    mayo = directory.center("mayo-clinic")
    found = phones_for(mayo, trials)
    assert "507-284-2511" in [p.phone for p in found]
    by_id = {t.nct_id: t for t in trials}
    centers_with_numbers = 0
    for center in directory.centers():
        for p in phones_for(center, trials):
            centers_with_numbers += 1
            site_numbers = {
                c.phone
                for s in by_id[p.nct_id].locations
                if s.facility == p.facility
                for c in s.contacts
            }
            assert p.phone in site_numbers  # copied from the record, never made up
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", p.last_update)
    assert centers_with_numbers >= 10
