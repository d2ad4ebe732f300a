"""A bounded soak of the dashboard: N concurrent browser sessions for a set time.

    python scripts/soak.py --sessions 5 --duration 60
    python scripts/soak.py --url http://127.0.0.1:8501 --pid 12345 --sessions 10 --duration 120

Starts the dashboard on loopback (or uses --url, which must be on 127.0.0.1/localhost), opens N headless
Chromium pages (Debian's /usr/bin/chromium, through playwright), and has each one loop until the time is
up: open a view, reload it, change a filter in the URL, switch language or page. Every page load is timed
from navigation to "ready" (Streamlit's script state back to notRunning, with the page's title drawn).
Requests leaving the machine are refused and counted.

Prints errors (timeouts, Streamlit exceptions shown on the page, page and console errors, HTTP 4xx/5xx),
page-ready latency percentiles (p50/p95/p99/max) and the resident memory (RSS) of the Streamlit process
(and its children) sampled over time. `--json PATH` also writes the figures as JSON.
Everything is bounded: the run stops at --duration plus one page timeout, and the server it started is stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
READY_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.dataset.testScriptState === 'notRunning' && document.querySelector('h1') !== null;
}"""
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# What a reader does: views and filters reached through the URL (the filters live there).
VIEWS = (
    "/", "/?lang=fr", "/overview", "/overview?period=month", "/overview?attack=ransomware&period=month",
    "/overview?state=US-CA", "/overview?state=US-TX&state=US-NY&org=health_plan", "/overview?from=2021-01-01&period=week",
    "/overview?lang=fr&attack=hacking", "/explorer", "/methodology", "/about", "/about?lang=fr",
)


@dataclass
class Figures:
    ready_seconds: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    error_samples: list[str] = field(default_factory=list)
    actions: dict[str, int] = field(default_factory=dict)
    outside_requests: int = 0
    rss_mb: list[tuple[float, float]] = field(default_factory=list)  # (seconds since start, MB)

    def error(self, kind: str, detail: str = "") -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1
        sample = f"{kind}: {detail[:200]}"
        if detail and len(self.error_samples) < 10 and sample not in self.error_samples:
            self.error_samples.append(sample)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_dashboard(data_dir: str | None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    if data_dir:
        env["OBSERVATORY_DATA_DIR"] = data_dir
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return server, url
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"streamlit did not start on {url}")


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process and its descendants, in MB (Linux /proc)."""
    total_kb, todo, seen = 0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total_kb += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                todo.extend(int(c) for c in children)
        except (OSError, StopIteration, ValueError):
            if current == pid:
                return None
    return total_kb / 1024


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a process so far (Linux /proc; its own threads, not its children)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


async def sample_memory(pid: int | None, figures: Figures, started: float, stop: asyncio.Event, every: float) -> None:
    while pid is not None:
        value = rss_mb(pid)
        if value is not None:
            figures.rss_mb.append((round(time.monotonic() - started, 1), round(value, 1)))
        try:
            await asyncio.wait_for(stop.wait(), timeout=every)
            return
        except TimeoutError:
            pass


async def one_session(n: int, browser, base_url: str, deadline: float, figures: Figures, timeout_ms: int) -> None:
    rng = random.Random(n)
    context = await browser.new_context(viewport={"width": 1300, "height": 1800})
    page = await context.new_page()

    async def route(route):
        if urlparse(route.request.url).hostname in LOCAL_HOSTS:
            await route.continue_()
        else:
            figures.outside_requests += 1
            await route.abort()

    await page.route("**/*", route)
    def on_console(msg) -> None:
        if msg.type == "error" and not is_base_path_probe(msg.location.get("url", "")):
            figures.error("console error", f"{msg.text} ({msg.location.get('url', '')})")

    def on_response(response) -> None:
        if response.status >= 400 and not is_base_path_probe(response.url):
            figures.error(f"HTTP {response.status // 100}xx", f"{response.status} {response.url}")

    page.on("pageerror", lambda exc: figures.error("page error", str(exc)))
    page.on("console", on_console)
    page.on("response", on_response)

    async def timed(action: str, go) -> None:
        figures.actions[action] = figures.actions.get(action, 0) + 1
        started = time.monotonic()
        try:
            await go()
            await page.wait_for_function(READY_JS, timeout=timeout_ms)
        except Exception as exc:  # noqa: BLE001 -- a soak counts failures, it does not stop on them
            figures.error(f"{action} not ready", f"{type(exc).__name__}: {exc}")
            return
        figures.ready_seconds.append(time.monotonic() - started)
        if await page.locator('[data-testid="stException"]').count():
            figures.error("streamlit exception on page", page.url)

    try:
        while time.monotonic() < deadline:
            view = rng.choice(VIEWS)
            await timed("open view", lambda view=view: page.goto(base_url + view, wait_until="commit"))
            if time.monotonic() >= deadline:
                break
            await timed("reload", lambda: page.reload(wait_until="commit"))
            if time.monotonic() >= deadline:
                break
            other = rng.choice([v for v in VIEWS if v != view])
            await timed("change filter", lambda other=other: page.goto(base_url + other, wait_until="commit"))
            await asyncio.sleep(rng.uniform(0.2, 1.0))  # a reader looks at the page
    finally:
        await context.close()


def is_base_path_probe(url: str) -> bool:
    """Streamlit's frontend, opened on a page path (/about), first looks for its server under that path
    (/about/_stcore/health, /about/_stcore/host-config) and gets a 404 before trying the root: expected."""
    path = urlparse(url).path
    return path.endswith(("/_stcore/health", "/_stcore/host-config")) and not path.startswith("/_stcore/")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


async def soak(args) -> dict:
    from playwright.async_api import async_playwright

    server = None
    if args.url:
        if urlparse(args.url).hostname not in LOCAL_HOSTS:
            raise SystemExit("--url must be on 127.0.0.1 or localhost")
        base_url, pid = args.url.rstrip("/"), args.pid
    else:
        server, base_url = start_dashboard(args.data_dir)
        pid = server.pid
    figures = Figures()
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                # Warm the server's caches once, outside the measurement (the first load reads the dataset).
                warm = await browser.new_page()
                await warm.goto(base_url + "/", wait_until="commit")
                await warm.wait_for_function(READY_JS, timeout=args.timeout * 1000)
                await warm.close()
                started = time.monotonic()
                cpu_before = cpu_seconds(pid)
                stop = asyncio.Event()
                memory = asyncio.create_task(sample_memory(pid, figures, started, stop, args.sample_every))
                deadline = started + args.duration
                await asyncio.gather(*(one_session(n, browser, base_url, deadline, figures, args.timeout * 1000)
                                       for n in range(args.sessions)))
                elapsed = time.monotonic() - started
                cpu_after = cpu_seconds(pid)
                stop.set()
                await memory
            finally:
                await browser.close()
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    ready = figures.ready_seconds
    rss = [mb for _, mb in figures.rss_mb]
    return {
        "sessions": args.sessions, "duration_s": args.duration, "elapsed_s": round(elapsed, 1),
        "cpus": os.cpu_count(), "page_loads": len(ready), "actions": figures.actions,
        "errors": figures.errors, "error_samples": figures.error_samples,
        "outside_requests": figures.outside_requests,
        "ready_s": {name: round(value, 2) for name, value in (
            ("p50", percentile(ready, 50)), ("p95", percentile(ready, 95)), ("p99", percentile(ready, 99)),
            ("max", max(ready)), ("mean", statistics.fmean(ready)))} if ready else {},
        "server_cpu_s": round(cpu_after - cpu_before, 1) if cpu_before is not None and cpu_after is not None
        else None,
        "rss_mb": {"start": rss[0], "peak": max(rss), "end": rss[-1]} if rss else {},
        "rss_timeline": figures.rss_mb,
    }


def report(result: dict) -> str:
    lines = [f"soak: {result['sessions']} sessions for {result['duration_s']} s "
             f"({result['elapsed_s']} s elapsed, {result['cpus']} CPUs)",
             f"  page loads         {result['page_loads']}  "
             f"({', '.join(f'{k} {v}' for k, v in result['actions'].items())})"]
    if result["ready_s"]:
        r = result["ready_s"]
        lines.append(f"  page ready (s)     p50 {r['p50']}  p95 {r['p95']}  p99 {r['p99']}  max {r['max']}")
    errors = result["errors"]
    lines.append(f"  errors             {sum(errors.values())}" + (f"  {errors}" if errors else ""))
    lines += [f"    {sample}" for sample in result["error_samples"]]
    lines.append(f"  outside requests   {result['outside_requests']} (refused)")
    if result["server_cpu_s"] is not None:
        lines.append(f"  server CPU         {result['server_cpu_s']} s over {result['elapsed_s']} s "
                     f"({result['server_cpu_s'] / result['elapsed_s']:.0%} of one core)")
    if result["rss_mb"]:
        m = result["rss_mb"]
        lines.append(f"  server RSS (MB)    start {m['start']}  peak {m['peak']}  end {m['end']}")
        timeline = result["rss_timeline"]
        step = max(1, len(timeline) // 8)
        lines.append("  RSS over time      " + "  ".join(f"{t:g}s:{mb:g}" for t, mb in timeline[::step]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=5, help="concurrent browser sessions (default: %(default)s)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load (default: %(default)s)")
    parser.add_argument("--url", help="an already running dashboard on 127.0.0.1 (default: start one)")
    parser.add_argument("--pid", type=int, help="with --url: the Streamlit process to sample RSS from")
    parser.add_argument("--data-dir", help="dataset folder for the dashboard it starts (OBSERVATORY_DATA_DIR)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a page load counts as failed")
    parser.add_argument("--sample-every", type=float, default=2, help="seconds between RSS samples")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.duration <= 0:
        parser.error("--sessions and --duration must be positive")
    result = asyncio.run(soak(args))
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 1 if result["errors"] or not result["page_loads"] else 0


if __name__ == "__main__":
    sys.exit(main())
