"""The worst work of one checker leaf of a specification with an activation.

A certificate of a catalogue activation is replayed leaf by leaf, each leaf by certified
quadrature; the integrator evaluates each integrand at most ``eval_limit = 16 (p + 64)``
times at ``p`` bits (:func:`selu_proof.kernel.activation_claims.integrator_settings`) and
``p`` is at most 128 bits for such a certificate
(:data:`selu_proof.kernel.specs.MAX_QUADRATURE_PRECISION`).  This script prints

* per catalogue activation, the replay of a one-leaf certificate that nothing decides:
  ``S(H) < 1`` by the mean-value form on the widest box (``mu`` in ``[-10, 10]``,
  ``omega`` in ``[-1, 1]``, ``nu`` in ``[0.001, 1000]``, ``tau = 1``; it fits no cell of
  the Taylor enclosures, :mod:`selu_proof.kernel.taylor`), with its wall time,
  integrations, integrand evaluations, integrations given up and verdict;
* the same goal on a small box near the fixed point ``(0, 1)``, which the leaf decides
  (the baseline, timed in the same run), and each row's ratio to it;
* the most integrations one leaf can run: the costliest path (a face of ``S(H)``
  justified by derivative signs, then the mean-value form on it, over several cells) on an
  activation of three pieces, against the bound stated in docs/kernel.md.

Each replay starts from empty quadrature caches, in one process.  Report the load
(``uptime``) with the numbers.

    python benchmarks/bench_leaf_work.py [--prec 128] [--activations tanh,mish]
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from flint import ctx

from selu_proof.kernel import activation_claims, forms, quadrature, taylor
from selu_proof.kernel.activations import CATALOGUE
from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.claims import goals_of_claim
from selu_proof.kernel.exact import parse_decimal, record_up, upper_fraction
from selu_proof.kernel.model import model_of
from selu_proof.kernel.specs import MAX_QUADRATURE_PRECISION, parse_spec
from selu_proof.search.certificate import build_certificate, dump_certificate

#: the widest box on which the pre-activation variance's ball stays positive
WIDEST = {"mu": ["-10", "10"], "omega": ["-1", "1"], "nu": ["0.001", "1000"], "tau": ["1", "1"]}
#: a small box near the fixed point (0, 1), decided by one leaf
SMALL = {"mu": ["-0.01", "0.01"], "omega": ["-0.01", "0.01"], "nu": ["0.95", "1.05"],
         "tau": ["0.99", "1.01"]}
#: most quadratures of one leaf: the coefficients of the cells of the box and of a face
#: (at most ``taylor.MAX_PIECES`` each, ``highest_coefficient() + 1`` per cell), and the
#: value at the face's centre (13)
QUADRATURES_PER_LEAF = 2 * taylor.MAX_PIECES * (taylor.highest_coefficient() + 1) + 13
#: most pieces of a catalogue activation (gelu's three)
MAX_PIECES = 3


def one_leaf_certificate(activation: str, prec: int,
                         domain: dict[str, list[str]]) -> dict[str, Any]:
    """A certificate of ``S(H) < 1`` on ``domain`` whose tree is one mean-value leaf,
    recording the leaf's replayed bound where it is decided (else ``0``).
    """
    raw = {"name": "leaf", "parameters": {"activation": activation}, "domain": domain,
           "claim": [{"kind": "spectral_norm_below", "bound": "1"}]}
    spec = parse_spec(raw)
    (goal,) = goals_of_claim(spec, spec.claims[0])
    with ctx.workprec(prec):
        model = model_of(spec.model, prec)
        up = None if domain is WIDEST else upper_fraction(
            forms.leaf_bound(goal.key, spec.domain, "....", "mean_value", model))
        recorded = "0" if up is None else record_up(up, goal.bound)
    entry = {"label": goal.label, "expression": goal.key, "bound": goal.bound,
             "max_bound": parse_decimal(recorded),
             "tree": [["mean_value", "....", recorded]]}
    cert = build_certificate(raw, prec, model, [{"kind": spec.claims[0]["kind"],
                                                 "goals": [entry]}])
    return json.loads(dump_certificate(cert))


def replay(cert: dict[str, Any]) -> tuple[float, dict[str, int], str]:
    """Wall time, quadrature work and verdict of checking ``cert`` from empty caches."""
    activation_claims._CACHE.clear()
    taylor.forget()
    before = quadrature.work_done()
    t0 = time.perf_counter()
    verdict = check_certificate(cert)
    seconds = time.perf_counter() - t0
    after = quadrature.work_done()
    return seconds, {k: after[k] - before[k] for k in after}, verdict.message


def costliest_path(prec: int) -> int:
    """Integrations of a face leaf of ``S(H)`` by the mean-value form (gelu, 3 pieces):
    the gradient on the box (the face's justification), then the gradient on the face
    and the value at its centre, from empty caches.
    """
    raw = {"name": "leaf", "parameters": {"activation": "gelu"},
           "domain": {"mu": ["0.1", "0.3"], "omega": ["0.1", "0.3"], "nu": ["0.6", "1.4"],
                      "tau": ["1", "1.05"]},
           "claim": [{"kind": "spectral_norm_below", "bound": "1"}]}
    spec = parse_spec(raw)
    with ctx.workprec(prec):
        model = model_of(spec.model, prec)
        activation_claims._CACHE.clear()
        taylor.forget()
        before = quadrature.work_done()["integrations"]
        forms.gradient("S(H)", spec.domain, model)
        forms.mean_value("S(H)", forms.face(spec.domain, ">..."), model)
        return quadrature.work_done()["integrations"] - before


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prec", type=int, default=MAX_QUADRATURE_PRECISION)
    ap.add_argument("--activations", default=",".join(CATALOGUE),
                    help="comma-separated catalogue names (default: all)")
    args = ap.parse_args()
    limit = activation_claims.integrator_settings(args.prec)["eval_limit"]
    most = QUADRATURES_PER_LEAF * MAX_PIECES
    print(f"prec {args.prec} bits, eval_limit {limit} per integration; bound per leaf: "
          f"{most} integrations, {most * limit:,} evaluations")
    path = costliest_path(args.prec)
    print(f"integrations of the costliest leaf path (S(H), face, mean-value form, gelu): "
          f"{path} (bound {most})")
    print(f"{'activation':<12} {'box':<7} {'seconds':>8} {'ratio':>7} {'integr.':>8} "
          f"{'evals':>9} {'given up':>9}  verdict")
    for name in args.activations.split(","):
        base, work, message = replay(one_leaf_certificate(name, args.prec, SMALL))
        rows = [("small", base, work, message)]
        seconds, work, message = replay(one_leaf_certificate(name, args.prec, WIDEST))
        rows.append(("widest", seconds, work, message))
        for box, sec, w, msg in rows:
            verdict = msg if msg == "valid" else "INVALID, " + (
                "integration limit reached" if "limit of" in msg else
                "enclosure not finite" if "gives nan" in msg or "inf" in msg else
                "S(H) not below 1 there")
            print(f"{name:<12} {box:<7} {sec:>8.2f} {sec / base:>7.1f} "
                  f"{w['integrations']:>8} {w['evaluations']:>9} {w['given_up']:>9}  {verdict}")


if __name__ == "__main__":
    main()
