"""Reading case documents from JSON or YAML, safely, with positions for every error.

YAML is read with PyYAML's safe machinery only: no Python object tags, no anchors or
aliases (they enable "billion laughs" expansion and case files never need them), no
duplicate keys, and dates stay strings. JSON rejects duplicate keys and NaN/Infinity.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import yaml

from ..model.errors import InputError, Issue
from ..model.paths import child as _child
from ..model.text import Text
from .plain import MAX_DEPTH, MAX_DIGITS, BadNumber, check_plain, too_deep

MAX_BYTES = 10 * 1024 * 1024
__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "parse_bytes", "parse_json", "parse_yaml",
           "read_document"]


@attrs.frozen
class Document:
    """A parsed input document, where it came from, and the line of each JSON path."""

    data: Any
    source: str
    lines: dict[str, int] = attrs.field(factory=dict, eq=False, repr=False)


def _issue(source: str, message: Text, *, path: str = "$", hint: Text | None = None,
           line: int | None = None, column: int | None = None) -> InputError:
    return InputError([Issue(file=source, path=path, message=message, hint=hint, line=line,
                             column=column)])


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read and parse a JSON or YAML file (by extension; other names are sniffed)."""
    source = str(path)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise _issue(source, Text(
                "the file is {size} bytes, over the limit of {limit} bytes",
                "het bestand is {size} bytes, meer dan de grens van {limit} bytes",
            ).format(size=size, limit=max_bytes), hint=Text(
                "split a portfolio into JSON Lines or several files",
                "splits een portefeuille in JSON Lines of meerdere bestanden"))
        raw = Path(path).read_bytes()
    except InputError:
        raise
    except IsADirectoryError:
        raise _issue(source, Text("this is a directory, not a file",
                                  "dit is een map, geen bestand")) from None
    except FileNotFoundError:
        raise _issue(source, Text("the file does not exist", "het bestand bestaat niet"),
                     hint=Text("check the path", "controleer het pad")) from None
    except OSError as exc:
        raise _issue(source, Text("the file cannot be read: {error}",
                                  "het bestand kan niet worden gelezen: {error}").format(
            error=exc.strerror or str(exc))) from None
    return parse_bytes(raw, source, max_bytes=max_bytes)


def parse_bytes(raw: bytes, source: str, *, fmt: str | None = None,
                max_bytes: int = MAX_BYTES) -> Document:
    """Parse bytes as JSON or YAML; ``fmt`` is ``json``, ``yaml`` or ``None`` (by name)."""
    if len(raw) > max_bytes:
        raise _issue(source, Text("the input is {size} bytes, over the limit of {limit} bytes",
                                  "de invoer is {size} bytes, meer dan de grens van {limit} "
                                  "bytes").format(size=len(raw), limit=max_bytes))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _issue(source, Text(
            "the file is not valid UTF-8 text (byte {offset})",
            "het bestand is geen geldige UTF-8-tekst (byte {offset})").format(offset=exc.start),
            line=line, hint=Text("save the file as UTF-8", "sla het bestand op als UTF-8")
        ) from None
    if "\x00" in text:
        raise _issue(source, Text("the file contains binary data (NUL bytes), not text",
                                  "het bestand bevat binaire gegevens (NUL-bytes), geen tekst"))
    if not text.strip():
        raise _issue(source, Text("the file is empty", "het bestand is leeg"),
                     hint=Text("start from an example in examples/",
                               "begin met een voorbeeld uit examples/"))
    kind = fmt or _format_of(source, text)
    if kind == "json":
        return Document(parse_json(text, source), source)
    data, lines = parse_yaml(text, source)
    return Document(data, source, lines)


def _format_of(source: str, text: str) -> str:
    suffix = Path(source).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if text.lstrip()[:1] in ("{", "[") else "yaml"


class _DuplicateKey(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(name: str) -> BadNumber:
    return BadNumber(name)


def _int(text: str) -> int | BadNumber:
    if len(text.lstrip("-")) > MAX_DIGITS:
        return BadNumber(text)
    return int(text)


def _float(text: str) -> float | BadNumber:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        return BadNumber(text)
    return value


def parse_json(text: str, source: str) -> Any:
    """Parse JSON text strictly: no duplicate keys, no NaN or Infinity."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant,
                          parse_int=_int, parse_float=_float)
    except _DuplicateKey as exc:
        where = _locate_duplicate(text, source)
        raise _issue(source, Text("the key {key!r} appears twice in one object",
                                  "de sleutel {key!r} komt twee keer voor in één object"
                                  ).format(key=str(exc)),
                     hint=Text("keep one of them", "houd er één over"),
                     path=where.path if where else "$", line=where.line if where else None,
                     column=where.column if where else None) from None
    except json.JSONDecodeError as exc:
        raise _issue(source, Text("this is not valid JSON: {error}",
                                  "dit is geen geldige JSON: {error}").format(error=exc.msg),
                     line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise too_deep(source) from None
    check_plain(data, source)
    return data


def _locate_duplicate(text: str, source: str) -> Issue | None:
    """Where a duplicate JSON key is: JSON is (nearly) YAML, whose parser keeps positions."""
    try:
        parse_yaml(text, source)
    except InputError as exc:
        issue = exc.issues[0]
        if "appears twice" in issue.message.en:
            return issue
    except Exception:  # only a better position is at stake; the error stands without it
        return None
    return None


class _AliasNode(yaml.ScalarNode):
    """Stands in for an alias, so the error can point at the alias itself."""


class _Loader(yaml.SafeLoader):
    """Safe loader whose implicit resolvers leave dates and times as strings."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # PyYAML returns the anchored node again for an alias, with the anchor's position;
        # keep the alias's own position instead (the builder then refuses it).
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            return _AliasNode("!alias", "", event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}


def parse_yaml(text: str, source: str) -> tuple[Any, dict[str, int]]:
    """Parse YAML text into plain data and a map from JSON path to line number."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:
        raise _issue(source, Text(
            "this is not valid YAML: the character {char} is not allowed",
            "dit is geen geldige YAML: het teken {char} is niet toegestaan"
        ).format(char=f"U+{exc.character:04X}" if isinstance(exc.character, int)
                 else repr(exc.character)),
            line=text[: exc.position].count("\n") + 1,
            hint=Text("remove control characters from the file",
                      "verwijder stuurtekens uit het bestand")) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        raise _issue(source, Text("this is not valid YAML: {error}",
                                  "dit is geen geldige YAML: {error}").format(error=problem),
                     line=mark.line + 1 if mark else None,
                     column=mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise _issue(source, Text("this is not valid YAML: {error}",
                                  "dit is geen geldige YAML: {error}").format(error=str(exc))
                     ) from None
    except RecursionError:
        raise too_deep(source) from None
    if root is None:
        raise _issue(source, Text("the file holds no document", "het bestand bevat geen document"))
    lines: dict[str, int] = {}
    builder = _Builder(source, lines, loader)
    data = builder.build(root, "$", 1)
    try:
        check_plain(data, source)
    except InputError as exc:
        raise InputError([attrs.evolve(i, line=lines.get(i.path)) for i in exc.issues]) from None
    return data, lines


class _Builder:
    """Turns a composed YAML node tree into plain data, refusing unsafe constructs."""

    def __init__(self, source: str, lines: dict[str, int], loader: _Loader) -> None:
        self.source = source
        self.lines = lines
        self.loader = loader
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, path: str, message: Text, hint: Text | None = None) -> None:
        raise _issue(self.source, message, path=path, hint=hint,
                     line=node.start_mark.line + 1, column=node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: str, depth: int, *, key: bool = False) -> Any:
        if depth > MAX_DEPTH:
            raise too_deep(self.source)
        if isinstance(node, _AliasNode) or id(node) in self.seen:
            self.fail(node, path, Text("YAML anchors and aliases are not allowed in case files",
                                       "YAML-ankers en -aliassen zijn niet toegestaan in "
                                       "casusbestanden"),
                      Text("write the value out in full", "schrijf de waarde volledig uit"))
        self.seen.add(id(node))
        if not key:
            self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                self._bad_tag(node, path)
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.fail(key_node, path, Text("YAML merge keys (<<) are not allowed",
                                                   "YAML-samenvoegsleutels (<<) zijn niet "
                                                   "toegestaan"))
                name = self.build(key_node, path, depth + 1, key=True)
                if not isinstance(name, str):
                    self.fail(key_node, path, Text("the key {key!r} is not text",
                                                   "de sleutel {key!r} is geen tekst"
                                                   ).format(key=_written(key_node, name)),
                              Text("put the key in quotes",
                                   "zet de sleutel tussen aanhalingstekens"))
                if name in result:
                    self.fail(key_node, _child(path, name), Text(
                        "the key {key!r} appears twice in one mapping",
                        "de sleutel {key!r} komt twee keer voor in één mapping").format(key=name),
                        Text("keep one of them", "houd er één over"))
                result[name] = self.build(value_node, _child(path, name), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self._bad_tag(node, path)
            return [self.build(item, f"{path}[{i}]", depth + 1)
                    for i, item in enumerate(node.value)]
        if node.tag not in _SCALAR_TAGS:
            self._bad_tag(node, path)
        if node.tag == "tag:yaml.org,2002:int" and \
                len(str(node.value).lstrip("+-")) > MAX_DIGITS:
            return BadNumber(str(node.value))
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError):
            self.fail(node, path, Text("{value!r} cannot be read as a {tag} value",
                                       "{value!r} kan niet worden gelezen als {tag}-waarde"
                                       ).format(value=str(node.value)[:60],
                                                tag=node.tag.rsplit(":", 1)[-1]),
                      Text("put the value in quotes", "zet de waarde tussen aanhalingstekens"))
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            self.fail(node, path, Text("{value} is not a finite number",
                                       "{value} is geen eindig getal").format(value=node.value))
        return value

    def _bad_tag(self, node: yaml.Node, path: str) -> None:
        self.fail(node, path, Text("the YAML tag {tag} is not allowed",
                                   "de YAML-tag {tag} is niet toegestaan").format(tag=node.tag),
                  Text("case files hold plain values only", "casusbestanden bevatten alleen "
                       "gewone waarden"))


def _written(node: yaml.Node, value: Any) -> str:
    """A key as the author wrote it (``no``, not ``False``), for messages."""
    return str(node.value) if isinstance(node, yaml.ScalarNode) else str(value)
