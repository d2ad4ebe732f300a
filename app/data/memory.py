"""Handing freed memory back to the system after a build once per version of the dataset.

Building the dataset or an index over a million reports allocates and frees hundreds of megabytes of temporary
arrays. glibc's allocator keeps much of what is freed in its heap for reuse, so the server's resident memory
stays at the build's peak (measured at 1M reports: the methodology page's first build left 0.28 GB freed but
resident, returned by one malloc_trim). These builds happen once per version per process, so trimming after
each costs little (a few milliseconds) and keeps one process serving every page within its memory budget.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from typing import TypeVar

T = TypeVar("T")


@cache
def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (musl, macOS, Windows)."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def release_freed(value: T) -> T:
    """`value`, after asking the allocator to return freed heap memory to the system (a no-op off glibc)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    return value
