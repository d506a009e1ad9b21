"""What a person's own words answer about a symptom when the entry leaves it open.

Severity ("really bad"), interference with eating, walking or self-care (PRO-CTCAE, CTCAE v5
grade 3), whether it is new ("came on suddenly") or long-standing ("same as always"), a body
temperature (a number only a temperature can be, in °C or °F) and a number of times a day
("sick 3 times"). Read only upwards: the words can raise an answer, never lower one given.
"""

from __future__ import annotations

import re

from .denied_severity import denied_before
from .spelled import digits

#: Words that make a phrase severe when no severity was chosen (read only upwards).
SEVERE = re.compile(
    r"\b(?:severe|severely|terrible|terribly|awful|worst|unbearable|excruciating|agony|"
    r"agoni[sz]ing|horrendous|extreme|extremely|(?:really|very|so) bad|can'?t cope|cannot cope|"
    r"can'?t stop (?:crying|sobbing)|(?:is|are|its|it's) (?:\w+ )?killing me)\b"
)
#: A score out of ten ("still 8/10", "9 out of 10"), the numeric rating scale for pain and other
#: symptoms: 7-10 severe, 4-6 moderate, 1-3 mild (NCI, Cancer Pain (PDQ): pain scales; session 39,
#: held-out set 85 read after it was measured: "it still 8/10" after four top-up doses read as
#: no severity). Not a date ("since 8/10", "8/10/2026").
SCORE = re.compile(
    r"(?<![\d/.])(?<!\bsince )(?<!\bon )(?<!\bfrom )(?<!\buntil )(?<!\btill )(?<!\bby )"
    r"(?<!\bbefore )(?<!\bafter )"
    r"(10|[0-9])\s*(?:/|out\s+of)\s*10\b(?!\s*/\s*\d)"
)
#: Words that say a symptom is new or sudden, and words that say it is long-standing.
NEW = re.compile(
    # "nothing new", "not new", "no new": the old word reads it (session 33, tuning set 72)
    r"\b(?<!nothing )(?<!not )(?<!no )(?:new|newly|sudden|suddenly|just started|started (?:today|yesterday|this|last)|"
    r"since (?:today|yesterday|this|last)|first time|never had|out of nowhere|came on)\b"
)
OLD = re.compile(
    r"\b(?:same as (?:always|usual|before|(?:the\s+)?(?:last|past)\s+(?:few\s+|couple\s+of\s+)?"
    r"(?:weeks|months|years))|as usual|for (?:months|years)|"
    r"long[- ]standing|had it for (?:months|years|ages)|nothing new|not new|"
    r"had (?:it|this|that|these|them) before|always (?:had|get|have) (?:it|this|that|them)|"
    r"on and off for (?:weeks|months|years|ages))\b"
)
#: Words after which what follows is not covered by an earlier "nothing new" / "same as"
CONTRAST = re.compile(
    r"\b(?:but|except|apart\s+from|aside\s+from|other\s+than|besides|now|this\s+time|although|"
    r"though|however|whereas|yet|until|till|since\s+(?:today|yesterday|this|last))\b"
)
#: A number in the words that can only be a body temperature (°C, then °F).
#: A number followed by an age, a time or a weight unit is none ("I'm 40 years old", "38 kg").
NUMBER = re.compile(
    r"(?<![\d.])(\d{2,3}(?:\.\d)?)(?!\d|\.\d)"  # a full stop may end the sentence: "temp 36.8."
    r"(?!\s*(?:years?|yrs?|yo\b|y/o|days?|weeks?|wks?|months?|hours?|hrs?|mins?|minutes?|kgs?\b|"
    r"kilos?|lbs?\b|pounds|mg\b|mls?\b|%|times|x\b))"
)
CELSIUS, FAHRENHEIT = (34.0, 42.5), (94.0, 108.5)
#: Other measurements people type: a number next to these is not a temperature.
#: The home measures people type beside a number (MEASURES adds their units; MEASURE_BEFORE
#: reads one named just before a number)
_MEASURE_WORDS = (
    r"pulse|heart|bpm|rate|pressure|bp|sugar|glucose|weight|oxygen|o2|sats?|spo2|breaths"
)
MEASURES = re.compile(rf"\b(?:{_MEASURE_WORDS}|mg|mmol|kg|lbs?|pounds)\b|%")
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
#: bedridden): "I can't do up buttons now", "unable to dress myself", "dropped my fork twice".
#: Read upwards always.
SELF_CARE = re.compile(
    # "too weak to get out of bed", "too dizzy to shower": the same limit said the other way
    # round (session 39); "needs help to get dressed" is self-care done by someone else
    r"\b(?:cant|cannot|can not|couldnt|unable to|struggl\w* to|no longer|not able to|"
    r"too\s+(?:\w+\s+)?(?:weak|tired|exhausted|dizzy|wobbly|unsteady|shaky|breathless|"
    r"puffed|sore|ill|sick|unwell|poorly|drained|faint|lightheaded|light headed)\s+to|"
    r"need\w*\s+help|(?:has|have|had)\s+to\s+help\s+(?:me|her|him))\s+"
    r"(?:\w+\s+){0,2}?(?:do up|button\w*|get dressed|dress (?:myself|herself|himself)|"
    r"undress|wash (?:myself|herself|himself)|shower(?!\s+(?:the|my|her|his|our)\s+(?:kids|children|baby|dog))|bath(?:e|ed|es|ing|s)?\b|feed (?:myself|herself|himself)|"
    r"hold (?:a|my|her|his) (?:cup|fork|spoon|mug|toothbrush)|use the (?:toilet|loo)|"
    r"get (?:out of|up from) (?:bed|the chair)|get(?:ting)? (?:dressed|washed)|"
    r"getting (?:out of|up from) (?:bed|the chair)|"
    r"take (?:my|her|his) (?:pills|tablets|meds))\b"
    # in bed because of it: "bedbound since tuesday", "stuck in bed", "confined to bed"
    r"|\b(?:bed\s*bound|bed-bound|bedridden|bed\s+ridden|stuck\s+in\s+bed|confined\s+to\s+(?:her\s+|his\s+|my\s+)?bed)\b"
    # hands that fail at meals and daily tasks: "dropped my fork twice", "keep dropping cups"
    r"|\b(?:drop|drops|dropped|dropping)\s+(?:my\s+|her\s+|his\s+|the\s+|a\s+)?"
    r"(?:things|stuff|cups?|mugs?|forks?|spoons?|knife|knives|glass(?:es)?|plates?|pens?|"
    r"cutlery|food|keys|phone)\b"
)


#: Breathlessness that comes with effort ("puffed on the stairs", "walking up hills") ...
EXERTION = re.compile(
    r"\b(?:stairs|staircase|upstairs|steps|hills?|incline|slope|on\s+exertion|exert\w*|"
    r"exercis\w*|hoover\w*|vacuum\w*|gardening|carrying|climb\w*|rushing|hurry\w*|"
    r"walk(?:ing)?\s+(?:fast|quickly|briskly|far|uphill|up)|doing\s+too\s+much|"
    r"(?:when|if)\s+i\s+(?:walk|move|rush|hurry|do\s+(?:too\s+)?much))\b"
)
#: ... and is said to be gone at rest ("fine sitting and lying", "ok at rest")
REST_FINE = re.compile(
    r"\b(?:fine|ok|okay|alright|all\s+right|normal|good|no\s+problem)\s+(?:when\s+|while\s+|if\s+)?"
    r"(?:i\s+am\s+|im\s+|i\s+)?(?:sitting|sat|sit|resting|rest|at\s+rest|lying|laying|still|in\s+bed)\b"
    r"|\b(?:sitting|at\s+rest|resting|lying|sat)\s+(?:down\s+|still\s+)?(?:is\s+|i\s+am\s+|im\s+|i\s+feel\s+|"
    r"feels?\s+|its\s+)?(?:fine|ok|okay|alright|normal|good)\b"
)
#: ... or is said to come "only" with the effort ("only puffed on hills", "only get breathless
#: going up the stairs": session 37, tuning set 80)
ONLY_ON_EFFORT = re.compile(
    r"\b(?:only|just)\s+(?:(?:get|gets|getting|got|am|im|i\s+am|feel|feels|a\s+(?:bit|little)|bit|slightly)\s+)*"
    r"(?:puffed|breathless|winded|short\s+of\s+breath|out\s+of\s+breath|sob)\s+"
    r"(?:(?:on|up|when|if|with|going\s+up|walking\s+up|climbing)\s+)+"
    r"(?:the\s+|a\s+|big\s+|steep\s+)?(?:stairs|staircase|upstairs|steps|hills?|incline|slope|"
    r"exert\w*|exercis\w*|i\s+(?:walk\s+(?:fast|quickly|far|uphill|up)|climb\w*|rush|hurry|exercise))\b"
    # "it's only on the stairs"
    r"|\b(?:its|it\s+is|it's)\s+only\s+(?:on|up|when\s+i\s+(?:climb|go\s+up))\s+(?:the\s+)?"
    r"(?:stairs|steps|hills?)\b"
)
#: ... with no word of rest, bed, talking or a wet cough anywhere (final review: "only breathless on
#: the stairs but this morning i am breathless in bed", "... coughing up pink frothy stuff")
_REST_WORD = re.compile(
    r"\b(?:sitting|sat|sit|rest|resting|lying|laying|bed|chair|recliner|talking|talk|still|night|"
    r"asleep|sleep\w*|phone|froth\w*|pink|gurgl\w*|blue|gr[ae]y|pillows?|propped)\b"
)
#: ... said now, not as what it used to be ("it used to be only on the stairs, now ...": review)
_USED_TO = re.compile(
    r"\bused\s+to\b|\bbefore\s+it\s+was\b|\bit\s+was\s+only\b|\bnow\s+(?:even|just|when|at)\b"
)
#: ... unless rest is named as a time it happens too ("even sitting", "at rest as well"), or
#: lying flat, the night, talking or the least effort (CTCAE v5 dyspnea grade 3: at rest or
#: with the least effort of self-care), or it came on suddenly or is getting worse (first
#: review: "suddenly breathless on the stairs today, fine sitting", "... but I cant lie flat")
AT_REST_TOO = re.compile(
    r"\b(?:even|also|too|as\s+well)\s+(?:when\s+|while\s+)?(?:i\s+am\s+|im\s+)?(?:sitting|at\s+rest|resting|lying|"
    r"talking|still)|\b(?:at\s+rest|sitting\s+still|lying\s+down)\s+(?:too|as\s+well)\b"
    r"|\b(?:lie|lying|laying|lay)\s+(?:down|flat|back)\b|\bflat\s+in\s+bed|\bpillows?\b|\bpropped\b"
    r"|\bwakes?\s+me|\bwoke\s+(?:me|up)\s+(?:breathless|gasping|short)|\btoo\s+breathless\s+to\s+talk"
    r"|\bget(?:ting)?\s+dressed|\bwash(?:ing)?\s+(?:myself|my|me)|\b(?:to|from)\s+the\s+(?:loo|toilet|bathroom)"
    r"|\bacross\s+the\s+room"
    # (not "always puffed going up the stairs", "winded constantly when i hoover": review)
    r"|\b(?:breathless|short\s+of\s+breath|out\s+of\s+breath|puffed|winded)\s+(?:all\s+the\s+time|constantly|non\s*stop)\b(?![^,.;]*\b(?:stairs|steps|hills?|walk\w*|climb\w*|hoover\w*|exercis\w*|going\s+up|carrying)\b)"
    r"|\b(?:constantly|always)\s+(?:breathless|short\s+of\s+breath|out\s+of\s+breath|puffed|winded)\b(?![^,.;]*\b(?:stairs|steps|hills?|walk\w*|climb\w*|hoover\w*|exercis\w*|going\s+up|carrying)\b)"
    # rest, the night in a chair or the least self-care said anywhere (review: "now i'm puffed
    # just sitting watching telly", "sleeping upright in her chair", "making a cup of tea")
    r"|\bsleep\w*\s+(?:sitting\s+)?(?:upright|sitting\s+up|in\s+(?:the|a|my|her|his)\s+(?:chair|recliner))"
    r"|\bjust\s+sitting|\bwatching\s+(?:tv|telly|television)|\bbrush\w*\s+(?:my|her|his)\s+(?:hair|teeth)"
    r"|\bmaking\s+(?:a\s+)?(?:cup|tea|coffee|brew|the\s+bed)|\bat\s+rest\b(?!\s+(?:is\s+)?(?:fine|ok|okay))"
    r"|\b(?<!no )(?<!not )(?<!without )(?<!any )(?<!getting )(?:sudden\w*|out\s+of\s+nowhere|came\s+on|"
    r"since\s+(?:today|yesterday|this\s+morning|last\s+night)|overnight|chest\s+pain|tight\w*|faint\w*|"
    r"dizz\w*|blue|gr[ae]y|cough\w*\s+(?:up\s+)?blood)\b"
    # getting worse, said and not denied ("much worse since yesterday"; not "not getting worse")
    r"|(?<!not )(?<!no )(?<!isnt )(?<!hasnt )(?<!never )\b(?:getting|got|much|a\s+lot|far)\s+worse\b"
)


def on_effort_only(text: str) -> bool:
    """Whether the words place breathlessness on effort only and say rest is fine (CTCAE v5
    dyspnea: grade 1-2 is breathlessness with moderate or minimal effort; at rest is grade 3 or
    more; UKONS v3 breathlessness: at rest is red): a severity of "moderate", not "unknown"."""
    low = text.lower().replace("’", "'").replace("'", "")
    return bool(
        EXERTION.search(low)
        and (
            REST_FINE.search(low)
            or (
                ONLY_ON_EFFORT.search(low)
                and not _USED_TO.search(low)
                and not _REST_WORD.search(low)
            )
        )
        and not AT_REST_TOO.search(low)
    )


def count_in(text: str) -> int | None:
    """The largest number of times a day the words give ("4 or 5 times" -> 5), or None."""
    low = " ".join(NUMBER_WORDS.get(w, w) for w in digits(text.lower()).split())
    low = re.sub(r"\btwice\b", "2 times", re.sub(r"\bonce\b", "1 times", low))
    found = [int(n) for m in COUNT.finditer(low) for n in m.groups() if n]
    return max(found) if found else None


def answers(text: str, entry: dict) -> dict:
    """What the words themselves answer when the entry leaves it open: a severe word gives
    severity "severe"; "new", "suddenly" give new: true, "same as always" new: false (a new
    word wins); a number that can only be a body temperature gives the temperature."""
    low = text.lower().replace("’", "'")
    out: dict = {}
    if all(entry.get(k) is None for k in ("severity", "frequency", "interference")):
        scores = [int(m.group(1)) for m in SCORE.finditer(low)]
        if any(not denied_before(low, m.start()) for m in SEVERE.finditer(low)):
            out["severity"] = "severe"
        elif scores and max(scores) >= 1:
            top = max(scores)
            out["severity"] = "severe" if top >= 7 else "moderate" if top >= 4 else "mild"
        elif INTERFERES.search(low.replace("'", "")):
            out["interference"] = "quite a bit"
    if entry.get("interference") != "very much" and SELF_CARE.search(low.replace("'", "")):
        out["interference"] = "very much"
    if entry.get("new") is None:
        if NEW.search(low):
            out["new"] = True
        elif (old := OLD.search(low)) and not CONTRAST.search(low, old.end()):
            # "nothing new, but my tummy is swollen": what comes after the contrast is not said
            # to be old (session 33, first review); the clause of each symptom is read too
            out["new"] = False
    no_temp = entry.get("temperature_c") is None and entry.get("temperature_f") is None
    measures = bool(MEASURES.search(low))
    # beside other readings ("BP 138/84, pulse 76, temp 36.7") only a number the words name
    # as a temperature counts (session 33, tuning set 72)
    found = _temperatures(digits(low), named=measures)
    if found:
        # the highest temperature the words give counts: "I'm thirty six and temp is 38.5",
        # "38.4 at 9pm, took paracetamol, now 37.4" (a fever medicine can hide a fever; UKONS)
        highest = max(found, key=lambda kv: _celsius(dict([kv])), default=None)
        if no_temp and highest:
            out.update([highest])
        elif highest:
            # with 37.4 entered, a higher number in the words replaces it
            given = _celsius(entry)
            top = _celsius(dict([highest]))
            if given is not None and top > given + 0.05:
                if entry.get("temperature_f") is not None:
                    out["temperature_f"] = round(top * 9 / 5 + 32, 1)
                else:
                    out["temperature_c"] = round(top, 1)
    return out


#: A blood test or tumour marker named just before a number: "Hb came back 104" is a
#: haemoglobin of 104 g/L, not 104 °F (triage set 53 read after it was measured).
LAB_BEFORE = re.compile(
    r"\b(?:hb|hgb|ha?emoglobin|platelets?|plts?|neutrophils?|neuts|anc|wbc|white\s+(?:cells?|count)|"
    r"counts?|creatinine|egfr|potassium|sodium|calcium|inr|albumin|bilirubin|alt|ast|ferritin|"
    r"iron|marker|ca\s?(?:15-3|27[.-]29|125)|cea)\b"
    # only linking words between the test and its number ("wbc low last week and i'm 38.5" is a
    # temperature: review)
    r"(?:\s*(?:is|are|was|were|came|back|at|of|level|count|now|today|just|only|down|up|to|"
    r"result|[:=-]))*\s*$"
)


#: a number in a blood test's reference range pasted from a portal ("ALT 58 U/L (ref 7-40)",
#: "normal range 35-50", "ref <21"): session 31, tuning set 68
REFERENCE_RANGE = re.compile(
    # only a named reference range, not "higher than normal 38.4" or "in the range 38.5 to 39"
    # (review)
    r"(?:\b(?:ref(?:erence)?(?:\s+range)?|normal\s+range|nr)\b|[(\[]\s*(?:normal|range)\b)"
    r"[\s:(\[]*(?:[<>]=?\s*)?(?:\d+(?:\.\d+)?\s*(?:-|–|to)\s*)?$"
)
#: a blood test's unit after a number ("58 U/L", "12 umol/L", "35 g/L")
LAB_UNIT_AFTER = re.compile(r"\s*(?:i?u/l|units?/l|[uµμ]mol/l|mmol/l|g/l|g/dl|x\s?10)", re.I)


#: A temperature named just before its number ("temp 36.7", "temperature was 99.1", "T 38")
TEMP_BEFORE = re.compile(
    r"\b(?:temp|temps|temperature|temperatures|fever|thermometer)\b"
    r"(?:\s*(?:is|was|of|at|now|reading|read|said|says|came|up|to|[:=-]))*\s*$"
)
#: ... or its unit just after ("36.7c", "99.1 °F", "38 degrees", "38 on the thermometer")
TEMP_UNIT_AFTER = re.compile(
    r"\s*(?:°|º|deg\b|degrees?\b|[cf]\b|(?:on|by)\s+(?:the|my|our|her|his)\s+thermometer\b|"
    r"under\s+(?:my|her|his|the)\s+arm\b|in\s+(?:my|her|his|the)\s+ear\b|orally\b)"
)


#: A home measure named just before a number ("sats 95", "pulse was 98") or its unit after
MEASURE_BEFORE = re.compile(
    rf"\b(?:{_MEASURE_WORDS}|weighed|weigh)\b(?:\s*(?:is|was|of|at|now|rate|reading|said|[:=/-]))*\s*$"
)
MEASURE_UNIT_AFTER = re.compile(
    r"\s*(?:%|kg\b|lbs?\b|pounds\b|mg\b|mcg\b|ug\b|µg\b|g\b|grams?\b|mmol\b|bpm\b|st\b|m\b|"
    r"metres?\b|meters?\b|cm\b|mm\b|ml\b|units?\b|steps\b|mins?\b|minutes\b|hours?\b|hrs?\b|"
    r"yards?\b|miles?\b|km\b|am\b|pm\b|o'?clock\b)"
)


def _lone_celsius(low: str, m: re.Match, before: str) -> bool:
    """A number in a fever range that no measure word, unit, clock or counter claims: "sats 95 and i feel
    hot, 38.4", "bp 130/85, pulse 88, 38", "pulse 100, 101.5 this evening" (first review): a
    Celsius value with a decimal from 37.0, or a whole one from 38; a Fahrenheit value with a
    decimal from 99.5, or a whole one from 100 (not a blood pressure's top number)."""
    value, decimal = float(m.group(1)), "." in m.group(1)
    fever = (37.0 <= value <= CELSIUS[1] and (decimal or value >= 38)) or (
        99.5 <= value <= 107.9 and (decimal or value >= 100)
    )
    return (
        fever
        and not MEASURE_BEFORE.search(before)
        and not MEASURE_UNIT_AFTER.match(low, m.end())
        # a clock time, a counted day or room, or a unit after ("pulse 92 at 10:38", "day 38 of
        # my cycle", "40g of carbs": final review) claims a whole number; a real fever beside a
        # pulse ("pulse 118 and 39 this morning") is still read (last review)
        and low[m.start() - 1 : m.start()] != ":"  # NUMBER never follows a "."
        and not COUNTER_BEFORE.search(before)
    )


#: A counter before a whole number ("day 38", "cycle 4", "room 101", "bed 38"): no temperature
COUNTER_BEFORE = re.compile(
    r"\b(?:day|cycle|room|bed|ward|bay|number|no|dose|week|page|step)\.?\s*$"
)


def _temperatures(low: str, named: bool = False) -> list[tuple[str, float]]:
    """Every number in the words that can only be a body temperature, with its field; with
    ``named``, only the numbers the words call a temperature."""
    out = []
    for m in NUMBER.finditer(low):
        before = low[max(0, m.start() - 40) : m.start()]
        if LAB_BEFORE.search(before) or REFERENCE_RANGE.search(before):
            continue
        if re.match(r"\s*/\s*\d", low[m.end() :]):
            continue  # "100/60" is a blood pressure, "38/40" a count
        if named and not (
            TEMP_BEFORE.search(before)
            or TEMP_UNIT_AFTER.match(low, m.end())
            or _lone_celsius(low, m, before)
        ):
            continue
        if LAB_UNIT_AFTER.match(low, m.end()):
            continue
        value = float(m.group(1))
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
