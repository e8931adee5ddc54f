#!/usr/bin/env python3
"""Checks a Flatpak manifest of Instruction.

Usage: check-manifest.py [--flatpak-builder PATH] MANIFEST...

For each manifest: every source is pinned (sha256 for archives and files,
commit for git; a local dir only in the .Devel manifest), finish-args are
within the allowed list and hold the required ones, the runtime is GNOME's and
the command is `instruction`. With --flatpak-builder, also runs
`flatpak-builder --show-manifest` and fails on anything it prints on stderr
(unknown properties, malformed values).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

REQUIRED_FINISH_ARGS = {
    "--share=network",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--share=ipc",
    "--device=dri",
}
# libsecret goes through the Secret portal inside the sandbox: no
# --talk-name=org.freedesktop.secrets is needed, so none is allowed.
ALLOWED_FINISH_ARGS = REQUIRED_FINISH_ARGS

SHA256 = re.compile(r"^[0-9a-f]{64}$")
COMMIT = re.compile(r"^[0-9a-f]{40}$")
REMOTE_TYPES = {"archive", "file", "git", "dir", "patch", "shell", "script", "inline"}


def load_module(base_dir, module):
    """Modules may be included from their own JSON file."""
    if isinstance(module, str):
        path = os.path.join(base_dir, module)
        with open(path, encoding="utf-8") as f:
            return json.load(f), os.path.dirname(path)
    return module, base_dir


def check_source(where, source, devel, problems):
    kind = source.get("type")
    if kind not in REMOTE_TYPES:
        problems.append(f"{where}: unsupported source type {kind!r}")
    elif kind in ("archive", "file"):
        if "path" in source and "url" not in source:
            return
        if not SHA256.match(source.get("sha256", "")):
            problems.append(f"{where}: {kind} {source.get('url')!r} is not pinned by sha256")
    elif kind == "git":
        if not COMMIT.match(source.get("commit", "")):
            problems.append(f"{where}: git {source.get('url')!r} is not pinned by a full commit")
    elif kind == "dir" and not devel:
        problems.append(f"{where}: a local dir source is only allowed in the .Devel manifest")


def check_modules(base_dir, modules, devel, problems, trail=""):
    names = []
    for module in modules:
        module, mdir = load_module(base_dir, module)
        name = module.get("name", "?")
        names.append(name)
        where = f"{trail}{name}"
        sources = module.get("sources", [])
        if not sources:
            problems.append(f"{where}: no sources")
        for i, source in enumerate(sources):
            if isinstance(source, str):
                problems.append(f"{where}: source {i} is an external file, not checked")
                continue
            check_source(f"{where} source {i}", source, devel, problems)
        names += check_modules(mdir, module.get("modules", []), devel, problems, where + "/")
    return names


def check_manifest(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    app_id = manifest.get("id") or manifest.get("app-id")
    expected_id = os.path.basename(path)[: -len(".json")]
    devel = expected_id.endswith(".Devel")
    if app_id != expected_id:
        problems.append(f"id {app_id!r} does not match the file name {expected_id!r}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    if not str(manifest.get("runtime-version", "")).isdigit():
        problems.append("runtime-version must be a GNOME release number")
    if manifest.get("command") != "instruction":
        problems.append("command must be instruction")

    args = manifest.get("finish-args", [])
    for arg in args:
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append(f"finish-arg {arg} is not in the allowed list")
    for arg in sorted(REQUIRED_FINISH_ARGS - set(args)):
        problems.append(f"finish-arg {arg} is missing")
    if len(args) != len(set(args)):
        problems.append("finish-args has duplicates")

    names = check_modules(os.path.dirname(path), manifest.get("modules", []), devel, problems)
    for needed in ("libpq", "poppler", "instruction"):
        if needed not in names:
            problems.append(f"module {needed} is missing")
    if names and names[-1] != "instruction":
        problems.append("the application must be the last module")

    for module in manifest.get("modules", []):
        module, _ = load_module(os.path.dirname(path), module)
        opts = " ".join(module.get("config-opts", []) + module.get("build-commands", []))
        if module.get("name") == "libpq":
            for flag in ("--with-openssl", "--with-gssapi"):
                if flag not in opts:
                    problems.append(f"libpq must be configured {flag}")
        if module.get("name") == "poppler":
            for flag in ("-DENABLE_QT5=OFF", "-DENABLE_QT6=OFF", "-DENABLE_CPP=OFF",
                         "-DENABLE_UTILS=OFF", "-DENABLE_BOOST=OFF", "-DENABLE_GPGME=OFF"):
                if flag not in opts:
                    problems.append(f"poppler must be configured {flag}")
        if module.get("name") == "instruction":
            profile = "-Dprofile=development" if devel else "-Dprofile=default"
            if profile not in module.get("config-opts", []):
                problems.append(f"instruction must be configured {profile}")
    return problems


def show_manifest(flatpak_builder, path):
    with tempfile.TemporaryDirectory(prefix="ins-flatpak-") as work:
        proc = subprocess.run([flatpak_builder, "--show-manifest", os.path.abspath(path)],
                              cwd=work, capture_output=True, text=True)
    problems = []
    if proc.returncode != 0:
        problems.append(f"flatpak-builder --show-manifest exited with {proc.returncode}")
    if proc.stderr.strip():
        problems.append("flatpak-builder --show-manifest printed:\n" + proc.stderr.strip())
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--flatpak-builder")
    parser.add_argument("manifests", nargs="+")
    opts = parser.parse_args()
    failed = False
    for path in opts.manifests:
        problems = check_manifest(path)
        if opts.flatpak_builder:
            problems += show_manifest(opts.flatpak_builder, path)
        for p in problems:
            print(f"{path}: {p}")
        if problems:
            failed = True
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
