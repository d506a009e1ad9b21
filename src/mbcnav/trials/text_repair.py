"""Registry criteria text repaired before it is split: markdown escapes removed, comparison
signs in one spelling, words run together put apart. Separate from ``markup`` (text as a person
reads it on a page): this text is what the criteria reader sees."""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>&|~=])")
# comparison signs written with a slash (MD Anderson's "</=", ">/="), reversed ("=<", "=>") or
# spaced ("< =") are one sign: every number reader then sees "≤" or "≥" (NCT06526819 "ECOG </= 2")
# ... and with "or" between ("ECOG performance status < or = 2", NCT01670877: session 40, held-out
# set 113 read after it was measured)
_AT_MOST = re.compile(r"<\s*(?:/|or)?\s*=(?!>)|=<(?!=)")
_AT_LEAST = re.compile(r">\s*(?:/|or)?\s*=|(?<![<=])=>")


# words run together where a space was lost: "surgery excluded)within3 weeks prior to initiation
# of study treatment(bisphosphonates ..." (NCT04355858)
_GLUED_WORD = re.compile(r"\b(within|than|least|last|past|over|under)(?=\d)")
_GLUED_OPEN = re.compile(r"(?<=[a-z]{3})\((?=[a-z]{4})")
_GLUED_CLOSE = re.compile(r"\(([^()]*)\)(?=[a-z]{2})")


# full-width punctuation of registries written with a Chinese or Japanese keyboard: "Distant
# metastasis；", "KPS≥70，ECOG≤1" (NCT05692674): the ASCII sign and a space, so lists and
# clauses split as they do elsewhere
_FULL_WIDTH = str.maketrans(
    {"；": "; ", "：": ": ", "，": ", ", "（": " (", "）": ") ", "。": ". "}
)


# "child bearing potential", "child- bearing": one word, as every reader of childbearing rules
# spells it (NCT05121948 "Male subjects with female partner(s) of child bearing potential" was
# read as an age by "child")
_CHILD_BEARING = re.compile(r"\bchild[\s\-‐‑–]*bearing\b", re.I)


# "with/without CDK 4/6 inhibitor" (NCT03959891): the spelled-out "with or without" every reader
# of optional partners knows
_WITH_SLASH_WITHOUT = re.compile(r"\bwith\s*/\s*without\b", re.I)


# "ER/PR breast cancer positive patients must ..." (NCT04296370): a receptor's result written
# after the cancer it describes is put back beside the receptor ("ER/PR positive breast cancer")
_RESULT_AFTER_CANCER = re.compile(
    r"\b(ER|PR|HR|ER/PR|PR/ER|HER-?2)\s+(breast\s+cancer|breast\s+carcinoma|BC)\s+(positive|negative)\b",
    re.I,
)


def _unglue(text: str) -> str:
    """ "excluded)within3 weeks", "treatment(bisphosphonates": spaces put back; a short bracket
    that is part of a word stays ("(neo)adjuvant", "(pre)menopausal", "therapy(ies)")."""
    text = _GLUED_OPEN.sub(" (", _GLUED_WORD.sub(r"\1 ", text))
    return _GLUED_CLOSE.sub(
        lambda m: f"({m.group(1)}) " if len(m.group(1)) >= 5 or " " in m.group(1) else m.group(0),
        text,
    )


def unescape(text: str) -> str:
    """Registry markdown escapes removed: ``1\\.`` -> ``1.``, ``\\<`` -> ``<``, ``\\&`` -> ``&``;
    comparison signs in one spelling (``</=``, ``=<`` -> ``≤``; ``>/=``, ``=>`` -> ``≥``); words
    run together apart (``within3 weeks`` -> ``within 3 weeks``, ``treatment(bisphosphonates``);
    full-width punctuation (``；``, ``：``, ``，``) in its ASCII form; "child bearing" as one word; "with/without" as "with or without"; "ER breast cancer positive" as "ER positive breast
    cancer"."""
    text = _unglue(_ESCAPE.sub(r"\1", (text or "").translate(_FULL_WIDTH)))
    text = _WITH_SLASH_WITHOUT.sub("with or without", text)
    text = _RESULT_AFTER_CANCER.sub(r"\1 \3 \2", text)
    text = _CHILD_BEARING.sub(
        lambda m: "Childbearing" if m.group(0)[0] == "C" else "childbearing", text
    )
    return _AT_LEAST.sub("≥", _AT_MOST.sub("≤", text))
