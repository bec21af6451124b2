"""The reference page of a JSON Schema: one table per object, Dutch beside English.

Objects are the schema's root, its ``$defs`` and any inline object with properties.
For the case schema, the bundled examples follow, cut into their top-level sections and
each annotated with the schema's description of that section. The page exists in English
(Dutch descriptions beside the English ones) and in Dutch (the other way round).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from ..model.text import Text
from ..pipeline.schemas import load_schema
from .markdown import anchor, code, header, table

Node = dict[str, Any]

_COLUMNS = {"en": ("Field", "Type", "Required", "Rules", "Description", "Beschrijving (nl)"),
            "nl": ("Veld", "Type", "Verplicht", "Regels", "Beschrijving", "Description (en)")}
_RULES = (
    ("minLength", Text("at least {} characters", "minstens {} tekens")),
    ("maxLength", Text("at most {} characters", "hooguit {} tekens")),
    ("minimum", Text("≥ {}", "≥ {}")),
    ("maximum", Text("≤ {}", "≤ {}")),
    ("minItems", Text("at least {} items", "minstens {} elementen")),
    ("maxItems", Text("at most {} items", "hooguit {} elementen")),
    ("maxProperties", Text("at most {} keys", "hooguit {} sleutels")),
    ("pattern", Text("matches {}", "past op {}")),
    ("format", Text("format {}", "formaat {}")),
)
WORDS = {
    "or": Text(" or ", " of "), "exactly": Text("exactly ", "precies "),
    "one_of": Text("one of ", "een van "), "list_of": Text("list of ", "lijst van "),
    "yes": Text("yes", "ja"), "not_empty": Text("not empty", "niet leeg"),
    "unique": Text("no duplicates", "geen dubbele"), "each": Text("each: ", "elk: "),
    "closed": Text("Other keys are an error.", "Andere sleutels zijn een fout."),
    "open": Text("Other keys are allowed.", "Andere sleutels zijn toegestaan."),
    "all_fields": Text("all fields: ", "alle velden: "),
    "top": Text("Top level", "Hoogste niveau"), "top_link": Text("top level", "hoogste niveau"),
    "identifier": Text("identifier ", "met identificatie "),
    "print": Text("Print it with {command}.", "Toon het met {command}."),
    "objects": Text("Objects: ", "Objecten: "),
    "examples": Text("Annotated examples", "Voorbeelden met toelichting"),
    "examples_intro": Text(
        "The worked scenarios in `examples/`, cut into their top-level sections.",
        "De uitgewerkte scenario's in `examples/`, opgedeeld in hun delen op het hoogste "
        "niveau; de voorbeelden zelf zijn Engels, zoals de sleutels en waarden van elke "
        "casus."),
}


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


def describe_type(node: Node, inline: str | None = None, lang: str = "en") -> str:
    """A short human description of the value a schema node allows."""
    name = _ref_name(node)
    if name is not None:
        return _link(name)
    if "oneOf" in node:
        return WORDS["or"].get(lang).join(describe_type(option, lang=lang)
                                          for option in node["oneOf"])
    if "const" in node:
        return WORDS["exactly"].get(lang) + code(_json(node["const"]))
    if "enum" in node:
        return WORDS["one_of"].get(lang) + ", ".join(code(_json(v)) for v in node["enum"])
    kind = node.get("type", "any")
    if isinstance(kind, list):
        return WORDS["or"].get(lang).join(str(k) for k in kind)
    if kind == "array":
        return WORDS["list_of"].get(lang) + describe_type(node.get("items", {}), lang=lang)
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


def rules(node: Node, lang: str = "en") -> str:
    """The constraints of a node besides its type, as a phrase."""
    found = [text.get(lang).format(code(str(node[key])) if key == "pattern" else node[key])
             for key, text in _RULES if key in node and (key, node[key]) != ("minLength", 1)]
    if node.get("minLength") == 1:
        found.insert(0, WORDS["not_empty"].get(lang))
    if node.get("uniqueItems"):
        found.append(WORDS["unique"].get(lang))
    items = node.get("items")
    if isinstance(items, dict) and "$ref" not in items:
        found += [WORDS["each"].get(lang) + r for r in [rules(items, lang)] if r]
    return "; ".join(found)


def _descriptions(node: Node, defs: dict[str, Node], lang: str = "en") -> tuple[str, str]:
    """The description in ``lang``, then the one in the other language."""
    target = node
    if "description" not in node:
        name = _ref_name(node) or _ref_name(node.get("items", {}))
        if name is not None:
            target = defs.get(name, {})
    en, nl = target.get("description", ""), target.get("x-description-nl", "")
    return (nl, en) if lang == "nl" else (en, nl)


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


def _object_section(name: str, node: Node, defs: dict[str, Node], lang: str = "en") -> str:
    label = WORDS["top"].get(lang) if name == "root" else name
    out = [f"## {label} {{#{anchor('def ' + name)}}}\n"]
    first, second = _descriptions(node, {}, lang)
    if first:
        out.append(first + "\n")
    if second:
        out.append(f"*{second}*\n")
    extra = node.get("additionalProperties")
    out.append(WORDS["closed" if extra is False else "open"].get(lang) + "\n")
    required = set(node.get("required", ()))
    rows = []
    for key, child in node["properties"].items():
        inner = child.get("items", child) if child.get("type") == "array" else child
        inline = _inline_name(name, key) if "properties" in inner else None
        kind = describe_type(child, inline, lang)
        if child.get("type") == "array" and inline is not None:
            kind = WORDS["list_of"].get(lang) + _link(inline)
        first, second = _descriptions(child, defs, lang)
        rows.append((code(key), kind, WORDS["yes"].get(lang) if key in required else "",
                     rules(child, lang), first, second))
    out.append(table(_COLUMNS[lang], rows))
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


def _used_fields(node: Node, value: Any, defs: dict[str, Node], lang: str) -> list[str]:
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
            description = _descriptions(child, defs, lang)[0]
            lines.append(f"{code(key)}: {description}")
    if lines and name is not None:
        lines.append(WORDS["all_fields"].get(lang) + _link(name))
    return lines


def annotated_example(path: Path, schema: Node, lang: str = "en") -> str:
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
            first, second = _descriptions(node, defs, lang)
            out.append(f"- {code(key)}: {first}" + (f" *({second})*" if second else ""))
            value = (yaml.safe_load(block) or {}).get(key)
            out += [f"    - {line}" for line in _used_fields(node, value, defs, lang)]
        out.append(f"\n```yaml\n{block}\n```\n")
    return "\n".join(out)


def schema_page(name: str, title: str, intro: str, examples: Sequence[Path] = (),
                lang: str = "en") -> str:
    """The whole reference page of the schema ``name``, in ``lang`` (``en`` or ``nl``)."""
    schema = inline_simple_defs(load_schema(name))
    defs = schema.get("$defs", {})
    out = [header(f"schemas/{name}.schema.json"), f"# {title}\n", intro.strip() + "\n"]
    dialect = str(schema.get("$schema", "")).rstrip("/").split("/")
    known = [WORDS["identifier"].get(lang) + code(schema["$id"])] if "$id" in schema else []
    known += [f"JSON Schema {code(dialect[-2])}"] if len(dialect) >= 2 else []
    printed = WORDS["print"].get(lang).format(command=code(f"collabrules schema {name}"))
    out.append(("Schema " + ", ".join(known) + ". " if known else "") + printed + "\n")
    sections = list(_objects(schema))
    top = WORDS["top_link"].get(lang)
    out.append(WORDS["objects"].get(lang) + ", ".join(
        _link(n) if n != "root" else f"[{top}](#{anchor('def root')})"
        for n, _ in sections) + ".\n")
    for section, node in sections:
        out.append(_object_section(section, node, defs, lang))
    if examples:
        out.append(f"## {WORDS['examples'].get(lang)} {{#annotated-examples}}\n")
        out.append(WORDS["examples_intro"].get(lang) + "\n")
        for path in examples:
            out.append(annotated_example(path, schema, lang))
    return "\n".join(out).rstrip() + "\n"
