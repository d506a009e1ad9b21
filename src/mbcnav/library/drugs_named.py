"""How a message names a drug: any, the writer's own, one only for breast cancer, its other use."""

from __future__ import annotations

import re

from mbcnav.library.vocabulary import synonyms

#: words before a drug that make it what the person takes beside the other drug
_CONTEXT_LEADS = {"with", "on", "and", "plus", "taking", "while"}
#: words before the drug a condition is treated with, taken out with it ("stay on prolia")
_FORMS = frozenset(
    {
        "shot",
        "shots",
        "injection",
        "injections",
        "jab",
        "jabs",
        "infusion",
        "infusions",
        "tablet",
        "tablets",
        "pill",
        "pills",
        "dose",
        "doses",
    }
)
_USE_LEADS = {"on", "take", "takes", "taking", "took", "of", "a", "the", "my", "her", "his"}


def _drug_as_context(padded: str) -> bool:
    """A drug named as what the person takes or took ("from letrozole", "on anastrozole",
    "before tamoxifen"), not as the treatment the question is about."""
    return any(
        f" {lead} {name} " in padded
        for name in synonyms().drugs
        for lead in ("from", "on", "before", "after", "during", "taking", "by", "with")
    )


def drug_taken(padded: str) -> bool:
    """A drug the writer takes or took: named as context ("on anastrozole") or as theirs
    ("my letrozole")."""
    return _drug_as_context(padded) or own_drug(padded)


def own_drug(padded: str) -> bool:
    """Whether the writer names a cancer drug as theirs ("my letrozole")."""
    from mbcnav.patient.drugs import drug

    return any(drug(w) for w in re.findall(r" my (\S+)", padded))


def names_drug(padded: str, but: frozenset[str] = frozenset()) -> bool:
    """Whether the message names a drug; ``but``: classes that do not count (the hormone
    pills of early breast cancer beside a stage I-III choice: library set 54)."""
    from mbcnav.patient.drugs import drug

    for name in synonyms().drugs:
        if f" {name} " in padded:
            found = drug(name)
            if found is None or not set(found.classes) & but:
                return True
    return False


class DrugReadings:
    """The drug readings of ``Scope`` that need the scope file (``breast_only``)."""

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

        words = f" {said} "[: use.start()].split()
        # the drug's form between it and "for" ("my prolia shot for osteoporosis": session 36,
        # held-out set 77, read after it was measured) goes with it
        form = []
        while words and words[-1] in _FORMS:
            form.insert(0, words.pop())
        before = words[-2:]
        if not before or drug(before[-1]) is None:
            return padded
        if form and self._breast_only_drug(f" {before[-1]} "):
            return (
                padded  # "is my letrozole tablet for osteoporosis too?": the writer's own (review)
            )
        if (
            len(before) == 2
            and before[0] in _CONTEXT_LEADS
            and self._breast_only_drug(f" {before[1]} ")
        ):
            return padded  # "with letrozole for osteoporosis": the cancer drug is context
        drop = before if len(before) == 2 and before[0] in _USE_LEADS else before[-1:]
        lead = f" {' '.join([*drop, *form])} {use.group(0).strip()} "
        return padded.replace(lead, f" {use.group(0).strip()} ", 1)
