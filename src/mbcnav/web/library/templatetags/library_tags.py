"""Template helpers other pages use to link drug names to the library's medicines guide.

    {% load library_tags %}{{ drug_name|medicine_link }}
    {{ line.drugs|medicine_links:" + " }}      a list of drug names, joined
    {{ question.text|link_medicines }}         free text: known drug names inside it

give each drug name as a link to its guide page when the drug table knows the name
(generic, brand or synonym), else the name as plain text; everything is escaped.
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def medicine_url(name) -> str:
    """The medicines guide address for a drug name, or "" when the drug table does not know it."""
    from mbcnav.library.medicines import page_url

    return page_url(str(name or "").strip())


@register.filter
def medicine_link(name):
    url = medicine_url(name)
    if not url:
        return format_html("{}", name or "")
    return format_html('<a href="{}" class="medicine-link">{}</a>', url, name)


@register.filter
def medicine_links(names, separator=", "):
    """A list of drug names, each linked when known, joined by ``separator``."""
    if isinstance(names, str):
        names = [names]
    parts = [conditional_escape(medicine_link(n)) for n in names or ()]
    return mark_safe(conditional_escape(separator).join(parts))  # noqa: S308 (parts escaped)


@register.filter
def link_medicines(text):
    """Free text with every drug name the drug table knows turned into a guide link."""
    from mbcnav.library.medicines import mentions

    text = str(text or "")
    out, last = [], 0
    for start, end, url in mentions(text):
        out.append(conditional_escape(text[last:start]))
        out.append(format_html('<a href="{}" class="medicine-link">{}</a>', url, text[start:end]))
        last = end
    out.append(conditional_escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece escaped above)
