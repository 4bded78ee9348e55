"""`net import json` reads our own export a record at a time (io/jsonlayout.py, io/jsonstream.py).

The layout reader gives exactly what json.loads gives, or says the text is not
laid out as an export (then the file is read whole, as before); the streamed
check refuses what the whole check refuses, with the same sentence; a file too
large to read whole is restored when it is an export, and refused otherwise.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quietnet.engine.constants import SCHEMA_VERSION
from quietnet.errors import InputError
from quietnet.io import jsonfile, jsonstream
from quietnet.io.jsonlayout import NotLaidOut, events
from quietnet.io.reading import MAX_EXPORT, MAX_JSON, MAX_LINE
from tests.helpers import TODAY, Net, dump
from tests.test_import_memory import PEAK

pytestmark = pytest.mark.sqlite_only

TODAY_DATE = date.fromisoformat(TODAY)

odd = st.text(st.sampled_from('\x00\x1f\t\n"\\%\u2028\U0001f600é 李,[]{}:') | st.characters(), max_size=8)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | odd,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd, inner, max_size=3),
    max_leaves=12,
)
documents = st.dictionaries(
    st.sampled_from(["format", "people", "interactions", "helps", "loops", "settings", "tables", "x"]) | odd,
    values | st.lists(values, max_size=3) | st.dictionaries(odd, st.lists(values, max_size=3), max_size=3),
    max_size=6,
)


def rebuilt(text: str, cuts: list[int] | None = None) -> dict[str, Any]:
    """The document the layout reader gives, put back together (the text given in pieces cut
    at ``cuts``, else line by line, split at LF only as a file's lines are read)."""
    document: dict[str, Any] = {}
    if cuts is None:
        parts = text.split("\n")
        pieces = [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    else:
        at = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
        pieces = [text[a:b] for a, b in itertools.pairwise(at)]
    for e in events(pieces):
        if e.kind == "member":
            document[e.key] = e.value
        elif e.kind == "list":
            document[e.key] = []
        elif e.kind == "record":
            document[e.key].append(e.value)
        elif e.kind == "table":
            document["tables"][e.table] = []
        else:
            document["tables"][e.table].append(e.value)
    return document


@given(documents, st.lists(st.integers(0, 10**6), max_size=6))
def test_an_export_s_layout_is_read_as_json_loads_reads_it(document: dict[str, Any], cuts: list[int]) -> None:
    text = jsonfile.render(document)
    try:
        assert rebuilt(text) == json.loads(text)
        assert rebuilt(text, cuts) == json.loads(text)
    except NotLaidOut:  # only "{}" (no member on a line of its own), or "tables" not of lists
        tables = document.get("tables")
        assert document == {} or (
            isinstance(tables, dict) and not all(isinstance(rows, list) for rows in tables.values())
        )


@given(documents, st.data())
def test_a_changed_export_is_read_as_json_loads_reads_it_or_read_whole(
    document: dict[str, Any], data: st.DataObject
) -> None:
    text = jsonfile.render(document)
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 3))
    text = (
        text[:at] + data.draw(st.sampled_from(["", ",", " ", "\n", "]", "}", '"', "\r\n"])) + text[at + cut :]
    )
    try:
        whole: Any = json.loads(text)
    except ValueError:
        whole = ValueError
    with contextlib.suppress(NotLaidOut):  # else read whole: json.loads reads it or says what is wrong
        assert rebuilt(text) == whole
    with contextlib.suppress(NotLaidOut):
        assert rebuilt(text, data.draw(st.lists(st.integers(0, 10**6), max_size=4))) == whole


@pytest.fixture
def export(net: Net, tmp_path: Path) -> str:
    for args in (
        ("add", "Ana Ruiz", "--birthday", "1990-02-03", "--tag", "climbing"),
        ("add", "Bo Chen"),
        ("log", "ana", "bo", "coffee", "--on", "2025-06-01", "--note", 'a "quote"\n\tand \\ %s é'),
        ("log", "bo", "call", "--on", "2025-06-02"),
        ("helped", "ana", "intro to Sam", "--kind", "intro"),
        ("promise", "bo", "send the article"),
        ("kind", "add", "pottery", "--like", "coffee"),
        ("log", "bo", "pottery", "--on", "2025-06-03"),
        ("settings", "set", "weekly_energy", "6"),
    ):
        assert net(*args).code == 0, args
    return net("export", "json").out


MUTATIONS = [
    ('"circle": "network"', '"circle": "bogus"'),
    ('"kind": "meet"', '"kind": "hike"'),
    ('"birthday": "1990-02-03"', '"birthday": "2090-02-03"'),
    ('"id": 2,\n      "day": "2025-06-02"', '"id": 1,\n      "day": "2025-06-02"'),
    ('"interaction": 3', '"interaction": 99'),
    ('"help": null', '"help": 7'),
    ('"format": "quietnet"', '"format": "other"'),
    (f'"schema_version": {SCHEMA_VERSION}', f'"schema_version": {SCHEMA_VERSION + 1}'),
    ('"name": "pottery"', '"name": "Pottery"'),
    ('"name": "Bo Chen"', '"name": "Bo\\u0000"'),
    ('"tags": [\n        "climbing"\n', '"tags": [\n        "climbing",\n        "Climbing!"\n'),
    ('"what": "intro to Sam"', '"what": "intro to Sam", "extra": 1'),
    ('"people": [\n    {', '"people": [\n    7,\n    {'),
]


@pytest.mark.parametrize(("old", "new"), MUTATIONS, ids=[m[1][:30] for m in MUTATIONS])
def test_a_bad_record_is_refused_as_the_whole_check_refuses_it_and_nothing_is_written(
    net: Net, export: str, tmp_path: Path, old: str, new: str
) -> None:
    assert old in export
    text = export.replace(old, new, 1)
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as whole:
        jsonfile.parse(text, str(path), schema_version=SCHEMA_VERSION, today=TODAY_DATE)
    other = tmp_path / "other.db"
    before = sorted(tmp_path.rglob("*"))
    result = net("--db", str(other), "import", "json", str(path))
    assert (result.code, result.err) == (1, whole.value.message + "\n")
    assert sorted(tmp_path.rglob("*")) == before  # no store made, no snapshot taken
    assert dump(other) == b""


def test_an_export_restores_into_a_new_store_and_exports_the_same_bytes(
    net: Net, export: str, tmp_path: Path
) -> None:
    path = tmp_path / "q.json"
    path.write_text(export, encoding="utf-8")
    other = tmp_path / "other.db"
    dry = net("--db", str(other), "import", "json", str(path), "--dry-run")
    assert dry.out == (
        f"Would import 2 people, 4 interactions, 1 way you helped and 1 loop from {path}. "
        "Nothing was changed (dry run).\n"
    )
    assert net("--db", str(other), "import", "json", str(path)).code == 0
    assert net("--db", str(other), "export", "json").out == export


def test_a_file_too_large_to_read_whole_is_refused_unless_it_is_an_export(net: Net, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    minified = {"format": "quietnet", "format_version": 1, "schema_version": 1, "x": "y" * (MAX_LINE + 1)}
    path.write_text(json.dumps(minified), encoding="utf-8")  # one line, too long to be read a line at a time
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "json", str(path), "--dry-run").out == (
        f"Would import 0 people, 0 interactions, 0 ways you helped and 0 loops from {path}. "
        "Nothing was changed (dry run).\n"
    )
    path.write_text(json.dumps({"format": "quietnet", "notes": ["x" * 1000] * (MAX_JSON // 1000)}, indent=1))
    result = net("--db", str(other), "import", "json", str(path))
    assert (result.code, result.err) == (
        1,
        f"{path}, line 2: this is not laid out as net export json writes it, and a file over 32 MB is "
        "read only in that layout; nothing was imported.\n",
    )
    assert dump(other) == b""
    with path.open("r+b") as f:
        f.truncate(MAX_EXPORT + 1)  # sparse: nothing is written to the disk, nothing read
    result = net("--db", str(other), "import", "json", str(path))
    assert (result.code, result.err) == (
        1,
        f"{path} is 2,048 MB, more than the 2,048 MB one import reads; nothing was imported. "
        "Split it and import the parts one after another.\n",
    )
    assert dump(other) == b""


def test_the_records_are_read_again_only_as_they_are_written(export: str, tmp_path: Path) -> None:
    path = tmp_path / "q.json"
    path.write_text(export, encoding="utf-8")
    document, counts = jsonstream.read(path, str(path), schema_version=SCHEMA_VERSION, today=TODAY_DATE)
    assert counts == {"people": 2, "interactions": 4, "helps": 1, "loops": 1}
    assert not isinstance(document["interactions"], list)
    whole = json.loads(export)
    assert [list(document[k]) for k in ("people", "interactions", "helps", "loops")] == [
        whole[k] for k in ("people", "interactions", "helps", "loops")
    ]
    assert (document["settings"], document["tables"]) == (whole["settings"], whole["tables"])


@pytest.mark.slow
def test_restoring_an_export_larger_than_a_file_read_whole_stays_under_100_mb(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    people = [
        {"id": n, "uuid": f"00000000-0000-4000-8000-{n:012d}", "name": f"Person {n}", "circle": "network",
         "kin": False, "created_at": "2025-01-01T00:00:00+00:00", "updated_at": "2025-01-01T00:00:00+00:00",
         "tags": []}
        for n in range(1, 501)
    ]  # fmt: skip
    note = "a long note, " * 150
    interactions = (
        {"id": n, "day": "2025-01-02", "kind": "meet", "note": note, "by_them": False,
         "created_at": "2025-01-02T00:00:00+00:00", "people": [people[n % 500]["uuid"]]}
        for n in range(1, 25_001)
    )  # fmt: skip
    from quietnet.io import jsontext

    document = {"format": "quietnet", "format_version": 1, "schema_version": SCHEMA_VERSION,
                "people": people, "interactions": interactions}  # fmt: skip
    with path.open("w", encoding="utf-8") as f:
        for piece in jsontext.chunks(document):
            f.write(piece)
    assert path.stat().st_size > MAX_JSON
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NET_TODAY": TODAY}
    env["NET_DB"] = str(tmp_path / "new.db")
    run = subprocess.run(
        [sys.executable, "-c", PEAK, "import", "json", str(path)],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    peak = int(run.stderr.rsplit("peak ", 1)[1])
    print(f"{path.stat().st_size / 2**20:.0f} MB export, peak {peak} MB")
    assert peak < 100


def test_a_file_changed_between_the_check_and_the_write_is_refused(
    net: Net, export: str, tmp_path: Path
) -> None:
    path = tmp_path / "q.json"
    path.write_text(export, encoding="utf-8")
    document, _ = jsonstream.read(path, str(path), schema_version=SCHEMA_VERSION, today=TODAY_DATE)
    assert len(list(document["people"])) == 2
    path.write_text(export.replace('"name": "Bo Chen"', '"name": "Bo\\u0000"') + "\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        [list(document[key]) for key in ("interactions", "helps", "loops")]  # as dump.load reads them
    assert refused.value.message == "it changed while it was being imported."
