#!/usr/bin/env python3
"""Turn tests/corpora/unseen_src.txt (hand-written text with inline marks) into gold JSONL.

Marks: {{TYPE|text}} and, for names, {{NAME:origin|text}} (origin is a short code, expanded
below and kept as an extra "origin" key, which the scorer ignores). A line "### ID" starts a
document; "note-*" ids go to unseen-notes.jsonl, "story-*" ids to unseen-stories.jsonl.
Offsets are Python string (code point) indices, end exclusive.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"NAME", "LOCATION", "ORGANIZATION", "DATE", "AGE90", "PHONE", "FAX", "EMAIL", "URL", "IP",
         "SSN", "MRN", "HEALTHPLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "ID",
         "YEAR", "STATE", "AGE", "PROFESSION"}
ORIGINS = {
    "wafr": "West African", "eafr": "East African", "safr": "Southern African",
    "ethi": "Ethiopian/Eritrean", "soma": "Somali", "arab": "Arabic", "pers": "Persian",
    "turk": "Turkish", "kurd": "Kurdish", "sasi": "South Asian", "nepa": "Nepali",
    "chin": "Chinese", "kore": "Korean", "japa": "Japanese", "viet": "Vietnamese", "thai": "Thai",
    "laot": "Lao", "camb": "Cambodian", "fili": "Filipino", "indo": "Indonesian",
    "paci": "Pacific Islander", "nati": "Native American", "lati": "Latin American",
    "braz": "Brazilian", "hait": "Haitian", "cari": "Caribbean", "eeur": "Eastern European",
    "balk": "Balkan", "gree": "Greek", "iris": "Irish", "scot": "Scottish", "dutc": "Dutch",
    "germ": "German", "scan": "Scandinavian", "jewi": "Jewish", "angl": "Anglo",
}
MARK = re.compile(r"\{\{([A-Z0-9]+)(?::(\w+))?\|([^{}|]+)\}\}")


def convert(doc_id, raw):
    out, spans, pos = [], [], 0
    n = 0  # length of output so far, in code points
    for m in MARK.finditer(raw):
        plain = raw[pos:m.start()]
        out.append(plain); n += len(plain)
        typ, origin, txt = m.group(1), m.group(2), m.group(3)
        if typ not in TYPES:
            sys.exit(f"{doc_id}: unknown type {typ!r}")
        if typ == "NAME":
            if origin not in ORIGINS:
                sys.exit(f"{doc_id}: NAME {txt!r} lacks a known origin ({origin!r})")
        elif origin:
            sys.exit(f"{doc_id}: origin on non-NAME {typ} {txt!r}")
        if txt != txt.strip():
            sys.exit(f"{doc_id}: span with surrounding space {txt!r}")
        sp = {"start": n, "end": n + len(txt), "type": typ, "text": txt}
        if origin:
            sp["origin"] = ORIGINS[origin]
        spans.append(sp)
        out.append(txt); n += len(txt)
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "{{" in text or "}}" in text:
        sys.exit(f"{doc_id}: malformed mark left in text")
    for sp in spans:
        assert text[sp["start"]:sp["end"]] == sp["text"]
    return {"id": "unseen-" + doc_id, "text": text, "spans": spans}


def main():
    src = open(os.path.join(HERE, "unseen_src.txt"), encoding="utf-8").read()
    parts = re.split(r"(?m)^### (\S+)\n", src)
    docs = [convert(parts[i], parts[i + 1].strip("\n")) for i in range(1, len(parts), 2)]
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for name, prefix in (("unseen-notes.jsonl", "unseen-note-"), ("unseen-stories.jsonl", "unseen-story-")):
        sel = [d for d in docs if d["id"].startswith(prefix)]
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            for d in sel:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(f"{name}: {len(sel)} docs, {sum(len(d['spans']) for d in sel)} spans", file=sys.stderr)


if __name__ == "__main__":
    main()
