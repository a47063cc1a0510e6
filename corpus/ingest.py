"""Turn what a user gives (pasted text, a .txt/.html/.docx file, a URL) into article text,
or refuse it with a clear reason; then extract proposals and store them.

Refusals (`Refused.code`): empty (also: no visible character) · encoding (not UTF-8;
Windows-1256 or Latin-1 detected with charset-normalizer and named, the decoded text offered in
`Refused.decoded`) · binary (also: an unreadable .docx, in a sentence, never the library's
error) · too_large (more than 1 MB; a .docx that unpacks too far, has too many parts or takes
too long) · duplicate (same SHA-256 or same fingerprint of the text, curated or added) ·
no_text (HTML with no article text) · fetch (one generic message: corpus/webfetch.py). HTML
given as text is reduced to its article text (trafilatura) first: scripts and markup never pass.
"""

from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from corpus import textcheck, webfetch
from corpus.dates import parse_partial, precision_of
from corpus.models import Item, text_sha256
from corpus.store.repository import Store, StoredArticle

log = logging.getLogger(__name__)

MAX_BYTES = 1_000_000  # "more than 1 MB" is refused: bytes of the file, page or UTF-8 text
# A .docx is a zip: its parts are checked before anything is parsed (issue 13, defect 4).
DOCX_MAX_PARTS = 1000  # Word writes a few dozen
DOCX_MAX_XML = 10_000_000  # bytes of one XML part unpacked (1 MB of text is ~3 MB of XML)
DOCX_MAX_UNPACKED = 25_000_000  # bytes of all parts unpacked (images barely compress)
DOCX_TIME_LIMIT = 10.0  # seconds for checking and reading one file
_BOMB = ("the .docx file unpacks to far more than a document of at most 1 MB of text "
         "(a compression bomb?): refused")
_SLOW = "reading the .docx file took too long: refused"
_NOT_DOCX = ("not a readable .docx file: the archive or its XML is damaged, or it is another "
             "kind of file. Save it again from Word or LibreOffice, or paste the text")
FETCH_TIMEOUT = webfetch.TIMEOUT  # for the whole fetch, redirects included
_MAGIC = {b"%PDF": "PDF", b"\x89PNG": "PNG image", b"GIF8": "GIF image", b"\xff\xd8\xff": "JPEG image",
          b"\x7fELF": "program", b"MZ": "program", b"\x1f\x8b": "gzip archive",
          b"PK\x03\x04": "zip archive", b"Rar!": "RAR archive", b"\xd0\xcf\x11\xe0": "old Office file"}
_ENCODING_NAMES = {
    "cp1256": "Windows-1256 (Arabic)", "windows-1256": "Windows-1256 (Arabic)",
    "iso8859_6": "ISO-8859-6 (Arabic)", "mac_arabic": "Mac Arabic",
    "latin_1": "Latin-1 (ISO-8859-1)", "iso8859_1": "Latin-1 (ISO-8859-1)",
    "cp1252": "Latin-1 / Windows-1252", "cp1250": "Latin-1 / Windows-1252",
    "iso8859_15": "Latin-9 (ISO-8859-15)", "utf_16": "UTF-16",
}
_LATIN = ("cp1250", "cp1252", "cp1257", "iso8859_10", "iso8859_15", "iso8859_2", "cp775")
_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|p|div|article|span|br|script|style|h[1-6]|a\s)\b", re.I)
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_FRENCH = re.compile(r"\b(le|la|les|des|du|une|est|et|à|au|aux|pour|avec|dans|qui)\b", re.I)
_ENGLISH = re.compile(r"\b(the|and|of|to|in|is|was|that|for|with|on)\b", re.I)


class Refused(Exception):
    """Input that cannot become an article; `message` says why, `decoded` offers a fix."""

    def __init__(self, code: str, message: str, decoded: str | None = None,
                 encoding: str | None = None, article_id: str | None = None):
        self.code, self.message, self.decoded = code, message, decoded
        self.encoding, self.article_id = encoding, article_id
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Prepared:
    """Article text ready to store: exactly what will be saved, and where it came from."""

    text: str
    source: str  # paste|txt|html|docx|url|cli
    sha256: str
    title: str | None = None
    url: str | None = None
    fingerprint: str | None = None  # textcheck.fingerprint: the same text up to spacing

    def duplicate_keys(self) -> tuple[str, str]:
        """(sha256, fingerprint): either one found in the corpus makes this text a duplicate."""
        return self.sha256, self.fingerprint or textcheck.fingerprint(self.text)


def _done(text: str, source: str, title: str | None = None, url: str | None = None) -> Prepared:
    if not text.strip():
        raise Refused("empty", "the text is empty (nothing but whitespace)")
    if not textcheck.has_visible_text(text):
        raise Refused("empty", "the text has no visible character (only spaces and invisible "
                      "characters such as zero-width spaces)")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise Refused("too_large", f"the text is larger than {MAX_BYTES // 1_000_000} MB")
    if "\x00" in text:
        raise Refused("binary", "the text contains NUL characters: this looks like binary data")
    return Prepared(text, source, text_sha256(text), title, url, textcheck.fingerprint(text))


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        len(_HTML.findall(text[:20000])) >= 2 and "</" in text)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """(main article text, title) of an HTML page; scripts, styles and markup removed."""
    import trafilatura

    text = trafilatura.extract(markup, include_comments=False, include_tables=False,
                               favor_precision=True) or ""
    if not text.strip():
        text = trafilatura.html2txt(markup) or ""
    title = None
    meta = trafilatura.extract_metadata(markup)
    if meta is not None and meta.title:
        title = meta.title
    return text.strip() + ("\n" if text.strip() else ""), title


def _unpacked_parts(archive: zipfile.ZipFile, deadline: float) -> int:
    """Bytes of all parts, read through a bounded stream (declared sizes can lie); Refused at
    the first cap passed: too many parts, too many bytes, an XML part too big, too slow."""
    infos = archive.infolist()
    if len(infos) > DOCX_MAX_PARTS:
        raise Refused("too_large", f"the .docx file has {len(infos):,} parts (at most "
                      f"{DOCX_MAX_PARTS:,}): it is not a plain document")
    if sum(i.file_size for i in infos) > DOCX_MAX_UNPACKED:
        raise Refused("too_large", _BOMB)
    total = 0
    for info in infos:
        part = 0
        cap = DOCX_MAX_XML if info.filename.endswith((".xml", ".rels")) else DOCX_MAX_UNPACKED
        if info.file_size > cap:
            raise Refused("too_large", _BOMB)
        with archive.open(info) as stream:
            while chunk := stream.read(65536):
                part, total = part + len(chunk), total + len(chunk)
                if part > cap or total > DOCX_MAX_UNPACKED:
                    raise Refused("too_large", _BOMB)
                if time.monotonic() > deadline:
                    raise Refused("too_large", _SLOW)
    return total


def docx_to_text(raw: bytes, time_limit: float = DOCX_TIME_LIMIT) -> str:
    """The paragraphs of a .docx file, one per line. The archive is checked before anything is
    parsed (every part's declared and actual unpacked size, XML parts at most DOCX_MAX_XML
    bytes, everything at most DOCX_MAX_UNPACKED) and the whole reading has a time limit:
    a compression bomb is refused with a message, never unpacked."""
    import docx

    deadline = time.monotonic() + time_limit
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise Refused("binary", _NOT_DOCX)
            _unpacked_parts(archive, deadline)
        document = docx.Document(io.BytesIO(raw))  # XML entities are not expanded (python-docx)
        lines = []
        for paragraph in document.paragraphs:
            lines.append(paragraph.text)
            if time.monotonic() > deadline:
                raise Refused("too_large", _SLOW)
    except Refused:
        raise
    except Exception as err:  # noqa: BLE001 - zipfile, lxml and python-docx raise many kinds
        log.info("unreadable .docx: %s: %s", type(err).__name__, err)
        raise Refused("binary", _NOT_DOCX) from err
    return "\n".join(lines).strip() + "\n"


def _is_docx(raw: bytes) -> bool:
    if not raw.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def encoding_name(codec: str) -> str:
    return _ENCODING_NAMES.get(codec.lower().replace("-", "_"), codec)


def decode(raw: bytes) -> str:
    """UTF-8 text of `raw` (a UTF-8 BOM is dropped), or Refused saying what it is instead."""
    if len(raw) > MAX_BYTES:
        raise Refused("too_large", f"the file is larger than {MAX_BYTES // 1_000_000} MB "
                      f"({len(raw):,} bytes)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded = raw.decode("utf-16", errors="replace")
        raise Refused("encoding", "not UTF-8: the file is UTF-16; save it as UTF-8",
                      decoded=decoded, encoding="utf_16")
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            raise Refused("binary", f"binary data ({what}), not text")
    if b"\x00" in raw[:65536]:
        raise Refused("binary", "binary data (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise Refused("binary", "binary data: the bytes are not text in any known encoding")
    codec = best.encoding
    if codec in _LATIN:  # charset-normalizer's Western European guesses: say Latin-1
        decoded, codec = raw.decode("cp1252", errors="replace"), "latin_1"
    else:
        decoded = str(best)
    name = encoding_name(codec)
    raise Refused("encoding", f"not UTF-8: the text looks like {name}; save it as UTF-8"
                  " (or use the decoded text)", decoded=decoded, encoding=codec)


def from_text(text: str, source: str = "paste") -> Prepared:
    """Pasted text; HTML pasted as text is reduced to its article text."""
    if len(text.encode("utf-8", errors="surrogatepass")) > MAX_BYTES:
        raise Refused("too_large", f"the text is larger than {MAX_BYTES // 1_000_000} MB")
    if looks_like_html(text):
        body, title = html_to_text(text)
        if not body.strip():
            raise Refused("no_text", "HTML with no article text in it")
        return _done(body, "html" if source == "paste" else source, title)
    return _done(text, source)


def from_bytes(raw: bytes, filename: str | None = None, source: str | None = None,
               url: str | None = None) -> Prepared:
    """An uploaded or fetched file: .docx, .html/.htm or text (UTF-8 required)."""
    name = (filename or "").lower()
    if len(raw) > MAX_BYTES:
        raise Refused("too_large", f"the file is larger than {MAX_BYTES // 1_000_000} MB "
                      f"({len(raw):,} bytes)")
    if name.endswith(".docx") or _is_docx(raw):
        return _done(docx_to_text(raw), source or "docx", url=url)
    text = decode(raw)
    if name.endswith((".html", ".htm")) or looks_like_html(text):
        body, title = html_to_text(text)
        if not body.strip():
            raise Refused("no_text", "HTML with no article text in it")
        return _done(body, source or "html", title, url)
    return _done(text, source or "txt", url=url)


def fetch(url: str, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_BYTES,
          allow: webfetch.Policy = webfetch.public_address) -> Prepared:
    """Fetch a public web page and read its text (corpus/webfetch.py: http/https only on every
    hop, public addresses only, one deadline, a size cap, one generic refusal)."""
    try:
        page = webfetch.fetch_bytes(url, timeout=timeout, max_bytes=max_bytes, allow=allow)
    except webfetch.FetchRefused as err:
        raise Refused("fetch", err.args[0]) from err
    if page.too_large:
        raise Refused("too_large", f"the page is larger than {max_bytes // 1_000_000} MB")
    raw = page.body
    if page.charset and page.charset.lower().replace("-", "") not in ("utf8",):
        try:
            raw = raw.decode(page.charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass
    name = "page.html" if page.content_type in ("text/html", "application/xhtml+xml") else "page.txt"
    return from_bytes(raw, name, source="url", url=url)


def guess_language(text: str) -> str:
    """'ar' when Arabic script dominates, else 'fr' or 'en' by common words."""
    letters = [c for c in text[:5000] if c.isalpha()]
    if letters and len(_ARABIC.findall("".join(letters))) / len(letters) > 0.3:
        return "ar"
    return "fr" if len(_FRENCH.findall(text[:5000])) >= len(_ENGLISH.findall(text[:5000])) else "en"


def date_precision(value: str | None) -> int | None:
    """YYYY-MM-DD → 1, YYYY-MM → 4, YYYY → 5; anything else raises ValueError."""
    if not value:
        return None
    if precision_of(value) is None:
        raise ValueError(f"publication date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    return parse_partial(value).precision


def metadata(prepared: Prepared, *, title: str | None = None, outlet: str | None = None,
             url: str | None = None, published: str | None = None,
             language: str | None = None) -> dict[str, Any]:
    """The article's metadata fields; the title goes to title_<language> (default: the
    page title, else the first line of the text)."""
    lang = language or guess_language(prepared.text)
    first_line = next((line.strip() for line in prepared.text.splitlines() if line.strip()), "")
    title = (title or prepared.title or first_line[:120]).strip()
    meta: dict[str, Any] = {"language": lang, "outlet": outlet or None,
                            "url": url or prepared.url or None, "published": published or None,
                            "published_precision": date_precision(published), "tags": []}
    meta[f"title_{lang if lang in ('ar', 'en', 'fr') else 'en'}"] = title
    return meta


def check_new(prepared: Prepared, curated: Mapping[str, str], store: Store | None) -> None:
    """Refuse a text already in the corpus, curated or added: the same SHA-256, or the same
    fingerprint (the same text up to line endings, trailing spaces, zero-width characters and
    Unicode composition). `curated` maps both the SHA-256 and the fingerprint to the id."""
    sha, fingerprint = prepared.duplicate_keys()
    article_id = (curated.get(sha) or curated.get(fingerprint)
                  or (store.find_duplicate(sha, fingerprint) if store else None))
    if article_id:
        raise Refused("duplicate", f"the same text is already in the corpus as {article_id}",
                      article_id=article_id)


EXTRACT_PIECE = 100_000  # characters read at once: a news article is 2,000–20,000


def pieces(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """[start, end) pieces of at most `limit` (EXTRACT_PIECE) characters covering `text`, each
    cut after a line break, else after a sentence end, else at a space (one piece for any real
    article)."""
    limit = limit or EXTRACT_PIECE
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = window.rfind("\n") + 1 or max(window.rfind(". "), window.rfind("؟ "),
                                             window.rfind("! ")) + 2
        if cut < limit // 2:
            cut = window.rfind(" ") + 1 if window.rfind(" ") >= limit // 2 else limit
        out.append((start, start + cut))
        start += cut
    out.append((start, len(text)))
    return out


def propose(prepared: Prepared, extractor: Any, published: str | None = None) -> list[Item]:
    """The extractor's proposals for the text, as Items (status proposed). A text longer than
    EXTRACT_PIECE characters is read piece by piece (`pieces`), so the extractor's working
    memory is bounded by the piece, not the text (issue 13, defect 3)."""
    from corpus.store.proposals import items_from_extraction

    items: list[Item] = []
    for start, end in pieces(prepared.text):
        chunk = prepared.text[start:end]
        for item in items_from_extraction(chunk, extractor.extract(chunk, published=published)):
            item.start, item.end = item.start + start, item.end + start
            items.append(item)
    return items


def add(store: Store, prepared: Prepared, meta: dict[str, Any], items: list[Item],
        curated: Mapping[str, str], user: str | None = None,
        status: str = "proposed") -> StoredArticle:
    """Store one article and its items in one transaction (Refused on a duplicate)."""
    from corpus.store.repository import DuplicateError

    check_new(prepared, curated, store)
    try:
        return store.add_article(prepared.text, meta, items, user=user, source=prepared.source,
                                 status=status)
    except DuplicateError as err:
        raise Refused("duplicate", f"the same text is already in the corpus as {err.article_id}",
                      article_id=err.article_id) from err
