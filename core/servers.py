"""Clockify deployments: global, data regions, subdomains and custom server roots.

Every deployment has two bases: the main API (`.../api/v1`) and the Reports API. Global
Clockify keeps reports on their own host; regional and subdomain servers (and the demo
server) serve them under `<root>/report/v1`.

The API key may only ever travel to a server's own origins (scheme, host, port of its two
bases), over HTTPS unless the host is this computer. Addresses are read with urllib3's
parser — the one that decides where a request really connects — unless they are plain https
addresses that every parser reads alike, and anything that parsers disagree on (backslashes,
user-info, spaces, control characters) is refused outright.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from core.errors import ServerConfigError, ServerProblem

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

SERVER_KINDS = ("global", "region", "subdomain", "custom")  # what `Server.kind` can be

_SUBDOMAIN_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
# A host name as DNS spells it, or a bracketed IPv6 address; nothing a parser could misread.
_HOST_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
                      r"|\[[0-9a-f:.]+\])$")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# A plain HTTPS address: lower-case DNS labels, no user-info, port, query or fragment, and a
# path of lower-case letters, digits, '.', '-' and '/' only. Every parser reads the same
# origin from it, so `url_origin` knows it without loading urllib3 (and with it the whole
# HTTP stack, ~70 ms of the frozen window's start-up); the built-in deployments are all of
# this form. Anything else is read by urllib3's parser.
_PLAIN_HTTPS_RE = re.compile(r"https://(?P<host>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
                             r"(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?:/[a-z0-9./-]*)?")

Origin = tuple[str, str, int]  # (scheme, host, port), lower case, default port filled in


@dataclass(frozen=True)
class Server:
    """Where one Clockify deployment answers.

    `key` identifies the deployment for the keyring and for settings ("global", "region:eu",
    "subdomain:acme", "custom:https://host"); `label` is what a person reads. Front ends
    read `kind`, `region`, `subdomain` and `root_url` instead of taking `key` apart.
    Both bases are checked when a Server is made, however it is made.
    """

    key: str
    label: str
    api_base: str
    reports_base: str
    # The window shows and restores a choice with `kind` and `region` / `subdomain` /
    # `root_url`, and makes a Server from one with `make_server(kind, value)`.

    def __post_init__(self) -> None:
        self.origins  # noqa: B018 — validates both bases now, not at the first request

    @property
    def kind(self) -> str:
        """`global`, `region`, `subdomain` or `custom`."""
        return self.key.partition(":")[0]

    @property
    def region(self) -> str | None:
        """The region name (`eu`, `us`, `uk`, `au`) of a regional server, else None."""
        kind, _, value = self.key.partition(":")
        return value if kind == "region" else None

    @property
    def subdomain(self) -> str | None:
        """The subdomain (`acme` for acme.clockify.me) of a subdomain server, else None."""
        kind, _, value = self.key.partition(":")
        return value if kind == "subdomain" else None

    @property
    def root_url(self) -> str:
        """The server root: the main API's base without `/api/v1` (what a custom server
        was given as)."""
        return self.api_base.removesuffix("/api/v1")

    @cached_property
    def origins(self) -> frozenset[Origin]:
        """The origins the API key may be sent to: those of the two bases."""
        return frozenset({url_origin(self.api_base), url_origin(self.reports_base)})

    @property
    def is_loopback(self) -> bool:
        return all(_is_loopback_host(host) for _scheme, host, _port in self.origins)

    def check_url(self, url: str) -> None:
        """Refuse any request URL outside this server's origins (checked on every request
        actually sent, so a bug elsewhere cannot send the key to another host)."""
        try:
            origin = url_origin(url)
        except ServerConfigError:
            origin = None
        if origin not in self.origins:
            host = origin[1] if origin else "an address that is not this server"
            raise ServerConfigError(
                f"Refusing to send the API key to {host}: it is not {self.label}.",
                "This is a bug or a server that redirects elsewhere; check the server "
                "address.",
                reason=ServerProblem.OTHER_HOST, host=origin[1] if origin else "",
                server=self,
            )


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
            reason=ServerProblem.SUBDOMAIN, address=printable(subdomain),
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
    url_origin(root, given=root_url)
    if urlsplit(root).query or urlsplit(root).fragment or "?" in root or "#" in root:
        raise ServerConfigError(
            f"'{root_url}' has a query or fragment.", "Enter only the server's root address.",
            reason=ServerProblem.QUERY_OR_FRAGMENT, address=printable(root_url),
        )
    for suffix in ("/api/v1", "/api"):
        if root.endswith(suffix):
            root = root[: -len(suffix)]
            break
    return Server(f"custom:{root}", root, f"{root}/api/v1", f"{root}/report/v1")


def server_from_key(key: str) -> Server:
    """Rebuild a Server from its `key` (as stored in settings)."""
    kind, _, value = key.partition(":")
    try:
        return make_server(kind, value)
    except ServerConfigError as exc:
        if kind in SERVER_KINDS:
            raise
        raise ServerConfigError(f"Unknown server setting '{key}'.",
                                "Choose the server again.") from exc


def make_server(kind: str, value: str = "") -> Server:
    """The Server a front end's choice names: `kind` (one of SERVER_KINDS, as `Server.kind`)
    and the region, subdomain or root URL that goes with it (nothing for `global`)."""
    if kind == "global":
        return global_server()
    if kind == "region":
        return region_server(value)
    if kind == "subdomain":
        return subdomain_server(value)
    if kind == "custom":
        return custom_server(value)
    raise ServerConfigError(f"Unknown kind of server '{kind}'.",
                            f"Choose one of: {', '.join(SERVER_KINDS)}.")


def url_origin(url: str, *, given: str | None = None) -> Origin:
    """The (scheme, host, port) a request to `url` connects to, if the app may use it.

    Refuses what is not a clean http(s) address, and plain HTTP to anything but this
    computer. `given` is the address as the person typed it, for the message.
    """
    plain = _PLAIN_HTTPS_RE.fullmatch(url)
    if plain:
        return "https", plain["host"], _DEFAULT_PORTS["https"]
    return _parsed_origin(url, url if given is None else given)


def _parsed_origin(url: str, shown: str) -> Origin:
    """`url_origin` for any address, read with urllib3's parser and checked against the
    standard library's."""
    # Imported here: the window starts without the HTTP stack (plain addresses don't need it).
    from urllib3.exceptions import LocationParseError
    from urllib3.util import parse_url

    address = printable(shown)  # for the window's sentences
    not_an_address = ServerConfigError(
        f"'{shown}' is not a server address.",
        "Enter a full address such as https://clockify.example.com.",
        reason=ServerProblem.NOT_AN_ADDRESS, address=address,
    )
    if any(c in url for c in "\\@ ") or any(ord(c) < 0x21 or ord(c) > 0x7E for c in url):
        raise ServerConfigError(
            f"'{address}' is not a usable server address: it contains a space, a "
            "backslash, an '@', a control or a non-ASCII character.",
            "Enter a plain address such as https://clockify.example.com (for an "
            "international domain name, its xn-- form).",
            reason=ServerProblem.UNSAFE_CHARACTERS, address=address,
        )
    try:
        parts = parse_url(url)
    except LocationParseError:
        raise ServerConfigError(
            f"'{shown}' is not a server address (the host or port is not valid).",
            "Enter a full address such as https://clockify.example.com:8443; ports go "
            "from 1 to 65535.",
            reason=ServerProblem.BAD_HOST_OR_PORT, address=address,
        ) from None
    scheme = (parts.scheme or "").lower()
    host = (parts.host or "").lower()
    if scheme not in _DEFAULT_PORTS or not host or parts.auth or not _HOST_RE.match(host):
        raise not_an_address
    port = _DEFAULT_PORTS[scheme] if parts.port is None else parts.port
    if not 1 <= port <= 65535:
        raise ServerConfigError(
            f"'{shown}' has port {port}; ports go from 1 to 65535.",
            "Check the port number after the ':'.",
            reason=ServerProblem.PORT_RANGE, address=address, port=port,
        )
    # Defence in depth: the standard library's parser must read the same place. Its
    # ValueErrors (unbalanced or invalid brackets, a bad port) mean it reads none.
    try:
        other = urlsplit(url)
        other_port = other.port
    except ValueError:
        raise not_an_address from None
    if ((other.hostname or "") != host.strip("[]")
            or (other_port if other_port is not None else _DEFAULT_PORTS[scheme]) != port):
        raise not_an_address
    if scheme == "http" and not _is_loopback_host(host):
        raise ServerConfigError(
            f"Refusing plain HTTP to {host}: your API key would be sent unencrypted.",
            "Use an https:// address (plain http is allowed only for this computer, "
            "127.0.0.1 or localhost).",
            reason=ServerProblem.PLAIN_HTTP, host=host,
        )
    return scheme, host, port


def _is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def printable(text: str) -> str:
    """An address as typed or sent, with control characters shown as escapes (one line):
    safe inside a sentence."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
