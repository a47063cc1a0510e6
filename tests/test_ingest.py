"""corpus/ingest.py: every refusal reason, HTML/docx/URL reading, metadata."""

from __future__ import annotations

import functools
import http.server
import io
import struct
import threading
import zipfile

import docx
import pytest

from corpus import ingest
from corpus.ingest import Refused
from corpus.store import Store

AR = "أعلنت وزارة الخارجية الجزائرية يوم الأحد عن استدعاء سفيرها في باماكو للتشاور، وذلك بعد تصريحات اعتبرتها عدائية.\n"
FR = ("Le ministère des Affaires étrangères a convoqué l'ambassadeur à Bamako. Les autorités "
      "algériennes ont déclaré être très préoccupées par la situation sécuritaire.\n")


def refusal(func, *args, **kwargs) -> Refused:
    with pytest.raises(Refused) as err:
        func(*args, **kwargs)
    return err.value


@pytest.mark.parametrize("raw", [b"", b"   \n\t  \r\n", "\u00a0\u2003\n".encode()])
def test_empty_or_whitespace_is_refused(raw):
    err = refusal(ingest.from_bytes, raw, "a.txt")
    assert err.code == "empty" and "empty" in err.message


def test_windows_1256_is_named_and_decoded_text_offered():
    err = refusal(ingest.from_bytes, AR.encode("cp1256"), "a.txt")
    assert err.code == "encoding" and "Windows-1256" in err.message
    assert err.decoded == AR


def test_latin_1_is_named_and_decoded_text_offered():
    err = refusal(ingest.from_bytes, FR.encode("latin-1"), "a.txt")
    assert err.code == "encoding" and "Latin-1" in err.message
    assert err.decoded == FR


@pytest.mark.parametrize("raw", [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n\0\0", bytes(range(256)) * 8,
                                 b"text\x00with nul"])
def test_binary_is_refused(raw):
    assert refusal(ingest.from_bytes, raw, "a.txt").code == "binary"


def test_more_than_1_mb_is_refused():
    big = ("ا" * 500_001).encode()  # 1,000,002 bytes
    assert refusal(ingest.from_bytes, big, "a.txt").code == "too_large"
    assert refusal(ingest.from_text, "ا" * 500_001).code == "too_large"
    assert ingest.from_bytes(b"a" * ingest.MAX_BYTES, "a.txt").text  # exactly 1 MB is fine


def test_duplicate_of_curated_or_added_is_refused(sqlite_url):
    prepared = ingest.from_text(AR)
    err = refusal(ingest.check_new, prepared, {prepared.sha256: "000_curated"}, None)
    assert err.code == "duplicate" and "000_curated" in err.message
    store = Store.open(sqlite_url)
    stored = ingest.add(store, prepared, ingest.metadata(prepared), [], {})
    err = refusal(ingest.add, store, ingest.from_text(AR), {"language": "ar"}, [], {})
    assert err.code == "duplicate" and err.article_id == stored.id
    assert store.stats()["articles"] == {"proposed": 1}


def test_utf8_bom_dropped_and_text_kept_exactly():
    text = "سطر أول\r\nسطر ثان\n"
    assert ingest.from_bytes(b"\xef\xbb\xbf" + text.encode(), "a.txt").text == text


HTML = (f"<!doctype html><html><head><title>عنوان المقال</title><script>alert('x')</script>"
        f"<style>body{{color:red}}</style></head><body><nav>menu</nav><article><h1>عنوان المقال</h1>"
        f"<p>{AR.strip()}</p><p>{AR.strip()} <b>مالي</b></p></article>"
        f"<script>document.write('evil')</script></body></html>")


@pytest.mark.parametrize("via", ["text", "file"])
def test_html_is_stripped_to_article_text(via):
    prepared = (ingest.from_text(HTML) if via == "text"
                else ingest.from_bytes(HTML.encode(), "page.html"))
    assert "سفيرها في باماكو" in prepared.text
    for bad in ("<", "alert", "evil", "color:red"):
        assert bad not in prepared.text
    assert prepared.source == "html"


def test_docx_is_read():
    document = docx.Document()
    document.add_paragraph("عنوان")
    document.add_paragraph(AR.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    prepared = ingest.from_bytes(buffer.getvalue(), "a.docx")
    assert prepared.text == "عنوان\n" + AR and prepared.source == "docx"


@pytest.fixture
def local_site(tmp_path):
    (tmp_path / "article.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "big.txt").write_bytes(b"a" * (ingest.MAX_BYTES + 10))
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def loopback(ip, port) -> bool:
    """The tests' address policy: the local test server is allowed (the default refuses it)."""
    return ip.is_loopback


def test_fetch_url_from_local_server(local_site):
    prepared = ingest.fetch(f"{local_site}/article.html", timeout=5, allow=loopback)
    assert "سفيرها في باماكو" in prepared.text and "alert" not in prepared.text
    assert prepared.url == f"{local_site}/article.html" and prepared.source == "url"
    assert prepared.title == "عنوان المقال"


def test_fetch_errors_are_clear(local_site):
    assert refusal(ingest.fetch, f"{local_site}/big.txt", allow=loopback).code == "too_large"
    missing = refusal(ingest.fetch, f"{local_site}/missing.html", allow=loopback)
    closed = refusal(ingest.fetch, "http://127.0.0.1:9/nothing", timeout=2, allow=loopback)
    scheme = refusal(ingest.fetch, "file:///etc/passwd")
    # One message for every failure: it tells no port scanner which ports answer (issue 13, 5).
    assert {missing.code, closed.code, scheme.code} == {"fetch"}
    assert missing.message == closed.message == scheme.message and "paste the text" in missing.message


def test_metadata_and_language():
    prepared = ingest.from_text(AR)
    meta = ingest.metadata(prepared, published="2024-01-05", outlet="El Watan")
    assert meta["language"] == "ar" and meta["published_precision"] == 1
    assert meta["title_ar"].startswith("أعلنت") and meta["outlet"] == "El Watan"
    assert ingest.guess_language(FR) == "fr"
    assert ingest.guess_language("The ministry said that the talks in Bamako were useful.") == "en"
    assert ingest.date_precision("2024-01") == 4 and ingest.date_precision("2024") == 5
    with pytest.raises(ValueError):
        ingest.date_precision("05/01/2024")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "0.0.0.0"])
def test_fetch_refuses_the_servers_own_addresses(local_site, host):
    """Issue 13, defect 5 (SSRF): the default policy never fetches a local address."""
    port = local_site.rsplit(":", 1)[1]
    err = refusal(ingest.fetch, f"http://{host}:{port}/article.html", timeout=5)
    assert err.code == "fetch" and port not in err.message


# -- .docx bombs (issue 13, defects 4 and 10) ----------------------------------------------------

def _docx_bytes(text: str = AR) -> bytes:
    document = docx.Document()
    document.add_paragraph(text.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_MB_OF_PARAGRAPHS = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30_000  # ~1 MB of tiny paragraphs


def _rebuilt(raw: bytes, replace: dict[str, bytes] | None = None, padding: int = 0,
             extra_parts: int = 0) -> bytes:
    """The same .docx with parts replaced, `padding` bytes of tiny paragraphs streamed into
    word/document.xml (highly compressible: a bomb) and `extra_parts` empty parts added."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            data = (replace or {}).get(info.filename, source.read(info.filename))
            if info.filename == "word/document.xml" and padding:
                head, tail = data.split(b"<w:body>", 1)
                with target.open(info.filename, "w") as stream:
                    stream.write(head + b"<w:body>")
                    for _ in range(padding // len(_MB_OF_PARAGRAPHS)):
                        stream.write(_MB_OF_PARAGRAPHS)
                    stream.write(tail)
            else:
                target.writestr(info.filename, data)
        for n in range(extra_parts):
            target.writestr(f"customXml/extra{n}.xml", b"")
    return out.getvalue()


def _lie_about_size(raw: bytes, name: bytes, declared: int) -> bytes:
    """Patch the declared unpacked size of `name` in the local header and the central directory."""
    data = bytearray(raw)
    for signature, size_at, name_len_at, header in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        pos = data.find(signature)
        while pos >= 0:
            length = struct.unpack_from("<H", data, pos + name_len_at)[0]
            if bytes(data[pos + header:pos + header + length]) == name:
                struct.pack_into("<I", data, pos + size_at, declared)
            pos = data.find(signature, pos + 4)
    return bytes(data)


def test_a_docx_bomb_is_refused_before_parsing():
    bomb = _rebuilt(_docx_bytes(), padding=60_000_000)  # 60 MB of XML in a small file
    assert len(bomb) < ingest.MAX_BYTES  # passes the upload limit: the old code parsed it all
    err = refusal(ingest.from_bytes, bomb, "bomb.docx")
    assert err.code == "too_large" and "compression bomb" in err.message


def test_a_docx_bomb_that_lies_about_its_size_is_refused():
    bomb = _lie_about_size(_rebuilt(_docx_bytes(), padding=60_000_000), b"word/document.xml", 2000)
    assert zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/document.xml").file_size == 2000
    err = refusal(ingest.from_bytes, bomb, "bomb.docx")
    assert err.code in ("too_large", "binary")
    assert "Error" not in err.message and "CRC" not in err.message


def test_an_xml_part_over_the_cap_is_refused():
    big = _rebuilt(_docx_bytes(), padding=ingest.DOCX_MAX_XML + 1_000_000)
    assert refusal(ingest.from_bytes, big, "big.docx").code == "too_large"


def test_a_docx_with_thousands_of_parts_is_refused():
    many = _rebuilt(_docx_bytes(), extra_parts=ingest.DOCX_MAX_PARTS + 1)
    err = refusal(ingest.from_bytes, many, "many.docx")
    assert err.code == "too_large" and "parts" in err.message


def test_entities_in_docx_xml_are_not_expanded():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "' + b"ha" * 100 + b'">'
              + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10)
                         for i in range(8))
              + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              b"<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>")
    raw = _rebuilt(_docx_bytes(), replace={"word/document.xml": laughs})
    try:
        text = ingest.from_bytes(raw, "laughs.docx").text
    except Refused as err:
        assert err.code in ("binary", "empty", "too_large")
    else:
        assert len(text) < 10_000  # 10^8 × "haha…" would be gigabytes


@pytest.mark.parametrize("raw", [b"PK\x03\x04 not really a zip", _docx_bytes()[:3000], b"plain text"])
def test_a_damaged_docx_is_refused_without_internal_error_text(raw):
    err = refusal(ingest.from_bytes, raw, "damaged.docx")
    assert err.code == "binary" and "not a readable .docx" in err.message
    for internal in ("Error", "Errno", "zip file", "KeyError", "(", "lxml"):
        assert internal not in err.message


def test_a_long_text_is_read_in_bounded_pieces_with_exact_spans(monkeypatch):
    """Issue 13, defect 3: the extractor never gets more than EXTRACT_PIECE characters at once;
    the proposals' spans index the whole text."""
    from tests.store_helpers import TEXT, FakeExtractor

    class Recording(FakeExtractor):
        sizes: list[int] = []

        def extract(self, text, published=None):
            self.sizes.append(len(text))
            return super().extract(text, published)

    monkeypatch.setattr(ingest, "EXTRACT_PIECE", 1000)
    text = TEXT.replace("\n", " ") * 40 + "\n" + TEXT * 40
    extractor = Recording()
    items = ingest.propose(ingest.from_text(text), extractor)
    assert len(extractor.sizes) > 1 and max(extractor.sizes) <= 1000
    assert len({(i.kind, i.start) for i in items}) == len(items) >= 40
    assert all(text[i.start:i.end] == i.text for i in items)
    short = ingest.propose(ingest.from_text(TEXT), Recording())
    assert [(i.kind, i.start, i.end) for i in short] == [
        (i.kind, i.start, i.end) for i in ingest.propose(ingest.from_text(TEXT), FakeExtractor())]
