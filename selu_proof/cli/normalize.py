"""``selu-proof normalize``: certified normalizing constants of any catalogue activation.

Thin wrapper around :func:`selu_proof.fixedpoint.normalization.normalize`.
"""

from __future__ import annotations

import argparse

from selu_proof.cli.common import CLIError, emit_json, parse_exact


def activation_help() -> str:
    """The catalogue, for ``--help`` texts."""
    from selu_proof.kernel.activations import ALIASES, CATALOGUE

    items = []
    for name, entry in CATALOGUE.items():
        params = ",".join(f"{k}={p.default}" for k, p in entry.params.items())
        items.append(name + (f":{params}" if params else ""))
    aliases = ", ".join(f"{a} = {t}" for a, t in ALIASES.items())
    return f"{'; '.join(items)} (aliases: {aliases})"


#: how an activation is written, for ``--help`` texts
ACTIVATION_SYNTAX = ("NAME, NAME:key=value,... with exact decimals, or a formula in x with "
                     "its parameters, 'FORMULA; key=value, ...' (e.g. 'x*sigmoid(b*x); "
                     "b=1.702'; `selu-proof activations` lists the catalogue)")


def add_activation_argument(p: argparse.ArgumentParser) -> None:
    """The positional ``NAME`` (a catalogue activation with exact parameters, or a formula)."""
    p.add_argument("activation", metavar="NAME",
                   help=ACTIVATION_SYNTAX + "; catalogue: "
                   + activation_help().replace("%", "%%"))


def parse_activation_arg(text: str):
    """Parse ``NAME[:key=value,...]`` or a formula, or raise a one-line :class:`CLIError`."""
    from selu_proof.kernel.activations import ActivationError, parse_activation

    try:
        return parse_activation(text)
    except ActivationError as exc:
        raise CLIError(str(exc)) from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "normalize",
        help="certified normalizing constants (affine or GPN) of any catalogue activation",
        description="Certified constants that normalize an activation f, from its Gaussian "
        "moments enclosed by rigorous quadrature (python-flint acb.integral, tails bounded). "
        "affine: lambda*(f(x) - beta) maps z ~ N(0, 1) to mean 0 and variance 1 (with "
        "--mean/--var: z ~ N(0, V) to mean M, variance V; weights omega = 0, tau = 1); "
        "lambda > 0 is the unique solution; at M = 0, V = 1 it is the normalizer-free gain "
        "gamma = 1/std f(z) (Brock, De, Smith 2021; timm's _nonlin_gamma; see `selu-proof "
        "table nf-gains`), and beta = E f(z) the shift that NF networks omit. gpn (Lu, "
        "Gould, Ajanthan 2020): gamma*(f(x) + beta) with E[phi(z)^2] = 1 and "
        "E[phi'(z)^2] = 1 for z ~ N(0, 1), beta the root of "
        "smaller abs(beta) (the positive one on a tie). nf: gamma*f(x) with gamma = "
        "1/std f(z), z ~ N(0, 1), and no shift, as normalizer-free networks use it (gamma "
        "is the affine lambda). Every printed interval is rounded "
        "outward. Exit status 0 when certified, 2 for bad input or when the normalization "
        "does not exist or is not certified.",
    )
    add_activation_argument(p)
    p.add_argument("--convention", choices=("affine", "gpn", "nf"), default="affine",
                   help="affine lambda*(f - beta) (default; lambda is the normalizer-free "
                   "gain 1/std f(z)), gpn gamma*(f + beta), or nf gamma*f (the "
                   "normalizer-free gain alone, no shift)")
    p.add_argument("--mean", default="0", metavar="M",
                   help="target mean M of the affine convention (default 0)")
    p.add_argument("--var", default="1", metavar="V",
                   help="target variance V of the affine convention, in [0.001, 1000] (the "
                   "supported pre-activation variance; default 1)")
    p.add_argument("--digits", type=int, default=20, metavar="N",
                   help="significant digits of the printed enclosures (default 20, at most 200)")
    p.add_argument("--json", action="store_true",
                   help='print {"activation", "convention", "constants": {NAME: [lo, hi]}, '
                   '"certified"} as JSON')
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from selu_proof.fixedpoint.normalization import NormalizationError, normalize

    act = parse_activation_arg(args.activation)
    mean = parse_exact(args.mean, "--mean")
    var = parse_exact(args.var, "--var")
    if var <= 0:
        raise CLIError(f"--var must be positive, got {args.var!r}")
    if args.convention != "affine" and (mean, var) != (0, 1):
        raise CLIError("--mean/--var apply to the affine convention only")
    if not 1 <= args.digits <= 200:
        raise CLIError(f"--digits must be between 1 and 200, got {args.digits}")
    try:
        res = normalize(act, args.convention, mean, var, args.digits)
    except NormalizationError as exc:
        raise CLIError(str(exc)) from None
    out = res.as_dict(args.digits)
    if args.json:
        emit_json(out)
        return 0
    print(f"activation: {res.activation}")
    print(f"convention: {res.describe()}")
    width = max(len(k) for k in out["constants"])
    for key, (lo, hi) in out["constants"].items():
        print(f"{key:<{width}} in [{lo}, {hi}]")
    print("certified: enclosures from rigorous quadrature, rounded outward")
    return 0
