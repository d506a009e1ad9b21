"""Someone else's illness or the writer's past cancer: a relative's cancer, illness or death."""

from __future__ import annotations

import re

from mbcnav.library.drugs_named import drug_taken, names_drug

#: words that make a cancer named after them someone else's ("her lung cancer", "mom has")
SOMEONE_ELSES = re.compile(
    r"\b(?:his|her|their|hers|she|he|they|mom|mum|mother|dad|father|sister|brother|aunt|uncle|"
    r"cousin|friend|wife|husband|partner|son|daughter|grand\w*|niece|nephew|law|neighbou?r|"
    r"colleague|coworker|boss)\b"
)
#: a cancer told as someone else's or as the writer's past ("my sister had", "years ago")
PAST_OR_OTHERS = re.compile(
    SOMEONE_ELSES.pattern + r"|\b(?:had|ago|history|previous|previously|past)\b"
)


def others_beside_own(padded: str) -> bool:
    """Another cancer told as someone else's, beside the writer's own words (I, me) and a drug."""
    return bool(
        SOMEONE_ELSES_CANCER.search(padded)
        # the writer's own treatment or body ("will that happen to me", "gave me xeloda", "i am
        # on"), not a carer's "i read about ..." or "i want to know ..." (final review)
        and re.search(
            r" (?:me|to me|gave me|given me|i am on|im on|i take|im taking|i am taking|i started|"
            r"i have started|ive started|i was given|ive been given|i get|i got) ",
            padded,
        )
        and names_drug(padded)
    )


#: someone else's cancer: a relative or friend within a few words before "... cancer"
SOMEONE_ELSES_CANCER = re.compile(
    r" (?:neighbou?r|friend|sister|brother|mum|mom|mother|dad|father|aunt|uncle|cousin|husband|wife|"
    r"partner|colleague|coworker|grandma|grandmother|grandad|grandfather|she|he|her|his)"
    r"(?: \S+){0,8} cancer "
)


class OtherPeopleReadings:
    """The readings of ``Scope`` of a relative's cancer, illness or death."""

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
        if self._breast_only_drug(padded) or drug_taken(padded):
            return False
        if self.relative_illness.search(padded):
            return not self._has(padded, self.breast + self.cancer_words)
        if self._has(padded, self.deceased) and self._has(padded, self.mourning):
            rest = self.relative_cancer.sub(" ", padded)
            subject = self.breast + self.cancer_words + self.topic
            return rest != padded and not (self._has(rest, subject) or names_drug(rest))
        return False
