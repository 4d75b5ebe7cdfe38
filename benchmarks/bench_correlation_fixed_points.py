"""Certify every correlation fixed point of every catalogue activation, in both conventions.

For each catalogue activation, plain and affine-normalized, at pre-activations ``N(0, 1)``:
the branch and bound of :mod:`selu_proof.meanfield.correlation` in the centred and the
i.i.d. convention (the second reuses the first's integrals, the same pre-activations),
with the boxes examined, the certified integrals, the wall time, whether the list is
complete, the fixed points that are not exact identities and the undecided intervals.
Timings depend on the load: report ``uptime`` with them.

    python benchmarks/bench_correlation_fixed_points.py [--digits 10] [--max-boxes 200]
"""

from __future__ import annotations

import argparse
import time

from flint import arb, ctx

from selu_proof.kernel.activations import CATALOGUE, parse_activation
from selu_proof.meanfield.activation import HOMOGENEOUS, correlation_fixed_points
from selu_proof.meanfield.correlation import parity_options
from selu_proof.meanfield.report import scaled_activation


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--digits", type=int, default=10)
    ap.add_argument("--max-boxes", type=int, default=200)
    args = ap.parse_args()
    print(f"{'activation':<12} {'normalize':<9} {'convention':<10} {'boxes':>5} "
          f"{'integrals':>9} {'seconds':>8}  complete  other fixed points / undecided")
    for normalize in (None, "affine"):
        for name in CATALOGUE:
            with ctx.workprec(int(args.digits * 3.33) + 40):
                sc, _ = scaled_activation(parse_activation(name), normalize, args.digits)
                shared: dict = {}
                for centred in (True, False):
                    t0 = time.perf_counter()
                    r = correlation_fixed_points(
                        sc, arb(0), arb(1), centred, args.digits, max_boxes=args.max_boxes,
                        zero_mean=normalize is not None or sc.act.zero_mean,
                        **parity_options(sc.act, normalize == "affine"),
                        homogeneous=normalize is None and name in HOMOGENEOUS, cache=shared)
                    dt = time.perf_counter() - t0
                    other = [p["c"] for p in r["fixed_points"] if p["status"] != "exact"]
                    open_ = [u["c"] for u in r["undecided"]]
                    print(f"{name:<12} {normalize or 'none':<9} "
                          f"{'centred' if centred else 'iid':<10} {r['boxes']:>5} "
                          f"{r['evaluations']:>9} {dt:>8.1f}  {str(r['complete']):<8}  "
                          f"{other} {open_ or ''}", flush=True)


if __name__ == "__main__":
    main()
