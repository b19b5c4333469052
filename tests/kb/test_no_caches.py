"""No module keeps rules in a module-level cache: two knowledge bases live side by side."""

from __future__ import annotations

import ast
from pathlib import Path

from frontlines.kb import export_kb, load_kb
from frontlines.records import Article, Mention
from frontlines.resolve.claims import ClaimResolver

SRC = Path(__file__).resolve().parents[2] / "src" / "frontlines"
#: memoised pure functions that are allowed a process-wide cache: string normalisation and the
#: spaCy model (a model, not an editable rule)
ALLOWED = {("resolve/normalize.py", "name_key"), ("resolve/normalize.py", "skeleton"),
           ("resolve/normalize.py", "key_words"),
           ("resolve/normalize.py", "consonants"), ("extract/nlp.py", "load_nlp"),
           # the fast path: more of the same pure string normalisation (constants of the code, no
           # knowledge-base rule), memoised because place lookup calls it on every name run
           ("resolve/normalize.py", "fold"), ("resolve/normalize.py", "_word_keys"),
           ("resolve/normalize.py", "similarity"), ("resolve/normalize.py", "spelled"),
           ("resolve/gaz_words.py", "split_generic"), ("resolve/gaz_words.py", "core_key"),
           # issue 12: the word levelling under name_key, and the parse of an ISO event date that
           # fusion asks for every pair of claims it compares (pure code, no rule)
           ("resolve/normalize.py", "_level"), ("resolve/normalize.py", "_key_similarity"),
           ("fuse/fuse.py", "date_span")}


def _cached_functions() -> set[tuple[str, str]]:
    found = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for dec in node.decorator_list:
                    text = ast.unparse(dec)
                    if "cache" in text:
                        found.add((path.relative_to(SRC).as_posix(), node.name))
    return found


def _globals_assigned() -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Global):
                found.add(path.relative_to(SRC).as_posix())
    return found


def test_only_pure_normalisation_is_memoised() -> None:
    assert _cached_functions() <= ALLOWED, _cached_functions() - ALLOWED


def test_no_module_assigns_globals_but_the_worker_state() -> None:
    assert _globals_assigned() <= {"scale/engines.py"}  # one Resources per worker process, built from a kb


def test_two_knowledge_bases_give_different_results_in_one_process(tmp_path: Path) -> None:
    edited = tmp_path / "kb"
    export_kb(edited)
    actors = edited / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8").replace(
        "actors:\n", "actors:\n  - {name: Zarqa Hawks Battalion, inter: 2, side: opposition, aliases: [Zarqa Hawks]}\n",
        1), encoding="utf-8")
    packaged, custom = load_kb(), load_kb(edited)
    assert packaged.actors.lookup("the Zarqa Hawks") is None
    assert custom.actors.lookup("the Zarqa Hawks").name == "Zarqa Hawks Battalion"  # type: ignore[union-attr]
    assert load_kb().actors.lookup("the Zarqa Hawks") is None  # loading the copy changed nothing
    from factories import claim

    base = claim()
    article = Article(id="d1", text="x", source="x")
    from dataclasses import replace

    from frontlines.records import ActorRef

    c = replace(base, actor1=ActorRef("Zarqa Hawks", None), actor2=None,
                location=Mention("d1", "place", 0, 1, "x"))
    (a,) = ClaimResolver(custom.actors).resolve([c], article)
    (b,) = ClaimResolver(packaged.actors).resolve([c], article)
    assert a.actor1 is not None and a.actor1.name == "Zarqa Hawks Battalion"
    assert b.actor1 is None or b.actor1.name != "Zarqa Hawks Battalion"
