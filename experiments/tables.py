"""Rewrite the generated tables and findings of docs/experiments.md from the committed results.

    python experiments/tables.py            # rewrite the blocks in place
    python experiments/tables.py --check    # exit 1 when a block is stale

Each block sits between ``<!-- NAME: generated from experiments/results -->``
and ``<!-- end of NAME -->``; ``NAME`` is ``training tables``
(``figure1.json``, ``lr_sweep.json``), ``baseline tables`` and ``baseline
findings`` (``baselines.json``), ``gan tables`` and ``gan findings``
(``gan.json``).  The findings are the summary sentences of the page
(:func:`selu_proof.experiments.comparison.baseline_findings`,
:func:`~selu_proof.experiments.comparison.gan_findings`): every number and verdict in
them is computed from the results, so no sentence can disagree with the tables.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
PAGE = HERE.parent / "docs" / "experiments.md"


def blocks() -> dict[str, str]:
    """Every generated block's text, by name, from the results files."""
    from selu_proof.experiments import comparison, results

    res = results.load_results(RESULTS)
    out = {"training tables": "\n".join([results.loss_table(res["figure1"]),
                                         results.lr_table(res["lr_sweep"]),
                                         results.drift_table(res["figure1"])])}
    base, gan = comparison.load(RESULTS, "baselines"), comparison.load(RESULTS, "gan")
    if base is not None:
        out["baseline tables"] = comparison.baseline_tables(base)
        out["baseline findings"] = comparison.baseline_findings(base)
    if gan is not None:
        out["gan tables"] = comparison.gan_tables(gan)
        out["gan findings"] = comparison.gan_findings(gan)
    return out


def rewrite(text: str, generated: dict[str, str]) -> str:
    """``text`` with each generated block replaced (a missing block is an error)."""
    for name, body in generated.items():
        pattern = re.compile(rf"(<!-- {name}: generated from experiments/results -->\n)"
                             rf".*?(<!-- end of {name} -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"{PAGE}: no block for the {name}")
        text = pattern.sub(lambda m, b=body: m.group(1) + b + m.group(2), text)
    return text


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="only report stale blocks")
    args = p.parse_args(argv)
    old = PAGE.read_text(encoding="utf-8")
    new = rewrite(old, blocks())
    if args.check:
        print("stale" if new != old else "up to date")
        return int(new != old)
    PAGE.write_text(new, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(HERE.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
