"""Runs of numbered items written on one line, broken into one line each.

"Criteria:1. Men or women 2. Consent 3. ..." and "i. Prior chemotherapy ... ii. Prior CDK4/6
inhibitor ..." (NCT05216432): the numbers must run 1, 2, 3 ... or i, ii, iii ... (at least two in a
row), so a number inside a sentence ("ECOG 0 or 1. Age") is not taken for an item.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mbcnav.trials.lost_breaks import SECTION as _SECTION
from mbcnav.trials.lost_breaks import SECTION_NAME as _SECTION_NAME
from mbcnav.trials.lost_breaks import pdq_headings as _pdq_headings

# (also "1)Aged >= 18 years; 2) ...", a bracket with no space before a capital, as a stored web
# copy gives it: NCT06970795, session 39, held-out set 110 read after it was measured)
_NUMBER = re.compile(r"(?:(?<=\s)|(?<=:))(\d{1,2})(?:[.)]\s+(?=\S)|\)(?=[A-Z]))")
# lower-case roman numerals before a capital: "ii. Prior ...", never "vi. e." or "x) and"
_ROMAN = re.compile(r"(?:(?<=\s)|(?<=:)|^)(i{1,3}|iv|vi{0,3}|ix|x)[.)]\s+(?=[A-Z])")
_ROMAN_VALUE = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_ROMAN_VALUE |= {"ix": 9, "x": 10}
MAX_HITS = 60  # item numbers looked at on one line (the run search is quadratic in them)
_CHOICE_HEAD = re.compile(r"\b(?:either|one of|any of)\b", re.I)
_ENDS_OR = re.compile(r"\bor\s*$", re.I)


def _chain(hits: list[re.Match], value: Callable[[str], int]) -> list[re.Match]:
    """The longest run of item numbers 1, 2, 3 ... in order (earliest start on a tie)."""
    best: list[re.Match] = []
    for i, first in enumerate(hits):
        run = [first]
        for m in hits[i + 1 :]:
            if value(m.group(1)) == value(run[-1].group(1)) + 1:
                run.append(m)
        if len(run) > len(best):
            best = run
    return best


# an item number that opens a sentence: at the start, or after ". ", ": " or "; ", before a
# capital ("... Population 1 or 2. 2. At least ...": the first "2." closes a sentence)
_SENTENCE_NUMBER = re.compile(r"(?:^|(?<=[.:;])\s+|(?<=[.:;]))\s*(\d{1,2})[.)]\s+(?=[A-Z])")


def _numbered_over_stars(line: str) -> list[str]:
    """The line cut at a run of item numbers (1, 2, ...) that each open a sentence, when a
    markdown bullet "*" sits inside the run: the numbers hold the starred items ([] if not)."""
    hits = [m for m in _SENTENCE_NUMBER.finditer(line) if not _closes_bracket(line, m)]
    run = _chain(hits[:MAX_HITS], int)
    if len(run) < 2 or run[0].group(1) != "1":
        return []
    if not _STARS.search(line[run[0].end() : run[-1].start()]):
        return []
    cuts = [m.start(1) for m in run]
    head = line[: cuts[0]].strip()
    parts = [line[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(line)], strict=True)]
    return ([head] if head else []) + parts


def _closes_bracket(line: str, m: re.Match) -> bool:
    """ "(Treatment Group 2 and Group 3) ..." : a number closing an open bracket is not an item."""
    if not m.group(0).rstrip().endswith(")"):
        return False
    before = line[: m.start()]
    return before.count("(") > before.count(")")


def _run(line: str) -> list[re.Match]:
    """The run of arabic item numbers, else the run of roman ones that starts at "i"."""
    hits = [m for m in _NUMBER.finditer(line) if not _closes_bracket(line, m)][:MAX_HITS]
    run = _chain(hits, int)
    if len(run) >= 2:
        return run
    hits = [m for m in _ROMAN.finditer(line) if not _closes_bracket(line, m)][:MAX_HITS]
    run = _chain(hits, _ROMAN_VALUE.__getitem__)
    if len(run) < 2 or run[0].group(1) != "i":
        return []
    # "Prior therapy: i. Endocrine therapy, or ii. Chemotherapy" and "either i) ... or ii) ...":
    # options of one rule, not rules of their own
    if _CHOICE_HEAD.search(line[: run[0].start()]) or any(
        _ENDS_OR.search(line[a.start() : b.start()]) for a, b in zip(run, run[1:], strict=False)
    ):
        return []
    return run


# a bullet sign inside a line: "... in the study: • Have a histopathologically confirmed ...; •
# Have measurable disease ..." (NCT05023486, a list whose line breaks were lost); the sign is
# never prose, so two of them on one line are items, and so is one after a colon, a full stop or
# a semicolon ("... in the study: • Have initiated ...")
_INLINE_BULLET = re.compile(r"(?<=\S)\s*(?=[•●▪]\s)(?![^()]*\))")  # not inside brackets


# a list copied from a web page with its line breaks lost: "Inclusion Criteria: * Histologically
# confirmed breast cancer * Tumor that has overexpression of HER2 ... PATIENT CHARACTERISTICS: *
# Female" (NCT00043394, NCT00382018 as stored web pages give them): the markdown bullet "*"
# between spaces, two or more on a line, starts an item, and so does a section name in capitals
# ("PATIENT CHARACTERISTICS:", "PRIOR CONCURRENT THERAPY:"); a product ("2.5 * ULN", "3 * the
# ULN", "1.5 * normal": a star after a number) is one sign
_PRODUCT = r"(?!\d|(?i:uln|lln|iuln|upper|lower|normal|the\s+upper|the\s+uln|institutional)\b)"
# (a star after a number is a product unless a capitalised word follows: "ECOG 0 or 1 * Female
# participants ...", NCT02447003)
_AFTER_NUMBER = r"(?<!\d\s)|(?=\*\s+[A-Z][a-z])"
_STARS = re.compile(rf"(?:^|(?<=\s))(?:{_AFTER_NUMBER})\*\s+{_PRODUCT}(?=\S)(?![^()]*\))")
# one star is enough after a section header ("Exclusion Criteria: * Any prior therapy ...")
_HEADER_END = re.compile(rf"(?i:criteria)\s*:\s*$|^\W*{_SECTION}\s*$")
_HEADER_STAR = re.compile(rf"(?:(?i:criteria)|{_SECTION_NAME})\s*:\s+\*\s+\S")
_STAR_CUT = re.compile(
    rf"(?<=[^\s\d])\s+(?=\*\s+{_PRODUCT}\S)(?![^()]*\))|(?<=\d)\s+(?=\*\s+{_PRODUCT}[A-Z][a-z])(?![^()]*\))"
    rf"|(?<=\S)\s+(?={_SECTION})"
)


# the name of a group of items glued to the end of the item before it, as a list whose line
# breaks were lost gives it: "... in the metastatic setting For first line monotherapy (Part 1):",
# "... mTNBC. For all parts:", "Cohort B (HER2-low):"
_LEAD_IN = re.compile(
    r"(?<=\S)\s+(?P<lead>(?:For|In|Cohort|Part|Arm|Group|Module)\b[^.:;*]{0,80}:)"
    r"\s*(?:\\?-\s+(?P<item>\S.*))?$"  # "... (Part 2): \\- Has PD-L1 strong positive mTNBC"
)


# a dash list whose line breaks were lost: "- Histologically confirmed ... - Human epidermal growth
# factor receptor 2 (HER2)-positive metastatic breast cancer (MBC) - Left ventricular ..."
# (NCT00567190 as a web page gives it: set 66): a line that opens with a dash bullet and holds
# two more dashes between spaces before a capital (outside brackets) is one item per dash
_DASHES = re.compile(
    # not a range or a status ("stage I - III", "Age 18 - 75", "HER2 - Negative": review)
    r"(?<![Ss]tage)(?<![Gg]rade)(?<!HER2)(?<![Aa]ge)(?<!HR)(?<!ER)(?<!PR)"
    r"(?<=\S)\s+(?=-\s+(?!(?:I{1,3}|IV|V)[ABC]?\b)[A-Z])(?![^()]*\))"
)


def _pieces(part: str) -> list[tuple[str, str]]:
    """("item" | "lead", text) for one piece of a flattened list: the item, then any group name
    glued after it and the dashed item after that name (which may carry a name of its own)."""
    m = _LEAD_IN.search(part)
    if not m:
        return [("item", part)]
    head = part[: m.start()].strip()
    out = ([("item", head)] if head else []) + [("lead", m["lead"])]
    return out + (_pieces("- " + m["item"]) if m["item"] else [])


def inline_items(line: str, is_bullet: Callable[[str], bool]) -> list[str]:
    """``line`` broken at each item number of its run, or at each bullet sign (outside brackets)
    when it holds two or more, or one after ":", "." or ";", or at each markdown bullet "*" of a
    list whose line breaks were lost (two or more on the line, or one after a colon); the words
    before the first item stay a line of their own unless they are only a bullet
    (``is_bullet``)."""
    if len(_STARS.findall(line)) >= 2 or _HEADER_STAR.search(line):
        if numbered := _numbered_over_stars(line):
            # "1. Breast Cancer Eligibility: * Population 1: ... * Population 3: ... 2. At least
            # one target lesion ..." (NCT06745804: session 33, tuning set 90): the numbered
            # items hold the starred ones, so the numbers cut first
            return [out for part in numbered for out in inline_items(part, is_bullet)]
        indent = line[: len(line) - len(line.lstrip())]
        parts = _pdq_headings([p.strip() for p in _STAR_CUT.split(line) if p.strip()])
        # a stem before the first star ("Patients with HER2-positive disease: * prior
        # trastuzumab") keeps its items under it (second review); a header does not
        deeper = (
            "  "
            if parts[0].endswith(":") and not _HEADER_END.search(parts[0]) and len(parts) > 1
            else ""
        )
        out = []
        for k, p in enumerate(parts):
            if re.match(_SECTION, p):
                out.append("")  # a section name ends the list above it, as a blank line does
                deeper = ""
            for what, piece in _pieces(p):
                if what == "item":
                    if is_bullet(piece):
                        continue  # "* Cohort A only: * ...": the star before the group's name
                    out += _numbered(indent + (deeper if k else "") + piece, is_bullet)
                else:
                    # "... or metastatic setting For first line monotherapy (Part 1): * ..."
                    # (NCT02447003): the group the next items are for, glued to the item above;
                    # it starts a block of its own, as a blank line before it would
                    out += ["", indent + piece] if out else [indent + piece]
                    deeper = "  "
                    k = k or 1  # the items after it sit under it
        return out
    if len(re.findall(r"(?:^|\s)[•●▪]\s", line)) >= 2 or re.search(r"\S[:.;]\s*[•●▪]\s", line):
        indent = line[: len(line) - len(line.lstrip())]
        parts = [p.strip() for p in _INLINE_BULLET.split(line) if p.strip()]
        out: list[str] = []
        deeper = ""
        for p in parts:
            # "* 1. ... • Tumor must not ... 3. Age ... 4. ..." (NCT06444269): signs in place
            # of some numbers, so each piece may still hold a run of numbered items
            out += _numbered(indent + deeper + p, is_bullet)
            if p.rstrip().endswith(":"):
                # "Anticancer therapy within 4 weeks: • chemotherapy • endocrine therapy": the
                # items after a lead-in that ends with a colon are its sub-items
                deeper += "  "
        return out
    if (
        line.lstrip().startswith("- ")
        and len(_DASHES.findall(line)) >= 2
        # every piece a rule of some words, not a fragment (review)
        and all(len(p.split()) >= 4 for p in _DASHES.split(line) if p.strip())
    ):
        indent = line[: len(line) - len(line.lstrip())]
        return [
            q
            for p in _DASHES.split(line)
            if p.strip()
            for q in _numbered(indent + p.strip(), is_bullet)
        ]
    return _numbered(line, is_bullet)


def _numbered(line: str, is_bullet: Callable[[str], bool]) -> list[str]:
    """``line`` broken at each item number of its run (or whole when it has none)."""
    run = _run(line)
    if not run:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    head, parts = _cut(line, run)
    # "7. Prior ... therapy is restricted as follows: 1. No more than 2 lines ... 2. Recurrence
    # ..." (NCT04541433 as a web page gives it: set 62): a list inside an item, under it
    lines = [indent + q for p in parts for q in _nested(p)]
    if head.strip() and not is_bullet(head.strip()):
        return [head] + lines
    return lines


def _nested(part: str) -> list[str]:
    """An item, then the items of a run 1, 2, ... inside it after a colon, one level deeper."""
    run = _run(part)
    if not run or run[0].group(1) not in {"1", "i"} or ":" not in part[: run[0].start()]:
        return [part]
    head, subs = _cut(part, run)
    return [head.rstrip()] + ["  " + q for q in subs]


def _cut(line: str, run: list[re.Match]) -> tuple[str, list[str]]:
    """The words before the first item number of ``run``, and each item from its number on."""
    cuts = [m.start() for m in run]
    parts = [line[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(line)], strict=True)]
    return line[: cuts[0]], parts
