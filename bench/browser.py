"""Real-browser timings: Debian's Chromium driven by Playwright against `streamlit run` subprocesses.

Two measures, each against the dashboard and against bench/floor_app.py (one chart, one filter: the
floor of Streamlit + plotly + Chromium on this machine):

- first chart: from starting the server process to the first `.js-plotly-plot` drawn with its SVG and
  visible, in a fresh browser context (empty cache), a fresh server each run;
- filter change: on a loaded page, pick "Ransomware" in the sidebar's "Attack type" filter (or remove it
  again, alternately) and time from the click to the moment every plotly chart on the page has finished
  redrawing (its last DOM mutation) and the app is back to `notRunning`. A run only counts when every
  chart did redraw.

Servers listen on free loopback ports and are always stopped (terminate, then kill). Used by
`python bench/run.py --browser`; on its own: `python bench/browser.py [DATA_DIR]`.
"""

from __future__ import annotations

import contextlib
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "dashboard.py"
FLOOR_APP = ROOT / "bench" / "floor_app.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
FIRST_CHART = ".js-plotly-plot .main-svg"
FILTER_LABEL = "Attack type"
FILTER_OPTION = "Ransomware"
QUIET_MS = 400  # no chart mutation for this long after the rerun: the redraw is over
VIEWPORT = {"width": 1400, "height": 2400}  # tall enough for every chart of the overview to be drawn

# Records script-state changes and the last DOM mutation of each plotly chart (charts are told apart by
# element; a chart re-mounted by Streamlit counts from its insertion).
_INSTRUMENT = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const bench = window.__bench = {armed: false, t0: null, states: [], last: new WeakMap(), lastAny: 0};
  // Each record's new value is the next record's old value (or the current one): a quick rerun flips
  // the attribute twice before the callback runs.
  new MutationObserver(records => {
    const now = performance.now();
    records.forEach((r, k) => bench.states.push(
      [now, k + 1 < records.length ? records[k + 1].oldValue : app.getAttribute('data-test-script-state')]));
  }).observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
  const mark = (el, now) => {
    const plot = el && el.closest ? el.closest('.js-plotly-plot') : null;
    if (plot) { bench.last.set(plot, now); bench.lastAny = now; }
  };
  new MutationObserver(records => {
    const now = performance.now();
    for (const r of records) {
      mark(r.target.nodeType === 1 ? r.target : r.target.parentElement, now);
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        mark(n, now);
        if (n.querySelectorAll) n.querySelectorAll('.js-plotly-plot').forEach(p => mark(p, now));
      }
    }
  }).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  document.addEventListener('click', () => {
    if (bench.armed) { bench.t0 = performance.now(); bench.armed = false; }
  }, true);
}"""
# Arrival time of every websocket message from the server: a quick rerun can flip the script state to
# running and back within one React render, leaving no trace in the DOM, but never without messages.
_WEBSOCKET_CLOCK = """(() => {
  const Native = window.WebSocket;
  window.__wsTimes = [];
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.addEventListener('message', () => window.__wsTimes.push(performance.now()));
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();"""
_ARM = "() => { window.__bench.armed = true; window.__bench.t0 = null; window.__bench.states = []; }"
# Done when: the click happened, the script ran and stopped, every chart mutated after the click, and
# no chart has mutated for QUIET_MS. Returns the duration in ms, else null.
_DONE = """(quiet) => {
  const b = window.__bench, now = performance.now();
  if (b.t0 === null) return null;
  const messages = window.__wsTimes.filter(t => t >= b.t0);
  const app = document.querySelector('[data-testid="stApp"]');
  if (!messages.length || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  if (!plots.length || plots.some(p => !(b.last.get(p) > b.t0))) return null;
  if (now - Math.max(b.lastAny, messages[messages.length - 1]) < quiet) return null;
  const stopped = Math.max(messages[messages.length - 1], ...b.states.map(([t]) => t));
  return {ms: Math.max(stopped, ...plots.map(p => b.last.get(p))) - b.t0, charts: plots.length,
          script_ms: stopped - b.t0, chart_ms: plots.map(p => b.last.get(p) - b.t0)};
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(script: Path, data_dir: Path | None = None, timeout: float = 120) -> Iterator[dict]:
    """`streamlit run script` on a free loopback port; yields {url, pid, started (monotonic), ready}."""
    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", "PYTHONPATH": str(ROOT)}
    if data_dir is not None:
        env["OBSERVATORY_DATA_DIR"] = str(data_dir)
    else:
        env.pop("OBSERVATORY_DATA_DIR", None)
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    info = {"url": url, "pid": server.pid, "started": started}
    try:
        deadline = started + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                err = server.stderr.read().decode(errors="replace")[-2000:] if server.poll() is not None else ""
                raise RuntimeError(f"streamlit did not start on {url}: {err}")
            time.sleep(0.02)
        info["ready"] = time.monotonic()
        yield info
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def peak_rss_mb(pid: int) -> float | None:
    """VmHWM of a running process: its peak resident memory so far."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def first_chart(browser, script: Path, data_dir: Path | None, path: str = "") -> dict:
    """One cold start: server process start -> first plotly chart visible (fresh browser context)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        with streamlit_server(script, data_dir) as server:
            page.goto(f"{server['url']}/{path}", wait_until="commit")
            page.wait_for_selector(FIRST_CHART, state="visible", timeout=300_000)
            done = time.monotonic()
            return {"first_chart": done - server["started"], "server_ready": server["ready"] - server["started"]}
    finally:
        context.close()


_RAN = "() => window.__bench.t0 !== null && window.__wsTimes.some(t => t >= window.__bench.t0)"


def _change_filter(page, adding: bool) -> bool:
    """Pick (or remove) the filter value; True once the app started rerunning because of it."""
    page.keyboard.press("Escape")  # no dropdown left open from the previous change
    option = page.get_by_role("option", name=FILTER_OPTION, exact=True)
    if adding:
        page.get_by_role("combobox", name=FILTER_LABEL).click()
        option.wait_for(state="visible", timeout=30_000)
        page.wait_for_timeout(100)  # the list's opening transition
        page.evaluate(_ARM)
        option.click()
    else:
        page.evaluate(_ARM)
        page.locator(f'[data-testid="stSidebar"] button[aria-label="Remove {FILTER_OPTION}"]').click(force=True)
    try:
        page.wait_for_function(_RAN, timeout=5_000, polling=10)
        return True
    except Exception:  # noqa: BLE001 -- the click missed (a closing list): try again, untimed
        return False


def filter_changes(browser, script: Path, data_dir: Path | None, runs: int, path: str = "") -> dict:
    """`runs` filter changes on one loaded page (alternately adding and removing the filter value)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(_WEBSOCKET_CLOCK)
    durations, details, charts = [], [], 0
    try:
        page = context.new_page()
        with streamlit_server(script, data_dir) as server:
            page.goto(f"{server['url']}/{path}")
            page.wait_for_selector(READY, timeout=300_000)
            page.wait_for_selector(FIRST_CHART, state="visible", timeout=300_000)
            page.wait_for_timeout(QUIET_MS)
            page.evaluate(_INSTRUMENT)
            for i in range(runs):
                adding = i % 2 == 0
                for _attempt in range(5):
                    if _change_filter(page, adding):
                        break
                    page.wait_for_selector(READY, timeout=300_000)
                else:
                    raise RuntimeError("the filter widget did not respond to five clicks")
                result = page.wait_for_function(_DONE, arg=QUIET_MS, timeout=300_000, polling=20).json_value()
                durations.append(result["ms"] / 1000)
                details.append(result)
                charts = result["charts"]
                page.wait_for_selector(READY, timeout=300_000)
                page.wait_for_timeout(100)
            peak = peak_rss_mb(server["pid"])
    finally:
        context.close()
    return {"filter_change": statistics.median(durations), "filter_change_runs": durations, "charts": charts,
            "filter_change_details": details,
            "server_peak_mb": peak}


@contextlib.contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def measure(browser, script: Path, data_dir: Path | None, runs: int, filter_runs: int, path: str = "") -> dict:
    """Median first chart over `runs` cold starts, and median filter change over `filter_runs` changes,
    on the page at `path` ('' for the landing page, 'overview' for /overview)."""
    starts = [first_chart(browser, script, data_dir, path) for _ in range(runs)]
    result = {
        "first_chart": statistics.median(s["first_chart"] for s in starts),
        "first_chart_runs": [s["first_chart"] for s in starts],
        "server_ready": statistics.median(s["server_ready"] for s in starts),
    }
    result.update(filter_changes(browser, script, data_dir, filter_runs, path))
    return result


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="First chart and filter change, dashboard vs floor app")
    parser.add_argument("data_dir", type=Path, nargs="?", help="dataset folder (default: data/)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--filter-runs", type=int, default=10)
    parser.add_argument("--page", default="overview", help="dashboard page (url path; '' for the landing page)")
    args = parser.parse_args(argv)
    with chromium() as browser:
        for name, script, data_dir, path in (("floor", FLOOR_APP, None, ""),
                                             ("dashboard", DASHBOARD, args.data_dir, args.page)):
            r = measure(browser, script, data_dir, args.runs, args.filter_runs, path)
            print(f"{name:10} first chart {r['first_chart']:.2f} s (server ready {r['server_ready']:.2f} s), "
                  f"filter change {r['filter_change'] * 1000:.0f} ms over {r['charts']} chart(s), "
                  f"server peak {r['server_peak_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
