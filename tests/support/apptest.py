"""Open the dashboard's pages in Streamlit's AppTest (no browser): the way every page-test file opens them."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")


def open_app(page: str | None = None, /, *, landing_first: bool = True, timeout: float = 30,
             locale: str | None = None, **params) -> AppTest:
    """dashboard.py with the query `params` (and the browser's `locale`), run; then `page` (a script such as
    "app/views/explorer.py"), after the landing page as a browser would unless `landing_first` is False.

    The data folder is whatever OBSERVATORY_DATA_DIR says (a test sets it with monkeypatch).
    """
    at = AppTest.from_file(DASHBOARD, default_timeout=timeout)
    if locale:
        at.context = {"locale": locale}
    for key, value in params.items():
        at.query_params[key] = value
    if page is None:
        return at.run()
    if landing_first:
        at.run()
    return at.switch_page(page).run()
