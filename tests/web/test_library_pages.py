"""Library pages: anonymous reading, article footnotes and glossary links, search, ask, FAQ, for-you."""

import pytest

from mbcnav.library import load_library
from mbcnav.patient.days import human

pytestmark = pytest.mark.django_db


def test_home_lists_topics_for_anonymous_readers(client):
    response = client.get("/library/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "What metastatic breast cancer is" in page or "what-is-mbc" in page
    assert 'action="/library/ask/"' in page and 'action="/library/search/"' in page
    assert "For you" not in page


def test_article_page_has_sources_dates_and_glossary_links(client):
    article = load_library().get("what-is-mbc")
    page = client.get("/library/what-is-mbc/").content.decode()
    assert article.title in page
    assert 'id="source-1"' in page and 'href="#source-1"' in page
    assert "Last reviewed " + human(article.reviewed) in page
    assert 'class="term"' in page and 'role="tooltip"' in page
    assert f'id="{article.sections[-1].anchor}"' in page
    assert "[^" not in page


def test_unknown_article_is_404(client):
    assert client.get("/library/no-such-article/").status_code == 404


def test_search_highlights_matched_words(client):
    page = client.get("/library/search/", {"q": "ibrance side effects"}).content.decode()
    assert "<mark>" in page and "/library/" in page


def test_search_escapes_the_query(client):
    page = client.get("/library/search/", {"q": "<script>x</script>"}).content.decode()
    assert "<script>x</script>" not in page


def test_ask_shows_cited_answers_or_says_nothing_fits(client):
    page = client.get("/library/ask/", {"q": "what does NED mean"}).content.decode()
    assert "Sources:" in page and "https://" in page
    page = client.get("/library/ask/", {"q": "how do I bake bread"}).content.decode()
    assert "no passage" in page


def test_glossary_page_lists_terms_with_anchors(client):
    page = client.get("/library/glossary/").content.decode()
    assert 'id="term-metastasis"' in page and "<dfn>" in page
    assert "cancer.gov/publications/dictionaries/cancer-terms" in page


def test_faq_page_shows_questions(client):
    faq = load_library().get("faq")
    page = client.get("/library/faq/").content.decode()
    assert faq.sections[1].heading in page and 'id="source-1"' in page


def test_for_you_appears_for_a_person_with_a_record(client, patient):
    client.force_login(patient)
    page = client.get("/library/").content.decode()
    assert "For you" in page


def test_ask_form_posts_and_a_long_question_with_a_story_is_answered(client):
    page = client.get("/library/ask/").content.decode()
    assert 'method="post"' in page and "<textarea" in page and "csrfmiddlewaretoken" in page
    story = (
        "I was diagnosed five years ago and did chemo and radiation. Now my back hurts and the "
        "scan found it in my spine. My sister keeps sending me articles and I am overwhelmed. "
    ) * 4 + "Where does breast cancer usually spread?"
    response = client.post("/library/ask/", {"q": story})
    page = response.content.decode()
    assert response.status_code == 200 and "<mark>" in page and "Sources:" in page


def test_a_message_with_two_questions_answers_one_and_offers_the_other(client):
    q = "What does washout mean for a trial, and is being off everything for a month risky?"
    page = client.post("/library/ask/", {"q": q}).content.decode()
    assert "You also asked" in page
    assert 'name="q" value="is being off everything for a month risky?"' in page


def test_a_question_over_the_limit_gets_one_sentence_and_400(client):
    response = client.post("/library/ask/", {"q": "why " * 700})
    page = response.content.decode()
    assert response.status_code == 400 and "the most allowed is 2000" in page


def test_not_sure_answers_say_so(client):
    page = client.post("/library/ask/", {"q": "what is a port for chemo in breast cancer"})
    assert page.status_code == 200


def test_medicines_guide_lists_drugs_and_a_page_links_passages_and_the_label(client):
    page = client.get("/library/medicines/").content.decode()
    assert "/library/medicines/abemaciclib/" in page and "CDK4/6 inhibitor" in page
    page = client.get("/library/medicines/abemaciclib/").content.decode()
    assert "abemaciclib (Verzenio)" in page and "dailymed.nlm.nih.gov" in page
    assert "/library/targeted-therapy/#" in page and "Not covered here yet" not in page
    for heading in ("How it is given", "Serious side effects", "Key interactions"):
        assert heading in page
    assert "Who it is approved for" in page and "as of 2 Dec 2026" in page
    assert "At the first loose stool" in page  # abemaciclib's own fact, not a class passage
    assert client.get("/library/medicines/not-a-drug/").status_code == 404


def test_drug_names_link_to_the_medicines_guide():
    from django.template import Context, Template

    page = Template("{% load library_tags %}{{ a|medicine_link }} / {{ b|medicine_link }}").render(
        Context({"a": "Ibrance", "b": "<b>homemade tea</b>"})
    )
    assert '<a href="/library/medicines/palbociclib/" class="medicine-link">Ibrance</a>' in page
    assert (
        "&lt;b&gt;homemade tea&lt;/b&gt;" in page and "/library/medicines/" in page.split("/ ")[0]
    )
