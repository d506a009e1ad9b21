"""The reports engine: read pathology, biomarker/NGS and imaging report text (or a PDF's text
layer) into proposed facts, each with the sentence it came from. Plain Python: no Django."""

from .errors import ReportError
from .extract import Fact, Report, read_report, show
from .pdf import NO_TEXT_LAYER, pdf_text

__all__ = ["NO_TEXT_LAYER", "Fact", "Report", "ReportError", "pdf_text", "read_report", "show"]
