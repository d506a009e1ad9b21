"""Review of the record's menopausal status, Karnofsky and other health problems (session 31,
/work/handoff/s31/review_record_findings.md): each test uses the reviewer's own inputs."""

from datetime import date

import pytest

from mbcnav.patient import PatientFileError, dump, parse
from mbcnav.patient import conditions as cv
from mbcnav.patient.conditions import read_menopause, read_name
from mbcnav.patient.summary import summarize

TODAY = date(2026, 12, 6)
BSO = {"type": "surgery", "procedure": "bilateral salpingo-oophorectomy", "date": "2025-05-01"}


def file(**fields) -> dict:
    return {"format": "mbcnav-patient/1", "sex": "female", **fields}


def refused(**fields) -> str:
    with pytest.raises(PatientFileError) as err:
        parse(file(**fields), today=TODAY)
    text = str(err.value)
    assert "\n" not in text and text.endswith(".")
    return text


# 1 -------------------------------------------- a bare pre/peri/post is a status only alone
@pytest.mark.parametrize(
    "written",
    [
        "Post-traumatic stress disorder",
        "Post-mastectomy lymphedema of arm",
        "Pre-diabetes",
        "Pre-treatment CEA",
        "post-op",
    ],
)
def test_words_that_start_with_pre_or_post_are_not_a_menopausal_status(written):
    assert read_menopause(written) is None


@pytest.mark.parametrize(
    "written,status",
    [("pre", "premenopausal"), ("Post", "postmenopausal"), ("peri", "perimenopausal")],
)
def test_a_bare_pre_peri_or_post_alone_is_still_a_status(written, status):
    assert read_menopause(written) == (status, None)


# 2 ------------------------------ a stated premenopausal status beside a bilateral oophorectomy
def test_a_stated_status_that_contradicts_removed_ovaries_is_warned_about():
    p = parse(
        file(birth_year=1978, menopausal_status="premenopausal", treatments=[BSO]), today=TODAY
    )
    warnings = summarize(p, TODAY)["warnings"]
    said = [w for w in warnings if "both ovaries" in w]
    assert len(said) == 1 and "before menopause" in said[0] and "2025-05-01" in said[0]
    assert "past menopause" in said[0] and "menopausal_status" not in said[0]
    p = parse(file(birth_year=1978, menopausal_status="postmenopausal", treatments=[BSO]))
    assert not [w for w in summarize(p, TODAY)["warnings"] if "both ovaries" in w]


# 3 ----------------------------------------- a chemical menopause is ovarian suppression
@pytest.mark.parametrize(
    "written,detail",
    [
        ("chemical menopause", "chemical"),
        ("medical menopause", "medical"),
        ("induced menopause", "induced"),
        ("surgical menopause", "surgical"),
    ],
)
def test_a_chemical_menopause_is_kept_as_premenopausal_with_its_word(written, detail):
    p = parse(file(menopausal_status=written), today=TODAY)
    expected = "postmenopausal" if detail == "surgical" else "premenopausal"
    assert (p.menopausal_status, p.menopausal_detail) == (expected, detail)
    assert parse(dump(p), today=TODAY) == p


# 4 -------------------------------------- the detail inside the status keeps the 120 limit
LONG = (
    "postmenopausal since her bilateral salpingo-oophorectomy for BRCA1 in March 2019, "
    "confirmed by estradiol and FSH levels in the postmenopausal range by her gynecologist"
)


def test_a_long_detail_inside_the_status_is_one_sentence_not_a_broken_file():
    text = refused(menopausal_status=LONG)
    assert text.startswith("menopausal_status:") and "152 characters" in text
    assert "under 120" in text
    short = parse(file(menopausal_status="postmenopausal, " + "x" * 120), today=TODAY)
    assert len(short.menopausal_detail) == 120 and parse(dump(short), today=TODAY) == short


# 5 ------------------------------------------- words that are not the person's problem
@pytest.mark.parametrize(
    "written",
    [
        "hearing aids",
        "uses hearing aids",
        "sleep aids",
        "hair transplant",
        "Hepatitis B vaccinated",
        "hepatitis B immunised",
        "hep B immune (vaccinated)",
        "Mom - ovarian cancer",
        "mum had melanoma",
        "grandfather lung cancer",
        "uncle melanoma",
        "cousin with melanoma",
        "daughter has lupus",
        "increased ovarian cancer risk (BRCA1)",
        "pre-diabetic",
        "prediabetes",
        "heat stroke",
        "stroke risk",
        "Lupus anticoagulant positive",
        "fits well",
    ],
)
def test_names_that_only_hold_a_known_word_are_kept_as_written(written):
    assert read_name(written) == (written, None, False)


@pytest.mark.parametrize(
    "written,term",
    [
        ("AIDS", "hiv"),
        ("transplant", "organ transplant"),
        ("kidney transplant", "organ transplant"),
        ("stroke", "stroke"),
        ("history of stroke", "stroke"),
        ("stroke 2019", "stroke"),
        ("ischemic stroke", "stroke"),
        ("fits", "epilepsy"),
        ("hepatitis B", "hepatitis b"),
        ("Stroke or mini-stroke (TIA)", "stroke"),  # the label the web form offers
        ("Another cancer (not the breast cancer)", "another cancer"),
    ],
)
def test_the_whole_name_words_are_still_read(written, term):
    assert read_name(written)[0] == term and read_name(written)[2]


# 6 ------------------------------------- the breast cancer and its spread are refused
@pytest.mark.parametrize(
    "written,words",
    [
        ("secondary lung cancer", "under metastases"),
        ("lung cancer (metastasis from breast)", "under metastases"),
        ("bone metastases", "under metastases"),
        ("brain mets", "under metastases"),
        ("ER+ breast cancer", "metastatic_diagnosis"),
        ("metastatic triple negative breast cancer", "metastatic_diagnosis"),
        ("breast cancer (2015)", "metastatic_diagnosis"),
        ("left breast cancer 2015", "metastatic_diagnosis"),
        ("Personal history of malignant neoplasm of breast", "metastatic_diagnosis"),
        ("IDC", "metastatic_diagnosis"),
    ],
)
def test_the_breast_cancer_or_its_spread_is_refused_with_one_sentence(written, words):
    text = refused(conditions=[{"name": written}])
    assert text.startswith("conditions[0].name:") and words in text and written in text


@pytest.mark.parametrize(
    "written",
    [
        "sister - breast cancer",
        "secondary hypertension",
        "melanoma, no metastases",
        "lymphedema of the left arm after breast cancer surgery",
        "Post-mastectomy lymphedema of arm",
        "increased breast cancer risk",
    ],
)
def test_other_problems_that_mention_the_breast_or_spread_are_kept(written):
    assert cv.this_cancer(written) is None
    assert parse(file(conditions=[written]), today=TODAY).conditions


# 9 ----------------------------------- a typed detail keeps the kind read from the name
@pytest.mark.parametrize(
    "name,detail,term,kept",
    [
        ("melanoma", "stage I, excised", "another cancer", "melanoma, stage I, excised"),
        ("T2DM", "diet controlled", "diabetes", "type 2, diet controlled"),
        ("T2DM", "type 2, diet controlled", "diabetes", "type 2, diet controlled"),
        ("diabetes", "diet controlled", "diabetes", "diet controlled"),
    ],
)
def test_a_typed_detail_keeps_the_kind_from_the_name(name, detail, term, kept):
    p = parse(file(conditions=[{"name": name, "detail": detail}]), today=TODAY)
    assert [(c.name, c.detail) for c in p.conditions] == [(term, kept)]
    assert parse(dump(p), today=TODAY) == p


def test_a_detail_too_long_for_the_kind_in_front_is_one_sentence():
    text = refused(conditions=[{"name": "melanoma", "detail": "x" * 115}])
    assert text.startswith("conditions[0].detail:") and "'melanoma'" in text
    assert "under 110" in text


# ------------------------------------------------------------------------------------------
# Final review (/work/handoff/s31/review_record_final_findings.md): the reviewer's inputs
# 1 -------------------------------------------------- every way charts write both ovaries out
@pytest.mark.parametrize(
    "procedure",
    [
        "BSO",
        "laparoscopic BSO",
        "TAH/BSO",
        "RRSO",
        "risk-reducing salpingo-oophorectomy (BRCA1)",
        "ovaries removed",
        "both ovaries removed",
        "removal of both ovaries",
        "bilateral salpingo-oophorectomy",
        "left oophorectomy 2019, right oophorectomy 2021",
    ],
)
def test_final_1_both_ovaries_out_in_chart_words(procedure):
    assert cv.both_ovaries_out(procedure)
    surgery = {"type": "surgery", "procedure": procedure, "date": "2025-05-01"}
    p = parse(file(birth_year=1978, menopausal_status="premenopausal", treatments=[surgery]))
    assert [w for w in summarize(p, TODAY)["warnings"] if "both ovaries" in w]


@pytest.mark.parametrize(
    "procedure",
    [
        "bilateral mastectomy and right oophorectomy",
        "left salpingo-oophorectomy",
        "oophorectomy",
        "hysterectomy without oophorectomy",
        "bilateral mastectomy, ovaries preserved",
    ],
)
def test_final_1_one_ovary_or_none_is_not_both(procedure):
    assert not cv.both_ovaries_out(procedure)
    surgery = {"type": "surgery", "procedure": procedure, "date": "2025-05-01"}
    p = parse(file(birth_year=1978, menopausal_status="premenopausal", treatments=[surgery]))
    assert not [w for w in summarize(p, TODAY)["warnings"] if "both ovaries" in w]


# 2 ------------------------------------ the known word inside a longer name is read again
@pytest.mark.parametrize(
    "written,term",
    [
        ("Stroke (CVA)", "stroke"),
        ("CVA/stroke", "stroke"),
        ("brain stroke", "stroke"),
        ("stroke with left weakness", "stroke"),
        ("stroke 6 months ago", "stroke"),
        ("history of stroke with residual weakness", "stroke"),
        ("HIV/AIDS", "hiv"),
        ("AIDS (on ART)", "hiv"),
        ("renal transplant 2015", "organ transplant"),
    ],
)
def test_final_2_a_known_word_inside_a_longer_name_is_read(written, term):
    assert read_name(written)[0] == term and read_name(written)[2]
    assert parse(file(conditions=[written]), today=TODAY).conditions[0].name == term


@pytest.mark.parametrize(
    "written", ["walking aids", "visual aids", "sun stroke", "fits in", "mobility aids"]
)
def test_final_2_only_the_other_meanings_are_blocked(written):
    assert read_name(written) == (written, None, False)


# 3 ----------------------------------------------- "immune", "anticoagulant", "risk" narrowed
@pytest.mark.parametrize(
    "written,term",
    [
        ("atrial fibrillation on anticoagulant", "atrial fibrillation"),
        ("hypothyroidism (immune related)", "thyroid disease"),
        ("osteoporosis, high fracture risk", "osteoporosis"),
    ],
)
def test_final_3_narrower_not_hers_words(written, term):
    assert read_name(written)[0] == term


@pytest.mark.parametrize(
    "written", ["hepatitis B immune", "immune to hepatitis B", "at risk of diabetes",
                "high cardiovascular risk", "diabetes risk"],
)  # fmt: skip
def test_final_3_a_risk_or_an_immunity_is_still_not_hers(written):
    assert read_name(written) == (written, None, False)


# 4 --------------------------------------- spread only with a cancer word or a body site
@pytest.mark.parametrize(
    "written",
    [
        "cellulitis spreading up arm",
        "spread of infection",
        "spreading cellulitis",
        "non-metastatic melanoma 2015",
        "metastatic melanoma 2012",
        "melanoma with lung mets 2012",
        "secondary malignancy (AML after chemo)",
        "secondary cancer: thyroid",
        "therapy-related MDS",
        "secondary AML",
    ],
)
def test_final_4_other_problems_with_spread_words_are_kept(written):
    assert cv.this_cancer(written) is None
    assert parse(file(conditions=[written]), today=TODAY).conditions


def test_final_4_another_named_cancer_is_read_as_one():
    p = parse(file(conditions=["metastatic melanoma 2012"]), today=TODAY)
    assert (p.conditions[0].name, p.conditions[0].detail) == ("another cancer", "melanoma")


@pytest.mark.parametrize(
    "written",
    ["Mets to bone", "liver metastases", "secondary bone cancer", "brain mets treated with SRS"],
)
def test_final_4_the_spread_is_still_refused(written):
    assert "under metastases" in refused(conditions=[written])


# 5 --------------------------------- the cancer's after-effects kept, the cancer refused
@pytest.mark.parametrize(
    "written",
    [
        "breast cancer related lymphedema",
        "lymphedema secondary to breast cancer treatment",
        "lymphoedema (breast cancer)",
        "cardiotoxicity secondary to breast cancer therapy",
        "anthracycline cardiomyopathy (breast cancer treatment)",
        "benign breast neoplasm",
        "breast cancer gene carrier",
        "BRCA1 carrier",
    ],
)
def test_final_5_a_problem_the_cancer_left_is_another_problem(written):
    assert cv.this_cancer(written) is None
    assert parse(file(conditions=[written]), today=TODAY).conditions


@pytest.mark.parametrize(
    "written",
    [
        "breast cancer (BRCA2 carrier)",
        "BRCA1 breast cancer",
        "HER2+ breast cancer (screening detected)",
    ],
)
def test_final_5_the_breast_cancer_with_a_gene_or_screening_word_is_refused(written):
    text = refused(conditions=[written])
    assert "the cancer this file is about" in text and "conditions[" in text  # the file's path


# 8 ------------------------------------------- the kind is a whole word of the typed detail
def test_final_8_thyroid_is_not_in_thyroidectomy():
    c = {"name": "papillary thyroid cancer 2019", "detail": "thyroidectomy, no RAI"}
    p = parse(file(conditions=[c]), today=TODAY)
    assert p.conditions[0].detail == "thyroid, thyroidectomy, no RAI"
    assert parse(dump(p), today=TODAY) == p
    same = parse(file(conditions=[{"name": "melanoma", "detail": "Melanoma stage I"}]))
    assert same.conditions[0].detail == "Melanoma stage I"


# 9 --------------------------------- the status's words stay with a detail typed apart
def test_final_9_chemical_menopause_keeps_its_word_beside_the_detail():
    p = parse(
        file(menopausal_status="chemical menopause", menopausal_detail="since March 2025"),
        today=TODAY,
    )
    assert (p.menopausal_status, p.menopausal_detail) == (
        "premenopausal",
        "chemical, since March 2025",
    )
    assert parse(dump(p), today=TODAY) == p
    text = refused(menopausal_status="chemical menopause", menopausal_detail="x" * 115)
    assert text.startswith("menopausal_detail:") and "'chemical'" in text


# 11 ----------------------------------------- a bare word before brackets or a comma
@pytest.mark.parametrize(
    "written,expected",
    [
        ("post (surgical)", ("postmenopausal", "surgical")),
        ("pre (on goserelin)", ("premenopausal", "on goserelin")),
        ("pre, on zoladex", ("premenopausal", "on zoladex")),
    ],
)
def test_final_11_a_bare_word_with_brackets_or_a_comma_is_a_status(written, expected):
    assert read_menopause(written) == expected
    assert read_menopause("post-op") is None and read_menopause("Pre-treatment CEA") is None


# 12 ------------------------------------------------- Karnofsky in a chart's words
@pytest.mark.parametrize(
    "written,score",
    [("KPS of 80", "80"), ("80 (able to work)", "80"), ("80%, normal activity with effort", "80"),
     ("70/100", "70"), ("80-90", None), ("ECOG 1", None), ("KPS 80-90", None)],
)  # fmt: skip
def test_final_12_karnofsky_in_chart_words(written, score):
    assert cv.karnofsky_said(written) == score
