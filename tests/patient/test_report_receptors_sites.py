"""Receptors, sites, treatment settings and supportive drugs as charts write them (issue 14)."""

import pytest

from mbcnav.patient import derive, dumps_yaml, loads
from tests.patient.patient_file import TODAY, error_of, p


@pytest.mark.parametrize(
    "raw,canon,ratio",
    [
        ("IHC >0 <1+", "IHC 0+", None),
        ("HER2 IHC >0 but <1+ (ultralow)", "IHC 0+", None),
        ("IHC 0 (ultralow)", "IHC 0+", None),
        ("IHC 0+", "IHC 0+", None),
        ("IHC 0 (null)", "IHC 0", None),
        ("IHC 1+", "IHC 1+", None),
        ("IHC 1+, FISH not amplified", "IHC 1+", None),
        ("IHC 2+, ISH not amplified", "IHC 2+ ISH-", None),
        ("IHC 2+ / FISH negative", "IHC 2+ ISH-", None),
        ("IHC 2+, ISH amplified (ratio 2.4)", "IHC 2+ ISH+", 2.4),
        ("IHC 2+ (HER2/CEP17 ratio 1.3, mean HER2 copy number 2.8)", "IHC 2+ ISH-", 1.3),
        ("IHC 2+, ratio 2.4, copy number 6.1", "IHC 2+ ISH+", 2.4),
        ("IHC 3+", "IHC 3+", None),
        ("IHC 3+, FISH amplified", "IHC 3+", None),
        ("FISH positive", "positive", None),
        ("FISH negative", "negative", None),
    ],
)
def test_her2_ihc_and_ish(raw, canon, ratio):
    rc = p(receptors={"her2": raw}).receptors
    assert rc.her2 == canon and rc.her2_ish_ratio == ratio


@pytest.mark.parametrize(
    "raw",
    [
        "HER2 2+",  # equivocal without ISH: not amplification, not HER2-low
        "IHC 2+",
        "IHC 2+ ISH equivocal",
        "IHC 2+, ratio 1.8, copy number 4.5",  # ASCO/CAP group 4: needs the team's reading
        "IHC 1+, ISH amplified",  # discordant
        "IHC 3+, FISH not amplified",
        "HER2-low",
    ],
)
def test_her2_refused(raw):
    err = error_of(receptors={"her2": raw})
    assert err.field == "receptors.her2" and repr(raw) in str(err) and "IHC 2+ ISH-" in str(err)


@pytest.mark.parametrize(
    "kind,raw,category,percent,intensity,allred",
    [
        ("er", "ER 95% strong", "positive", "95%", "strong", None),
        ("er", "ER 5% weak (low positive)", "low", "5%", "weak", None),
        ("pr", "PR <1%", "negative", "<1%", None, None),
        ("er", "ER+ (Allred 8)", "positive", None, None, 8),
        ("er", "Allred 2/8", "negative", None, None, 2),
        ("pr", "PR 20% moderate", "positive", "20%", "moderate", None),
        ("er", "10-20%", "positive", "10-20%", None, None),
        ("er", "positive", "positive", None, None, None),
        ("er", 0, "negative", "0%", None, None),
    ],
)
def test_er_pr_with_percent_intensity_allred(kind, raw, category, percent, intensity, allred):
    rc = p(receptors={kind: raw}).receptors
    assert getattr(rc, kind) == category
    assert getattr(rc, f"{kind}_percent") == percent
    assert getattr(rc, f"{kind}_intensity") == intensity
    assert getattr(rc, f"{kind}_allred") == allred


def test_receptor_percent_that_disagrees_is_refused():
    err = error_of(receptors={"er": "negative", "er_percent": 95})
    assert err.field == "receptors.er_percent" and "ER positive" in str(err)
    assert error_of(receptors={"er": "ER 150%"}).field == "receptors.er"


@pytest.mark.parametrize(
    "raw,site,detail",
    [
        ("mediastinal lymph nodes", "lymph nodes", "mediastinal"),
        ("supraclavicular nodes", "lymph nodes", "supraclavicular"),
        ("axillary nodes", "lymph nodes", "axillary"),
        ("pleura/pleural effusion", "pleura", "pleural effusion"),
        ("peritoneum", "peritoneum", None),
        ("chest wall", "chest wall", None),
        ("skin", "skin", None),
        ("adrenal", "other", "adrenal"),
        ("right adrenal gland", "other", "right adrenal gland"),
        ("leptomeninges", "leptomeningeal", None),
        ("soft tissue", "other", "soft tissue"),
        ("contralateral breast", "other", "contralateral breast"),
        ("ovary", "ovary", None),
        ("liver metastases", "liver", None),
        ("bone (spine)", "bone", "spine"),
        ("omentum", "peritoneum", "omentum"),
    ],
)
def test_sites_keep_their_detail(raw, site, detail):
    m = p(metastases=[{"site": raw}]).metastases[0]
    assert (m.site, m.detail) == (site, detail)


def test_unknown_site_is_refused_naming_other():
    err = error_of(metastases=[{"site": "somewhere odd"}])
    assert err.field == "metastases[0].site" and "other" in str(err)


DRUG = {"drugs": ["capecitabine"], "start": "2025-01-01"}


@pytest.mark.parametrize(
    "raw,setting,detail,line",
    [
        ("recurrent", "metastatic", "recurrent", None),
        ("locally advanced", "metastatic", "locally advanced", None),
        ("unresectable", "metastatic", "unresectable", None),
        ("palliative", "metastatic", "palliative", None),
        ("first-line", "metastatic", None, 1),
        ("1L", "metastatic", None, 1),
        ("2L", "metastatic", None, 2),
        ("second line metastatic", "metastatic", None, 2),
        ("neoadjuvant", "neoadjuvant", None, None),
        ("neoadjuvant for locally advanced", "neoadjuvant", "locally advanced", None),
        ("inoperable", "metastatic", "unresectable", None),
        ("adjuvant", "adjuvant", None, None),
    ],
)
def test_settings_as_charts_write_them(raw, setting, detail, line):
    t = p(treatments=[{**DRUG, "setting": raw}]).treatments[0]
    assert (t.setting, t.setting_detail, t.line) == (setting, detail, line)


@pytest.mark.parametrize(
    "extra,field",
    [
        ({"setting": "adjuvant 2L"}, "treatments[0].setting"),
        ({"setting": "sometimes"}, "treatments[0].setting"),
        ({"setting": "2L", "line": 3}, "treatments[0].line"),
        ({"setting": "adjuvant", "line": 1}, "treatments[0].line"),
        ({"setting_detail": "curative"}, "treatments[0].setting_detail"),
    ],
)
def test_settings_refused(extra, field):
    err = error_of(treatments=[{**DRUG, **extra}])
    assert err.field == field and "\n" not in str(err)


def test_supportive_drugs_never_count_as_a_line():
    patient = p(
        metastatic_diagnosis={"date": "2024-01-01"},
        treatments=[
            {"drugs": ["letrozole", "palbociclib"], "setting": "1L", "start": "2024-01-10"},
            {"drugs": ["dexamethasone"], "start": "2024-06-01"},
            {"drugs": ["ondansetron", "Emend"], "start": "2024-07-01", "end": "2024-07-05"},
            {"drugs": ["enoxaparin"], "start": "2024-08-01"},
            {"drugs": ["pegfilgrastim"], "start": "2024-09-01"},
            {"drugs": ["zoledronic acid"], "start": "2024-02-01"},
        ],
    )
    lines = derive.lines_of_therapy(patient, TODAY)
    assert [ln.drugs for ln in lines] == [("letrozole", "palbociclib")]
    current = derive.current_treatment(patient, TODAY)
    assert "dexamethasone" in current["supportive"] and "dexamethasone" not in current["drugs"]
    assert derive.unknown_drugs(patient) == []


def test_steroid_alone_after_progression_is_not_a_new_line():
    patient = p(
        metastatic_diagnosis={"date": "2024-01-01"},
        treatments=[
            {
                "drugs": ["capecitabine"],
                "start": "2024-01-10",
                "end": "2025-01-01",
                "stop_reason": "progression",
            },
            {"drugs": ["dexamethasone"], "setting": "palliative", "start": "2025-01-06"},
        ],
    )
    assert len(derive.lines_of_therapy(patient, TODAY)) == 1


def test_detail_survives_load_save_load():
    patient = p(
        receptors={"er": "ER 5% weak", "pr": "PR <1%", "her2": "IHC 2+, ISH amplified (ratio 2.4)"},
        metastases=[{"site": "mediastinal lymph nodes"}, {"site": "adrenal"}],
        treatments=[{**DRUG, "setting": "2L recurrent"}],
    )
    text = dumps_yaml(patient)
    assert "detail: mediastinal" in text and "line: 2" in text and "er_percent: 5%" in text
    assert loads(text, today=TODAY) == patient
