"""Fixtures several test files share, and the markers of the files whose bodies belong to someone else.

Markers (registered in pyproject.toml, `--strict-markers`):

- `browser`: drives Chromium (Playwright, or kaleido's chart export);
- `slow`: a second or more on its own: runs the dashboard in AppTest, reads real snapshots end to end, mypy,
  fuzzing, the fault matrix of tests/test_faults.py (marked below).

The fast loop while you work: `python3 -m pytest -m "not browser and not slow"`. CI runs everything.
The shared helpers themselves (fakes of the sources, frames, the dashboard server) are in tests/support/.
"""

from __future__ import annotations

import re

import pytest

from tests.support.apptest import open_app

# Marked here rather than in the file: tests/test_faults.py's timing is being reworked (a fake clock), so its
# body stays as it is. Each pattern is a test's name within its file, parameters included; `*` is any text.
SLOW_BY_NAME = {
    "test_faults.py": (
        # Each case is a whole `collectors update` (about a second); the fast loop keeps one fault (HTTP 500) per
        # source. "slow" sits on the request for SLOW_SECONDS; "too_many_requests" honours Retry-After: 1.
        *(f"test_a_fault_fails_only_its_source[*-{fault}]" for fault in (
            "slow", "too_many_requests", "http_503", "reset", "truncated", "wrong_content_type", "captcha",
            "changed_structure", "wrong_shape", "empty_body", "empty_result", "oversized")),
        "test_python_m_collectors_update_exits_non_zero_when_a_source_fails",  # a real `python -m collectors`
        "test_the_dashboard_flags_a_stale_source[*]",  # runs the dashboard in AppTest
    ),
}


def _matcher(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(p).replace(r"\*", ".*") for p in patterns))


_SLOW = {file: _matcher(patterns) for file, patterns in SLOW_BY_NAME.items()}


def pytest_collection_modifyitems(config, items):
    for item in items:
        slow = _SLOW.get(item.path.name)
        if slow is not None and slow.fullmatch(item.name):
            item.add_marker(pytest.mark.slow)


# --- the dashboard's data folder and its pages (AppTest) ------------------------------------------------

@pytest.fixture
def open_page(data_dir, monkeypatch):
    """open_page(view, **query) -> the AppTest of app/views/<view>.py, opened directly (no landing page first) on
    the test file's `data_dir` (tests/support/frames: `data_dir = data_dir_fixture(frames)`)."""
    from app import data

    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_dir))

    def make(view: str, /, **params):
        return open_app(f"app/views/{view}.py", landing_first=False, **params)

    return make


@pytest.fixture(scope="module")
def base_url():
    """The real dashboard (`streamlit run dashboard.py`) on loopback, for one module's browser tests."""
    from tests.support.dashboard_server import serve

    with serve() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, for one module's browser tests."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    from tests.support.dashboard_server import launch

    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
