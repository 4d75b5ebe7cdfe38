"""``selu-proof bound``: a certified two-sided bracket of the maximum or minimum of a quantity.

Thin wrapper around :func:`selu_proof.search.prover.prove_spec` with one
``extremum`` claim (:mod:`selu_proof.search.extremum` does the search).
"""

from __future__ import annotations

import argparse
import copy
import sys
from typing import Any

from selu_proof.cli.common import CLIError, emit_json, progress

QUANTITY_HELP = ("norm-H: S(H), the spectral norm of the Jacobian of (mu, nu) -> (mu~, nu~); "
                 "norm-J: S(J), the same for (mu, nu) -> (mu~, xi~); mean: mu~; var: nu~; "
                 "var-change: nu~ - nu; chi1: tau E[selu'(z)^2], the gradient growth factor")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "bound",
        help="certified bracket [lower, upper] of the max or min of a quantity over a domain",
        description="Bracket the maximum (--max) or minimum (--min) of a quantity over the "
        "domain of a specification, for the specification's model (SELU's alpha and lambda, or "
        "an activation): the upper end "
        "of a maximum is proved by a branch-and-bound tree (the quantity is <= upper "
        "everywhere), the lower end by a witness point evaluated in ball arithmetic (a "
        "minimum is the mirror image); upper - lower <= --tol. Writes a certificate "
        "<out>/<spec>_<sense>_<quantity>.cert.json (lower case, - as _) that "
        "`selu-proof check` replays on both sides. Exit status 0 when the bracket reaches the "
        "tolerance, 1 when the budget ran out first (the best bracket so far is printed, "
        "without a certificate), 2 for bad input. Quantities: " + QUANTITY_HELP + ".",
    )
    p.add_argument("quantity", metavar="QUANTITY",
                   help="norm-H, norm-J, mean, var, var-change or chi1")
    p.add_argument("--spec", required=True, metavar="NAME|SPEC.toml",
                   help="shipped specification name (e.g. theorem1) or TOML file: its domain "
                   "and parameters are used, its claims ignored")
    sense = p.add_mutually_exclusive_group(required=True)
    sense.add_argument("--max", dest="sense", action="store_const", const="max",
                       help="bracket the maximum")
    sense.add_argument("--min", dest="sense", action="store_const", const="min",
                       help="bracket the minimum")
    p.add_argument("--tol", default="1e-6", metavar="T",
                   help="largest width upper - lower of the bracket (default 1e-6)")
    add_search_options(p, 1_000_000, "box budget; past it the result is 'unknown' (default 1e6)",
                       "wall-clock budget; past it the result is 'unknown'")
    p.add_argument("--json", action="store_true",
                   help="print quantity, sense, lower, upper, witness, boxes, seconds, "
                   "certificate as JSON")
    p.set_defaults(func=run_bound)


def add_search_options(p: Any, max_boxes: int, boxes_help: str, seconds_help: str,
                       precision: bool = True, max_seconds: float | None = None) -> None:
    """``--out``, ``--max-boxes``, ``--max-seconds`` (and ``--precision``) of a search command."""
    p.add_argument("--out", default="certificates", metavar="DIR",
                   help="directory for the certificate (default: ./certificates)")
    p.add_argument("--max-boxes", type=int, default=max_boxes, metavar="N", help=boxes_help)
    p.add_argument("--max-seconds", type=float, default=max_seconds, metavar="S",
                   help=seconds_help)
    if precision:
        p.add_argument("--precision", type=int, default=128, metavar="BITS",
                       help="ball arithmetic precision in bits (default 128)")


def parse_tolerance(text: str) -> str:
    """Validate a positive exact tolerance; return it as the decimal string to put in a spec."""
    from selu_proof.cli.common import check_tolerance

    check_tolerance(text, "--tol")
    return text.strip()


def extremum_spec(spec: Any, quantity: str, sense: str, tol: str) -> Any:
    """The specification ``spec`` (domain, parameters) with one ``extremum`` claim."""
    from selu_proof.kernel.specs import EXTREMUM_QUANTITIES, SpecError, parse_spec

    if quantity not in EXTREMUM_QUANTITIES:
        raise CLIError(f"cannot bound {quantity!r}: the quantities are "
                       f"{', '.join(EXTREMUM_QUANTITIES)}")
    raw = copy.deepcopy(spec.raw)
    raw["name"] = f"{spec.name}_{sense}_{quantity.replace('-', '_').lower()}"
    raw["description"] = f"{sense} of {quantity} over the domain of {spec.name}"
    raw["claim"] = [{"kind": "extremum", "quantity": quantity, "sense": sense,
                     "tolerance": tol}]
    try:
        return parse_spec(raw)
    except SpecError as exc:
        raise CLIError(str(exc)) from None


def check_budget(args: argparse.Namespace) -> None:
    """One-line errors for impossible budgets, precisions and output folders, before work.

    The precision is limited to what the checker accepts
    (:data:`~selu_proof.kernel.specs.PRECISION_RANGE`), so that every certificate a
    search writes can be checked.
    """
    from selu_proof.cli.common import check_output_dir, check_precision

    if args.max_boxes < 1:
        raise CLIError("--max-boxes must be positive")
    if args.max_seconds is not None and not args.max_seconds > 0:
        raise CLIError("--max-seconds must be positive")
    check_precision(getattr(args, "precision", 128))
    check_output_dir(args.out, "--out")


def run_bound(args: argparse.Namespace) -> int:
    from selu_proof.cli.common import check_precision
    from selu_proof.cli.prove import _resolve_spec
    from selu_proof.search.prover import prove_spec

    tol = parse_tolerance(args.tol)
    check_budget(args)
    spec = extremum_spec(_resolve_spec(args.spec), args.quantity, args.sense, tol)
    check_precision(args.precision, [spec])
    bar = progress(None, f"{args.sense} {args.quantity}", not args.json and sys.stderr.isatty())
    try:
        (res,) = prove_spec(spec, out_dir=args.out, precision=args.precision,
                            max_boxes=args.max_boxes, max_seconds=args.max_seconds,
                            progress=lambda msg: (bar.set_postfix_str(msg.split(": ")[-1]),
                                                  bar.update(1)))
    finally:
        bar.close()
    g = res.goals[0]
    out = {"quantity": args.quantity, "sense": args.sense, "status": res.status,
           "lower": g.get("lower"), "upper": g.get("upper"), "tolerance": g["tolerance"],
           "witness": {k: v for k, v in (g.get("witness") or {}).items() if k != "value"},
           "boxes": res.boxes, "seconds": round(res.seconds, 3),
           "certificate": res.certificate}
    if res.reason:
        out["reason"] = res.reason
    if args.json:
        emit_json(out)
    else:
        print(f"{g['goal']} over {args.spec}: [{out['lower']}, {out['upper']}]")
        w = out["witness"]
        if w:
            print(f"witness: mu={w['mu']} omega={w['omega']} nu={w['nu']} tau={w['tau']}: "
                  f"{g['witness'].get('value', '')}")
        why = f"width <= {out['tolerance']}" if res.status == "proved" else res.reason
        print(f"{res.status} ({why}): boxes={res.boxes}, {res.seconds:.2f}s")
        if res.certificate:
            print(f"certificate: {res.certificate}")
    return 0 if res.status == "proved" else 1
