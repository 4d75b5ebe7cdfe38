"""``selu-proof transform``: certified DKS and TAT transformations of a catalogue activation.

Thin wrapper around :func:`selu_proof.transform.transform`.
"""

from __future__ import annotations

import argparse

from selu_proof.cli.common import CLIError, emit_json, parse_exact
from selu_proof.cli.normalize import add_activation_argument, parse_activation_arg

#: most significant digits of ``--digits``
MAX_DIGITS = 40


#: the deepest network, as in the help (selu_proof.transform.MAX_DEPTH; not imported here:
#: ``selu-proof check`` builds this parser and executes nothing outside the kernel)
HELP_MAX_DEPTH = 10_000


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "transform",
        help="certified DKS / TAT activation transformations (the dks package's conventions)",
        description="Transform an activation f into output_scale*(f(input_scale*x + "
        "input_shift) + output_shift) so that a network's kernel maps meet the targets of "
        "deep kernel shaping (DKS, Martens et al. 2021: Q(1) = 1, Q'(1) = 1, C(0) = 0, "
        "network-level C'_f(1) = zeta) or of tailored activation transformations (TAT, Zhang "
        "et al. 2022: smooth f, Q(1) = 1, Q'(1) = 1, C'(1) = 1, network-level C''_f(1) = "
        "tau; leaky ReLU, negative_slope and output_scale with network-level C_f(0) = eta), "
        "with the conventions of the dks package (per-layer target from the network-level "
        "one for a plain chain of depth L, or a residual chain with --shortcut-weight; ReLU's "
        "input shift fixed at +-1 under DKS; TAT rejects input_scale*output_scale >= 2 and "
        "refuses ReLU). Every parameter is an enclosure rounded outward, the solution is "
        "certified unique in a stated box by the Krawczyk test (Gaussian expectations by "
        "rigorous quadrature), and the resulting maps are certified. Exit status 0 when "
        "certified, 2 for bad input or when no certified solution is found.",
    )
    add_activation_argument(p)
    p.add_argument("--method", choices=("dks", "tat"), required=True,
                   help="dks (deep kernel shaping) or tat (tailored activation transformation)")
    p.add_argument("--depth", type=int, required=True, metavar="L",
                   help=f"number of nonlinear layers (blocks), 1 to {HELP_MAX_DEPTH}")
    p.add_argument("--zeta", metavar="Z",
                   help="DKS: network-level C'_f(1) target, > 1 (default 1.5, as dks)")
    p.add_argument("--eta", metavar="E",
                   help="TAT with leaky_relu: network-level C_f(0) target in (0, 1) (default "
                   "0.9, as dks)")
    p.add_argument("--tau", metavar="T",
                   help="TAT with a smooth activation: network-level C''_f(1) target, > 0 "
                   "(default 0.3, as dks)")
    p.add_argument("--shortcut-weight", metavar="W",
                   help="residual chain with shortcut weight W in [0, 1): blocks x -> W*x + "
                   "sqrt(1 - W^2)*phi(Wx); default: a plain chain")
    p.add_argument("--digits", type=int, default=12, metavar="N",
                   help=f"significant digits of the enclosures (default 12, at most {MAX_DIGITS})")
    p.add_argument("--json", action="store_true",
                   help='print {"parameters": {input_scale, input_shift, output_shift, '
                   'output_scale | negative_slope, output_scale: [lo, hi]}, "uniqueness", '
                   '"maps", "network", ...} as JSON')
    p.set_defaults(func=run)


def _opt(text: str | None, name: str):
    return None if text is None else parse_exact(text, name)


def run(args: argparse.Namespace) -> int:
    from selu_proof.transform import MAX_DEPTH, TransformError, transform

    if not 1 <= args.digits <= MAX_DIGITS:
        raise CLIError(f"--digits must be between 1 and {MAX_DIGITS}, got {args.digits}")
    if not 1 <= args.depth <= MAX_DEPTH:
        raise CLIError(f"--depth must be between 1 and {MAX_DEPTH}, got {args.depth}")
    act = parse_activation_arg(args.activation)
    if act.name == "leaky_relu" and args.method == "tat" and ":" in args.activation:
        raise CLIError("TAT sets leaky_relu's negative slope itself; give leaky_relu without "
                       "parameters")
    try:
        res = transform(args.activation, args.method, depth=args.depth,
                        zeta=_opt(args.zeta, "--zeta"), eta=_opt(args.eta, "--eta"),
                        tau=_opt(args.tau, "--tau"),
                        shortcut_weight=_opt(args.shortcut_weight, "--shortcut-weight"),
                        digits=args.digits)
    except TransformError as exc:
        raise CLIError(str(exc)) from None
    out = res.as_dict(args.digits)
    if args.json:
        emit_json(out)
        return 0
    target = ", ".join(f"{k} = {v}" for k, v in out["target"].items())
    print(f"activation: {out['activation']}, method: {out['method']}, {target}, "
          f"depth {out['depth']}, {out['architecture']}")
    for key, (lo, hi) in out.get("per_layer_target", {}).items():
        print(f"per-layer target: {key} in [{lo}, {hi}]")
    _block("parameters", out["parameters"], out["fixed_by_convention"])
    box = ", ".join(f"{k} in [{lo}, {hi}]" for k, (lo, hi) in out["uniqueness"]["box"].items())
    print(f"unique solution (Krawczyk) in the box {box}")
    _block("maps", out["maps"], [])
    _block("network", out["network"], [])
    for note in out["notes"]:
        print(f"note: {note}")
    print("certified: enclosures from rigorous quadrature, rounded outward")
    return 0


def _block(title: str, values: dict, fixed: list[str]) -> None:
    print(f"{title}:")
    width = max(len(k) for k in values)
    for key, (lo, hi) in values.items():
        extra = "  (fixed by convention)" if key in fixed else ""
        print(f"  {key:<{width}} in [{lo}, {hi}]{extra}")
