"""Earlier treatment against the record: the drugs of the record a therapy check names (by
class, target, payload, setting, exceptions) and whether the check holds (received, current,
progressed on, within a window, stopped for side effects)."""

from __future__ import annotations

from datetime import date

from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.wording import rx

NEUTRAL = "neutral"


def drug_hits(check: dict, facts: PatientFacts) -> list:
    value = check["value"].lower()
    names = {value}
    if value == "chemotherapy" and not check.get("adc_named"):
        names.add("antibody-drug conjugate")  # a cytotoxic payload is chemotherapy too
    spared = {x.lower() for x in check.get("except", ())}  # "(except trastuzumab deruxtecan)"
    also = {x.lower() for x in check.get("with", ())}  # an ADC's target and payload, same drug
    hits = [
        d
        for d in facts.drugs
        if names & {x.lower() for x in d.labels}
        and also <= {x.lower() for x in d.labels}
        and d.name.lower() not in spared
    ]
    if check.get("setting") == "metastatic":
        hits = [d for d in hits if not d.settings or "metastatic" in d.settings]
    elif check.get("setting") == "early":
        hits = [d for d in hits if not d.settings or d.given_early]
    return hits


def together(c: dict, f: PatientFacts) -> bool | None:
    """Whether the partner a check names ("CDK4/6 inhibitor in combination with an AI") was given
    in one metastatic line with the drug before it: None when that drug is in no metastatic line
    on record (given before the spread, or lines not known)."""
    main, partner = c["partner_of"].lower(), c["value"].lower()
    of = [(d, {x.lower() for x in d.labels}) for d in f.drugs]
    mains = [d for d, labels in of if main in labels]
    if any(d.given_early for d in mains):
        return None  # given after surgery, perhaps together (adjuvant abemaciclib with an AI)
    began = min((d.start for d in mains if d.start), default=None)
    for d, labels in of:
        if partner in labels and d.given_early and (not d.end or not began or d.end >= began):
            return None  # an AI after surgery that may have gone on beside it (review)
    lines = [{w.lower() for w in words} for words in (f.line_labels or [])]
    with_main = [ws for ws in lines if main in ws]
    if not with_main:
        return None
    return any(partner in ws for ws in with_main)


#: Drug classes given only for hormone receptor-positive cancer.
HORMONE_ONLY = {"endocrine therapy", "aromatase inhibitor", "serd", "oral serd", "cdk4/6 inhibitor"}


def mark_hormone_only(texts: list[str], crits: list[dict]) -> None:
    """When a trial says it takes hormone receptor-negative cancer too ("Is HR-positive or
    HR-negative": wording concept.hr_negative_admitted), its checks of earlier hormone-receptor-
    only treatment ("Has progressed on ... endocrine therapy") are asked of the HR-positive
    people: marked ``if_hr_positive``."""
    if not any(rx("concept.hr_negative_admitted").search(t) for t in texts):
        return
    for crit in crits:
        for c in crit.get("checks") or ():
            if (
                c.get("type") == "therapy"
                and str(c.get("value", "")).lower() in HORMONE_ONLY
                and not c.get("neg")
            ):
                c["if_hr_positive"] = True


def hormone_only_unmet(c: dict, f: PatientFacts) -> bool:
    """Whether a check marked ``if_hr_positive`` finds no such treatment in a person whose
    cancer is HR-negative (twenty-first session, set 52 read after it was measured)."""
    # ER-low (1-10% of cells) with PR negative: ASCO/CAP's ER testing guideline (2020) notes
    # limited benefit of hormone therapy, and such cancers are often treated like HR-negative
    # ones (set 61 read after it was measured)
    hr_negative = f.hr == "negative" or f.er_low_only
    return bool(c.get("if_hr_positive")) and hr_negative and not drug_hits(c, f)


def _grew_after(hits: list, f: PatientFacts) -> str:
    """Growth later than the drugs named ("progressed during or after X"): on a drug begun after
    them, or a spread diagnosed after them; "" when the record shows none."""
    first = min((d.start for d in hits if d.start), default=None)
    if first is None:
        return ""
    later = [d.name for d in f.drugs if d.progressed and d.start and d.start > first]
    if later:
        return f"it grew on {', '.join(dict.fromkeys(later))} later"
    if f.diagnosed_on and f.diagnosed_on > max(d.end or d.start or "" for d in hits):
        return "it spread later"
    return ""


def days_to_spread(drugs: list, f: PatientFacts) -> tuple[int, object] | None:
    """Days from the last dose of ``drugs`` (given before the spread) to the spread's diagnosis,
    with the drug given last: 0 for one still being taken; None when the spread's date or an end
    date is missing (one with no end date may have ended closer to the spread: review)."""
    if not drugs or not f.diagnosed_on or any(not d.end and not d.ongoing for d in drugs):
        return None
    spread = date.fromisoformat(f.diagnosed_on)
    return min(
        (((spread - date.fromisoformat(d.end)).days if d.end else 0, d) for d in drugs),
        key=lambda gap_drug: gap_drug[0],
    )


def _came_back(hits: list, f: PatientFacts, window: float) -> tuple[bool | None, str, str]:
    """ "Recurrence during or within 12 months after the last dose of (neo)adjuvant ET": the days
    from the last dose of a treatment given before the spread to the spread's diagnosis (during it
    counts); (None, "", "") when no such treatment has both dates."""
    found = days_to_spread([d for d in hits if d.given_early], f)
    if found is None:
        return None, "", ""
    gap, last = found
    months = _window_words(window)
    if gap <= window:
        when = (
            "while you were taking it"
            if gap <= 0
            else f"{gap // 30} months after your last {last.name}"
        )
        return True, f"The cancer spread {when} (the study's limit is {months}).", ""
    return (
        False,
        f"The cancer spread {gap // 30} months after your last {last.name}; the study asks about "
        f"{months}.",
        "",
    )


def _window_words(days: float) -> str:
    """A study's time limit in words: months from 60 days up, else days."""
    return f"{round(days / 30.44)} months" if days >= 60 else f"{int(days)} days"


def _months(days: int, below: str = "") -> str:
    """Days as months; "just under 12 months" when it rounds to the limit it is below (review)."""
    shown = f"{round(days / 30.44)} months"
    return f"just under {below}" if below and shown == below else shown


def _allowed_if_late(c: dict, f: PatientFacts, name: str) -> tuple[bool | None, str, str]:
    """ "Prior adjuvant CDK4/6i is allowed if relapse occurred >= 12 months since completion": the
    permission holds for a person who never had it before the spread, or whose cancer came back
    at least that long after its last dose."""
    early = [d for d in drug_hits(c, f) if d.given_early]
    window = c["allowed_if_gap"]
    months = _window_words(window)
    if not early:
        return NEUTRAL, f"Earlier {name} is allowed.", ""  # type: ignore[return-value]
    found = days_to_spread(early, f)
    if found is None:
        return (
            None,
            f"You had {name} before the cancer spread; the study allows it only when the cancer came "
            f"back at least {months} after the last dose, and your record does not give both dates.",
            f"The date of your last {name} and the date the cancer spread",
        )
    gap, last = found
    if gap >= window:
        return True, f"The cancer came back {_months(gap)} after your last {last.name}.", ""
    when = (
        "while you were taking it"
        if gap <= 0
        else f"{_months(gap, below=months)} after your last {last.name}"
    )
    return (
        False,
        f"The cancer came back {when}; the study allows earlier {name} only when it came back at "
        f"least {months} after the last dose.",
        "",
    )


#: words of hormone (endocrine) therapy a criterion may name
_HORMONAL_NAMES = frozenset(
    {"endocrine therapy", "aromatase inhibitor", "serm", "serd", "anti-estrogen", "antiestrogen"}
)


def _classes_of(value: str) -> set[str]:
    """The drug classes (lower case) of a drug named by a check; empty for a class or unknown."""
    from mbcnav.patient import vocabulary

    d = vocabulary.drug(value)
    return {x.lower() for x in d.classes} if d else set()


def therapy_holds(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    name = c["value"]
    if c.get("with"):  # "HER2-targeted ADC with a microtubule inhibitor payload"
        name = f"{name} ({', '.join(c['with'])})"
    if c.get("except"):  # "(except trastuzumab deruxtecan)": said in every sentence below
        name = f"{name} other than {', '.join(c['except'])}"
    settle = f"Whether you have had {name}"
    if c.get("allowed") and c.get("allowed_if_gap"):
        return _allowed_if_late(c, f, name)
    if c.get("allowed"):
        return NEUTRAL, f"Earlier {name} is allowed.", ""  # type: ignore[return-value]
    hits = drug_hits(c, f)
    if c.get("latest") and f.line_labels and c.get("mode") == "received":
        # the latest line of treatment for metastatic disease must hold it
        names = {c["value"].lower()}
        if c["value"] == "chemotherapy":
            names.add("antibody-drug conjugate")
        latest = {w.lower() for w in f.line_labels[-1]}
        if names & latest:
            return True, f"Your most recent line of treatment includes {name}.", ""
        if "endocrine therapy" in latest and _HORMONAL_NAMES & (names | _classes_of(c["value"])):
            # "an anti-estrogen (tamoxifen, ...) or an aromatase inhibitor" with elacestrant or
            # camizestrant last: hormone therapy the list may mean (review)
            return (
                None,
                "Your most recent line of treatment is hormone therapy; whether it counts as "
                f"{name} here is not clear.",
                "Whether your latest hormone therapy is one the study names",
            )
        return (
            False,
            f"Your most recent line of treatment (line {len(f.line_labels)}) has no {name}.",
            "",
        )
    if not hits:
        if f.therapies_known:
            return False, f"Your record shows no {name}.", settle
        return (False if f.drugs else None), f"No {name} is mentioned.", settle
    names = ", ".join(d.name for d in hits)
    if c.get("payload_unread"):
        return None, f"You had {names}; whether its payload is the one named is not known.", settle
    if c.get("mode") == "progressed" and c.get("within_days"):
        if not any(d.progressed for d in hits):
            if f.therapies_known:
                return False, f"Your record shows no growth on {names}.", ""
            return None, f"You had {names}; growth on it is not stated.", settle
    if c.get("within_days"):
        days = c["within_days"]
        today = date.fromisoformat(f.as_of) if f.as_of else date.today()
        if c.get("window_from_start"):  # "Initiated ... in the last 90 days": the start date
            begun = [
                d for d in hits if d.start and (today - date.fromisoformat(d.start)).days <= days
            ]
            if begun:
                return (
                    True,
                    f"You started {', '.join(d.name for d in begun)} in the last {int(days)} days.",
                    "",
                )
            if all(d.start for d in hits):
                return False, f"You started {names} more than {int(days)} days ago.", ""
            return None, f"It is not clear when you started {names}.", f"When you started {name}"
        recent = [
            d
            for d in hits
            if d.ongoing or (d.end and (today - date.fromisoformat(d.end)).days <= days)
        ]
        if recent and c.get("window_upto") and not any(d.ongoing for d in recent):
            # the wash-out is the shorter of the weeks named and a number of the drug's
            # half-lives, which the record cannot work out
            return (
                None,
                f"You had {names} in the last {int(days)} days; the study's wait after it may be shorter.",
                f"How long the study asks you to wait after {name}",
            )
        if recent:
            return True, f"You had {names} in the last {int(days)} days.", ""
        if all(d.end for d in hits):
            return False, f"Your last {name} was more than {int(days)} days ago.", ""
        return None, f"It is not clear when you last had {names}.", f"When you last had {name}"
    if c.get("mode") == "current":  # "Current antiestrogen therapy": only what is being taken
        now = [d for d in hits if d.ongoing]
        if now:
            return True, f"You are taking {', '.join(d.name for d in now)}.", ""
        if all(d.end for d in hits):
            return False, f"You had {names}, and it has ended.", ""
        return (
            None,
            f"It is not clear whether you still take {names}.",
            f"Whether you still take {name}",
        )
    if c.get("mode") == "stopped for side effects":
        return None, f"You had {names}; why it was stopped is not clear.", f"Why {name} was stopped"
    if c.get("mode") == "progressed":
        if grew := [d.name for d in hits if d.progressed]:  # not every drug of the kind had
            return True, f"The cancer grew on {', '.join(dict.fromkeys(grew))}.", ""
        if c.get("relapse_within"):
            came = _came_back(hits, f, c["relapse_within"])
            if came[0] is not None:
                return came
            if any(d.given_early for d in hits):
                # had before the spread, with no date to say how soon it came back
                return (
                    None,
                    f"You had {names} before the cancer spread; how soon after it the cancer "
                    "came back is not clear from your record.",
                    f"The date of your last {name} and the date the cancer spread",
                )
        if c.get("after") and (later := _grew_after(hits, f)):
            return True, f"The cancer grew after you had {names}: {later}.", ""
        if f.therapies_known:
            return (
                False,
                f"You had {names}, but the record does not show growth on it.",
                "Whether the cancer grew on it",
            )
        return (
            None,
            f"You had {names}; growth on it is not stated.",
            "Whether the cancer grew on it",
        )
    return True, f"You had {names}.", ""
