"""The GitHub Actions workflows pass actionlint (with ShellCheck on their `run:` scripts), the weekly run's shell
script passes ShellCheck, and the workflow runs that script, so that there is one definition of the weekly run.

actionlint comes from requirements-dev.txt, ShellCheck from Debian (.ci/run installs both); a missing one fails
these tests, it never skips them: a workflow is only run on GitHub, so this is the one check it gets before.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Subprocesses, servers or rendered PDFs: out of the fast loop (conftest.py explains the markers).
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
SCRIPTS = sorted((REPO / "deploy").glob("*.sh"))


def tool(name: str, install: str) -> str:
    # Beside this interpreter first: pip puts actionlint there, which need not be on PATH.
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed ({install}): the workflows cannot be checked", pytrace=False)
    return found


def test_there_are_workflows_to_check():
    assert [p.name for p in WORKFLOWS] == ["weekly.yml"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing(workflow):
    actionlint = tool("actionlint", "python3 -m pip install -r requirements-dev.txt")
    shellcheck = tool("shellcheck", "apt-get install shellcheck")
    done = subprocess.run([actionlint, "-no-color", f"-shellcheck={shellcheck}", str(workflow)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"actionlint on {workflow.name}:\n{done.stdout}{done.stderr}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_shellcheck_finds_nothing_in_the_deploy_scripts(script):
    shellcheck = tool("shellcheck", "apt-get install shellcheck")
    done = subprocess.run([shellcheck, "--norc", str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"shellcheck on {script.name}:\n{done.stdout}{done.stderr}"


def test_the_weekly_workflow_and_the_systemd_service_run_the_same_script():
    workflow = (REPO / ".github" / "workflows" / "weekly.yml").read_text()
    assert "run: deploy/weekly.sh --push" in workflow
    service = (REPO / "deploy" / "observatory-weekly.service").read_text()
    assert "/deploy/weekly.sh --push" in service
    assert (REPO / "deploy" / "weekly.sh").stat().st_mode & 0o111, "deploy/weekly.sh must be executable"


def test_the_systemd_units_verify():
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    units = [REPO / "deploy" / "observatory-weekly.service", REPO / "deploy" / "observatory-weekly.timer"]
    done = subprocess.run([analyze, "verify", *map(str, units)], capture_output=True, text=True, timeout=60)
    # The service names the folder of a server (/srv/observatory) that this machine does not have: that
    # complaint is expected; anything else is a mistake in the units.
    problems = [line for line in (done.stdout + done.stderr).splitlines()
                if line.strip() and "/srv/observatory" not in line]
    assert not problems, "\n".join(problems)


def test_actionlint_does_catch_a_broken_workflow(tmp_path):
    """Not a binary that passes everything: a misspelt key, and an untrusted issue title expanded in a script."""
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minute: 5\n    steps:\n"
                      "      - run: echo \"${{ github.event.issue.title }}\"\n")
    actionlint = tool("actionlint", "python3 -m pip install -r requirements-dev.txt")
    done = subprocess.run([actionlint, "-no-color", "-shellcheck=", str(broken)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1
    assert "timeout-minute" in done.stdout and "github.event.issue.title" in done.stdout
