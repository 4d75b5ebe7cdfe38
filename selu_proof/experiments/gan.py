r"""GANs on the 2-D mode-collapse benchmarks: spectral normalization against SNN discriminators.

The notes this project started from ask how spectral normalization (Miyato et
al. 2018) compares with self-normalizing networks against mode collapse.  This
module trains a small GAN on the standard 2-D mixtures and scores the samples
as Metz et al. (2017, unrolled GAN), Srivastava et al. (2017, VEEGAN) and Lin et
al. (2018, PacGAN) do.

**Data** (the PacGAN conventions, Lin et al. 2018, Section 5.1):

* ``ring8``: 8 Gaussians with means ``(cos(2 pi k/8), sin(2 pi k/8))`` (radius 1),
  standard deviation ``0.01`` per coordinate;
* ``grid25``: 25 Gaussians with means ``(-4 + 2i, -4 + 2j)``, ``i, j = 0..4``,
  standard deviation ``0.05`` per coordinate.

**Networks.**  The generator maps ``z ~ N(0, I_16)`` through 3 hidden layers of
64 units (``relu``: ReLU with He normal weights; ``selu``: SELU with LeCun
normal weights) to ``R^2``.  The discriminator has ``depth`` hidden layers of
64 units and one logit:

===============  =====================================================================
``lrelu``        ``Linear -> LeakyReLU(0.2)``, He normal weights for slope 0.2
``selu``         ``Linear -> SELU [-> AlphaDropout]``, LeCun normal weights
``sn-lrelu``     ``lrelu`` with spectral normalization of every ``Linear``
``sn-selu``      ``selu`` with spectral normalization of every ``Linear``
===============  =====================================================================

Spectral normalization is ``torch.nn.utils.parametrizations.spectral_norm``
(one power iteration per step).  Biases start at zero.

**Training.**  The non-saturating GAN loss (Goodfellow et al. 2014), one
discriminator step per generator step, Adam (lr ``1e-3``, betas ``(0.5,
0.999)``) for both, minibatches of 256 real and 256 generated points drawn
afresh each step.

**Metrics** (:func:`mode_metrics`) from 2500 generated samples: each sample
belongs to its nearest mode and is *high quality* when it lies within 3
standard deviations of it (Euclidean distance ``<= 3 std``); a mode is
*captured* when at least 20 high-quality samples belong to it; the reverse KL
divergence is ``KL(p || u) = sum_k p_k log(p_k K)`` between the histogram ``p``
of the high-quality samples over the ``K`` modes and the uniform ``u``
(``0`` for a perfect spread, ``log K`` when every high-quality sample sits in
one mode, undefined -- ``None`` -- without high-quality samples).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn

from selu_proof.torch.init import lecun_normal_
from selu_proof.torch.modules import SELU, AlphaDropout

__all__ = ["DATA", "DISCRIMINATORS", "GENERATORS", "GANConfig", "modes", "sample_data",
           "mode_metrics", "build_discriminator", "build_generator", "train_gan",
           "plot_samples", "N_EVAL", "MIN_PER_MODE"]

#: name -> (description, standard deviation per coordinate)
DATA: dict[str, tuple[str, float]] = {
    "ring8": ("8 Gaussians on the unit circle", 0.01),
    "grid25": ("25 Gaussians on the grid {-4, -2, 0, 2, 4}^2", 0.05),
}
DISCRIMINATORS: tuple[str, ...] = ("lrelu", "selu", "sn-lrelu", "sn-selu")
GENERATORS: tuple[str, ...] = ("relu", "selu")
LATENT = 16
WIDTH = 64
#: deepest discriminator and longest run accepted (a larger request is refused before any work)
MAX_DEPTH, MAX_STEPS = 1000, 10**7
GENERATOR_DEPTH = 3
BATCH = 256
N_EVAL = 2500
MIN_PER_MODE = 20
SLOPE = 0.2


@dataclass(frozen=True)
class GANConfig:
    """One GAN run; :meth:`check` refuses bad values with a one-line ``ValueError``."""

    data: str = "ring8"
    discriminator: str = "selu"
    generator: str = "relu"
    depth: int = 3
    steps: int = 2000
    seed: int = 0
    dropout_rate: float = 0.0

    def check(self) -> GANConfig:
        """Return ``self`` if every field is valid, else raise ``ValueError``."""
        for field, allowed in (("data", tuple(DATA)), ("discriminator", DISCRIMINATORS),
                               ("generator", GENERATORS)):
            if getattr(self, field) not in allowed:
                raise ValueError(f"unknown {field} {getattr(self, field)!r}; choose one of "
                                 f"{', '.join(allowed)}")
        if not 1 <= int(self.depth) <= MAX_DEPTH:
            raise ValueError(f"depth must be in [1, {MAX_DEPTH}], got {self.depth}")
        if not 1 <= int(self.steps) <= MAX_STEPS:
            raise ValueError(f"steps must be in [1, {MAX_STEPS}], got {self.steps}")
        if not 0.0 <= self.dropout_rate < 1.0:
            raise ValueError(f"dropout rate must be in [0, 1), got {self.dropout_rate}")
        if self.dropout_rate and "selu" not in self.discriminator:
            raise ValueError("dropout rate applies to SELU discriminators (alpha dropout) only")
        return self


def modes(data: str) -> tuple[np.ndarray, float]:
    """The mode centres ``(K, 2)`` and the standard deviation of ``data``.

    >>> centres, std = modes("grid25")
    >>> centres.shape, std, float(centres.min()), float(centres.max())
    ((25, 2), 0.05, -4.0, 4.0)
    """
    if data == "ring8":
        angle = 2 * np.pi * np.arange(8) / 8
        centres = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    elif data == "grid25":
        g = -4.0 + 2.0 * np.arange(5)
        centres = np.array([(a, b) for a in g for b in g], dtype=float)
    else:
        raise ValueError(f"unknown data {data!r}; choose one of {', '.join(DATA)}")
    return centres, DATA[data][1]


def sample_data(data: str, n: int, generator: torch.Generator) -> torch.Tensor:
    """``n`` points of the mixture ``data`` (equal weights), float32, from ``generator``."""
    centres, std = modes(data)
    c = torch.tensor(centres, dtype=torch.float32)
    k = torch.randint(0, len(c), (n,), generator=generator)
    return c[k] + std * torch.randn(n, 2, generator=generator)


def mode_metrics(samples: Any, data: str) -> dict[str, Any]:
    r"""Modes captured, high-quality fraction and reverse KL of ``samples`` (``(n, 2)``).

    See the module docstring.  ``reverse_kl = sum_k p_k log(K p_k)`` over the
    modes with ``p_k > 0`` (``p`` the high-quality samples' histogram over the
    ``K`` modes), ``None`` when no sample is high quality.

    >>> centres, _ = modes("ring8")
    >>> m = mode_metrics(np.repeat(centres, 100, axis=0), "ring8")
    >>> m["modes"], m["modes_total"], m["high_quality"], m["reverse_kl"]
    (8, 8, 1.0, 0.0)
    """
    centres, std = modes(data)
    x = np.asarray(samples, dtype=float).reshape(-1, 2)
    d2 = ((x[:, None, :] - centres[None, :, :]) ** 2).sum(-1)
    nearest = d2.argmin(1)
    good = np.sqrt(d2[np.arange(len(x)), nearest]) <= 3 * std
    counts = np.bincount(nearest[good], minlength=len(centres))
    total = int(counts.sum())
    if total:
        p = counts[counts > 0] / total
        kl = float(max(0.0, np.sum(p * np.log(p * len(centres)))))
    else:
        kl = None
    return {"modes": int((counts >= MIN_PER_MODE).sum()), "modes_total": len(centres),
            "high_quality": total / len(x) if len(x) else 0.0, "reverse_kl": kl,
            "per_mode": counts.tolist()}


def _linear(n_in: int, n_out: int, kind: str, spectral: bool) -> nn.Module:
    lin = nn.Linear(n_in, n_out)
    if kind == "selu":
        lecun_normal_(lin.weight)
    elif kind == "lrelu":
        nn.init.kaiming_normal_(lin.weight, a=SLOPE, nonlinearity="leaky_relu")
    else:
        nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
    nn.init.zeros_(lin.bias)
    if spectral:
        lin = nn.utils.parametrizations.spectral_norm(lin)
    return lin


def _mlp(kind: str, depth: int, n_in: int, n_out: int, spectral: bool = False,
         dropout_rate: float = 0.0) -> nn.Sequential:
    layers: list[nn.Module] = []
    n = n_in
    for _ in range(depth):
        layers.append(_linear(n, WIDTH, kind, spectral))
        if kind == "selu":
            layers.append(SELU())
            if dropout_rate:
                layers.append(AlphaDropout(dropout_rate))
        else:
            layers.append(nn.LeakyReLU(SLOPE) if kind == "lrelu" else nn.ReLU())
        n = WIDTH
    layers.append(_linear(n, n_out, kind, spectral))
    return nn.Sequential(*layers)


def build_discriminator(name: str, depth: int, dropout_rate: float = 0.0) -> nn.Sequential:
    """The discriminator ``name`` (``lrelu``, ``selu``, ``sn-lrelu``, ``sn-selu``), one logit.

    >>> d = build_discriminator("sn-selu", 2)
    >>> [type(m).__name__ for m in d], hasattr(d[0], "parametrizations")
    (['ParametrizedLinear', 'SELU', 'ParametrizedLinear', 'SELU', 'ParametrizedLinear'], True)
    """
    spectral = name.startswith("sn-")
    return _mlp(name.removeprefix("sn-"), depth, 2, 1, spectral, dropout_rate)


def build_generator(name: str) -> nn.Sequential:
    """The generator ``name`` (``relu`` or ``selu``): ``R^16 -> R^2``, 3 hidden layers."""
    return _mlp(name, GENERATOR_DEPTH, LATENT, 2)


def train_gan(config: GANConfig, *, progress: Any = None,
              return_samples: bool = False) -> dict[str, Any]:
    """Train one GAN and score 2500 samples of its generator (see the module docstring).

    Returns the JSON-ready ``{"data", "discriminator", "generator", "depth",
    "seed", "steps", "modes", "modes_total", "high_quality", "reverse_kl",
    "seconds"}`` (CPU time of the process during the run); with
    ``return_samples`` also ``"samples"`` (a ``(2500, 2)`` array, not JSON).
    Everything random comes from ``seed``: with one torch thread a run
    reproduces its numbers exactly.  ``progress`` is an optional tqdm-like
    object advanced every 100 steps.
    """
    cfg = config.check()
    start = time.process_time()
    torch.manual_seed(cfg.seed)
    gen = torch.Generator().manual_seed(cfg.seed)
    d_net = build_discriminator(cfg.discriminator, cfg.depth, cfg.dropout_rate)
    g_net = build_generator(cfg.generator)
    opt_d = torch.optim.Adam(d_net.parameters(), lr=1e-3, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(g_net.parameters(), lr=1e-3, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    ones, zeros = torch.ones(BATCH, 1), torch.zeros(BATCH, 1)
    for step in range(1, cfg.steps + 1):
        real = sample_data(cfg.data, BATCH, gen)
        fake = g_net(torch.randn(BATCH, LATENT, generator=gen))
        opt_d.zero_grad()
        loss_d = bce(d_net(real), ones) + bce(d_net(fake.detach()), zeros)
        loss_d.backward()
        opt_d.step()
        opt_g.zero_grad()
        loss_g = bce(d_net(fake), ones)
        loss_g.backward()
        opt_g.step()
        if progress is not None and step % 100 == 0:
            progress.update(100)
    g_net.eval()
    with torch.no_grad():
        z = torch.randn(N_EVAL, LATENT, generator=torch.Generator().manual_seed(cfg.seed + 1))
        samples = g_net(z).double().numpy()
    metrics = mode_metrics(samples, cfg.data) if np.isfinite(samples).all() else {
        "modes": 0, "modes_total": len(modes(cfg.data)[0]), "high_quality": 0.0,
        "reverse_kl": None}
    out = {"data": cfg.data, "discriminator": cfg.discriminator, "generator": cfg.generator,
           "depth": cfg.depth, "seed": cfg.seed, "steps": cfg.steps,
           "modes": metrics["modes"], "modes_total": metrics["modes_total"],
           "high_quality": metrics["high_quality"], "reverse_kl": metrics["reverse_kl"],
           "seconds": round(time.process_time() - start, 2)}
    if return_samples:
        out["samples"] = samples
    return out


def plot_samples(samples: np.ndarray, data: str, ax: Any = None, title: str | None = None
                 ) -> Any:
    """Scatter ``samples`` over the true modes (circles of radius 3 std); return the figure."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(4, 4))
    centres, std = modes(data)
    ax.scatter(samples[:, 0], samples[:, 1], s=2, alpha=0.4, color="C0", lw=0)
    for c in centres:
        ax.add_patch(plt.Circle(tuple(c), max(3 * std, 0.03), fill=False, color="C3", lw=0.8))
    lim = 1.6 if data == "ring8" else 5.5
    ax.set(xlim=(-lim, lim), ylim=(-lim, lim), aspect="equal")
    if title:
        ax.set_title(title, fontsize=9)
    return ax.figure

