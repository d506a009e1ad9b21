"""Dates written for people: ``{% load people_dates %}{{ value|day }}`` -> "12 Oct 2026".

Takes a date, a datetime or an ISO date string (engines and stored rows often keep dates
as "2026-10-12"); anything else (a partial date such as "2026-10", free text) is shown as
written. Use ``date:"Y-m-d"`` only for addresses, form inputs and exports.
"""

from datetime import date, datetime

from django import template
from django.utils.formats import date_format

register = template.Library()

FORMAT = "j M Y"


@register.filter
def day(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return date_format(value, FORMAT)
    text = str(value).strip()
    try:
        return date_format(date.fromisoformat(text), FORMAT) if len(text) == 10 else text
    except ValueError:
        return text
