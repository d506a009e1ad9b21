"""Bench: record pages on a big record (15 lines, 200 labs, 500 check-ins), SQLite.

Seeds a throw-away database in a temporary folder, signs in with Django's test client and
prints p50/p95 (ms) per page over N requests. Goal: p95 < 100 ms for every HTML page.

    uv run python bench/record_pages.py [--n 30]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from datetime import date, timedelta

from timing import percentile, warm_then_time
from web_setup import bench_person

REGIMENS = [
    ["letrozole", "palbociclib"],
    ["fulvestrant", "alpelisib"],
    ["exemestane", "everolimus"],
    ["capecitabine"],
    ["paclitaxel"],
    ["trastuzumab deruxtecan"],
    ["sacituzumab govitecan"],
    ["eribulin"],
    ["vinorelbine"],
    ["gemcitabine", "carboplatin"],
    ["doxorubicin"],
    ["olaparib"],
    ["elacestrant"],
    ["abemaciclib", "fulvestrant"],
    ["cyclophosphamide", "methotrexate"],
]
SYMPTOMS = [
    "fatigue",
    "nausea",
    "pain",
    "diarrhea",
    "cough",
    "insomnia",
    "hot flashes",
    "joint pain",
    "anxiety",
    "rash",
]


def big_record(today: date) -> dict:
    start = date(2018, 1, 10)
    treatments, assessments = [], []
    day = start + timedelta(days=10)
    for i, drugs in enumerate(REGIMENS):
        end = day + timedelta(days=150)
        last = i == len(REGIMENS) - 1
        treatments.append(
            {
                "drugs": drugs,
                "setting": "metastatic",
                "start": day.isoformat(),
                **({} if last else {"end": end.isoformat(), "stop_reason": "progression"}),
            }
        )
        for k in range(1, 4):
            assessments.append(
                {
                    "date": (day + timedelta(days=45 * k)).isoformat(),
                    "method": "CT",
                    "status": "progression" if k == 3 and not last else "stable",
                }
            )
        day = end + timedelta(days=14)
    span = (today - start).days
    labs = [
        {
            "date": (start + timedelta(days=span * i // 200)).isoformat(),
            "test": ("CA 15-3", "ANC", "ALT", "platelets")[i % 4],
            "value": 20 + (i * 7) % 90,
        }
        for i in range(200)
    ]
    symptoms = [
        {
            "date": (start + timedelta(days=span * i // 500)).isoformat(),
            "symptom": SYMPTOMS[i % len(SYMPTOMS)],
            "severity": ("mild", "moderate", "severe")[i % 3],
        }
        for i in range(500)
    ]
    return {
        "format": "mbcnav-patient/1",
        "name": "Bench Person",
        "birth_year": 1970,
        "metastatic_diagnosis": {"date": start.isoformat(), "de_novo": True},
        "receptors": {"er": "positive", "pr": "positive", "her2": "IHC 1+"},
        "metastases": [
            {"site": s, "date": (start + timedelta(days=300 * i)).isoformat()}
            for i, s in enumerate(("bone", "liver", "lung", "brain"))
        ],
        "treatments": treatments,
        "assessments": assessments,
        "labs": labs,
        "symptoms": symptoms,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=30, help="requests per page")
    args = parser.parse_args()
    user, folder = bench_person()
    from django.test import Client
    from django.urls import reverse

    from mbcnav.patient import derive, parse
    from mbcnav.web.record import services
    from mbcnav.web.record.models import CareTeamMember

    patient = parse(big_record(date.today()))
    services.import_patient(user, patient, None)
    CareTeamMember.objects.create(owner=user, name="Dr. Bench", role="oncologist", phone="555-0100")
    lines = derive.lines_of_therapy(services.patient_for(user), date.today())
    print(
        f"seeded: {len(lines)} lines, {len(patient.labs)} labs, {len(patient.symptoms)} check-ins, "
        f"{len(patient.assessments)} scans (SQLite in {folder})"
    )
    client = Client()
    client.force_login(user)
    pages = {
        "overview": reverse("record:overview"),
        "timeline": reverse("record:timeline", args=[user.pk]),
        "summary (print)": reverse("record:summary", args=[user.pk]),
        "treatments list": reverse("record:section_list", args=[user.pk, "treatments"]),
        "labs list": reverse("record:section_list", args=[user.pk, "labs"]),
        "add treatment form": reverse("record:section_add", args=[user.pk, "treatments"]),
        "audit log": reverse("record:audit"),
        "export yaml (download)": reverse("record:export", args=[user.pk, "yaml"]),
    }
    print(f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8}   (load average {os.getloadavg()[0]:.1f})")
    worst = 0.0

    def ok(response):
        assert response.status_code == 200, (response.request["PATH_INFO"], response.status_code)

    for name, url in pages.items():
        times = warm_then_time(lambda url=url: client.get(url), args.n, check=ok)
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        if "download" not in name:
            worst = max(worst, p95)
        print(f"{name:<24} {p50:8.1f} {p95:8.1f}")
    pdf = reverse("record:summary_pdf", args=[user.pk])
    times = warm_then_time(lambda: client.get(pdf), 3, warm=0)
    print(f"{'summary PDF (x3)':<24} {statistics.median(times):8.1f} {max(times):8.1f}")
    print(f"worst HTML p95: {worst:.1f} ms (goal < 100 ms): {'met' if worst < 100 else 'NOT met'}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
