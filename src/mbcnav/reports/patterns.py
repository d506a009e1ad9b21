"""Load and check ``data/patterns.yaml``: every pattern has a name, a known field and reader,
a regular expression that compiles, the contexts that set it aside, and at least one test."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .errors import ReportError
from .readers import READERS
from .segment import KINDS, spaces

#: The facts a report can give, by group (the benchmark counts by these groups).
FIELDS = {
    "receptors": ("er", "er_percent", "er_intensity", "pr", "pr_percent", "pr_intensity",
                  "her2_ihc", "her2_ish", "her2_ratio"),
    "pathology": ("ki67_percent", "grade", "histology"),
    "genomics": ("variants", "amplifications", "pd_l1", "tmb", "msi"),
    "imaging": ("sites", "response", "new_lesion"),
}  # fmt: skip
GROUP_OF = {f: g for g, fs in FIELDS.items() for f in fs}
#: Fields that hold a list (one fact per item); the others hold one value.
LISTS = ("variants", "amplifications", "sites")
REPORT_KINDS = ("pathology", "biomarker", "imaging")
WHERE = "reports/data/patterns.yaml"


@dataclass(frozen=True)
class Pattern:
    name: str
    field: str
    group: str
    kinds: tuple[str, ...]
    rx: re.Pattern
    reader: str
    drop_when: tuple[str, ...]
    value: object
    tests: tuple[dict, ...]


def _fail(message: str):
    raise ReportError(f"{WHERE}: {message}")


def _compile(name: str, text: str, case: bool) -> re.Pattern:
    try:
        return re.compile(spaces(text), 0 if case else re.I)
    except re.error as err:
        _fail(f"pattern {name}: the regular expression does not compile ({err}).")


@cache
def data() -> dict:
    text = resources.files("mbcnav.reports").joinpath("data/patterns.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict) or not raw.get("as_of") or not raw.get("source"):
        _fail("needs as_of, source, patterns, sites and statuses.")
    return raw


@cache
def patterns() -> tuple[Pattern, ...]:
    out, names = [], set()
    for i, p in enumerate(data().get("patterns") or []):
        name = p.get("name") or _fail(f"pattern {i + 1} has no name.")
        if name in names:
            _fail(f"pattern {name} is written twice.")
        names.add(name)
        if p.get("field") not in GROUP_OF:
            _fail(f"pattern {name}: field {p.get('field')!r} is not one of {sorted(GROUP_OF)}.")
        if p.get("reader") not in READERS:
            _fail(f"pattern {name}: reader {p.get('reader')!r} is not one of {sorted(READERS)}.")
        kinds = tuple(p.get("kinds") or ())
        if not kinds or set(kinds) - set(REPORT_KINDS):
            _fail(f"pattern {name}: kinds must be some of {REPORT_KINDS}.")
        drop = tuple(p.get("drop_when") or ())
        if set(drop) - set(KINDS):
            _fail(f"pattern {name}: drop_when must be some of {KINDS}.")
        tests = tuple(p.get("tests") or ())
        if not tests or not all(
            isinstance(t, dict) and "text" in t and "expect" in t for t in tests
        ):
            _fail(f"pattern {name}: needs at least one test with text and expect.")
        rx = _compile(name, p.get("regex") or "", bool(p.get("case")))
        out.append(
            Pattern(
                name,
                p["field"],
                GROUP_OF[p["field"]],
                kinds,
                rx,
                p["reader"],
                drop,
                p.get("value"),
                tests,
            )
        )
    return tuple(out)


def _words(section: str) -> list[tuple[str, re.Pattern]]:
    table = data().get(section)
    if not isinstance(table, dict) or not table:
        _fail(f"the {section} table is missing.")
    out = []
    for canon, words in table.items():
        alts = "|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True))  # longest first
        out.append(
            (str(canon), _compile(f"{section}.{canon}", rf"(?<![\w-])(?:{alts})(?![\w-])", False))
        )
    return out


@cache
def sites() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(_words("sites"))


@cache
def statuses() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(_words("statuses"))


@cache
def benign() -> re.Pattern:
    text = resources.files("mbcnav.reports").joinpath("data/context.yaml").read_text("utf-8")
    words = yaml.safe_load(text).get("benign") or _fail("context.yaml: the benign list is missing.")
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{w})" for w in words) + r")(?![\w-])", re.I)
