"""``selu-proof kernel``: certified dual-activation kernel maps on all of [-1, 1].

Thin wrapper around :func:`selu_proof.kernel_maps.kernel_maps`.
"""

from __future__ import annotations

import argparse
import sys

from selu_proof.cli.common import CLIError, emit_json, parse_exact, progress
from selu_proof.cli.normalize import add_activation_argument, parse_activation_arg

#: most significant digits of ``--digits``
MAX_DIGITS = 30


#: most grid points, as in the help (selu_proof.kernel_maps.MAX_GRID; not imported here:
#: ``selu-proof check`` builds this parser and executes nothing outside the kernel)
HELP_MAX_GRID = 41


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "kernel",
        help="certified kernel maps C(c), C'(c) and Q(q) of any catalogue activation",
        description="The normalized dual-activation kernel map C(c) = E[f(u)f(v)]/E[f(u)^2] "
        "and its slope dC/dc = q E[f'(u)f'(v)]/E[f(u)^2] for any c in [-1, 1], and the "
        "length map Q(q) = E[f(u)^2] with its slope, where u, v are standard normal scaled "
        "to variance q with correlation c: the convention of i.i.d. zero-mean Gaussian "
        "weights of variance 1/fan_in and no bias (neural-tangents, dks). Pair expectations "
        "by nested rigorous quadrature (a few seconds per point); every printed interval is "
        "rounded outward. Exit status 0 when certified, 2 for bad input.",
    )
    add_activation_argument(p)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--c", metavar="C", help="one correlation in [-1, 1] (default 0)")
    where.add_argument("--grid", type=int, metavar="N",
                       help=f"N equally spaced correlations from -1 to 1 (2 to {HELP_MAX_GRID})")
    p.add_argument("--q", default="1", metavar="Q",
                   help="the pre-activations' variance q, in [0.001, 1000] (default 1)")
    p.add_argument("--digits", type=int, default=10, metavar="N",
                   help=f"significant digits (default 10, at most {MAX_DIGITS})")
    p.add_argument("--json", action="store_true",
                   help='print {"Q", "Q_slope", "points": [{"c", "C", "slope"}], ...} as JSON, '
                   'each value [lo, hi]; with --c also "C" and "slope" at the top level')
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from selu_proof.kernel_maps import MAX_GRID, grid_points, kernel_maps

    if not 1 <= args.digits <= MAX_DIGITS:
        raise CLIError(f"--digits must be between 1 and {MAX_DIGITS}, got {args.digits}")
    from selu_proof.kernel.limits import PREACTIVATION_VAR

    q = parse_exact(args.q, "--q")
    if not PREACTIVATION_VAR[0] <= q <= PREACTIVATION_VAR[1]:
        raise CLIError(f"--q must be in [0.001, 1000], the supported pre-activation variances, "
                       f"got {args.q}")
    if args.grid is not None:
        if not 2 <= args.grid <= MAX_GRID:
            raise CLIError(f"--grid must be between 2 and {MAX_GRID}, got {args.grid}")
        cs = grid_points(args.grid)
    else:
        c = parse_exact("0" if args.c is None else args.c, "--c")
        if not -1 <= c <= 1:
            raise CLIError(f"--c must be in [-1, 1], got {args.c}")
        cs = [c]
    act = parse_activation_arg(args.activation)
    with progress(len(cs), "kernel map", not args.json and sys.stderr.isatty()) as bar:
        out = kernel_maps(act.spec, cs, q, args.digits, step=lambda: bar.update(1))
    if args.grid is None:
        out["c"], out["C"], out["slope"] = (out["points"][0][k] for k in ("c", "C", "slope"))
    if args.json:
        emit_json(out)
        return 0
    print(f"activation: {out['activation']}, q = {out['q']}")
    print(f"convention: {out['convention']}")
    print(f"Q(q)  in [{out['Q'][0]}, {out['Q'][1]}]")
    print(f"Q'(q) in [{out['Q_slope'][0]}, {out['Q_slope'][1]}]")
    for pt in out["points"]:
        print(f"c = {pt['c']}: C in [{pt['C'][0]}, {pt['C'][1]}], slope in "
              f"[{pt['slope'][0]}, {pt['slope'][1]}]")
    print("certified: enclosures from rigorous quadrature, rounded outward")
    return 0
