"""The patient engine: model, file format, vocabulary and derivations. Plain Python."""

from . import derive, markers, vocabulary
from .errors import PatientFileError
from .fileformat import dump, dumps_json, dumps_yaml, load, loads, parse
from .model import FORMAT, Patient
from .summary import summarize

__all__ = [
    "FORMAT",
    "Patient",
    "PatientFileError",
    "derive",
    "dump",
    "dumps_json",
    "dumps_yaml",
    "load",
    "markers",
    "loads",
    "parse",
    "summarize",
    "vocabulary",
]
