"""Deep-network simulation against the floor: its matrix products alone, in the same run.

    python benchmarks/bench_simulate.py                     # depth 150 x 2048 x 1024, 3 repeats
    python benchmarks/bench_simulate.py --depth 1000 --repeats 1 --only products,pipelined
    python benchmarks/bench_simulate.py --depth 40 --repeats 1   # a quick look

Each measurement runs in its own subprocess (so that its peak memory is its
own), alternating between the configurations so that load from other
processes spreads over all of them; the medians are printed.

Configurations
--------------
products     the floor: ``depth`` float32 products ``(batch, width) @ (width, width)``
             of fixed arrays, nothing else, with the BLAS library's own threads.
pipelined    ``simulate(..., prefetch=True)`` (the default): row blocks on every core,
             one phase at a time (products; then activation, statistics and the next
             layer's weights), BLAS held to one thread per block.
serial       ``simulate(..., prefetch=False)``: the same blocks one after the other in
             one thread (products included: BLAS is held to one thread).
breakdown    the serial loop written out, timing each phase (draw, weight statistics,
             product, activation, moment statistics): wall time, and the CPU time of
             the calling thread.  BLAS is held to one thread here (its idle threads
             would otherwise spin on the other core and slow every other phase), so
             ``product`` is the single-threaded product.
keep-all     (``--keep-all``) a naive loop that keeps every layer's activations, to
             show the memory a plot-afterwards script needs.

Imports made on first use (about 0.3 s) are done by a tiny warm-up call before
the timed one, as the products' timing leaves out importing numpy.
``ratio`` is the configuration's median time over the products' median time;
``maxrss`` the process's peak resident set (interpreter and libraries included).

The ``limit`` line is the ratio no schedule can beat on this machine, measured in
the same run: the CPU seconds of the products (all BLAS threads, from the products
configuration) plus the CPU seconds of everything else (draw, weight statistics,
activation, moment statistics, from the breakdown), over the number of cores times
the products' wall time, i.e. the ratio if every core were busy all the time
with no work lost to threading.  ``pipelined/limit`` is how far the schedule is from it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time


def _worker(cfg: dict) -> dict:
    import numpy as np

    from selu_proof.numeric import moment_statistics, selu, simulate

    d, n, b = cfg["depth"], cfg["width"], cfg["batch"]
    rng = np.random.default_rng(0)
    if cfg["name"] == "products":
        x = rng.standard_normal((b, n), dtype=np.float32)
        w = rng.standard_normal((n, n), dtype=np.float32)
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(d):
            z = x @ w
        cpu = time.process_time() - c0  # before the BLAS threads spin idle after the loop
        del z
    elif cfg["name"] == "keep-all":
        t0 = time.perf_counter()
        xs = [rng.standard_normal((b, n), dtype=np.float32)]
        for _ in range(d):
            w = rng.standard_normal((n, n), dtype=np.float32)
            w /= np.sqrt(n)
            xs.append(selu(xs[-1] @ w))
        [moment_statistics(x) for x in xs]
    elif cfg["name"] == "breakdown":
        import threadpoolctl

        from selu_proof.numeric.activations import get_activation
        from selu_proof.numeric.initializers import initialize
        from selu_proof.numeric.network import _activate, _mean_weight_statistics, layer_rngs

        act, streams = get_activation("selu"), layer_rngs(rng, d)
        phases = dict.fromkeys(("draw", "weight stats", "product", "activation",
                                "moment stats"), 0.0)
        cpus = dict.fromkeys(phases, 0.0)
        marks: list[float] = []
        cmarks: list[float] = []

        def mark() -> None:
            marks.append(time.perf_counter())
            cmarks.append(time.thread_time())

        x = streams.input.standard_normal((b, n), dtype=np.float32)
        # BLAS on one thread: its idle threads would spin next to the other phases
        limit = threadpoolctl.threadpool_limits(limits=1, user_api="blas")
        t0 = time.perf_counter()
        for layer in range(d):
            marks.clear()
            cmarks.clear()
            mark()
            w = initialize("lecun", n, n, streams.weights[layer], dtype=np.float32).weights
            mark()
            _mean_weight_statistics(w)
            mark()
            z = x @ w
            mark()
            x = _activate(act, z)
            mark()
            moment_statistics(x)
            mark()
            for key, t_a, t_b, c_a, c_b in zip(phases, marks, marks[1:], cmarks, cmarks[1:]):
                phases[key] += t_b - t_a
                cpus[key] += c_b - c_a
        limit.restore_original_limits()
    else:
        prefetch = cfg["name"] == "pipelined"
        simulate(1, 8, 8, rng=rng, certify=False, prefetch=prefetch)  # first-use imports
        t0 = time.perf_counter()
        simulate(d, n, b, rng=rng, certify=False, prefetch=prefetch)
    seconds = time.perf_counter() - t0
    out = {"seconds": seconds,
           "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if cfg["name"] == "breakdown":
        out.update(phases=phases, cpu_phases=cpus)
    if cfg["name"] == "products":
        out["cpu_seconds"] = cpu
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--depth", type=int, default=150)
    p.add_argument("--width", type=int, default=2048)
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--only", default=None,
                   help="comma-separated configurations "
                        "(default: products,pipelined,serial,breakdown)")
    p.add_argument("--keep-all", action="store_true", help="also time the keep-all loop")
    p.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        print(json.dumps(_worker(json.loads(args.worker))))
        return
    names = args.only.split(",") if args.only else \
        ["products", "pipelined", "serial", "breakdown"] + \
        (["keep-all"] if args.keep_all else [])
    if "products" not in names:
        names.insert(0, "products")
    runs: dict[str, list[dict]] = {name: [] for name in names}
    for _ in range(args.repeats):
        for name in names:
            cfg = {"name": name, "depth": args.depth, "width": args.width, "batch": args.batch}
            out = subprocess.run([sys.executable, __file__, "--worker", json.dumps(cfg)],
                                 check=True, capture_output=True, text=True)
            runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    floor = statistics.median(r["seconds"] for r in runs["products"])
    phases = runs.get("breakdown", [{}])[-1].get("phases")
    cpu_phases = runs.get("breakdown", [{}])[-1].get("cpu_phases")
    print(f"depth {args.depth}, width {args.width}, batch {args.batch}, float32; median of "
          f"{args.repeats}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'config':<10} {'seconds':>9} {'ms/layer':>9} {'ratio':>7} {'maxrss MiB':>11}")
    for name in names:
        sec = statistics.median(r["seconds"] for r in runs[name])
        rss = max(r["maxrss_mib"] for r in runs[name])
        print(f"{name:<10} {sec:>9.2f} {1000 * sec / args.depth:>9.1f} {sec / floor:>7.2f} "
              f"{rss:>11.0f}", flush=True)
    if phases:
        print("breakdown of the serial loop (one thread), ms/layer: " + ", ".join(
            f"{k} {1000 * v / args.depth:.1f}" for k, v in phases.items()))
    if cpu_phases:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
            os.cpu_count() or 1
        ms = 1000 / args.depth
        cpu_products = statistics.median(r["cpu_seconds"] for r in runs["products"])
        cpu_rest = sum(v for k, v in cpu_phases.items() if k != "product")
        limit = (cpu_products + cpu_rest) / (cores * floor)
        print(f"limit: products {ms * floor:.1f} ms/layer wall, {ms * cpu_products:.1f} CPU; "
              f"the rest {ms * cpu_rest:.1f} CPU; over {cores} cores -> limit ratio "
              f"{limit:.2f}")
        if cpu_products < 0.9 * cores * floor:
            print(f"  (the products kept only {cpu_products / floor:.1f} of {cores} cores busy: "
                  "other processes took the rest, so this limit is not what a quiet "
                  "machine allows)")
        if "pipelined" in runs:
            piped = statistics.median(r["seconds"] for r in runs["pipelined"])
            print(f"pipelined {ms * piped:.1f} ms/layer, ratio {piped / floor:.2f}, "
                  f"limit ratio {limit:.2f}, pipelined/limit {piped / floor / limit:.2f}")


if __name__ == "__main__":
    main()
