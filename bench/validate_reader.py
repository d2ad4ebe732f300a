"""Does the Reader cost the server what a browser costs? `python bench/load.py --validate`.

The same pages, on the same server, opened by Debian's Chromium (Playwright) and by bench/streamlit_reader.py:
for a page load and a filter change, the server's CPU seconds (/proc/PID/stat, from the action until the
websocket has been quiet for a second), the ForwardMsgs and deltas the run sent, the page's title, and
what the client sent (the rerun_script BackMsg: page, query string, widget states), decoded from
Chromium's websocket frames. Printed side by side and written to artifacts/bench/validate.json.

Chromium's tab opens in a context that has already loaded the app once, so the JavaScript bundle comes
from its cache (a returning reader); what it still fetches over HTTP is counted in its CPU.
"""

from __future__ import annotations

import collections
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from bench.browser import DASHBOARD, READY, ROOT, VIEWPORT, chromium, streamlit_server  # noqa: E402
from bench.load import cpu_seconds  # noqa: E402
from bench.streamlit_reader import Reader  # noqa: E402

QUIET_S = 1.0  # no websocket frame for this long: the run and its redraw are over
REPEATS = 3
# (page, language, the widget changed (English and French labels), which of its options is picked)
VIEWS = (
    ("", "fr", ("Attack type", "Type d'attaque"), 0),
    ("overview", "en", ("Attack type", "Type d'attaque"), 0),
    ("brief", "en", ("ISO week (Monday to Sunday)", "Semaine ISO (du lundi au dimanche)"), 3),
    ("about", "fr", None, None),
)


def _frames_summary(received: list[bytes]) -> dict:
    messages = [ForwardMsg.FromString(raw) for raw in received]
    deltas = [m for m in messages if m.WhichOneof("type") in ("delta", "ref_hash")]
    kinds = collections.Counter(m.WhichOneof("type") for m in messages)
    title = next((m.delta.new_element.heading.body for m in messages
                  if m.WhichOneof("type") == "delta" and m.delta.new_element.WhichOneof("type") == "heading"
                  and m.delta.new_element.heading.tag == "h1" and m.metadata.delta_path[0] == 0), None)
    return {"messages": len(messages), "deltas": len(deltas), "title": title, "message_types": dict(kinds)}


def _rerun_sent(sent: list[bytes]) -> dict | None:
    """The rerun_script BackMsg a client sent, as comparable facts (other BackMsgs counted apart)."""
    reruns = [m for m in (BackMsg.FromString(raw) for raw in sent) if m.WhichOneof("type") == "rerun_script"]
    if not reruns:
        return None
    r = reruns[-1].rerun_script
    widgets = {w.id.rsplit("-", 1)[-1]: (w.WhichOneof("value"), str(getattr(w, w.WhichOneof("value"))).strip())
               for w in r.widget_states.widgets}
    others = collections.Counter(m.WhichOneof("type") for m in (BackMsg.FromString(raw) for raw in sent))
    return {"backmsg_types": dict(others), "query_string": r.query_string, "page_name": r.page_name, "has_page_hash": bool(r.page_script_hash),
            "widgets": dict(sorted(widgets.items())), "locale": r.context_info.locale,
            "cached_hashes": len(r.cached_message_hashes)}


class ChromiumTab:
    """A tab of a context that has loaded the app before, with every websocket frame recorded."""

    def __init__(self, browser, url: str, lang: str) -> None:
        self.context = browser.new_context(viewport=VIEWPORT, locale="fr-FR" if lang == "fr" else "en-US")
        warm = self.context.new_page()
        warm.goto(f"{url}/about?lang={lang}")
        warm.wait_for_selector(READY, timeout=120_000)
        warm.close()
        self.page = self.context.new_page()
        self.received: list[bytes] = []
        self.sent: list[bytes] = []
        self.last_frame = time.monotonic()
        self.requests: list[str] = []  # HTTP requests that reached the network (not the browser's cache)
        self.page.on("websocket", self._watch)
        self.page.on("requestfinished", lambda request: self.requests.append(request.url))

    def _watch(self, ws) -> None:
        def keep(into):
            def record(payload):
                if isinstance(payload, bytes):
                    into.append(payload)
                self.last_frame = time.monotonic()
            return record
        ws.on("framereceived", keep(self.received))
        ws.on("framesent", keep(self.sent))

    def wait_quiet(self, mark: tuple[int, int, int]) -> None:
        """Until a run that started after `mark` has finished, and the socket has been quiet since."""
        deadline = time.monotonic() + 120
        while not any(ForwardMsg.FromString(raw).WhichOneof("type") == "script_finished"
                      for raw in self.received[mark[0]:]):
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium's run did not finish")
            self.page.wait_for_timeout(50)
        self.page.wait_for_selector(READY, timeout=120_000)
        while time.monotonic() - self.last_frame < QUIET_S:
            self.page.wait_for_timeout(100)

    def mark(self) -> tuple[int, int, int]:
        return len(self.received), len(self.sent), len(self.requests)

    def since(self, mark: tuple[int, int, int]) -> dict:
        http = [u.split("/", 3)[-1] for u in self.requests[mark[2]:]]
        return {**_frames_summary(self.received[mark[0]:]), "sent": _rerun_sent(self.sent[mark[1]:]),
                "http_requests": http}

    def pick(self, labels, option: str) -> None:
        sidebar = self.page.locator('[data-testid="stSidebar"]')
        box = sidebar.get_by_role("combobox", name=labels[0], exact=True)
        for label in labels[1:]:
            box = box.or_(sidebar.get_by_role("combobox", name=label, exact=True))
        box.first.wait_for(state="visible", timeout=60_000)  # a widget's code is loaded as it is first drawn
        box.first.click()
        choice = self.page.get_by_role("option", name=option, exact=True)
        choice.wait_for(state="visible", timeout=30_000)
        choice.click()

    def close(self) -> None:
        self.context.close()


def _measure(pid: int, act, settle) -> float:
    """Server CPU seconds from the action until the client is quiet again."""
    before = cpu_seconds(pid)
    act()
    settle()
    return cpu_seconds(pid) - before


def chromium_view(browser, url: str, pid: int, view) -> dict:
    page, lang, labels, option = view
    tab = ChromiumTab(browser, url, lang)
    try:
        mark = tab.mark()
        load_cpu = _measure(pid, lambda: tab.page.goto(f"{url}/{page}?lang={lang}"), lambda: tab.wait_quiet(mark))
        out = {"load": {"server_cpu_s": load_cpu, **tab.since(mark)}}
        if labels:
            mark = tab.mark()
            out["change"] = {"server_cpu_s": _measure(pid, lambda: tab.pick(labels, option),
                                                      lambda: tab.wait_quiet(mark)),
                             **tab.since(mark)}
        return out
    finally:
        tab.close()


def reader_view(url: str, pid: int, view, option_index: int | None) -> tuple[dict, str | None]:
    page, lang, labels, _ = view
    reader = Reader(url, locale="fr-FR" if lang == "fr" else "en-US")
    runs = {}
    try:
        load_cpu = _measure(pid, lambda: runs.update(load=reader.open(page, f"lang={lang}")),
                            lambda: time.sleep(QUIET_S))
        out = {"load": {"server_cpu_s": load_cpu, **_reader_facts(runs["load"], reader)}}
        option = None
        if labels:
            widget = reader.widget(labels)
            options = getattr(widget, widget.WhichOneof("type")).options
            option = options[option_index]
            value = [option] if widget.WhichOneof("type") == "multiselect" else option
            change_cpu = _measure(pid, lambda: runs.update(change=reader.change(labels, value)),
                                  lambda: time.sleep(QUIET_S))
            out["change"] = {"server_cpu_s": change_cpu, **_reader_facts(runs["change"], reader)}
        return out, option
    finally:
        reader.close()


def _reader_facts(run, reader: Reader) -> dict:
    return {"messages": run.messages, "deltas": run.deltas, "title": run.title, "message_types": run.message_types,
            "sent": _rerun_sent([reader.last_sent.SerializeToString()])}


def _median_of(runs: list[dict], step: str) -> dict:
    first = runs[0][step]
    return {**first, "server_cpu_s": round(statistics.median(r[step]["server_cpu_s"] for r in runs), 3),
            "server_cpu_s_runs": [round(r[step]["server_cpu_s"], 3) for r in runs]}


def validate(repeats: int = REPEATS) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory(prefix="observatory-validate-") as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns(".cache"))
        with streamlit_server(DASHBOARD, data_dir=data_dir) as server, chromium() as browser:
            url, pid = server["url"], server["pid"]
            Reader(url).open("about")  # the dataset loaded before anything is measured
            for view in VIEWS:
                reader_runs, chromium_runs = [], []
                for _ in range(repeats):  # interleaved, so that a change in the machine's load hits both
                    out, option = reader_view(url, pid, view, view[3])
                    reader_runs.append(out)
                    chromium_runs.append(chromium_view(browser, url, pid, (*view[:3], option)))
                steps = ("load", "change") if view[2] else ("load",)
                results.append({"page": view[0] or "world", "lang": view[1], "option": option,
                                **{f"{client}_{step}": _median_of(runs, step)
                                   for client, runs in (("reader", reader_runs), ("chromium", chromium_runs))
                                   for step in steps}})
    return results


def print_results(results: list[dict]) -> None:
    print(f"{'page':<22} {'':<9} {'server CPU s':>13} {'ForwardMsgs':>12} {'deltas':>7}  title")
    for r in results:
        for step in ("load", "change"):
            for client in ("reader", "chromium"):
                key = f"{client}_{step}"
                if key not in r:
                    continue
                s = r[key]
                print(f"{r['page'] + ' ' + r['lang'] + ' ' + step:<22} {client:<9} {s['server_cpu_s']:>13.3f} "
                      f"{s['messages']:>12} {s['deltas']:>7}  {s['title']}")
            if f"reader_{step}" in r:
                a, b = r[f"reader_{step}"]["sent"], r[f"chromium_{step}"]["sent"]
                same = {k: a.get(k) == b.get(k) for k in ("query_string", "page_name", "has_page_hash", "widgets")} \
                    if a and b else {}
                print(f"{'':<22} sent the same rerun_script: {same}")
                if a and b and a["widgets"] != b["widgets"]:
                    print(f"{'':<22}   reader  {a['widgets']}\n{'':<22}   chromium {b['widgets']}")


def main(out: Path) -> int:
    results = validate()
    print_results(results)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"written: {out}")
    return 0
