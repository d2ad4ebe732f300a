"""A hundred readers at once, measured on the server: `python bench/load.py [-u 100 -r 10 -t 5m] [--ingest-at 150]`.

1. copies data/ to a temporary folder (the committed data are never written) and starts the dashboard on it,
   on a free loopback port (bench/browser.py's `streamlit_server`);
2. runs Locust headless in a subprocess (bench/locustfile.py: readers speaking Streamlit's websocket
   protocol), while a thread samples the server's CPU (utime + stime, /proc/PID/stat) and RSS every second;
3. with `--ingest-at S`, runs `python -m collectors --data-dir <copy> ingest hhs_ocr <export>` S seconds in:
   an HHS export with a dozen reports newer than the dataset (see `ingest_export`), and checks on /about that
   readers saw the new figures after it, without a restart, and never a mix of the two versions;
4. prints the figures and writes them to artifacts/bench/load.json.

`--validate` instead compares the Reader with Debian's Chromium on a few pages (bench/validate_reader.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser import DASHBOARD, ROOT, streamlit_server  # noqa: E402
from bench.dashboard_pages import about_figures  # noqa: E402
from bench.streamlit_reader import Reader  # noqa: E402

OUT = ROOT / "artifacts" / "bench" / "load.json"
SNAPSHOT = ROOT.parent / "shared" / "snapshots" / "hhs-ocr-breach-portal" / "under_investigation_2025-12-31_wendy160.csv"
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
NEW_REPORTS = 12  # reports the ingest adds
INGEST_AS_OF = "2026-01-16"


# --- the server's CPU and memory ---------------------------------------------------------------------------
def cpu_seconds(pid: int) -> float:
    """utime + stime of a process, in seconds (fields 14 and 15 of /proc/PID/stat, after the command name)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid: int) -> float:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE / 1e6


class Sampler(threading.Thread):
    """Every second: (seconds since start, CPU seconds used, RSS in MB) of the server."""

    def __init__(self, pid: int, every: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, float, float]] = []
        self.stopped = threading.Event()
        self.t0 = time.monotonic()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                self.samples.append((time.monotonic() - self.t0, cpu_seconds(self.pid), rss_mb(self.pid)))
            except OSError:
                return  # the server is gone
            self.stopped.wait(self.every)

    def summary(self) -> dict:
        s = self.samples
        if len(s) < 2:
            return {}
        # Per second: CPU seconds used over wall seconds, in % of one core.
        load = [100 * (b[1] - a[1]) / (b[0] - a[0]) for a, b in zip(s, s[1:]) if b[0] > a[0]]
        rss = [x[2] for x in s]
        every_10s = [{"t": round(t), "cpu_pct_of_one_core": round(pct, 1), "rss_mb": round(r)}
                     for (t, _, r), pct in zip(s[1:], load) if round(t) % 10 == 0]
        return {"cpu_pct_of_one_core": {"mean": round(100 * (s[-1][1] - s[0][1]) / (s[-1][0] - s[0][0]), 1),
                                        "max_1s": round(max(load), 1), "p95_1s": round(_pct(load, 95), 1)},
                "cpu_seconds": round(s[-1][1] - s[0][1], 1),
                "rss_mb": {"start": round(rss[0]), "max": round(max(rss)), "end": round(rss[-1])},
                "every_10s": every_10s}


def _pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


# --- the ingest ------------------------------------------------------------------------------------------
def ingest_export(data_dir: Path, out: Path) -> Path:
    """An HHS under-investigation export later than the dataset: the list of 2025-12-31 from the shared
    snapshots (else the copy's own rows of that list, written back in the portal's format), with
    NEW_REPORTS invented reports submitted in January 2026 ("Load test clinic N", a benchmark's copy only)."""
    header = ('"Name of Covered Entity","State","Covered Entity Type","Individuals Affected",'
              '"Breach Submission Date","Type of Breach","Location of Breached Information",'
              '"Business Associate Present","Web Description"')
    if SNAPSHOT.exists():
        lines = SNAPSHOT.read_text(encoding="utf-8").splitlines()[1:]
    else:
        lines = _rows_as_export(data_dir)
    states = ("CA", "TX", "NY", "FL", "IL", "PA")
    new = [_csv_row([f"Load test clinic {i + 1}", states[i % len(states)], "Healthcare Provider", str(1000 + 37 * i),
                     f"01/{2 + i:02d}/2026", "Hacking/IT Incident", "Network Server", "No", ""])
           for i in range(NEW_REPORTS)]
    out.write_text("\n".join([header, *new, *lines]) + "\n", encoding="utf-8")
    return out


def _rows_as_export(data_dir: Path) -> list[str]:
    import pandas as pd

    rows = pd.read_csv(data_dir / "incidents.csv", dtype=str, keep_default_na=False)
    rows = rows[(rows["source"] == "hhs_ocr") & (rows["source_list"] == "under_investigation")]
    return [_csv_row([r.organization, r.subdivision.removeprefix("US-"), r.organization_type_raw,
                      r.individuals_affected.split(".")[0], pd.Timestamp(r.reported_date).strftime("%m/%d/%Y"),
                      r.attack_type_raw, r.breach_location,
                      "Yes" if r.business_associate_involved == "True" else "No", ""])
            for r in rows.itertuples()]


def _csv_row(cells: list[str]) -> str:
    return ",".join('"' + c.replace('"', '""') + '"' for c in cells)


def run_ingest(data_dir: Path, export: Path) -> dict:
    started = time.time()
    done = subprocess.run([sys.executable, "-m", "collectors", "--data-dir", str(data_dir), "ingest", "hhs_ocr",
                           str(export), "--as-of", INGEST_AS_OF], cwd=ROOT, capture_output=True, text=True)
    return {"started": started, "ended": time.time(), "seconds": round(time.time() - started, 1),
            "exit_code": done.returncode, "output": (done.stdout + done.stderr)[-1500:]}


def ingest_then_look(url: str, data_dir: Path, export: Path) -> dict:
    """The ingest, then one more reader opening /about in English as soon as it is done (under the load)."""
    done = run_ingest(data_dir, export)
    started = time.time()
    try:
        done["probe_after"] = {"about": about_now(url, ("en",))["en"], "ms": round(1000 * (time.time() - started))}
    except Exception as exc:  # noqa: BLE001 -- reported, not raised from a timer thread
        done["probe_after"] = {"error": repr(exc)}
    return done


def about_now(url: str, languages: tuple[str, ...] = ("en", "fr")) -> dict[str, list[str]]:
    """What /about says now, in each language (a fresh tab each)."""
    out = {}
    for lang, locale in (("en", "en-US"), ("fr", "fr-FR")):
        if lang not in languages:
            continue
        reader = Reader(url, locale=locale, timeout=300)  # under load a run takes as long as the readers' runs
        out[lang] = about_figures(reader.open("about", f"lang={lang}"))
        reader.close()
    return out


def ingest_check(records: list[dict], before: dict, after: dict, ingest: dict) -> dict:
    """Every /about view a reader got, against the figures before and after the ingest: after the ingest
    ended, a view must show the new figures (picked up at the next page view); at any time, one of the two
    versions, never a mix."""
    before_views = {tuple(v) for v in before.values()}
    after_views = {tuple(v) for v in after.values()}
    views = [r for r in records if r.get("about") is not None]
    seen = {"before": 0, "after": 0, "neither (mixed or other)": 0}
    stale_after_ingest, mixed, first_new = [], [], None
    for r in views:
        shown = tuple(r["about"])
        kind = "after" if shown in after_views else "before" if shown in before_views else "neither (mixed or other)"
        seen[kind] += 1
        if kind == "after" and (first_new is None or r["t_end"] < first_new):
            first_new = r["t_end"]
        if kind == "neither (mixed or other)":
            mixed.append(r["about"])
        if kind == "before" and r["t"] > ingest["ended"]:
            stale_after_ingest.append(r["t"] - ingest["ended"])
    window = [r for r in records if ingest["started"] - 5 <= r["t"] <= ingest["ended"] + 5]
    probe = ingest.get("probe_after", {})
    return {"changed": before != after, "before": before, "after": after,
            "probe_right_after_ingest_saw_new_figures": probe.get("about") == after.get("en") if "about" in probe
            else probe.get("error"), "probe_ms": probe.get("ms"),
            "about_views": seen, "old_figures_after_ingest_ended": len(stale_after_ingest),
            "first_new_view_s_after_ingest_started": round(first_new - ingest["started"], 1) if first_new else None,
            "mixed_views": mixed[:3], "reruns_within_5s_of_ingest": len(window),
            "errors_within_5s_of_ingest": sum(1 for r in window if r["error"])}


# --- the load run ----------------------------------------------------------------------------------------
def latency_summary(records: list[dict]) -> dict:
    out = {}
    for kind in sorted({r["action"] for r in records}):
        ms = [r["ms"] for r in records if r["action"] == kind and not r["error"]]
        if ms:
            out[kind] = {"n": len(ms), "p50": round(_pct(ms, 50)), "p95": round(_pct(ms, 95)),
                         "p99": round(_pct(ms, 99)), "max": round(max(ms))}
    return out


def seconds(text: str) -> int:
    """Locust's duration syntax: 300, 5m, 1m30s."""
    if text.isdigit():
        return int(text)
    parts = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text)
    if not parts or not any(parts.groups()):
        raise argparse.ArgumentTypeError(f"not a duration: {text}")
    h, m, s = (int(x or 0) for x in parts.groups())
    return 3600 * h + 60 * m + s


def load_run(users: int, rate: float, duration: int, ingest_at: float | None, out: Path,
             timeout: float = 120) -> dict:
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="observatory-load-") as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns(".cache"))
        records_path, stats_path = Path(tmp) / "records.jsonl", Path(tmp) / "locust.json"
        export = ingest_export(data_dir, Path(tmp) / "breach_report.csv") if ingest_at is not None else None
        with streamlit_server(DASHBOARD, data_dir=data_dir) as server:
            url, pid = server["url"], server["pid"]
            before = about_now(url)  # also the first page views, which load the dataset
            sampler = Sampler(pid)
            sampler.start()
            ingest: dict = {}
            timer = None
            if export is not None:
                timer = threading.Timer(ingest_at, lambda: ingest.update(ingest_then_look(url, data_dir, export)))
                timer.start()
            started = time.time()
            log = (Path(tmp) / "locust.log").open("w+")
            locust = subprocess.Popen(
                [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
                 "-u", str(users), "-r", str(rate), "-t", f"{duration}s", "--host", url, "--only-summary",
                 "--json-file", str(stats_path.with_suffix("")), "--loglevel", "WARNING"],
                cwd=ROOT, env={**os.environ, "LOAD_RECORDS": str(records_path), "LOAD_TIMEOUT_S": str(timeout)},
                stdout=log, stderr=subprocess.STDOUT)
            generator = Sampler(locust.pid)  # the load generator's own CPU: is it a bottleneck?
            generator.start()
            try:
                locust.wait(timeout=duration + timeout + 120)
            except subprocess.TimeoutExpired:  # never leave it running
                locust.kill()
                locust.wait()
            wall = time.time() - started
            generator.stopped.set()
            log.seek(0)
            locust_output = log.read()
            if timer is not None:
                timer.join()
            sampler.stopped.set()
            sampler.join()
            after = about_now(url) if export is not None else None
        records = [json.loads(line) for line in records_path.read_text().splitlines()] if records_path.exists() else []
        stats = json.loads(stats_path.read_text()) if stats_path.exists() else []
    errors = [r for r in records if r["error"]]
    result = {
        "command": " ".join(sys.argv), "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "readers": users, "spawn_rate": rate, "duration_s": round(wall), "reader_timeout_s": timeout, "reruns": len(records),
        "errors": len(errors), "error_examples": sorted({r["error"] for r in errors})[:5],
        "locust_failures": sum(s.get("num_failures", 0) for s in stats), "locust_exit_code": locust.returncode,
        "concurrent_readers_max": max_concurrent(records),
        "runs_in_flight_max": _most_at_once([(r["t"], r["t_end"]) for r in records]),
        "latency_ms": latency_summary(records),
        "server": sampler.summary(),
        "load_generator_cpu_pct_of_one_core": generator.summary().get("cpu_pct_of_one_core"),
    }
    if export is not None:
        result["ingest"] = {**{k: v for k, v in ingest.items() if k not in ("started", "ended", "probe_after")},
                            "at_s": ingest_at, **ingest_check(records, before, after or {}, ingest)}
    if locust.returncode not in (0, 1):
        result["locust_output"] = locust_output[-3000:]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return result


def max_concurrent(records: list[dict]) -> int:
    """Most readers present at once: the users whose records span each moment (first to last record)."""
    spans: dict[int, list[float]] = {}
    for r in records:
        span = spans.setdefault(r["user"], [r["t"], r["t_end"]])
        span[0], span[1] = min(span[0], r["t"]), max(span[1], r["t_end"])
    return _most_at_once(list(spans.values()))


def _most_at_once(spans: list) -> int:
    edges = sorted([(a, 1) for a, _ in spans] + [(b, -1) for _, b in spans])
    best = now = 0
    for _, step in edges:
        now += step
        best = max(best, now)
    return best


def print_result(r: dict) -> None:
    print(f"readers {r['readers']} (spawn {r['spawn_rate']}/s), {r['duration_s']} s; load average "
          f"{r['load_average_before'][0]} -> {r['load_average_after'][0]}")
    print(f"reruns {r['reruns']}, errors {r['errors']} (Locust failures {r['locust_failures']}), "
          f"readers present at once (max) {r['concurrent_readers_max']}, runs waiting on the server at once "
          f"(max) {r['runs_in_flight_max']}")
    for e in r["error_examples"]:
        print(f"  error: {e}")
    print("rerun latency, ms:   n      p50    p95    p99    max")
    for kind, s in r["latency_ms"].items():
        print(f"  {kind:<8} {s['n']:>8} {s['p50']:>7} {s['p95']:>6} {s['p99']:>6} {s['max']:>6}")
    srv = r["server"]
    if srv:
        cpu, rss = srv["cpu_pct_of_one_core"], srv["rss_mb"]
        print(f"server CPU (% of one core): mean {cpu['mean']}, p95 {cpu['p95_1s']}, max {cpu['max_1s']} "
              f"(1 s samples); RSS MB: start {rss['start']}, max {rss['max']}, end {rss['end']}")
        print("  over time: " + ", ".join(f"{p['t']}s {p['cpu_pct_of_one_core']:.0f}%/{p['rss_mb']}MB"
                                          for p in srv["every_10s"][::3]))
    print(f"load generator (Locust) CPU, % of one core: {r['load_generator_cpu_pct_of_one_core']}")
    if "ingest" in r:
        i = r["ingest"]
        print(f"ingest at {i['at_s']} s: exit {i.get('exit_code')}, {i.get('seconds')} s; /about changed: "
              f"{i['changed']}; a reader opening /about right after it saw the new figures: "
              f"{i['probe_right_after_ingest_saw_new_figures']} ({i['probe_ms']} ms); readers' views {i['about_views']}; old figures after the ingest ended: "
              f"{i['old_figures_after_ingest_ended']}; first new view {i['first_new_view_s_after_ingest_started']} s "
              f"after it started; errors within 5 s of it: {i['errors_within_5s_of_ingest']} of "
              f"{i['reruns_within_5s_of_ingest']} reruns")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-u", "--users", type=int, default=100)
    parser.add_argument("-r", "--spawn-rate", type=float, default=10)
    parser.add_argument("-t", "--run-time", type=seconds, default=300, help="300, 5m, 1m30s")
    parser.add_argument("--ingest-at", type=float, help="seconds into the run at which an HHS export is ingested")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a reader waits for a run (else: an error)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--validate", action="store_true", help="compare the Reader with Chromium instead")
    args = parser.parse_args(argv)
    if args.validate:
        from bench.validate_reader import main as validate

        return validate(args.out.with_name("validate.json"))
    result = load_run(args.users, args.spawn_rate, args.run_time, args.ingest_at, args.out, args.timeout)
    print_result(result)
    print(f"written: {args.out}")
    ok = result["errors"] == 0 and result["locust_failures"] == 0
    if "ingest" in result:
        i = result["ingest"]
        ok = ok and i.get("exit_code") == 0 and i["changed"] and i["old_figures_after_ingest_ended"] == 0 \
            and not i["mixed_views"] and i["probe_right_after_ingest_saw_new_figures"] is True
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
