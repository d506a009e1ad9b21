"""Template helpers other pages use to link drug names to the library's medicines guide.

    {% load library_tags %}{{ drug_name|medicine_link }}

gives the drug name as a link to its guide page when the drug table knows the name
(generic, brand or synonym), else the name as plain text; both are escaped.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def medicine_url(name) -> str:
    """The medicines guide address for a drug name, or "" when the drug table does not know it."""
    from mbcnav.library.medicines import medicine_for

    found = medicine_for(str(name or "")) if name else None
    return found.url if found else ""


@register.filter
def medicine_link(name):
    url = medicine_url(name)
    if not url:
        return format_html("{}", name or "")
    return format_html('<a href="{}" class="medicine-link">{}</a>', url, name)
