"""``SELU`` as a ``torch.nn`` module with constants from the certified core.

It follows ``torch.nn`` conventions: the constants are plain float attributes
shown by ``extra_repr``, ``forward`` only computes, ``inplace=`` works as for
``torch.nn.SELU``.  The constants also travel in ``state_dict()``
(:class:`~selu_proof.torch.design.DesignedState`): loading a state saved from a
SELU designed for another fixed point raises.  The alpha-dropout modules live in
:mod:`selu_proof.torch.dropout` (re-exported here).
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from selu_proof.fixedpoint import Number
from selu_proof.kernel.constants import ALPHA_01, LAMBDA_01
from selu_proof.torch.design import (
    DesignedState,
    certified_selu_parameters,
    exact_key,
    saturation,
)
from selu_proof.torch.dropout import AlphaDropout, FeatureAlphaDropout

__all__ = ["SELU", "AlphaDropout", "FeatureAlphaDropout", "certified_selu_parameters"]


def _text(x: Number) -> str:
    return str(exact_key(x))


class SELU(DesignedState, nn.Module):
    r"""Scaled exponential linear unit (paper Eq. (2)) with certified constants.

    .. math:: \mathrm{selu}(x) = \lambda x \ (x > 0), \qquad
              \lambda\alpha\,\mathrm{expm1}(x) \ (x \le 0)

    Parameters
    ----------
    alpha, lam : float, optional
        Explicit constants; default ``alpha_01``, ``lambda_01`` (fixed point
        ``(0, 1)`` at ``omega = 0, tau = 1``), the values of
        ``torch.nn.SELU``.
    fixed_point : (mean, var), optional
        Instead of ``alpha, lam``: the SELU whose moment map has the fixed point
        ``(mean, var)`` at weight statistics ``(omega, tau)``, with ``(alpha,
        lambda)`` the float64 nearest the values certified by
        :func:`selu_proof.fixedpoint.design_selu` (exact inputs: ``"0.1"`` or
        ``Fraction``; floats are read at their shortest decimal).
    omega, tau : exact number
        Weight statistics for ``fixed_point`` (``(0, 1)``: normalized weights).
    inplace : bool
        Overwrite the input, as ``torch.nn.SELU(inplace=True)``.

    Examples
    --------
    >>> import torch
    >>> SELU(fixed_point=("0", "1.5"))
    SELU(alpha=1.8339602235162955, lam=1.056571232723075, fixed_point=('0', '1.5'))
    >>> SELU()(torch.tensor([1.0, -1e-30]))
    tensor([ 1.0507e+00, -1.7581e-30])
    >>> SELU(fixed_point=("0", "1.5")).dropout(0.1)  # doctest: +ELLIPSIS
    AlphaDropout(p=0.1, a=0.94..., b=0.18..., saturation=-1.93..., fixed_point=('0', '1.5'))
    """

    def __init__(self, alpha: float | None = None, lam: float | None = None, *,
                 fixed_point: tuple[Number, Number] | None = None, omega: Number = 0,
                 tau: Number = 1, inplace: bool = False) -> None:
        super().__init__()
        if fixed_point is not None:
            if alpha is not None or lam is not None:
                raise ValueError("give either fixed_point or alpha/lam, not both")
            mean, var = fixed_point
            alpha, lam = certified_selu_parameters(mean, var, omega, tau)
        elif (omega, tau) != (0, 1):
            raise ValueError("omega and tau only apply together with fixed_point")
        self.alpha = float(ALPHA_01 if alpha is None else alpha)
        self.lam = float(LAMBDA_01 if lam is None else lam)
        if not (self.alpha >= 0 and self.lam > 0):
            raise ValueError(f"need alpha >= 0 and lam > 0, got alpha={self.alpha}, "
                             f"lam={self.lam}")
        self.fixed_point = None if fixed_point is None else tuple(fixed_point)
        self.omega, self.tau = _text(omega), _text(tau)
        self.inplace = bool(inplace)

    @property
    def saturation(self) -> float:
        """``-lambda*alpha``, the limit of ``selu(x)`` at ``-inf`` (:func:`.design.saturation`)."""
        return saturation(self.alpha, self.lam)

    def design(self) -> dict[str, Any]:
        """The constants and the fixed point ``(mean, var)`` at ``(omega, tau)`` they are for.

        The default constants are designed for ``(0, 1)`` at ``(0, 1)``; explicit
        ``alpha, lam`` have no designed fixed point (``None``).
        """
        fp = self.fixed_point
        if fp is None and (self.alpha, self.lam) == (ALPHA_01, LAMBDA_01):
            fp = (0, 1)
        return {"kind": "SELU", "alpha": self.alpha, "lam": self.lam,
                "fixed_point": None if fp is None else (_text(fp[0]), _text(fp[1])),
                "omega": self.omega, "tau": self.tau}

    def dropout(self, p: float, *, feature: bool = False) -> AlphaDropout:
        """The alpha dropout that keeps this SELU's fixed point (:meth:`AlphaDropout.from_selu`).

        ``feature=True`` gives :class:`FeatureAlphaDropout` (whole channels).
        """
        cls = FeatureAlphaDropout if feature else AlphaDropout
        return cls.from_selu(self, p)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply SELU elementwise.

        One fused ATen ``elu`` kernel with ``scale = lambda`` (the kernel behind
        ``torch.nn.functional.selu``, which evaluates the negative side with
        ``expm1``: tiny negative inputs keep their relative precision).
        """
        if self.inplace:
            return torch.ops.aten.elu_(x, self.alpha, self.lam, 1.0)
        return torch.ops.aten.elu(x, self.alpha, self.lam, 1.0)

    def extra_repr(self) -> str:
        """The constants (and the fixed point they were designed for)."""
        s = f"alpha={self.alpha!r}, lam={self.lam!r}"
        if self.fixed_point is not None:
            s += f", fixed_point={self.fixed_point!r}"
            if (self.omega, self.tau) != ("0", "1"):
                s += f", omega={self.omega!r}, tau={self.tau!r}"
        return s + (", inplace=True" if self.inplace else "")


