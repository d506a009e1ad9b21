"""A severe word denied by the negation cue just before it: "not the worst ever", "not too
awful", "isn't severe" say the symptom is not severe, so ``answers`` does not read them as a
severity (read only upwards). The cues and fillers are those of ``negation``
(data/negation.yaml).
"""

from __future__ import annotations

from .negation import FILLERS, NEGATORS


def denied_before(low: str, start: int) -> bool:
    """A severe word right after a negation cue, with only filler words between ("not the
    worst ever", "not too awful", "isn't severe"): the words deny the severity."""
    before = low[:start].replace("'", "").split()
    while before and before[-1] in FILLERS | {"too", "that", "so", "very", "as"}:
        before.pop()
    return bool(before) and (before[-1] in NEGATORS or before[-1] in {"isnt", "wasnt", "arent"})
