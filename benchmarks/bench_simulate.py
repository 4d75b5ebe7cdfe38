"""Wall time and peak memory of a deep-network simulation, side by side with baselines.

    python benchmarks/bench_simulate.py                  # depth 1000 x width 2048 x batch 1024
    python benchmarks/bench_simulate.py --depth 50       # quick look

Each configuration runs in its own subprocess so that its peak memory is its own:
``maxrss`` is the process's peak resident set (interpreter and libraries included,
~150 MB), ``traced`` the peak of Python/numpy allocations seen by tracemalloc.

Configurations
--------------
float32      the library default: float32 activations and weights, one layer in memory.
float32-pre  same with the next layer's weights drawn in a background thread.
float64      float64 throughout (no prefetch).
keep-all     naive loop that keeps every layer's activations (float32), the way
             one would write it to plot afterwards; run at ``--baseline-depth``.

Baselines run at ``--baseline-depth`` (default 100) layers; the table also shows
time per layer so the columns compare.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc


def _worker(cfg: dict) -> dict:
    import numpy as np

    from selu_proof.numeric import moment_statistics, selu, simulate

    tracemalloc.start()
    t0 = time.perf_counter()
    if cfg["name"] == "keep-all":
        rng = np.random.default_rng(0)
        xs = [rng.standard_normal((cfg["batch"], cfg["width"]), dtype=np.float32)]
        for _ in range(cfg["depth"]):
            w = rng.standard_normal((cfg["width"], cfg["width"]), dtype=np.float32)
            w /= np.sqrt(cfg["width"])
            xs.append(selu(xs[-1] @ w))
        stats = [moment_statistics(x) for x in xs]
        final = stats[-1][:2]
    else:
        res = simulate(cfg["depth"], cfg["width"], cfg["batch"], rng=np.random.default_rng(0),
                       dtype=cfg["dtype"], prefetch=cfg["prefetch"], certify=False)
        final = (res.layers[-1].mean, res.layers[-1].var)
    seconds = time.perf_counter() - t0
    _, traced = tracemalloc.get_traced_memory()
    maxrss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "traced_mib": traced / 2**20, "maxrss_mib": maxrss_kib / 1024,
            "final_mean": float(final[0]), "final_var": float(final[1])}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--depth", type=int, default=1000)
    p.add_argument("--width", type=int, default=2048)
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--baseline-depth", type=int, default=100)
    p.add_argument("--only", default=None, help="comma-separated configuration names")
    p.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        print(json.dumps(_worker(json.loads(args.worker))))
        return
    configs = [
        {"name": "float32", "dtype": "float32", "prefetch": False, "depth": args.depth},
        {"name": "float32-pre", "dtype": "float32", "prefetch": True,
         "depth": args.baseline_depth},
        {"name": "float64", "dtype": "float64", "prefetch": False, "depth": args.baseline_depth},
        {"name": "keep-all", "dtype": "float32", "prefetch": False,
         "depth": args.baseline_depth},
    ]
    if args.only:
        keep = set(args.only.split(","))
        configs = [c for c in configs if c["name"] in keep]
    print(f"width {args.width}, batch {args.batch}")
    print(f"{'config':<12} {'depth':>6} {'seconds':>9} {'ms/layer':>9} {'maxrss MiB':>11} "
          f"{'traced MiB':>11} {'final mean':>11} {'final var':>10}")
    for cfg in configs:
        cfg.update(width=args.width, batch=args.batch)
        out = subprocess.run([sys.executable, __file__, "--worker", json.dumps(cfg)],
                             check=True, capture_output=True, text=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{cfg['name']:<12} {cfg['depth']:>6} {r['seconds']:>9.1f} "
              f"{1000 * r['seconds'] / cfg['depth']:>9.1f} {r['maxrss_mib']:>11.0f} "
              f"{r['traced_mib']:>11.0f} {r['final_mean']:>11.5f} {r['final_var']:>10.5f}",
              flush=True)


if __name__ == "__main__":
    main()
