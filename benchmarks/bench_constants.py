"""Time certified digits of alpha_01, lambda_01 against a plain mpmath evaluation.

The certified path (arb ball of the closed form, rounded only where the whole
ball agrees) is printed side by side with mpmath evaluating the same closed
forms at the same number of digits (uncertified) as the baseline.

    python benchmarks/bench_constants.py [--digits 100 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import time

import mpmath
import sympy as sp

from selu_proof.derive import symbolic as sym
from selu_proof.kernel.constants import constant_digits


def mpmath_baseline(digits: int) -> str:
    with mpmath.workdps(digits + 10):
        f = sp.lambdify([], sym.alpha01(), "mpmath")
        return mpmath.nstr(f(), digits)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--digits", type=int, nargs="+", default=[100, 1000, 10000, 100000])
    args = ap.parse_args()
    print(f"{'digits':>8} {'certified s':>12} {'mpmath s':>10}  agree")
    for n in args.digits:
        t0 = time.perf_counter()
        cert = constant_digits(n)["alpha"]
        t1 = time.perf_counter()
        base = mpmath_baseline(n)
        t2 = time.perf_counter()
        agree = cert[:-2] == base[: len(cert) - 2]
        print(f"{n:>8} {t1 - t0:>12.3f} {t2 - t1:>10.3f}  {agree}")


if __name__ == "__main__":
    main()
