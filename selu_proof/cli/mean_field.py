"""``selu-proof mean-field``: certified gradient growth and the correlation map."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from selu_proof.cli.common import CLIError, check_supported, emit_json, parse_exact, progress

_HELP = (
    "Mean-field analysis of one layer (Poole et al. 2016; Schoenholz et al. 2017) at the "
    "fixed point of g, one report for every model: SELU's closed forms (--activation selu, "
    "the default, with --alpha/--lambda, or designed for a fixed point with --mean/--var: "
    "alpha and lambda are then the design's certified intervals) or any catalogue "
    "activation or formula (NAME[:key=value,...], e.g. gelu, silu:beta=1.5, elu:alpha=1; "
    "--normalize affine) by certified quadrature (python-flint acb.integral with proved "
    "tail bounds). Reported, all as certified [lo, hi] enclosures rounded outward: the "
    "fixed point (Krawczyk, or exact by construction), the Jacobian H of (mu, nu) -> "
    "(mu~, nu~) with its spectral norm and radius and whether the fixed point is "
    "attracting (null when undecided); chi1 = tau*E[f'(z)^2], the per-layer growth factor "
    "of the mean squared backpropagated gradient (and slope of the correlation map at "
    "c = 1); chi_c = tau*E[f'(z)]^2, the slope at c = 0; the depth scales -1/ln(chi_c) and "
    "1/abs(ln(chi1)); the gradient growth chi1^L over 10, 100, 1000 layers; and every "
    "fixed point of the correlation map c -> c~ in [-1, 1] (at a certified fixed point; "
    "with --correlation also at a state that is not one), by an interval branch and "
    "bound: 'exactly these', each exact or unique in its interval with its certified slope "
    "(stable when below 1 in absolute value), or the undecided intervals when --max-boxes "
    "is spent. The correlation map comes in two conventions, each named: the paper's "
    "centred map (fixed per-unit omega) and the mean-field kernel of i.i.d. zero-mean "
    "Gaussian weights (Poole et al. 2016; He-init ReLU, the default for --activation relu "
    "with tau = 2, is this one); --correlation C adds c~(C) and its slope in both. "
    "--dropout-rate adds alpha dropout after every unit (SELU, whose saturation value is "
    "-lambda*alpha). Where no fixed point is certified the output says what is proved "
    "instead: the fixed point at variance 0 with the map's slope there, and 'no fixed "
    "point in (0, 100]' (or for every positive variance) where the sign of the variance "
    "map minus the identity is certified there; otherwise unknown, with the reason. Exit "
    "code 0 when a fixed point with positive variance and the numbers at it were "
    "certified, and the correlation fixed points are complete; 1 otherwise (no such fixed "
    "point, proved or not, undecided intervals left by the correlation fixed-point search, "
    "or --max-seconds spent); 2 for bad input."
)


#: default ``--max-seconds``
MAX_SECONDS = 300.0

#: allowed ``--grid`` (seed boxes of the correlation fixed-point search)
GRID = (2, 64)

#: default ``--max-boxes``
MAX_BOXES = 200


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("mean-field", help="gradient growth chi1 and the correlation map",
                       description=_HELP)
    p.add_argument("--activation", default="selu", metavar="NAME[:key=value,...]",
                   help="selu (closed forms, default) or any catalogue activation or formula "
                   "(selu-proof activations), with exact decimal parameters")
    p.add_argument("--normalize", choices=("affine",), default=None,
                   help="use lambda*(f - beta) with the certified affine constants "
                   "(selu-proof normalize), whose fixed point at omega = 0, tau = 1 is (0, 1)")
    p.add_argument("--correlation", default=None, metavar="C",
                   help="also certify the correlation map c~(C) and its slope, C in [-1, 1]")
    p.add_argument("--omega", default="0", metavar="W", help="sum of weights per unit (default 0)")
    p.add_argument("--tau", default=None, metavar="T",
                   help="sum of squared weights per unit (default 1; 2 for plain relu, "
                   "He initialization)")
    p.add_argument("--alpha", default=None, metavar="A", help="SELU alpha (default alpha_01)")
    p.add_argument("--lambda", dest="lam", default=None, metavar="L",
                   help="SELU lambda (default lambda_01)")
    p.add_argument("--mean", default=None, metavar="M",
                   help="design the SELU for the fixed point (M, V) instead (with --var)")
    p.add_argument("--var", default=None, metavar="V", help="see --mean")
    p.add_argument("--dropout-rate", default=None, metavar="P",
                   help="alpha dropout of rate P after every SELU (keeps the fixed point; "
                   "selu only)")
    p.add_argument("--digits", type=int, default=10, metavar="N",
                   help="significant digits of the certified intervals (default 10)")
    p.add_argument("--grid", type=int, default=2, metavar="K",
                   help="equal boxes of [-1, 1] that seed the certified search for the "
                   "correlation fixed points (default 2; it only seeds: the search is "
                   f"complete for any K, only its work differs; {GRID[0]} to {GRID[1]})")
    p.add_argument("--max-boxes", type=int, default=MAX_BOXES, metavar="N",
                   help="boxes the correlation fixed-point search examines at most per "
                   f"convention (default {MAX_BOXES}); boxes still open are reported "
                   "undecided with their widths")
    p.add_argument("--max-seconds", type=float, default=MAX_SECONDS, metavar="S",
                   help=f"wall-clock budget (default {MAX_SECONDS:g}); when it is spent, "
                   "integrations in progress give up and the command stops with one line "
                   "and exit code 1, printing no numbers")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def _check(args: argparse.Namespace) -> None:
    for name in ("omega", "tau", "alpha", "lam", "mean", "var", "dropout_rate", "correlation"):
        text = getattr(args, name)
        if text is not None:
            parse_exact(text, "--" + name.replace("lam", "lambda").replace("_", "-"))
    if args.tau is not None and parse_exact(args.tau, "--tau") <= 0:
        raise CLIError(f"--tau must be positive, got {args.tau}")
    if args.var is not None and parse_exact(args.var, "--var") <= 0:
        raise CLIError(f"--var must be positive, got {args.var}")
    for name in ("alpha", "lam"):
        text = getattr(args, name)
        if text is not None and parse_exact(text, "--" + name) <= 0:
            raise CLIError(f"--{name.replace('lam', 'lambda')} must be positive, got {text}")
    if args.dropout_rate is not None and not 0 <= parse_exact(args.dropout_rate,
                                                              "--dropout-rate") < 1:
        raise CLIError(f"--dropout-rate must be in [0, 1), got {args.dropout_rate}")
    if args.correlation is not None and not -1 <= parse_exact(args.correlation,
                                                              "--correlation") <= 1:
        raise CLIError(f"--correlation must be in [-1, 1], got {args.correlation}")
    value = {name: parse_exact(getattr(args, name), name) if getattr(args, name) else None
             for name in ("mean", "var", "omega", "tau")}
    check_supported("--mean/--var/--omega/--tau", value["mean"] or 0, value["omega"] or 0,
                    1 if value["var"] is None else value["var"],
                    1 if value["tau"] is None else value["tau"])
    if not 1 <= args.digits <= 60:
        raise CLIError("--digits must be in [1, 60]")
    if not GRID[0] <= args.grid <= GRID[1]:
        raise CLIError(f"--grid must be in [{GRID[0]}, {GRID[1]}]")
    if not 1 <= args.max_boxes <= 100000:
        raise CLIError("--max-boxes must be in [1, 100000]")
    if not args.max_seconds > 0:  # also NaN
        raise CLIError("--max-seconds must be positive")


#: ``--activation`` names with closed forms (without ``--normalize``): their model builder
CLOSED_FORMS = {"selu": "selu_model"}

#: ``--tau`` by default (without ``--normalize``; else 1): He initialization for ReLU
DEFAULT_TAU = {"relu": "2"}


def _model(args: argparse.Namespace, tau: str) -> Any:
    """The model the arguments name (:mod:`selu_proof.meanfield.report`): plain ``selu``
    (with ``--alpha``/``--lambda`` or a ``--mean``/``--var`` design) is SELU's closed forms;
    any other ``NAME[:key=value]``, a formula or ``--normalize`` the catalogue model by
    certified quadrature.
    """
    from selu_proof.meanfield import report

    builder = CLOSED_FORMS.get(args.activation) if args.normalize is None else None
    if builder is not None:
        return getattr(report, builder)(omega=args.omega, tau=tau, alpha=args.alpha,
                                        lam=args.lam, mean=args.mean, var=args.var,
                                        digits=args.digits)
    for opt, name in (("alpha", "--alpha"), ("lam", "--lambda"), ("mean", "--mean"),
                      ("var", "--var")):
        if getattr(args, opt) is not None:
            raise CLIError(f"{name} applies to SELU's closed forms (--activation selu without "
                           "--normalize); give parameters as NAME:key=value (e.g. "
                           "selu:alpha=1.6,lambda=1.05)")
    from selu_proof.cli.normalize import parse_activation_arg

    parse_activation_arg(args.activation)
    return report.catalogue_model(args.activation, args.normalize, digits=args.digits)


def _default_tau(args: argparse.Namespace) -> str:
    """:data:`DEFAULT_TAU` (``2`` for plain ReLU, He initialization), else ``1``."""
    return DEFAULT_TAU.get(args.activation, "1") if args.normalize is None else "1"


def run(args: argparse.Namespace) -> int:
    from selu_proof.fixedpoint.normalization import NormalizationError
    from selu_proof.meanfield.report import TimeBudgetError, mean_field

    _check(args)
    tau = args.tau or _default_tau(args)
    bar = progress(None, "mean field", not args.json and sys.stderr.isatty())

    def stage(name: str) -> None:
        bar.set_postfix_str(name)
        bar.update(1)

    try:
        model = _model(args, tau)
        res = mean_field(model, omega=args.omega, tau=tau, correlation=args.correlation,
                         dropout_rate=args.dropout_rate, digits=args.digits, grid=args.grid,
                         max_boxes=args.max_boxes, max_seconds=args.max_seconds,
                         progress=stage)
    except TimeBudgetError as exc:
        return _spent(str(exc))
    except (NormalizationError, ValueError, ArithmeticError) as exc:
        raise CLIError(str(exc)) from None
    finally:
        bar.close()
    if args.json:
        emit_json(res)
    else:
        _print(res)
    searches = res["correlation_fixed_points"]
    complete = all(searches[k] is not None and searches[k]["complete"]
                   for k in ("centred", "iid"))
    return 0 if res["certified"] and complete else 1


def _growth(v: list[str] | None) -> str:
    from selu_proof.meanfield.report import GROWTH_RANGE

    if v is None:
        return f"beyond 2^(+-{GROWTH_RANGE})"
    return _iv(v) if v[0] == v[1] else v[0] + ".." + v[1]


def _parameter(name: str, value: Any) -> str:
    if isinstance(value, dict):  # a design's target
        return f"designed for the fixed point mean {value['mean']}, var {value['var']}"
    if isinstance(value, list):
        return f"{name} {_iv(value)}" if value[0] == value[1] else f"{name} in {_iv(value)}"
    return f"{name} {value}" if name != "normalization" else f"({value})"


def _print(res: dict) -> None:
    tag = "certified" if res["certified"] else "certified at the state, not a fixed point"
    print(f"activation: {res['activation']}  (omega {res['weights']['omega']}, "
          f"tau {res['weights']['tau']})")
    if res["parameters"]:
        print("parameters: " + ", ".join(_parameter(k, v) for k, v in res["parameters"].items()
                                         if k != "normalization")
              + ("" if "normalization" not in res["parameters"] else
                 f" ({res['parameters']['normalization']})"))
    fp = res["fixed_point"]
    _print_fixed("fixed point", "", fp,
                 f"  maps below evaluated at the state (mean {_iv(fp['mean'])}, var "
                 f"{_iv(fp['var'])}), which is not a fixed point",
                 f"fixed point: mean {_iv(fp['mean'])}, var {_iv(fp['var'])} ({fp['status']}: "
                 f"{fp['how']})")
    j = res["jacobian"]
    print(f"jacobian H: [[{_iv(j['dmu_dmu'])}, {_iv(j['dmu_dnu'])}], "
          f"[{_iv(j['dnu_dmu'])}, {_iv(j['dnu_dnu'])}]]")
    print(f"  spectral norm {_iv(j['spectral_norm'])}, spectral radius "
          f"{_iv(j['spectral_radius'])}, attracting: {res['attracting']}")
    if res["dropout"]:
        d = res["dropout"]
        print(f"alpha dropout rate {d['rate']}: chi1 x {_iv(d['gradient_factor'])}, "
              f"covariance x {_iv(d['covariance_factor'])}")
    print(f"chi1  = {_iv(res['chi1'])}  ({tag}; gradient "
          f"{res['depth_scales']['gradient_direction']})")
    print(f"chi_c = {_iv(res['chi_c'])}  ({tag})")
    s = res["depth_scales"]
    print(f"depth scales: correlations xi_c = {_iv(s['correlation_xi_c'])} layers; "
          f"gradients 1/|ln chi1| = {_iv(s['gradient_layers_per_e'])} layers per factor e")
    print("gradient growth chi1^L: " + ", ".join(
        f"L={n}: {_growth(v)}" for n, v in res["gradient_growth"].items()))
    print(f"centred convention: {res['correlation_convention']}")
    k = res["iid_kernel"]
    print(f"i.i.d.-weights convention: {k['convention']}")
    _print_fixed("  q*", "  ", k,
                 f"  at q = {_iv(k['q_star'])}, not a fixed point: chi1 = {_iv(k['chi1'])}, "
                 f"chi_c = {_iv(k['chi_c'])}",
                 f"  q* = {_iv(k['q_star'])} ({k['status']}: {k['how']}); chi1 = "
                 f"{_iv(k['chi1'])}, chi_c = {_iv(k['chi_c'])}")
    fps = res["correlation_fixed_points"]
    for key, name in (("centred", "centred"), ("iid", "i.i.d.")):
        print(f"correlation fixed points in [-1, 1], {name}: {_fixed_points_line(fps[key])}")
    for key, name in (("correlation_map", "centred"), ("correlation_map_iid", "i.i.d.")):
        if key in res:
            m = res[key]
            print(f"correlation map ({name}) at c = {m['c']}: c~ = {_iv(m['value'])}, "
                  f"slope {_iv(m['slope'])} (certified)")
    for note in res["notes"]:
        print(f"note: {note}")


def _fixed_points_line(part: dict | None) -> str:
    """``exactly these: ...`` when the search is complete, else the fixed points found and the
    undecided intervals; ``not searched`` without a certified fixed point.
    """
    if part is None:
        return "not searched (the state is not a certified fixed point; --correlation C " \
            "searches there)"
    word = {True: "stable", False: "unstable", None: "stability undecided"}
    found = ", ".join(f"c = {_iv(p['c'])} ({p['status']}, slope {_iv(p['slope'])}, "
                      f"{word[p['stable']]})" for p in part["fixed_points"])
    work = f"[{part['boxes']} boxes, {part['evaluations']} integrals]"
    if part["complete"]:
        return f"exactly these: {found or 'none'} {work}"
    open_ = ", ".join(f"{_iv(u['c'])} (width {u['width']})" for u in part["undecided"])
    return f"{found or 'none certified'}; undecided in {open_} {work}"


def _print_fixed(head: str, indent: str, part: dict, state: str, certified: str) -> None:
    """A certified fixed point on one line, or what is proved instead (one finding a line,
    then the ``state`` where the maps were evaluated).
    """
    if "findings" in part:
        print(f"{head}: {part['status']}: " + f"\n{indent}  ".join(part["findings"]))
        print(state)
    else:
        print(certified)


def _spent(message: str) -> int:
    """The one line of a spent time budget; exit code 1 (nothing certified, not bad input)."""
    sys.stderr.write(f"selu-proof: mean-field: {message}\n")
    return 1


def _iv(x: list[str] | None) -> str:
    if x is None or not isinstance(x, list):
        return "-" if x is None else str(x)
    return x[0] if x[0] == x[1] else f"[{x[0]}, {x[1]}]"
