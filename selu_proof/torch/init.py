r"""Weight initializers for SELU networks, and which fixed point each ``torch.nn.init`` gain gives.

The theorems are stated for the weight statistics of a unit ``j``,
``omega_j = sum_i w_ij`` and ``tau_j = sum_i w_ij**2`` (fan-in ``n``).
Gaussian weights with standard deviation ``gain/sqrt(n)`` give ``tau ~ gain**2``
and ``omega ~ N(0, gain**2)`` per unit (``omega`` averages to 0 over units).

**The gain question.**  For SELU, initialize with gain 1 and fan-in, i.e.
:func:`lecun_normal_` here, or ``torch.nn.init.kaiming_normal_(w,
nonlinearity='linear')`` (equivalently ``mode='fan_in'`` with gain 1), *not*
with ``torch.nn.init.calculate_gain('selu')`` (``= 3/4``).  Certified with
:func:`selu_proof.fixedpoint.fixed_point` and
:func:`selu_proof.backends.spectral_norm` (``alpha_01``, ``lambda_01``,
``omega = 0``; :func:`fixed_point_of_init`):

==========================  ===========  ===================================  ==========
init                        ``tau``      fixed point ``(mu*, nu*)``           ``S``
==========================  ===========  ===================================  ==========
gain 1 (``'linear'``)       ``1``        ``(0, 1)``                           ``0.7877``
``calculate_gain('selu')``  ``9/16``     ``(-0.02842, 0.02676)``              ``1.0310``
==========================  ===========  ===================================  ==========

With gain 3/4 the variance fixed point is ``0.027``: activations shrink to a
standard deviation of about 0.16 with depth, ``tau = 0.5625`` is outside the
Theorem 1 domain (``tau in [0.95, 1.1]``) and outside the ``tau`` range of
Theorems 2-3, and the spectral norm of the Jacobian ``H`` at that fixed point
is above 1 (the fixed point is still attracting, its spectral radius is below
1, but Theorem 1's contraction argument does not apply).  PyTorch's own
documentation of ``calculate_gain`` says the same: for Self-Normalizing Neural
Networks use ``nonlinearity='linear'``; the ``3/4`` gain trades the
self-normalizing fixed point for gradient flow in rectangular layers.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
import torch

from selu_proof.fixedpoint import Number

__all__ = ["lecun_normal_", "selu_normal_", "fixed_point_of_init", "fan_in"]


def fan_in(tensor: torch.Tensor) -> int:
    """Inputs per unit of a ``Linear`` (``(out, in)``) or ``Conv`` (``(out, in, *k)``) weight.

    ``TypeError`` for a tensor that is not floating point (an integer tensor would
    silently be filled with zeros), ``ValueError`` for fewer than 2 dimensions.
    """
    if not tensor.is_floating_point():
        raise TypeError(f"initialization needs a floating-point tensor, got {tensor.dtype} "
                        "(as torch.nn.init)")
    if tensor.dim() < 2:
        raise ValueError("initialization needs a weight with at least 2 dimensions, "
                         f"got shape {tuple(tensor.shape)}")
    return tensor[0].numel()


def lecun_normal_(tensor: torch.Tensor, *, generator: torch.Generator | None = None
                  ) -> torch.Tensor:
    r"""Fill ``tensor`` with LeCun normal weights ``N(0, 1/fan_in)`` in place and return it.

    Expected statistics ``omega = 0``, ``tau = 1`` per unit (the paper's
    normalized-weight case); the same as ``torch.nn.init.kaiming_normal_(tensor,
    nonlinearity='linear')``.

    >>> w = lecun_normal_(torch.empty(3, 10000), generator=torch.Generator().manual_seed(0))
    >>> [round(t, 1) for t in (w ** 2).sum(1).tolist()]
    [1.0, 1.0, 1.0]
    """
    std = 1.0 / math.sqrt(fan_in(tensor))
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)


def selu_normal_(tensor: torch.Tensor, omega: float = 0.0, tau: float = 1.0, *,
                 generator: torch.Generator | None = None) -> torch.Tensor:
    r"""Weights with exactly ``sum_i w_ij = omega`` and ``sum_i w_ij**2 = tau`` for every unit.

    The same construction as ``selu-proof simulate --omega/--tau``
    (:func:`selu_proof.numeric.initializers.exact`): ``omega/n`` plus a
    uniformly random direction orthogonal to ``(1, ..., 1)`` of norm
    ``sqrt(tau - omega**2/n)``, built in float64 and rounded to the tensor's
    dtype.  Every unit then lies in the Theorem 1 box when ``(omega, tau)``
    does, unlike Gaussian weights, whose per-unit ``omega_j`` has standard
    deviation 1.  Randomness comes from ``generator`` (or torch's global one).

    >>> w = selu_normal_(torch.empty(4, 50, dtype=torch.float64), 0.1, 1.05,
    ...                  generator=torch.Generator().manual_seed(0))
    >>> [round(t, 12) for t in w.sum(1).tolist()], [round(t, 12) for t in (w**2).sum(1).tolist()]
    ([0.1, 0.1, 0.1, 0.1], [1.05, 1.05, 1.05, 1.05])
    """
    from selu_proof.numeric.initializers import exact

    n = fan_in(tensor)
    seed = int(torch.randint(0, 2**62, (1,), generator=generator).item())
    w = exact(n, tensor.shape[0], np.random.default_rng(seed), omega=float(omega),
              tau=float(tau)).weights  # (n_in, n_out), one column per unit
    with torch.no_grad():
        tensor.copy_(torch.from_numpy(np.ascontiguousarray(w.T)).reshape(tensor.shape))
    return tensor


def fixed_point_of_init(gain: Number, omega: Number = 0) -> dict[str, Any]:
    r"""The certified fixed point and ``S`` that fan-in Gaussian init with ``gain`` lands on.

    ``tau = gain**2`` (exact); the fixed point ``(mu*, nu*)`` of ``g`` for
    ``alpha_01, lambda_01`` is certified by
    :func:`selu_proof.fixedpoint.fixed_point`, and ``S`` (largest singular
    value of the variance-map Jacobian ``H``, paper Theorem 1) and the spectral
    radius of ``H`` are float evaluations (:func:`selu_proof.backends.spectral_norm`)
    at that point.

    >>> r = fixed_point_of_init("3/4")
    >>> r["tau"], r["mean"], r["var"], round(r["S"], 4)
    ('9/16', '-0.0284180809907', '0.0267643294021', 1.031)
    """
    from selu_proof import backends
    from selu_proof.fixedpoint import fixed_point
    from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01

    g = Fraction(str(gain))
    tau = g * g
    r = fixed_point(Fraction(str(omega)), tau, digits=12)
    if not r.is_unique:
        raise ArithmeticError(f"no certified fixed point at tau={tau}: {r.reason}")
    m, v, w, t = r.float("mean"), r.float("var"), float(Fraction(str(omega))), float(tau)
    s = float(backends.spectral_norm(m, v, w, t, ALPHA_01, LAMBDA_01))
    h = np.array(backends.jacobian(m, v, w, t, ALPHA_01, LAMBDA_01), dtype=float).reshape(2, 2)
    return {"gain": str(g), "tau": str(tau), "mean": r.values["mean"], "var": r.values["var"],
            "S": s, "spectral_radius": float(max(abs(np.linalg.eigvals(h))))}
