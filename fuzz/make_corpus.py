#!/usr/bin/env python3
"""Writes metadata/tests/corpus/*.bin: deterministic mutants of small test assemblies (byte
flips, random bytes, truncations, duplicated and deleted ranges, and bytes smashed inside the
metadata streams), used by metadata/tests/mutated_corpus.rs and as the fuzzer's seed corpus."""
import os, random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "metadata", "tests", "corpus")
SEEDS = ["Hello.exe", "OverrideChains.exe", "Structs.exe", "ExplicitInterface.exe"]

def mutants(data, rng, n):
    out = []
    bsjb = data.find(b"BSJB")
    for i in range(n):
        b = bytearray(data)
        kind = i % 6
        if kind == 0:
            for _ in range(rng.randint(1, 8)):
                p = rng.randrange(len(b)); b[p] ^= 1 << rng.randrange(8)
        elif kind == 1:
            for _ in range(rng.randint(1, 32)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif kind == 2:
            b = b[: rng.randrange(len(b))]
        elif kind == 3:
            p = rng.randrange(len(b)); q = min(len(b), p + rng.randint(1, 64))
            b = b[:p] + b[p:q] + b[p:]
        elif kind == 4:
            p = rng.randrange(len(b)); q = min(len(b), p + rng.randint(1, 64))
            b = b[:p] + b[q:]
        else:
            # Smash the metadata: table rows, heap indices, stream headers.
            base = bsjb if bsjb >= 0 else 0
            for _ in range(rng.randint(1, 16)):
                p = base + rng.randrange(max(1, len(b) - base)); b[p] = rng.choice([0, 0xFF, 0x7F, 0x80, rng.randrange(256)])
        out.append(bytes(b))
    return out

def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(20261122)
    k = 0
    for seed in SEEDS:
        data = open(os.path.join(ROOT, "tests", "programs", seed), "rb").read()
        for m in mutants(data, rng, 50):
            with open(os.path.join(OUT, f"{k:03d}-{seed[:-4]}.bin"), "wb") as f:
                f.write(m)
            k += 1
    print(f"wrote {k} files to {os.path.relpath(OUT, ROOT)}")

if __name__ == "__main__":
    main()
