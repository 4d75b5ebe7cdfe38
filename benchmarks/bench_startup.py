"""Whole-process times of ``constants``, ``check`` and ``prove``, start to exit (median of runs).

Each command runs as a fresh ``python -m selu_proof ...`` process, several
times in alternation, and the median wall time is printed next to

* the floor: ``python -c "import flint"`` (interpreter start and python-flint);
* optionally the same commands on another revision (``--baseline-rev``, e.g.
  the last one that generated the code with sympy at run time), extracted
  with ``git archive`` into a temporary directory.

    python benchmarks/bench_startup.py [--runs 5] [--baseline-rev REV]

CPU time is printed too (user + system, worker processes included): it is
what the command costs, and it is less disturbed by other processes sharing
the cores than wall time.  ``check`` and ``prove`` use their default worker
processes and, side by side in the same run, the other choice (``check``
in one process, ``prove`` on every core).  Each tree's bytecode is written first, as
``pip install`` does.

Targets of the issue: prove the six paper specifications <= 1.5 s, check
their six certificates <= 0.5 s, ``constants`` <= 0.3 s.  Other processes on
the machine inflate single runs, hence the medians.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ["theorem1", "theorem1_image", "theorem2", "theorem3a", "theorem3b", "lemma12"]


def commands(tree: Path, out_dir: str) -> dict[str, list[str]]:
    """The commands, checking ``tree``'s own certificates (the format differs by revision).

    ``check`` and ``prove`` run with their default number of worker processes
    (``check``: the usable cores; ``prove``: one) and, where the revision has
    the option, ``check`` with one and ``prove`` with the usable cores as well.
    """
    certs = [str(tree / "selu_proof" / "proofs" / f"{s}.cert.json") for s in SPECS]
    cmds = {
        "floor: import flint": ["-c", "import flint"],
        "constants": ["-m", "selu_proof", "constants"],
        "check (6 certificates)": ["-m", "selu_proof", "check", *certs],
        "prove (6 specifications)": ["-m", "selu_proof", "prove", *SPECS, "--out", out_dir],
    }
    if (tree / "selu_proof" / "parallel.py").exists():
        cores = str(len(os.sched_getaffinity(0)))  # what the CLI's default uses
        cmds["check, --workers 1"] = cmds["check (6 certificates)"] + ["--workers", "1"]
        cmds[f"prove, --workers {cores}"] = cmds["prove (6 specifications)"] + ["--workers",
                                                                             cores]
    return cmds


def compile_tree(tree: Path) -> None:
    """Write the bytecode of ``tree``'s package, as ``pip install`` does for an installed one.

    (With ``PYTHONDONTWRITEBYTECODE`` set, as on this machine, a source tree on
    ``PYTHONPATH`` would otherwise be compiled again by every process.)
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "selu_proof")],
                   check=True, capture_output=True)


def run(args: list[str], tree: Path, cwd: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one process."""
    env = dict(os.environ, PYTHONPATH=str(tree), MPLBACKEND="Agg")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{args} failed: {proc.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def measure(tree: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, cpu) seconds per command."""
    compile_tree(tree)
    with tempfile.TemporaryDirectory() as tmp:
        cmds = commands(tree, os.path.join(tmp, "certs"))
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
        for _ in range(runs):  # alternate, so that load spikes spread over all commands
            for name, args in cmds.items():
                times[name].append(run(args, tree, tmp))
    return {name: (statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts))
            for name, ts in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-rev", help="git revision to time side by side")
    args = parser.parse_args()
    results = {"this tree": measure(ROOT, args.runs)}
    if args.baseline_rev:
        with tempfile.TemporaryDirectory() as tmp:
            archive = subprocess.run(["git", "archive", args.baseline_rev], cwd=ROOT,
                                     capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            results[f"rev {args.baseline_rev}"] = measure(Path(tmp), args.runs)
    targets = {"constants": 0.3, "check (6 certificates)": 0.5, "prove (6 specifications)": 1.5}
    cols = list(results)
    print(f"median of {args.runs} runs, seconds, whole process, wall / cpu (user+system); "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'command':28s}" + "".join(f"{c:>22s}" for c in cols) + f"{'target':>10s}")
    for name in results[cols[0]]:
        row = "".join(f"{results[c][name][0]:13.3f} /{results[c][name][1]:7.3f}"
                      if name in results[c] else f"{'':>22s}" for c in cols)
        target = f"{targets[name]:10.2f}" if name in targets else " " * 10
        print(f"{name:28s}{row}{target}")


if __name__ == "__main__":
    main()
