from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from frontlines.ingest.readers import ReadOptions, read_inputs
from frontlines.records import Article, Failure, Precision


def _read(*paths: Path, manifest: Path | None = None, **opts: int) -> list[Article | Failure]:
    return list(read_inputs(paths, manifest=manifest, options=ReadOptions(**opts)))


def test_text_file_with_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody text here.", encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"file": "a.txt", "outlet": "SANA", "published": "2017-06"}) + "\n")
    [article] = _read(tmp_path / "a.txt", manifest=manifest)
    assert isinstance(article, Article)
    assert article.outlet == "SANA"
    assert article.published == dt.date(2017, 6, 1) and article.published_precision == Precision.MONTH
    assert article.text.split("\n")[2] == "Body text here."


def test_same_text_same_id_whitespace_insensitive(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One  two\nthree", encoding="utf-8")
    (tmp_path / "b.txt").write_text("One two three", encoding="utf-8")
    a, b = _read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert isinstance(a, Article) and isinstance(b, Article) and a.id == b.id


def test_bad_files_become_one_line_failures(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "latin.txt").write_bytes("caf\xe9 in Homs".encode("latin-1"))
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "ok.txt").write_text("Clashes in Homs.")
    items = _read(tmp_path, max_bytes=1000)
    failures = {Path(f.source).name: f for f in items if isinstance(f, Failure)}
    assert set(failures) == {"empty.txt", "bin.txt", "latin.txt", "big.txt"}
    assert "empty" in failures["empty.txt"].message
    assert "binary" in failures["bin.txt"].message
    assert "UTF-8" in failures["latin.txt"].message and "0xe9" in failures["latin.txt"].message
    assert "limit" in failures["big.txt"].message
    assert all("\n" not in f.message for f in failures.values())
    assert sum(isinstance(i, Article) for i in items) == 1


def test_encoding_option_reads_legacy_text(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("caf\xe9 in Homs".encode("latin-1"))
    [article] = _read(tmp_path / "latin.txt", encoding="latin-1")  # type: ignore[arg-type]
    assert isinstance(article, Article) and article.text == "café in Homs"


def test_jsonl_corpus_keeps_going_after_bad_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "a1", "text": "Shelling in Douma.", "outlet": "SANA", "published": "2016-07-10"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps({"id": "a4", "text": "Clashes in Daraa.", "published": "10/07/2016"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a6", "text": "Airstrike on Idlib."}),
    ]))
    items = _read(corpus)
    ok = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, Failure)]
    assert [a.source for a in ok] == ["a1", "a4", "a6"]
    assert ok[0].published == dt.date(2016, 7, 10)
    assert ok[1].published is None and "not ISO" in (ok[1].published_basis or "")  # kept, date unknown
    assert len(bad) == 3
    assert any("not valid JSON" in f.message for f in bad)
    assert any("no 'text'" in f.message for f in bad)


def test_csv_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c.csv"
    corpus.write_text('id,text,outlet\nr1,"Clashes in Hama, officials said.",TASS\nr2,,TASS\n')
    items = _read(corpus)
    assert isinstance(items[0], Article) and items[0].outlet == "TASS"
    assert isinstance(items[1], Failure) and items[1].source == "r2"


def test_missing_input_is_a_failure(tmp_path: Path) -> None:
    [item] = _read(tmp_path / "nope.txt")
    assert isinstance(item, Failure) and "no such file" in item.message


def test_folder_order_is_stable_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", ".hidden.txt", "notes.bin"):
        (tmp_path / name).write_text(f"Report {name}.")
    (tmp_path / "z.bin").write_bytes(bytes(range(256)) * 4)
    items = _read(tmp_path)
    # a file with an unknown suffix is read when its bytes are text, a named failure when not
    assert [Path(i.source).name for i in items] == ["a.txt", "b.txt", "notes.bin", "z.bin"]
    assert [type(i) for i in items] == [Article, Article, Article, Failure]
    assert "unsupported file type '.bin'" in items[-1].message


def test_csv_with_broken_quoting_is_a_failure_not_a_document(tmp_path: Path) -> None:
    corpus = tmp_path / "c.csv"
    corpus.write_text('id,text\nr1,"Clashes in Hama."\nr2,"unterminated\n')
    items = _read(corpus)
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], Failure) and "malformed" in items[-1].message and "line 3" in items[-1].message


def test_corpora_in_another_encoding_fail_line_by_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": "Clashes in Hama."}).encode()
    bad = '{"id": "bad", "text": "caf\xe9 in Homs"}'.encode("latin-1")
    (tmp_path / "c.jsonl").write_bytes(good + b"\n" + bad + b"\n" + good.replace(b"ok", b"ok2") + b"\n")
    (tmp_path / "c.csv").write_bytes("id,text\nr1,Clashes in Hama.\nr2,caf\xe9\n".encode("latin-1"))
    items = _read(tmp_path / "c.jsonl", tmp_path / "c.csv")
    assert [i.source for i in items if isinstance(i, Article)] == ["ok", "ok2", "r1"]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 2 and all("encoding" in f.message for f in failures)
    latin = _read(tmp_path / "c.csv", encoding="latin-1")  # type: ignore[arg-type]
    assert [i.text for i in latin if isinstance(i, Article)] == ["Clashes in Hama.", "café"]


def test_a_file_named_like_a_manifest_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "manifesto.txt").write_text("Protesters rallied in Daraa on Friday.")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(json.dumps({"file": "manifesto.txt", "outlet": "SANA"}) + "\n")
    [item] = _read(tmp_path, manifest=manifest)
    assert isinstance(item, Article) and item.outlet == "SANA"
