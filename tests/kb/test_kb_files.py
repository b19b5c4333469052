"""Each file of the knowledge base: its loader and its validator; the rules across files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factories import replace_once
from frontlines.errors import ResourceError
from frontlines.kb import FILES, KbProblem, check_kb, export_kb, load_kb, packaged_dir
from frontlines.kb import files as kbfiles


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    dest = tmp_path / "kb"
    written = export_kb(dest)
    assert {p.name for p in written} >= {f.filename for f in FILES}
    return dest


def test_the_packaged_kb_is_valid_and_loads() -> None:
    assert check_kb() == []
    kb = load_kb()
    assert kb.country == "SY" and "opposition" in kb.manifest.sides
    assert kb.gazetteer.name == "gazetteer.sqlite" and kb.gazetteer.is_file()
    assert kb.actors.lookup("Daesh").name == "Islamic State (Syria)"  # type: ignore[union-attr]
    assert kb.outlets.lookup("SANA") is not None and kb.theater.canonical_admin1("Deir Ezzor") == "Deir ez-Zor"
    with pytest.raises(AttributeError):
        kb.actors = None  # type: ignore[misc]  # frozen


def test_every_file_has_one_loader_and_one_validator() -> None:
    for f in FILES:
        assert f.check(packaged_dir() / f.filename) == [], f.name
        assert f.load(packaged_dir() / f.filename) is not None


@pytest.mark.parametrize(("filename", "old", "new", "needle"), [
    ("kb.yaml", "country: SY", "country: Syria", "ISO alpha-2"),
    ("kb.yaml", "name: syria", "nom: syria", "unknown key 'nom'"),
    ("triggers.yaml", "type: Battles / Armed clash", "type: Battles / Skirmish", "not a sub-event type"),
    ("triggers.yaml", "type: Battles / Armed clash", "type: Fights / Armed clash", "unknown ACLED event type"),
    ("hedges.yaml", "future_adverbs:", "futur_adverbs:", "unknown cue list"),
    ("actors.yaml", "inter: 1", "inter: 11", "inter code 1-8"),
    ("actors.yaml", "{name: Tiger Forces, parent: Military Forces of Syria (2000-2024),",
     "{name: Tiger Forces, parent: Nobody,", "unknown parent"),
    ("outlets.yaml", "domains: [sana.sy]", "domains: [sana]", "bad domain"),
    ("boilerplate.yaml", "strong_max_words: 30", "strong_max_words: 30\nstrongest: []", "unknown group"),
    ("theater.yaml", "governorates:", "gouvernorates: {}\ngovernorates:", "unknown section"),
    ("theater.yaml", "  - 'ANHA'", "  - 'AN(HA'", "bad regular expression"),
    ("tolls.yaml", "max_event_toll: 5000", "max_event_toll: 0", "max_event_toll: needs a whole number"),
    ("tolls.yaml", "life_verbs: [claim, take, cost, lose]", "life_verbs: []", "life_verbs: needs a non-empty list"),
])
def test_a_broken_file_names_its_line(copy: Path, filename: str, old: str, new: str, needle: str) -> None:
    replace_once(copy / filename, old, new)
    line = next(n for n, text in enumerate((copy / filename).read_text().splitlines(), 1)
                if new.splitlines()[-1] in text or new.splitlines()[0] in text)
    problems = check_kb(copy)
    hits = [p for p in problems if needle in p.message]
    assert hits and hits[0].file == filename, problems
    assert hits[0].line in (0, line) or abs(hits[0].line - line) <= 3, (hits, line)
    with pytest.raises(ResourceError):
        load_kb(copy)


def test_the_overlay_needs_a_coordinate_source_and_a_governorate(copy: Path) -> None:
    overlay = copy / "gazetteer_overlay.csv"
    rows = overlay.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace(",Rif Dimashq,", ",Atlantis,")
    fields = rows[2].split(",")
    rows[2] = ",".join(fields[:9]) + ",," + fields[-1]  # no coord_source
    overlay.write_text("\n".join(rows) + "\n", encoding="utf-8")
    problems = check_kb(copy)
    assert KbProblem("gazetteer_overlay.csv", 2, "admin1 'Atlantis' is not a governorate of theater.yaml") in problems
    assert any(p.line == 3 and "coord_source" in p.message for p in problems), problems


def test_an_unknown_side_is_refused(copy: Path) -> None:
    replace_once(copy / "actors.yaml", "side: kurdish", "side: kurds")
    replace_once(copy / "outlets.yaml", "side: pro-turkey", "side: pro-ottoman")
    messages = [str(p) for p in check_kb(copy)]
    assert any(m.startswith("actors.yaml:") and "unknown side 'kurds'" in m for m in messages), messages
    assert any(m.startswith("outlets.yaml:") and "unknown side 'pro-ottoman'" in m for m in messages), messages


def test_a_yaml_syntax_error_names_its_line(copy: Path) -> None:
    (copy / "outlets.yaml").write_text("outlets:\n  - name: A\n  - [oops\n", encoding="utf-8")
    (problem,) = kbfiles.check_outlets(copy / "outlets.yaml")
    assert problem.file == "outlets.yaml" and problem.line >= 3


def test_a_missing_file_is_a_problem_not_a_crash(copy: Path) -> None:
    (copy / "theater.yaml").unlink()
    assert KbProblem("theater.yaml", 0, "no such file") in check_kb(copy)


def test_a_kb_may_name_its_own_gazetteer(copy: Path) -> None:
    shutil.copyfile(packaged_dir() / "gazetteer.sqlite", copy / "places.sqlite")
    (copy / "kb.yaml").write_text((copy / "kb.yaml").read_text() + "gazetteer: places.sqlite\n")
    assert load_kb(copy).gazetteer == copy / "places.sqlite"
    (copy / "kb.yaml").write_text((copy / "kb.yaml").read_text().replace("places.sqlite", "none.sqlite"))
    assert any("not found" in p.message for p in check_kb(copy))


def test_a_missing_directory_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="knowledge base not found"):
        load_kb(tmp_path / "nowhere")


def test_actor_eras_are_checked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from frontlines.kb.files import check_actors

    path = tmp_path / "actors.yaml"
    path.write_text("version: 1\nactors:\n  - name: A\n    inter: 2\n    eras: [{until: 2016-07-28, name: B},"
                    " {until: 2015-01-01, name: C}, {name: D}]\n")
    problems = [p.message for p in check_actors(path)]
    assert "eras must be listed oldest first" in problems and any("needs a name and an ISO day" in p for p in problems)


def test_sole_air_forces_need_a_known_actor_and_a_day(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from frontlines.kb.files import check_actors

    path = tmp_path / "actors.yaml"
    path.write_text("version: 1\nactors:\n  - name: A\n    inter: 1\nsole_air_forces:\n"
                    "  - {actor: A, until: 2014-09-23}\n  - {actor: B, until: 2014-09-23}\n  - {actor: A, until: soon}\n")
    problems = [p for p in check_actors(path) if "sole_air_forces" in p.message]
    assert [p.line for p in problems] == [7, 8]


def test_an_unclaimed_actor_must_be_defined(copy: Path) -> None:
    replace_once(copy / "triggers.yaml", "actor: Unidentified Armed Group (Syria)}", "actor: Unknown Gang}")
    messages = [str(p) for p in check_kb(copy)]
    assert any(m.startswith("triggers.yaml:") and "unknown actor 'Unknown Gang'" in m for m in messages), messages
