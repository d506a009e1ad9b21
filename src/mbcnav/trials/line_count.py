"""Counts of earlier lines of treatment: "at least 1 and no more than 2 prior lines for metastatic
disease", "no more than 3 prior chemotherapy regimens", "progression on the most recent systemic
therapy". A line is a treatment for metastatic disease; a count of treatment regimens that names
no lines, no setting and no growth after them may also mean treatments given before the cancer
spread, so those can only make the answer unknown."""

from __future__ import annotations

from datetime import date

from mbcnav.patient.days import human
from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.line_classes import NON_ENDOCRINE
from mbcnav.trials.therapy_check import days_to_spread

#: Labels of a hormone (endocrine) line: any of these makes a line endocrine-based
HORMONAL_CLASSES = {"endocrine therapy", "progestin", "ovarian suppression"}
#: Classes that kill dividing cells: a line holding one is no hormone-therapy line
CYTOTOXIC_CLASSES = {"chemotherapy", "antibody-drug conjugate"}
#: Classes of anticancer drugs given without hormone therapy (patient vocabulary classes)
SYSTEMIC_CLASSES = {
    "chemotherapy",
    "antibody-drug conjugate",
    "anti-HER2 antibody",
    "HER2 tyrosine kinase inhibitor",
    "immune checkpoint inhibitor",
    "PARP inhibitor",
    "PI3K/AKT/mTOR inhibitor",
    "CDK4/6 inhibitor",
    "anti-VEGF antibody",
}


def _early_drugs(f: PatientFacts, cls: str | None) -> list:
    """Drugs given before the cancer spread (neoadjuvant, adjuvant) of the class named, or of any
    anticancer class."""
    return [
        d
        for d in f.drugs
        if d.given_early
        and (cls in d.labels if cls else set(d.labels) & (HORMONAL_CLASSES | SYSTEMIC_CLASSES))
    ]


def _early_regimens(f: PatientFacts, cls: str | None) -> int:
    """Regimens given before the cancer spread; drugs started the same day are one regimen."""
    return len({d.start or d.name for d in _early_drugs(f, cls)})


def _relapsed_within(f: PatientFacts, cls: str | None, days: float) -> bool | None:
    """Whether the cancer spread within ``days`` of the end of treatment of the class given
    before it (None when a date is missing)."""
    early = _early_drugs(f, cls)
    if any(d.end is None for d in early):  # one still being taken is not dated either here
        return None
    found = days_to_spread(early, f)
    return None if found is None else found[0] <= days


def _count(n: int, what: str) -> str:
    """ "1 finished line of treatment", "2 lines with chemotherapy"."""
    return f"{n} {what.replace('lines', 'line', 1) if n == 1 else what}"


def _growth_open(n: int, what: str) -> tuple[None, str, str]:
    """The count turns on the line going on now, and no scan since it began says whether the
    cancer grows on it."""
    return (
        None,
        f"You had {_count(n, what)} for metastatic disease; whether the cancer is growing on your "
        "current treatment is not in your record.",
        "Your latest scan result on your current treatment",
    )


def _holds(c: dict, n: int) -> bool:
    return (c["min"] is None or n >= c["min"]) and (c["max"] is None or n <= c["max"])


def _latest_grew(f: PatientFacts) -> tuple[bool | None, str, str]:
    """Whether the cancer grew on the most recent line of treatment for metastatic disease: it
    stopped because of growth, or it goes on and the latest scan shows growth; a line stopped
    for another reason (side effects, a finished course) with no growth on the latest scan did
    not end in progression. Anything else stays with the study team."""
    settle = "Whether the cancer grew on your most recent treatment"
    if not f.line_stops or f.line_ended is None:
        return None, "Your record shows no line of treatment for metastatic disease.", settle
    stop, ended = f.line_stops[-1], f.line_ended[-1]
    n = len(f.line_stops)
    if stop == "progression":
        return True, f"The cancer grew on your most recent line of treatment (line {n}).", ""
    if not ended:
        if f.growing_now:
            return (
                f.growing_now[0],
                (
                    f"Your latest scan ({f.growing_now[1]}) "
                    + ("shows growth" if f.growing_now[0] else "shows no growth")
                    + f" on your current line of treatment (line {n})."
                ),
                "",
            )
        return (
            None,
            f"Your current line of treatment (line {n}) has no scan since it began.",
            settle,
        )
    end = f.line_ends[-1] if f.line_ends else None
    if (
        stop in {"side effects", "completed", "patient choice"}
        and f.latest_status in {"stable", "regression", "ned"}
        # a scan from after the line ended: an older one cannot say it did not grow since
        # (review)
        and end
        and f.latest_status_on
        and f.latest_status_on >= end
    ):
        return (
            False,
            f"Your most recent line of treatment (line {n}) stopped for {stop}, not because the "
            f"cancer grew, and your latest scan ({f.latest_status_on}) shows no growth.",
            "",
        )
    return (
        None,
        f"Whether the cancer grew on your most recent line (line {n}) is not clear.",
        settle,
    )


def lines_hold(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    """The verdict of one count of earlier lines ("type": "lines") for the person's record."""
    if c.get("latest") and f.line_stops:
        return _latest_grew(f)
    if c.get("latest") and any(d.given_early for d in f.drugs):
        # no line for metastatic disease, but treatment before the spread: growth on it may be
        # what the rule means (review: relapse on adjuvant letrozole and abemaciclib)
        return (
            None,
            "Your record shows no line of treatment for metastatic disease; whether growth on "
            "treatment given before the cancer spread counts is the study team's call.",
            "Whether the cancer grew on your most recent treatment",
        )
    cls = c.get("class") or ("chemotherapy" if c.get("chemo") else None)
    what = f"lines with {cls}" if cls else "lines of treatment"
    labelled = f.line_labels
    pending = False  # the line going on now may count, and no scan since it began says
    if cls and c.get("done") and labelled is not None and f.line_ended is not None:
        pending = bool(
            c.get("grown")
            and f.growing_now is None
            and labelled
            and not f.line_ended[-1]
            and cls in labelled[-1]
        )
        # "receiving first-line ET and palbociclib" (NCT03439735): finished lines of the class,
        # and the line going on now when the count asks for growth and the latest scan shows it
        # (as for lines of any kind below; review)
        grown = bool(c.get("grown") and f.growing_now and f.growing_now[0])
        labelled = [
            ls
            for k, (ls, ended) in enumerate(zip(labelled, f.line_ended, strict=True))
            if ended or (grown and k == len(labelled) - 1)
        ]
        what = f"finished lines with {cls}"
    if cls == "chemotherapy" and labelled is not None and not c.get("adc_named"):
        n = sum(1 for labels in labelled if CYTOTOXIC_CLASSES & set(labels))
        what = what.replace(cls, "chemotherapy (an antibody-drug conjugate counts)")
    elif cls == NON_ENDOCRINE and labelled is not None:
        what = what.replace(f"with {cls}", "other than hormone (endocrine) therapy")
        kinds = [set(labels) for labels in labelled]
        # a line of drugs of no class named here (an unknown drug) cannot be sorted
        n = (
            None
            if any(not (k & (HORMONAL_CLASSES | SYSTEMIC_CLASSES)) for k in kinds)
            # a chemotherapy line with hormone therapy kept on after it (maintenance letrozole
            # after docetaxel: twenty-sixth session, tuning set 69) is a chemotherapy line
            else sum(1 for k in kinds if not k & HORMONAL_CLASSES or k & CYTOTOXIC_CLASSES)
        )
    elif cls and labelled is not None:
        n = sum(1 for labels in labelled if cls in labels)
        if cls == "endocrine therapy" and not c.get("metastatic"):
            # "more than 2 lines of endocrine therapy", no setting named: adjuvant hormone therapy
            # may count as a line, or not (VIKTORIA-1, NCT05501886: twentieth session, set 51);
            # when the answer turns on it, only the study team can say
            early = any(cls in d.labels and d.given_early for d in f.drugs)
            if early and _holds(c, n) != _holds(c, n + 1):
                return (
                    None,
                    f"You had {_count(n, what)} for metastatic disease and hormone therapy before the "
                    "cancer spread, which this study may or may not count as a line.",
                    "Whether the study counts hormone therapy given before the cancer spread",
                )
    elif cls == "chemotherapy":
        n = f.chemo_lines
    elif c.get("done"):
        n, what = f.lines_done, "finished lines of treatment"
        going = f.lines is not None and n is not None and f.lines > n
        if c.get("grown") and going:
            # "progressed after >= 1 line": the line going on now counts when the latest scan
            # shows growth on it; with no scan since it began, only when the answer is the same
            # either way (review)
            if f.growing_now and f.growing_now[0]:
                n += 1
            elif f.growing_now is None and _holds(c, n) != _holds(c, n + 1):
                return _growth_open(n, what)
    else:
        n = f.lines if not cls else None
    if c.get("any_setting") and n == 0 and f.drugs:
        # "progression on the most recent systemic therapy": an adjuvant one counts, and so
        # does growth on the line going on now, which the latest scan may show
        scan = f.growing_now if c.get("done") else None
        if scan and scan[0]:
            return (
                True,
                f"Your scan of {human(date.fromisoformat(scan[1]))} showed growth on your current treatment.",
                "",
            )
        # a line going on now is the most recent therapy: a scan well into it that shows no
        # growth settles the rule, whatever ended before it (an adjuvant therapy, an earlier line,
        # a drug of this line that stopped, as chemotherapy before maintenance: set 65)
        if scan:
            return (
                False,
                f"Your scan of {human(date.fromisoformat(scan[1]))} showed no growth on your current "
                "treatment, the most recent one.",
                "",
            )
        n = None
    if n is None:
        return (
            None,
            f"The number of earlier {what} is not known.",
            f"How many {what} you had for metastatic disease",
        )
    if pending and _holds(c, n) != _holds(c, n + 1):
        return _growth_open(n, what)
    ok = _holds(c, n)
    if (
        not ok
        and c["min"] is not None
        and n < c["min"]
        and (c.get("adjuvant_named") or (not c.get("metastatic") and c.get("early_may_count")))
        and not c.get("done")
        and cls != "endocrine therapy"  # counted above, an adjuvant line included
        and (early := _early_regimens(f, cls))
        and n + early >= c["min"]
    ):
        # "Subject must have received >= 1 prior treatment regimen" names no setting: treatment
        # before the cancer spread may count, and only the study team can say
        kind = f"{cls} " if cls else ""
        if c.get("adjuvant_counts") and c.get("adjuvant_within") is None:
            # "at least one prior chemotherapy in neoadjuvant/adjuvant/metastatic setting"
            # (NCT06907043): treatment before the spread counts
            return (
                True,
                f"You had {_count(n, what)} for metastatic disease, and {early} {kind}treatment plan"
                f"{'s' if early > 1 else ''} before the cancer spread, which this study counts.",
                "",
            )
        if (window := c.get("adjuvant_within")) is not None:
            # "... or relapsed within 6 months of completion of adjuvant anti-HER2 therapy"
            # (NCT05748834): the record's dates settle it
            months = round(window / 30.4)
            within = _relapsed_within(f, cls, window)
            if within is not None:
                return (
                    within,
                    f"You had {_count(n, what)} for metastatic disease, and your {kind}treatment "
                    f"before the spread ended {'within' if within else 'more than'} {months} "
                    "months before the cancer came back.",
                    "",
                )
        return (
            None,
            f"You had {_count(n, what)} for metastatic disease, and {early} {kind}treatment plan"
            f"{'s' if early > 1 else ''} before the cancer spread, which this study may count.",
            "Whether the study counts treatment given before the cancer spread",
        )
    if not ok and c.get("exact") and c["max"] is not None and n > c["max"]:
        return (
            None,
            f"You had {_count(n, what)} for metastatic disease; the rule names one earlier "
            "regimen, and whether more are allowed is for the study team.",
            "Whether the study takes people who had more than one",
        )
    return ok, f"You had {_count(n, what)} for metastatic disease.", ""
