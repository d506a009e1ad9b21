"""Phone numbers people can tap, for pages: one number as a ``tel:`` link, and free text or HTML
with every phone number in it (``mbcnav.phones.PHONE_IN_TEXT``) made a ``tel:`` link."""

from __future__ import annotations

import re

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe

from mbcnav.phones import PHONE_IN_TEXT, tel_address

_TAG = re.compile(r"(<[^>]*>)")


def phone_link(text: str):
    """The number as a ``tel:`` link; the text itself (escaped) when it holds no number."""
    href = tel_address(text)
    return format_html('<a href="{}">{}</a>', href, text) if href else conditional_escape(text)


def _link_in_text(text: str) -> str:
    """Escaped text with each number found linked (``text`` is already escaped HTML text)."""
    return PHONE_IN_TEXT.sub(
        lambda m: f'<a href="{tel_address(m.group(0))}">{m.group(0)}</a>', text
    )


def link_phones(value) -> str:
    """Text (escaped here) or HTML (marked safe, e.g. from another filter) with every phone
    number outside a link made a ``tel:`` link; tags and existing links are left as they are."""
    if not isinstance(value, SafeData):
        return mark_safe(_link_in_text(str(conditional_escape(str(value or "")))))  # noqa: S308
    out, in_link = [], 0
    for part in _TAG.split(str(value)):
        if part.startswith("<"):
            tag = (
                part[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if len(part) > 2 else ""
            )
            if tag == "a":
                in_link += -1 if part.startswith("</") else 1
            out.append(part)
        else:
            out.append(part if in_link else _link_in_text(part))
    return mark_safe("".join(out))  # noqa: S308 (the input was safe HTML; only digits added)
