"""Dev half of the unseen bundles (tuned on). Expected facts: dev/gold.yaml."""

from builders import (
    CAT_LAB,
    ECOG,
    ECOG_V,
    ER,
    ER_T,
    HER2,
    HER2_IHC,
    HER2_T,
    ICD10,
    LOINC,
    NEG,
    POS,
    PR,
    PR_T,
    SCT,
    SNEG,
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


def synthea_breast():
    """Synthea-style: breast cancer among many unrelated conditions; nothing is linked."""
    p = "3f1c2a9e-5b7d-4e21-9a0c-1d2e3f4a5b6c"
    return bundle(
        "synthea-breast-1",
        [
            patient(p, "Kuhn", "Rosalind", "1958-09-14"),
            *synthea_noise(p),
            condition("sb-bc", p, BREAST_SYN, "2017-03-10T10:15:00-05:00"),
            obs(
                "sb-stage",
                p,
                STAGE_CLIN,
                "2017-03-12T10:15:00-05:00",
                value=("valueCodeableConcept", cc(SCT, "258219007", "Stage 2 (qualifier value)")),
            ),
            obs(
                "sb-er",
                p,
                ER,
                "2017-03-12T10:15:00-05:00",
                value=("valueCodeableConcept", POS),
                cat=CAT_LAB,
            ),
            obs(
                "sb-pr",
                p,
                PR,
                "2017-03-12T10:15:00-05:00",
                value=("valueCodeableConcept", POS),
                cat=CAT_LAB,
            ),
            obs(
                "sb-her2",
                p,
                HER2,
                "2017-03-12T10:15:00-05:00",
                value=("valueCodeableConcept", NEG),
                cat=CAT_LAB,
            ),
            med(
                "sb-m1",
                p,
                "Cyclophosphamide 1000 MG Injection",
                "2017-04-03",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "sb-m2",
                p,
                "Doxorubicin Hydrochloride 2 MG/ML Injectable Solution",
                "2017-04-03",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "sb-m3",
                p,
                "letrozole 2.5 MG Oral Tablet",
                "2017-09-01",
                status="active",
                kind="MedicationRequest",
            ),
        ],
        kind="transaction",
    )


BREAST_SYN = cc(SCT, "254837009", "Malignant neoplasm of breast (disorder)")


def colon_synthea():
    """Synthea colorectal module: colon cancer with an unlinked stage group and liver spread."""
    p = "b7e0d1c2-8a44-4f0e-bc1d-77aa20c3e911"
    return bundle(
        "colon-synthea-1",
        [
            patient(p, "Okafor", "Daniel", "1952-01-23", gender="male", zip_="01105"),
            *synthea_noise(p),
            condition(
                "col-polyp", p, cc(SCT, "68496003", "Polyp of colon"), "2015-02-02T08:00:00-05:00"
            ),
            condition(
                "col-primary",
                p,
                cc(SCT, "93761005", "Primary malignant neoplasm of colon"),
                "2015-03-01T08:00:00-05:00",
            ),
            condition(
                "col-liver",
                p,
                cc(SCT, "94381002", "Secondary malignant neoplasm of liver (disorder)"),
                "2017-06-01T08:00:00-04:00",
            ),
            obs(
                "col-stage",
                p,
                STAGE_CLIN,
                "2015-03-05T08:00:00-05:00",
                value=("valueCodeableConcept", cc(SCT, "258224005", "Stage 3 (qualifier value)")),
            ),
            obs(
                "col-cea",
                p,
                cc(LOINC, "2039-6", "Carcinoembryonic Ag [Mass/volume] in Serum or Plasma"),
                "2017-06-01T08:00:00-04:00",
                value=("valueQuantity", {"value": 41.2, "unit": "ng/mL"}),
                cat=CAT_LAB,
            ),
            med(
                "col-m1",
                p,
                "Oxaliplatin 5 MG/ML Injectable Solution",
                "2015-04-01",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "col-m2",
                p,
                "fluorouracil 50 MG/ML Injectable Solution",
                "2015-04-01",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "col-m3",
                p,
                "leucovorin 10 MG/ML Injectable Solution",
                "2015-04-01",
                status="stopped",
                kind="MedicationRequest",
            ),
            med(
                "col-m4",
                p,
                "capecitabine 500 MG Oral Tablet",
                "2017-07-01",
                status="active",
                kind="MedicationRequest",
            ),
            proc(
                "col-p1",
                p,
                cc(SCT, "43075005", "Partial resection of colon"),
                "2015-03-20T08:00:00-05:00",
            ),
        ],
        kind="transaction",
    )


def lung_mcode():
    """mCODE-profiled NSCLC; the stage group is linked only by Condition.stage.assessment."""
    p = "lung-pt-01"
    return bundle(
        "lung-mcode-1",
        [
            patient(p, "Alvarez", "Marisol", "1960-11-30"),
            condition(
                "lung-primary",
                p,
                cc(SCT, "254637007", "Non-small cell lung cancer (disorder)"),
                "2021-08-16",
                profile="primary-cancer-condition",
                body=cc(SCT, "39607008", "Lung structure (body structure)"),
                extra={
                    "stage": [
                        {
                            "summary": cc(
                                SCT,
                                "1222801008",
                                "American Joint Committee on Cancer stage III (qualifier value)",
                            ),
                            "assessment": [{"reference": "Observation/lung-stage"}],
                        }
                    ]
                },
            ),
            obs(
                "lung-stage",
                p,
                STAGE_CLIN,
                "2021-08-20",
                profile="tnm-clinical-stage-group",
                value=(
                    "valueCodeableConcept",
                    cc(
                        SCT,
                        "1222801008",
                        "American Joint Committee on Cancer stage III (qualifier value)",
                    ),
                ),
            ),
            condition(
                "lung-brain",
                p,
                cc(SCT, "94225005", "Secondary malignant neoplasm of brain (disorder)"),
                "2022-05-02",
                profile="secondary-cancer-condition",
                extra=related("lung-primary"),
            ),
            variant("lung-egfr", p, "EGFR", "HGNC:3236", "2021-09-01", focus=["lung-primary"]),
            obs(
                "lung-pdl1",
                p,
                cc(LOINC, "85147-7", "PD-L1 by immune stain"),
                "2021-09-01",
                focus=["lung-primary"],
                value=("valueString", "TPS 60%"),
                cat=CAT_LAB,
            ),
            obs(
                "lung-ecog",
                p,
                ECOG,
                "2022-05-02",
                profile="ecog-performance-status",
                value=("valueCodeableConcept", ECOG_V[1]),
            ),
            med(
                "lung-m1",
                p,
                "carboplatin",
                "2021-09-10",
                "2021-12-01",
                reason="lung-primary",
                rxcode="40048",
            ),
            med("lung-m2", p, "pemetrexed", "2021-09-10", "2021-12-01", reason="lung-primary"),
            med(
                "lung-m3", p, "pembrolizumab", "2021-09-10", status="active", reason="lung-primary"
            ),
        ],
    )


def breast_stage_conflict():
    """One stage field mixing a TEST code, an old generic SNOMED code, c3A and the text 'Stage 3A'."""
    p = "conf-1"
    mixed = {
        "coding": [
            {
                "system": "http://example.org/fhir/CodeSystem/test-codes",
                "code": "TEST",
                "display": "TEST",
            },
            {"system": SCT, "code": "258215001", "display": "Stage 1 (qualifier value)"},
            {"system": "http://cancerstaging.org", "code": "c3A"},
        ],
        "text": "Stage 3A",
    }
    return bundle(
        "breast-conflict-1",
        [
            patient(p, "Lindqvist", "Anna", "1971-06-05"),
            condition(
                "conf-bc",
                p,
                cc(SCT, "408643008", "Infiltrating duct carcinoma of breast (disorder)"),
                "2019-10-02",
                profile="primary-cancer-condition",
                extra={
                    "stage": [
                        {"summary": mixed, "assessment": [{"reference": "Observation/conf-stage"}]}
                    ]
                },
            ),
            obs(
                "conf-stage",
                p,
                STAGE_CLIN,
                "2019-10-04",
                profile="tnm-clinical-stage-group",
                focus=["conf-bc"],
                value=("valueCodeableConcept", mixed),
            ),
            condition(
                "conf-bone",
                p,
                cc(SCT, "94222008", "Secondary malignant neoplasm of bone (disorder)"),
                "2022-01-11",
                profile="secondary-cancer-condition",
                extra=related("conf-bc"),
            ),
            obs(
                "conf-er",
                p,
                ER,
                "2019-10-04",
                profile="tumor-marker-test",
                focus=["conf-bc"],
                value=("valueCodeableConcept", POS),
            ),
            obs(
                "conf-pr",
                p,
                PR,
                "2019-10-04",
                profile="tumor-marker-test",
                focus=["conf-bc"],
                value=("valueCodeableConcept", NEG),
            ),
            obs(
                "conf-her2",
                p,
                HER2_IHC,
                "2019-10-04",
                profile="tumor-marker-test",
                focus=["conf-bc"],
                value=("valueCodeableConcept", {"text": "IHC 2+, FISH not amplified"}),
            ),
        ],
    )


def invalid_receptors():
    """Receptor results that break R4 on minor points but plainly say ER+, PR-, HER2+."""
    p = "inv-1"
    er = obs(
        "inv-er",
        p,
        ER_T,
        "2020-02-14",
        value=("valueCodeableConcept", SPOS),
        focus=["inv-bc"],
        status=None,
    )  # no status
    pr = obs(
        "inv-pr",
        p,
        PR_T,
        "2020-02-14",
        value=("valueCodeableConcept", SNEG),
        focus=["inv-bc"],
        extra={"interpretationText": "negative"},
    )  # field that does not exist in R4
    her2 = obs(
        "inv-her2",
        p,
        HER2_T,
        "2020-2-14",
        value=("valueCodeableConcept", {"text": "Positive"}),
        focus=["inv-bc"],
    )  # bad date precision / format
    ecog = obs("inv-ecog", p, ECOG, "2020-03-01", value=("valueInteger", "1"))  # wrong value type
    return bundle(
        "invalid-receptors-1",
        [
            patient(p, "Moreau", "Claire", "1966-04-18"),
            condition(
                "inv-bc",
                p,
                cc(SCT, "372137005", "Primary malignant neoplasm of breast (disorder)"),
                "2020-02-10",
                profile="primary-cancer-condition",
            ),
            er,
            pr,
            her2,
            ecog,
        ],
    )


def long_history():
    """Diagnosed 2009, recurrence 2016, five lines of treatment and years of observations."""
    p = "lh-1"
    items = [
        patient(p, "Haddad", "Leila", "1961-02-03"),
        condition(
            "lh-bc",
            p,
            {
                "coding": [
                    {
                        "system": ICD10,
                        "code": "C50.411",
                        "display": "Malignant neoplasm of upper-outer quadrant of right female breast",
                    },
                    {
                        "system": SCT,
                        "code": "372137005",
                        "display": "Primary malignant neoplasm of breast (disorder)",
                    },
                ]
            },
            "2009-05-12",
            profile="primary-cancer-condition",
            extra={
                "stage": [
                    {
                        "summary": cc(SCT, "258219007", "Stage 2 (qualifier value)"),
                        "assessment": [{"reference": "Observation/lh-stage"}],
                    }
                ]
            },
        ),
        obs(
            "lh-stage",
            p,
            STAGE_PATH,
            "2009-06-01",
            profile="tnm-pathological-stage-group",
            value=(
                "valueCodeableConcept",
                cc(
                    SCT,
                    "1222765007",
                    "American Joint Committee on Cancer stage II (qualifier value)",
                ),
            ),
        ),
        obs("lh-er1", p, ER, "2009-05-20", focus=["lh-bc"], value=("valueCodeableConcept", POS)),
        obs("lh-pr1", p, PR, "2009-05-20", focus=["lh-bc"], value=("valueCodeableConcept", POS)),
        obs(
            "lh-her21", p, HER2, "2009-05-20", focus=["lh-bc"], value=("valueCodeableConcept", NEG)
        ),
        condition(
            "lh-bone",
            p,
            cc(SCT, "94222008", "Secondary malignant neoplasm of bone (disorder)"),
            "2016-08-22",
            profile="secondary-cancer-condition",
            extra=related("lh-bc"),
        ),
        obs(
            "lh-er2",
            p,
            ER,
            "2016-08-30",
            focus=["lh-bc"],
            value=("valueCodeableConcept", POS),
            extra={"bodySite": cc(SCT, "272673000", "Bone structure (body structure)")},
        ),
        obs(
            "lh-pr2",
            p,
            PR,
            "2016-08-30",
            focus=["lh-bc"],
            value=("valueCodeableConcept", NEG),
            extra={"bodySite": cc(SCT, "272673000", "Bone structure (body structure)")},
        ),
        obs(
            "lh-her22",
            p,
            HER2_IHC,
            "2016-08-30",
            focus=["lh-bc"],
            value=("valueCodeableConcept", {"text": "IHC 1+"}),
            extra={"bodySite": cc(SCT, "272673000", "Bone structure (body structure)")},
        ),
        condition(
            "lh-liver",
            p,
            cc(SCT, "94381002", "Secondary malignant neoplasm of liver (disorder)"),
            "2020-02-10",
            profile="secondary-cancer-condition",
            extra=related("lh-bc"),
        ),
        variant("lh-pik3ca", p, "PIK3CA", "HGNC:8975", "2019-02-01", focus=["lh-bc"]),
        med("lh-m1", p, "tamoxifen", "2009-08-01", "2014-08-01", rxcode="10324", reason="lh-bc"),
        med("lh-m2", p, "letrozole", "2016-09-05", "2019-03-01", rxcode="72965", reason="lh-bc"),
        med(
            "lh-m3", p, "palbociclib", "2016-09-05", "2019-03-01", rxcode="1601374", reason="lh-bc"
        ),
        med("lh-m4", p, "fulvestrant", "2019-03-15", "2020-02-15", rxcode="282357", reason="lh-bc"),
        med(
            "lh-m5", p, "capecitabine", "2020-03-01", "2021-05-20", rxcode="194000", reason="lh-bc"
        ),
        med("lh-m6", p, "Enhertu", "2021-06-10", status="active", reason="lh-bc"),
        proc(
            "lh-p1",
            p,
            cc(SCT, "392021009", "Lumpectomy of breast (procedure)"),
            "2009-06-01",
            reason="lh-bc",
        ),
    ]
    for i, (year, score) in enumerate(((2016, 0), (2018, 0), (2019, 1), (2021, 1), (2023, 2))):
        items.append(
            obs(
                f"lh-ecog{i}",
                p,
                ECOG,
                f"{year}-09-01",
                value=("valueCodeableConcept", ECOG_V[score]),
            )
        )
    for i, year in enumerate(range(2016, 2024)):
        for month in ("03", "09"):
            items.append(
                obs(
                    f"lh-ca{i}-{month}",
                    p,
                    cc(LOINC, "6875-9", "Cancer Ag 15-3 [Units/volume] in Serum or Plasma"),
                    f"{year}-{month}-15",
                    value=("valueQuantity", {"value": 20 + 7 * i, "unit": "U/mL"}),
                    cat=CAT_LAB,
                )
            )
    return bundle("long-history-1", items)


def uterine():
    """Endometrial cancer: ER/PR tested on the uterine tumour, a stage group and letrozole."""
    p = "ut-1"
    return bundle(
        "uterine-1",
        [
            patient(p, "Nakamura", "Emiko", "1955-12-01"),
            condition(
                "ut-primary",
                p,
                {
                    "coding": [
                        {
                            "system": ICD10,
                            "code": "C54.1",
                            "display": "Malignant neoplasm of endometrium",
                        }
                    ],
                    "text": "Endometrioid adenocarcinoma of endometrium",
                },
                "2020-05-05",
                profile="primary-cancer-condition",
            ),
            obs(
                "ut-stage",
                p,
                STAGE_CLIN,
                "2020-05-20",
                value=("valueCodeableConcept", cc(SCT, "261638004", "Stage 3A (qualifier value)")),
            ),
            obs(
                "ut-er",
                p,
                ER_T,
                "2020-05-20",
                focus=["ut-primary"],
                value=("valueCodeableConcept", SPOS),
            ),
            obs(
                "ut-pr",
                p,
                PR_T,
                "2020-05-20",
                focus=["ut-primary"],
                value=("valueCodeableConcept", SPOS),
            ),
            obs("ut-her2", p, HER2_T, "2020-05-20", value=("valueCodeableConcept", SPOS)),
            condition(
                "ut-lung",
                p,
                cc(SCT, "94391008", "Secondary malignant neoplasm of lung (disorder)"),
                "2022-01-15",
            ),
            med("ut-m1", p, "carboplatin", "2020-06-01", "2020-10-01", reason="ut-primary"),
            med("ut-m2", p, "paclitaxel", "2020-06-01", "2020-10-01", reason="ut-primary"),
            med("ut-m3", p, "letrozole", "2022-02-01", status="active"),
            med("ut-m4", p, "megestrol acetate 40 MG Oral Tablet", "2022-02-01", status="active"),
        ],
    )


DEV = {
    "synthea_breast": synthea_breast,
    "colon_synthea": colon_synthea,
    "lung_mcode": lung_mcode,
    "breast_stage_conflict": breast_stage_conflict,
    "invalid_receptors": invalid_receptors,
    "long_history": long_history,
    "uterine": uterine,
}
