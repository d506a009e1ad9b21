import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def v2_full() -> dict:
    return json.loads((FIXTURES / "NCT03377387.json").read_text("utf-8"))


@pytest.fixture
def v2_subset() -> dict:
    return json.loads((FIXTURES / "NCT02576665.fields-subset.json").read_text("utf-8"))


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path, monkeypatch):
    """Commands never read or write the real user data folder (the synced trial store)."""
    monkeypatch.setenv("MBCNAV_DATA", str(tmp_path / "mbcnav-data"))
