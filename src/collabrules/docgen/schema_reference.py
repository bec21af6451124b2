"""The reference page of a JSON Schema: one table per object, Dutch beside English.

Objects are the schema's root, its ``$defs`` and any inline object with properties.
For the case schema, the bundled examples follow, cut into their top-level sections and
each annotated with the schema's description of that section.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from ..pipeline.schemas import load_schema
from .markdown import anchor, code, header, table

Node = dict[str, Any]

_COLUMNS = ("Field", "Type", "Required", "Rules", "Description", "Beschrijving (nl)")
_RULES = (
    ("minLength", "at least {} characters"),
    ("maxLength", "at most {} characters"),
    ("minimum", "≥ {}"),
    ("maximum", "≤ {}"),
    ("minItems", "at least {} items"),
    ("maxItems", "at most {} items"),
    ("maxProperties", "at most {} keys"),
    ("pattern", "matches {}"),
    ("format", "format {}"),
)


def _link(name: str) -> str:
    return f"[{name}](#{anchor('def ' + name)})"


def _ref_name(node: Node) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def inline_simple_defs(schema: Node) -> Node:
    """A copy of ``schema`` where each reference to a definition without properties
    (a date pattern, a list of codes) is replaced by that definition, so it is described
    where it is used instead of linking to a section that does not exist."""
    defs = schema.get("$defs", {})

    def walk(node: Any, depth: int = 0) -> Any:
        if isinstance(node, list):
            return [walk(item, depth) for item in node]
        if not isinstance(node, dict):
            return node
        name = _ref_name(node)
        target = defs.get(name or "")
        if target is not None and "properties" not in target and depth < 20:
            merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            return walk(merged, depth + 1)
        return {key: walk(value, depth) for key, value in node.items()}

    result: Node = walk(schema)
    return result


def describe_type(node: Node, inline: str | None = None) -> str:
    """A short human description of the value a schema node allows."""
    name = _ref_name(node)
    if name is not None:
        return _link(name)
    if "oneOf" in node:
        return " or ".join(describe_type(option) for option in node["oneOf"])
    if "const" in node:
        return "exactly " + code(_json(node["const"]))
    if "enum" in node:
        return "one of " + ", ".join(code(_json(v)) for v in node["enum"])
    kind = node.get("type", "any")
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    if kind == "array":
        return "list of " + describe_type(node.get("items", {}))
    if kind == "object" and inline is not None:
        return _link(inline)
    return str(kind)


def _json(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def rules(node: Node) -> str:
    """The constraints of a node besides its type, as a phrase."""
    found = [text.format(code(str(node[key])) if key == "pattern" else node[key])
             for key, text in _RULES if key in node and (key, node[key]) != ("minLength", 1)]
    if node.get("minLength") == 1:
        found.insert(0, "not empty")
    if node.get("uniqueItems"):
        found.append("no duplicates")
    items = node.get("items")
    if isinstance(items, dict) and "$ref" not in items:
        found += [f"each: {r}" for r in [rules(items)] if r]
    return "; ".join(found)


def _descriptions(node: Node, defs: dict[str, Node]) -> tuple[str, str]:
    target = node
    if "description" not in node:
        name = _ref_name(node) or _ref_name(node.get("items", {}))
        if name is not None:
            target = defs.get(name, {})
    return target.get("description", ""), target.get("x-description-nl", "")


def _objects(schema: Node) -> Iterator[tuple[str, Node]]:
    """Every object with properties, by section name: root first, then definitions."""
    pending: list[tuple[str, Node]] = [("root", schema)]
    pending += list(schema.get("$defs", {}).items())
    while pending:
        name, node = pending.pop(0)
        if "properties" not in node:
            continue
        yield name, node
        for key, child in node["properties"].items():
            inner = child.get("items", child) if child.get("type") == "array" else child
            if isinstance(inner, dict) and "properties" in inner:
                pending.append((_inline_name(name, key), inner))


def _inline_name(parent: str, key: str) -> str:
    return key if parent == "root" else f"{parent}.{key}"


def _object_section(name: str, node: Node, defs: dict[str, Node], title: str) -> str:
    label = title if name == "root" else name
    out = [f"## {label} {{#{anchor('def ' + name)}}}\n"]
    if node.get("description"):
        out.append(node["description"] + "\n")
    if node.get("x-description-nl"):
        out.append(f"*{node['x-description-nl']}*\n")
    extra = node.get("additionalProperties")
    out.append("Other keys are an error.\n" if extra is False else "Other keys are allowed.\n")
    required = set(node.get("required", ()))
    rows = []
    for key, child in node["properties"].items():
        inner = child.get("items", child) if child.get("type") == "array" else child
        inline = _inline_name(name, key) if "properties" in inner else None
        kind = describe_type(child, inline)
        if child.get("type") == "array" and inline is not None:
            kind = "list of " + _link(inline)
        en, nl = _descriptions(child, defs)
        rows.append((code(key), kind, "yes" if key in required else "", rules(child), en, nl))
    out.append(table(_COLUMNS, rows))
    return "\n".join(out)


def _sections(text: str) -> Iterator[tuple[str | None, str]]:
    """Cut a YAML file into (top-level key, lines) blocks; leading comments get ``None``."""
    key: str | None = None
    block: list[str] = []
    for line in text.splitlines():
        starts = line[:1] not in ("", " ", "#", "-")
        if starts and (key is not None or block):
            yield key, "\n".join(block)
            block = []
        if starts:
            key = line.split(":", 1)[0].strip()
        block.append(line)
    if block:
        yield key, "\n".join(block)


def _is_scalar(node: Node) -> bool:
    return "$ref" not in node and node.get("type") not in ("array", "object")


def _used_fields(node: Node, value: Any, defs: dict[str, Node]) -> list[str]:
    """One line per field an example sets in an object section, with its description."""
    name = _ref_name(node) or _ref_name(node.get("items", {}))
    target = defs.get(name or "", {})
    items = value if isinstance(value, list) else [value]
    used: dict[str, None] = {}
    for item in items:
        if isinstance(item, dict):
            used.update(dict.fromkeys(item))
    lines = []
    for key in used:
        child = target.get("properties", {}).get(key)
        if child is not None:
            en, _nl = _descriptions(child, defs)
            lines.append(f"{code(key)}: {en}")
    if lines and name is not None:
        lines.append(f"all fields: {_link(name)}")
    return lines


def annotated_example(path: Path, schema: Node) -> str:
    """One example case, section by section, each with the schema's description."""
    defs = schema.get("$defs", {})
    properties = schema.get("properties", {})
    out = [f"### {path.name}\n"]
    grouped: list[tuple[list[str], str]] = []
    for key, block in _sections(path.read_text(encoding="utf-8")):
        if key is None:
            comment = " ".join(line.lstrip("# ") for line in block.splitlines())
            out.append(comment.strip() + "\n")
            continue
        scalar = _is_scalar(properties.get(key, {}))
        if scalar and grouped and _is_scalar(properties.get(grouped[-1][0][-1], {})):
            keys, previous = grouped[-1]
            grouped[-1] = ([*keys, key], previous + "\n" + block)
        else:
            grouped.append(([key], block))
    for keys, block in grouped:
        for key in keys:
            node = properties.get(key, {})
            en, nl = _descriptions(node, defs)
            out.append(f"- {code(key)}: {en}" + (f" *({nl})*" if nl else ""))
            value = (yaml.safe_load(block) or {}).get(key)
            out += [f"    - {line}" for line in _used_fields(node, value, defs)]
        out.append(f"\n```yaml\n{block}\n```\n")
    return "\n".join(out)


def schema_page(name: str, title: str, intro: str, examples: Sequence[Path] = ()) -> str:
    """The whole reference page of the schema ``name``."""
    schema = inline_simple_defs(load_schema(name))
    defs = schema.get("$defs", {})
    out = [header(f"schemas/{name}.schema.json"), f"# {title}\n", intro.strip() + "\n"]
    dialect = str(schema.get("$schema", "")).rstrip("/").split("/")
    known = [f"identifier {code(schema['$id'])}"] if "$id" in schema else []
    known += [f"JSON Schema {code(dialect[-2])}"] if len(dialect) >= 2 else []
    out.append(("Schema " + ", ".join(known) + ". " if known else "")
               + f"Print it with {code(f'collabrules schema {name}')}.\n")
    sections = list(_objects(schema))
    out.append("Objects: " + ", ".join(
        _link(n) if n != "root" else f"[top level](#{anchor('def root')})"
        for n, _ in sections) + ".\n")
    for section, node in sections:
        out.append(_object_section(section, node, defs, "Top level"))
    if examples:
        out.append("## Annotated examples {#annotated-examples}\n")
        out.append("The worked scenarios in `examples/`, cut into their top-level sections.\n")
        for path in examples:
            out.append(annotated_example(path, schema))
    return "\n".join(out).rstrip() + "\n"
