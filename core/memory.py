"""Keep an export's memory flat: glibc's allocator, told not to hoard freed page buffers.

Every page of a report is ~0.7 MB of bytes, a string of the same size and then the parsed
entries. By default glibc raises its mmap threshold after the first such buffer is freed,
so later ones come from the heap, which fragments and only grows; and each page thread gets
an arena of its own. Measured on a 100,000-entry export (benchmarks/bench_export.py): peak
RSS 129 MB and climbing with the page count, against 84 MB and flat with these two settings.
Other systems' allocators return such buffers by themselves; there this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

_M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameters
_M_ARENA_MAX = -8
_MMAP_THRESHOLD = 256 * 1024  # buffers from this size go straight back to the system
_ARENAS = 2
_applied = False


def keep_heap_flat() -> None:
    """Once per process, before the page threads start; a no-op off glibc."""
    global _applied
    if _applied or not sys.platform.startswith("linux"):
        return
    _applied = True
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the process runs on
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
    mallopt(_M_ARENA_MAX, _ARENAS)
