"""Real-browser timings: Debian's Chromium driven by Playwright against `streamlit run` subprocesses.

For every page of `PAGES` (the pages with filters: World, the landing page; US; France; the weekly brief;
the explorer) and for bench/floor_app.py (one chart, one filter: the floor of Streamlit + plotly + Chromium
on this machine), measured in the same run so that each figure can be read as a ratio to the floor:

- first chart: from starting the server process to the page's first `.js-plotly-plot` drawn with its SVG
  and visible (the first table on a page without a chart), in a fresh browser context (empty cache), a
  fresh server each run;
- widget change: on a loaded page, change the page's widget (the sidebar's "Attack type" multiselect:
  pick "Ransomware", then remove it again, alternately; on the brief, the sidebar's week: the next week in
  its list, then back) and time from the click to
  - *script done*: the last websocket message of the rerun (or the last change of the app's script state);
  - *every chart redrawn*: the last DOM mutation of every plotly chart that redrew, once the script is done
    and nothing on the page has moved for QUIET_MS (a page without a chart: the last mutation of the main
    area, "script done + DOM quiet").
  A change counts only when the page really changed: a chart's data (its plotly traces) or, on a page
  without a chart, the main area's text differ from before the click; otherwise it is retried.

Clicks that miss (a closing list) are retried untimed; a run that fails (a server that does not start, a
page that never settles) is retried up to RETRIES times. Servers listen on free loopback ports and are always
stopped (terminate, then kill). Used by `python bench/run.py --browser`; on its own:
`python bench/browser.py [DATA_DIR] [--pages world,brief]`.
"""

from __future__ import annotations

import contextlib
import dataclasses
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
FIRST_TABLE = '[data-testid="stMain"] [data-testid="stDataFrame"] canvas'
QUIET_MS = 400  # nothing on the page moved for this long after the rerun: the redraw is over
VIEWPORT = {"width": 1400, "height": 2400}  # tall enough for the first charts of every page to be drawn
RETRIES = 3  # attempts of a run (server start, or a widget change) before giving up
CHANGE_TIMEOUT_MS = 120_000  # a widget change that has not settled by then is a failed attempt


@dataclasses.dataclass(frozen=True)
class Page:
    """A page to time and the widget change that makes sense on it."""

    path: str  # url path ('' for the landing page)
    kind: str  # "multiselect": add then remove `option`; "selectbox": the next option, then back
    label: str  # the widget's label (its aria-label)
    option: str = ""
    first: str = FIRST_CHART  # what "first chart" waits for


ATTACK = ("multiselect", "Attack type", "Ransomware")
PAGES = {
    "world": Page("", *ATTACK),
    "overview": Page("overview", *ATTACK),
    "france": Page("france", *ATTACK),
    "brief": Page("brief", "selectbox", "ISO week (Monday to Sunday)"),
    "explorer": Page("explorer", *ATTACK, first=FIRST_TABLE),  # no chart: its table
}
FLOOR = Page("", *ATTACK)

# Records script-state changes, the last DOM mutation of each plotly chart (charts are told apart by
# element; a chart re-mounted by Streamlit counts from its insertion) and of the main area; signatures of
# what the page shows (each chart's traces, the main area's text) to check that a change changed it.
_INSTRUMENT = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const bench = window.__bench = {armed: false, t0: null, states: [], last: new WeakMap(), lastAny: 0,
                                  lastMain: 0};
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
    if (el && el.closest && el.closest('[data-testid="stMain"]')) bench.lastMain = now;
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
  const hash = text => { let h = 5381; for (let i = 0; i < text.length; i++) h = (h * 33 + text.charCodeAt(i)) | 0;
                         return h; };
  const traces = gd => JSON.stringify((gd.data || []).map(t => [t.type, t.x, t.y, t.z, t.locations, t.values,
                                                                t.customdata]));
  bench.signature = () => {
    const main = document.querySelector('[data-testid="stMain"]');
    return {charts: [...document.querySelectorAll('.js-plotly-plot')].map(gd => hash(traces(gd))),
            text: hash(main ? main.innerText : '')};
  };
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
_ARM = """() => { const b = window.__bench; b.armed = true; b.t0 = null; b.states = [];
                  b.before = b.signature(); }"""
_RAN = "() => window.__bench.t0 !== null && window.__wsTimes.some(t => t >= window.__bench.t0)"
# Done when: the click happened, the server answered, the script stopped, and nothing (no chart, nothing in
# the main area, no message) has moved for `quiet` ms. Returns the durations in ms, else null.
_DONE = """(quiet) => {
  const b = window.__bench, now = performance.now();
  if (b.t0 === null) return null;
  const messages = window.__wsTimes.filter(t => t >= b.t0);
  const app = document.querySelector('[data-testid="stApp"]');
  if (!messages.length || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  const lastMessage = messages[messages.length - 1];
  if (now - Math.max(b.lastAny, b.lastMain, lastMessage) < quiet) return null;
  const stopped = Math.max(lastMessage, ...b.states.map(([t]) => t));
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  const redrawn = plots.map(p => b.last.get(p)).filter(t => t > b.t0);
  const after = b.signature();
  const changed = after.charts.filter((h, i) => b.before.charts[i] !== h).length
                  + Math.max(0, after.charts.length - b.before.charts.length);
  const settled = plots.length ? Math.max(stopped, ...redrawn) : Math.max(stopped, b.lastMain);
  return {ms: settled - b.t0, script_ms: stopped - b.t0, charts: plots.length, charts_redrawn: redrawn.length,
          charts_changed: changed, text_changed: after.text !== b.before.text,
          chart_ms: plots.map(p => (b.last.get(p) > b.t0 ? b.last.get(p) - b.t0 : null)),
          elements: document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]').length};
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


def _retried(what: str, attempt, retries: int = RETRIES):
    """attempt() until it returns, at most `retries` times; the last error is raised with `what`."""
    for n in range(1, retries + 1):
        try:
            return attempt()
        except Exception as err:  # noqa: BLE001 -- a timeout, a server that died: try again, then give up
            if n == retries:
                raise RuntimeError(f"{what}: failed {retries} times, last: {err}") from err
            print(f"    {what}: attempt {n} failed ({str(err).splitlines()[0][:160]}), retrying", flush=True)
    raise AssertionError("unreachable")


def first_chart(browser, script: Path, data_dir: Path | None, page_spec: Page) -> dict:
    """One cold start: server process start -> the page's first chart visible (fresh browser context)."""
    def attempt() -> dict:
        context = browser.new_context(viewport=VIEWPORT)
        try:
            page = context.new_page()
            with streamlit_server(script, data_dir) as server:
                page.goto(f"{server['url']}/{page_spec.path}", wait_until="commit", timeout=120_000)
                page.wait_for_selector(page_spec.first, state="visible", timeout=300_000)
                done = time.monotonic()
                return {"first_chart": done - server["started"], "server_ready": server["ready"] - server["started"]}
        finally:
            context.close()
    return _retried(f"first chart /{page_spec.path}", attempt)


def _click_change(page, spec: Page, forward: bool, targets: dict) -> bool:
    """Make the widget change (forward: pick the option / the next week; else undo it); True once the app
    started rerunning because of it (the server answered after the click)."""
    page.keyboard.press("Escape")  # no dropdown left open from the previous change
    combobox = page.get_by_role("combobox", name=spec.label, exact=True)
    if spec.kind == "multiselect":
        option = page.get_by_role("option", name=spec.option, exact=True)
        if forward:
            combobox.click()
            option.wait_for(state="visible", timeout=30_000)
            page.wait_for_timeout(100)  # the list's opening transition
            page.evaluate(_ARM)
            option.click()
        else:
            page.evaluate(_ARM)
            page.locator(f'[data-testid="stSidebar"] button[aria-label="Remove {spec.option}"]').click(force=True)
    else:  # selectbox: first time, note the current option and the one after it; then go back and forth
        combobox.click()
        page.locator('[role="option"][aria-selected="true"]').first.wait_for(state="visible", timeout=30_000)
        page.wait_for_timeout(100)
        if not targets:
            names = page.evaluate("""() => [...document.querySelectorAll('[role="option"]')].map(
                o => [o.innerText.trim(), o.getAttribute('aria-selected') === 'true'])""")
            current = next(i for i, (_, selected) in enumerate(names) if selected)
            other = current + 1 if current + 1 < len(names) else current - 1
            targets.update(start=names[current][0], other=names[other][0])
        wanted = targets["other" if forward else "start"]
        page.evaluate(_ARM)
        page.get_by_role("option", name=wanted, exact=True).click()
    try:
        page.wait_for_function(_RAN, timeout=5_000, polling=10)
        return True
    except Exception:  # noqa: BLE001 -- the click missed (a closing list): try again, untimed
        return False


def widget_changes(browser, script: Path, data_dir: Path | None, runs: int, spec: Page) -> dict:
    """`runs` widget changes on one loaded page (alternately forward and back); each must change the page."""
    def attempt() -> dict:
        context = browser.new_context(viewport=VIEWPORT)
        context.add_init_script(_WEBSOCKET_CLOCK)
        details: list[dict] = []
        targets: dict = {}
        try:
            page = context.new_page()
            with streamlit_server(script, data_dir) as server:
                page.goto(f"{server['url']}/{spec.path}", timeout=120_000)
                page.wait_for_selector(READY, timeout=300_000)
                page.wait_for_selector(spec.first, state="visible", timeout=300_000)
                page.wait_for_timeout(QUIET_MS)
                page.evaluate(_INSTRUMENT)
                i = unchanged = 0
                while len(details) < runs:
                    forward = i % 2 == 0
                    for _click in range(5):
                        if _click_change(page, spec, forward, targets):
                            break
                        page.wait_for_selector(READY, timeout=300_000)
                    else:
                        raise RuntimeError(f"the {spec.label!r} widget did not respond to five clicks")
                    result = page.wait_for_function(_DONE, arg=QUIET_MS, timeout=CHANGE_TIMEOUT_MS,
                                                    polling=20).json_value()
                    i += 1
                    if not (result["charts_changed"] or result["text_changed"]):
                        unchanged += 1  # the page did not change: not a measure (the next click undoes it)
                        if unchanged > runs:
                            raise RuntimeError(f"/{spec.path}: the widget change does not change the page")
                    else:
                        details.append(result)
                    page.wait_for_selector(READY, timeout=300_000)
                    page.wait_for_timeout(100)
                peak = peak_rss_mb(server["pid"])
        finally:
            context.close()
        return {"details": details, "peak": peak, "unchanged": unchanged}

    done = _retried(f"widget change /{spec.path}", attempt)
    details = done["details"]
    return {"filter_change": statistics.median(d["ms"] for d in details) / 1000,
            "filter_change_runs": [d["ms"] / 1000 for d in details],
            "script_done": statistics.median(d["script_ms"] for d in details) / 1000,
            "charts": max(d["charts"] for d in details),
            "charts_redrawn": statistics.median(d["charts_redrawn"] for d in details),
            "charts_changed": statistics.median(d["charts_changed"] for d in details),
            "elements": max(d["elements"] for d in details),
            "unchanged_changes": done["unchanged"],
            "filter_change_details": details, "server_peak_mb": done["peak"]}


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


def measure(browser, script: Path, data_dir: Path | None, runs: int, filter_runs: int,
            spec: Page | str = "") -> dict:
    """Median first chart over `runs` cold starts, and the median widget change over `filter_runs` changes,
    on one page (a Page, or a url path of PAGES: '' for the landing page, 'overview' for /overview)."""
    if isinstance(spec, str):
        spec = FLOOR if script == FLOOR_APP else next(p for p in PAGES.values() if p.path == spec)
    starts = [first_chart(browser, script, data_dir, spec) for _ in range(runs)]
    result = {
        "first_chart": statistics.median(s["first_chart"] for s in starts),
        "first_chart_runs": [s["first_chart"] for s in starts],
        "server_ready": statistics.median(s["server_ready"] for s in starts),
    }
    result.update(widget_changes(browser, script, data_dir, filter_runs, spec))
    return result


def measure_pages(browser, data_dir: Path | None, runs: int, filter_runs: int, pages: list[str],
                  log=print) -> dict:
    """The floor app and every page of `pages` (names of PAGES), measured in turn on one dataset:
    {"floor": {...}, "pages": {name: {...}}}. Cold starts are interleaved (floor, page 1, page 2 ... then
    again), so that a change of the machine's load weighs on the floor and the pages alike."""
    specs = {"floor": (FLOOR_APP, None, FLOOR), **{name: (DASHBOARD, data_dir, PAGES[name]) for name in pages}}
    starts: dict[str, list[dict]] = {name: [] for name in specs}
    for run in range(runs):
        log(f"  cold starts, round {run + 1}/{runs}")
        for name, (script, folder, spec) in specs.items():
            starts[name].append(first_chart(browser, script, folder, spec))
    out: dict = {"pages": {}}
    for name, (script, folder, spec) in specs.items():
        log(f"  widget changes: {name} ({spec.kind} {spec.label!r})")
        result = {"path": spec.path, "widget": f"{spec.kind} {spec.label} {spec.option}".strip(),
                  "first_chart": statistics.median(s["first_chart"] for s in starts[name]),
                  "first_chart_runs": [s["first_chart"] for s in starts[name]],
                  "server_ready": statistics.median(s["server_ready"] for s in starts[name])}
        result.update(widget_changes(browser, script, folder, filter_runs, spec))
        if name == "floor":
            out["floor"] = result
        else:
            out["pages"][name] = result
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="First chart and widget change per page, dashboard vs floor app")
    parser.add_argument("data_dir", type=Path, nargs="?", help="dataset folder (default: data/)")
    parser.add_argument("--runs", type=int, default=5, help="cold starts per page (median)")
    parser.add_argument("--filter-runs", type=int, default=10, help="widget changes per page (median)")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, of: {', '.join(PAGES)}")
    args = parser.parse_args(argv)
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    unknown = [p for p in pages if p not in PAGES]
    if unknown:
        parser.error(f"unknown page(s) {unknown}; known: {', '.join(PAGES)}")
    print(f"load average {os.getloadavg()}", flush=True)
    with chromium() as browser:
        result = measure_pages(browser, args.data_dir, args.runs, args.filter_runs, pages)
    floor = result["floor"]
    print(f"load average {os.getloadavg()}")
    print(f"{'page':10} {'first chart':>18} {'script done':>18} {'every chart redrawn':>20}  charts (changed)")
    for name, r in [("floor", floor), *result["pages"].items()]:
        print(f"{name:10} {r['first_chart']:6.2f} s ({r['first_chart'] / floor['first_chart']:4.2f}x) "
              f"{r['script_done'] * 1000:6.0f} ms ({r['script_done'] / floor['script_done']:4.2f}x) "
              f"{r['filter_change'] * 1000:7.0f} ms ({r['filter_change'] / floor['filter_change']:4.2f}x)  "
              f"{r['charts']} ({r['charts_changed']:g}), {r['elements']} elements, "
              f"server peak {r['server_peak_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
