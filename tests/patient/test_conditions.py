"""Menopausal status, Karnofsky and other health problems in the patient file (issue 14):
the spellings people and charts write, one sentence per bad value, the round trip, the
conditions vocabulary (patient/data/conditions.yaml) and what derive gives from them."""

from datetime import date

import pytest

from mbcnav.patient import PatientFileError, derive, dump, parse
from mbcnav.patient.conditions import ConditionDataError, build, read_name, vocabulary
from mbcnav.patient.summary import summarize

TODAY = date(2026, 12, 6)


def file(**fields) -> dict:
    return {"format": "mbcnav-patient/1", "sex": "female", **fields}


def one_sentence(fields: dict) -> str:
    with pytest.raises(PatientFileError) as err:
        parse(file(**fields), today=TODAY)
    text = str(err.value)
    assert "\n" not in text and text.endswith(".") and "Traceback" not in text
    return text


# ------------------------------------------------------------------ menopausal status
@pytest.mark.parametrize(
    "written,status,detail",
    [
        ("postmenopausal", "postmenopausal", None),
        ("Post-menopausal", "postmenopausal", None),
        ("post menopausal", "postmenopausal", None),
        ("pre-menopausal", "premenopausal", None),
        ("PREMENOPAUSAL", "premenopausal", None),
        ("perimenopausal", "perimenopausal", None),
        ("peri-menopausal", "perimenopausal", None),
        ("postmenopausal (surgical)", "postmenopausal", "surgical"),
        ("post-menopausal after oophorectomy", "postmenopausal", "after oophorectomy"),
        ("premenopausal on ovarian suppression", "premenopausal", "on ovarian suppression"),
        ("surgical menopause", "postmenopausal", "surgical"),
        ("after menopause", "postmenopausal", None),
        ("unknown", "unknown", None),
    ],
)
def test_menopausal_status_spellings(written, status, detail):
    p = parse(file(menopausal_status=written), today=TODAY)
    assert (p.menopausal_status, p.menopausal_detail) == (status, detail)
    assert parse(dump(p), today=TODAY) == p


def test_menopausal_detail_can_be_given_apart_and_wins():
    p = parse(
        file(menopausal_status="premenopausal", menopausal_detail="on goserelin"), today=TODAY
    )
    assert (p.menopausal_status, p.menopausal_detail) == ("premenopausal", "on goserelin")
    assert dump(p)["menopausal_detail"] == "on goserelin"


@pytest.mark.parametrize(
    "fields,starts,words",
    [
        (
            {"menopausal_status": "menopausal"},
            "menopausal_status:",
            "premenopausal, perimenopausal",
        ),
        ({"menopausal_status": "yes"}, "menopausal_status:", "is not allowed"),
        ({"menopausal_status": True}, "menopausal_status:", "expected text"),
        ({"menopausal_status": ["post"]}, "menopausal_status:", "expected text"),
        ({"menopausal_detail": "surgical"}, "menopausal_detail:", "without menopausal_status"),
        ({"sex": "male", "menopausal_status": "post"}, "menopausal_status:", "only for women"),
    ],
)
def test_bad_menopausal_status_is_one_sentence(fields, starts, words):
    text = one_sentence(fields)
    assert text.startswith(starts) and words in text


def test_a_man_may_say_unknown():
    assert parse(file(sex="male", menopausal_status="unknown")).menopausal_status == "unknown"


# ------------------------------------------------------------------ Karnofsky
@pytest.mark.parametrize(
    "written,score",
    [
        (80, 80),
        ("80", 80),
        ("KPS 80", 80),
        ("80%", 80),
        ("Karnofsky 70", 70),
        ("kps: 90%", 90),
        (100, 100),
        (0, 0),
        ("Karnofsky performance status 60", 60),
    ],
)
def test_karnofsky_spellings(written, score):
    p = parse(file(karnofsky=written), today=TODAY)
    assert p.karnofsky == score and dump(p)["karnofsky"] == score
    assert parse(dump(p), today=TODAY) == p


@pytest.mark.parametrize("bad", [85, "75%", 110, -10, "KPS eighty", "good", True, [80], 80.5])
def test_bad_karnofsky_is_one_sentence(bad):
    text = one_sentence({"karnofsky": bad})
    assert text.startswith("karnofsky:") and "steps of 10" in text


# ------------------------------------------------------------------ other health problems
@pytest.mark.parametrize(
    "written,term,detail",
    [
        ("HIV", "hiv", None),
        ("HIV on ART, undetectable viral load", "hiv", "on treatment, undetectable viral load"),
        ("hepatitis B", "hepatitis b", None),
        ("HBV", "hepatitis b", None),
        ("HBcAb positive", "hepatitis b", "HBcAb positive"),
        ("Hep C", "hepatitis c", None),
        ("HCV", "hepatitis c", None),
        ("ILD", "interstitial lung disease", None),
        ("pneumonitis", "interstitial lung disease", None),
        ("CHF", "heart failure", None),
        ("HFrEF", "heart failure", None),
        ("NYHA class III", "heart failure", "NYHA class III"),
        ("heart attack", "heart attack", None),
        ("MI", "heart attack", None),
        ("AF", "atrial fibrillation", None),
        ("TIA", "stroke", None),
        ("DVT", "blood clot", None),
        ("PE", "blood clot", None),
        ("T2DM", "diabetes", "type 2"),
        ("Type 1 diabetes", "diabetes", "type 1"),
        ("high blood pressure", "high blood pressure", None),
        ("hypertension", "high blood pressure", None),
        ("CKD", "chronic kidney disease", None),
        ("cirrhosis", "cirrhosis", None),
        ("lupus", "autoimmune disease", "lupus"),
        ("rheumatoid arthritis", "autoimmune disease", "rheumatoid arthritis"),
        ("Crohn's disease", "autoimmune disease", "Crohn's disease"),
        ("ulcerative colitis", "autoimmune disease", "ulcerative colitis"),
        ("psoriasis", "autoimmune disease", "psoriasis"),
        ("melanoma", "another cancer", "melanoma"),
        ("thyroid cancer", "another cancer", "thyroid"),
        ("cervical cancer", "another cancer", "cervical"),
        ("colon cancer", "another cancer", "colon"),
        ("lymphoma", "another cancer", "lymphoma"),
        ("seizures", "epilepsy", None),
        ("osteoporosis", "osteoporosis", None),
        ("depression", "depression", None),
        ("anxiety", "anxiety", None),
        # a longer name holding a known one keeps the kind, or the words as written
        ("papillary thyroid cancer 2019", "another cancer", "thyroid"),
        ("chronic hepatitis B on entecavir", "hepatitis b", "chronic"),
        ("heart failure with NYHA class II symptoms", "heart failure", "NYHA class II"),
        ("well-controlled hypertension", "high blood pressure", "well-controlled hypertension"),
    ],
)
def test_condition_names_people_and_charts_write(written, term, detail):
    p = parse(file(conditions=[{"name": written}]), today=TODAY)
    c = p.conditions[0]
    assert (c.name, c.detail, c.known) == (term, detail, True)
    assert parse(dump(p), today=TODAY) == p


@pytest.mark.parametrize(
    "written", ["gout", "plantar fasciitis", "hepatitis B negative", "family history of MI"]
)
def test_a_name_the_file_does_not_know_is_kept_as_written(written):
    p = parse(file(conditions=[written]), today=TODAY)
    c = p.conditions[0]
    assert (c.name, c.detail, c.known) == (written, None, False)
    assert parse(dump(p), today=TODAY) == p
    warnings = summarize(p, TODAY)["warnings"]
    assert any(written in w and "kept as written" in w for w in warnings)


def test_full_entry_round_trips_and_dumps_canonical_words():
    p = parse(
        file(
            conditions=[
                {
                    "name": "T2DM",
                    "status": "well controlled",
                    "date": "2015-03-01",
                    "note": "metformin",
                },
                {"name": "DVT", "status": "resolved", "date": "2024-02-01"},
                {"name": "HIV", "status": "Current"},
            ]
        ),
        today=TODAY,
    )
    assert dump(p)["conditions"] == [
        {
            "name": "diabetes",
            "status": "controlled",
            "date": "2015-03-01",
            "note": "metformin",
            "detail": "type 2",
        },
        {"name": "blood clot", "status": "past", "date": "2024-02-01"},
        {"name": "hiv", "status": "active"},
    ]
    assert parse(dump(p), today=TODAY) == p


@pytest.mark.parametrize(
    "entry,starts,words",
    [
        ({"name": ""}, "conditions[0].name:", "is missing"),
        ({"status": "active"}, "conditions[0].name:", "is missing"),
        ({"name": "x" * 130}, "conditions[0].name:", "keep it under 120"),
        ({"name": {"kind": "HIV"}}, "conditions[0].name:", "expected text"),
        ({"name": ["HIV"]}, "conditions[0].name:", "expected text"),
        ({"name": "HIV\x00"}, "conditions[0].name:", "NUL"),
        (
            {"name": "HIV", "status": "bad"},
            "conditions[0].status:",
            "active, controlled, past or unknown",
        ),
        ({"name": "HIV", "date": "2030-01-01"}, "conditions[0].date:", "in the future"),
        ({"name": "HIV", "date": "last year"}, "conditions[0].date:", "YYYY-MM-DD"),
        ({"name": "HIV", "note": "y" * 2100}, "conditions[0].note:", "keep it under 2000"),
        ({"name": "HIV", "severity": "bad"}, "conditions[0].severity:", "not a known field"),
        ({"name": "breast cancer"}, "conditions[0].name:", "the cancer this file is about"),
        (
            {"name": "Metastatic breast cancer"},
            "conditions[0].name:",
            "the cancer this file is about",
        ),
    ],
)
def test_bad_condition_is_one_sentence(entry, starts, words):
    text = one_sentence({"conditions": [entry]})
    assert text.startswith(starts) and words in text, text


def test_conditions_must_be_a_list():
    assert one_sentence({"conditions": "HIV"}).startswith("conditions: expected a list")


def test_deep_nesting_in_conditions_is_one_sentence():
    deep: object = "HIV"
    for _ in range(100):
        deep = {"name": deep}
    text = one_sentence({"conditions": [deep]})
    assert "levels deep" in text or "expected text" in text


# ------------------------------------------------------------------ derive
def test_derive_gives_conditions_by_canonical_term_with_the_most_current_status():
    p = parse(
        file(
            conditions=[
                {"name": "MI", "status": "past", "date": "2019-01-01"},
                {"name": "heart attack", "status": "active", "date": "2026-10-01"},
                {"name": "HBcAb positive"},
                {"name": "melanoma", "status": "past", "date": "2021-05-01"},
                {"name": "Gout", "status": "controlled"},
            ]
        ),
        today=TODAY,
    )
    assert derive.conditions(p) == {
        "heart attack": "active",
        "hepatitis b": "unknown",
        "another cancer": "past",
        "gout": "controlled",
    }
    # an entry dated after the day asked about is not known yet
    assert derive.conditions(p, date(2020, 1, 1))["heart attack"] == "past"
    cancer = [e for e in derive.condition_entries(p) if e["term"] == "another cancer"][0]
    assert cancer == {
        "term": "another cancer",
        "status": "past",
        "date": "2021-05-01",
        "detail": "melanoma",
        "note": None,
        "known": True,
    }
    assert summarize(p, TODAY)["conditions"] == derive.conditions(p, TODAY)


# ------------------------------------------------------------------ the data file
def test_every_entry_has_sources_and_the_file_an_as_of():
    vocab = vocabulary()
    assert vocab.as_of and len(vocab.terms) >= 25
    for t in vocab.terms:
        assert t.sources and all(s in vocab.sources for s in t.sources), t.term
        assert t.label and t.label[0].isupper(), t.term
    for src in vocab.sources.values():
        assert src["url"].startswith("https://") and src["read"]


def test_the_brief_s_problems_are_all_there():
    for term in (
        "hiv", "hepatitis b", "hepatitis c", "interstitial lung disease", "heart failure",
        "heart attack", "atrial fibrillation", "stroke", "blood clot", "diabetes",
        "high blood pressure", "chronic kidney disease", "cirrhosis", "autoimmune disease",
        "another cancer", "epilepsy", "osteoporosis", "depression", "anxiety",
    ):  # fmt: skip
        assert term in vocabulary().by_term


def test_icd10_codes_map_to_terms():
    vocab = vocabulary()
    assert vocab.by_icd10("E11.9") == "diabetes"
    assert vocab.by_icd10("b20") == "hiv"
    assert vocab.by_icd10("B18.1") == "hepatitis b"
    assert vocab.by_icd10("B18.2") == "hepatitis c"
    assert vocab.by_icd10("I50.22") == "heart failure"
    assert vocab.by_icd10("C50.911") is None  # breast cancer is not another problem


def _doc(**entry):
    base = {"term": "x", "label": "X", "group": "g", "sources": ["s"]}
    return {
        "as_of": "2026-12-06",
        "sources": {
            "s": {"publisher": "p", "title": "t", "url": "https://x", "read": "2026-12-06"}
        },
        "conditions": [{**base, **entry}],
    }


@pytest.mark.parametrize(
    "change,words",
    [
        ({"sources": []}, "field 'sources'"),
        ({"sources": ["nope"]}, "field 'sources'"),
        ({"colour": "red"}, "field 'colour'"),
        ({"term": "Big Thing"}, "lower case"),
        ({"label": ""}, "field 'label'"),
        ({"icd10": ["diabetes"]}, "field 'icd10'"),
        ({"kinds": {"y": ""}}, "field 'kinds'"),
        ({"synonyms": "y"}, "field 'synonyms'"),
    ],
)
def test_loader_names_file_term_and_field(change, words):
    with pytest.raises(ConditionDataError) as err:
        build(_doc(**change), "f.yaml")
    assert "f.yaml" in str(err.value) and words in str(err.value)


def test_a_synonym_cannot_mean_two_terms():
    doc = _doc(synonyms=["ouch"])
    doc["conditions"].append(
        {"term": "y", "label": "Y", "group": "g", "sources": ["s"], "synonyms": ["Ouch"]}
    )
    with pytest.raises(ConditionDataError, match="already means 'x'"):
        build(doc, "f.yaml")


def test_a_source_needs_every_field_and_an_https_address():
    doc = _doc()
    doc["sources"]["s"]["url"] = "http://x"
    with pytest.raises(ConditionDataError, match="https"):
        build(doc, "f.yaml")
    doc = _doc()
    del doc["sources"]["s"]["read"]
    with pytest.raises(ConditionDataError, match="read"):
        build(doc, "f.yaml")
    doc = _doc()
    del doc["as_of"]
    with pytest.raises(ConditionDataError, match="as_of"):
        build(doc, "f.yaml")


def test_every_word_in_the_file_reads_back_as_its_term():
    vocab = vocabulary()
    for t in vocab.terms:
        for word in (t.term, *t.synonyms, *t.kinds):
            assert read_name(word)[0] == t.term, word
