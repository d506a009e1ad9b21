"""The FHIR engine: code table, export to FHIR R4 / mCODE STU4 bundles, import from them.

Plain Python (no Django). Entry points for the CLI and the web app:

    export_bundle(patient) -> dict                  # FHIR R4 collection Bundle
    validate_bundle(bundle) -> None                 # FhirError if any resource fails R4B
    import_bundle(data, today=None) -> (dict, ImportReport)   # patient-file dict + report
    import_file(path, today=None) -> (dict, ImportReport)
    merge_records(existing, incoming, today=None) -> dict     # idempotent merge of two records
"""

from .errors import FhirError
from .export import export_bundle, validate_bundle
from .importer import import_bundle, import_file, merge_records
from .report import ImportReport, ReportLine

__all__ = [
    "FhirError",
    "ImportReport",
    "ReportLine",
    "export_bundle",
    "import_bundle",
    "import_file",
    "merge_records",
    "validate_bundle",
]
