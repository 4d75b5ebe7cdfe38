r"""Alpha dropout modules that keep a SELU's fixed point (paper Section 3).

:class:`AlphaDropout` drops single units, :class:`FeatureAlphaDropout` whole
channels (the dropout for convolutions, like ``torch.nn.FeatureAlphaDropout``).
A dropped unit takes the SELU's saturation value ``alpha' = -lambda*alpha``
(:func:`selu_proof.torch.design.saturation`, the same float the SELU kernel
reaches), and with keep probability ``q = 1 - p``

.. math:: y = a\,(x d + \alpha'(1 - d)) + b, \quad
          a = \sqrt{\frac{\nu^*}{q((1-q)(\alpha'-\mu^*)^2 + \nu^*)}}, \quad
          b = \mu^* - a(q\mu^* + (1-q)\alpha')

with ``a, b`` from the one symbolic formula
(:func:`selu_proof.derive.symbolic.dropout_affine`), certified to 20 digits by
:func:`selu_proof.fixedpoint.dropout_terms` for the float64 constants the SELU
actually uses, and rounded to float64.  Both are the identity in ``eval()``
mode and for ``p = 0``.  Their constants travel in ``state_dict()``.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Any

import torch
from torch import nn

from selu_proof.fixedpoint import Number, dropout_terms
from selu_proof.torch.design import (
    DesignedState,
    certified_selu_parameters,
    exact_key,
    saturation,
    selu_constants,
)

__all__ = ["AlphaDropout", "FeatureAlphaDropout"]


@lru_cache(maxsize=128)
def _terms(p: Number, mean: Number, var: Number, alpha: float, lam: float) -> tuple[float, float]:
    t = dropout_terms(p, mean, var, Fraction(alpha), Fraction(lam), digits=20)
    return float(Fraction(t["a"])), float(Fraction(t["b"]))


class AlphaDropout(DesignedState, nn.Module):
    r"""Alpha dropout that keeps the fixed point ``(mean, var)`` (see the module docstring).

    At the standard fixed point it equals ``torch.nn.AlphaDropout`` (same
    ``a``, ``b`` and, with the same seed, the same mask).

    Parameters
    ----------
    p : float
        Drop probability in ``[0, 1)``.
    fixed_point : (mean, var)
        The fixed point to keep (default ``(0, 1)``).
    alpha, lam : float, optional
        SELU constants; default: the certified SELU for ``fixed_point`` at
        ``(omega, tau)``, i.e. the one of ``SELU(fixed_point=...)``.  Use
        :meth:`from_selu` to take them from a SELU module.
    omega, tau : exact number
        Weight statistics for the default constants.

    Examples
    --------
    >>> AlphaDropout(0.1)
    AlphaDropout(p=0.1, a=0.9212845161497115, b=0.16197097005757022, saturation=-1.7580993408473766)
    """

    _kind = "AlphaDropout"

    def __init__(self, p: float, *, fixed_point: tuple[Number, Number] = (0, 1),
                 alpha: float | None = None, lam: float | None = None, omega: Number = 0,
                 tau: Number = 1) -> None:
        super().__init__()
        p = float(p)
        if not 0.0 <= p < 1.0:  # also refuses NaN
            raise ValueError(f"dropout probability must be in [0, 1), got {p!r}")
        mean, var = fixed_point
        if (alpha is None) != (lam is None):
            raise ValueError("give both alpha and lam, or neither")
        if alpha is None:
            alpha, lam = certified_selu_parameters(mean, var, omega, tau)
        self.p = p
        self.fixed_point = (mean, var)
        self.alpha, self.lam = float(alpha), float(lam)
        self.omega, self.tau = str(exact_key(omega)), str(exact_key(tau))
        self.saturation = saturation(self.alpha, self.lam)
        self.a, self.b = _terms(exact_key(p), exact_key(mean), exact_key(var), self.alpha,
                                self.lam)

    @classmethod
    def from_selu(cls, selu: nn.Module, p: float, *,
                  fixed_point: tuple[Number, Number] | None = None) -> AlphaDropout:
        """The dropout that keeps the fixed point ``selu`` was designed for, with its constants.

        ``selu`` is a :class:`~selu_proof.torch.SELU` or ``torch.nn.SELU``; a SELU
        with explicit ``alpha, lam`` has no designed fixed point, so give
        ``fixed_point`` then.

        >>> from selu_proof.torch import SELU
        >>> d = AlphaDropout.from_selu(SELU(fixed_point=("0", "1.5")), 0.1)
        >>> d.fixed_point, d.alpha == SELU(fixed_point=("0", "1.5")).alpha
        (('0', '1.5'), True)
        """
        design = selu_constants(selu)
        if design is None:
            raise TypeError(f"from_selu needs a SELU module, got {type(selu).__name__}")
        fp = fixed_point if fixed_point is not None else design["fixed_point"]
        if fp is None:
            raise ValueError(f"{selu!r} has explicit constants and no designed fixed point; "
                             "pass fixed_point=(mean, var)")
        return cls(p, fixed_point=tuple(fp), alpha=design["alpha"], lam=design["lam"],
                   omega=design["omega"], tau=design["tau"])

    def design(self) -> dict[str, Any]:
        """Drop probability, SELU constants, fixed point and weight statistics, and ``a, b``."""
        m, v = self.fixed_point
        return {"kind": self._kind, "p": self.p, "alpha": self.alpha, "lam": self.lam,
                "fixed_point": (str(exact_key(m)), str(exact_key(v))), "omega": self.omega,
                "tau": self.tau, "a": self.a, "b": self.b, "saturation": self.saturation}

    def _mask_shape(self, x: torch.Tensor) -> list[int]:
        return list(x.shape)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Drop units to the saturation value and rescale (training mode only)."""
        if not self.training or self.p == 0.0:
            return x
        keep = x.new_empty(self._mask_shape(x)).bernoulli_(1.0 - self.p)
        return (x * keep + self.saturation * (1 - keep)) * self.a + self.b

    def extra_repr(self) -> str:
        """Drop probability, the affine terms and a fixed point other than ``(0, 1)``."""
        s = f"p={self.p!r}, a={self.a!r}, b={self.b!r}, saturation={self.saturation!r}"
        m, v = self.fixed_point
        if Fraction(str(exact_key(m))) != 0 or Fraction(str(exact_key(v))) != 1:
            s += f", fixed_point={self.fixed_point!r}"
        return s


class FeatureAlphaDropout(AlphaDropout):
    r"""Alpha dropout of whole channels: one mask value per ``(sample, channel)``.

    For an input ``(N, C, *)`` every position of a dropped channel takes the
    saturation value; each unit still sees the transform of
    :class:`AlphaDropout` with the same ``a, b``, so every channel keeps the
    fixed point ``(mean, var)``.  At ``(0, 1)`` it equals
    ``torch.nn.FeatureAlphaDropout`` (same terms, and the same mask for the same
    seed).  Needs at least 2 dimensions (dimension 1 is the channel).

    >>> FeatureAlphaDropout(0.2)  # doctest: +ELLIPSIS
    FeatureAlphaDropout(p=0.2, a=0.8..., b=0.3..., saturation=-1.7580993408473766)
    """

    _kind = "FeatureAlphaDropout"

    def _mask_shape(self, x: torch.Tensor) -> list[int]:
        if x.dim() < 2:
            raise ValueError(f"FeatureAlphaDropout needs an input (N, C, *), got shape "
                             f"{list(x.shape)}")
        return list(x.shape[:2]) + [1] * (x.dim() - 2)
