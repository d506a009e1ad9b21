"""How an exclusion's words about another health problem are read into a check (at sync), and
how a record entry's own words are read (a doubt, a transplant's donor): the reading half of
health_problems.py, which judges the checks against the record.

Each problem an exclusion names gives one check: whether it asks for a history, an active or
uncontrolled problem, a window and what it is counted from (its anchor), a NYHA class, the kinds
an exception lets in (skin cancer kinds, in situ organs), a transplant's donor type; a problem
said of another person, a test that is not required and total bilirubin ("TB") read no check.
"""

from __future__ import annotations

import re

from mbcnav.trials.health_problem_data import Problem, load, wording

_SENTENCE_END = re.compile(r"[.;](?=\s|$)|\n")
# where a mention's own clause ends: a comma, a bracket, a colon, "or", "and"
_CLAUSE_END = re.compile(r"[,;:()\[\]\n]|\.(?=\s|$)|\b(?:or|and|and/or)\b", re.I)
# "(HIV testing is not required)": how it is checked, not what is excluded
_NO_TEST = re.compile(
    r"\(?[^.;(),]*\b(?:testing|screening|tests?)\b[^.;()]*?\bnot\s+(?:be\s+)?"
    r"(?:required|mandatory|necessary|needed)\b[^.;()]*\)?",
    re.I,
)
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "twelve": 12,
}  # fmt: skip
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NYHA_CLASS = re.compile(
    r"(?:nyha|new\s+york\s+heart\s+association)\s*(?:\[?\(?nyha\)?\]?\s*)?(?:functional\s+)?"
    r"(?:class(?:ification)?\s*)?(?:of\s*)?(?:(≥|>=|>|greater\s+than\s+or\s+equal\s+to)\s*)?"
    r"(?:class\s*)?(iv|iii|ii|i|[1-4])\b"
    # "Congestive heart failure >class II New York Heart Association (NYHA)" (NCT01724606)
    r"|(≥|>=|>)?\s*\bclass\s*(iv|iii|ii|i|[1-4])\s*\(?(?:nyha|new\s+york\s+heart\s+association)",
    re.I,
)


def _months(m: re.Match) -> int | None:
    groups = m.groups()
    num, unit = next(
        (groups[i], groups[i + 1]) for i in range(0, len(groups), 2) if groups[i] is not None
    )
    n = int(num) if num.isdigit() else _NUMBERS.get(num.lower())
    if n is None:
        return None
    unit = unit.lower()
    if unit.startswith("year"):
        return n * 12
    if unit.startswith("month"):
        return n
    return max(1, n // 4) if unit.startswith("week") else 1


def _bounds(text: str, start: int, end: int, rx: re.Pattern) -> tuple[int, int]:
    a = max((m.end() for m in rx.finditer(text, 0, start)), default=0)
    m = rx.search(text, end)
    return a, (m.start() if m else len(text))


def _nyha_min(sentence: str) -> int | None:
    m = _NYHA_CLASS.search(sentence)
    if not m:
        return None
    sign, number = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
    low = ROMAN[number.lower()]
    return low + 1 if sign == ">" else low


_AMOUNT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(?:\(\d+\)\s*)?"
    r"(?:years?|months?|weeks?)\b",
    re.I,
)
_ANCHOR_WORD = re.compile(
    r"\s*(?:\(\d+\)\s*)?,?\s*(?:(prior\s+to|before|preceding)|of|from|since|after|following)\b"
    r"([^.;]{0,100})",
    re.I,
)
_FIRST_DIAGNOSIS = re.compile(
    r"^\W*(?:the\s+)?(?:(?:initial|first|primary|original)\s+(?:breast\s+cancer\s+)?diagnosis"
    r"|diagnosis\s+of\s+(?:the\s+)?(?:primary\s+|early\s+|initial\s+)?breast\s+cancer)\b",
    re.I,
)


def _anchor(text: str, window: re.Match | None) -> str:
    return _anchor_span(text, window)[0]


def _anchor_span(text: str, window: re.Match | None) -> tuple[str, int]:
    """What a window is counted back from: "today" (none said, or enrolment, randomisation, the
    first dose, study entry), "metastatic" or "first" (a diagnosis the record dates, only after
    "prior to / before"), else "other" (the window can then only leave the check open)."""
    if window is None:
        return "today", -1
    m = _ANCHOR_WORD.match(text, window.end())
    if not m:
        return "today", window.end()
    tail = m.group(2)
    lead = re.match(r"^\W*(?:the\s+)?", tail)
    meta = wording("anchor_metastatic").match(tail, lead.end() if lead else 0)
    if meta:
        return ("metastatic" if m.group(1) else "other"), m.start(2) + meta.end()
    first = _FIRST_DIAGNOSIS.match(tail)
    if first:
        return ("first" if m.group(1) else "other"), m.start(2) + first.end()
    head = re.match(r"\W*(?:\S+\s*){1,4}", tail)
    today = wording("anchor_today").search(head.group(0)) if head else None
    if today:
        more = re.compile(
            r"(?:\s+(?:of|with|on|in)\s+(?:the\s+)?(?:study|trial|investigational|protocol)"
            r"(?:\s+(?:treatment|drug|therapy|medication|intervention|product))?)?",
            re.I,
        ).match(tail, today.end())
        return "today", m.start(2) + (more.end() if more else today.end())
    return "other", window.end()


def _foreign_time(sentence: str, window: re.Match | None) -> bool:
    """A time amount ("3 years", "6 months") the window does not hold: another time limit."""
    span = window.span() if window else (-1, -1)
    return any(not (span[0] <= m.start() < span[1]) for m in _AMOUNT.finditer(sentence))


def _in_situ_organs(rest: str) -> list[str]:
    """The organ words right beside "in situ" in an exception ("carcinoma in situ of the cervix",
    "melanoma in situ"); "any" when an in situ part names no organ ("carcinoma in situ")."""
    out: list[str] = []
    for part in re.split(r"[,;()]|\bor\b|\band\b|/", rest, flags=re.I):
        if not wording("in_situ_exception").search(part):
            continue
        words = {
            w[:5]
            for w in re.findall(r"[a-z]{4,}", part.lower())
            if w[:5] not in {"carci", "situ", "cance", "malig", "tumor", "tumou", "with", "that",
                             "adequ", "treat", "resec", "excis", "local", "ized", "those",
                             "which", "have", "been", "exce", "excep", "other", "than"}
        }  # fmt: skip
        if words:
            out.extend(sorted(words))
        else:
            out.append("any carcinoma" if re.search(r"carcinoma", part, re.I) else "any")
    return out


def _skin_kinds(rest: str) -> list[str]:
    """The kinds of skin cancer an exception lets in: basal, squamous, or "all" (a skin cancer
    or non-melanoma skin cancer said without its kind)."""
    kinds = set()
    if re.search(r"\bbasal\b", rest, re.I):
        kinds.add("basal")
    if re.search(r"\bsquamous\b", rest, re.I):
        kinds.add("squamous")
    if re.search(r"non-?\s?melanoma(?:tous)?\b", rest, re.I) or (
        not kinds
        and re.search(r"\b(?:skin|cutaneous)\s+(?:cancers?|carcinomas?|malignanc\w*)", rest, re.I)
    ):
        kinds.add("all")
    return sorted(kinds)


def _kind_timed(rest: str) -> bool:
    """Whether the skin or in situ kinds an exception names are let in only after a time ("basal
    cell carcinoma ... until 3 years prior", "cervical carcinoma in situ were eligible if it had
    been at least 3 years"): a time amount in the kind's own list item, or in an "if" /
    "provided" clause right after it. A time said of another item ("or any other cancer treated
    more than 5 years ago") is not the kind's."""
    kind_rx = re.compile(
        wording("skin_exception").pattern + "|" + wording("in_situ_exception").pattern, re.I
    )
    for part in re.split(r"[.;](?=\s|$)|\n", rest):
        kinds = list(kind_rx.finditer(part))
        for amount in _AMOUNT.finditer(part):
            for k in kinds:
                if k.start() < amount.start():
                    between = part[k.end() : amount.start()]
                else:
                    between = part[amount.end() : k.start()]
                if not re.search(r"[,;()]|\bor\b|\band\b|\bother\b|\bany\b", between, re.I):
                    return True
                if (
                    k.start() < amount.start()
                    and re.search(r"\b(?:if|provided|when|as\s+long\s+as)\b", between, re.I)
                    and not re.search(
                        r"\(\w+\)|\bother\b|\bany\b|malignan|cancer|tumou?r|carcinoma|neoplas",
                        between,
                        re.I,
                    )
                ):
                    return True
    return False


def _cancer_check(text: str, at: int, sentence: str, own: str) -> dict:
    """Another cancer: its window, what the exception lets in, whether it is open."""
    check: dict = {"type": "health_problem", "value": "another cancer", "at": at, "neg": False}
    plain = wording("this_cancer").sub(" ", sentence)
    window = wording("window").search(plain)
    check["window_months"] = _months(window) if window else None
    check["anchor"], anchor_end = _anchor_span(plain, window)
    if window and anchor_end > window.end():  # "prior to diagnosis of metastatic disease"
        plain = plain[: window.end()] + " " * (anchor_end - window.end()) + plain[anchor_end:]
    check["history"] = bool(wording("history").search(plain))
    check["active"] = bool(wording("active").search(own))
    # the exception may follow in a sentence of its own ("History of prior malignancy. However,
    # subjects who had been disease-free for 5 years ... are eligible")
    after = wording("this_cancer").sub(" ", text[at:])
    exc = wording("exception").search(after)
    # an exception anywhere after the mention: its words may come before the word that makes it
    # one ("subjects who had been disease-free for 5 years ... are eligible")
    rest = after if exc else ""
    check["except_words"] = sorted(
        {w[:5] for w in re.findall(r"[a-z]{4,}", rest.lower())} - {"cance", "carci", "malig"}
    )
    check["except_skin"] = bool(rest and wording("skin_exception").search(rest))
    check["except_skin_kinds"] = _skin_kinds(rest) if check["except_skin"] else []
    check["except_in_situ"] = bool(rest and wording("in_situ_exception").search(rest))
    check["except_in_situ_organs"] = _in_situ_organs(rest) if check["except_in_situ"] else []
    # ... or an exception that goes on to another group of cancers ("or any other malignancy
    # with minimal risk"): read only in part, it may take in any kind
    check["except_broad"] = bool(rest and wording("broad_exception").search(rest)) or bool(
        exc
        and re.search(
            r"\b(?:any|other|another)\b[^.;]{0,40}?\b(?:cancers?|malignan\w*|tumou?rs?|neoplas\w*)",
            after[exc.end() :],
            re.I,
        )
    )
    check["excepted"] = bool(exc)
    # "... are eligible if it had been at least 3 years since": the excepted kinds only after a
    # time the record may not show: an excepted kind is then no "no"
    check["except_time"] = bool(exc) and _kind_timed(after[exc.start() :])
    first = wording("exception").search(plain)
    before = plain[: first.start()] if first else plain
    # an exception whose kinds are not read ("with exceptions", "unless approved") may let in
    # any kind; a time amount the window does not hold ("until 3 years prior to ...") is another
    # time limit: both leave the check open, yes and no
    unread = bool(exc) and not (
        check["except_skin"] or check["except_in_situ"] or check["except_broad"]
    )
    check["other_time"] = _foreign_time(plain, window)
    # ... one before the exception is a limit of the exclusion itself: no "no" from the window
    # either (one inside the exception only lets more in: "PSA < 1 on 2 evaluations 3 months
    # apart")
    check["rule_time"] = _foreign_time(before, window)
    check["blocked"] = (
        bool(wording("cancer_open").search(before))
        or unread
        or check["other_time"]
        or check["anchor"] == "other"
    )
    return check


#: The kinds of diabetes as criteria and records write them ("insulin-dependent" is not one: a
#: criterion often means "needing insulin", which type 2 may too: first review)
_TYPE_1 = r"\btype\s*(?:1|i)\b|\bt1dm?\b|\bjuvenile\b"
_TYPE_2 = r"\btype\s*(?:2|ii)\b|\bt2dm?\b|\bnon[- ]insulin[- ]dependent\b|\bniddm\b"
#: "insulin-dependent", "IDDM", "requiring insulin": a need for insulin, which type 1 always has
#: and type 2 may (final review)
INSULIN = re.compile(
    r"(?<!non-)(?<!non )\binsulin[- ](?:dependent|requiring|treated)\b|\biddm\b|"
    r"\b(?:requir\w*|need\w*|on|using|takes?|taking)\s+insulin\b|\binsulin\b",
    re.I,
)
_DIABETES_KIND = re.compile(rf"{_TYPE_2}|{_TYPE_1}", re.I)
#: "type I or II", "type 1/2", "Type 1 or type 2": both kinds
_KIND_LIST = re.compile(
    r"\btype\s*(?:1|i|2|ii)\s*(?:,|/|or|and|and/or)\s*(?:(?:[\w-]+\s+){0,2}type\s*|type\s*)?"
    r"(?:1|i|2|ii)\b",
    re.I,
)


def diabetes_kinds(words: str) -> set[str]:
    """The kinds of diabetes the words name: {"type 1"}, {"type 2"}, both or none."""
    low = words.lower()
    both = any(
        re.search(r"(?:1|i)\b", m.group(0)) and re.search(r"(?:2|ii)\b", m.group(0))
        for m in _KIND_LIST.finditer(low)
    )
    out = {"type 1", "type 2"} if both else set()
    if re.search(_TYPE_2, low, re.I):
        out.add("type 2")
    if re.search(_TYPE_1, low, re.I):
        out.add("type 1")
    return out


def donor_kind(words: str) -> str:
    """Whose cells or organ a transplant used: "allogeneic" (a donor's), "autologous" (one's
    own), or "" when not said."""
    if re.search(r"\bautolog\w*|\bauto-?\s?(?:sct|hsct|transplant\w*)", words, re.I):
        return "autologous"
    if re.search(r"allogene?ic|allograft|\ballo-?\s?(?:sct|hsct|transplant\w*)", words, re.I):
        return "allogeneic"
    return ""


def _without_later_prefixes(p: Problem, text: str, a: int, b: int, cb: int) -> str:
    """The sentence (text[a:b]) with the words blanked that open a later item of its list
    naming another problem: "Known HIV infection or chronic hepatitis B or C" (NCT01724606, set
    91): "chronic" is said of hepatitis, not of HIV; words after the last item stay, as they
    may be said of every item ("HIV or hepatitis B requiring treatment")."""
    scan = text[a:b]
    for q in load().problems:
        if q.term == p.term:
            continue
        for x in q.rx.finditer(text, cb, b):
            qa, _ = _bounds(text, x.start(), x.end(), _CLAUSE_END)
            if qa >= cb:
                scan = scan[: qa - a] + " " * (x.start() - qa) + scan[x.start() - a :]
    return scan


#: "HIV-positive patients on combination antiretroviral therapy are ineligible" (NCT01246102):
#: the treatment is what the rule names, which a record of HIV on treatment settles (session 38)
#: ... not said with a denial before it ("not currently on antiretroviral therapy") nor a further
#: limit after it ("... with drug interactions with study drug", "for less than 4 weeks": review)
_ART_DENIED = re.compile(r"\b(?:not|non|no|without|never)\b[\w\s-]{0,25}$", re.I)
_ART_ENDS = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:[.;]|$|(?:are|is|will\s+be)\s+(?:ineligible|excluded|not\s+eligible)\b)",
    re.I,
)
_ON_ART = re.compile(
    r"(?<!\bnot\s)\b(?:on|receiving|taking|requiring|treated\s+with)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:anti-?retroviral\w*|c?art\b|haart\b)(?:\s+(?:therapy|treatment|drugs?|medications?))?",
    re.I,
)


def _check(p: Problem, text: str, m: re.Match) -> dict | None:
    a, b = _bounds(text, m.start(), m.end(), _SENTENCE_END)
    sentence = text[a:b]
    ca, cb = _bounds(text, m.start(), m.end(), _CLAUSE_END)
    own = text[ca:cb]
    if p.term == "another cancer":
        return _cancer_check(text, m.start(), sentence, own)
    # "... (HIV) infection that is not well controlled": a clause that says what it is like
    tail = re.sub(r"\([^()]*\)", " ", text[m.end() : b])
    rel = re.match(
        r"[\s)\]]*(?:infection|disease|virus|disorder)?\s*(?:that|which)\b[^,;]*", tail, re.I
    )
    if rel:
        own = own + " " + rel.group(0)
    stem = text[a:ca]
    rest_of_sentence = text[a:ca] + " " + text[cb:b]
    check: dict = {"type": "health_problem", "value": p.term, "at": m.start(), "neg": False}
    # a stem's "History of" is said of the list from where it begins; an item with its own
    # "active" / "uncontrolled" after another item ("History of MI, or active hepatitis B") is
    # not a history
    starts = [
        x.start() for q in load().problems if (x := q.rx.search(text, a, m.start())) is not None
    ]
    list_start = min(starts, default=m.start())
    own_qualified = bool(wording("active").search(own) or wording("uncontrolled").search(own))
    stem_history = bool(wording("history").search(text[a:list_start])) and not (
        list_start < m.start() and own_qualified
    )
    check["history"] = bool(wording("history").search(own) or stem_history)
    check["active"] = bool(wording("active").search(own))
    check["uncontrolled"] = bool(wording("uncontrolled").search(own))
    check["stem_active"] = bool(
        wording("active").search(stem) or wording("uncontrolled").search(stem)
    )
    # "Uncontrolled intercurrent illness including ... diabetes": the list's "uncontrolled"
    check["stem_uncontrolled"] = bool(wording("uncontrolled").search(stem))
    # "within 6 months" in the clause, or after it in the sentence ("Stroke or myocardial
    # infarction within 6 months": the window of both); one before the mention is another's
    # ... but only when nothing separates them (no comma: "Stroke, or MI within 6 months") and
    # the item has no qualifier of its own (a history, "active"): else the window stays with
    # the last item and this one stays open (the window is still in the rest of the sentence)
    window = wording("window").search(own)
    if window is None and (later := wording("window").search(text, cb, b)):
        gap = text[cb : later.start()]
        if not (re.search(r"[,;:]", gap) or own_qualified or check["history"]):
            window = later
    check["window_months"] = _months(window) if window else None
    check["anchor"], anchor_end = _anchor_span(text, window)
    nyha = _nyha_min(sentence) if p.term == "heart failure" else None
    check["nyha"] = nyha
    scan = _without_later_prefixes(p, text, a, b, cb)
    if p.term == "diabetes":
        # "Type 2 diabetes requiring ...; or any history of Type 1 diabetes" (NCT05894239), "type
        # I diabetes or not controlled type II" (NCT05631795): the kind each mention names, and
        # kinds the sentence names beside it; a kind read is no qualifier left open
        near = text[max(ca, m.start() - 25) : min(cb, m.end() + 25)]
        own_kinds = diabetes_kinds(near)
        # a list of kinds before the mention is one list: "type I or II", "Type 1 or type 2
        # diabetes" (first review; the clause ends at "or")
        if listed := _KIND_LIST.search(text[max(a, m.start() - 40) : m.end() + 25]):
            own_kinds |= diabetes_kinds(listed.group(0))
        check["kinds"] = sorted(own_kinds)
        # "requiring insulin" beside a kind ("insulin-requiring type 2") narrows that kind
        check["insulin"] = bool(INSULIN.search(near))
        check["other_kinds"] = sorted(diabetes_kinds(sentence) - own_kinds)
        scan = INSULIN.sub(" ", _DIABETES_KIND.sub(" ", scan))
    art = _ON_ART.search(scan) if p.term == "hiv" else None
    if (
        art
        and not _ART_DENIED.search(scan[max(0, art.start() - 30) : art.start()])
        and _ART_ENDS.match(scan[art.end() :])
    ):
        check["on_art"] = True
        scan = scan[: art.start()] + " " * (art.end() - art.start()) + scan[art.end() :]
    if nyha is not None:
        scan = _NYHA_CLASS.sub(" ", scan)
        scan = wording("nyha").sub(" ", scan)
    if window:
        scan = scan.replace(text[window.start() : max(anchor_end, window.end())], " ")
    exception = wording("exception").search(text, m.start()) or wording("exception").search(
        sentence
    )
    check["excepted"] = bool(exception)
    # "cerebrovascular accident including transient ischemic attacks": the criterion itself
    # names the kind the `unsure` words hold, so that kind is what it excludes
    check["names_unsure"] = bool(p.unsure and p.unsure.search(sentence) and not exception)
    if p.term == "hiv" and exception:
        after = text[_bounds(text, exception.start(), exception.end(), _SENTENCE_END)[0] :]
        # ... and asks nothing else the record cannot show (a CD4 count, weeks on treatment:
        # "stable on anti-retroviral therapy for >=4 weeks, have a CD4 count >=350", NCT05296798)
        check["lets_in_controlled_hiv"] = bool(
            wording("hiv_controlled").search(after)
            and wording("hiv_treated").search(after)
            and not re.search(
                r"\bcd4\b|\bweeks?\b|\bmonths?\b|\bcount\b|opportunistic|aids", after, re.I
            )
        )
    check["blocked"] = bool(
        check["anchor"] != "today"
        or wording("open").search(scan)
        or wording("window").search(
            rest_of_sentence.replace(window.group(0), " ") if window else rest_of_sentence
        )
        or exception
    )
    if p.term == "organ transplant":
        check["donor"] = donor_kind(own)
        check["transplant"] = (
            "stem cell"
            if re.search(r"stem[- ]cell|bone\s+marrow|allogene?ic|hematopoietic", own, re.I)
            else "organ"
            if re.search(r"\borgan\b|kidney|renal|liver|heart|lung", own, re.I)
            else ""
        )
    return check


def _someone_else(text: str, m: re.Match) -> bool:
    """Whether the problem is said of another person (a relative, a contact, a partner, "a
    person with"), or of a vaccination: no check on the person then."""
    a = _bounds(text, m.start(), m.end(), _SENTENCE_END)[0]
    near = text[max(a, m.start() - 120) : m.end() + 30]
    return bool(wording("other_person").search(near))


def _a_lab(p: Problem, text: str, m: re.Match) -> bool:
    """ "TB > 1.5 x ULN": total bilirubin, not tuberculosis."""
    if p.term != "tuberculosis" or m.group(0).lower() != "tb":
        return False
    a, b = _bounds(text, m.start(), m.end(), _SENTENCE_END)
    ca, cb = _bounds(text, m.start(), m.end(), re.compile(r"[,;:]|\.(?=\s|$)"))
    return bool(
        re.search(r"[<>≤≥]|\buln\b|mg/dl|µmol|umol|bilirubin", text[max(a, ca) : min(b, cb)], re.I)
    )


#: an inclusion that opens by denying a problem ("No chronic heart failure", NCT00003454: session
#: 37, last session's held-out set 100, read; "Without active hepatitis B", "Absence of
#: interstitial lung disease", "Adequate cardiac function: no heart failure"): the rule an
#: exclusion naming the problem makes, the check's answer turned round (``neg``)
_INCLUSION_DENIAL = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:(?:patients?|participants?|subjects?)\s+(?:must\s+)?"
    r"(?:have|has|with)\s+)?(?:no|without|absence\s+of|free\s+of|(?:must|does|do)\s+not\s+have)\s+"
    # only words that say which problem (not "Without regard to HIV status", "No restriction
    # regarding ...", "No decompensated heart failure": review)
    r"(?:(?:known|history|a|of|prior|previous|past|current|active|chronic|symptomatic|"
    r"uncontrolled|clinically|significant|severe|serious|evidence|diagnosis|congestive|"
    r"documented|any|other|the)\s+){0,5}$",
    re.I,
)


def _denied_by_inclusion(text: str, m: re.Match) -> bool:
    """Whether an inclusion's clause opens with a denial of the problem at ``m``."""
    start = max(text.rfind(c, 0, m.start()) for c in ".;:\n") + 1
    # not the problem's status or a rule about it ("Without any HIV restriction": final review)
    after = re.match(
        r"\W*(?:status|restrictions?|testing|tests?|screening|requirements?|serology|limits?)\b",
        text[m.end() : m.end() + 24],
        re.I,
    )
    return bool(_INCLUSION_DENIAL.match(text[start : m.start()])) and not after


def checks(text: str, kind: str) -> list[dict]:
    """One check per problem an exclusion criterion names (its first mention; the others add
    their exceptions and qualifiers), or an inclusion denies ("No chronic heart failure": the
    check turned round)."""
    if kind not in ("exclusion", "inclusion"):
        return []
    plain = _NO_TEST.sub(lambda m: " " * len(m.group(0)), text)  # positions kept
    out = []
    for p in load().problems:
        found = [
            {**c, "neg": True} if kind == "inclusion" else c
            for m in p.rx.finditer(plain)
            if not _someone_else(plain, m)
            and not _a_lab(p, plain, m)
            and (kind == "exclusion" or _denied_by_inclusion(plain, m))
            and (c := _check(p, plain, m)) is not None
        ]
        if not found:
            continue
        # mentions of different kinds of diabetes are checked apart ("Type 2 diabetes requiring
        # ...; or any history of Type 1 diabetes"); otherwise one check per problem
        by_kind: dict[tuple, list[dict]] = {}
        for c in found:
            by_kind.setdefault(tuple(c.get("kinds") or ()), []).append(c)
        groups = list(by_kind.values()) if p.term == "diabetes" else [found]
        for same in groups:
            first = dict(same[0])
            for other in same[1:]:  # a second mention's qualifiers and exceptions count too
                for key in ("blocked", "excepted", "except_broad"):
                    if other.get(key):
                        first[key] = True
            out.append(first)
    return out


def doubted(e: dict) -> bool:
    """The entry's detail or note doubts or denies the problem ("suspected", "ruled out",
    "negative"): it never decides."""
    said = " ".join(str(e.get(k) or "") for k in ("detail", "note"))
    return bool(said.strip() and wording("doubt").search(said))
