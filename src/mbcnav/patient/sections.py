"""The section readers of a patient file (diagnosis, sites, treatments, scans, labs, check-ins),
built on the ``Reader`` primitives of ``reader.py``; each names its field path in the error sentence."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from rapidfuzz import process

from . import conditions as cv
from . import spellings
from . import vocabulary as v
from .model import (
    Assessment,
    Condition,
    Lab,
    Metastasis,
    MetastaticDiagnosis,
    Symptom,
    Treatment,
)
from .reader import (
    ASSESSMENT_KEYS,
    CONDITION_DETAIL_KEYS,
    CONDITION_KEYS,
    DIAGNOSIS_KEYS,
    LAB_KEYS,
    METASTASIS_DETAIL_KEYS,
    METASTASIS_KEYS,
    SYMPTOM_KEYS,
    TREATMENT_DETAIL_KEYS,
    TREATMENT_KEYS,
    Reader,
    fail,
    one_of,
    show,
)
from .words import fold


def later(first: date | None, second: date | None) -> bool:
    return first is not None and second is not None and second < first


def read_diagnosis(r: Reader, raw: Any, born: date | None) -> MetastaticDiagnosis:
    f = "metastatic_diagnosis"
    d = r.mapping(raw, f, DIAGNOSIS_KEYS)
    dx = MetastaticDiagnosis(
        date=r.date(d.get("date"), f"{f}.date"),
        de_novo=r.boolean(d.get("de_novo"), f"{f}.de_novo"),
        first_diagnosis_date=r.date(d.get("first_diagnosis_date"), f"{f}.first_diagnosis_date"),
        first_diagnosis_stage=r.enum(
            d.get("first_diagnosis_stage"),
            f"{f}.first_diagnosis_stage",
            v.normalise_stage,
            v.STAGES,
        ),
        histology=r.enum(
            d.get("histology"), f"{f}.histology", v.normalise_histology, v.HISTOLOGIES
        ),
        inflammatory=r.boolean(d.get("inflammatory"), f"{f}.inflammatory"),
    )
    if later(dx.first_diagnosis_date, dx.date):
        raise fail(
            f"{f}.date",
            f"{dx.date.isoformat()} is before first_diagnosis_date {dx.first_diagnosis_date.isoformat()}; metastatic disease cannot be found before the first diagnosis.",
        )
    for key in ("date", "first_diagnosis_date"):
        if later(born, getattr(dx, key)):
            raise fail(
                f"{f}.{key}", f"{getattr(dx, key).isoformat()} is before the person was born."
            )
    if dx.de_novo is True and dx.first_diagnosis_stage not in (None, "IV"):
        raise fail(
            f"{f}.de_novo",
            f"true means metastatic at first diagnosis, but first_diagnosis_stage is {dx.first_diagnosis_stage}; use de_novo: false or stage IV.",
        )
    if dx.de_novo is False and dx.first_diagnosis_stage == "IV":
        raise fail(
            f"{f}.de_novo",
            "false means a recurrence, but first_diagnosis_stage is IV; use de_novo: true.",
        )
    return dx


def read_metastasis(r: Reader, raw: Any, f: str) -> Metastasis:
    d = r.mapping(raw, f, METASTASIS_KEYS + METASTASIS_DETAIL_KEYS)
    if d.get("site") is None:
        raise fail(f"{f}.site", f"is missing; use {one_of(v.SITES)}.")
    if isinstance(d["site"], (dict, list)):
        raise fail(f"{f}.site", f"expected text, got {show(d['site'])}.")
    site, detail = spellings.site(d["site"])
    if site is None:
        raise fail(
            f"{f}.site",
            f"{show(d['site'])} is not a site we know; use {one_of(v.SITES)} (other for any other organ).",
        )
    detail = r.text(d.get("detail"), f"{f}.detail") or detail
    status = r.enum(d.get("status"), f"{f}.status", v.normalise_brain_status, v.BRAIN_STATUSES)
    if status and site not in ("brain", "leptomeningeal"):
        raise fail(
            f"{f}.status",
            f"{show(d.get('status'))} is only for brain metastases, but this site is {site}.",
        )
    return Metastasis(
        site=site,
        date=r.date(d.get("date"), f"{f}.date"),
        measurable=r.boolean(d.get("measurable"), f"{f}.measurable"),
        status=status,
        detail=detail.lower() if detail else None,
    )


def read_drug_list(r: Reader, raw: Any, f: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [part for part in re.split(r"\s*(?:,|\+| and )\s*", raw) if part]
    if not isinstance(raw, list):
        raise fail(f, f"expected a list of drug names, got {show(raw)}.")
    return tuple(r.text(x, f"{f}[{i}]") for i, x in enumerate(raw) if r.text(x, f"{f}[{i}]"))


def read_treatment(r: Reader, raw: Any, f: str) -> Treatment:
    d = r.mapping(raw, f, TREATMENT_KEYS + TREATMENT_DETAIL_KEYS)
    drugs = read_drug_list(r, d.get("drugs"), f"{f}.drugs")
    setting, setting_detail, line = _setting(r, d, f)
    kind = r.enum(d.get("type"), f"{f}.type", v.normalise_treatment_type, v.TREATMENT_TYPES)
    if kind is None:
        if not drugs:
            raise fail(
                f"{f}.type",
                "is missing; give drugs for a systemic treatment, or type: radiation or type: surgery.",
            )
        kind = "systemic"
    if kind == "systemic" and not drugs:
        raise fail(f"{f}.drugs", "is missing; a systemic treatment needs at least one drug name.")
    if kind != "systemic" and drugs:
        raise fail(f"{f}.drugs", f"are only for systemic treatments, but this one is {kind}.")
    t = Treatment(
        type=kind,
        drugs=drugs,
        setting=setting,
        setting_detail=setting_detail,
        line=line,
        start=r.date(d.get("start"), f"{f}.start"),
        end=r.date(d.get("end"), f"{f}.end"),
        stop_reason=r.enum(
            d.get("stop_reason"), f"{f}.stop_reason", v.normalise_stop_reason, v.STOP_REASONS
        ),
        site=r.text(d.get("site"), f"{f}.site"),
        procedure=r.text(d.get("procedure"), f"{f}.procedure"),
        date=r.date(d.get("date"), f"{f}.date"),
    )
    if later(t.start, t.end):
        raise fail(
            f"{f}.end",
            f"{t.end.isoformat()} is before the start {t.start.isoformat()}; the end must be on or after the start.",
        )
    if kind == "systemic" and t.start is None:
        raise fail(
            f"{f}.start", "is missing; a systemic treatment needs a start date (YYYY-MM-DD)."
        )
    if kind == "surgery" and t.begins is None:
        raise fail(f"{f}.date", "is missing; a surgery needs a date (YYYY-MM-DD).")
    if t.stop_reason and t.end is None:
        raise fail(
            f"{f}.stop_reason",
            f"{show(t.stop_reason)} is given but the treatment has no end date; add end or remove stop_reason.",
        )
    return t


def _setting(r: Reader, d: dict, f: str) -> tuple[str | None, str | None, int | None]:
    """``setting`` as charts write it (recurrent, 2L...) plus ``setting_detail`` and ``line``."""
    raw = d.get("setting")
    if isinstance(raw, (dict, list)):
        raise fail(f"{f}.setting", f"expected text, got {show(raw)}.")
    setting, detail, line = spellings.setting(raw) if raw is not None else (None, None, None)
    if raw is not None and setting is None:
        raise fail(
            f"{f}.setting",
            f"{show(raw)} is not allowed; use {one_of(v.SETTINGS)} (recurrent, locally advanced, "
            "palliative, first-line or 2L also mean the metastatic setting).",
        )
    given = r.text(d.get("setting_detail"), f"{f}.setting_detail")
    if given is not None:
        if given.lower() not in spellings.SETTING_DETAILS:
            raise fail(
                f"{f}.setting_detail",
                f"{show(given)} is not allowed; use {one_of(spellings.SETTING_DETAILS)}.",
            )
        detail = given.lower()
    number = r.number(d.get("line"), f"{f}.line", 1, 20, integer=True)
    if number is not None and line is not None and number != line:
        raise fail(
            f"{f}.line", f"{number} does not match the setting {show(raw)}; correct one of them."
        )
    line = number if number is not None else line
    if setting is None and (line is not None or detail is not None):
        setting = "metastatic"
    if line is not None and setting != "metastatic":
        raise fail(
            f"{f}.line",
            f"{line} is only for the metastatic setting, but this treatment is {setting}.",
        )
    return setting, detail, line


def read_assessment(r: Reader, raw: Any, f: str) -> Assessment:
    d = r.mapping(raw, f, ASSESSMENT_KEYS)
    when = r.date(d.get("date"), f"{f}.date")
    if when is None:
        raise fail(f"{f}.date", "is missing; every assessment needs a date (YYYY-MM-DD).")
    if d.get("status") is None:
        raise fail(f"{f}.status", f"is missing; use {one_of(v.ASSESSMENT_STATUSES)}.")
    return Assessment(
        date=when,
        status=r.enum(
            d["status"], f"{f}.status", v.normalise_assessment_status, v.ASSESSMENT_STATUSES
        ),
        method=r.enum(d.get("method"), f"{f}.method", v.normalise_method, v.ASSESSMENT_METHODS),
        note=r.text(d.get("note"), f"{f}.note"),
    )


def read_lab(r: Reader, raw: Any, f: str) -> Lab:
    d = r.mapping(raw, f, LAB_KEYS)
    when = r.date(d.get("date"), f"{f}.date")
    if when is None:
        raise fail(f"{f}.date", "is missing; every lab result needs a date (YYYY-MM-DD).")
    test = r.text(d.get("test"), f"{f}.test")
    if not test:
        raise fail(f"{f}.test", "is missing; name the test, such as CA 15-3.")
    value = d.get("value")
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        raise fail(f"{f}.value", f"{show(value)} is not a lab value; give a number or short text.")
    if isinstance(value, (int, float)):
        value = float(value) if abs(value) < 1e300 else math.inf
    elif value is not None:
        text = str(value).strip()
        try:
            value = float(text)
        except ValueError:
            value = text or None
    if isinstance(value, float) and not math.isfinite(value):
        raise fail(
            f"{f}.value", f"{show(d.get('value'))} is not a lab value; give an ordinary number."
        )
    return Lab(
        date=when,
        test=v.normalise_lab_test(test),
        value=value,
        unit=r.text(d.get("unit"), f"{f}.unit"),
    )


def read_symptom(r: Reader, raw: Any, f: str) -> Symptom:
    d = r.mapping(raw, f, SYMPTOM_KEYS)
    when = r.date(d.get("date"), f"{f}.date")
    if when is None:
        raise fail(f"{f}.date", "is missing; every check-in needs a date (YYYY-MM-DD).")
    if d.get("symptom") is None:
        raise fail(f"{f}.symptom", "is missing; name the symptom, such as pain or fever.")
    found = v.normalise_symptom(d["symptom"])
    if found is None:
        hint = process.extractOne(str(d["symptom"]).lower(), v.SYMPTOMS, score_cutoff=75)
        also = f" (did you mean {hint[0]!r}?)" if hint else ""
        raise fail(
            f"{f}.symptom",
            f"{show(d['symptom'])} is not a symptom we know{also}; see the symptom list in docs/patient-file.md.",
        )
    name, location = found
    temp_c = r.number(d.get("temperature_c"), f"{f}.temperature_c", 30, 45)
    temp_f = r.number(d.get("temperature_f"), f"{f}.temperature_f", 86, 113)
    if temp_c is not None and temp_f is not None:
        raise fail(f"{f}.temperature_f", "give temperature_c or temperature_f, not both.")
    if temp_f is not None:
        temp_c = round((temp_f - 32) * 5 / 9, 1)
    return Symptom(
        date=when,
        symptom=name,
        severity=r.enum(d.get("severity"), f"{f}.severity", v.normalise_severity, v.SEVERITIES),
        frequency=r.enum(
            d.get("frequency"), f"{f}.frequency", v.normalise_frequency, v.FREQUENCIES
        ),
        interference=r.enum(
            d.get("interference"), f"{f}.interference", v.normalise_interference, v.INTERFERENCES
        ),
        location=r.text(d.get("location"), f"{f}.location") or location,
        new=r.boolean(d.get("new"), f"{f}.new"),
        temperature_c=temp_c,
        count_per_day=r.number(d.get("count_per_day"), f"{f}.count_per_day", 0, 100, integer=True),
        note=_with_words(d["symptom"], r.text(d.get("note"), f"{f}.note")),
    )


def _with_words(typed: object, note: str | None) -> str | None:
    """Words read through keywords (not a listed name) are kept in the note for the rules."""
    if v.is_symptom_word(typed):
        return note
    return f"{str(typed).strip()}; {note}" if note else str(typed).strip()


#: The breast cancer itself, which the file holds in its own sections, not as another problem
_THIS_CANCER = re.compile(
    r"^(?:metastatic |advanced |stage (?:iv|4) |her2 positive |triple negative |hr positive )?"
    r"(?:breast cancer|breast carcinoma|mbc|invasive ductal carcinoma|invasive lobular carcinoma)$"
)


def _short(r: Reader, raw: Any, f: str, limit: int) -> str | None:
    text = r.text(raw, f)
    if text is not None and len(text) > limit:
        raise fail(
            f,
            f"{show(text)} is {len(text)} characters long; keep it under {limit} "
            "(put longer words in the note).",
        )
    return text


def _said_in(words: str, text: str) -> bool:
    """Whether ``words`` stand as whole words in ``text`` ("thyroid" is not in "thyroidectomy")."""
    return re.search(rf"(?<!\w){re.escape(fold(words))}(?!\w)", fold(text)) is not None


def read_condition(r: Reader, raw: Any, f: str) -> Condition:
    """One other health problem: ``{name, status, date, note}`` (or just its name as text)."""
    if isinstance(raw, str):
        raw = {"name": raw}
    d = r.mapping(raw, f, CONDITION_KEYS + CONDITION_DETAIL_KEYS)
    written = _short(r, d.get("name"), f"{f}.name", cv.MAX_NAME)
    if not written:
        raise fail(f"{f}.name", "is missing; name the health problem, such as diabetes or HIV.")
    if _THIS_CANCER.match(cv._plain(written)) or cv.this_cancer(written) == "breast":
        raise fail(
            f"{f}.name",
            f"{show(written)} is the cancer this file is about; it goes under "
            "metastatic_diagnosis and receptors, and conditions lists other health problems.",
        )
    if cv.this_cancer(written) == "spread":
        raise fail(
            f"{f}.name",
            f"{show(written)} is the cancer's spread, not another health problem; list each "
            "place it has spread to under metastases.",
        )
    name, detail, _known = cv.read_name(written)
    given = _short(r, d.get("detail"), f"{f}.detail", cv.MAX_NAME)
    note = _short(r, d.get("note"), f"{f}.note", cv.MAX_NOTE)
    if given and detail and not _said_in(detail, given):
        # the kind read from the name stays with the words typed beside it ("melanoma" and
        # "stage I, excised" -> "melanoma, stage I, excised"; "T2DM" and "diet controlled");
        # the name's own words ("gestational diabetes") only when they fit
        kind = detail != written or cv._exact(written) is not None
        both = f"{detail}, {given}"
        if kind and len(both) > cv.MAX_NAME:
            room = cv.MAX_NAME - len(detail) - 2
            raise fail(
                f"{f}.detail",
                f"{show(given)} is {len(given)} characters long, and the kind '{detail}' read "
                f"from the name goes in front of it; keep it under {room} (put longer words "
                "in the note).",
            )
        if len(both) <= cv.MAX_NAME:
            given = both
    status = r.enum(d.get("status"), f"{f}.status", cv.normalise_status, cv.STATUSES)
    # "uncontrolled" is kept as active; the word itself goes in the detail, where criteria
    # such as "uncontrolled diabetes" read it ("poorly controlled, type 2")
    poorly = cv.uncontrolled_status(d.get("status"))
    if poorly and not re.search(
        r"\b(?:un|not\s+|poorly\s+)controlled\b", fold(given or detail or "")
    ):
        given = f"{poorly}, {given or detail}" if (given or detail) else poorly
        if len(given) > cv.MAX_NAME:
            given = given[: cv.MAX_NAME]
    return Condition(
        name=name,
        status=status,
        date=r.date(d.get("date"), f"{f}.date"),
        note=note,
        detail=given or detail,
    )


def read_karnofsky(r: Reader, raw: Any) -> int | None:
    """Karnofsky performance status: 0 to 100 in steps of 10 ("KPS 80", "80%", "Karnofsky 70")."""
    if raw is None:
        return None
    allowed = "write a number from 0 to 100 in steps of 10, like 80 or KPS 80"
    if isinstance(raw, (bool, dict, list)):
        raise fail("karnofsky", f"{show(raw)} is not a Karnofsky score; {allowed}.")
    value = cv.read_karnofsky(raw)
    try:
        score = float(str(value).strip())
    except ValueError:
        raise fail("karnofsky", f"{show(raw)} is not a Karnofsky score; {allowed}.") from None
    if not math.isfinite(score) or not 0 <= score <= 100 or score % 10:
        raise fail("karnofsky", f"{show(raw)} is not a Karnofsky score; {allowed}.")
    return int(score)


def read_menopause(r: Reader, data: dict, sex: str | None) -> tuple[str | None, str | None]:
    """``menopausal_status`` as written (pre-menopausal, post menopausal, "postmenopausal
    (surgical)", "premenopausal on ovarian suppression") and ``menopausal_detail``."""
    raw = data.get("menopausal_status")
    status, detail = None, None
    if raw is not None:
        if isinstance(raw, (bool, dict, list, int, float)):
            raise fail("menopausal_status", f"expected text, got {show(raw)}.")
        got = cv.read_menopause(raw)
        if got is None:
            raise fail(
                "menopausal_status",
                f"{show(raw)} is not allowed; use {one_of(cv.MENOPAUSAL_STATUSES)} (words after "
                "it are kept as the detail, as in 'postmenopausal (surgical)').",
            )
        status, detail = got
        if detail and len(detail) > cv.MAX_NAME:
            raise fail(
                "menopausal_status",
                f"the words after the status ({show(detail)}) are {len(detail)} characters "
                f"long; keep them under {cv.MAX_NAME}.",
            )
    given = _short(r, data.get("menopausal_detail"), "menopausal_detail", cv.MAX_NAME)
    if given and status is None:
        raise fail(
            "menopausal_detail",
            f"{show(given)} is given without menopausal_status; add the status it explains.",
        )
    if given and detail and not _said_in(detail, given):
        # the words of the status stay with the detail typed apart ("chemical menopause" and
        # "since March 2025" -> "chemical, since March 2025"), so the file says the same again
        both = f"{detail}, {given}"
        if len(both) > cv.MAX_NAME:
            raise fail(
                "menopausal_detail",
                f"{show(given)} is {len(given)} characters long, and the words '{detail}' from "
                f"the menopausal status go in front of it; keep it under "
                f"{cv.MAX_NAME - len(detail) - 2} (put longer words in a note).",
            )
        given = both
    if sex == "male" and status not in (None, "unknown"):
        raise fail(
            "menopausal_status",
            f"{show(raw)} is only for women, but sex is male; remove it or correct sex.",
        )
    return status, given or detail
