import pytest

from mbcnav.trials.errors import TrialsError
from mbcnav.trials.geo import haversine_miles, nearest_site, zip_point
from mbcnav.trials.record import Site, Trial


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
