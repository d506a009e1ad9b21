"""Distances checked against coordinates written out by hand (not read back from the data files)."""

import math

import pytest

from mbcnav.care import CareError, haversine_miles, nearest_centers, normalise_zip, zip_point

# ZIP centroids as published in the zipcodes package's table, copied here by hand.
ZIP_60611 = (41.8971, -87.6223)  # Chicago, Streeterville
ZIP_60637 = (41.7813, -87.6051)  # Chicago, Hyde Park (University of Chicago)
ZIP_10032 = (40.8382, -73.9420)  # New York, Washington Heights
ZIP_10065 = (40.7651, -73.9638)  # New York, Upper East Side (Memorial Sloan Kettering)


def hand_haversine(a, b, radius=3958.8):
    """Textbook haversine, written separately from the engine's version."""
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1])
    s = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(a[0])) * math.cos(math.radians(b[0])) * math.sin(dlon / 2) ** 2
    )
    return radius * 2 * math.atan2(math.sqrt(s), math.sqrt(1 - s))


def test_one_degree_of_latitude_is_about_69_miles():
    assert haversine_miles((40.0, -75.0), (41.0, -75.0)) == pytest.approx(69.09, abs=0.02)


def test_new_york_to_los_angeles_is_about_2450_miles():
    # City-hall coordinates; the published great-circle distance is about 2,445 miles.
    assert haversine_miles((40.7128, -74.0060), (34.0522, -118.2437)) == pytest.approx(2445, abs=10)


def test_zip_centroids_come_from_the_package():
    assert zip_point("60611") == pytest.approx(ZIP_60611, abs=1e-4)
    assert zip_point("10032-1234") == pytest.approx(ZIP_10032, abs=1e-4)


def test_chicago_60611_to_university_of_chicago():
    expected = hand_haversine(ZIP_60611, ZIP_60637)
    assert 7.5 < expected < 8.5  # a few miles south, as a map shows
    hits = nearest_centers("60611", within_miles=20)
    by_name = {hit.center.name: hit.miles for hit in hits}
    assert by_name["University of Chicago Medicine Comprehensive Cancer Center"] == pytest.approx(
        expected, abs=0.051
    )
    assert by_name[
        "Robert H. Lurie Comprehensive Cancer Center of Northwestern University"
    ] == pytest.approx(0.0, abs=0.051)


def test_washington_heights_to_memorial_sloan_kettering():
    expected = hand_haversine(ZIP_10032, ZIP_10065)
    assert 4.5 < expected < 6  # about 5 miles down Manhattan
    hits = {hit.center.id: hit.miles for hit in nearest_centers("10032", limit=None)}
    assert hits["memorial-sloan-kettering"] == pytest.approx(expected, abs=0.051)


def test_results_are_sorted_and_limited():
    hits = nearest_centers("77030", limit=5)
    assert len(hits) == 5
    assert [h.miles for h in hits] == sorted(h.miles for h in hits)
    assert {h.center.id for h in hits[:2]} >= {"md-anderson"}


def test_within_miles_keeps_only_close_centres():
    hits = nearest_centers(
        "59801", within_miles=150, limit=None
    )  # Missoula, Montana: none that close
    assert hits == []
    far = nearest_centers("59801", limit=1)
    assert far and far[0].miles > 150


def test_research_only_centres_left_out_unless_asked():
    ids = {h.center.id for h in nearest_centers("11724", within_miles=5, limit=None)}
    assert "cold-spring-harbor-laboratory-cancer-center" not in ids
    ids = {
        h.center.id
        for h in nearest_centers("11724", within_miles=5, limit=None, include_research_only=True)
    }
    assert "cold-spring-harbor-laboratory-cancer-center" in ids


def test_designation_filter():
    hits = nearest_centers("10029", limit=None, designations=["cancer center"])
    assert hits and all(h.center.designation == "cancer center" for h in hits)


@pytest.mark.parametrize("bad", ["00000", "99999"])
def test_unknown_zip_is_one_sentence(bad):
    with pytest.raises(CareError) as err:
        nearest_centers(bad)
    message = str(err.value)
    assert bad in message and message.count(".") == 1 and message.endswith(".")


@pytest.mark.parametrize("bad", ["6061", "abcde", "", "606111"])
def test_malformed_zip(bad):
    with pytest.raises(CareError, match="5 digits"):
        normalise_zip(bad)


@pytest.mark.parametrize("miles", [0, -5])
def test_bad_distance(miles):
    with pytest.raises(CareError, match="miles"):
        nearest_centers("60611", within_miles=miles)
