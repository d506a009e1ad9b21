"""An antibody-drug conjugate named with its target or its payload ("any HER2-targeted
antibody-drug conjugate (ADC) with a microtubule inhibitor payload", NCT07299825) is one kind of
drug, not three treatments: the target and payload words join the ADC check (``with``), and the
same drug of the record must carry them all (trastuzumab deruxtecan is a HER2-targeted ADC with a
topoisomerase I inhibitor payload, so it is not the drug above; trastuzumab emtansine is)."""

from __future__ import annotations

import re

_ADC = "antibody-drug conjugate"
# "ADC with a microtubule inhibitor payload", "ADCs containing a topoisomerase I inhibitor payload"
# "ADC containing a chemotherapeutic agent targeting topoisomerase I" (NCT06103864: nineteenth
# session, last session's held-out set 46): the payload named as a chemotherapy agent and its target
_PAYLOAD = re.compile(
    r"\b(?:with|containing|bearing|carrying|having|conjugated\s+to)\s+(?:an?\s+|the\s+)?"
    r"(?:[^.;]{0,80}?\bpayloads?\b|(?:chemotherapeutic|cytotoxic)\s+(?:agent|drug|molecule)s?"
    r"(?:\s+(?:targeting|that\s+targets?|against)\s+[\w -]{1,40}?(?=\s+and\b|\s+or\b|[,.;)]|$))?)",
    re.I,
)


def _chemo_elsewhere(text: str, payloads: list[tuple[int, int]]) -> bool:
    """Whether a chemotherapy is named outside the payload phrases."""
    from mbcnav.trials.context import mentions

    rest = list(text)
    for a, b in payloads:
        rest[a:b] = " " * (b - a)
    return any(m.value == "chemotherapy" for m in mentions("".join(rest)))


# the payload named by its kind right after the ADC: "antibody drug conjugate with a
# topoisomerase I inhibitor exatecan derivative" (NCT06331169: set 61 read after it was measured)
_WITH = re.compile(
    r"\s*(?:\(adcs?\)\s*)?(?:with|containing|bearing|carrying|conjugated\s+to)\s+(?:an?\s+|the\s+)?",
    re.I,
)
PAYLOAD_KINDS = {
    "topoisomerase I inhibitor",
    "exatecan derivative",
    "microtubule inhibitor",
    "MMAE or MMAF auristatin",
}


def _named_payloads(text: str, adcs: list[dict], checks: list[dict]) -> list[tuple[int, int]]:
    """The spans of payload kinds named straight after an ADC ("ADC with a <kind> <kind>")."""
    kinds = sorted(
        (c for c in checks if c.get("value") in PAYLOAD_KINDS and c.get("at") is not None),
        key=lambda c: c["at"],
    )
    spans = []
    for adc in adcs:
        if adc.get("at") is None or not (
            m := _WITH.match(text, adc["at"] + len(adc.get("text") or ""))
        ):
            continue
        end = m.end()
        for c in kinds:
            if c["at"] < m.end():
                continue
            if text[end : c["at"]].strip():
                break
            end = c["at"] + len(c.get("text") or "")
        if end > m.end():
            spans.append((m.end(), end))
    return spans


def join_conjugates(text: str, checks: list[dict]) -> list[dict]:
    """The checks, with each target or payload of an ADC moved into that ADC's check."""
    adcs = [c for c in checks if c["type"] == "therapy" and c.get("value") == _ADC]
    if not adcs:
        return checks
    payloads = [m.span() for m in _PAYLOAD.finditer(text)] + _named_payloads(text, adcs, checks)
    joined: list[dict] = []
    for c in checks:
        at = c.get("at")
        if c["type"] != "therapy" or c in adcs or at is None:
            continue
        end = at + len(c.get("text") or "")
        for adc in adcs:
            if bool(c.get("neg")) != bool(adc.get("neg")):
                continue  # "No prior HER2-targeted ADC with a ... payload": both denied together
            start = adc.get("at") or 0
            target = start > at and not text[end:start].strip(" -")  # "HER2-targeted ADC"
            payload = start < at and any(a <= at < b for a, b in payloads)
            if target or payload:
                if c["value"] == "chemotherapy":
                    # "a chemotherapeutic agent": every payload is one; a chemotherapy named
                    # outside the payload as well ("..., or prior chemotherapy") stays (review)
                    if _chemo_elsewhere(text, payloads):
                        break
                else:
                    adc["with"] = [*adc.get("with", []), c["value"]]
                joined.append(c)
                break
    for a, b in payloads:  # a payload the engine does not name ("a PBD payload"): not checkable
        for adc in adcs:
            if (adc.get("at") or 0) < b and not any(
                a <= (c.get("at") if c.get("at") is not None else -1) < b for c in joined
            ):
                adc["payload_unread"] = True
    return [c for c in checks if c not in joined]
