"""Options inside one criterion: checks of one kind are options of each other ("ER or PR
positive"), and a top-level "or" splits a criterion into alternatives, each the "and" of its own
checks ("ER+/HER2- or triple-negative breast cancer"). Three-valued: True, False or None."""

from __future__ import annotations

import re

from mbcnav.trials.line_checks import capital_or_parts
from mbcnav.trials.wording import rx


def _group_key(c: dict) -> str:
    """Checks of one kind in a criterion are options of each other ("ER or PR positive")."""
    sub = (
        c["value"].split("-")[0]
        if c["type"] == "receptor"
        else str(c["group"])
        if c["type"] == "lab"
        # "ER and PR both <= 1%": one limit for each receptor (receptor_percent)
        else c["value"]
        if c["type"] == "receptor_percent" and c.get("each")
        # a ceiling on lines is a limit of its own, never an option of another count ("no more
        # than 4 lines ... of which no more than 2 anti-HER2", NCT03983395)
        else f"-max-{c.get('class')}"
        if c["type"] == "lines" and c.get("min") is None and c.get("max") is not None
        else ""
    )
    return (
        c["type"]
        + sub
        + ("-partner" if c.get("partner") else "")
        # an earlier treatment allowed only after a long enough gap is a rule of its own, never
        # one way in among the treatments a criterion asks for
        + ("-gap" if c.get("allowed_if_gap") else "")
        # growth on the latest line is asked beside a count, not as an option of it (review)
        + ("-latest" if c.get("latest") and c["type"] == "lines" else "")
        + ("-neg" if c.get("neg") else "")
    )


_OR_WORD = re.compile(r"\s\b(?:or|OR)\b(?:\s|:)")  # "Either: NSCLC ...; Or: ER+ breast cancer"
_LABEL_COLON = re.compile(r"\b(?:either|or)\s*:", re.I)
# "one or more", "18 or older", "equal to or greater than": a number's range, no alternatives
_NOT_AN_OR = re.compile(
    r"\sor\s+(?:more|fewer|less|greater|higher|lower|above|below|equal|older|younger|longer|shorter)\b"
    # "must be receiving or plan to receive first-line treatment": one treatment, two tenses
    r"|\sor\s+(?:plans?|planned|planning|intends?|intending|scheduled|expected)\s+to\b"
    # "progression on or following / on or after / during or after X": one event, two times
    r"|\sor\s+(?:following|after|within|subsequent\s+to)\b"
    # "histologically or cytologically confirmed": one diagnosis, two ways to make it
    r"|\sor\s+cytologic(?:al|ally)?\b"
    # "metastatic or locally advanced breast cancer with X or Y": two stages of one disease
    r"|\sor\s+(?:locally\s+|loco-?regionally\s+)?(?:advanced|metastatic|unresectable|inoperable|recurrent)\b"
    # "TNBC or NSCLC that is relapsed or refractory" (NCT05274451: set 35): one course, two words
    r"|(?<=relapsed)\sor\s+refractory\b|(?<=refractory)\sor\s+(?:relapsed|resistant)\b"
    r"|(?<=resistant)\sor\s+refractory\b",
    re.I,
)
_NUMBER_BEFORE = re.compile(r"(?:\d|\bone|\btwo|\bthree|\bfour|\bfive|\bto|/)$", re.I)
# "triple negative invasive ductal or lobular metastatic breast cancer": the "or" joins two cell
# types (histology) of one cancer, not two alternatives of the criterion's checks
_CELL_TYPE = r"(?:ductal|lobular|mixed|metaplastic|mucinous|tubular|medullary|papillary|apocrine)"
_CELL_TYPE_BEFORE = re.compile(_CELL_TYPE + r"$", re.I)
_CELL_TYPE_AFTER = re.compile(
    r"\sor\s+(?:(?:invasive|infiltrating)\s+)?" + _CELL_TYPE + r"\b", re.I
)


def _and3(vals: list) -> bool | None:
    return False if False in vals else True if all(v is True for v in vals) else None


def _or3(vals: list) -> bool | None:
    return True if True in vals else False if all(v is False for v in vals) else None


def _joins_values(judged: list[tuple[dict, object]], at: int) -> bool:
    """ "locally advanced and unresectable or metastatic": the "or" joins two values of one
    field (the check just before it and the one just after it are of one kind), or two words
    with no check right after it, so it does not cut the criterion into alternatives."""
    before = [c for c, _ in judged if c["at"] < at]
    after = [c for c, _ in judged if c["at"] > at]
    if not before or not after:
        return False
    last = max(before, key=lambda c: c["at"])
    first = min(after, key=lambda c: c["at"])
    if first["at"] - at > 40:
        return True  # "HER2 overexpression or amplification negative ... metastatic": no option follows
    return _group_key(last).removesuffix("-neg") == _group_key(first).removesuffix("-neg")


_WAYS = re.compile(r";\s+OR\s+(?=[a-z])")
#: words that, inside one of several whole ways in, qualify that way's details ("HER2 normal
#: breast carcinoma ... with or without an underlying palpable mass"), never the rule
WAY_DETAIL = re.compile(
    r"with\s+or\s+without|regardless(?:\s+of)?|irrespective(?:\s+of)?|"
    r"not\s+(?:be\s+)?(?:required|mandatory|necessary)",
    re.I,
)


def ways_in(text: str) -> list[int]:
    """ "... with a clinical diagnosis of IBC ...; OR has histological confirmation of triple
    negative breast carcinoma ..." (NCT02411656): a semicolon and a capital "OR" before a
    lower-case word part whole ways in, however long each is. Where each way starts after the
    first (outside brackets); empty when there are none."""
    out = []
    for m in _WAYS.finditer(text):
        if text[: m.start()].count("(") == text[: m.start()].count(")"):
            out.append(m.end())
    return out


def _either_or(text: str, judged: list[tuple[dict, object]]) -> tuple[bool | None] | None:
    """ "ER+/HER2- or triple-negative breast cancer": the parts of a criterion joined by a
    top-level "or" are alternatives, each part the "and" of its own checks. Used only when
    every check sits in a part and every part holds a check; otherwise None."""
    if len(judged) < 2 or any("at" not in c for c, _ in judged):
        return None
    depth, cuts = 0, [0]
    capital: set[int] = set()  # cuts at a capital "OR"
    # ... only in one short sentence: a list of cohorts ("...; OR any other HER2+ solid tumor
    # ...", NCT05069935) keeps its own reading (twenty-second session)
    # ("Treatment naive ... and planning to undergo ... OR receiving first-line ET and
    # palbociclib ...", NCT03439735: one sentence of 225 characters; twenty-third session)
    plain_sentence = capital_or_parts(text)
    ways = ways_in(text)
    if ways:  # whole ways in: each is the "and" of its own checks, whatever "or" it holds
        cuts += ways
        capital.update(ways)
    for i, ch in enumerate(text if not ways else ""):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if (
            depth == 0
            and ch == " "
            and _OR_WORD.match(text, i)
            and not _NOT_AN_OR.match(text, i)
            and not (
                _CELL_TYPE_BEFORE.search(text[max(0, i - 12) : i])
                and _CELL_TYPE_AFTER.match(text, i)
            )
        ):
            # a capital "OR" (NCI's way of joining whole criteria: "Newly metastatic disease OR
            # progressive metastatic disease while on hormonal therapy", NCT00382018) parts a
            # one-sentence criterion, whatever checks stand beside it (twenty-second session)
            if text[i + 1 : i + 3] == "OR" and plain_sentence:
                cuts.append(i + 3)
                capital.add(i + 3)
            elif not _NUMBER_BEFORE.search(text[max(0, i - 12) : i]) and not _joins_values(
                judged, i
            ):
                cuts.append(i + 3)
    if len(cuts) < 2:
        return None
    serial = _serial_items(text, cuts)
    cuts = sorted({*cuts, *serial})
    labels = {m.end() - 1 for m in _LABEL_COLON.finditer(text)}  # "Or:" names an option
    colon = next(
        (i for i, ch in enumerate(text) if ch == ":" and i >= cuts[1] and i not in labels), -1
    )
    if colon >= 0 and any(c["at"] > colon for c, _ in judged):
        return (
            None  # "stage IV or unresectable recurrence meeting the following: ER/PR-negative ..."
        )
    bounds = list(zip(cuts, cuts[1:] + [len(text) + 1], strict=True))
    parts: list[dict[str, list]] = [{} for _ in bounds]
    shared: list = []  # the stage words before a serial list's first item hold for every item
    # ... unless other items name their own stage ("Early stage TNBC, metastatic HR-positive
    # breast cancer, or gastric cancer": each item's own; review)
    own_stage = any(c["type"] == "setting" and c["at"] >= bounds[0][1] for c, _ in judged)
    for c, holds in judged:
        if serial and not own_stage and c["type"] == "setting" and c["at"] < bounds[0][1]:
            shared.append(holds)  # "locally advanced or metastatic HCC, ..., TNBC, or ..."
            continue
        for k, (a, b) in enumerate(bounds):
            if a <= c["at"] < b:  # inside a part, a list of one kind is a list of options
                parts[k].setdefault(_group_key(c), []).append(holds)
    if ways and any(not p for p in parts):
        # a whole way in with nothing the record can check ("HER2-negative ... regardless of
        # hormone receptor status; OR has ...": review) may be the person's way: not settled
        return (None,)
    if any(not p for p in parts) and not (serial and sum(bool(p) for p in parts) >= 2):
        return None
    # an item of a serial list with no check of its own is another cancer ("..., or pancreatic
    # cancer": not met for a breast cancer record) or an option the record cannot judge (unknown)
    # a part about another cancer is not met for a breast cancer record, whatever else it says
    # ("Either: Metastatic ... Non-Small Cell Lung Cancer ... after immunotherapy (not more than 1
    # line); Or: Metastatic ER+ breast cancer": twentieth session, last session's held-out set 50)
    either = _or3(
        [
            False
            if _another_cancer(text[a:b])
            else None
            if (a in capital or b in capital) and _NEWLY.search(text[a:b]) and set(p) <= {"setting"}
            else _and3([_or3(v) for v in p.values()])
            if p
            else (False if _OTHER_CANCER.search(text[a:b]) else None)
            for p, (a, b) in zip(parts, bounds, strict=True)
        ]
    )
    return (_and3([either, *shared]),)


# "Newly metastatic disease OR ...": a part that says the spread is new asks more than the
# setting its words check; how new, the record's dates cannot say (review)
_NEWLY = re.compile(r"\bnew(?:ly)?\b", re.I)
_OTHER_CANCER = re.compile(
    r"^(?!.*\bbreast\b).*\b(?:cancers?|carcinomas?|tumou?rs?|sarcomas?|lymphomas?|leuk(?:a)?emias?|"
    r"melanomas?|myelomas?|nsclc|sclc|hcc|mesotheliomas?|gliomas?|glioblastomas?)\b",
    re.I | re.S,
)


def _another_cancer(part: str) -> bool:
    """A part of a criterion that names a cancer other than breast cancer (and not breast)."""
    return bool(rx("modality.other_cancer").search(part)) and not re.search(
        r"breast|\bmbc\b|\btnbc\b|any (?:cancer|tumou?r)|solid tumou?r", part, re.I
    )


def _serial_items(text: str, cuts: list[int]) -> list[int]:
    """ "cancers of triple-negative breast cancer (TNBC), non-TNBC HER2-negative breast cancer,
    or pancreatic cancer" (NCT04504916): before an "or" written after a comma (a serial list),
    each top-level comma back to the cut before starts an item of its own (sixteenth session,
    tuning set 38)."""
    out = []
    for k in range(1, len(cuts)):
        at = cuts[k] - 3  # the space before "or"
        if text[:at].rstrip()[-1:] != ",":
            continue
        depth, commas = 0, []
        for i in range(cuts[k - 1], at):
            depth += text[i] == "("
            depth -= text[i] == ")" and depth > 0
            if depth == 0 and text[i] == "," and i < at - 1:
                commas.append(i + 1)
        out += commas
    return out


_COHORTS = re.compile(r"\b(?:cohorts?|arms?|parts?)\b", re.I)


def subtype_options(
    groups: dict[str, list], judged: list[tuple[dict, object]], text: str = ""
) -> dict[str, list]:
    """ "breast (TNBC, HR+/HER2-)": triple-negative named beside a hormone-receptor-positive
    subtype can only be a list of options (no cancer is both), so the subtype and the
    receptor checks together are one choice: triple-negative, or every receptor part."""
    tn = [h for c, h in judged if c["type"] == "subtype" and c["value"] == "triple-negative"]
    hr_pos = any(
        c["type"] == "receptor" and c["value"] == "hr-positive" and not c.get("neg")
        for c, _ in judged
    )
    if (
        not tn
        or not hr_pos
        or any(k.endswith("-neg") for k in groups if k.startswith(("receptor", "subtype")))
    ):
        return groups
    receptor = [_or3(v) for k, v in groups.items() if k.startswith("receptor")]
    rest = {k: v for k, v in groups.items() if not k.startswith(("receptor", "subtype"))}
    choice = _or3([_or3(tn), _and3(receptor)])
    if choice is False and _COHORTS.search(text) and any(r is True for r in receptor):
        # a table of cohorts ("Expansion Cohort ... Luminal ER and/or PR >=1% ... HER2 positive
        # Any ER or PR status ... Triple Negative", NCT04020575): which receptor goes with which
        # cohort is not clear, and the person fits one part of it: not settled
        choice = None
    rest["subtype-options"] = [choice]
    return rest
