"""One phrase naming a row of the record in the person's words, for delete confirmations and
messages: "the treatment letrozole started 3 Mar 2025", never "Treatment object (34)"."""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import models as m


def _day(value) -> str:
    return date_format(value, "j M Y") if value else _("no date")


def describe(row) -> str:
    if isinstance(row, m.Treatment):
        if row.type == "surgery":
            what = row.procedure or _("surgery")
            return _("the surgery %(what)s on %(day)s") % {"what": what, "day": _day(row.date)}
        if row.type == "radiation":
            what = row.site or _("an unnamed site")
            return _("the radiation to %(what)s started %(day)s") % {
                "what": what,
                "day": _day(row.start),
            }
        what = ", ".join(row.drugs or []) or _("with no drug named")
        return _("the treatment %(what)s started %(day)s") % {"what": what, "day": _day(row.start)}
    if isinstance(row, m.Assessment):
        return _("the scan of %(day)s (%(result)s)") % {
            "day": _day(row.date),
            "result": row.get_status_display(),
        }
    if isinstance(row, m.Metastasis):
        return _("the site %(site)s found %(day)s") % {
            "site": row.get_site_display(),
            "day": _day(row.date),
        }
    if isinstance(row, m.Lab):
        value = " ".join(x for x in (row.value, row.unit) if x)
        return _("the lab result %(test)s %(value)s of %(day)s") % {
            "test": row.test,
            "value": value,
            "day": _day(row.date),
        }
    if isinstance(row, m.Biomarker):
        return _("the biomarker %(marker)s %(result)s") % {
            "marker": row.marker,
            "result": row.result,
        }
    if isinstance(row, m.Condition):
        return _("the health problem %(name)s") % {"name": row.name}
    if isinstance(row, m.CareTeamMember):
        return _("%(name)s from the care team") % {"name": row.name}
    if isinstance(row, m.Appointment):
        when = date_format(timezone.localtime(row.when), "j M Y, H:i")
        who = f" {_('with')} {row.with_whom}" if row.with_whom else ""
        return _("the appointment on %(when)s%(who)s") % {"when": when, "who": who}
    if isinstance(row, m.Note):
        return _("the note “%(title)s” of %(day)s") % {"title": row.title, "day": _day(row.date)}
    return str(row)
