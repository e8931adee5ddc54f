#!/usr/bin/python3
"""A hostile stand-in for instruction-renderer (tests): opens anything, then
answers each render with pixels the app must refuse.

fake-renderer.py MODE, MODE one of
  unsealed  a memfd of the right size, still writable by this process
  shrunk    a sealed memfd smaller than the image
  no-fd     the reply without a descriptor
"""
import fcntl
import os
import socket
import struct
import sys

MAGIC = 0x494E5352
REQUEST = struct.Struct("=IIIIdQ")
REPLY = struct.Struct("=IIIIQ")
WIDTH, HEIGHT = 40, 50
STRIDE = WIDTH * 4


def read_full(n):
    data = b""
    while len(data) < n:
        chunk = os.read(0, n - len(data))
        if not chunk:
            sys.exit(0)
        data += chunk
    return data


def main():
    mode = sys.argv[1]
    out = socket.socket(fileno=os.dup(1))
    while True:
        magic, op, page, rotation, scale, length = REQUEST.unpack(read_full(REQUEST.size))
        if magic != MAGIC or op == 3:
            return
        read_full(length)
        if op == 1:
            body = struct.pack("=II", 1, 0) + struct.pack("=dd", 30.0, 37.5)
            out.sendall(REPLY.pack(MAGIC, 0, 0, 0, len(body)) + body)
            continue
        info = struct.pack("=IIII", WIDTH, HEIGHT, STRIDE, 0)
        header = REPLY.pack(MAGIC, 0, 0, 0, len(info))
        if mode == "no-fd":
            out.sendall(header + info)
            continue
        fd = os.memfd_create("fake", os.MFD_ALLOW_SEALING)
        if mode == "shrunk":
            os.ftruncate(fd, STRIDE)
            fcntl.fcntl(fd, fcntl.F_ADD_SEALS,
                        fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_WRITE)
        else:
            os.ftruncate(fd, STRIDE * HEIGHT)
        socket.send_fds(out, [header], [fd])
        out.sendall(info)
        os.close(fd)


main()
