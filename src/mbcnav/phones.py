"""Phone numbers people can tap, in plain Python: the ``tel:`` address (RFC 3966) of a number
as a person or a registry wrote it, and the pattern of the phone numbers found in free text:
US numbers (312-555-0100, (203) 499-9297, 1-800-227-2345, +1 617 632 2335, with an "ext. 12"
or "x12" after), 7-digit local numbers (555-0100), and the emergency and crisis lines 911 and
988 (not "911 miles"). The web turns them into links (``mbcnav.web.core.phones``)."""

from __future__ import annotations

import re

_EXT = re.compile(r"\s*(?:ext\.?|extension|x)\s*(\d{1,6})\s*$", re.IGNORECASE)
PHONE_IN_TEXT = re.compile(
    r"(?<![\w/.:=-])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}"
    r"(?:,?\s*(?:ext\.?|x)\s*\d{1,6})?(?![\w-])"
    r"|(?<![\w/.:=-])\d{3}-\d{4}(?![\w-])"
    r"|\b(?:911|988)\b(?![-.,]?\d)(?!\s*(?:(?:miles?|mi|km|mg|ml)\b|%))",
    re.IGNORECASE,
)


def tel_address(text: str, ext: str = "") -> str:
    """'(312) 555-0100 ext. 12' -> 'tel:+13125550100;ext=12'; '911' -> 'tel:911';
    '+44 20 7946 0000' -> 'tel:+442079460000'; '' when it holds fewer than 3 digits."""
    text = str(text or "").strip()
    found = _EXT.search(text)
    if found:
        text, ext = text[: found.start()], ext or found.group(1)
    digits = re.sub(r"\D", "", text)
    if len(digits) < 3:
        return ""
    if len(digits) == 10 and not text.startswith("+"):
        digits = "1" + digits
    plus = "+" if text.startswith("+") or (len(digits) == 11 and digits[0] == "1") else ""
    ext_digits = re.sub(r"\D", "", ext or "")
    return f"tel:{plus}{digits}" + (f";ext={ext_digits}" if ext_digits else "")
