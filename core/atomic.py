"""Atomic output files: nothing appears where the user asked to save until it is complete.

Data goes to a temporary file beside the target, is flushed and fsynced, then moved over
the target in one `os.replace`. On failure or cancel the temporary file is removed and a
file that was already at the target is untouched. Before that, `preflight_output` finds a
folder that cannot take the file before the first request is sent, and only a regular file
(or nothing) at the target is ever replaced.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import IO

from core.errors import OutputError

log = logging.getLogger(__name__)


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()

# Temporary files are named `.clockify-export-<random>.part`: short, so a target name of up
# to 255 bytes still works, and recognisable, so a later export can remove the ones an
# export killed outright (SIGKILL, power loss) left behind.
TEMP_PREFIX = ".clockify-export-"
TEMP_SUFFIX = ".part"
_TEMP_NAME = re.compile(re.escape(TEMP_PREFIX) + r"[a-z0-9_]+" + re.escape(TEMP_SUFFIX))
# A temp file is stale when no process holds it (an export keeps its temp files open and
# locked) AND it was not touched for this long: the age covers file systems without locks.
STALE_AFTER_SECONDS = 3600.0
_NAME_MAX = 255  # where the file system does not say (Windows, macOS: 255 as well)


def output_error(exc: OSError, target: Path) -> OutputError:
    """An OSError while writing, as a sentence a person can act on."""
    folder = target.parent
    if exc.errno == errno.ENOSPC:
        return OutputError(f"The disk holding {folder} is full.",
                           "Free some space or save to another drive; nothing was saved.",
                           path=target, errno=exc.errno)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"No permission to write in {folder}.",
                           "Choose another folder; nothing was saved.",
                           path=target, errno=exc.errno)
    if exc.errno == errno.ENOENT:
        return OutputError(f"The folder {folder} does not exist.", "Choose another folder.",
                           path=target, errno=exc.errno)
    if exc.errno == errno.ENAMETOOLONG:
        return OutputError(f"The file name {target.name} is too long for {folder}.",
                           "Choose a shorter name; nothing was saved.",
                           path=target, errno=exc.errno)
    return OutputError(f"Could not write {target.name}: {exc.strerror or exc}.",
                       "Choose another location; nothing was saved.",
                       path=target, errno=exc.errno)


def check_target(target: Path) -> os.stat_result | None:
    """What is at `target` now: nothing (None) or a regular file; anything else is refused.

    A symlink is refused rather than followed or replaced: replacing it would silently break
    the user's link, and writing through it lets whoever can place a link in the folder pick
    which file is overwritten. Pipes and devices would be replaced by a plain file.
    """
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise output_error(exc, target) from None
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return info
    if stat.S_ISLNK(mode):
        raise OutputError(f"{target} is a symbolic link to {os.readlink(target)}.",
                          "Save to the file it points to, or choose another name; nothing "
                          "was saved.")
    if stat.S_ISDIR(mode):
        raise OutputError(f"{target} is a folder.", "Choose a file name inside it.")
    kind = "named pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    raise OutputError(f"{target} is a {kind}, not a file, and would be replaced.",
                      "Choose a normal file name; nothing was saved.")


def preflight_output(target: Path) -> None:
    """Check, before the first request, that `target` can be saved: the folder exists and
    takes new files, the name fits, and nothing but a regular file is in the way.

    Also removes this app's stale temporary files in that folder (see `remove_stale_parts`).
    """
    folder = target.parent
    if not folder.is_dir():
        if folder.exists():
            raise OutputError(f"{folder} is not a folder.", "Choose another folder.")
        raise output_error(OSError(errno.ENOENT, "No such folder"), target)
    check_target(target)
    try:
        name_max = os.pathconf(folder, "PC_NAME_MAX")
    except (AttributeError, ValueError, OSError):
        name_max = _NAME_MAX
    if len(os.fsencode(target.name)) > name_max:
        raise output_error(OSError(errno.ENAMETOOLONG, "File name too long"), target)
    AtomicFile(target).abort()  # the one honest test that the folder takes new files


def _lock(fd: int) -> None:
    """Mark a temp file as in use, so another export's clean-up leaves it alone."""
    if os.name == "posix":  # on Windows an open file cannot be deleted anyway
        import fcntl

        with contextlib.suppress(OSError):  # no locks here: the age rule still applies
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _remove_if_unused(path: Path) -> bool:
    if os.name != "posix":
        try:
            path.unlink()  # fails while the export that owns it has it open
        except OSError:
            return False
        return True
    import fcntl

    try:
        fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: a running export owns it
        path.unlink()
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def temp_parts(folder: Path, target_name: str = "") -> dict[Path, os.stat_result]:
    """This app's temporary files in `folder` (regular files only), with their status.

    Only names this app makes count: `.clockify-export-*.part`, and the longer
    `.<target_name>.<random>.part` of older versions.
    """
    legacy = (re.compile(re.escape(f".{target_name}.") + r"[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))
              if target_name else None)
    parts: dict[Path, os.stat_result] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return parts
    for entry in entries:
        if not (_TEMP_NAME.fullmatch(entry.name)
                or (legacy is not None and legacy.fullmatch(entry.name))):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            parts[Path(entry.path)] = info
    return parts


def remove_stale_parts(folder: Path, target_name: str = "", *,
                       now: float | None = None) -> list[Path]:
    """Remove this app's temp files in `folder` that no export owns any more.

    A file counts as stale when no process holds its lock and it was untouched for
    `STALE_AFTER_SECONDS`.
    """
    cutoff = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    old = [path for path, info in temp_parts(folder, target_name).items()
           if info.st_mtime < cutoff]
    return remove_unused_parts(old)


def remove_unused_parts(paths: list[Path]) -> list[Path]:
    """Remove those of `paths` that no process holds (their export is gone); say which."""
    removed = []
    for path in paths:
        if _remove_if_unused(path):
            log.info("removed a stale temporary file %s", path)
            removed.append(path)
    return removed


class AtomicFile:
    """A temporary file beside `target` that becomes `target` only on `commit()`."""

    def __init__(self, target: Path) -> None:
        self.target = target
        check_target(target)
        remove_stale_parts(target.parent, target.name)
        try:
            fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX,
                                       dir=target.parent)
        except OSError as exc:
            raise output_error(exc, target) from None
        self.temp_path = Path(tmp)
        self.file: IO[bytes] = os.fdopen(fd, "w+b")
        _lock(fd)  # mkstemp made it private (0600) until it is complete

    def write(self, data: bytes) -> None:
        try:
            self.file.write(data)
        except OSError as exc:
            self.abort()
            raise output_error(exc, self.target) from None

    def finish(self) -> None:
        """Make the data durable and give it the target's mode; the target is not touched.

        An existing file keeps its permission bits; a new one gets the usual ones (umask).
        """
        try:
            if not self.file.closed:
                self.file.flush()
                os.fsync(self.file.fileno())
                os.utime(self.temp_path)  # fresh, so no clean-up takes it once unlocked
                self.file.close()
            existing = check_target(self.target)
            mode = (stat.S_IMODE(existing.st_mode) & 0o777 if existing is not None
                    else 0o666 & ~_UMASK)
            os.chmod(self.temp_path, mode)
        except OSError as exc:
            self.abort()
            raise output_error(exc, self.target) from None
        except OutputError:
            self.abort()
            raise

    def commit(self) -> None:
        self.finish()
        try:
            os.replace(self.temp_path, self.target)
        except OSError as exc:
            self.abort()
            raise output_error(exc, self.target) from None

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(OSError):
            self.temp_path.unlink()


class AtomicGroup:
    """Several output files that appear together or not at all."""

    def __init__(self) -> None:
        self.files: list[AtomicFile] = []

    def open(self, target: Path) -> AtomicFile:
        atomic = AtomicFile(target)
        self.files.append(atomic)
        return atomic

    def commit(self) -> list[Path]:
        """Replace every target, or — if any replace fails — none of them."""
        current = self.files[0].target if self.files else Path()
        try:
            # fsync and check everything first, so a full disk or a folder in the way fails
            # before any target is replaced.
            for atomic in self.files:
                atomic.finish()
        except OutputError:
            self.abort()
            raise
        if len(self.files) == 1:  # a single os.replace is atomic by itself
            self.files[0].commit()
            return [self.files[0].target]
        # Several files: move each existing target aside first, so a failure half-way (a
        # file held open by a viewer on Windows) can put every old file back.
        moved: list[tuple[AtomicFile, Path | None]] = []
        try:
            for atomic in self.files:
                current = atomic.target
                backup = atomic.temp_path.with_suffix(".old") if atomic.target.exists() else None
                moved.append((atomic, backup))  # before the move, so a signal cannot skip it
                if backup is not None:
                    os.replace(atomic.target, backup)
                os.replace(atomic.temp_path, atomic.target)
        except BaseException as exc:  # a signal (KeyboardInterrupt) too: all or none, even then
            self._put_back(moved)
            self.abort()
            if isinstance(exc, OSError):
                raise output_error(exc, current) from None
            raise
        for _, backup in moved:
            if backup is not None:
                with contextlib.suppress(OSError):
                    backup.unlink()
        return [a.target for a in self.files]

    @staticmethod
    def _put_back(moved: list[tuple[AtomicFile, Path | None]]) -> None:
        for atomic, backup in reversed(moved):
            with contextlib.suppress(OSError):
                if backup is not None and backup.exists():
                    os.replace(backup, atomic.target)
                elif backup is None and not atomic.temp_path.exists():  # it was moved in
                    atomic.target.unlink()

    def abort(self) -> None:
        for atomic in self.files:
            atomic.abort()
