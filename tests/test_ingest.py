"""corpus/ingest.py: every refusal reason, HTML/docx/URL reading, metadata."""

from __future__ import annotations

import functools
import http.server
import io
import threading

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


def test_fetch_url_from_local_server(local_site):
    prepared = ingest.fetch(f"{local_site}/article.html", timeout=5)
    assert "سفيرها في باماكو" in prepared.text and "alert" not in prepared.text
    assert prepared.url == f"{local_site}/article.html" and prepared.source == "url"
    assert prepared.title == "عنوان المقال"


def test_fetch_errors_are_clear(local_site):
    assert refusal(ingest.fetch, f"{local_site}/big.txt").code == "too_large"
    err = refusal(ingest.fetch, f"{local_site}/missing.html")
    assert err.code == "fetch" and "404" in err.message
    err = refusal(ingest.fetch, "http://127.0.0.1:9/nothing", timeout=2)  # nothing listens
    assert err.code == "fetch" and "network" in err.message
    assert refusal(ingest.fetch, "file:///etc/passwd").code == "fetch"


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
