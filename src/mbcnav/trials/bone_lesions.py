"""What the bone lesions are, as scan notes word them (blastic only, or partly lytic), and the
words criteria use for those kinds ("Bone only disease that is only blastic with no soft tissue
component", NCT05501886). Read by facts.from_patient; judged by evaluate."""

from __future__ import annotations

import re

#: a bone lesion's kind as criteria write it -> as ``kind`` reads the record
CRITERION_KINDS = {
    "blastic": "blastic",
    "osteoblastic": "blastic",
    "sclerotic": "blastic",
    "lytic": "lytic",
    "osteolytic": "lytic",
}

_BONE_WORDS = re.compile(
    r"\b(?:bone|bony|osseous|skeletal|spine|pelvis|ilium|iliac|rib|femur|sacrum|vertebra\w*|[TL]\d{1,2})\b",
    re.I,
)
_LYTIC = re.compile(r"\b(?:osteo)?lytic\b|\bmixed\b", re.I)
_BLASTIC = re.compile(r"\b(?:osteo)?(?:blastic|sclerotic)\b", re.I)
_SOFT_PART = re.compile(r"\bsoft[- ]tissue\s+(?:component|extension|mass)", re.I)


def kind(texts: list[str]) -> str | None:
    """What the bone lesions are, from the texts (latest note first) that name bone and a lesion
    kind: "lytic" when the latest says lytic, mixed or a soft-tissue part; "blastic" when it says
    sclerotic or blastic only ("new sclerotic lesions T8 and right ilium, no soft-tissue
    component") and no earlier text says lytic; None otherwise. A kind denied ("no sclerotic
    bone lesions") does not count, and a text about a benign or healing finding ("bone island",
    "sclerotic healing response") is left out (review)."""
    found = []
    for text in texts:
        if not _BONE_WORDS.search(text) or _NOT_METASTASIS.search(text):
            continue
        kinds = {
            said
            for rx_, said in ((_LYTIC, "lytic"), (_SOFT_PART, "lytic"), (_BLASTIC, "blastic"))
            for m in rx_.finditer(text)
            if not _KIND_DENIED.search(text[max(0, m.start() - 30) : m.start()])
        }
        if kinds:
            found.append(kinds)
    if not found:
        return None
    if "lytic" in found[0]:
        return "lytic"
    return None if any("lytic" in k for k in found[1:]) else "blastic"


_KIND_DENIED = re.compile(r"\b(?:no|without|not|negative\s+for)\s+(?:[\w-]+\s+){0,2}$", re.I)
_NOT_METASTASIS = re.compile(
    r"\b(?:bone\s+island|enostos[ie]s|degenerative|benign|heal(?:ing|ed)|(?:treatment|sclerotic)\s+"
    r"response|fractur\w*|ha?emangioma|arthrit\w*)\b",
    re.I,
)
