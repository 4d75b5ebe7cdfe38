r"""Backpropagated gradients in a simulated deep network: the finite twin of ``chi1``.

A batch of ``B`` Gaussian inputs goes forward through ``L`` layers
``x_l = f(x_{l-1} W_l)`` of width ``N`` (optionally alpha dropout after each
SELU); a random output gradient ``G ~ N(0, 1)`` is then sent back,

.. math:: \delta_{l-1} = \big(\delta_l \odot f'(z_l) \odot D_l\big)\,W_l^{\mathsf T},

(``D_l = A d`` the alpha-dropout derivative, else 1), and per layer the mean
squared gradient per unit ``grad_sq[l] = mean(delta_l**2)`` is recorded next
to the mean-field prediction ``grad_sq[L] * prod_{k > l} chi1_k`` with
``chi1_k = tau_k E[f'(z_k)^2]`` (:func:`selu_proof.derive.symbolic.chi1`) at the
empirical moments of layer ``k - 1`` and the realised ``tau_k`` (times ``A**2 q``
with dropout).

Memory: the forward pass keeps, per layer, only the derivative factor
``f'(z_l) D_l`` as a ``(B, N)`` array of the simulation's dtype -- ``L*B*N*4``
bytes in float32 (50 MB for ``L = 50``, ``B = N = 500``) -- and no weights:
each layer's weights come from their own seeded generator and are drawn a
second time on the way back (twice the weight-drawing time, one ``N x N``
matrix in memory at a time).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from numpy.typing import DTypeLike, NDArray

from selu_proof.backends import compiled
from selu_proof.numeric.activations import Activation, get_activation
from selu_proof.numeric.dropout import alpha_dropout_affine, alpha_dropout_with_mask
from selu_proof.numeric.initializers import initialize, weight_statistics
from selu_proof.numeric.network import (
    _activate,
    _iterate_fixed_point,
    child_seed,
    moment_statistics,
)

__all__ = ["GradientRecord", "GradientResult", "simulate_gradients", "layer_generators",
           "DropoutLayer", "network_setup"]


@dataclass
class GradientRecord:
    """One layer of the backward pass (layer ``L`` is the output, 0 the input)."""

    layer: int
    grad_sq: float
    se_grad_sq: float
    predicted_grad_sq: float | None
    chi1: float | None  # predicted factor from layer ``layer`` to ``layer - 1``
    ratio: float | None  # measured factor grad_sq[layer - 1] / grad_sq[layer]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary."""
        return asdict(self)


@dataclass
class GradientResult:
    """Per-layer gradients of :func:`simulate_gradients`, input (0) to output (``L``)."""

    layers: list[GradientRecord]
    config: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """``{"layers": [...], "config": ...}``."""
        return {"layers": [r.as_dict() for r in self.layers], "config": self.config}


def layer_generators(rng: np.random.Generator,
                     depth: int) -> Sequence[Callable[[], np.random.Generator]]:
    """Per-layer factories of identical fresh generators (weights can be drawn twice).

    Layer ``l``'s generator is that of ``rng.spawn(depth)[l]`` for a fresh ``rng``,
    made only when asked for (:func:`~selu_proof.numeric.network.child_seed`).
    """
    root = rng.bit_generator.seed_seq
    return _Factories(lambda i: np.random.default_rng(child_seed(root, i)), depth)


class _Factories(Sequence):
    """``[lambda: make(0), ..., lambda: make(n - 1)]`` without the list."""

    def __init__(self, make: Callable[[int], np.random.Generator], n: int) -> None:
        self._make, self._n = make, n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> Callable[[], np.random.Generator]:  # type: ignore[override]
        if not -self._n <= i < self._n:
            raise IndexError(i)
        return lambda: self._make(i % self._n)


class DropoutLayer:
    """Alpha dropout that also returns its derivative ``A d`` (for the backward pass).

    The transform of :func:`selu_proof.numeric.alpha_dropout_with_mask`, with the affine
    terms from :func:`~selu_proof.numeric.alpha_dropout_affine`.
    """

    def __init__(self, rate: float, mean: float, var: float, alpha: float, scale: float):
        self.rate = rate
        self.target = (mean, var)
        self.params = (alpha, scale)
        self.sat = -scale * alpha
        self.a, self.b = alpha_dropout_affine(rate, mean=mean, var=var, alpha=alpha,
                                              scale=scale)

    def __call__(self, x: NDArray[np.floating], rng: np.random.Generator
                 ) -> tuple[NDArray[np.floating], NDArray[np.bool_]]:
        (mean, var), (alpha, scale) = self.target, self.params
        return alpha_dropout_with_mask(x, self.rate, rng, mean=mean, var=var, alpha=alpha,
                                       scale=scale)


def network_setup(depth: int, width: int, batch: int, activation: str | Activation,
                  dropout_rate: float, omega: float, tau: float) -> tuple[Any, DropoutLayer | None]:
    """Checked sizes; the activation and the alpha-dropout layer (``None`` without dropout).

    Dropout keeps the fixed point of ``g``, found here by iterating ``g`` in floats.
    """
    if depth < 1 or width < 2 or batch < 2:
        raise ValueError("need depth >= 1, width >= 2 and batch >= 2")
    act = activation if isinstance(activation, Activation) else get_activation(activation)
    if not dropout_rate:
        return act, None
    if act.name != "selu":
        raise ValueError("alpha dropout is defined for SELU only")
    target = _iterate_fixed_point(act, omega, tau)
    if target is None:
        raise ValueError("alpha dropout needs the fixed point of g, which was not found")
    return act, DropoutLayer(dropout_rate, *target, *act.selu_params)


def _chi1(act, mu: float, nu: float, omega: float, tau: float) -> float:  # noqa: ANN001
    """``tau E[f'(z)^2]``, ``z ~ N(mu omega, nu tau)``: closed form (SELU family) or quadrature."""
    a, v = mu * omega, nu * tau
    if act.selu_params is not None:
        alpha, lam = act.selu_params
        return float(compiled("mean_field_slopes", "numpy")(a, v, alpha, lam, tau)[0])
    x, w = np.polynomial.hermite.hermgauss(160)
    d = act.derivative(a + math.sqrt(2 * v) * x)
    return tau * float((d * d * w).sum() / math.sqrt(math.pi))


def simulate_gradients(depth: int = 50, width: int = 500, batch: int = 500, *,
                       rng: np.random.Generator, activation: str | Activation = "selu",
                       init: str = "lecun",
                       omega: float = 0.0, tau: float = 1.0, input_mean: float = 0.0,
                       input_var: float = 1.0, dropout_rate: float = 0.0,
                       dtype: DTypeLike = np.float32,
                       callback: Callable[[], None] | None = None) -> GradientResult:
    r"""Forward a Gaussian batch, backpropagate a random output gradient, compare with ``chi1``.

    Parameters are those of :func:`selu_proof.numeric.simulate`.  With alpha
    dropout the fixed point it preserves is found by iterating ``g`` in floats.

    Returns
    -------
    GradientResult
        ``layers[l]`` for ``l = 0..L``: ``grad_sq`` (mean squared gradient per
        unit with respect to ``x_l``), its crossed standard error, the
        prediction ``grad_sq[L] * prod chi1`` and the per-layer ``chi1``/``ratio``.

    Examples
    --------
    >>> res = simulate_gradients(10, 200, 200, rng=np.random.default_rng(0))
    >>> r = res.layers[0]
    >>> abs(r.grad_sq / r.predicted_grad_sq - 1) < 0.1
    True
    """
    act, drop = network_setup(depth, width, batch, activation, dropout_rate, omega, tau)
    dt = np.dtype(dtype)
    in_rng, drop_rng, w_root = rng.spawn(3)
    gens = layer_generators(w_root, depth)

    def weights(layer: int) -> NDArray[np.floating]:
        return initialize(init, width, width, gens[layer](), omega=omega, tau=tau,
                          dtype=dt).weights

    x = in_rng.standard_normal((batch, width), dtype=dt)
    x *= dt.type(math.sqrt(input_var))
    x += dt.type(input_mean)
    derivs: list[NDArray[np.floating]] = []
    chis: list[float] = []
    m, v, _, _ = moment_statistics(x)
    for layer in range(depth):
        w = weights(layer)
        om_j, ta_j = weight_statistics(w)
        chi = _chi1(act, m, v, float(om_j.mean()), float(ta_j.mean()))
        z = x @ w
        del w
        d = act.derivative(z).astype(dt, copy=False)
        x = _activate(act, z)
        if drop is not None:
            x, keep = drop(x, drop_rng)
            d *= keep
            d *= dt.type(drop.a)
            chi *= drop.a**2 * (1 - dropout_rate)
        derivs.append(d)
        chis.append(chi)
        m, v, _, _ = moment_statistics(x)
        if callback:
            callback()
    delta = in_rng.standard_normal((batch, width), dtype=dt)
    records: list[GradientRecord] = []
    g_out = None
    pred = None
    for layer in range(depth, -1, -1):
        sq = delta * delta
        g, se = float(sq.mean(dtype=np.float64)), moment_statistics(sq)[2]
        if g_out is None:
            g_out, pred = g, g
        records.append(GradientRecord(layer, g, se, pred,
                                      chis[layer - 1] if layer > 0 else None, None))
        if layer == 0:
            break
        delta *= derivs.pop()
        delta = delta @ weights(layer - 1).T
        pred = pred * chis[layer - 1]
        if callback:
            callback()
    records.reverse()
    for lo, hi in zip(records, records[1:]):  # the factor from layer l to layer l - 1
        hi.ratio = lo.grad_sq / hi.grad_sq if hi.grad_sq > 0 else None  # None: underflow
    config = {"depth": depth, "width": width, "batch": batch, "activation": act.name,
              "init": init, "omega": omega, "tau": tau, "input_mean": input_mean,
              "input_var": input_var, "dropout_rate": dropout_rate, "dtype": dt.name,
              "memory_bytes": depth * batch * width * dt.itemsize}
    return GradientResult(records, config)
