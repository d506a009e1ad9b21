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
from importlib import resources

import yaml

from . import symptoms, wellness
from . import vocabulary as v

OTHER = "other symptom"
#: Longest text kept and read from the person's words (the rest is cut with an ellipsis). A
#: portal message can bury the red flag after a paragraph of routine questions, so the whole
#: of a long message is read (hazard H56); the web form allows the same length.
LIMIT = 2000
#: Where a typed phrase is cut into clauses ("fell and hit my head, now headache and sick").
CLAUSES = re.compile(
    r"[,;!?/()]+|(?<!\d)\.|\.(?!\d)"  # a full stop, but not the one in 38.4
    r"|\s(?:and|but|with|plus|also|now|then|while|though|although|except|just|only)\s",
    re.I,
)
#: Negation scope (ConText-style cues, pseudo-negations): data/negation.yaml.
_NEG = yaml.safe_load(
    resources.files("mbcnav.patient").joinpath("data/negation.yaml").read_text(encoding="utf-8")
)
#: A clause starting with one of these denies what follows ("no fever", "not dizzy").
NEGATORS = frozenset(str(w) for w in _NEG["cues"])
#: Of those, the cues that deny a whole phrase read through keywords ("no thoughts of harming").
PHRASE_NEGATORS = frozenset(_NEG["phrase_cues"])
#: After 'not', verbs of thought or intent that make it deny a whole phrase ("not thinking of ...").
NOT_THOUGHT = frozenset(_NEG["not_thought"])
#: Words that may stand before a cue ("i have no fever").
LEAD = frozenset(_NEG["lead"])
#: Words that may sit between the negation and the symptom ("no more pain", "not really dizzy").
FILLERS = frozenset(_NEG["fillers"])
#: Words that may follow the symptom in a denial ("no pain today", "not sick anymore").
AFTER = frozenset(_NEG["after"])
#: First words after a phrase cue that make the clause a report ("no feeling", "never had").
PSEUDO = frozenset(_NEG["pseudo"])
#: After a cue, words that say what follows was had ("not been sick", "never had a fever").
HAVE = frozenset(_NEG["have"])
#: Words that make "never had X" a first time, not a denial.
FIRST_TIME = frozenset(_NEG["first_time"])
#: After 'not' and a have-word, nouns of thought ("not having any thoughts of harming myself").
THOUGHT_NOUNS = frozenset(_NEG["thought_nouns"])
#: A clause that ends by calling what it names normal ("wee is a normal colour") denies it.
_POST_VERBS, _POST_WORDS = "|".join(_NEG["post_verbs"]), "|".join(_NEG["post_words"])
POST_NEGATION = re.compile(
    rf"(?<!\bnot)\s(?:{_POST_VERBS})\s+(?:(?:a|its|their|my|his|her|back to|all)\s+)?"
    rf"(?:{_POST_WORDS})(?:\s+(?:colou?r|again|now|today|size|shape))?\s*$"
)
#: "... or anything" after a denied symptom ("not coughing blood or anything").
OR_ANYTHING = frozenset({"anything", "something", "owt", "whatever", "similar"})
#: Words that make a phrase severe when no severity was chosen (read only upwards).
SEVERE = re.compile(
    r"\b(?:severe|severely|terrible|terribly|awful|worst|unbearable|excruciating|agony|"
    r"agoni[sz]ing|horrendous|extreme|extremely|(?:really|very|so) bad|can'?t cope|cannot cope|"
    r"can'?t stop (?:crying|sobbing))\b"
)
#: Words that say a symptom is new or sudden, and words that say it is long-standing.
NEW = re.compile(
    r"\b(?:new|newly|sudden|suddenly|just started|started (?:today|yesterday|this|last)|"
    r"since (?:today|yesterday|this|last)|first time|never had|out of nowhere|came on)\b"
)
OLD = re.compile(
    r"\b(?:same as (?:always|usual|before)|as usual|for (?:months|years)|"
    r"long[- ]standing|had it for (?:months|years|ages)|nothing new|not new|"
    r"had (?:it|this|that|these|them) before|always (?:had|get|have) (?:it|this|that|them)|"
    r"on and off for (?:weeks|months|years|ages))\b"
)
#: A number in the words that can only be a body temperature (°C, then °F).
NUMBER = re.compile(r"(?<![\d.])(\d{2,3}(?:\.\d)?)(?![\d.])")
CELSIUS, FAHRENHEIT = (34.0, 42.5), (94.0, 108.5)
#: Other measurements people type: a number next to these is not a temperature.
MEASURES = re.compile(
    r"\b(?:pulse|heart|bpm|rate|pressure|bp|sugar|glucose|mg|mmol|kg|lbs?|pounds|weight|"
    r"oxygen|o2|sats?|spo2|breaths)\b|%"
)
#: A number of times a day in the words ("10 watery poos", "sick 3 times", "4 or 5 times").
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
COUNT = re.compile(
    r"(?<![\d.])(\d{1,2})(?:\s*(?:-|or|to)\s*(\d{1,2}))?\s*"
    r"(?:x\b|times?\b|poos?\b|poops?\b|stools?\b|bowel movements?\b|bms?\b|episodes?\b|"
    r"goes\b|watery\b|loose\b|runny\b)"
)
#: Words that say a symptom gets in the way of eating, drinking, swallowing or walking (the
#: PRO-CTCAE interference item): "hard to eat", "can't walk far", "struggling to swallow".
INTERFERES = re.compile(
    r"\b(?:hard|difficult|struggl\w*|trouble|unable|cant|cannot|can not|stopping me|stops me)\b"
    r"(?:\s+\w+){0,2}?\s+(?:eat|eating|drink|drinking|swallow\w*|walk|walking)\b"
)
#: Words that say a symptom stops self-care (CTCAE v5's grade 3: "limiting self-care ADL":
#: bathing, dressing and undressing, feeding oneself, using the toilet, taking medicines, not
#: bedridden): "I can't do up buttons now", "unable to dress myself". Read upwards always.
SELF_CARE = re.compile(
    r"\b(?:cant|cannot|can not|couldnt|unable to|struggl\w* to|no longer|not able to)\s+"
    r"(?:\w+\s+){0,2}?(?:do up|button\w*|get dressed|dress (?:myself|herself|himself)|"
    r"undress|wash (?:myself|herself|himself)|shower|bath\w*|feed (?:myself|herself|himself)|"
    r"hold (?:a|my|her|his) (?:cup|fork|spoon|mug|toothbrush)|use the (?:toilet|loo)|"
    r"get (?:out of|up from) (?:bed|the chair)|take (?:my|her|his) (?:pills|tablets|meds))\b"
)
#: Fields copied to a second symptom read from the same phrase (numbers stay with the first).
SHARED = ("date", "severity", "frequency", "interference", "new")
TEMPERATURES = ("temperature_c", "temperature_f")


def words_of(note: str | None) -> str:
    """The person's own words at the start of an entry's note ('' when there are none)."""
    return (note or "").split("; ", 1)[0].strip()


def negated(clause: str) -> bool:
    """True for a clause that denies a symptom: a negation cue, then what it denies.

    "no fever", "not dizzy", "denies chest pain", "i have no pain" deny a listed symptom word;
    "no thoughts of harming myself", "never thought about hurting myself" deny a whole phrase
    that the keywords read as a symptom (ConText scope: the cue at the start of the clause
    covers the clause). "no appetite", "can't pee", "no feeling in my legs", "no point going
    on", "never had a fit before" are reports (the negation is part of a listed word or a
    pseudo-negation, data/negation.yaml). Words nothing reads are never denied (err upwards).
    """
    words = clause.lower().replace("’", "'").replace("'", "").split()
    if POST_NEGATION.search(" ".join(words)) and v.normalise_symptom(clause) is not None:
        return True
    while len(words) > 2 and words[0] in LEAD and words[0] not in NEGATORS:
        words = words[1:]
    if len(words) < 2 or words[0] not in NEGATORS or v.is_symptom_word(" ".join(words)):
        return False
    rest = words[1:]
    while len(rest) > 1 and rest[0] in FILLERS:
        rest = rest[1:]
    while len(rest) > 1 and rest[-1] in AFTER:
        rest = rest[:-1]
    # "not coughing blood or anything": a trailing "or anything" widens the denial
    if len(rest) > 2 and rest[-2] == "or" and rest[-1] in OR_ANYTHING:
        rest = rest[:-2]
    if rest[0] in HAVE and len(rest) > 1:
        had = rest[1:]
        while len(had) > 1 and had[0] in FILLERS:
            had = had[1:]
        # "not been sick", "not had a fever"; "not had a poo" is a report (pseudo-negation), and
        # so is "never had one like this before" (a first time)
        if v.is_symptom_word(" ".join(had)) or (
            words[0] == "not"
            and had[0] not in PSEUDO
            and len(had) <= 2
            and not FIRST_TIME & set(had)
            and v.normalise_symptom(" ".join([rest[0], *had])) is not None
        ):
            return True
        if words[0] == "not" and had[0] in THOUGHT_NOUNS:  # "not having any thoughts of ..."
            return v.normalise_symptom(" ".join(words)) == v.normalise_symptom(" ".join(had))
    if words[1] in PSEUDO or rest[0] in PSEUDO:
        return False
    if v.is_symptom_word(" ".join(rest)):
        return True
    # a list of denials with the cue repeated: "no ulcers no bleeding", "no fever no chills"
    if _denial_list(rest):
        return True
    if words[0] not in PHRASE_NEGATORS and not (words[0] == "not" and words[1] in NOT_THOUGHT):
        return False
    return v.normalise_symptom(" ".join(rest)) is not None and (
        v.normalise_symptom(" ".join(words)) == v.normalise_symptom(" ".join(rest))
    )


def _denial_list(rest: list[str]) -> bool:
    """True for "ulcers no bleeding" (what follows a first cue): short parts between repeated
    negation cues, at least one of them a symptom the vocabulary reads, so the whole clause
    is a list of denials ("no ulcers no bleeding", "no fever no chills")."""
    parts: list[list[str]] = [[]]
    for w in rest:
        if w in NEGATORS:
            parts.append([])
        else:
            parts[-1].append(w)
    if len(parts) < 2 or not all(0 < len(p) <= 3 for p in parts):
        return False
    return any(v.is_symptom_word(" ".join(p)) or v.normalise_symptom(" ".join(p)) for p in parts)


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
    kept_ended = [(c, end) for c, end in ended if not negated(c)]
    kept = [c for c, _ in kept_ended]
    if ended and not kept:
        return [v.normalise_symptom(" ".join(ended[0][0].split()[1:]))], True
    out: list[tuple[str, str | None]] = []
    # the clauses left, rejoined with their sentence ends kept (no keyword across a full stop)
    joined = "".join(c + (". " if end else ", ") for c, end in kept_ended)
    whole = v.normalise_symptom(joined) if kept else None
    if whole:
        out.append(whole)
    for c in kept if len(kept) > 1 or whole is None else ():
        found = v.normalise_symptom(c)
        if found and found[0] not in {t for t, _ in out}:
            out.append(found)
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
            return [{**_as_other(entry), "severity": "mild", **_answers(text, entry)}]
    found, denied = readings(text)
    if not found or found[0] is None:
        # nothing read once denials are left out: never fall back to reading the whole
        # phrase, which would read "no chest pain" in "feel far away, no chest pain"
        return [{**_as_other(entry), **_answers(text, entry)}]
    note = entry.get("note")
    words = f"{text}; {note}" if isinstance(note, str) and note.strip() else text
    term, where = found[0]
    first = {**entry, **_answers(text, entry), "symptom": term, "note": words}
    if where and not entry.get("location"):
        first["location"] = where
    if denied and entry.get("severity") is None and entry.get("frequency") is None:
        first["severity"] = "none"  # "no fever": said to be absent (numbers still count)
        return [first]
    out = [first]
    for term, where in found[1:]:
        extra = {k: first[k] for k in SHARED if k in first}
        if term == "fever":  # "runny nose, temp 98.4F": the number is the fever's answer
            extra.update({k: first[k] for k in TEMPERATURES if first.get(k) is not None})
        extra.update(symptom=term, note=words)
        if where:
            extra["location"] = where
        out.append(extra)
    _counts(text, out)
    return out


def _count_in(text: str) -> int | None:
    """The largest number of times a day the words give ("4 or 5 times" -> 5), or None."""
    low = " ".join(NUMBER_WORDS.get(w, w) for w in text.lower().split())
    low = re.sub(r"\btwice\b", "2 times", re.sub(r"\bonce\b", "1 times", low))
    found = [int(n) for m in COUNT.finditer(low) for n in m.groups() if n]
    return max(found) if found else None


def _counts(text: str, entries: list[dict]) -> None:
    """Give a counted term (diarrhea, vomiting) the number of times the words say, when the
    entry has none: from the clause that reads as that term, else from the whole phrase when
    only one counted term was read ("10 watery poos today and dizzy")."""
    counted = [e for e in entries if "count" in _asks(e.get("symptom"))]
    for e in counted:
        if e.get("count_per_day") is not None:
            continue
        own = [c for c in clauses(text) if (v.normalise_symptom(c) or (None,))[0] == e["symptom"]]
        number = next((n for c in own if (n := _count_in(c)) is not None), None)
        if number is None and len(counted) == 1:
            number = _count_in(text)
        if number is not None:
            e["count_per_day"] = number


def _asks(term) -> tuple[str, ...]:
    found = symptoms.vocabulary().by_term.get(term) if isinstance(term, str) else None
    return found.ask if found else ()


def _denied_before(low: str, start: int) -> bool:
    """A severe word right after a negation cue, with only filler words between ("not the
    worst ever", "not too awful", "isn't severe"): the words deny the severity."""
    before = low[:start].replace("'", "").split()
    while before and before[-1] in FILLERS | {"too", "that", "so", "very", "as"}:
        before.pop()
    return bool(before) and (before[-1] in NEGATORS or before[-1] in {"isnt", "wasnt", "arent"})


def _answers(text: str, entry: dict) -> dict:
    """What the words themselves answer when the entry leaves it open: a severe word gives
    severity "severe"; "new", "suddenly" give new: true, "same as always" new: false (a new
    word wins); a number that can only be a body temperature gives the temperature."""
    low = text.lower().replace("’", "'")
    out: dict = {}
    if all(entry.get(k) is None for k in ("severity", "frequency", "interference")):
        if any(not _denied_before(low, m.start()) for m in SEVERE.finditer(low)):
            out["severity"] = "severe"
        elif INTERFERES.search(low.replace("'", "")):
            out["interference"] = "quite a bit"
    if entry.get("interference") != "very much" and SELF_CARE.search(low.replace("'", "")):
        out["interference"] = "very much"
    if entry.get("new") is None:
        if NEW.search(low):
            out["new"] = True
        elif OLD.search(low):
            out["new"] = False
    no_temp = entry.get("temperature_c") is None and entry.get("temperature_f") is None
    if not MEASURES.search(low):
        found = _temperatures(low)
        if no_temp and found:
            out.update([found[0]])
        elif found:
            # "38.4 at 9pm, took paracetamol, now 37.4" with 37.4 entered: a fever medicine can
            # hide a fever, so the highest temperature the words give counts (UKONS asks)
            given = _celsius(entry)
            top = max(_celsius(dict([kv])) for kv in found)
            if given is not None and top > given + 0.05:
                if entry.get("temperature_f") is not None:
                    out["temperature_f"] = round(top * 9 / 5 + 32, 1)
                else:
                    out["temperature_c"] = round(top, 1)
    return out


def _temperatures(low: str) -> list[tuple[str, float]]:
    """Every number in the words that can only be a body temperature, with its field."""
    out = []
    for number in NUMBER.findall(low):
        value = float(number)
        if CELSIUS[0] <= value <= CELSIUS[1]:
            out.append(("temperature_c", value))
        elif FAHRENHEIT[0] <= value <= FAHRENHEIT[1]:
            out.append(("temperature_f", value))
    return out


def _celsius(entry: dict) -> float | None:
    """The entry's temperature in °C, from either field (None without one)."""
    c, f = entry.get("temperature_c"), entry.get("temperature_f")
    if isinstance(c, int | float) and not isinstance(c, bool):
        return float(c)
    if isinstance(f, int | float) and not isinstance(f, bool):
        return (float(f) - 32) * 5 / 9
    return None


def own_words_all(entries: list[dict]) -> list[dict]:
    """Every entry of a typed check-in read with ``read_typed`` (never fewer entries)."""
    return [x for e in entries for x in (read_typed(e) if isinstance(e, dict) else [e])]
