"""``selu-proof design`` and ``selu-proof fixed-point``: certified roots of the moment equations.

Thin wrappers around :func:`selu_proof.fixedpoint.design_selu` and
:func:`selu_proof.fixedpoint.fixed_point`: parse, call, print, set the exit
code (0 only for a certified unique root, 1 for ``unknown``/``none``, 2 for
bad input).
"""

from __future__ import annotations

import argparse
from fractions import Fraction
from typing import Any

from selu_proof.cli import fixed_point_set
from selu_proof.cli.common import (
    CLIError,
    check_parameter,
    check_supported,
    emit_json,
    parse_exact,
)

#: default wall-clock budget of ``design --prove`` (seconds, the whole search)
PROVE_SECONDS = 300.0

_STATUS_HELP = (
    "Exit status: 0 when the root is certified unique (the Krawczyk image of a box lies "
    "strictly inside it), 1 when the status is 'unknown' or 'none', 2 for bad input."
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "design",
        help="certified (alpha, lambda) of a SELU whose moment map has a given fixed point",
        description="Solve mean~(alpha, lambda) = M and var~(alpha, lambda) = V for the SELU "
        "parameters (paper Eq. 4-5), where the pre-activation is N(M*omega, V*tau). "
        "--omega 0 --tau 1 (default) is the paper's normalized-weight case and gives "
        "alpha_01, lambda_01 for (0, 1); --omega 1 --tau 1 is the convention of the authors' "
        "notebook (pre-activation N(M, V)). Newton's method finds the root, the Krawczyk test "
        "in arb ball arithmetic proves it unique in a box; only certified digits are printed. "
        + _STATUS_HELP,
    )
    p.add_argument("--mean", default=None, metavar="M",
                   help="target fixed-point mean mu* (required for SELU; default 0 with "
                   "--activation)")
    p.add_argument("--var", default=None, metavar="V",
                   help="target fixed-point variance nu* (> 0; required for SELU; default 1 "
                   "with --activation)")
    p.add_argument("--activation", default=None, metavar="NAME[:params]",
                   help="design for a catalogue activation instead of SELU: its certified "
                   "affine constants lambda*(f - beta) put the fixed point at (M, V) for "
                   "omega = 0, tau = 1 (see 'selu-proof normalize'); with --prove, Theorem 1's "
                   "claims are proved by certified quadrature")
    p.add_argument("--normalize", choices=("affine",), default=None,
                   help="normalization of --activation (affine, the default)")
    p.add_argument("--omega", default="0", metavar="W",
                   help="weight statistic omega = sum w_i (default 0)")
    p.add_argument("--tau", default="1", metavar="T",
                   help="weight statistic tau = sum w_i^2 (> 0, default 1)")
    p.add_argument("--digits", type=int, default=20, metavar="N",
                   help="certified significant digits (default 20, at most 1000)")
    p.add_argument("--dropout-rate", default=None, metavar="R",
                   help="also print the alpha-dropout affine terms a, b for drop rate R in "
                   "[0, 1) (keep probability 1 - R, saturation -lambda*alpha)")
    p.add_argument("--json", action="store_true",
                   help="print alpha, lambda, status, reason, convention, box, "
                   "uniqueness_box (and dropout) as JSON")
    _add_prove_options(p)
    p.set_defaults(func=run_design, parser=p)

    f = sub.add_parser(
        "fixed-point",
        help="certified fixed point (mean, var) of the moment map g for given (omega, tau)",
        description="Find (mu*, nu*) with g(mu*, nu*) = (mu*, nu*), where g maps the input "
        "mean and variance of a SELU layer to the output ones (paper Theorem 1), for weight "
        "statistics (omega, tau) and SELU parameters (default alpha_01, lambda_01, used as "
        "certified balls). Iterates g, polishes with Newton, and proves the root unique in a "
        "box with the Krawczyk test. With an interval --omega LO,HI and/or --tau LO,HI it "
        "encloses the set of fixed points over the box of weight statistics, every end within "
        "--tol of the true hull (Krawczyk tests with interval parameters on pieces of the box, "
        "each fixed point unique in its piece's box); exit 0 only when the whole set is "
        "certified. " + _STATUS_HELP,
    )
    f.add_argument("--omega", required=True, metavar="W",
                   help="weight statistic omega, or an interval LO,HI: then the certified set "
                   "of fixed points over the box of weight statistics is printed")
    f.add_argument("--tau", required=True, metavar="T",
                   help="weight statistic tau (> 0), or an interval LO,HI")
    f.add_argument("--alpha", default=None, metavar="A",
                   help="SELU alpha as an exact decimal (default alpha_01)")
    f.add_argument("--lambda", dest="lam", default=None, metavar="L",
                   help="SELU lambda as an exact decimal (default lambda_01)")
    f.add_argument("--digits", type=int, default=20, metavar="N",
                   help="certified digits (default 20, at most 1000)")
    f.add_argument("--json", action="store_true",
                   help="print mean, var, status, reason, convention, box, uniqueness_box "
                   "as JSON")
    fixed_point_set.configure(f)
    f.set_defaults(func=run_fixed_point)


def _digits(n: int) -> int:
    if not 1 <= n <= 1000:
        raise CLIError(f"--digits must be between 1 and 1000, got {n}")
    return n


def _positive(text: str, option: str) -> Fraction:
    value = parse_exact(text, option)
    if value <= 0:
        raise CLIError(f"{option} must be positive, got {text!r}")
    return value


def _print_result(result, json_out: bool) -> int:
    if json_out:
        emit_json(result.as_dict())
    else:
        print(f"convention: {result.convention}")
        print(f"status:     {result.status}" + (f" ({result.reason})" if result.reason else ""))
        if result.values:
            width = max(len(k) for k in result.values)
            for key, value in result.values.items():
                print(f"{key:<{width}} = {value}")
        label = "enclosure" if result.status == "unique" else "box"
        for key, (lo, hi) in result.box.items():
            print(f"{label}: {key} in [{lo}, {hi}]")
        for key, (lo, hi) in result.uniqueness_box.items():
            print(f"unique in: {key} in [{lo}, {hi}]")
        if result.dropout:
            d = result.dropout
            print(f"alpha dropout (rate {d['rate']}, keep {d['keep']}, saturation "
                  f"{d['saturation']}): a = {d['a']}, b = {d['b']}")
    return 0 if result.status == "unique" else 1


def run_design(args: argparse.Namespace) -> int:
    """``design``; with ``--prove``, an output directory it creates is removed again when
    no certificate was written into it (a refuted, unknown, interrupted or refused search).
    """
    from selu_proof.cli.common import missing_dirs, remove_if_empty

    created = missing_dirs(args.out) if args.prove else []
    try:
        return _run_design(args)
    finally:
        remove_if_empty(created)


def _run_design(args: argparse.Namespace) -> int:
    from selu_proof.fixedpoint import design_selu

    if args.shape is not None and not args.prove:
        raise CLIError("--shape applies to --prove only")
    if args.activation is not None:
        return _design_activation(args)
    if args.normalize is not None:
        raise CLIError("--normalize applies to --activation only")
    if args.mean is None or args.var is None:  # an argparse error, as a required option's
        args.parser.error("the following arguments are required: --mean, --var (unless "
                          "--activation is given)")
    mean = parse_exact(args.mean, "--mean")
    var = _positive(args.var, "--var")
    omega = parse_exact(args.omega, "--omega")
    tau = _positive(args.tau, "--tau")
    check_supported("--mean/--var/--omega/--tau", mean, omega, var, tau)
    digits = _digits(args.digits)
    rate = None
    if args.dropout_rate is not None:
        rate = parse_exact(args.dropout_rate, "--dropout-rate")
        if not 0 <= rate < 1:
            raise CLIError(f"--dropout-rate must be in [0, 1), got {args.dropout_rate!r}")
    if args.prove:
        _check_prove_options(args)
    try:
        result = design_selu(mean, var, omega, tau, digits=digits, dropout_rate=rate)
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    if args.prove:
        _check_designed_spec(result, (mean, var, omega, tau))
        return _design_and_prove(args, result, (mean, var, omega, tau))
    return _print_result(result, args.json)


def _add_prove_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(
        "design, then prove",
        "With --prove, the printed alpha and lambda (exact decimals of the certified digits) "
        "are put in a specification with Theorem 1's claims (S(H) < 1 and the invariance of "
        "the (mu, nu) box) on a domain around (M, V, W, T) shaped by --shape; the "
        "domain is grown (or shrunk) by bisection on its scale between a proof and a "
        "refutation, and the largest proved domain's certificate is written (a folder --out "
        "created for it is removed again when none is). On a terminal a progress bar moves "
        "with each prover run and each subtree of it. Exit status 0 only when a domain is "
        "proved; 1 with the reason when the claims fail or are not proved within "
        "--max-seconds, or (--shape activation) when abs(H) (entrywise) has spectral "
        "radius >= 1 at the fixed point, so that no axis-aligned box can be mapped into "
        "itself at small scales.")
    g.add_argument("--prove", action="store_true",
                   help="prove Theorem 1's claims for the designed SELU")
    g.add_argument("--shape", choices=("activation", "theorem1"), default=None,
                   help="proportions of the domain: 'theorem1' (Theorem 1's: mu within s/10, "
                   "nu in [V(1 - s/5), V(1 + s/2)]; the default for SELU) or 'activation' "
                   "(the default with --activation: mu and nu widths from the certified "
                   "Jacobian H at the fixed point, along the Perron vector of abs(H), "
                   "entrywise, and enlarged for the omega and tau ranges); omega and tau "
                   "have Theorem 1's proportions in both"),
    from selu_proof.cli.bound import add_search_options

    add_search_options(g, 200_000, "box budget per goal of each prover run (default 2e5)",
                       "wall-clock budget of the whole search, shared by its prover runs "
                       f"(default {PROVE_SECONDS:g}); when it is spent the largest domain "
                       "proved so far is kept", precision=False, max_seconds=PROVE_SECONDS)


def _check_prove_options(args: argparse.Namespace) -> None:
    from selu_proof.cli.bound import check_budget

    if args.dropout_rate is not None:
        raise CLIError("--prove does not take --dropout-rate")
    check_budget(args)


def _shape(args: argparse.Namespace, default: str) -> str:
    """``--shape``, or ``default``."""
    return default if args.shape is None else args.shape


def _check_designed_spec(result, target) -> None:  # noqa: ANN001 - a RootResult
    """Refuse, before proving, a design whose smallest domain is no supported specification."""
    from selu_proof.kernel.specs import SpecError
    from selu_proof.search.design_proof import SMALLEST_SCALE, designed_spec, selu_key

    if result.status != "unique":
        return
    try:
        designed_spec(selu_key(result.values["alpha"], result.values["lambda"]), *target,
                      SMALLEST_SCALE)
    except SpecError as exc:
        raise CLIError(f"--prove: the designed SELU's domain is not a supported "
                       f"specification: {exc}") from None


def _prove_progress(desc: str, args: argparse.Namespace) -> tuple[Any, Any, Any]:
    """A progress bar on stderr (a terminal, not ``--json``) that moves as each prover run
    starts and after each subtree of it, and shows the scale and status of each run.
    """
    import sys

    from selu_proof.cli.common import progress

    bar = progress(None, desc, not args.json and sys.stderr.isatty())

    def step(t) -> None:  # noqa: ANN001 - a Trial
        bar.set_postfix_str(f"scale {float(t.value):.4g}: {t.status}")

    def run_step(message: str) -> None:
        bar.set_postfix_str(message)
        bar.update(1)
    return bar, step, run_step


def _design_and_prove(args: argparse.Namespace, result, target) -> int:
    """Prove Theorem 1's claims for the designed (alpha, lambda); print both results."""
    from selu_proof.search.design_proof import prove_design, selu_key

    if result.status != "unique":
        proof = {"status": "unknown", "reason": "no certified (alpha, lambda) to prove",
                 "domain": {}, "certificates": []}
        code = 1
    else:
        bar, step, run_step = _prove_progress("proving the designed SELU", args)
        try:
            res = prove_design(selu_key(result.values["alpha"], result.values["lambda"]),
                               *target, out_dir=args.out, max_boxes=args.max_boxes,
                               total_seconds=args.max_seconds, progress=step,
                               run_progress=run_step, shape=_shape(args, "theorem1"))
        finally:
            bar.close()
        proof = res.as_dict()
        code = 0 if res.status == "proved" else 1
    if args.json:
        emit_json({**result.as_dict(), "proof": proof})
        return code
    _print_result(result, False)
    _print_proof(proof, with_scale=False)
    return code


def shape_line(shape: dict[str, Any]) -> str:
    """One line on how the domain's proportions were chosen (``DesignProof.shape``)."""
    if shape.get("status") == "shaped":
        w = shape["widths_per_scale"]
        u = shape["perron_vector_abs_H"]
        return (f"activation: (mu, nu) widths from H at the fixed point (spectral radius of "
                f"|H| in [{', '.join(shape['spectral_radius_abs_H'])}], Perron vector "
                f"({u[0]:g}, {u[1]:g})); per unit of scale mu from -{w['mu'][0]} to "
                f"+{w['mu'][1]}, nu from -{w['nu'][0]} to +{w['nu'][1]}")
    if shape.get("status") == "no box":
        return "activation: no axis-aligned box (the proof line says why)"
    why = " (S(H) is not below 1 at the fixed point)" if shape.get("status") else ""
    return f"theorem1: Theorem 1's proportions{why}"


def _print_proof(proof: dict[str, Any], with_scale: bool) -> None:
    if "shape" in proof:
        print(f"shape:      {shape_line(proof['shape'])}")
    print(f"proof:      {proof['status']}" +
          (f" (scale {proof['scale']})" if with_scale and proof.get("scale") else "") +
          (f" ({proof['reason']})" if proof.get("reason") else ""))
    for key, (lo, hi) in proof["domain"].items():
        print(f"domain:     {key} in [{lo}, {hi}]")
    for path in proof["certificates"]:
        print(f"certificate: {path}")


def _design_activation(args: argparse.Namespace) -> int:
    """``design --activation``: certified affine constants, then (``--prove``) Theorem 1's
    claims on domains around ``(M, V, 0, 1)`` shaped by ``--shape`` (default ``activation``).
    """
    from selu_proof.cli.normalize import parse_activation_arg
    from selu_proof.fixedpoint.normalization import outward_interval
    from selu_proof.kernel.activation_claims import NormalizeError
    from selu_proof.kernel.model import model_of
    from selu_proof.kernel.specs import SpecError
    from selu_proof.search.design_proof import activation_key, designed_spec, prove_design

    act = parse_activation_arg(args.activation)
    mean = parse_exact(args.mean if args.mean is not None else "0", "--mean")
    var = _positive(args.var if args.var is not None else "1", "--var")
    if (parse_exact(args.omega, "--omega"), parse_exact(args.tau, "--tau")) != (0, 1):
        raise CLIError("--activation designs for omega = 0, tau = 1 (where the affine "
                       "normalization puts the fixed point); drop --omega/--tau")
    if args.dropout_rate is not None:
        raise CLIError("--activation does not take --dropout-rate")
    digits = _digits(args.digits)
    if args.prove:
        _check_prove_options(args)
    try:
        key = activation_key(act.spec, mean, var)
        designed_spec(key, mean, var, Fraction(0), Fraction(1), Fraction(1))  # supported?
        model = model_of(key, max(128, digits * 34 // 10 + 20))
    except (SpecError, NormalizeError) as exc:
        raise CLIError(str(exc)) from None
    consts = {key: outward_interval(x, digits) for key, x in model.constants().items()}
    out = {"activation": act.spec, "normalize": "affine", "target": {
        "mean": args.mean or "0", "var": args.var or "1"}, "constants": consts}
    code = 0
    if args.prove:
        bar, step, run_step = _prove_progress(f"proving {act.spec}", args)
        try:
            res = prove_design(key, mean, var, Fraction(0), Fraction(1), out_dir=args.out,
                               max_boxes=args.max_boxes, total_seconds=args.max_seconds,
                               progress=step, run_progress=run_step,
                               precision=64, shape=_shape(args, "activation"))
        finally:
            bar.close()
        out["proof"] = res.as_dict()
        code = 0 if res.status == "proved" else 1
    if args.json:
        emit_json(out)
        return code
    print(f"activation: {act.spec} (affine: lambda*(f(x) - beta) has the fixed point "
          f"({out['target']['mean']}, {out['target']['var']}) at omega = 0, tau = 1)")
    for key, (lo, hi) in consts.items():
        print(f"{key:<6} in [{lo}, {hi}]")
    if args.prove:
        _print_proof(out["proof"], with_scale=True)
    return code


def run_fixed_point(args: argparse.Namespace) -> int:
    from selu_proof.fixedpoint import fixed_point

    if fixed_point_set.wants_set(args):
        return fixed_point_set.run(args)
    if args.tol is not None:
        raise CLIError("--tol needs an interval --omega LO,HI or --tau LO,HI")
    omega = parse_exact(args.omega, "--omega")
    tau = _positive(args.tau, "--tau")
    check_supported("--omega/--tau", omega=omega, tau=tau)
    alpha = None if args.alpha is None else check_parameter(parse_exact(args.alpha, "--alpha"),
                                                            "--alpha")
    lam = None if args.lam is None else check_parameter(parse_exact(args.lam, "--lambda"),
                                                        "--lambda")
    digits = _digits(args.digits)
    try:
        result = fixed_point(omega, tau, alpha, lam, digits=digits)
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    return _print_result(result, args.json)
