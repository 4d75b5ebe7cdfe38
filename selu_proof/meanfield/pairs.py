r"""Correlated input pairs in a simulated deep network: the finite twin of the correlation map.

``B`` pairs of inputs ``(x, x')`` whose entries have correlation ``c_0``
(``x' = c_0 x + sqrt(1 - c_0^2) xi``, both with the input mean and variance) go
through the same network (the same weights for both members; independent
alpha-dropout masks).  Per layer the pooled empirical correlation

.. math:: \hat c_l = \frac{\overline{(x - m)(x' - m')}}{\sqrt{\hat\nu\,\hat\nu'}}

is recorded with its crossed standard error and two predictions: the
correlation map iterated from ``c_0`` (``predicted``) and applied once to the
previous layer's empirical correlation (``step``), each at the empirical
moments of the previous layer and the realised ``(omega, tau)`` of the layer
(:func:`selu_proof.meanfield.correlation_map`, quadrature of the closed-form
inner expectation for the SELU family, 2-D Gauss-Hermite for tanh).

Memory: two ``(B, N)`` activation arrays and one ``N x N`` weight matrix.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from numpy.typing import DTypeLike

from selu_proof.backends import compiled
from selu_proof.numeric.backprop import DropoutLayer, layer_generators, network_setup
from selu_proof.numeric.initializers import initialize, weight_statistics
from selu_proof.numeric.network import _activate, moment_statistics

__all__ = ["PairRecord", "PairResult", "simulate_pairs", "predicted_correlation"]


@dataclass
class PairRecord:
    """Correlation of the pairs at one layer (0 = input)."""

    layer: int
    corr: float
    se_corr: float
    predicted_corr: float | None
    step_corr: float | None

    @property
    def dev(self) -> float | None:
        """``(corr - predicted_corr) / se_corr``."""
        if self.predicted_corr is None or not self.se_corr > 0:
            return None
        return (self.corr - self.predicted_corr) / self.se_corr

    @property
    def step_dev(self) -> float | None:
        """``(corr - step_corr) / se_corr``."""
        if self.step_corr is None or not self.se_corr > 0:
            return None
        return (self.corr - self.step_corr) / self.se_corr

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary with the deviations."""
        out = asdict(self)
        out.update(dev=self.dev, step_dev=self.step_dev)
        return out


@dataclass
class PairResult:
    """Per-layer correlations of :func:`simulate_pairs`."""

    layers: list[PairRecord]
    config: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """``{"layers": [...], "config": ...}``."""
        return {"layers": [r.as_dict() for r in self.layers], "config": self.config}


def predicted_correlation(act, c: float, mu: float, nu: float, omega: float,  # noqa: ANN001
                          tau: float, drop: DropoutLayer | None = None) -> float:
    """One step of the correlation map for the activation ``act`` (then alpha dropout).

    Alpha dropout with independent masks multiplies the covariance by
    ``A**2 q**2`` (:func:`selu_proof.derive.symbolic.dropout_mean_field`) and gives
    the variance of :func:`selu_proof.numeric.alpha_dropout_moments`.
    """
    from selu_proof.meanfield.selu import _tanh_pair, correlation_map

    a, v = mu * omega, nu * tau
    c = min(max(c, -1.0), 1.0)
    if act.selu_params is None:
        return _tanh_pair(c, a, v)[0]
    alpha, lam = act.selu_params
    out = float(correlation_map(c, a, v, alpha, lam, method="scipy"))
    if drop is None:
        return out
    m, var = act.moments(a, v)
    q = 1 - drop.rate
    _, var_out = compiled("dropout_moments", "numpy")(float(m), float(var), q, drop.sat,
                                                       drop.a, drop.b)
    cov_factor = compiled("dropout_mean_field", "numpy")(q, drop.sat, drop.target[0],
                                                        drop.target[1])[1]
    return float(cov_factor * out * float(var) / var_out)


def _pair_statistics(x, y) -> tuple[float, float]:  # noqa: ANN001
    """Pooled correlation of two ``(B, N)`` arrays and its crossed standard error."""
    mx, vx, _, _ = moment_statistics(x)
    my, vy, _, _ = moment_statistics(y)
    prod = (x - x.dtype.type(mx)) * (y - y.dtype.type(my))
    prod /= prod.dtype.type(math.sqrt(vx * vy))
    c, _, se, _ = moment_statistics(prod)
    return c, se


def simulate_pairs(depth: int = 50, width: int = 500, batch: int = 500, *,
                   rng: np.random.Generator, input_corr: float = 0.5, activation: str = "selu",
                   init: str = "lecun", omega: float = 0.0, tau: float = 1.0,
                   input_mean: float = 0.0, input_var: float = 1.0, dropout_rate: float = 0.0,
                   dtype: DTypeLike = np.float32,
                   callback: Callable[[], None] | None = None) -> PairResult:
    """Propagate ``batch`` pairs with input correlation ``input_corr`` and track their correlation.

    Examples
    --------
    >>> res = simulate_pairs(5, 200, 200, rng=np.random.default_rng(0), input_corr=0.9)
    >>> r = res.layers[-1]
    >>> abs(r.corr - r.predicted_corr) < 5 * r.se_corr
    True
    """
    if not -1 <= input_corr <= 1:
        raise ValueError("the input correlation must be in [-1, 1]")
    act, drop = network_setup(depth, width, batch, activation, dropout_rate, omega, tau)
    dt = np.dtype(dtype)
    in_rng, drop_rng, w_root = rng.spawn(3)
    gens = layer_generators(w_root, depth)
    s = dt.type(math.sqrt(input_var))
    x = in_rng.standard_normal((batch, width), dtype=dt)
    y = dt.type(input_corr) * x + dt.type(math.sqrt(1 - input_corr**2)) * \
        in_rng.standard_normal((batch, width), dtype=dt)
    x = x * s + dt.type(input_mean)
    y = y * s + dt.type(input_mean)
    c, se = _pair_statistics(x, y)
    records = [PairRecord(0, c, se, float(input_corr), None)]
    pred = float(input_corr)
    for layer in range(depth):
        w = initialize(init, width, width, gens[layer](), omega=omega, tau=tau,
                       dtype=dt).weights
        om_j, ta_j = weight_statistics(w)
        om, ta = float(om_j.mean()), float(ta_j.mean())
        mu, nu, _, _ = moment_statistics(np.concatenate([x, y]))
        pred = predicted_correlation(act, pred, mu, nu, om, ta, drop)
        step = predicted_correlation(act, records[-1].corr, mu, nu, om, ta, drop)
        x = _activate(act, x @ w)
        y = _activate(act, y @ w)
        del w
        if drop is not None:
            x, _ = drop(x, drop_rng)
            y, _ = drop(y, drop_rng)
        c, se = _pair_statistics(x, y)
        records.append(PairRecord(layer + 1, c, se, pred, step))
        if callback:
            callback()
    config = {"depth": depth, "width": width, "batch": batch, "activation": act.name,
              "init": init, "omega": omega, "tau": tau, "input_corr": input_corr,
              "input_mean": input_mean, "input_var": input_var, "dropout_rate": dropout_rate,
              "dtype": dt.name}
    return PairResult(records, config)
