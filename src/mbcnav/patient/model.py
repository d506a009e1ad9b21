"""The patient model: one person's MBC story, validated and normalised.

These frozen dataclasses mirror the ``mbcnav-patient/1`` file
(``docs/patient-file.md``) one to one. Values are already normalised: enums are
lower-case canonical words, dates are ``datetime.date``, HER2 is one of the
canonical strings in ``vocabulary.HER2_RESULTS``. Build them with
``mbcnav.patient.parse`` / ``load``; derived facts (subtype, lines of therapy,
current treatment...) live in ``mbcnav.patient.derive``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FORMAT = "mbcnav-patient/1"


@dataclass(frozen=True)
class MetastaticDiagnosis:
    date: date | None = None
    de_novo: bool | None = None
    first_diagnosis_date: date | None = None
    first_diagnosis_stage: str | None = None  # 0 | I | II | III | IV
    histology: str | None = None  # ductal | lobular | mixed | other | unknown
    inflammatory: bool | None = None  # inflammatory breast cancer (IBC): red, swollen breast


@dataclass(frozen=True)
class Receptors:
    er: str | None = None  # positive | low | negative | unknown
    pr: str | None = None  # positive | negative | unknown
    her2: str | None = None  # canonical: "IHC 0", "IHC 0+", "IHC 1+", "IHC 2+ ISH-", ...
    biopsy_site: str | None = None
    biopsy_date: date | None = None
    # the detail a pathology report gives next to the category (None when not written)
    er_percent: str | None = None  # "95%", "<1%", "10-20%"
    er_intensity: str | None = None  # weak | moderate | strong
    er_allred: int | None = None  # Allred score 0-8
    pr_percent: str | None = None
    pr_intensity: str | None = None
    pr_allred: int | None = None
    her2_ish_ratio: float | None = None  # HER2/CEP17 ratio
    her2_copy_number: float | None = None  # mean HER2 signals per cell


@dataclass(frozen=True)
class BiomarkerDetail:
    """What a report gives beside the result: variants, origin, sample, VAF, ISH ratio, assay."""

    changes: tuple[
        str, ...
    ] = ()  # protein change without "p." (H1047R), cDNA with "c." (c.5946delT)
    origin: str | None = None  # germline | somatic
    sample: str | None = None  # tissue | blood (ctDNA)
    vaf: float | None = None  # variant allele fraction, percent
    ish_ratio: float | None = None  # HER2/CEP17 (or gene/centromere) ratio of an amplification
    copy_number: float | None = None  # gene copies per cell
    assay: str | None = None  # PD-L1 antibody clone (22C3, SP142, SP263, 28-8, 73-10) or MMR IHC

    def __bool__(self) -> bool:
        return any(getattr(self, k) not in (None, ()) for k in self.__dataclass_fields__)


@dataclass(frozen=True)
class Metastasis:
    site: str  # vocabulary.SITES
    date: date | None = None
    measurable: bool | None = None
    status: str | None = None  # brain only: active | treated-stable | treated-progressing
    detail: str | None = (
        None  # where exactly, as written: "mediastinal", "supraclavicular", "effusion"
    )


@dataclass(frozen=True)
class Treatment:
    type: str = "systemic"  # systemic | radiation | surgery
    drugs: tuple[str, ...] = ()  # as written in the file (generic or brand)
    setting: str | None = None  # neoadjuvant | adjuvant | metastatic
    setting_detail: str | None = None  # recurrent | locally advanced | unresectable | palliative
    line: int | None = (
        None  # line of therapy as the chart states it ("2L"); lines are still derived
    )
    start: date | None = None
    end: date | None = None  # None = ongoing (systemic / radiation)
    stop_reason: str | None = (
        None  # progression | side effects | completed | patient choice | other
    )
    site: str | None = None  # radiation target
    procedure: str | None = None  # surgery
    date: date | None = None  # surgery date

    @property
    def begins(self) -> date | None:
        """The first day of the treatment (``start``, or ``date`` for a surgery)."""
        return self.start or self.date


@dataclass(frozen=True)
class Assessment:
    date: date
    status: str  # progression | stable | regression | ned | unknown
    method: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Lab:
    date: date
    test: str
    value: float | str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Symptom:
    date: date
    symptom: str  # vocabulary.SYMPTOMS (canonical name)
    severity: str | None = None  # none | mild | moderate | severe | very severe
    frequency: str | None = None  # never | rarely | occasionally | frequently | almost constantly
    interference: str | None = (
        None  # not at all | a little bit | somewhat | quite a bit | very much
    )
    location: str | None = None
    new: bool | None = None
    temperature_c: float | None = None  # temperature_f in the file is converted to Celsius
    count_per_day: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Condition:
    """Another health problem (not the breast cancer): ``name`` is the canonical term of
    ``patient/data/conditions.yaml`` when the words are known, else kept as written."""

    name: str
    status: str | None = None  # active | controlled | past | unknown
    date: date | None = None  # diagnosed (or, for a past problem, resolved)
    note: str | None = None
    detail: str | None = None  # the kind or the words as written: "type 2", "melanoma"

    @property
    def known(self) -> bool:
        """Whether ``name`` is a term of the conditions vocabulary (not kept as written)."""
        from .conditions import vocabulary

        return self.name in vocabulary().by_term


@dataclass(frozen=True)
class Patient:
    format: str = FORMAT
    name: str | None = None
    birth_year: int | None = None
    birth_date: date | None = None
    sex: str | None = None  # female | male
    postal_code: str | None = None
    country: str | None = None
    metastatic_diagnosis: MetastaticDiagnosis = field(default_factory=MetastaticDiagnosis)
    receptors: Receptors = field(default_factory=Receptors)
    biomarkers: dict[str, str] = field(
        default_factory=dict
    )  # canonical marker -> normalised result
    biomarker_details: dict[str, BiomarkerDetail] = field(
        default_factory=dict
    )  # canonical marker -> what the report gives beside the result (markers with detail only)
    metastases: tuple[Metastasis, ...] = ()
    ecog: int | None = None
    karnofsky: int | None = None  # Karnofsky performance status, 0-100 in steps of 10
    menopausal_status: str | None = (
        None  # premenopausal | perimenopausal | postmenopausal | unknown
    )
    menopausal_detail: str | None = None  # as written: "surgical", "on ovarian suppression"
    conditions: tuple[Condition, ...] = ()  # other health problems
    treatments: tuple[Treatment, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    labs: tuple[Lab, ...] = ()
    symptoms: tuple[Symptom, ...] = ()

    def age_on(self, day: date) -> int | None:
        """Age in whole years on ``day`` (from birth_date, else birth_year)."""
        if self.birth_date:
            born = self.birth_date
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        if self.birth_year:
            return day.year - self.birth_year
        return None
