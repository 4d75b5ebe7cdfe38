"""Prove every shipped specification from scratch and check it; print counts and times.

For each claim: boxes, evaluations, wall seconds to prove, seconds to check
the certificate, and the ratio of boxes to the paper's ~3e9-point grid.
Baseline in the same run: the same branch and bound restricted to the
natural ball enclosure (no monotone faces, no mean-value form), with a box
budget, to show what the evaluation forms buy.

    python benchmarks/bench_prove.py [--baseline-boxes N] [--workers N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

from selu_proof.kernel import forms
from selu_proof.kernel.checker import check_file
from selu_proof.kernel.claims import goals_of_claim
from selu_proof.kernel.exact import upper_fraction
from selu_proof.kernel.model import model_of
from selu_proof.kernel.specs import load_spec, shipped_specs
from selu_proof.search import prover

PAPER_GRID = 3e9


def natural_only(key, bound, box, params, domain):
    """Baseline decision: natural enclosure, else bisect the widest (relative) variable."""
    nat = forms.natural(key, box, params)
    if nat.is_finite() and upper_fraction(nat) < bound:
        return prover.Decision("leaf", ["natural", "....", "0"], bound=bound, evaluations=1)
    widths = [(hi - lo) / (d[1] - d[0]) for (lo, hi), d in zip(box, domain)]
    return prover.Decision("split", dim=max(range(4), key=widths.__getitem__), evaluations=1)


def baseline(spec, budget: int) -> tuple[str, int]:
    params = model_of(spec.model, 128)
    statuses, boxes = [], 0
    for claim in spec.claims:
        if claim["kind"] == "extremum":  # a bracket: bench_bound.py compares those
            statuses.append("n/a")
            continue
        for goal in goals_of_claim(spec, claim):
            stack, n = [spec.domain], 0
            while stack and n < budget:
                b = stack.pop()
                n += 1
                d = natural_only(goal.key, goal.bound, b, params, spec.domain)
                if d.kind == "split":
                    stack.extend(forms.split(b, d.dim)[::-1])
            boxes += n
            statuses.append("proved" if not stack else "unknown")
    if all(s == "n/a" for s in statuses):
        return "n/a", boxes
    return ("proved" if all(s in ("proved", "n/a") for s in statuses) else "unknown"), boxes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline-boxes", type=int, default=20000,
                    help="box budget per goal for the natural-only baseline")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    ex = ProcessPoolExecutor(args.workers) if args.workers > 1 else None
    rows = []
    total_prove = total_check = 0.0
    with tempfile.TemporaryDirectory() as out:
        for name, path in shipped_specs().items():
            spec = load_spec(path)
            t0 = time.perf_counter()
            results = prover.prove_spec(spec, out_dir=out, executor=ex)
            t_prove = time.perf_counter() - t0
            t0 = time.perf_counter()
            chk = check_file(f"{out}/{name}.cert.json")
            t_check = time.perf_counter() - t0
            total_prove += t_prove
            total_check += t_check
            t0 = time.perf_counter()
            b_status, b_boxes = baseline(spec, args.baseline_boxes)
            t_base = time.perf_counter() - t0
            for r in results:
                rows.append((name, r.claim + ("(J)" if "S(J)" in str(r.goals) else ""),
                             r.status, r.boxes, r.evaluations, r.seconds,
                             t_check * r.boxes / sum(x.boxes for x in results),
                             r.boxes / PAPER_GRID))
            rows.append((name, "  natural-only baseline", b_status, b_boxes, b_boxes, t_base,
                         float("nan"), b_boxes / PAPER_GRID))
            assert chk.valid, chk.message
    head = ("spec", "claim", "status", "boxes", "evals", "prove s", "check s", "boxes/3e9")
    print("{:<10} {:<26} {:<8} {:>8} {:>8} {:>8} {:>8} {:>10}".format(*head))
    for r in rows:
        print("{:<10} {:<26} {:<8} {:>8} {:>8} {:>8.2f} {:>8.2f} {:>10.2e}".format(*r))
    print(f"total prove {total_prove:.1f} s, total check {total_check:.1f} s "
          f"(workers={args.workers})")
    if ex:
        ex.shutdown()


if __name__ == "__main__":
    main()
