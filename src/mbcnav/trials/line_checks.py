"""Counts of earlier lines of treatment a criterion sets, read into line checks."""

from __future__ import annotations

import re

from mbcnav.trials.growth_words import GROWTH_DENIED, GROWTH_TIMED, LATEST_GROWTH
from mbcnav.trials.line_allowance import ALLOWANCE, allowed_count
from mbcnav.trials.line_classes import (
    NON_ENDOCRINE,
    NON_ENDOCRINE_WORDS,
    bracket_owner,
    line_class,
)
from mbcnav.trials.line_words import (
    _ADC,
    CHEMO_LINE,
    DURING_FIRST,
    FIRST_LINE,
    LINES_EXACT,
    LINES_LT,
    LINES_MAX,
    LINES_MAX2,
    LINES_MIN,
    LINES_RANGE,
    METASTATIC_SCOPE,
    ORDINALS,
    PALLIATIVE_ONLY,
    PLANNED_AFTER,
    PLANNED_LINE,
    PROGRESSION_BEFORE,
    num,
)

#: an exception for a course begun lately ("recently started (within 28 days of randomization)
#: endocrine therapy"): a bridge to the study, not a class left out of the count
_RECENT_COURSE = re.compile(
    r"\brecent(?:ly)?\b|\bwithin\s+(?:the\s+(?:last|past)\s+)?\d+\s*(?:days?|weeks?)\b|"
    r"(?:≤|<=?|up\s+to|no\s+more\s+than|less\s+than)\s*\d+\s*(?:days?|weeks?)\b",
    re.I,
)


#: An exception that names a class of treatment ("except for prior endocrine ± targeted therapy")
_EXCEPT_A_CLASS = re.compile(
    # "Exceptions are endocrine therapy or radiation ..." (NCT05982678) names them too
    r"(?:\b(?:except|other than|with the exception of|exceptions?\s+(?:are|is|include))\b(?:\s+for)?"
    # "(acceptable ≤ first-line endocrine therapy)" (NCT07003074: twenty-sixth session, set 69)
    r"|\((?:[^()]{0,20}?\b)?(?:acceptable|allowed|permitted)\b)[^.;]{0,60}?"
    r"\b(?:endocrine|hormon\w*|cdk\s?4/6|targeted)",
    re.I,
)


# "(prior endocrine therapy acceptable)": hormone therapy let in by an aside (review)
_ENDOCRINE_ALLOWED_ASIDE = re.compile(
    r"\((?:[^()]{0,40}?\b)?(?:endocrine|hormon\w*)\b[^()]{0,40}?\b(?:acceptable|allowed|permitted)\b",
    re.I,
)


_DENIED_OR_ALTERNATIVE = re.compile(
    r"\b(?:not|no|never|without|absence|non)\b|(?<!on )\bor\b(?!\s+(?:above|higher|later|beyond|more)\b)",
    re.I,
)


def capital_or_parts(text: str) -> bool:
    """Whether a capital "OR" in ``text`` parts whole ways in: one plain sentence under 300
    characters (no ";" or ":" and no second sentence), not written all in capitals (a criterion
    in capitals writes every "or" that way: review). Used here and by options.py."""
    return len(text) < 300 and not re.search(r"[;:]|\.\s+[A-Z]", text) and text.upper() != text


_FIGURE_AFTER_WORD = re.compile(r"\b(one|two|three|four|five|six)\s*\(\s*\d\s*\)", re.I)


def lines_checks(text: str) -> list[dict]:
    """Counts of earlier lines of treatment a criterion sets. A floor and a ceiling on different
    kinds of treatment are two counts ("at least 1 line including endocrine therapy and a
    CDK4/6 inhibitor; up to 2 lines of chemotherapy")."""
    # "up to one (1) prior chemotherapy" (NCT05748834): the figure in brackets repeats the word
    text = _FIGURE_AFTER_WORD.sub(
        lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), text
    )
    if (cut := text.find(" OR ")) > 0 and capital_or_parts(text.strip()):
        # "Treatment naive in metastatic ... setting ... OR receiving first-line ET and
        # palbociclib" (NCT03439735): each way in has its own count (one sentence, as the
        # capital-OR options of options.py), when each side has one ("... endocrine therapy
        # OR chemotherapy" is one count of either kind: review)
        first, second = text[:cut], " " * (cut + 4) + text[cut + 4 :]
        if (left := lines_checks(first)) and (right := lines_checks(second)):
            return left + right
    lo_m = LINES_MIN.search(text)
    hi_m = LINES_MAX.search(text) or LINES_LT.search(text) or LINES_MAX2.search(text)
    ceilings = list(LINES_MAX.finditer(text))
    if len(ceilings) >= 2:
        # "No more than 4 lines of therapy in metastatic setting (of which no more than 2 lines
        # should be anti-HER2 antibody-based therapy)" (NCT03983395): two ceilings, all lines
        # and one kind (twenty-third session, last session's held-out set 59)
        a, b = ceilings[0], ceilings[1]  # a third is read in the second part (review)
        if line_class(text[a.start() : a.end() + 40]) != line_class(text[b.start() : b.end() + 40]):
            return lines_checks(text[: b.start()]) + lines_checks(
                " " * b.start() + text[b.start() :]
            )
    if lo_m and hi_m:
        lo_cls = line_class(text[lo_m.start() : lo_m.end() + 40])
        hi_cls = line_class(text[hi_m.start() : hi_m.end() + 40])
        if lo_cls != hi_cls:
            cut = max(lo_m.start(), hi_m.start())
            first = lines_check(text[:cut])
            second = lines_check(" " * cut + text[cut:])
            return [c for c in (first, second) if c]
    c = lines_check(text)
    latest = LATEST_GROWTH.search(text)
    if (
        latest
        and not GROWTH_DENIED.search(text[: latest.start()])
        and not GROWTH_TIMED.search(text)
    ):
        # "disease that progressed on his/her most recent treatment regimen" (NCT01557764, set
        # 81): growth on the latest line itself, beside any count of earlier lines (review)
        grew = {**_lines(1, None, None, text, latest.start(), done=True), "latest": True}
        return [c, grew] if c else [grew]
    return [c] if c else []


#: the words of a count that name no kind of treatment
_GENERIC = frozenset(
    {"one", "two", "three", "four", "five", "six", "single", "prior", "previous", "line"}
    | {"lines", "of", "systemic", "therapy", "therapies", "treatment", "treatments", "regimen"}
    | {"regimens", "anti-cancer", "anticancer", "standard", "cancer"}
)


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1
    end = min([i for i in (text.find(".", at), text.find(";", at)) if i >= 0] or [len(text)])
    return text[start:end]


# a negation just before a count: "have not received more than 4", "must not have had > 2"
_NOT_BEFORE = re.compile(
    r"\b(?:not|never)\b(?:\s+(?:yet|have|has|had|be|been|received|receive|undergone|taken))*\s*$",
    re.I,
)
_ALLOWANCE_ASIDE = re.compile(
    r"\([^()]*\b(?:allowed|permitted|acceptable|is eligible|are eligible)\b[^()]*\)", re.I
)


def lines_check(text: str) -> dict | None:
    floor = LINES_MIN.search(text)  # the first floor wording, read once for every branch
    if (
        floor
        and floor.group("recent")
        and re.search(
            r"\b(?:without|no|absence\s+of|not|free\s+of)\b[^.;]{0,30}$",
            text[max(0, floor.start() - 40) : floor.start()],
            re.I,
        )
    ):
        # "Patients without disease progression during the most recent treatment (stable disease
        # or better)": a maintenance study's people, no count of lines (review)
        return None
    if (
        floor
        and floor.group("ord")
        and re.search(r"therap|chemo|treatment|agents?\b|inhibitor", text[: floor.start()], re.I)
    ):
        return None  # "any systemic therapy ..., including chemotherapy, immunotherapy, and more
        # than first-line endocrine therapy" (NCT06770296): one item of a list of treatments
    lo = hi = None
    window = ""
    at = None
    ceiling = False
    for rx in (LINES_RANGE, LINES_MAX, LINES_LT, LINES_MAX2, LINES_MIN, LINES_EXACT):
        if m := rx.search(text):
            window = text[m.start() : m.end() + 40]
            at = m.start()
            ceiling = rx in (LINES_MAX, LINES_LT, LINES_MAX2)
            break
    allowed = (
        allowed_count(text)
        # an exact count said as a rule of its own stays ("must have received exactly one
        # prior line ...; one prior chemotherapy regimen ... is permitted": review)
        if not window or (rx is LINES_EXACT and ALLOWANCE.search(_sentence_at(text, at)))
        else None
    )
    if allowed:
        window, at, ceiling = text[allowed.start() : allowed.end() + 40], allowed.start(), True
    non_endocrine = bool(NON_ENDOCRINE_WORDS.search(window))
    bridging = False  # only a course begun lately is excepted: finished lines count
    # a class named only in a bracketed allowance is not the counted class: "No more than 1 prior
    # line of chemotherapy (prior endocrine therapy with or without a CDK4/6 inhibitor is allowed)"
    free = _ALLOWANCE_ASIDE.sub(lambda a: " " * len(a.group()), text)
    if window and at is not None and free[at] != " ":
        cls = line_class(free[at : at + len(window)])
    else:
        cls = line_class(window or text)
    if allowed and cls is None and set(re.findall(r"[a-z-]+", allowed.group().lower())) - _GENERIC:
        # "may have received one prior taxane regimen": a count of a kind not sorted here, not
        # of every line (review)
        return None
    if cls is None and at is not None and ceiling:
        # (a ceiling only: "chemotherapy (at least 2 prior lines for metastatic disease)" may
        # count every line: second review)
        cls = bracket_owner(text, at)
    if non_endocrine:
        # "1 prior chemotherapy regimen (non-endocrine)": a class named besides is counted
        cls = line_class(NON_ENDOCRINE_WORDS.sub(" ", window)) or NON_ENDOCRINE
    elif (exc := _EXCEPT_A_CLASS.search(text)) and _RECENT_COURSE.search(exc.group(0)):
        # "with the exception of recently started (within 28 days of randomization) endocrine
        # therapy" (NCT03425838, session 31 tuning set 84): a bridging course just begun is
        # excepted, not the class; a finished line of it counts like any other
        cls, bridging = line_class(text[: exc.start()]), True
    elif exc := exc or _ENDOCRINE_ALLOWED_ASIDE.search(text):
        # "no prior systemic therapy for advanced disease, except for prior endocrine ± targeted
        # therapy" (NCT06942234): a class named only in the exception is not what is counted,
        # and with no other class named, the lines left to count are of no class we count
        cls = line_class(text[: exc.start()])
        rest = text[exc.start() :]
        if (
            cls is None
            and re.search(r"endocrine|hormon", exc.group(0), re.I)
            # anything else excepted ("and anti-HER2 therapy") would be counted against them
            and not re.search(
                r"her-?2|target|cdk|chemo|immun|parp|antibod|inhibitor|adc|conjugate", rest, re.I
            )
        ):
            # "no prior line for metastatic disease. Exceptions are endocrine therapy ...": the
            # lines that count are those without a hormone drug
            cls = NON_ENDOCRINE
        if cls is None:
            return None
    if m := LINES_RANGE.search(text):
        lo, hi = num(m.group(1)) or None, num(m.group(2))
        return _lines(lo, hi, cls, text, at)
    if (
        not floor
        and not ceiling
        and (m := LINES_EXACT.search(text))
        and not re.search(r"\b(?:may|allowed|permitted|acceptable|up\s+to)\b", text, re.I)
        # a line of one kind of drug ("1 prior line of endocrine therapy") keeps the reading of
        # that treatment had
        and cls in (None, "chemotherapy")
    ):
        # one earlier regimen: fewer is not met; more is for the study team, as "one prior
        # regimen" is sometimes written for "at least one" (review)
        return {**_lines(1, 1, cls, text, m.start()), "exact": True}
    if allowed:
        hi = num(allowed.group(1))
    elif m := LINES_MAX.search(text):
        hi = num(m.group(1)) if m.group(1) else 1  # "at most, a ..."
    elif m := LINES_LT.search(text):
        hi = num(m.group(1)) - 1
    elif m := LINES_MAX2.search(text):
        hi = num(m.group(1) or m.group(2))
    if floor and floor.group("past"):
        return _lines(1, hi, None, text, floor.start(), done=True)
    if floor and floor.group("thru"):
        sentence = (
            re.split(r"[.;]", text[: floor.start()])[-1]
            + re.split(r"[.;]", text[floor.start() :])[0]
        )
        if _DENIED_OR_ALTERNATIVE.search(sentence):
            # "who have not had disease progression following first-line therapy", "Relapse
            # within 12 months of adjuvant therapy or progression after first-line therapy":
            # no count (review, second review)
            return None
        return _lines(
            ORDINALS[floor.group("thru").lower()], hi, None, text, floor.start(), done=True
        )
    if floor and floor.group("pastn"):
        return _lines(num(floor.group("pastn")), hi, None, text, floor.start(), done=True)
    if floor and floor.group("nth"):
        lo = ORDINALS[floor.group("nth").lower()]
    elif floor and floor.group("ord"):
        lo = ORDINALS[floor.group("ord").lower()] + 1
    elif floor:
        lo = num(floor.group(1) or floor.group(2) or "1") + (
            1
            if floor.group(0).lower().startswith(("more", ">"))
            and "≥" not in floor.group(0)
            and ">=" not in floor.group(0)
            else 0
        )
    if (
        lo is not None
        and hi is None
        and floor
        and floor.group(0).lower().startswith(("more", ">"))
        and _NOT_BEFORE.search(text[: floor.start()])
    ):  # "Have not received more than 4 prior chemotherapy regimens" (NCT06008275): at most 4
        lo, hi = None, lo - 1
    # "progressed after >= 1 line of prior therapy" (NCT05691517): a line the cancer grew on has
    # ended or is growing now (``grown``); one still working does not count (twenty-second
    # session, set 56);
    # a count of one class ("progression on at least one prior endocrine therapy", whose
    # adjuvant treatment may count) keeps line_count's own reading, unless it names the
    # metastatic setting ("progression on one or more lines of endocrine therapy for unresectable
    # locally advanced/metastatic ... breast cancer", NCT06312176: set 64)
    done = grown = bool(
        lo is not None
        and (
            cls is None
            or (
                METASTATIC_SCOPE.search(text)
                # "in the advanced or adjuvant setting": adjuvant treatment counts (review)
                and not re.search(r"\b(?:\(?neo\)?-?)?adjuvant\b", text, re.I)
            )
        )
        and floor
        and PROGRESSION_BEFORE.search(text[max(0, floor.start() - 30) : floor.start()])
    )
    if (
        lo == 1
        and hi is None
        and floor
        and not METASTATIC_SCOPE.search(text)
        and (
            last := [m for m in LINES_MIN.finditer(text) if m.group("recent") or m.group("earlier")]
        )
    ):
        # "at least 1 standard systemic cancer therapy for their tumor type and progressed
        # following their most recent regimen" (NCT03983954: twentieth session, last session's
        # held-out set 49): one treatment, in any setting, that the cancer grew after
        floor = last[0]
    if (
        lo is not None
        and floor
        and (floor.group("recent") or floor.group("standard") or floor.group("earlier"))
    ):
        # the most recent therapy, or the standard one that failed, may be an adjuvant one: any
        # systemic therapy ever counts; a line still going has not yet "progressed" or "failed",
        # so only lines that have ended count (NCT04503265)
        return {**_lines(lo, hi, None, text, floor.start(), done=True), "any_setting": True}
    if (
        lo is not None
        and floor
        and floor.group("prior")
        and re.search(r"\b(?:not|never|no)\b(?:\s+\w+){0,3}\s*$", text[: floor.start()], re.I)
    ):  # "must not have received prior systemic therapy for metastatic breast cancer, except
        # for their current line of therapy" (NCT03723928): no earlier line, an ongoing one allowed
        lo, hi, done, at = None, 0, True, floor.start()
        return _lines(lo, hi, None, text, at, done)
    during = DURING_FIRST.search(text)
    if during and PROGRESSION_BEFORE.search(text[max(0, during.start() - 30) : during.start()]):
        during = None  # "progression during first-line therapy" is about a past line
    planned = PLANNED_LINE.search(text) or PLANNED_AFTER.search(text)
    if planned and PROGRESSION_BEFORE.search(text[max(0, planned.start() - 30) : planned.start()]):
        planned = None
    if during and lo is None:  # stricter than a count of prior lines: none may have ended
        hi, done, at = 0, True, during.start()
    elif planned and lo is None and hi is None:
        hi, done, at = (1 if planned.groupdict().get("second") else 0), True, planned.start()
        # the drugs named are those of the coming line, not of earlier ones; but "first or
        # second line chemotherapy" numbers chemotherapy lines, so hormone lines before it do
        # not count
        cls = "chemotherapy" if CHEMO_LINE.match(text, planned.end()) else None
        # the plan is the doctor's, but lines already finished settle which line comes next
        return {**_lines(lo, hi, cls, text, at, done), "settled": True}
    elif lo is None and hi is None and (first := FIRST_LINE.search(text)):
        hi = 0
        at = first.start()
    if lo is None and hi is None:
        return None
    # (review: the line going on now counts when the latest scan shows growth on it; line_count)
    return {**_lines(lo, hi, cls, text, at, done or bridging), **({"grown": True} if grown else {})}


_METASTATIC_COUNT = re.compile(r"\blines?\b|progress|refractor|resist|fail|relaps", re.I)


def _bracket_at(text: str, at: int | None) -> str | None:
    """The words of the bracket that holds position ``at`` ("... refractory to endocrine therapy
    (progression on at least one line of endocrine therapy and ...)"), None outside one."""
    if at is None or at < 0:
        return None
    opened = text.rfind("(", 0, at)
    if opened < 0 or ")" in text[opened:at]:
        return None
    closed = text.find(")", at)
    return text[opened + 1 : closed if closed >= 0 else len(text)]


def _lines(lo, hi, cls, text: str, at, done: bool = False) -> dict:
    # a count inside a bracket takes its setting from the bracket: the disease the sentence
    # names around it ("... recurrent or metastatic breast cancer that is refractory to
    # endocrine therapy (progression on at least one line of endocrine therapy ...)",
    # NCT06745804: session 33, tuning set 90) is whom the rule is for, not where the line was
    own = _bracket_at(text, at)
    # ... when the bracket names a setting itself, or spells out a resistance the words before
    # it name ("refractory to endocrine therapy (progression on ...)"); otherwise the sentence's
    # setting stands ("Metastatic breast cancer previously treated (no more than 1 prior line
    # ...)": first review)
    scope = (
        own
        if own is not None
        and (
            METASTATIC_SCOPE.search(own)
            or re.search(
                r"\b(?:refractory|resistant|resistance)\s+to\b[^()]*\([^()]*$", text[:at], re.I
            )
        )
        else text
    )
    return {
        "type": "lines",
        "min": lo,
        "max": hi,
        "chemo": cls == "chemotherapy",
        "class": cls,
        "metastatic": bool(METASTATIC_SCOPE.search(scope) or PALLIATIVE_ONLY.search(scope)),
        # "Subject must have received >= 1 prior treatment regimen" may count treatment before
        # the spread; "lines", or regimens the cancer grew after, are counted in the
        # metastatic setting (NCT01929941; NCT06268652, NCT07311993)
        "early_may_count": not _METASTATIC_COUNT.search(text),
        # "≥1 prior lines of chemotherapy/adjuvant in the recurrent or metastatic setting"
        # (NCT06331169): the count names treatment before the spread, which may count
        "at": at,
        # a limit on chemotherapy regimens that does not name ADCs counts a cytotoxic-payload
        # ADC (T-DXd, sacituzumab govitecan) as a chemotherapy-containing regimen
        "adc_named": bool(_ADC.search(text)),
        **({"done": True} if done else {}),  # count lines that have ended only
    }
