#!/usr/bin/env python3
"""Recall of NAME spans per origin on the blind corpora, with the scorer's rule (every letter and
digit of a gold span covered by some detected span of a non-optional category).

usage: python3 blind_origin_recall.py "COMMAND" corpus.jsonl [corpus.jsonl ...]
"""
import collections, importlib.util, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("score", os.path.join(HERE, "../../../shared/eval/score.py"))
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)

cmd, paths = sys.argv[1], sys.argv[2:]
tot, hit = collections.Counter(), collections.Counter()
missed = collections.defaultdict(list)
for path in paths:
    gold = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    inp = "".join(json.dumps({"id": g["id"], "text": g["text"]}) + "\n" for g in gold)
    out = subprocess.run(cmd, shell=True, input=inp.encode(), capture_output=True, check=True).stdout.decode()
    sysd = {d["id"]: d["spans"] for d in map(json.loads, filter(str.strip, out.splitlines()))}
    for g in gold:
        text = g["text"]; mask = [False] * len(text)
        for s in sysd.get(g["id"], []):
            if s.get("category") in score.OPTIONAL: continue
            for i in range(max(0, s["start"]), min(len(text), s["end"])): mask[i] = True
        for s in g["spans"]:
            if "origin" not in s: continue
            o = s["origin"]; tot[o] += 1
            if score.covered(mask, s["start"], s["end"], text): hit[o] += 1
            else: missed[o].append(f'{g["id"]}:{s["text"]}')
T, H = sum(tot.values()), sum(hit.values())
for o in sorted(tot, key=lambda o: (hit[o] / tot[o], o)):
    print(f"{o:4} {hit[o]:3}/{tot[o]:<3} {hit[o]/tot[o]:.3f}  missed: {', '.join(missed[o])}")
print(f"all  {H}/{T} {H/T:.4f}")
