"""``selu-proof simulate``: a simulated deep network next to the iterated moment map ``g``."""

from __future__ import annotations

import argparse
import math
import sys
from typing import Any

from selu_proof.cli.common import (
    CLIError,
    check_network_size,
    check_output_file,
    check_seed,
    check_supported,
    emit_json,
    parse_float,
    progress,
)

_HELP = (
    "Propagate a batch of Gaussian inputs through a deep fully connected network (numpy, "
    "one layer in memory at a time) and compare, layer by layer, the empirical mean and "
    "variance of the activations with the prediction of iterating the moment map g "
    "(paper Eq. 4-5) from the input moments with the (omega, tau) realised by the weights. "
    "Deviations are given in standard errors (crossed batch/unit estimate). The defaults "
    "reproduce the paper's setting (SELU, LeCun normal, input N(0, 1)); with --omega/--tau "
    "the weights are built with exactly these statistics per unit and the moments approach "
    "the certified fixed point of 'selu-proof fixed-point'. ELU and ReLU are predicted by "
    "g with lambda=1 (alpha=1, resp. alpha=0); tanh by Gauss-Hermite quadrature. Every "
    "run is also compared with the certified fixed point of its own activation's g at the "
    "weights' (omega, tau) (closed forms for SELU and ELU, certified quadrature for the "
    "others, as in 'selu-proof mean-field'): the layers whose mean or variance lies more "
    "than 5 standard errors outside its enclosure are listed (a drift away from it is a run "
    "of such layers up to the last), and --json gives each layer's distance "
    "(fixed_point_dev_mean, fixed_point_dev_var) and summary.fixed_point_drift."
)


def add_activation_options(group: Any, *, default: str | None) -> None:
    """``--activation`` and ``--normalize`` of a simulation (``simulate``, ``plot simulation``)."""
    group.add_argument("--activation", default=default, metavar="NAME[:key=value,...]",
                       help="selu (default), elu, relu, tanh, or any catalogue activation of "
                       "'selu-proof normalize' (gelu, silu:beta=1.5, mish, softplus, ...)")
    group.add_argument("--normalize", choices=("affine",), default=None,
                       help="use lambda*(f - beta) with the certified affine constants (float "
                       "values of 'selu-proof normalize')")


def simulation_activation(name: str, normalize: str | None = None) -> Any:
    """The activation a simulation runs: a built-in name (:data:`~.activations.ACTIVATIONS`)
    or the float twin of a catalogue activation; one error line for anything else.
    """
    from selu_proof.numeric.activations import ACTIVATIONS, catalogue_activation

    if name in ACTIVATIONS and not normalize:
        return name
    try:
        return catalogue_activation(name, normalize)
    except ValueError as exc:  # an unknown name or parameter, or no normalization
        raise CLIError(str(exc)) from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("simulate", help="simulate a deep network and compare with g",
                       description=_HELP)
    p.add_argument("--depth", type=int, default=100, metavar="L", help="layers (default 100)")
    p.add_argument("--width", type=int, default=1000, metavar="N",
                   help="units per layer and input width (default 1000)")
    p.add_argument("--batch", type=int, default=1000, metavar="B",
                   help="input samples (default 1000)")
    add_activation_options(p, default="selu")
    p.add_argument("--init", choices=("lecun", "truncated", "uniform", "exact"), default=None,
                   help="weight initializer (default lecun; exact when --omega/--tau given)")
    p.add_argument("--no-variance-correction", action="store_true",
                   help="truncated normal without the 1/0.8796 variance correction")
    p.add_argument("--omega", default=None, metavar="W",
                   help="target sum of each unit's weights (default 0)")
    p.add_argument("--tau", default=None, metavar="T",
                   help="target sum of squared weights per unit (default 1)")
    p.add_argument("--input-mean", default="0", metavar="M", help="input mean (default 0)")
    p.add_argument("--input-var", default="1", metavar="V", help="input variance (default 1)")
    p.add_argument("--dropout-rate", default="0", metavar="R",
                   help="alpha dropout after every SELU, keeping the fixed point (default 0)")
    p.add_argument("--dtype", choices=("float32", "float64"), default="float32",
                   help="floating type of activations and weights (default float32; moments "
                   "are always accumulated in float64)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--gradients", action="store_true",
                   help="also backpropagate a random output gradient and report grad_sq per "
                   "layer next to grad_sq[L]*prod chi1 (keeps f'(z) per layer: "
                   "depth*batch*width*4 bytes in float32; weights are drawn again)")
    p.add_argument("--pairs", default=None, metavar="C", nargs="?", const="0.5",
                   help="also send input pairs with correlation C (default 0.5) and report the "
                   "empirical correlation per layer next to the correlation map")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--plot", metavar="FILE", default=None,
                   help="write the trajectory figure (format from the extension: png, pdf, svg)")
    p.set_defaults(func=run)


def _check(args: argparse.Namespace) -> dict:
    check_network_size(args.depth, args.width, args.batch,
                       itemsize=4 if args.dtype == "float32" else 8,
                       gradients=args.gradients, pairs=args.pairs is not None)
    check_seed(args.seed)
    omega = "0" if args.omega is None else args.omega
    tau = "1" if args.tau is None else args.tau
    om, ta = parse_float(omega, "--omega"), parse_float(tau, "--tau")
    if ta <= 0:
        raise CLIError(f"--tau must be positive, got {tau}")
    if ta < om * om / args.width:
        raise CLIError(f"--tau must be at least omega**2/width = {om * om / args.width:g} "
                       "(Cauchy-Schwarz)")
    init = args.init or ("exact" if (args.omega is not None or args.tau is not None)
                         else "lecun")
    mean = parse_float(args.input_mean, "--input-mean")
    var = parse_float(args.input_var, "--input-var")
    if var <= 0:
        raise CLIError(f"--input-var must be positive, got {args.input_var}")
    rate = parse_float(args.dropout_rate, "--dropout-rate")
    if not 0 <= rate < 1:
        raise CLIError(f"--dropout-rate must be in [0, 1), got {args.dropout_rate}")
    if rate and (args.activation != "selu" or args.normalize):
        raise CLIError("--dropout-rate (alpha dropout) applies to --activation selu only")
    activation = simulation_activation(args.activation, args.normalize)
    check_supported("--input-mean/--input-var/--omega/--tau", mean, om, var, ta)
    if args.plot is not None and not args.plot.lower().endswith((".png", ".pdf", ".svg")):
        raise CLIError("--plot FILE must end in .png, .pdf or .svg")
    if args.plot is not None:
        check_output_file(args.plot, "--plot")
    return {"activation": activation, "omega": omega, "tau": tau, "init": init,
            "input_mean": mean, "input_var": var, "dropout_rate": rate}


def simulate_finite(depth: int, width: int, batch: int, *, json_out: bool, **kwargs: Any):
    """Run :func:`selu_proof.numeric.network.simulate` with a progress bar.

    Floating-point overflow is not printed as numpy warnings; a run whose
    moments stop being finite (the activations overflowed) is a one-line error.
    """
    import numpy as np

    from selu_proof.simulation import simulate

    bar = progress(depth + 1, "layers", enabled=not json_out and sys.stderr.isatty())
    try:
        with np.errstate(all="ignore"):
            result = simulate(depth, width, batch, callback=lambda rec: bar.update(1),
                              **kwargs)
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    finally:
        bar.close()
    bad = next((r.layer for r in result.layers
                if not (math.isfinite(r.mean) and math.isfinite(r.var))), None)
    if bad is not None:
        raise CLIError(f"the activations overflow {kwargs.get('dtype', 'float32')} at layer "
                       f"{bad} (the network diverges for these settings); try fewer layers "
                       "or other --omega/--tau")
    return result


def run(args: argparse.Namespace) -> int:
    import numpy as np

    opts = _check(args)
    result = simulate_finite(args.depth, args.width, args.batch, json_out=args.json,
                             rng=np.random.default_rng(args.seed),
                             corrected=not args.no_variance_correction, dtype=args.dtype,
                             **opts)
    if args.plot:
        from selu_proof.plots import plot_simulation

        try:
            plot_simulation(result, args.plot)
        except OSError as exc:
            raise CLIError(f"cannot write {args.plot}: {exc.strerror or exc}") from None
    extra = _mean_field_runs(args, opts)
    if args.json:
        emit_json({**result.as_dict(), **{k: v.as_dict() for k, v in extra.items()}})
        return 0
    _print_table(result)
    _print_mean_field(extra)
    if args.plot:
        print(f"figure written to {args.plot}")
    return 0


def _fmt(x: float | None, spec: str = ".6g") -> str:
    return "      -" if x is None else format(x, spec)


def _print_table(result) -> None:  # noqa: ANN001 - SimulationResult
    cfg = result.config
    print(f"{cfg['activation']} net, depth {cfg['depth']}, width {cfg['width']}, batch "
          f"{cfg['batch']}, init {cfg['init']} (implied omega={cfg['implied_omega']:g}, "
          f"tau={cfg['implied_tau']:g}), input N({cfg['input_mean']:g}, {cfg['input_var']:g})"
          + (f", alpha dropout {cfg['dropout_rate']:g}" if cfg["dropout_rate"] else ""))
    print(f"{'layer':>5}  {'mean':>10} {'pred':>10} {'dev/SE':>7}   {'var':>10} {'pred':>10} "
          f"{'dev/SE':>7}")
    rows = result.layers
    step = max(1, (len(rows) - 1) // 20)
    shown = [r for r in rows if r.layer % step == 0 or r.layer == rows[-1].layer]
    for r in shown:
        print(f"{r.layer:>5}  {r.mean:>+10.6f} {_fmt(r.predicted_mean, '+.6f'):>10} "
              f"{_fmt(r.dev_mean, '+.2f'):>7}   {r.var:>10.6f} {_fmt(r.predicted_var, '.6f'):>10} "
              f"{_fmt(r.dev_var, '+.2f'):>7}")
    s = result.summary()
    print(f"max |deviation| over layers: mean {_fmt(s['max_abs_dev_mean'], '.2f')} SE, "
          f"var {_fmt(s['max_abs_dev_var'], '.2f')} SE "
          f"(one step of g: {_fmt(s['max_abs_step_dev_mean'], '.2f')}, "
          f"{_fmt(s['max_abs_step_dev_var'], '.2f')} SE)")
    _print_fixed_point(result)
    print(f"{result.seconds:.1f} s")


def _ranges(layers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``'1-3, 7'``."""
    runs: list[list[int]] = []
    for layer in layers:
        if runs and layer == runs[-1][1] + 1:
            runs[-1][1] = layer
        else:
            runs.append([layer, layer])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _print_fixed_point(result) -> None:  # noqa: ANN001 - SimulationResult
    """The certified fixed point of the activation's own ``g`` and the layers far from it."""
    fp = result.fixed_point
    box = result.fixed_point_enclosure()
    if box is None:
        print(f"certified fixed point: {fp.get('status')} ({fp.get('reason', '')}; "
              f"{fp.get('convention', '')}): no comparison")
        return
    if isinstance(fp["mean"], str):  # closed forms: the certified digits
        print(f"certified fixed point ({fp['convention']}): mean {fp['mean']}, var {fp['var']}")
    else:  # quadrature: the enclosures
        print(f"certified fixed point ({fp['convention']}; {fp['status']}): mean in "
              f"[{', '.join(fp['mean'])}], var in [{', '.join(fp['var'])}]")
    d = result.drift()
    far = []
    for name in ("mean", "var"):
        if d[f"layers_{name}"]:
            last = d[f"last_dev_{name}"]
            far.append(f"{name} at layers {_ranges(d[f'layers_{name}'])} (largest "
                       f"{d[f'max_abs_dev_{name}']:.1f} SE, last layer "
                       f"{'undefined' if last is None else f'{last:+.1f} SE'})")
    print(f"farther than {d['threshold_se']:g} SE from the certified fixed point: "
          + ("; ".join(far) if far else "no layer"))


def _mean_field_runs(args: argparse.Namespace, opts: dict) -> dict:
    """``--gradients`` / ``--pairs``: the backward pass and the pair propagation."""
    import numpy as np

    if not (args.gradients or args.pairs is not None):
        return {}
    if args.init == "truncated" or opts["init"] == "truncated":
        raise CLIError("--gradients/--pairs support the lecun, uniform and exact initializers")
    if isinstance(opts["activation"], str) and opts["activation"] == "elu":
        raise CLIError("--gradients/--pairs support selu, relu, tanh and the catalogue "
                       "activations (elu as elu:alpha=1)")
    common = dict(activation=opts["activation"], init=opts["init"], omega=float(opts["omega"]),
                  tau=float(opts["tau"]), input_mean=opts["input_mean"],
                  input_var=opts["input_var"], dropout_rate=opts["dropout_rate"],
                  dtype=args.dtype)
    out = {}
    if args.gradients:
        from selu_proof.numeric.backprop import simulate_gradients

        bar = progress(2 * args.depth, "gradients", not args.json and sys.stderr.isatty())
        try:
            out["gradients"] = simulate_gradients(
                args.depth, args.width, args.batch, rng=np.random.default_rng(args.seed),
                callback=lambda: bar.update(1), **common)
        finally:
            bar.close()
    if args.pairs is not None:
        from selu_proof.meanfield.pairs import simulate_pairs

        c0 = parse_float(args.pairs, "--pairs")
        if not -1 <= c0 <= 1:
            raise CLIError(f"--pairs correlation must be in [-1, 1], got {args.pairs}")
        bar = progress(args.depth, "pairs", not args.json and sys.stderr.isatty())
        try:
            out["pairs"] = simulate_pairs(
                args.depth, args.width, args.batch, rng=np.random.default_rng(args.seed),
                input_corr=c0, callback=lambda: bar.update(1), **common)
        finally:
            bar.close()
    return out


def _print_mean_field(extra: dict) -> None:
    rows_of = {k: v.layers for k, v in extra.items()}
    if "gradients" in rows_of:
        rows = rows_of["gradients"]
        print("backpropagated gradient (mean squared per unit, output layer first):")
        print(f"{'layer':>5}  {'grad_sq':>11} {'predicted':>11} {'ratio':>8} {'chi1':>8}")
        step = max(1, (len(rows) - 1) // 10)
        for r in reversed(rows):
            if r.layer % step == 0 or r.layer == rows[-1].layer:
                print(f"{r.layer:>5}  {r.grad_sq:>11.5g} {r.predicted_grad_sq:>11.5g} "
                      f"{_fmt(r.ratio, '.5f'):>8} {_fmt(r.chi1, '.5f'):>8}")
    if "pairs" in rows_of:
        rows = rows_of["pairs"]
        print("correlation of input pairs (same weights, pooled over units):")
        print(f"{'layer':>5}  {'corr':>9} {'pred':>9} {'dev/SE':>7}")
        step = max(1, (len(rows) - 1) // 10)
        for r in rows:
            if r.layer % step == 0 or r.layer == rows[-1].layer:
                print(f"{r.layer:>5}  {r.corr:>+9.5f} {_fmt(r.predicted_corr, '+.5f'):>9} "
                      f"{_fmt(r.dev, '+.2f'):>7}")
