"""PDF text: real PDFs made with WeasyPrint (one with text, one holding only a picture)."""

import base64
import struct
import zlib

import pytest

from mbcnav.reports import NO_TEXT_LAYER, ReportError, pdf_text, read_report
from mbcnav.reports.pdf import MAX_PDF_BYTES


def _png(width: int, height: int) -> bytes:
    raw = b"".join(b"\x00" + b"\x30\x30\x30" * width for _ in range(height))

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def bogus_filter_pdf() -> bytes:
    """A small, well-formed PDF whose page content uses a filter no reader knows (/Bogus)."""
    content = b"BT /F1 12 Tf 72 720 Td (Estrogen receptor: Positive) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /Bogus >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


@pytest.fixture(scope="module")
def text_pdf() -> bytes:
    return make_pdf(
        "<h1>Surgical pathology</h1><p>Estrogen receptor: Positive (95%, strong)</p>"
        "<p>HER2 (IHC): 3+</p><p>Ki-67: 40%</p>"
    )


def test_a_pdf_with_a_text_layer_is_read(text_pdf):
    text = pdf_text(text_pdf)
    assert "Estrogen receptor" in text
    assert read_report(text, "pathology").values() == {
        "er_percent": 95, "er_intensity": "strong", "er": "positive", "her2_ihc": "3+", "ki67_percent": 40,
    }  # fmt: skip


def test_a_scanned_pdf_without_text_says_so():
    img = base64.b64encode(_png(60, 30)).decode()
    pdf = make_pdf(f'<img src="data:image/png;base64,{img}" style="width:400px">')
    with pytest.raises(ReportError) as err:
        pdf_text(pdf)
    assert str(err.value) == NO_TEXT_LAYER
    assert "no text layer" in NO_TEXT_LAYER and "paste the report's text" in NO_TEXT_LAYER


@pytest.mark.parametrize(
    "data,words",
    [
        (b"hello, not a pdf", "not a PDF"),
        (b"%PDF-1.7\n1 0 obj garbage", "could not be read"),
        (b"%PDF-1.7\n" + b"0" * (MAX_PDF_BYTES + 1), "larger than"),
    ],
)
def test_hostile_pdfs_are_one_sentence(data, words):
    with pytest.raises(ReportError, match=words):
        pdf_text(data)


def test_a_truncated_pdf_is_one_sentence(text_pdf):
    with pytest.raises(ReportError):
        pdf_text(text_pdf[: len(text_pdf) // 3])


def test_a_pdf_with_an_unknown_stream_filter_is_one_sentence():
    # pypdf raises NotImplementedError here, outside its own error family
    with pytest.raises(ReportError, match="could not be read"):
        pdf_text(bogus_filter_pdf())
