"""The FHIR engine's one error type."""

from mbcnav.errors import MbcnavError


class FhirError(MbcnavError):
    """A FHIR bundle cannot be read or a record cannot be exported: one plain sentence."""
