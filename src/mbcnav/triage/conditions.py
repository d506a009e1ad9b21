"""The small condition language of the triage rules (see data/rules.yaml).

A condition is a mapping with exactly one key:

About the symptom entry being read (false for check-in rules, which read no entry):
  symptom: [names]              the entry is one of these symptoms
  severity / frequency / interference: [words]   the entry's word is one of these;
                                "unknown" matches an entry that gives no word
  new: [true, false, unknown]   "new or clearly worse" as reported
  temperature_c / count_per_day: {gte|gt|lte|lt: number, unknown: bool}
  sugar_reading: {gte|gt|lte|lt: mg/dL, unknown: bool}
                                a blood sugar reading typed in the person's words
                                ("sugar reading 28", "glucose was 450", "meter says HI"):
                                a number under 35 is read as mmol/L (x 18), "HI" as 600
  reading: {of: measure, gte|gt|lte|lt: number, unknown: bool}
                                a reading typed in the person's words ("sodium 129",
                                "calcium was high, 11.9", "bp 168/102"; readings.py and
                                data/readings.yaml: calcium mg/dL, sodium and potassium
                                mmol/L, systolic and diastolic mmHg); any reading counts
  location / note: [phrases]    the free text contains one of the phrases
  words: [phrases]              the person's words (note and location) hold one of the
                                phrases as whole words: case and apostrophes ignored
                                ("can't" = "cant"), a word's final '*' stands for any
                                ending ("seiz*"), '...' for up to six other words
                                ("veins ... stand* out"), hyphens read as spaces; a
                                clause that denies a symptom ("no chest pain", "no
                                thoughts of harming myself": negation.negated, ConText
                                scope from patient/data/negation.yaml) is skipped
  asks: true | false             the words hold a question (a question mark, or a sentence
                                that opens like one: "do I take two today"); the rules
                                of scope "question" read entries that report no symptom
  grade: {gte|gt|lte|lt: 0-3, unknown: bool}
                                the entry's PRO-CTCAE-style grade (grading.py): the
                                highest of its severity, frequency and interference
                                words and, for diarrhea and vomiting, times a day
About the rest of the check-in:
  also: condition               another entry of the same check-in meets it
  count: {gte|gt: n, of: condition}
                                at least n reported entries of the check-in meet it
                                (the entry being read counts too)
About the record on the check-in date:
  on_drug: {class|kind|target|name: [..], unknown: bool, recent_days: int}
                                a systemic drug taken now (or ended at most
                                recent_days ago) matches; unknown: true also
                                counts drug names the drug table does not know
  site: [sites]                 a metastasis at one of these sites
  lab: {test, gte|gt|lte|lt, within_days}   the latest result in the window
Combinators: all: [conditions], any: [conditions], not: condition.

``condition_schema.check`` validates a condition (raising TriageError naming the
field); ``matches`` evaluates one and records what it used in ``facts``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from mbcnav.patient import vocabulary
from mbcnav.patient.checkin import OTHER, clauses
from mbcnav.patient.days import human
from mbcnav.patient.model import Symptom
from mbcnav.patient.negation import FILLERS, NEGATORS, negated
from mbcnav.patient.spelled import digits
from mbcnav.patient.subjects import carried, denial_beside_report

from . import doses, grading, readings
from .context import Context, is_reported
from .errors import TriageError

WORD_LISTS = {
    "symptom": vocabulary.SYMPTOMS,
    "severity": (*vocabulary.SEVERITIES, "unknown"),
    "frequency": (*vocabulary.FREQUENCIES, "unknown"),
    "interference": (*vocabulary.INTERFERENCES, "unknown"),
    "site": vocabulary.SITES,
}
NUMBERS = ("temperature_c", "count_per_day")
#: A blood sugar reading in the person's words: a sugar word, up to three plain words, a
#: number ("sugar reading 28", "my glucose was 450", "sugars are at 22"); not a count of
#: sugars or sweets ("2 sugars in tea", "sugar free sweets 2 a day").
SUGAR = re.compile(
    # "meter was 290 after dinner ... (mg/dL)": a meter counts only in words that give a
    # glucose unit (METER_UNIT), so a blood-pressure, ketone or thermometer reading never does
    # (not "no sugar for 3 days", "cut out sugar", "blood sugar ten days ago was 5.6": a time is
    # no reading; review)
    r"(?<!\bno )(?<!\bout )(?<!\boff )(?<!\bwithout )"
    r"\b(?:sugars?|glucose|bgl?|bsl|glucometer|hypos?|finger\s?pricks?|finger\s?sticks?|cgm|libre|dexcom|(?P<meter>meter))\b(?:[\s,]+(?!free\b)[a-z]+){0,3}?[\s,]+"
    r"(?P<n>\d{1,3}(?:\.\d)?)(?!\d|\.\d)(?!\s*(?:a\s+day|per|x\b|times|spoons?|teaspoons?|tsps?|"
    r"cubes?|lumps?|sachets?|g\b|grams?|%|days?|weeks?|months?|hours?|hrs?|mins?|minutes?|years?|"
    r"ago\b))"
)
#: What may follow an item of a list of readings: the end, a comma or full stop, "and" or a
#: unit; not "30 minutes after food", "2 paracetamol", "2 at night" (reviews).
_LIST_END = r"(?=\s*(?:$|[,.;!?)]|and\b|then\b|mmol|mg))"
#: ... and a reading in a log may also be followed by when it was taken ("6.4 this morning").
_READING_END = r"(?=\s*(?:$|[,.;!?)]|and\b|then\b|mmol|mg|on\b|this\b|today\b|at\b|in\b))"
#: A log of readings in the next sentence ("my fasting glucose. This week 6.4, 6.9, 6.7"): only
#: words of time and of readings may stand between, so "glucose. I took 2 paracetamol" is none.
SUGAR_LOG = re.compile(
    r"\b(?:sugars?|glucose|bgl?|bsl|finger\s?pricks?|finger\s?sticks?)\b[^.\d]{0,40}[.:]\s+"
    r"(?:(?:this|that|last|past|the|my|each|every|week|weeks|today|morning|mornings|evening|"
    r"night|nights|readings?|numbers?|levels?|results?|were|was|have|has|been|so|far|days?|all|"
    r"fasting|before|breakfast|it|its)\s+){1,4}(?P<n>\d{1,3}(?:\.\d)?)(?!\d|\.\d)" + _READING_END
)
#: A list of readings further on in the sugar word's sentence: "My fasting sugars on alpelisib and
#: metformin this week 6.8, 7.1, 6.9, 7.3" (nineteenth session, tuning set 44): two numbers or
#: more in a row are a log, not a count
SUGAR_LIST = re.compile(
    r"\b(?:sugars?|glucose|bgl?|bsl)\b(?:(?!\b(?:bp|blood\s+pressure|pressure|temp\w*|pulse|heart|"
    r"weight|weigh\w*|kg|lbs?|stone|sats|oxygen|hours?|hrs|minutes|mins|ketones?|calcium)\b)[^.\d;!?])"
    r"{0,60}?\s(?P<n>\d{1,3}(?:\.\d)?)(?!\d|\.\d)"
    r"(?=\s*,\s*\d{1,3}(?:\.\d)?(?!\d|\.\d)\s*(?:$|[,.;!?)]|and\b|then\b|mmol|mg))"
)
#: More readings in a list after the first ("6.4, 6.9, 6.7", "130, 142 and 150").
SUGAR_MORE = re.compile(r"(?:\s*(?:,|and|then|/)\s*)(?P<n>\d{1,3}(?:\.\d)?)(?!\d|\.\d)" + _LIST_END)
#: Blood sugar (mg/dL) outside which a reading is worth reporting on its own: above the
#: WHO impaired fasting glucose level (6.1 mmol/L = 110 mg/dL) or below the ADA low level
#: (3.9 mmol/L = 70 mg/dL).
SUGAR_HIGH_FASTING, SUGAR_LOW = 110, 70
#: A glucose unit, which makes a bare "meter" a glucose meter.
METER_UNIT = re.compile(r"mg\s*/\s*dl|mmol")
#: A home meter shows "HI" above its range (about 600 mg/dL).
SUGAR_HI = re.compile(
    r"\b(?:meter|sugar|sugars|glucose|glucometer|reading)\b(?:\s+[a-z]+){0,3}?\s+hi\b"
)
#: Clause-joining words (checkin.CLAUSES) and the punctuation that also ends a clause.
JOINER = re.compile(
    r"\b(?:and|but|with|plus|also|now|then|while|though|although|except|just|only)\b"
)
PUNCTUATION = re.compile(r"[,;!?/()]+|(?<!\d)\.|\.(?!\d)")
TEXTS = ("location", "note")
COMPARISONS = {
    "gte": lambda a, b: a >= b,
    "gt": lambda a, b: a > b,
    "lte": lambda a, b: a <= b,
    "lt": lambda a, b: a < b,
}


# ----------------------------------------------------------------- evaluation
def _word(entry: Symptom, key: str):
    value = getattr(entry, key)
    return "unknown" if value is None else value


def _compare(spec: dict, value) -> bool:
    """Compare a number; a missing number matches only when ``unknown: true``."""
    if value is None:
        return bool(spec.get("unknown", False))
    ops = [op for k, op in COMPARISONS.items() if k in spec]
    return bool(ops) and all(op(value, spec[k]) for k, op in COMPARISONS.items() if k in spec)


def drug_words(hit, as_of) -> str:
    """The drugs a rule matched, as a reason names them: drugs current on the check-in day
    first and plainly, then drugs that ended before it as "name (stopped on 17 Nov 2026)",
    so a drug stopped days ago is never named as one being taken now."""
    current = [t.label for t in hit if t.end is None or t.end >= as_of]
    stopped: dict[str, date] = {}
    for t in hit:
        if t.end is not None and t.end < as_of and t.label not in current:
            stopped[t.label] = max(t.end, stopped.get(t.label, t.end))
    words = list(dict.fromkeys(current))
    words += [f"{name} (stopped on {human(end)})" for name, end in stopped.items()]
    return ", ".join(words)


def _drug_matches(spec: dict, taken) -> bool:
    d = taken.drug
    if d is None:
        return bool(spec.get("unknown", False))
    return (
        bool(set(spec.get("class", ())) & set(d.classes))
        or d.kind in spec.get("kind", ())
        or (d.target is not None and d.target in spec.get("target", ()))
        or d.name in {n.lower() for n in spec.get("name", ())}
    )


def matches(cond: dict, entry: Symptom | None, ctx: Context, facts: dict) -> bool:
    """True when ``cond`` holds for ``entry`` (None for check-in rules) in ``ctx``."""
    ((key, value),) = cond.items()
    if key == "all":
        found: dict = {}
        if all(matches(part, entry, ctx, found) for part in value):
            facts.update(found)
            return True
        return False
    if key == "any":
        for part in value:
            found = {}
            if matches(part, entry, ctx, found):
                facts.update(found)
                return True
        return False
    if key == "not":
        return not matches(value, entry, ctx, {})
    if key == "count":
        hits = []
        for other in ctx.checkin:
            found: dict = {}
            if is_reported(other) and matches(value["of"], other, ctx, found):
                hits.append(other.symptom)
        spec = {k: v for k, v in value.items() if k in COMPARISONS}
        if _compare(spec, len(set(hits))):
            facts.setdefault("also", ", ".join(dict.fromkeys(hits)))
            return True
        return False
    if key == "also":
        for other in ctx.checkin:
            found = {}
            if (
                other is not entry
                # the same symptom reported twice at the same place (a form entry and the words
                # beside it) is one problem, not a second warning sign ("drowsiness together with
                # drowsiness": twenty-sixth session, tuning set 58); back pain and leg pain are
                # two (review); words nothing read are each their own
                and not _same_problem(entry, other)
                and is_reported(other)
                and matches(value, other, ctx, found)
            ):
                facts.update(found)
                facts.setdefault("also", other.symptom)
                return True
        return False
    if key == "site":
        hit = sorted(ctx.sites & set(value))
        if hit:
            facts["site"] = ", ".join(hit)
        return bool(hit)
    if key == "on_drug":
        days = value.get("recent_days", 0)
        hit = [t for t in ctx.drugs if t.taken_within(ctx.as_of, days) and _drug_matches(value, t)]
        if hit:
            facts["drug"] = drug_words(hit, ctx.as_of)
        return bool(hit)
    if key == "lab":
        lab = ctx.latest_lab(value["test"], value["within_days"])
        if lab is not None and _compare(
            {k: v for k, v in value.items() if k in COMPARISONS}, lab.value
        ):
            facts["lab"] = lab.text()
            return True
        return False
    if entry is None:
        return False
    if key in ("symptom", "severity", "frequency", "interference"):
        return _word(entry, key) in value
    if key == "new":
        return ("unknown" if entry.new is None else entry.new) in value
    if key == "grade":
        return _compare(value, grading.grade(entry))
    if key in NUMBERS:
        number = getattr(entry, key)
        ok = _compare(value, number)
        if ok and number is not None:
            facts[key] = f"{number:g}"
        return ok
    if key == "sugar_reading":
        # any reading that meets the comparison counts ("2.8, then 5.9 after jelly babies" is a
        # low reading), as for the other readings: two readings err upwards
        found = sugar_readings(entry.note or "")
        return any(_compare(value, r) for r in found) if found else _compare(value, None)
    if key == "reading":
        spec = {k: v for k, v in value.items() if k != "of"}
        # the symptom's name leads its note: "high blood pressure" with "184/108 twice tonight"
        # is a blood pressure reading (twenty-second session, tuning set 50)
        said = readings.values(f"{entry.symptom}: {entry.note}" if entry.note else "", value["of"])
        found = [v for v in said if _compare(spec, v)]
        if found:
            facts["reading"] = f"{max(found):g} {readings.measures()[value['of']].unit}"
        return bool(found) or (not said and _compare(spec, None))
    if key in TEXTS:
        # apostrophes dropped both sides: "wont stop" typed is "won't stop" (session 36 review)
        text = (getattr(entry, key) or "").lower().replace("’", "").replace("'", "")
        return any(phrase.lower().replace("'", "") in text for phrase in value)
    if key == "asks":
        return asks(entry.note) == value
    if key == "dose":
        # tablets counted against a medicine's most-a-day, or "3 instead of 1" (doses.py)
        note = entry.note or ""
        return bool(
            doses.over_daily_limit(note)
            if value == "over_daily_limit"
            else doses.more_than_meant(note)
        )
    if key == "words":
        return words_match(value, f"{entry.note or ''}. {entry.location or ''}")
    raise TriageError(f"Unknown condition {key!r}.")  # check() makes this unreachable


# a question in an entry's words: a question mark, or a sentence that opens like one ("do I
# take two today", "should we call"); the ``asks`` condition of question rules
_QUESTION = re.compile(
    r"\?|^\W*(?:can|could|should|shall|do|does|is|are|will|may|am|what|how|when)\s+(?:i|we|she|he|it|my)\b"
    # a question told, not asked ("She asks if she can have the shingles vaccine ... and whether
    # she should take her abemaciclib on the day": nineteenth session, tuning set 44)
    r"|\b(?:asks?|asked|asking|wonder(?:s|ed|ing)?|wants?\s+to\s+know|like\s+to\s+know)\s+"
    r"(?:if|whether|about|how|when|what|which)\b"
    r"|\bwhether\s+(?:i|we|she|he|they)\s+(?:can|could|should|may|need|ought)\b"
    # a request is asked too ("can you send the prescription to the usual pharmacy please":
    # held-out set 69, read after it was measured)
    r"|\b(?:can|could|would|will)\s+(?:you|someone|somebody|the\s+team)\b|\bplease\b"
    # "do you need a copy of the discharge letter?" (session 33, tuning set 72)
    r"|^\W*(?:do|does|did)\s+(?:you|they|the\s+team)\b"
    # a question word opening a clause, then a verb and who ("who do i ask. thanks", "where
    # should we send it": session 32, tuning set 68)
    r"|(?:^|[.!;,]\s*)(?:who|where|which|why|what|how|when)\s+(?:do|does|did|should|shall|can|"
    r"could|will|would|is|are|am)\s+(?:i|we|you|she|he|they|it|my|the)\b",
    re.I,
)


def asks(note: str | None) -> bool:
    """True when the words hold a question."""
    return bool(note and _QUESTION.search(note))


#: A word that counts, before a small whole number ("cycle 2, 3 and 4", "size 2, 3", "day 1, 8"):
#: no reading (second review); "this week 6.8, 7.1" and "week 130, 142" are readings.
_COUNTING = re.compile(
    r"\b(?:cycles?|days?|weeks?|months?|sizes?|no|number|doses?|units?|times|x|#)\s*$"
)


def _counted(low: str, m: re.Match) -> bool:
    n = m.group("n")
    return "." not in n and float(n) < 40 and bool(_COUNTING.search(low[: m.start("n")]))


def sugar_readings(text: str) -> list[float]:
    """Every blood sugar reading in the words, in mg/dL; a number under 35 is mmol/L (x 18, as
    context.py reads a glucose lab), "HI" on a meter is 600; numbers in words are read as digits
    ("fasting sugar two hundred and sixty": triage set 56)."""
    low = digits(text.lower())
    unit = bool(METER_UNIT.search(low))
    found = []
    hits = [m for m in SUGAR.finditer(low) if unit or not m.group("meter")]
    lists = [m for m in SUGAR_LIST.finditer(low) if not _counted(low, m)]
    logs = [*SUGAR_LOG.finditer(low), *lists]
    for m in [*hits, *[m for m in logs if not any(h.start("n") == m.start("n") for h in hits)]]:
        found.append(float(m.group("n")))
        at = m.end()
        while more := SUGAR_MORE.match(low, at):  # "6.4, 6.9, 6.7": each is a reading
            found.append(float(more.group("n")))
            at = more.end()
    values = [round(v * 18) if v < 35 else v for v in found]
    if SUGAR_HI.search(low):
        values.append(600.0)
    return values


#: A carer writes about the person ("her feet", "cutting himself"): read as the person's own
#: words ("my feet", "cutting myself"), so word lists written in the first person reach them.
CARER = re.compile(r"\b(?:(herself|himself|themselves|themself)|(her|his|their))\b")


def _fold(text: str) -> str:
    """Lower case, apostrophes dropped ("can't" = "cant"), hyphens as spaces ("self-harm"),
    a carer's her/his/their read as my and herself/himself as myself."""
    low = text.lower().replace("’", "'").replace("'", "").replace("-", " ")
    low = _SCORE_SLASH.sub(" ", low)  # "10/10" = "10 10" (a pain score)
    return CARER.sub(lambda m: "myself" if m.group(1) else "my", low)


_SCORE_SLASH = re.compile(r"(?<=\d)/(?=\d)")


@lru_cache(maxsize=512)
def _pattern(phrase: str) -> re.Pattern:
    regex = ""
    for word in _fold(phrase.strip()).split():
        if word == "...":  # up to six other words between
            regex += r"(?:\s+\S+){0,6}?"
            continue
        body = re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "")
        regex += (r"\s+" if regex else "") + body
    return re.compile(rf"\b{regex}\b")


def words_match(phrases, text: str) -> bool:
    """True when a clause of ``text`` that is not a denial holds one of ``phrases`` as
    whole words (see the ``words`` condition above). A hit right after a negation cue
    ("not the worst", "no seizure") is a denial too, unless the phrase holds the cue itself
    ("not breathing", "no reason to live")."""
    folded = _fold(text)
    for clause in _readable(folded):
        for p in phrases:
            if any(not _cue_before(clause, m.start()) for m in _pattern(p).finditer(clause)):
                return True
    # a phrase that holds a clause-joining word ("done with it all", "sick and tired") is
    # read in the stretch between punctuation marks, where the joiner does not cut it
    joined = [p for p in phrases if JOINER.search(_fold(p))]
    for stretch in PUNCTUATION.split(folded) if joined else ():
        stretch = stretch.strip()
        if not stretch or negated(stretch):
            continue
        for p in joined:
            if any(not _cue_before(stretch, m.start()) for m in _pattern(p).finditer(stretch)):
                return True
    return False


def _same_problem(entry: Symptom | None, other: Symptom) -> bool:
    """Two entries of one listed symptom at the same place (or neither placed)."""
    return (
        entry is not None
        and entry.symptom == other.symptom
        and entry.symptom != OTHER
        and (entry.location or None) == (other.location or None)
    )


@lru_cache(maxsize=1024)
def _readable(folded: str) -> tuple[str, ...]:
    """The clauses of a check-in's words that the ``words`` rules read, worked out once per
    text (every rule reads the same words): clauses that are not denials, a clause after a
    denial about a body part taking that body part ("..., it's leaking" after a denial about
    the port), and the whole sentence of a body-part denial beside a report, with the cue's
    own words still denied by ``_cue_before`` (review)."""
    kept = [c for c, no, _ in carried(clauses(folded)) if not no]
    whole = [
        stretch.strip()
        for stretch in re.split(r"(?<!\d)\.|\.(?!\d)|[!?;\n]", folded)
        if denial_beside_report(carried(clauses(stretch)))
    ]
    return (*kept, *whole)


def _cue_before(clause: str, start: int) -> bool:
    """True when the words just before ``start`` are a negation cue, with only filler words
    ("not the", "no more") between: the ConText cue's scope reaches the hit."""
    before = clause[:start].split()
    while before and before[-1] in FILLERS:
        before.pop()
    if before and before[-1] in _LIST_OR:
        # the cue reaches on through a list joined by "or" ("not wobbly or unsteady at all", "no
        # fever or chills": session 37), not past a contrast nor after "not sure" or "not just"
        # (the cue governs the first item itself, one or two words after it: "nothing helps the
        # nausea or ...", "not stopped shaking or ...", "never had a fit or ..." deny the help,
        # the stopping, the past: review)
        head = before[:-1][-3:]
        cues = [i for i, w in enumerate(head) if w in NEGATORS]
        if not cues:
            return False
        item = head[cues[-1] + 1 :]
        return (
            1 <= len(item) <= 2
            and not any(w in _CONTRAST or w in _NOT_A_DENIAL for w in item)
            and not re.search(r"(?:ed|ing|s)$", item[0])
            and item[0] not in _VERBS
        )
    return bool(before) and before[-1] in NEGATORS


_LIST_OR = frozenset({"or", "nor"})
_CONTRAST = frozenset({"but", "and", "though", "although", "yet", "except", "apart"})
#: verbs a cue may govern instead of the first item ("nothing helps", "never had")
_VERBS = frozenset(
    {"had", "have", "has", "help", "get", "got", "touch", "stop", "seem", "feel", "do"}
)
#: words after "not" that make it no denial of what follows ("not sure if ... or ...")
_NOT_A_DENIAL = frozenset(
    {"sure", "certain", "know", "knowing", "think", "remember", "just", "only", "usual", "normal"}
)
