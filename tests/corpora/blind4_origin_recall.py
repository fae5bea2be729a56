#!/usr/bin/env python3
"""Recall of NAME spans per "origin" key, with score.py's covering rule (every letter/digit of the
gold span covered by a detected span of a non-optional category; ignorable tokens aside).
usage: blind4_origin_recall.py CMD GOLD.jsonl [GOLD2.jsonl ...]"""
import json, sys, subprocess, collections, importlib.util, os
spec = importlib.util.spec_from_file_location("score", os.path.join(os.path.dirname(__file__), "../../../shared/eval/score.py"))
sc = importlib.util.module_from_spec(spec); spec.loader.exec_module(sc)
cmd, files = sys.argv[1], sys.argv[2:]
tot = collections.Counter(); ok = collections.Counter(); miss = collections.defaultdict(list)
for f in files:
    gold = [json.loads(l) for l in open(f) if l.strip()]
    sysd, _, _ = sc.run_system(cmd, gold)
    for g in gold:
        t = g["text"]; mask = [False] * len(t)
        for s in sysd.get(g["id"], []):
            if s.get("category") in sc.OPTIONAL: continue
            for i in range(max(0, s["start"]), min(len(t), s["end"])): mask[i] = True
        for s in g["spans"]:
            if "origin" not in s: continue
            o = s["origin"]; tot[o] += 1
            if sc.covered(mask, s["start"], s["end"], t): ok[o] += 1
            else: miss[o].append(s["text"])
for o in sorted(tot, key=lambda o: (ok[o] / tot[o], o)):
    print(f"{o:9s} {ok[o]:3d}/{tot[o]:<3d} {ok[o]/tot[o]:.3f}  {', '.join(miss[o])}")
print(f"ALL       {sum(ok.values())}/{sum(tot.values())} {sum(ok.values())/sum(tot.values()):.3f}")
