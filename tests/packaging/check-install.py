#!/usr/bin/env python3
"""Runs `meson install --destdir` into a temporary directory and checks that
every file a distribution package or the Flatpak expects is in place, and that
the installed files agree with each other (desktop Icon, metainfo launchable,
schema id).

Usage: check-install.py BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def main():
    build, prefix, bindir, datadir, localedir, app_id = sys.argv[1:7]

    def under(root, path):
        path = path if os.path.isabs(path) else os.path.join(prefix, path)
        return os.path.join(root, path.lstrip("/"))

    with tempfile.TemporaryDirectory(prefix="ins-install-") as dest:
        proc = subprocess.run(["meson", "install", "-C", build, "--no-rebuild", "--quiet",
                               "--destdir", dest],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stdout, proc.stderr)
            print("meson install failed")
            return 1

        share = under(dest, datadir)
        expected = {
            "executable": os.path.join(under(dest, bindir), "instruction"),
            "desktop entry": os.path.join(share, "applications", app_id + ".desktop"),
            "metainfo": os.path.join(share, "metainfo", app_id + ".metainfo.xml"),
            "scalable icon": os.path.join(share, "icons/hicolor/scalable/apps", app_id + ".svg"),
            "symbolic icon": os.path.join(share, "icons/hicolor/symbolic/apps",
                                          app_id + "-symbolic.svg"),
            "GSettings schema": os.path.join(share, "glib-2.0/schemas", app_id + ".gschema.xml"),
            "French catalogue": os.path.join(under(dest, localedir),
                                             "fr/LC_MESSAGES/instruction.mo"),
        }
        problems = []
        for what, path in expected.items():
            if not os.path.isfile(path):
                problems.append(f"{what} missing: {os.path.relpath(path, dest)}")
            else:
                print(f"ok {what}: {os.path.relpath(path, dest)}")
        if os.path.isfile(expected["executable"]) and not os.access(expected["executable"], os.X_OK):
            problems.append("instruction is not executable")

        if os.path.isfile(expected["desktop entry"]):
            with open(expected["desktop entry"], encoding="utf-8") as f:
                entry = dict(l.rstrip("\n").split("=", 1) for l in f if "=" in l and not l.startswith("#"))
            if entry.get("Icon") != app_id:
                problems.append(f"desktop entry Icon={entry.get('Icon')} is not {app_id}")
            if entry.get("Exec", "").split()[0:1] != ["instruction"]:
                problems.append("desktop entry does not run instruction")

        if os.path.isfile(expected["metainfo"]):
            root = ET.parse(expected["metainfo"]).getroot()
            if root.findtext("id") != app_id:
                problems.append(f"metainfo id {root.findtext('id')} is not {app_id}")
            if root.findtext("launchable") != app_id + ".desktop":
                problems.append("metainfo launchable does not name the desktop entry")

        if os.path.isfile(expected["GSettings schema"]):
            root = ET.parse(expected["GSettings schema"]).getroot()
            ids = [s.get("id") for s in root.iter("schema")]
            if app_id not in ids:
                problems.append(f"schema file does not define {app_id}")

    for p in problems:
        print(p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
