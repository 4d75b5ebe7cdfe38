"""``selu-proof plot``: draw one of the library's figures into a PNG, PDF or SVG file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from selu_proof.cli.common import (
    CLIError,
    check_network_size,
    check_output_file,
    check_seed,
    check_supported,
    emit_json,
    parse_float,
)
from selu_proof.cli.simulate import add_activation_options, simulation_activation

#: figure name -> one-line description (the order of ``--help``)
FIGURES: dict[str, str] = {
    "activation": "SELU (alpha_01, lambda_01) beside ELU and ReLU, saturation -lambda*alpha marked",
    "mapping-field": "the moment map g on the (mu, nu) plane: arrows, fixed point, Theorem 1 "
                     "box and its image",
    "spectral-norm": "heatmap of the spectral norm S of the Jacobian of g, S = 1 contour, "
                     "certified region",
    "certificate-cover": "leaves of a certificate in the (mu, nu), (a, v) or (omega, tau) "
                         "plane, by evaluation form",
    "simulation": "a simulated deep network, layer moments against the iterated map g",
    "correlation-map": "the correlation map c -> c~ with its fixed points: SELU (with and "
                       "without alpha dropout) beside ReLU (He) and tanh",
    "gradients": "simulated mean squared gradient per layer (log scale) against chi1^depth",
}

#: options that only some figures take: dest -> (flag, figures)
_SPECIFIC: dict[str, tuple[str, tuple[str, ...]]] = {
    "omega": ("--omega", ("mapping-field", "spectral-norm", "simulation")),
    "tau": ("--tau", ("mapping-field", "spectral-norm", "simulation")),
    "jacobian": ("--jacobian", ("spectral-norm",)),
    "certificate": ("--certificate", ("certificate-cover",)),
    "claim": ("--claim", ("certificate-cover",)),
    "goal": ("--goal", ("certificate-cover",)),
    "plane": ("--plane", ("certificate-cover",)),
    "no_check": ("--no-check", ("certificate-cover",)),
    "depth": ("--depth", ("simulation", "gradients")),
    "width": ("--width", ("simulation", "gradients")),
    "batch": ("--batch", ("simulation", "gradients")),
    "activation": ("--activation", ("simulation",)),
    "normalize": ("--normalize", ("simulation",)),
    "seed": ("--seed", ("simulation", "gradients")),
}

_HELP = (
    "Draw a figure and save it; the format follows the extension of --out (.png, .pdf, "
    ".svg). Figures: " + "; ".join(f"{k}: {v}" for k, v in FIGURES.items()) + ". "
    "With --json, print a summary of the plotted data (key numbers, not pixels)."
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plot", help="draw a figure (" + ", ".join(FIGURES) + ")",
                       description=_HELP)
    p.add_argument("name", choices=tuple(FIGURES), metavar="NAME",
                   help="one of: " + ", ".join(FIGURES))
    p.add_argument("--out", required=True, metavar="FILE",
                   help="output file: .png, .pdf or .svg")
    p.add_argument("--json", action="store_true",
                   help="print {\"figure\", \"file\", ...key numbers of the plotted data}")
    g = p.add_argument_group("mapping-field, spectral-norm, simulation")
    g.add_argument("--omega", default=None, metavar="W",
                   help="weight statistic omega = sum of a unit's weights (default 0; "
                   "spectral-norm: the worst corner of the Theorem 1 domain)")
    g.add_argument("--tau", default=None, metavar="T",
                   help="weight statistic tau = sum of squared weights (default 1; "
                   "spectral-norm: the worst corner of the Theorem 1 domain)")
    g = p.add_argument_group("spectral-norm")
    g.add_argument("--jacobian", choices=("variance", "second_moment"), default=None,
                   help="H: Jacobian of (mu, nu) -> (mu~, nu~) (default, Theorem 1) or "
                   "J: of (mu, nu) -> (mu~, xi~)")
    g = p.add_argument_group("certificate-cover")
    g.add_argument("--certificate", default=None, metavar="FILE|NAME",
                   help="certificate file, or a shipped name such as theorem3a for its "
                   "committed certificate (default theorem1)")
    g.add_argument("--claim", type=int, default=None, metavar="I",
                   help="claim index in the specification (default 0)")
    g.add_argument("--goal", type=int, default=None, metavar="J",
                   help="goal index within the claim (default 0)")
    g.add_argument("--plane", choices=("mu-nu", "a-v", "omega-tau"), default=None,
                   help="projection plane (default mu-nu; a-v is (mu*omega, nu*tau))")
    g.add_argument("--no-check", action="store_true", default=None,
                   help="draw the certificate without checking it first (by default one "
                   "that does not check is refused: its cover would prove nothing)")
    g = p.add_argument_group("simulation")
    g.add_argument("--depth", type=int, default=None, metavar="L", help="layers (default 100)")
    g.add_argument("--width", type=int, default=None, metavar="N",
                   help="units per layer (default 1000)")
    g.add_argument("--batch", type=int, default=None, metavar="B",
                   help="input samples (default 1000)")
    add_activation_options(g, default=None)
    g.add_argument("--seed", type=int, default=None, metavar="S", help="random seed (default 0)")
    p.set_defaults(func=run)


def _check_options(args: argparse.Namespace) -> None:
    for dest, (flag, figures) in _SPECIFIC.items():
        if getattr(args, dest) is not None and args.name not in figures:
            raise CLIError(f"{flag} does not apply to the {args.name} figure "
                           f"(only to {', '.join(figures)})")
    from selu_proof.plots import FIGURE_FORMATS

    if Path(args.out).suffix.lower() not in FIGURE_FORMATS:
        raise CLIError(f"--out {args.out!r}: the file name must end in "
                       f"{', '.join(FIGURE_FORMATS)}")
    check_output_file(args.out, "--out")


def _weights(args: argparse.Namespace, default: tuple[str, str] | None) -> Any:
    if args.omega is None and args.tau is None:
        return default
    omega = "0" if args.omega is None else args.omega
    tau = "1" if args.tau is None else args.tau
    om = parse_float(omega, "--omega")
    ta = parse_float(tau, "--tau")
    if ta <= 0:
        raise CLIError(f"--tau must be positive, got {tau}")
    check_supported("--omega/--tau", omega=om, tau=ta)
    return omega, tau


def _certificate_path(item: str | None) -> Path | None:
    if item is None:
        return None
    from selu_proof.kernel.specs import PROOFS_DIR, shipped_specs

    if item in shipped_specs():
        return PROOFS_DIR / f"{item}.cert.json"
    path = Path(item)
    if not path.exists():
        raise CLIError(f"--certificate {item!r}: no such file (or give a shipped name: "
                       f"{', '.join(shipped_specs())})")
    return path


def _simulation(args: argparse.Namespace, ax: Any) -> dict[str, Any]:
    import numpy as np

    from selu_proof.cli.simulate import simulate_finite
    from selu_proof.plots import plot_simulation

    depth = 100 if args.depth is None else args.depth
    width = 1000 if args.width is None else args.width
    batch = 1000 if args.batch is None else args.batch
    check_network_size(depth, width, batch)
    check_seed(0 if args.seed is None else args.seed)
    activation = simulation_activation(args.activation or "selu", args.normalize)
    weights = _weights(args, None)
    extra: dict[str, Any] = {}
    if weights is not None:
        extra = {"omega": weights[0], "tau": weights[1], "init": "exact"}
        if float(weights[1]) < float(weights[0]) ** 2 / width:
            raise CLIError("--tau must be at least omega**2/width (Cauchy-Schwarz)")
    result = simulate_finite(depth, width, batch, json_out=args.json,
                             activation=activation,
                             rng=np.random.default_rng(0 if args.seed is None else args.seed),
                             **extra)
    plot_simulation(result, ax)
    fp = result.fixed_point
    return {"config": {k: result.config.get(k) for k in
                       ("activation", "depth", "width", "batch", "init", "implied_omega",
                        "implied_tau")},
            "seed": 0 if args.seed is None else args.seed, **result.summary(),
            "fixed_point": None if fp is None else
            {k: fp.get(k) for k in ("status", "mean", "var", "convention")}}


def _draw(args: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    from selu_proof import plots

    name = args.name
    if name == "simulation":
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(8.4, 3.6), layout="constrained")
        FigureCanvasAgg(fig)
        axes = [fig.add_subplot(1, 2, k + 1) for k in range(2)]
        return fig, _simulation(args, axes)
    if name in ("correlation-map", "gradients"):
        return _mean_field_figure(args)
    if name == "activation":
        data = plots.plot_activation()
    elif name == "mapping-field":
        omega, tau = _weights(args, ("0", "1"))
        data = plots.plot_mapping_field(omega, tau)
    elif name == "spectral-norm":
        weights = _weights(args, None)
        w, t = (None, None) if weights is None else (float(weights[0]), float(weights[1]))
        data = plots.plot_spectral_norm(w, t, kind=args.jacobian or "variance")
    else:  # certificate-cover
        data = plots.plot_certificate_cover(
            _certificate_path(args.certificate), claim=args.claim or 0, goal=args.goal or 0,
            plane=args.plane or "mu-nu", check=not args.no_check)
    return data.figure, data.summary()


def _mean_field_figure(args: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    from selu_proof.plots import mean_field

    if args.name == "correlation-map":
        data = mean_field.plot_correlation_map()
    else:
        depth = 50 if args.depth is None else args.depth
        width = 500 if args.width is None else args.width
        batch = 500 if args.batch is None else args.batch
        check_network_size(depth, width, batch, gradients=True)
        check_seed(0 if args.seed is None else args.seed)
        data = mean_field.plot_gradients(depth=depth, width=width, batch=batch,
                                        seed=0 if args.seed is None else args.seed)
    return data.figure, data.summary()


def run(args: argparse.Namespace) -> int:
    from selu_proof.plots import save_figure

    _check_options(args)
    try:
        fig, summary = _draw(args)
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    try:
        save_figure(fig, args.out)
    except OSError as exc:
        raise CLIError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    if args.json:
        emit_json({"figure": args.name, "file": str(args.out), **summary})
    else:
        print(f"{args.name} figure written to {args.out}")
    return 0
