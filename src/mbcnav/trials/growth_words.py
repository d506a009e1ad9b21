"""Growth on the latest treatment ("progressed on his/her most recent regimen"), denied or timed."""

from __future__ import annotations

import re

#: growth on the most recent treatment of any kind ("progression on or after the most recent
#: systemic therapy", "progressed on his/her most recent treatment regimen"); a named kind
#: ("the most recent endocrine therapy") is a treatment check of its own
LATEST_GROWTH = re.compile(
    r"\b(?:progress\w*|grow\w*|relaps\w*)\s+(?:\w+\s+){0,2}?(?:on|after|during|following)\s+"
    r"(?:or\s+(?:after|following)\s+)?(?:(?:the|his/her|his|her|their)\s+)?"
    r"(?:most\s+recent(?:ly)?|latest|last|immediately\s+(?:prior|preceding))\s+"
    r"(?:(?:prior|previous|line\s+of|systemic|anti-?cancer|anti-?neoplastic|cancer)\s+){0,2}"
    r"(?:therapy|treatment|regimen|line)\b",
    re.I,
)
#: "without disease progression during the most recent treatment": no growth asked for
GROWTH_DENIED = re.compile(
    r"\b(?:no|not|without|never|absence\s+of|free\s+of|lack\s+of)\b[^.;,]{0,40}$", re.I
)
#: "progression on the most recent therapy within 3 months of starting it", "rapid
#: progression": a time on the treatment, the study team's to judge (review)
GROWTH_TIMED = re.compile(
    r"\bwithin\b|\b\d+\s*(?:days?|weeks?|months?)\b|\brapid\w*|\bprimary\s+resist"
    # "progression ... during or after the most recent treatment or intolerance" (NCT07008976):
    # stopping for side effects is a way in too
    r"|\bintoleran\w*|\btoxicit\w*|\bunacceptable\b|\bintolerable\b|\badverse\b|"
    r"\bside[- ]effects?\b|\bdiscontinu\w*|\bstopp\w*|\bunable\s+to\s+tolerate\b",
    re.I,
)
