"""PyYAML imported with its refused-character pattern compiled from the short list
(ADR 0027, session 7): the same characters, and really used by the case reader."""

from __future__ import annotations

import re
import subprocess
import sys

from collabrules.pipeline.yaml_import import NON_PRINTABLE, REFUSED

EVERY_CODE_POINT = "".join(map(chr, range(0x110000)))


def _positions(pattern: str) -> list[int]:
    return [m.start() for m in re.compile(pattern).finditer(EVERY_CODE_POINT)]


def test_the_short_pattern_refuses_the_same_code_points() -> None:
    refused = _positions(REFUSED)
    assert refused == _positions(NON_PRINTABLE)
    assert 0x09 not in refused and 0x00 in refused and 0xD800 in refused


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_the_pattern_is_pyyamls() -> None:
    assert _run("import yaml; print(ascii(yaml.reader.Reader.NON_PRINTABLE.pattern))") == \
        ascii(NON_PRINTABLE)


def test_reading_a_yaml_case_seeds_the_pattern() -> None:
    seeded = isinstance(getattr(re, "_cache", None), dict)
    out = _run("from collabrules.pipeline.loading import parse_yaml\n"
               "print(parse_yaml('a: 1', 'case.yaml')[0])\n"
               "import yaml; print(ascii(yaml.reader.Reader.NON_PRINTABLE.pattern))")
    assert out.splitlines() == ["{'a': 1}", ascii(REFUSED if seeded else NON_PRINTABLE)]
    # a refused character is still refused, with PyYAML's message
    out = _run("from collabrules.pipeline.loading import parse_yaml\n"
               "from collabrules.model.errors import InputError\n"
               "try: parse_yaml('a: \\x01', 'case.yaml')\n"
               "except InputError as e: print(e.issues[0].message.en)")
    assert out == "this is not valid YAML: the character U+0001 is not allowed"
