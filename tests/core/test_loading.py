"""Safe loading of JSON and YAML: every refusal with its exact message, path and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabrules.model.errors import InputError, Issue
from collabrules.pipeline.loading import parse_bytes, read_document


def refusal(raw: bytes, source: str = "case.yaml") -> Issue:
    with pytest.raises(InputError) as caught:
        parse_bytes(raw, source)
    assert len(caught.value.issues) == 1
    return caught.value.issues[0]


@pytest.mark.parametrize(("raw", "source", "message", "path", "line"), [
    (b'{"a": 1,\n "a": 2}', "c.json", "the key 'a' appears twice in one object", "$.a", 2),
    (b'{"p": [{"x": 1}, {"x": 1, "y": {}, "x": 2}]}', "c.json",
     "the key 'x' appears twice in one object", "$.p[1].x", 1),
    (b'{"a": NaN}', "c.json", "NaN is not a JSON number", "$.a", None),
    (b'{"a": -Infinity}', "c.json", "-Infinity is not a JSON number",
     "$.a", None),
    (b'{"a": 1,,}', "c.json",
     "this is not valid JSON: Expecting property name enclosed in double quotes", "$", 1),
    (b"a: !!python/object:os.system x\n", "c.yaml",
     "the YAML tag tag:yaml.org,2002:python/object:os.system is not allowed", "$.a", 1),
    (b"a: 1\nb: !!bool maybe\n", "c.yaml", "'maybe' cannot be read as a bool value", "$.b", 2),
    (b"a: 1\nb: !custom x\n", "c.yaml", "the YAML tag !custom is not allowed", "$.b", 2),
    (b"a: &x 1\nb: *x\n", "c.yaml", "YAML anchors and aliases are not allowed in case files",
     "$.b", 2),
    (b"base: {a: 1}\nother:\n  <<: {a: 2}\n", "c.yaml", "YAML merge keys (<<) are not allowed",
     "$.other", 3),
    (b"a: 1\nb:\n  c: 1\n  c: 2\n", "c.yaml", "the key 'c' appears twice in one mapping",
     "$.b.c", 4),
    (b"a: .nan\n", "c.yaml", ".nan is not a finite number", "$.a", 1),
    (b"1: a\n", "c.yaml", "the key '1' is not text", "$", 1),
    (b"a: 1\nNO: 2\n", "c.yaml", "the key 'NO' is not text", "$", 2),
    (b"  \n", "c.yaml", "the file is empty", "$", None),
    (b"# a comment only\n", "c.yaml", "the file holds no document", "$", None),
    (b"a: \x00\x01", "c.yaml", "the file contains binary data (NUL bytes), not text", "$", None),
    (b"a: 1\nb: \xff\xfe\n", "c.yaml", "the file is not valid UTF-8 text (byte 8)", "$", 2),
    (b"[" * 70 + b"]" * 70, "c.json", "the document is nested more than 64 levels deep", "$",
     None),
    (b"[" * 70 + b"]" * 70, "c.yaml", "the document is nested more than 64 levels deep", "$",
     None),
    (b"[" * 100_000 + b"]" * 100_000, "c.json",
     "the document is nested more than 64 levels deep", "$", None),
    (b"[" * 100_000 + b"]" * 100_000, "c.yaml",
     "the document is nested more than 64 levels deep", "$", None),
])
def test_refusals(raw: bytes, source: str, message: str, path: str, line: int | None) -> None:
    issue = refusal(raw, source)
    assert issue.message.en == message
    assert issue.message.nl and issue.message.nl != issue.message.en
    assert issue.path == path
    assert issue.line == line
    assert issue.file == source


def test_yaml_dates_stay_strings() -> None:
    document = parse_bytes(b"d: 2024-01-02\nt: 2001-12-14t21:59:43.10-05:00\n", "c.yaml")
    assert document.data == {"d": "2024-01-02", "t": "2001-12-14t21:59:43.10-05:00"}


def test_yaml_records_the_line_of_every_path() -> None:
    document = parse_bytes(b"a: 1\nb:\n  - x: 2\n", "c.yaml")
    assert document.lines == {"$": 1, "$.a": 1, "$.b": 3, "$.b[0]": 3, "$.b[0].x": 3}


@pytest.mark.parametrize("source", ["c.json", "c.yaml", "c.txt"])
def test_byte_order_mark_is_ignored(source: str) -> None:
    assert parse_bytes(b'\xef\xbb\xbf{"a": 1}', source).data == {"a": 1}


def test_format_is_sniffed_for_unknown_suffixes() -> None:
    assert parse_bytes(b'{"a": [1, 2]}', "case.txt").data == {"a": [1, 2]}
    assert parse_bytes(b"a: yes\n", "case.txt").data == {"a": True}


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "nope.yaml")
    assert caught.value.issues[0].message.en == "the file does not exist"
    with pytest.raises(InputError) as caught:
        read_document(tmp_path)
    assert caught.value.issues[0].message.en == "this is a directory, not a file"


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: 1\n" * 10)
    with pytest.raises(InputError) as caught:
        read_document(path, max_bytes=20)
    assert caught.value.issues[0].message.en == \
        "the file is 50 bytes, over the limit of 20 bytes"


def test_issue_render_names_file_line_path_and_hint() -> None:
    issue = refusal(b"a: 1\nb:\n  c: 1\n  c: 2\n", "c.yaml")
    assert issue.render() == "c.yaml:4:3: $.b.c: the key 'c' appears twice in one mapping " \
                             "(keep one of them)"
    assert issue.render("nl").endswith("(houd er één over)")


def test_atomic_writer_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    from collabrules.io.atomic import atomic_writer

    target = tmp_path / "report.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    with atomic_writer(target) as handle:
        handle.write("new")
    assert target.read_text() == "new"
