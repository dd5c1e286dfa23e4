"""Server bases exactly as API.md §1, and the HTTPS-only rule."""

from __future__ import annotations

import pytest

from core import servers
from core.errors import ServerConfigError
from core.servers import (
    Server,
    custom_server,
    global_server,
    make_server,
    region_server,
    server_from_key,
    subdomain_server,
    url_origin,
)


def test_global_bases() -> None:
    server = global_server()
    assert server.key == "global"
    assert server.api_base == "https://api.clockify.me/api/v1"
    assert server.reports_base == "https://reports.api.clockify.me/v1"
    assert not server.is_loopback


@pytest.mark.parametrize(
    ("region", "prefix"),
    [("eu", "euc1"), ("us", "use2"), ("uk", "euw2"), ("au", "apse2")],
)
def test_region_bases(region: str, prefix: str) -> None:
    server = region_server(region)
    assert server.key == f"region:{region}"
    assert server.api_base == f"https://{prefix}.clockify.me/api/v1"
    # Regional reports live under /report/v1 (singular), not on a reports. host.
    assert server.reports_base == f"https://{prefix}.clockify.me/report/v1"
    assert prefix in server.label


def test_region_names_are_case_and_space_insensitive() -> None:
    assert region_server("  EU ") == region_server("eu")
    assert region_server("Global") == global_server()


def test_unknown_region_lists_the_choices() -> None:
    with pytest.raises(ServerConfigError) as info:
        region_server("mars")
    assert "mars" in info.value.message
    for name in ("global", "eu", "us", "uk", "au"):
        assert name in info.value.hint


@pytest.mark.parametrize("given", ["acme", "ACME", " acme.clockify.me ", "Acme.Clockify.Me"])
def test_subdomain_bases(given: str) -> None:
    server = subdomain_server(given)
    assert server.key == "subdomain:acme"
    assert server.api_base == "https://acme.clockify.me/api/v1"
    assert server.reports_base == "https://acme.clockify.me/report/v1"


@pytest.mark.parametrize(
    "bad", ["", "-acme", "acme-", "ac_me", "acme.example.com", "a b", "x" * 64, "ácme"]
)
def test_bad_subdomain_is_refused(bad: str) -> None:
    with pytest.raises(ServerConfigError) as info:
        subdomain_server(bad)
    assert "subdomain" in info.value.message
    assert "acme" in info.value.hint  # the hint shows what to type


def test_subdomain_length_limit_is_63() -> None:
    assert subdomain_server("a" * 63).api_base == f"https://{'a' * 63}.clockify.me/api/v1"


@pytest.mark.parametrize(
    "root",
    [
        "https://clockify.example.com",
        "https://clockify.example.com/",
        "https://clockify.example.com/api",
        "https://clockify.example.com/api/v1",
        "https://clockify.example.com/api/v1/",
    ],
)
def test_custom_https_root(root: str) -> None:
    server = custom_server(root)
    assert server.api_base == "https://clockify.example.com/api/v1"
    assert server.reports_base == "https://clockify.example.com/report/v1"
    assert server.key == "custom:https://clockify.example.com"


def test_custom_root_with_port_and_path_prefix() -> None:
    server = custom_server("https://tools.example.com:8443/clockify")
    assert server.api_base == "https://tools.example.com:8443/clockify/api/v1"
    assert server.reports_base == "https://tools.example.com:8443/clockify/report/v1"


@pytest.mark.parametrize(
    "root", ["http://127.0.0.1", "http://127.0.0.1:9", "http://localhost:8080", "http://[::1]:5000",
             "http://LOCALHOST", "http://127.1.2.3"]
)
def test_plain_http_is_allowed_for_loopback(root: str) -> None:
    server = custom_server(root)
    assert server.is_loopback
    assert server.api_base == f"{root}/api/v1"
    assert server.reports_base == f"{root}/report/v1"


@pytest.mark.parametrize(
    "root",
    ["http://example.com", "http://localhost.example.com", "http://127.0.0.1.nip.io",
     "http://0.0.0.0:8080", "http://192.168.1.10"],
)
def test_plain_http_elsewhere_is_refused(root: str) -> None:
    with pytest.raises(ServerConfigError) as info:
        custom_server(root)
    err = info.value
    assert "HTTP" in err.message and "unencrypted" in err.message
    assert "https://" in err.hint


@pytest.mark.parametrize(
    "root", ["example.com", "ftp://example.com", "https://", "file:///etc/passwd", "   "]
)
def test_custom_root_must_be_an_address(root: str) -> None:
    with pytest.raises(ServerConfigError, match="not a server address"):
        custom_server(root)


def test_custom_root_with_query_is_refused() -> None:
    with pytest.raises(ServerConfigError, match="query or fragment"):
        custom_server("https://example.com/?x=1")


@pytest.mark.parametrize(
    "server",
    [
        global_server(),
        region_server("eu"),
        region_server("au"),
        subdomain_server("acme"),
        custom_server("https://clockify.example.com/base"),
        custom_server("http://127.0.0.1:9"),
        custom_server("http://[::1]:8000"),
    ],
)
def test_server_from_key_round_trips(server: Server) -> None:
    assert server_from_key(server.key) == server


@pytest.mark.parametrize("key", ["", "nowhere", "region:mars", "custom:http://example.com"])
def test_server_from_bad_key(key: str) -> None:
    with pytest.raises(ServerConfigError):
        server_from_key(key)


# ---- URL tricks are refused when the server is made ---------------------------------------


@pytest.mark.parametrize(
    "root",
    [
        "http://192.0.2.2:8080\\@localhost",  # urlsplit: localhost; urllib3: 192.0.2.2
        "http://192.0.2.2:8080\\@127.0.0.1",
        "https://example.com\\@api.clockify.me",
        "http://user@127.0.0.1",
        "http://user:pw@localhost:8080",
        "https://evil.example@api.clockify.me",
        "http://127.0.0.1 @evil.example",
        "https://clock ify.example.com",
        "https://clockify.example.com\n/x",
        "https://clockify.example.com/\r\nX-Injected: 1",
        "https://clockify.example.com/\x00",
        "https://clockify.example.com/\tx",
        "https://clöckify.example.com",
    ],
)
def test_url_tricks_are_refused(root: str) -> None:
    with pytest.raises(ServerConfigError) as info:
        custom_server(root)
    assert "\n" not in info.value.message and "\r" not in info.value.message


@pytest.mark.parametrize("root", ["http://127.0.0.1:99999", "http://127.0.0.1:65536",
                                  "http://127.0.0.1:0", "https://example.com:-1",
                                  "https://example.com:80a", "https://example.com:+443"])
def test_bad_ports_are_refused(root: str) -> None:
    with pytest.raises(ServerConfigError, match="port"):
        custom_server(root)


def test_highest_port_is_fine() -> None:
    assert custom_server("http://127.0.0.1:65535").api_base == "http://127.0.0.1:65535/api/v1"


@pytest.mark.parametrize("root", ["https://exa_mple.com", "https://example.com%2f@x",
                                  "https://[fe80::1%25eth0]"])
def test_odd_hosts_are_refused(root: str) -> None:
    with pytest.raises(ServerConfigError):
        custom_server(root)


def test_server_made_directly_is_checked_too() -> None:
    with pytest.raises(ServerConfigError, match="unencrypted"):
        Server("custom:x", "x", "http://192.0.2.2/api/v1", "http://192.0.2.2/report/v1")
    with pytest.raises(ServerConfigError):
        Server("custom:x", "x", "http://192.0.2.2:8080\\@localhost/api/v1",
               "http://127.0.0.1/report/v1")


# ---- origins: where the key may go --------------------------------------------------------


def test_global_origins_are_its_two_hosts() -> None:
    assert global_server().origins == {("https", "api.clockify.me", 443),
                                       ("https", "reports.api.clockify.me", 443)}


def test_origins_fill_in_default_ports_and_lower_case() -> None:
    server = custom_server("HTTPS://Clockify.Example.COM")
    assert server.origins == {("https", "clockify.example.com", 443)}
    server.check_url("https://clockify.example.com:443/api/v1/user")


@pytest.mark.parametrize(
    "url",
    [
        "http://clockify.example.com/api/v1/user",  # other scheme
        "https://clockify.example.com:8443/api/v1/user",  # other port
        "https://other.example.com/api/v1/user",  # other host
        "https://clockify.example.com.evil.example/api/v1/user",
        "https://evil.example\\@clockify.example.com/api/v1/user",
        "https://x@clockify.example.com/api/v1/user",
        "//clockify.example.com/api/v1/user",
        "clockify.example.com/api/v1/user",
        "",
    ],
)
def test_check_url_refuses_every_other_origin(url: str) -> None:
    server = custom_server("https://clockify.example.com")
    with pytest.raises(ServerConfigError, match="Refusing to send the API key"):
        server.check_url(url)


def test_check_url_accepts_both_bases() -> None:
    server = global_server()
    server.check_url("https://api.clockify.me/api/v1/user")
    server.check_url("https://reports.api.clockify.me/v1/workspaces/w/reports/detailed")
    with pytest.raises(ServerConfigError):
        server.check_url("https://euc1.clockify.me/api/v1/user")


@pytest.mark.parametrize(
    "url",
    [
        "https://api.clockify.me/api/v1",
        "https://reports.api.clockify.me/v1",
        "https://euc1.clockify.me/report/v1",
        "https://acme.clockify.me/api/v1/user",
        "https://localhost",
        "https://a-b.example/x/../y.z/",
        "https://xn--clckify-b1a.example/api",
    ],
)
def test_plain_addresses_are_read_as_the_parser_reads_them(url: str) -> None:
    # The start-up shortcut (no urllib3) must give exactly what the full check gives.
    assert servers._PLAIN_HTTPS_RE.fullmatch(url)
    assert url_origin(url) == servers._parsed_origin(url, url) == ("https", url.split("/")[2],
                                                                   443)


@pytest.mark.parametrize(
    "url",
    [
        "https://API.clockify.me/api/v1",
        "https://api.clockify.me:443/v1",
        "https://api.clockify.me/v1?page=2",
        "https://api.clockify.me/v1#top",
        "https://api.clockify.me./v1",
        "https://-api.clockify.me/v1",
        "https://x@api.clockify.me/v1",
        "https://api.clockify.me\\@evil.example/v1",
        "http://api.clockify.me/v1",
        "https://[::1]/v1",
    ],
)
def test_other_addresses_go_through_the_parser(url: str) -> None:
    assert not servers._PLAIN_HTTPS_RE.fullmatch(url)


# ---- what the window reads instead of parsing `key` ---------------------------------------


@pytest.mark.parametrize(
    ("server", "kind", "region", "subdomain", "root"),
    [
        (global_server(), "global", None, None, "https://api.clockify.me"),
        (region_server("eu"), "region", "eu", None, "https://euc1.clockify.me"),
        (subdomain_server("acme"), "subdomain", None, "acme", "https://acme.clockify.me"),
        (custom_server("https://tools.example.com:8443/clockify/api/v1"), "custom", None,
         None, "https://tools.example.com:8443/clockify"),
        (custom_server("http://127.0.0.1:9"), "custom", None, None, "http://127.0.0.1:9"),
    ],
)
def test_server_fields(server: Server, kind: str, region: str | None, subdomain: str | None,
                       root: str) -> None:
    assert (server.kind, server.region, server.subdomain, server.root_url) == (
        kind, region, subdomain, root)


def test_loopback() -> None:
    assert custom_server("http://127.0.0.1:9").is_loopback
    assert custom_server("http://[::1]:9").is_loopback
    assert custom_server("http://localhost:9").is_loopback
    assert not global_server().is_loopback
    assert not custom_server("https://clockify.example.com").is_loopback


@pytest.mark.parametrize(
    "server",
    [global_server(), region_server("uk"), subdomain_server("acme"),
     custom_server("https://tools.example.com:8443/clockify"), custom_server("http://[::1]:9")],
)
def test_make_server_round_trips_the_fields(server: Server) -> None:
    value = {"region": server.region, "subdomain": server.subdomain,
             "custom": server.root_url}.get(server.kind) or ""
    assert make_server(server.kind, value) == server


def test_make_server_refuses_an_unknown_kind() -> None:
    with pytest.raises(ServerConfigError, match="global, region, subdomain, custom"):
        make_server("moon", "x")
