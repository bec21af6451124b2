"""Reading YAML case documents safely, with the line of every JSON path.

PyYAML's safe machinery only: no Python object tags, no anchors or aliases (they enable
"billion laughs" expansion and case files never need them), no duplicate keys, and dates
stay strings. Imported by :func:`collabrules.pipeline.loading.parse_yaml` for YAML input
only, so reading JSON never imports PyYAML.
"""

from __future__ import annotations

from typing import Any

import attrs
import yaml

from ..model.errors import InputError
from ..model.paths import child as _child
from ..model.text import Text
from .loading import _issue
from .plain import MAX_DEPTH, MAX_DIGITS, BadNumber, check_plain, too_deep


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


def read_yaml(text: str, source: str) -> tuple[Any, dict[str, int]]:
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
        except (ValueError, OverflowError, KeyError, yaml.YAMLError):  # KeyError: "!!bool x"
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
