"""``selu-proof gan``: a GAN on the 2-D mode-collapse benchmarks, SNN vs spectral normalization."""

from __future__ import annotations

import argparse
import sys

from selu_proof.cli.common import (
    CLIError,
    check_output_file,
    check_seed,
    emit_json,
    parse_float,
    progress,
)
from selu_proof.kernel.parallel import usable_cores

_HELP = (
    "Train a GAN on a 2-D mixture of Gaussians, the standard mode-collapse benchmark (Metz et al. "
    "2017; Srivastava et al. 2017; Lin et al. 2018), and score 2500 generated samples: modes "
    "captured (at least 20 high-quality samples), the fraction of high-quality samples (within "
    "3 standard deviations of their nearest mode) and the reverse KL divergence between the "
    "high-quality samples' histogram over the modes and the uniform one. Data (PacGAN "
    "conventions): ring8 = 8 Gaussians on the unit circle, std 0.01; grid25 = 25 Gaussians at "
    "(-4 + 2i, -4 + 2j), i, j = 0..4, std 0.05. Discriminators (DEPTH hidden layers of 64 units, "
    "one logit): lrelu = LeakyReLU(0.2) with He normal weights; selu = SELU (certified alpha_01, "
    "lambda_01) with LeCun normal weights and optional alpha dropout; sn-lrelu, sn-selu = the "
    "same with spectral normalization of every linear layer "
    "(torch.nn.utils.parametrizations.spectral_norm, Miyato et al. 2018). Generator: 16-d "
    "Gaussian noise, 3 hidden layers of 64 ReLU (He normal) or SELU (LeCun normal) units. "
    "Non-saturating loss, Adam (lr 1e-3, betas 0.5, 0.999), batches of 256. With --threads 1 and "
    "a seed a run reproduces its numbers exactly. Needs the 'torch' extra: "
    "pip install 'selu-proof[torch]'."
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gan", help="GAN mode collapse: SNN vs spectral normalization",
                       description=_HELP)
    p.add_argument("--data", default="ring8", metavar="NAME", help="ring8 or grid25 (default "
                   "ring8)")
    p.add_argument("--discriminator", default="selu", metavar="D",
                   help="lrelu, selu, sn-lrelu or sn-selu (default selu)")
    p.add_argument("--generator", default="relu", metavar="G", help="relu or selu (default relu)")
    p.add_argument("--depth", type=int, default=3, metavar="L",
                   help="hidden layers of the discriminator (default 3)")
    p.add_argument("--steps", type=int, default=2000, metavar="N",
                   help="training steps, one discriminator and one generator update each "
                   "(default 2000)")
    p.add_argument("--dropout-rate", default="0", metavar="R",
                   help="alpha dropout after every SELU of the discriminator (default 0)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--threads", type=int, default=None, metavar="T",
                   help="torch CPU threads (default: torch's choice; 1 for reproducible runs)")
    p.add_argument("--json", action="store_true",
                   help="print data, discriminator, generator, depth, seed, steps, modes, "
                   "modes_total, high_quality, reverse_kl, seconds")
    p.add_argument("--plot", metavar="FILE", default=None,
                   help="write the generated samples over the true modes (png, pdf, svg)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Train, print the mode metrics (or JSON), optionally plot the samples."""
    try:
        import torch
    except ImportError as exc:
        raise CLIError(f"'selu-proof gan' needs PyTorch ({exc.name} is not installed): "
                       "pip install 'selu-proof[torch]'") from None
    if args.plot is not None:
        if not args.plot.lower().endswith((".png", ".pdf", ".svg")):
            raise CLIError("--plot FILE must end in .png, .pdf or .svg")
        check_output_file(args.plot, "--plot")
    if args.threads is not None:
        if args.threads < 1:
            raise CLIError(f"--threads must be at least 1, got {args.threads}")
        torch.set_num_threads(min(args.threads, usable_cores()))  # at most the usable cores
    check_seed(args.seed)
    from selu_proof.experiments.gan import GANConfig, train_gan

    cfg = GANConfig(data=args.data, discriminator=args.discriminator, generator=args.generator,
                    depth=args.depth, steps=args.steps, seed=args.seed,
                    dropout_rate=parse_float(args.dropout_rate, "--dropout-rate"))
    try:
        cfg.check()
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    bar = progress(cfg.steps - cfg.steps % 100, "steps", sys.stderr.isatty() and not args.json)
    with bar:
        result = train_gan(cfg, progress=bar, return_samples=args.plot is not None)
    if args.plot is not None:
        from selu_proof.experiments.gan import plot_samples
        from selu_proof.plots.common import save_figure

        fig = plot_samples(result.pop("samples"), cfg.data,
                           title=f"{cfg.discriminator} D (depth {cfg.depth}), {cfg.generator} G, "
                           f"seed {cfg.seed}: {result['modes']}/{result['modes_total']} modes")
        save_figure(fig, args.plot, dpi="figure")
    if args.json:
        emit_json(result)
    else:
        kl = "undefined" if result["reverse_kl"] is None else f"{result['reverse_kl']:.3f}"
        print(f"{cfg.data}, {cfg.discriminator} discriminator (depth {cfg.depth}), "
              f"{cfg.generator} generator, {cfg.steps} steps, seed {cfg.seed}")
        print(f"modes captured     {result['modes']}/{result['modes_total']}")
        print(f"high quality       {result['high_quality']:.4f}")
        print(f"reverse KL         {kl}")
        print(f"CPU seconds        {result['seconds']:.1f}")
    return 0
