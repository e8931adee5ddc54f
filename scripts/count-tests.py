#!/usr/bin/env python3
"""Counts every test case of a meson run from its testlog.json.

GTest and the Python end-to-end tests speak TAP: each "ok" / "not ok" line is a
case. A test program without TAP counts as one case. A program that failed
without reporting a failing case (a crash, a timeout) adds one failure.
Prints "N passed, N failed" (and skipped when any) as its last line.
"""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        entry = json.loads(line)
        out = entry.get("stdout") or ""
        ok = nok = skip = 0
        for l in out.splitlines():
            if re.match(r"^ok \d+", l):
                if re.search(r"#\s*skip", l, re.I):
                    skip += 1
                else:
                    ok += 1
            elif re.match(r"^not ok \d+", l):
                if re.search(r"#\s*todo", l, re.I):
                    skip += 1
                else:
                    nok += 1
        result = entry.get("result", "")
        good = result in ("OK", "EXPECTEDFAIL", "SKIP")
        if ok + nok + skip == 0:
            if result == "SKIP":
                skip = 1
            elif good:
                ok = 1
            else:
                nok = 1
        elif not good and nok == 0:
            nok = 1
            print("failed without a failing case: %s (%s)" % (entry.get("name"), result))
        passed += ok
        failed += nok
        skipped += skip

line = "%d passed, %d failed" % (passed, failed)
if skipped:
    line += ", %d skipped" % skipped
print(line)
