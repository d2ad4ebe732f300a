"""Performance benchmarks of the data layer and the dashboard, on the committed dataset and on synthetic ones.

    python bench/run.py                              # committed dataset + 10k, 100k, 1M synthetic rows
    python bench/run.py --sizes 100k --browser       # also real-browser timings (Chromium + Playwright)

For each dataset it measures the data load (`load_incidents`, first read of a CSV and cached read), the
dataset build, each data-preparation function the overview view calls (default filters / a filter set),
each view's full run with `streamlit.testing.v1.AppTest` (median of --runs) beside the same run of
bench/floor_app.py (one chart, one filter), and peak memory: tracemalloc (Python allocations only; Arrow's
string buffers are invisible to it) and the resident-set peak (VmHWM) of a fresh subprocess per dataset that
runs every view, the true peak. It also times a full rebuild of the committed dataset from the snapshots.
With --browser, bench/browser.py adds, for every page with filters (World, US, France, brief, explorer;
--pages), the time from server start to the first chart and the time of a widget change (to the script done,
and to every chart redrawn), with the floor app measured on each dataset in the same run.

Absolute times on a shared machine are noise: every dashboard figure (AppTest runs, browser timings) is
printed as a ratio to the floor measured in the same run, the absolute beside it. Prints one table (measure x
dataset) and the issue's targets as met / NOT MET with their figures; writes the figures as JSON to
artifacts/bench/latest.json. Benchmarks, not tests: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import browser  # noqa: E402 (found through the sys.path entries above, as app is)
import synthetic  # noqa: E402

from app import data  # noqa: E402
from app.prep import filtering, timeseries  # noqa: E402
from app.prep import us as us_prep  # noqa: E402

DASHBOARD = ROOT / "dashboard.py"
FLOOR_APP = ROOT / "bench" / "floor_app.py"
SNAPSHOTS = ROOT.parent / "shared" / "snapshots"
RESULTS = ROOT / "artifacts" / "bench" / "latest.json"
# The filter set: two big states, one attack type, months (URL parameters, as a shared link would hold them).
FILTER_PARAMS = {"state": ["US-CA", "US-TX"], "attack": ["ransomware"], "period": ["month"]}
BIG = 500_000  # rows from which the slowest measures are repeated less (CSV parse once, AppTest views 3 times)

# Issue #14's targets (ratios to the floor app of the same run; the 1M ones are absolute).
FIRST_CHART_MAX = 1.3  # landing page, committed data: server start -> first chart, x the floor
REDRAW_MAX = {"committed": 1.5, "100k": 2.0}  # widget change -> every chart redrawn, x the floor, on each page
RERUN_MAX_S = 1.0  # 1M: every page's AppTest run, default and filtered
MEMORY_MAX_MB = 1536  # 1M: one process that has served every page
LANDING = "world"  # bench/browser.py's name of the landing page


# --- helpers ---------------------------------------------------------------------------------------

def timed(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` calls, in seconds."""
    times = []
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 0.01:
        return f"{seconds * 1000:.1f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def fmt_mb(mb: float | None) -> str:
    return "-" if mb is None else f"{mb:,.0f} MB"


def pair(a: str, b: str) -> str:
    return a if a == b == "-" else f"{a} / {b}"


def views_of_dashboard() -> list[str]:
    """The pages dashboard.py navigates to, default first (read from its st.Page calls)."""
    pages = re.findall(r'st\.Page\(\s*"([^"]+)"([^)]*)\)', DASHBOARD.read_text(encoding="utf-8"))
    ordered = sorted(pages, key=lambda p: "default=True" not in p[1])
    return [path for path, _ in ordered]


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    import pandas as pd
    import plotly
    import pyarrow
    import streamlit

    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem_gb, 1),
        "python": platform.python_version(), "pandas": pd.__version__, "pyarrow": pyarrow.__version__,
        "streamlit": streamlit.__version__, "plotly": plotly.__version__,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


# --- datasets --------------------------------------------------------------------------------------

def side_files() -> list[Path]:
    """Files of data/ other than the incidents (other pages read them, e.g. patient_harms.csv)."""
    skip = {"incidents.csv", "sources.json", "README.md"}
    return [p for p in (ROOT / "data").iterdir() if p.is_file() and not p.name.startswith(".") and p.name not in skip]


def prepare_datasets(sizes: list[int], workdir: Path) -> list[tuple[str, Path]]:
    """(label, data folder) for the committed dataset (a copy, so the benchmark never touches data/)
    and each synthetic size (cached in the temp dir across runs; written on first use)."""
    committed = workdir / "committed"
    committed.mkdir(parents=True)
    for name in ("incidents.csv", "sources.json"):
        shutil.copy2(ROOT / "data" / name, committed / name)
    datasets = [("committed", committed)]
    for n in sizes:
        started = time.perf_counter()
        folder = synthetic.cached_data_dir(n)
        print(f"  synthetic {synthetic.size_label(n)}: {folder} ({time.perf_counter() - started:.1f} s)", flush=True)
        datasets.append((synthetic.size_label(n), folder))
    for _, folder in datasets:
        for path in side_files():
            shutil.copy2(path, folder / path.name)
    return datasets


# --- data layer, in this process --------------------------------------------------------------------

def filter_set(options):
    from app.prep.filtering import Filters, filters_from_params

    params = {k: v for k, v in FILTER_PARAMS.items() if k != "period"}
    chosen = filters_from_params(params, options)
    return chosen if chosen != Filters(options.first, options.last) else None


def view_steps(dataset, flt) -> list[tuple[str, Callable]]:
    """The overview's data preparation, step by step, as app/views/overview.py calls it."""
    import pandas as pd
    incidents = dataset.incidents
    selection = filtering.apply_filters(incidents, flt)
    through = min(dataset.complete_through or dataset.as_of or pd.Timestamp.max, pd.Timestamp(flt.end))
    steps = [("apply_filters", lambda: filtering.apply_filters(incidents, flt)),
             ("headline", lambda: us_prep.headline(selection))]
    for granularity in timeseries.GRANULARITIES:
        steps.append((f"counts_by_period {granularity}",
                      lambda g=granularity: timeseries.counts_by_period(selection, g, flt.start, flt.end,
                                                                  date_column=filtering.date_column(flt))))
    steps += [
        ("state_counts", lambda: us_prep.state_counts(selection)),
        ("organization_type_counts", lambda: us_prep.organization_type_counts(selection)),
        ("largest_breaches", lambda: us_prep.largest_breaches(selection, n=20)),
        ("latest_complete_week", lambda: timeseries.latest_complete_week(selection, through, flt.start)),
    ]
    return steps


def overview_prep(dataset, flt, granularity: str) -> None:
    """Everything app/views/overview.py computes from the data for one run (no Streamlit, no figures)."""
    import pandas as pd
    selection = filtering.apply_filters(dataset.incidents, flt)
    if selection.empty:
        return
    us_prep.headline(selection)
    through = min(dataset.complete_through or dataset.as_of or pd.Timestamp.max, pd.Timestamp(flt.end))
    timeseries.latest_complete_week(selection, through, flt.start)
    timeseries.counts_by_period(selection, granularity, flt.start, flt.end, date_column=filtering.date_column(flt))
    sorted(selection["source"].unique())
    periods = timeseries.periods_between(flt.start, flt.end, granularity)
    timeseries.period_status(periods, flt, dataset.options, dataset.complete_through)
    bool((selection["source_list"] == "under_investigation").any())
    us_prep.state_counts(selection)
    us_prep.organization_type_counts(selection)
    us_prep.largest_breaches(selection, n=20)


def measure_data_layer(folder: Path, runs: int) -> dict:
    import pandas as pd

    from app.prep.filtering import default_filters
    from collectors import load_coverage, load_incidents
    from collectors.store import Store

    store = Store(folder)
    out: dict = {"csv_mb": store.incidents_path.stat().st_size / 1e6}

    def cold():
        shutil.rmtree(store.cache_path.parent, ignore_errors=True)
        return load_incidents(folder)

    start = time.perf_counter()
    frame = cold()
    parses = [time.perf_counter() - start]
    out["rows"] = len(frame)
    if len(frame) < BIG:  # a million rows: one parse is enough (and takes a while)
        parses += [timed(cold, 1) for _ in range(min(3, runs) - 1)]
    out["load_csv"] = statistics.median(parses)
    out["load_cached"] = timed(lambda: load_incidents(folder), runs)
    cached = load_incidents(folder)
    pd.testing.assert_frame_equal(cached, frame)  # the cache gives back exactly what the CSV parse gives
    del cached
    out["build_dataset"] = timed(lambda f=frame: data.build_dataset(f, load_coverage(folder)), runs)
    dataset = data.build_dataset(frame, load_coverage(folder))
    del frame

    variants = {"default": default_filters(dataset.options), "filtered": filter_set(dataset.options)}
    for variant, flt in variants.items():
        if flt is None:
            continue
        for name, step in view_steps(dataset, flt):
            out[f"{name}|{variant}"] = timed(step, runs)
        granularity = "year" if variant == "default" else FILTER_PARAMS["period"][0]
        out[f"overview prep|{variant}"] = timed(lambda f=flt, g=granularity: overview_prep(dataset, f, g), runs)
    del dataset

    # Python allocations only (numpy buffers included; Arrow's are not): load + build + both preps.
    tracemalloc.start()
    frame = load_incidents(folder)
    dataset = data.build_dataset(frame, load_coverage(folder))
    del frame
    for flt in variants.values():
        if flt is not None:
            overview_prep(dataset, flt, "month")
    out["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024**2
    tracemalloc.stop()
    return out


# --- every view with AppTest, in a fresh subprocess (also gives the true peak memory) ----------------

def apptest_worker(folder: Path, runs: int, cold: bool) -> dict:
    """Run in a fresh process: every view, default and filtered, `runs` times each; ru_maxrss at the end."""
    os.environ["OBSERVATORY_DATA_DIR"] = str(folder)
    from streamlit.testing.v1 import AppTest

    from collectors.store import Store

    if cold:
        shutil.rmtree(Store(folder).cache_path.parent, ignore_errors=True)

    def session(params: dict) -> AppTest:
        at = AppTest.from_file(str(DASHBOARD), default_timeout=600)
        for key, value in params.items():
            at.query_params[key] = value
        return at

    out: dict = {"views": {}}
    views = views_of_dashboard()
    start = time.perf_counter()
    first = session({}).run()
    out["first_run"] = time.perf_counter() - start
    out["first_run_error"] = str(first.exception[0].value) if first.exception else None
    if not cold:
        # The floor app's AppTest runs, in this process (after the first run, which must import everything
        # itself): what the views' runs are read against.
        out["floor"] = floor_apptest(runs)
        for index, view in enumerate(views):
            result = {}
            for variant, params in (("default", {}), ("filtered", FILTER_PARAMS)):
                times, error = [], None
                for _ in range(max(1, runs)):
                    # Every view timed as a rerun in a session that has run the landing page with these
                    # parameters (the landing page: run again), as a reader's widget change reruns it; a fresh
                    # AppTest's first run also times AppTest's own set-up (a scan of every installed package).
                    at = session(params)
                    at.run()
                    start = time.perf_counter()
                    if index == 0:
                        at.run()
                    else:
                        at.switch_page(view).run()
                    times.append(time.perf_counter() - start)
                    if at.exception:
                        error = str(at.exception[0].value)[:200]
                result[variant] = statistics.median(times)
                result[f"{variant}_error"] = error
            result["peak_mb"] = peak_rss_mb()  # cumulative: the views run in turn in this one process
            result.update(resident_mb())
            out["views"][view] = result
    out["maxrss_mb"] = peak_rss_mb()
    out.update(resident_mb())
    return out


def floor_apptest(runs: int) -> dict:
    """Median AppTest runs of bench/floor_app.py, of the two kinds the views are timed as: a fresh session's
    first run ("session": how the landing page is timed; AppTest's own set-up of a session is in it) and a
    rerun in a session that ran already, after picking its filter ("rerun": how every other page is timed,
    switched to from the landing page)."""
    from streamlit.testing.v1 import AppTest

    session, rerun = [], []
    AppTest.from_file(str(FLOOR_APP), default_timeout=600).run()  # imports plotly: not part of a run
    for _ in range(max(3, runs)):
        at = AppTest.from_file(str(FLOOR_APP), default_timeout=600)
        start = time.perf_counter()
        at.run()
        session.append(time.perf_counter() - start)
        at.multiselect[0].select("Ransomware")
        start = time.perf_counter()
        at.run()
        rerun.append(time.perf_counter() - start)
    return {"session": statistics.median(session), "rerun": statistics.median(rerun)}


def _status_mb(*fields: str) -> dict[str, float]:
    """Fields of /proc/self/status given in kB (VmHWM, VmRSS ...), in MB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in fields:
            out[name] = int(value.split()[0]) / 1024
    return out


def resident_mb() -> dict:
    """What this process holds now (VmRSS), and of it the private memory (RssAnon) and the file pages
    (RssFile: the memory-mapped Arrow cache, shared between processes and reclaimable by the kernel)."""
    now = _status_mb("VmRSS", "RssAnon", "RssFile")
    return {"rss_mb": now.get("VmRSS"), "anon_mb": now.get("RssAnon"), "file_mb": now.get("RssFile")}


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM). Not ru_maxrss: Linux carries that over from the
    parent across fork + exec, so a worker started by this (large) process would report the parent's."""
    peak = _status_mb("VmHWM").get("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_worker(folder: Path, runs: int, cold: bool = False) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(folder), "--runs", str(runs)]
    if cold:
        cmd.append("--cold")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"AppTest worker failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(lines[-1])


# --- rebuild from the snapshots ---------------------------------------------------------------------

def time_rebuild(snapshots: Path) -> dict:
    if not snapshots.is_dir():
        return {"skipped": f"no snapshots at {snapshots}"}
    with tempfile.TemporaryDirectory(prefix="observatory-rebuild-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "collectors", "--data-dir", str(data_dir), "build",
                               "--snapshots", str(snapshots)], cwd=ROOT, capture_output=True, text=True,
                              timeout=3600, check=False)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            return {"seconds": seconds, "failed": (done.stderr or done.stdout).strip().splitlines()[-1:]}
        same = (data_dir / "incidents.csv").read_bytes() == (ROOT / "data" / "incidents.csv").read_bytes()
        return {"seconds": seconds, "identical_to_committed": same}


# --- report ------------------------------------------------------------------------------------------

def ratio(value: float | None, floor: float | None) -> str:
    return "-" if value is None or not floor else f"{value / floor:.2f}x"


def with_ratio(value: float | None, floor: float | None) -> str:
    """'1.23x (456 ms)': the ratio to the floor of the same run first, the absolute beside it."""
    return "-" if value is None else f"{ratio(value, floor)} ({fmt_time(value)})"


def table(results: dict, labels: list[str], views: list[str], with_browser: bool, pages: list[str]) -> str:
    rows: list[tuple[str, list[str]]] = []

    def row(name: str, cell: Callable[[dict], str]) -> None:
        rows.append((name, [cell(results[label]) for label in labels]))

    def both(key: str) -> Callable[[dict], str]:
        return lambda r: pair(fmt_time(r["data"].get(f"{key}|default")), fmt_time(r["data"].get(f"{key}|filtered")))

    row("rows", lambda r: f"{r['data']['rows']:,}")
    row("incidents.csv size", lambda r: f"{r['data']['csv_mb']:,.1f} MB")
    row("load_incidents: CSV parse (first read)", lambda r: fmt_time(r["data"]["load_csv"]))
    row("load_incidents: cached read", lambda r: fmt_time(r["data"]["load_cached"]))
    row("build_dataset (+ coverage)", lambda r: fmt_time(r["data"]["build_dataset"]))
    rows.append(("overview data prep, default / filtered:", [""] * len(labels)))
    for step in ("apply_filters", "headline", "counts_by_period week", "counts_by_period month",
                 "counts_by_period year", "state_counts", "organization_type_counts", "largest_breaches",
                 "latest_complete_week", "overview prep"):
        row(f"  {step}" + (" (all of it)" if step == "overview prep" else ""), both(step))
    rows.append(("AppTest full run, default / filtered:", [""] * len(labels)))
    row("  first run of a fresh process (load + landing page)", lambda r: fmt_time(r["apptest"]["first_run"]))
    row("  floor app: a session's first run / a rerun",
        lambda r: pair(fmt_time(r["apptest"].get("floor", {}).get("session")),
                       fmt_time(r["apptest"].get("floor", {}).get("rerun"))))
    for view in views:
        name = Path(view).stem

        def cell(r, view=view):
            v = r["apptest"]["views"].get(view)
            if not v:
                return "-"
            text = pair(fmt_time(v["default"]), fmt_time(v["filtered"]))
            return text + (" (error)" if v.get("default_error") or v.get("filtered_error") else "")

        # Every view is timed as a rerun (apptest_worker), read against the floor app's rerun.
        def cell_ratio(r, view=view):
            v, floor = r["apptest"]["views"].get(view), r["apptest"].get("floor")
            if not v or not floor:
                return "-"
            return pair(ratio(v["default"], floor["rerun"]), ratio(v["filtered"], floor["rerun"]))
        row(f"  {name}", cell)
        row("    x the floor app's rerun", cell_ratio)
    row("peak memory: tracemalloc (Python allocations)", lambda r: fmt_mb(r["data"]["tracemalloc_peak_mb"]))
    row("peak memory: process RSS, first read parses the CSV", lambda r: fmt_mb(r["apptest_cold"]["maxrss_mb"]))
    rows.append(("process memory once these views ran: peak (VmHWM) / resident now (VmRSS):", [""] * len(labels)))
    for view in views:
        row(f"  ... + {Path(view).stem}",
            lambda r, view=view: pair(fmt_mb(r["apptest"]["views"].get(view, {}).get("peak_mb")),
                                      fmt_mb(r["apptest"]["views"].get(view, {}).get("rss_mb"))))
    row("  resident at the end: private (RssAnon) / mapped files (RssFile)",
        lambda r: pair(fmt_mb(r["apptest"].get("anon_mb")), fmt_mb(r["apptest"].get("file_mb"))))
    if with_browser:
        rows.append(("browser (Chromium), median; x the floor app of the same run (absolute):", [""] * len(labels)))

        def browser_row(name: str, page: str | None, key: str) -> None:
            def cell(r):
                b = r.get("browser")
                if not b:
                    return "-"
                floor = b["floor"].get(key)
                if page is None:
                    return fmt_time(floor)
                return with_ratio(b["pages"].get(page, {}).get(key), floor)
            row(name, cell)

        for key, what in (("first_chart", "server start -> first chart"),
                          ("script_done", "widget change -> script done"),
                          ("filter_change", "widget change -> every chart redrawn")):
            rows.append((f"  {what}:", [""] * len(labels)))
            browser_row("    floor app", None, key)
            for page in pages:
                spec = browser.PAGES[page]
                browser_row(f"    {page} (/{spec.path})", page, key)
        rows.append(("  charts on the page (changed by the widget) / elements:", [""] * len(labels)))
        for page in pages:
            row(f"    {page}", lambda r, page=page: (
                "-" if not r.get("browser") or page not in r["browser"]["pages"] else
                "{charts} ({charts_changed:g}) / {elements}".format(**r["browser"]["pages"][page])))
        rows.append(("  server peak RSS after the widget changes:", [""] * len(labels)))
        for page in pages:
            row(f"    {page}", lambda r, page=page: fmt_mb(r.get("browser", {}).get("pages", {}).get(page, {})
                                                          .get("server_peak_mb")))
    row("rebuild from snapshots (python -m collectors build)", lambda r: r.get("rebuild_text", "-"))

    width = max(len(name) for name, _ in rows)
    col = [max(len(label), *(len(cells[i]) for _, cells in rows)) for i, label in enumerate(labels)]
    lines = [f"{'measure':<{width}}  " + "  ".join(f"{label:>{col[i]}}" for i, label in enumerate(labels))]
    lines.append("-" * len(lines[0]))
    for name, cells in rows:
        lines.append(f"{name:<{width}}  " + "  ".join(f"{c:>{col[i]}}" for i, c in enumerate(cells)))
    return "\n".join(lines)


def verdicts(results: dict, with_browser: bool, pages: list[str]) -> list[str]:
    """Each target of issue #14, met / NOT MET with its figure (or not measured, and what it needs)."""
    def verdict(ok: bool | None, text: str) -> str:
        state = "not measured" if ok is None else ("met" if ok else "NOT MET")
        return f"[{state:^12}] {text}"

    lines = []
    committed = results.get("committed", {}).get("browser")
    landing = committed and committed["pages"].get(LANDING)
    target = f"committed: landing page (/{browser.PAGES[LANDING].path}) first chart <= {FIRST_CHART_MAX}x the floor"
    if landing:
        first, floor = landing["first_chart"], committed["floor"]["first_chart"]
        lines.append(verdict(first <= FIRST_CHART_MAX * floor,
                             f"{target}: {first / floor:.2f}x ({fmt_time(first)} vs floor {fmt_time(floor)})"))
    else:
        lines.append(verdict(None, f"{target} (needs --browser and the page {LANDING} in --pages)"))
    for label, limit in REDRAW_MAX.items():
        measured = results.get(label, {}).get("browser")
        for page in browser.PAGES:
            target = f"{label}: {page} widget change -> every chart redrawn <= {limit}x the floor"
            r = measured and measured["pages"].get(page)
            if not r:
                needs = f"--sizes with {label}, " if label not in results else ""
                lines.append(verdict(None, f"{target} (needs {needs}--browser and {page} in --pages)"))
                continue
            floor = measured["floor"]["filter_change"]
            lines.append(verdict(r["filter_change"] <= limit * floor,
                                 f"{target}: {r['filter_change'] / floor:.2f}x ({fmt_time(r['filter_change'])} vs "
                                 f"floor {fmt_time(floor)}; script done {ratio(r['script_done'], measured['floor']['script_done'])})"))
    big = results.get("1M")
    target = f"1M: every page's rerun (AppTest full run, default and filtered) <= {fmt_time(RERUN_MAX_S)}"
    if big:
        runs = {(Path(v).stem, variant): r[variant] for v, r in big["apptest"]["views"].items()
                for variant in ("default", "filtered")}
        over = sorted(((name, variant, t) for (name, variant), t in runs.items() if t > RERUN_MAX_S),
                      key=lambda x: -x[2])
        worst = max(runs.items(), key=lambda kv: kv[1])
        detail = (f"over: {', '.join(f'{n} {v} {fmt_time(t)}' for n, v, t in over)}" if over else
                  f"slowest: {worst[0][0]} {worst[0][1]} {fmt_time(worst[1])}")
        lines.append(verdict(not over, f"{target}: {detail}"))
        views = big["apptest"]["views"]
        peak = big["apptest"]["maxrss_mb"]
        # Judged on the peak (the strictest reading: the memory a server must have), the resident set beside it.
        detail = f"peak {fmt_mb(peak)} once every view ran in one process"
        if "rss_mb" in big["apptest"]:
            detail += (f", resident at the end {fmt_mb(big['apptest']['rss_mb'])} (private "
                       f"{fmt_mb(big['apptest'].get('anon_mb'))}, mapped files {fmt_mb(big['apptest'].get('file_mb'))})")
        first_over = [Path(v).stem for v, r in views.items() if r.get("peak_mb", 0) > MEMORY_MAX_MB]
        if first_over:
            detail += f" (over from /{first_over[0]} on)"
        if views:
            detail += f"; landing page alone {fmt_mb(next(iter(views.values())).get('peak_mb'))}"
        detail += f"; first read of a new CSV {fmt_mb(big['apptest_cold']['maxrss_mb'])}"
        lines.append(verdict(peak <= MEMORY_MAX_MB, f"1M: one process serving every page <= 1.5 GB resident: {detail}"))
    else:
        lines.append(verdict(None, f"{target} (needs --sizes with 1m)"))
        lines.append(verdict(None, "1M: one process serving every page <= 1.5 GB resident (needs --sizes with 1m)"))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m", help="synthetic sizes, comma-separated ('' for none)")
    parser.add_argument("--browser", action="store_true", help="also time the dashboard in Chromium")
    parser.add_argument("--runs", type=int, default=5, help="repetitions per measure (median)")
    parser.add_argument("--browser-sizes", default=",".join(REDRAW_MAX),
                        help="datasets the browser measures (labels as printed: committed, 10k, 100k, 1M); "
                             "default: the ones issue #14 sets a browser target for")
    parser.add_argument("--browser-runs", type=int, default=5, help="server starts per page and dataset (median)")
    parser.add_argument("--filter-runs", type=int, default=10, help="widget changes per page and dataset (median)")
    parser.add_argument("--pages", default=",".join(browser.PAGES),
                        help=f"pages the browser measures, comma-separated, of: {', '.join(browser.PAGES)}")
    parser.add_argument("--page", help=argparse.SUPPRESS)  # earlier option: one page by url path
    parser.add_argument("--snapshots", type=Path, default=SNAPSHOTS)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cold", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        print(json.dumps(apptest_worker(args.worker, args.runs, args.cold)))
        return 0

    if args.page is not None:
        pages = [name for name, spec in browser.PAGES.items() if spec.path == args.page.strip("/")]
    else:
        pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    unknown = [p for p in pages if p not in browser.PAGES]
    if unknown or not pages:
        parser.error(f"unknown page(s) {unknown or args.page!r}; known: {', '.join(browser.PAGES)}")
    began = time.perf_counter()
    sizes = [synthetic.parse_size(s) for s in args.sizes.split(",") if s.strip()]
    info = machine()
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; Python {info['python']}, "
          f"pandas {info['pandas']}, pyarrow {info['pyarrow']}, streamlit {info['streamlit']}, "
          f"plotly {info['plotly']}; load average {info['load_average_at_start']}", flush=True)
    views = views_of_dashboard()
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="observatory-bench-") as tmp:
        print("datasets:", flush=True)
        datasets = prepare_datasets(sizes, Path(tmp))
        labels = [label for label, _ in datasets]
        for label, folder in datasets:
            print(f"{label}: data layer ...", flush=True)
            results[label] = {"data": measure_data_layer(folder, args.runs)}
            print(f"{label}: every view with AppTest (fresh process) ...", flush=True)
            big = results[label]["data"]["rows"] >= BIG  # some views take seconds there: fewer repetitions
            results[label]["apptest"] = run_worker(folder, min(args.runs, 3) if big else args.runs)
            results[label]["apptest_cold"] = run_worker(folder, 1, cold=True)  # (and writes the cache again)
        print("rebuild from the snapshots ...", flush=True)
        rebuild = time_rebuild(args.snapshots)
        results["committed"]["rebuild"] = rebuild
        if "skipped" in rebuild:
            print(f"  skipped: {rebuild['skipped']}")
            results["committed"]["rebuild_text"] = "skipped"
        elif "failed" in rebuild:
            print(f"  failed: {rebuild['failed']}")
            results["committed"]["rebuild_text"] = f"failed ({fmt_time(rebuild['seconds'])})"
        else:
            same = "" if rebuild["identical_to_committed"] else " (differs from data/)"
            results["committed"]["rebuild_text"] = fmt_time(rebuild["seconds"]) + same
        if args.browser:
            wanted = {size.strip().lower() for size in args.browser_sizes.split(",") if size.strip()}
            with browser.chromium() as chromium:
                for label, folder in datasets:
                    if label.lower() not in wanted:
                        continue
                    # The floor again on each dataset: the load of the machine changes during a run.
                    print(f"browser: {label}, floor app and {', '.join(pages)} (load average "
                          f"{[round(x, 2) for x in os.getloadavg()]}) ...", flush=True)
                    results[label]["browser"] = browser.measure_pages(
                        chromium, folder, args.browser_runs, args.filter_runs, pages,
                        log=lambda text: print(text, flush=True))

    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    info["total_seconds"] = time.perf_counter() - began
    print()
    print(table(results, labels, views, args.browser, pages))
    print()
    print("targets:")
    for line in verdicts(results, args.browser, pages):
        print("  " + line)
    print(f"\nload average at end {info['load_average_at_end']}; took {fmt_time(info['total_seconds'])}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"when": dt.datetime.now().isoformat(timespec="seconds"), "machine": info,
                                   "args": {k: str(v) for k, v in vars(args).items()}, "results": results},
                                  indent=2, default=_json_default) + "\n")
    print(f"figures: {RESULTS.relative_to(ROOT)}")
    return 0


def _json_default(value):
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    return str(value)


if __name__ == "__main__":
    sys.exit(main())
