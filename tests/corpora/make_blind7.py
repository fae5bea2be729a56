#!/usr/bin/env python3
"""Turn blind7_src.txt (inline marks {TYPE:text} / {NAME/origin:text}) into gold JSONL
with code-point offsets: blind7-notes.jsonl and blind7-stories.jsonl."""
import json, re, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"NAME", "LOCATION", "ORGANIZATION", "DATE", "AGE90", "PHONE", "FAX", "EMAIL", "URL", "IP", "SSN", "MRN",
         "HEALTHPLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "ID", "YEAR", "STATE", "AGE", "PROFESSION"}
MARK = re.compile(r"\{([A-Z0-9]+)(?:/([a-z_]+))?:([^{}]+)\}")

def parse(body, did):
    out, spans, pos = [], [], 0
    for m in MARK.finditer(body):
        out.append(body[pos:m.start()])
        start = sum(len(x) for x in out)
        t, origin, txt = m.group(1), m.group(2), m.group(3)
        if t not in TYPES: sys.exit(f"{did}: bad type {t}")
        if t == "NAME" and not origin: sys.exit(f"{did}: NAME without origin: {txt}")
        out.append(txt)
        sp = {"start": start, "end": start + len(txt), "type": t, "text": txt}
        if origin: sp["origin"] = origin
        spans.append(sp)
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    if "{" in text or "}" in text: sys.exit(f"{did}: stray brace")
    for sp in spans: assert text[sp["start"]:sp["end"]] == sp["text"]
    return {"id": did, "text": text, "spans": spans}

def main():
    src = open(os.path.join(HERE, "blind7_src.txt"), encoding="utf-8").read()
    docs = {"notes": [], "stories": []}
    for chunk in re.split(r"^### ", src, flags=re.M)[1:]:
        head, _, body = chunk.partition("\n")
        corpus, did = head.split()
        docs[corpus].append(parse(body.strip("\n") + "\n", did))
    for corpus, ds in docs.items():
        with open(os.path.join(HERE, f"blind7-{corpus}.jsonl"), "w", encoding="utf-8") as f:
            for d in ds: f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(corpus, len(ds), "docs", sum(len(d["spans"]) for d in ds), "spans")

if __name__ == "__main__":
    main()
