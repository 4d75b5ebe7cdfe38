"""Time a certified point moment pair ``(E f, E f^2)`` by quadrature, per catalogue activation.

Each row is the mean time of one pair at ``z ~ N(a, v)`` (point balls, 128 bits by
default) by :func:`selu_proof.kernel.quadrature.moments`, with the radius reached; the
SELU closed form (generated arb code) is timed in the same run as the baseline, and each
row's ratio to it is printed.  For the ten entries that had hand-written pieces before the
catalogue became formulas, the same integration over those pieces (kept as a test oracle,
``tests/former_catalogue.py``) is timed too, with the ratio formula/hand-written.  Report
the load (``uptime``) with the numbers: on a shared machine only the ratios mean something.

    python benchmarks/bench_quadrature.py [--prec 128] [--repeat 20] [--a 0.1] [--v 1.3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from flint import acb, arb, ctx

from selu_proof.generated.arb_backends import moments as closed_moments
from selu_proof.kernel.activations import CATALOGUE, Growth, parse_activation
from selu_proof.kernel.constants import constant_balls
from selu_proof.kernel.quadrature import gaussian_expectation_complex, moments

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from former_catalogue import FORMER  # noqa: E402


def _time(fn, repeat: int) -> float:
    fn()  # warm caches (constants at this precision)
    t0 = time.process_time()  # CPU time of this process: less sensitive to a shared CPU
    for _ in range(repeat):
        fn()
    return (time.process_time() - t0) / repeat


def _hand_written(name: str, params, a: arb, v: arb) -> acb:
    """The moment pair by the former pieces, as :func:`moments` integrates a formula's."""
    pieces, g, _ = FORMER[name](params)
    square = g.times(g)
    both = Growth(square.threshold, tuple(c + (g.coeffs[k] if k < len(g.coeffs) else 0)
                                          for k, c in enumerate(square.coeffs)))
    i = acb(0, 1)

    def joint(fn):
        def h(x: acb, an: bool) -> acb:
            y = fn(x, an)
            return y + i * (y * y)
        return h
    return gaussian_expectation_complex([(p.lo, p.hi, joint(p.value)) for p in pieces], both,
                                        acb(a), v)


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
        print(f"{'activation':<34} {'ms/pair':>8} {'ratio':>8} {'radius E f^2':>14} "
              f"{'hand ms':>8} {'formula/hand':>12}")
        print(f"{'selu closed form (baseline)':<34} {base * 1e3:>8.3f} {1:>8.1f}")
        for name in CATALOGUE:
            act = parse_activation(name)
            t = _time(lambda act=act: moments(act, a, v), args.repeat)
            rad = moments(act, a, v)[1].rad()
            row = f"{act.spec:<34} {t * 1e3:>8.3f} {t / base:>8.1f} {float(rad):>14.2e}"
            if name in FORMER:
                h = _time(lambda name=name, act=act: _hand_written(name, act.params, a, v),
                          args.repeat)
                row += f" {h * 1e3:>8.3f} {t / h:>12.2f}"
            print(row, flush=True)


if __name__ == "__main__":
    main()
