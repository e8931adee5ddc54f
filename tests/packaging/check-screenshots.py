#!/usr/bin/env python3
"""Every screenshot the metainfo announces is a PNG committed in the
repository, at the path its URL names, with the width and height declared.

Usage: check-screenshots.py SRCDIR METAINFO REPOSITORY_URL
"""
import os
import struct
import sys
import xml.etree.ElementTree as ET


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def main():
    top, metainfo, repository = sys.argv[1:4]
    prefix = repository.rstrip("/") + "/raw/main/"
    problems = []
    images = ET.parse(metainfo).getroot().findall("./screenshots/screenshot/image")
    if not images:
        problems.append("the metainfo has no screenshot")
    for image in images:
        url = (image.text or "").strip()
        if not url.startswith(prefix):
            problems.append(f"{url} is not in the project's repository ({prefix})")
            continue
        path = os.path.join(top, url[len(prefix):])
        if not os.path.isfile(path):
            problems.append(f"{url}: {os.path.relpath(path, top)} is not committed")
            continue
        size = png_size(path)
        declared = (int(image.get("width", 0)), int(image.get("height", 0)))
        if size is None:
            problems.append(f"{os.path.relpath(path, top)} is not a PNG")
        elif size != declared:
            problems.append(f"{os.path.relpath(path, top)} is {size[0]}x{size[1]}, "
                            f"the metainfo says {declared[0]}x{declared[1]}")
        else:
            print(f"ok {os.path.relpath(path, top)} {size[0]}x{size[1]}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
