"""Theorem 1 by certified quadrature against the SELU closed forms, on one core, one run.

Proves and checks Theorem 1's two claims (``S(H) < 1`` and ``maps_into``) for SELU by its
closed forms (``alpha = "alpha01"``, ``lambda = "lambda01"``) and by quadrature
(``activation = "selu"``), on Theorem 1's own domain (scale 1: the shipped ``theorem1`` and
``theorem1_quadrature``) and on the scale-7/16 domain of Theorem 1's proportions
(``selu_proof.search.design_proof.designed_domain``).  The process is pinned to one core;
the runs alternate closed form and quadrature, so that each ratio is between timings taken
under the same load.

* in one process (default): each proof and each check from cold caches (the proof includes
  the prover's own replay of the certificate, as ``selu-proof prove`` does);
* ``--processes``: ``selu-proof prove`` and ``selu-proof check`` as whole processes
  (interpreter start-up included), as a user runs them.

Prints the median and the fastest of ``--runs`` runs, boxes and leaves, and the ratio
quadrature / closed form of the medians of prove + check.

    python benchmarks/bench_theorem1_quadrature.py [--runs 5] [--precision 128] [--processes]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from selu_proof.kernel import activation_claims, arb_runtime, taylor
from selu_proof.kernel.checker import check_certificate
from selu_proof.kernel.model import model_of
from selu_proof.kernel.specs import load_spec, parse_spec, shipped_specs
from selu_proof.search.design_proof import designed_domain
from selu_proof.search.prover import prove_spec

CLOSED = {"alpha": "alpha01", "lambda": "lambda01"}
QUADRATURE = {"activation": "selu"}
CLAIMS = [{"kind": "spectral_norm_below", "bound": "1"}, {"kind": "maps_into"}]


def one_core() -> int:
    """Pin this process (and the processes it starts) to one core; that core."""
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def specs(scale: Fraction) -> dict[str, Path | dict]:
    """The closed-form and the quadrature specification at ``scale`` (files at scale 1)."""
    if scale == 1:
        return {"closed form": shipped_specs()["theorem1"],
                "quadrature": shipped_specs()["theorem1_quadrature"]}
    domain = designed_domain(Fraction(0), Fraction(1), Fraction(0), Fraction(1), scale)
    return {kind: {"name": "t1_" + kind.split()[0], "parameters": params, "claim": CLAIMS,
                   "domain": domain}
            for kind, params in (("closed form", CLOSED), ("quadrature", QUADRATURE))}


def cold() -> None:
    """Forget every remembered enclosure, as a fresh process starts."""
    activation_claims._CACHE.clear()
    activation_claims.activation_model.cache_clear()
    model_of.cache_clear()
    arb_runtime._MEMO.clear()
    taylor.forget()


def in_process(spec: Path | dict, out: Path) -> dict:
    """Prove, then check from cold caches: seconds, boxes, leaves."""
    parsed = load_spec(spec) if isinstance(spec, Path) else parse_spec(spec)
    cold()
    t0 = time.perf_counter()
    results = prove_spec(parsed, out_dir=out, precision=ARGS.precision)
    t1 = time.perf_counter()
    cert = json.loads((out / f"{parsed.name}.cert.json").read_text())
    cold()
    t2 = time.perf_counter()
    verdict = check_certificate(cert)
    t3 = time.perf_counter()
    assert all(r.status == "proved" for r in results) and verdict.valid, verdict.message
    return {"prove": t1 - t0, "check": t3 - t2, "boxes": sum(r.boxes for r in results),
            "leaves": sum(g["leaves"] for c in cert["claims"] for g in c["goals"])}


def whole_processes(spec: Path | dict, out: Path) -> dict:
    """``selu-proof prove`` and ``selu-proof check`` as processes: wall seconds."""
    if isinstance(spec, dict):
        path = out / f"{spec['name']}.toml"
        path.write_text(_toml(spec))
        spec = path
    name = load_spec(spec).name
    cmd = [sys.executable, "-m", "selu_proof"]
    t0 = time.perf_counter()
    subprocess.run([*cmd, "prove", str(spec), "--out", str(out), "--precision",
                    str(ARGS.precision)], check=True, capture_output=True)
    t1 = time.perf_counter()
    subprocess.run([*cmd, "check", str(out / f"{name}.cert.json")], check=True,
                   capture_output=True)
    t2 = time.perf_counter()
    cert = json.loads((out / f"{name}.cert.json").read_text())
    return {"prove": t1 - t0, "check": t2 - t1, "boxes": None,
            "leaves": sum(g["leaves"] for c in cert["claims"] for g in c["goals"])}


def _toml(raw: dict) -> str:
    lines = [f'name = "{raw["name"]}"', "[parameters]"]
    lines += [f'{k} = "{v}"' for k, v in raw["parameters"].items()]
    lines += ["[domain]"] + [f'{k} = ["{lo}", "{hi}"]' for k, (lo, hi) in raw["domain"].items()]
    for claim in raw["claim"]:
        lines += ["[[claim]]"] + [f'{k} = "{v}"' for k, v in claim.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    cpu = one_core()
    run = whole_processes if ARGS.processes else in_process
    print(f"pinned to core {cpu}; {'whole processes' if ARGS.processes else 'in one process'}"
          f", {ARGS.precision} bits, {ARGS.runs} runs; load average at start: "
          f"{os.getloadavg()[0]:.2f}")
    print(f"{'scale':>5}  {'model':<12} {'boxes':>5} {'leaves':>6}  {'prove s':>16}  "
          f"{'check s':>16}  {'ratio':>6}")
    for scale in (Fraction(1), Fraction(7, 16)):
        times: dict[str, list[dict]] = {"closed form": [], "quadrature": []}
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(ARGS.runs):
                for kind, spec in specs(scale).items():  # alternating
                    out = Path(tmp, f"{kind.split()[0]}{i}")
                    out.mkdir()
                    times[kind].append(run(spec, out))
        total = {k: statistics.median(r["prove"] + r["check"] for r in rs)
                 for k, rs in times.items()}
        for kind, rs in times.items():
            prove = [r["prove"] for r in rs]
            check = [r["check"] for r in rs]
            ratio = f"{total[kind] / total['closed form']:5.1f}x"
            print(f"{str(scale):>5}  {kind:<12} {rs[0]['boxes'] or '':>5} {rs[0]['leaves']:>6}"
                  f"  {statistics.median(prove):7.3f} ({min(prove):6.3f})"
                  f"  {statistics.median(check):7.3f} ({min(check):6.3f})  {ratio:>6}")
    print("(median (fastest); ratio: quadrature / closed form, medians of prove + check)")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--precision", type=int, default=128, help="bits (default 128)")
    parser.add_argument("--processes", action="store_true",
                        help="time selu-proof prove and check as whole processes")
    ARGS = parser.parse_args()
    main()
