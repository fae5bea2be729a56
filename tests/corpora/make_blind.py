#!/usr/bin/env python3
"""Build the blind corpora (never tuned on) from blind_src.txt.

Source format: a line "@@ <corpus> <id>" starts a document (corpus: notes or stories); the
document's text is every following line up to the next header, trailing blank lines dropped.
Inside the text an identifier is marked {{TYPE|text}}; a NAME also carries the origin of the
name as {{NAME@origin|text}}. Offsets are computed here (code points, end exclusive), never by hand.
Writes blind-notes.jsonl and blind-stories.jsonl next to this script; NAME spans keep an extra
"origin" key, which the scorer ignores.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"NAME", "LOCATION", "ORGANIZATION", "DATE", "AGE90", "PHONE", "FAX", "EMAIL", "URL", "IP",
         "SSN", "MRN", "HEALTHPLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "ID",
         "YEAR", "STATE", "AGE", "PROFESSION"}
ORIGINS = {"waf", "eaf", "saf", "eth", "som", "ara", "per", "tur", "kur", "sas", "nep", "chi", "kor",
           "jpn", "vie", "tha", "lao", "khm", "fil", "idn", "pac", "nam", "lat", "bra", "hai", "car",
           "eeu", "bal", "gre", "iri", "sco", "dut", "ger", "sca", "jew", "ang"}
MARK = re.compile(r"\{\{([A-Z0-9]+)(?:@([a-z]+))?\|([^{}|]+)\}\}")


def parse(raw, doc_id):
    out, spans, pos = [], [], 0
    n = 0
    for m in MARK.finditer(raw):
        out.append(raw[pos:m.start()])
        n += len(raw[pos:m.start()])
        typ, origin, text = m.group(1), m.group(2), m.group(3)
        if typ not in TYPES:
            sys.exit(f"{doc_id}: unknown type {typ}")
        if typ == "NAME" and origin not in ORIGINS:
            sys.exit(f"{doc_id}: NAME {text!r} needs a known origin, got {origin!r}")
        if typ != "NAME" and origin:
            sys.exit(f"{doc_id}: origin on a non-NAME span {text!r}")
        if text != text.strip():
            sys.exit(f"{doc_id}: span with outer whitespace {text!r}")
        span = {"start": n, "end": n + len(text), "type": typ, "text": text}
        if origin:
            span["origin"] = origin
        spans.append(span)
        out.append(text)
        n += len(text)
        pos = m.end()
    out.append(raw[pos:])
    plain = "".join(out)
    if "{{" in plain or "}}" in plain:
        sys.exit(f"{doc_id}: unbalanced mark left in text")
    for s in spans:
        assert plain[s["start"]:s["end"]] == s["text"]
    return plain, spans


def main():
    src = open(os.path.join(HERE, "blind_src.txt"), encoding="utf-8").read()
    docs = {"notes": [], "stories": []}
    seen = set()
    for block in re.split(r"^@@ ", src, flags=re.M)[1:]:
        header, _, body = block.partition("\n")
        corpus, doc_id = header.split()
        if doc_id in seen:
            sys.exit(f"duplicate id {doc_id}")
        seen.add(doc_id)
        text, spans = parse(body.rstrip(), doc_id)
        docs[corpus].append({"id": doc_id, "text": text, "spans": spans})
    for corpus, rows in docs.items():
        path = os.path.join(HERE, f"blind-{corpus}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for d in rows:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(f"{path}: {len(rows)} docs, {sum(len(d['spans']) for d in rows)} spans")


if __name__ == "__main__":
    main()
