"""The weekly run (deploy/weekly.sh, called by .github/workflows/weekly.yml, cron and systemd), offline.

The parts it relies on: `collectors update --summary-file` (its commit message, empty when nothing changed),
`brief --print-week` (its folder of briefs). Then the script itself, in a scratch git repository, against a
stand-in `python3` (the PYTHON variable) that plays `collectors update`, `brief` and `api build`: a commit
only when update exits 0 and changed rows, never a half state, the tree put back after a failure, a job summary
that names the failed source; and once against the real `python -m collectors update` and a failing fake portal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from brief import cli as brief_cli
from brief.compute import default_week
from collectors import __main__ as cli
from collectors import incident_types, load_coverage, load_coverage_table, load_incidents, runner
from collectors.errors import FetchError
from collectors.http import make_session
from collectors.sources import hhs_ocr
from tests.support.fake_hhs_portal import ARCHIVE_ROWS, UNDER_ROWS, FakePortal

# Subprocesses, servers or rendered PDFs: out of the fast loop (conftest.py explains the markers).
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "deploy" / "weekly.sh"
ROWS = UNDER_ROWS.count("\n") + ARCHIVE_ROWS.count("\n")


def fast_session():
    return make_session(retries=1, backoff=0)


# --- collectors update --summary-file ------------------------------------------------------------------

def test_the_summary_adds_up_the_sources_that_succeeded():
    results = {
        "hhs_ocr": runner.IngestResult("hhs_ocr", 100, 10, 3, 87, 0),
        "news_feeds": runner.IngestResult("news_feeds", 5, 2, 0, 3, 0),
        "eurepoc": FetchError("eurepoc", "HTTP 500"),
    }
    assert runner.change_summary(results) == "12 added, 3 revised"
    assert runner.change_summary({"hhs_ocr": runner.IngestResult("hhs_ocr", 9, 0, 0, 9, 1)}) == ""
    assert runner.change_summary({"eurepoc": FetchError("eurepoc", "HTTP 500")}) == ""


def test_update_writes_the_summary_line_then_an_empty_file_when_nothing_changed(tmp_path, monkeypatch, capsys):
    data_dir, summary = tmp_path / "data", tmp_path / "summary.txt"
    monkeypatch.setattr(runner, "make_session", fast_session)
    with FakePortal("normal") as portal:
        monkeypatch.setattr(hhs_ocr, "PORTAL_URL", portal.url)
        args = ["--data-dir", str(data_dir), "update", "--source", "hhs_ocr", "--summary-file", str(summary)]
        assert cli.main(args) == 0
        assert summary.read_text() == f"{ROWS} added, 0 revised\n"
        assert f"{ROWS} added" in capsys.readouterr().out
        # The same two exports again: already ingested, nothing changes, and the file says so by being empty
        # (rewritten, so last week's line is never taken for this week's).
        assert cli.main(args) == 0
    assert summary.read_text() == ""


def test_a_failed_update_exits_1_leaves_the_data_and_writes_an_empty_summary(tmp_path, monkeypatch, capsys):
    data_dir, summary = tmp_path / "data", tmp_path / "summary.txt"
    monkeypatch.setattr(runner, "make_session", fast_session)
    with FakePortal("normal") as portal:
        monkeypatch.setattr(hhs_ocr, "PORTAL_URL", portal.url)
        assert cli.main(["--data-dir", str(data_dir), "update", "--source", "hhs_ocr"]) == 0
    before = load_incidents(data_dir)
    summary.write_text("stale line\n")
    with FakePortal("server_error") as portal:
        monkeypatch.setattr(hhs_ocr, "PORTAL_URL", portal.url)
        code = cli.main(["--data-dir", str(data_dir), "update", "--source", "hhs_ocr",
                         "--summary-file", str(summary)])
    assert code == 1
    assert "FAILED [hhs_ocr]" in capsys.readouterr().err
    assert summary.read_text() == ""
    pd.testing.assert_frame_equal(load_incidents(data_dir), before)


# --- brief --print-week ----------------------------------------------------------------------------------

def test_print_week_names_the_week_the_brief_covers_by_default(capsys):
    data_dir = REPO / "data"
    expected = default_week(incident_types.for_counting(load_incidents(data_dir)), load_coverage(data_dir),
                            load_coverage_table(data_dir))
    assert brief_cli.main(["--print-week", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out == f"{expected}\n"


def test_print_week_on_an_empty_dataset_fails_clearly(tmp_path, capsys):
    assert brief_cli.main(["--print-week", "--data-dir", str(tmp_path)]) == 1
    assert "empty" in capsys.readouterr().err


def test_the_brief_still_needs_out_unless_it_prints_the_week(capsys):
    with pytest.raises(SystemExit) as stop:
        brief_cli.main(["--lang", "fr"])
    assert stop.value.code == 2 and "--out" in capsys.readouterr().err


# --- deploy/weekly.sh in a scratch repository --------------------------------------------------------------

# A stand-in for python3: `-m collectors update` does what FAKE_UPDATE says, `-m brief` writes small files,
# `-m api build` writes data/api.json; FAKE_FAIL=brief|api makes that step fail. Every call is logged.
FAKE_PYTHON = textwrap.dedent("""\
    #!{python}
    import os, sys
    from pathlib import Path
    args = sys.argv[1:]
    with open(os.environ["FAKE_CALLS"], "a") as log:
        log.write(" ".join(args) + "\\n")
    scenario, fail = os.environ.get("FAKE_UPDATE", "changes"), os.environ.get("FAKE_FAIL", "")
    data = Path("data")
    if args[:3] == ["-m", "collectors", "update"]:
        summary = Path(args[args.index("--summary-file") + 1])
        (data / "raw").mkdir(exist_ok=True)
        (data / "raw" / "export.csv").write_text("frozen raw export")      # ignored by git: stays
        (data / "sources.json").write_text('{{"runs": {{"hhs_ocr": "this run"}}}}')  # every run touches it
        if scenario == "nothing":
            print("hhs_ocr: 3 rows, 0 added, 0 updated, 3 unchanged (2 export(s) already ingested, skipped)")
            summary.write_text("")
            sys.exit(0)
        with open(data / "incidents.csv", "a") as fh:   # a source that succeeded before the other failed
            fh.write("4,new\\n")
        if scenario == "fails":
            print("news_feeds: 1 rows, 1 added, 0 updated, 0 unchanged")
            print("FAILED [hhs_ocr] GET https://portal.example/export: HTTP 500", file=sys.stderr)
            summary.write_text("1 added, 0 revised\\n")
            sys.exit(1)
        print("hhs_ocr: 4 rows, 1 added, 1 updated, 2 unchanged")
        summary.write_text("1 added, 1 revised\\n")
        sys.exit(0)
    if args[:3] == ["-m", "brief", "--print-week"]:
        print("2025-W52")
        sys.exit(0)
    if args[:2] == ["-m", "brief"]:
        if fail == "brief":
            print("error: cannot export the brief's charts", file=sys.stderr)
            sys.exit(1)
        out = Path(args[args.index("--out") + 1])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(" ".join(args))
        sys.exit(0)
    if args[:3] == ["-m", "api", "build"]:
        if fail == "api":
            sys.exit(1)
        (data / "api.json").write_text("{{}}")
        sys.exit(0)
    sys.exit(f"fake python: unexpected call {{args}}")
    """)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def clone(tmp_path) -> Path:
    """A bare 'origin' and a clone of it holding the script and a small dataset, all committed."""
    origin, repo = tmp_path / "origin.git", tmp_path / "repo"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    subprocess.run(["git", "clone", "-q", str(origin), str(repo)], check=True, capture_output=True)
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    (repo / "deploy").mkdir()
    shutil.copy2(SCRIPT, repo / "deploy" / "weekly.sh")
    (repo / "data").mkdir()
    (repo / "data" / "incidents.csv").write_text("id,name\n1,a\n2,b\n3,c\n")
    (repo / "data" / "sources.json").write_text('{"runs": {}}')
    (repo / ".gitignore").write_text("data/raw/\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "initial data")
    git(repo, "push", "-q", "origin", "HEAD")
    return repo


def run_weekly(repo: Path, tmp_path: Path, *args: str, python: Path | None = None,
               **env: str) -> subprocess.CompletedProcess:
    if python is None:
        python = tmp_path / "fake-python"
        python.write_text(FAKE_PYTHON.format(python=sys.executable))
        python.chmod(0o755)
    environment = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "PYTHON": str(python),
                   "FAKE_CALLS": str(tmp_path / "calls.log"), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
                   **env}
    return subprocess.run(["bash", str(repo / "deploy" / "weekly.sh"), *args], cwd=repo, env=environment,
                          capture_output=True, text=True, timeout=120)


def job_summary(tmp_path: Path) -> str:
    path = tmp_path / "summary.md"
    return path.read_text() if path.exists() else ""


def test_a_run_with_changes_commits_data_and_briefs_with_the_summary_and_pushes(clone, tmp_path):
    done = run_weekly(clone, tmp_path, "--push")
    assert done.returncode == 0, done.stderr
    assert git(clone, "log", "--format=%s").splitlines() == ["1 added, 1 revised", "initial data"]
    body = git(clone, "log", "-1", "--format=%b")
    assert "hhs_ocr: 4 rows, 1 added, 1 updated, 2 unchanged" in body and "briefs/2025-W52/" in body
    files = git(clone, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(files) == sorted(["data/incidents.csv", "data/sources.json"]
                                   + [f"briefs/2025-W52/brief-2025-W52-{lang}.{fmt}"
                                      for lang in ("fr", "en") for fmt in ("html", "md", "pdf")])
    assert git(clone, "status", "--porcelain") == ""
    assert git(clone, "rev-parse", "HEAD") == git(clone, "rev-parse", "origin/main")  # pushed
    calls = (tmp_path / "calls.log").read_text()
    assert "-m brief --week 2025-W52 --lang fr --format pdf" in calls and "-m api build" not in calls
    assert "no api/ package" in done.stdout
    assert "### Weekly run: 1 added, 1 revised" in job_summary(tmp_path)


def test_a_run_where_nothing_changed_commits_nothing_and_leaves_the_tree_clean(clone, tmp_path):
    done = run_weekly(clone, tmp_path, "--push", FAKE_UPDATE="nothing")
    assert done.returncode == 0, done.stderr
    assert git(clone, "log", "--format=%s").splitlines() == ["initial data"]
    assert git(clone, "status", "--porcelain") == ""  # sources.json's run time put back
    assert (clone / "data" / "raw" / "export.csv").exists()  # the frozen raw export stays (ignored by git)
    assert "-m brief" not in (tmp_path / "calls.log").read_text()
    assert "nothing changed" in done.stdout and "nothing changed" in job_summary(tmp_path)



def test_a_failing_source_fails_the_run_commits_nothing_and_puts_the_data_back(clone, tmp_path):
    head = git(clone, "rev-parse", "HEAD")
    done = run_weekly(clone, tmp_path, "--push", FAKE_UPDATE="fails", GITHUB_ACTIONS="true")
    assert done.returncode == 1
    assert git(clone, "rev-parse", "HEAD") == head == git(clone, "rev-parse", "origin/main")
    # The source that succeeded had merged a row: a half state, put back rather than left for the next commit.
    assert git(clone, "status", "--porcelain") == ""
    assert (clone / "data" / "incidents.csv").read_text() == "id,name\n1,a\n2,b\n3,c\n"
    assert "FAILED [hhs_ocr] GET https://portal.example/export: HTTP 500" in done.stdout  # in the log
    assert "::error title=weekly run::FAILED [hhs_ocr]" in done.stdout  # an annotation on the run's page
    assert "FAILED at python3 -m collectors update (exit 1); nothing committed" in done.stderr
    summary = job_summary(tmp_path)
    assert summary.startswith("### Weekly run failed: `python3 -m collectors update` exited 1")
    assert "FAILED [hhs_ocr]" in summary and "news_feeds" not in summary
    assert "-m brief" not in (tmp_path / "calls.log").read_text()


@pytest.mark.parametrize("step", ["brief", "api"])
def test_a_failing_rebuild_commits_neither_the_data_nor_the_briefs(clone, tmp_path, step):
    if step == "api":
        (clone / "api").mkdir()
        (clone / "api" / "__main__.py").write_text("")
        git(clone, "add", "-A")
        git(clone, "commit", "-q", "-m", "api package")
    head = git(clone, "rev-parse", "HEAD")
    done = run_weekly(clone, tmp_path, FAKE_FAIL=step)
    assert done.returncode == 1
    assert git(clone, "rev-parse", "HEAD") == head
    assert git(clone, "status", "--porcelain") == ""  # no half-written briefs/ left behind either
    assert f"Weekly run failed (python3 -m {step}" in job_summary(tmp_path)


def test_the_api_build_runs_when_the_checkout_has_the_api_package(clone, tmp_path):
    (clone / "api").mkdir()
    (clone / "api" / "__main__.py").write_text("")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "api package")
    done = run_weekly(clone, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "-m api build" in (tmp_path / "calls.log").read_text()
    assert "data/api.json" in git(clone, "show", "--name-only", "--format=", "HEAD").split()
    assert git(clone, "rev-parse", "HEAD") != git(clone, "rev-parse", "origin/main")  # no --push: not pushed


def test_a_dirty_tree_is_refused_and_left_as_it_was(clone, tmp_path):
    (clone / "data" / "incidents.csv").write_text("id,name\n1,edited by hand\n")
    done = run_weekly(clone, tmp_path)
    assert done.returncode == 1
    assert "the working tree has changes" in done.stderr
    assert (clone / "data" / "incidents.csv").read_text() == "id,name\n1,edited by hand\n"
    assert not (tmp_path / "calls.log").exists()


def test_a_second_run_is_refused_while_one_is_going_on(clone, tmp_path):
    lock = clone / ".git" / "weekly-run.lock"
    with subprocess.Popen(["flock", str(lock), "sleep", "30"]) as holder:
        try:
            for _ in range(50):  # until flock holds it
                if subprocess.run(["flock", "-n", str(lock), "true"]).returncode:
                    break
                subprocess.run(["sleep", "0.1"])
            done = run_weekly(clone, tmp_path)
        finally:
            holder.kill()
    assert done.returncode == 1 and "another weekly run" in done.stderr
    assert not (tmp_path / "calls.log").exists()


def test_the_real_update_failing_fails_the_script(clone, tmp_path):
    """`python -m collectors update` itself (HHS against a fake portal answering 500) behind the script."""
    hook = tmp_path / "hook"
    hook.mkdir()
    python = tmp_path / "python-real-update"
    # The real command on the scratch repository's data/ (never this checkout's), HHS only, no retries.
    python.write_text(textwrap.dedent(f"""\
        #!/bin/sh
        if [ "$1 $2 $3" = "-m collectors update" ]; then
          shift 3
          exec {sys.executable} -m collectors --data-dir "$PWD/data" update --source hhs_ocr "$@"
        fi
        exit 99
        """))
    python.chmod(0o755)
    with FakePortal("server_error") as portal:
        (hook / "sitecustomize.py").write_text(textwrap.dedent(f"""
            import functools
            from collectors import http, runner
            from collectors.sources import hhs_ocr
            hhs_ocr.PORTAL_URL = {portal.url!r}
            runner.make_session = functools.partial(http.make_session, retries=0, backoff=0)
        """))
        done = run_weekly(clone, tmp_path, python=python, PYTHONPATH=f"{hook}:{REPO}", PYTHONDONTWRITEBYTECODE="1")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAILED [hhs_ocr]" in done.stdout and "HTTP 500" in done.stdout
    assert git(clone, "log", "--format=%s").splitlines() == ["initial data"]
    assert git(clone, "status", "--porcelain") == ""
    assert "HTTP 500" in job_summary(tmp_path)
