"""Start the real dashboard (`streamlit run dashboard.py`) on a free loopback port, and what the browser tests
share: where Chromium is, how it is started, the skip marker when it is absent, and when a page is drawn."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Debian's Chromium, run as root in CI: no sandbox, no GPU, and no background calls to the outside network.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
# kaleido (the brief's charts) drives a Chromium it finds at that path or on the PATH.
needs_chromium = pytest.mark.skipif(
    not (CHROMIUM.exists() or shutil.which("chromium")),
    reason="charts are exported by kaleido, which drives Chromium: `apt-get install chromium`")
# The Streamlit app is drawn and its script has finished running.
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def launch(playwright):
    """Debian's Chromium, headless, through Playwright (which cannot download its own browser offline)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(extra_env: dict[str, str] | None = None, timeout: float = 60) -> Iterator[str]:
    """Yield the dashboard's URL once its health check answers; always stop the server afterwards."""
    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(extra_env or {})}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                output = server.stdout.read().decode(errors="replace") if server.poll() is not None else ""
                raise RuntimeError(f"streamlit did not start on {url}:\n{output}")
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
