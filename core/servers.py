"""Clockify deployments: global, data regions, subdomains and custom server roots.

Every deployment has two bases: the main API (`.../api/v1`) and the Reports API. Global
Clockify keeps reports on their own host; regional and subdomain servers (and the demo
server) serve them under `<root>/report/v1`.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.errors import ServerConfigError

GLOBAL_API = "https://api.clockify.me/api/v1"
GLOBAL_REPORTS = "https://reports.api.clockify.me/v1"

# Public region names (as the CLI and the window offer them) → Clockify's host prefix.
REGIONS: dict[str, str] = {"eu": "euc1", "us": "use2", "uk": "euw2", "au": "apse2"}
REGION_LABELS: dict[str, str] = {
    "global": "Global",
    "eu": "EU (Germany)",
    "us": "USA",
    "uk": "UK",
    "au": "Australia",
}

_SUBDOMAIN_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


@dataclass(frozen=True)
class Server:
    """Where one Clockify deployment answers.

    `key` identifies the deployment for the keyring and for settings ("global", "region:eu",
    "subdomain:acme", "custom:https://host"); `label` is what a person reads.
    """

    key: str
    label: str
    api_base: str
    reports_base: str

    @property
    def is_loopback(self) -> bool:
        return is_loopback_url(self.api_base)


def global_server() -> Server:
    return Server("global", "Global (api.clockify.me)", GLOBAL_API, GLOBAL_REPORTS)


def region_server(region: str) -> Server:
    """`region` is one of `global`, `eu`, `us`, `uk`, `au`."""
    name = region.strip().lower()
    if name == "global":
        return global_server()
    prefix = REGIONS.get(name)
    if prefix is None:
        choices = ", ".join(["global", *REGIONS])
        raise ServerConfigError(
            f"Unknown region '{region}'.", f"Choose one of: {choices}."
        )
    root = f"https://{prefix}.clockify.me"
    return Server(f"region:{name}", f"{REGION_LABELS[name]} ({prefix}.clockify.me)",
                  f"{root}/api/v1", f"{root}/report/v1")


def subdomain_server(subdomain: str) -> Server:
    """A subdomain (Enterprise) workspace: `acme` or `acme.clockify.me`."""
    name = subdomain.strip().lower().removesuffix(".clockify.me")
    if not _SUBDOMAIN_RE.match(name):
        raise ServerConfigError(
            f"'{subdomain}' is not a valid Clockify subdomain.",
            "Enter only the first part of your workspace address, e.g. 'acme' for "
            "acme.clockify.me.",
        )
    root = f"https://{name}.clockify.me"
    return Server(f"subdomain:{name}", f"{name}.clockify.me", f"{root}/api/v1",
                  f"{root}/report/v1")


def custom_server(root_url: str) -> Server:
    """A server root R: main API at `R/api/v1`, reports at `R/report/v1`.

    Only HTTPS is accepted, except for loopback hosts (the demo server and tests), so that
    the API key never travels in clear text.
    """
    root = root_url.strip().rstrip("/")
    parts = urlsplit(root)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ServerConfigError(
            f"'{root_url}' is not a server address.",
            "Enter a full address such as https://clockify.example.com.",
        )
    if parts.query or parts.fragment:
        raise ServerConfigError(
            f"'{root_url}' has a query or fragment.", "Enter only the server's root address."
        )
    if parts.scheme == "http" and not is_loopback_url(root):
        raise ServerConfigError(
            f"Refusing plain HTTP to {parts.hostname}: your API key would be sent unencrypted.",
            "Use an https:// address (plain http is allowed only for this computer, "
            "127.0.0.1 or localhost).",
        )
    for suffix in ("/api/v1", "/api"):
        if root.endswith(suffix):
            root = root[: -len(suffix)]
            break
    return Server(f"custom:{root}", root, f"{root}/api/v1", f"{root}/report/v1")


def server_from_key(key: str) -> Server:
    """Rebuild a Server from its `key` (as stored in settings)."""
    kind, _, value = key.partition(":")
    if kind == "global":
        return global_server()
    if kind == "region":
        return region_server(value)
    if kind == "subdomain":
        return subdomain_server(value)
    if kind == "custom":
        return custom_server(value)
    raise ServerConfigError(f"Unknown server setting '{key}'.", "Choose the server again.")


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url_allowed(url: str) -> None:
    """Refuse any request URL that is neither HTTPS nor loopback (defence in depth)."""
    scheme = urlsplit(url).scheme
    if scheme == "https" or (scheme == "http" and is_loopback_url(url)):
        return
    raise ServerConfigError(
        "Refusing to send the API key over an unencrypted connection.",
        "Use an https:// server address.",
    )
