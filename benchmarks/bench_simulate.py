"""Deep-network simulation against the floor: its matrix products alone, in the same run.

    python benchmarks/bench_simulate.py                     # depth 150 x 2048 x 1024, 3 repeats
    python benchmarks/bench_simulate.py --depth 1000 --repeats 1 --only products,serial
    python benchmarks/bench_simulate.py --only products,serial,breakdown

Each measurement runs in its own subprocess (so that its peak memory is its
own), alternating between the configurations so that load from other
processes spreads over all of them; the medians are printed.

Configurations
--------------
products     the floor: ``depth`` float32 products ``(batch, width) @ (width, width)``
             of fixed arrays, nothing else.
pipelined    ``simulate(..., prefetch=True)`` (the default): the next layer's weights
             and the previous layer's statistics are computed in background threads
             while the current product runs.
serial       ``simulate(..., prefetch=False)``: draw, product, activation, statistics
             one after the other.
breakdown    the serial loop written out, timing each phase (draw, weight statistics,
             product, activation, moment statistics).
keep-all     (``--keep-all``) a naive loop that keeps every layer's activations, to
             show the memory a plot-afterwards script needs.

``ratio`` is the configuration's median time over the products' median time;
``maxrss`` the process's peak resident set (interpreter and libraries included).
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
        t0 = time.perf_counter()
        for _ in range(d):
            z = x @ w
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
        from selu_proof.numeric.activations import get_activation
        from selu_proof.numeric.initializers import initialize
        from selu_proof.numeric.network import _activate, _mean_weight_statistics, layer_rngs

        act, streams = get_activation("selu"), layer_rngs(rng, d)
        phases = dict.fromkeys(("draw", "weight stats", "product", "activation",
                                "moment stats"), 0.0)
        x = streams.input.standard_normal((b, n), dtype=np.float32)
        t0 = time.perf_counter()
        for layer in range(d):
            marks = [time.perf_counter()]
            w = initialize("lecun", n, n, streams.weights[layer], dtype=np.float32).weights
            marks.append(time.perf_counter())
            _mean_weight_statistics(w)
            marks.append(time.perf_counter())
            z = x @ w
            marks.append(time.perf_counter())
            x = _activate(act, z)
            marks.append(time.perf_counter())
            moment_statistics(x)
            marks.append(time.perf_counter())
            for key, t_a, t_b in zip(phases, marks, marks[1:]):
                phases[key] += t_b - t_a
    else:
        t0 = time.perf_counter()
        simulate(d, n, b, rng=rng, certify=False, prefetch=cfg["name"] == "pipelined")
    seconds = time.perf_counter() - t0
    if cfg["name"] == "breakdown":
        return {"seconds": seconds, "phases": phases,
                "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    return {"seconds": seconds,
            "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--depth", type=int, default=150)
    p.add_argument("--width", type=int, default=2048)
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--only", default=None,
                   help="comma-separated configurations (default: products,pipelined,serial)")
    p.add_argument("--keep-all", action="store_true", help="also time the keep-all loop")
    p.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        print(json.dumps(_worker(json.loads(args.worker))))
        return
    names = args.only.split(",") if args.only else \
        ["products", "pipelined", "serial"] + (["keep-all"] if args.keep_all else [])
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
    print(f"depth {args.depth}, width {args.width}, batch {args.batch}, float32; median of "
          f"{args.repeats}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'config':<10} {'seconds':>9} {'ms/layer':>9} {'ratio':>7} {'maxrss MiB':>11}")
    for name in names:
        sec = statistics.median(r["seconds"] for r in runs[name])
        rss = max(r["maxrss_mib"] for r in runs[name])
        print(f"{name:<10} {sec:>9.2f} {1000 * sec / args.depth:>9.1f} {sec / floor:>7.2f} "
              f"{rss:>11.0f}", flush=True)
    if phases:
        print("breakdown of the serial loop, ms/layer: " + ", ".join(
            f"{k} {1000 * v / args.depth:.1f}" for k, v in phases.items()))


if __name__ == "__main__":
    main()
