"""Reading capture files in whatever encoding they were saved, or saying why not."""
import codecs

import pytest

from ops.ingest.capture import CaptureError, read_capture

TEXT = "Café “quoted” — Peña\r\nsecond line\n"


@pytest.mark.parametrize("data, encoding, note", [
    (TEXT.encode("utf-8"), "UTF-8", None),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8", None),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16", None),
    (TEXT.encode("cp1252"), "Windows-1252", "not valid UTF-8 (byte 0xe9 on line 1)"),
    # 0x81 is undefined in Windows-1252: only Latin-1 reads every byte.
    ("Caf\xe9\nline\x81two\n".encode("latin-1"), "Latin-1", "not valid UTF-8 (byte 0xe9 on line 1)"),
])
def test_encodings_are_detected_and_reported(tmp_path, data, encoding, note):
    path = tmp_path / "capture.txt"
    path.write_bytes(data)
    capture = read_capture(path)
    assert (capture.encoding, capture.note) == (encoding, note)
    assert capture.text.startswith("Caf\xe9") and "\r" not in capture.text and "\ufeff" not in capture.text
    if encoding != "Latin-1":
        assert capture.text == TEXT.replace("\r\n", "\n")


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "page.pdf.txt"
    path.write_bytes(b"%PDF-1.4\x00\x01\x02")
    with pytest.raises(CaptureError, match="NUL bytes"):
        read_capture(path)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CaptureError, match="cannot be read"):
        read_capture(tmp_path / "nowhere.txt")
