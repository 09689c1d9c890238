#!/usr/bin/env python3
"""Benchmark of `vcall --aot=metadata-only` (not a test).

usage: python3 bench/aot.py [N_CLASSES N_INTERFACES] [RUNS]     (defaults 5000 2000, 7 runs)

Generates bench/gen/gen_classes.py's program in a temporary directory with a private copy of
the corlib (so the repository stays clean), then reports medians of RUNS runs of:
  * startup (whole run) of vcall without and with X.exe.so + mscorlib.dll.so;
  * mono without and with its own `mono --aot=metadata-only X.exe` image;
  * ClassInfo time and class counts from `vcall --stats`, without and with the images;
  * AOT generation throughput (classes/s) with RAYON_NUM_THREADS=1 and the default.
Needs a release build (CARGO_TARGET_DIR=/work/target-aot cargo build --release, or set VCALL).
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VCALL = os.environ.get("VCALL") or next(
    (p for p in ["/work/target-aot/release/vcall", os.path.join(ROOT, "target/release/vcall")]
     if os.path.exists(p)), "vcall")


def timed(cmd, env=None):
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr}")
    return dt, r


def median(cmd, runs, env=None):
    return statistics.median(timed(cmd, env)[0] for _ in range(runs))


def stat(out, name):
    m = re.search(rf"^{re.escape(name)}\s*: ([0-9.]+)", out, re.M)
    return float(m.group(1)) if m else float("nan")


def main():
    args = [a for a in sys.argv[1:]]
    n, m = (args[0], args[1]) if len(args) >= 2 else ("5000", "2000")
    runs = int(args[2]) if len(args) >= 3 else 7
    d = tempfile.mkdtemp(prefix="vcall-aot-bench-")
    try:
        src = subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen/gen_classes.py"), n, m],
                             stdout=subprocess.PIPE, check=True, text=True).stdout
        open(os.path.join(d, "X.cs"), "w").write(src)
        subprocess.run(["mcs", "-nowarn:108,114", "X.cs", "-out:X.exe"], cwd=d, check=True,
                       stdout=subprocess.DEVNULL)
        corlib = os.path.join(d, "mscorlib.dll")
        shutil.copy(os.path.join(ROOT, "corlib/mscorlib.dll"), corlib)
        env = dict(os.environ, VCALL_CORLIB=corlib)
        exe = os.path.join(d, "X.exe")
        so = exe + ".so"
        cs_so = corlib + ".so"
        mono_so = exe + ".so"

        def drop_images():
            for p in (so, cs_so):
                if os.path.exists(p):
                    os.remove(p)

        # vcall without images
        drop_images()
        timed([VCALL, exe], env)
        v_no = median([VCALL, exe], runs, env)
        st_no = [(lambda r: r.stdout + r.stderr)(timed([VCALL, "--stats", exe], env)[1]) for _ in range(runs)]
        # generation throughput
        gen = {}
        for label, threads in (("1 thread", "1"), ("default", None)):
            e = dict(env)
            if threads:
                e["RAYON_NUM_THREADS"] = threads
            else:
                e.pop("RAYON_NUM_THREADS", None)
            ts = []
            types = 0
            for _ in range(runs):
                _, r = timed([VCALL, "--aot=metadata-only", exe], e)
                mm = re.search(r"(\d+) types, (\d+) bytes, (\d+) ms", r.stdout)
                types = int(mm.group(1))
                ts.append(int(mm.group(3)))
            gen[label] = (types, statistics.median(ts))
        timed([VCALL, "--aot=metadata-only", corlib], env)
        # vcall with images
        v_img = median([VCALL, exe], runs, env)
        st_img = [(lambda r: r.stdout + r.stderr)(timed([VCALL, "--stats", exe], env)[1]) for _ in range(runs)]
        drop_images()
        # mono
        mono = shutil.which("mono")
        m_no = m_img = float("nan")
        if mono:
            timed([mono, exe])
            m_no = median([mono, exe], runs)
            timed([mono, "--aot=metadata-only", exe])
            m_img = median([mono, exe], runs)
            if os.path.exists(mono_so):
                os.remove(mono_so)

        def med(outs, name):
            return statistics.median(stat(o, name) for o in outs)

        print(f"program: {n} classes, {m} interfaces; medians of {runs} runs; vcall = {VCALL}")
        print(f"startup  vcall without image : {v_no*1000:8.1f} ms")
        print(f"startup  vcall with image    : {v_img*1000:8.1f} ms   ({v_no/v_img:.2f}x)")
        print(f"startup  mono without image  : {m_no*1000:8.1f} ms")
        print(f"startup  mono with image     : {m_img*1000:8.1f} ms")
        print(f"vcall with image vs mono with image: {m_img/v_img:.2f}x faster")
        for label, outs in (("without image", st_no), ("with image", st_img)):
            print(f"--stats {label:14}: ClassInfo time {med(outs, 'ClassInfo time (ms)'):7.2f} ms, "
                  f"class loading time {med(outs, 'Class loading time (ms)'):6.2f} ms, "
                  f"from image {med(outs, 'Classes from AOT image'):.0f}, "
                  f"computed {med(outs, 'Classes computed'):.0f}")
        ci_no, ci_img = med(st_no, "ClassInfo time (ms)"), med(st_img, "ClassInfo time (ms)")
        print(f"ClassInfo from image vs computed: {ci_no/ci_img:.2f}x faster")
        for label, (types, ms) in gen.items():
            print(f"generation {label:9}: {types} types in {ms:.0f} ms = {types/(ms/1000.0):,.0f} classes/s")
        g1, gd = gen["1 thread"][1], gen["default"][1]
        print(f"generation scaling (default vs 1 thread, {os.cpu_count()} CPUs): {g1/gd:.2f}x")
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
