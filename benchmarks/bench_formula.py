"""Time a certified point moment pair per catalogue entry: the formula path, and for the
ten former entries the hand-written pieces they replaced, in the same run.

Each row is the mean process time of one pair ``(E f, E f^2)`` at ``z ~ N(a, v)`` (point
balls, 128 bits by default) by :func:`selu_proof.kernel.quadrature.moments`; for the
former entries the same integration over the hand-written pieces kept as a test oracle
(``tests/former_catalogue.py``) and the ratio formula/hand-written.  Report the load
(``uptime``) with the numbers: on a shared machine only the ratios mean something.

    python benchmarks/bench_formula.py [--prec 128] [--repeat 20] [--a 0.1] [--v 1.3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from flint import acb, arb, ctx

from selu_proof.kernel.activations import CATALOGUE, Growth, parse_activation
from selu_proof.kernel.quadrature import gaussian_expectation_complex, moments

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from former_catalogue import FORMER  # noqa: E402


def _time(fn, repeat: int) -> float:
    fn()  # warm caches (constants at this precision)
    t0 = time.process_time()
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
        print(f"prec {args.prec} bits, z ~ N({args.a}, {args.v}), mean of {args.repeat} runs")
        print(f"{'activation':<16} {'formula ms':>10} {'hand ms':>9} {'ratio':>7}")
        for name in CATALOGUE:
            act = parse_activation(name)
            t = _time(lambda act=act: moments(act, a, v), args.repeat)
            row = f"{name:<16} {t * 1e3:>10.3f}"
            if name in FORMER:
                h = _time(lambda name=name, act=act: _hand_written(name, act.params, a, v),
                          args.repeat)
                row += f" {h * 1e3:>9.3f} {t / h:>7.2f}"
            print(row, flush=True)


if __name__ == "__main__":
    main()
