"""Twenty-fourth session (issues 14 and 20): report lines and treatment histories the session's
set writers wrote the way charts write them."""

from mbcnav.patient import derive
from tests.patient.patient_file import p


def test_a_mutation_not_detected_is_read():
    """ "ESR1 mutation not detected (ctDNA)" was refused although "ESR1 not detected (ctDNA)" was
    read (set 65's writer); a line with two answers is still refused."""
    got = p(biomarkers=["ESR1 mutation not detected (ctDNA)"])
    assert got.biomarkers["ESR1"] == "not mutated"
    assert got.biomarker_details["ESR1"].sample == "blood"
    assert p(biomarkers=["PIK3CA mutations: not detected"]).biomarkers["PIK3CA"] == "not mutated"
    assert p(biomarkers=["ESR1 mutation detected (ctDNA, VAF 6%)"]).biomarkers["ESR1"] == "mutated"


def test_review_a_line_with_a_change_found_and_one_not_found_stays_refused():
    from mbcnav.patient import markers

    for line in (
        "ESR1 Y537S mutation; D538G not detected",
        "PIK3CA H1047R mutation, E545K not detected",
        "PIK3CA mutation E545K, wild type at H1047R",
    ):
        assert markers.read(line) is None, line
    assert markers.read("AKT1 E17K not detected").result == "not mutated"


def _lines(*treatments):
    return derive.lines_of_therapy(p(treatments=list(treatments)))


def test_a_cdk4_6_inhibitor_swapped_for_side_effects_stays_in_its_line():
    """Palbociclib stopped for side effects and abemaciclib started beside the same letrozole is
    one line (set 64's writer: it counted two); growth on it ends the line."""
    first = {"drugs": ["letrozole", "palbociclib"], "setting": "metastatic",
             "start": "2024-01-01", "end": "2024-03-01", "stop_reason": "side effects"}  # fmt: skip
    swap = {"drugs": ["letrozole", "abemaciclib"], "setting": "metastatic",
            "start": "2024-03-05", "end": "2025-06-01", "stop_reason": "progression"}  # fmt: skip
    (line,) = _lines(first, swap)
    assert line.stop_reason == "progression" and "abemaciclib" in line.drugs
    # after growth, the next CDK4/6 inhibitor is a new line
    grown = {**first, "stop_reason": "progression"}
    assert len(_lines(grown, swap)) == 2


def test_a_chemotherapy_swapped_for_side_effects_is_a_new_line():
    """Chemotherapy is one coarse kind: paclitaxel stopped for side effects, then capecitabine, is
    a new line."""
    taxol = {"drugs": ["paclitaxel"], "setting": "metastatic", "start": "2024-01-01",
             "end": "2024-03-01", "stop_reason": "side effects"}  # fmt: skip
    xeloda = {"drugs": ["capecitabine"], "setting": "metastatic", "start": "2024-03-10"}
    assert len(_lines(taxol, xeloda)) == 2


def test_review_only_one_drug_swapped_and_the_records_own_numbers_stand():
    first = {"drugs": ["letrozole", "palbociclib"], "setting": "metastatic",
             "start": "2024-01-01", "end": "2024-03-01", "stop_reason": "side effects"}  # fmt: skip
    both = {"drugs": ["exemestane", "abemaciclib"], "setting": "metastatic", "start": "2024-03-05"}
    alone = {"drugs": ["anastrozole"], "setting": "metastatic", "start": "2024-03-05"}
    assert len(_lines(first, both)) == 2
    assert len(_lines(first, alone)) == 2
    numbered = {"drugs": ["letrozole", "abemaciclib"], "setting": "metastatic",
                "start": "2024-03-05", "line": 2}  # fmt: skip
    assert len(_lines({**first, "line": 1}, numbered)) == 2
