"""The Streamlit server's settings that the dashboard's speed depends on (docs/performance.md)."""

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


def test_no_full_garbage_collection_after_every_run():
    # Streamlit's default runs gc.collect(2) after every script run: ~90 ms of a cached rerun's server time here,
    # holding the GIL that every other session waits on (py-spy, docs/performance.md).
    runner = tomllib.loads(CONFIG.read_text())["runner"]
    assert runner["postScriptGC"] is False


def test_no_watching_of_source_files_after_every_run():
    # With a watcher each session walks every imported module's path after each run (9.5% of the GIL under load).
    server = tomllib.loads(CONFIG.read_text())["server"]
    assert server["fileWatcherType"] == "none"


def test_streamlit_reads_the_setting_from_the_project_folder(monkeypatch):
    from streamlit import config

    monkeypatch.chdir(CONFIG.parents[1])  # `streamlit run` reads .streamlit/config.toml of its working folder
    try:
        config.get_config_options(force_reparse=True, options_from_flags={})
        assert config.get_option("runner.postScriptGC") is False
        assert config.get_option("server.fileWatcherType") == "none"
    finally:
        monkeypatch.undo()
        config.get_config_options(force_reparse=True)
