"""Time a certified point moment pair ``(E f, E f^2)`` by quadrature, per catalogue activation.

Each row is the mean CPU time of one pair at ``z ~ N(a, v)`` (point balls, 128 bits by
default) by :func:`selu_proof.kernel.quadrature.moments`, with the integrand evaluations it
made and the radius reached; the SELU closed form (generated arb code) is timed in the same
run, and each row's ratio to it is printed.  For the ten entries that had hand-written
pieces before the catalogue became formulas, the same integration over those pieces (kept
as a test oracle, ``tests/former_catalogue.py``) is timed too, with the ratio
formula/hand-written.

``--baseline REV`` exports that revision of the package (``git archive``) and times it and
this tree alternately, each in fresh processes, ``--rounds`` times; each tree's time per
entry is the least over the rounds (the machine is shared: the least is the run that was
slowed down least), and the table adds the baseline's times, the ratio this/baseline and
the ratio of this tree's formula to the baseline's hand-written pieces (the issue's target:
at most 1.5).  Report the load (``uptime``) with the numbers: on a shared machine only the
ratios of one run mean something.

    python benchmarks/bench_quadrature.py [--prec 128] [--repeat 20] [--a 0.1] [--v 1.3]
                                          [--baseline 7fa6e3b --rounds 5] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from flint import acb, arb, ctx

ROOT = Path(__file__).resolve().parent.parent


def _time(fn, repeat: int) -> float:
    fn()  # warm caches (constants at this precision)
    t0 = time.process_time()  # CPU time of this process: less sensitive to a shared CPU
    for _ in range(repeat):
        fn()
    return (time.process_time() - t0) / repeat


def measure(prec: int, repeat: int, a_text: str, v_text: str,
            only: list[str] | None = None) -> dict:
    """Seconds per pair by the formula path and (former entries) by the hand-written pieces,
    evaluations per pair and the radius of ``E f^2``, per catalogue entry, with the tree
    that ``selu_proof`` was imported from.
    """
    import selu_proof
    from selu_proof.generated.arb_backends import moments as closed_moments
    from selu_proof.kernel.activations import CATALOGUE, Growth, parse_activation
    from selu_proof.kernel.constants import constant_balls
    from selu_proof.kernel.quadrature import gaussian_expectation_complex, moments, work_done

    sys.path.insert(0, str(ROOT / "tests"))
    from former_catalogue import FORMER

    def hand_written(name: str, params, a: arb, v: arb) -> acb:
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
        return gaussian_expectation_complex([(p.lo, p.hi, joint(p.value)) for p in pieces],
                                            both, acb(a), v)

    out: dict = {"tree": str(Path(selu_proof.__file__).resolve().parent.parent), "rows": {}}
    with ctx.workprec(prec):
        a, v = arb(a_text), arb(v_text)
        alpha, lam = constant_balls(prec)
        out["closed"] = _time(lambda: closed_moments(a, v, alpha, lam), repeat * 10)
        for name in CATALOGUE:
            if only and name not in only:
                continue
            act = parse_activation(name)
            t = _time(lambda act=act: moments(act, a, v), repeat)
            before = work_done()["evaluations"]
            rad = moments(act, a, v)[1].rad()
            row = {"spec": act.spec, "formula": t, "radius": float(rad),
                   "evaluations": work_done()["evaluations"] - before, "hand": None}
            if name in FORMER:
                row["hand"] = _time(lambda name=name, act=act: hand_written(name, act.params,
                                                                            a, v), repeat)
            out["rows"][name] = row
    return out


def _export(rev: str, into: Path) -> Path:
    """The package of revision ``rev`` (``git archive``) unpacked under ``into``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "selu_proof"],
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryFile() as f:
        f.write(archive)
        f.seek(0)
        with tarfile.open(fileobj=f) as tar:
            tar.extractall(into, filter="data")
    return into


def _child(tree: Path, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--json", "--prec", str(args.prec), "--repeat",
           str(args.repeat), "--a", args.a, "--v", args.v]
    if args.only:
        cmd += ["--only", args.only]
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return json.loads(done.stdout)


def _least(runs: list[dict]) -> dict:
    best = runs[0]
    for run in runs[1:]:
        best["closed"] = min(best["closed"], run["closed"])
        for name, row in run["rows"].items():
            mine = best["rows"][name]
            for key in ("formula", "hand"):
                if row[key] is not None:
                    mine[key] = min(mine[key], row[key])
    return best


def _table(this: dict, base: dict | None, args: argparse.Namespace) -> None:
    ms = 1e3
    print(f"prec {args.prec} bits, z ~ N({args.a}, {args.v}), mean of {args.repeat} pairs"
          + (f", least of {args.rounds} alternating rounds; baseline {args.baseline}"
             if base else ""))
    head = f"{'activation':<14} {'ms':>7} {'evals':>6} {'/closed':>8} {'radius E f^2':>13}"
    head += f" {'hand ms':>8} {'f/hand':>7}"
    if base:
        head += (f" {'base ms':>8} {'evals':>6} {'this/base':>9} {'base hand':>9} "
                 f"{'f/base hand':>11}")
    print(head)
    closed = this["closed"]
    print(f"{'selu closed form':<14} {closed * ms:>7.3f}")
    for name, row in this["rows"].items():
        t = row["formula"]
        line = (f"{name:<14} {t * ms:>7.3f} {row['evaluations']:>6} {t / closed:>8.0f} "
                f"{row['radius']:>13.2e}")
        hand = row["hand"]
        line += f" {hand * ms:>8.3f} {t / hand:>7.2f}" if hand else f" {'':>8} {'':>7}"
        if base:
            b = base["rows"][name]
            line += f" {b['formula'] * ms:>8.3f} {b['evaluations']:>6} {t / b['formula']:>9.2f}"
            if b["hand"]:
                line += f" {b['hand'] * ms:>9.3f} {t / b['hand']:>11.2f}"
        print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prec", type=int, default=128)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--a", default="0.1")
    ap.add_argument("--v", default="1.3")
    ap.add_argument("--only", default="", help="comma-separated catalogue names")
    ap.add_argument("--baseline", default=None, help="a git revision to time alternately")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    only = [n for n in args.only.split(",") if n] or None
    if args.json:
        print(json.dumps(measure(args.prec, args.repeat, args.a, args.v, only)))
        return
    if args.baseline is None:
        _table(measure(args.prec, args.repeat, args.a, args.v, only), None, args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        base_tree = _export(args.baseline, Path(tmp))
        this_runs, base_runs = [], []
        for k in range(args.rounds):
            print(f"round {k + 1}/{args.rounds}", file=sys.stderr, flush=True)
            this_runs.append(_child(ROOT, args))
            base_runs.append(_child(base_tree, args))
    _table(_least(this_runs), _least(base_runs), args)


if __name__ == "__main__":
    main()
