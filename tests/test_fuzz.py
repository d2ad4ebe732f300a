"""Fuzzing every parser in the registry with mutations of the real snapshots.

Each source's snapshot files (its SNAPSHOT_FILES, or SNAPSHOT_GLOBS below) are cut down to a small
base that still parses (the header or envelope and a few dozen records, health-related ones first),
then hypothesis applies one to three mutations: byte flips, truncation, deleted / duplicated /
inserted lines, swapped CSV columns, another encoding, random JSON edits, random XML edits. The
result goes to `runner.parse_source(module, raw, list_kind=...)`.

The contract: a parser either returns a frame or raises the project's own CollectorError (naming the
source). Any other exception is a bug. A failing input is saved under artifacts/fuzz/ so it can be
replayed: `runner.parse_source(module, Path(...).read_bytes(), list_kind=...)`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collectors import registry, runner
from collectors.errors import CollectorError
from tests.support.snapshots import SNAPSHOTS

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "fuzz"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))  # per parser; raise it for a longer hunt
SNAPSHOT_GLOBS = {"news_feeds": ("rss-feeds/*.xml",)}  # sources whose snapshots are not in SNAPSHOT_FILES
HEALTH = re.compile(rb"health|hospital|clinic|medical|h\xc3\xb4pital|sant\xc3\xa9", re.I)
RECORDS = 40  # records kept in a base

# Bugs found in parsers this suite does not own, reported to the lead with their minimal inputs.
# The fuzz test tolerates exactly these (type and message) so that it keeps looking for others;
# test_known_parser_bugs replays each minimal input as a strict xfail, so a fix is noticed.
# An input is bytes, or a function of the snapshots folder returning bytes (None: snapshot missing).
KNOWN_BUGS: dict[str, list[tuple[type, str, object]]] = {
    # None open. Fixed so far: canonical_url() on a host with an unbalanced "[" (all three text sources),
    # and lxml's ValueError on a control character in a feed's declared encoding (news_feeds).
}

def list_kind_for(source: str, path: Path) -> str | None:
    if source == "hhs_ocr":
        return "under_investigation" if path.name.startswith("under_investigation") else "archive"
    return None  # every other parser finds its list from the content


def snapshot_files(source: str) -> list[Path]:
    module = registry.SOURCES[source]
    patterns = tuple(getattr(module, "SNAPSHOT_FILES", ())) or SNAPSHOT_GLOBS.get(source, ())
    return sorted({p for pattern in patterns for p in SNAPSHOTS.glob(pattern)})


def kind_of(path: Path) -> str:
    return path.suffix.lstrip(".").lower()


# --- bases: small, valid, health-rich -----------------------------------------------------------------

def csv_records(raw: bytes) -> list[bytes]:
    """Records of a CSV as byte strings, newline included; a quoted field may hold newlines."""
    records, current, quotes = [], b"", 0
    for line in raw.splitlines(keepends=True):
        current += line
        quotes += line.count(b'"')
        if quotes % 2 == 0:
            records.append(current)
            current, quotes = b"", 0
    if current:
        records.append(current)
    return records


def pick(items: list, text=lambda item: item) -> list:
    """Up to RECORDS items in their order, health-related ones first, then others spread evenly."""
    health = [i for i, item in enumerate(items) if HEALTH.search(text(item))][: RECORDS * 3 // 4]
    taken = set(health)
    rest = [i for i in range(len(items)) if i not in taken]
    step = max(1, len(rest) // max(1, RECORDS - len(health)))
    chosen = sorted(set(health) | set(rest[::step][: RECORDS - len(health)]))
    return [items[i] for i in chosen]


def base_of(path: Path) -> bytes:
    raw = path.read_bytes()
    kind = kind_of(path)
    if kind == "csv":
        header, *records = csv_records(raw)
        return header + b"".join(pick(records))
    if kind == "json":
        document = json.loads(raw)
        def dump(item) -> bytes:
            return json.dumps(item, ensure_ascii=False).encode()

        if isinstance(document, list):
            document = pick(document, dump)
        else:
            document = {k: pick(v, dump) if isinstance(v, list) else v for k, v in document.items()}
        return json.dumps(document, ensure_ascii=False, indent=1).encode()
    if kind == "xml":
        items = list(re.finditer(rb"<(item|entry)\b.*?</\1>\s*", raw, re.S))
        if not items:
            return raw
        keep = {m.start() for m in pick(items, lambda m: m.group(0))}
        out, last = [], 0
        for m in items:
            out.append(raw[last:m.start()])
            if m.start() in keep:
                out.append(m.group(0))
            last = m.end()
        return b"".join(out) + raw[last:]
    return raw


# --- mutations ----------------------------------------------------------------------------------------

@st.composite
def flip_bytes(draw, raw: bytes) -> tuple[str, bytes]:
    data = bytearray(raw)
    positions = draw(st.lists(st.integers(0, max(0, len(data) - 1)), min_size=1, max_size=12))
    for pos in positions:
        if data:
            data[pos] = draw(st.integers(0, 255))
    return f"flip {len(positions)} byte(s)", bytes(data)


@st.composite
def truncate(draw, raw: bytes) -> tuple[str, bytes]:
    at = draw(st.integers(0, len(raw)))
    return f"truncate at {at}", raw[:at]


@st.composite
def edit_lines(draw, raw: bytes) -> tuple[str, bytes]:
    lines = raw.splitlines(keepends=True) or [b""]
    op = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "header_only", "shuffle_header"]))
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(0, len(lines) - 1))
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(j, lines[i])
    elif op == "insert":
        junk = draw(st.sampled_from([
            b"<html><body>Request Rejected</body></html>\n", b"\x00\x00\x00\n", b",,,,,,,,,,\n", b'"\n',
            b"a" * 70_000 + b"\n", b"\xff\xfe\xfd\n", b"]]>\n", b"}\n", b"\xef\xbb\xbf\n", b"\r\r\n",
        ]) | st.binary(max_size=60).map(lambda b: b + b"\n"))
        lines.insert(i, junk)
    elif op == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "header_only":
        lines = lines[:1]
    elif op == "shuffle_header":
        lines[0] = b",".join(draw(st.permutations(lines[0].rstrip(b"\r\n").split(b",")))) + b"\n"
    return f"{op} line(s) {i}/{j}", b"".join(lines)


@st.composite
def swap_columns(draw, raw: bytes) -> tuple[str, bytes]:
    text = raw.decode("latin-1")  # a byte-exact round trip whatever the real encoding
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:  # an earlier mutation broke the quoting: nothing to swap
        return "swap columns (unreadable)", raw
    if not rows or len(rows[0]) < 2:
        return "swap columns (not a table)", raw
    width = len(rows[0])
    a, b = draw(st.integers(0, width - 1)), draw(st.integers(0, width - 1))
    header_only = draw(st.booleans())
    for n, row in enumerate(rows):
        if len(row) == width and (n == 0 or not header_only):
            row[a], row[b] = row[b], row[a]
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return f"swap columns {a}<->{b}{' in the header only' if header_only else ''}", out.getvalue().encode("latin-1")


@st.composite
def reencode(draw, raw: bytes) -> tuple[str, bytes]:
    text = raw.decode("utf-8", errors="replace")
    encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "mac_roman", "utf-8-sig",
                                     "utf-7", "shift_jis"]))
    return f"re-encoded as {encoding}", text.encode(encoding, errors="replace")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=8,
)


@st.composite
def edit_json(draw, raw: bytes) -> tuple[str, bytes]:
    try:
        document = json.loads(raw)
    except ValueError:
        return "json edit (not JSON)", raw
    paths = []  # (container, key) of every value, walked breadth-first

    def walk(node):
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            paths.append((node, key))
            walk(value)

    walk(document)
    edits = []
    for _ in range(draw(st.integers(1, 4))):
        if not paths:
            document = draw(JSON_VALUES)
            edits.append("replaced the whole document")
            break
        container, key = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "delete", "rename", "wrap", "null"]))
        try:
            if op == "replace":
                container[key] = draw(JSON_VALUES)
            elif op == "null":
                container[key] = None
            elif op == "wrap":
                container[key] = [container[key]]
            elif op == "delete" and isinstance(container, dict):
                del container[key]
            elif op == "rename" and isinstance(container, dict):
                container[key + draw(st.sampled_from(["_", "X", " "]))] = container.pop(key)
        except (KeyError, IndexError):
            continue
        edits.append(f"{op} {key!r}")
        paths = []
        walk(document)
    return "json: " + ", ".join(edits), json.dumps(document, ensure_ascii=False, allow_nan=True).encode()


@st.composite
def edit_xml(draw, raw: bytes) -> tuple[str, bytes]:
    tags = sorted(set(re.findall(rb"<([A-Za-z][\w:.-]*)", raw))) or [b"item"]
    tag = draw(st.sampled_from(tags))
    op = draw(st.sampled_from(["drop_open", "drop_close", "rename", "empty", "entity", "laughs", "cdata", "nest"]))
    if op == "drop_open":
        return f"xml: drop an opening <{tag.decode()}>", re.sub(rb"<" + tag + rb"\b[^>]*>", b"", raw, count=1)
    if op == "drop_close":
        return f"xml: drop a </{tag.decode()}>", raw.replace(b"</" + tag + b">", b"", 1)
    if op == "rename":
        return f"xml: rename <{tag.decode()}>", re.sub(rb"(</?)" + tag + rb"\b", rb"\1renamed", raw)
    if op == "empty":
        return f"xml: empty every <{tag.decode()}>", re.sub(rb"(<" + tag + rb"\b[^>]*>).*?(</" + tag + rb">)",
                                                            rb"\1\2", raw, flags=re.S)
    if op == "entity":
        return "xml: undefined entity", raw.replace(b"</title>", b"&undefined;</title>", 1)
    if op == "laughs":  # a small "billion laughs": 10**4 expansions, must neither hang nor crash
        doctype = (b'<!DOCTYPE r [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                   b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
        body = re.sub(rb"^<\?xml[^>]*\?>", b"", raw.lstrip())
        laughs = b'<?xml version="1.0"?>' + doctype + body.replace(b"</title>", b"&d;</title>", 1)
        return "xml: entity expansion", laughs
    if op == "cdata":
        return "xml: unterminated CDATA", raw.replace(b"<![CDATA[", b"<![CDATA[<![CDATA[", 1).replace(b"]]>", b"", 1)
    return f"xml: nest <{tag.decode()}> in itself", raw.replace(b"<" + tag, b"<" + tag + b"><" + tag, 1)


COMMON = (flip_bytes, truncate, edit_lines, reencode)
BY_KIND = {"csv": (swap_columns,), "json": (edit_json, edit_json), "xml": (edit_xml, edit_xml)}


class Case:
    """One fuzz input (a plain class: hypothesis prints its repr, not megabytes of bytes)."""

    def __init__(self, path: Path, steps: tuple[str, ...], raw: bytes):
        self.path, self.steps, self.raw = path, steps, raw

    def __repr__(self) -> str:  # what hypothesis prints for a failing example: short, not megabytes
        return f"Case({self.path.name!r}, steps={list(self.steps)}, {len(self.raw):,} bytes)"


@st.composite
def mutated(draw, bases: dict[Path, bytes]) -> Case:
    path = draw(st.sampled_from(sorted(bases)))
    raw, steps = bases[path], []
    for _ in range(draw(st.integers(1, 3))):
        mutation = draw(st.sampled_from(COMMON + BY_KIND.get(kind_of(path), ())))
        step, raw = draw(mutation(raw))
        steps.append(step)
    return Case(path, tuple(steps), raw)


# --- the test -----------------------------------------------------------------------------------------

def save(source: str, path: Path, raw: bytes) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out = ARTIFACTS / f"{source}-{path.stem}-{hashlib.sha256(raw).hexdigest()[:12]}{path.suffix}"
    out.write_bytes(raw)
    return out


def check(source: str, case: Case) -> None:
    path, steps, raw = case.path, case.steps, case.raw
    module = registry.SOURCES[source]
    try:
        result = runner.parse_source(module, raw, list_kind=list_kind_for(source, path))
    except CollectorError as err:
        assert err.source == source, f"the error names {err.source!r}, not {source!r}: {err}"
        return
    except Exception as exc:  # that is what we are looking for
        known = KNOWN_BUGS.get(source, ())
        if any(isinstance(exc, kind) and re.search(pattern, str(exc)) for kind, pattern, _ in known):
            return
        saved = save(source, path, raw)
        raise AssertionError(f"{source}.parse raised {type(exc).__name__}: {exc}\n  from {path.name} after "
                             f"{steps}\n  input saved as {saved}") from exc
    assert isinstance(result, pd.DataFrame)


@pytest.mark.slow  # hypothesis on every parser: seconds each
@pytest.mark.parametrize("source", list(registry.SOURCES))
def test_a_parser_only_raises_its_own_errors(source):
    files = snapshot_files(source)
    if not files:
        pytest.skip(f"no snapshot of {source} in {SNAPSHOTS} (see tests/support/snapshots.py; set OBSERVATORY_SNAPSHOTS)")
    bases = {path: base_of(path) for path in files}
    for path, raw in bases.items():  # the cut-down bases themselves parse, so mutations start from valid data
        rows = runner.parse_source(registry.SOURCES[source], raw, list_kind=list_kind_for(source, path))
        assert isinstance(rows, pd.DataFrame)

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(case=mutated(bases))
    def fuzz(case):
        check(source, case)

    fuzz()


# Defined only while some bug is open: an empty parameter list would show a skipped test in every run.
if KNOWN_BUGS:
    @pytest.mark.parametrize(("source", "bug"), [(s, b) for s, bugs in KNOWN_BUGS.items() for b in bugs],
                             ids=lambda value: value if isinstance(value, str) else re.sub(r"\W+", "_", value[1])[:24])
    def test_known_parser_bugs(source, bug):
        if source not in registry.SOURCES:
            pytest.skip(f"{source} is not in the registry")
        kind, pattern, raw = bug
        raw = raw(SNAPSHOTS) if callable(raw) else raw
        if raw is None:
            pytest.skip("the snapshot this input is built from is missing")
        try:
            runner.parse_source(registry.SOURCES[source], raw, list_kind=None)
        except CollectorError:
            return  # fixed: remove the entry from KNOWN_BUGS
        except kind as exc:
            if re.search(pattern, str(exc)):
                pytest.xfail(f"known bug in {source}.parse, reported to the lead: {type(exc).__name__}: {exc}")
            raise


def test_hhs_first_row_longer_than_the_header_is_refused_not_shifted():
    """Found by fuzzing (a line swapped up from a broken description): pandas made the extra leading fields
    of a too-long first row an index and shifted every column, then failed with a bare ValueError."""
    from collectors.errors import SourceFormatError
    from collectors.sources import hhs_ocr
    from tests.support.hhs_csv import export, row

    too_long = '"Stray","' + row(name="A Clinic", description="x").lstrip('"')
    with pytest.raises(SourceFormatError, match="more field"):
        runner.parse_source(hhs_ocr, export(too_long, row(name="B Clinic", description="y")), list_kind="archive")
    with pytest.raises(SourceFormatError, match="more field"):  # twice too long: a MultiIndex
        runner.parse_source(hhs_ocr, export('"x","y",' + row(name="A Clinic", description="x"), row(name="B Clinic")),
                      list_kind="archive")
