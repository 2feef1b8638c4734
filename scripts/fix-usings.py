#!/usr/bin/env python3
"""Developer aid: removes the using directives the build reports as unnecessary (IDE0005). Reads build output on stdin."""
import re, sys, collections
hits = collections.defaultdict(set)
for line in sys.stdin:
    m = re.match(r"^(.+?\.cs)\((\d+),\d+\): error IDE0005", line.strip())
    if m:
        hits[m.group(1)].add(int(m.group(2)))
for path, lines in hits.items():
    src = open(path).read().split("\n")
    src = [l for i, l in enumerate(src, 1) if not (i in lines and l.startswith("using "))]
    open(path, "w").write("\n".join(src))
    print(f"{path}: removed {len(lines)}")
