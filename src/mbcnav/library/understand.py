"""Reading a question for what is asked: the asked clause, its shape and, for comparisons, both sides.

People write their story first and the question last ("I was diagnosed in 2019 ... my
doctor said ... Is there anything that helps?"), or wrap the topic in a frame ("do you
have information about hospice?"). Ranking on the whole message rewards the story's
words, so ``understand(text)`` splits it into:

- ``asked``: the sentences that ask (a "?", a question word or "I want to know ..."
  opening), with frames such as "do you have information about" removed. When no
  sentence asks, the last sentence is taken.
- ``story``: the other sentences; they are searched at a lower weight (they hold the
  drug, the site or the person the question's "it" and "this" stand for).
- ``shape``: what kind of answer fits: ``list`` (which / where / what kinds),
  ``number`` (how many / how long / how often / what percent), ``compare`` (X vs Y,
  is X the same as Y, X or Y, difference between X and Y), ``define`` (what is X) or
  ``other``.
- ``sides``: for a comparison, the two things compared.
- ``questions``: the asked clause cut into its questions ("What does washout mean, and is
  a month off risky?" is two); ``ask`` answers the main one and offers the others.

The patterns are data-like lists below, written from the question shapes described in
shared/research/consumer-questions.md (NLM's CHQA question types and the "stop structure"
removal of verbose community questions); they are general, not per question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mbcnav.library.vocabulary import synonyms

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+|\s+(?=\(?\d{1,2}\)\s)")
# "questions: 1) does ... 2) will ...": numbered questions are sentences of their own
ENUMERATOR = re.compile(r"^\(?\d{1,2}\)\s+")
# a question that opens by pointing back ("are those only for ...", "does it get better")
# leans on the question before it
POINTS_BACK_OPENING = re.compile(r"^\W*(?:\w+\s+)?(it|that|this|these|those)\b", re.I)
QUESTION_OPENING = re.compile(
    r"^\W*(what|whats|what's|which|where|when|why|who|whom|how|is|are|am|was|were|can|could|"
    r"do|does|did|should|shall|will|would|may|might|has|have|any|anything|tell me|explain|"
    r"define|meaning of|info|information)\b",
    re.I,
)
ASKING_INSIDE = re.compile(
    r"\b(i (want|would like|need|wanted|d like|'d like) to (know|understand|learn|ask)|"
    r"i(?:'m| am) (wondering|curious|looking for)|i wonder|wondering (if|whether|what|how|why)|"
    r"can (you|someone|anyone) (tell|explain|help)|please (tell|explain)|"
    r"(any|some) (advice|tips|ideas|suggestions))\b"
    # a question after a comma: "my onc keeps saying '2nd line', what is a line"
    r"|[,;:]\s*(what|how|why|which|when|where|who)\s+(is|are|does|do|can|should|would|will)\b",
    re.I,
)
# Frames that carry no topic: removed so the topic itself is what is searched.
FRAMES = [
    r"^\W*(hi|hello|hey)\b[,!.]?\s*",
    r"\b(do|does) (you|the library|anyone|this site) have (any |some )?(info|information|anything|material|articles?|something)"
    r"( (on|about|regarding|for))?\b",
    r"\b(i(?:'m| am)|we(?:'re| are)) looking for (some |any |more )?(info|information|help|advice)( (on|about|regarding|for))?\b",
    r"\b(i(?:'d| would)|we(?:'d| would)) like (some |more )?(info|information)( (on|about|regarding))?\b",
    r"\b(can|could) (you|someone) (please )?(tell|explain|give)( me| us)?( some)?( info| information)?( (about|on))?\b",
    r"\b(more |some |any )?(info|information) (on|about|regarding)\b",
    r"\bplease\b",
    r"\bi (want|need|would like) to know\b",
    r"\bthank(s| you)( so much| in advance)?\b",
]
FRAME = re.compile("|".join(f"(?:{f})" for f in FRAMES), re.I)
# asking for a term in plain words (set 7, lib23): "in plain english", "in simple terms", "simply"
PLAIN_WORDS = re.compile(
    r"\b(?:in (?:plain|simple|everyday|normal|lay(?:man'?s)?|easy) (?:english|terms|words|language)|"
    r"(?:explained|explain(?: it)?) (?:simply|like i'?m (?:five|5))|for dummies)\b",
    re.I,
)
QUESTION_WORD = re.compile(
    r"^(what|whats|how|why|when|where|which|who|is|are|can|could|do|does|should|will|would)\b", re.I
)
LIST_QUESTION = re.compile(
    r"\b(which|where|what (kinds?|types?|sorts?) of|what are (the|some)|list of|what \w+ are there|"
    r"what other|(are|is) there (any )?(other )?(options|drugs|medicines|treatments|ways))\b",
    re.I,
)
NUMBER_QUESTION = re.compile(
    r"\b(how (many|much|long|often|soon|likely)|what (percent|percentage|are the (odds|chances))|"
    r"survival rate|life expectancy|how common)\b",
    re.I,
)
DEFINE_QUESTION = re.compile(
    r"^\W*(what\s*(is|are|s|'s|does \w+ mean)\b|whats\b|define\b|meaning of\b)|\bmean(s|ing)?\W*$",
    re.I,
)
# "X vs Y", "is X the same as Y", "difference between X and Y", "X or Y (which is better)"
COMPARISONS = [
    re.compile(
        r"(?P<x>[\w\s/+-]+?)\s+(?:vs\.?|versus|compared (?:to|with))\s+(?P<y>[\w\s/+-]+)", re.I
    ),
    re.compile(
        r"\bis\s+(?P<x>[\w\s/+-]+?)\s+(?:the same as|the same thing as|different from|like)\s+(?P<y>[\w\s/+-]+)",
        re.I,
    ),
    re.compile(r"\bdifference(?:s)? between\s+(?P<x>[\w\s/+-]+?)\s+and\s+(?P<y>[\w\s/+-]+)", re.I),
    # "is stage 4 and metastatic the same or is stage 4 worse" (session 37, tuning set 78)
    # (not "is it ok to have radiotherapy and chemo the same day?", "are my blood counts and liver
    # tests the same as last time?": review)
    re.compile(
        r"\b(?:is|are)\s+(?!it\b|my\b|our\b|her\b|his\b|the\s+results\b)(?P<x>[\w\s/+-]+?)\s+and\s+"
        r"(?P<y>[\w\s/+-]+?)\s+(?:the\s+same(?:\s+thing)?|different|alike|one\s+and\s+the\s+same)"
        r"(?=\s*(?:\?|$|,|\bor\b|\bas\s+each\s+other\b|\b(?:thing|drugs?|medicines?|tests?|"
        r"treatments?|scans?|type|kind|procedure)\b))",
        re.I,
    ),
    re.compile(
        r"^\W*(?P<x>[\w\s/+-]+?)\s+or\s+(?P<y>[\w\s/+-]+?)\s*(?:,|\?|$|\s+which\b|\s+what\b)", re.I
    ),
]
# a comparison asked without naming its sides ("what is the difference?", "why would they pick
# one over the other?", "which one is better?"): the sides are in the story
BARE_COMPARISON = re.compile(
    r"\b(differences?|differ|one over the other|which one|which of (?:the|these|those) two|"
    r"the two)\b",
    re.I,
)
STORY_SIDE_SENTENCES = 2  # the story's last sentences searched for the compared sides
# two options named in the story: "talking about gamma knife versus whole brain radiation",
# "offered Ibrance or Kisqali", "between a port and a PICC line"
STORY_SIDES = re.compile(
    r"\b(?:about|between|offered|suggested|mentioned|either|recommended|choose|pick|wants?|"
    r"says?|said)\s+(?P<x>[\w/+-]+(?:\s+[\w/+-]+){0,3}?)\s+(?:vs\.?|versus|or|and)\s+"
    r"(?P<y>[\w/+-]+(?:\s+[\w/+-]+){0,3}?)\s*(?:[.,;!?]|$)",
    re.I,
)
SIDE_FILLER = re.compile(
    r"^(what(?:'s| is)? the|the|a|an|is|are|which is better|which|better|what|whats)\s+|"
    r"\s+(which is better|what(?:'s| is) different|whats different|what(?:'s| is)? the difference|"
    r"whats the difference|the difference|difference|what|better|same|for me|thing)$",
    re.I,
)
# a second question joined to the first: ", and is ...", "; can ...", " and what ..."
JOINED_QUESTION = re.compile(
    r"(?:,|;)\s*(?:and\s+|or\s+|also\s+|but\s+)?(?=(?:is|are|can|could|do|does|should|will|would|"
    r"what|whats|what's|how|why|when|where|which|who)\b)"
    r"|\s+(?:and|also)\s+(?=(?:what|how|why|when|where|which|should|can|could|is|are|do|does)\s+"
    r"(?:is|are|can|could|do|does|should|will|would|i|it|they|you|we|my|the|this|that)\b)",
    re.I,
)
# a term quoted in the story ("the letter says 'hypercalcaemia secondary to bone mets'"): in
# straight or curly quotes, opening after a space and closing before a space or punctuation (so
# "it's" and "don't" are no quotes), 2-60 characters
QUOTED = re.compile(
    r"(?:(?<=\s)|^)(?:'(?P<a>[^'\n]{2,60}?)'|\"(?P<b>[^\"\n]{2,60}?)\"|\u2018(?P<c>[^\u2019\n]{2,60}?)\u2019|"
    r"\u201c(?P<d>[^\u201d\n]{2,60}?)\u201d)(?=[\s.,;:!?)]|$)"
)
# a question pointing back at a word of the story: "what does that word mean", "what is this
# term", "what does that mean" ending the question (session 14; review: not "what does it mean
# that my CA 15-3 doubled", not "the diagnosis")
POINTED_TERM = re.compile(
    r"\b(?:that|this|the)\s+(?:word|term|phrase|wording)\b"
    # ("What does that actually mean for me, am I going to die soon??" after "the oncologist
    # said 'treatable but not curable'": tuning set 74)
    r"|(?<=\bdoes\s)(?:that|this)(?=\s+(?:actually\s+|really\s+)?mean"
    r"(?:\s+for\s+(?:me|us|her|him|them|my\s+\w+))?(?:\W*$|\s*[,?]))"
    # ... or what the writer fears it means ("referral to the 'supportive care clinic'. does that
    # mean she thinks I'm near the end": session 41, set 86): "that" is still the quoted term
    r"|(?<=\bdoes\s)(?:that|this)(?=\s+(?:actually\s+|really\s+)?means?\s+"
    r"(?:that\s+)?(?:i|im|i'm|i\s+am|she|he|they|we|it|it's|its|my|the)\b)",
    re.I,
)
MIN_QUESTION_WORDS = 3  # a piece shorter than this stays with the question before it
MIN_TOPIC_WORDS = 2  # a piece with fewer search words (stop words out) does not stand alone
MAX_SIDE_WORDS = 6
NOT_A_SIDE = re.compile(
    r"^(it|that|this|these|those|they|them|mine|my \w+|me|you|people\b.*|"
    # "can they burn or freeze liver tumors": two actions offered in a yes/no question
    r"(can|could|do|does|will|would|should)\s+(they|you|we|i|he|she|it)\s+\w+|"
    # "Do I go to the ER or wait until Monday?": a choice of what to do now, not two things
    r"(can|could|do|does|should|shall)\s+(we|i|she|he|they)\s+"
    r"(?:go\s+(?:to|in|into|back|straight)\b.*|(?:call|head|drive|bring|rush)\b.*|"
    r"take\s+(?:her|him|me|them)\s+in\b.*))$",
    re.I,
)


@dataclass(frozen=True)
class Reading:
    """A question as read: what is asked, the story around it, and the answer's shape."""

    text: str
    asked: str
    story: str = ""
    shape: str = "other"
    sides: tuple[str, ...] = field(default_factory=tuple)
    questions: tuple[str, ...] = field(default_factory=tuple)  # the asked clause's questions
    # the question about a term the story quoted ("What does that word mean?"): asked first
    quoted: int | None = None

    @property
    def long(self) -> bool:
        return bool(self.story)


def sentences(text: str) -> list[str]:
    out = (ENUMERATOR.sub("", s.strip()) for s in SENTENCE_END.split(text.strip()))
    return [s for s in out if s]


def is_asking(sentence: str) -> bool:
    return (
        sentence.rstrip().endswith("?")
        or bool(QUESTION_OPENING.match(sentence))
        or bool(ASKING_INSIDE.search(sentence))
    )


def strip_frames(text: str) -> str:
    """The text without topic-free frames ("do you have information about ...").

    A plain-words request ("neutropenia in plain english", "explain HER2-low simply") asks
    what the thing is: the request goes and a bare term is read as "what is <term>".
    """
    plain = PLAIN_WORDS.search(text)
    out = " ".join(FRAME.sub(" ", PLAIN_WORDS.sub(" ", text)).split()).strip(" ,;:")
    if plain and out and not QUESTION_WORD.match(out):
        out = f"what is {out}"
    return out or text


def _clean_side(side: str) -> str:
    side = " ".join(side.split()).strip(" ,.?!")
    for _ in range(3):
        side = SIDE_FILLER.sub("", side).strip()
    return side


def comparison(text: str) -> tuple[str, ...]:
    """The two things a question compares, or () when it compares nothing."""
    plain = " ".join(text.replace("?", " ? ").split())
    for pattern in COMPARISONS:
        m = pattern.search(plain)
        if m:
            x, y = _clean_side(m.group("x")), _clean_side(m.group("y").split("?")[0])
            if (
                x
                and y
                and x.lower() != y.lower()
                and max(len(x.split()), len(y.split())) <= MAX_SIDE_WORDS
                and not (NOT_A_SIDE.match(x) or NOT_A_SIDE.match(y))
            ):
                return (x, y)
    return ()


def shape_of(asked: str, sides: tuple[str, ...]) -> str:
    if sides:
        return "compare"
    if NUMBER_QUESTION.search(asked):
        return "number"
    if LIST_QUESTION.search(asked):
        return "list"
    if DEFINE_QUESTION.search(asked):
        return "define"
    return "other"


def split_questions(asking: list[str]) -> tuple[str, ...]:
    """The questions of the asking sentences: each sentence, cut where a second question is
    joined on (", and is ...", " and what ..."). A piece stays with its neighbours when it
    does not stand alone: short pieces, pieces with fewer than ``MIN_TOPIC_WORDS`` topic
    words ("is this permanent?") and pieces that open by pointing back ("are those only
    for ...", "does it get better") join the question before them (the one after, when
    first); a lead-in that is not itself a question ("verzenio vs ibrance,
    which one has more diarrhea", "if I sign it, does that mean ...") joins the question it
    leads into."""
    from mbcnav.library.vocabulary import analyse  # the search's own idea of a topic word

    out: list[str] = []
    pending = ""  # a piece that joins the next one
    for sentence in asking:
        pieces = [p.strip(" ,;") for p in JOINED_QUESTION.split(sentence)]
        pieces = [p for p in pieces if p]
        for n, piece in enumerate(pieces):
            if pending:
                piece, pending = f"{pending} {piece}", ""
            lead_in = n + 1 < len(pieces) and not QUESTION_OPENING.match(piece)
            thin = (
                len(piece.split()) < MIN_QUESTION_WORDS
                or len(analyse(piece)) < MIN_TOPIC_WORDS
                or bool(out and POINTS_BACK_OPENING.match(piece))
            )
            if lead_in or (thin and not out):
                pending = piece
            elif thin:
                out[-1] = f"{out[-1]} {piece}"
            else:
                out.append(piece)
    if pending:
        if out:
            out[-1] = f"{out[-1]} {pending}"
        else:
            out.append(pending)
    return tuple(out)


#: Words after a quoted term's first word that show the word stands for the whole term.
_JUDGED = (
    r"(?:bad|good|news|mean|means|meaning|normal|ok|okay|serious|dangerous|worse|better|"
    r"worrying|last|permanent|curable|treatable|a\s+good|a\s+bad|the\s+same)\b"
)


def _name_pointed_term(clause: str, before: list[str]) -> str:
    """A question about "that word" names the term the story quoted last: "What does that word
    mean" after "the letter says 'hypercalcaemia'" reads "What does hypercalcaemia mean". A
    question that uses the first word of a quoted term of two or three words alone names the
    whole term: "Is stable bad news?" after "the report says 'stable disease'" reads "Is stable
    disease bad news?"."""
    quoted = [next(g for g in m.groups() if g).strip() for s in before for m in QUOTED.finditer(s)]
    if POINTED_TERM.search(clause):
        return POINTED_TERM.sub(quoted[-1], clause, count=1) if quoted else clause
    for term in reversed(quoted):
        words = term.split()
        if not 2 <= len(words) <= 3 or not re.fullmatch(r"[A-Za-z-]{4,}", words[0]):
            continue
        if re.search(rf"\b{re.escape(term)}\b", clause, re.I):
            return clause
        # only where the word stands for the term: at the question's end or before a word that
        # judges it ("is stable bad news", "does stable mean"), not before a noun of its own
        # ("is visceral fat a problem", "bone pain"; review)
        head = re.compile(rf"\b{re.escape(words[0])}\b(?=\s*(?:[?.!,]|$)|\s+{_JUDGED})", re.I)
        said = re.findall(rf"\b{re.escape(words[0])}\b", clause, re.I)
        if len(said) == 1 and head.search(clause):
            return head.sub(term, clause, count=1)
    return clause


#: the most words of a question short enough to lean on the drug the story named ("pill or shot?")
BARE_QUESTION_WORDS = 5
#: ... when it asks how a medicine is given or what it is ("pill or shot?", "is it chemo?"), not
#: "is it curable?", "what are my options?" or "should I get tested?" (first review)
_ABOUT_A_MEDICINE = re.compile(
    r"\b(?:pills?|tablets?|capsules?|shots?|jabs?|injections?|infusions?|drips?|oral|generic|"
    r"brand|dose|doses|dosage)\b"
    # "is it chemo?", not "is chemo next?" (final review)
    r"|\b(?:is|are)\s+(?:it|this|that|they)\s+(?:a\s+)?(?:chemo|chemotherapy)\b",
    re.I,
)


def _named_drug_before(clause: str, before: list[str]) -> str:
    """A short question that names no drug ("pill or shot?", "is it chemo?") is about the drug
    the last two sentences before it named: "onc mentioned inluriyo once my ESR1 result is back,
    never heard of it. pill or shot?" reads "inluriyo pill or shot?" (session 39, library set
    82). A longer question, or one that names a drug of its own, is left as it is."""
    words = re.findall(r"[\w'-]+", clause.lower())
    if not words or len(words) > BARE_QUESTION_WORDS or not _ABOUT_A_MEDICINE.search(clause):
        return clause
    drugs = synonyms().drugs
    if any(w in drugs for w in words):
        return clause
    for sentence in reversed(before[-2:]):
        named = [w for w in re.findall(r"[\w'-]+", sentence.lower()) if w in drugs]
        if named:
            return f"{' '.join(dict.fromkeys(named))} {clause}"
    return clause


def understand(text: str) -> Reading:
    """Split a message into what is asked and the story around it, and name the answer's shape."""
    parts = sentences(text)
    if not parts:
        return Reading(text, text)
    if len(parts) == 1:
        asked = strip_frames(parts[0])
        sides = comparison(asked)
        return Reading(text, asked, "", shape_of(asked, sides), sides, split_questions([asked]))
    asking = [i for i, s in enumerate(parts) if is_asking(s)]
    if not asking:
        asking = [len(parts) - 1]
    stripped = [strip_frames(parts[i]) for i in asking]
    clauses = [_name_pointed_term(c, parts[:i]) for c, i in zip(stripped, asking, strict=True)]
    if len(clauses) == 1:
        clauses = [_named_drug_before(clauses[0], parts[: asking[0]])]
    # the first clause that now names a quoted term (before any comparison note is added)
    term = next((c for c, s in zip(clauses, stripped, strict=True) if c != s), None)
    asked = " ".join(clauses)
    story = " ".join(s for i, s in enumerate(parts) if i not in asking)
    sides = comparison(" ".join(parts[i] for i in asking))
    if not sides and BARE_COMPARISON.search(asked):
        # "... gamma knife versus whole brain radiation. What is the difference?": the sides
        # named in one of the story's last sentences are what is compared, and are asked
        story_parts = [s for i, s in enumerate(parts) if i not in asking and i < asking[0]]
        for sentence in reversed(story_parts[-STORY_SIDE_SENTENCES:]):
            m = STORY_SIDES.search(sentence)
            named = (_clean_side(m.group("x")), _clean_side(m.group("y"))) if m else ()
            if all(named) and named and named[0].lower() != named[1].lower():
                sides = named
                asked = f"{asked} ({sides[0]} versus {sides[1]})"
                clauses = [f"{clauses[0]} ({sides[0]} versus {sides[1]})", *clauses[1:]]
                break
    questions = split_questions(clauses)
    quoted = None
    if term is not None:  # the question that now names the quoted term
        quoted = next((i for i, q in enumerate(questions) if q in term or term in q), None)
    return Reading(text, asked, story, shape_of(asked, sides), sides, questions, quoted)


def focused(reading: Reading, main: int) -> Reading:
    """The reading with one of its questions as what is asked; the others join the story
    (they are context, and are offered as questions of their own)."""
    if len(reading.questions) < 2:
        return reading
    asked = reading.questions[main]
    others = [q for i, q in enumerate(reading.questions) if i != main]
    story = " ".join(p for p in (reading.story, *others) if p)
    sides = comparison(asked)
    return Reading(reading.text, asked, story, shape_of(asked, sides), sides, reading.questions)
