"""Theorem 1's claims by certified quadrature against the SELU closed forms, same run.

The fair ratio: SELU by quadrature (``activation = "selu"``) against SELU by its closed
forms, the same claims (``S(H) < 1`` and ``maps_into``) on the same Theorem-1-proportioned
domains (scale ``s``, ``selu_proof.search.design_proof.designed_domain``): boxes and
seconds of the proof, seconds of the check.  Then a Theorem-1 analogue for catalogue
activations (affine-normalized) at a scale where it is proved, prove + check on one core.

    python benchmarks/bench_activation_prove.py
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from selu_proof.kernel import activation_claims, taylor
from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.model import model_of
from selu_proof.kernel.specs import parse_spec
from selu_proof.search.design_proof import designed_domain
from selu_proof.search.prover import prove_spec

CLAIMS = [{"kind": "spectral_norm_below", "bound": "1"}, {"kind": "maps_into"}]
PRECISION = 64


def _spec(name: str, params: dict[str, str], scale: Fraction):
    return parse_spec({"name": name, "parameters": params, "claim": CLAIMS,
                       "domain": designed_domain(Fraction(0), Fraction(1), Fraction(0),
                                                 Fraction(1), scale)})


def _cold() -> None:
    """Forget every remembered quadrature, so that each run and each check starts cold (as
    ``selu-proof prove`` and ``selu-proof check`` do in a fresh process).
    """
    activation_claims._CACHE.clear()
    activation_claims.activation_model.cache_clear()
    model_of.cache_clear()
    taylor.forget()


def run(name: str, params: dict[str, str], scale: Fraction) -> dict:
    """Prove then check, each from a cold cache; boxes, seconds and status."""
    with tempfile.TemporaryDirectory() as tmp:
        _cold()
        t0 = time.monotonic()
        results = prove_spec(_spec(name, params, scale), out_dir=tmp, precision=PRECISION,
                             max_seconds=300)
        t1 = time.monotonic()
        cert = Path(tmp, f"{name}.cert.json")
        _cold()
        t1 = time.monotonic()
        valid = cert.exists() and check_certificate(json.loads(cert.read_text())).valid
        t2 = time.monotonic()
    return {"status": "/".join(r.status for r in results), "boxes": sum(r.boxes for r in results),
            "prove_s": t1 - t0, "check_s": t2 - t1, "valid": valid}


def main() -> None:
    print(f"load average at start: {os.getloadavg()}")
    print(f"{'scale':>6} | {'SELU closed form':<30} | {'SELU by quadrature':<30} | ratio (s)")
    for scale in (Fraction(1, 16), Fraction(3, 16), Fraction(7, 16)):
        c = run("closed", {"alpha": "alpha01", "lambda": "lambda01"}, scale)
        q = run("quad", {"activation": "selu"}, scale)
        cs, qs = c["prove_s"] + c["check_s"], q["prove_s"] + q["check_s"]
        print(f"{float(scale):>6.4f} | {c['status']:<13} {c['boxes']:>5} bx {cs:6.2f} s | "
              f"{q['status']:<13} {q['boxes']:>5} bx {qs:6.2f} s | {qs / cs:6.1f}x")
    print("\nTheorem-1 analogue, affine-normalized catalogue activations (prove + check):")
    for act, scale in (("elu:alpha=2", Fraction(7, 16)), ("tanh", Fraction(3, 16)),
                       ("selu", Fraction(7, 16))):
        r = run("analogue", {"activation": act, "normalize": "affine"}, scale)
        print(f"{act:<14} scale {float(scale):.4f}: {r['status']:<15} {r['boxes']:>5} boxes, "
              f"prove {r['prove_s']:.2f} s, check {r['check_s']:.2f} s, valid={r['valid']}")
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
