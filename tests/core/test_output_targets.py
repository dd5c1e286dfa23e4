"""What may be at the output path, temp-file names, stale temp files and the preflight."""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from core import atomic
from core.atomic import (
    STALE_AFTER_SECONDS,
    AtomicFile,
    AtomicGroup,
    preflight_output,
    remove_stale_parts,
)
from core.errors import OutputError

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file types and modes")
# Windows limits the whole path (MAX_PATH), not the name, unless long paths are enabled.
long_names = pytest.mark.skipif(os.name == "nt", reason="MAX_PATH limits the whole path")


def save(target: Path, data: bytes = b"{}") -> None:
    out = AtomicFile(target)
    out.write(data)
    out.commit()


# ---- long names --------------------------------------------------------------------------


@long_names
@pytest.mark.parametrize("length", [241, 250, 255])
def test_names_up_to_255_bytes_can_be_saved(tmp_path: Path, length: int) -> None:
    name = "r" * (length - len(".json")) + ".json"
    save(tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == [name]


@long_names
def test_multibyte_name_of_255_bytes(tmp_path: Path) -> None:
    name = "ä" * 125 + ".json"  # 2 bytes each in UTF-8: 255 bytes
    assert len(name.encode()) == 255
    save(tmp_path / name)
    assert (tmp_path / name).read_bytes() == b"{}"


@long_names
def test_temp_name_is_short_and_the_apps_own(tmp_path: Path) -> None:
    out = AtomicFile(tmp_path / ("x" * 250 + ".json"))
    assert out.temp_path.name.startswith(".clockify-export-")
    assert out.temp_path.name.endswith(".part")
    assert len(out.temp_path.name) < 40
    out.abort()


def test_preflight_refuses_a_name_longer_than_the_folder_allows(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="too long"):
        preflight_output(tmp_path / ("r" * 251 + ".json"))
    assert list(tmp_path.iterdir()) == []


# ---- what is at the target ---------------------------------------------------------------


@posix_only
def test_symlink_is_refused_and_both_ends_are_untouched(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"precious")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(OutputError, match="symbolic link") as info:
        AtomicFile(link)
    assert str(real) in info.value.message
    assert link.is_symlink() and real.read_bytes() == b"precious"
    with pytest.raises(OutputError, match="symbolic link"):
        preflight_output(link)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


@posix_only
def test_dangling_symlink_is_refused_too(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    with pytest.raises(OutputError, match="symbolic link"):
        save(link)
    assert link.is_symlink() and not (tmp_path / "elsewhere.json").exists()


@posix_only
def test_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="named pipe"):
        save(fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe.json"]


@posix_only
def test_device_is_refused(tmp_path: Path) -> None:
    device = tmp_path / "null.json"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null
    except (PermissionError, OSError):
        pytest.skip("cannot create a device node here")
    with pytest.raises(OutputError, match="device"):
        save(device)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


@posix_only
def test_dev_null_is_refused_before_anything_is_created() -> None:
    # Checked through preflight only: were the check missing, AtomicFile would replace it.
    with pytest.raises(OutputError, match="device"):
        preflight_output(Path(os.devnull))
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)


@posix_only
def test_symlink_appearing_during_the_export_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    out = AtomicFile(target)
    out.write(b"new")
    (tmp_path / "other.json").write_bytes(b"other")
    target.symlink_to(tmp_path / "other.json")
    with pytest.raises(OutputError, match="symbolic link"):
        out.commit()
    assert target.is_symlink() and (tmp_path / "other.json").read_bytes() == b"other"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.json", "r.json"]


def test_folder_at_the_target_is_refused_at_once(tmp_path: Path) -> None:
    (tmp_path / "r.json").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        AtomicGroup().open(tmp_path / "r.json")
    with pytest.raises(OutputError, match="is a folder"):
        preflight_output(tmp_path / "r.json")


# ---- permission bits ---------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444])
def test_existing_file_keeps_its_permission_bits(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    target.chmod(mode)
    save(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


@posix_only
def test_group_keeps_each_files_bits(tmp_path: Path) -> None:
    private, shared = tmp_path / "a.pdf", tmp_path / "b.pdf"
    private.write_bytes(b"a")
    private.chmod(0o600)
    group = AtomicGroup()
    group.open(private).write(b"new a")
    group.open(shared).write(b"new b")
    group.commit()
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(shared.stat().st_mode) == 0o666 & ~atomic._UMASK


@posix_only
def test_partial_data_is_private_while_written(tmp_path: Path) -> None:
    out = AtomicFile(tmp_path / "r.json")
    out.write(b"half")
    assert stat.S_IMODE(out.temp_path.stat().st_mode) == 0o600
    out.abort()


# ---- stale temp files --------------------------------------------------------------------


def make_part(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_bytes(b"partial data")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_a_later_export_removes_stale_temp_files(tmp_path: Path) -> None:
    old = make_part(tmp_path, ".clockify-export-k3j_x9ab.part", STALE_AFTER_SECONDS + 60)
    legacy = make_part(tmp_path, ".r.json.ab12cd34.part", STALE_AFTER_SECONDS + 60)
    save(tmp_path / "r.json")
    assert not old.exists() and not legacy.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_recent_temp_files_and_other_names_are_kept(tmp_path: Path) -> None:
    old = STALE_AFTER_SECONDS + 60
    keep = [
        make_part(tmp_path, ".clockify-export-fresh123.part", 60),  # maybe still running
        make_part(tmp_path, ".notes.txt.ab12cd34.part", old),  # older naming, other target
        make_part(tmp_path, "download.part", old),  # someone else's
        make_part(tmp_path, ".clockify-export-old.part.bak", old),
    ]
    save(tmp_path / "r.json")
    assert all(p.exists() for p in keep)


@pytest.mark.skipif(os.name != "posix", reason="open files cannot be deleted on Windows anyway")
def test_temp_file_of_a_running_export_is_kept_however_old(tmp_path: Path) -> None:
    # An export waiting out the Free plan's hourly quota does not touch its file for an hour.
    running = AtomicFile(tmp_path / "slow.json")
    running.write(b"first page")
    then = time.time() - 10 * STALE_AFTER_SECONDS
    os.utime(running.temp_path, (then, then))
    assert remove_stale_parts(tmp_path) == []
    save(tmp_path / "other.json")
    assert running.temp_path.exists()
    running.commit()
    assert (tmp_path / "slow.json").read_bytes() == b"first page"


@posix_only
def test_symlink_with_the_apps_temp_name_is_not_followed(tmp_path: Path) -> None:
    victim = make_part(tmp_path, "victim.txt", STALE_AFTER_SECONDS + 60)
    link = tmp_path / ".clockify-export-evil1234.part"
    link.symlink_to(victim)
    remove_stale_parts(tmp_path)
    assert victim.exists()


# ---- preflight ---------------------------------------------------------------------------


def test_preflight_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        preflight_output(tmp_path / "nope" / "r.json")


def test_preflight_folder_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(OutputError, match="not a folder"):
        preflight_output(tmp_path / "file" / "r.json")


def test_preflight_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root may write anywhere, so the refusal of the file system is simulated here.
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="No permission"):
        preflight_output(tmp_path / "r.json")


def test_preflight_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_bytes(b"old")
    preflight_output(tmp_path / "r.json")
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    assert (tmp_path / "r.json").read_bytes() == b"old"


# ---- a signal while several files are replaced ---------------------------------------------


@pytest.mark.parametrize("when", [1, 2, 3])
def test_group_puts_every_old_file_back_when_interrupted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: int) -> None:
    # SIGTERM/SIGHUP unwind as KeyboardInterrupt; at any os.replace of the commit, the old
    # files must all be back (the first replaces move old files aside).
    old = {"a.pdf": b"old a", "b.pdf": b"old b"}
    for name, data in old.items():
        (tmp_path / name).write_bytes(data)
    group = AtomicGroup()
    for name in (*old, "c.pdf"):
        group.open(tmp_path / name).write(b"new")
    real_replace = os.replace
    calls = []

    def interrupted(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(src)
        if len(calls) == when:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        group.commit()
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old
