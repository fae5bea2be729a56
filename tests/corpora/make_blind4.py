#!/usr/bin/env python3
"""Build blind4-notes.jsonl and blind4-stories.jsonl from blind4_src.txt.

Source format: documents start with a line '@@@ <notes|stories> <id>'. Identifiers are marked
inline as {{TYPE|text}} or, for names, {{NAME:origin|text}}. Offsets are code points (Python
string indices). In notes, NAME marks are split into one span per whitespace-separated token
(the PhysioNet convention); in stories a name mark is one span. NAME spans keep an "origin" key.
"""
import json, re, sys, os

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"NAME", "LOCATION", "ORGANIZATION", "DATE", "AGE90", "PHONE", "FAX", "EMAIL", "URL", "IP", "SSN",
         "MRN", "HEALTHPLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "ID", "YEAR", "STATE", "AGE", "PROFESSION"}
MARK = re.compile(r"\{\{([A-Z0-9]+)(?::([a-z]+))?\|(.*?)\}\}", re.S)

def parse(body):
    out, spans, pos = [], [], 0
    n = 0
    for m in MARK.finditer(body):
        out.append(body[pos:m.start()]); n += m.start() - pos
        t, origin, txt = m.group(1), m.group(2), m.group(3)
        if t not in TYPES: sys.exit(f"bad type {t!r} in {m.group(0)!r}")
        if "{{" in txt or "}}" in txt or "|" in txt: sys.exit(f"nested/bad mark {m.group(0)!r}")
        if (t == "NAME") != (origin is not None): sys.exit(f"origin only and always on NAME: {m.group(0)!r}")
        sp = {"start": n, "end": n + len(txt), "type": t, "text": txt}
        if origin: sp["origin"] = origin
        spans.append(sp)
        out.append(txt); n += len(txt); pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    if "{{" in text or "}}" in text: sys.exit("unbalanced mark near: " + text[text.find("{{") - 40:][:120])
    for sp in spans: assert text[sp["start"]:sp["end"]] == sp["text"]
    return text, spans

def split_name(sp, text):
    res = []
    for m in re.finditer(r"\S+", sp["text"]):
        tok = m.group()
        lead = len(tok) - len(tok.lstrip('"\u201c'))
        tok = tok.strip(',"\u201c\u201d')
        if not tok: continue
        s = sp["start"] + m.start() + lead
        res.append({"start": s, "end": s + len(tok), "type": "NAME", "text": text[s:s + len(tok)], "origin": sp["origin"]})
    return res

def main():
    src = open(os.path.join(HERE, "blind4_src.txt"), encoding="utf-8").read()
    parts = re.split(r"^@@@ (notes|stories) (\S+)\n", src, flags=re.M)
    docs = {"notes": [], "stories": []}
    for i in range(1, len(parts), 3):
        kind, did, body = parts[i], parts[i + 1], parts[i + 2].strip("\n")
        text, spans = parse(body)
        if kind == "notes":
            spans = [x for sp in spans for x in (split_name(sp, text) if sp["type"] == "NAME" else [sp])]
        docs[kind].append({"id": did, "text": text, "spans": spans})
    for kind, ds in docs.items():
        with open(os.path.join(HERE, f"blind4-{kind}.jsonl"), "w", encoding="utf-8") as f:
            for d in ds: f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(kind, len(ds), "docs", sum(len(d["spans"]) for d in ds), "spans")

if __name__ == "__main__":
    main()
