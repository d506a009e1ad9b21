"""How the safety net reads a person's words before it embeds them: which clauses deny a
symptom or only say all is well (skipped), and which pieces are embedded (each clause, each
sentence of several clauses, and all of them together). Used by ``semantic``."""

from __future__ import annotations

import re

from mbcnav.patient import wellness
from mbcnav.patient.checkin import clauses
from mbcnav.patient.negation import (
    LEAD,
    POST_NEGATION,
    PSEUDO,
    negated,
    without_frame,
)
from mbcnav.patient.subjects import carried, denial_beside_report
from mbcnav.patient.vocabulary import normalise_symptom

#: Fewest words a clause needs to be embedded on its own when the words hold several clauses.
MIN_WORDS = 3
#: Cues that deny the rest of the clause they start ("no blood in it", "without any pain");
#: "not", "never" and "nothing" start reports too often ("not able to keep water down").
DENIALS = frozenset({"no", "without", "denies", "deny", "none"})
#: An absence that lasts is a report: "no poo for 5 days", "no wee since this morning".
LASTING = re.compile(
    r"\b(?:for|in|since|over)\b(?:\s+\S+){0,3}?\s+(?:days?|weeks?|hours?|hrs?|yesterday|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|last night)\b"
)
#: A body part or function said to be fine with no verb: "legs fine", "my back ok".
_SAID_FINE = re.compile(
    r"^(?!.*\b(?:not|no|never|isnt|wasnt|arent|werent|dont|doesnt|didnt|cant|wont|feel\w*|"
    r"sounds?|seems?|would|will|death|dead|dying)\b)"
    r"(?:(?:my|her|his|the|both)\s+)?(?:[a-z]+\s+)?[a-z-]+\s+(?:fine|ok|okay|normal|normally|good|alright)$"
)
_FINE_PAIR = re.compile(r"\b[a-z]+ and [a-z]+ (?:normal|fine|ok|okay|alright|good)\b", re.I)
#: Where the words are cut into sentences (a full stop, but not the one in 38.4).
SENTENCES = re.compile(r"(?<!\d)[.!?]+|[.!?]+(?!\d)|\n+")
#: Phrases that hold "and" but name one sign: kept whole when the words are cut into clauses.
WHOLE = re.compile(r"\bpins and needles\b", re.I)


#: "not on any blood thinners", "she is not taking any steroids": a medicine not taken.
_NOT_ON_A_MEDICINE = re.compile(
    r"^\W*(?:(?:i|im|i am|she|shes|she is|he|hes|he is|we|and|but|also)\s+)*"
    r"(?:not|never)\s+(?:been\s+)?(?:on|taking|taken|using)\s+(?:any|a|an)\s+[a-z-]+"
    # the medicine's name and no more: a report after it is not denied (review)
    r"(?:\s+(?!and\b|but\b|or\b|so\b)[a-z-]+){0,2}\W*$"
)


#: A short clause saying a sign has gone: "swelling almost gone", "the rash has cleared up".
_GONE = re.compile(
    r"^\W*(?:(?:and|but|so|now|the|my|her|his|leg|arm|skin|face|foot|ankle)\s+)*"
    # signs that pass, never a body part or a sense that is lost ("my vision has gone", "legs
    # have gone" are reports)
    r"(?:swelling|rash|redness|pain|ache|aching|itch\w*|fever|temperature|temp|headache|cough|"
    r"soreness|nausea|sickness|bruis\w*|bleeding|diarrh\w*|spots?|blisters?|cramps?|hives)\s+"
    r"(?:is\s+|has\s+|have\s+|s\s+)?"
    r"(?:now\s+)?(?:almost|nearly|all|completely|mostly|totally|pretty\s+much|just\s+about)?\s*"
    r"(?:gone|cleared|resolved|healed|settled)(?:\s+(?:down|away|now|completely)|(?<=cleared)\s+up)*\W*$"
)


#: A longer clause that tells a passing sign and then that it has gone: "the itchy blotchy rash I
#: had the evening after my infusion last Sat has gone completely" (session 41, tuning set 87).
#: Never a sense or a power that is lost ("my sight has gone completely", "legs have gone").
_GONE_TOLD = re.compile(
    r"^(?!.*\b(?:sight|vision|voice|legs?|arms?|feeling|hearing|memory|balance|speech|strength|"
    r"words?|grip|eyes?|not|never|hasnt|havent|isnt|but|still)\b)"
    r".*\b(?:swelling|rash|redness|itch\w*|hives|blotch\w*|spots?|blisters?|headache|diarrh\w*|"
    r"nausea|sickness|cough|fever|temperature|temp)\b"
    r".*\b(?:has|have|is|are|s)\s+(?:now\s+)?(?:almost\s+|nearly\s+|all\s+|completely\s+|mostly\s+|"
    r"totally\s+)?(?:gone|cleared|resolved|healed|settled|disappeared)"
    r"(?:\s+(?:down|away|now|completely|totally)|(?<=cleared)\s+up)*\W*$"
)


def denied(clause: str) -> bool:
    """A clause the negation scope denies: ``negation.negated``, or one of ``DENIALS`` at its
    start (after "i have", "there is") before anything but a pseudo-negation ("no feeling").
    An absence that lasts ("no number twos for 5 days", "no wee since this morning") is a
    report, not a denial."""
    if LASTING.search(clause.lower()):
        return False
    if negated(clause):
        return True
    plain = _plain(clause)
    if _NOT_ON_A_MEDICINE.match(plain):
        return True  # "not on any blood thinners" (session 36): a medicine not taken
    if _GONE.match(plain):
        return True  # "swelling almost gone" (session 36): a sign that has passed
    if _GONE_TOLD.match(plain):
        return True  # "the rash I had after my infusion has gone completely" (session 41)
    if (m := POST_NEGATION.search(" " + plain)) and _plain_subject(plain[: max(m.start() - 1, 0)]):
        return True  # "my breathing is normal", "her speech is fine" (set 23): a state said normal
    if _SAID_FINE.match(plain) and normalise_symptom(plain.rsplit(" ", 1)[0]) is None:
        # "legs fine", "back fine", "breathing ok" (set 62): the same, no verb; not a symptom
        # asked about ("legs numb normal?", "chest pain normal": review)
        return True
    words = without_frame(
        re.findall(r"[a-z0-9]+", clause.lower().replace("’", "").replace("'", ""))
    )
    while len(words) > 1 and words[0] in LEAD and words[0] not in DENIALS:
        words = words[1:]
    if len(words) < 2 or words[0] not in DENIALS:
        return False
    rest = [w for w in words[1:] if w not in ("more", "any", "real", "really", "a", "the")]
    return bool(rest) and rest[0] not in PSEUDO


#: Words before "looks / is normal" that undo it ("my lips dont look normal", "nothing feels
#: normal", "not sure if my breathing is normal").
_UNDOES = frozenset(
    {
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "cant",
        "wont",
        "not",
        "never",
        "no",
        "nothing",
        "longer",
        "if",
        "whether",
        "unsure",
        "dunno",
        "sure",
        "hardly",
        "barely",
    }
)


def _plain_subject(before: str) -> bool:
    """A short subject (three words at most) with nothing in it that undoes "is normal"."""
    words = before.split()
    return len(words) <= 3 and not _UNDOES & set(words)


def _plain(piece: str) -> str:
    """Lower case, apostrophes dropped ("didn't" = "didnt"), single spaces."""
    return " ".join(piece.lower().replace("’", "").replace("'", "").split())


def pieces(text: str) -> list[str]:
    """What is embedded: every clause that is neither denied nor only "all is well", and, when
    there are several, all of them together (a sign can need two clauses); then a clause needs
    ``MIN_WORDS`` words to be read on its own."""
    # "pins and needles" is one sign, not two clauses cut at "and"
    text = WHOLE.sub(lambda m: m.group(0).replace(" ", "-"), " ".join(text.split()))
    # "bladder and bowels normal" says both are normal: one clause, not "bladder" left alone
    text = _FINE_PAIR.sub(lambda m: m.group(0).replace(" and ", "-and-", 1), text)
    read = carried(clauses(text))
    kept = [
        c
        for c, no, _ in read
        if re.search(r"[a-zA-Z]{2}", c)
        and not no
        and not denied(c)
        and not wellness.is_well_clause(c)
    ]
    # a denial about a body part beside a report ("my leg is not swollen but I can't move it"):
    # the whole sentence is read too, so the report keeps its body part (review)
    # ... when a clause beside it is a report indeed, not one more denial or "all is well" ("no
    # blood in the bowl, poo not black, feel fine otherwise": session 36, tuning set 78)
    whole = [
        s.strip()
        for s in SENTENCES.split(text)
        if s.strip()
        and denial_beside_report(read_s := carried(clauses(s)))
        and any(not no and not denied(c) and not wellness.is_well_clause(c) for c, no, _ in read_s)
    ]
    kept += [w for w in whole if w not in kept]
    if len(kept) < 2:
        return kept
    # a clause of one or two words ("swollen", "legs fine") says too little on its own: it is
    # read inside the whole
    out = [c for c in kept if len(c.split()) >= MIN_WORDS]
    # a sentence cut at "and" or "just" can lose its sense ("I think about | steering into the
    # river | being done"): each sentence of several clauses is read whole as well, unless it
    # denies something (a denial's scope is its clause, so the sentence is not read whole)
    sentences = [s.strip() for s in SENTENCES.split(text) if s.strip()]
    for sentence in sentences if len(sentences) > 1 else ():
        parts = [c for c in clauses(sentence) if re.search(r"[a-zA-Z]{2}", c)]
        if len(parts) > 1 and all(c in kept for c in parts) and sentence not in out:
            out.append(sentence)
    return out + [", ".join(kept)]
