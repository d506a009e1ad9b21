"""Load this folder's helper modules under unique names, so they never clash with
another test folder's modules of the same name when the whole suite runs."""

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _load(name: str, filename: str):
    spec = importlib.util.spec_from_file_location(name, HERE / filename)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


support = _load("mbcnav_fhir_test_support", "support.py")
_load("mbcnav_fhir_test_strategies", "strategies.py")


@pytest.fixture(autouse=True)
def _shared_material():
    if not support.FIXTURES.exists() or not support.VALID_EXAMPLES:
        pytest.skip("the shared fixtures are not available")
