"""Whether a question tells of a 911 sign now (``emergency_signs`` in ``data/scope.yaml``), so
the answer puts the emergency passage first: a sign read with the check-in symptom vocabulary in
a clause that is not about the past, a plan or what might happen, and not denied.
"""

from __future__ import annotations

import re

#: a clause that tells of the past, not of now ("she had a seizure in 2023")
_PAST = re.compile(
    r"\b(?:(?:weeks?|months?|years?)\s+ago|last\s+(?:year|month|spring|summer|fall|autumn|winter)|in\s+(?:19|20)\d\d|"
    r"history|used\s+to|previous(?:ly)?|years?\s+back)",
    re.I,
)


#: words shared by a hypothetical sentence and a plan: "in case", "what if" ...
_IN_CASE = r"in\s+case|what\s+if"
#: ... and "signs of", "symptoms of"
_SIGNS_OF = r"signs?\s+of|symptoms?\s+of"

#: a sentence about what might happen, not what is happening
_HYPOTHETICAL = re.compile(
    # ("if" as a condition, not a question asked: "not sure if I should go", "I wonder if it's
    # the ibrance", "sorry if this is silly": session 38 review)
    r"\b(?:(?<!wonder\s)(?<!wondering\s)(?<!sure\s)(?<!sorry\s)(?<!know\s)(?<!ask\s)if"
    r"(?!\s+(?:i|we|she|he|they|it|this)\s+(?:should|need|ought|have\s+to|must|is|was|'?s)\b)|"
    + _IN_CASE
    + r"|suppose|whether|might|would|could|should|"
    + _SIGNS_OF
    + r"|what\s+(?:are|is)|can\s+[\w\s/-]{1,40}?\s+cause)\b",
    re.I,
)


#: a plan or a question about signs in general, which the sentences after it go on with (not
#: one pattern with the one above: the plan is read in the sentences before, and "might",
#: "should" or "if" there must not skip the sentences after it)
_PLAN = re.compile(r"\b(?:" + _IN_CASE + "|" + _SIGNS_OF + r"|watch\s+(?:out\s+)?for)\b", re.I)


#: an indirect question about what to do, up to its clause's end
_WHAT_TO_DO = re.compile(
    r"\b(?:not\s+sure|unsure|wonder(?:ing)?|don'?t\s+know|dont\s+know|asking)\s+(?:if|whether)\s+"
    r"(?:i|we|she|he|they)\s+(?:should|need\s+to|ought\s+to|have\s+to|must|can)\b[^,;]*",
    re.I,
)


#: talking as conversation, not speech lost ("my teenage son wont talk about my cancer":
#: session 33, all-sets run)
_CONVERSATION = re.compile(
    r"\b(?:talk|talking|speak|speaking)\s+about\b|\bdiscuss\w*|\bopen\s+up\b|"
    r"\b(?:wont|won't|refuses?\s+to|doesnt\s+want\s+to|does\s+not\s+want\s+to)\s+talk\b",
    re.I,
)


#: "I dont have chest pain": a denial typed without its apostrophe (final review)
_DENIED = re.compile(
    r"\b(?:dont|don't|doesnt|doesn't|didnt|didn't|havent|haven't|hasnt|hasn't)\s+(?:\w+\s+){0,2}?"
    r"(?:have|had|get|got|feel|felt|notice|noticed)\b|\bno\s+(?:\w+\s+)?(?:pain|seizures?|fits?)\b",
    re.I,
)


#: where a clause ends: punctuation, "and", "but", "now", "then" ... (the separators are kept)
_CLAUSE_BREAK = re.compile(r"([,;()]+|\s(?:and|but|plus|also|now|then)\s)", re.I)


def _clauses(sentence: str) -> list[str]:
    """The clauses of a sentence, and each two joined by "and" whose first is no denial read
    together too: a sign said over the "and" ("my legs feel numb and heavy", "can't move my left
    arm and leg": tuning set 74, review) is read whole, and "no fever and chest pain" still reads
    the chest pain on its own (review)."""
    parts = _CLAUSE_BREAK.split(sentence)
    pieces, seps = parts[0::2], parts[1::2]
    out = list(pieces)
    for k, sep in enumerate(seps):
        first = pieces[k].strip()
        if sep.strip().lower() == "and" and not _denies(first):
            out.append(f"{first} and {pieces[k + 1].strip()}")
    return out


def _denies(clause: str) -> bool:
    """Whether a clause says a sign is absent ("no fever", "I dont have chest pain")."""
    from mbcnav.patient.negation import negated

    return negated(clause.strip()) or bool(_DENIED.search(clause))


#: a fever read as a number: 38.0 °C (100.4 °F) or more, the line the emergencies article draws
#: for a person on cancer treatment ("temp 100.8, ER or wait til morning?": session 37, held-out
#: set 79 read after it was measured)
_FEVER = re.compile(
    r"\b(?:temp(?:erature)?|fever|thermometer)\b[^.!?;]{0,20}?\b(?P<n>\d{2,3}(?:\.\d)?)\s*(?:°|deg\w*)?\s*[cf]?\b"
    r"(?!\s*(?:weeks?|days?|months?|years?|mg|ml|%|minutes?|mins?|hours?|outside|out\b))",
    re.I,
)
#: a hypothetical or someone else's setting: not a fever told now (last review: "bath temperature
#: is 40 degrees", "it is 40 degrees outside")
_IF = re.compile(r"\b(?:if|in\s+case|what\s+if|suppose|when\s+should)\b", re.I)
_NOT_A_BODY = re.compile(
    r"\b(?:bath|room|water|outside|outdoors?|weather|oven|fridge|freezer|house|car|pool)\b", re.I
)


#: a fever said to be over ("38.5 last week but fine now")
_SETTLED = re.compile(
    r"\blast\s+(?:week|night)\b|\byesterday\b|\b(?:fine|normal|ok|okay|gone|better)\s+now\b|"
    r"\b(?:went|came|gone)\s+(?:back\s+)?down\b|\bdays?\s+ago\b|\bdown\s+from\b|\bbroke\b",
    re.I,
)


def _fever_now(sentence: str) -> bool:
    """Whether the sentence tells of a fever now, read as a number, not as a plan or a setting."""
    if _IF.search(sentence):
        return False
    for m in _FEVER.finditer(sentence):
        n = float(m.group("n"))
        if 38.0 <= n <= 42.5 or 100.4 <= n <= 108:
            return (
                not _PAST.search(sentence)
                and not _SETTLED.search(sentence)
                and not _NOT_A_BODY.search(sentence)
                and not (m.start() > 0 and _denies(sentence[: m.start()]))
            )
    return False


def emergency_sign(question: str) -> str | None:
    """The first 911 sign (scope.yaml ``emergency_signs``) a clause of the question tells of now,
    read with the check-in symptom vocabulary, or a fever read as a number; None when there is
    none."""
    from mbcnav.library.scope import scope
    from mbcnav.patient import vocabulary as symptom_vocabulary

    signs = scope().emergency_signs
    # (a "." splits sentences unless it sits between two digits: "38.5" stays whole, "lower my
    # ibrance to 100. I have crushing chest pain" does not: last review)
    told = 0
    seen: set[str] = set()
    for sentence in re.split(r"(?:\.(?!\d)|(?<!\d)\.)+|[!?]+", question or ""):
        # (a sentence after one that asks about signs or a plan lists them: "what are the signs
        # of a blood clot? chest pain, leg swelling?")
        before, told = (question or "")[:told], told + len(sentence) + 1
        if _PLAN.search(before):
            continue
        if _fever_now(sentence):
            return "fever"  # "my temp is 38.9, should I go in?" (a question about the fever now)
        # "not sure if I should go to the ER, I have crushing chest pain": a question about what
        # to do, said first, is no plan (review)
        sentence = _WHAT_TO_DO.sub(" ", sentence)
        for clause in _clauses(sentence):
            # a plan or a worry said before the sign or in its clause ("If I end up in the
            # hospital and can't talk, who decides?", "what are the signs of a clot: chest pain")
            # is no sign told; a question after it about what to do is ("I have crushing chest
            # pain, should I go to the ER?": session 38 review)
            at = sentence.find(clause)
            if _HYPOTHETICAL.search(sentence[: at + len(clause)] if at >= 0 else sentence):
                continue
            if (
                len(clause.split()) < 2
                or _PAST.search(clause)
                or _CONVERSATION.search(clause)
                or _denies(clause)
            ):
                continue
            found = symptom_vocabulary.normalise_symptom(clause.strip())
            if found and found[0] in signs:
                return found[0]
            if found:
                seen.add(found[0])
    for pair in _PAIRS:
        if pair <= seen:
            return " with ".join(sorted(pair))  # one of PAIR_SIGNS
    return None


#: two signs told together that are a 911 sign only together: a headache with vomiting (raised
#: pressure from brain metastases; the check-in rule headache-with-vomiting-in-words; NCI, "Brain
#: metastases", https://www.cancer.gov/types/metastatic-cancer, read 2026-12-07). From set 84's
#: "headaches ... threw up twice this week" and held-out set 85's "a headache every single morning
#: and today she threw up" (session 40, read after set 85 was measured)
_PAIRS = (frozenset({"headache", "vomiting"}),)
#: the names ``emergency_sign`` gives a pair ("headache with vomiting"), for the answer's passage
PAIR_SIGNS = frozenset(" with ".join(sorted(pair)) for pair in _PAIRS)


#: the emergencies article's passage (a word of its heading) for a 911 sign told now; the rest
#: (a seizure, a drooping face, trouble speaking: all named there) take "When should I call
#: 911?" (session 41 library review: chest pain and a numb arm led with the blood-clot passage)
SIGN_PASSAGE = {"leg weakness": "spinal"}
