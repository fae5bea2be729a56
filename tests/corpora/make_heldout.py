#!/usr/bin/env python3
r"""Build the held-out gold corpora from marked-up source text, and score an engine per name origin.

Sources (written by hand for this project, all invented): heldout_notes_src.txt and
heldout_stories_src.txt, documents separated by a line "~~~". An identifier is marked inline:

    {T|text}          T a type code (see TYPES)
    {N.origin|text}   a name, with the origin of its naming practice (see ORIGINS)

A courtesy title at the start of a marked name (Dr., Mrs., Rev., Rabbi, Khun, Doña...) is moved out of
the span, so gold spans hold the name only. Offsets are code point offsets, end exclusive; each span
keeps an extra key "origin" for names (score.py ignores it).

    python3 make_heldout.py                      # write heldout-notes.jsonl, heldout-stories.jsonl
    python3 make_heldout.py score CORPUS --cmd "target/release/storysafe scan"
                                                 # recall per type and per name origin
"""
import argparse, collections, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))

TYPES = {"N": "NAME", "L": "LOCATION", "O": "ORGANIZATION", "D": "DATE", "P": "PHONE", "F": "FAX",
         "A": "AGE90", "M": "MRN", "E": "EMAIL", "U": "URL", "I": "ID", "H": "HEALTHPLAN",
         "C": "ACCOUNT", "W": "DEVICE", "K": "LICENSE", "V": "VEHICLE", "X": "SSN", "Q": "IP",
         "S": "STATE", "Y": "YEAR", "G": "AGE", "R": "PROFESSION"}

ORIGINS = {"yor": "Yoruba", "igb": "Igbo", "akan": "Akan", "zul": "Zulu", "xho": "Xhosa",
           "amh": "Amharic/Tigrinya", "som": "Somali", "ara": "Arabic", "per": "Persian",
           "tur": "Turkish", "urd": "Urdu/Punjabi", "ind": "Hindi/Tamil/Telugu/Bengali",
           "nep": "Nepali", "chi": "Chinese", "kor": "Korean", "vie": "Vietnamese", "tha": "Thai",
           "fil": "Filipino", "jpn": "Japanese", "hmo": "Hmong", "pac": "Samoan/Tongan",
           "nat": "Navajo/Lakota", "mex": "Mexican/Central American", "bra": "Brazilian",
           "hai": "Haitian", "sla": "Polish/Ukrainian/Russian", "gre": "Greek", "iri": "Irish",
           "dut": "Dutch", "ger": "German", "heb": "Jewish/Hebrew", "ang": "Anglo"}

MARK = re.compile(r"\{([A-Z])(?:\.([a-z]+))?\|([^{}]*)\}")
TITLE = re.compile(r"(?i)^(?:dr|mrs|mr|ms|miss|rev|fr|rabbi|khun|doña|dona|don|mayor|father)\.?\s+")


def parse(doc_src, doc_id):
    out, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(doc_src):
        before = doc_src[pos:m.start()]
        out.append(before); length += len(before)
        code, origin, text = m.group(1), m.group(2), m.group(3)
        typ = TYPES[code]
        if typ == "NAME":
            assert origin in ORIGINS, (doc_id, text)
            t = TITLE.match(text)
            if t:
                out.append(text[:t.end()]); length += t.end(); text = text[t.end():]
        else:
            assert origin is None, (doc_id, text)
        span = {"start": length, "end": length + len(text), "type": typ, "text": text}
        if origin:
            span["origin"] = origin
        out.append(text); length += len(text)
        spans.append(span)
        pos = m.end()
    out.append(doc_src[pos:])
    text = "".join(out)
    assert "{" not in text and "}" not in text, (doc_id, "unparsed mark")
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    return {"id": doc_id, "text": text, "spans": spans}


def build(src, prefix):
    raw = open(os.path.join(HERE, src), encoding="utf-8").read()
    docs = [d.strip("\n") for d in re.split(r"(?m)^~~~\s*$", raw)]
    docs = [d for d in docs if d.strip()]
    return [parse(d, f"{prefix}-{i + 1:02d}") for i, d in enumerate(docs)]


def write_all():
    origin_count = collections.Counter()
    for src, prefix, out in (("heldout_notes_src.txt", "hn", "heldout-notes.jsonl"),
                             ("heldout_stories_src.txt", "hs", "heldout-stories.jsonl")):
        docs = build(src, prefix)
        with open(os.path.join(HERE, out), "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        types = collections.Counter(s["type"] for d in docs for s in d["spans"])
        words = [len(d["text"].split()) for d in docs]
        print(f"{out}: {len(docs)} docs, words {min(words)}-{max(words)}, {dict(types)}")
        origin_count.update(s["origin"] for d in docs for s in d["spans"] if "origin" in s)
    print("names per origin:", ", ".join(f"{o} {origin_count[o]}" for o in ORIGINS))


def score_origins(corpora, cmd):
    sys.path.insert(0, os.path.join(HERE, "../../../shared/eval"))
    import score as scorer  # the project's scorer: same coverage rule
    gold = [json.loads(l) for c in corpora for l in open(c, encoding="utf-8")]
    sys_docs = scorer.run_system(cmd, gold)[0]
    res, leaks, fps = scorer.score(gold, sys_docs)
    tot = collections.Counter(); caught = collections.Counter(); missed = collections.defaultdict(list)
    for g in gold:
        text = g["text"]; n = len(text)
        mask = [False] * n
        for s in sys_docs.get(g["id"], []):
            if s.get("category") in scorer.OPTIONAL: continue
            for i in range(max(0, s["start"]), min(n, s["end"])): mask[i] = True
        for s in g["spans"]:
            if "origin" not in s: continue
            tot[s["origin"]] += 1
            if scorer.covered(mask, s["start"], s["end"], text): caught[s["origin"]] += 1
            else: missed[s["origin"]].append(s["text"])
    print(json.dumps({k: res[k] for k in ("identifiers", "caught", "recall", "precision", "by_type")}))
    for o in ORIGINS:
        if tot[o]:
            print(f"{ORIGINS[o]:28s} {caught[o]:3d}/{tot[o]:<3d} {caught[o] / tot[o]:.3f}  missed: {', '.join(missed[o])}")
    T = sum(tot.values()); C = sum(caught.values())
    print(f"{'ALL NAMES':28s} {C:3d}/{T:<3d} {C / T:.3f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("action", nargs="?", default="build", choices=["build", "score"])
    ap.add_argument("corpus", nargs="*")
    ap.add_argument("--cmd")
    a = ap.parse_args()
    if a.action == "build":
        write_all()
    else:
        score_origins(a.corpus, a.cmd)
