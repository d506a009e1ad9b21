"""Search: the small scoring functions, field weighting, synonyms, spelling and off-topic refusals."""

import math

import numpy as np
import pytest

from mbcnav.library.answer import Profile, ask, fit
from mbcnav.library.articles import read_library
from mbcnav.library.index import Index, Term, bm25_idf, coverage, drops_real_letters, fuse
from mbcnav.library.vocabulary import synonyms

# ---------------------------------------------------------------- pure scoring functions


def test_bm25_idf_is_positive_and_falls_with_document_frequency():
    assert bm25_idf(1, 100) > bm25_idf(10, 100) > bm25_idf(100, 100) > 0
    assert bm25_idf(0, 10) == pytest.approx(math.log(1 + 10.5 / 0.5))


def test_fuse_weights_each_field():
    fused = fuse(
        {"title": np.array([1.0, 0.0]), "body": np.array([0.0, 1.0])}, {"title": 2.0, "body": 1.0}
    )
    assert fused.tolist() == [2.0, 1.0]


def test_coverage_is_the_idf_weighted_share_of_answered_words():
    answered = {"rare": np.array([True, False, True]), "common": np.array([True, True, False])}
    share = coverage(answered, {"rare": 3.0, "common": 1.0}, 3)
    assert share.tolist() == pytest.approx([1.0, 0.25, 0.75])
    assert coverage({}, {"unknown": 2.0}, 2).tolist() == [0.0, 0.0]
    assert coverage(answered, {}, 3).tolist() == [0.0, 0.0, 0.0]


def test_spelling_fix_must_not_just_delete_real_letters():
    assert drops_real_letters("paint", "pain") and drops_real_letters("movie", "move")
    assert not drops_real_letters("cancerr", "cancer")  # a doubled letter is a slip
    assert not drops_real_letters("brest", "breast") and not drops_real_letters("fatige", "fatigue")


def test_a_synonym_phrase_counts_only_when_all_its_words_are_present(fixtures_dir):
    index = _index(fixtures_dir)
    terms = [
        Term("cure", 1.0, "cure", ""),
        Term("gone", 0.5, "cure", "gone for good"),
        Term("good", 0.5, "cure", "gone for good"),
    ]
    _, share = index.scores(terms, {"cure": 1.0})
    by_anchor = {s.anchor: float(x) for s, x in zip(index.sections, share, strict=True)}
    assert by_anchor["can-it-be-cured"] == 1.0  # "cured" is in the family of "cure"
    assert by_anchor["drugs-that-protect-the-bones"] == 0.0


# ---------------------------------------------------------------- ranking on small libraries


def _index(folder):
    return Index(read_library(folder), synonyms())


def test_title_outranks_heading_outranks_body(write_article, tmp_path):
    write_article("a-title", title="Lymphedema care", heading="Swelling", body="Arm swelling help.")
    write_article(
        "b-heading", title="Other things", heading="Lymphedema", body="Arm swelling help."
    )
    write_article(
        "c-body", title="More things", heading="Swelling", body="Lymphedema arm swelling help."
    )
    hits = _index(tmp_path / "articles").search("lymphedema")
    assert [h.section.article for h in hits] == ["a-title", "b-heading", "c-body"]


def test_golden_queries_on_fixture_articles(fixtures_dir):
    index = _index(fixtures_dir)
    golden = {
        "what does stage 4 mean": "what-is-mbc",  # synonym: stage 4 -> stage IV
        "can mets be cured": "what-is-mbc",  # mets -> metastases, curable/cured family
        "is metastisis curable": "what-is-mbc",  # misspelling
        "enhertu and my lungs": "her2-targeted-therapy",  # brand -> trastuzumab deruxtecan
        "xgeva shots": "bone-metastases",  # brand -> denosumab
        "broken bones from cancer in the bone": "bone-metastases",
    }
    for question, slug in golden.items():
        hits = index.search(question)
        assert hits and hits[0].section.article == slug, question


def test_brand_name_finds_the_generic_passage(fixtures_dir):
    hit = _index(fixtures_dir).search("Enhertu")[0]
    assert "Trastuzumab deruxtecan" in hit.section.text


def test_misspelt_word_is_matched_to_a_known_word(fixtures_dir):
    index = _index(fixtures_dir)
    assert index.spell("pertuzumub") == "pertuzumab"
    assert index.spell("bread") == "bread"  # not turned into "breast"
    assert index.spell("cancerr") == "cancer"
    assert index.spell("zzzzzz") == "zzzzzz"


@pytest.mark.parametrize(
    "question",
    [
        "how do I bake bread",
        "what is the weather tomorrow",
        "best way to fix a flat bike tire",
        "who won the world cup",
        "cheap flights to paris",
    ],
)
def test_off_topic_questions_get_no_answer(question, fixtures_dir):
    result = ask(question, directory=fixtures_dir)
    assert result.answers == [] and "no passage" in result.message


def test_on_topic_question_is_answered_with_sources_and_url(fixtures_dir):
    result = ask("is stage IV breast cancer curable", directory=fixtures_dir)
    best = result.answers[0]
    assert best.article == "what-is-mbc" and best.url == "/library/what-is-mbc/#can-it-be-cured"
    assert best.sources and best.sources[0].url.startswith("https://")
    assert "[^" not in best.text


# ---------------------------------------------------------------- the person's subtype and sites


def test_fit_prefers_matching_tags(write_article, tmp_path):
    write_article("for-tnbc", subtypes="[triple-negative]")
    write_article("for-hr", subtypes="[HR+/HER2-]")
    write_article("for-bone", sites="[bone]")
    lib = read_library(tmp_path / "articles")
    tnbc = Profile(subtype="triple-negative", sites=("liver",))
    assert fit(lib.get("for-tnbc"), tnbc) > 1.0
    assert fit(lib.get("for-hr"), tnbc) < 1.0
    assert fit(lib.get("for-bone"), tnbc) == 1.0
    assert fit(lib.get("for-bone"), Profile(sites=("bone",))) > 1.0


def test_patient_profile_reorders_equal_passages(write_article, tmp_path):
    body = "Chemotherapy choices depend on the cancer."
    write_article("for-tnbc", title="Chemotherapy choices", subtypes="[triple-negative]", body=body)
    write_article("for-hr", title="Chemotherapy choices", subtypes="[HR+/HER2-]", body=body)
    for n in range(3):  # unrelated articles, so the question's words are rare enough to count
        write_article(
            f"other-{n}", title="Bone care", heading="Calcium", body="Calcium and vitamin D."
        )
    folder = tmp_path / "articles"
    first = lambda p: ask("chemotherapy choices", patient=p, directory=folder).answers[0].article  # noqa: E731
    assert first(Profile(subtype="triple-negative")) == "for-tnbc"
    assert first(Profile(subtype="HR+/HER2-")) == "for-hr"


def test_search_terms_do_not_depend_on_the_hash_seed(tmp_path):
    """Synonym phrases of equal length are taken in a fixed order: the same question gets
    the same terms (and answers) in every process, whatever PYTHONHASHSEED is."""
    import os
    import subprocess
    import sys

    code = (
        "from mbcnav.library.index import get_index\n"
        "terms, origins = get_index().terms('what is first line second line treatment')\n"
        "print(sorted((t.stem, t.origin, t.alt, t.weight) for t in terms), sorted(origins.items()))\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, MBCNAV_CACHE_DIR=str(tmp_path))
        run = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
