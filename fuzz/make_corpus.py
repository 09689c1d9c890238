#!/usr/bin/env python3
"""Writes metadata/tests/corpus/NNN-<seed>.bin: deterministic mutants of small test assemblies,
run by metadata/tests/mutated_corpus.rs and used as the fuzzer's seed corpus.

Blind mutations (bit flips, random bytes, truncations, inserted and deleted ranges) mostly
stop at the PE or stream headers, so about half the mutants aim past them: small values written
over table cells (which make rows point at each other: cycles, self-references, overlapping
member lists), signature element types written into the #Blob heap, opcodes written over the
method bodies. crash-* files (inputs the fuzzer once crashed on) are kept as they are.

    python3 fuzz/make_corpus.py        # from the repository root; same output every run
"""
import os
import random
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "metadata", "tests", "corpus")
# Hello is the seed the tests are built around; the others add nested types, interfaces,
# explicit overrides, structs and TypeSpecs for the mutations to break.
SEEDS = ["Hello.exe", "OverrideChains.exe", "Structs.exe", "ExplicitInterface.exe", "Compare.exe",
         "BoxingCasts.exe", "DiamondInterface.exe", "Arrays2D.exe"]
PER_SEED = 25
KINDS = 9

# Element types and tokens that signatures are made of (ECMA-335 II.23.1.16).
SIG_BYTES = [0x01, 0x02, 0x08, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x1B, 0x1C,
             0x1D, 0x1E, 0x1F, 0x20, 0x41, 0x45, 0x06, 0x07, 0x20, 0x30, 0x05, 0x0A, 0xFF, 0x80]
# Calls, field accesses, branches and switch: the opcodes with tokens or targets.
IL_BYTES = [0x28, 0x6F, 0x73, 0x7B, 0x7D, 0x7E, 0x80, 0x8D, 0x74, 0x75, 0x8C, 0xA5, 0x2B,
            0x38, 0x45, 0xFE, 0x2A, 0x00, 0x14, 0x72]


def u16(b, o):
    return struct.unpack_from("<H", b, o)[0]


def u32(b, o):
    return struct.unpack_from("<I", b, o)[0]


def layout(data):
    """File ranges of the table rows, the #Blob heap and the IL (the .text bytes before the
    metadata root), found the way a loader finds them."""
    pe = u32(data, 0x3C)
    sections = u16(data, pe + 6)
    opt = pe + 24
    opt_size = u16(data, pe + 20)
    dirs = opt + (96 if u16(data, opt) == 0x10B else 112)
    cli_rva = u32(data, dirs + 14 * 8)
    table = opt + opt_size
    secs = [(u32(data, table + 40 * i + 12), u32(data, table + 40 * i + 8),
             u32(data, table + 40 * i + 20)) for i in range(sections)]

    def off(rva):
        for va, size, raw in secs:
            if va <= rva < va + size:
                return raw + rva - va
        raise ValueError(hex(rva))

    cli = off(cli_rva)
    root = off(u32(data, cli + 8))
    vlen = u32(data, root + 12)
    streams = {}
    count = u16(data, root + 16 + vlen + 2)
    p = root + 16 + vlen + 4
    for _ in range(count):
        o, size = u32(data, p), u32(data, p + 4)
        end = data.index(b"\0", p + 8)
        name = data[p + 8:end].decode()
        p = p + 8 + ((end - (p + 8)) // 4 + 1) * 4
        streams[name] = (root + o, root + o + size)
    t0, t1 = streams["#~"]
    valid = struct.unpack_from("<Q", data, t0 + 8)[0]
    rows_start = t0 + 24 + 4 * bin(valid).count("1")
    text = secs[0][2]
    return {"rows": (rows_start, t1), "blob": streams.get("#Blob", (t0, t1)), "il": (text + 8, root)}


def mutants(data, rng, n):
    out = []
    where = layout(data)
    for i in range(n):
        b = bytearray(data)
        kind = i % KINDS
        if kind == 0:
            for _ in range(rng.randint(1, 8)):
                p = rng.randrange(len(b))
                b[p] ^= 1 << rng.randrange(8)
        elif kind == 1:
            for _ in range(rng.randint(1, 32)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif kind == 2:
            b = b[: rng.randrange(len(b))]
        elif kind == 3:
            p = rng.randrange(len(b))
            q = min(len(b), p + rng.randint(1, 64))
            b = b[:p] + b[p:q] + b[p:]
        elif kind == 4:
            p = rng.randrange(len(b))
            q = min(len(b), p + rng.randint(1, 64))
            b = b[:p] + b[q:]
        elif kind in (5, 6):
            # Small values over 2-byte cells: row indices and coded indices that stay in range.
            lo, hi = where["rows"]
            for _ in range(rng.randint(1, 4 if kind == 5 else 12)):
                p = lo + 2 * rng.randrange((hi - lo) // 2)
                struct.pack_into("<H", b, p, rng.randrange(24))
        elif kind == 7:
            lo, hi = where["blob"]
            for _ in range(rng.randint(1, 6)):
                b[rng.randrange(lo, hi)] = rng.choice(SIG_BYTES)
        else:
            lo, hi = where["il"]
            for _ in range(rng.randint(1, 6)):
                b[rng.randrange(lo, hi)] = rng.choice(IL_BYTES + [rng.randrange(256)])
        out.append(bytes(b))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".bin"):
            os.remove(os.path.join(OUT, f))
    rng = random.Random(20261122)
    k = 0
    for seed in SEEDS:
        data = open(os.path.join(ROOT, "tests", "programs", seed), "rb").read()
        for m in mutants(data, rng, PER_SEED):
            with open(os.path.join(OUT, f"{k:03d}-{seed[:-4]}.bin"), "wb") as f:
                f.write(m)
            k += 1
    print(f"wrote {k} files to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
