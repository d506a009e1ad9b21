"""Numbers people write in words, as digits: "pulse one hundred and twenty two" -> "pulse 122",
"thirty eight point four" -> "38.4", "sick three times" -> "sick 3 times".

Read with text2num (``alpha2digit``), which leaves a lone "one" in ordinary words alone ("no
one came", "one of those days"). Only for reading: the person's words are kept as typed.
"""

from __future__ import annotations

from text_to_num import alpha2digit


def digits(text: str) -> str:
    """``text`` with numbers written in words turned into digits (English)."""
    if not text:
        return text
    try:
        return alpha2digit(text, "en")
    except (ValueError, OverflowError):  # never let a reading aid refuse a check-in
        return text
