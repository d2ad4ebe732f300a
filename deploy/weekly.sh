#!/usr/bin/env bash
# The weekly run, the one definition of it: GitHub Actions (.github/workflows/weekly.yml), cron and systemd
# (deploy/observatory-weekly.{service,timer}) all call this script.
#
#   deploy/weekly.sh [--push]
#
# 1. `python3 -m collectors update --summary-file ...`: fetch every live source and merge what it returns;
# 2. only when that exits 0 and changed rows: the briefs of the latest complete week (fr, en; html, md, pdf) in
#    briefs/<week>/, and the database and feeds with `python3 -m api build` when this checkout has that command;
# 3. one commit whose message is the change summary ("12 added, 3 revised"); with --push, pushed.
#
# Exit 0: committed, or nothing changed (and no commit). Non-zero: a source failed, a rebuild failed, or the
# working tree was not clean at the start. Then nothing is committed and the tracked files are put back as they
# were at HEAD: each source's write is atomic, but the run is committed whole or not at all. PYTHON names the
# interpreter (default python3). In GitHub Actions the outcome also goes to the job summary.
set -euo pipefail

push=false
case "${1:-}" in
  --push) push=true ;;
  "") ;;
  *) echo "usage: $0 [--push]" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
job_summary=${GITHUB_STEP_SUMMARY:-/dev/null}
work=$(mktemp -d)
step="start"
started=false    # true once the tree was found clean: only then may a failure put it back
committed=false

finish() {
  local status=$?
  if [ "$status" -ne 0 ] && ! $committed; then
    if $started; then
      git reset -q --hard HEAD   # the run's changes to tracked files (a half-updated dataset) go
      git clean -fdq             # and the files it created (briefs); ignored files (data/raw/) stay
    fi
    if [ ! -s "$work/reported" ]; then
      printf '### Weekly run failed (%s, exit %s)\n\nNothing was committed.\n' "$step" "$status" >>"$job_summary"
    fi
    echo "weekly run: FAILED at $step (exit $status); nothing committed" >&2
  elif [ "$status" -ne 0 ]; then  # the push: the commit stays here, and the next run pushes it with its own
    printf '### Weekly run: committed, but %s failed (exit %s)\n' "$step" "$status" >>"$job_summary"
    echo "weekly run: FAILED at $step (exit $status); the commit is only in this clone" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap finish EXIT

# Two runs never overlap (cron has no guard of its own; the store's lock covers the data files, not git).
exec 9>"$(git rev-parse --git-dir)/weekly-run.lock"
if ! flock -n 9; then
  step="lock"
  echo "weekly run: another weekly run holds $(git rev-parse --git-dir)/weekly-run.lock" >&2
  exit 1
fi

step="clean checkout"
if [ -n "$(git status --porcelain)" ]; then
  echo "weekly run: the working tree has changes (git status); it runs on a clean checkout only" >&2
  git status --short >&2
  exit 1
fi
started=true
before=$(git rev-parse --short HEAD)

step="python3 -m collectors update"
set +e
"$PYTHON" -m collectors update --summary-file "$work/summary" 2>&1 | tee "$work/update.log"
update_status=${PIPESTATUS[0]}
set -e
if [ "$update_status" -ne 0 ]; then
  {
    # shellcheck disable=SC2016  # the backquotes are Markdown
    printf '### Weekly run failed: `python3 -m collectors update` exited %s\n\n' "$update_status"
    printf 'Nothing was committed: the data stay as they were at %s. What the sources said:\n\n```\n' "$before"
    grep -E '^(FAILED|error:|The network looks down)' "$work/update.log" || tail -n 20 "$work/update.log"
    printf '```\n'
  } >>"$job_summary"
  echo reported >"$work/reported"
  if [ "${GITHUB_ACTIONS:-}" = true ]; then  # one annotation per failed source, on the run's page
    grep -E '^FAILED' "$work/update.log" | sed 's/^/::error title=weekly run::/' || true
  fi
  exit "$update_status"
fi

summary=$(head -n 1 "$work/summary")
if [ -z "$summary" ]; then
  # sources.json still records the run's time: dropped, so that a week with no new report makes no commit.
  git reset -q --hard HEAD
  git clean -fdq
  echo "weekly run: nothing changed; no commit"
  printf '### Weekly run: nothing changed\n\nNo commit; the data stay as they were at %s.\n' "$before" >>"$job_summary"
  exit 0
fi

step="python3 -m brief"
week=$("$PYTHON" -m brief --print-week)
for lang in fr en; do
  for fmt in html md pdf; do
    "$PYTHON" -m brief --week "$week" --lang "$lang" --format "$fmt" --out "briefs/$week/brief-$week-$lang.$fmt"
  done
done

# The database and feeds: the api package's own command, in the versions of the project that have it. Its
# presence is tested by file, not by importing it, so that an api package that fails to import fails the run.
step="python3 -m api build"
if [ -f api/__main__.py ]; then
  "$PYTHON" -m api build
else
  echo "weekly run: no api/ package in this checkout; python3 -m api build skipped"
fi

step="git commit"
git add -A
{
  echo "$summary"
  echo
  grep -E '^[a-z_]+: [0-9,]+ rows, ' "$work/update.log" || true
  echo
  echo "Briefs for $week in briefs/$week/. Written by deploy/weekly.sh."
} >"$work/message"
if [ -z "$(git config user.email || true)" ]; then  # a machine with no git identity of its own
  export GIT_AUTHOR_NAME=${GIT_AUTHOR_NAME:-observatory weekly run} GIT_AUTHOR_EMAIL=${GIT_AUTHOR_EMAIL:-weekly-run@localhost}
  export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-$GIT_AUTHOR_NAME} GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-$GIT_AUTHOR_EMAIL}
fi
git commit -q -F "$work/message"
committed=true
after=$(git rev-parse --short HEAD)
echo "weekly run: committed $after: $summary"
{
  # shellcheck disable=SC2016  # the backquotes are Markdown
  printf '### Weekly run: %s\n\nCommitted %s; briefs for %s in `briefs/%s/`.\n\n```\n' "$summary" "$after" "$week" "$week"
  grep -E '^[a-z_]+: [0-9,]+ rows, ' "$work/update.log" || true
  printf '```\n'
} >>"$job_summary"

if $push; then
  step="git push"
  git push -q origin HEAD
  echo "weekly run: pushed $after"
fi
