"""The shipped directory files: every entry valid, sourced and dated."""

from datetime import date

import pytest
import yaml

from mbcnav.care import (
    CATEGORIES,
    CareError,
    center,
    centers,
    merge,
    organization,
    organizations,
    zip_point,
)
from mbcnav.care.directory import CENTERS_FILE, ORGANIZATIONS_FILE, read_centers, read_organizations


def test_centres_cover_the_nci_list():
    rows = centers()
    assert len(rows) >= 70
    designations = {c.designation for c in rows}
    assert designations == {"comprehensive", "cancer center", "basic lab"}
    assert len({c.state for c in rows}) >= 35


@pytest.mark.parametrize("entry", list(centers()) + list(organizations()), ids=lambda e: e.id)
def test_every_entry_has_a_source_and_date(entry):
    assert entry.source.publisher and entry.source.title
    assert entry.source.url.startswith("https://")
    assert isinstance(entry.source.read, date) and entry.source.read <= date(2026, 11, 21)
    assert isinstance(entry.as_of, date)
    assert entry.website.startswith("https://")


def test_centre_coordinates_match_their_zip():
    """Coordinates are a ZIP centroid; each lies within a few miles of the centre's own ZIP."""
    from mbcnav.care import haversine_miles

    for c in centers():
        assert "centroid" in c.coordinates_from
        assert haversine_miles(c.point, zip_point(c.zip)) < 15, c.id


def test_every_category_has_organisations():
    for category in CATEGORIES:
        assert organizations(category), category


def test_helplines_have_phone_numbers():
    for org in organizations("helpline"):
        assert org.phone, org.id


def test_known_helpline_numbers():
    assert organization("american-cancer-society").phone == "800-227-2345"
    assert organization("nci-cancer-information-service").phone == "800-422-6237"


def test_unknown_category():
    with pytest.raises(CareError, match="category 'cooking'"):
        organizations("cooking")


def test_unknown_ids():
    with pytest.raises(CareError):
        center("nowhere")
    with pytest.raises(CareError):
        organization("nobody")


def test_merge_replaces_and_hides():
    shipped = list(organizations())
    replaced = organizations()[0].__class__(**{**organizations()[0].__dict__, "name": "Renamed"})
    merged = {o.id: o for o in merge(shipped, [replaced], hidden=[shipped[1].id])}
    assert merged[replaced.id].name == "Renamed"
    assert shipped[1].id not in merged
    assert len(merged) == len(shipped) - 1


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _first_center():
    return yaml.safe_load(CENTERS_FILE.read_text(encoding="utf-8"))["centers"][0]


def _first_org():
    return yaml.safe_load(ORGANIZATIONS_FILE.read_text(encoding="utf-8"))["organizations"][0]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("zip", "351", "'zip'"),
        ("designation", "excellent", "'designation'"),
        ("latitude", "north", "'latitude'"),
        ("website", "http://insecure.example", "'website'"),
        ("phone", "call us", "'phone'"),
        ("state", "ZZ", "'state'"),
    ],
)
def test_bad_centre_field_named(tmp_path, field, value, words):
    row = _first_center()
    row[field] = value
    path = _write(tmp_path, "centers.yaml", {"centers": [row]})
    with pytest.raises(CareError) as err:
        read_centers(path)
    message = str(err.value)
    assert "centers.yaml" in message and f"entry 1 ({row['id']})" in message and words in message


@pytest.mark.parametrize("field", ["source", "as_of", "name"])
def test_missing_field_named(tmp_path, field):
    row = _first_org()
    del row[field]
    path = _write(tmp_path, "organizations.yaml", {"organizations": [row]})
    with pytest.raises(
        CareError, match=f"entry 1 \\({row['id']}\\), the field '{field}' is missing"
    ):
        read_organizations(path)


def test_missing_source_part_named(tmp_path):
    row = _first_org()
    del row["source"]["publisher"]
    path = _write(tmp_path, "organizations.yaml", {"organizations": [row]})
    with pytest.raises(CareError, match="source.publisher"):
        read_organizations(path)


def test_bad_category_named(tmp_path):
    row = _first_org()
    row["categories"] = ["gardening"]
    path = _write(tmp_path, "organizations.yaml", {"organizations": [row]})
    with pytest.raises(CareError, match="'categories' is 'gardening'"):
        read_organizations(path)


def test_duplicate_ids(tmp_path):
    row = _first_org()
    path = _write(tmp_path, "organizations.yaml", {"organizations": [row, dict(row)]})
    with pytest.raises(CareError, match="entry 2 .* repeats"):
        read_organizations(path)


def test_broken_yaml(tmp_path):
    path = tmp_path / "centers.yaml"
    path.write_text("centers: [\n", encoding="utf-8")
    with pytest.raises(CareError, match="not valid YAML"):
        read_centers(path)
