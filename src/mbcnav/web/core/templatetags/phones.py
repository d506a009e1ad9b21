"""Phone numbers people can tap: ``{% load phones %}``, then ``{{ number|tel }}`` (the
``tel:`` address), ``{{ number|phone_link }}`` (the number as a link) and
``{{ text|phone_links }}`` (every number in text or HTML linked). See ``web/core/phones.py``."""

from django import template

from mbcnav.phones import tel_address
from mbcnav.web.core.phones import link_phones, phone_link

register = template.Library()
register.filter("tel", tel_address)
register.filter("phone_link", phone_link)
register.filter("phone_links", link_phones, is_safe=True)
