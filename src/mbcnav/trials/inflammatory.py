"""Inflammatory breast cancer (IBC): the population gate's patterns for a trial that names it in
its title or conditions, the checks for a criterion that names it as what a way in needs or must
not be, and how the record is read for it. Read by the population gates (population.py), which
re-export ``ibc_checks`` and ``inflammatory_holds``."""

from __future__ import annotations

import re

from mbcnav.trials.options import ways_in

# inflammatory breast cancer (IBC; NCI: a rare, fast-growing breast cancer that makes the breast
# red, swollen and warm), as titles and conditions write it
_IBC = re.compile(
    r"\binflammatory\s+(?:breast\s+)?(?:cancer|carcinoma)|\bbreast\s+inflammatory\s+carcinoma",
    re.I,
)
_IBC_OPTIONAL = re.compile(
    r"(?:including|with or without|and/or|or|and)\s+(?:non-?)?inflammatory|non-?inflammatory", re.I
)
# IBC named in a criterion as what a way in needs, or as what it must not be ("HER2 normal breast
# carcinoma with a clinical diagnosis of IBC ...; OR ... triple negative breast carcinoma ...
# without clinical diagnosis of IBC", NCT02411656: twenty-eighth session, set 75); not a rule
# for whoever has it ("Patients with IBC must ...", "IBC is allowed")
_IBC_IN_RULE = re.compile(rf"{_IBC.pattern}|\bIBC\b", re.I)
_IBC_FOR_WHOEVER = re.compile(
    r"^[^.;]{0,60}?\b(?:must|should|shall|may|can|are\s+(?:eligible|allowed|permitted)|"
    r"is\s+(?:eligible|allowed|permitted))\b",
    re.I,
)


def ibc_checks(plain: str) -> list[dict]:
    """Checks that the cancer is (or, after "without"/"no"/"non-", is not) inflammatory, one
    for each way in that names it."""
    found = list(_IBC_IN_RULE.finditer(plain))
    if (
        not found
        or _IBC_OPTIONAL.search(plain)
        or any(_IBC_FOR_WHOEVER.search(plain[m.end() :]) for m in found)
        # a denial after it ("Inflammatory breast cancer is not allowed", "(inflammatory breast
        # cancer excluded)", "IBC patients are not eligible": review), which the words before
        # it do not show
        or any(_IBC_DENIED_AFTER.search(plain[m.end() :]) for m in found)
        # one setting among others ("locally advanced, inflammatory, or metastatic breast
        # cancer", "metastatic breast cancer and/or IBC": review): an option, not a need
        or (_LIST_JOIN.search(plain) and _OTHER_SETTING.search(_IBC_IN_RULE.sub(" ", plain)))
    ):
        return []
    negs = {bool(_NOT_IBC.search(plain[: m.start()])) for m in found}
    if len(negs) == 1:
        return [_ibc_check(negs.pop(), found[0].start())]
    # IBC for one way in and not for the other ("... with a clinical diagnosis of IBC ...; OR
    # has ... triple negative ... without clinical diagnosis of IBC", NCT02411656): one check
    # for each whole way in (options.ways_in), which the options then weigh way by way; with
    # no such ways, which way the person takes cannot be split here
    starts = [0, *ways_in(plain)]
    bounds = list(zip(starts, [*starts[1:], len(plain) + 1], strict=True))
    out = []
    for a, b in bounds:
        inside = [m for m in found if a <= m.start() < b]
        way_negs = {bool(_NOT_IBC.search(plain[a : m.start()])) for m in inside}
        if len(way_negs) > 1:
            return []
        if inside:
            out.append(_ibc_check(way_negs.pop(), inside[0].start()))
    return out if len(out) > 1 else []


def _ibc_check(neg: bool, at: int) -> dict:
    return {"type": "inflammatory", "value": "inflammatory breast cancer", "neg": neg, "at": at}


_IBC_DENIED_AFTER = re.compile(
    r"^[^.;]{0,40}?(?:\b(?:not|no\s+longer)\b|\bexclu\w*|\bineligible\b)", re.I
)
_LIST_JOIN = re.compile(r"\b(?:or|and/or)\b|,", re.I)
_OTHER_SETTING = re.compile(
    r"metasta|advanced|stage\s*(?:iv|4|iii|3)\b|unresectable|recurren|inoperable", re.I
)


#: "without (a clinical diagnosis of) IBC", "no inflammatory breast cancer", "non-inflammatory",
#: "solid tumor excluding tumor types with rapid cell turnover, ie, small cell cancer ...,
#: inflammatory breast cancer" (NCT03604783): a denial anywhere before it in its clause (a
#: denial read too widely only makes the check say "met")
_NOT_IBC = re.compile(
    r"(?:\b(?:without|no|not(?!\s+(?:required|needed|necessary|mandatory)\b)|absence\s+of|"
    r"excluding|except|other\s+than)\b|\bnon-?)[^.;]*$",
    re.I,
)


def read_as_not_inflammatory(f) -> bool:
    """A record that says the cancer is not inflammatory, or describes it (receptors or spread)
    without calling it inflammatory: IBC is diagnosed and written down as such (NCI), so it is
    read as not IBC; an empty record says nothing."""
    described = bool(f.hr or f.her2 or f.sites_known)
    return f.inflammatory is False or (f.inflammatory is None and described)


def inflammatory_holds(f) -> tuple[bool | None, str, str]:
    """Whether the cancer is inflammatory, read as for the population gate
    (``read_as_not_inflammatory``)."""
    if f.inflammatory:
        return True, "Your record says the cancer is inflammatory (IBC).", ""
    if read_as_not_inflammatory(f):
        return (
            False,
            "Your record does not say your cancer is inflammatory (IBC).",
            "If your team called it inflammatory, add that to your record",
        )
    return (
        None,
        "Whether your cancer is inflammatory (IBC) is not in your record.",
        "Your oncologist",
    )
