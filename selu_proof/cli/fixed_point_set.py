"""``selu-proof fixed-point --omega=LO,HI --tau=LO,HI``: the certified set of fixed points.

The interval form of ``fixed-point`` (registered by :mod:`selu_proof.cli.design`):
parse, call :func:`selu_proof.fixedpoint.over_box.fixed_point_set`, print, exit 0 only
when the whole set is certified within the tolerance.
"""

from __future__ import annotations

import argparse
import re
import sys
from fractions import Fraction

from selu_proof.cli.common import (
    CLIError,
    check_parameter,
    check_supported,
    check_tolerance,
    emit_json,
    parse_exact,
    progress,
)

__all__ = ["configure", "wants_set", "run"]

_NUMBER = r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the interval options to the ``fixed-point`` parser.

    ``--omega -0.1,0.1`` starts with ``-`` and is not a plain negative number, so
    argparse would take it for an option: the parser's negative-number pattern is
    widened to accept ``LO,HI`` pairs (``--omega=-0.1,0.1`` works regardless).
    """
    parser._negative_number_matcher = re.compile(rf"^{_NUMBER}(,\s*{_NUMBER})?$")
    parser.add_argument("--tol", default=None, metavar="TOL",
                        help="with an interval --omega or --tau: largest distance between "
                        "each printed end and the true hull of the set of fixed points "
                        "(default 1e-6)")


def wants_set(args: argparse.Namespace) -> bool:
    """True when ``--omega`` or ``--tau`` is an interval ``LO,HI``."""
    return "," in args.omega or "," in args.tau


def _interval(text: str, option: str) -> tuple[Fraction, Fraction]:
    parts = text.split(",")
    if len(parts) > 2 or not all(p.strip() for p in parts):
        raise CLIError(f"{option} must be a number or LO,HI, got {text!r}")
    lo = parse_exact(parts[0], option)
    hi = parse_exact(parts[-1], option)
    if lo > hi:
        raise CLIError(f"{option} interval {text!r} is empty (LO > HI)")
    return lo, hi


def run(args: argparse.Namespace) -> int:
    """Body of ``fixed-point`` with an interval ``--omega`` or ``--tau``."""
    from selu_proof.fixedpoint.over_box import fixed_point_set

    omega = _interval(args.omega, "--omega")
    tau = _interval(args.tau, "--tau")
    if tau[0] <= 0:
        raise CLIError(f"--tau must be positive, got {args.tau!r}")
    tol = check_tolerance(args.tol if args.tol is not None else "1e-6", "--tol")
    check_supported("--omega/--tau", omega=omega, tau=tau)
    alpha = None if args.alpha is None else check_parameter(parse_exact(args.alpha, "--alpha"),
                                                            "--alpha")
    lam = None if args.lam is None else check_parameter(parse_exact(args.lam, "--lambda"),
                                                        "--lambda")
    with progress(None, "parameter boxes", sys.stderr.isatty() and not args.json) as bar:
        def tick(boxes: int) -> None:
            bar.update(boxes - bar.n)

        try:
            result = fixed_point_set(omega, tau, alpha, lam, tol=tol, progress=tick)
        except ValueError as exc:
            raise CLIError(str(exc)) from None
    if args.json:
        emit_json(result.as_dict())
    else:
        print(f"convention: {result.convention}")
        print(f"status:     {result.status}" + (f" ({result.reason})" if result.reason else ""))
        for name, outer in (("mean", result.mean), ("var", result.var)):
            if outer is None:
                continue
            print(f"{name:<4} in [{outer[0]}, {outer[1]}]")
            inner = result.inner.get(name)
            for k, sense in enumerate(("min", "max")):
                w = result.witnesses.get(f"{name}_{sense}")
                if inner and w:
                    end = sorted((outer[k], inner[k]), key=Fraction)
                    print(f"  {sense} in [{end[0]}, {end[1]}]  (witness omega={w['omega']}, "
                          f"tau={w['tau']})")
        if result.is_unique:
            print(f"every end within {result.tolerance} of the true hull; each fixed point "
                  "unique in its piece's box")
        print(f"pieces: {len(result.pieces)}, boxes: {result.boxes}, "
              f"point fixed points: {result.points}, seconds: {result.seconds:.1f}")
    return 0 if result.is_unique else 1
