"""A person's record as database rows: one row per entry of the patient file, plus the
care team, appointments, notes and shares.

The rows hold what the person typed (canonical words where there is a choice). The
engine's ``Patient`` is built from them by ONE adapter (``record.adapter``); derived facts
(subtype, lines of therapy...) are never stored here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mbcnav.patient import conditions as cv
from mbcnav.patient import vocabulary as v


def _choices(values) -> list[tuple[str, str]]:
    return [(x, x) for x in values]


class Owned(models.Model):
    """Every row belongs to one person (a User); deleting the user deletes the row."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class Profile(Owned):
    """The single-valued parts of the file: identity, diagnosis history, receptors, ECOG."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="record_profile"
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=8, blank=True, choices=_choices(v.SEXES))
    postal_code = models.CharField(_("ZIP code"), max_length=12, blank=True)
    country = models.CharField(_("country"), max_length=3, blank=True)
    dx_date = models.DateField(_("metastatic diagnosis date"), null=True, blank=True)
    de_novo = models.BooleanField(_("metastatic at first diagnosis"), null=True, blank=True)
    first_diagnosis_date = models.DateField(
        _("first breast cancer diagnosis"), null=True, blank=True
    )
    first_diagnosis_stage = models.CharField(
        _("stage at first diagnosis"), max_length=4, blank=True, choices=_choices(v.STAGES)
    )
    histology = models.CharField(
        _("histology"), max_length=12, blank=True, choices=_choices(v.HISTOLOGIES)
    )
    inflammatory = models.BooleanField(_("inflammatory breast cancer"), null=True, blank=True)
    er = models.CharField(_("ER"), max_length=12, blank=True, choices=_choices(v.ER_RESULTS))
    pr = models.CharField(_("PR"), max_length=12, blank=True, choices=_choices(v.PR_RESULTS))
    her2 = models.CharField(_("HER2"), max_length=16, blank=True, choices=_choices(v.HER2_RESULTS))
    biopsy_site = models.CharField(_("biopsy site"), max_length=60, blank=True)
    biopsy_date = models.DateField(_("biopsy date"), null=True, blank=True)
    ecog = models.PositiveSmallIntegerField(_("ECOG"), null=True, blank=True)
    ecog_date = models.DateField(_("ECOG date"), null=True, blank=True)
    karnofsky = models.PositiveSmallIntegerField(_("Karnofsky score"), null=True, blank=True)
    menopausal_status = models.CharField(
        _("menopausal status"), max_length=16, blank=True, choices=_choices(cv.MENOPAUSAL_STATUSES)
    )
    menopausal_detail = models.CharField(
        _("about the menopausal status"), max_length=cv.MAX_NAME, blank=True
    )
    updated = models.DateTimeField(auto_now=True)


class Biomarker(Owned):
    marker = models.CharField(_("marker"), max_length=40)
    result = models.CharField(_("result"), max_length=40)
    test_date = models.DateField(_("test date"), null=True, blank=True)
    sample_site = models.CharField(
        _("sample"),
        max_length=80,
        blank=True,
        help_text=_("Where the sample came from, e.g. liver biopsy or blood."),
    )

    class Meta:
        ordering = ["marker", "id"]


#: What one scan says about one site of disease
SITE_RESPONSES = [
    ("new", _("new")),
    ("growing", _("growing")),
    ("stable", _("stable")),
    ("smaller", _("smaller")),
    ("gone", _("gone")),
]


class Metastasis(Owned):
    site = models.CharField(_("site"), max_length=20, choices=_choices(v.SITES))
    date = models.DateField(_("date found"), null=True, blank=True)
    measurable = models.BooleanField(_("measurable"), null=True, blank=True)
    status = models.CharField(
        _("brain status"), max_length=24, blank=True, choices=_choices(v.BRAIN_STATUSES)
    )
    response = models.CharField(_("latest scan"), max_length=8, blank=True, choices=SITE_RESPONSES)
    response_date = models.DateField(_("latest scan date"), null=True, blank=True)

    class Meta:
        ordering = ["date", "id"]


class Treatment(Owned):
    type = models.CharField(
        _("type"), max_length=12, default="systemic", choices=_choices(v.TREATMENT_TYPES)
    )
    drugs = models.JSONField(_("drugs"), default=list, blank=True)
    setting = models.CharField(
        _("setting"), max_length=12, blank=True, choices=_choices(v.SETTINGS)
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    stop_reason = models.CharField(
        _("why it stopped"), max_length=16, blank=True, choices=_choices(v.STOP_REASONS)
    )
    site = models.CharField(_("radiation site"), max_length=80, blank=True)
    procedure = models.CharField(_("procedure"), max_length=80, blank=True)
    date = models.DateField(_("surgery date"), null=True, blank=True)

    class Meta:
        ordering = ["start", "date", "id"]


class Assessment(Owned):
    date = models.DateField(_("date"))
    status = models.CharField(_("result"), max_length=12, choices=_choices(v.ASSESSMENT_STATUSES))
    method = models.CharField(
        _("how"), max_length=16, blank=True, choices=_choices(v.ASSESSMENT_METHODS)
    )
    note = models.TextField(_("note"), blank=True)
    site_responses = models.JSONField(
        _("response per site"),
        default=dict,
        blank=True,
        help_text=_("Site name to new, growing, stable, smaller or gone, as the report says."),
    )

    class Meta:
        ordering = ["date", "id"]


class Lab(Owned):
    date = models.DateField(_("date"))
    test = models.CharField(_("test"), max_length=40)
    value = models.CharField(_("value"), max_length=40, blank=True)
    unit = models.CharField(_("unit"), max_length=20, blank=True)

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["owner", "test", "date"])]


class Condition(Owned):
    """Another health problem (not the breast cancer), as the person wrote it."""

    name = models.CharField(_("health problem"), max_length=cv.MAX_NAME)
    status = models.CharField(_("now"), max_length=12, blank=True, choices=_choices(cv.STATUSES))
    date = models.DateField(_("date"), null=True, blank=True)
    detail = models.CharField(_("kind or detail"), max_length=cv.MAX_NAME, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["id"]


class CheckIn(Owned):
    """One reported symptom on one day (PRO-CTCAE wording). ``triage_level`` is filled by triage."""

    date = models.DateField(_("date"))
    symptom = models.CharField(_("symptom"), max_length=40)
    severity = models.CharField(
        _("severity"), max_length=12, blank=True, choices=_choices(v.SEVERITIES)
    )
    frequency = models.CharField(
        _("how often"), max_length=20, blank=True, choices=_choices(v.FREQUENCIES)
    )
    interference = models.CharField(
        _("gets in the way"), max_length=16, blank=True, choices=_choices(v.INTERFERENCES)
    )
    location = models.CharField(_("where"), max_length=60, blank=True)
    new = models.BooleanField(_("new or worse"), null=True, blank=True)
    temperature_c = models.FloatField(_("temperature (°C)"), null=True, blank=True)
    count_per_day = models.PositiveSmallIntegerField(_("times per day"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    triage_level = models.CharField(
        _("triage level"),
        max_length=10,
        blank=True,
        null=True,
        choices=_choices(("emergency", "urgent", "routine", "none")),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["owner", "date"])]


class CareTeamMember(Owned):
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"),
        max_length=80,
        blank=True,
        help_text=_("For example oncologist, nurse navigator, GP."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    after_hours = models.CharField(
        _("after-hours line"),
        max_length=40,
        blank=True,
        help_text=_("The number to call at night and at weekends."),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name", "id"]


class Appointment(Owned):
    when = models.DateTimeField(_("date and time"))
    with_whom = models.CharField(_("with"), max_length=120, blank=True)
    place = models.CharField(_("where"), max_length=160, blank=True)
    purpose = models.CharField(_("what for"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["when", "id"]


class Note(Owned):
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["-date", "-id"]


class Share(Owned):
    """Access granted by ``owner`` to ``grantee`` (or, until accepted, to an invited email)."""

    SCOPES = [("read", _("read only")), ("edit", _("read and edit"))]
    ROLES = [("caregiver", _("caregiver")), ("navigator", _("navigator"))]

    grantee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="record_shares_received",
    )
    email = models.EmailField(_("email"))
    token = models.CharField(max_length=64, unique=True)
    scope = models.CharField(_("access"), max_length=8, choices=SCOPES, default="read")
    role = models.CharField(_("role"), max_length=12, choices=ROLES, default="caregiver")
    created = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]

    @property
    def active(self) -> bool:
        return self.grantee_id is not None and self.revoked_at is None

    @property
    def pending(self) -> bool:
        return self.grantee_id is None and self.revoked_at is None


#: The per-entry models, in export order (Profile and Share handled apart).
ENTRY_MODELS = (
    Biomarker,
    Metastasis,
    Treatment,
    Assessment,
    Lab,
    Condition,
    CheckIn,
    CareTeamMember,
    Appointment,
    Note,
)
