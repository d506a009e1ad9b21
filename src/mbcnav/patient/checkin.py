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

import re

from . import symptoms, wellness
from . import vocabulary as v
from .answers import NEW, OLD, answers, count_in, on_effort_only
from .negation import NEGATORS, negated
from .subjects import carried

OTHER = "other symptom"
#: Longest text kept and read from the person's words (the rest is cut with an ellipsis). A
#: portal message can bury the red flag after a paragraph of routine questions, so the whole
#: of a long message is read (hazard H56); the web form allows the same length.
LIMIT = 2000
#: Where a typed phrase is cut into clauses ("fell and hit my head, now headache and sick").
CLAUSES = re.compile(
    r"[,;!?/()]+|(?<!\d)\.|\.(?!\d)"  # a full stop, but not the one in 38.4
    r"|\s(?:and|but|with|plus|also|now|then|while|though|although|except|just|only|apart\s+from|"
    r"aside\s+from|other\s+than|besides)\s",
    re.I,
)
#: Words that say the one symptom named is kept in check now ("the diarrhoea is well
#: controlled with the loperamide": session 32, tuning set 70): a present-tense statement
#: ("is / are / 's / has been ... controlled / under control"), never getting it under control,
#: asking how, or what was ("was under control until yesterday": review).
CONTROLLED = re.compile(
    r"(?:\b(?:is|are|been|stays?|staying)\s+|'s\s+|\bs\s+)(?:(?:now|still|really)\s+)?"
    r"(?:(?:well|fully|nicely|completely)\s+)?(?:controlled|under\s+control|settled)\b",
    re.I,
)
#: a word before it in the clause that says otherwise ("isnt", "cant", "not", "no longer")
NOT_CONTROLLED = re.compile(
    r"\b(?:not|no\s+longer|never|barely|hardly|cant|cannot|dont|doesnt|isnt|arent|wasnt|wont|"
    r"how|get|getting|trying|struggl\w*|help)\b|n'?t\b",
    re.I,
)
#: anything in the entry that says the control is partial, lost or strained: a contrast, a
#: worsening, a count or dose ("taking 8 a day"), a second medicine against diarrhea (review)
CONTROL_DOUBTED = re.compile(
    r"\d|\b(?:but|though|although|however|except|until|worse|worsening|again|back|still|"
    r"watery|night|codeine|lomotil|diphenoxylate|octreotide|budesonide|cholestyramine|"
    r"max(?:imum)?|most|lots?|many|loads?)\b",
    re.I,
)
#: the symptoms a person can say are kept in check by what they do; never a red-flag sign
#: (breathlessness, bleeding, a rash on a PI3K/AKT drug: review)
CONTROLLABLE = frozenset(
    {
        "diarrhea",
        "nausea",
        "vomiting",
        "constipation",
        "pain",
        "joint pain",
        "muscle pain",
        "hot flashes",
        "heartburn",
        "itching",
        "insomnia",
        "hiccups",
    }
)
#: Fields copied to a second symptom read from the same phrase (numbers stay with the first).
SHARED = ("date", "severity", "frequency", "interference", "new")
TEMPERATURES = ("temperature_c", "temperature_f")


def words_of(note: str | None) -> str:
    """The person's own words at the start of an entry's note ('' when there are none)."""
    return (note or "").split("; ", 1)[0].strip()


def is_well(text: str) -> bool:
    """True for words that only say all is well ("feeling fine today, no problems", "all fine
    no probs", "nothin to report x"): the classifier of ``wellness`` (data/all_is_well.yaml)."""
    return _wellness(text) == "well"


def _wellness(text: str) -> str | None:
    return wellness.reading(text, clauses, _names_a_symptom, _denies)


def _names_a_symptom(clause: str) -> bool:
    return v.normalise_symptom(clause) is not None


def _denies(piece: str) -> bool:
    """A denial of a symptom: ConText negation, or a cue then words the vocabulary reads
    ("no sickness", "no runs")."""
    words = piece.split()
    return negated(piece) or (
        len(words) > 1
        and words[0] in NEGATORS
        and v.normalise_symptom(" ".join(words[1:])) is not None
    )


def clauses(text: str) -> list[str]:
    return [c for c, _ in _ended_clauses(text)]


def _ended_clauses(text: str) -> list[tuple[str, bool]]:
    """The clauses of ``text``, each with whether a sentence ends after it."""
    pieces = re.split(f"({CLAUSES.pattern})", text, flags=re.I)
    return [
        (piece.strip(), bool(symptoms.SENTENCE_END.search(end)))
        for piece, end in zip(pieces[::2], [*pieces[1::2], ""], strict=True)
        if piece.strip()
    ]


def readings(text: str) -> tuple[list[tuple[str, str | None]], bool]:
    """The symptoms one typed phrase names, first the reading of the whole phrase.

    Returns (readings, denied): clauses that deny a symptom are left out, each other clause
    is read on its own, and ``denied`` is True when every clause was a denial.
    """
    if v.is_symptom_word(text):
        return [v.normalise_symptom(text)], False
    ended = _ended_clauses(text)
    # "it's leaking" after a denial about the port is the port's (subjects.carried)
    read = carried([c for c, _ in ended])
    kept_ended = [
        (c, end) for (c, denied, _), (_, end) in zip(read, ended, strict=True) if not denied
    ]
    kept = [c for c, _ in kept_ended]
    if ended and not kept:
        return [v.normalise_symptom(" ".join(ended[0][0].split()[1:]))], True
    out: list[tuple[str, str | None]] = []
    # the clauses left, rejoined with their sentence ends kept (no keyword across a full stop)
    joined = "".join(c + (". " if end else ", ") for c, end in kept_ended)
    whole = v.normalise_symptom(joined) if kept else None
    if whole:
        out.append(whole)
    if len(kept) > 1 or whole is None:
        before = None  # the clause before, when it is kept and in the same sentence
        for (c, denied, _), (_, end) in zip(read, ended, strict=True):
            if denied:
                before = None
                continue
            found = v.normalise_symptom(c)
            if found is None and before is not None:
                # a clause that names nothing alone is read with the one before it in the
                # same sentence: "sweating buckets then freezing" is shivering, split at "then"
                found = v.normalise_symptom(f"{before}, {c}")
            if found and found[0] not in {t for t, _ in out}:
                out.append(found)
            before = None if end else c
    return out, False


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
    return _as_other(entry)


def _as_other(entry: dict) -> dict:
    """The entry as ``other symptom`` with the typed words first in its note."""
    text = " ".join(str(entry.get("symptom")).split())
    if len(text) > LIMIT:
        text = text[: LIMIT - 1] + "…"
    note = entry.get("note")
    out = {**entry, "symptom": OTHER}
    out["note"] = f"{text}; {note}" if isinstance(note, str) and note.strip() else text
    return out


def read_typed(entry: dict) -> list[dict]:
    """One typed entry -> the patient-file entries it stands for (at least one, never none).

    A listed word is kept as it is. Other words are read clause by clause: denials ("no
    fever") are left out, the first symptom read keeps every field of the entry, and each
    further symptom named in the same phrase becomes an entry with the same date, severity,
    frequency, interference and "new" answer (erring high: the words are the person's
    own, the severity may be theirs for the whole phrase). Words that name no symptom
    become ``other symptom``. The person's words are kept first in each note.
    """
    typed = entry.get("symptom")
    if not isinstance(typed, str) or v.is_symptom_word(typed):
        return [own_words(entry)]
    text = " ".join(typed.split())[:LIMIT]
    if entry.get("severity") is None and entry.get("frequency") is None:
        kind = _wellness(text)
        if kind == "well":  # "all good, no probs": nothing to report
            return [{**_as_other(entry), "severity": "none"}]
        if kind == "remark":  # "feeling great, walked the dog": unread words beside "all is
            # well" are mild (routine) unless severe words; red-flag words still win in triage
            return [{**_as_other(entry), "severity": "mild", **answers(text, entry)}]
    found, denied = readings(text)
    if not found or found[0] is None:
        # nothing read once denials are left out: never fall back to reading the whole
        # phrase, which would read "no chest pain" in "feel far away, no chest pain"
        return [{**_as_other(entry), **answers(text, entry)}]
    note = entry.get("note")
    words = f"{text}; {note}" if isinstance(note, str) and note.strip() else text
    term, where = found[0]
    first = {**entry, **answers(text, entry), "symptom": term, "note": words}
    if where and not entry.get("location"):
        first["location"] = where
    if denied and entry.get("severity") is None and entry.get("frequency") is None:
        first["severity"] = "none"  # "no fever": said to be absent (numbers still count)
        return [first]
    if (
        len(found) == 1
        and all(entry.get(k) is None for k in ("severity", "frequency", "interference"))
        and first.get("severity") is None
        and _controlled(text, term)
    ):
        first["severity"] = "mild"  # a known problem said to be kept in check
    out = [first]
    for term, where in found[1:]:
        extra = {k: first[k] for k in SHARED if k in first}
        if term == "fever":  # "runny nose, temp 98.4F": the number is the fever's answer
            extra.update({k: first[k] for k in TEMPERATURES if first.get(k) is not None})
        extra.update(symptom=term, note=words)
        if where:
            extra["location"] = where
        out.append(extra)
    for e in out:
        if entry.get("new") is None and e["symptom"] != OTHER:
            # new or old is read from the clauses that name the symptom when they say
            # ("headache same as the past few weeks, now blurred vision": the headache is old,
            # the blurred vision is not; session 33, first review)
            own = " ".join(_clauses_reading(text, e["symptom"])).lower()
            if own and NEW.search(own):
                e["new"] = True
            elif own and OLD.search(own):
                e["new"] = False
            elif own and len(out) > 1 and e.get("new") is False:
                # a message of several symptoms: one whose own clauses say nothing is not taken
                # as old from another's words ("the headache is the same as before ... and I am
                # being sick": final review)
                e.pop("new", None)
        # breathless on effort only, fine at rest: moderate, not an unknown severity read as
        # severe (session 33, tuning set 72: "puffed on the stairs ... fine sitting and lying")
        if (
            e["symptom"] == "shortness of breath"
            and all(e.get(k) is None for k in ("severity", "frequency", "interference"))
            and on_effort_only(text)
        ):
            e["severity"] = "moderate"
    _counts(text, out)
    return out


def _clauses_reading(text: str, term: str) -> list[str]:
    """The clauses of ``text`` the vocabulary reads as ``term``."""
    return [c for c in clauses(text) if (v.normalise_symptom(c) or (None,))[0] == term]


def _controlled(text: str, term: str) -> bool:
    """Whether a clause that reads as ``term`` says it is kept in check now, with no word
    against it in the clause and no doubt anywhere in the entry."""
    if term not in CONTROLLABLE or CONTROL_DOUBTED.search(text):
        return False
    for c in _clauses_reading(text, term):
        m = CONTROLLED.search(c)
        if m and not NOT_CONTROLLED.search(c[: m.start()]):
            return True
    return False


def _counts(text: str, entries: list[dict]) -> None:
    """Give a counted term (diarrhea, vomiting) the number of times the words say, when the
    entry has none: from the clause that reads as that term, else from the whole phrase when
    only one counted term was read ("10 watery poos today and dizzy")."""
    counted = [e for e in entries if "count" in _asks(e.get("symptom"))]
    for e in counted:
        if e.get("count_per_day") is not None:
            continue
        own = _clauses_reading(text, e["symptom"])
        number = next((n for c in own if (n := count_in(c)) is not None), None)
        if number is None and len(counted) == 1:
            number = count_in(text)
        if number is not None:
            e["count_per_day"] = number


def _asks(term) -> tuple[str, ...]:
    found = symptoms.vocabulary().by_term.get(term) if isinstance(term, str) else None
    return found.ask if found else ()


def own_words_all(entries: list[dict]) -> list[dict]:
    """Every entry of a typed check-in read with ``read_typed`` (never fewer entries)."""
    return [x for e in entries for x in (read_typed(e) if isinstance(e, dict) else [e])]
