"""Symptoms typed in a person's own words: never refused, never dropped.

Two ways a symptom reaches the record, with two rules (docs/patient-file.md):

- A **patient file** (import, ``mbcnav triage FILE``) writes coded terms. A name the
  vocabulary cannot read is refused with one sentence, as every other field: a file is
  written by a program or by hand, and a typo there should be fixed, not guessed.
- A **check-in typed by the person** (the check-in form's "something else" box, the
  triage bench, any app that sends words) is read through ``own_words``: words the
  vocabulary reads become that term, and words it cannot read become the term
  ``other symptom`` with the person's words kept in the note. The triage rules grade an
  unread symptom with caution and say on the result that it could not be read.
"""

from __future__ import annotations

from . import vocabulary as v

OTHER = "other symptom"
#: Longest text kept from the person's words (the rest is cut with an ellipsis).
LIMIT = 200


def words_of(note: str | None) -> str:
    """The person's own words at the start of an entry's note ('' when there are none)."""
    return (note or "").split("; ", 1)[0].strip()


def own_words(entry: dict) -> dict:
    """A typed check-in entry -> a patient-file symptom entry that the file reader accepts.

    ``entry`` is a patient-file symptom entry whose ``symptom`` holds what the person typed.
    When the vocabulary cannot read it (or it is not text), the entry becomes ``other
    symptom`` with the words first in its note; every other field is kept as given, so a
    bad severity or date is still refused with its own sentence.
    """
    typed = entry.get("symptom")
    if typed is None or (isinstance(typed, str) and v.normalise_symptom(typed) is not None):
        return dict(entry)
    text = " ".join(str(typed).split())
    if len(text) > LIMIT:
        text = text[: LIMIT - 1] + "…"
    note = entry.get("note")
    out = {**entry, "symptom": OTHER}
    out["note"] = f"{text}; {note}" if isinstance(note, str) and note.strip() else text
    return out


def own_words_all(entries: list[dict]) -> list[dict]:
    """``own_words`` for every entry of a typed check-in."""
    return [own_words(e) if isinstance(e, dict) else e for e in entries]
