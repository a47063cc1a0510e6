"""corpus/webfetch.py: SSRF defences (issue 13, defect 5), against local listeners only.

The default policy refuses loopback, so to test what happens after the first hop the tests
inject a policy that allows exactly one local listener (127.0.0.1:PORT_A); every other address
must then be refused by the code under test, on every redirect."""

from __future__ import annotations

import http.server
import ipaddress
import socket
import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from corpus import ingest, webfetch
from corpus.webfetch import FetchRefused, fetch_bytes, public_address

PAGE = "<html><head><title>t</title></head><body><p>نص المقال هنا.</p></body></html>".encode()


class Site(http.server.BaseHTTPRequestHandler):
    """/page, /redirect?to=URL, /chain?n=N (N redirects then the page), /drip, /headdrip, /big."""

    hits: list[str]

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.hits.append(f"{self.headers.get('Host')} {self.path}")
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/redirect":
            return self._redirect(query["to"][0])
        if url.path == "/chain":
            n = int(query["n"][0])
            return self._redirect(f"/chain?n={n - 1}" if n > 0 else "/page")
        if url.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            return self._drip(b"a")
        if url.path == "/headdrip":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            return self._drip(b"X-Slow: " + b"a" * 10_000)
        if url.path not in ("/page", "/big"):
            self.send_error(404)
            return None
        body = b"a" * 5000 if url.path == "/big" else PAGE
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _drip(self, data: bytes) -> None:
        try:
            for byte in data * 1000:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass


def serve() -> tuple[http.server.ThreadingHTTPServer, list[str]]:
    hits: list[str] = []
    handler = type("Handler", (Site,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, hits


@pytest.fixture
def sites():
    """Two local listeners: A (allowed by the injected policy) and B (must stay untouched)."""
    a, a_hits = serve()
    b, b_hits = serve()
    yield a.server_address[1], a_hits, b.server_address[1], b_hits
    a.shutdown()
    b.shutdown()


def only(port: int):
    """A policy allowing exactly 127.0.0.1:port (the test's first hop)."""
    return lambda ip, p: p == port and ip == ipaddress.ip_address("127.0.0.1")


@pytest.mark.parametrize(("address", "public"), [
    ("8.8.8.8", True), ("2001:4860:4860::8888", True), ("127.0.0.1", False), ("127.8.9.1", False),
    ("::1", False), ("0.0.0.0", False), ("::", False), ("10.1.2.3", False), ("172.16.0.1", False),
    ("192.168.1.7", False), ("100.64.0.1", False), ("169.254.169.254", False),
    ("fd00:ec2::254", False), ("fe80::1", False), ("224.0.0.1", False), ("239.255.255.250", False),
    ("ff02::1", False), ("240.0.0.1", False), ("255.255.255.255", False), ("::ffff:127.0.0.1", False),
    ("::ffff:169.254.169.254", False), ("64:ff9b::7f00:1", False), ("2002:7f00:1::", False),
])
def test_address_policy(address, public):
    assert public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "0x7f000001",
                                  "0177.0.0.1", "127.1", "0.0.0.0", "0", "[::1]",
                                  "[::ffff:127.0.0.1]"])
def test_every_form_of_a_local_address_is_refused_before_connecting(sites, host):
    port, hits, _, _ = sites
    with pytest.raises(FetchRefused) as err:
        fetch_bytes(f"http://{host}:{port}/page", max_bytes=10_000, timeout=5)
    assert hits == []  # not one request reached the listener
    assert str(err.value) == webfetch.GENERIC and str(port) not in str(err.value)


@pytest.mark.parametrize("host", ["169.254.169.254", "[fd00:ec2::254]", "10.0.0.1", "224.0.0.1"])
def test_metadata_private_and_multicast_addresses_are_refused(host):
    with pytest.raises(FetchRefused):
        fetch_bytes(f"http://{host}/latest/meta-data/", max_bytes=10_000, timeout=5)


def test_the_injected_policy_allows_the_first_hop(sites):
    port, hits, _, _ = sites
    page = fetch_bytes(f"http://127.0.0.1:{port}/page", max_bytes=10_000, allow=only(port))
    assert page.body == PAGE and page.content_type == "text/html" and page.charset == "utf-8"
    assert hits == [f"127.0.0.1:{port} /page"]


@pytest.mark.parametrize("target", [
    "http://127.0.0.1:{b}/page", "http://localhost:{b}/page", "http://2130706433:{b}/page",
    "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/",
    "ftp://127.0.0.1:{a}/page", "file:///etc/passwd", "gopher://127.0.0.1:{a}/",
])
def test_a_redirect_to_a_refused_address_or_scheme_is_refused(sites, target):
    port_a, hits_a, port_b, hits_b = sites
    to = target.format(a=port_a, b=port_b)
    with pytest.raises(FetchRefused):
        fetch_bytes(f"http://127.0.0.1:{port_a}/redirect?to={to}", max_bytes=10_000,
                    allow=only(port_a), timeout=5)
    assert hits_b == [] and len(hits_a) == 1  # the redirect was read, never followed


def test_redirects_are_followed_up_to_five(sites):
    port, hits, _, _ = sites
    page = fetch_bytes(f"http://127.0.0.1:{port}/chain?n=4", max_bytes=10_000, allow=only(port))
    assert page.body == PAGE and len(hits) == 6
    with pytest.raises(FetchRefused):
        fetch_bytes(f"http://127.0.0.1:{port}/chain?n=5", max_bytes=10_000, allow=only(port))


@pytest.mark.parametrize("path", ["/drip", "/headdrip"])
def test_one_deadline_for_the_whole_fetch_stops_a_slow_drip(sites, path):
    """The server keeps sending a byte at a time (each read would succeed within any per-read
    timeout); the total deadline ends the fetch (the refusal is asserted, not a time)."""
    port, _, _, _ = sites
    with pytest.raises(FetchRefused) as err:
        fetch_bytes(f"http://127.0.0.1:{port}{path}", max_bytes=1_000_000, allow=only(port),
                    timeout=0.5)
    assert "deadline" in err.value.detail


def test_the_body_is_cut_at_the_size_cap(sites):
    port, _, _, _ = sites
    page = fetch_bytes(f"http://127.0.0.1:{port}/big", max_bytes=1000, allow=only(port))
    assert page.too_large and page.body == b""


def test_dns_is_resolved_once_per_hop_and_the_checked_address_is_used(sites, monkeypatch):
    """DNS rebinding: the first answer is checked and connected to; a later answer (a
    rebinding resolver's internal address) is never asked for or used."""
    port, hits, _, _ = sites
    answers = iter([("127.0.0.1", port)])
    calls = []

    def rebinding(host, p, *args, **kwargs):
        calls.append(host)
        address = next(answers, ("169.254.169.254", p))
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", address)]

    monkeypatch.setattr(webfetch.socket, "getaddrinfo", rebinding)
    page = fetch_bytes(f"http://rebind.example:{port}/page", max_bytes=10_000, allow=only(port))
    assert page.body == PAGE and calls == ["rebind.example"]
    assert hits == [f"rebind.example:{port} /page"]  # the name went in the Host header only


def test_failures_share_one_message_that_names_no_port(sites):
    port, _, _, _ = sites
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    messages = set()
    for url, allow in [(f"http://127.0.0.1:{closed_port}/", lambda ip, p: True),
                       (f"http://127.0.0.1:{port}/missing", only(port)),
                       (f"http://127.0.0.1:{port}/page", public_address),
                       ("http://name.invalid/", lambda ip, p: True)]:
        with pytest.raises(FetchRefused) as err:
            fetch_bytes(url, max_bytes=10_000, allow=allow, timeout=3)
        messages.add(str(err.value))
    assert messages == {webfetch.GENERIC}
    assert str(closed_port) not in webfetch.GENERIC


def test_ingest_fetch_refuses_loopback_with_the_generic_message(sites):
    port, hits, _, _ = sites
    with pytest.raises(ingest.Refused) as err:
        ingest.fetch(f"http://localhost:{port}/page")
    assert err.value.code == "fetch" and err.value.message == webfetch.GENERIC and hits == []
