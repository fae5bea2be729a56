#!/usr/bin/env python3
"""Turn blind2_src.txt (hand-written text with inline marks) into gold JSONL.

Source format: documents separated by lines "===== <id>"; ids starting "blind2-n" go to
blind2-notes.jsonl, "blind2-s" to blind2-stories.jsonl. An identifier is marked inline as
{{TYPE|text}}, or {{NAME:origin|text}} for names (origin kept as an extra "origin" key, which
the scorer ignores). Offsets are code-point offsets into the unmarked text, end exclusive.
"""
import json, re, sys, os

TYPES = {"NAME", "LOCATION", "ORGANIZATION", "DATE", "AGE90", "PHONE", "FAX", "EMAIL", "URL", "IP",
         "SSN", "MRN", "HEALTHPLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "ID",
         "YEAR", "STATE", "AGE", "PROFESSION"}
MARK = re.compile(r"\{\{([A-Z0-9]+)(?::([a-z_]+))?\|([^{}|]*)\}\}")

def parse(src):
    docs = []
    for block in re.split(r"^===== ", src, flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        did = head.strip()
        body = body.rstrip("\n")
        text, spans, pos = [], [], 0
        out_len = 0
        for m in MARK.finditer(body):
            chunk = body[pos:m.start()]
            text.append(chunk); out_len += len(chunk)
            typ, origin, val = m.group(1), m.group(2), m.group(3)
            if typ not in TYPES: sys.exit(f"{did}: unknown type {typ}")
            if typ == "NAME" and not origin: sys.exit(f"{did}: NAME without origin: {val}")
            if typ != "NAME" and origin: sys.exit(f"{did}: origin on non-NAME: {val}")
            if val != val.strip() or not val: sys.exit(f"{did}: bad span text {val!r}")
            sp = {"start": out_len, "end": out_len + len(val), "type": typ, "text": val}
            if origin: sp["origin"] = origin
            spans.append(sp)
            text.append(val); out_len += len(val)
            pos = m.end()
        text.append(body[pos:])
        t = "".join(text)
        if "{{" in t or "}}" in t: sys.exit(f"{did}: malformed mark left in text")
        for sp in spans: assert t[sp["start"]:sp["end"]] == sp["text"]
        docs.append({"id": did, "text": t, "spans": spans})
    return docs

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = open(os.path.join(here, "blind2_src.txt"), encoding="utf-8").read()
    docs = parse(src)
    ids = [d["id"] for d in docs]
    if len(ids) != len(set(ids)): sys.exit("duplicate ids")
    for prefix, name in (("blind2-n", "blind2-notes.jsonl"), ("blind2-s", "blind2-stories.jsonl")):
        sel = [d for d in docs if d["id"].startswith(prefix)]
        with open(os.path.join(here, name), "w", encoding="utf-8") as f:
            for d in sel: f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(name, len(sel), "docs", sum(len(d["spans"]) for d in sel), "spans")

if __name__ == "__main__":
    main()
