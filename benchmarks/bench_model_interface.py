"""``prove --all`` and ``check`` of every shipped certificate, this tree against a baseline
revision, alternating in one run (medians of wall and CPU seconds, and their ratios).

Each command is a fresh ``python -m selu_proof ...`` process (as in
``bench_startup.py``); per round, every command runs on this tree and then on the
baseline, so that a load spike of a shared machine falls on both.  Also a small
specification with an activation (tanh, affine, ``S(H) < 1`` on a small box),
proved and its certificate checked, for the path by quadrature.

    python benchmarks/bench_model_interface.py --baseline-rev c006da5 [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_startup import compile_tree, run

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from helpers_specs import TANH_SMALL  # noqa: E402  (the tests' small tanh specification)


def commands(tree: Path, out: Path, spec: Path) -> dict[str, list[str]]:
    """The timed commands on ``tree`` (certificates written under ``out``)."""
    proofs = tree / "selu_proof" / "proofs"
    certs = [str(p) for p in sorted(proofs.glob("*.cert.json"))
             + sorted((proofs / "edges").glob("*.cert.json"))]
    act = out / "act"
    return {
        "prove --all": ["-m", "selu_proof", "prove", "--all", "--out", str(out / "all")],
        f"check ({len(certs)} certificates)": ["-m", "selu_proof", "check", *certs],
        "check, --workers 1": ["-m", "selu_proof", "check", *certs, "--workers", "1"],
        "prove tanh (activation)": ["-m", "selu_proof", "prove", str(spec), "--out", str(act)],
        "check tanh (activation)": ["-m", "selu_proof", "check",
                                    str(act / "tanh_small.cert.json"), "--workers", "1"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline-rev", required=True, help="git revision to time against")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp, "baseline")
        base.mkdir()
        archive = subprocess.run(["git", "archive", args.baseline_rev], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        spec = Path(tmp, "tanh_small.toml")
        spec.write_text(TANH_SMALL)
        trees = {"this tree": ROOT, f"rev {args.baseline_rev}": base}
        cmds = {}
        for label, tree in trees.items():
            compile_tree(tree)
            cmds[label] = commands(tree, Path(tmp, label.replace(" ", "_")), spec)
        times: dict[str, dict[str, list[tuple[float, float]]]] = {
            label: {name: [] for name in c} for label, c in cmds.items()}
        for _ in range(args.runs):
            for name in cmds["this tree"]:
                for label, tree in trees.items():  # alternate the trees, command by command
                    times[label][name].append(run(cmds[label][name], tree, tmp))
    med = {label: {name: (statistics.median(t[0] for t in ts),
                          statistics.median(t[1] for t in ts)) for name, ts in by.items()}
           for label, by in times.items()}
    this, other = list(trees)
    print(f"median of {args.runs} runs, seconds, whole process, wall / cpu (user+system); "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'command':26s}{this:>18s}{other:>22s}{'ratio wall / cpu':>20s}")
    for name in med[this]:
        (w1, c1), (w0, c0) = med[this][name], med[other][name]
        print(f"{name:26s}{w1:9.3f} /{c1:7.3f}{w0:13.3f} /{c0:7.3f}"
              f"{w1 / w0:12.3f} /{c1 / c0:6.3f}")


if __name__ == "__main__":
    main()
