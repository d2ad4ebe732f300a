"""Locust readers of the dashboard: `locust -f bench/locustfile.py --host http://127.0.0.1:PORT`.

Each simulated reader is one browser tab speaking Streamlit's websocket protocol (bench/streamlit_reader.py):
it opens a page in English or French, changes 1-3 of the page's filters, thinking 1-3 s between actions,
then follows the sidebar to another page. Every run of the script is reported to Locust as a request of
type "rerun", named `<page>:<action>`; its length is the number of deltas drawn.

Locust imports gevent and monkey-patches the process first, so websocket-client and urllib yield to the
other readers while they wait: one process holds a hundred readers (they spend their time waiting on the
server). `bench/load.py` runs this file and reads the records below.

LOAD_TIMEOUT_S (default 120) is how long a reader waits for a run. Set LOAD_RECORDS to a path to get one JSON line per run (time, user, page, action, ms, deltas, error,
and on /about the figures a reader reads there): load.py computes percentiles and the ingest check from it.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import random
import sys
import time
from pathlib import Path

import gevent
from locust import User, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `bench` as a package, from any cwd

from bench.dashboard_pages import (  # noqa: E402
    CHANGES,
    LANGUAGE_SWITCH,
    LANGUAGES,
    PAGES,
    THINK_S,
    about_figures,
    next_value,
    page_name,
)
from bench.streamlit_reader import Reader, ReaderError  # noqa: E402

_records = open(os.environ["LOAD_RECORDS"], "a", encoding="utf-8") if os.environ.get("LOAD_RECORDS") else None
_user_ids = itertools.count(1)
# A run that has not finished after this long counts as a failure (the reader gave up). Streamlit's frontend
# itself never gives up on a run: this is the reader's patience, set by bench/load.py --timeout.
TIMEOUT_S = float(os.environ.get("LOAD_TIMEOUT_S", "120"))



class DashboardReader(User):
    wait_time = between(*THINK_S)

    def on_start(self) -> None:
        self.rng = random.Random()
        self.user_id = next(_user_ids)
        self.lang, locale = self.rng.choice(LANGUAGES)
        self.reader = Reader(self.host, locale=locale, timeout=TIMEOUT_S)

    def on_stop(self) -> None:
        self.reader.close()

    @task
    def read(self) -> None:
        page = self.rng.choice(PAGES)
        if not self._run(page, "open", lambda: self.reader.open(page, f"lang={self.lang}")):
            return
        present = [c for c in CHANGES if self._has(c[1])] or [LANGUAGE_SWITCH]
        for _ in range(self.rng.randint(1, 3)):
            gevent.sleep(self.rng.uniform(*THINK_S))
            name, labels = self.rng.choice(present)
            value = next_value(self.reader, labels, self.rng)
            if not self._run(self.reader.page, f"change-{name}", functools.partial(self.reader.change, labels, value)):
                return
        gevent.sleep(self.rng.uniform(*THINK_S))
        target = self.rng.choice([p for p in PAGES if page_name(p) != page_name(self.reader.page)])
        self._run(target, "switch", lambda: self.reader.switch(target))

    def _has(self, labels) -> bool:
        try:
            self.reader.widget(labels)
        except ReaderError:
            return False
        return True

    def _run(self, page: str, action: str, do) -> bool:
        """Run one rerun and report it to Locust (and to the records); False when it failed."""
        started = time.time()
        t0 = time.perf_counter()
        run, error = None, None
        try:
            run = do()
        except ReaderError as exc:
            error = exc
        ms = run.ms if run is not None else (time.perf_counter() - t0) * 1000
        name = f"{page_name(page)}:{action}"
        events.request.fire(request_type="rerun", name=name, response_time=ms,
                            response_length=run.deltas if run is not None else 0, exception=error, context={})
        if _records is not None:
            record = {"t": started, "t_end": time.time(), "user": self.user_id, "name": name, "page": page_name(page),
                      "action": action.split("-")[0], "lang": self.lang, "ms": round(ms, 1),
                      "deltas": run.deltas if run else 0, "messages": run.messages if run else 0,
                      "title": run.title if run else None, "error": str(error) if error else None}
            if run is not None and page_name(run.page) == "about":
                record["about"] = about_figures(run)
            _records.write(json.dumps(record, ensure_ascii=False) + "\n")
            _records.flush()
        return error is None


@events.quitting.add_listener
def _close_records(environment, **_kwargs) -> None:
    if _records is not None:
        _records.close()
