"""Derivations: HER2 categories, the subtype table, de novo, sites and lines of therapy."""

from datetime import date

import pytest

from mbcnav.patient import derive
from tests.patient.patient_file import TODAY, p


@pytest.mark.parametrize(
    "her2,category",
    [
        ("IHC 3+", "positive"),
        ("IHC 2+ ISH+", "positive"),
        ("positive", "positive"),
        ("IHC 2+ ISH-", "low"),
        ("IHC 1+", "low"),
        ("IHC 0+", "ultralow"),
        ("IHC 0", "zero"),
        ("negative", "negative"),
        ("unknown", "unknown"),
        (None, "unknown"),
    ],
)
def test_her2_category(her2, category):
    assert derive.her2_category(p(receptors={"her2": her2} if her2 else {})) == category


@pytest.mark.parametrize(
    "er,pr,her2,subtype",
    [
        ("positive", "negative", "IHC 1+", "HR+/HER2-"),
        ("negative", "positive", "IHC 0", "HR+/HER2-"),
        ("low", "negative", "IHC 0", "HR+/HER2-"),
        ("positive", "positive", "IHC 3+", "HR+/HER2+"),
        ("negative", "negative", "IHC 2+ ISH+", "HR-/HER2+"),
        ("negative", "negative", "IHC 0", "triple-negative"),
        ("negative", "negative", "IHC 1+", "triple-negative"),
        ("negative", "negative", "negative", "triple-negative"),
        ("negative", "unknown", "IHC 0", "unknown"),
        ("unknown", "negative", "IHC 0", "unknown"),
        ("positive", "negative", "unknown", "unknown"),
        ("positive", None, "IHC 0+", "HR+/HER2-"),
    ],
)
def test_subtype_table(er, pr, her2, subtype):
    rec = {"er": er, "her2": her2} | ({"pr": pr} if pr else {})
    assert derive.subtype(p(receptors=rec)) == subtype


def test_er_low_is_flagged():
    assert derive.er_low(p(receptors={"er": "3%"})) is True
    assert derive.er_low(p(receptors={"er": "positive"})) is False


def test_de_novo_and_recurrence_interval():
    rec = p(
        metastatic_diagnosis={
            "date": "2024-03-10",
            "first_diagnosis_date": "2017-05-01",
            "de_novo": False,
        }
    )
    assert derive.is_de_novo(rec) is False
    assert derive.months_to_recurrence(rec) == pytest.approx(82.3, abs=0.1)
    assert derive.is_de_novo(p(metastatic_diagnosis={"first_diagnosis_stage": "stage 4"})) is True
    assert (
        derive.is_de_novo(
            p(treatments=[{"drugs": ["tamoxifen"], "setting": "adjuvant", "start": "2015-01-01"}])
        )
        is False
    )
    assert derive.is_de_novo(p()) is None
    assert (
        derive.months_to_recurrence(p(metastatic_diagnosis={"de_novo": True, "date": "2024-01-01"}))
        is None
    )


def test_sites_in_order_of_appearance_once_each():
    pt = p(
        metastases=[
            {"site": "brain", "date": "2025-02-01"},
            {"site": "bone", "date": "2024-03-10"},
            {"site": "liver"},
            {"site": "bone", "date": "2025-06-01"},
        ]
    )
    assert derive.sites(pt) == ["bone", "brain", "liver"]


def lines(treatments, dx="2023-01-01", as_of=TODAY):
    pt = p(metastatic_diagnosis={"date": dx}, treatments=treatments)
    return derive.lines_of_therapy(pt, as_of)


def tx(drugs, start, end=None, stop=None, setting="metastatic"):
    t = {"drugs": drugs, "start": start, "setting": setting}
    if end:
        t["end"] = end
    if stop:
        t["stop_reason"] = stop
    return t


def test_adjuvant_treatment_is_not_a_metastatic_line():
    result = lines(
        [
            tx(["tamoxifen"], "2016-01-01", "2021-01-01", "completed", setting="adjuvant"),
            tx(["letrozole", "palbociclib"], "2023-02-01"),
        ]
    )
    assert [ln.drugs for ln in result] == [("letrozole", "palbociclib")]


def test_setting_inferred_from_metastatic_date_when_missing():
    result = lines(
        [
            {"drugs": ["tamoxifen"], "start": "2016-01-01", "end": "2021-01-01"},
            {"drugs": ["fulvestrant"], "start": "2023-02-01"},
        ]
    )
    assert [ln.drugs for ln in result] == [("fulvestrant",)]


def test_regimens_started_together_form_one_line_brand_names_resolved():
    result = lines(
        [
            tx(["Femara"], "2023-02-01", "2024-01-01", "progression"),
            tx(["Ibrance"], "2023-02-20", "2024-01-01", "progression"),
        ]
    )
    assert len(result) == 1
    assert result[0].drugs == ("letrozole", "palbociclib")
    assert result[0].classes == ("aromatase inhibitor", "CDK4/6 inhibitor")
    assert result[0].stop_reason == "progression"
    assert result[0].months == pytest.approx(11.0, abs=0.1)


def test_progression_starts_a_new_line():
    result = lines(
        [
            tx(["letrozole", "palbociclib"], "2023-02-01", "2024-01-01", "progression"),
            tx(["fulvestrant"], "2024-01-20", "2025-01-01", "progression"),
            tx(["paclitaxel"], "2025-01-15"),
        ]
    )
    assert [ln.number for ln in result] == [1, 2, 3]
    assert result[2].end is None and result[2].months is None and result[2].stop_reason is None


def test_supportive_drugs_never_start_or_join_a_line():
    result = lines(
        [tx(["letrozole", "palbociclib", "goserelin"], "2023-02-01"), tx(["Xgeva"], "2023-04-01")]
    )
    assert len(result) == 1
    assert result[0].drugs == ("letrozole", "palbociclib")


def test_drug_added_to_an_ongoing_line_without_progression_is_the_same_line():
    result = lines(
        [tx(["paclitaxel", "pembrolizumab"], "2023-02-01")] + [tx(["letrozole"], "2023-08-01")]
    )
    assert len(result) == 1


def test_overlapping_regimens_where_one_stops_for_side_effects():
    result = lines(
        [
            tx(["letrozole"], "2023-02-01"),
            tx(["palbociclib"], "2023-02-01", "2023-05-01", "side effects"),
            tx(["palbociclib"], "2023-06-01"),
        ]
    )  # restarted after a break: same line
    assert len(result) == 1 and result[0].end is None


def test_new_drugs_after_a_completed_line_start_a_new_line():
    result = lines(
        [
            tx(["paclitaxel"], "2023-02-01", "2023-06-01", "completed"),
            tx(["capecitabine"], "2023-09-01"),
        ]
    )
    assert len(result) == 2


def test_same_drugs_after_a_treatment_break_continue_the_line():
    result = lines(
        [
            tx(["capecitabine"], "2023-02-01", "2023-06-01", "patient choice"),
            tx(["Xeloda"], "2023-09-01"),
        ]
    )
    assert len(result) == 1


def test_as_of_hides_later_lines_and_reopens_future_ends():
    treatments = [
        tx(["letrozole", "palbociclib"], "2023-02-01", "2024-06-01", "progression"),
        tx(["fulvestrant"], "2024-06-20"),
    ]
    early = lines(treatments, as_of=date(2024, 1, 1))
    assert len(early) == 1 and early[0].end is None and early[0].stop_reason is None


def test_unknown_drug_still_counts_and_is_reported():
    pt = p(
        metastatic_diagnosis={"date": "2023-01-01"}, treatments=[tx(["zorbamycin"], "2023-02-01")]
    )
    result = derive.lines_of_therapy(pt, TODAY)
    assert result[0].drugs == ("zorbamycin",) and result[0].classes == ()
    assert derive.unknown_drugs(pt) == ["zorbamycin"]


def test_current_treatment_and_ongoing_drugs():
    pt = p(
        metastatic_diagnosis={"date": "2023-01-01"},
        treatments=[
            tx(["letrozole", "palbociclib"], "2023-02-01", "2024-06-01", "progression"),
            tx(["elacestrant"], "2024-06-20"),
            tx(["denosumab"], "2023-03-01"),
        ],
    )
    cur = derive.current_treatment(pt, date(2025, 1, 1))
    assert cur == {
        "line": 2,
        "drugs": ["elacestrant"],
        "classes": ["SERD"],
        "start": "2024-06-20",
        "supportive": ["denosumab"],
    }
    assert {d.name for d in derive.ongoing_drugs(pt, date(2024, 1, 1))} == {
        "letrozole",
        "palbociclib",
        "denosumab",
    }
    assert derive.current_treatment(pt, date(2022, 1, 1)) is None
    assert {d.name for d in derive.all_drugs(pt, date(2023, 2, 15))} == {"letrozole", "palbociclib"}


def test_chemotherapy_then_its_maintenance_is_one_line():
    chemo = tx(["docetaxel", "trastuzumab", "pertuzumab"], "2025-02-20", "2025-06-19", "completed")
    upkeep = tx(["trastuzumab", "pertuzumab", "letrozole"], "2025-07-10")
    assert len(lines([chemo, upkeep])) == 2  # a new drug after a break: a new line
    assert len(lines([{**chemo, "line": 1}, {**upkeep, "line": 1}])) == 1  # the record says so
    assert len(lines([chemo, {**upkeep, "setting_detail": "maintenance"}])) == 1
    # after progression, even "maintenance" or the same number starts a new line
    grew = tx(["docetaxel", "trastuzumab", "pertuzumab"], "2025-02-20", "2025-06-19", "progression")
    assert len(lines([grew, {**upkeep, "setting_detail": "maintenance"}])) == 2
