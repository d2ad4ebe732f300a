"""app.data.memory.release_freed: a build once per version hands what it freed back to the system."""

from __future__ import annotations

import platform

import pytest

from app.data import memory


def test_it_returns_the_value_itself_and_trims_the_heap(monkeypatch):
    calls = []
    monkeypatch.setattr(memory, "_malloc_trim", lambda: calls.append)
    value = object()
    assert memory.release_freed(value) is value
    assert calls == [0]  # malloc_trim(0): every arena, keeping nothing spare


def test_without_malloc_trim_it_is_a_no_op(monkeypatch):
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    assert memory.release_freed([1]) == [1]


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_glibc_s_malloc_trim_is_found_here():
    memory._malloc_trim.cache_clear()
    assert memory._malloc_trim() is not None


def test_loading_a_version_of_the_dataset_releases_what_the_load_freed(monkeypatch):
    from app import data

    calls = []
    monkeypatch.setattr(memory, "_malloc_trim", lambda: calls.append)
    data._load.clear()
    try:
        assert len(data.load_dataset().incidents)
        assert calls == [0]
        data.load_dataset()  # cached: nothing built, nothing to release
        assert calls == [0]
    finally:
        data._load.clear()
