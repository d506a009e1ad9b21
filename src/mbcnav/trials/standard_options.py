"""Standard treatments of a person's subtype they have not had yet (``data/standard_options.yaml``).

Read for one idea: a trial "for people with no standard treatment left" does not fit while the
record shows such a treatment. ``left(facts)`` lists them; it never says that none is left
(an empty list means the record cannot show one, and the oncologist decides).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.wording import check_as_of

WHERE = "trials/data/standard_options.yaml"
SUBTYPES = ("hr+/her2-", "her2+", "tnbc")
NEEDS = ("her2_low", "her2_low_or_ultralow", "gbrca", "esr1", "pdl1_cps10", "hormone")
KEYS = ("name", "subtypes", "used_by", "source", "needs", "metastatic_only", "first_line_only")


@dataclass(frozen=True)
class Option:
    name: str
    subtypes: tuple[str, ...]
    used_by: tuple[str, ...]
    needs: tuple[str, ...] = ()
    metastatic_only: bool = False
    first_line_only: bool = False


def _words(raw: object, where: str, field: str, allowed: tuple[str, ...] | None = None) -> tuple:
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) and x for x in raw):
        raise TrialsError(f"{where}: '{field}' must be a list of words.")
    if allowed is not None and (bad := [x for x in raw if x not in allowed]):
        raise TrialsError(
            f"{where}: '{field}' value {bad[0]!r} is not one of {', '.join(allowed)}."
        )
    return tuple(raw)


def _option(n: int, raw: object) -> Option:
    where = f"{WHERE}: option {n}"
    if not isinstance(raw, dict):
        raise TrialsError(f"{where} must be a mapping.")
    for key in ("name", "subtypes", "used_by", "source"):
        if key not in raw:
            raise TrialsError(f"{where} is missing the field '{key}'.")
    src = raw["source"]
    if not isinstance(src, dict) or not all(
        src.get(k) for k in ("publisher", "title", "url", "read")
    ):
        raise TrialsError(f"{where} needs a source with publisher, title, url and read.")
    unknown = set(raw) - set(KEYS)
    if unknown:
        raise TrialsError(f"{where} has an unknown field '{sorted(unknown)[0]}'.")
    for flag in ("metastatic_only", "first_line_only"):
        if flag in raw and not isinstance(raw[flag], bool):
            raise TrialsError(f"{where}: '{flag}' is {raw[flag]!r}; it must be true or false.")
    return Option(
        name=str(raw["name"]),
        subtypes=_words(raw["subtypes"], where, "subtypes", SUBTYPES),
        used_by=_words(raw["used_by"], where, "used_by"),
        needs=_words(raw["needs"], where, "needs", NEEDS) if "needs" in raw else (),
        metastatic_only=raw.get("metastatic_only") is True,
        first_line_only=raw.get("first_line_only") is True,
    )


def validate(raw: object) -> tuple[Option, ...]:
    """The checked options; a broken file gives one sentence naming the option and field."""
    if not isinstance(raw, dict) or not isinstance(raw.get("options"), list):
        raise TrialsError(f"{WHERE} must hold a mapping with as_of and options.")
    check_as_of(raw, WHERE)
    return tuple(_option(n, entry) for n, entry in enumerate(raw["options"], 1))


@cache
def load() -> tuple[Option, ...]:
    text = (
        resources.files("mbcnav.trials").joinpath("data/standard_options.yaml").read_text("utf-8")
    )
    return validate(yaml.safe_load(text))


def subtype(f: PatientFacts) -> str | None:
    """hr+/her2-, her2+ or tnbc from the record's receptors; None when they are not known."""
    if f.her2 == "positive":
        return "her2+"
    if f.her2 is None or f.hr is None:
        return None
    return "hr+/her2-" if f.hr == "positive" else "tnbc"


def _shows(need: str, f: PatientFacts) -> bool:
    """Whether the record shows what an option needs (not known counts as no)."""
    if need == "her2_low":
        return f.her2 == "low"
    if need == "her2_low_or_ultralow":
        return f.her2 in {"low", "ultralow"}
    if need == "gbrca":
        return bool(f.germline_brca)
    if need == "esr1":
        return str(f.biomarkers.get("ESR1", "")).lower() in {"mutated", "positive", "detected"}
    if need == "pdl1_cps10":
        pdl1 = f.pdl1 or {}
        return (
            pdl1.get("type") == "CPS"
            and pdl1.get("comparator", "") in {"", ">=", "≥", ">"}
            and (pdl1.get("value") or 0) >= 10
        )
    if need == "hormone":
        return f.hr == "positive" and not f.er_low_only
    return False


def _used(option: Option, f: PatientFacts) -> bool:
    """Whether the record shows the option given; with ``metastatic_only``, given for metastatic
    disease (a drug whose setting the record does not say counts: review)."""
    wanted = {w.lower() for w in option.used_by}
    for drug in f.drugs:
        if option.metastatic_only and drug.settings and "metastatic" not in drug.settings:
            continue
        if wanted & {label.lower() for label in drug.labels}:
            return True
    return False


def left(f: PatientFacts, options: tuple[Option, ...] | None = None) -> list[str]:
    """The standard treatments of the person's subtype the record shows they have not had
    (names, in the file's order); [] when the subtype or the treatment history is not known."""
    kind = subtype(f)
    if kind is None or f.setting != "metastatic" or not f.therapies_known:
        return []
    out: list[str] = []
    for option in options if options is not None else load():
        if kind not in option.subtypes or not all(_shows(n, f) for n in option.needs):
            continue
        first_over = (
            f.lines_done is None or f.lines_done >= 1 or bool(f.growing_now and f.growing_now[0])
        )
        if option.first_line_only and first_over:
            continue  # a first treatment for spread disease: a first line has ended or is failing
        if not _used(option, f) and option.name not in out:
            out.append(option.name)
    return out
