"""bench/streamlit_reader.py and bench/locustfile.py against the real dashboard (`streamlit run`, loopback only):
a reader without a browser opens the World page in French, picks an attack type, switches to the brief; then a
short headless Locust run. On a copy of data/, so that the server's caches never land in the committed folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from app import i18n
from tests.support.dashboard_server import ROOT, serve

pytest.importorskip("websocket", reason="websocket-client (requirements-dev.txt) is not installed")

from streamlit.proto.Element_pb2 import Element  # noqa: E402

from bench.streamlit_reader import Reader, widget_state  # noqa: E402

ATTACK_TYPE = ("Attack type", "Type d'attaque")


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("load") / "data"
    shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns(".cache"))
    with serve({"OBSERVATORY_DATA_DIR": str(data_dir)}) as url:
        yield url


def test_a_multiselect_is_sent_as_its_displayed_options_as_the_frontend_does():
    element = Element()
    element.multiselect.id = "w1"
    element.multiselect.options.extend(["Rançongiciel", "Vol"])
    state = widget_state(element, ["Vol"])
    assert state.id == "w1" and state.WhichOneof("value") == "string_array_value"
    assert list(state.string_array_value.data) == ["Vol"]


@pytest.mark.slow
def test_a_reader_opens_the_world_page_in_french_filters_it_and_switches_to_the_brief(dashboard):
    reader = Reader(dashboard, locale="fr-FR")
    try:
        opened = reader.open("", "lang=fr")
        assert opened.status == "FINISHED_SUCCESSFULLY" and opened.error is None
        assert opened.title == i18n.t("Cyberattacks on healthcare worldwide", "fr")
        charts = [e.plotly_chart.spec for e in opened.of_kind("plotly_chart")]
        assert charts

        ransomware = i18n.attack_type_label("ransomware", "fr")
        assert ransomware in reader.widget(ATTACK_TYPE).multiselect.options
        changed = reader.change(ATTACK_TYPE, [ransomware])
        assert changed.status == "FINISHED_SUCCESSFULLY" and changed.error is None
        assert "attack=ransomware" in reader.query_string and "lang=fr" in reader.query_string
        assert [e.plotly_chart.spec for e in changed.of_kind("plotly_chart")] != charts
        assert reader.value(ATTACK_TYPE) == [ransomware]

        brief = reader.switch("brief")
        assert brief.status == "FINISHED_SUCCESSFULLY" and brief.page == "brief"
        assert brief.title and brief.title.startswith("Cyberattaques contre la santé")  # still in French
        assert reader.query_string.startswith("lang=fr")
    finally:
        reader.close()


@pytest.mark.slow
def test_a_short_locust_run_has_no_failures(dashboard, tmp_path):
    records = tmp_path / "records.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", "3",
         "-r", "3", "-t", "8s", "--host", dashboard, "--only-summary", "--loglevel", "WARNING"],
        cwd=ROOT, env={**os.environ, "LOAD_RECORDS": str(records)},
        capture_output=True, text=True, timeout=120)
    runs = [json.loads(line) for line in records.read_text().splitlines()]
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert runs and all(r["error"] is None for r in runs)  # a run cut by the end of the test is not recorded
