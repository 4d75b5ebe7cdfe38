"""Certified extrema against the one-sided proofs of the paper's statements, same run.

For every extremum claim of the shipped ``*_extrema`` specifications: boxes,
seconds and the bracket width of the two-sided search (best-first, tolerance
1e-6), next to the boxes and seconds of today's one-sided proof of the
paper's inequality for the same expression (``F < c`` with the paper's
``c``), which stops as soon as the inequality is decided.

    python benchmarks/bench_bound.py
"""

from __future__ import annotations

import time
from fractions import Fraction

from selu_proof.backends import compiled
from selu_proof.kernel.claims import extremum_key
from selu_proof.kernel.model import compiled_goal
from selu_proof.kernel.specs import DEFAULT_TOLERANCE, load_spec, shipped_specs
from selu_proof.search import prover
from selu_proof.search.extremum import bracket_of, maximise

#: the paper's one-sided statement for each (spec, goal key): the bound c of F < c
PAPER = {
    ("theorem1_extrema", "S(H)"): ("S(H) < 1", Fraction(1)),
    ("theorem1_extrema", "-mean"): ("mu~ > -0.031061", Fraction("0.031061")),
    ("theorem1_extrema", "mean"): ("mu~ < 0.06773", Fraction("0.06773")),
    ("theorem1_extrema", "-var"): ("nu~ > 0.80009", Fraction("-0.80009")),
    ("theorem1_extrema", "var"): ("nu~ < 1.48617", Fraction("1.48617")),
    ("theorem2_extrema", "var-nu"): ("nu~ - nu < 0", Fraction(0)),
    ("theorem3a_extrema", "nu-var"): ("nu~ - nu > 0", Fraction(0)),
    ("theorem3b_extrema", "nu-var"): ("nu~ - nu > 0", Fraction(0)),
    ("lemma12_extrema", "S(H)"): ("S(H) < 1", Fraction(1)),
    ("lemma12_extrema", "S(J)"): ("S(J) < 1", Fraction(1)),
}


def main() -> None:
    print(f"{'spec':<18} {'extremum':<16} {'bracket':<44} {'width':>8} {'boxes':>6} "
          f"{'s':>6} | {'one-sided claim':<17} {'boxes':>6} {'s':>6}")
    totals = [0, 0.0, 0, 0.0]
    for name, path in shipped_specs().items():
        if not name.endswith("_extrema"):
            continue
        spec = load_spec(path)
        for claim in spec.claims:
            key = extremum_key(claim["quantity"], claim["sense"])
            tol = Fraction(claim.get("tolerance", DEFAULT_TOLERANCE))
            compiled_goal(key)  # code generation is not search time: warm both sides
            compiled(f"goal:{key}", "numpy")
            t0 = time.perf_counter()
            s = maximise(key, spec.domain, spec.model, tol)
            secs = time.perf_counter() - t0
            lo, up = bracket_of(claim["sense"], s)
            label, bound = PAPER[name, key]
            t0 = time.perf_counter()
            r = prover.run_goal(key, bound, spec.domain, spec.model, 128)
            secs1 = time.perf_counter() - t0
            totals = [totals[0] + s.boxes, totals[1] + secs, totals[2] + r["boxes"],
                      totals[3] + secs1]
            bracket = f"[{float(lo):.10g}, {float(up):.10g}]"
            print(f"{name:<18} {claim['sense'] + ' ' + claim['quantity']:<16} {bracket:<44} "
                  f"{float(up - lo):8.1e} {s.boxes:6d} {secs:6.2f} | {label:<17} "
                  f"{r['boxes']:6d} {secs1:6.2f}")
    print(f"{'total':<18} {'':<16} {'':<44} {'':>8} {totals[0]:6d} {totals[1]:6.2f} | "
          f"{'':<17} {totals[2]:6d} {totals[3]:6.2f}")


if __name__ == "__main__":
    main()
