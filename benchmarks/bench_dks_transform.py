"""The dks package's float DKS/TAT transformations against the certified ones, same run.

For each setting: dks's parameters (``activation_transform._get_activations_params`` with
a plain chain's ``subnet_max_func``), the certified enclosures (:func:`selu_proof.transform.
transform`, 12 digits), the largest distance of a dks parameter from the certified value
(its error), and the seconds of each.  Then one Gaussian expectation: dks's
``_estimate_gaussian_mean`` (100,000-node Gauss-Legendre on [-10, 10]) of ``tanh(z)^2``
against the certified moment pair ``(E tanh z, E tanh^2 z)`` at 64 bits.

Needs the ``compare`` extra (``pip install 'selu-proof[compare]'``).

    python benchmarks/bench_dks_transform.py [--markdown]
"""

from __future__ import annotations

import argparse
import logging
import time
import warnings
from fractions import Fraction

CASES = [  # (catalogue name, dks name, method, dks keyword arguments)
    ("tanh", "tanh", "dks", {"dks_params": {"c_slope_1_target": 1.5}}),
    ("softplus", "softplus", "dks", {"dks_params": {"c_slope_1_target": 1.5}}),
    ("gelu", "gelu_exact", "dks", {"dks_params": {"c_slope_1_target": 1.5}}),
    ("relu", "relu", "dks", {"dks_params": {"c_slope_1_target": 1.5}}),
    ("leaky_relu", "leaky_relu", "tat", {"tat_params": {"c_val_0_target": 0.9}}),
    ("softplus", "softplus", "tat", {"tat_params": {"c_curve_target": 0.3}}),
    ("tanh", "tanh", "tat", {"tat_params": {"c_curve_target": 0.3}}),
]
DEPTHS = (20, 100)


def compare(name: str, dks_name: str, method: str, kw: dict, depth: int) -> dict:
    from dks.base import activation_transform

    from selu_proof.transform import subnet_max_func, transform

    t0 = time.perf_counter()
    theirs = activation_transform._get_activations_params(
        [dks_name], method=method.upper(), subnet_max_func=subnet_max_func(depth), **kw)[dks_name]
    t1 = time.perf_counter()
    ours = transform(name, method, depth=depth, digits=12).as_dict(12)["parameters"]
    t2 = time.perf_counter()
    worst, worst_key = 0.0, ""
    for key, value in theirs.items():
        x = abs(float(value)) if key == "input_scale" else float(value)
        lo, hi = (Fraction(t) for t in ours[key])
        err = float(max(lo - Fraction(x), Fraction(x) - hi, Fraction(0)))
        if err >= worst:
            worst, worst_key = err, key
    return {"setting": f"{method.upper()} {name}, L = {depth}", "error": worst,
            "parameter": worst_key, "dks_s": t1 - t0, "certified_s": t2 - t1}


def expectation_timing(repeat: int = 5) -> dict:
    import numpy as np
    from dks.base import activation_transform
    from flint import arb, ctx

    from selu_proof.kernel.activations import parse_activation
    from selu_proof.kernel.quadrature import moments

    activation_transform._estimate_gaussian_mean(lambda x: np.tanh(x) ** 2)  # load the roots
    t0 = time.perf_counter()
    for _ in range(repeat):
        flt = activation_transform._estimate_gaussian_mean(lambda x: np.tanh(x) ** 2)
    t1 = time.perf_counter()
    act = parse_activation("tanh")
    with ctx.workprec(64):
        for _ in range(repeat):
            _, m2 = moments(act, arb(0), arb(1))
    t2 = time.perf_counter()
    return {"dks_ms": 1000 * (t1 - t0) / repeat, "certified_ms": 1000 * (t2 - t1) / repeat,
            "dks_error": abs(float(flt) - float(m2.mid())), "certified_radius": float(m2.rad())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", action="store_true", help="print the docs table")
    args = ap.parse_args()
    logging.getLogger("absl").setLevel(logging.ERROR)
    warnings.simplefilter("ignore")
    rows = [compare(*case, depth) for case in CASES for depth in DEPTHS]
    e = expectation_timing()
    if args.markdown:
        print("| setting | dks's largest error | in | dks (s) | certified (s) |")
        print("|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['setting']} | {r['error']:.1e} | `{r['parameter']}` | "
                  f"{r['dks_s']:.2f} | {r['certified_s']:.2f} |")
    else:
        for r in rows:
            print(f"{r['setting']:<28} dks error {r['error']:.1e} ({r['parameter']}), "
                  f"dks {r['dks_s']:.2f} s, certified {r['certified_s']:.2f} s")
    print(f"E tanh(z)^2: dks float {e['dks_ms']:.2f} ms (error {e['dks_error']:.1e}), "
          f"certified pair (E tanh z, E tanh^2 z) at 64 bits {e['certified_ms']:.2f} ms "
          f"(radius {e['certified_radius']:.1e})")


if __name__ == "__main__":
    main()
