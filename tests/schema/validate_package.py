#!/usr/bin/env python3
"""Checks share packages against schema/package.schema.json, and the digest as documented there.

Uses the Python package jsonschema (Draft 2020-12). For each package given (default: the example
package) it validates the schema, recomputes the text hash and the package digest independently
of the Rust code, following the schema's description (sorted keys, compact, UTF-8, SHA-256), and
checks that broken variants are rejected. Prints 'N passed, N failed'; exits non-zero on failure.

Usage: python3 tests/schema/validate_package.py [PACKAGE.json ...]
"""
import copy
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCHEMA = os.path.join(ROOT, "schema", "package.schema.json")
EXAMPLE = os.path.join(ROOT, "tests", "fixtures", "package.example.json")

passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name}{': ' + detail if detail else ''}")


def digest(package):
    body = {k: v for k, v in package.items() if k != "digest"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def main(paths):
    try:
        import jsonschema
    except ImportError as e:
        print(f"FAIL  import jsonschema: {e}")
        print("0 passed, 1 failed")
        return 1
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    check("schema is a valid Draft 2020-12 schema", True)
    validator = jsonschema.Draft202012Validator(schema)

    for path in paths or [EXAMPLE]:
        name = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            pkg = json.load(f)
        errors = sorted(validator.iter_errors(pkg), key=lambda e: list(e.path))
        check(f"{name}: validates against the schema", not errors,
              "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]))
        text_hash = hashlib.sha256(pkg["text"].encode("utf-8")).hexdigest()
        check(f"{name}: text hash as documented", text_hash == pkg["consent"]["story"]["text_sha256"])
        check(f"{name}: digest as documented", digest(pkg) == pkg["digest"], digest(pkg))
        n = len(pkg["text"])
        check(f"{name}: log offsets are code point ranges of the text",
              all(0 <= e["start"] < e["end"] <= n for e in pkg["anonymisation_log"]))

    # Broken variants of the example must be rejected.
    with open(EXAMPLE, encoding="utf-8") as f:
        base = json.load(f)
    variants = [
        ("missing digest", lambda p: p.pop("digest")),
        ("unknown member", lambda p: p.__setitem__("signature_image", "x")),
        ("wrong format", lambda p: p.__setitem__("format", "zip")),
        ("unknown channel", lambda p: p["consent"]["recipient"].__setitem__("channel", "tv")),
        ("unknown category", lambda p: p["anonymisation_log"][0].__setitem__("category", "SECRET")),
        ("negative offset", lambda p: p["anonymisation_log"][0].__setitem__("start", -1)),
        ("bad timestamp", lambda p: p.__setitem__("created_at", "yesterday")),
        ("uppercase hash", lambda p: p["consent"]["story"].__setitem__("text_sha256", "A" * 64)),
        ("missing attestation", lambda p: p["consent"]["attestations"].pop("seen_final_text")),
    ]
    for what, edit in variants:
        p = copy.deepcopy(base)
        edit(p)
        check(f"schema rejects: {what}", not validator.is_valid(p))

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
