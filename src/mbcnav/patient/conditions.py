"""Other health problems: the vocabulary of data/conditions.yaml and the readers of the patient
file's ``conditions``, ``menopausal_status`` and ``karnofsky``.

The vocabulary maps the names people and charts write ("HIV on ART, undetectable viral load",
"T2DM", "HFrEF", "melanoma 2015") to a canonical term with, where the words say more, a detail
("on treatment, undetectable viral load", "type 2", "melanoma"). It is checked when it loads: a
problem raises ``ConditionDataError`` naming the file, the term and the field (a bug in the
project's data, never bad user input). A name the vocabulary does not know is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from .words import fold

FILE = "conditions.yaml"
FIELDS = ("term", "label", "group", "synonyms", "kinds", "icd10", "sources")
REQUIRED = ("term", "label", "group", "sources")
SOURCE_FIELDS = ("publisher", "title", "url", "read")
STATUSES = ("active", "controlled", "past", "unknown")
MENOPAUSAL_STATUSES = ("premenopausal", "perimenopausal", "postmenopausal", "unknown")
#: Names and details longer than this are not a name: one sentence asks for a shorter one.
MAX_NAME = 120
MAX_NOTE = 2000
#: Words shorter than this are read only as the whole name ("MS", "AF", "PE"), never inside
#: longer words a person wrote, where they may mean something else.
MIN_INSIDE = 4
_ICD10 = re.compile(r"^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$")
#: Words that say the name is not a problem the person has ("hepatitis B negative", "no
#: diabetes", "family history of heart disease"): such a name is kept as written, never read.
#: The words of the person's family ("sister - breast cancer", "family history of ...")
_RELATIVES = (
    r"family|mother|mom|mum|father|dad|sister|brother|son|daughter|cousin|uncle|aunt|"
    r"niece|nephew|grandmother|grandfather|grandparents?"
)
_NOT_HERS = re.compile(
    r"\b(?:no|not|never|negative|neg|denies|denied|ruled out|excluded|"
    + _RELATIVES
    + r"|screening|test(?:ed)? for|risk of|at risk|risk for|"
    r"risk factors?|vaccin\w*|immuni[sz]ed|(?:hep\w* b|hbv)\s+immune|immune to|"
    r"lupus anticoagulant|pre ?diabet\w*)\b"
)
#: A name whose first part ends in "risk" ("stroke risk", "high cardiovascular risk") or a
#: known word said as a risk ("ovarian cancer risk (BRCA1)") is a risk, not a problem.
_RISK_NAME = re.compile(r"^[^,]*\brisk$")
_RISK_AFTER = re.compile(r"^\s+(?:\w+\s+)?risk\b")
#: Phrases where a known word means something else ("hearing aids", "hair transplant",
#: "heat stroke", "fits well"): they are taken out before the words are read (review).
_OTHER_MEANING = re.compile(
    r"\b(?:(?:hearing|sleep|walking|mobility|visual) aids?|hair transplant\w*|"
    r"(?:heat|sun) ?stroke|fits (?:well|in))\b"
)
#: A name holding the family's words is not the person's own cancer ("sister - breast cancer").
_FAMILY = re.compile(rf"\b(?:{_RELATIVES})\b")
#: A breast cancer named as a gene, a risk or a screening ("breast cancer gene carrier",
#: "increased breast cancer risk", "risk of breast cancer", "BRCA1 carrier"): no diagnosis
_BREAST_RISK = re.compile(
    r"\bbreast cancer[\s,-]*(?:(?:high|higher|increased|elevated|moderate|low|lifetime)\s+)?"
    r"(?:risk|genes?|susceptibility\w*|screening(?!\s+(?:detected|found)))\b|"
    r"\b(?:risk|chance|screening)\s+(?:of|for)\s+(?:\w+\s+){0,2}?breast cancer\b"
)
#: Words that name a malignant disease, and the breast cancer's own abbreviations
CANCER_WORDS = re.compile(
    r"\b(?:cancers?|carcinomas?|adenocarcinoma|malignan\w*|neoplasm|mbc|idc|ilc|dcis|lcis)\b"
)
#: Words that say a cancer has spread (the file lists each place under ``metastases``)
SPREAD_WORDS = re.compile(r"\b(?:metasta\w*|mets|secondaries|spread|spreading)\b")
_SECONDARY = re.compile(r"\bsecondary\b")
#: "no metastases", "never spread", "without spread", "non-metastatic": said to be absent
_NO_SPREAD = re.compile(
    r"\b(?:no|not|never|without|negative for|free of|denies|non)[\s-]+(?:\w+\s+){0,2}?"
    r"(?:metasta\w*|mets|secondaries|spread|spreading)\b"
)
#: The places a breast cancer spreads to: spread words count only beside one of them or a
#: cancer word ("bone mets", "spread to liver"; not "cellulitis spreading up arm")
_SPREAD_SITES = re.compile(
    r"\b(?:bones?|osseous|liver|hepatic|lungs?|pulmonary|brain|cerebral|lymph|nodes?|nodal|"
    r"pleura\w*|peritone\w*|skin|adrenal|spine|spinal|vertebra\w*|chest wall|ovar\w*|"
    r"leptomening\w*|meninge\w*|marrow|visceral|distant)\b"
)
#: A cancer that chemotherapy or radiation caused ("secondary AML", "therapy-related MDS"):
#: a new cancer, not the breast cancer's spread
_TREATMENT_CANCER = re.compile(
    r"\b(?:aml|leuka?emia|mds|myelodysplas\w*|lymphoma|sarcoma)\b|after chemo\w*|"
    r"(?:therapy|treatment|chemo\w*|radiation)[- ](?:related|induced)"
)


class ConditionDataError(ValueError):
    """The bundled conditions vocabulary is malformed (a bug in the project, not user input)."""


@dataclass(frozen=True)
class Term:
    term: str
    label: str
    group: str
    synonyms: tuple[str, ...]
    kinds: dict  # folded word -> detail
    icd10: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[Term, ...]
    by_term: dict[str, Term]
    lookup: dict[str, tuple[str, str | None]]  # folded word -> (term, detail or None)
    sources: dict[str, dict]
    as_of: str

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.term for t in self.terms)

    def by_icd10(self, code: str) -> str | None:
        """The term an ICD-10-CM code falls under ("E11.9" -> diabetes), longest prefix first."""
        code = str(code).strip().upper()
        best, size = None, 0
        for t in self.terms:
            for prefix in t.icd10:
                if (code == prefix or code.startswith(prefix)) and len(prefix) > size:
                    best, size = t.term, len(prefix)
        return best


def _fail(where: str, field: str, value: object, allowed: str) -> ConditionDataError:
    return ConditionDataError(f"{where}, field '{field}': {value!r} is not allowed; {allowed}.")


def _words(entry: dict, key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise _fail(where, key, value, "write a list of words")
    return tuple(value)


def build(raw: object, where: str = f"patient/data/{FILE}") -> Vocabulary:
    """Validate the parsed YAML of the conditions file and index it."""
    if not isinstance(raw, dict) or not {"as_of", "sources", "conditions"} <= raw.keys():
        raise ConditionDataError(f"{where}: needs as_of, sources and conditions")
    sources = raw["sources"]
    if not isinstance(sources, dict) or not sources:
        raise ConditionDataError(f"{where}: sources must name at least one source")
    for sid, src in sources.items():
        if not isinstance(src, dict) or not all(src.get(k) for k in SOURCE_FIELDS):
            raise _fail(where, f"sources.{sid}", src, f"give {', '.join(SOURCE_FIELDS)}")
        if not str(src["url"]).startswith("https://"):
            raise _fail(where, f"sources.{sid}.url", src["url"], "write an https address")
    terms: list[Term] = []
    lookup: dict[str, tuple[str, str | None]] = {}
    owner: dict[str, str] = {}

    def claim(word: str, term: str, detail: str | None, at: str) -> None:
        key = fold(word)
        if key in owner and owner[key] != term:
            raise ConditionDataError(f"{at}: {word!r} already means {owner[key]!r}")
        if key in owner:
            raise ConditionDataError(f"{at}: {word!r} is listed twice")
        owner[key] = term
        lookup[key] = (term, detail)

    for i, entry in enumerate(raw["conditions"] or []):
        at = f"{where}, condition {i + 1}"
        if not isinstance(entry, dict):
            raise ConditionDataError(f"{at}: expected a mapping, got {entry!r}")
        at = f"{where}, condition {entry.get('term', i + 1)!r}"
        for key in entry:
            if key not in FIELDS:
                raise _fail(at, key, entry[key], f"use only {', '.join(FIELDS)}")
        for key in REQUIRED:
            if not entry.get(key):
                raise _fail(at, key, entry.get(key), "it is required")
        term = entry["term"]
        if not isinstance(term, str) or term != fold(term):
            raise _fail(at, "term", term, "write it in lower case with single spaces")
        if not isinstance(entry["label"], str) or not entry["label"].strip():
            raise _fail(at, "label", entry["label"], "write a plain-language label")
        used = _words(entry, "sources", at)
        for sid in used:
            if sid not in sources:
                raise _fail(at, "sources", sid, f"use ids from sources ({', '.join(sources)})")
        kinds = entry.get("kinds") or {}
        if not isinstance(kinds, dict) or not all(
            isinstance(k, str) and isinstance(x, str) and k.strip() and x.strip()
            for k, x in kinds.items()
        ):
            raise _fail(at, "kinds", kinds, "write words mapped to the detail they keep")
        icd10 = _words(entry, "icd10", at)
        for code in icd10:
            if not _ICD10.match(code):
                raise _fail(at, "icd10", code, "write ICD-10-CM codes such as E11 or B18.1")
        synonyms = _words(entry, "synonyms", at)
        claim(term, term, None, at)
        for word in synonyms:
            claim(word, term, None, at)
        for word, detail in kinds.items():
            claim(word, term, detail, at)
        terms.append(
            Term(
                term=term,
                label=entry["label"].strip(),
                group=str(entry["group"]),
                synonyms=synonyms,
                kinds={fold(k): x for k, x in kinds.items()},
                icd10=icd10,
                sources=used,
            )
        )
    if not terms:
        raise ConditionDataError(f"{where}: conditions is empty")
    return Vocabulary(
        terms=tuple(terms),
        by_term={t.term: t for t in terms},
        lookup=lookup,
        sources=dict(sources),
        as_of=str(raw["as_of"]),
    )


@cache
def vocabulary() -> Vocabulary:
    text = resources.files("mbcnav.patient").joinpath(f"data/{FILE}").read_text("utf-8")
    return build(yaml.safe_load(text))


def _plain(text: object) -> str:
    """Folded, with the punctuation people put around a name dropped ("HIV+ (on ART)." -> ...)."""
    out = fold(str(text).replace("’", "'"))
    out = re.sub(r"[()\[\].;:!?\"]+", " ", out)
    return " ".join(out.split()).strip(" ,")


_PAST_WORDS = re.compile(r"^(?:history of|hx of|h/o|prior|previous|past|old)\s+")


def _exact(written: str) -> tuple[str, str | None] | None:
    """(term, detail) when the whole name is a term, synonym, kind or label of the vocabulary
    (the labels are what the web form offers: "Stroke or mini-stroke (TIA)")."""
    vocab = vocabulary()
    plain = _plain(written)
    for key in (plain, plain.replace(",", ""), _PAST_WORDS.sub("", plain)):
        if key in vocab.lookup:
            return vocab.lookup[key]
    term = {_plain(t.label): t.term for t in vocab.terms}.get(plain)
    return (term, None) if term else None


def this_cancer(text: object) -> str | None:
    """ "breast" when a name is the breast cancer itself ("ER+ breast cancer", "left breast
    cancer 2015", "Personal history of malignant neoplasm of breast", "IDC", "BRCA1 breast
    cancer"), "spread" when it is the cancer's spread ("bone metastases", "secondary lung
    cancer", "lung cancer (metastasis from breast)"), else None. The patient file holds both
    in their own sections (``metastatic_diagnosis``, ``metastases``), never as another health
    problem; a family member's cancer, a risk or a gene ("sister - breast cancer", "breast
    cancer risk", "BRCA1 carrier"), a problem the cancer or its treatment left ("breast cancer
    related lymphedema") and another named cancer ("metastatic melanoma 2012") are neither."""
    written = " ".join(str(text).split())
    if _exact(written) is not None:
        return None
    plain = _plain(written).replace("/", " ")
    if _FAMILY.search(plain):
        return None
    if left_by_it(written):
        return None  # "lymphedema secondary to breast cancer treatment"
    said = _BREAST_RISK.sub(" ", plain)
    spread = SPREAD_WORDS.search(_NO_SPREAD.sub(" ", plain))
    if re.search(r"\b(?:mbc|idc|ilc|dcis|lcis)\b", said) or (
        "breast" in said
        and CANCER_WORDS.search(said)
        and not _AFTER_IT.search(said)
        and not re.search(r"\bbenign\b", said)
    ):
        return "breast"
    secondary = _SECONDARY.search(plain) and CANCER_WORDS.search(plain)
    if not (spread or secondary):
        return None
    if "breast" in plain:
        return "spread"  # "lung cancer (metastasis from breast)"
    if _TREATMENT_CANCER.search(plain):
        return None  # "secondary malignancy (AML after chemo)", "therapy-related MDS"
    if secondary and _SPREAD_SITES.search(plain):
        return "spread"  # "secondary lung cancer", not "secondary cancer: thyroid"
    named = read_name(written)
    if named[0] == "another cancer" and named[1] and named[1] != written:
        return None  # "metastatic melanoma 2012", "melanoma with lung mets"
    if spread and (CANCER_WORDS.search(plain) or _SPREAD_SITES.search(plain)):
        return "spread"
    return None


#: A problem the breast cancer or its treatment left ("lymphedema of the arm after breast
#: cancer surgery", "neuropathy from chemo for breast cancer", "breast cancer related
#: lymphedema", "cardiotoxicity secondary to breast cancer therapy") is another health problem.
_AFTER_IT = re.compile(
    r"\b(?:after|following|from|due to|caused by|because of|related to|secondary to|post|"
    r"induced by)\b.*\bbreast\b|"
    r"\bbreast (?:cancer|carcinoma)[\s-]+(?:related|associated|induced|treatment|therapy|"
    r"surgery|treated)\b"
)
#: "lymphoedema (breast cancer)": another problem with the cancer that caused it in brackets
_CAUSE_IN_BRACKETS = re.compile(r"^([^()]*\w[^()]*)\(\s*breast (?:cancer|carcinoma)\s*\)\s*$")
#: words that only describe the breast cancer ("left", "ER+", "triple negative", "2015")
_DESCRIBES_IT = re.compile(
    r"^(?:[\s+-]|\b(?:\d+|left|right|bilateral|er|pr|her2|hr|positive|negative|triple|metastatic|"
    r"advanced|stage|iv|invasive|ductal|lobular|primary|recurrent|new|contralateral|"
    r"previous|prior|history|of|personal|malignant|early|locally|inflammatory|de novo)\b)*$"
)


def left_by_it(text: object) -> bool:
    """Whether a name is a problem the breast cancer or its treatment left ("lymphedema of arm
    after breast cancer surgery", "breast cancer related lymphedema", "lymphoedema (breast
    cancer)"): another health problem, though it names the breast cancer."""
    written = " ".join(str(text).split())
    plain = _BREAST_RISK.sub(" ", _plain(written).replace("/", " "))
    if SPREAD_WORDS.search(_NO_SPREAD.sub(" ", plain)):
        return False
    cause = _CAUSE_IN_BRACKETS.match(fold(written))
    return bool(_AFTER_IT.search(plain)) or bool(
        cause and not _DESCRIBES_IT.match(cause.group(1).strip())
    )


def read_name(text: object) -> tuple[str, str | None, bool]:
    """(name, detail, known) for a condition name as written.

    A name or synonym gives the canonical term; a kind gives the term and its detail
    ("melanoma" -> another cancer, melanoma); a longer name that holds a known name (at least
    ``MIN_INSIDE`` letters, and no word saying it is not the person's) gives the term with the
    written words as the detail ("papillary thyroid cancer 2019"). Anything else is kept as
    written, with ``known`` False.
    """
    written = " ".join(str(text).split())
    vocab = vocabulary()
    exact = _exact(written)
    if exact is not None:
        return exact[0], exact[1], True
    plain = _plain(written)
    if _NOT_HERS.search(plain):
        return written, None, False
    if _RISK_NAME.search(plain):
        return written, None, False  # "stroke risk", "high cardiovascular risk"
    bare = _OTHER_MEANING.sub(" ", plain.replace(",", " "))
    hits = [
        (len(key), detail is not None, term, detail)
        for key, (term, detail) in vocab.lookup.items()
        if len(key) >= MIN_INSIDE
        and any(
            not _RISK_AFTER.match(bare[m.end() :])
            for m in re.finditer(rf"(?<![\w+]){re.escape(key)}(?![\w+])", bare)
        )
    ]
    if not hits:
        return written, None, False
    _, _, term, detail = max(hits)  # the longest name; on a tie the one that names a kind
    # a kind of the same problem said elsewhere in the words ("heart failure ... NYHA class II")
    kinds = [h for h in hits if h[2] == term and h[3] is not None]
    detail = detail or (max(kinds)[3] if kinds else None)
    return term, detail or written, True


_STATUS_WORDS = {
    "active": "active",
    "current": "active",
    "currently": "active",
    "ongoing": "active",
    "present": "active",
    "yes": "active",
    "new": "active",
    "uncontrolled": "active",
    "not controlled": "active",
    "poorly controlled": "active",
    "being treated": "active",
    "on treatment": "active",
    "controlled": "controlled",
    "well controlled": "controlled",
    "under control": "controlled",
    "stable": "controlled",
    "managed": "controlled",
    "in remission": "controlled",
    "remission": "controlled",
    "past": "past",
    "history": "past",
    "historical": "past",
    "previous": "past",
    "prior": "past",
    "former": "past",
    "resolved": "past",
    "cured": "past",
    "healed": "past",
    "inactive": "past",
    "gone": "past",
    "no longer": "past",
    "unknown": "unknown",
    "not known": "unknown",
    "not sure": "unknown",
}


def normalise_status(value: object) -> str | None:
    return _STATUS_WORDS.get(_plain(value))


#: Status words that say more than "active": the problem is not under control
_UNCONTROLLED = ("uncontrolled", "not controlled", "poorly controlled")


def uncontrolled_status(value: object) -> str | None:
    """The status as written when it says the problem is not controlled, else None."""
    said = _plain(value) if isinstance(value, str) else ""
    return said if said in _UNCONTROLLED else None


_MENOPAUSE = re.compile(
    r"^(?:(pre|peri|post)[\s-]*menopaus(?:al|e)|(pre|peri|post)menopaus(?:al|e)|"
    r"(before|during|after)\s+(?:the\s+)?menopause|(surgical|chemical|induced|medical)\s+menopause|"
    r"(pre|peri|post)(?=$|\s*[(,]))(?=$|[\s,(/-])\s*[-,/:(]?\s*(.*)$"
)
#: A bare "pre", "peri" or "post" is a status only alone or before brackets or a comma
#: ("post (surgical)", "pre, on zoladex"): "post-op",
#: "Post-traumatic stress disorder" and "Pre-treatment CEA" say nothing about menopause.
#: A chemical, medical or induced menopause is ovarian suppression (goserelin and the like),
#: not menopause: the ovaries can wake again, so it is kept as premenopausal with the word as
#: the detail ("chemical"), which the trial finder reads as ovarian suppression.
_MENOPAUSE_WORD = {
    "pre": "premenopausal",
    "peri": "perimenopausal",
    "post": "postmenopausal",
    "before": "premenopausal",
    "during": "perimenopausal",
    "after": "postmenopausal",
    "surgical": "postmenopausal",
    "chemical": "premenopausal",
    "induced": "premenopausal",
    "medical": "premenopausal",
}


def read_menopause(value: object) -> tuple[str, str | None] | None:
    """(status, detail) for the ways people and charts write a menopausal status, or None.

    ``post-menopausal after oophorectomy`` -> (postmenopausal, after oophorectomy);
    ``premenopausal on ovarian suppression`` -> (premenopausal, on ovarian suppression);
    ``surgical menopause`` -> (postmenopausal, surgical); ``chemical menopause`` ->
    (premenopausal, chemical): ovarian suppression, not menopause.
    """
    text = " ".join(str(value).replace("’", "'").split()).strip()
    low = text.lower().replace("_", " ")
    if low in ("unknown", "not known", "not sure", "unsure"):
        return "unknown", None
    m = _MENOPAUSE.match(low)
    if not m:
        return None
    word = next(g for g in m.groups()[:5] if g)
    status = _MENOPAUSE_WORD[word]
    rest = text[len(text) - len(m.group(6)) :] if m.group(6) else ""
    rest = rest.strip(" ()[].,;:-/")
    if word in ("surgical", "chemical", "induced", "medical"):
        rest = f"{word}{', ' + rest if rest else ''}"
    return status, rest or None


_KPS = re.compile(
    r"^(?:(?:karnofsky(?:\s+performance\s+(?:status|score))?|kps)\s*(?:score)?\s*[:=]?\s*)?"
    r"(\d{1,3}(?:\.0+)?)\s*%?$",
    re.I,
)


def karnofsky_in(value: object) -> str | None:
    """The number written in "KPS 80", "80%", "Karnofsky 70", "80", else None."""
    if isinstance(value, str) and (m := _KPS.match(value.strip())):
        return m.group(1)
    return None


#: a Karnofsky score in a chart's words: "KPS of 80", "Karnofsky: 70%", or a leading number
#: ("80 (able to work)", "80%, normal activity with effort", "70/100"); a range ("80-90") is
#: no score
_KPS_WORDS = re.compile(
    r"\b(?:kps|karnofsky)\D{0,15}?(\d{1,3}(?:\.0+)?)(?![\d.]|\s*(?:-|–|to)\s*\d)", re.I
)
_KPS_LEADING = re.compile(
    r"^\s*(\d{1,3}(?:\.0+)?)(?![\d.])\s*(?:%|/\s*100\b)?(?!\s*(?:-|–|to|/)\s*\d)(?=\s*(?:$|[(,;:%]|\w))",
    re.I,
)


def karnofsky_said(value: object) -> str | None:
    """The number in a chart's words for a Karnofsky score (see ``_KPS_WORDS``), else None."""
    if not isinstance(value, str):
        return None
    found = karnofsky_in(value)
    if found is not None:
        return found
    m = _KPS_WORDS.search(value) or _KPS_LEADING.match(value)
    return m.group(1) if m else None


def read_karnofsky(value: object) -> object:
    """The number in "KPS 80", "80%", "Karnofsky 70" (text it cannot read is returned as is,
    for the number reader to name)."""
    found = karnofsky_in(value)
    return value if found is None else found


_OVARIES_OUT = re.compile(
    r"oophorectom|\b(?:bso|rrso)\b|remov\w* (?:of )?(?:both )?(?:the )?ovar(?:y|ies)|"
    r"ovar(?:y|ies) (?:were |was )?removed",
    re.I,
)
#: BSO, RRSO (risk-reducing salpingo-oophorectomy) and plural "ovaries" are both sides
_BOTH_SIDES = re.compile(r"bilateral|both|\b(?:bso|rrso)\b|\bovaries\b|risk[- ]reducing", re.I)
_ONE_SIDE = re.compile(r"\b(?:left|right|unilateral|single|one|lt|rt)\b|\bovary\b", re.I)
_NOT_DONE = re.compile(
    r"\b(?:no|not|without|spar\w*|preserv\w*|conserv\w*|declined|planned|considering)\b", re.I
)
#: a procedure's clauses: "bilateral mastectomy and right oophorectomy" is two
_CLAUSES = re.compile(r"[,;+&]|\band\b|\bwith\b|\bthen\b|\bplus\b", re.I)


def both_ovaries_out(procedure: str | None) -> bool:
    """Whether a procedure's words say both ovaries were removed ("BSO", "TAH/BSO", "RRSO",
    "bilateral salpingo-oophorectomy", "removal of both ovaries"); an oophorectomy with left,
    right or unilateral in its own clause is one side ("bilateral mastectomy and right
    oophorectomy"), unless both sides are named."""
    sides: set[str] = set()
    for clause in _CLAUSES.split(procedure or ""):
        if not _OVARIES_OUT.search(clause) or _NOT_DONE.search(clause):
            continue
        one = _ONE_SIDE.search(clause)
        if one:
            side = one.group(0).lower()
            sides.add({"lt": "left", "rt": "right"}.get(side, side))
        elif _BOTH_SIDES.search(clause):
            return True
    return {"left", "right"} <= sides


def ovaries_removed(treatments, as_of: date):
    """The surgery that removed both ovaries on or before ``as_of`` (or with no date), else
    None: a bilateral oophorectomy brings menopause whatever else the record says."""
    for t in treatments:
        when = t.date or t.start
        if (
            t.type == "surgery"
            and both_ovaries_out(t.procedure)
            and (when is None or when <= as_of)
        ):
            return t
    return None
