"""The landing page's first run imports only what its charts need (issue #14: a light first load).

pandera (with pydantic and typeguard: about 0.3 s of CPU), requests (0.07 s), the brief, kaleido and the
explorer's and patient-impact page's collectors are needed by other pages or by the collectors, not by the
World page: they are imported where they are used. A module-level import of one of them on the landing
page's way (collectors/schema.py, collectors/errors.py, app/data.py ...) would bring the cost back before the
first chart; this test names the module that did.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow  # a fresh interpreter runs the dashboard once: about 3 s

NOT_ON_THE_LANDING_PAGE = (
    "pandera", "pydantic", "typeguard", "requests", "urllib3", "kaleido", "weasyprint", "openpyxl", "brief",
    "collectors.cipher", "collectors.vendors", "collectors.link", "collectors.http", "collectors.runner",
    "app.exports",
)

_SCRIPT = """
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=300).run()
print(json.dumps({"errors": [str(e.value) for e in at.exception], "modules": sorted(sys.modules)}))
"""


def test_the_landing_page_imports_nothing_it_does_not_draw():
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(ROOT / "dashboard.py")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert not result["errors"]
    assert "app.charts.world" in result["modules"]  # the landing page did run
    loaded = [m for m in result["modules"] if any(m == name or m.startswith(name + ".")
                                                  for name in NOT_ON_THE_LANDING_PAGE)]
    assert not loaded, f"imported by the landing page's first run: {loaded}"
