"""The parsed structure of a trial in words, so anyone can see why a verdict came out as it did
(``mbcnav trials show``): who the trial is for (from its title and conditions), and for each
criterion its modality, the options it belongs to, its cohort and what is checked."""

from __future__ import annotations

from mbcnav.trials.markup import one_line

MODE_WORDS = {
    "required": "required",
    "permitted": "allows (never rules out)",
    "judgement": "doctor's or study team's decision",
    "procedure": "study step (sample, test, other study)",
    "conditional": "applies only in some cases",
    "other_cancer": "for another cancer's cohort",
    "definition": "part of a definition (not a rule)",
    "unsure_list": "list with no heading (never rules out)",
}


def _check_words(ch: dict) -> str:
    what = ch["type"]
    value = ch.get("value")
    if value and value not in {what, "brain"}:
        what += f" {value}"
    if ch["type"] == "lines":
        lo, hi = ch.get("min"), ch.get("max")
        what += f" {lo if lo is not None else 0}-{hi if hi is not None else 'any'}"
        if ch.get("class"):
            what += f" ({ch['class']})"
    if ch["type"] == "receptor" and ch.get("allowed"):
        what = "HER2 " + "/".join(ch["allowed"])
    if ch["type"] in ("brain_window", "progression_within"):
        what += f" within {ch['days']} days"
    if ch["type"] == "lab":
        what += f" {ch.get('op', '')} {ch.get('limit', '')}{' x ULN' if ch.get('uln') else ''}"
    if ch["type"] == "health_problem":
        what += "".join(f", {w}" for w in _problem_words(ch))
    flags = [
        word
        for key, word in (
            ("neg", "not"),
            ("premise", "if"),
            ("alt", "one way"),
            ("germline", "germline"),
            ("count", "count"),
        )
        if ch.get(key)
    ]
    return what + (f" ({', '.join(flags)})" if flags else "")


def _problem_words(ch: dict) -> list[str]:
    """What an exclusion's words say about the health problem (health_problems.py)."""
    out = [
        word
        for key, word in (
            ("history", "history"),
            ("active", "active"),
            ("stem_active", "active (said of the list)"),
            ("stem_uncontrolled", "uncontrolled (said of the list)"),
            ("uncontrolled", "uncontrolled"),
            ("except_skin", "skin cancer excepted"),
            ("except_in_situ", "in situ excepted"),
            ("except_broad", "other exceptions"),
            ("lets_in_controlled_hiv", "lets in HIV on treatment, undetectable"),
            ("blocked", "qualified: the study team decides"),
        )
        if ch.get(key)
    ]
    if ch.get("window_months"):
        out.append(f"within {ch['window_months']} months")
    if ch.get("nyha"):
        out.append(f"NYHA class {ch['nyha']} or higher")
    if ch.get("transplant"):
        out.append(f"{ch['transplant']} transplant")
    return out


def population_line(parse: dict) -> str:
    """Who the trial is for, from its title and conditions (population.gates)."""
    g = parse.get("population") or {}
    parts = []
    for hr, her2 in g.get("subtypes") or []:
        words = []
        if hr:
            words.append(f"HR-{hr}")
        if her2:
            words.append("HER2 " + "/".join(her2))
        parts.append(" ".join(words))
    if g.get("brain_only"):
        parts.append("brain metastases")
    if g.get("leptomeningeal_only"):
        parts.append("leptomeningeal disease")
    return "Who it is for (title and conditions): " + ("; ".join(parts) or "not limited")


def criterion_lines(parse: dict, kind: str) -> list[str]:
    out = []
    for cr in parse["criteria"]:
        if cr["kind"] != kind:
            continue
        mode = MODE_WORDS.get(cr.get("modality") or "required", cr.get("modality", ""))
        extra = []
        if cr.get("any_of"):
            extra.append(f"option of rule {cr['any_of']}")
        if cr.get("cohort"):
            extra.append("cohort " + "/".join(cr["cohort"]))
        head = f"  - {one_line(cr['text'], 140)}"
        checks = (
            "; ".join(_check_words(ch) for ch in cr["checks"]) or "nothing the record can settle"
        )
        out.append(head)
        out.append(f"      {mode}{' · ' + ', '.join(extra) if extra else ''} · checks: {checks}")
    return out
