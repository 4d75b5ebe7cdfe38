"""Float kernel maps against the certified ones: Gauss-Hermite (degree 25, 100), Monte Carlo.

For ReLU, tanh, SiLU and GELU at ``q = 1`` and a few correlations ``c``: the certified
``C(c) = E[f(u)f(v)]/E[f(u)^2]`` (:func:`selu_proof.kernel_maps.kernel_maps`, 12 digits)
and the absolute error of three float estimates of it:

* a product Gauss-Hermite rule of degree ``n`` in float64 (numpy's ``hermgauss``; the
  construction of neural-tangents' ``ElementwiseNumerical``, which uses degree 25 in
  float32): ``u = sqrt(2q) x``, ``v = sqrt(2q) (c x + sqrt(1 - c^2) y)``;
* Monte Carlo with ``10^6`` pairs (seeded ``numpy.random.default_rng(0)``).

    python benchmarks/bench_kernel_float.py [--markdown]
"""

from __future__ import annotations

import argparse
from fractions import Fraction

import numpy as np

ACTIVATIONS = ("relu", "tanh", "silu", "gelu")
CS = (Fraction(-1, 2), Fraction(0), Fraction(1, 2), Fraction(9, 10))


def hermite(f, c: float, n: int, q: float = 1.0) -> float:
    x, w = np.polynomial.hermite.hermgauss(n)
    w = w / np.sqrt(np.pi)
    s = np.sqrt(2 * q)
    u = s * x[:, None]
    v = s * (c * x[:, None] + np.sqrt(1 - c * c) * x[None, :])
    ww = w[:, None] * w[None, :]
    num = float(np.sum(ww * f(u) * f(v)))
    den = float(np.sum(w * f(s * x) ** 2))
    return num / den


def monte_carlo(f, c: float, n: int = 10**6, q: float = 1.0) -> float:
    rng = np.random.default_rng(0)
    z = rng.standard_normal((2, n))
    u = np.sqrt(q) * z[0]
    v = np.sqrt(q) * (c * z[0] + np.sqrt(1 - c * c) * z[1])
    return float(np.mean(f(u) * f(v)) / np.mean(f(u) ** 2))


def rows() -> list[dict]:
    from selu_proof.kernel.activations import parse_activation
    from selu_proof.kernel_maps import kernel_maps
    from selu_proof.numeric.activations import float_twin

    out = []
    for name in ACTIVATIONS:
        f, _ = float_twin(parse_activation(name))
        certified = kernel_maps(name, list(CS), digits=12)["points"]
        for c, pt in zip(CS, certified, strict=True):
            exact = float((Fraction(pt["C"][0]) + Fraction(pt["C"][1])) / 2)
            out.append({"activation": name, "c": float(c), "C": pt["C"],
                        "gh25": abs(hermite(f, float(c), 25) - exact),
                        "gh100": abs(hermite(f, float(c), 100) - exact),
                        "mc": abs(monte_carlo(f, float(c)) - exact)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", action="store_true", help="print the docs table")
    args = ap.parse_args()
    table = rows()
    if args.markdown:
        print("| activation | c | certified C(c) | Gauss-Hermite 25 | Gauss-Hermite 100 "
              "| Monte Carlo 10^6 |")
        print("|---|---|---|---|---|---|")
        for r in table:
            print(f"| {r['activation']} | {r['c']:g} | [{r['C'][0]}, {r['C'][1]}] | "
                  f"{r['gh25']:.1e} | {r['gh100']:.1e} | {r['mc']:.1e} |")
        return
    for r in table:
        print(f"{r['activation']:<6} c = {r['c']:<5g} C in [{r['C'][0]}, {r['C'][1]}]  "
              f"GH25 {r['gh25']:.1e}  GH100 {r['gh100']:.1e}  MC {r['mc']:.1e}")


if __name__ == "__main__":
    main()
