"""Item-by-item review: what an import would add, and accepting only the chosen items."""

import pytest
from mbcnav_fhir_test_support import fixture

from mbcnav.fhir import FhirError, import_bundle
from mbcnav.fhir.review import accept, proposals

EMPTY = {"format": "mbcnav-patient/1"}


@pytest.fixture
def incoming():
    record, _ = import_bundle(fixture("eom_patient_1.json"))
    return record


def test_an_empty_record_is_offered_every_fact_once(incoming):
    items = proposals(EMPTY, incoming)
    assert all(p.kind == "new" for p in items)
    ids = [p.id for p in items]
    assert len(ids) == len(set(ids))
    sections = {p.section for p in items}
    assert {"Receptors", "Treatments", "Where the cancer has spread"} <= sections
    er = next(p for p in items if p.id == "receptors.er")
    assert er.text == "ER: negative"


def test_accepting_everything_gives_the_imported_record(incoming):
    items = proposals(EMPTY, incoming)
    assert accept(EMPTY, incoming, {p.id for p in items}) == accept(incoming, EMPTY, set())


def test_accepting_nothing_changes_nothing(incoming):
    assert accept(EMPTY, incoming, set()) == EMPTY


def test_only_the_chosen_items_enter_and_then_they_are_no_longer_new(incoming):
    items = proposals(EMPTY, incoming)
    treatment = next(p for p in items if p.section == "Treatments")
    after = accept(EMPTY, incoming, {treatment.id, "receptors.her2"})
    assert len(after["treatments"]) == 1 and after["receptors"] == {"her2": "negative"}
    assert "er" not in after["receptors"] and "metastases" not in after
    left = {p.id for p in proposals(after, incoming)}
    assert treatment.id not in left and "receptors.her2" not in left and "receptors.er" in left


def test_a_different_value_is_shown_but_never_taken(incoming):
    mine = {"format": "mbcnav-patient/1", "receptors": {"er": "positive"}}
    items = {p.id: p for p in proposals(mine, incoming)}
    assert items["receptors.er"].kind == "differs"
    assert items["receptors.er"].current == "ER: positive"
    after = accept(mine, incoming, {"receptors.er"})
    assert after["receptors"]["er"] == "positive"


def test_unknown_ids_are_ignored_and_a_bad_record_is_one_sentence(incoming):
    assert accept(EMPTY, incoming, {"labs:nope", "ecog"}).get("ecog") == incoming["ecog"]
    with pytest.raises(FhirError, match="not a valid record"):
        proposals({"format": "mbcnav-patient/1", "ecog": 9}, incoming)


def test_an_item_the_record_cannot_hold_is_shown_with_the_reason_but_not_offered(incoming):
    mine = {"format": "mbcnav-patient/1", "birth_year": 1950}
    items = {p.id: p for p in proposals(mine, incoming)}
    assert items["birth_date"].kind == "conflicts"
    assert "1950" in items["birth_date"].current
    assert "birth_date" not in accept(mine, incoming, {"birth_date"})
