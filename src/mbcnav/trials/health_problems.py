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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from mbcnav.trials.errors import TrialsError

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
)


@dataclass(frozen=True)
class Problem:
    term: str
    name: str
    ask: str
    rx: re.Pattern
    unsure: re.Pattern | None


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
    try:
        date.fromisoformat(str(raw.get("as_of")))
    except ValueError:
        raise TrialsError(
            f"{WHERE}: as_of {raw.get('as_of')!r} is not a date (YYYY-MM-DD)."
        ) from None
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


@cache
def load() -> Data:
    text = resources.files("mbcnav.trials").joinpath("data/health_problems.yaml").read_text("utf-8")
    return validate(yaml.safe_load(text))


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


def _cancer_check(text: str, at: int, sentence: str, own: str) -> dict:
    """Another cancer: its window, what the exception lets in, whether it is open."""
    check: dict = {"type": "health_problem", "value": "another cancer", "at": at, "neg": False}
    plain = _w("this_cancer").sub(" ", sentence)
    window = _w("window").search(plain)
    check["window_months"] = _months(window) if window else None
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
    check["except_in_situ"] = bool(rest and _w("in_situ_exception").search(rest))
    check["except_broad"] = bool(rest and _w("broad_exception").search(rest))
    check["excepted"] = bool(exc)
    first = _w("exception").search(plain)
    before = plain[: first.start()] if first else plain
    check["blocked"] = bool(_w("cancer_open").search(before)) or bool(
        re.search(r"\b(?:years?|months?)\b", before) and window is None
    )
    return check


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
    check["history"] = bool(_w("history").search(own) or _w("history").search(stem))
    check["active"] = bool(_w("active").search(own))
    check["uncontrolled"] = bool(_w("uncontrolled").search(own))
    check["stem_active"] = bool(_w("active").search(stem) or _w("uncontrolled").search(stem))
    # "Uncontrolled intercurrent illness including ... diabetes": the list's "uncontrolled"
    check["stem_uncontrolled"] = bool(_w("uncontrolled").search(stem))
    # "within 6 months" in the clause, or after it in the sentence ("Stroke or myocardial
    # infarction within 6 months": the window of both); one before the mention is another's
    window = _w("window").search(own) or _w("window").search(text, cb, b)
    check["window_months"] = _months(window) if window else None
    nyha = _nyha_min(sentence) if p.term == "heart failure" else None
    check["nyha"] = nyha
    scan = sentence
    if nyha is not None:
        scan = _NYHA_CLASS.sub(" ", scan)
        scan = _w("nyha").sub(" ", scan)
    if window:
        scan = scan.replace(window.group(0), " ")
    exception = _w("exception").search(text, m.start()) or _w("exception").search(sentence)
    check["excepted"] = bool(exception)
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
        _w("open").search(scan)
        or _w("window").search(
            rest_of_sentence.replace(window.group(0), " ") if window else rest_of_sentence
        )
        or exception
    )
    if p.term == "organ transplant":
        check["transplant"] = (
            "stem cell"
            if re.search(r"stem[- ]cell|bone\s+marrow|allogene?ic|hematopoietic", own, re.I)
            else "organ"
            if re.search(r"\borgan\b|kidney|renal|liver|heart|lung", own, re.I)
            else ""
        )
    return check


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
            if not re.search(
                r"\b(?:family|relatives?|vaccin\w*|immuni[sz]\w*)\b",
                plain[max(0, m.start() - 30) : m.end() + 30],
                re.I,
            )
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


def _one_cancer(c: dict, e: dict, as_of: str) -> bool | None:
    kind = (e.get("detail") or "").lower()
    if not kind:
        return None  # the kind decides the exceptions: asked
    skin = bool(_w("skin_kind").search(kind))
    in_situ = bool(_w("in_situ_kind").search(kind))
    if skin or in_situ:
        if skin and c.get("except_skin"):
            return False  # a kind the exception lets in
        organ = re.findall(r"[a-z]{4,}", kind)
        if (
            in_situ
            and c.get("except_in_situ")
            and organ
            and organ[0] != "melanoma"  # "non-melanoma skin cancer" names no melanoma in situ
            and organ[0][:5] in c.get("except_words", ())
        ):
            return False  # "carcinoma in situ of the cervix" and a cervical in situ cancer
        return None
    if any(w[:5] in c.get("except_words", ()) for w in re.findall(r"[a-z]{4,}", kind)):
        return None  # the exception names this kind ("cancer of the uterine cervix")
    status = e.get("status") or "unknown"
    if c.get("active") and not c.get("history") and status == "past" and not c.get("window_months"):
        return False  # a past cancer against "concurrent / active malignancy"
    window = c.get("window_months")
    if window:
        if not e.get("date"):
            return None  # no date: asked
        since = _months_before(e["date"], as_of)
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


def _one(p: Problem, c: dict, e: dict, as_of: str) -> bool | None:
    if p.term == "another cancer":
        return _one_cancer(c, e, as_of)
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
            return None, f"Your record lists no {p.name}; that does not rule it out.", ask
        return None, f"Your record does not say whether you have {p.name}.", ask
    found = [_one(p, c, e, f.as_of) for e in entries]
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
