"""Text out of a report PDF with pypdf (pure Python, maintained, no network, no OCR).

A PDF that is a scanned picture has no text layer: we say so in one sentence and ask for the
report's text instead, rather than guessing. Plain Python: no Django.
"""

from __future__ import annotations

import io
import logging

from .errors import ReportError

#: Largest PDF we read; a report is a few pages (the web layer caps uploads at the same size).
MAX_PDF_BYTES = 5 * 1024 * 1024
#: Most pages we read; reports are short, and each page costs time on a small server.
MAX_PAGES = 40

NO_TEXT_LAYER = (
    "This PDF has no text layer (it is a scanned image); paste the report's text instead."
)
NOT_A_PDF = "The file is not a PDF (it does not start with %PDF); upload the report as a PDF or paste its text."
UNREADABLE = "The PDF could not be read (it may be damaged or password-protected); paste the report's text instead."
TOO_LARGE = f"The PDF is larger than {MAX_PDF_BYTES // (1024 * 1024)} MB; a report is much smaller. Check you chose the right file."


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip(b"\x00\t\n\r ").startswith(b"%PDF-")


def pdf_text(data: bytes) -> str:
    """All the text of a PDF's pages, pages separated by a blank line; ``ReportError`` otherwise."""
    if len(data) > MAX_PDF_BYTES:
        raise ReportError(TOO_LARGE)
    if not is_pdf(data):
        raise ReportError(NOT_A_PDF)
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files warn on every object
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReportError(UNREADABLE)
        pages = []
        for page in reader.pages[:MAX_PAGES]:
            pages.append(page.extract_text() or "")
    except (ReportError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - hostile files raise anything (e.g. NotImplementedError for an unknown filter)
        raise ReportError(UNREADABLE) from None
    text = "\n\n".join(p.strip("\n") for p in pages).replace("\x00", "")
    if not text.strip():
        raise ReportError(NO_TEXT_LAYER)
    return text
