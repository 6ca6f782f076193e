#!/usr/bin/env python3
"""Extracts the schemas the wire-format test needs from the providers' OpenAPI specs.

Usage: python3 extract.py <openai-openapi.yaml> <anthropic-openapi.yaml>   (run in this folder)

Each output keeps `components.schemas` of the named roots and everything they reference, unchanged
(the test rewrites OpenAPI's `nullable: true` into JSON Schema when it loads them).
"""
import json
import sys

import yaml

ROOTS = {
    "openai-chat-completions.json": [
        "CreateChatCompletionRequest", "CreateChatCompletionResponse", "CreateChatCompletionStreamResponse",
        "ErrorResponse"],
    "anthropic-messages.json": ["CreateMessageParams", "Message", "MessageStreamEvent", "ErrorResponse"],
}
SOURCES = {
    "openai-chat-completions.json": "openai/openai-openapi commit f85dbe223d40e1a31cba812ab2d755c7e98a92a3, openapi.yaml (MIT, Copyright (c) OpenAI)",
    "anthropic-messages.json": "tryAGI/Anthropic src/libs/Anthropic/openapi.yaml (MIT), an OpenAPI description of Anthropic's API",
}


def refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/schemas/"):
                found.add(value.rsplit("/", 1)[1])
            else:
                refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def closure(schemas, roots):
    todo, seen = list(roots), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        found = set()
        refs(schemas[name], found)
        todo.extend(found - seen)
    return {name: schemas[name] for name in sorted(seen)}


def main(openai_path, anthropic_path):
    specs = {
        "openai-chat-completions.json": yaml.safe_load(open(openai_path)),
        "anthropic-messages.json": json.load(open(anthropic_path)),
    }
    for out, spec in specs.items():
        schemas = closure(spec["components"]["schemas"], ROOTS[out])
        document = {"$comment": "Extracted by extract.py from " + SOURCES[out] + "; schemas unchanged.",
                    "components": {"schemas": schemas}}
        with open(out, "w") as f:
            json.dump(document, f, indent=1, sort_keys=True, default=str)
            f.write("\n")
        print(out, len(schemas), "schemas")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
