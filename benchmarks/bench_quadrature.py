"""Time a certified point moment pair ``(E f, E f^2)`` by quadrature, per catalogue activation.

Each row is the mean time of one pair at ``z ~ N(a, v)`` (point balls, 128 bits by
default) by :func:`selu_proof.kernel.quadrature.moments`, with the radius reached; the
SELU closed form (generated arb code) is timed in the same run as the baseline, and each
row's ratio to it is printed.  Report the load (``uptime``) with the numbers.

    python benchmarks/bench_quadrature.py [--prec 128] [--repeat 20] [--a 0.1] [--v 1.3]
"""

from __future__ import annotations

import argparse
import time

from flint import arb, ctx

from selu_proof.generated.arb_backends import moments as closed_moments
from selu_proof.kernel.activations import CATALOGUE, parse_activation
from selu_proof.kernel.constants import constant_balls
from selu_proof.kernel.quadrature import moments


def _time(fn, repeat: int) -> float:
    fn()  # warm caches (constants at this precision)
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - t0) / repeat


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prec", type=int, default=128)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--a", default="0.1")
    ap.add_argument("--v", default="1.3")
    args = ap.parse_args()
    with ctx.workprec(args.prec):
        a, v = arb(args.a), arb(args.v)
        alpha, lam = constant_balls(args.prec)
        base = _time(lambda: closed_moments(a, v, alpha, lam), args.repeat * 10)
        print(f"prec {args.prec} bits, z ~ N({args.a}, {args.v}), mean of {args.repeat} runs")
        print(f"{'activation':<34} {'ms/pair':>8} {'ratio':>8} {'radius E f^2':>14}")
        print(f"{'selu closed form (baseline)':<34} {base * 1e3:>8.3f} {1:>8.1f}")
        for name in CATALOGUE:
            act = parse_activation(name)
            t = _time(lambda act=act: moments(act, a, v), args.repeat)
            rad = moments(act, a, v)[1].rad()
            print(f"{act.spec:<34} {t * 1e3:>8.3f} {t / base:>8.1f} {float(rad):>14.2e}")


if __name__ == "__main__":
    main()
