"""Results of the pure layers (app/prep aggregates, app/charts figures) computed once per distinct inputs and
shared by every session of the process.

A filter change reruns the whole page, and most of a rerun's server time is aggregating the selection and plotly
building and validating figures (docs/performance.md). Those functions are pure, so a result depends on its
arguments alone:

    memo.figure(world_charts.world_map_figure, on_map, unit, lang, source)   # the figure, shared (never modify it)
    memo.frame(france_prep.yearly, memo.keyed(selection, key), table, ...)   # a copy of the cached result
    memo.shared(brief_page.laid_out, memo.keyed(prepared, key), week, lang)  # any result, shared (read only)

Arguments are keyed by value: every frame, array and scalar hashed in full (Streamlit's own hasher samples frames
of 50k rows or more, so two selections could share a result). A big frame (the reader's selection) is hashed
by what determines it instead: `keyed(frame, key)`, where `key` names everything the frame was made from
(`selection_key`: the dataset's version and the filters). Functions are named by where they live, so lambdas and
local functions are refused.

A cached figure is kept as the JSON-ready dict plotly makes of it (`Serialised`): drawing it then costs
Streamlit one JSON encoding of plain lists (8 ms for a monthly trend) instead of a deep copy of the figure and a
conversion of its arrays (55 ms), on every rerun. It is shared: never modify it; a view that wants a change asks the
builder for it. A cached frame is copied out for each caller (st.cache_data).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

# Enough for every chart and table of every page in two languages, for a few dozen selections at once. Figures
# are kept fewer: a weekly trend's JSON is about 1 MB.
ENTRIES_KEPT = 512
FIGURES_KEPT = 96
RESULTS_SHARED = 128  # memo.shared(): a week's brief laid out is ~25 kB, figures included


_PLAIN = frozenset({str, int, float, bool, type(None)})  # exactly these types: their repr says all of them


class Keyed:
    """A value hashed by `key` (what it was made from) instead of by its content. With `make` instead of a value,
    the value is made the first time a cache misses, so a rerun answered from the caches never makes it (at a
    million rows, selecting the reader's rows costs more than drawing the page from the caches)."""

    __slots__ = ("key", "_value", "_make")

    def __init__(self, value: Any = None, key: tuple = (), make: Callable[[], Any] | None = None):
        self.key, self._value, self._make = key, value, make

    @property
    def value(self) -> Any:
        if self._make is not None:
            self._value, self._make = self._make(), None
        return self._value


def keyed(value: Any, key: tuple) -> Keyed:
    return Keyed(value, key)


def lazy(make: Callable[[], Any], key: tuple) -> Keyed:
    """make(), keyed by `key`, made only if a cached call needs it."""
    return Keyed(key=key, make=make)


def by_content(value: Any) -> Keyed:
    """`value` hashed once, here, for a rerun that passes it to several cached calls."""
    digest = hashlib.blake2b(digest_size=20)
    _feed(digest, value)
    return Keyed(value, ("content", digest.hexdigest()))


def whole(dataset: Any) -> Keyed:
    """The loaded dataset (app.data.Dataset), keyed by where it was read from and the files' version."""
    return Keyed(dataset, ("dataset", dataset.data_dir, dataset.version))


def dataset_part(dataset: Any, name: str) -> Keyed:
    """A frame of the dataset other than its incidents (e.g. `coverage_table`), keyed by the files' version."""
    return Keyed(getattr(dataset, name), (dataset.data_dir, dataset.version, name))


def selection_key(dataset: Any, filters: Any, *more: Any) -> tuple:
    """What a selection of `dataset.incidents` is made from: the files' version and the filters (and `more`,
    e.g. a further restriction the view applies). app.prep.filtering.Filters is a frozen dataclass of values."""
    return (dataset.data_dir, dataset.version, repr(filters), *more)


class Serialised(go.Figure):
    """A finished figure as the dict plotly.io.to_json makes of it, for st.plotly_chart only.

    st.plotly_chart asks a figure for `to_dict()` (plotly deep-copies every trace) and encodes the result with
    plotly.io.to_json (which converts numpy arrays and dates on the way). This one answers with the dict it was
    made from, already plain JSON values, so the encoding is all that is left. Nothing else of go.Figure works
    on it: it exists to be drawn. The JSON Streamlit sends is byte for byte the one of the figure it was made of
    (tests/test_memo.py)."""

    def __init__(self, fig: go.Figure):  # noqa: D107 -- go.Figure's own __init__ would validate it all again
        self._spec = json.loads(pio.to_json(fig, validate=False))

    def to_dict(self) -> dict:
        return self._spec

    def to_plotly_json(self) -> dict:
        return self._spec

    def __repr__(self) -> str:
        return f"Serialised({len(self._spec.get('data', ()))} traces)"


def figure(builder: Callable[..., go.Figure], *args: Any, **kwargs: Any) -> go.Figure:
    """builder(*args, **kwargs), built once per distinct inputs and shared, ready for st.plotly_chart."""
    return _shared(_key(builder, args, kwargs), _serialised, (builder, *args), kwargs)


def shared(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """fn(*args, **kwargs), computed once per distinct inputs and shared as it is (never modify it): for a
    result that is costly to make and only read, such as a week's brief laid out (app.ui.brief_page). Kept
    apart from the figures, so that readers browsing weeks do not push the pages' figures out."""
    return _shared_result(_key(fn, args, kwargs), fn, args, kwargs)


def _serialised(builder: Callable[..., go.Figure], *args: Any, **kwargs: Any) -> Serialised:
    return Serialised(builder(*args, **kwargs))


def frame(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """fn(*args, **kwargs), computed once per distinct inputs; each caller gets its own copy."""
    return result(fn, *args, **kwargs).value


def result(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Keyed:
    """frame(), keyed by the call that made it: passed on to another cached call, it is not hashed again."""
    key = _key(fn, args, kwargs)
    return Keyed(_copied(key, fn, args, kwargs), ("result", key))


def _key(fn: Callable, args: tuple, kwargs: dict) -> str:
    digest = hashlib.blake2b(digest_size=20)
    _feed(digest, (fn, args, sorted(kwargs.items())))
    return digest.hexdigest()


def _unwrapped(args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    def value(v: Any) -> Any:
        return v.value if isinstance(v, Keyed) else v

    return tuple(value(a) for a in args), {k: value(v) for k, v in kwargs.items()}


def _call(fn: Callable, args: tuple, kwargs: dict) -> Any:
    args, kwargs = _unwrapped(args, kwargs)
    return fn(*args, **kwargs)


# The three caches differ only in how long and how shared their results are. Only `key` is hashed by Streamlit
# (a leading underscore tells it to skip an argument).
@st.cache_resource(show_spinner=False, max_entries=FIGURES_KEPT)
def _shared(key: str, _fn: Callable, _args: tuple, _kwargs: dict) -> Any:
    return _call(_fn, _args, _kwargs)


@st.cache_resource(show_spinner=False, max_entries=RESULTS_SHARED)
def _shared_result(key: str, _fn: Callable, _args: tuple, _kwargs: dict) -> Any:
    return _call(_fn, _args, _kwargs)


@st.cache_data(show_spinner=False, max_entries=ENTRIES_KEPT)
def _copied(key: str, _fn: Callable, _args: tuple, _kwargs: dict) -> Any:
    return _call(_fn, _args, _kwargs)


def _feed(digest: Any, value: Any) -> None:
    """Everything a result can depend on, fed to the digest with its type, so that 1 and "1" differ."""
    digest.update(type(value).__qualname__.encode())
    if isinstance(value, Keyed):
        _feed(digest, value.key)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):  # e.g. Filters, FilterOptions
        _feed(digest, [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)])
    elif isinstance(value, pd.DataFrame):
        digest.update(repr((list(value.columns), [str(t) for t in value.dtypes], value.index.dtype)).encode())
        digest.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    elif isinstance(value, pd.Series):
        digest.update(repr((value.name, str(value.dtype), value.index.dtype)).encode())
        digest.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    elif isinstance(value, np.ndarray):
        digest.update(repr((value.dtype, value.shape)).encode())
        digest.update(value.tobytes() if value.dtype != object else repr(value.tolist()).encode())
    elif isinstance(value, range):
        digest.update(repr(value).encode())
    elif isinstance(value, (list, tuple)):
        digest.update(str(len(value)).encode())
        if all(type(item) in _PLAIN for item in value):  # e.g. the filter options: thousands of codes, one repr
            digest.update(repr(value).encode())
        else:
            for item in value:
                _feed(digest, item)
    elif isinstance(value, Mapping):
        _feed(digest, sorted(value.items(), key=lambda kv: repr(kv[0])))
    elif callable(value):  # a builder or a labelling function, named by where it lives
        name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '<unnamed>')}"
        if "<" in name:  # a lambda, a local function or a partial: two of them could share a name
            raise TypeError(f"memo needs module-level functions, not {name}")
        digest.update(name.encode())
    elif value is None or isinstance(value, (str, int, float, bool, dt.date, np.generic)):
        digest.update(repr(value).encode())
    else:
        raise TypeError(f"memo cannot key a {type(value).__qualname__}; pass plain values, frames or keyed(...)")
    digest.update(b"\x00")
