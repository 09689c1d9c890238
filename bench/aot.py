#!/usr/bin/env python3
"""Benchmark of `vcall --aot=metadata-only` (not a test).

usage: python3 bench/aot.py [N_CLASSES N_INTERFACES] [RUNS]     (defaults 5000 2000, 9 runs)

Generates bench/gen/gen_classes.py's program in a temporary directory with a private copy of
the corlib (so the repository stays clean), then reports medians of RUNS rounds; in each
round every configuration runs once, in turn, so load from other processes hits them alike:
  (a) startup (whole run, wall clock) of vcall without and with X.exe.so + mscorlib.dll.so,
      and of mono without and with its own `mono --aot=metadata-only X.exe` image (all on the
      same X.exe); class loading alone from `vcall --stats`:
        ClassInfo time     all time spent producing ClassInfo (decoded or computed),
        Class loading time the runtime's class creation only (ClassInfo the JIT asked for
                           earlier is not in it, so it undercounts computing);
  (b) AOT generation throughput (classes/s, from the summary line's time, which covers
      loading, computing in parallel, encoding and writing) with RAYON_NUM_THREADS=1 and
      with the default (all cores), and the scaling between the two.
      For comparison: two independent one-thread generations started together (on two
      copies of X.exe), whose time against one alone says how much of a second CPU this
      machine gives this work when nothing at all is shared.
Needs a release build of this repository (cargo build --release: target/release/vcall; set
VCALL to measure another binary) and mcs; mono is optional.
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The repository's own build, so a binary left elsewhere by another checkout is never measured.
VCALL = os.environ.get("VCALL") or os.path.join(ROOT, "target/release/vcall")


def run(cmd, env=None):
    """Runs cmd; returns (seconds, stdout + stderr)."""
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr}")
    return dt, r.stdout + r.stderr


def stat(out, name):
    m = re.search(rf"^{re.escape(name)}\s*: ([0-9.]+)", out, re.M)
    return float(m.group(1)) if m else float("nan")


def med(xs):
    return statistics.median(xs)


def main():
    if not os.path.exists(VCALL):
        sys.exit(f"no vcall at {VCALL}: run cargo build --release first (or set VCALL)")
    if not os.environ.get("VCALL"):
        newest = max(os.path.getmtime(os.path.join(d, f))
                     for sub in ("src", "metadata/src", "dispatch/src")
                     for d, _, fs in os.walk(os.path.join(ROOT, sub)) for f in fs if f.endswith(".rs"))
        if newest > os.path.getmtime(VCALL):
            print(f"note: {VCALL} is older than the sources: run cargo build --release")
    args = sys.argv[1:]
    n, m = (args[0], args[1]) if len(args) >= 2 else ("5000", "2000")
    runs = int(args[2]) if len(args) >= 3 else 9
    d = tempfile.mkdtemp(prefix="vcall-aot-bench-")
    try:
        src = subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen/gen_classes.py"), n, m],
                             stdout=subprocess.PIPE, check=True, text=True).stdout
        open(os.path.join(d, "X.cs"), "w").write(src)
        subprocess.run(["mcs", "-nowarn:108,114", "X.cs", "-out:X.exe"], cwd=d, check=True,
                       stdout=subprocess.DEVNULL)
        # In its own directory, so mono never sees it next to X.exe.
        os.mkdir(os.path.join(d, "corlib"))
        corlib = os.path.join(d, "corlib", "mscorlib.dll")
        shutil.copy(os.path.join(ROOT, "corlib/mscorlib.dll"), corlib)
        env = dict(os.environ, VCALL_CORLIB=corlib)
        env.pop("RAYON_NUM_THREADS", None)
        env1 = dict(env, RAYON_NUM_THREADS="1")
        exe = os.path.join(d, "X.exe")
        # vcall's image and mono's have the same name (X.exe.so): keep both aside and put the
        # right one in place before each run.
        so = exe + ".so"
        vcall_so, mono_so = os.path.join(d, "vcall.so"), os.path.join(d, "mono.so")
        corlib_so = corlib + ".so"
        mono = shutil.which("mono")

        def place(which):
            if os.path.exists(so):
                os.remove(so)
            if which:
                shutil.copy(which, so)

        run([VCALL, "--aot=metadata-only", corlib], env)
        run([VCALL, "--aot=metadata-only", exe], env)
        shutil.move(so, vcall_so)
        if mono:
            run([mono, "--aot=metadata-only", exe])
            shutil.move(so, mono_so)

        def vcall_plain():
            place(None)
            os.rename(corlib_so, corlib_so + ".off")
            try:
                return run([VCALL, exe], env)[0]
            finally:
                os.rename(corlib_so + ".off", corlib_so)

        def vcall_image():
            place(vcall_so)
            dt, out = run([VCALL, exe], env)
            if "warning" in out:
                sys.exit(out)
            return dt

        def vcall_stats(image):
            place(vcall_so if image else None)
            if not image:
                os.rename(corlib_so, corlib_so + ".off")
            try:
                return run([VCALL, "--stats", exe], env)[1]
            finally:
                if not image:
                    os.rename(corlib_so + ".off", corlib_so)

        def mono_run(image):
            place(mono_so if image else None)
            return run([mono, exe])[0]

        def generate(e):
            place(None)
            out = run([VCALL, "--aot=metadata-only", exe], e)[1]
            mm = re.search(r"(\d+) types, (\d+) bytes, ([\d.]+) ms \(load ([\d.]+), "
                           r"classes ([\d.]+), encode ([\d.]+), write ([\d.]+)", out)
            return (int(mm.group(1)), int(mm.group(2)), float(mm.group(3)),
                    [float(mm.group(i)) for i in range(4, 8)])

        # A second copy of X.exe in its own directory, so two generations can run at once.
        os.mkdir(os.path.join(d, "copy"))
        exe_copy = os.path.join(d, "copy", "X.exe")
        shutil.copy(exe, exe_copy)

        def generate_two_at_once():
            """Two independent one-thread generations started together: the wall time of the
            pair (the slower one's own time), what this machine's two CPUs make of twice the
            work with nothing shared, i.e. the most that two threads could reach."""
            place(None)
            procs = [subprocess.Popen([VCALL, "--aot=metadata-only", x], env=env1,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for x in (exe, exe_copy)]
            times = []
            for p in procs:
                out, err = p.communicate()
                if p.returncode != 0:
                    sys.exit(f"failed: concurrent generation\n{err}")
                times.append(float(re.search(r"bytes, ([\d.]+) ms", out + err).group(1)))
            return max(times)

        res = {k: [] for k in ["v_no", "v_img", "m_no", "m_img", "st_no", "st_img", "g1", "gd",
                               "g1x2"]}
        vcall_plain(), vcall_image()  # warm the page cache
        for _ in range(runs):
            res["v_no"].append(vcall_plain())
            res["v_img"].append(vcall_image())
            if mono:
                res["m_no"].append(mono_run(False))
                res["m_img"].append(mono_run(True))
            res["st_no"].append(vcall_stats(False))
            res["st_img"].append(vcall_stats(True))
            res["g1"].append(generate(env1))
            res["gd"].append(generate(env))
            res["g1x2"].append(generate_two_at_once())
        place(None)

        ms = lambda s: s * 1000.0
        v_no, v_img = med(res["v_no"]), med(res["v_img"])
        nan = float("nan")
        m_no = med(res["m_no"]) if mono else nan
        m_img = med(res["m_img"]) if mono else nan
        print(f"program: {n} classes, {m} interfaces; medians of {runs} rounds; "
              f"{os.cpu_count()} CPUs; vcall = {VCALL}")
        print("(a) startup, whole run")
        print(f"    vcall without image  : {ms(v_no):8.1f} ms")
        print(f"    vcall with image     : {ms(v_img):8.1f} ms   ({v_no / v_img:.2f}x)")
        print(f"    mono without image   : {ms(m_no):8.1f} ms")
        print(f"    mono with image      : {ms(m_img):8.1f} ms")
        print(f"    vcall with image vs mono with image   : {m_img / v_img:.2f}x faster")
        print(f"    vcall with image vs mono without image: {m_no / v_img:.2f}x faster")
        print("    class loading alone (vcall --stats)")
        rows = ["ClassInfo time (ms)", "Class loading time (ms)", "Classes from AOT image",
                "Classes computed"]
        st = {}
        for label, key in (("without image", "st_no"), ("with image", "st_img")):
            st[key] = {r: med([stat(o, r) for o in res[key]]) for r in rows}
            s = st[key]
            print(f"    {label:14}: ClassInfo time {s[rows[0]]:7.2f} ms, "
                  f"Class loading time {s[rows[1]]:6.2f} ms, "
                  f"from image {s[rows[2]]:.0f}, computed {s[rows[3]]:.0f}")
        ci = st["st_no"][rows[0]] / st["st_img"][rows[0]]
        print(f"    ClassInfo from the image vs computed: {ci:.2f}x faster")
        print("(b) generation (vcall --aot=metadata-only X.exe)")
        gen = {}
        for label, key in (("1 thread", "g1"), ("default", "gd")):
            types, size = res[key][0][0], res[key][0][1]
            t = med([g[2] for g in res[key]])
            best = min(g[2] for g in res[key])
            gen[key] = (t, best)
            phases = [med([g[3][i] for g in res[key]]) for i in range(4)]
            print(f"    {label:9}: {types} types, {size} bytes in {t:.1f} ms (best {best:.1f} ms) "
                  f"= {types / (t / 1000.0):,.0f} classes/s")
            print(f"               phases (medians): load {phases[0]:.1f}, classes {phases[1]:.1f}, "
                  f"encode {phases[2]:.1f}, write {phases[3]:.1f} ms")
            gen[key + "_phases"] = phases
        scaling = gen["g1"][0] / gen["gd"][0]
        # The best runs are the least disturbed by other processes on a shared machine.
        best_scaling = gen["g1"][1] / gen["gd"][1]
        # Each round runs both back to back, so a ratio per round cancels the machine's slow
        # drifts (one thread alone takes anywhere from 20 to 36 ms here from minute to minute).
        per_round = med([a[2] / b[2] for a, b in zip(res["g1"], res["gd"])])
        print(f"    scaling, default vs 1 thread: {scaling:.2f}x (median of per-round ratios "
              f"{per_round:.2f}x; best runs: {best_scaling:.2f}x)")
        print("    scaling of each phase: " + ", ".join(
            f"{name} {a / b:.2f}x" for name, a, b in
            zip(("load", "classes", "encode", "write"), gen["g1_phases"], gen["gd_phases"])))
        pair = med(res["g1x2"])
        pair_scaling = 2 * gen["g1"][0] / pair
        print(f"    for comparison, two 1-thread generations at once take {pair:.1f} ms each: "
              f"twice the work with nothing shared runs {pair_scaling:.2f}x as fast as once "
              f"(the scaling is {100 * scaling / pair_scaling:.0f}% of that)")
        print("goals")
        print(f"    class loading from the image >= 5x faster: {ci:.2f}x "
              f"{'met' if ci >= 5 else 'NOT met'}")
        if mono:
            sv = m_img / v_img
            print(f"    startup >= 2x faster than mono (with images): {sv:.2f}x "
                  f"{'met' if sv >= 2 else 'NOT met'}")
        print(f"    generation scaling >= 1.8x on 2 cores: {scaling:.2f}x (per round {per_round:.2f}x, "
              f"best runs {best_scaling:.2f}x) {'met' if scaling >= 1.8 else 'NOT met'}")
        load = os.getloadavg()[0]
        if load > 0.5:
            print(f"note: load average {load:.2f} while measuring: other processes shared the CPUs")
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
