"""The verification record of an export, and the sidecar manifest an accountant can archive.

`verification_summary` words the record for the CLI, in one sentence; the window words the
same structured `Verification` through its own (translated) texts.

`<name>.manifest.json` beside the export states what was asked (workspace, report, range,
time zone, filters, options), what was verified (entries written against Clockify's count,
totals, requests) and the SHA-256 of every file written. It is written into the same
`AtomicGroup` as the export, so it appears together with the files it describes or not at
all. The digests are read back from the finished temporary files, i.e. from what is on disk.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import APP_ID, APP_NAME, __version__
from core.errors import UsageError
from core.planning import SavedFile, Verification
from core.render.values import hms, money_text
from core.writers import CHUNK, AtomicFile, JsonDocumentWriter, output_error

if TYPE_CHECKING:
    from core.planning import ExportPlan, ExportRequest

MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_FORMAT = 1


def manifest_path(output: Path) -> Path:
    path = output.with_name(output.stem + MANIFEST_SUFFIX)
    if path == output:
        raise UsageError(f"The export cannot be called '{output.name}': that is the name of "
                         "its manifest.", "Choose another file name.")
    return path


def saved_file(atomic: AtomicFile) -> SavedFile:
    """Size and SHA-256 of a finished temporary file, under the name it is saved as."""
    digest = hashlib.sha256()
    size = 0
    try:
        atomic.file.flush()
        with open(atomic.temp_path, "rb") as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise output_error(exc, atomic.target) from None
    return SavedFile(atomic.target, size, digest.hexdigest())


def write_manifest(out: AtomicFile, req: ExportRequest, plan: ExportPlan,
                   verification: Verification, workspace: dict[str, Any] | None,
                   notes: tuple[str, ...]) -> None:
    JsonDocumentWriter(out).write(manifest(req, plan, verification, workspace, notes))


def manifest(req: ExportRequest, plan: ExportPlan, verification: Verification,
             workspace: dict[str, Any] | None, notes: tuple[str, ...]) -> dict[str, Any]:
    expected = verification.entries_expected
    written = verification.entries_written
    return {
        "manifestFormat": MANIFEST_FORMAT,
        "app": {"name": APP_NAME, "id": APP_ID, "version": __version__},
        "createdAt": datetime.now(UTC).isoformat(timespec="seconds"),
        "export": {
            "workspaceId": req.workspace_id,
            "workspaceName": (workspace or {}).get("name"),
            "report": req.kind.value,
            "format": req.fmt.value,
            "start": req.start.isoformat(),
            "end": req.end.isoformat(),
            "timeZone": plan.time_zone,
            "windows": [{"start": w.start.isoformat(), "end": w.end.isoformat()}
                        for w in plan.windows],
            "filters": dataclasses.asdict(req.filters),
            "options": dataclasses.asdict(req.options),
        },
        "verification": {
            "entriesWritten": written,
            "entriesCountedByClockify": expected,
            "entriesInTwoWindowsWrittenOnce": verification.repeats,
            "totals": verification.totals,
            "requests": verification.requests,
        },
        "notes": list(notes),
        "files": [{"name": f.path.name, "bytes": f.size, "sha256": f.sha256}
                  for f in verification.files],
    }


def verification_summary(verification: Verification, noun: str, file_kind: str) -> str:
    """What the export checked, as one line: `noun` is what the report holds ("entries",
    "rows"), `file_kind` the format's label (for Clockify's own files, which are not read)."""
    v = verification
    requests = f"{v.requests:,} request{'s' if v.requests != 1 else ''}"
    if v.entries_written is None:
        return (f"Not verified: Clockify's own {file_kind} "
                f"file{'s were' if len(v.files) != 1 else ' was'} saved as sent; it was "
                f"checked to have arrived whole, but its {noun} and totals were not counted; "
                f"{requests}.")
    if v.entries_expected is None:
        text = (f"Written: {v.entries_written:,} {noun} (Clockify states no count to check "
                "them against)")
    elif v.repeats:
        text = (f"Verified: {v.entries_written:,} {noun}; all {v.entries_expected:,} Clockify "
                f"counted per date range arrived, {v.repeats:,} of them in two ranges "
                "(written once)")
    else:
        text = (f"Verified: {v.entries_written:,} of {v.entries_expected:,} {noun} "
                "Clockify counted")
    figures = [f"{label} {hms(v.totals[key])}"
               for key, label in (("totalTime", "total"), ("totalBillableTime", "billable"))
               if isinstance(v.totals.get(key), int | float)]
    if "amountByCurrency" in v.totals:
        amounts = v.totals["amountByCurrency"]
        if amounts is None:
            figures.append("amounts hidden")
        elif shown := [f"{money_text(cents, grouped=True)} {code}".rstrip()
                       for code, cents in sorted(amounts.items()) if cents is not None]:
            figures.append("amounts " + ", ".join(shown))
    if figures:
        text += "; " + ", ".join(figures)
    return f"{text}; {requests}."
