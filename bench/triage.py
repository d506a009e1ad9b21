"""Benchmark: triage vignettes -> agreement, confusion table, under- and over-triage counts.

Usage: uv run python bench/triage.py [VIGNETTES.yaml] [--split tune|held] [--show]

Each vignette is a patient file fragment (or, sets 4-6 and the team probes, ``drugs`` and ``last_dose_days``), a
check-in (``checkin`` or, sets 4-6, ``symptoms``) and the level its source calls for
(``expected``); it may also give ``allowed``, the levels a careful triage nurse could defend
(the expected level is always allowed). A result is correct when its level is allowed.
Under-triage = the engine says a level below the lowest allowed one (the worst failure);
over-triage = above the highest allowed one.

The check-in words are read as a person's typed check-in (``mbcnav.patient.checkin``): words
the vocabulary cannot read become "other symptom" with the words kept, never a refusal; other
fields (a bad date, an unknown field) are still refused and counted as level ``none``.

``--split`` (or ``--half``; ``held`` = ``held-out``) keeps one half of the set, split by the SHA-1 of each vignette's id (even last
digit: tune; odd: held-out), so a set can be split before anything is run on it: tune rules
on one half and run the other once, at the end.
"""

from __future__ import annotations

import hashlib
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

from mbcnav.patient import PatientFileError, parse
from mbcnav.patient.checkin import own_words_all
from mbcnav.triage import LEVELS, triage

DEFAULT = Path(__file__).parent / "data" / "triage_vignettes.yaml"
RANK = {level: len(LEVELS) - i for i, level in enumerate(LEVELS)}
HALVES = ("tune", "held-out")


def half_of(vignette_id: str) -> str:
    """'tune' or 'held-out', from the SHA-1 of the id (stable, independent of file order)."""
    digit = int(hashlib.sha1(str(vignette_id).encode("utf-8")).hexdigest()[-1], 16)
    return HALVES[digit % 2]


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _treatments(vignette: dict, day: date) -> list[dict]:
    """Set 4 writes ``drugs`` + ``last_dose_days`` instead of a patient fragment. The patient
    file has no last-dose field, so they become one ongoing line with every drug, started on
    the last dose day (90 days back when the day is not given); no drugs, no treatment."""
    drugs = vignette.get("drugs") or []
    if not drugs:
        return []
    back = vignette.get("last_dose_days")
    start = day - timedelta(days=90 if back is None else int(back))
    return [{"drugs": list(drugs), "setting": "metastatic", "start": start.isoformat()}]


def build(vignette: dict, day: date):
    data = {"format": "mbcnav-patient/1", **(vignette.get("patient") or {})}
    if "drugs" in vignette and "treatments" not in data:
        data["treatments"] = _treatments(vignette, day)
    checkin = vignette["checkin"] if "checkin" in vignette else vignette["symptoms"]
    entries = [{"date": day.isoformat(), **entry} for entry in checkin]
    data["symptoms"] = own_words_all(entries)
    return parse(data, today=day)  # the set's own day is "today" (a set may be dated ahead)


def allowed(vignette: dict) -> set[str]:
    return {vignette["expected"], *(vignette.get("allowed") or ())}


def run(path: Path, show: bool = False, half: str | None = None) -> dict:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    vignettes = [v for v in doc["vignettes"] if half is None or half_of(v["id"]) == half]
    confusion = {e: dict.fromkeys(LEVELS, 0) for e in LEVELS}
    under, over, exact, refused, misses = 0, 0, 0, 0, []
    for v in vignettes:
        day = _day(v.get("day", doc.get("day")))
        try:
            result = triage(build(v, day), day)
            got, rules = result.level, [r.rule for r in result.reasons]
        except PatientFileError as err:  # a refused check-in is triaged as nothing at all
            got, rules = "none", [f"REFUSED: {err}"]
            refused += 1
        expected, ok = v["expected"], allowed(v)
        confusion[expected][got] += 1
        exact += got == expected
        if got in ok:
            if show:
                print(f"ok   {v['id']}: {got}")
            continue
        if RANK[got] < min(RANK[level] for level in ok):
            under += 1
            kind = "UNDER"
        else:
            over += 1
            kind = "over"
        misses.append((kind, v["id"], sorted(ok, key=RANK.get), got, rules))
    total = len(vignettes)
    agree = total - len(misses)
    print(f"vignettes: {total}" + (f" ({half} half of {path.name})" if half else ""))
    print(f"level in the allowed set: {agree}/{total} = {agree / max(total, 1):.1%}")
    print(f"same as the expected level: {exact}/{total}")
    print(f"under-triage: {under}   over-triage: {over}   check-ins refused: {refused}")
    print("\nconfusion (rows: expected, columns: engine)")
    print(f"{'':>10} " + " ".join(f"{lv:>9}" for lv in LEVELS))
    for e in LEVELS:
        print(f"{e:>10} " + " ".join(f"{confusion[e][g]:>9}" for g in LEVELS))
    if misses:
        print("\noutside the allowed set:")
        for kind, vid, ok, got, rules in misses:
            print(
                f"  {kind:5} {vid}: allowed {'/'.join(ok)}, engine {got} ({', '.join(rules) or 'no rule'})"
            )
    return {
        "total": total,
        "agree": agree,
        "exact": exact,
        "under": under,
        "over": over,
        "refused": refused,
    }


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    chosen = None
    flag = next((f for f in ("--split", "--half") if f in sys.argv), None)
    if flag:
        i = sys.argv.index(flag) + 1
        chosen = sys.argv[i] if i < len(sys.argv) else ""
        args = [a for a in args if a != chosen]
        chosen = {"held": "held-out"}.get(chosen, chosen)
        if chosen not in HALVES:
            sys.exit(f"{flag}: {chosen!r} is not allowed; use tune or held.")
    run(Path(args[0]) if args else DEFAULT, show="--show" in sys.argv, half=chosen)
