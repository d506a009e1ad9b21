"""A marker result a rule asks to be on file already: "Documented germline tumour loss of function
mutation in BRCA1, BRCA2, or PALB2" (NCT06380751), "Confirmed PIK3CA mutation". The screening
set's rule (../shared/bench/mbc-screening/README.md): an untested marker counts as unsettled when
the text allows testing at screening or states the marker neutrally, and is not met when the text
demands existing documentation ("documented", "confirmed", "evidence of", "identified"). Read
here; markers.py gives the verdict for a patient file that lists no result (H142)."""

from __future__ import annotations

import re

from mbcnav.trials.cues import SENTENCE_END

# "Documented germline tumour loss of function mutation in BRCA1" (NCT06380751), "confirmed
# PIK3CA mutation", "known BRCA carrier": a result already on file, not one a screening test may
# give; not "histologically confirmed breast cancer with a PIK3CA mutation" (the word is about
# the cancer), nor a rule that names a test to come (_TEST_TO_COME)
_DOCUMENTED_BEFORE = re.compile(
    r"\b(?:documented|confirmed|evidence\s+of|identified|known|proven)\b"
    r"(?:(?!\b(?:cancer|carcinoma|disease|breast|histolog\w*|cytolog\w*|diagnos\w*|or|with)\b)[^;.:()]){0,50}$",
    re.I,
)
_TEST_TO_COME = re.compile(
    r"\bcentral(?:ly)?\b|\bscreening\b|pre-?screen|\bwilling|\bagree|\bconsent|\bundergo\b|\btesting\b|"
    r"\btested\b|\btest\b|\bsubmit\b|\bwill\s+be\s+(?:tested|"
    r"determined|assessed)|\bmay\s+be\s+(?:tested|determined|assessed)|\bprior\s+to\s+(?:enrol|random|registr)",
    re.I,
)

# a status, not a result ("known PIK3CA mutation status": review)
_STATUS_AFTER = re.compile(r"[\w\s/-]{0,30}?\bstatus\b", re.I)
# an allowance in the sentence ("... may also be included": review)
_ALLOWANCE = re.compile(r"\b(?:may|also|eligible|included|allowed|permitted)\b", re.I)


def on_file(text: str, start: int, end: int) -> bool:
    """Whether the marker mentioned at ``start:end`` of an inclusion rule must already be on file:
    a documentation word just before it; no test still to come anywhere in the rule ("... may
    submit tissue for testing"); not a status; not one way in of several ("TNBC, or HR-positive
    ... with a known germline BRCA mutation") nor an allowance (review)."""
    sentence_before = SENTENCE_END.split(text[:start])[-1]
    sentence = sentence_before + SENTENCE_END.split(text[start:])[0]
    return bool(
        _DOCUMENTED_BEFORE.search(text[max(0, start - 60) : start])
        and not _TEST_TO_COME.search(text)
        and not _STATUS_AFTER.match(text[end : end + 40])
        and not re.search(r"\bor\b", sentence_before, re.I)
        and not _ALLOWANCE.search(sentence)
    )
