"""Server bases exactly as API.md §1, and the HTTPS-only rule."""

from __future__ import annotations

import pytest

from core.errors import ServerConfigError
from core.servers import (
    Server,
    check_url_allowed,
    custom_server,
    global_server,
    is_loopback_url,
    region_server,
    server_from_key,
    subdomain_server,
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


@pytest.mark.parametrize(
    "url",
    [
        "https://reports.api.clockify.me/v1/workspaces/w/reports/detailed",
        "http://127.0.0.1:9/report/v1/x",
        "http://localhost/api/v1/user",
        "http://[::1]:1/api/v1/user",
    ],
)
def test_check_url_allowed_accepts_https_and_loopback(url: str) -> None:
    check_url_allowed(url)


@pytest.mark.parametrize(
    "url", ["http://api.clockify.me/api/v1/user", "ftp://127.0.0.1/x", "ws://localhost/x",
            "//api.clockify.me/api/v1/user", "api.clockify.me/api/v1/user"]
)
def test_check_url_allowed_refuses_the_rest(url: str) -> None:
    with pytest.raises(ServerConfigError, match="unencrypted"):
        check_url_allowed(url)


def test_is_loopback_url() -> None:
    assert is_loopback_url("http://127.0.0.1:9/x")
    assert is_loopback_url("http://[::1]/x")
    assert not is_loopback_url("https://api.clockify.me")
    assert not is_loopback_url("not a url")
