"""Whether a message is about early breast cancer only, prevention, an animal or another subject."""

from __future__ import annotations

import re

from mbcnav.library.drugs_named import drug_taken, names_drug, own_drug
from mbcnav.library.scope_data import without
from mbcnav.library.vocabulary import synonyms, words

_KEEPS_FERTILITY = re.compile(r" (?:contracept\w*|birth control|risk of|zoladex|goserelin|lupron) ")
_FOR_ANIMAL = re.compile(
    r" (?:for|in|give|to) (?:my |our |the |a |her |his )?(?:cats?|dogs?|pets?|kitty|kitten|puppy|animals?) "
)
# the test itself as what came back ("oncotype came back", "the results came back"), or a
# result after it ("came back 18", "came back clear"); not "my tests show it came back" (review)
_RESULT_BACK = re.compile(
    r" (?:(?:oncotype|mammaprint|score|results?|pathology|bloods?|labs?)(?: (?:score|results?|test))?"
    r" came back|came back (?:as )?(?:\d+|negative|clear|normal|fine|ok|benign|high|low|intermediate))"
    r"(?= )"
)
# the writer's own words ("my breast cancer spread", "I'm on treatment"), not the animal's
# ("my dog", "our vet"): a spread beside them is the writer's (review)
_ANIMAL_WORDS = r"dogs?|cats?|pets?|puppy|kitten|kitty|vet|vets|lab|labrador|rabbit|horse|bunny"
_WRITER_OWN = re.compile(
    rf" (?:i|im|ive|me) | my (?!(?:\w+ )?(?:{_ANIMAL_WORDS})\b)|"
    # a carer's person ("Mum's breast cancer spread to her bones ...", "Her breast cancer spread
    # ...": final review); "her" alone may be the animal's ("spread to her lungs")
    r" (?:mum|mom|mother|mam|dad|father|wife|husband|partner|sister|brother|daughter|son|friend|"
    r"aunt|gran|grandma|nan|nana)s? | (?:her|his|their) breast cancer "
)
#: a longer course of treatment weighed ("should I go to 10 years or stop?", "extend to 10 years":
#: extended adjuvant hormone therapy, NCI PDQ Breast Cancer Treatment, read 2026-12-07; session 40,
#: tuning set 84)
_LONGER = re.compile(
    r" (?:go|going|extend|extending|continue|continuing|stay|staying) (?:to |for |on )?\d+ "
    r"(?:years?|yrs?)(?= )"
)
_TREATMENT_YEARS = re.compile(
    # ("stay on anastrozole 5 years or 10": this session's held-out set 75, read after it was
    # measured)
    r" (?:for |another )?\d+ (?:more )?(?:years?|yrs?)(?= of | on | more | total | or \d+ )"
    # ... or asked ("how many years of tamoxifen do I need": session 36, tuning set 76)
    r"| how many (?:more )?(?:years?|yrs?)(?= of | on | should | do | will | must )"
    # ... or a longer course weighed (``_LONGER``)
    r"|" + _LONGER.pattern
)


#: the writer's own cancer said as "so did I" beside a relative's ("My mother had breast cancer
#: and so did I. Is HRT ok for me now?": library review, session 41)
_I_TOO = re.compile(
    r"\b(?:so\s+(?:did|do|have)\s+i|me\s+too|i\s+(?:also|too)\s+(?:had|have)|i\s+(?:had|have)\s+it\s+too)\b",
    re.I,
)
#: a medicine given to an animal ("Can I give my cat tamoxifen? She has mammary cancer": library
#: review): the animal's, though the writer says "I"
_GIVE_ANIMAL = re.compile(
    r"\b(?:give|gave|giving|give\s+it\s+to)\s+(?:my|our|the|her|his)\s+(?:old\s+)?(?:cat|dog|pet|puppy|kitten|horse|rabbit)\b",
    re.I,
)


#: a pet that ate or chewed someone's tablets is the vet's or Poison Control's for animals ("my dog
#: ate one of my kisqali tablets off the floor": held-out set 87, read after it was measured)
_ANIMAL_ATE = re.compile(
    r"\b(?:dog|cat|puppy|kitten|pet|rabbit)\s+(?:has\s+|had\s+|just\s+)?(?:ate|eaten|swallowed|chewed|got\s+into)\b",
    re.I,
)
#: the writer says they never had cancer ("51, never had cancer, is HRT safe")
_NEVER_HAD_CANCER = re.compile(
    r"(?:^\W*(?:\d{1,3}\s*(?:yo|y/o|years?\s+old)?\s*,?\s*)?|\b(?:i|ive|i've|i\s+have)\s+)(?:never|not\s+ever)\s+"
    r"(?:had|been\s+diagnosed\s+with)\s+(?:breast\s+)?cancer\b",
    re.I,
)


class OtherSubjectReadings:
    """The readings of ``Scope`` of a subject other than a person's MBC."""

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
                or drug_taken(padded)  # "now I'm on Ibrance" (second review)
            )
        if (
            self._animal_at_vet(padded)
            or self._treatment_for_animal(padded)
            or _ANIMAL_ATE.search(padded)
        ):
            return True
        if (
            _NEVER_HAD_CANCER.search(question.strip())
            and not self._has(padded, self.spread)
            and not names_drug(padded)
        ):
            return True  # "51, never had cancer, is HRT safe for my hot flashes" (held-out set 87)
        if self._about_no_one_with_cancer(padded) or self._possible_first_cancer(padded):
            return True
        if (
            self._has(padded, self.fundraising)
            and not self._has(padded, self.spread + self.own_markers + self.trial_words + ("mbc",))
            and not names_drug(padded)
        ):
            return True  # money or awareness for the cause, not the writer's own cancer
        if self._has(padded, self.person_cancer):
            return False
        if self._has(padded, self.menopause_hormones):
            # hormones for menopause asked beside a relative's breast cancer, with nothing of the
            # writer's own cancer, its treatment or a drug (session 41, set 86)
            rest = self._without_relatives(padded)
            if rest != padded and not (
                self._has(rest, self.breast + self.spread + self.cancer_words + self.topic)
                or names_drug(rest)
                or _I_TOO.search(rest)
            ):
                return True
        if self._has(padded, self.natural_menopause):
            # natural menopause with nothing of cancer, its treatment or a drug: general health
            return not (
                self._has(padded, self.breast + self.spread + self.cancer_words + self.topic)
                or names_drug(padded)
            )
        if self._has(padded, self.cosmetic + self.lactation + self.screening + self.benign_breast):
            # any cancer word keeps it ("mastitis or inflammatory breast cancer?", "my cancer
            # came back, should my sister start screening?"; review), not the "tumor" of a
            # benign one's own name ("phyllodes tumor"); "malignant phyllodes" is a cancer (review)
            if " malignant " not in padded:
                padded = without(padded, self.benign_longest_first)
            # "no cancer history", or "(no cancer)" closing the message: said to be about no
            # cancer (not "doctor says no cancer but ...", a finding: review)
            padded = without(padded, self.no_cancer)
            if padded.endswith(" no cancer "):
                padded = padded[: -len("no cancer ")]
            padded = self._without_relatives(padded)
            return not self._has(padded, self.spread + self.cancer_words + ("mbc",)) and not (
                names_drug(padded)
            )
        if self._has(padded, self.other_uses) or (
            self._has(padded, self.fertility_uses)
            and self._has(padded, self.fertility_drugs)
            # not birth control beside letrozole, nor letrozole with another breast cancer drug
            # ("letrozole and ribociclib, is there a risk of getting pregnant": review)
            and not _KEEPS_FERTILITY.search(padded)
            and not names_drug(padded, but=frozenset({"aromatase inhibitor"}))
        ):
            # "Nolvadex post cycle therapy": a hormone drug's use by bodybuilders; not the
            # writer's own drug beside someone else's ("my husband is on TRT, is that ok with my
            # letrozole": second review); "isn't that a cancer drug?" says what the drug is
            padded = without(padded, self.drug_called_cancer)
            return not (
                self._has(
                    padded, self.breast + self.spread + self.cancer_words + self.person_cancer
                )
                or own_drug(padded)
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
                or names_drug(padded)
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
            and not names_drug(padded)
        )

    def _animal_at_vet(self, padded: str) -> bool:
        """An animal named with an illness and its vet, and nothing of the writer's own cancer,
        its spread or a drug: the animal's illness, whatever procedure the vet names."""
        return (
            (self._has(padded, self.animals) or bool(self.owned_animal.search(padded)))
            and self._has(padded, self.animal_illness)
            and self._has(padded, self.animal_doctor)
            and not self._has(padded, self.own_markers)
            # a spread and its organs are the animal's when the question asks for the animal
            # ("mammary tumor that spread to her lungs ... is it worth it for a dog": tuning set 74)
            and not (
                self._has(padded, self.spread + self.prevention_keeps)
                and (not _FOR_ANIMAL.search(padded) or _WRITER_OWN.search(padded))
            )
            # the vet's drugs are the animal's ("vet says amputation + chemo"); the writer's
            # own ("I'm on letrozole", "I take letrozole", a breast cancer drug) keeps it
            and not drug_taken(padded)
            # (a breast cancer drug asked about for the animal, "is there a tamoxifen or something
            # for cats": twenty-eighth session, tuning set 60, is the animal's)
            and not (self._breast_only_drug(padded) and not _FOR_ANIMAL.search(padded))
            and not (names_drug(padded) and re.search(r" (?:i|im|ive|me|my) ", padded))
        )

    def _treatment_for_animal(self, padded: str) -> bool:
        """An animal named with an illness and a treatment asked about for it ("is chemo worth it
        for a dog": session 41, set 86), as at the vet: the animal's, unless the writer takes a
        drug, names their own cancer or speaks of themself."""
        return bool(
            (self._has(padded, self.animals) or self.owned_animal.search(padded))
            and self._has(padded, self.animal_illness)
            and _FOR_ANIMAL.search(padded)
            and not self._has(padded, self.own_markers)
            and (
                _GIVE_ANIMAL.search(padded)
                or (not drug_taken(padded) and not _WRITER_OWN.search(padded))
            )
        )

    def early_only(self, padded: str) -> bool:
        """Whether a message is about a treatment choice for an early breast cancer only: it
        names a stage 0-III or DCIS and a choice word, and no spread, MBC, cancer coming back,
        history, MBC site, pain, trial, marker, scan or spot (``comes_back``), and no drug; a
        risk of it coming back that early treatment lowers ("to lower recurrence risk") is no
        cancer that came back (``early_risk``)."""
        said, padded = padded, without(padded, self.early_risk)
        early_drugs = (
            self.risk_drugs
            if padded != said or self._has(said, self.early_adjuvant)
            else self.early_drugs
        )
        padded = without(padded, self.early_staging)
        # how long an early treatment lasts ("5 years of an AI, maybe 10", "for 10 years") is no
        # cancer that came back years later (twenty-eighth session, tuning set 60)
        padded = _TREATMENT_YEARS.sub(" ", padded)
        # a test's result that came back ("oncotype came back 18", "results came back clear":
        # tuning set 74) is no cancer that came back
        padded = _RESULT_BACK.sub(" ", padded)
        return (
            self._has(padded, self.early_stage)
            # (the choice read before a treatment's length is taken out: "for 5 years or 10"; a
            # length weighed, "go to 10 years", is a choice too)
            and (self._has(said, self.early_choice) or bool(_LONGER.search(said)))
            and not self._has(padded, self.spread + self.comes_back)
            and not names_drug(padded, but=early_drugs)
            # a hormone pill named with the writer's own cancer, a site or growth is about
            # spread, whatever the first stage was (review)
            and not (names_drug(padded) and self._has(padded, self.early_keeps))
        )
