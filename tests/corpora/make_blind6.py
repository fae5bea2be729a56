#!/usr/bin/env python3
"""Turn tests/corpora/blind6_src.txt (hand-written text with inline marks) into gold JSONL.

Marks: {{TYPE|text}} or {{NAME:origin|text}}. Documents start with '##### DOC <id>',
corpora with '##### CORPUS <name>' (notes -> blind6-notes.jsonl, stories -> blind6-stories.jsonl).
Offsets are code-point offsets (Python string indices), end exclusive. NAME spans keep an
"origin" key, which the scorer ignores.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"NAME", "LOCATION", "ORGANIZATION", "DATE", "AGE90", "PHONE", "FAX", "EMAIL", "URL", "IP",
         "SSN", "MRN", "HEALTHPLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "ID",
         "YEAR", "STATE", "AGE", "PROFESSION"}
MARK = re.compile(r"\{\{([A-Z0-9]+)(?::([a-z_]+))?\|([^{}]*)\}\}")

def parse_doc(raw):
    text, spans, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(raw):
        text.append(raw[pos:m.start()]); out_len += m.start() - pos
        typ, origin, inner = m.group(1), m.group(2), m.group(3)
        if typ not in TYPES: sys.exit(f"unknown type {typ!r} in {m.group(0)!r}")
        if typ == "NAME" and not origin: sys.exit(f"NAME without origin: {m.group(0)!r}")
        if typ != "NAME" and origin: sys.exit(f"origin on non-NAME: {m.group(0)!r}")
        if not inner or inner != inner.strip(): sys.exit(f"empty/padded mark {m.group(0)!r}")
        sp = {"start": out_len, "end": out_len + len(inner), "type": typ, "text": inner}
        if origin: sp["origin"] = origin
        spans.append(sp); text.append(inner); out_len += len(inner); pos = m.end()
    text.append(raw[pos:])
    t = "".join(text)
    if "{{" in t or "}}" in t: sys.exit(f"stray braces in doc: {t[:80]!r}")
    for sp in spans: assert t[sp["start"]:sp["end"]] == sp["text"]
    return t, spans

def main():
    src = open(os.path.join(HERE, "blind6_src.txt"), encoding="utf-8").read()
    corpora, cur, doc, buf = {}, None, None, []
    def flush():
        if doc is not None:
            t, spans = parse_doc("\n".join(buf).strip("\n"))
            corpora[cur].append({"id": doc, "text": t, "spans": spans})
    for line in src.split("\n"):
        if line.startswith("##### CORPUS "):
            flush(); doc, buf = None, []
            cur = line.split()[2]; corpora[cur] = []
        elif line.startswith("##### DOC "):
            flush(); doc, buf = line.split()[2], []
        else:
            buf.append(line)
    flush()
    for name, docs in corpora.items():
        ids = [d["id"] for d in docs]; assert len(ids) == len(set(ids))
        path = os.path.join(HERE, f"blind6-{name}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for d in docs: f.write(json.dumps(d, ensure_ascii=False) + "\n")
        n = sum(len(d["spans"]) for d in docs)
        print(f"{path}: {len(docs)} docs, {n} spans")

if __name__ == "__main__":
    main()
