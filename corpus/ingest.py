"""Turn what a user gives (pasted text, a .txt/.html/.docx file, a URL) into article text,
or refuse it with a clear reason; then extract proposals and store them.

Refusals (`Refused.code`): empty · encoding (not UTF-8; Windows-1256 or Latin-1 detected with
charset-normalizer and named, the decoded text offered in `Refused.decoded`) · binary ·
too_large (more than 1 MB) · duplicate (same SHA-256 of the text, curated or added) ·
no_text (HTML with no article text) · fetch (a URL that could not be read). HTML given as text
is reduced to its article text (trafilatura) first: scripts and markup never pass.
"""

from __future__ import annotations

import io
import re
import urllib.error
import urllib.request
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from corpus.store.repository import Item, Store, StoredArticle, text_sha256

MAX_BYTES = 1_000_000  # "more than 1 MB" is refused: bytes of the file, page or UTF-8 text
FETCH_TIMEOUT = 10.0
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


def _done(text: str, source: str, title: str | None = None, url: str | None = None) -> Prepared:
    if not text.strip():
        raise Refused("empty", "the text is empty (nothing but whitespace)")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise Refused("too_large", f"the text is larger than {MAX_BYTES // 1_000_000} MB")
    if "\x00" in text:
        raise Refused("binary", "the text contains NUL characters: this looks like binary data")
    return Prepared(text, source, text_sha256(text), title, url)


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


def docx_to_text(raw: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(raw))
    return "\n".join(p.text for p in document.paragraphs).strip() + "\n"


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
        try:
            return _done(docx_to_text(raw), source or "docx", url=url)
        except Exception as err:  # noqa: BLE001 - python-docx raises many kinds
            raise Refused("binary", f"not a readable .docx file ({err})") from err
    text = decode(raw)
    if name.endswith((".html", ".htm")) or looks_like_html(text):
        body, title = html_to_text(text)
        if not body.strip():
            raise Refused("no_text", "HTML with no article text in it")
        return _done(body, source or "html", title, url)
    return _done(text, source or "txt", url=url)


def fetch(url: str, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_BYTES) -> Prepared:
    """Fetch a web page (http/https only, with a timeout and a size cap) and read its text."""
    if not re.match(r"^https?://", url or "", re.I):
        raise Refused("fetch", "only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": "AlgeriaMaliAtlas/0.1"})  # noqa: S310 - http(s) checked above
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            raw = response.read(max_bytes + 1)
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as err:
        raise Refused("fetch", f"the server answered {err.code} {err.reason} for {url}") from err
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise Refused("fetch", f"could not fetch {url}: {reason} — is there a network "
                      "connection? You can paste the text or upload the saved page instead") from err
    if len(raw) > max_bytes:
        raise Refused("too_large", f"the page is larger than {max_bytes // 1_000_000} MB")
    if charset and charset.lower().replace("-", "") not in ("utf8",):
        try:
            raw = raw.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass
    name = "page.html" if ctype in ("text/html", "application/xhtml+xml") else "page.txt"
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
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"publication date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    from corpus.dates import date_problem

    precision = {10: 1, 7: 4, 4: 5}[len(value)]
    problem = date_problem(value, precision)
    if problem:
        raise ValueError(problem)
    return precision


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
    """Refuse a text already in the corpus (same SHA-256, curated or added)."""
    article_id = curated.get(prepared.sha256) or (store.find_sha(prepared.sha256) if store else None)
    if article_id:
        raise Refused("duplicate", f"the same text is already in the corpus as {article_id}",
                      article_id=article_id)


def propose(prepared: Prepared, extractor: Any, published: str | None = None) -> list[Item]:
    """The extractor's proposals for the text, as Items (status proposed)."""
    from corpus.store.proposals import items_from_extraction

    return items_from_extraction(prepared.text, extractor.extract(prepared.text, published=published))


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
