"""The score's terms as one table (core/terms.py), and the SQL prefilter beside it.

``net due`` reads only the rows ``store/candidates.py`` PREFILTER lets through. Every
entry of ``TERMS`` that can make someone eligible names the clause that must hold
them; these tests check each entry against its own clause, on hand-made witnesses
and on generated people, so a new term that admits someone the prefilter does not
know fails here.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core.schedule import REASONS, Assessment, Candidate, Touch, assess, plan
from quietnet.core.settings import DEFAULT, KEYS, Settings
from quietnet.core.terms import LABELS, TERM_NAMES, TERMS, Facts, TermSpec
from quietnet.engine.opening import open_database
from quietnet.engine.sqlite import Database, Session
from quietnet.render.due import REASON_LABELS
from quietnet.store import candidates, state, yearly
from quietnet.store import settings as stored
from tests.helpers import BANNED, seed, write_raw
from tests.processes import NOW
from tests.strategies import SETTINGS, TODAY, Raw, build, crowds, day

DOCS = Path(__file__).resolve().parent.parent / "docs"


def facts(a: Assessment, c: Candidate) -> Facts:
    """What the table read for ``a`` (as ``schedule._evaluate`` builds it)."""
    return Facts(
        a.ratio, a.dormant, a.real_tie, a.resting, a.closeness, None if a.event is None else a.event[1],
        None if a.loop is None else a.loop[0], c.novel,
    )  # fmt: skip


def admitting(a: Assessment, c: Candidate) -> list[TermSpec]:
    f = facts(a, c)
    return [t for t in TERMS if t.admits is not None and t.admits(f)]


def clause_ids(s: Session, settings: Settings, on: date, clause: str) -> set[int]:
    """Who one clause of the prefilter lets through on ``on``."""
    where, params = candidates.prefilter(on, settings, [clause])
    return {r[0] for r in s.all(candidates.CANDIDATES_SQL + where, params)}


def _person(
    name: str, circle: str, *, met: int, touches: tuple[tuple[int, str], ...] = (), **kw: object
) -> Raw:
    fields: dict[str, object] = {
        "birthday": None, "novel": False, "snoozed_until": None, "archived": False, "promise": None,
        "need": None, "closeness": None, "kin": False, "override": None, **kw,
    }  # fmt: skip
    return Raw(id=0, name=name, circle=circle, met=day(-met),
               touches=tuple(Touch(day(n), k) for n, k in touches), **fields)  # type: ignore[arg-type]  # fmt: skip


# One person per term that admits, in whom that term alone does (on TODAY, default settings).
WITNESSES: dict[str, Raw] = {
    "time_apart": _person("Ana", "close", met=400, touches=((-45, "meet"),)),
    "event": _person("Bo", "network", met=10, touches=((-10, "meet"),), birthday=(6, 20)),
    "loop": _person("Cy", "network", met=10, touches=((-10, "meet"),), promise="intro to Sam"),
    "dormant": _person("Dee", "close", met=2000),
}


def test_every_term_declares_its_prefilter_clause() -> None:
    for t in TERMS:
        assert (t.admits is None) == (t.prefilter is None), t.name
        assert t.prefilter is None or t.prefilter in candidates.PREFILTER, t.name
    # and no clause is left that no term needs
    assert {t.prefilter for t in TERMS if t.prefilter} == set(candidates.PREFILTER)


def test_every_term_that_admits_has_a_witness() -> None:
    assert set(WITNESSES) == {t.name for t in TERMS if t.admits is not None}


def test_the_table_names_what_the_scheduler_uses() -> None:
    keys = {k for k, _ in KEYS}
    assert all(t.coefficient in keys for t in TERMS)
    assert tuple(t.name for t in TERMS) == TERM_NAMES
    assert [
        t.name for t in assess(build(WITNESSES["time_apart"]), settings=DEFAULT, today=TODAY).terms
    ] == list(TERM_NAMES)
    assert {t.reason for t in TERMS if t.reason} | {"drifting"} == set(REASONS)
    assert len(set(LABELS.values())) == len(TERMS)  # no two read alike
    assert not [t.label for t in TERMS if BANNED.search(t.label)]
    assert set(REASON_LABELS) == set(REASONS)  # every reason code has its words for `net why`


def test_the_docs_terms_table_follows_the_table() -> None:
    text = (DOCS / "scheduling.md").read_text(encoding="utf-8")
    section = text[text.index("## 3. The score is a visible sum") :]
    table = section.split("\n\n")[1]
    rows = re.findall(r"^\| ([a-z ]+) \| `([a-z_]+)` \| .* \(?`([a-z._]+)`\)? \|$", table, re.M)
    assert rows == [(t.label, t.name, t.coefficient) for t in TERMS]


def _store(
    folder: str, migrated: bytes, chosen: Settings, crowd: list[Raw]
) -> tuple[Database, dict[int, Raw]]:
    path = Path(folder) / "net.db"
    seed(path, migrated)  # a copy of the session's migrated store: no migration per example
    db = open_database(path, now=lambda: NOW)
    written: dict[int, Raw] = {}
    with db.write("seed") as s:
        stored.save(s, chosen)
        state.refresh_all(s)
        for r in crowd:
            written[write_raw(s, r)] = r
    return db, written


def test_each_witness_is_admitted_by_its_term_alone_and_let_through_by_its_clause(migrated: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db, written = _store(folder, migrated, DEFAULT, list(WITNESSES.values()))
        try:
            with db.read() as s:
                ids = {r.name: pid for pid, r in written.items()}
                for c in candidates.candidates(s, DEFAULT, today=TODAY):
                    term = next(n for n, r in WITNESSES.items() if r.name == c.name)
                    a = assess(c, settings=DEFAULT, today=TODAY)
                    assert a.eligible, term
                    spec = next(t for t in TERMS if t.name == term)
                    assert admitting(a, c) == [spec], term
                    assert spec.prefilter is not None
                    assert ids[c.name] in clause_ids(s, DEFAULT, TODAY, spec.prefilter), term
        finally:
            db.close()


DAYS = (-45, 0, 2, 60, 700)


def test_a_yearly_date_is_admitted_by_the_event_term_alone_and_let_through_by_its_clause(
    migrated: bytes,
) -> None:
    """A yearly date (net date) counts exactly as a birthday: the event witness with a date instead."""
    raw = replace(WITNESSES["event"], name="Eve", birthday=None)
    on = TODAY + timedelta(days=1)
    with tempfile.TemporaryDirectory() as folder:
        db, written = _store(folder, migrated, DEFAULT, [raw])
        try:
            (person_id,) = written
            with db.write("date") as s:
                yearly.add(
                    s, person_id=person_id, label="wedding anniversary", day=f"{on.month:02d}-{on.day:02d}"
                )
            with db.read() as s:
                (c,) = candidates.candidates(s, DEFAULT, today=TODAY)
                a = assess(c, settings=DEFAULT, today=TODAY)
                assert a.eligible
                assert a.event == ("wedding anniversary", 1)
                assert [t.name for t in admitting(a, c)] == ["event"]
                assert person_id in clause_ids(s, DEFAULT, TODAY, "event")
                assert person_id in {e.id for e in candidates.eligible_candidates(s, DEFAULT, today=TODAY)}
        finally:
            db.close()


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowds(max_size=8), st.sampled_from(SETTINGS))
def test_everyone_a_term_admits_is_let_through_by_its_clause(
    migrated: bytes, crowd: list[Raw], chosen: Settings
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db, _ = _store(folder, migrated, chosen, crowd)
        try:
            with db.read() as s:
                for ahead in DAYS:
                    on = TODAY + timedelta(days=ahead)
                    clauses = {name: clause_ids(s, chosen, on, name) for name in candidates.PREFILTER}
                    everyone = candidates.candidates(s, chosen, today=on)
                    eligible, kept = set(), set()
                    for c in everyone:
                        a = assess(c, settings=chosen, today=on)
                        terms = admitting(a, c)
                        assert a.eligible == (bool(terms) and not c.archived and a.snoozed_until is None)
                        if not a.eligible:
                            continue
                        eligible.add(c.id)
                        if not a.quiet_tie:
                            kept.add(c.id)
                        for t in terms:
                            assert t.prefilter is not None
                            assert c.id in clauses[t.prefilter], (on, t.name, a)
                    # the ranking's shortcuts agree with the rule: it drops only quiet ties past the one
                    ranked = {
                        a.id for a in plan(everyone, settings=chosen, today=on, spent=0, show_all=True).ranked
                    }
                    assert kept <= ranked <= eligible, on
        finally:
            db.close()


def test_the_reference_names_the_codes_of_the_table() -> None:
    reference = " ".join((DOCS / "cli.md").read_text(encoding="utf-8").split())
    assert f"the terms ({', '.join(TERM_NAMES)})" in reference
    codes = list(REASONS)
    assert f"a reason code: {', '.join(codes[:-1])} or {codes[-1]}." in reference
