"""Self-test that runs INSIDE the frozen bundle (``build.py --self-test``); never shipped.

It is frozen with exactly the same Analysis settings as the two real executables and collected
into the same ``_internal/`` folder, so what it finds (keyring backends and their entry points,
certifi's CA bundle, Qt plugins, ``resources/`` with the PDF fonts, and one CSV, XLSX and PDF
built by ``core.render``) is what the app finds. ``build.py`` deletes the
probe executable again before it archives the bundle.

Prints one JSON object and exits 0 when every required check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import json
import os
import ssl
import sys
from pathlib import Path
from typing import Any

BACKENDS_BY_SYSTEM = {
    "linux": ["keyring.backends.SecretService", "keyring.backends.libsecret",
              "keyring.backends.kwallet"],
    "darwin": ["keyring.backends.macOS"],
    "win32": ["keyring.backends.Windows"],
}


def _system_key() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def check_keyring(roundtrip: bool) -> tuple[dict[str, Any], list[str]]:
    import keyring
    import keyring.backend

    failures: list[str] = []
    entry_points = sorted(
        ep.name for ep in importlib.metadata.entry_points(group="keyring.backends")
    )
    if not entry_points:
        failures.append("keyring: no 'keyring.backends' entry points (metadata not bundled)")
    modules: dict[str, str] = {}
    for name in BACKENDS_BY_SYSTEM[_system_key()] + ["keyring.backends.chainer",
                                                    "keyring.backends.fail"]:
        try:
            importlib.import_module(name)
            modules[name] = "ok"
        except Exception as exc:  # report every failure, don't stop at the first
            modules[name] = f"{type(exc).__name__}: {exc}"
            failures.append(f"keyring: cannot import {name}: {exc}")
    backends = [
        {"backend": f"{type(b).__module__}.{type(b).__name__}", "priority": float(b.priority)}
        for b in keyring.backend.get_all_keyring()
    ]
    active = keyring.get_keyring()
    result: dict[str, Any] = {
        "entry_points": entry_points,
        "modules": modules,
        "viable_backends": backends,
        "active": f"{type(active).__module__}.{type(active).__name__}",
    }
    if roundtrip:
        service, user = "clockify-exporter-bundle-probe", "probe"
        keyring.set_password(service, user, "s3cret-ä")
        got = keyring.get_password(service, user)
        keyring.delete_password(service, user)
        result["roundtrip"] = got == "s3cret-ä"
        if got != "s3cret-ä":
            failures.append(f"keyring: round-trip returned {got!r}")
    return result, failures


def check_tls(https_url: str | None) -> tuple[dict[str, Any], list[str]]:
    import certifi
    import requests
    import requests.utils

    failures: list[str] = []
    where = Path(certifi.where())
    meipass = Path(getattr(sys, "_MEIPASS", "."))
    session_verify = requests.Session().merge_environment_settings(
        "https://api.clockify.me", {}, None, None, None
    )["verify"]
    result: dict[str, Any] = {
        "certifi_where": str(where),
        "exists": where.is_file(),
        "inside_bundle": meipass in where.parents,
        "requests_default_ca_bundle": requests.utils.DEFAULT_CA_BUNDLE_PATH,
        "requests_session_verify": session_verify,
    }
    if not where.is_file():
        failures.append(f"tls: certifi bundle missing at {where}")
    elif getattr(sys, "frozen", False) and meipass not in where.parents:
        failures.append(f"tls: certifi bundle {where} is outside the bundle {meipass}")
    if where.is_file():
        context = ssl.create_default_context(cafile=str(where))
        result["ca_certificates_loaded"] = context.cert_store_stats()["x509_ca"]
        if result["ca_certificates_loaded"] < 50:
            failures.append("tls: certifi bundle holds fewer than 50 CA certificates")
    # requests uses certifi unless the user points REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE elsewhere
    # (a legitimate override, e.g. a corporate proxy's CA); only the default must be certifi.
    overrides = {
        k: os.environ[k] for k in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE") if k in os.environ
    }
    result["env_overrides"] = overrides
    if Path(requests.utils.DEFAULT_CA_BUNDLE_PATH) != where:
        failures.append(f"tls: requests defaults to {requests.utils.DEFAULT_CA_BUNDLE_PATH!r}, "
                        "not certifi's bundle")
    if not overrides and Path(str(session_verify)) != where:
        failures.append(f"tls: requests verifies against {session_verify!r}, not certifi")
    if https_url:
        response = requests.get(https_url, timeout=20)
        result["https_status"] = response.status_code
    return result, failures


def check_qt() -> tuple[dict[str, Any], list[str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication, QStyleFactory

    failures: list[str] = []
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    platforms = sorted(p.name for p in (plugins / "platforms").glob("*"))
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    result: dict[str, Any] = {
        "platform": app.platformName(),
        "platform_plugins": platforms,
        "image_formats": formats,
        "styles": QStyleFactory.keys(),
    }
    for required in ("svg", "png", "ico"):
        if required not in formats:
            failures.append(f"qt: image format {required} missing")
    return result, failures


def check_resources() -> tuple[dict[str, Any], list[str]]:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent)) / "resources"
    icon = base / "icon-256.png"
    failures = [] if icon.is_file() else [f"resources: {icon} missing"]
    fonts = sorted(p.name for p in (base / "fonts").glob("*.ttf"))
    if len(fonts) < 2:
        failures.append(f"resources: the PDF fonts are missing from {base / 'fonts'}")
    return {"dir": str(base), "icon_256": icon.is_file(), "fonts": fonts}, failures


def check_render() -> tuple[dict[str, Any], list[str]]:
    """Build one CSV, XLSX and PDF with the app's own renderers, as an export would."""
    import tempfile
    from datetime import date

    from core.render.context import ReportContext
    from core.render.sinks import RenderItemSink
    from core.reports import ExportFormat, ReportKind
    from core.writers import looks_complete

    item = {"_id": "1", "description": "Grüße Ελληνικά Кириллица", "userName": "Zoë",
            "timeInterval": {"start": "2026-03-02T09:00:00+01:00",
                             "end": "2026-03-02T10:30:00+01:00", "duration": 5400},
            "billable": True, "amount": 12345.0, "rate": 8230.0}
    totals = {"totals": [{"entriesCount": 1, "totalTime": 5400, "totalBillableTime": 5400,
                          "totalAmount": 12345.0}]}
    ctx = ReportContext(ReportKind.DETAILED, "Probe", date(2026, 3, 1), date(2026, 3, 31), "UTC")
    result: dict[str, Any] = {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for fmt in (ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.PDF):
            path = Path(folder) / f"probe{fmt.extension}"
            with path.open("w+b") as out:
                sink = RenderItemSink(fmt, out, ctx)
                sink.add(item)
                sink.close(totals)
                complete = looks_complete(fmt.value, out)
            result[fmt.value] = path.stat().st_size
            if not complete or path.stat().st_size < 100:
                failures.append(f"render: the {fmt.value} file is not complete")
    return result, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keyring-roundtrip", action="store_true",
                        help="also store, read and delete a secret with the active backend")
    parser.add_argument("--https-url", help="also GET this HTTPS URL with requests")
    parser.add_argument("--no-qt", action="store_true", help="skip the Qt checks")
    args = parser.parse_args()

    report: dict[str, Any] = {"frozen": bool(getattr(sys, "frozen", False)),
                              "meipass": getattr(sys, "_MEIPASS", None)}
    failures: list[str] = []
    checks = [("keyring", lambda: check_keyring(args.keyring_roundtrip)),
              ("tls", lambda: check_tls(args.https_url)),
              ("resources", check_resources), ("render", check_render)]
    if not args.no_qt:
        checks.append(("qt", check_qt))
    for name, check in checks:
        try:
            report[name], problems = check()
        except Exception as exc:
            report[name], problems = {"error": repr(exc)}, [f"{name}: {exc!r}"]
        failures += problems
    report["failures"] = failures
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
