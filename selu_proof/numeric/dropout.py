"""Alpha dropout (paper Section "New Dropout Technique"), for any fixed point.

A dropped unit takes the saturation value ``alpha' = -lambda*alpha`` of the
SELU instead of 0, and an affine correction ``a*(.) + b`` restores the mean
``mu*`` and variance ``nu*`` of the fixed point.  The affine terms are *not*
typed here: they are :func:`selu_proof.derive.symbolic.dropout_affine`, evaluated
through the generated backend :func:`selu_proof.backends.dropout_affine`, the
same definition ``selu-proof design --dropout-rate`` reports.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from selu_proof.backends import compiled, dropout_affine
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01

__all__ = ["alpha_dropout", "alpha_dropout_with_mask", "alpha_dropout_affine",
           "alpha_dropout_moments"]


def _check_rate(rate: float) -> float:
    rate = float(rate)
    if not (0.0 <= rate < 1.0):  # also rejects NaN
        raise ValueError(f"dropout rate must be in [0, 1), got {rate!r}")
    return rate


def alpha_dropout_affine(rate: float, *, mean: float = 0.0, var: float = 1.0,
                         alpha: float = ALPHA_01, scale: float = LAMBDA_01) -> tuple[float, float]:
    r"""Affine terms ``(a, b)`` of alpha dropout at fixed point ``(mean, var)``.

    .. math:: a = \sqrt{\frac{\nu^*}{q((1-q)(\alpha'-\mu^*)^2 + \nu^*)}}, \quad
              b = \mu^* - a(q\mu^* + (1-q)\alpha'), \quad q = 1 - \text{rate},
              \ \alpha' = -\lambda\alpha

    Evaluated from the symbolic formula (:func:`selu_proof.derive.symbolic.dropout_affine`).

    Examples
    --------
    >>> a, b = alpha_dropout_affine(0.1)
    >>> round(a, 6), round(b, 6)
    (0.921285, 0.161971)
    >>> alpha_dropout_affine(0.0)
    (1.0, 0.0)
    """
    rate = _check_rate(rate)
    if not (var > 0 and math.isfinite(var) and math.isfinite(mean)):
        raise ValueError("the fixed point needs a finite mean and a positive finite variance")
    a, b = dropout_affine(1.0 - rate, -scale * alpha, mean, var)
    return float(a), float(b)


def alpha_dropout(x: ArrayLike, rate: float, rng: np.random.Generator, *, mean: float = 0.0,
                  var: float = 1.0, alpha: float = ALPHA_01,
                  scale: float = LAMBDA_01) -> NDArray[np.floating]:
    r"""Alpha dropout of the activations ``x``.

    .. math:: y = a\,(x d + \alpha'(1 - d)) + b, \qquad
              d \sim \mathrm{Bernoulli}(1 - \text{rate})

    with ``(a, b)`` from :func:`alpha_dropout_affine`.  If ``x`` has mean
    ``mean`` and variance ``var`` (the fixed point of the SELU with parameters
    ``alpha``, ``scale``), so has ``y``; see :func:`alpha_dropout_moments`.

    Parameters
    ----------
    x : array_like
        Activations (float dtype preserved).
    rate : float
        Dropout probability ``1 - q`` in ``[0, 1)``; ``0`` returns ``x`` unchanged.
    rng : numpy.random.Generator
        Source of the mask ``d``.
    mean, var : float
        Fixed point ``(mu*, nu*)`` to preserve.
    alpha, scale : float
        SELU parameters; the saturation value is ``-scale*alpha``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> y = alpha_dropout(np.zeros(4), 0.5, rng)
    >>> sorted({float(t) for t in np.round(y, 4)})  # kept zeros and dropped units
    [-0.7792, 0.7792]
    """
    return alpha_dropout_with_mask(x, rate, rng, mean=mean, var=var, alpha=alpha,
                                   scale=scale)[0]


def alpha_dropout_with_mask(x: ArrayLike, rate: float, rng: np.random.Generator, *,
                            mean: float = 0.0, var: float = 1.0, alpha: float = ALPHA_01,
                            scale: float = LAMBDA_01
                            ) -> tuple[NDArray[np.floating], NDArray[np.bool_]]:
    """:func:`alpha_dropout` and its keep mask ``d`` (a backward pass multiplies by ``a d``).

    >>> y, keep = alpha_dropout_with_mask(np.zeros(4), 0.5, np.random.default_rng(0))
    >>> bool(np.all((y > 0) == keep))
    True
    """
    arr = np.asarray(x)
    if not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    a, b = alpha_dropout_affine(rate, mean=mean, var=var, alpha=alpha, scale=scale)
    if rate == 0.0:
        return arr.copy(), np.ones(arr.shape, dtype=bool)
    keep = rng.random(arr.shape, dtype=np.float32 if arr.dtype == np.float32 else np.float64)
    keep = keep >= rate
    sat = -scale * alpha
    out = np.where(keep, arr, np.asarray(sat, dtype=arr.dtype))
    out *= a
    out += b
    return out, keep


def alpha_dropout_moments(mu: Any, nu: Any, rate: float, *, mean: float = 0.0, var: float = 1.0,
                          alpha: float = ALPHA_01, scale: float = LAMBDA_01) -> tuple[Any, Any]:
    r"""Mean and variance of :func:`alpha_dropout` output for an input with moments ``(mu, nu)``.

    With ``d ~ Bernoulli(q)`` independent of ``x``:

    .. math:: E y = a(q\mu + (1-q)\alpha') + b, \qquad
              \mathrm{Var}\,y = a^2 q\,(\nu + (1-q)(\mu - \alpha')^2)

    Generated from :func:`selu_proof.derive.symbolic.dropout_moments`, the two
    equations :func:`selu_proof.derive.symbolic.dropout_affine` solves for ``(a, b)``
    at ``(mu, nu) = (mean, var)``.

    >>> m, v = alpha_dropout_moments(0.0, 1.0, 0.2)
    >>> round(float(m), 12), round(float(v), 12)
    (0.0, 1.0)
    """
    a, b = alpha_dropout_affine(rate, mean=mean, var=var, alpha=alpha, scale=scale)
    return compiled("dropout_moments", "numpy")(mu, nu, 1.0 - rate, -scale * alpha, a, b)
