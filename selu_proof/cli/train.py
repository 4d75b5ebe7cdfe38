"""``selu-proof train``: train a network on a scikit-learn dataset with the Theorem 1 monitor on."""

from __future__ import annotations

import argparse
import sys

from selu_proof.cli.common import CLIError, check_output_file, emit_json, parse_float, progress
from selu_proof.kernel.parallel import usable_cores

_HELP = (
    "Train a fully connected network (DEPTH hidden layers of WIDTH units) on a classification set "
    "that ships with scikit-learn (digits, breast_cancer, wine, iris; no download) or on your own "
    "FILE.csv (header row, numeric feature columns, --target names the class column), with "
    "standardized features and a fixed stratified 75/25 split, and "
    "follow, epoch by epoch, the training loss, the test accuracy and, for SELU networks, each "
    "layer's weight statistics omega = sum w, tau = sum w^2 and input moments against the Theorem "
    "1 domain (layers in it with the units' average (omega, tau) in the box: mean-field; with "
    "every unit's: every unit). Each activation uses its authors' initialization: selu (SELU with "
    "the certified alpha_01, lambda_01) and selu-ad (SELU with alpha dropout, rate "
    "--dropout-rate or 0.05) LeCun normal weights (gain 1, fan-in); relu, relu-bn (BatchNorm), "
    "relu-ln (LayerNorm) and elu He normal weights; relu-wn (weight normalization, "
    "torch.nn.utils.parametrizations.weight_norm) v ~ N(0, 0.05^2) and Salimans & Kingma's "
    "data-dependent g and bias (unit pre-activations on the first minibatch); highway (a ReLU "
    "projection, then highway layers, Srivastava et al. 2015) He normal weights and gate bias "
    "-2; resnet (a projection, then pre-activation BN-ReLU-Linear residual blocks of two layers, "
    "He et al. 2016) He normal weights. Needs the "
    "'train' extra: pip install 'selu-proof[train]'. Exit code 0 when training finished without a "
    "non-finite loss, 1 when it diverged."
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train a network and monitor self-normalization",
                       description=_HELP)
    p.add_argument("--dataset", default="digits", metavar="NAME",
                   help="digits, breast_cancer, wine, iris or FILE.csv (default digits)")
    p.add_argument("--target", default=None, metavar="COLUMN",
                   help="the class column of a FILE.csv data set")
    p.add_argument("--depth", type=int, default=8, metavar="L", help="hidden layers (default 8)")
    p.add_argument("--width", type=int, default=64, metavar="N",
                   help="units per hidden layer (default 64)")
    p.add_argument("--activation", default="selu", metavar="ACT",
                   help="selu, selu-ad, relu, relu-bn, relu-ln, relu-wn, highway, resnet or elu "
                   "(default selu)")
    p.add_argument("--optimizer", default="sgd", metavar="OPT", help="sgd or adam (default sgd)")
    p.add_argument("--lr", default="0.01", metavar="LR", help="learning rate (default 0.01)")
    p.add_argument("--epochs", type=int, default=10, metavar="E", help="epochs (default 10)")
    p.add_argument("--batch-size", type=int, default=64, metavar="B",
                   help="minibatch size (default 64)")
    p.add_argument("--dropout-rate", default="0", metavar="R",
                   help="alpha dropout after every SELU (plain dropout for the others) "
                   "(default 0)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--threads", type=int, default=None, metavar="T",
                   help="torch CPU threads, at most the usable cores (default: torch's "
                   "choice)")
    p.add_argument("--json", action="store_true",
                   help="print config, per-epoch history with the monitor rows, and final")
    p.add_argument("--plot", metavar="FILE", default=None,
                   help="write loss, accuracy and Theorem 1 domain figure (png, pdf, svg)")
    p.set_defaults(func=run)


def _config(args: argparse.Namespace):
    from selu_proof.experiments.training import TrainConfig

    cfg = TrainConfig(dataset=args.dataset, depth=args.depth, width=args.width,
                      activation=args.activation, optimizer=args.optimizer,
                      lr=parse_float(args.lr, "--lr"), epochs=args.epochs,
                      batch_size=args.batch_size,
                      dropout_rate=parse_float(args.dropout_rate, "--dropout-rate"),
                      seed=args.seed, target=args.target)
    try:
        return cfg.check()
    except ValueError as exc:
        raise CLIError(str(exc)) from None


def _check_memory(cfg, data) -> None:  # noqa: ANN001 - a TrainConfig, load_dataset's tuple
    """Refuse, before building the network, a run that needs more memory than there is."""
    from selu_proof.numeric.memory import check_memory, training_bytes

    samples = len(data[0]) + len(data[2])
    features = data[0].shape[1]
    try:
        check_memory(training_bytes(cfg.depth, cfg.width, min(cfg.batch_size, samples),
                                    features, samples),
                     f"training depth {cfg.depth}, width {cfg.width}, batch {cfg.batch_size}")
    except MemoryError as exc:
        raise CLIError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    """Train, print a per-epoch table (or JSON), optionally plot."""
    try:
        import sklearn  # noqa: F401
        import torch
    except ImportError as exc:
        raise CLIError(f"'selu-proof train' needs PyTorch and scikit-learn ({exc.name} is "
                       "not installed): pip install 'selu-proof[train]'") from None
    if args.plot is not None and not args.plot.lower().endswith((".png", ".pdf", ".svg")):
        raise CLIError("--plot FILE must end in .png, .pdf or .svg")
    if args.plot is not None:
        check_output_file(args.plot, "--plot")
    from selu_proof.experiments.training import load_dataset, train

    cfg = _config(args)
    if args.threads is not None:
        if args.threads < 1:
            raise CLIError(f"--threads must be at least 1, got {args.threads}")
        torch.set_num_threads(min(args.threads, usable_cores()))  # at most the usable cores
    try:
        data = load_dataset(cfg.dataset, cfg.target)
    except ValueError as exc:  # a CSV file that breaks a rule: one line naming where
        raise CLIError(str(exc)) from None
    _check_memory(cfg, data)
    bar = progress(cfg.epochs, "epochs", sys.stderr.isatty() and not args.json)
    with bar:
        result = train(cfg, data=data, progress=bar)
    if args.plot is not None:
        from selu_proof.experiments.results import plot_history
        from selu_proof.plots.common import save_figure

        save_figure(plot_history(result), args.plot, dpi="figure")
    if args.json:
        emit_json(result)
    else:
        print(f"{cfg.activation} net, depth {cfg.depth}, width {cfg.width}, {cfg.optimizer} "
              f"lr {cfg.lr:g}, {cfg.dataset}, seed {cfg.seed}")
        print(f"{'epoch':>5} {'train loss':>10} {'test acc':>8} {'layers in Thm 1 box':>19}")
        for h in result["history"]:
            dom = (f"mean-field {h['layers_in_domain_mean_field']}/{h['monitored_layers']}, "
                   f"every unit {h['layers_in_domain_every_unit']}/{h['monitored_layers']}"
                   if h["monitored_layers"] else "-")
            loss = "nan" if h["train_loss"] is None else f"{h['train_loss']:.4f}"
            print(f"{h['epoch']:>5} {loss:>10} {h['test_accuracy']:8.3f} {dom:>19}")
        if result["diverged"] is not None:
            print(f"diverged: non-finite loss in epoch {result['diverged']}")
    return 1 if result["diverged"] is not None else 0
