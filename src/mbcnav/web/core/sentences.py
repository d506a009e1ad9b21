"""The patient engine's one-sentence errors, as a person reads them on a form.

The engine names file paths ("symptoms[0].date: ...") and writes dates as the file does
(ISO 8601); on a web form the sentence drops the path, writes dates as people do
("1 Feb 2025") and names the file's fields in words. The CLI and file imports keep the
engine's own sentence, which matches what the person wrote in the file.
"""

from __future__ import annotations

import re
from datetime import date

from django.utils.translation import gettext_lazy as _

from mbcnav.patient import PatientFileError
from mbcnav.patient.days import human

#: Field names the patient file uses inside its sentences, in a person's words on a form.
FIELD_WORDS = {
    "first_diagnosis_date": _("the first diagnosis date"),
    "first_diagnosis_stage": _("the stage at first diagnosis"),
    "metastatic_diagnosis": _("the metastatic diagnosis"),
    "birth_date": _("the birth date"),
    "birth_year": _("the birth year"),
    "de_novo": _("“metastatic from the start”"),
    "inflammatory": _("“inflammatory breast cancer”"),
    "stop_reason": _("the reason it stopped"),
    "temperature_f": _("the temperature in °F"),
    "temperature_c": _("the temperature in °C"),
    "menopausal_status": _("the menopausal status"),
    "menopausal_detail": _("what you added about menopause"),
    "karnofsky": _("the Karnofsky score"),
}
# A day the engine names; what the person typed ("you wrote 0001-01-01", “2026-02-30”) stays.
_ISO_DAY = re.compile(r"(?<!wrote )(?<!“)\b(\d{4})-(\d{2})-(\d{2})\b")


def _day_for_people(m: re.Match) -> str:
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:  # not a real day ("2026-02-30"): shown as typed
        return m.group(0)
    return human(day) if day.year >= 1900 else m.group(0)


def for_people(err: PatientFileError) -> str:
    """The engine's sentence for a form: no field path, dates as people write them
    ("1 Feb 2025"), the file's field names in words (the file and CLI keep ISO and names)."""
    text = str(err)
    if err.field and text.startswith(f"{err.field}: "):
        text = text[len(err.field) + 2 :]
    text = _ISO_DAY.sub(_day_for_people, text)
    for name, words in FIELD_WORDS.items():
        text = re.sub(rf"\b{name}\b", str(words), text)
    return text[:1].upper() + text[1:]
