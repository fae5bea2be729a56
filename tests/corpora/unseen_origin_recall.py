#!/usr/bin/env python3
"""Recall per name origin on the unseen corpora, with the scorer's rule: a gold NAME is caught
when every letter and digit of it (ignorable tokens aside) is covered by some detected span of a
non-optional category. Uses covered() from the shared scorer.

usage: unseen_origin_recall.py SCORE_PY "COMMAND" GOLD.jsonl [GOLD.jsonl ...]
"""
import collections, importlib.util, json, subprocess, sys

spec = importlib.util.spec_from_file_location("score", sys.argv[1]); sc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sc)
cmd = sys.argv[2]
tot = collections.Counter(); got = collections.Counter(); missed = collections.defaultdict(list)
for path in sys.argv[3:]:
    gold = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    sysd, _, _ = sc.run_system(cmd, gold)
    for g in gold:
        t = g["text"]; mask = [False] * len(t)
        for s in sysd.get(g["id"], []):
            if s.get("category") in sc.OPTIONAL: continue
            for i in range(max(0, s["start"]), min(len(t), s["end"])): mask[i] = True
        for s in g["spans"]:
            if s["type"] != "NAME": continue
            o = s["origin"]; tot[o] += 1
            if sc.covered(mask, s["start"], s["end"], t): got[o] += 1
            else: missed[o].append(s["text"])
for o in sorted(tot, key=lambda o: (got[o] / tot[o], o)):
    print(f"{o:20s} {got[o]:3d}/{tot[o]:<3d} {got[o]/tot[o]:.3f}  missed: {', '.join(missed[o])}")
T = sum(tot.values()); G = sum(got.values())
print(f"{'ALL':20s} {G:3d}/{T:<3d} {G/T:.3f}")
