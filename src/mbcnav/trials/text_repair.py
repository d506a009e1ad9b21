"""Registry criteria text repaired before it is split: markdown escapes removed, comparison
signs in one spelling, words run together put apart. Separate from ``markup`` (text as a person
reads it on a page): this text is what the criteria reader sees."""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>&|~=])")
# comparison signs written with a slash (MD Anderson's "</=", ">/="), reversed ("=<", "=>") or
# spaced ("< =") are one sign: every number reader then sees "≤" or "≥" (NCT06526819 "ECOG </= 2")
_AT_MOST = re.compile(r"<\s*/?\s*=(?!>)|=<(?!=)")
_AT_LEAST = re.compile(r">\s*/?\s*=|(?<![<=])=>")


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
    full-width punctuation (``；``, ``：``, ``，``) in its ASCII form."""
    text = _unglue(_ESCAPE.sub(r"\1", (text or "").translate(_FULL_WIDTH)))
    return _AT_LEAST.sub("≥", _AT_MOST.sub("≤", text))
