"""The words of harm, growth and resistance around a drug: a harm caused by a treatment
(named before or after the drug, or as "toxicity from ..."), growth on or after a drug
("progressed during or after", "relapse" before it) and resistance written after the drug
("trastuzumab-refractory") (regular expressions). Read by ``mention_check`` and
``mention_scope``; moved from ``cues`` unchanged."""

from __future__ import annotations

import re

_PROGRESSION_BEFORE = re.compile(r"\b(?:progress\w*|recurren\w*|relapse\w*)\b[^;.]{0,60}$", re.I)
# "Progressed during or after CDK4/6 inhibitor ...": growth at any time after the drug counts
# too, as a relapse on adjuvant letrozole two years after adjuvant abemaciclib ended (set 64);
# not a window ("relapse within 12 months after"), which is read as one
_GROWTH_AFTER = re.compile(
    r"\b(?:progress\w*|recurren\w*|relapse\w*)\b(?:\s+of\s+(?:the\s+)?disease)?\s+"
    r"(?:(?:on|during|while\s+on|while\s+receiving),?\s+or\s+)?(?:after|following)\b"
    # no time between the growth and the drug ("less than 12 months after", "in the first 12
    # months after": a window, read as one; review)
    r"(?:(?!\bwithin\b|\d|\b(?:one|two|three|six|twelve|first)\b|\b(?:days?|weeks?|months?|years?)\b)[^;.]){0,40}$",
    re.I,
)
# "Trastuzumab-resistance", "trastuzumab-refractory disease" (NCT00736970): growth on the drug
# written after it
_RESISTANT_AFTER = re.compile(r"^\s*[-\u2010]?\s*(?:resistan(?:t|ce)|refractory)\b", re.I)
_HARM_FROM = re.compile(
    r"\b(?:toxicit\w*|toxic\s+effects?|side[- ]effects?|adverse\s+(?:events?|effects?|reactions?)|complications?|sequelae"
    # "complete resolution of immune-related AEs secondary to prior checkpoint inhibitor
    # therapy" (NCT05635643): the harm's cause, no requirement to have had it
    r"|(?:ir)?aes?)"
    r"\s+(?:[\w-]+\s+){0,4}?(?:from|of|due\s+to|related\s+to|attributed\s+to|secondary\s+to|caused\s+by|associated\s+with)"
    r"\s+(?:(?:any|all|the|prior|previous|earlier|recent)\s+){0,3}"
    # "toxic effects of prior treatment (including prior immunotherapy)": an example of the cause
    r"(?:(?:[\w/-]+\s+){0,3}?\(\s*(?:including|incl\.?|such\s+as|e\.\s?g\.,?|for\s+example)\s+"
    r"(?:(?:any|all|the|prior|previous|earlier|recent)\s+){0,3})?$",
    re.I,
)

# a drug joined to the harm it did: "Have received immunotherapy and present with grade >= 3
# irAE" (NCT05108779): the harm is the rule, which a record of the drug alone cannot settle
_HARM_AFTER = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,?\s*(?:and|with)\s+(?:present\w*|develop\w*|experienc\w*|suffer\w*|had|has|have)"
    r"\s+(?:with\s+)?(?:an?\s+)?(?:grade|severe|serious|life[- ]threatening|immune|ir-?aes?\b|toxicit)",
    re.I,
)
# ... and the harm named before the drug that caused it: "History of a decrease in LVEF to <40% or
# symptomatic CHF with previous trastuzumab treatment" (NCT01513083, set 71): a harm on the drug,
# which having had the drug alone does not settle
_HARM_BEFORE = re.compile(
    r"\b(?:cardiotoxicity|cardiomyopathy|heart\s+failure|chf|"
    r"(?:lvef|ejection\s+fraction)\s+(?:decrease|decline|drop|fall|reduction)|"
    r"(?:decrease|decline|drop|fall|reduction)\s+(?:in|of)\s+(?:the\s+)?(?:lvef|ejection\s+fraction)|"
    r"pneumonitis|interstitial\s+lung\s+disease|ild|colitis|hepatitis|ir-?aes?|reactions?|side[- ]effects?)\b"
    r"[^;.]{0,80}?\b(?:with|during|on|while\s+(?:on|receiving|taking)|from|under|caused\s+by|after|following)\s+"
    r"(?:(?:the|a|an|any)\s+)?(?:previous|prior|earlier)?\s*(?:(?:treatment|therapy)\s+with\s+)?$",
    re.I,
)
# ... in a clause that speaks of no growth ("toxicity or progression after prior taxane")
_GREW = re.compile(r"\b(?:progress\w*|relaps\w*|recurr\w*|refractory|resistan\w*|fail\w*)\b", re.I)
