#!/usr/bin/env python3
"""Turn tests/corpora/blind3_src.txt (inline marks) into gold JSONL.

Source format: a line "@@@ notes ID" or "@@@ story ID" starts a document; its text runs to the next
header (leading/trailing blank lines stripped). Identifiers are marked {{TYPE|text}}; NAME marks carry
the name's origin, {{NAME:origin|text}}. Offsets are computed here (code points, end exclusive);
NAME spans keep an extra "origin" key, which the scorer ignores.
"""
import json, re, sys, os

TYPES = {"NAME", "LOCATION", "ORGANIZATION", "DATE", "AGE90", "PHONE", "FAX", "EMAIL", "URL", "IP",
         "SSN", "MRN", "HEALTHPLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "ID",
         "YEAR", "STATE", "AGE", "PROFESSION"}
MARK = re.compile(r"\{\{([A-Z0-9]+)(?::([a-z]+))?\|([^{}|]+)\}\}")

def parse(doc_id, raw):
    out, spans, pos = [], [], 0
    n = 0
    for m in MARK.finditer(raw):
        out.append(raw[pos:m.start()]); n += len(raw[pos:m.start()])
        typ, origin, txt = m.group(1), m.group(2), m.group(3)
        if typ not in TYPES: sys.exit(f"{doc_id}: bad type {typ}")
        if typ == "NAME" and not origin: sys.exit(f"{doc_id}: NAME without origin: {txt}")
        if typ != "NAME" and origin: sys.exit(f"{doc_id}: origin on non-NAME {txt}")
        if txt != txt.strip(): sys.exit(f"{doc_id}: span with outer space: {txt!r}")
        sp = {"start": n, "end": n + len(txt), "type": typ, "text": txt}
        if origin: sp["origin"] = origin
        spans.append(sp); out.append(txt); n += len(txt); pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "{{" in text or "}}" in text: sys.exit(f"{doc_id}: unparsed mark")
    for sp in spans: assert text[sp["start"]:sp["end"]] == sp["text"]
    return {"id": doc_id, "text": text, "spans": spans}

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = open(os.path.join(here, "blind3_src.txt"), encoding="utf-8").read()
    docs = {"notes": [], "story": []}
    parts = re.split(r"^@@@ (notes|story) (\S+)[ \t]*\n", src, flags=re.M)
    assert parts[0].strip() == ""
    for i in range(1, len(parts), 3):
        kind, doc_id, body = parts[i], parts[i + 1], parts[i + 2].strip("\n")
        docs[kind].append(parse(doc_id, body))
    for kind, fn in (("notes", "blind3-notes.jsonl"), ("story", "blind3-stories.jsonl")):
        with open(os.path.join(here, fn), "w", encoding="utf-8") as f:
            for d in docs[kind]: f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(fn, len(docs[kind]), "docs", sum(len(d["spans"]) for d in docs[kind]), "spans")

if __name__ == "__main__":
    main()
