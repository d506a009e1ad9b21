"""Whether a message is about a cancer the library does not cover: named, owned or by its tests."""

from __future__ import annotations

import re

from mbcnav.library.asked_clause import BACK_TO_STORY, COMPARES, asked_whether
from mbcnav.library.drugs_named import drug_taken, names_drug
from mbcnav.library.other_people import (
    PAST_OR_OTHERS,
    PAST_WORDS,
    SOMEONE_ELSES,
    names_relative,
    others_beside_own,
    writer_own,
)
from mbcnav.library.vocabulary import synonyms, words

#: a relative said to have no cancer, in a few words after them ("my mom (81, no cancer)")
_SOMEONE_NO_CANCER = re.compile(
    r" (?:mom|mum|mother|dad|father|sister|brother|aunt|uncle|friend|wife|husband|partner|"
    r"grandma|grandmother|gran|nan|neighbou?r)(?: \S+){0,3} (?:no|without) cancer(?= )"
)


#: a cancer told as the past ("my sister had ovarian cancer", "years ago", "history of")
_PAST = re.compile(rf"\b(?:{PAST_WORDS}|survivor)\b")


class OtherCancerReadings:
    """The readings of ``Scope`` of another cancer."""

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
        # "my mom (81, no cancer) gets prolia for osteoporosis": said of the relative, no cancer
        # of anyone's (session 36, tuning set 76)
        plain = _SOMEONE_NO_CANCER.sub(" ", padded)
        if (
            (use := self.own_condition.search(f" {said} "))
            and not self._has(plain, self.spread + self.cancer_words + self.cancer_topic)
            # "Prolia for osteoporosis on anastrozole", "... with my Kisqali treatment" (review);
            # not the drug the condition is treated with ("stay on Prolia for osteoporosis")
            and not drug_taken(self._without_use(padded, said, use))
        ):
            # "Prolia shot for osteoporosis": another disease the drug treats, no cancer named;
            # not "Prolia for osteoporosis on anastrozole" (a cancer drug's side effect: review)
            return not self._names_breast(padded)
        owned = self.own_other.search(f" {said} ")
        if owned and asked_whether(f" {said} ", owned):
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
        # someone else's other cancer named with its driver anywhere in the message ("mom's lung
        # cancer has an EGFR mutation, doc says tagrisso. is that chemo?": session 36, tuning set
        # 76), when the asked clause says nothing of the writer's own
        others_driver = (
            bool(d := self.driver_other.search(padded))
            and bool(SOMEONE_ELSES.search(padded[max(0, d.start() - 30) : d.start()]))
            and not re.search(r" (?:i|im|ive|me|my|mine) ", f" {said} ")
            and self._driver_subject(padded.strip(), padded)
        )
        told = (
            (m := self.own_other.search(padded))
            and not breast_only
            and not self._has(padded, self.trial_words)
            and not asked_whether(padded, m)
            and not (
                self.covers(asked)
                and PAST_OR_OTHERS.search(padded[max(0, m.start() - 30) : m.end() + 30])
                # ... a past cancer, the writer's own words, a person named in the asked clause or
                # a second cancer beside it ("Dad has prostate cancer too. What does it mean when
                # mom's tumor markers keep rising?"): a relative who has another cancer now, told
                # with nothing else ("brother has glioblastoma, now on Temodar. whats the
                # survival": session 40, tuning set 84), is the subject
                and (
                    _PAST.search(padded[max(0, m.start() - 30) : m.end() + 30])
                    or writer_own(padded)
                    or names_relative(f" {said} ")
                    or re.search(r" (?:too|also|as well) ", padded)
                )
            )
            and not (
                SOMEONE_ELSES.search(padded[max(0, m.start() - 30) : m.end()])
                and re.search(r" (?:i|im|ive|me|my|mine) ", f" {said} ")
            )
        )
        if not (
            owned
            or denied
            or treated
            or led
            or own_driver
            or others_driver
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
            and not names_drug(asked)
            and not self._has(asked, self.trial_words)
            and not BACK_TO_STORY.search(asked)
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
        # ... or someone else's cancer is told beside the writer's own drug question ("my neighbour
        # had xeloda for bowel cancer ... will that happen to me?": session 36 review)
        return not (
            self._names_breast(strong)
            or self._has(spread, self.spread)
            or mine
            or others_beside_own(padded)
        )

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
        if self.healthy_person.search(padded) and not names_drug(padded):
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
            or names_drug(padded)
        )
