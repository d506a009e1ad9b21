"""Eligibility text -> inclusion and exclusion criteria.

Handles ClinicalTrials.gov markdown bullets (``*``, ``-``, ``•``), numbering (``1.``,
``1)``, ``a.``, ``(i)``), nested sub-items (a stem ending in ``:`` is carried into each
sub-item), wrapped lines, blank-line paragraphs (TrialGPT exports) and headers in odd
forms ("* INCLUSION CRITERIA:", "Key Exclusion Criteria", "Inclusion Criteria for Part A:",
"Patients are not eligible if ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(
    r"^(?P<b>[*\-•·‣▪o]|\d{1,2}[.)](?!\d)|\(\d{1,2}\)|[a-z][.)](?=\s)|\([a-z]{1,4}\)|[ivx]{1,4}[.)](?=\s))\s*",
    re.I,
)
_HEADER = re.compile(
    r"^(?:key|main|major|general|additional|other|specific|study)?\s*"
    r"(?P<k>inclusion|exclusion|eligibility|ineligibility)(?:\s+criteria|\s+criterion)?\b"
    r"(?P<rest>[^:]{0,80}):?\s*(?P<after>.*)$",
    re.I,
)
_EXCL_PHRASE = re.compile(
    r"^(patients|participants|subjects|women|men)\s+(who\s+.*\s+)?(are|will be)\s+"
    r"(not eligible|ineligible|excluded)\b.*:\s*$",
    re.I,
)
_INCL_PHRASE = re.compile(
    r"^(patients|participants|subjects)\s+must\s+(meet|fulfil|fulfill|satisfy)\s+all\b.*:\s*$", re.I
)

_FILLER = re.compile(r"^(not specified|see (disease|patient) characteristics|none)\.?$", re.I)


@dataclass(frozen=True)
class Criterion:
    kind: str  # inclusion | exclusion
    text: str
    number: int  # 1-based position within its kind

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "number": self.number}


def _header(line: str) -> tuple[str | None, str]:
    """(section kind or None, text after the header on the same line)."""
    bare = _BULLET.sub("", line, count=1).strip().strip("-*#_ ").strip()
    if _EXCL_PHRASE.match(bare):
        return "exclusion", ""
    if _INCL_PHRASE.match(bare):
        return "inclusion", ""
    if len(bare) < 120 and (
        m := re.search(
            r"criteria for (inclusion|exclusion)|(inclusion|exclusion) criteria for", bare, re.I
        )
    ):
        return ("exclusion" if "exclusion" in m.group(0).lower() else "inclusion"), ""
    m = _HEADER.match(bare)
    if not m or len(bare) > 140:
        return None, ""
    has_colon = ":" in bare
    # "Inclusion of women..." is a criterion, not a header: require 'criteria' or a colon
    if "criteri" not in bare.lower() and not (has_colon and len(m.group("rest").split()) <= 4):
        return None, ""
    if not has_colon and m.group("rest").strip() and "criteri" not in bare[:40].lower():
        return None, ""
    k = m.group("k").lower()
    kind = "exclusion" if k in {"exclusion", "ineligibility"} else "inclusion"
    return kind, m.group("after").strip() if has_colon else ""


def _items(lines: list[str]) -> list[tuple[str, int, bool, str]]:
    """Raw items (section, indent, bulleted, text) with wrapped lines joined."""
    items: list[list] = []
    section = "inclusion"
    blank = True
    for raw in lines:
        if not raw.strip():
            blank = True
            continue
        kind, after = _header(raw.strip())
        if kind:
            section = kind
            blank = True
            if after:
                items.append([section, 0, True, after])
            continue
        indent = len(raw) - len(raw.lstrip(" \t"))
        text = raw.strip()
        m = _BULLET.match(text)
        bulleted = bool(m) and len(text) > len(m.group(0))
        if bulleted:
            text = text[m.end() :].strip()
        new = bulleted or blank or not items or items[-1][0] != section
        if not new and (text[:1].isupper() and items[-1][3].rstrip().endswith((".", ":", ";"))):
            new = True
        if new:
            items.append([section, indent, bulleted, text])
        else:
            items[-1][3] += " " + text
        blank = False
    return [tuple(i) for i in items]


def split(text: str) -> list[Criterion]:
    """Split one eligibility text into numbered inclusion and exclusion criteria."""
    items = _items((text or "").replace("\r\n", "\n").replace("\\n", "\n").split("\n"))
    out: list[tuple[str, str]] = []
    stems: list[tuple[int, str]] = []  # (indent, stem text) of open parents
    for i, (section, indent, _bulleted, body) in enumerate(items):
        while stems and stems[-1][0] >= indent:
            stems.pop()
        nxt = items[i + 1] if i + 1 < len(items) else None
        has_children = nxt is not None and nxt[0] == section and nxt[1] > indent
        prefix = " ".join(s for _, s in stems if s)
        full = f"{prefix} {body}".strip() if prefix else body
        if has_children:
            if body.rstrip().endswith(":"):
                stems.append((indent, body.rstrip(":").strip() + ":"))
                continue
            stems.append((indent, ""))
        if body.rstrip().endswith(":") or _FILLER.match(body):
            continue
        if len(body) >= 3 and re.search(r"[A-Za-z]{2}", body):
            out.append((section, full))
    counts = {"inclusion": 0, "exclusion": 0}
    result = []
    for kind, t in out:
        counts[kind] += 1
        result.append(Criterion(kind, re.sub(r"\s+", " ", t).strip(), counts[kind]))
    return result
