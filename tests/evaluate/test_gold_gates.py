"""Accuracy gates: every group of the evaluation suite on the shared gold sets (and on the
repository's own gold corpora), against the one floors file, ``frontlines/evaluate/floors.json``.

A figure below its floor (above its ceiling) fails here, and so does a group whose corpus files
no longer have the digest its floors were measured on.  Floors move only up, by
``frontlines eval --repin``; lowering one is a hand edit, reviewed, with the reason in the commit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from frontlines.evaluate import floors, suite

FLOORS = floors.load_floors()
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Any:
    ws = suite.Workspace(tmp_path_factory.mktemp("eval"))
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def groups(corpus: Path) -> dict[str, suite.Group]:
    """The groups of the shared corpora and of the repository's own ``corpus/`` folder."""
    return {g.name: g for g in suite.discover(r for r in (corpus, REPO / "corpus") if r.is_dir())}


@pytest.mark.parametrize("name", sorted(FLOORS["groups"]))
def test_gate(name: str, groups: dict[str, suite.Group], workspace: suite.Workspace) -> None:
    assert name in groups, f"{name}: pinned in floors.json but its corpus is not here"
    [result] = suite.measure([groups[name]], workspace)
    problems = floors.check_group(name, FLOORS["groups"][name], result.figures, result.digest)
    assert not problems, "\n".join(p.message for p in problems)


def test_every_gated_figure_is_pinned(groups: dict[str, suite.Group]) -> None:
    """A floor named in the file is one the group measures (a renamed figure cannot slip out)."""
    for name, entry in FLOORS["groups"].items():
        group = groups[name]
        assert set(entry["floors"]) <= set(group.floors), (name, set(entry["floors"]) - set(group.floors))
        assert set(entry["ceilings"]) <= set(group.ceilings), (name, set(entry["ceilings"]) - set(group.ceilings))


def test_nothing_from_comments_titles_or_boilerplate(groups: dict[str, suite.Group],
                                                     workspace: suite.Workspace) -> None:
    suite.measure([groups["seeds"]], workspace)  # the seeds run, shared with test_gate
    store = workspace.store("seeds")
    assert {c.segment_role.value for c in store.claims()} <= {"body", "quote"}
    for article in store.articles():
        debris = [s for s in store.segments(article.id) if s.role.value not in {"body", "quote"}]
        for claim in store.claims(article.id):
            assert not any(s.start <= claim.trigger_start < s.end for s in debris), claim.sentence
