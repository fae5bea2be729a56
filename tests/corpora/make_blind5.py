#!/usr/bin/env python3
"""Turn blind5_src.txt (inline marks) into gold JSONL with code-point offsets.

Source format: documents start with a line '### <id>' (n.. = notes, s.. = stories).
Marks: {{TYPE|text}} or {{NAME/origin|text}}; the origin is kept as an extra "origin" key.
"""
import json, re, sys, os

TYPES = {"NAME", "LOCATION", "ORGANIZATION", "DATE", "AGE90", "PHONE", "FAX", "EMAIL", "URL", "IP",
         "SSN", "MRN", "HEALTHPLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "ID",
         "YEAR", "STATE", "AGE", "PROFESSION"}
MARK = re.compile(r"\{\{([A-Z0-9]+)(?:/([a-z]+))?\|(.*?)\}\}")

def convert(src):
    out = []
    t = src
    for m in MARK.finditer(src):
        t = t.replace(m.group(0), m.group(3), 1)
    text, spans, pos, last = [], [], 0, 0
    for m in MARK.finditer(src):
        typ, origin, s = m.groups()
        if typ not in TYPES: sys.exit(f"bad type {typ}")
        if origin and typ != "NAME": sys.exit(f"origin on non-NAME {m.group(0)}")
        if typ == "NAME" and not origin: sys.exit(f"NAME without origin {m.group(0)}")
        text.append(src[last:m.start()]); pos += m.start() - last
        sp = {"start": pos, "end": pos + len(s), "type": typ, "text": s}
        if origin: sp["origin"] = origin
        spans.append(sp); text.append(s); pos += len(s); last = m.end()
    text.append(src[last:])
    text = "".join(text)
    assert "{{" not in text and "}}" not in text, text
    for sp in spans: assert text[sp["start"]:sp["end"]] == sp["text"]
    return text, spans

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    raw = open(os.path.join(here, "blind5_src.txt"), encoding="utf-8").read()
    docs = re.split(r"^### (\S+)\n", raw, flags=re.M)[1:]
    notes, stories = [], []
    for did, body in zip(docs[0::2], docs[1::2]):
        text, spans = convert(body.rstrip("\n"))
        d = {"id": "b5-" + did, "text": text, "spans": spans}
        (notes if did.startswith("n") else stories).append(d)
    for name, L in (("blind5-notes.jsonl", notes), ("blind5-stories.jsonl", stories)):
        with open(os.path.join(here, name), "w", encoding="utf-8") as f:
            for d in L: f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(name, len(L), "docs", sum(len(d["spans"]) for d in L), "spans")

if __name__ == "__main__":
    main()
