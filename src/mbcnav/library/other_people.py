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
#: words that place a cancer in the past ("had", "years ago", "history of")
PAST_WORDS = r"had|ago|history|previous|previously|past"
#: a cancer told as someone else's or as the writer's past ("my sister had", "years ago")
PAST_OR_OTHERS = re.compile(SOMEONE_ELSES.pattern + rf"|\b(?:{PAST_WORDS})\b")

#: relatives and friends, for whose finding or cancer the writer may ask (``_WRITER_OWN``,
#: ``_RELATIVE``)
_KIN = (
    r"mom|mum|mother|dad|father|sister|brother|aunt|uncle|cousin|friend|wife|husband|partner|son|"
    r"daughter|grand\w*|niece|nephew|neighbou?r|colleague|coworker"
)


#: the writer's own words: I, me, mine, or "my" not of a relative ("my 14 year old son")
_WRITER_OWN = re.compile(
    rf" (?:i|im|ive|id|me|mine|myself) | my (?!(?:\S+ ){{0,3}}(?:{_KIN}|boss|in law)\b)"
)


def writer_own(padded: str) -> bool:
    """Whether the writer speaks of themself ("i am on", "my scan"), not only of a relative."""
    return bool(_WRITER_OWN.search(padded))


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


#: asks whether a finding is a cancer ("could it be breast cancer", "how often is that cancer")
_IS_IT_CANCER = re.compile(
    r" (?:(?:could|might|would|can) (?:it|this|that) be|(?:is|was) (?:it|this|that)|"
    r"how often (?:is|are) (?:it|this|that|these|those)|"
    r"(?:chance|chances|odds) (?:that )?(?:(?:it|this|that)(?: is)?|its))(?: \S+)? cancer "
)
#: a relative or friend named ("my 14 year old son", "sister got a BI-RADS 4")
_RELATIVE = re.compile(rf" (?:{_KIN})s? ")


def names_relative(padded: str) -> bool:
    """Whether a relative or friend is named ("mom's tumor markers", "my sister")."""
    return bool(_RELATIVE.search(padded))


#: a cancer that is there now or was before ("has breast cancer", "years ago", "came back"), or
#: its care ("the cancer", "her chemo", "in hospice", "remission", "mastectomy": first review)
_KNOWN_CANCER = re.compile(
    r" (?:has|have|had|with|diagnosed with|treated for)(?: \S+){0,2} cancer | (?:ago|history|"
    r"survivor|again|recur\w*|returned|before) | (?:came|come|comes|coming|is|its) back "
    r"| (?:the|her|his|their|its) cancer | cancer (?:related|treatment|was|is) "
    r"| (?:chemo\w*|radiation|radiotherapy|treatment|treatments|treated|oncologist|onc|hospice|"
    r"palliative|remission|mastectomy|lumpectomy|surgery|beat|fighting|fought|survived|tamoxifen|"
    r"letrozole|anastrozole|infusion|scan|scans|pet|ct|mri|tumor|tumour|markers?)\b"
)
#: a finding that may or may not be cancer: what the rule is about (first review: the rule must
#: not take a carer's "could it be the cancer?" about a symptom)
_FINDING = re.compile(
    r" (?:lump|lumps|spot|spots|mammogram|mammo|bi ?rads|nodule|nodules|mass|cyst|biopsy|"
    r"ultrasound|shadow|thickening|dimpl\w*|discharge)\b"
)


class OtherPeopleReadings:
    """The readings of ``Scope`` of a relative's cancer, illness or death."""

    def _possible_first_cancer(self, padded: str) -> bool:
        """Whether the message asks if a relative's finding (a lump, a mammogram result) is a
        first cancer, with nothing of the writer's own, no cancer known before, no spread, site or
        drug: a question for that person's doctor, not about living with MBC ("sister got a
        BI-RADS 4 ... how often is that cancer", "my 14 year old son has a lump under one nipple,
        could it be breast cancer?": session 40, tuning set 84; NCI, "Breast Changes and
        Conditions", read 2026-12-07: most breast changes found are not cancer)."""
        return bool(
            _IS_IT_CANCER.search(padded)
            and _FINDING.search(padded)
            and _RELATIVE.search(padded)
            and not writer_own(padded)
            and not _KNOWN_CANCER.search(padded)
            and not self._has(padded, self.spread + self.prevention_keeps + ("mbc",))
            and not names_drug(padded)
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
        if self._breast_only_drug(padded) or drug_taken(padded):
            return False
        if self.relative_illness.search(padded):
            return not self._has(padded, self.breast + self.cancer_words)
        if self._has(padded, self.deceased) and self._has(padded, self.mourning):
            rest = self.relative_cancer.sub(" ", padded)
            subject = self.breast + self.cancer_words + self.topic
            return rest != padded and not (self._has(rest, subject) or names_drug(rest))
        return False
