"""Library pages: a thin layer over the engine in ``mbcnav.library`` (no models)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.safestring import mark_safe

from mbcnav.errors import MbcnavError
from mbcnav.library import LibraryError, ask, for_you, load_library
from mbcnav.library.answer import MAX_QUESTION
from mbcnav.library.glossary import TermLinker, glossary
from mbcnav.library.render import article_html
from mbcnav.library.snippets import search_results

MAX_QUERY = 300


def _query(request) -> str:
    return " ".join(request.GET.get("q", "").split())[:MAX_QUERY]


def _own_patient(request):
    """The signed-in person's own record as an engine Patient, or None (no record app, no data)."""
    if not request.user.is_authenticated:
        return None
    try:
        from mbcnav.web.record.services import patient_for
    except ImportError:
        return None
    try:  # the library uses the profile, sites and treatments only (no labs or check-ins)
        return patient_for(request.user, lists=("metastases", "treatments"))
    except MbcnavError:
        return None


def _current_drugs(patient) -> list[str] | None:
    """Generic names of the drugs the person takes today, from their record (None: no record)."""
    if patient is None:
        return None
    from datetime import date

    from mbcnav.patient.derive import ongoing_drugs

    return [d.name for d in ongoing_drugs(patient, date.today())]


def home(request):
    library = load_library()
    patient = _own_patient(request)
    mine = for_you(patient) if patient is not None else []
    return render(
        request,
        "library/home.html",
        {
            "topics": library.by_topic(),
            "for_you": mine,
            "count": len(library.articles),
        },
    )


def article(request, slug: str):
    library = load_library()
    item = library.get(slug)
    if item is None:
        raise Http404("No such article")
    linker = TermLinker()
    sections = [(s, mark_safe(html)) for s, html in article_html(item, linker)]  # noqa: S308 - escaped in render
    return render(
        request,
        "library/article.html",
        {
            "article": item,
            "sections": sections,
            "related": library.related(item),
        },
    )


def faq(request):
    item = load_library().get("faq")
    if item is None:
        raise Http404("No FAQ yet")
    sections = [(s, mark_safe(html)) for s, html in article_html(item, TermLinker())]  # noqa: S308
    return render(request, "library/faq.html", {"article": item, "sections": sections})


def search(request):
    q = _query(request)
    results = search_results(q) if q else []
    return render(request, "library/search.html", {"q": q, "results": results})


def ask_page(request):
    """Ask by POST (the form: a long question with its story fits) or by GET (links, short).

    A question longer than the engine's limit gets the page again with one sentence
    saying so (HTTP 400), never a server error or a "URI too long" page.
    """
    source = request.POST if request.method == "POST" else request.GET
    q = " ".join(source.get("q", "").split())
    context = {"q": q, "result": None, "error": "", "max_question": MAX_QUESTION}
    if q:
        try:
            patient = _own_patient(request)
            context["result"] = ask(q, patient=patient, drugs=_current_drugs(patient))
        except LibraryError as err:
            context["error"] = str(err)
            return render(request, "library/ask.html", context, status=400)
    return render(request, "library/ask.html", context)


def glossary_page(request):
    terms = glossary()
    library = load_library()
    letters: dict[str, list] = {}
    for term in terms:
        letters.setdefault(term.term[0].upper(), []).append(
            (term, library.get(term.article) if term.article else None)
        )
    return render(request, "library/glossary.html", {"letters": sorted(letters.items())})


def medicines_page(request):
    from mbcnav.library.medicines import medicines

    items = sorted(medicines().values(), key=lambda m: m.name)
    by_class: dict[str, list] = {}
    for m in items:
        by_class.setdefault(m.classes[0][0], []).append(m)
    return render(request, "library/medicines.html", {"groups": sorted(by_class.items())})


def medicine_page(request, slug: str):
    from mbcnav.library.medicines import medicines

    item = medicines().get(slug)
    if item is None:
        raise Http404("No such medicine")
    return render(request, "library/medicine.html", {"m": item})
