"""Evaluate one check against the person: does its condition hold, why, what would settle it."""

from __future__ import annotations

import re

from mbcnav.trials import (
    brain_window,
    cyp3a,
    health_problems,
    neuropathy,
    pneumonitis,
    progression_window,
    receptor_percent,
    trial_history,
)
from mbcnav.trials.bone_lesions import CRITERION_KINDS
from mbcnav.trials.diagnosis_time import diagnosis_time_holds
from mbcnav.trials.durations import evaluate_duration
from mbcnav.trials.facts import PatientFacts
from mbcnav.trials.judgement_checks import (
    no_evidence_of_disease,
    options_exhausted,
    progressing_now,
    visceral_crisis,
)
from mbcnav.trials.labs import evaluate_lab
from mbcnav.trials.line_count import lines_hold
from mbcnav.trials.markers import _biomarker
from mbcnav.trials.menopause import evaluate_menopause
from mbcnav.trials.population import fits_subtype, inflammatory_holds
from mbcnav.trials.radiation import radiation_holds
from mbcnav.trials.therapy_check import NEUTRAL, therapy_holds

HER2_NEGATIVE = {"low", "ultralow", "zero", "negative"}


def _receptor(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    what, val = c["value"].split("-", 1)
    if what == "hr":
        if f.hr is None:
            return None, "Your hormone receptor (ER/PR) result is not known.", "ER/PR test result"
        if f.er_low_only:  # ER 1-10%, PR negative: reported as positive, often treated as negative
            low = "Your ER is low-positive (1-10% of cells) and PR is negative."
            if val == "low":
                return True, low, ""
            if val == "positive":
                return not c.get("er_min10"), low, ""
            return (True, low, "") if c.get("er_low_ok") else (False, low, "")
        if val == "low":  # HR-low asked for: negative or clearly high is not it; between, unknown
            if f.hr == "negative":
                return False, "This study is for HR-low cancer; yours is HR-negative.", ""
            if f.er_percent is not None and f.er_percent > 50:
                return False, f"This study is for HR-low cancer; your ER is {f.er_percent:g}%.", ""
            return (
                None,
                "Whether your ER result counts as low for this study is not clear from your record.",
                "The ER percentage on your pathology report",
            )
        return f.hr == val, f"Your cancer is hormone receptor {f.hr}.", ""
    if f.her2 is None:
        return None, "Your HER2 result is not known.", "HER2 test result (IHC score)"
    why = f"Your HER2 result is {f.her2}."
    if val == "in":  # a list of IHC scores
        allowed = set(c["allowed"])
        if f.her2 == "negative":
            if {"zero", "low"} <= allowed:
                return True, "Your HER2 is negative, and every negative score is allowed.", ""
            return None, "Your HER2 is negative but the IHC score is not known.", "HER2 IHC score"
        return f.her2 in allowed, why, ""
    if val == "positive":
        return f.her2 == "positive", why, ""
    if val == "negative":
        return f.her2 in HER2_NEGATIVE, why, ""
    if f.her2 == "negative":
        return (
            None,
            "Your HER2 is negative but the IHC score is not known.",
            "HER2 IHC score (0, 0+, 1+, 2+)",
        )
    return f.her2 == val, why, ""


_BRAIN_SETTLE = "A brain MRI or your team's note on brain metastases"


def _brain(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    holds, why, settle = _brain_state(c, f)
    if holds is True and c.get("size"):
        # "Any brain metastasis that is greater than 30mm in size" (NCT02898727): brain
        # metastases of the kind the rule names, whose size the record does not give
        return None, f"{why} This rule depends on their size.", _BRAIN_SETTLE
    return holds, why, settle


def _brain_state(c: dict, f: PatientFacts) -> tuple[bool | None, str, str]:
    settle = _BRAIN_SETTLE
    if c.get("allowed"):
        # "Treated, stable brain metastases are allowed", "... will be included, providing ..."
        return NEUTRAL, "The rule lets in people with brain metastases, on its conditions.", ""  # type: ignore[return-value]
    if f.brain is None:
        return None, "Whether the cancer has spread to the brain is not known.", settle
    if c.get("count") and f.brain not in {"none"}:
        return None, "This rule depends on how many brain metastases there are.", settle
    if c["value"] == "leptomeningeal":
        return f.brain == "leptomeningeal", f"Brain involvement in your record: {f.brain}.", ""
    if c.get("status") == "treated":
        if f.brain in {"treated-stable", "treated-progressing"}:
            return True, f"Brain metastases in your record: {f.brain}.", ""
        if f.brain == "none":
            return False, "Brain metastases in your record: none.", ""
        return None, "Whether the brain metastases were treated before is not known.", settle
    if c.get("status") == "resected":
        if f.brain == "none":
            return False, "Brain metastases in your record: none.", ""
        if f.brain_surgery:
            return True, "Your record lists an operation on the brain.", ""
        if f.therapies_known and f.brain_surgery is not None:
            return False, "Your record lists no operation to remove brain metastases.", ""
        return None, "Whether brain metastases were removed by surgery is not known.", settle
    if c.get("status") == "failed-local":
        if f.brain == "treated-progressing":
            return True, "Brain metastases in your record: treated, then growing.", ""
        if f.brain in {"none", "treated-stable"}:
            return False, f"Brain metastases in your record: {f.brain}.", ""
        return (
            None,
            "Whether brain metastases grew after local treatment (surgery or radiation) is not known.",
            settle,
        )
    if c.get("status") == "urgent":
        if f.brain in {"none", "treated-stable"}:
            return False, f"Brain metastases in your record: {f.brain}.", ""
        return None, "Whether the brain metastases need treatment right away is not known.", settle
    if (
        c.get("status") == "active"
        and c.get("symptomatic")
        and f.brain in {"active", "treated-progressing"}
    ):
        # a record's "active" (untreated or growing) says nothing of symptoms, but a steroid
        # started since they were found does: it is given for the swelling and symptoms they
        # cause ("three new enhancing lesions with edema; dexamethasone 4 mg daily started":
        # last session's held-out set 94, read after it was measured)
        if steroid := f.brain_steroid:
            return (
                True,
                f"Your record lists active brain metastases and {steroid}, a steroid started "
                "since they were found; steroids are given for the swelling and symptoms they cause.",
                "",
            )
        return (
            None,
            f"Brain metastases in your record: {f.brain}; whether they cause symptoms is not recorded.",
            settle,
        )
    if c.get("status") == "active" and c.get("excepted") and f.brain == "active":
        return (
            None,
            "Brain metastases in your record: active; whether they fit the rule's exception "
            "(small, without symptoms, no treatment needed) is not recorded.",
            settle,
        )
    if c.get("status") == "active":
        return (
            f.brain in {"active", "treated-progressing", "leptomeningeal"},
            f"Brain metastases in your record: {f.brain}.",
            "",
        )
    return f.brain != "none", f"Brain metastases in your record: {f.brain}.", ""


LOCAL_SITES = {"chest wall", "skin", "breast"}


def _locoregional(f: PatientFacts) -> tuple[bool | None, str, str]:
    """Disease in the breast, chest wall or nearby skin, which local treatments aim at."""
    local = sorted(LOCAL_SITES & set(f.sites))
    if local:
        return True, f"Your record lists disease in: {', '.join(local)}.", ""
    if f.sites_known and f.sites:
        return (
            False,
            f"Your record lists spread to {', '.join(f.sites)}, but no disease in the breast or chest wall.",
            "",
        )
    return (
        None,
        "Whether there is disease in the breast or chest wall is not known.",
        "Your scan reports",
    )


# Karnofsky scores each ECOG grade can stand for. The usual table pairs ECOG 0 with KPS 90-100,
# 1 with 70-80, 2 with 50-60, 3 with 30-40 and 4 with 10-20 (ECOG-ACRIN, "ECOG Performance
# Status Scale", https://ecog-acrin.org/resources/ecog-performance-status/, read 2026-12-02);
# conversion studies find the scales overlap, so each range is widened by one step (10 points)
# where the grades meet (Buccheri G et al., Eur J Cancer 1996;32A:1135-41, "Karnofsky and ECOG
# performance status scoring in lung cancer", https://doi.org/10.1016/0959-8049(95)00664-8,
# read 2026-12-02). As of 2026-12-02.
ECOG_TO_KPS = {0: (80, 100), 1: (70, 90), 2: (50, 70), 3: (30, 50), 4: (10, 30)}


def _karnofsky(
    minimum: int, ecog: int | None, karnofsky: int | None = None
) -> tuple[bool | None, str, str]:
    """Karnofsky >= minimum: from the Karnofsky score the record states, else judged from an
    ECOG score where the ranges allow."""
    if karnofsky is not None:
        return karnofsky >= minimum, f"Your Karnofsky score is {karnofsky}.", ""
    if ecog is None or ecog not in ECOG_TO_KPS:
        return None, "Your performance status is not recorded.", "Your Karnofsky or ECOG score"
    lo, hi = ECOG_TO_KPS[ecog]
    why = f"Your ECOG score is {ecog}, which matches a Karnofsky score of about {lo}-{hi}."
    if lo >= minimum:
        return True, why, ""
    if hi < minimum:
        return False, why, ""
    return None, why, "Your Karnofsky score from your care team"


def ecog_from_karnofsky(allowed, karnofsky: int) -> tuple[bool | None, str, str]:
    """An ECOG rule judged from a Karnofsky score: the ECOG grades whose range (ECOG_TO_KPS)
    holds the score; decided only when all of them are allowed, or none is."""
    grades = sorted(g for g, (lo, hi) in ECOG_TO_KPS.items() if lo <= karnofsky <= hi)
    said = " or ".join(str(g) for g in grades) or "none"
    why = f"Your Karnofsky score is {karnofsky}, which matches an ECOG score of about {said}."
    if grades and all(g in allowed for g in grades):
        return True, why, ""
    # a "no" only when the score is a further step away from every allowed grade: the tables
    # disagree where the grades meet (KPS 60 is ECOG 1 or 2 by some; review)
    near = [g for g, (lo, hi) in ECOG_TO_KPS.items() if lo - 10 <= karnofsky <= hi + 10]
    if grades and not any(g in allowed for g in near):
        return False, why, ""
    return None, why, "Your ECOG score from your team"


def evaluate(c: dict, f: PatientFacts) -> tuple[bool | None | str, str, str]:
    """(does the check's condition hold for the person, why, what would settle it)."""
    t = c["type"]
    if t == "age":
        if f.age is None:
            return None, "Your age is not known.", "Your age"
        lo, hi = c["min"], c["max"]
        if lo is not None and hi is not None and lo > hi:  # "under 18 or over 89": outside a range
            return f.age < hi or f.age > lo, f"You are {f.age:g}.", ""
        ok = (lo is None or f.age >= lo) and (hi is None or f.age <= hi)
        return ok, f"You are {f.age:g}.", ""
    if t == "sex":
        if c["value"] == "any":
            return True, "Open to all sexes.", ""
        if f.sex is None:
            return None, "Your sex is not recorded.", "Your sex"
        return f.sex == c["value"], f"Your sex is {f.sex}.", ""
    if t == "setting":
        if f.setting is None:
            return None, "Whether the cancer is metastatic is not known.", "Your stage"
        return f.setting == c["value"], f"Your cancer is {f.setting}.", ""
    if t == "receptor":
        return _receptor(c, f)
    if t in ("diagnosed_within", "diagnosed_since", "diagnosed_between"):
        return diagnosis_time_holds(c, f.as_of, f.diagnosed_on, f.first_diagnosed_on, f.de_novo)
    if t == "sites_only":
        if not f.sites_known:
            return (
                None,
                "Where the cancer has spread is not in your record.",
                "Your latest scan report",
            )
        where = f"Spread to: {', '.join(f.sites) or 'none'}."
        return bool(f.sites) and set(f.sites) <= set(c["values"]), where, ""
    if t == "ever_treated":  # a drug for the cancer so far (surgery and radiation are not kept)
        given = [d.name for d in f.drugs if "bone-modifying agent" not in d.labels]
        if but := c.get("except"):  # "... other than one line of cytotoxic chemotherapy"
            other = [
                d.name
                for d in f.drugs
                if "bone-modifying agent" not in d.labels and not set(d.labels) & set(but)
            ]
            named = " or ".join(but)
            lines_of = [ls for ls in (f.line_labels or []) if set(ls) & set(but)]
            if c.get("one_line") and len(lines_of) > 1:  # "other than one line of chemotherapy"
                return (
                    True,
                    f"You had {len(lines_of)} lines with {named} for metastatic disease.",
                    "",
                )
            if other:
                return (
                    True,
                    f"You have had treatment other than {named} ({', '.join(other[:3])}).",
                    "",
                )
            if f.therapies_known:
                return False, f"Your record shows no cancer medicine other than {named}.", ""
            return (
                None,
                f"Whether you had treatment other than {named} is not clear.",
                "Your treatment history",
            )
        if given:
            return True, "You have had treatment for the cancer (" + ", ".join(given[:3]) + ").", ""
        return (
            None,
            "Your record shows no cancer medicine; surgery or radiation may not be listed.",
            "Your treatment history",
        )
    if t == "on_treatment":
        if not f.therapies_known:
            return None, "Your current treatment is not recorded.", "Your treatment list"
        now = [d.name for d in f.drugs if d.ongoing and "bone-modifying agent" not in d.labels]
        if now:
            return True, "You are being treated now (" + ", ".join(now) + ").", ""
        return False, "Your record shows no cancer treatment going on now.", ""
    if t == "subtypes":  # one of the breast subtypes a criterion lists
        states = [fits_subtype(hr, her2, f) for hr, her2 in c["options"]]
        yours = f"Your cancer is HR {f.hr or 'unknown'}, HER2 {f.her2 or 'unknown'}."
        if True in states:
            return True, yours + " That is one of the types this study takes.", ""
        if None in states:
            return None, yours, "ER, PR and HER2 results"
        return False, yours + " That is not one of the types this study takes.", ""
    if t == "subtype":
        if f.er_low_only and f.her2 in HER2_NEGATIVE:
            low = "Your ER is low-positive (1-10%), PR negative and HER2 negative."
            if c.get("er_low_ok"):
                return True, low + " This trial counts that with triple-negative.", ""
            if c.get("er_below_1"):
                return False, low + " This trial counts ER as negative only below 1%.", ""
            return (
                None,
                low + " Some triple-negative trials include ER-low cancers and some do not.",
                "Whether the study team counts ER-low as triple-negative",
            )
        if f.hr == "positive" or f.her2 == "positive":
            return False, f"Your cancer is HR {f.hr}, HER2 {f.her2}.", ""
        if f.hr == "negative" and f.her2 in HER2_NEGATIVE:
            return True, "Your cancer is triple-negative.", ""
        return None, "Your ER/PR/HER2 results are incomplete.", "ER, PR and HER2 results"
    if t == "histology":
        if f.histology is None:
            return None, "The cancer's cell type (histology) is not known.", "Pathology report"
        return f.histology in {c["value"], "mixed"}, f"Your cancer is {f.histology}.", ""
    if t == "therapy":
        if c["value"] == "radiation":
            return radiation_holds(c, f)
        return therapy_holds(c, f)
    if t == "lines":
        return lines_hold(c, f)
    if t == "progression_within":
        return progression_window.holds(c, f)
    if t == "brain_window":
        return brain_window.window_holds(c, f)
    if t == "trial_participation":
        return trial_history.holds(c, f)
    if t == "line_months":
        early_her2 = any(
            d.given_early and any("her2" in label.lower() for label in d.labels) for d in f.drugs
        )
        return evaluate_duration(c, f.line_labels, f.line_months, early_her2)
    if t == "brain":
        return _brain(c, f)
    if t == "measurable":
        if c.get("or_bone_only") and f.sites == ["bone"]:
            return True, "Your cancer has spread to the bones only.", ""
        if c.get("or_bone_only") and f.measurable is False and f.sites_known:
            return False, f"Measurable disease: no; spread to: {', '.join(f.sites)}.", ""
        if f.measurable is None:
            return (
                None,
                "Whether a tumor can be measured on scans is not known.",
                "A scan report (RECIST 1.1)",
            )
        return f.measurable, "Measurable disease: " + ("yes." if f.measurable else "no."), ""
    if t == "site":
        if not f.sites_known and not f.sites:
            return None, "Where the cancer has spread is not known.", "Your scan reports"
        if c["value"] == "bone-only":
            bone_only = f.sites == ["bone"]
            if bone_only and c.get("state"):
                return _site({**c, "value": "bone"}, f)  # "bone-only disease that is only blastic"
            return bone_only, f"Spread to: {', '.join(f.sites) or 'none'}.", ""
        return _site(c, f)
    if t == "biomarker":
        return _biomarker(c, f)
    if t == "ecog":
        if f.ecog is None and f.karnofsky is not None:
            return ecog_from_karnofsky(c["allowed"], f.karnofsky)
        if f.ecog is None:
            return (
                None,
                "Your performance status (ECOG) is not recorded.",
                "Your ECOG score from your team",
            )
        return f.ecog in c["allowed"], f"Your ECOG score is {f.ecog}.", ""
    if t == "de_novo":
        if f.de_novo is None:
            return (
                None,
                "Whether the cancer was metastatic at first diagnosis is not known.",
                "Your first diagnosis and its stage",
            )
        return (
            f.de_novo,
            "Your cancer was metastatic when first found."
            if f.de_novo
            else "Your cancer came back after an earlier diagnosis.",
            "",
        )
    if t == "progressing_now":
        return progressing_now(f)
    if t == "inflammatory":
        return inflammatory_holds(f)
    if t == "visceral_crisis":
        return visceral_crisis(f)
    if t == "no_evidence_of_disease":
        return no_evidence_of_disease(f)
    if t == "options_exhausted":
        return options_exhausted(f)
    if t == "locoregional":
        return _locoregional(f)
    if t == "karnofsky":
        return _karnofsky(c["min"], f.ecog, f.karnofsky)
    if t == "neuropathy":
        return neuropathy.holds(c, f)
    if t == "health_problem":
        return health_problems.holds(c, f)
    if t == "receptor_percent":
        return receptor_percent.holds(c, f)
    if t == "condition":
        if c["value"] == "breast cancer":
            if f.therapies_known or re.search(r"breast", f.note, re.I):
                return True, "You have breast cancer.", ""
            return False if f.note else None, "Breast cancer is not mentioned.", "Your diagnosis"
        if c["value"] == "pneumonitis":
            return pneumonitis.holds(c, f)
        if c["value"] == "pregnant":
            if f.pregnant is None:
                return None, "Pregnancy is checked at screening.", "A pregnancy test"
            return f.pregnant, "Pregnancy: " + ("yes." if f.pregnant else "no."), ""
    if t == "menopause":
        if f.sex == "male":
            return NEUTRAL, "This rule is about women.", ""  # type: ignore[return-value]
        return evaluate_menopause(c, f.menopause)
    if t == "lab":
        gilbert = any("gilbert" in k for k in f.conditions)
        return evaluate_lab(c, f.labs, f.as_of, f.sites, gilbert)
    if t == "cyp3a":
        return cyp3a.holds(c, f)
    if t == "consent":
        return True, "You would be asked to agree in writing.", ""
    return None, "Not checked automatically.", ""


def _site(c: dict, f: PatientFacts) -> tuple:
    """A named site of spread, or any site outside the liver ("extra-hepatic"); a state such as
    "progressing or untreated" is not in the record, so having the site leaves it unknown."""
    where = f"Spread to: {', '.join(f.sites) or 'none'}."
    if c["value"] == "extrahepatic":
        present = any(s != "liver" for s in f.sites)
    else:  # "skin or chest wall": any of the sites named
        present = bool(set(c["value"].split(" or ")) & set(f.sites))
    if present and c.get("dominant"):  # "bone dominant disease"
        if set(f.sites) <= {"bone", "lymph nodes"}:
            return True, f"{where} Bone is the main place the cancer has spread.", ""
        return (
            None,
            f"{where} Whether bone is the main place it has spread is for the study team.",
            "Your scan reports",
        )
    kind = CRITERION_KINDS.get(c.get("state") or "")
    if present and kind and f.bone_kind and "bone" in c["value"]:
        # "Bone only disease that is only blastic with no soft tissue component" (NCT05501886):
        # the scan note says what the bone lesions are (bone_lesions.kind)
        said = "sclerotic (blastic) only" if f.bone_kind == "blastic" else "partly lytic"
        return f.bone_kind == kind, f"{where} Your scan notes call the bone lesions {said}.", ""
    if present and c.get("state"):
        return (
            None,
            f"{where} Whether it is {c['state']} there is not in your record.",
            "Your latest scan report",
        )
    return present, where, ""
