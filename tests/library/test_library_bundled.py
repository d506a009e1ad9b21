"""The bundled library as a whole: it loads, answers carry sources, and 'for you' fits the person."""

from mbcnav.library import ask, for_you, load_library
from mbcnav.library.answer import profile_of
from mbcnav.patient import parse

TNBC_LIVER = {
    "format": "mbcnav-patient/1",
    "receptors": {"er": "negative", "pr": "negative", "her2": "IHC 0"},
    "metastases": [{"site": "liver"}],
}


def test_bundled_articles_load_and_have_sections():
    lib = load_library()
    assert len(lib.articles) >= 10
    for article in lib.articles.values():
        assert article.sections and article.sources and article.as_of


def test_every_answer_cites_sources_from_its_own_article():
    for question in ("what is NED", "Ibrance side effects", "fever on chemo", "HER2 low meaning"):
        result = ask(question)
        assert result.answers, question
        for a in result.answers:
            article = load_library().get(a.article)
            assert set(a.sources) <= set(article.sources)


def test_profile_from_patient_uses_the_patient_engine():
    profile = profile_of(parse(TNBC_LIVER))
    assert profile.subtype == "triple-negative" and profile.sites == ("liver",)


def test_for_you_lists_articles_for_the_subtype_or_sites():
    patient = parse(TNBC_LIVER)
    chosen = for_you(patient)
    assert chosen
    for article in chosen:
        tags = {t.lower() for t in article.tags["subtypes"] + article.tags["sites"]}
        assert tags & {"triple-negative", "liver"}, article.slug
