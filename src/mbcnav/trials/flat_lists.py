"""Lists written at their stem's indent: registry texts (or copies of them) whose sub-lists lost
their indentation. ``nest_flat_lists`` moves such sub-items one step in, so ``split`` carries the
stem into them as it does into an indented list, but only when the signs are plain: nesting a
rule that stands alone makes it optional (tests/trials/test_round33_wordings.py holds ordinary
lists that must stay apart)."""

from __future__ import annotations

import re

# a stem that ends on the word that opens its list: "History of another primary malignancy
# except for" (NCT04892693), "... such as", "Other cancer, except for:" (with its colon)
OPEN_STEM = re.compile(
    r"\b(?:except(?:\s+for)?|excluding|other\s+than|with\s+the\s+exception\s+of|such\s+as|"
    r"as\s+follows)\s*:?\s*$",
    re.I,
)


# a sub-item that opens with a label: "Ovarian: Platinum-resistant ...", "Other advanced tumors
# (only Phase 1b dose escalation, NUV-868 + olaparib): ..."
_LABELLED = re.compile(r"^[A-Z][\w /+,-]{0,40}(?:\([^()]{0,80}\))?\s*:\s")
# a lower-case item that goes on its stem's sentence: "are clinically stable ...", "have no new
# ...", "and are off corticosteroids ..." (not "eGFR < 30 mL/min", "nab-paclitaxel ...")
_GOES_ON = re.compile(
    r"^(?:are|is|have|has|had|were|was|be|been|and|or|not|no|a|an|the|with|without|if|who|that|"
    r"in|on|at|of|for|to|must|should|will|can|may|received|receiving|completed|undergone)\b"
)
# an entry that names a cancer (the options of "one of the following tumor types:")
NAMES_A_CANCER = re.compile(
    r"cancer|carcinoma|tumou?r|neoplas|malignan|sarcoma|lymphoma|leuk(?:a)?emia|myeloma|melanoma|"
    r"glioma|mesothelioma|\b(?:tnbc|nsclc|sclc|crc|hcc|rcc|scchn|hnscc)\b",
    re.I,
)


# an item that starts like a criterion of its own, not like an entry naming a cancer:
# "Documented progression of breast cancer on ...", "Prior treatment with a CDK4/6 inhibitor for
# metastatic breast cancer", "Patients with ..."
_A_RULE = re.compile(
    r"^(?:prior|previous|previously|documented|progress\w*|treatment|therapy|receipt|received|"
    r"patients?|participants?|subjects?|women|men|known|active|measurable|ecog|life|adequate|"
    r"age|must|has|have|history|evidence|at\s+least|no|not|any)\b",
    re.I,
)


_NAMES_A_GROUP = re.compile(r"\b(?:part|cohort|phase|arm|group|stage|module|step)\b", re.I)


def _an_entry(text: str, options: bool) -> bool:
    """Whether a flat item is an entry of the stem above it: it goes on the stem's sentence, or,
    under "one of the following ..." / "except for", it names a cancer and reads as a name, not
    as a rule of its own."""
    return bool(_GOES_ON.match(text)) or (
        options
        and len(text) < 150
        and bool(NAMES_A_CANCER.search(text))
        and not _A_RULE.match(text)
    )


def _next_mark(mark: str) -> str:
    """The marker after ``mark`` in its series: "3" -> "4", "b" -> "c", "ii" -> "" (unknown)."""
    if mark.isdigit():
        return str(int(mark) + 1)
    if len(mark) == 1 and mark.isalpha() and mark not in "iv":
        return chr(ord(mark) + 1)
    return ""


def nest_flat_lists(items: list[list], marks: list[str], any_of: re.Pattern) -> None:
    """Sub-items written at their stem's indent (texts whose indentation was lost) are moved one
    step in, so the stem carries into them as it does into an indented list. Only when the
    signs are plain, since nesting a rule that stands alone makes it optional:
    - "4. One of the following tumor types:" then "1. Ovarian: ...", "2. Pancreatic: ...": the
      numbering starts again, and the run of 1, 2, 3 ... is the stem's (NCT05252390); the
      parent's own next number ends it, unless the item has the shape of the options before it
      ("5. Other advanced tumors (...): ...", a label like "Ovarian:");
    - "4. History of another primary malignancy except for" then "- Malignancy treated ...":
      a run of other markers under a numbered stem (NCT04892693);
    - "- ... may participate provided they:" then "- are clinically stable ...", "- have no new
      ...": an item that goes on the stem's sentence (a verb, an article or a preposition in
      lower case; not "eGFR < 30") (NCT05194072);
    - "- ... one of the following ... tumor types:" or "... except for" then "- HER2-negative, HR
      positive breast cancer", "- Triple-negative breast cancer (TNBC)": entries that each name
      a cancer, up to the first that does not ("- ECOG 0 or 1").
    """
    i = 0
    while i < len(items) - 1:
        section, indent, bulleted, body, _, family = items[i]
        nxt = items[i + 1]
        open_end = body.rstrip().endswith(":") or bool(OPEN_STEM.search(body))
        if not (bulleted and open_end and nxt[0] == section and nxt[1] == indent and nxt[2]):
            i += 1
            continue
        options = bool(any_of.search(body) or OPEN_STEM.search(body))
        if nxt[5] != family:
            # a run of other markers under a numbered stem, each read as its entry would be
            j = i + 1
            if family == "num":
                while j < len(items) and items[j][0] == section and items[j][1] == indent:
                    if not items[j][2] or items[j][5] != nxt[5]:
                        break
                    if not _an_entry(items[j][3].lstrip("\"'("), options):
                        break
                    items[j][1] = indent + 1
                    j += 1
            elif (
                family == "sign"
                and body.rstrip().endswith(":")
                and marks[i + 1] in {"1", "a"}
                # "- Ib dose expansion phase (Part 2):" over "1. Cohort 1, ..." (NCT04977167):
                # a heading of a part or cohort is the split's to read, not a stem
                and not _NAMES_A_GROUP.search(body)
            ):
                # "- Prior therapy ... must have included at least:" then "1. two prior hormonal
                # therapies;", "2. ...; or", "3. ..." (NCT03250676 as a web copy gives it): a
                # numbered run from 1 under a dashed stem that ends with a colon, as far as the
                # numbers follow on
                expect = marks[i + 1]
                while (
                    j < len(items)
                    and items[j][0] == section
                    and items[j][1] == indent
                    and items[j][2]
                    and items[j][5] == nxt[5]
                    and marks[j] == expect
                ):
                    items[j][1] = indent + 1
                    expect = _next_mark(expect)
                    j += 1
            i = max(j, i + 1)
            continue
        restart = (
            family != "sign"
            and marks[i + 1] in {"1", "a", "i"}
            and marks[i] not in {"", "1", "a", "i"}
        )
        parent_next = _next_mark(marks[i])
        j, expect = i + 1, marks[i + 1]
        labelled = True  # every sub-item so far opens with a label ("Ovarian: ...")
        while j < len(items) and items[j][0] == section and items[j][2]:
            text = items[j][3].lstrip("\"'(")
            if items[j][1] != indent:
                # "3. Prostate:" over "- Phase 2 Monotherapy Only: ..." (other markers, deeper)
                if restart and items[j - 1][3].rstrip().endswith(":") and items[j][5] != family:
                    items[j][1] = indent + 2
                    j += 1
                    continue
                break
            if restart:
                if marks[j] != expect:
                    break
                if marks[j] == parent_next and not (
                    labelled and _LABELLED.match(text) and NAMES_A_CANCER.search(text)
                ):
                    # "3. ECOG 0-1", "3. Performance status: ECOG 0-1" after "2. One of the
                    # following: 1) HR+ 2) TNBC"; not "5. Other advanced tumors (...): ..."
                    break
                labelled = labelled and bool(_LABELLED.match(text))
                expect = _next_mark(expect)
            elif not _an_entry(text, options):
                break
            items[j][1] = indent + 1
            j += 1
        i = j if j > i + 1 else i + 1
