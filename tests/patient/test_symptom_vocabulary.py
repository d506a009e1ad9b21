"""The symptom vocabulary (patient/data/symptoms.yaml + red_flags.yaml) and its loader."""

import pytest

from mbcnav.patient import PatientFileError, parse, symptoms, vocabulary
from mbcnav.patient.symptoms import SymptomDataError, build

VOCAB = symptoms.vocabulary()
#: The symptoms issue #20 found refused; each must be accepted in the person's words.
ISSUE_20 = {
    "suicidal thoughts": "suicidal thoughts",
    "thoughts of self-harm": "self-harm",
    "palpitations": "palpitations",
    "fainting": "fainting",
    "lightheadedness": "lightheadedness",
    "arm weakness": "arm weakness",
    "leg weakness": "leg weakness",
    "weakness on one side": "weakness on one side",
    "slurred speech": "slurred speech",
    "difficulty swallowing": "difficulty swallowing",
    "drowsiness": "drowsiness",
    "hallucinations": "hallucinations",
    "memory problems": "memory problems",
    "itching": "itching",
    "hives": "hives",
    "facial swelling": "face or throat swelling",
    "throat swelling": "face or throat swelling",
    "wheezing": "wheezing",
    "sore throat": "sore throat",
    "painful urination": "painful urination",
    "frequent urination": "frequent urination",
    "blood in urine": "blood in urine",
    "coughing up blood": "coughing up blood",
    "nosebleed": "nosebleed",
    "black or tarry stools": "black stools",
    "dehydration": "dehydration",
    "dry mouth": "dry mouth",
    "hiccups": "hiccups",
    "weakness": "weakness",
}


def test_every_pro_ctcae_term_is_covered_once():
    items = [i for t in VOCAB.terms for i in t.pro_ctcae]
    assert len(items) == symptoms.PRO_CTCAE_COUNT == len(set(items))


@pytest.mark.parametrize("typed,term", sorted(ISSUE_20.items()))
def test_issue_20_symptoms_are_accepted_by_the_patient_file(typed, term):
    p = parse(
        {"format": "mbcnav-patient/1", "symptoms": [{"date": "2026-11-20", "symptom": typed}]}
    )
    assert p.symptoms[0].symptom == term


@pytest.mark.parametrize("term", VOCAB.names)
def test_every_term_and_synonym_reads_back_as_the_term(term):
    t = VOCAB.by_term[term]
    assert t.label and t.ask and t.covers
    for word in (term, term.upper(), *t.synonyms):
        assert vocabulary.normalise_symptom(word)[0] == term, word


def test_a_place_in_the_name_becomes_the_location():
    assert vocabulary.normalise_symptom("Calf pain") == ("pain", "calf")
    assert vocabulary.normalise_symptom("stomach ache") == ("pain", "stomach")


def test_unknown_symptom_is_one_sentence_naming_the_field():
    with pytest.raises(PatientFileError) as err:
        parse(
            {
                "format": "mbcnav-patient/1",
                "symptoms": [{"date": "2026-11-20", "symptom": "grumpiness"}],
            }
        )
    assert str(err.value).startswith("symptoms[0].symptom:") and "\n" not in str(err.value)


def _doc(**term):
    base = {"term": "x", "label": "X", "group": "g", "covers": ["CTCAE: X"], "ask": ["severity"]}
    return {
        "f.yaml": {
            "as_of": "2026-12-02",
            "sources": {
                "s": {"publisher": "p", "title": "t", "url": "https://x", "read": "2026-12-02"}
            },
            "terms": [{**base, **term}],
        }
    }


@pytest.mark.parametrize(
    "change,words",
    [
        ({"ask": ["loudness"]}, "field 'ask': 'loudness'"),
        ({"covers": ["Wikipedia: X"]}, "field 'covers'"),
        ({"colour": "red"}, "field 'colour'"),
        ({"term": "Big Pain"}, "lower case"),
        ({"sites": ["arm"]}, "need 'location'"),
        ({"label": ""}, "field 'label'"),
    ],
)
def test_loader_names_file_term_and_field(change, words):
    with pytest.raises(SymptomDataError) as err:
        build(_doc(**change))
    assert "f.yaml" in str(err.value) and words in str(err.value)


def test_a_synonym_cannot_mean_two_terms():
    docs = _doc(synonyms=["ouch"])
    docs["f.yaml"]["terms"].append(
        {
            "term": "y",
            "label": "Y",
            "group": "g",
            "covers": ["CTCAE: Y"],
            "ask": ["severity"],
            "synonyms": ["Ouch"],
        }
    )
    with pytest.raises(SymptomDataError, match="already means 'x'"):
        build(docs)


def test_sources_need_an_https_address():
    docs = _doc()
    docs["f.yaml"]["sources"]["s"]["url"] = "http://x"
    with pytest.raises(SymptomDataError, match="https"):
        build(docs)


@pytest.mark.parametrize(
    "typed,term",
    [
        ("I keep thinking I'd be better off dead", "suicidal thoughts"),
        ("been thinking about ending it, I have saved up my pills", "suicidal thoughts"),
        ("thinking of taking an overdose", "suicidal thoughts"),
        ("the pain is never ending, it hurts", "pain"),
        ("thoughts of hurting myself", "self-harm"),
        ("my throat feels tight", "face or throat swelling"),
        ("left side of face drooping", "weakness on one side"),
        ("words come out jumbled", "slurred speech"),
        ("heart pounding and skipping", "palpitations"),
        ("blacked out in the kitchen", "fainting"),
        ("nearly fainted when I stood up", "lightheadedness"),
        ("pee burns", "painful urination"),
        ("can't catch my breath", "shortness of breath"),
        ("poop is black and sticky", "black stools"),
        ("coughed up some blood", "coughing up blood"),
        ("pain in my chest when I breathe", "chest pain"),
        ("hair falling out", "hair loss"),
    ],
)
def test_words_that_are_not_a_synonym_are_read_through_keywords(typed, term):
    assert vocabulary.normalise_symptom(typed)[0] == term


def test_keyword_reading_keeps_the_persons_words_in_the_note():
    p = parse(
        {
            "format": "mbcnav-patient/1",
            "symptoms": [{"date": "2026-11-20", "symptom": "nail coming off red and swollen"}],
        }
    )
    assert p.symptoms[0].symptom == "nail loss" and "red and swollen" in p.symptoms[0].note
    exact = parse(
        {"format": "mbcnav-patient/1", "symptoms": [{"date": "2026-11-20", "symptom": "nail loss"}]}
    )
    assert exact.symptoms[0].note is None


@pytest.mark.parametrize("typed", ["not good", "xyzzy", "reduced"])
def test_words_with_no_symptom_in_them_are_still_refused(typed):
    assert vocabulary.normalise_symptom(typed) is None


def test_bad_keyword_is_named():
    with pytest.raises(SymptomDataError, match="keywords"):
        build(_doc(keywords=["bad|(regex"]))


def test_the_patient_file_doc_lists_every_term():
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "patient-file.md").read_text("utf-8")
    section = doc[doc.index("## Symptom names") : doc.index("## What the project accepts")]
    listed = {
        w.strip(" .")
        for line in section.splitlines()
        if line.startswith("- **")
        for w in line.split(":", 1)[1].split(",")
    }
    assert listed == set(VOCAB.names)
