"""``selu-proof explore``: the edge of a theorem's domain, as a proof and a refutation."""

from __future__ import annotations

import argparse
import sys

from selu_proof.cli.bound import add_search_options
from selu_proof.cli.common import CLIError, emit_json, parse_exact, progress


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explore",
        help="move one end of a theorem's domain as far as its claims hold (proof vs refutation)",
        description="Move one end (lo or hi) of one domain variable of a specification as far "
        "as its claims still hold: step away from a proved value (towards it from a refuted "
        "one) until both a proof and a refutation are in hand, then bisect until they are "
        "within --tol. Every step is a full prover run; 'unknown' (budget spent) is neither a "
        "proof nor a refutation and stops the search. The proved end's certificate is written "
        "to <out>/<spec>_<var>_<end>.cert.json; the refuted end comes with its witness. Exit "
        "status 0 when a proved and a refuted value within --tol were found, 1 otherwise, "
        "2 for bad input.",
    )
    p.add_argument("spec", metavar="NAME|SPEC.toml",
                   help="shipped specification name (e.g. theorem1) or TOML file")
    p.add_argument("--vary", required=True, metavar="VAR:END",
                   help="the end to move, e.g. nu:lo or tau:hi (VAR in mu, omega, nu, tau)")
    p.add_argument("--claim", type=int, action="append", metavar="I",
                   help="only claim I of the specification (from 0; repeat for several; "
                   "default: all claims)")
    p.add_argument("--tol", default="1e-3", metavar="T",
                   help="largest distance between the proved and the refuted value "
                   "(default 1e-3)")
    add_search_options(p, 200_000, "box budget per goal of each prover run (default 2e5)",
                       "wall-clock budget of each prover run")
    p.add_argument("--json", action="store_true",
                   help="print variable, end, status, proved, refuted, certificate, witness "
                   "and the runs as JSON")
    p.set_defaults(func=run_explore)


def parse_vary(text: str) -> tuple[str, str]:
    """``"nu:lo"`` -> ``("nu", "lo")`` with one-line errors."""
    from selu_proof.kernel.specs import VARIABLES

    var, sep, end = text.partition(":")
    if not sep or end not in ("lo", "hi"):
        raise CLIError(f"--vary must be VAR:lo or VAR:hi, got {text!r}")
    if var not in VARIABLES:
        raise CLIError(f"--vary: {var!r} is not a variable of the domain "
                       f"({', '.join(VARIABLES)})")
    return var, end


def run_explore(args: argparse.Namespace) -> int:
    from selu_proof.cli.bound import check_budget, parse_tolerance
    from selu_proof.cli.prove import _resolve_spec
    from selu_proof.search.edges import explore_edge

    var, end = parse_vary(args.vary)
    tol = parse_exact(parse_tolerance(args.tol), "--tol")
    check_budget(args)
    spec = _resolve_spec(args.spec)
    bar = progress(None, f"{spec.name} {var}:{end}", not args.json and sys.stderr.isatty())

    def step(t) -> None:
        bar.set_postfix_str(f"{var}={float(t.value):.6g} {t.status}")
        bar.update(1)

    try:
        res = explore_edge(spec, var, end, claims=args.claim, tol=tol, out_dir=args.out,
                           precision=args.precision, max_boxes=args.max_boxes,
                           max_seconds=args.max_seconds, progress=step)
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    finally:
        bar.close()
    d = res.as_dict()
    if args.json:
        emit_json(d)
    else:
        print(f"{spec.name}: {var} {end}: {res.status}" +
              (f" ({res.reason})" if res.reason else ""))
        print(f"proved:  {var} {end} = {d['proved']}" +
              (f"  certificate: {res.certificate}" if res.certificate else ""))
        print(f"refuted: {var} {end} = {d['refuted']}")
        if res.witness:
            w = res.witness
            print(f"witness: mu={w['mu']} omega={w['omega']} nu={w['nu']} tau={w['tau']}: "
                  f"{w['statement']}")
        print(f"{len(res.trials)} prover runs, {sum(t.boxes for t in res.trials)} boxes, "
              f"{sum(t.seconds for t in res.trials):.1f}s")
    return 0 if res.status == "edge" else 1
