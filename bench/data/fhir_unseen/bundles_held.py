"""Held half of the unseen bundles (untouched until the final run). Expected facts: held/gold.yaml."""

from builders import (
    CAT_LAB,
    ECOG,
    ECOG_V,
    ER,
    ER_I,
    HER2,
    HER2_IHC,
    ICD10,
    LOINC,
    NEG,
    POS,
    PR,
    PR_T,
    RESOLVED,
    SCT,
    SPOS,
    STAGE_CLIN,
    STAGE_PATH,
    bundle,
    cc,
    condition,
    med,
    obs,
    patient,
    proc,
    synthea_noise,
    variant,
)

RELATED = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-related-primary-cancer-condition"


def related(cid):
    return {"extension": [{"url": RELATED, "valueReference": {"reference": f"Condition/{cid}"}}]}


def synthea_breast2():
    """Portal-style export: ICD-10 coded breast cancer, text-only stage, nothing linked."""
    p = "9d0b7c1e-2f3a-4b5c-8d6e-0f1a2b3c4d5e"
    return bundle(
        "portal-breast-2",
        [
            patient(p, "Whitfield", "Joanne", "1969-07-27", zip_="30307"),
            *synthea_noise(p),
            condition(
                "pb-bc",
                p,
                {
                    "coding": [
                        {
                            "system": ICD10,
                            "code": "C50.912",
                            "display": "Malignant neoplasm of unspecified site of left female breast",
                        }
                    ],
                    "text": "Breast cancer, left",
                },
                "2018-11-05",
            ),
            obs(
                "pb-stage",
                p,
                STAGE_PATH,
                "2018-12-01",
                value=(
                    "valueCodeableConcept",
                    {
                        "coding": [{"system": "http://cancerstaging.org", "code": "p2A"}],
                        "text": "Stage IIA",
                    },
                ),
            ),
            obs("pb-er", p, ER_I, "2018-11-08", value=("valueString", "Positive"), cat=CAT_LAB),
            obs(
                "pb-pr",
                p,
                PR_T,
                "2018-11-08",
                value=("valueCodeableConcept", {"text": "Negative"}),
                cat=CAT_LAB,
            ),
            obs(
                "pb-her2",
                p,
                HER2,
                "2018-11-08",
                value=("valueCodeableConcept", {"text": "Positive"}),
                cat=CAT_LAB,
            ),
            med(
                "pb-m1",
                p,
                "DOCEtaxel 20 MG/ML Injectable Solution",
                "2018-12-10",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "pb-m2",
                p,
                "trastuzumab 150 MG Injection",
                "2018-12-10",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "pb-m3",
                p,
                "pertuzumab 420 MG/14 ML Injection",
                "2018-12-10",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "pb-m4",
                p,
                "anastrozole 1 MG Oral Tablet",
                "2019-08-01",
                status="active",
                kind="MedicationRequest",
            ),
        ],
    )


def colon_mcode():
    """mCODE colon primary; its stage group has TNM members; a second, unlinked stage IV."""
    p = "colm-1"
    return bundle(
        "colon-mcode-2",
        [
            patient(p, "Brennan", "Siobhan", "1964-03-09"),
            condition(
                "colon-primary",
                p,
                {
                    "coding": [
                        {
                            "system": SCT,
                            "code": "363406005",
                            "display": "Malignant neoplasm of colon",
                        },
                        {
                            "system": ICD10,
                            "code": "C18.7",
                            "display": "Malignant neoplasm of sigmoid colon",
                        },
                    ]
                },
                "2019-04-02",
                profile="primary-cancer-condition",
                extra={"stage": [{"assessment": [{"reference": "Observation/colm-stage"}]}]},
            ),
            obs(
                "colm-stage",
                p,
                STAGE_CLIN,
                "2019-04-10",
                profile="tnm-clinical-stage-group",
                value=(
                    "valueCodeableConcept",
                    cc(
                        SCT,
                        "1222801008",
                        "American Joint Committee on Cancer stage III (qualifier value)",
                    ),
                ),
                extra={"hasMember": [{"reference": "Observation/colm-t"}]},
            ),
            obs(
                "colm-t",
                p,
                cc(LOINC, "21905-5", "Primary tumor.clinical [Class] Cancer"),
                "2019-04-10",
                profile="tnm-clinical-primary-tumor-category",
                value=("valueCodeableConcept", {"text": "cT3"}),
            ),
            obs(
                "colm-stage2",
                p,
                STAGE_CLIN,
                "2021-01-15",
                value=(
                    "valueCodeableConcept",
                    cc(
                        SCT,
                        "1222837003",
                        "American Joint Committee on Cancer stage IV (qualifier value)",
                    ),
                ),
            ),
            condition(
                "colm-perit",
                p,
                cc(SCT, "128462008", "Secondary malignant neoplastic disease (disorder)"),
                "2021-01-15",
                body=cc(SCT, "15425007", "Peritoneum (serous membrane) structure (body structure)"),
            ),
            variant("colm-kras", p, "KRAS", "HGNC:6407", "2019-05-01", focus=["colon-primary"]),
            obs(
                "colm-msi",
                p,
                cc(
                    LOINC,
                    "62862-8",
                    "Microsatellite instability [Presence] in Tissue by Immune stain",
                ),
                "2019-05-01",
                value=("valueCodeableConcept", {"text": "MSI-high"}),
                cat=CAT_LAB,
            ),
            med("colm-m1", p, "capecitabine", "2019-06-01", "2019-12-01", rxcode="194000"),
            med("colm-m2", p, "oxaliplatin", "2019-06-01", "2019-12-01"),
            med("colm-m3", p, "bevacizumab", "2021-02-01", status="active"),
        ],
    )


def lung_synthea():
    """Synthea lung module: NSCLC condition, an unlinked stage 4 group and brain spread."""
    p = "c2d3e4f5-0a1b-4c2d-9e3f-4a5b6c7d8e9f"
    return bundle(
        "lung-synthea-2",
        [
            patient(p, "Petrov", "Ivan", "1949-08-19", gender="male"),
            *synthea_noise(p),
            condition(
                "ls-susp",
                p,
                cc(SCT, "162573006", "Suspected lung cancer (situation)"),
                "2020-01-06T09:00:00-05:00",
                status=RESOLVED,
            ),
            condition(
                "ls-nsclc",
                p,
                cc(SCT, "424132000", "Non-small cell carcinoma of lung, TNM stage 1 (disorder)"),
                "2020-01-20T09:00:00-05:00",
            ),
            obs(
                "ls-stage",
                p,
                STAGE_CLIN,
                "2021-03-01T09:00:00-05:00",
                value=("valueCodeableConcept", cc(SCT, "258228008", "Stage 4 (qualifier value)")),
            ),
            condition(
                "ls-brain",
                p,
                cc(SCT, "94225005", "Secondary malignant neoplasm of brain (disorder)"),
                "2021-03-01T09:00:00-05:00",
            ),
            med(
                "ls-m1",
                p,
                "Cisplatin 50 MG Injection",
                "2020-02-01",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "ls-m2",
                p,
                "PACLitaxel 6 MG/ML Injectable Solution",
                "2020-02-01",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "ls-m3",
                p,
                "carboplatin 10 MG/ML Injectable Solution",
                "2021-03-10",
                status="active",
                kind="MedicationRequest",
            ),
        ],
        kind="transaction",
    )


def breast_and_lung():
    """Two primaries; every cancer fact is linked to one of them (focus, stage.assessment, extension)."""
    p = "bl-1"
    return bundle(
        "breast-lung-2",
        [
            patient(p, "Ferreira", "Helena", "1957-05-14"),
            condition("bl-breast", p, BREAST, "2015-09-01", profile="primary-cancer-condition"),
            condition(
                "bl-lung",
                p,
                cc(SCT, "254637007", "Non-small cell lung cancer (disorder)"),
                "2022-03-03",
                profile="primary-cancer-condition",
                extra={"stage": [{"assessment": [{"reference": "Observation/bl-stage-l"}]}]},
            ),
            obs(
                "bl-stage-b",
                p,
                STAGE_PATH,
                "2015-09-20",
                profile="tnm-pathological-stage-group",
                focus=["bl-breast"],
                value=(
                    "valueCodeableConcept",
                    cc(
                        SCT,
                        "1222765007",
                        "American Joint Committee on Cancer stage II (qualifier value)",
                    ),
                ),
            ),
            obs(
                "bl-stage-l",
                p,
                STAGE_CLIN,
                "2022-03-10",
                profile="tnm-clinical-stage-group",
                value=(
                    "valueCodeableConcept",
                    cc(
                        SCT,
                        "1222837003",
                        "American Joint Committee on Cancer stage IV (qualifier value)",
                    ),
                ),
            ),
            obs(
                "bl-er",
                p,
                ER,
                "2015-09-05",
                focus=["bl-breast"],
                value=("valueCodeableConcept", POS),
            ),
            obs(
                "bl-pr",
                p,
                PR,
                "2015-09-05",
                focus=["bl-breast"],
                value=("valueCodeableConcept", POS),
            ),
            obs(
                "bl-her2",
                p,
                HER2,
                "2015-09-05",
                focus=["bl-breast"],
                value=("valueCodeableConcept", NEG),
            ),
            condition(
                "bl-bone",
                p,
                cc(SCT, "94222008", "Secondary malignant neoplasm of bone (disorder)"),
                "2020-06-01",
                profile="secondary-cancer-condition",
                extra=related("bl-breast"),
            ),
            condition(
                "bl-brain",
                p,
                cc(SCT, "94225005", "Secondary malignant neoplasm of brain (disorder)"),
                "2022-04-01",
                profile="secondary-cancer-condition",
                extra=related("bl-lung"),
            ),
            med("bl-m1", p, "letrozole", "2020-06-15", status="active", reason="bl-breast"),
            med("bl-m2", p, "osimertinib", "2022-04-01", status="active", reason="bl-lung"),
        ],
    )


BREAST = cc(SCT, "254837009", "Malignant neoplasm of breast (disorder)")


def stage_conflict2():
    """Stage group observation: TEST code, old generic 'Stage 3', p2B and the text 'Stage IIB'."""
    p = "sc2-1"
    mixed = {
        "coding": [
            {"system": "urn:oid:2.16.840.1.113883.3.1937.99", "code": "TEST"},
            {"system": SCT, "code": "258224005", "display": "Stage 3 (qualifier value)"},
            {"system": "http://cancerstaging.org", "code": "p2B"},
        ],
        "text": "Stage IIB",
    }
    return bundle(
        "stage-conflict-2",
        [
            patient(p, "Osei", "Abena", "1975-01-30"),
            condition(
                "sc2-bc",
                p,
                cc(SCT, "278054005", "Lobular carcinoma of breast (disorder)"),
                "2021-02-17",
                profile="primary-cancer-condition",
            ),
            obs(
                "sc2-stage",
                p,
                STAGE_PATH,
                "2021-03-05",
                profile="tnm-pathological-stage-group",
                focus=["sc2-bc"],
                value=("valueCodeableConcept", mixed),
                extra={"hasMember": [{"reference": "Observation/sc2-t"}]},
            ),
            obs(
                "sc2-t",
                p,
                cc(LOINC, "21899-0", "Primary tumor.pathology Cancer"),
                "2021-03-05",
                profile="tnm-pathological-primary-tumor-category",
                value=("valueCodeableConcept", {"text": "pT2"}),
            ),
            obs(
                "sc2-er", p, ER, "2021-02-20", focus=["sc2-bc"], value=("valueCodeableConcept", POS)
            ),
            obs(
                "sc2-pr", p, PR, "2021-02-20", focus=["sc2-bc"], value=("valueCodeableConcept", POS)
            ),
            obs(
                "sc2-her2",
                p,
                HER2_IHC,
                "2021-02-20",
                focus=["sc2-bc"],
                value=("valueCodeableConcept", {"text": "IHC 0"}),
            ),
        ],
    )


def invalid_mixed():
    """Slightly invalid resources: extra field on the cancer itself, wrong value type, bad codes and dates."""
    p = "im-1"
    bc = condition(
        "im-bc",
        p,
        cc(SCT, "408643008", "Infiltrating duct carcinoma of breast (disorder)"),
        "2019-08-12",
        profile="primary-cancer-condition",
        extra={"primarySite": "left breast"},
    )
    er = obs(
        "im-er", p, ER, "2019-08-20", focus=["im-bc"], value=("valueCodeableConcept", "Positive")
    )
    pr = obs(
        "im-pr",
        p,
        PR,
        "2019-08-20",
        focus=["im-bc"],
        value=("valueCodeableConcept", NEG),
        status="finalized",
    )
    her2 = obs(
        "im-her2", p, HER2, "2019-08-20T10:00", focus=["im-bc"], value=("valueCodeableConcept", POS)
    )
    bone = condition(
        "im-bone",
        p,
        cc(SCT, "94222008", "Secondary malignant neoplasm of bone (disorder)"),
        "2022-13-01",
        profile="secondary-cancer-condition",
        extra=related("im-bc"),
    )
    palbo = med("im-m1", p, "palbociclib", "2022-03-01", rxcode="1601374", reason="im-bc")
    del palbo["status"]
    return bundle(
        "invalid-mixed-2",
        [patient(p, "Kowalski", "Maria", "1963-10-10"), bc, er, pr, her2, bone, palbo],
    )


def uterine_serous():
    """Synthea-style uterine serous carcinoma (no mCODE profile): unlinked ER/PR/HER2, stage and drugs."""
    p = "us-1"
    return bundle(
        "uterine-serous-2",
        [
            patient(p, "Dubois", "Martine", "1950-02-11"),
            *synthea_noise(p),
            condition(
                "us-primary",
                p,
                {
                    "coding": [
                        {
                            "system": ICD10,
                            "code": "C54.1",
                            "display": "Malignant neoplasm of endometrium",
                        }
                    ],
                    "text": "Uterine serous carcinoma",
                },
                "2021-07-01",
            ),
            obs(
                "us-stage",
                p,
                STAGE_CLIN,
                "2021-07-20",
                value=("valueCodeableConcept", {"text": "FIGO stage IIIC"}),
            ),
            obs("us-er", p, ER_I, "2021-07-10", value=("valueCodeableConcept", POS), cat=CAT_LAB),
            obs("us-pr", p, PR_T, "2021-07-10", value=("valueCodeableConcept", SPOS), cat=CAT_LAB),
            obs(
                "us-her2",
                p,
                HER2_IHC,
                "2021-07-10",
                value=("valueCodeableConcept", {"text": "IHC 3+"}),
                cat=CAT_LAB,
            ),
            condition(
                "us-ovary",
                p,
                cc(SCT, "128462008", "Secondary malignant neoplastic disease (disorder)"),
                "2021-07-01",
                body={"text": "ovary"},
            ),
            med("us-m1", p, "carboplatin", "2021-08-01", "2021-12-01"),
            med("us-m2", p, "paclitaxel", "2021-08-01", "2021-12-01"),
            med("us-m3", p, "trastuzumab", "2021-08-01", "2022-08-01"),
            med("us-m4", p, "letrozole 2.5 MG Oral Tablet", "2022-09-01", status="active"),
        ],
    )


def long_history2():
    """HER2+ early cancer in 2012, HR+ HER2-low recurrence in 2018, spread over the years."""
    p = "lh2-1"
    items = [
        patient(p, "Grant", "Beverly", "1966-09-02"),
        condition(
            "lh2-bc",
            p,
            {
                "coding": [
                    {
                        "system": ICD10,
                        "code": "C50.911",
                        "display": "Malignant neoplasm of unspecified site of right female breast",
                    },
                    {
                        "system": SCT,
                        "code": "408643008",
                        "display": "Infiltrating duct carcinoma of breast (disorder)",
                    },
                ]
            },
            "2012-04-03",
            profile="primary-cancer-condition",
            extra={
                "stage": [
                    {
                        "summary": cc(
                            SCT,
                            "1222801008",
                            "American Joint Committee on Cancer stage III (qualifier value)",
                        ),
                        "assessment": [{"reference": "Observation/lh2-stage"}],
                    }
                ]
            },
        ),
        obs(
            "lh2-stage",
            p,
            STAGE_PATH,
            "2012-05-01",
            profile="tnm-pathological-stage-group",
            value=(
                "valueCodeableConcept",
                {
                    "coding": [
                        {
                            "system": SCT,
                            "code": "261638004",
                            "display": "Stage 3A (qualifier value)",
                        },
                        {"system": "http://cancerstaging.org", "code": "p3A"},
                    ],
                    "text": "Stage IIIA",
                },
            ),
        ),
        obs("lh2-er1", p, ER, "2012-04-10", focus=["lh2-bc"], value=("valueCodeableConcept", POS)),
        obs("lh2-pr1", p, PR, "2012-04-10", focus=["lh2-bc"], value=("valueCodeableConcept", POS)),
        obs(
            "lh2-her21",
            p,
            HER2_IHC,
            "2012-04-10",
            focus=["lh2-bc"],
            value=("valueCodeableConcept", {"text": "IHC 3+"}),
        ),
        condition(
            "lh2-lung",
            p,
            cc(SCT, "94391008", "Secondary malignant neoplasm of lung (disorder)"),
            "2018-10-02",
            profile="secondary-cancer-condition",
            extra=related("lh2-bc"),
        ),
        obs("lh2-er2", p, ER, "2018-10-20", focus=["lh2-bc"], value=("valueCodeableConcept", POS)),
        obs("lh2-pr2", p, PR, "2018-10-20", focus=["lh2-bc"], value=("valueCodeableConcept", NEG)),
        obs(
            "lh2-her22",
            p,
            HER2_IHC,
            "2018-10-20",
            focus=["lh2-bc"],
            value=("valueCodeableConcept", {"text": "IHC 2+, ISH not amplified"}),
        ),
        condition(
            "lh2-liver",
            p,
            cc(SCT, "94381002", "Secondary malignant neoplasm of liver (disorder)"),
            "2021-05-05",
            profile="secondary-cancer-condition",
            extra=related("lh2-bc"),
        ),
        condition(
            "lh2-bone",
            p,
            cc(SCT, "94222008", "Secondary malignant neoplasm of bone (disorder)"),
            "2022-11-11",
            profile="secondary-cancer-condition",
            extra=related("lh2-bc"),
        ),
        variant("lh2-esr1", p, "ESR1", "HGNC:3467", "2021-06-01", focus=["lh2-bc"]),
        med("lh2-m1", p, "doxorubicin", "2012-05-15", "2012-07-30", rxcode="3639", reason="lh2-bc"),
        med(
            "lh2-m2",
            p,
            "cyclophosphamide",
            "2012-05-15",
            "2012-07-30",
            rxcode="3002",
            reason="lh2-bc",
        ),
        med("lh2-m3", p, "paclitaxel", "2012-08-10", "2012-11-01", rxcode="56946", reason="lh2-bc"),
        med("lh2-m4", p, "trastuzumab", "2012-08-10", "2013-08-10", reason="lh2-bc"),
        med("lh2-m5", p, "letrozole", "2018-11-01", "2020-12-01", rxcode="72965", reason="lh2-bc"),
        med(
            "lh2-m6", p, "ribociclib", "2018-11-01", "2020-12-01", rxcode="1873916", reason="lh2-bc"
        ),
        med(
            "lh2-m7", p, "fulvestrant", "2021-01-05", "2021-05-01", rxcode="282357", reason="lh2-bc"
        ),
        med("lh2-m8", p, "everolimus", "2021-06-10", "2022-10-01", reason="lh2-bc"),
        med(
            "lh2-m9", p, "exemestane", "2021-06-10", "2022-10-01", rxcode="258494", reason="lh2-bc"
        ),
        proc(
            "lh2-p1",
            p,
            cc(SCT, "392021009", "Lumpectomy of breast (procedure)"),
            "2012-12-01",
            reason="lh2-bc",
        ),
    ]
    for i, (year, score) in enumerate(((2018, 0), (2020, 1), (2022, 1), (2024, 2))):
        items.append(
            obs(
                f"lh2-ecog{i}",
                p,
                ECOG,
                f"{year}-02-01",
                value=("valueCodeableConcept", ECOG_V[score]),
            )
        )
    for year in range(2018, 2025):
        for month in ("01", "07"):
            items.append(
                obs(
                    f"lh2-ca{year}-{month}",
                    p,
                    cc(LOINC, "17842-6", "Cancer Ag 27-29 [Units/volume] in Serum or Plasma"),
                    f"{year}-{month}-10",
                    value=("valueQuantity", {"value": 30 + year - 2018, "unit": "U/mL"}),
                    cat=CAT_LAB,
                )
            )
    return bundle("long-history-2", items)


HELD = {
    "synthea_breast2": synthea_breast2,
    "colon_mcode": colon_mcode,
    "lung_synthea": lung_synthea,
    "breast_and_lung": breast_and_lung,
    "stage_conflict2": stage_conflict2,
    "invalid_mixed": invalid_mixed,
    "uterine_serous": uterine_serous,
    "long_history2": long_history2,
}
