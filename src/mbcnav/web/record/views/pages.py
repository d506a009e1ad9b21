"""Read-only pages: overview, timeline, one-page summary (print and PDF), navigator roster."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from mbcnav.patient import derive
from mbcnav.patient.summary import menopause_warnings
from mbcnav.web.core.models import audit

from .. import services, timeline
from .. import summary as summary_facts
from ..models import Biomarker, CheckIn, Metastasis, Profile, Share
from .common import context, paged, person_label, record_view, today
from .start import is_empty


def timeline_labels() -> dict:
    return {
        "lines": _("Treatment lines"),
        "sites": _("Sites"),
        "scans": _("Scans"),
        "marker": _("Tumor marker"),
        "empty": _("Nothing to show yet: add a diagnosis date, a treatment or a scan."),
        "title": _("Timeline of treatments, sites, scans and tumor markers"),
        "line": _("Line"),
        "ongoing": _("ongoing"),
        "progression": _("progression"),
        "stable": _("stable"),
        "regression": _("regression"),
        "ned": _("no evidence of disease"),
        "unknown": _("unknown"),
        "found": _("found"),
    }


def facts(owner) -> dict:
    """Everything the overview and summary show, all derived by the engine."""
    day = today()
    p = services.patient_for(owner)
    assessments = sorted(p.assessments, key=lambda a: a.date)
    return {
        "patient": p,
        "today": day,
        "subtype": derive.subtype(p),
        "her2_category": derive.her2_category(p),
        "er_low": derive.er_low(p),
        "hr_status": derive.hr_status(p),
        "de_novo": derive.is_de_novo(p),
        "months_to_recurrence": derive.months_to_recurrence(p),
        "lines": derive.lines_of_therapy(p, day),
        "current": derive.current_treatment(p, day),
        "ongoing_drugs": derive.ongoing_drugs(p, day),
        # the rows, not the engine's sites: they also hold each site's latest scan response
        "sites": sorted(
            Metastasis.objects.filter(owner=owner), key=lambda m: (m.date is None, m.date)
        ),
        "latest_assessment": assessments[-1] if assessments else None,
        "unknown_drugs": list(dict.fromkeys(derive.unknown_drugs(p))),
        "care_team": services.care_team_for(owner),
        "checkins": services.latest_checkins(owner, 8),
        "health_problems": summary_facts.health_problems(p),
        # a stated status beside surgery that removed both ovaries (as mbcnav check says)
        "menopause_warnings": menopause_warnings(p, day),
        "ecog_date": Profile.objects.filter(owner=owner)
        .values_list("ecog_date", flat=True)
        .first(),
    }


@record_view(log="record overview")
def overview(request, owner):
    f = facts(owner)
    marker, series = timeline.main_marker(f["patient"])
    chart = timeline.marker_chart_svg(
        f["patient"], label=_("%(marker)s over time") % {"marker": marker or ""}
    )
    return render(
        request,
        "record/overview.html",
        context(
            request,
            owner,
            **f,
            marker=marker,
            marker_series=series[-6:],
            marker_chart=mark_safe(chart),
            appointments=services.upcoming_appointments(owner),
            doses=_doses_glance(owner, f["today"]),
            empty=is_empty(owner),
        ),
    )


def _doses_glance(owner, today) -> list[dict]:
    from mbcnav.web.reminders.services import glance

    return glance(owner, today)


@record_view(log="timeline")
def timeline_page(request, owner):
    p = services.patient_for(owner)
    labels = timeline_labels()
    svg = timeline.timeline_svg(p, today(), labels)
    page = paged(request, timeline.timeline_rows(p, today(), labels))
    return render(
        request,
        "record/timeline.html",
        context(request, owner, svg=mark_safe(svg), rows=page, page=page),
    )


def _summary_context(request, owner) -> dict:
    f = facts(owner)
    latest_day = f["checkins"][0].date if f["checkins"] else None
    since = latest_day - timedelta(days=14) if latest_day else None
    recent = summary_facts.one_per_symptom(f["checkins"], since)
    svg = timeline.timeline_svg(f["patient"], f["today"], timeline_labels())
    return context(
        request,
        owner,
        **f,
        recent_symptoms=recent,
        early_treatment=summary_facts.early_treatment(f["patient"]),
        local_treatment=summary_facts.local_treatment(f["patient"]),
        recent_labs=summary_facts.recent_labs(f["patient"]),
        appointments=services.upcoming_appointments(owner, 2),
        svg=mark_safe(svg),
        biomarkers=Biomarker.objects.filter(owner=owner),
        age=f["patient"].age_on(f["today"]),
        responses=_line_responses(f),
        missed_doses=_missed_doses(owner, f["today"]),
    )


def _missed_doses(owner, today) -> list[str]:
    from mbcnav.web.reminders.services import adherence_lines

    return adherence_lines(owner, today)


def _line_responses(f) -> dict:
    """Best reported response during each line (from the assessments dated within it)."""
    order = ["progression", "unknown", "stable", "regression", "ned"]
    out = {}
    for ln in f["lines"]:
        end = ln.end or f["today"]
        seen = [a.status for a in f["patient"].assessments if ln.start < a.date <= end]
        out[ln.number] = max(seen, key=order.index) if seen else None
    return out


@record_view(log="summary")
def summary(request, owner):
    return render(request, "record/summary.html", _summary_context(request, owner))


def _no_fetch(url, *args, **kwargs):
    raise ValueError("The PDF may not load anything from outside: " + url[:80])


@record_view()
def summary_pdf(request, owner):
    from weasyprint import HTML

    html = render_to_string(
        "record/summary_pdf.html", _summary_context(request, owner), request=request
    )
    pdf = HTML(string=html, url_fetcher=_no_fetch).write_pdf()
    audit(request.user, owner, "export", "summary PDF")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="mbc-summary.pdf"'
    return response


@login_required
def roster(request):
    """People who shared their record with this navigator: latest status and red flags."""
    if not services.is_navigator(request.user):
        raise Http404
    people = []
    shares = Share.objects.filter(
        grantee=request.user, role="navigator", revoked_at__isnull=True
    ).select_related("owner")
    from mbcnav.web.checkins.repair import repair_untriaged

    repair_untriaged(owners=[s.owner_id for s in shares])  # check-ins a crash left untriaged
    for share in shares:
        people.append(_status(share.owner) | {"share": share})
    audit(request.user, None, "view", "navigator roster")
    people.sort(key=lambda x: (-len(x["flags"]), x["name"].lower()))
    return render(request, "record/roster.html", {"people": people})


def _status(owner) -> dict:
    day = today()
    p = services.patient_for(owner)
    assessments = sorted(p.assessments, key=lambda a: a.date)
    latest = assessments[-1] if assessments else None
    triaged = (
        CheckIn.objects.filter(owner=owner, triage_level__isnull=False)
        .order_by("-date", "-id")
        .first()
    )
    checkins = services.latest_checkins(owner, 20)
    last_day = checkins[0].date if checkins else None
    last = [c for c in checkins if c.date == last_day]
    flags = []
    if triaged and triaged.triage_level in ("emergency", "urgent"):
        flags.append(
            _("Check-in on %(day)s was triaged %(level)s.")
            % {"day": date_format(triaged.date, "j M Y"), "level": triaged.triage_level}
        )
    if latest and latest.status == "progression":
        flags.append(
            _("Latest scan (%(day)s) shows progression.")
            % {"day": date_format(latest.date, "j M Y")}
        )
    if any(
        m.site in ("brain", "leptomeningeal") and m.status in ("active", "treated-progressing")
        for m in p.metastases
    ):
        flags.append(_("Brain metastases that are active or growing."))
    severe = sorted({c.symptom for c in last if c.severity in ("severe", "very severe")})
    if severe:
        flags.append(_("Severe symptoms reported: %(list)s.") % {"list": ", ".join(severe)})
    if last_day is None or (day - last_day).days > 30:
        flags.append(_("No check-in in the last 30 days."))
    current = derive.current_treatment(p, day)
    return {
        "owner": owner,
        "name": person_label(owner),
        "subtype": derive.subtype(p),
        "current": current,
        "latest": latest,
        "triage": triaged,
        "last_checkin": last_day,
        "flags": flags,
    }
