"""Other health problems that exclusion criteria name (``data/health_problems.yaml``), read
against the record's ``conditions`` (issue 14).

At sync, ``checks(text, kind)`` reads each problem an exclusion names into one check kept with
the trial: ``{"type": "health_problem", "value": "hiv", "history": False, "active": False,
"uncontrolled": False, "window_months": None, "nyha": None, "blocked": False, ...}``. At match,
``holds(check, facts)`` says whether the person has the problem as the criterion describes it.

The error budget rules (docs/safety.md H174): a *yes* (the exclusion rules the person out) only
for a bare exclusion, a history, an active problem listed as active, an uncontrolled one the
detail calls so, a dated event or other cancer inside its window, or a NYHA class the detail
states; a qualifier the record cannot settle ("requiring treatment", a viral load, an
exception) leaves it open. A problem the record does not list is never proof of absence: open,
never *no*. A *no* only from what the record says: a past problem against an "active" exclusion,
a controlled one against an "uncontrolled" one, a dated event or other cancer before its window,
an excepted kind of other cancer, HIV on treatment with an undetectable viral load where the
criterion lets such people in.

Review health1: a window counts from its anchor (today unless a dated diagnosis follows "prior
to"; any other anchor leaves it open); a time limit or an exception the check cannot read leaves
another cancer open; a detail or note that doubts never decides; a problem said of another
person reads no check; a term whose record names take in a narrower kind (a TIA as stroke) never
says yes from an entry with no detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.wording import check_as_of

if TYPE_CHECKING:
    from mbcnav.trials.facts import PatientFacts

WHERE = "trials/data/health_problems.yaml"
KEYS = ("term", "name", "ask", "patterns", "unsure", "source")
WORDINGS = (
    "history",
    "active",
    "uncontrolled",
    "uncontrolled_detail",
    "past_detail",
    "window",
    "exception",
    "hiv_controlled",
    "hiv_treated",
    "open",
    "cancer_open",
    "nyha",
    "skin_exception",
    "in_situ_exception",
    "skin_kind",
    "in_situ_kind",
    "broad_exception",
    "this_cancer",
    "doubt",
    "other_person",
    "anchor_today",
    "anchor_metastatic",
)


@dataclass(frozen=True)
class Problem:
    term: str
    name: str
    ask: str
    rx: re.Pattern
    unsure: re.Pattern | None
    # the record's term also takes in words the `unsure` words name (patient/data/conditions.yaml
    # lists "TIA" as a synonym of stroke): an entry with no detail may be that kind, never a yes
    broad: bool = False


@dataclass(frozen=True)
class Data:
    problems: tuple[Problem, ...]
    words: dict[str, re.Pattern]


def _compile(where: str, raw: object) -> re.Pattern:
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) and x for x in raw):
        raise TrialsError(f"{where} must be a list of regular expressions.")
    try:
        return re.compile("|".join(f"(?:{x})" for x in raw), re.I)
    except re.error as e:
        raise TrialsError(f"{where} holds a broken regular expression ({e}).") from None


def _problem(n: int, raw: object) -> Problem:
    where = f"{WHERE}: problem {n}"
    if not isinstance(raw, dict):
        raise TrialsError(f"{where} must be a mapping.")
    for key in ("term", "name", "ask", "patterns", "source"):
        if not raw.get(key):
            raise TrialsError(f"{where} is missing the field '{key}'.")
    if unknown := set(raw) - set(KEYS):
        raise TrialsError(f"{where} has an unknown field '{sorted(unknown)[0]}'.")
    src = raw["source"]
    if not isinstance(src, dict) or not all(
        src.get(k) for k in ("publisher", "title", "url", "read")
    ):
        raise TrialsError(f"{where} needs a source with publisher, title, url and read.")
    if not str(src["url"]).startswith("https://"):
        raise TrialsError(f"{where}: the source url must be an https address.")
    for key in ("term", "name", "ask"):
        if not isinstance(raw[key], str):
            raise TrialsError(f"{where}: '{key}' must be text.")
    return Problem(
        term=raw["term"],
        name=raw["name"],
        ask=raw["ask"],
        rx=_compile(f"{where}: 'patterns'", raw["patterns"]),
        unsure=_compile(f"{where}: 'unsure'", raw["unsure"]) if "unsure" in raw else None,
    )


def validate(raw: object) -> Data:
    """The checked file; a broken one gives one sentence naming the problem and field."""
    if not isinstance(raw, dict) or not isinstance(raw.get("problems"), list):
        raise TrialsError(f"{WHERE} must hold a mapping with as_of, problems and wordings.")
    check_as_of(raw, WHERE)
    problems = tuple(_problem(n, p) for n, p in enumerate(raw["problems"], 1))
    terms = [p.term for p in problems]
    if len(set(terms)) != len(terms):
        raise TrialsError(f"{WHERE}: a term is listed twice.")
    words = raw.get("wordings")
    if not isinstance(words, dict):
        raise TrialsError(f"{WHERE} must hold 'wordings'.")
    if missing := [w for w in WORDINGS if w not in words]:
        raise TrialsError(f"{WHERE}: the wording '{missing[0]}' is missing.")
    if unknown := set(words) - set(WORDINGS):
        raise TrialsError(f"{WHERE}: the wording '{sorted(unknown)[0]}' is not known.")
    return Data(problems, {k: _compile(f"{WHERE}: wording '{k}'", words[k]) for k in WORDINGS})


def broad_names(p: Problem) -> list[str]:
    """The record's names of ``p.term`` (synonyms, label) that its ``unsure`` words match: words
    that the record reads as the term with no detail, so the detail can never show them."""
    from mbcnav.patient.conditions import vocabulary

    if p.unsure is None:
        return []
    vocab = vocabulary()
    term = vocab.by_term.get(p.term)
    if term is None:
        return []
    names = [*term.synonyms, term.label, term.term]
    return [n for n in names if p.unsure.search(n)]


@cache
def load() -> Data:
    text = resources.files("mbcnav.trials").joinpath("data/health_problems.yaml").read_text("utf-8")
    data = validate(yaml.safe_load(text))
    # load-time check: an `unsure` word the record keeps as a synonym (no detail) cannot leave
    # the check open by the detail, so every bare entry of that term stays open instead
    problems = tuple(replace(p, broad=bool(broad_names(p))) for p in data.problems)
    return Data(problems, data.words)


def _w(name: str) -> re.Pattern:
    return load().words[name]


# ------------------------------------------------------------------ parsing (at sync)

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
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
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
    low = _ROMAN[number.lower()]
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
    meta = _w("anchor_metastatic").match(tail, lead.end() if lead else 0)
    if meta:
        return ("metastatic" if m.group(1) else "other"), m.start(2) + meta.end()
    first = _FIRST_DIAGNOSIS.match(tail)
    if first:
        return ("first" if m.group(1) else "other"), m.start(2) + first.end()
    head = re.match(r"\W*(?:\S+\s*){1,4}", tail)
    today = _w("anchor_today").search(head.group(0)) if head else None
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
        if not _w("in_situ_exception").search(part):
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
    kind_rx = re.compile(_w("skin_exception").pattern + "|" + _w("in_situ_exception").pattern, re.I)
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
    plain = _w("this_cancer").sub(" ", sentence)
    window = _w("window").search(plain)
    check["window_months"] = _months(window) if window else None
    check["anchor"], anchor_end = _anchor_span(plain, window)
    if window and anchor_end > window.end():  # "prior to diagnosis of metastatic disease"
        plain = plain[: window.end()] + " " * (anchor_end - window.end()) + plain[anchor_end:]
    check["history"] = bool(_w("history").search(plain))
    check["active"] = bool(_w("active").search(own))
    # the exception may follow in a sentence of its own ("History of prior malignancy. However,
    # subjects who had been disease-free for 5 years ... are eligible")
    after = _w("this_cancer").sub(" ", text[at:])
    exc = _w("exception").search(after)
    # an exception anywhere after the mention: its words may come before the word that makes it
    # one ("subjects who had been disease-free for 5 years ... are eligible")
    rest = after if exc else ""
    check["except_words"] = sorted(
        {w[:5] for w in re.findall(r"[a-z]{4,}", rest.lower())} - {"cance", "carci", "malig"}
    )
    check["except_skin"] = bool(rest and _w("skin_exception").search(rest))
    check["except_skin_kinds"] = _skin_kinds(rest) if check["except_skin"] else []
    check["except_in_situ"] = bool(rest and _w("in_situ_exception").search(rest))
    check["except_in_situ_organs"] = _in_situ_organs(rest) if check["except_in_situ"] else []
    # ... or an exception that goes on to another group of cancers ("or any other malignancy
    # with minimal risk"): read only in part, it may take in any kind
    check["except_broad"] = bool(rest and _w("broad_exception").search(rest)) or bool(
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
    first = _w("exception").search(plain)
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
        bool(_w("cancer_open").search(before))
        or unread
        or check["other_time"]
        or check["anchor"] == "other"
    )
    return check


def _donor(words: str) -> str:
    """Whose cells or organ a transplant used: "allogeneic" (a donor's), "autologous" (one's
    own), or "" when not said."""
    if re.search(r"\bautolog\w*|\bauto-?\s?(?:sct|hsct|transplant\w*)", words, re.I):
        return "autologous"
    if re.search(r"allogene?ic|allograft|\ballo-?\s?(?:sct|hsct|transplant\w*)", words, re.I):
        return "allogeneic"
    return ""


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
    own_qualified = bool(_w("active").search(own) or _w("uncontrolled").search(own))
    stem_history = bool(_w("history").search(text[a:list_start])) and not (
        list_start < m.start() and own_qualified
    )
    check["history"] = bool(_w("history").search(own) or stem_history)
    check["active"] = bool(_w("active").search(own))
    check["uncontrolled"] = bool(_w("uncontrolled").search(own))
    check["stem_active"] = bool(_w("active").search(stem) or _w("uncontrolled").search(stem))
    # "Uncontrolled intercurrent illness including ... diabetes": the list's "uncontrolled"
    check["stem_uncontrolled"] = bool(_w("uncontrolled").search(stem))
    # "within 6 months" in the clause, or after it in the sentence ("Stroke or myocardial
    # infarction within 6 months": the window of both); one before the mention is another's
    # ... but only when nothing separates them (no comma: "Stroke, or MI within 6 months") and
    # the item has no qualifier of its own (a history, "active"): else the window stays with
    # the last item and this one stays open (the window is still in the rest of the sentence)
    window = _w("window").search(own)
    if window is None and (later := _w("window").search(text, cb, b)):
        gap = text[cb : later.start()]
        if not (re.search(r"[,;:]", gap) or own_qualified or check["history"]):
            window = later
    check["window_months"] = _months(window) if window else None
    check["anchor"], anchor_end = _anchor_span(text, window)
    nyha = _nyha_min(sentence) if p.term == "heart failure" else None
    check["nyha"] = nyha
    scan = sentence
    if nyha is not None:
        scan = _NYHA_CLASS.sub(" ", scan)
        scan = _w("nyha").sub(" ", scan)
    if window:
        scan = scan.replace(text[window.start() : max(anchor_end, window.end())], " ")
    exception = _w("exception").search(text, m.start()) or _w("exception").search(sentence)
    check["excepted"] = bool(exception)
    # "cerebrovascular accident including transient ischemic attacks": the criterion itself
    # names the kind the `unsure` words hold, so that kind is what it excludes
    check["names_unsure"] = bool(p.unsure and p.unsure.search(sentence) and not exception)
    if p.term == "hiv" and exception:
        after = text[_bounds(text, exception.start(), exception.end(), _SENTENCE_END)[0] :]
        # ... and asks nothing else the record cannot show (a CD4 count, weeks on treatment:
        # "stable on anti-retroviral therapy for >=4 weeks, have a CD4 count >=350", NCT05296798)
        check["lets_in_controlled_hiv"] = bool(
            _w("hiv_controlled").search(after)
            and _w("hiv_treated").search(after)
            and not re.search(
                r"\bcd4\b|\bweeks?\b|\bmonths?\b|\bcount\b|opportunistic|aids", after, re.I
            )
        )
    check["blocked"] = bool(
        check["anchor"] != "today"
        or _w("open").search(scan)
        or _w("window").search(
            rest_of_sentence.replace(window.group(0), " ") if window else rest_of_sentence
        )
        or exception
    )
    if p.term == "organ transplant":
        check["donor"] = _donor(own)
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
    return bool(_w("other_person").search(near))


def _a_lab(p: Problem, text: str, m: re.Match) -> bool:
    """ "TB > 1.5 x ULN": total bilirubin, not tuberculosis."""
    if p.term != "tuberculosis" or m.group(0).lower() != "tb":
        return False
    a, b = _bounds(text, m.start(), m.end(), _SENTENCE_END)
    ca, cb = _bounds(text, m.start(), m.end(), re.compile(r"[,;:]|\.(?=\s|$)"))
    return bool(
        re.search(r"[<>≤≥]|\buln\b|mg/dl|µmol|umol|bilirubin", text[max(a, ca) : min(b, cb)], re.I)
    )


def checks(text: str, kind: str) -> list[dict]:
    """One check per problem an exclusion criterion names (its first mention; the others add
    their exceptions and qualifiers)."""
    if kind != "exclusion":
        return []
    plain = _NO_TEST.sub(lambda m: " " * len(m.group(0)), text)  # positions kept
    out = []
    for p in load().problems:
        found = [
            c
            for m in p.rx.finditer(plain)
            if not _someone_else(plain, m)
            and not _a_lab(p, plain, m)
            and (c := _check(p, plain, m)) is not None
        ]
        if not found:
            continue
        first = dict(found[0])
        for other in found[1:]:  # a second mention's qualifiers and exceptions count too
            for key in ("blocked", "excepted", "except_broad"):
                if other.get(key):
                    first[key] = True
        out.append(first)
    return out


# ------------------------------------------------------------------ evaluation (at match)

_STATUS_WORDS = {"active": "active now", "controlled": "controlled", "past": "in the past"}


def _listed(p: Problem, e: dict) -> str:
    said = [x for x in (e.get("detail"), _STATUS_WORDS.get(e.get("status") or "")) if x]
    if e.get("date"):
        said.append(f"dated {e['date']}")
    return p.name + (f" ({'; '.join(said)})" if said else "")


def _months_before(day: str, as_of: str) -> float | None:
    try:
        then, now = date.fromisoformat(day), date.fromisoformat(as_of)
    except (TypeError, ValueError):
        return None
    return (now - then).days / 30.44


def _skin_covered(c: dict, kind: str) -> bool:
    """Whether the exception lets in this skin cancer: "basal" lets in a basal cell one only,
    "squamous" a squamous cell one only; a skin cancer said without its kind, only both."""
    kinds = c.get("except_skin_kinds")
    if kinds is None:  # a check kept before the kinds were read
        return False
    if "all" in kinds:
        return True
    if re.search(r"\bbasal\b", kind):
        return "basal" in kinds
    if re.search(r"\bsquamous\b", kind):
        return "squamous" in kinds
    return False


def _in_situ_covered(c: dict, kind: str) -> bool:
    """Whether the exception's "in situ" names this in situ cancer's organ (beside the words
    "in situ": "carcinoma in situ of the cervix", "melanoma in situ")."""
    organs = c.get("except_in_situ_organs") or []
    words = [w for w in re.findall(r"[a-z]{4,}", kind) if w not in {"situ"}]
    organ = words[0][:5] if words else ""
    if not organ:
        return False
    if organ in organs:
        return True
    # "carcinoma in situ" with no organ: any in situ carcinoma, not a melanoma in situ
    return "any" in organs or ("any carcinoma" in organs and organ != "melan")


def _one_cancer(c: dict, e: dict, as_of: str, anchors: dict | None = None) -> bool | None:
    kind = (e.get("detail") or "").lower()
    if not kind:
        return None  # the kind decides the exceptions: asked
    skin = bool(_w("skin_kind").search(kind))
    in_situ = bool(_w("in_situ_kind").search(kind))
    timed = bool(c.get("except_time"))
    if "melanoma" in kind and "all" in (c.get("except_skin_kinds") or []):
        return None  # "except skin cancer": often meant without melanoma; the team's call
    if skin and c.get("except_skin"):
        if "melanoma" in kind or (
            not re.search(r"\b(?:basal|squamous)\b", kind)
            and "all" not in (c.get("except_skin_kinds") or [])
        ):
            # a melanoma, or a skin cancer of no stated kind against an exception for one kind:
            # whether the exception covers it is the study team's call (last review)
            return None
        if _skin_covered(c, kind):
            return None if timed else False  # a kind the exception lets in
    if in_situ:
        if c.get("except_in_situ") and _in_situ_covered(c, kind) and not timed:
            return False  # "carcinoma in situ of the cervix" and a cervical in situ cancer
        return None
    if skin and not c.get("except_skin"):
        return None  # a skin cancer and no exception for it: is it a cancer the rule means?
    generic = {"cell", "skin", "cancer", "carcinoma"}
    if any(
        w[:5] in c.get("except_words", ())
        for w in re.findall(r"[a-z]{4,}", kind)
        if w not in generic or not skin
    ):
        return None  # the exception names this kind ("cancer of the uterine cervix")
    status = e.get("status") or "unknown"
    if c.get("active") and not c.get("history") and status == "past" and not c.get("window_months"):
        return False  # a past cancer against "concurrent / active malignancy"
    window = c.get("window_months")
    if window:
        if not e.get("date"):
            return None  # no date: asked
        anchor = c.get("anchor") or "today"
        if anchor == "other" or c.get("rule_time"):
            return None  # counted from a day the record does not show, or another time limit
        day = (anchors or {}).get(anchor, as_of) if anchor != "today" else as_of
        since = _months_before(e["date"], day or "")
        if since is None:
            return None
        if since > window + 1 and status == "past":
            return False  # over (resolved) before the window
        if since > window + 1:
            return None  # diagnosed before the window: is it still there?
        if 0 <= since <= window - 1:
            return None if (c.get("blocked") or c.get("except_broad")) else True
        return None
    if c.get("blocked") or c.get("except_broad"):
        return None
    if c.get("history"):
        return True
    if c.get("active") or status == "active":
        return True if status == "active" else None
    return None


def doubted(e: dict) -> bool:
    """The entry's detail or note doubts or denies the problem ("suspected", "ruled out",
    "negative"): it never decides."""
    said = " ".join(str(e.get(k) or "") for k in ("detail", "note"))
    return bool(said.strip() and _w("doubt").search(said))


def _one(p: Problem, c: dict, e: dict, as_of: str, anchors: dict | None = None) -> bool | None:
    if doubted(e):
        return None
    if p.term == "another cancer":
        return _one_cancer(c, e, as_of, anchors)
    found = _one_problem(p, c, e, as_of)
    detail = (e.get("detail") or "").lower()
    if (
        found
        and not c.get("names_unsure")
        and ((p.unsure and detail and p.unsure.search(detail)) or (p.broad and not detail))
    ):
        return None  # "TIA" for a stroke, latent TB for tuberculosis: not the same problem
    return found


def _one_problem(p: Problem, c: dict, e: dict, as_of: str) -> bool | None:
    status = e.get("status") or "unknown"
    detail = (e.get("detail") or "").lower()
    past = status == "past" or bool(detail and _w("past_detail").search(detail))
    narrow = (c.get("active") or c.get("uncontrolled")) and not c.get("history")
    if narrow and past:
        return False  # a past problem never meets an "active" exclusion
    if (
        c.get("uncontrolled")
        and not c.get("history")
        and not c.get("stem_active")  # "active or uncontrolled": controlled may still be active
        and status == "controlled"
    ):
        if not (detail and _w("uncontrolled_detail").search(detail)):
            return False  # a controlled problem against "uncontrolled"
    if (
        p.term == "hiv"
        and c.get("lets_in_controlled_hiv")
        and detail
        and _w("hiv_controlled").search(detail)
        and _w("hiv_treated").search(detail)
        and not re.search(r"\bnot\s+undetectable\b|\bdetectable\s+viral", detail)
    ):
        return False  # the criterion lets in HIV on treatment with an undetectable viral load
    window = c.get("window_months")
    if window and not c.get("blocked") and p.term in {"heart attack", "stroke"}:
        since = _months_before(e.get("date") or "", as_of)
        if since is None:
            return None
        if since > window + 1:
            return False  # the event was before the window
        return True if 0 <= since <= window - 1 else None
    if c.get("blocked") or window or (p.unsure and detail and p.unsure.search(detail)):
        return None
    if p.term == "organ transplant" and c.get("donor"):
        donor = _donor(detail)
        if donor and donor != c["donor"]:
            return False  # an autologous transplant against "allogeneic transplant"
        if donor != c["donor"]:
            return None  # whose cells is not said
    if p.term == "organ transplant" and c.get("transplant"):
        solid = re.search(r"kidney|renal|liver|heart|lung|pancrea", detail)
        marrow = re.search(r"stem|marrow|allogene?ic|hematopoietic", detail)
        if not (
            (c["transplant"] == "organ" and solid) or (c["transplant"] == "stem cell" and marrow)
        ):
            return None
    if c.get("nyha") is not None:
        m = re.search(r"nyha\s*(?:class\s*)?(iv|iii|ii|i|[1-4])\b", detail)
        return True if m and _ROMAN[m.group(1)] >= c["nyha"] else None
    if c.get("uncontrolled") or c.get("stem_uncontrolled"):
        return True if detail and _w("uncontrolled_detail").search(detail) else None
    if c.get("active") or c.get("stem_active"):
        return True if status == "active" and not past else None
    if c.get("history"):
        return True
    return None if past else True


def holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the person has the problem the exclusion names, why, and what would settle it."""
    p = next((x for x in load().problems if x.term == c["value"]), None)
    if p is None:
        return None, "Not checked automatically.", ""
    ask = f"The study team will ask about {p.ask}."
    entries = [e for e in f.condition_entries if e.get("term") == p.term]
    if not entries:
        if f.condition_entries:
            return None, f"Your record does not list {p.name}; that does not rule it out.", ask
        return None, f"Your record does not say whether you have {p.name}.", ask
    anchors = {"metastatic": f.diagnosed_on, "first": f.first_diagnosed_on}
    found = [_one(p, c, e, f.as_of, anchors) for e in entries]
    said = "; ".join(_listed(p, e) for e in entries)
    if True in found:
        e = entries[found.index(True)]
        return True, f"Your record lists {_listed(p, e)}.", ""
    if found and all(v is False for v in found):
        return False, f"Your record lists {said}, which this rule does not exclude.", ""
    return (
        None,
        f"Your record lists {said}; whether it is what this rule describes is for the study team.",
        ask,
    )
