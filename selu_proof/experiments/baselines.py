"""The paper's baselines for ``selu-proof train``: LayerNorm, WeightNorm, Highway, ResNet.

Klambauer et al. (2017, Section 4.1) compare SNNs on the UCI tasks with
fully connected networks using batch normalization, layer normalization,
weight normalization, highway layers and residual blocks.  Each baseline here
uses the initialization of the paper that introduced it (biases zero unless
said otherwise):

=============  ==================================================================================
``relu-ln``    ``Linear -> LayerNorm -> ReLU`` (Ba et al. 2016), He normal weights, LayerNorm gain
               1 and bias 0
``relu-wn``    ``Linear`` reparametrized as ``w = g v/|v|`` (Salimans & Kingma 2016,
               ``torch.nn.utils.parametrizations.weight_norm``) ``-> ReLU``; ``v ~ N(0, 0.05^2)``
               and the authors' data-dependent initialization of ``g`` and the bias
               (:func:`weight_norm_data_init_`): every unit's pre-activation has mean 0 and
               variance 1 on the first minibatch
``highway``    one ``Linear -> ReLU`` projection, then highway layers ``y = H(x) T(x) + x (1 -
               T(x))``, ``H = ReLU(W_H x + b_H)``, ``T = sigmoid(W_T x + b_T)`` (Srivastava et al.
               2015), He normal weights, transform-gate bias ``b_T = -2``
``resnet``     one ``Linear`` projection, then pre-activation residual blocks ``x + W_2 ReLU(BN(W_1
               ReLU(BN(x))))`` (He et al. 2016) of two layers (the last one of one layer when the
               depth is even), He normal weights
=============  ==================================================================================

``depth`` always counts the hidden ``Linear`` layers (a highway layer counts
once, a residual block of two layers twice).
"""

from __future__ import annotations

import torch
from torch import nn

__all__ = ["Highway", "ResidualBlock", "baseline_hidden", "weight_norm_data_init_",
           "HIGHWAY_GATE_BIAS", "WEIGHT_NORM_STD"]

HIGHWAY_GATE_BIAS = -2.0
WEIGHT_NORM_STD = 0.05


def he_linear(n_in: int, n_out: int) -> nn.Linear:
    """A ``Linear`` with He normal weights (gain ``sqrt 2``, fan-in) and zero bias."""
    lin = nn.Linear(n_in, n_out)
    nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
    nn.init.zeros_(lin.bias)
    return lin


class Highway(nn.Module):
    """A highway layer ``y = H(x) T(x) + x (1 - T(x))`` (Srivastava et al. 2015, Eq. (3)).

    >>> Highway(4)
    Highway(width=4, gate_bias=-2.0)
    """

    def __init__(self, width: int, gate_bias: float = HIGHWAY_GATE_BIAS) -> None:
        super().__init__()
        self.width, self.gate_bias = width, gate_bias
        self.h = he_linear(width, width)
        self.t = he_linear(width, width)
        nn.init.constant_(self.t.bias, gate_bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``relu(W_H x + b_H) * T + x * (1 - T)`` with ``T = sigmoid(W_T x + b_T)``."""
        t = torch.sigmoid(self.t(x))
        return torch.relu(self.h(x)) * t + x * (1 - t)

    def extra_repr(self) -> str:
        """Width and initial gate bias."""
        return f"width={self.width}, gate_bias={self.gate_bias}"

    def __repr__(self) -> str:
        return f"Highway({self.extra_repr()})"


class ResidualBlock(nn.Module):
    """Pre-activation residual block ``x + F(x)``, ``F`` = ``layers`` x (BN, ReLU, Linear).

    He et al. (2016, "Identity mappings in deep residual networks"), fully connected.
    """

    def __init__(self, width: int, layers: int = 2) -> None:
        super().__init__()
        parts: list[nn.Module] = []
        for _ in range(layers):
            parts += [nn.BatchNorm1d(width), nn.ReLU(), he_linear(width, width)]
        self.f = nn.Sequential(*parts)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``x + F(x)``."""
        return x + self.f(x)


def _weight_norm_linear(n_in: int, n_out: int) -> nn.Module:
    lin = nn.Linear(n_in, n_out)
    nn.init.normal_(lin.weight, 0.0, WEIGHT_NORM_STD)
    nn.init.zeros_(lin.bias)
    return nn.utils.parametrizations.weight_norm(lin)


def baseline_hidden(activation: str, depth: int, width: int, n_in: int,
                    dropout_rate: float = 0.0) -> list[nn.Module]:
    """The hidden layers of ``relu-ln``, ``relu-wn``, ``highway`` or ``resnet`` (module docstring).

    >>> [type(m).__name__ for m in baseline_hidden("resnet", 4, 8, 3)]
    ['Linear', 'ResidualBlock', 'ResidualBlock']
    >>> [type(m).__name__ for m in baseline_hidden("highway", 3, 8, 3)]
    ['Linear', 'ReLU', 'Highway', 'Highway']
    """
    def drop() -> list[nn.Module]:
        return [nn.Dropout(dropout_rate)] if dropout_rate else []

    if activation in ("relu-ln", "relu-wn"):
        layers: list[nn.Module] = []
        n = n_in
        for _ in range(depth):
            if activation == "relu-ln":
                layers += [he_linear(n, width), nn.LayerNorm(width)]
            else:
                layers.append(_weight_norm_linear(n, width))
            layers += [nn.ReLU(), *drop()]
            n = width
        return layers
    if activation == "highway":
        layers = [he_linear(n_in, width), nn.ReLU(), *drop()]
        for _ in range(depth - 1):
            layers += [Highway(width), *drop()]
        return layers
    if activation == "resnet":
        sizes = [2] * ((depth - 1) // 2) + [1] * ((depth - 1) % 2)
        layers = [he_linear(n_in, width)]
        for k in sizes:
            layers += [ResidualBlock(width, k), *drop()]
        return layers
    raise ValueError(f"not a baseline: {activation!r}")


@torch.no_grad()
def weight_norm_data_init_(model: nn.Sequential, x: torch.Tensor) -> nn.Sequential:
    r"""Salimans & Kingma's data-dependent initialization of every weight-normalized layer.

    In order of the layers, on the minibatch ``x``: with ``t = v x/|v|`` the
    pre-activations of a unit over the batch, set ``g = 1/sd(t)`` and
    ``b = -mean(t)/sd(t)`` (Salimans & Kingma 2016, Section 3), so that
    ``g t + b`` has mean 0 and variance 1; then pass the batch on.  Returns
    ``model``.
    """
    h = x
    for m in model:
        if hasattr(m, "parametrizations") and "weight" in m.parametrizations:
            v = m.parametrizations.weight.original1
            t = h @ (v / v.norm(dim=1, keepdim=True)).T
            mean, sd = t.mean(0), t.std(0, unbiased=False).clamp_min(1e-6)
            m.parametrizations.weight.original0.copy_((1 / sd).reshape(-1, 1))
            m.bias.copy_(-mean / sd)
        h = m(h)
    return model
