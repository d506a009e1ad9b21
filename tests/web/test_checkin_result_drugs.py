"""The check-in result names as current only the drugs current on the check-in day (issue 17)."""

import json
import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from mbcnav.web.record import services

from .conftest import make_user


def test_fever_result_after_a_stopped_drug(db, as_user):
    today = timezone.localdate()
    stopped = today - timedelta(days=3)
    user = make_user("fever@example.org")
    record = {
        "format": "mbcnav-patient/1",
        "treatments": [
            {
                "drugs": ["paclitaxel"],
                "setting": "metastatic",
                "start": (today - timedelta(days=90)).isoformat(),
                "end": stopped.isoformat(),
            },
            {
                "drugs": ["letrozole"],
                "setting": "metastatic",
                "start": (today - timedelta(days=2)).isoformat(),
            },
        ],
    }
    services.import_text(user, json.dumps(record), user)
    services.add_checkin(
        user, [{"date": today.isoformat(), "symptom": "fever", "temperature_c": 38.6}], user
    )
    page = as_user(user).get(reverse("checkins:result", args=[today.isoformat()]))
    html = re.sub(r"<[^>]+>", "", page.content.decode())  # drug names are links
    assert f"paclitaxel (stopped on {date_format(stopped, 'j M Y')})" in html
    assert "taking paclitaxel." not in html
    now = html.split("Your medicines now", 1)[1].split("\n", 1)[0]
    assert "letrozole" in now.lower() and "paclitaxel" not in now.lower()
