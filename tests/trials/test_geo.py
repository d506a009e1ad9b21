import json
from pathlib import Path

import pytest

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.geo import (
    haversine_miles,
    nearest_site,
    site_point,
    unplaced_reason,
    zip_point,
)
from mbcnav.trials.record import Site, Trial, from_v2


def test_haversine_known_distances():
    # Chicago (41.8781, -87.6298) to New York (40.7128, -74.0060): about 711 miles
    assert haversine_miles(41.8781, -87.6298, 40.7128, -74.0060) == pytest.approx(711, abs=3)
    # London to Paris: about 214 miles
    assert haversine_miles(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(214, abs=2)
    assert haversine_miles(10, 10, 10, 10) == 0


def test_zip_centroid_from_zipcodes_package():
    lat, lon = zip_point("60611")
    assert lat == pytest.approx(41.90, abs=0.05) and lon == pytest.approx(-87.62, abs=0.05)


def test_unknown_zip_is_one_sentence():
    with pytest.raises(TrialsError, match="postal_code '00000'"):
        zip_point("00000")


def test_nearest_open_site(v2_full):
    from mbcnav.trials.record import from_v2

    t = from_v2(v2_full)
    here = zip_point("06102")  # Hartford, CT: one of the trial's sites
    site = nearest_site(t, here)
    assert site["city"] == "Hartford" and site["miles"] < 3


def test_closed_sites_and_missing_points_are_skipped():
    t = Trial(
        "NCT00000001",
        locations=[
            Site(city="Far", status="RECRUITING", lat=40.7128, lon=-74.0060),
            Site(city="Closed", status="COMPLETED", lat=41.88, lon=-87.63),
            Site(city="Nowhere", status="RECRUITING"),
        ],
    )
    assert nearest_site(t, (41.8781, -87.6298))["city"] == "Far"
    assert nearest_site(Trial("NCT00000002"), (0, 0)) is None


# ----------------------------------------------------------------- sites without a geoPoint
PALLAS = Path(__file__).parents[1] / "fixtures" / "ctgov" / "NCT02513394.json"


def us(city="", state="", zip_code="", status="RECRUITING", **kw) -> Site:
    return Site(
        facility=f"{city} site", city=city, state=state, zip=zip_code, country="United States",
        status=status, **kw,
    )  # fmt: skip


def test_zip_fallback_gives_known_city_to_city_distances():
    # Published straight-line distances: New York to Los Angeles about 2,445 miles,
    # Boston to New York about 190 miles, Chicago to Milwaukee about 82 miles.
    manhattan, boston, chicago = zip_point("10007"), zip_point("02108"), zip_point("60602")
    la = nearest_site(
        Trial("NCT1", locations=[us("Los Angeles", "California", "90012")]), manhattan
    )
    assert la["located_by"] == "zip" and la["miles"] == pytest.approx(2445, abs=15)
    nyc = nearest_site(Trial("NCT2", locations=[us("New York", "New York", "10007")]), boston)
    assert nyc["located_by"] == "zip" and nyc["miles"] == pytest.approx(190, abs=10)
    mke = nearest_site(Trial("NCT3", locations=[us("Milwaukee", "Wisconsin", "53202")]), chicago)
    assert mke["located_by"] == "zip" and mke["miles"] == pytest.approx(82, abs=6)


def test_city_fallback_when_there_is_no_zip():
    site = nearest_site(
        Trial("NCT1", locations=[us("Los Angeles", "California")]), zip_point("10007")
    )
    assert site["located_by"] == "city" and site["miles"] == pytest.approx(2445, abs=20)
    dc = Site(city="Washington D.C.", state="District of Columbia", country="United States")
    assert site_point(dc)[2] == "city"
    assert site_point(us("Nowhereville", "Kansas")) is None


def test_geo_point_wins_over_zip_and_zip_over_city():
    exact = us("Chicago", "Illinois", "60611", lat=41.0, lon=-87.0)
    assert site_point(exact) == (41.0, -87.0, "site")
    assert site_point(us("Chicago", "Illinois", "60611"))[2] == "zip"


def test_fallback_agrees_with_the_registrys_own_geopoints():
    """Strip each real US site of PALLAS of its geoPoint, place it by ZIP code and by city, and
    compare with the point ClinicalTrials.gov gives (an independent geocoder)."""
    trial = from_v2(json.loads(PALLAS.read_text("utf-8")))
    real = [s for s in trial.locations if s.lat is not None and s.country == "United States"]
    assert len(real) > 150
    for keep_zip, how in ((True, "zip"), (False, "city")):
        off = []
        for s in real:
            bare = Site(
                city=s.city, state=s.state, zip=s.zip if keep_zip else "", country=s.country
            )
            placed = site_point(bare)
            if placed is not None:
                assert placed[2] == how or (keep_zip and placed[2] == "city")
                off.append(haversine_miles(s.lat, s.lon, placed[0], placed[1]))
        assert len(off) >= 0.95 * len(real), how
        assert sorted(off)[len(off) // 2] < 3, how  # median error
        assert max(off) < 25, how


def test_zip_in_another_state_or_far_from_the_city_is_not_used():
    # Real PALLAS rows: a Louisville, Kentucky site with ZIP 20202 (Washington, DC) and a
    # Milwaukee site with ZIP 53711 (Madison): the record contradicts itself.
    louisville = us("Louisville", "Kentucky", "20202")
    assert site_point(louisville)[2] == "city"
    assert site_point(louisville)[0] == pytest.approx(38.2, abs=0.2)
    assert site_point(us("Milwaukee", "Wisconsin", "53711")) is None


def test_sites_outside_the_us_without_a_point_are_unknown():
    trial = from_v2(json.loads(PALLAS.read_text("utf-8")))
    abroad = [s for s in trial.locations if s.lat is None]
    assert {s.country for s in abroad} == {"Austria", "Spain"} and all(s.zip for s in abroad)
    only_abroad = Trial("NCT1", locations=abroad)
    assert all(site_point(s) is None for s in abroad)
    assert nearest_site(only_abroad, zip_point("60611")) is None
    assert unplaced_reason(only_abroad) == "outside-us"
    german = Site(city="Munich", zip="80331", country="Germany", status="RECRUITING")
    assert site_point(german) is None, "a 5-digit postal code abroad is not a US ZIP code"


def test_why_a_trial_has_no_distance():
    assert unplaced_reason(Trial("NCT1")) == "no-sites"
    assert unplaced_reason(Trial("NCT1", locations=[Site(country="United States")])) == (
        "country-only"
    )
    closed = Trial("NCT1", locations=[us("Chicago", "Illinois", "60611", status="COMPLETED")])
    assert unplaced_reason(closed) == "no-open-sites"
    unknown = Trial("NCT1", locations=[us("Nowhereville", "Kansas")])
    assert unplaced_reason(unknown) == "not-found"
