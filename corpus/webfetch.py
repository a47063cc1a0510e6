"""Fetch one public web page, and nothing else (the "From a web address" input).

Defends the server against being used to reach what only it can reach (SSRF):

- only http:// and https://, on the first hop and on every redirect (followed here, at most
  `MAX_REDIRECTS`, never by the HTTP library);
- the host name is resolved once per hop, every address it resolves to is checked by the
  address policy (default `public_address`: no loopback, private, link-local — which includes
  the cloud metadata addresses 169.254.169.254 and fd00:ec2::254 —, shared, multicast, reserved
  or unspecified address, also when written as 2130706433, 0x7f.1 or ::ffff:127.0.0.1), and
  the connection goes to that checked address (the name is only sent as Host header and TLS
  SNI), so a DNS answer that changes between check and connect (rebinding) cannot slip past;
- one deadline for the whole fetch (DNS, connect, headers, body, every redirect): a watchdog
  closes the socket when it passes, so a server dripping one byte at a time cannot hold a
  worker;
- the body is read in chunks and cut at `max_bytes`;
- every failure is the same `FetchRefused` with one generic message: which ports are open,
  which hosts exist or what went wrong inside is never told to the visitor (the detail goes to
  the log for the operator).

    raw, content_type, charset = fetch_bytes("https://example.org/article.html")
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
TIMEOUT = 10.0  # seconds for the whole fetch, redirects included
USER_AGENT = "AlgeriaMaliAtlas/0.1"
GENERIC = ("could not fetch this address: only public http:// and https:// web pages that "
           "answer in time can be read. You can paste the text or upload the saved page instead")
_REDIRECTS = (301, 302, 303, 307, 308)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Policy = Callable[[Address, int], bool]


class FetchRefused(Exception):
    """The address was not fetched; `detail` is for the log, never for the visitor."""

    def __init__(self, detail: str, code: str = "fetch"):
        self.detail, self.code = detail, code
        super().__init__(GENERIC)


@dataclass(frozen=True, slots=True)
class Page:
    body: bytes
    content_type: str
    charset: str | None
    url: str  # after redirects
    too_large: bool = False


def _embedded_v4(ip: Address) -> ipaddress.IPv4Address | None:
    if ip.version != 6:
        return None
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour


def public_address(ip: Address, port: int = 0) -> bool:
    """True for an address anyone on the internet could reach (the default policy)."""
    inner = _embedded_v4(ip)
    if inner is not None and not public_address(inner, port):
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback
                                 or ip.is_link_local or ip.is_private or ip.is_unspecified)


def _resolve(host: str, port: int, deadline: float) -> list[Address]:
    """The addresses of `host` (numeric forms such as 2130706433 resolve like names), within
    the deadline (DNS runs in a helper thread so a slow resolver cannot pass it)."""
    found: list = []

    def run() -> None:
        try:
            found.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as err:
            found.append(err)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if not found:
        raise FetchRefused(f"DNS for {host!r} passed the deadline")
    if isinstance(found[0], Exception):
        raise FetchRefused(f"DNS for {host!r} failed: {found[0]}")
    return [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in found[0]]


def _target(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path?query) of an http(s) URL, else FetchRefused."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:
        raise FetchRefused(f"malformed URL {url!r}: {err}") from err
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"scheme or host not allowed in {url!r}")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80), path


def _checked_address(host: str, port: int, allow: Policy, deadline: float) -> Address:
    addresses = _resolve(host, port, deadline)
    refused = [ip for ip in addresses if not allow(ip, port)]
    if refused or not addresses:
        raise FetchRefused(f"{host!r} resolves to a refused address {refused or addresses}")
    return addresses[0]


def _connection(scheme: str, host: str, ip: Address, port: int,
                timeout: float) -> http.client.HTTPConnection:
    """A connection to `ip` (already checked) that names `host` in Host and SNI."""
    if scheme == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def connect_checked(_address, timeout=timeout, source_address=None):
        """Connect to the checked address itself: no second name lookup on the way."""
        sock = socket.socket(socket.AF_INET6 if ip.version == 6 else socket.AF_INET,
                             socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect((str(ip), port))
        except OSError:
            sock.close()
            raise
        return sock

    conn._create_connection = connect_checked  # the only socket it opens goes to `ip`
    return conn


class _Watchdog:
    """Closes the connection's socket when the deadline passes (ends any blocking read)."""

    def __init__(self, conn: http.client.HTTPConnection, deadline: float):
        self.conn, self.fired = conn, False
        self.timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self.timer.daemon = True

    def _fire(self) -> None:
        self.fired = True
        sock = self.conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> _Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.cancel()
        self.conn.close()


def _read_body(response: http.client.HTTPResponse, max_bytes: int, deadline: float) -> tuple[bytes, bool]:
    chunks, size = [], 0
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise FetchRefused("the deadline passed while reading the body")
        chunk = response.read1(65536)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)
        size += len(chunk)
    return b"", True


def _hop(url: str, allow: Policy, deadline: float, max_bytes: int) -> Page | str:
    """One request: the page, or the URL a redirect points to."""
    scheme, host, port, path = _target(url)
    ip = _checked_address(host, port, allow, deadline)
    conn = _connection(scheme, host, ip, port, max(0.01, deadline - time.monotonic()))
    with _Watchdog(conn, deadline) as watchdog:
        try:
            conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
            response = conn.getresponse()
            if response.status in _REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise FetchRefused(f"redirect {response.status} without a Location")
                return urljoin(url, location.strip())
            if response.status != 200:
                raise FetchRefused(f"status {response.status}")
            body, too_large = _read_body(response, max_bytes, deadline)
        except (OSError, http.client.HTTPException, ssl.SSLError) as err:
            why = "the deadline passed" if watchdog.fired else f"{type(err).__name__}: {err}"
            raise FetchRefused(why) from err
        if watchdog.fired:
            raise FetchRefused("the deadline passed")
        return Page(body, response.headers.get_content_type(),
                    response.headers.get_content_charset(), url, too_large)


def fetch_bytes(url: str, *, timeout: float = TIMEOUT, max_bytes: int, allow: Policy = public_address,
                max_redirects: int = MAX_REDIRECTS) -> Page:
    """The page at `url` (after at most `max_redirects` checked redirects); FetchRefused when
    any hop is not allowed, fails or the whole fetch passes `timeout` seconds. A body longer
    than `max_bytes` comes back empty with `too_large` set."""
    deadline = time.monotonic() + timeout
    try:
        for _ in range(max_redirects + 1):
            result = _hop(url, allow, deadline, max_bytes)
            if isinstance(result, Page):
                return result
            url = result
        raise FetchRefused(f"more than {max_redirects} redirects")
    except FetchRefused as err:
        log.info("fetch refused: %s", err.detail)
        raise
