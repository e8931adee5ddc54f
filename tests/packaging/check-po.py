#!/usr/bin/env python3
"""Checks the French translation.

Usage: check-po.py SRCDIR (--complete | --potfiles)

--complete: po/fr.po compiles with msgfmt --check, has no untranslated or fuzzy
message, and translates every message xgettext extracts today from the files
of po/POTFILES.in (so a string added without updating fr.po is caught).
--potfiles: every source file holding `_(` or translatable="yes" is listed in
po/POTFILES.in, and every listed file exists.
"""
import os
import re
import subprocess
import sys
import tempfile

SOURCE_DIRS = ("src", "data")
SOURCE_EXTS = (".c", ".h", ".ui", ".in")
MARKERS = ("_(", 'translatable="yes"')
# The same keywords as meson's i18n 'glib' preset.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
]


def potfiles(top):
    with open(os.path.join(top, "po", "POTFILES.in"), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def check_complete(top):
    problems = []
    po = os.path.join(top, "po", "fr.po")
    proc = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                          capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
    stats = proc.stderr.strip()
    print(f"msgfmt: {stats}")
    if proc.returncode != 0:
        problems.append("msgfmt --check failed")
    for kind in ("fuzzy", "untranslated"):
        m = re.search(r"(\d+) " + kind, stats)
        if m and int(m.group(1)) > 0:
            problems.append(f"po/fr.po has {m.group(1)} {kind} messages")

    files = [f for f in potfiles(top) if os.path.exists(os.path.join(top, f))]
    with tempfile.TemporaryDirectory(prefix="ins-po-") as work:
        pot = os.path.join(work, "current.pot")
        proc = subprocess.run(["xgettext", *XGETTEXT_ARGS, "-o", pot, *files],
                              cwd=top, capture_output=True, text=True)
        if proc.returncode != 0:
            problems.append("xgettext failed:\n" + proc.stderr)
        elif os.path.exists(pot):
            proc = subprocess.run(["msgcmp", "--use-untranslated", po, pot],
                                  capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
            if proc.returncode != 0:
                missing = [l for l in proc.stderr.splitlines() if "this message" in l]
                problems.append(f"po/fr.po lacks {len(missing)} messages of the sources "
                                "(run instruction-update-po, then translate):\n" + proc.stderr.strip())
    return problems


def check_potfiles(top):
    problems = []
    listed = set(potfiles(top))
    for f in sorted(listed):
        if not os.path.exists(os.path.join(top, f)):
            problems.append(f"po/POTFILES.in lists {f}, which does not exist")
    for d in SOURCE_DIRS:
        for root, dirs, names in os.walk(os.path.join(top, d)):
            dirs.sort()
            for name in sorted(names):
                if not name.endswith(SOURCE_EXTS):
                    continue
                path = os.path.join(root, name)
                rel = os.path.relpath(path, top)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                if any(m in text for m in MARKERS) and rel not in listed:
                    problems.append(f"{rel} has translatable strings but is not in po/POTFILES.in")
    return problems


def main():
    top, mode = sys.argv[1], sys.argv[2]
    problems = check_complete(top) if mode == "--complete" else check_potfiles(top)
    for p in problems:
        print(p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
