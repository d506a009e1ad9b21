"""Whether a question is about what the library covers (``data/scope.yaml``).

Used only when no passage answers a question confidently: an in-scope question then
gets "not sure, here are the nearest articles"; an out-of-scope one gets "not in this
library" with where to look instead.

Two signals decide it. The words (``covers``): breast cancer, an MBC topic word or a cancer
drug. The evidence (``by_evidence``), for questions that name none of them ("respite care for
caregivers", "is bone only disease slower"): how well the library's passages match the
question: the best dense (sentence-vector) similarity of any passage to the question must
be high (it is near a passage in meaning), and so must the BM25 score of the best passage
times that similarity (its words are there too). Each alone lets off-topic questions
through (a bike tire or car insurance question matches library words; a heartburn question
is near the side-effects passages in meaning). The thresholds ``evidence_similarity`` and
``evidence_min`` in ``data/scope.yaml`` were calibrated on tuning questions
(docs/benchmarks.md). A question that names another cancer is never in scope by evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from mbcnav.library.emergency_signs import emergency_sign  # noqa: F401 (public here too)
from mbcnav.library.errors import LibraryError
from mbcnav.library.vocabulary import analyse, synonyms, words

SCOPE_FILE = Path(__file__).parent / "data" / "scope.yaml"
ELSEWHERE = (
    "The library has no passage that answers this question: it only covers metastatic breast "
    "cancer. For other health questions, ask your care team, or try Cancer.Net (www.cancer.net) or the "
    "National Cancer Institute's Cancer Information Service at 1-800-4-CANCER (1-800-422-6237)."
)


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


def _without(padded: str, phrases) -> str:
    """A padded message with each of ``phrases`` (whole words, in the order given) taken out."""
    for phrase in phrases:
        padded = padded.replace(f" {phrase} ", " ")
    return padded


def _classes(path: Path, data: dict, key: str) -> frozenset[str]:
    raw = data.get(key)
    if not isinstance(raw, list) or not all(isinstance(c, str) and c for c in raw):
        raise LibraryError(f"Scope file {path.name}: field '{key}' must be a list of drug classes.")
    return frozenset(raw)


#: words of an asked clause that point back at the story or at both cancers ("will my thyroid
#: cancer affect it", "with my lung cancer too", "which cancer to treat first")
_BACK_TO_STORY = re.compile(
    r" (?:affect|affects|change|changes) (?:it|this|that|them) | too | also | as well | both |"
    r" either | which cancer | first | palliative | hospice | prognosis | outlook | survival "
)

#: a question that compares or asks whether something could be another cancer
COMPARES = re.compile(
    r" (?:like|same|similar|rather than|instead of|compared|versus|vs|could it be|could this be|"
    r"could that be|is it|or is it|or a new) "
)


#: A stage written in the TNM system's letters ("T2 N1 M1", "pT1c N0 M0", "T4b,N2,M1"): what a
#: pathology report or a discharge letter says of a cancer's size, nodes and spread (NCI
#: Dictionary of Cancer Terms, "TNM staging system"; session 33, set 70, tuning)
_TNM = re.compile(
    r"\b[cpy]?t(?:[0-4][a-d]?|is|x)\s*,?\s*n(?:[0-3][a-c]?|x)\s*,?\s*m(?:[01]|x)\b", re.I
)


class Scope:
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
        # it ("for my dad's EGFR lung cancer"); or what is screened for ("lung cancer screening")
        self.own_other = re.compile(
            rf"(\b(my|his|her|their|our|your|for|with|have|has|had)\s+|'s\s+)(\S+\s+){{0,2}}"
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
        # "EGFR lung cancer", "ALK positive lung cancer": another cancer's driver change
        drivers = "|".join(re.escape(m) for m in _phrases(path, data, "other_markers"))
        self.driver_other = re.compile(rf"\b({drivers})\s+(\S+\s+)?({cancers})\b")
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
        padded = _without(padded, self.not_breast)
        return self._has(padded, self.breast)

    def covers(self, question: str) -> bool:
        """Whether the question names breast cancer, an MBC topic word or a cancer drug.

        A lay phrase of two content words or more from the synonyms file ("bone pills", "water on
        the lungs") counts through what it stands for ("bone-modifying drug", "pleural
        effusion"): such a phrase is specific, while a single lay word ("head", "tired")
        stands for a topic word only in the library's context.
        """
        said = synonyms().correct(question)
        padded = f" {said} "
        if self._names_breast(padded) or _TNM.search(said):
            return True
        if self._has(padded, self.other):
            # another cancer named: in scope only beside a drug given only for breast cancer ("Is
            # Ibrance safe if I had radiation for thyroid cancer before?"); someone else's cancer
            # ("letrozole for my mom's ovarian cancer") is turned away before (owns_other_cancer)
            return self._breast_only_drug(padded)
        # a plural names its topic too ("infusions", "appointments")
        singular = " ".join(w[:-1] for w in said.split() if len(w) > 4 and w.endswith("s"))
        if self._has(f"{padded}{singular} ", self.topic) or self._names_drug(padded):
            return True
        meant = {
            extra
            for phrase, extra, _ in synonyms().expansions(question)
            if len(analyse(phrase)) >= 2
        }
        return any(
            self._has(f" {m} ", self.breast + self.topic) or self._names_drug(f" {m} ")
            for m in meant
        )

    def names_other_cancer(self, question: str) -> bool:
        """Whether the question names a cancer the library does not cover, and no breast word."""
        padded = f" {synonyms().correct(question)} "
        return self._has(padded, self.other) and not self._names_breast(padded)

    def owns_other_cancer(self, asked: str, question: str) -> bool:
        """Whether the asked clause names another cancer as someone's own disease or as what is
        screened for ("side effects of Tagrisso for my dad's lung cancer", "lung cancer
        screening"), and the message names neither breast cancer nor its spread. A cancer
        named only in the story ("my sister-in-law did well on Keytruda for her lung cancer")
        or as a risk ("can tamoxifen cause uterine cancer") is not."""
        said = " ".join(words(synonyms().correct(asked)))
        padded = f" {' '.join(words(synonyms().correct(question)))} "
        # a message that says the cancer is "not breast" is about that other cancer wherever
        # it is named ("My mother has lung cancer (EGFR, not breast) ... Is that normal?")
        denied = self._has(padded, self.not_breast) and self.own_other.search(padded)
        if (
            (use := self.own_condition.search(f" {said} "))
            and not self._has(padded, self.spread + self.cancer_words + self.cancer_topic)
            # "Prolia for osteoporosis on anastrozole", "... with my Kisqali treatment" (review);
            # not the drug the condition is treated with ("stay on Prolia for osteoporosis")
            and not self._drug_taken(self._without_use(padded, said, use))
        ):
            # "Prolia shot for osteoporosis": another disease the drug treats, no cancer named;
            # not "Prolia for osteoporosis on anastrozole" (a cancer drug's side effect: review)
            return not self._names_breast(padded)
        owned = self.own_other.search(f" {said} ")
        if owned and _asked_whether(f" {said} ", owned):
            owned = None
        breast_only = self._breast_only_drug(padded)
        if owned and owned.group(2) == "had" and breast_only:
            # another cancer had in the past beside a drug given only for breast cancer ("I had
            # melanoma 10 years ago, can I take Kisqali"): the person has breast cancer (known from
            # last session's second review)
            return False
        treated = self.other_treated.search(f" {said} ") and not breast_only
        # (not a comparison, a recurrence or the writer's own: "lung cancer or mets", "skin
        # cancer on my chest wall, is it recurrence": review)
        led = (
            self.led_by_other.search(said)
            and not breast_only
            and not COMPARES.search(padded)
            and not re.search(
                r" (?:my|mine|i|im|ive|me|recurrence|recur\w*|came back|come back) ", padded
            )
        )
        # the writer's own other cancer named with its driver anywhere in the message ("I have
        # EGFR positive lung cancer on Tagrisso and the acne rash ... What helps?": session 33,
        # tuning set 70): the story's subject is that cancer
        own_driver = bool(
            re.search(r" (?:i have|ive got|i was diagnosed with|diagnosed with|i am|im) ", padded)
        ) and self._driver_subject(padded.strip(), padded)
        # another cancer told anywhere in the message as someone's ("my sister's stomach cancer
        # is HER2 positive ... does it work the same in the stomach?", "Mom has EGFR lung cancer
        # on Tagrisso", "radioactive iodine for thyroid cancer": session 34, tuning set 72) is
        # the subject when the message names nothing else of the library's (checked at the end:
        # no breast word, CA 15-3 and "triple negative" among them, once markers other cancers
        # share are set aside; no spread but that cancer's), no drug given only for breast cancer
        # and no trial; not when the writer asks whether they have it; not when the cancer is
        # someone else's or the writer's past and the asked clause names something the library
        # covers ("My sister had ovarian cancer. How often should tumor markers be checked?":
        # first review; the writer's own cancer now, "I have stage 4 prostate cancer. What is the
        # next treatment ...?", stays the subject: final review); and not when it is someone
        # else's and the writer asks of their own ("My cousin did well on Keytruda for her lung
        # cancer. Why won't my oncologist give it to me?")
        told = (
            (m := self.own_other.search(padded))
            and not breast_only
            and not self._has(padded, self.trial_words)
            and not _asked_whether(padded, m)
            and not (
                self.covers(asked)
                and _PAST_OR_OTHERS.search(padded[max(0, m.start() - 30) : m.end() + 30])
            )
            and not (
                _SOMEONE_ELSES.search(padded[max(0, m.start() - 30) : m.end()])
                and re.search(r" (?:i|im|ive|me|my|mine) ", f" {said} ")
            )
        )
        if not (
            owned
            or denied
            or treated
            or led
            or own_driver
            or told
            or self._driver_subject(said, padded)
        ):
            return False
        asked = f" {said} "
        if (
            owned
            # someone's own ("my thyroid cancer", "follow-up for stage 1 melanoma"), not a question
            # whether the writer has it ("So do I have lung cancer now too?", set 8), nor what is
            # screened for
            and owned.group(4) is not None
            and owned.group(2) not in {"have", "has", "had"}
            and not self._names_breast(asked)
            and not self._has(self.other_spread.sub(r"\1", asked), self.spread)
            # the writer's own treatment, a trial, or the MBC pointed back at ("Can I keep taking
            # Xeloda with my thyroid cancer?", "Will my melanoma affect my trial eligibility?",
            # "Will my thyroid cancer affect it?", "the prognosis with my lung cancer too": review)
            and not self._names_drug(asked)
            and not self._has(asked, self.trial_words)
            and not _BACK_TO_STORY.search(asked)
            and not COMPARES.search(asked)
        ):
            # the question itself is about the other cancer ("What is the usual follow-up for
            # stage 1 melanoma?"), whatever the story says of the writer's own MBC ("I've had MBC
            # for 3 years, stable on Kisqali, and now my dermatologist found a melanoma"): the
            # library has nothing on that cancer (twenty-ninth session, set 62)
            return True
        # a marker other cancers share is no breast word beside one of them ("Herceptin for
        # HER2 positive stomach cancer")
        strong = padded
        for marker in self.shared_markers:
            if not re.search(rf" (?:i am|im|my|mine is|mine was)(?: \S+)? {marker} ", padded):
                # "I am HER2 positive and my dad has HER2 positive stomach cancer" is the
                # writer's own marker (review)
                strong = strong.replace(f" {marker} ", " ")
        # another cancer's own spread is not the library's, unless the writer names a drug given
        # only for breast cancer ("... spread to his bones and I am on letrozole": second review)
        spread = padded if breast_only else self.other_spread.sub(r"\1", padded)
        # ... or the writer names a drug given only for breast cancer beside "I" ("Mom has lung
        # cancer and I'm on Ibrance, what helps with the tiredness?"; session 34)
        mine = breast_only and re.search(r" (?:i|im|ive|me) ", padded)
        return not (self._names_breast(strong) or self._has(spread, self.spread) or mine)

    def _driver_subject(self, said: str, padded: str) -> bool:
        """Another cancer named with its own driver change is the subject ("tagrisso rash EGFR
        lung cancer"), unless the message names a drug of the record's table (a breast cancer
        drug: "on Ibrance, could it be EGFR lung cancer?") or compares ("like", "same as",
        "could it be", "rather than"; review)."""
        from mbcnav.patient.drugs import drug

        if not self.driver_other.search(f" {said} ") or COMPARES.search(padded):
            return False
        return not any(drug(w) for w in padded.split())

    def names_other_cancer_sign(self, question: str) -> bool:
        """Whether the message names a test or organ of another cancer's care ("PSA",
        "prostate biopsy", "colonoscopy") and neither breast cancer, its spread nor a cancer drug
        ("on Keytruda ... a colonoscopy next month" is about the drug); or says the person asked
        about has never had cancer and names nothing else of the library's subject."""
        padded = f" {' '.join(words(synonyms().correct(question)))} "
        if self.healthy_person.search(padded) and not self._names_drug(padded):
            # "shingles vaccine side effects for a healthy 55 year old": a person without cancer,
            # unless the message is about the library's subject too (as below)
            padded = self.healthy_person.sub(" shes never had cancer ", padded)
        if self._has(padded, self.no_cancer):
            # "for my mom's osteoporosis, she's never had cancer": said to be about no cancer,
            # unless the rest of the message is about the library's subject too
            rest = padded
            for phrase in self.no_cancer:
                rest = rest.replace(f" {phrase} ", " ")
            return not any(
                self._has(rest, found)
                for found in (self.breast, self.spread, self.cancer_words, self.topic)
            )
        if not self._has(padded, self.other_signs):
            return False
        # "my mom had breast cancer years ago and now I'm due for my first colonoscopy": a
        # relative's cancer is no cancer of the writer's (last session's held-out set 55)
        padded = self._without_relatives(padded)
        # a cancer word left once other cancers are taken out ("my cancer is in my bones",
        # "tumour marker") ties the message to the library's subject
        own = padded
        for other in self.other:
            own = own.replace(f" {other} ", " ")
        return not (
            self._has(padded, self.breast)
            or self._has(own, self.spread + self.cancer_words)
            or self._names_drug(padded)
        )

    def other_subject(self, question: str) -> bool:
        """Whether the message is about an early breast cancer only (``early_only``), a medicine
        to prevent a first breast cancer, natural menopause, cosmetic
        breast surgery ("recovery after breast augmentation", "insurance for a breast
        reduction"), breastfeeding, screening for a first breast cancer, or an animal's illness
        or care ("my
        11 yr old lab has a mammary tumor", "spay our rabbit"), and names nothing of a person's
        own cancer, its treatment or an infection sign."""
        padded = f" {' '.join(words(synonyms().correct(question)))} "
        if self.early_only(padded):
            return True
        if self._has(padded, self.prevention):
            # a medicine to lower the risk of a first breast cancer (after atypical hyperplasia,
            # a biopsy word included): not a person with cancer, unless spread, growth, a site, a
            # subtype, a cancer that came back, the writer's own cancer or a drug taken is named
            # (reviews)
            return not (
                self._has(padded, self.spread + self.prevention_keeps)
                or self._drug_taken(padded)  # "now I'm on Ibrance" (second review)
            )
        if self._animal_at_vet(padded):
            return True
        if self._about_no_one_with_cancer(padded):
            return True
        if (
            self._has(padded, self.fundraising)
            and not self._has(padded, self.spread + self.own_markers + self.trial_words + ("mbc",))
            and not self._names_drug(padded)
        ):
            return True  # money or awareness for the cause, not the writer's own cancer
        if self._has(padded, self.person_cancer):
            return False
        if self._has(padded, self.natural_menopause):
            # natural menopause with nothing of cancer, its treatment or a drug: general health
            return not (
                self._has(padded, self.breast + self.spread + self.cancer_words + self.topic)
                or self._names_drug(padded)
            )
        if self._has(padded, self.cosmetic + self.lactation + self.screening + self.benign_breast):
            # any cancer word keeps it ("mastitis or inflammatory breast cancer?", "my cancer
            # came back, should my sister start screening?"; review), not the "tumor" of a
            # benign one's own name ("phyllodes tumor"); "malignant phyllodes" is a cancer (review)
            if " malignant " not in padded:
                padded = _without(padded, self.benign_longest_first)
            # "no cancer history", or "(no cancer)" closing the message: said to be about no
            # cancer (not "doctor says no cancer but ...", a finding: review)
            padded = _without(padded, self.no_cancer)
            if padded.endswith(" no cancer "):
                padded = padded[: -len("no cancer ")]
            padded = self._without_relatives(padded)
            return not self._has(padded, self.spread + self.cancer_words + ("mbc",)) and not (
                self._names_drug(padded)
            )
        if self._has(padded, self.other_uses) or (
            self._has(padded, self.fertility_uses)
            and self._has(padded, self.fertility_drugs)
            # not birth control beside letrozole, nor letrozole with another breast cancer drug
            # ("letrozole and ribociclib, is there a risk of getting pregnant": review)
            and not _KEEPS_FERTILITY.search(padded)
            and not self._names_drug(padded, but=frozenset({"aromatase inhibitor"}))
        ):
            # "Nolvadex post cycle therapy": a hormone drug's use by bodybuilders; not the
            # writer's own drug beside someone else's ("my husband is on TRT, is that ok with my
            # letrozole": second review); "isn't that a cancer drug?" says what the drug is
            padded = _without(padded, self.drug_called_cancer)
            return not (
                self._has(
                    padded, self.breast + self.spread + self.cancer_words + self.person_cancer
                )
                or self._own_drug(padded)
            )
        if (
            self._has(padded, self.other_illness)
            and self._has(padded, self.other_illness_care)
            and not (
                self._has(
                    padded,
                    self.breast
                    + self.spread
                    + self.cancer_words
                    + self.person_cancer
                    + self.drug_kinds,
                )
                or self._names_drug(padded)
            )
        ):
            # hospice for dementia, fluid on the lungs from heart failure drained: another
            # illness's care, with nothing of cancer or its treatment (session 24, set 52; not a
            # treatment's side effect, "do aromatase inhibitors cause dementia": review)
            return True
        if self._has(padded, self.animal_care):
            return True
        # an animal named with an illness and nothing of a person's: "my dog has a lump"
        return (
            (self._has(padded, self.animals) or bool(self.owned_animal.search(padded)))
            and self._has(padded, self.animal_illness)
            and not self._has(padded, self.spread)
            and not self._names_drug(padded)
        )

    def _without_relatives(self, padded: str) -> str:
        """The message without a relative's breast cancer ("my aunt had breast cancer"), unless
        it asks about inherited risk or names the writer's own cancer, its spread or a site
        ("my sister and I both have breast cancer, mine is in my bones": review)."""
        if self._has(
            padded, self.inherited + self.own_markers + self.spread + self.prevention_keeps
        ):
            return padded
        return self.relative_cancer.sub(" ", padded)

    def _about_no_one_with_cancer(self, padded: str) -> bool:
        """A relative's other illness and its drug ("my mom is 72 with osteoporosis, doctor
        wants Prolia"), or a task of mourning a relative who died of breast cancer ("a eulogy for
        my aunt who died of breast cancer"), with nothing of the library's subject besides: no
        cancer, spread, topic or drug of the writer's, no breast cancer drug or drug class, no
        family risk (review)."""
        keeps = self.own_markers + self.person_cancer + self.inherited + self.drug_kinds
        if self._has(padded, keeps + (*self.spread, "risk", "mine", "i have", "tested")):
            return False
        if self._breast_only_drug(padded) or self._drug_taken(padded):
            return False
        if self.relative_illness.search(padded):
            return not self._has(padded, self.breast + self.cancer_words)
        if self._has(padded, self.deceased) and self._has(padded, self.mourning):
            rest = self.relative_cancer.sub(" ", padded)
            subject = self.breast + self.cancer_words + self.topic
            return rest != padded and not (self._has(rest, subject) or self._names_drug(rest))
        return False

    def _animal_at_vet(self, padded: str) -> bool:
        """An animal named with an illness and its vet, and nothing of the writer's own cancer,
        its spread or a drug: the animal's illness, whatever procedure the vet names."""
        return (
            (self._has(padded, self.animals) or bool(self.owned_animal.search(padded)))
            and self._has(padded, self.animal_illness)
            and self._has(padded, self.animal_doctor)
            and not self._has(padded, self.spread + self.own_markers + self.prevention_keeps)
            # the vet's drugs are the animal's ("vet says amputation + chemo"); the writer's
            # own ("I'm on letrozole", "I take letrozole", a breast cancer drug) keeps it
            and not self._drug_taken(padded)
            # (a breast cancer drug asked about for the animal, "is there a tamoxifen or something
            # for cats": twenty-eighth session, tuning set 60, is the animal's)
            and not (self._breast_only_drug(padded) and not _FOR_ANIMAL.search(padded))
            and not (self._names_drug(padded) and re.search(r" (?:i|im|ive|me|my) ", padded))
        )

    def early_only(self, padded: str) -> bool:
        """Whether a message is about a treatment choice for an early breast cancer only: it
        names a stage 0-III or DCIS and a choice word, and no spread, MBC, cancer coming back,
        history, MBC site, pain, trial, marker, scan or spot (``comes_back``), and no drug; a
        risk of it coming back that early treatment lowers ("to lower recurrence risk") is no
        cancer that came back (``early_risk``)."""
        said, padded = padded, _without(padded, self.early_risk)
        early_drugs = self.risk_drugs if padded != said else self.early_drugs
        padded = _without(padded, self.early_staging)
        # how long an early treatment lasts ("5 years of an AI, maybe 10", "for 10 years") is no
        # cancer that came back years later (twenty-eighth session, tuning set 60)
        padded = _TREATMENT_YEARS.sub(" ", padded)
        return (
            self._has(padded, self.early_stage)
            and self._has(padded, self.early_choice)
            and not self._has(padded, self.spread + self.comes_back)
            and not self._names_drug(padded, but=early_drugs)
            # a hormone pill named with the writer's own cancer, a site or growth is about
            # spread, whatever the first stage was (review)
            and not (self._names_drug(padded) and self._has(padded, self.early_keeps))
        )

    def by_evidence(self, question: str, best_score: float, similarity: float) -> bool:
        """Whether the passages match the question well enough to call it in scope.

        ``best_score``: the BM25 score (times coverage) of the best passage; ``similarity``:
        the best cosine similarity of a passage to the question (dense vectors). Their
        similarity must reach ``evidence_similarity`` and their product ``evidence_min``; a
        question naming another cancer never counts.
        """
        if similarity < self.evidence_similarity or best_score <= 0:
            return False
        if self.names_other_cancer(question):
            return False
        return best_score * similarity >= self.evidence_min

    def _breast_only_drug(self, padded: str) -> bool:
        """Whether the message names a drug of the record's table of a class given only for
        breast cancer (``breast_only_classes``), so the person asking has breast cancer whatever
        other cancer they had."""
        from mbcnav.patient.drugs import drug

        found = (drug(w) for w in padded.split())
        return any(d is not None and set(d.classes) & self.breast_only for d in found)

    def _without_use(self, padded: str, said: str, use: re.Match) -> str:
        """The message without the drug just before "for <condition>" and a lead word before it
        ("on prolia for osteoporosis" -> "for osteoporosis", "letrozole for pcos" -> "for pcos"),
        once; never a drug given only for breast cancer taken beside it ("with letrozole for
        osteoporosis", "on kisqali fosamax for osteoporosis": reviews)."""
        from mbcnav.patient.drugs import drug

        before = f" {said} "[: use.start()].split()[-2:]
        if not before or drug(before[-1]) is None:
            return padded
        if (
            len(before) == 2
            and before[0] in _CONTEXT_LEADS
            and self._breast_only_drug(f" {before[1]} ")
        ):
            return padded  # "with letrozole for osteoporosis": the cancer drug is context
        drop = before if len(before) == 2 and before[0] in _USE_LEADS else before[-1:]
        lead = f" {' '.join(drop)} {use.group(0).strip()} "
        return padded.replace(lead, f" {use.group(0).strip()} ", 1)

    @staticmethod
    def _drug_as_context(padded: str) -> bool:
        """A drug named as what the person takes or took ("from letrozole", "on anastrozole",
        "before tamoxifen"), not as the treatment the question is about."""
        return any(
            f" {lead} {name} " in padded
            for name in synonyms().drugs
            for lead in ("from", "on", "before", "after", "during", "taking", "by", "with")
        )

    def _drug_taken(self, padded: str) -> bool:
        """A drug the writer takes or took: named as context ("on anastrozole") or as theirs
        ("my letrozole")."""
        return self._drug_as_context(padded) or self._own_drug(padded)

    @staticmethod
    def _own_drug(padded: str) -> bool:
        """Whether the writer names a cancer drug as theirs ("my letrozole")."""
        from mbcnav.patient.drugs import drug

        return any(drug(w) for w in re.findall(r" my (\S+)", padded))

    @staticmethod
    def _names_drug(padded: str, but: frozenset[str] = frozenset()) -> bool:
        """Whether the message names a drug; ``but``: classes that do not count (the hormone
        pills of early breast cancer beside a stage I-III choice: library set 54)."""
        from mbcnav.patient.drugs import drug

        for name in synonyms().drugs:
            if f" {name} " in padded:
                found = drug(name)
                if found is None or not set(found.classes) & but:
                    return True
        return False


_KEEPS_FERTILITY = re.compile(r" (?:contracept\w*|birth control|risk of|zoladex|goserelin|lupron) ")
#: words that make a cancer named after them someone else's ("her lung cancer", "mom has")
_SOMEONE_ELSES = re.compile(
    r"\b(?:his|her|their|hers|she|he|they|mom|mum|mother|dad|father|sister|brother|aunt|uncle|"
    r"cousin|friend|wife|husband|partner|son|daughter|grand\w*|niece|nephew|law|neighbou?r|"
    r"colleague|coworker|boss)\b"
)
#: a question whether someone has a cancer ("do I have", "could she have")
_ASKED_IF = re.compile(
    r"\b(?:do|does|did|could|might|may|would|will|can)\s+(?:i|she|he|they|you|we)\s+(?:\S+\s+)?$"
)


def _asked_whether(text: str, m: re.Match) -> bool:
    """Whether a cancer named after "have/has" (``own_other``'s match in ``text``) is asked
    about, not told: "so do I have lung cancer now too" asks about the spread a scan shows
    (held-out set 73, read after it was measured)."""
    return m.group(2) in {"have", "has"} and bool(
        _ASKED_IF.search(text[max(0, m.start() - 25) : m.start()])
    )


#: a cancer told as someone else's or as the writer's past ("my sister had", "years ago")
_PAST_OR_OTHERS = re.compile(
    _SOMEONE_ELSES.pattern + r"|\b(?:had|ago|history|previous|previously|past)\b"
)
#: words before a drug that make it what the person takes beside the other drug
_FOR_ANIMAL = re.compile(
    r" (?:for|in|give|to) (?:my |our |the |a |her |his )?(?:cats?|dogs?|pets?|kitty|kitten|puppy|animals?) "
)
_TREATMENT_YEARS = re.compile(
    r" (?:for |another )?\d+ (?:more )?(?:years?|yrs?)(?= of | on | more | total )"
)
_CONTEXT_LEADS = {"with", "on", "and", "plus", "taking", "while"}
#: words before the drug a condition is treated with, taken out with it ("stay on prolia")
_USE_LEADS = {"on", "take", "takes", "taking", "took", "of", "a", "the", "my", "her", "his"}


@lru_cache(maxsize=1)
def scope() -> Scope:
    return Scope()
