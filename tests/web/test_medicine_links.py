"""Drug names on the record, visit guide, check-in result and trial cards link to the medicines
guide; "side effects of my treatment?" is answered from the signed-in person's current drugs."""

from datetime import date, timedelta

from django.template import Context, Template
from django.urls import reverse

from mbcnav.web.record.models import Treatment


def _on_capecitabine(owner):
    start = date.today() - timedelta(days=30)
    Treatment.objects.create(owner=owner, drugs=["Xeloda"], setting="metastatic", start=start)


def test_free_text_links_known_drug_names_and_escapes_the_rest():
    page = Template("{% load library_tags %}{{ t|link_medicines }}").render(
        Context({"t": "Ask if Ibrance <b>or</b> letrozole-like pills cause this; not tea."})
    )
    assert '<a href="/library/medicines/palbociclib/" class="medicine-link">Ibrance</a>' in page
    assert "&lt;b&gt;or&lt;/b&gt;" in page
    assert "letrozole-like" in page and "/library/medicines/letrozole/" not in page
    joined = Template('{% load library_tags %}{{ d|medicine_links:" + " }}').render(
        Context({"d": ["palbociclib", "homemade tea"]})
    )
    assert joined.endswith("</a> + homemade tea")


def test_the_record_links_its_treatments(as_user, patient):
    _on_capecitabine(patient)
    c = as_user(patient)
    assert "/library/medicines/capecitabine/" in c.get(reverse("record:overview")).content.decode()
    listing = c.get(reverse("record:section_list", args=[patient.pk, "treatments"]))
    assert (
        '/library/medicines/capecitabine/" class="medicine-link">Xeloda' in listing.content.decode()
    )


def test_the_check_in_result_lists_current_medicines_with_links(as_user, patient):
    _on_capecitabine(patient)
    c = as_user(patient)
    day = date.today().isoformat()
    resp = c.post(
        reverse("checkins:new"),
        {
            "date": day,
            "temperature_unit": "F",
            "temperature": "101.2",
            "fever_severity": "moderate",
        },
    )
    assert resp.status_code == 302
    html = c.get(resp["Location"]).content.decode()
    assert "Your medicines now" in html and "/library/medicines/capecitabine/" in html


def test_side_effects_of_my_treatment_come_from_my_current_drugs(as_user, patient):
    _on_capecitabine(patient)
    c = as_user(patient)
    html = c.post("/library/ask/", {"q": "what are the side effects of my treatment?"}).content
    html = html.decode()
    assert "Your medicines" in html and "/library/medicines/capecitabine/" in html
    assert "hand-foot syndrome" in html and "dailymed.nlm.nih.gov" in html
    stranger_page = c.post("/library/ask/", {"q": "what are the side effects of letrozole?"})
    assert "Your medicines" not in stranger_page.content.decode()


def test_signed_out_my_treatment_has_no_personal_section(client):
    html = client.post("/library/ask/", {"q": "what are the side effects of my treatment?"})
    assert "Your medicines" not in html.content.decode()


def test_visit_questions_and_trial_cards_link_drug_names(db):
    from django.template.loader import render_to_string

    questions = [{"text": "Is Kisqali why I feel tired?", "why": "You take ribociclib.", "pk": 1}]
    html = render_to_string("visits/_list.html", {"questions": questions, "kw": {}})
    assert html.count("/library/medicines/ribociclib/") == 2
    printed = render_to_string(
        "visits/_list.html", {"questions": questions, "kw": {}, "printing": True}
    )
    assert "/library/medicines/" not in printed
    card = {"tested": [{"name": "Enhertu", "kind": "drug", "about": "Given with pertuzumab."}]}
    html = render_to_string("trials/_card.html", {"c": {**card, "phase": {}, "who": {}}})
    assert "/library/medicines/trastuzumab-deruxtecan/" in html
    assert "/library/medicines/pertuzumab/" in html


def test_a_question_naming_a_drug_shows_its_guide_facts(client):
    html = client.post("/library/ask/", {"q": "side effects of Verzenio"}).content.decode()
    assert "From the medicines guide" in html and "At the first loose stool" in html


def test_every_medicine_page_renders_all_its_facts(client):
    from mbcnav.library.medicines import medicines

    for slug in medicines():
        page = client.get(f"/library/medicines/{slug}/").content.decode()
        assert page.count('class="medicine-fact"') == 7, slug
        assert "Who it is approved for" in page and "as of 2 Dec 2026" in page, slug
